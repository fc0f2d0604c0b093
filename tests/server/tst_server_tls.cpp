// HTTPS against the real server with a self-signed certificate made by openssl for this run: log in and call
// the API over TLS when the certificate is trusted as a CA; no answer over plain HTTP on the TLS port; a failed
// handshake without the CA; and plain HTTP on a non-loopback address refused at start unless
// --allow-plain-http says a TLS-terminating proxy is in front.
#include "TestServer.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

struct Fetched
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    bool sslErrors = false;
    QSslCertificate peer;
};

// One request with a QNetworkAccessManager of the test's own, trusting the given CAs in addition to the
// system's (QNAM ignores SSL_CERT_FILE, so the CA goes into the request's QSslConfiguration).
Fetched fetch(QNetworkAccessManager& nam, const QUrl& url, const QList<QSslCertificate>& ca,
              const QByteArray& method = "GET", const QByteArray& body = {}, const Headers& headers = {})
{
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (!ca.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(ca);
        request.setSslConfiguration(tls);
    }
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply* reply = nam.sendCustomRequest(request, method, body);
    Fetched f;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&f](const QList<QSslError>&) { f.sslErrors = true; });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    f.error = reply->error();
    f.errorString = reply->errorString();
    f.body = reply->readAll();
    f.peer = reply->sslConfiguration().peerCertificate();
    reply->deleteLater();
    return f;
}

QString adminEmail()
{
    return QString::fromLatin1(TestServer::AdminEmail);
}

} // namespace

class TestServerTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certDir;
    QString m_certPath;
    QString m_keyPath;
    QList<QSslCertificate> m_ca;

    QStringList tlsArgs() const { return {u"--tls-cert"_s, m_certPath, u"--tls-key"_s, m_keyPath}; }

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QVERIFY(m_certDir.isValid());
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        QVERIFY2(!openssl.isEmpty(), "the openssl command is missing (scripts/deps.sh installs it)");
        m_certPath = m_certDir.filePath(u"cert.pem"_s);
        m_keyPath = m_certDir.filePath(u"key.pem"_s);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_certDir.path());
        p.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                          u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                          u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, m_keyPath, u"-out"_s, m_certPath});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAll().constData());
        QFile cert(m_certPath);
        QVERIFY(cert.open(QIODevice::ReadOnly));
        m_ca = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
        QCOMPARE(m_ca.size(), 1);
        QVERIFY(!m_ca.constFirst().isNull());
    }

    void loginAndMeOverHttps()
    {
        TestServer s;
        s.setCaCertificates(m_ca);
        QVERIFY(s.start(tlsArgs()));
        QCOMPARE(s.url().scheme(), u"https"_s);
        QCOMPARE(s.url().host(), u"127.0.0.1"_s);

        const HttpResult login = s.login(adminEmail(), TestServer::AdminPassword);
        QVERIFY2(login.status == 200, qPrintable(describe(login)));
        const QString token = login.data().value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        const HttpResult me = s.get(u"/api/v1/me"_s, TestServer::bearer(token));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
        QCOMPARE(me.data().value(u"kind"_s).toString(), u"session"_s);
        QCOMPARE(me.data().value(u"user"_s).toObject().value(u"email"_s).toString(), adminEmail());

        // The same with a client of our own: the server presents exactly the generated certificate.
        QNetworkAccessManager nam;
        const Fetched f =
            fetch(nam, s.url().resolved(QUrl(u"/api/v1/me"_s)), m_ca, "GET", {}, TestServer::bearer(token));
        QVERIFY2(f.status == 200, qPrintable(f.errorString));
        QVERIFY(!f.sslErrors);
        QCOMPARE(f.peer, m_ca.constFirst());

        // The rest of the API works over TLS too: an API key created and used.
        const auto key = s.createKey(u"over tls"_s, {u"read:products"_s});
        QVERIFY(!key.second.isEmpty());
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
    }

    void plainHttpOnTheTlsPortGetsNoAnswer()
    {
        TestServer s;
        s.setCaCertificates(m_ca);
        QVERIFY(s.start(tlsArgs()));
        QUrl plain = s.url();
        plain.setScheme(u"http"_s);
        plain.setPath(u"/api/v1/auth/login"_s);
        QNetworkAccessManager nam;
        const QJsonObject body{{u"email"_s, adminEmail()},
                               {u"password"_s, QString::fromLatin1(TestServer::AdminPassword)}};
        const Fetched f = fetch(nam, plain, {}, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact));
        QVERIFY2(f.status != 200, f.body.constData());
        QVERIFY(!f.body.contains("token"));
        QVERIFY(f.error != QNetworkReply::NoError);
        // The server is still serving HTTPS afterwards.
        QCOMPARE(s.login(adminEmail(), TestServer::AdminPassword).status, 200);
    }

    void withoutTheCaTheHandshakeFails()
    {
        TestServer s;
        s.setCaCertificates(m_ca);
        QVERIFY(s.start(tlsArgs()));
        QNetworkAccessManager nam;
        const Fetched f = fetch(nam, s.url().resolved(QUrl(u"/api/v1/scopes"_s)), {});
        QVERIFY(f.sslErrors);
        QCOMPARE(f.status, 0);
        QCOMPARE(f.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(f.body.isEmpty());

        // TestServer without a CA fails the same way.
        s.setCaCertificates({});
        const HttpResult r = s.get(u"/api/v1/scopes"_s);
        QCOMPARE(r.status, 0);
        QVERIFY(!r.networkError.isEmpty());
        // …and with it, the server answers (401: no credentials).
        s.setCaCertificates(m_ca);
        QCOMPARE(s.get(u"/api/v1/scopes"_s).status, 401);
    }

    void plainHttpOnANonLoopbackAddressIsRefused_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::newRow("0.0.0.0") << u"0.0.0.0:0"_s;
        QTest::newRow("[::]") << u"[::]:0"_s;
        QTest::newRow("*") << u"*:0"_s;
        QTest::newRow("TEST-NET address") << u"192.0.2.1:0"_s;
    }

    void plainHttpOnANonLoopbackAddressIsRefused()
    {
        QFETCH(QString, listen);
        TestServer s;
        QVERIFY(s.start());
        s.stop();
        const auto [code, output] =
            s.runCommand({u"--db"_s, s.databasePath(), u"--listen"_s, listen, u"--scrypt-log-n"_s, u"12"_s}, {}, 20000);
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(u"--allow-plain-http"_s), qPrintable(output));
        QVERIFY2(!output.contains(u"http://"_s), qPrintable(output)); // it never served
    }

    void allowPlainHttpStartsOnAllAddresses()
    {
        TestServer s;
        QVERIFY(s.start());
        // The last --listen wins over TestServer's own 127.0.0.1:0.
        QVERIFY(s.restart({u"--listen"_s, u"0.0.0.0:0"_s, u"--allow-plain-http"_s}));
        QCOMPARE(s.url().scheme(), u"http"_s);
        QVERIFY(s.url().port() > 0);
        QCOMPARE(s.get(u"/api/v1/scopes"_s).status, 401);
        QCOMPARE(s.login(adminEmail(), TestServer::AdminPassword).status, 200);
        const qint64 pid = s.pid();
        QVERIFY(pid > 0);
        s.stop();
        QCOMPARE(s.pid(), 0);
        QCOMPARE(s.get(u"/api/v1/scopes"_s).status, 0);
    }

    void tlsOnAllAddressesNeedsNoOverride()
    {
        TestServer s;
        s.setCaCertificates(m_ca);
        QVERIFY(s.start());
        QVERIFY(s.restart(QStringList{u"--listen"_s, u"0.0.0.0:0"_s} + tlsArgs()));
        QCOMPARE(s.url().scheme(), u"https"_s);
        QCOMPARE(s.login(adminEmail(), TestServer::AdminPassword).status, 200);
    }

    void badTlsOptionsAreRefused()
    {
        TestServer s;
        QVERIFY(s.start());
        s.stop();
        const QStringList base{u"--db"_s,        s.databasePath(),    u"--listen"_s,
                               u"127.0.0.1:0"_s, u"--scrypt-log-n"_s, u"12"_s};
        const auto [alone, aloneOutput] = s.runCommand(base + QStringList{u"--tls-cert"_s, m_certPath}, {}, 20000);
        QCOMPARE(alone, 2);
        QVERIFY2(aloneOutput.contains(u"--tls-key"_s), qPrintable(aloneOutput));

        QFile garbage(m_certDir.filePath(u"garbage.pem"_s));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not a certificate\n");
        garbage.close();
        const auto [bad, badOutput] =
            s.runCommand(base + QStringList{u"--tls-cert"_s, garbage.fileName(), u"--tls-key"_s, m_keyPath}, {}, 20000);
        QVERIFY2(bad != 0 && bad != -1, qPrintable(badOutput));
        QVERIFY2(!badOutput.contains(u"https://"_s), qPrintable(badOutput));
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
