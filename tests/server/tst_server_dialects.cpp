// The compatible dialects of API.md §4, replayed from the source documents against the real server: the B2B
// API's POST /auth/login (reference 001) and the UAT portal's POST /api/v2/auth/jwt/ and GET /api/v2/me/
// (references 003/004). Where a document gives a whole body, the answer must equal it exactly.
#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

// The B2B document's own example credentials (reference 001); long enough for the server's password rule.
const QString B2bUsername = u"your_api_username"_s;
const QByteArray B2bPassword = "your_api_password";
const QString B2bEmail = u"api-client@example.test"_s;
const QByteArray OtherPassword = "other api pass phrase 6161";
// The UAT portal document's example e-mail (reference 003); its example password is too short to be set.
const QString PortalEmail = u"user@example.com"_s;
const QByteArray PortalPassword = "p@sSw0rd portal phrase";

// The curl example of reference 001, byte for byte (with its line breaks and indentation).
const QByteArray B2bCurlBody = "{\n\"username\": \"your_api_username\",\n\"password\": \"your_api_password\"\n}";

QJsonObject b2bValidationError()
{
    return {{u"error"_s, u"validation_error"_s}, {u"message"_s, u"Username and password are required"_s}};
}

QJsonObject b2bUnauthorized()
{
    return {{u"error"_s, u"unauthorized"_s}, {u"message"_s, u"Invalid credentials"_s}};
}

QJsonObject b2bTooManyRequests()
{
    return {{u"error"_s, u"Too Many Requests"_s},
            {u"message"_s, u"Too many login attempts. Please try again later."_s}};
}

QJsonObject portalBadCredentialsBody()
{
    return {{u"non_field_errors"_s, QJsonArray{u"Unable to login with provided credentials."_s}}};
}

QJsonObject portalNotValid()
{
    return {{u"detail"_s, u"Given token not valid for any token type"_s}, {u"code"_s, u"token_not_valid"_s}};
}

HttpResult b2bLogin(TestServer& server, const QJsonObject& body)
{
    return server.post(u"/auth/login"_s, body);
}

QJsonObject b2bBody(const QString& username, const QByteArray& password)
{
    return {{u"username"_s, username}, {u"password"_s, QString::fromUtf8(password)}};
}

bool isUtcIso(const QString& text)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"_s);
    return pattern.match(text).hasMatch() && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

Headers jwtHeader(const QString& token)
{
    return {{"Authorization", "JWT " + token.toLatin1()}};
}

} // namespace

