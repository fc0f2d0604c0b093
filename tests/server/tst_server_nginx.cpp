// docs/deploy/nginx.conf as shipped, with a real nginx in front of a tiny upstream written here, and the real server
// deciding: no key, a key's scope by method, revoked, expired UAT, outside the allowlist (the address nginx
// forwards), rate limit and suspension, each as the client of nginx sees it.
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

// The protected API: answers 200 with the request line and the headers it received, as JSON.
class Upstream final : public QTcpServer
{
public:
    Upstream()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    QByteArray& buffer = *static_cast<QByteArray*>(socket->property("buffer").value<void*>());
                    buffer += socket->readAll();
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QList<QByteArray> lines = buffer.left(end).split('\n');
                    QJsonObject headers;
                    for (qsizetype i = 1; i < lines.size(); ++i) {
                        const QByteArray line = lines.at(i).trimmed();
                        const qsizetype colon = line.indexOf(':');
                        if (colon > 0)
                            headers.insert(QString::fromLatin1(line.left(colon).toLower()),
                                           QString::fromLatin1(line.mid(colon + 1).trimmed()));
                    }
                    const QByteArray body =
                        QJsonDocument(QJsonObject{{u"request"_s, QString::fromLatin1(lines.value(0).trimmed())},
                                                  {u"headers"_s, headers}})
                            .toJson(QJsonDocument::Compact);
                    buffer.remove(0, end + 4);
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
                auto* buffer = new QByteArray;
                socket->setProperty("buffer", QVariant::fromValue<void*>(buffer));
                connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                    delete buffer;
                    socket->deleteLater();
                });
            }
        });
    }
};

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QByteArray header(const HttpResult& r, const QByteArray& name)
{
    for (const auto& [key, value] : r.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class TestServerNginx : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    Upstream m_upstream;
    QTemporaryDir m_dir;
    QProcess m_nginx;
    QUrl m_url; // nginx

    HttpResult viaNginx(const QByteArray& method, const QString& path, const Headers& headers = {})
    {
        // TestServer's client against another base URL: the same requests, sent to nginx.
        QUrl url = m_url;
        url.setPath(path);
        return m_server.requestTo(url, method, method == "POST" ? QByteArray("{}") : QByteArray(), headers);
    }

    QString nginxLog() const
    {
        QFile log(m_dir.filePath(u"error.log"_s));
        return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
    }

private slots:
    void initTestCase()
    {
        QString nginx = QStandardPaths::findExecutable(u"nginx"_s);
        if (nginx.isEmpty())
            nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
        QVERIFY2(!nginx.isEmpty(), "nginx is not installed (scripts/deps.sh test installs nginx-light)");
        QVERIFY(m_dir.isValid());
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                                QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        QVERIFY(m_server.start({u"--authz-policy"_s, QStringLiteral(TOKENDESK_DEPLOY_DIR "/authz-policy.conf"),
                                u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        QVERIFY(m_upstream.listen(QHostAddress::LocalHost, 0));

        // The shipped file, its three addresses replaced; around it, a main configuration that keeps nginx in the
        // temporary folder (pid, logs, temp paths) and in the foreground.
        QFile shipped(QStringLiteral(TOKENDESK_DEPLOY_DIR "/nginx.conf"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QString site = QString::fromUtf8(shipped.readAll());
        const quint16 port = freePort();
        QVERIFY(port != 0);
        QVERIFY(site.contains(u"server 127.0.0.1:8443;"_s) && site.contains(u"server 127.0.0.1:9000;"_s) &&
                site.contains(u"listen 8080;"_s));
        site.replace(u"127.0.0.1:8443"_s, u"127.0.0.1:%1"_s.arg(m_server.url().port()));
        site.replace(u"127.0.0.1:9000"_s, u"127.0.0.1:%1"_s.arg(m_upstream.serverPort()));
        site.replace(u"listen 8080;"_s, u"listen 127.0.0.1:%1;"_s.arg(port));
        QFile siteFile(m_dir.filePath(u"site.conf"_s));
        QVERIFY(siteFile.open(QIODevice::WriteOnly));
        siteFile.write(site.toUtf8());
        siteFile.close();
        const QString d = m_dir.path();
        QString main = u"worker_processes 1;\ndaemon off;\npid %1/nginx.pid;\nerror_log %1/error.log;\n"_s.arg(d);
        if (geteuid() == 0)
            main += u"user root;\n"_s; // the workers read this folder (0700 for anyone else)
        main += u"events { worker_connections 256; }\nhttp {\n    access_log off;\n"
                "    client_body_temp_path %1/client_body;\n    proxy_temp_path %1/proxy;\n"
                "    include %1/site.conf;\n}\n"_s.arg(d);
        QFile mainFile(m_dir.filePath(u"nginx.conf"_s));
        QVERIFY(mainFile.open(QIODevice::WriteOnly));
        mainFile.write(main.toUtf8());
        mainFile.close();
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx, {u"-p"_s, d, u"-e"_s, d + u"/error.log"_s, u"-c"_s, mainFile.fileName()});
        QVERIFY2(m_nginx.waitForStarted(), qPrintable(m_nginx.errorString()));
        m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        QTRY_VERIFY2_WITH_TIMEOUT(viaNginx("GET", u"/api/products/1"_s).status != 0,
                                  qPrintable(QString::fromUtf8(m_nginx.readAll()) + nginxLog()), 10000);
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
        }
    }

    void theGatewayAsksTokenDesk()
    {
        // No key: 401 from nginx, as JSON with WWW-Authenticate; the upstream never sees the request.
        const HttpResult none = viaNginx("GET", u"/api/products/1"_s);
        QCOMPARE(none.status, 401);
        QVERIFY(!header(none, "WWW-Authenticate").isEmpty());
        QCOMPARE(none.errorCode(), u"unauthorized"_s);

        // read:products: GET passes with who is calling, and without the secret; POST is refused.
        const auto key = m_server.createKey(u"shop frontend"_s, {u"read:products"_s});
        const Headers h = TestServer::apiKey(key.second);
        const HttpResult ok = viaNginx("GET", u"/api/products/1"_s, h);
        QCOMPARE(ok.status, 200);
        const QJsonObject seen = ok.json.value(u"headers"_s).toObject();
        QCOMPARE(ok.json.value(u"request"_s).toString(), u"GET /api/products/1 HTTP/1.1"_s);
        QCOMPARE(seen.value(u"x-tokendesk-subject"_s).toString(), key.first);
        QCOMPARE(seen.value(u"x-tokendesk-kind"_s).toString(), u"apiKey"_s);
        QCOMPARE(seen.value(u"x-tokendesk-tenant"_s).toString(), u"default"_s);
        QCOMPARE(seen.value(u"x-tokendesk-scopes"_s).toString(), u"read:products"_s);
        QVERIFY2(!seen.contains(u"x-api-key"_s), "the upstream got the secret");
        const HttpResult post = viaNginx("POST", u"/api/products"_s, h);
        QCOMPARE(post.status, 403);
        QCOMPARE(post.errorCode(), u"insufficient_scope"_s);
        QCOMPARE(viaNginx("GET", u"/api/internal/metrics"_s, h).status, 403);
        QCOMPARE(viaNginx("GET", u"/api/products/../internal/metrics"_s, h).status, 403);

        // Revoked: refused from the next request on.
        QCOMPARE(m_server.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, m_server.admin()).status, 200);
        QCOMPARE(viaNginx("GET", u"/api/products/1"_s, h).status, 401);

        // Outside its allowlist: the client address is the one nginx forwards (a trusted proxy), 127.0.0.1.
        const auto fenced =
            m_server.createKey(u"fenced"_s, {u"read:products"_s}, {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}});
        const HttpResult outside = viaNginx("GET", u"/api/products/1"_s, TestServer::apiKey(fenced.second));
        QCOMPARE(outside.status, 403);
        QCOMPARE(outside.errorCode(), u"ip_not_allowed"_s);
    }

    void rateLimitAndSuspensionThroughNginx()
    {
        const auto key = m_server.createKey(u"metered"_s, {u"read:products"_s},
                                            {{u"rateLimit"_s, QJsonObject{{u"requests"_s, 5}, {u"perSeconds"_s, 60}}}});
        const Headers h = TestServer::apiKey(key.second);
        for (int i = 0; i < 5; ++i) {
            const HttpResult r = viaNginx("GET", u"/api/products/1"_s, h);
            QCOMPARE(r.status, 200);
            QCOMPARE(header(r, "RateLimit-Remaining"), QByteArray::number(4 - i));
        }
        const HttpResult limited = viaNginx("GET", u"/api/products/1"_s, h);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        QVERIFY(header(limited, "Retry-After").toInt() >= 1);
        QCOMPARE(header(limited, "RateLimit-Limit"), QByteArray("5"));
        QCOMPARE(header(limited, "RateLimit-Remaining"), QByteArray("0"));

        const auto paused = m_server.createKey(u"paused"_s, {u"read:products"_s});
        const Headers p = TestServer::apiKey(paused.second);
        const QString path = u"/api/v1/api-keys/"_s + paused.first;
        QCOMPARE(m_server.post(path + u"/suspend"_s, {}, m_server.admin()).status, 200);
        const HttpResult suspended = viaNginx("GET", u"/api/products/1"_s, p);
        QCOMPARE(suspended.status, 401);
        QCOMPARE(suspended.errorCode(), u"credential_suspended"_s);
        QCOMPARE(m_server.post(path + u"/resume"_s, {}, m_server.admin()).status, 200);
        QCOMPARE(viaNginx("GET", u"/api/products/1"_s, p).status, 200);
    }

    // Last: it moves the server's clock.
    void anExpiredUatIsRefused()
    {
        const HttpResult created =
            m_server.post(u"/api/v1/uats"_s,
                          {{u"name"_s, u"brand robot"_s},
                           {u"permissions"_s, QJsonArray{u"product_create"_s}},
                           {u"validUntil"_s, QDate::currentDate().addDays(1).toString(Qt::ISODate)}},
                          m_server.admin());
        QCOMPARE(created.status, 201);
        const Headers uat{{"Authorization", "UAT " + created.data().value(u"secret"_s).toString().toLatin1()}};
        QCOMPARE(viaNginx("GET", u"/api/whoami"_s, uat).status, 200);
        QVERIFY(m_server.advanceClock(3 * 24 * 3600));
        const HttpResult expired = viaNginx("GET", u"/api/whoami"_s, uat);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"token_not_valid"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerNginx)
#include "tst_server_nginx.moc"
