// Notification endpoints and the durable outbox (issue 15) against the real server and a real HTTP receiver on
// loopback: signatures a receiver can verify (and a stale or altered request it can reject), retries with back-off
// (500, 500, 200: one accepted delivery, three attempts), each expiry threshold once under a moving clock, the
// Slack format, kill -9 with undelivered events (all delivered after the restart, none accepted twice), two
// instances on one database delivering each event once, and the bad input the API must refuse.
#include "TestServer.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <deque>
#include <optional>

using namespace Qt::StringLiterals;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

// A webhook receiver as a customer would write one: it verifies X-TokenDesk-Signature with the endpoint's secret,
// rejects a timestamp more than five minutes from its clock (replays), and accepts each X-TokenDesk-Delivery once
// (answering a repeat 200 without counting it again, as the documentation tells receivers to).
class Receiver final : public QObject
{
public:
    struct Seen
    {
        QByteArray delivery;
        QByteArray event;
        QByteArray body;
        QByteArray signature;
        int answered = 0;
    };

    // tls: serve HTTPS with this configuration (a certificate for 127.0.0.1) instead of plain HTTP.
    explicit Receiver(const std::optional<QSslConfiguration>& tls = std::nullopt)
    {
        if (tls) {
            auto* server = new QSslServer(this);
            server->setSslConfiguration(*tls);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        // After the TLS handshake for HTTPS (QSslServer queues a connection only then).
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    QString url(const QString& path = u"/hooks/tokendesk"_s) const
    {
        return u"%1://127.0.0.1:%2%3"_s.arg(qobject_cast<QSslServer*>(m_server) ? u"https"_s : u"http"_s)
            .arg(m_server->serverPort())
            .arg(path);
    }

    QByteArray secret;               // to verify signatures with
    qint64 clockOffsetSecs = 0;      // the server's test clock runs ahead of the real one by this much
    std::deque<int> script;          // statuses to answer before 200 (e.g. 500, 500)
    QList<Seen> seen;                // every request, in order
    QHash<QByteArray, int> accepted; // delivery id -> accepted (2xx, first time)

    // The receiver's verification: signature over "t.body" and a fresh t.
    bool verify(const QByteArray& header, const QByteArray& body, qint64 nowSecs) const
    {
        QByteArray t, v1;
        for (const QByteArray& part : header.split(',')) {
            if (part.startsWith("t="))
                t = part.mid(2);
            else if (part.startsWith("v1="))
                v1 = part.mid(3);
        }
        bool ok = false;
        const qint64 at = t.toLongLong(&ok);
        if (!ok || qAbs(nowSecs - at) > 300)
            return false;
        const QByteArray expected =
            QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256).toHex();
        return !v1.isEmpty() && v1 == expected;
    }
    int countFor(const QByteArray& event) const
    {
        return int(std::count_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.event == event; }));
    }

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QHash<QByteArray, QByteArray> headers;
        for (const QByteArray& line : buffer.left(end).split('\n').mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        Seen s{headers.value("x-tokendesk-delivery"), headers.value("x-tokendesk-event"), buffer.mid(end + 4, length),
               headers.value("x-tokendesk-signature"), 0};
        buffer.remove(0, end + 4 + length);
        if (!verify(s.signature, s.body, QDateTime::currentSecsSinceEpoch() + clockOffsetSecs))
            s.answered = 401;
        else if (!script.empty()) {
            s.answered = script.front();
            script.pop_front();
        } else {
            s.answered = 200;
            if (!accepted.contains(s.delivery))
                accepted.insert(s.delivery, 1);
        }
        seen.append(s);
        const QByteArray reason = s.answered == 200 ? "OK" : "Nope";
        socket->write("HTTP/1.1 " + QByteArray::number(s.answered) + ' ' + reason +
                      "\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok");
    }

    QTcpServer* m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QJsonObject endpointBody(const QString& url, const QStringList& events, const QJsonObject& extra = {})
{
    QJsonObject body{
        {u"name"_s, u"On-call channel"_s}, {u"url"_s, url}, {u"events"_s, QJsonArray::fromStringList(events)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

// Creates an endpoint; returns {id, secret}.
QPair<QString, QByteArray> createEndpoint(TestServer& s, const QJsonObject& body)
{
    const HttpResult r = s.post(u"/api/v1/notification-endpoints"_s, body, s.admin());
    if (r.status != 201)
        qWarning() << td::test::describe(r);
    return {r.data().value(u"endpoint"_s).toObject().value(u"id"_s).toString(),
            r.data().value(u"secret"_s).toString().toLatin1()};
}

QJsonArray deliveries(TestServer& s, const QString& endpoint, const td::test::Headers& auth = {})
{
    return s.get(u"/api/v1/notification-endpoints/"_s + endpoint + u"/deliveries"_s, auth.isEmpty() ? s.admin() : auth)
        .data()
        .value(u"items"_s)
        .toArray();
}

const QStringList FastScan = {u"--notification-scan-seconds"_s, u"1"_s};

} // namespace

class TestServerNotifications : public QObject
{
    Q_OBJECT

private slots:
    void endpointsAreManagedAndTheSecretIsShownOnce()
    {
        TestServer s;
        QVERIFY(s.start());
        const QString url = u"https://hooks.example.test/services/T000/B000/XXXXsecretpath"_s;
        const HttpResult created =
            s.post(u"/api/v1/notification-endpoints"_s,
                   endpointBody(url, {u"credential.expiring"_s, u"credential.revoked"_s}, {{u"format"_s, u"slack"_s}}),
                   s.admin());
        QCOMPARE(created.status, 201);
        const QJsonObject endpoint = created.data().value(u"endpoint"_s).toObject();
        const QString secret = created.data().value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdwh_"_s));
        QCOMPARE(endpoint.value(u"format"_s).toString(), u"slack"_s);
        QCOMPARE(endpoint.value(u"expiringDays"_s).toArray(), (QJsonArray{7, 1})); // the default
        const QString id = endpoint.value(u"id"_s).toString();

        // Afterwards: neither the secret nor the whole URL (a Slack webhook's path is its secret).
        const HttpResult got = s.get(u"/api/v1/notification-endpoints/"_s + id, s.admin());
        QCOMPARE(got.status, 200);
        const HttpResult listed = s.get(u"/api/v1/notification-endpoints"_s, s.admin());
        QCOMPARE(listed.data().value(u"items"_s).toArray().size(), 1);
        for (const HttpResult& r : {got, listed}) {
            QVERIFY(!r.body.contains(secret.toLatin1()));
            QVERIFY(!r.body.contains("XXXXsecretpath"));
        }
        QVERIFY(got.data()
                    .value(u"endpoint"_s)
                    .toObject()
                    .value(u"urlHint"_s)
                    .toString()
                    .startsWith(u"https://hooks.example.test/…"_s));
        const HttpResult audit = s.get(u"/api/v1/audit-events?targetId="_s + id, s.admin());
        QCOMPARE(audit.status, 200);
        QVERIFY2(!audit.body.contains("XXXXsecretpath"), audit.body.constData());

        // PATCH changes only what it names; a new secret is shown once and differs.
        const HttpResult patched = s.patch(
            u"/api/v1/notification-endpoints/"_s + id,
            {{u"events"_s, QJsonArray{u"credential.expiring"_s}}, {u"expiringDays"_s, QJsonArray{30, 1}}}, s.admin());
        QCOMPARE(patched.status, 200);
        const QJsonObject after = patched.data().value(u"endpoint"_s).toObject();
        QCOMPARE(after.value(u"expiringDays"_s).toArray(), (QJsonArray{30, 1}));
        QCOMPARE(after.value(u"format"_s).toString(), u"slack"_s);
        const HttpResult rotated = s.post(u"/api/v1/notification-endpoints/"_s + id + u"/secret"_s, {}, s.admin());
        QCOMPARE(rotated.status, 200);
        const QString second = rotated.data().value(u"secret"_s).toString();
        QVERIFY(second.startsWith(u"tdwh_"_s));
        QVERIFY(second != secret);

        QCOMPARE(s.request("DELETE", u"/api/v1/notification-endpoints/"_s + id, {}, s.admin()).status, 200);
        QCOMPARE(s.get(u"/api/v1/notification-endpoints/"_s + id, s.admin()).status, 404);
        // Every change is audited.
        const QJsonArray events =
            s.get(u"/api/v1/audit-events?targetId="_s + id, s.admin()).data().value(u"items"_s).toArray();
        QStringList actions;
        for (const QJsonValue& e : events)
            actions.append(e.toObject().value(u"action"_s).toString());
        for (const QString& a : {u"notification_endpoint.create"_s, u"notification_endpoint.update"_s,
                                 u"notification_endpoint.secret"_s, u"notification_endpoint.delete"_s})
            QVERIFY2(actions.contains(a), qPrintable(actions.join(u", "_s)));
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QStringList revoked = {u"credential.revoked"_s};
        QTest::newRow("http off loopback") << endpointBody(u"http://hooks.example.test/x"_s, revoked) << u"url"_s;
        QTest::newRow("not http") << endpointBody(u"ftp://127.0.0.1/x"_s, revoked) << u"url"_s;
        QTest::newRow("no url") << endpointBody({}, revoked) << u"url"_s;
        QTest::newRow("not a url") << endpointBody(u"https://"_s, revoked) << u"url"_s;
        QTest::newRow("unknown event") << endpointBody(u"https://h.example.test/"_s, {u"credential.deleted"_s})
                                       << u"events"_s;
        QTest::newRow("no event") << endpointBody(u"https://h.example.test/"_s, {}) << u"events"_s;
        QTest::newRow("days not in the set") << endpointBody(u"https://h.example.test/"_s, {u"credential.expiring"_s},
                                                             {{u"expiringDays"_s, QJsonArray{7, 3}}})
                                             << u"expiringDays"_s;
        QTest::newRow("no days") << endpointBody(u"https://h.example.test/"_s, {u"credential.expiring"_s},
                                                 {{u"expiringDays"_s, QJsonArray{}}})
                                 << u"expiringDays"_s;
        QTest::newRow("format") << endpointBody(u"https://h.example.test/"_s, revoked, {{u"format"_s, u"xml"_s}})
                                << u"format"_s;
        QTest::newRow("unknown field") << endpointBody(u"https://h.example.test/"_s, revoked, {{u"secret"_s, u"x"_s}})
                                       << u"secret"_s;
    }

    void badInputNamesTheField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        if (!m_server) {
            m_server = std::make_unique<TestServer>();
            QVERIFY(m_server->start());
        }
        TestServer& s = *m_server;
        const HttpResult r = s.post(u"/api/v1/notification-endpoints"_s, body, s.admin());
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(field),
                 qPrintable(td::test::describe(r)));
        // Nothing was created.
        QCOMPARE(s.get(u"/api/v1/notification-endpoints"_s, s.admin()).data().value(u"items"_s).toArray().size(), 0);
    }

    void atMostTwentyEndpointsPerTenant()
    {
        TestServer s;
        QVERIFY(s.start());
        for (int i = 0; i < 20; ++i)
            QVERIFY(!createEndpoint(s, endpointBody(u"https://h%1.example.test/"_s.arg(i), {u"credential.revoked"_s}))
                         .first.isEmpty());
        const HttpResult r = s.post(u"/api/v1/notification-endpoints"_s,
                                    endpointBody(u"https://h.example.test/"_s, {u"credential.revoked"_s}), s.admin());
        QCOMPARE(r.status, 400);
        QVERIFY(r.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"endpoints"_s));
        QCOMPARE(s.get(u"/api/v1/notification-endpoints"_s, s.admin()).data().value(u"items"_s).toArray().size(), 20);
    }

    void onlyAdminsOfTheTenant()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto [id, secret] =
            createEndpoint(s, endpointBody(u"https://h.example.test/"_s, {u"credential.revoked"_s}));
        QVERIFY(!id.isEmpty());
        // A key without admin: 403 on every route.
        const auto reader = s.createKey(u"reader"_s, {u"read:products"_s});
        const auto key = TestServer::apiKey(reader.second);
        QCOMPARE(s.get(u"/api/v1/notification-endpoints"_s, key).status, 403);
        QCOMPARE(s.post(u"/api/v1/notification-endpoints/"_s + id + u"/test"_s, {}, key).status, 403);
        // The admin of another tenant: 404 for this tenant's endpoint, and an empty list.
        QVERIFY(s.addUser(u"other@example.test"_s, u"other"_s, u"admin"_s, "another long password"));
        const HttpResult login = s.login(u"other@example.test"_s, "another long password");
        QCOMPARE(login.status, 200);
        const auto other = TestServer::bearer(login.data().value(u"token"_s).toString());
        const QString one = u"/api/v1/notification-endpoints/"_s + id;
        QCOMPARE(s.get(one, other).status, 404);
        QCOMPARE(s.patch(one, {{u"name"_s, u"mine"_s}}, other).status, 404);
        QCOMPARE(s.post(one + u"/test"_s, {}, other).status, 404);
        QCOMPARE(s.post(one + u"/secret"_s, {}, other).status, 404);
        QCOMPARE(s.get(one + u"/deliveries"_s, other).status, 404);
        QCOMPARE(s.request("DELETE", one, {}, other).status, 404);
        QCOMPARE(s.get(u"/api/v1/notification-endpoints"_s, other).data().value(u"items"_s).toArray().size(), 0);
        QCOMPARE(s.get(one, s.admin()).status, 200); // still there
    }

    void retriesUntilAccepted()
    {
        Receiver receiver;
        QVERIFY(receiver.listen());
        receiver.script = {500, 500};
        TestServer s;
        QVERIFY(s.start());
        const auto [endpoint, secret] = createEndpoint(s, endpointBody(receiver.url(), {u"credential.revoked"_s}));
        QVERIFY(!endpoint.isEmpty());
        receiver.secret = secret;
        const auto key = s.createKey(u"CI deploy"_s, {u"read:products"_s});
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, s.admin()).status, 200);

        QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.size(), 1, 20000);
        QCOMPARE(receiver.seen.at(0).answered, 500);
        // The next attempt waits 30 s, the one after 60 s: the server's clock is moved instead of waiting.
        QVERIFY(s.advanceClock(31));
        receiver.clockOffsetSecs = 31;
        QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.size(), 2, 20000);
        QCOMPARE(receiver.seen.at(1).answered, 500);
        QVERIFY(s.advanceClock(61));
        receiver.clockOffsetSecs = 92;
        QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.size(), 3, 20000);
        QCOMPARE(receiver.seen.at(2).answered, 200);

        // One event, one idempotency key in all three attempts, accepted once.
        QCOMPARE(receiver.accepted.size(), 1);
        for (const Receiver::Seen& seen : std::as_const(receiver.seen)) {
            QCOMPARE(seen.delivery, receiver.seen.at(0).delivery);
            QCOMPARE(seen.event, QByteArray("credential.revoked"));
        }
        const QJsonObject event = QJsonDocument::fromJson(receiver.seen.at(2).body).object();
        QCOMPARE(event.value(u"type"_s).toString(), u"credential.revoked"_s);
        QCOMPARE(event.value(u"id"_s).toString().toLatin1(), receiver.seen.at(0).delivery);
        QCOMPARE(event.value(u"credential"_s).toObject().value(u"id"_s).toString(), key.first);
        QCOMPARE(event.value(u"credential"_s).toObject().value(u"status"_s).toString(), u"revoked"_s);
        QVERIFY(!receiver.seen.at(2).body.contains(key.second.toLatin1()));

        // A receiver rejects a replay (the same request later) and an altered body.
        const Receiver::Seen& last = receiver.seen.at(2);
        const qint64 now = QDateTime::currentSecsSinceEpoch() + receiver.clockOffsetSecs;
        QVERIFY(receiver.verify(last.signature, last.body, now));
        QVERIFY(!receiver.verify(last.signature, last.body, now + 600));
        QVERIFY(!receiver.verify(last.signature, QByteArray(last.body).replace("revoked", "rotated"), now));
        QVERIFY(!receiver.verify(last.signature, last.body + ' ', now));

        // The deliveries list: delivered, three attempts, newest first.
        QJsonArray list;
        QTRY_VERIFY_WITH_TIMEOUT(
            (list = deliveries(s, endpoint),
             list.size() == 1 && list.at(0).toObject().value(u"status"_s).toString() == u"delivered"_s),
            10000);
        const QJsonArray attempts = list.at(0).toObject().value(u"attempts"_s).toArray();
        QCOMPARE(attempts.size(), 3);
        QCOMPARE(attempts.at(0).toObject().value(u"statusCode"_s).toInt(), 200);
        QCOMPARE(attempts.at(1).toObject().value(u"statusCode"_s).toInt(), 500);
        QCOMPARE(attempts.at(2).toObject().value(u"statusCode"_s).toInt(), 500);
        QCOMPARE(list.at(0).toObject().value(u"credentialId"_s).toString(), key.first);
    }

    void failedAfterADay()
    {
        // Nobody listens: connection refused on every attempt until a day has passed, then failed.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        TestServer s;
        QVERIFY(s.start());
        const auto [endpoint, secret] =
            createEndpoint(s, endpointBody(u"http://127.0.0.1:%1/x"_s.arg(port), {u"notification.test"_s}));
        QVERIFY(endpoint.isEmpty()); // not an event one can subscribe to
        const auto created =
            createEndpoint(s, endpointBody(u"http://127.0.0.1:%1/x"_s.arg(port), {u"credential.revoked"_s}));
        QCOMPARE(s.post(u"/api/v1/notification-endpoints/"_s + created.first + u"/test"_s, {}, s.admin()).status, 202);
        // Read with an admin key: a login session would expire while the clock runs through the day.
        const auto admin = TestServer::apiKey(s.createKey(u"admin"_s, {u"admin"_s}).second);
        QJsonObject d;
        QTRY_VERIFY_WITH_TIMEOUT(
            (d = deliveries(s, created.first, admin).at(0).toObject(), d.value(u"attempts"_s).toArray().size() == 1),
            20000);
        QCOMPARE(d.value(u"status"_s).toString(), u"pending"_s);
        QCOMPARE(d.value(u"attempts"_s).toArray().at(0).toObject().value(u"error"_s).toString(),
                 u"connection refused"_s);
        QVERIFY(!d.value(u"nextAttemptAt"_s).isNull());
        // Each hour-long wait passed at once, until the day is over.
        for (int hour = 0; hour < 26 && d.value(u"status"_s).toString() == u"pending"_s; ++hour) {
            const int before = int(d.value(u"attempts"_s).toArray().size());
            QVERIFY(s.advanceClock(3600));
            QTRY_VERIFY_WITH_TIMEOUT((d = deliveries(s, created.first, admin).at(0).toObject(),
                                      d.value(u"attempts"_s).toArray().size() > before),
                                     20000);
        }
        QCOMPARE(d.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(d.value(u"nextAttemptAt"_s).isNull());
    }

    // An https endpoint whose certificate an internal CA signed: trusted with --notification-ca, and refused (the
    // attempt says why) without it.
    void httpsWithAnInternalCa()
    {
        QTemporaryDir dir;
        QString cert, key, error;
        QVERIFY2(TestServer::makeCertificate(dir.path(), &cert, &key, &error), qPrintable(error));
        QFile certFile(cert), keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(QSslCertificate::fromData(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        Receiver receiver(tls);
        QVERIFY(receiver.listen());
        QVERIFY(receiver.url().startsWith(u"https://"_s));

        TestServer untrusting;
        QVERIFY(untrusting.start());
        const auto refused = createEndpoint(untrusting, endpointBody(receiver.url(), {u"credential.revoked"_s}));
        QCOMPARE(
            untrusting.post(u"/api/v1/notification-endpoints/"_s + refused.first + u"/test"_s, {}, untrusting.admin())
                .status,
            202);
        QJsonObject d;
        QTRY_VERIFY_WITH_TIMEOUT(
            (d = deliveries(untrusting, refused.first).at(0).toObject(), d.value(u"attempts"_s).toArray().size() == 1),
            20000);
        QVERIFY2(d.value(u"attempts"_s).toArray().at(0).toObject().value(u"error"_s).toString().contains(u"TLS"_s),
                 QJsonDocument(d).toJson().constData());
        QCOMPARE(receiver.seen.size(), 0);

        TestServer s;
        QVERIFY(s.start({u"--notification-ca"_s, cert}));
        const auto [endpoint, secret] = createEndpoint(s, endpointBody(receiver.url(), {u"credential.revoked"_s}));
        receiver.secret = secret;
        const auto k = s.createKey(u"over TLS"_s, {u"read:products"_s});
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + k.first + u"/revoke"_s, {}, s.admin()).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.accepted.size(), 1, 20000);
        QCOMPARE(receiver.seen.constLast().event, QByteArray("credential.revoked"));
        // A CA file that holds no certificate is refused at start.
        QFile bad(dir.filePath(u"bad.pem"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a certificate");
        bad.close();
        const auto [code, output] = s.runCommand(
            {u"--db"_s, dir.filePath(u"other.sqlite"_s), u"--notification-ca"_s, bad.fileName()}, {}, 20000);
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(u"no PEM certificate"_s), qPrintable(output));
    }

    void slackBodyIsJsonWithText()
    {
        Receiver receiver;
        QVERIFY(receiver.listen());
        TestServer s;
        QVERIFY(s.start());
        const auto [endpoint, secret] =
            createEndpoint(s, endpointBody(receiver.url(), {u"credential.rotated"_s, u"credential.revoked"_s},
                                           {{u"format"_s, u"slack"_s}}));
        receiver.secret = secret;
        const auto key = s.createKey(u"CI \"deploy\""_s, {u"read:products"_s});
        const HttpResult rotated =
            s.post(u"/api/v1/api-keys/"_s + key.first + u"/rotate"_s, {{u"graceSeconds"_s, 86400}}, s.admin());
        QVERIFY2(rotated.status == 200 || rotated.status == 201, qPrintable(td::test::describe(rotated)));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.accepted.size(), 1, 20000);
        const Receiver::Seen& seen = receiver.seen.constLast();
        QCOMPARE(seen.event, QByteArray("credential.rotated"));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(seen.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().keys(), QStringList{u"text"_s});
        const QString text = doc.object().value(u"text"_s).toString();
        QVERIFY2(text.contains(u"API key \"CI \"deploy\"\""_s), qPrintable(text));
        QVERIFY2(text.contains(u"rotated"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"http"_s), qPrintable(text)); // link-free
        QVERIFY(!seen.body.contains(key.second.toLatin1()));
    }

    void eachExpiryThresholdFiresOnce()
    {
        Receiver receiver;
        QVERIFY(receiver.listen());
        TestServer s;
        QVERIFY(s.start(FastScan));
        const auto [endpoint, secret] =
            createEndpoint(s, endpointBody(receiver.url(), {u"credential.expiring"_s, u"credential.expired"_s},
                                           {{u"expiringDays"_s, QJsonArray{30, 7, 1}}}));
        receiver.secret = secret;
        const QDateTime now = s.serverNow();
        const auto later =
            s.createKey(u"later"_s, {u"read:products"_s}, {{u"expiresAt"_s, now.addDays(40).toString(Qt::ISODate)}});
        const auto soon =
            s.createKey(u"soon"_s, {u"read:products"_s}, {{u"expiresAt"_s, now.addDays(3).toString(Qt::ISODate)}});
        qint64 offset = 0;
        const auto advance = [&](qint64 seconds) {
            offset += seconds;
            receiver.clockOffsetSecs = offset;
            return s.advanceClock(seconds);
        };
        const auto keysFor = [&](const QString& id) {
            QStringList out;
            for (auto it = receiver.accepted.cbegin(); it != receiver.accepted.cend(); ++it) {
                const QJsonObject e = QJsonDocument::fromJson(
                                          std::find_if(receiver.seen.cbegin(), receiver.seen.cend(),
                                                       [&](const Receiver::Seen& x) { return x.delivery == it.key(); })
                                              ->body)
                                          .object();
                if (e.value(u"credential"_s).toObject().value(u"id"_s).toString() == id)
                    out.append(e.value(u"type"_s).toString() + u'/' +
                               QString::number(e.value(u"daysBefore"_s).toInt()));
            }
            out.sort();
            return out;
        };

        // "soon" (3 days left) is announced once, at its 7-day threshold, not at 30 as well; "later" not yet.
        QTRY_COMPARE_WITH_TIMEOUT(keysFor(soon.first), QStringList{u"credential.expiring/7"_s}, 20000);
        const QJsonObject first = QJsonDocument::fromJson(receiver.seen.constLast().body).object();
        QCOMPARE(first.value(u"daysLeft"_s).toInt(), 3);
        // Four days on: "soon" expired a day ago (its 1-day threshold passed in the same jump: only the expiry is
        // told); "later" has 36 days left, beyond its widest threshold.
        QVERIFY(advance(4 * 86400));
        QTRY_COMPARE_WITH_TIMEOUT(keysFor(soon.first),
                                  (QStringList{u"credential.expired/0"_s, u"credential.expiring/7"_s}), 20000);
        QCOMPARE(keysFor(later.first), QStringList());
        // Just under 30 days left: the 30-day threshold.
        QVERIFY(advance(6 * 86400 + 3600));
        QTRY_COMPARE_WITH_TIMEOUT(keysFor(later.first), QStringList{u"credential.expiring/30"_s}, 20000);
        // 6.5 days left: the 7-day threshold; then half a day: the 1-day one; then expired.
        QVERIFY(advance(23 * 86400 + 11 * 3600));
        QTRY_COMPARE_WITH_TIMEOUT(keysFor(later.first),
                                  (QStringList{u"credential.expiring/30"_s, u"credential.expiring/7"_s}), 20000);
        QVERIFY(advance(6 * 86400));
        QTRY_COMPARE_WITH_TIMEOUT(
            keysFor(later.first),
            (QStringList{u"credential.expiring/1"_s, u"credential.expiring/30"_s, u"credential.expiring/7"_s}), 20000);
        QVERIFY(advance(86400));
        QTRY_COMPARE_WITH_TIMEOUT(keysFor(later.first),
                                  (QStringList{u"credential.expired/0"_s, u"credential.expiring/1"_s,
                                               u"credential.expiring/30"_s, u"credential.expiring/7"_s}),
                                  20000);
        // Scans go on every second: later ones queue none of these again.
        const qsizetype requests = receiver.seen.size();
        QVERIFY(advance(3600));
        QTest::qWait(3000); // a few more scans
        QCOMPARE(receiver.seen.size(), requests);
        QCOMPARE(requests, 6); // each accepted at its first attempt, none sent twice
    }

    void killNineLosesNothingAndDeliversOnce()
    {
        Receiver receiver;
        QVERIFY(receiver.listen());
        receiver.script = {503, 503, 503, 503, 503}; // the receiver is down at first
        TestServer s;
        QVERIFY(s.start());
        const auto [endpoint, secret] = createEndpoint(s, endpointBody(receiver.url(), {u"credential.revoked"_s}));
        receiver.secret = secret;
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(s.createKey(u"key %1"_s.arg(i), {u"read:products"_s}).first);
        QCOMPARE(s.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray::fromStringList(ids)}}, s.admin()).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.seen.size(), 5, 20000);
        QCOMPARE(receiver.accepted.size(), 0);

        s.kill();
        QVERIFY(s.restart());
        // The retries are due 30 s after the failures; the restarted server's clock starts from the real one.
        QVERIFY(s.advanceClock(31));
        receiver.clockOffsetSecs = 31;
        QTRY_COMPARE_WITH_TIMEOUT(receiver.accepted.size(), 5, 20000);
        QJsonArray list;
        QTRY_VERIFY_WITH_TIMEOUT(
            (list = deliveries(s, endpoint),
             list.size() == 5 && std::all_of(list.begin(), list.end(),
                                             [](const QJsonValue& v) {
                                                 return v.toObject().value(u"status"_s).toString() == u"delivered"_s;
                                             })),
            10000);
        // Each event under one key, accepted once, for each revoked key.
        QSet<QString> credentials;
        for (const QJsonValue& v : list)
            credentials.insert(v.toObject().value(u"credentialId"_s).toString());
        QCOMPARE(credentials, QSet<QString>(ids.begin(), ids.end()));
        QHash<QByteArray, int> requestsPerKey;
        for (const Receiver::Seen& seen : std::as_const(receiver.seen))
            ++requestsPerKey[seen.delivery];
        QCOMPARE(requestsPerKey.size(), 5);
        for (int n : std::as_const(requestsPerKey))
            QCOMPARE(n, 2); // one refused before the crash, one accepted after it
    }

    void twoInstancesDeliverEachEventOnce()
    {
        Receiver receiver;
        QVERIFY(receiver.listen());
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        QVERIFY(b.startSharing(a));
        const auto [endpoint, secret] = createEndpoint(a, endpointBody(receiver.url(), {u"credential.revoked"_s}));
        receiver.secret = secret;
        QStringList ids;
        for (int i = 0; i < 20; ++i)
            ids.append(a.createKey(u"key %1"_s.arg(i), {u"read:products"_s}).first);
        // Revoked through both instances; both notifiers poll the same outbox.
        QCOMPARE(
            a.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray::fromStringList(ids.mid(0, 10))}}, a.admin())
                .status,
            200);
        QCOMPARE(b.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray::fromStringList(ids.mid(10))}}, b.admin())
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.accepted.size(), 20, 30000);
        QTest::qWait(2000); // both notifiers poll again
        QCOMPARE(receiver.seen.size(), 20);
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_MAIN(TestServerNotifications)
#include "tst_server_notifications.moc"