class TestServerDialects : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addUser(B2bEmail, u"default"_s, u"member"_s, B2bPassword, B2bUsername));
        QVERIFY(m_server.addUser(PortalEmail, u"default"_s, u"member"_s, PortalPassword));
        QVERIFY(m_server.addUser(u"other-client@example.test"_s, u"default"_s, u"member"_s, OtherPassword,
                                 u"other_api_user"_s));
    }

    // ---- B2B API (reference 001) -----------------------------------------------------------------------------

    void b2bCurlExample()
    {
        const QDateTime before = m_server.serverNow();
        QVERIFY(before.isValid());
        // curl -X POST {{host}}/auth/login -H "Content-Type: application/json" -d '{ … }'
        const HttpResult r =
            m_server.request("POST", u"/auth/login"_s, B2bCurlBody, {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));

        QStringList keys = r.json.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"access_expires_at"_s, u"access_token"_s, u"client_id"_s, u"refresh_expires_at"_s,
                                    u"refresh_token"_s}));
        const QString access = r.json.value(u"access_token"_s).toString();
        QCOMPARE(access.count(u'.'), 2); // a JWT
        QVERIFY(!r.json.value(u"refresh_token"_s).toString().isEmpty());

        const QString accessExpires = r.json.value(u"access_expires_at"_s).toString();
        const QString refreshExpires = r.json.value(u"refresh_expires_at"_s).toString();
        QVERIFY2(isUtcIso(accessExpires), qPrintable(accessExpires));
        QVERIFY2(isUtcIso(refreshExpires), qPrintable(refreshExpires));
        const qint64 accessIn = before.secsTo(QDateTime::fromString(accessExpires, Qt::ISODateWithMs));
        const qint64 refreshIn = before.secsTo(QDateTime::fromString(refreshExpires, Qt::ISODateWithMs));
        QVERIFY2(accessIn >= 3600 - 5 && accessIn <= 3600 + 5, qPrintable(QString::number(accessIn)));
        QVERIFY2(refreshIn >= 7 * 24 * 3600 - 5 && refreshIn <= 7 * 24 * 3600 + 5,
                 qPrintable(QString::number(refreshIn)));

        // client_id is a JSON number (a whole one), not a string.
        const QJsonValue clientId = r.json.value(u"client_id"_s);
        QVERIFY2(clientId.isDouble(), r.body.constData());
        QVERIFY(clientId.toDouble() > 0);
        QCOMPARE(clientId.toDouble(), double(clientId.toInteger()));
        QVERIFY(QRegularExpression(u"\"client_id\":\\s*\\d+[,}\\s]"_s).match(QString::fromUtf8(r.body)).hasMatch());

        // The same client logs in again with the same client_id; another user has another one.
        const HttpResult again = b2bLogin(m_server, b2bBody(B2bUsername, B2bPassword));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(u"client_id"_s), clientId);
        QVERIFY(again.json.value(u"access_token"_s).toString() != access);
        const HttpResult other = b2bLogin(m_server, b2bBody(u"other_api_user"_s, OtherPassword));
        QVERIFY2(other.status == 200, qPrintable(describe(other)));
        QVERIFY(other.json.value(u"client_id"_s).isDouble());
        QVERIFY(other.json.value(u"client_id"_s) != clientId);

        // The access token is a Bearer token for the API.
        const HttpResult me = m_server.get(u"/api/v1/me"_s, TestServer::bearer(access));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
        QCOMPARE(me.data().value(u"kind"_s).toString(), u"session"_s);
        QCOMPARE(me.data().value(u"user"_s).toObject().value(u"email"_s).toString(), B2bEmail);
        QCOMPARE(me.data().value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(access)).status, 200);

        // The refresh token refreshes.
        const HttpResult refreshed = m_server.post(u"/api/v1/auth/refresh"_s,
                                                   {{u"refreshToken"_s, r.json.value(u"refresh_token"_s).toString()}});
        QVERIFY2(refreshed.status == 200, qPrintable(describe(refreshed)));
    }

    void b2bPhpExample()
    {
        // The PHP example sends json_encode($data): compact JSON.
        const HttpResult r = m_server.request(
            "POST", u"/auth/login"_s, QJsonDocument(b2bBody(B2bUsername, B2bPassword)).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QVERIFY(!r.json.value(u"access_token"_s).toString().isEmpty());
        QVERIFY(!r.json.contains(u"success"_s)); // no /api/v1 envelope
    }

    void b2bMissingFields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no password") << QByteArray("{\"username\": \"your_api_username\"}");
        QTest::newRow("no username") << QByteArray("{\"password\": \"your_api_password\"}");
        QTest::newRow("empty password") << QByteArray("{\"username\": \"your_api_username\", \"password\": \"\"}");
        QTest::newRow("empty username") << QByteArray("{\"username\": \"\", \"password\": \"your_api_password\"}");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("email instead of username")
            << QByteArray("{\"email\": \"api-client@example.test\", \"password\": \"x\"}");
    }

    void b2bMissingFields()
    {
        QFETCH(QByteArray, body);
        const HttpResult r = m_server.request("POST", u"/auth/login"_s, body, {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 400, qPrintable(describe(r)));
        QCOMPARE(r.json, b2bValidationError());
    }

    void b2bWrongCredentials_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QByteArray>("password");
        QTest::newRow("wrong password") << B2bUsername << QByteArray("not the api password");
        QTest::newRow("unknown user") << u"nobody_here"_s << B2bPassword;
    }

    void b2bWrongCredentials()
    {
        QFETCH(QString, username);
        QFETCH(QByteArray, password);
        const HttpResult r = b2bLogin(m_server, b2bBody(username, password));
        QVERIFY2(r.status == 401, qPrintable(describe(r)));
        QCOMPARE(r.json, b2bUnauthorized());
        QVERIFY(!r.header("WWW-Authenticate").isEmpty());
    }

    void b2bRateLimit()
    {
        // Own server: the limiter's state must not leak into the other tests.
        TestServer s;
        QVERIFY(s.start());
        QVERIFY(s.addUser(B2bEmail, u"default"_s, u"member"_s, B2bPassword, B2bUsername));
        for (int i = 1; i <= 5; ++i) {
            const HttpResult r = b2bLogin(s, b2bBody(B2bUsername, "wrong api password " + QByteArray::number(i)));
            QVERIFY2(r.status == 401, qPrintable(u"attempt %1: %2"_s.arg(i).arg(describe(r))));
            QCOMPARE(r.json, b2bUnauthorized());
        }
        const HttpResult limited = b2bLogin(s, b2bBody(B2bUsername, "wrong api password 6"));
        QVERIFY2(limited.status == 429, qPrintable(describe(limited)));
        QCOMPARE(limited.json, b2bTooManyRequests());
        bool ok = false;
        const int retryAfter = limited.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAfter > 0, limited.header("Retry-After").constData());
        // While limited, even the right password is refused the same way.
        const HttpResult right = b2bLogin(s, b2bBody(B2bUsername, B2bPassword));
        QCOMPARE(right.status, 429);
        QCOMPARE(right.json, b2bTooManyRequests());
        // When the window has passed, the right password works again.
        QVERIFY(s.advanceClock(retryAfter + 1));
        const HttpResult later = b2bLogin(s, b2bBody(B2bUsername, B2bPassword));
        QVERIFY2(later.status == 200, qPrintable(describe(later)));
    }

    // ---- UAT portal (references 003/004) ---------------------------------------------------------------------

    void portalJwtLogin()
    {
        const HttpResult r = m_server.post(
            u"/api/v2/auth/jwt/"_s, {{u"email"_s, PortalEmail}, {u"password"_s, QString::fromUtf8(PortalPassword)}});
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json.keys(), QStringList{u"token"_s});
        const QString token = r.json.value(u"token"_s).toString();
        QCOMPARE(token.count(u'.'), 2);

        // headers={"Authorization": "JWT " + token}; GET /api/v2/me/ tests that access is working.
        const HttpResult me = m_server.get(u"/api/v2/me/"_s, jwtHeader(token));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
        QCOMPARE(me.json.value(u"email"_s).toString(), PortalEmail);
        QVERIFY(!me.json.contains(u"success"_s));
        // The JWT is an ordinary session token on the /api/v1 side too.
        QCOMPARE(m_server.get(u"/api/v1/me"_s, TestServer::bearer(token)).status, 200);
    }

    void portalBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("body");
        // The document's example body, byte for byte: this account exists, but its password is not p@sSw0rd.
        QTest::newRow("document example")
            << QByteArray("{\n\"email\": \"user@example.com\",\n\"password\": \"p@sSw0rd\"\n}");
        QTest::newRow("unknown e-mail") << QByteArray(
            "{\"email\": \"nobody@example.com\", \"password\": \"p@sSw0rd portal phrase\"}");
    }

    void portalBadCredentials()
    {
        QFETCH(QByteArray, body);
        const HttpResult r =
            m_server.request("POST", u"/api/v2/auth/jwt/"_s, body, {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 400, qPrintable(describe(r)));
        QCOMPARE(r.json, portalBadCredentialsBody());
    }

    void portalMissingFieldIsA400()
    {
        const HttpResult r = m_server.post(u"/api/v2/auth/jwt/"_s, {{u"email"_s, PortalEmail}});
        QVERIFY2(r.status == 400, qPrintable(describe(r)));
        QVERIFY(!r.json.isEmpty());
        QVERIFY(!r.json.contains(u"token"_s));
    }

    void portalInvalidJwt()
    {
        for (const QByteArray& token : {QByteArray("not.a.jwt"), QByteArray("garbage")}) {
            const HttpResult r = m_server.get(u"/api/v2/me/"_s, {{"Authorization", "JWT " + token}});
            QVERIFY2(r.status == 401, qPrintable(describe(r)));
            QCOMPARE(r.json, portalNotValid());
            QVERIFY(!r.header("WWW-Authenticate").isEmpty());
        }
    }

    void portalExpiredJwt()
    {
        TestServer s;
        QVERIFY(s.start());
        QVERIFY(s.addUser(PortalEmail, u"default"_s, u"member"_s, PortalPassword));
        const HttpResult login = s.post(
            u"/api/v2/auth/jwt/"_s, {{u"email"_s, PortalEmail}, {u"password"_s, QString::fromUtf8(PortalPassword)}});
        QCOMPARE(login.status, 200);
        const QString token = login.json.value(u"token"_s).toString();
        QCOMPARE(s.get(u"/api/v2/me/"_s, jwtHeader(token)).status, 200);
        // The access token lives exactly one hour (plus at most a minute of leeway).
        QVERIFY(s.advanceClock(3600 + 61));
        const HttpResult r = s.get(u"/api/v2/me/"_s, jwtHeader(token));
        QVERIFY2(r.status == 401, qPrintable(describe(r)));
        QCOMPARE(r.json, portalNotValid());
    }
};

QTEST_GUILESS_MAIN(TestServerDialects)
#include "tst_server_dialects.moc"
