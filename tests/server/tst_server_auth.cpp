// Authentication against the real tokendesk-server: login, rate limits, JWT verification, refresh rotation,
// logout, session expiry on the server's test clock, tenants, /me, and secrets kept out of the log.

#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUuid>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

constexpr qint64 AccessLifetime = 3600;             // seconds: exp = iat + 3600
constexpr qint64 MaxLeeway = 60;                    // seconds the contract lets a verifier tolerate
constexpr qint64 RefreshLifetime = 7LL * 24 * 3600; // seconds, absolute from login
constexpr int LoginWindow = 300;                    // the server's default rate-limit window in seconds
constexpr int AccountFailureLimit = 5;
constexpr int AddressAttemptLimit = 30;

const QByteArray AdminPassword = TestServer::AdminPassword;
const QByteArray MemberPassword = "member pass phrase 7431";
const QByteArray GlobexPassword = "globex admin pass phrase 9102";
const QByteArray WrongPassword = "wrong pass phrase 5520";
const QString MemberEmail = u"carol@example.test"_s;
const QString MemberUsername = u"carol"_s;
const QString GlobexEmail = u"gina@globex.test"_s;
const QString GlobexTenant = u"globex"_s;

QString adminEmail()
{
    return QString::fromLatin1(TestServer::AdminEmail);
}

QString defaultTenant()
{
    return QString::fromLatin1(TestServer::DefaultTenant);
}

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray base64UrlPadded(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding);
}

QByteArray hmac(const QByteArray& key, const QByteArray& data,
                QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    return QMessageAuthenticationCode::hash(data, key, algorithm);
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Decodes one segment of a JWT as a JSON object (0: header, 1: payload).
QJsonObject jwtSegment(const QString& token, int index)
{
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(index).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

qint64 isoSeconds(const QJsonValue& value)
{
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODate);
    return at.isValid() ? at.toSecsSinceEpoch() : -1;
}

QString newJti()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

Headers bearer(const QByteArray& token, const QByteArray& scheme = "Bearer")
{
    return {{"Authorization", scheme + ' ' + token}};
}

bool hasScope(const QJsonObject& me, const QString& scope)
{
    return me.value(u"scopes"_s).toArray().contains(QJsonValue(scope));
}

QStringList tenantIds(const QJsonArray& tenants)
{
    QStringList ids;
    for (const QJsonValue& t : tenants)
        ids.append(t.toObject().value(u"id"_s).toString());
    return ids;
}

} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void login();
    void loginByUsername();
    void loginMissingFields_data();
    void loginMissingFields();
    void loginFailuresLookAlike();
    void loginForeignTenant();
    void accountRateLimit();
    void concurrentGuessesAreCountedBeforeHashing();
    void overlongLoginIsRefused();
    void addressRateLimit();

    void forgedBaselineIsAccepted();
    void jwtAttacks_data();
    void jwtAttacks();

    void refreshRotates();
    void refreshInParallel();
    void logout();
    void sessionExpiry();

    void tenants();
    void meForAdminAndMember();

    void logsHoldNoSecrets(); // last: checks the logs of every server used above

private:
    TestServer& freshServer();
    HttpResult loginAs(TestServer& server, const QString& email, const QByteArray& password);
    void remember(const QString& secret);
    void rememberSession(const HttpResult& login);

    QJsonObject baselineClaims() const;
    QByteArray sign(const QByteArray& headerJson, const QByteArray& payloadJson, const QByteArray& key = {}) const;
    QByteArray forge(const QJsonObject& claims) const;

    std::unique_ptr<TestServer> m_shared;
    std::unique_ptr<TestServer> m_local;                // the current test function's own server
    std::vector<std::unique_ptr<TestServer>> m_retired; // stopped, kept for their logs
    QByteArray m_key;                                   // the shared server's signing key
    QJsonObject m_loginClaims;                          // payload of a real login on the shared server
    QStringList m_secrets;                              // everything that must never reach a log
};

// ---- fixtures -------------------------------------------------------------------------------------------------

void TestServerAuth::initTestCase()
{
    QVERIFY2(!TestServer::binary().isEmpty(), "TOKENDESK_SERVER_BIN is not set");
    m_shared = std::make_unique<TestServer>();
    QVERIFY2(m_shared->start(), qPrintable(m_shared->log()));
    QVERIFY(m_shared->addUser(MemberEmail, defaultTenant(), u"member"_s, MemberPassword, MemberUsername));
    QVERIFY(m_shared->addUser(GlobexEmail, GlobexTenant, u"admin"_s, GlobexPassword));
    m_secrets << QString::fromUtf8(AdminPassword) << QString::fromUtf8(MemberPassword)
              << QString::fromUtf8(GlobexPassword) << QString::fromUtf8(WrongPassword);

    m_key = m_shared->signingKey();
    QVERIFY2(m_key.size() >= 32, "the signing key could not be read from the key file");

    const HttpResult r = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(r.status == 200, qPrintable(describe(r)));
    m_loginClaims = jwtSegment(r.data().value(u"token"_s).toString(), 1);
    QVERIFY(!m_loginClaims.value(u"sub"_s).toString().isEmpty());
    QVERIFY(!m_loginClaims.value(u"sid"_s).toString().isEmpty());
    QCOMPARE(m_loginClaims.value(u"tid"_s).toString(), defaultTenant());
}

void TestServerAuth::cleanup()
{
    if (m_local) {
        m_local->stop();
        m_retired.push_back(std::move(m_local));
    }
}

TestServer& TestServerAuth::freshServer()
{
    cleanup();
    m_local = std::make_unique<TestServer>();
    if (!m_local->start())
        qWarning().noquote() << "the test server did not start:" << m_local->log();
    return *m_local;
}

HttpResult TestServerAuth::loginAs(TestServer& server, const QString& email, const QByteArray& password)
{
    const HttpResult r = server.login(email, password);
    rememberSession(r);
    return r;
}

void TestServerAuth::remember(const QString& secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

void TestServerAuth::rememberSession(const HttpResult& login)
{
    remember(login.data().value(u"token"_s).toString());
    remember(login.data().value(u"refreshToken"_s).toString());
}

// ---- login ----------------------------------------------------------------------------------------------------

void TestServerAuth::login()
{
    const HttpResult r = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(r.status == 200, qPrintable(describe(r)));
    QCOMPARE(r.json.value(u"success"_s), QJsonValue(true));
    const QJsonObject data = r.data();

    const QString token = data.value(u"token"_s).toString();
    QCOMPARE(token.split(u'.').size(), 3);
    QCOMPARE(jwtSegment(token, 0), (QJsonObject{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"at+jwt"_s}}));
    const QJsonObject claims = jwtSegment(token, 1);
    QCOMPARE(claims.value(u"iss"_s).toString(), u"tokendesk"_s);
    QCOMPARE(claims.value(u"aud"_s).toString(), u"tokendesk-api"_s);
    QCOMPARE(claims.value(u"tid"_s).toString(), defaultTenant());
    QVERIFY(!claims.value(u"sub"_s).toString().isEmpty());
    QVERIFY(!claims.value(u"sid"_s).toString().isEmpty());
    QVERIFY(!claims.value(u"jti"_s).toString().isEmpty());
    const qint64 iat = claims.value(u"iat"_s).toInteger();
    const qint64 exp = claims.value(u"exp"_s).toInteger();
    QVERIFY(iat > 0);
    QCOMPARE(exp - iat, AccessLifetime);
    QCOMPARE(claims.value(u"nbf"_s).toInteger(), iat);
    QCOMPARE(isoSeconds(data.value(u"expiresAt"_s)), exp);
    QVERIFY(data.value(u"expiresAt"_s).toString().endsWith(u'Z'));

    QVERIFY(data.value(u"refreshToken"_s).toString().startsWith(u"tdr_"_s));
    // The session starts at login and lasts 7 days; iat is read a moment after the session was created.
    const qint64 refreshExpires = isoSeconds(data.value(u"refreshExpiresAt"_s));
    QVERIFY2(refreshExpires >= iat + RefreshLifetime - 1 && refreshExpires <= iat + RefreshLifetime,
             qPrintable(data.value(u"refreshExpiresAt"_s).toString()));

    const QJsonObject user = data.value(u"user"_s).toObject();
    QCOMPARE(user.value(u"email"_s).toString(), adminEmail());
    QCOMPARE(user.value(u"id"_s).toString(), claims.value(u"sub"_s).toString());
    const QJsonArray tenants = data.value(u"tenants"_s).toArray();
    QCOMPARE(tenantIds(tenants), QStringList{defaultTenant()});
    QCOMPARE(tenants.at(0).toObject().value(u"role"_s).toString(), u"admin"_s);

    // The token it returns works.
    const HttpResult me = m_shared->get(u"/api/v1/me"_s, bearer(token.toLatin1()));
    QVERIFY2(me.status == 200, qPrintable(describe(me)));
}

void TestServerAuth::loginByUsername()
{
    const HttpResult r = m_shared->post(
        u"/api/v1/auth/login"_s, {{u"username"_s, MemberUsername}, {u"password"_s, QString::fromUtf8(MemberPassword)}});
    rememberSession(r);
    QVERIFY2(r.status == 200, qPrintable(describe(r)));
    QCOMPARE(r.json.value(u"success"_s), QJsonValue(true));
    const QJsonObject user = r.data().value(u"user"_s).toObject();
    QCOMPARE(user.value(u"username"_s).toString(), MemberUsername);
    QCOMPARE(user.value(u"email"_s).toString(), MemberEmail);
    QVERIFY(r.data().value(u"refreshToken"_s).toString().startsWith(u"tdr_"_s));
    const HttpResult me = m_shared->get(u"/api/v1/me"_s, bearer(r.data().value(u"token"_s).toString().toLatin1()));
    QVERIFY2(me.status == 200, qPrintable(describe(me)));
    QCOMPARE(me.data().value(u"user"_s).toObject().value(u"email"_s).toString(), MemberEmail);
}

void TestServerAuth::loginMissingFields_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("fields");

    const QString password = QString::fromUtf8(AdminPassword);
    QTest::newRow("empty object") << QJsonObject{} << QStringList{u"email"_s, u"password"_s};
    QTest::newRow("no password") << QJsonObject{{u"email"_s, adminEmail()}} << QStringList{u"password"_s};
    QTest::newRow("empty password") << QJsonObject{{u"email"_s, adminEmail()}, {u"password"_s, u""_s}}
                                    << QStringList{u"password"_s};
    QTest::newRow("no login") << QJsonObject{{u"password"_s, password}} << QStringList{u"email"_s};
    QTest::newRow("blank email") << QJsonObject{{u"email"_s, u"   "_s}, {u"password"_s, password}}
                                 << QStringList{u"email"_s};
}

void TestServerAuth::loginMissingFields()
{
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, fields);
    const HttpResult r = m_shared->post(u"/api/v1/auth/login"_s, body);
    QVERIFY2(r.status == 400, qPrintable(describe(r)));
    QCOMPARE(r.json.value(u"success"_s), QJsonValue(false));
    QCOMPARE(r.errorCode(), u"validation_error"_s);
    const QJsonObject details = r.json.value(u"error"_s).toObject().value(u"details"_s).toObject();
    for (const QString& field : std::as_const(fields))
        QVERIFY2(details.contains(field), qPrintable(u"details do not name %1: %2"_s.arg(field, describe(r))));
}

void TestServerAuth::loginFailuresLookAlike()
{
    const HttpResult wrong = m_shared->login(adminEmail(), WrongPassword);
    const HttpResult unknown = m_shared->login(u"nobody@example.test"_s, WrongPassword);
    QVERIFY2(wrong.status == 401, qPrintable(describe(wrong)));
    QVERIFY2(unknown.status == 401, qPrintable(describe(unknown)));
    QCOMPARE(wrong.json.value(u"success"_s), QJsonValue(false));
    QCOMPARE(wrong.errorCode(), u"unauthorized"_s);
    QVERIFY(!wrong.json.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    // Nothing tells an existing account from an unknown one.
    QCOMPARE(unknown.body, wrong.body);
    QVERIFY(!wrong.header("WWW-Authenticate").isEmpty());
    QVERIFY(!unknown.header("WWW-Authenticate").isEmpty());
    QCOMPARE(unknown.header("WWW-Authenticate"), wrong.header("WWW-Authenticate"));

    // One failure does not lock the account: the right password still works (and clears the failure count).
    const HttpResult ok = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(ok.status == 200, qPrintable(describe(ok)));
}

void TestServerAuth::loginForeignTenant()
{
    // globex exists (gina's tenant), but the admin of "default" is not a member of it.
    const HttpResult foreign = m_shared->login(adminEmail(), AdminPassword, GlobexTenant);
    rememberSession(foreign);
    QVERIFY2(foreign.status == 403, qPrintable(describe(foreign)));
    QCOMPARE(foreign.json.value(u"success"_s), QJsonValue(false));
    QCOMPARE(foreign.errorCode(), u"tenant_forbidden"_s);
    QVERIFY(!foreign.body.contains("token"));

    const HttpResult absent = m_shared->login(adminEmail(), AdminPassword, u"no-such-tenant"_s);
    rememberSession(absent);
    QVERIFY2(absent.status == 403, qPrintable(describe(absent)));
    QCOMPARE(absent.errorCode(), u"tenant_forbidden"_s);

    // Naming one's own tenant is fine.
    const HttpResult own = m_shared->login(adminEmail(), AdminPassword, defaultTenant());
    rememberSession(own);
    QVERIFY2(own.status == 200, qPrintable(describe(own)));
    QCOMPARE(jwtSegment(own.data().value(u"token"_s).toString(), 1).value(u"tid"_s).toString(), defaultTenant());
}

// ---- rate limits (own servers: the limiter's state must not leak into other tests) -----------------------------

void TestServerAuth::accountRateLimit()
{
    TestServer& server = freshServer();
    QVERIFY(server.url().isValid());

    for (int i = 1; i <= AccountFailureLimit; ++i) {
        const HttpResult r = server.login(adminEmail(), WrongPassword);
        QVERIFY2(r.status == 401, qPrintable(u"attempt %1: %2"_s.arg(i).arg(describe(r))));
    }
    // The account is now blocked, even for the right password.
    const HttpResult blocked = server.login(adminEmail(), AdminPassword);
    rememberSession(blocked);
    QVERIFY2(blocked.status == 429, qPrintable(describe(blocked)));
    QCOMPARE(blocked.json.value(u"success"_s), QJsonValue(false));
    QCOMPARE(blocked.errorCode(), u"rate_limited"_s);
    QVERIFY(!blocked.body.contains("token"));
    bool ok = false;
    const int retryAfter = blocked.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter > 0 && retryAfter <= LoginWindow,
             qPrintable(u"Retry-After: %1"_s.arg(QString::fromLatin1(blocked.header("Retry-After")))));

    // Other accounts from the same address are not blocked by this account's failures.
    QVERIFY(server.addUser(MemberEmail, defaultTenant(), u"member"_s, MemberPassword));
    const HttpResult other = loginAs(server, MemberEmail, MemberPassword);
    QVERIFY2(other.status == 200, qPrintable(describe(other)));

    // Still blocked a little later, inside the window.
    QVERIFY(server.advanceClock(LoginWindow / 2));
    const HttpResult stillBlocked = server.login(adminEmail(), AdminPassword);
    rememberSession(stillBlocked);
    QVERIFY2(stillBlocked.status == 429, qPrintable(describe(stillBlocked)));

    // Past the window the right password works again.
    QVERIFY(server.advanceClock(LoginWindow / 2 + 1));
    const HttpResult again = loginAs(server, adminEmail(), AdminPassword);
    QVERIFY2(again.status == 200, qPrintable(describe(again)));
}

void TestServerAuth::addressRateLimit()
{
    TestServer& server = freshServer();
    QVERIFY(server.url().isValid());

    // Distinct unknown accounts, so that only the per-address limit can trigger.
    for (int i = 1; i <= AddressAttemptLimit; ++i) {
        const HttpResult r = server.login(u"visitor%1@example.test"_s.arg(i), WrongPassword);
        QVERIFY2(r.status == 401, qPrintable(u"attempt %1: %2"_s.arg(i).arg(describe(r))));
    }
    const HttpResult blocked = server.login(adminEmail(), AdminPassword);
    rememberSession(blocked);
    QVERIFY2(blocked.status == 429, qPrintable(describe(blocked)));
    QCOMPARE(blocked.errorCode(), u"rate_limited"_s);
    bool ok = false;
    const int retryAfter = blocked.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter > 0 && retryAfter <= LoginWindow,
             qPrintable(u"Retry-After: %1"_s.arg(QString::fromLatin1(blocked.header("Retry-After")))));

    QVERIFY(server.advanceClock(LoginWindow + 1));
    const HttpResult again = loginAs(server, adminEmail(), AdminPassword);
    QVERIFY2(again.status == 200, qPrintable(describe(again)));
}

// ---- JWT verification -----------------------------------------------------------------------------------------

QJsonObject TestServerAuth::baselineClaims() const
{
    const qint64 iat = m_loginClaims.value(u"iat"_s).toInteger();
    return QJsonObject{{u"iss"_s, u"tokendesk"_s},
                       {u"aud"_s, u"tokendesk-api"_s},
                       {u"sub"_s, m_loginClaims.value(u"sub"_s)},
                       {u"tid"_s, m_loginClaims.value(u"tid"_s)},
                       {u"sid"_s, m_loginClaims.value(u"sid"_s)},
                       {u"jti"_s, newJti()},
                       {u"iat"_s, iat},
                       {u"nbf"_s, iat},
                       {u"exp"_s, iat + AccessLifetime}};
}

QByteArray TestServerAuth::sign(const QByteArray& headerJson, const QByteArray& payloadJson,
                                const QByteArray& key) const
{
    const QByteArray input = base64Url(headerJson) + '.' + base64Url(payloadJson);
    return input + '.' + base64Url(hmac(key.isEmpty() ? m_key : key, input));
}

QByteArray TestServerAuth::forge(const QJsonObject& claims) const
{
    return sign(R"({"alg":"HS256","typ":"at+jwt"})", compact(claims));
}

void TestServerAuth::forgedBaselineIsAccepted()
{
    // The attack table below only means something if an unmutated forgery is accepted.
    const QJsonObject claims = baselineClaims();
    const QByteArray token = forge(claims);
    remember(QString::fromLatin1(token));
    for (const QByteArray& scheme : {QByteArray("Bearer"), QByteArray("JWT"), QByteArray("bearer")}) {
        const HttpResult me = m_shared->get(u"/api/v1/me"_s, bearer(token, scheme));
        QVERIFY2(me.status == 200, qPrintable(QString::fromLatin1(scheme) + u": "_s + describe(me)));
        QCOMPARE(me.data().value(u"kind"_s).toString(), u"session"_s);
        QCOMPARE(me.data().value(u"id"_s).toString(), claims.value(u"sid"_s).toString());
        QCOMPARE(me.data().value(u"tenantId"_s).toString(), defaultTenant());
    }
}

void TestServerAuth::jwtAttacks_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("oversized"); // may be refused by the HTTP layer (413/431) before the JWT check

    const QByteArray hs256Header = R"({"alg":"HS256","typ":"at+jwt"})";
    const QJsonObject base = baselineClaims();
    const QByteArray payload = compact(base);
    const QByteArray valid = forge(base);
    const QList<QByteArray> parts = valid.split('.');
    const QByteArray garbage = base64Url("definitely not an HMAC-SHA256 signature!");

    for (const char* alg : {"none", "None", "NONE"}) {
        const QByteArray header = QByteArray(R"({"alg":")") + alg + R"(","typ":"at+jwt"})";
        const QByteArray unsigned_ = base64Url(header) + '.' + base64Url(payload) + '.';
        QTest::addRow("alg %s, empty signature", alg) << unsigned_ << false;
        QTest::addRow("alg %s, garbage signature", alg) << QByteArray(unsigned_ + garbage) << false;
        QTest::addRow("alg %s, HMAC of the real key", alg) << sign(header, payload) << false;
    }
    QTest::newRow("alg missing") << sign(R"({"typ":"at+jwt"})", payload) << false;
    QTest::newRow("alg HS384 header, HS256 signature") << sign(R"({"alg":"HS384","typ":"at+jwt"})", payload) << false;
    {
        const QByteArray header = R"({"alg":"HS512","typ":"at+jwt"})";
        const QByteArray input = base64Url(header) + '.' + base64Url(payload);
        QTest::newRow("alg HS512, HS512 signature with the real key")
            << QByteArray(input + '.' + base64Url(hmac(m_key, input, QCryptographicHash::Sha512))) << false;
    }
    QTest::newRow("alg RS256 header, HMAC signature") << sign(R"({"alg":"RS256","typ":"at+jwt"})", payload) << false;
    QTest::newRow("typ JWT") << sign(R"({"alg":"HS256","typ":"JWT"})", payload) << false;
    QTest::newRow("extra header field kid") << sign(R"({"alg":"HS256","typ":"at+jwt","kid":"1"})", payload) << false;
    QTest::newRow("HS256 with another key")
        << sign(hs256Header, payload, "another signing key, 32 bytes or longer, not the server's") << false;
    QTest::newRow("HS256 with the key's first 31 bytes") << sign(hs256Header, payload, m_key.left(31)) << false;

    QTest::newRow("stripped signature") << QByteArray(parts.at(0) + '.' + parts.at(1) + '.') << false;
    QTest::newRow("2 segments") << QByteArray(parts.at(0) + '.' + parts.at(1)) << false;
    QTest::newRow("4 segments") << QByteArray(valid + '.' + parts.at(2)) << false;
    QTest::newRow("5 segments") << QByteArray(valid + '.' + parts.at(1) + '.' + parts.at(2)) << false;
    QTest::newRow("empty segment in front") << QByteArray('.' + valid) << false;
    {
        QJsonObject tampered = base;
        tampered.insert(u"tid"_s, GlobexTenant);
        QTest::newRow("tampered payload, baseline signature")
            << QByteArray(parts.at(0) + '.' + base64Url(compact(tampered)) + '.' + parts.at(2)) << false;
    }

    // Padding: each padded form is signed as sent, so only the padding itself can be what is refused.
    {
        QJsonObject claims = base;
        QByteArray json = compact(claims);
        while (json.size() % 3 == 0) { // make sure standard base64 of the payload really needs padding
            claims.insert(u"jti"_s, QString(claims.value(u"jti"_s).toString() + u'x'));
            json = compact(claims);
        }
        const QByteArray input = base64Url(hs256Header) + '.' + base64UrlPadded(json);
        QVERIFY(input.endsWith('='));
        QTest::newRow("padded payload") << QByteArray(input + '.' + base64Url(hmac(m_key, input))) << false;
        const QByteArray plainInput = base64Url(hs256Header) + '.' + base64Url(json);
        QTest::newRow("padded signature")
            << QByteArray(plainInput + '.' + base64UrlPadded(hmac(m_key, plainInput))) << false;
        const QByteArray allInput = base64Url(hs256Header) + "=." + base64UrlPadded(json);
        QTest::newRow("'=' appended to every segment")
            << QByteArray(allInput + '.' + base64UrlPadded(hmac(m_key, allInput))) << false;
    }
    {
        // Standard base64 characters instead of base64url, where the encoding differs.
        QByteArray token;
        for (int i = 0; i < 100 && token.isEmpty(); ++i) {
            const QByteArray json = compact(QJsonObject(baselineClaims()));
            const QByteArray input = base64Url(hs256Header) + '.' + base64Url(json);
            const QByteArray signature = hmac(m_key, input).toBase64(QByteArray::OmitTrailingEquals);
            if (signature.contains('+') || signature.contains('/'))
                token = input + '.' + signature;
        }
        QVERIFY(!token.isEmpty());
        QTest::newRow("signature in standard base64") << token << false;
    }

    const qint64 iat = base.value(u"iat"_s).toInteger(); // the server's "now" at the real login
    auto with = [&base](std::initializer_list<QPair<QString, QJsonValue>> changes) {
        QJsonObject o = base;
        for (const auto& change : changes) {
            if (change.second.isUndefined())
                o.remove(change.first);
            else
                o.insert(change.first, change.second);
        }
        return o;
    };
    QTest::newRow("expired") << forge(with({{u"iat"_s, iat - 7200}, {u"nbf"_s, iat - 7200}, {u"exp"_s, iat - 3600}}))
                             << false;
    QTest::newRow("expired just beyond the leeway") << forge(with({{u"iat"_s, iat - AccessLifetime - MaxLeeway - 1},
                                                                   {u"nbf"_s, iat - AccessLifetime - MaxLeeway - 1},
                                                                   {u"exp"_s, iat - MaxLeeway - 1}}))
                                                    << false;
    QTest::newRow("nbf in the future") << forge(with({{u"nbf"_s, iat + 600}})) << false;
    QTest::newRow("iat in the future") << forge(with({{u"iat"_s, iat + 600}, {u"exp"_s, iat + 600 + AccessLifetime}}))
                                       << false;
    QTest::newRow("missing exp") << forge(with({{u"exp"_s, QJsonValue(QJsonValue::Undefined)}})) << false;
    QTest::newRow("missing sid") << forge(with({{u"sid"_s, QJsonValue(QJsonValue::Undefined)}})) << false;
    QTest::newRow("missing jti") << forge(with({{u"jti"_s, QJsonValue(QJsonValue::Undefined)}})) << false;
    QTest::newRow("exp as a string") << forge(with({{u"exp"_s, QString::number(iat + AccessLifetime)}})) << false;
    QTest::newRow("wrong issuer") << forge(with({{u"iss"_s, u"someone-else"_s}})) << false;
    QTest::newRow("wrong audience") << forge(with({{u"aud"_s, u"another-api"_s}})) << false;
    QTest::newRow("unknown session") << forge(with({{u"sid"_s, u"ses_doesnotexist"_s}})) << false;
    QTest::newRow("sub of another user") << forge(with({{u"sub"_s, u"usr_doesnotexist"_s}})) << false;

    // Duplicate claim names, written by hand: QJsonObject cannot hold them.
    const QString sub = base.value(u"sub"_s).toString();
    const auto handWritten = [&](const QString& firstSub, const QString& secondSub, const QString& secondName) {
        const QString json =
            uR"({"iss":"tokendesk","aud":"tokendesk-api","sub":"%1","tid":"%2","sid":"%3","jti":"%4",)"
            uR"("iat":%5,"nbf":%5,"exp":%6,"%7":"%8"})"_s
                .arg(firstSub, base.value(u"tid"_s).toString(), base.value(u"sid"_s).toString(), newJti())
                .arg(iat)
                .arg(iat + AccessLifetime)
                .arg(secondName, secondSub);
        return sign(hs256Header, json.toUtf8());
    };
    QTest::newRow("duplicate sub, same value") << handWritten(sub, sub, u"sub"_s) << false;
    QTest::newRow("duplicate sub, other value last") << handWritten(sub, u"usr_attacker"_s, u"sub"_s) << false;
    QTest::newRow("duplicate sub, other value first") << handWritten(u"usr_attacker"_s, sub, u"sub"_s) << false;
    QTest::newRow("duplicate sub, escaped name") << handWritten(sub, sub, u"s\\u0075b"_s) << false;
    QTest::newRow("duplicate header field")
        << sign(R"({"alg":"HS256","typ":"at+jwt","alg":"HS256"})", payload) << false;

    // Size: just over the 8 KiB limit (validly signed otherwise), and 1 MiB.
    QTest::newRow("validly signed, over 8 KiB") << forge(with({{u"jti"_s, QString(6300, u'j')}})) << false;
    QTest::newRow("validly signed, 1 MiB") << forge(with({{u"jti"_s, QString(786432, u'j')}})) << true;
}

void TestServerAuth::jwtAttacks()
{
    QFETCH(QByteArray, token);
    QFETCH(bool, oversized);
    remember(QString::fromLatin1(token));
    for (const QByteArray& scheme : {QByteArray("Bearer"), QByteArray("JWT")}) {
        const HttpResult r = m_shared->get(u"/api/v1/me"_s, bearer(token, scheme));
        const QString what = QString::fromLatin1(scheme) + u": "_s + describe(r);
        QVERIFY2(r.status != 200, qPrintable(what));
        if (oversized && r.status != 401) {
            QVERIFY2(r.status == 413 || r.status == 431, qPrintable(what));
            continue;
        }
        QVERIFY2(r.status == 401, qPrintable(what));
        QCOMPARE(r.json.value(u"success"_s), QJsonValue(false));
        QCOMPARE(r.errorCode(), u"token_not_valid"_s);
        QVERIFY(!r.header("WWW-Authenticate").isEmpty());
    }
}

// ---- refresh, logout, expiry ----------------------------------------------------------------------------------

void TestServerAuth::refreshRotates()
{
    const HttpResult first = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(first.status == 200, qPrintable(describe(first)));
    const QString t1 = first.data().value(u"token"_s).toString();
    const QString r1 = first.data().value(u"refreshToken"_s).toString();

    const HttpResult missing = m_shared->post(u"/api/v1/auth/refresh"_s, {});
    QVERIFY2(missing.status == 400, qPrintable(describe(missing)));
    QCOMPARE(missing.errorCode(), u"validation_error"_s);
    QVERIFY(missing.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"refreshToken"_s));

    const HttpResult second = m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, r1}});
    rememberSession(second);
    QVERIFY2(second.status == 200, qPrintable(describe(second)));
    QCOMPARE(second.json.value(u"success"_s), QJsonValue(true));
    const QString t2 = second.data().value(u"token"_s).toString();
    const QString r2 = second.data().value(u"refreshToken"_s).toString();
    QVERIFY(r2.startsWith(u"tdr_"_s));
    QVERIFY(r2 != r1);
    QVERIFY(t2 != t1);
    const QJsonObject c1 = jwtSegment(t1, 1);
    const QJsonObject c2 = jwtSegment(t2, 1);
    QCOMPARE(c2.value(u"sid"_s), c1.value(u"sid"_s));
    QCOMPARE(c2.value(u"sub"_s), c1.value(u"sub"_s));
    QVERIFY(c2.value(u"jti"_s) != c1.value(u"jti"_s));
    QCOMPARE(c2.value(u"exp"_s).toInteger() - c2.value(u"iat"_s).toInteger(), AccessLifetime);
    QCOMPARE(isoSeconds(second.data().value(u"expiresAt"_s)), c2.value(u"exp"_s).toInteger());
    // The 7 days are counted from login, not from the last refresh.
    QCOMPARE(second.data().value(u"refreshExpiresAt"_s), first.data().value(u"refreshExpiresAt"_s));
    QVERIFY(second.data().value(u"user"_s).toObject().contains(u"email"_s));
    QCOMPARE(tenantIds(second.data().value(u"tenants"_s).toArray()), QStringList{defaultTenant()});
    QCOMPARE(m_shared->get(u"/api/v1/me"_s, bearer(t2.toLatin1())).status, 200);

    // Replaying R1: refused, and the whole session ends.
    const HttpResult replay = m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, r1}});
    rememberSession(replay);
    QVERIFY2(replay.status == 401, qPrintable(describe(replay)));
    QCOMPARE(replay.errorCode(), u"token_not_valid"_s);
    QVERIFY(!replay.header("WWW-Authenticate").isEmpty());

    const HttpResult afterReuse = m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, r2}});
    rememberSession(afterReuse);
    QVERIFY2(afterReuse.status == 401, qPrintable(describe(afterReuse)));
    QCOMPARE(afterReuse.errorCode(), u"token_not_valid"_s);

    for (const QString& token : {t1, t2}) {
        const HttpResult me = m_shared->get(u"/api/v1/me"_s, bearer(token.toLatin1()));
        QVERIFY2(me.status == 401, qPrintable(describe(me)));
        QCOMPARE(me.errorCode(), u"token_not_valid"_s);
    }

    // Refresh tokens that were never issued, or are not refresh tokens, are refused the same way.
    const QString apiKeyShaped = u"tdk_"_s + r1.mid(4);
    for (const QString& bogus : {u"tdr_0000000000000000000000000000000000000"_s, apiKeyShaped, t1}) {
        const HttpResult r = m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, bogus}});
        QVERIFY2(r.status == 401, qPrintable(describe(r)));
        QCOMPARE(r.errorCode(), u"token_not_valid"_s);
    }

    // Another session of the same user is not affected by the reuse.
    const HttpResult other = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(other.status == 200, qPrintable(describe(other)));
    const HttpResult otherRefresh =
        m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, other.data().value(u"refreshToken"_s)}});
    rememberSession(otherRefresh);
    QVERIFY2(otherRefresh.status == 200, qPrintable(describe(otherRefresh)));
}

void TestServerAuth::concurrentGuessesAreCountedBeforeHashing()
{
    // 20 wrong passwords at once for one account: attempts are counted before the (slow) hashing, so at most the
    // account limit (5) of them are checked at all; the others are refused with 429 straight away.
    TestServer& server = freshServer();
    constexpr int Parallel = 20;
    const QByteArray body = compact({{u"email"_s, adminEmail()}, {u"password"_s, QString::fromUtf8(WrongPassword)}});
    std::vector<int> statuses(Parallel, -1);
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    int finished = 0;
    for (int i = 0; i < Parallel; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(server.url().resolved(QUrl(u"/api/v1/auth/login"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(60000);
        QNetworkReply* reply = managers.back()->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [reply, i, &statuses, &finished] {
            statuses[size_t(i)] = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            ++finished;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, Parallel, 120000);
    const auto checked = std::count(statuses.cbegin(), statuses.cend(), 401);
    const auto refused = std::count(statuses.cbegin(), statuses.cend(), 429);
    QCOMPARE(checked + refused, qsizetype(Parallel));
    QVERIFY2(checked <= 5, qPrintable(u"%1 passwords were checked"_s.arg(checked)));
    // The same account by its other name shares the count.
    QVERIFY(server.addUser(u"named@example.test"_s, defaultTenant(), u"member"_s, MemberPassword, u"named"_s));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(loginAs(server, u"named@example.test"_s, WrongPassword).status, 401);
    const HttpResult byName = server.post(
        u"/api/v1/auth/login"_s, {{u"username"_s, u"named"_s}, {u"password"_s, QString::fromUtf8(MemberPassword)}});
    QCOMPARE(byName.status, 429);
}

void TestServerAuth::overlongLoginIsRefused()
{
    const HttpResult r =
        m_shared->post(u"/api/v1/auth/login"_s,
                       {{u"email"_s, QString(QString(300, u'a') + u"@example.test"_s)}, {u"password"_s, u"x"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"validation_error"_s);
    QVERIFY(r.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"email"_s));
}

void TestServerAuth::refreshInParallel()
{
    constexpr int Parallel = 20;
    const HttpResult login = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(login.status == 200, qPrintable(describe(login)));
    const QByteArray body = compact({{u"refreshToken"_s, login.data().value(u"refreshToken"_s)}});

    struct Outcome
    {
        int status = -1;
        QByteArray body;
    };
    std::vector<Outcome> outcomes(Parallel);
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    int finished = 0;
    // Separate managers, so that each request has a connection of its own and they really overlap.
    for (int i = 0; i < Parallel; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(m_shared->url().resolved(QUrl(u"/api/v1/auth/refresh"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(60000);
        QNetworkReply* reply = managers.back()->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [reply, i, &outcomes, &finished] {
            outcomes[size_t(i)] = {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                   reply->readAll()};
            reply->deleteLater();
            ++finished;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, Parallel, 120000);

    int winners = 0;
    QString winnerRefresh;
    for (const Outcome& o : outcomes) {
        const QJsonObject json = QJsonDocument::fromJson(o.body).object();
        if (o.status == 200) {
            ++winners;
            winnerRefresh = json.value(u"data"_s).toObject().value(u"refreshToken"_s).toString();
            remember(winnerRefresh);
            remember(json.value(u"data"_s).toObject().value(u"token"_s).toString());
            continue;
        }
        QVERIFY2(o.status == 401, qPrintable(u"HTTP %1 %2"_s.arg(o.status).arg(QString::fromUtf8(o.body))));
        QCOMPARE(json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"token_not_valid"_s);
    }
    QCOMPARE(winners, 1);

    // The others presented a used token: the session has ended, the winner's new refresh token included.
    const HttpResult after = m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, winnerRefresh}});
    rememberSession(after);
    QVERIFY2(after.status == 401, qPrintable(describe(after)));
    QCOMPARE(after.errorCode(), u"token_not_valid"_s);
    QCOMPARE(m_shared->get(u"/api/v1/me"_s, bearer(login.data().value(u"token"_s).toString().toLatin1())).status, 401);
}

void TestServerAuth::logout()
{
    const HttpResult session = loginAs(*m_shared, adminEmail(), AdminPassword);
    const HttpResult bystander = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(session.status == 200, qPrintable(describe(session)));
    QVERIFY2(bystander.status == 200, qPrintable(describe(bystander)));
    const QByteArray token = session.data().value(u"token"_s).toString().toLatin1();
    const QString refresh = session.data().value(u"refreshToken"_s).toString();
    QCOMPARE(m_shared->get(u"/api/v1/me"_s, bearer(token)).status, 200);

    const HttpResult out = m_shared->post(u"/api/v1/auth/logout"_s, {{u"refreshToken"_s, refresh}});
    QVERIFY2(out.status == 200, qPrintable(describe(out)));
    QCOMPARE(out.json.value(u"success"_s), QJsonValue(true));

    // The JWT is still far from its exp, yet refused.
    const qint64 exp = jwtSegment(QString::fromLatin1(token), 1).value(u"exp"_s).toInteger();
    QVERIFY(exp > QDateTime::currentSecsSinceEpoch() + 600);
    const HttpResult me = m_shared->get(u"/api/v1/me"_s, bearer(token));
    QVERIFY2(me.status == 401, qPrintable(describe(me)));
    QCOMPARE(me.errorCode(), u"token_not_valid"_s);
    QVERIFY(!me.header("WWW-Authenticate").isEmpty());

    const HttpResult refreshed = m_shared->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refresh}});
    rememberSession(refreshed);
    QVERIFY2(refreshed.status == 401, qPrintable(describe(refreshed)));
    QCOMPARE(refreshed.errorCode(), u"token_not_valid"_s);

    // A logout with a token that is not a refresh token is refused.
    const HttpResult bogus =
        m_shared->post(u"/api/v1/auth/logout"_s, {{u"refreshToken"_s, QString::fromLatin1(token)}});
    QVERIFY2(bogus.status == 401, qPrintable(describe(bogus)));

    // Only that session ended.
    const HttpResult other =
        m_shared->get(u"/api/v1/me"_s, bearer(bystander.data().value(u"token"_s).toString().toLatin1()));
    QVERIFY2(other.status == 200, qPrintable(describe(other)));
}

void TestServerAuth::sessionExpiry()
{
    TestServer& server = freshServer();
    QVERIFY(server.url().isValid());
    const HttpResult login = loginAs(server, adminEmail(), AdminPassword);
    QVERIFY2(login.status == 200, qPrintable(describe(login)));
    const QByteArray token = login.data().value(u"token"_s).toString().toLatin1();
    QString refresh = login.data().value(u"refreshToken"_s).toString();
    const QJsonValue refreshExpiresAt = login.data().value(u"refreshExpiresAt"_s);
    QCOMPARE(server.get(u"/api/v1/me"_s, bearer(token)).status, 200);

    // Past exp plus the most leeway the contract allows (60 s), the JWT is refused.
    QVERIFY(server.advanceClock(AccessLifetime + MaxLeeway + 1));
    const HttpResult expired = server.get(u"/api/v1/me"_s, bearer(token));
    QVERIFY2(expired.status == 401, qPrintable(describe(expired)));
    QCOMPARE(expired.errorCode(), u"token_not_valid"_s);
    QVERIFY(!expired.header("WWW-Authenticate").isEmpty());

    // The session itself lives on: refresh works and gives a working JWT.
    HttpResult refreshed = server.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refresh}});
    rememberSession(refreshed);
    QVERIFY2(refreshed.status == 200, qPrintable(describe(refreshed)));
    QCOMPARE(refreshed.data().value(u"refreshExpiresAt"_s), refreshExpiresAt);
    QCOMPARE(server.get(u"/api/v1/me"_s, bearer(refreshed.data().value(u"token"_s).toString().toLatin1())).status, 200);
    refresh = refreshed.data().value(u"refreshToken"_s).toString();

    // Two minutes before the 7 days end, refreshing still works.
    QVERIFY(server.advanceClock(RefreshLifetime - (AccessLifetime + MaxLeeway + 1) - 120));
    refreshed = server.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refresh}});
    rememberSession(refreshed);
    QVERIFY2(refreshed.status == 200, qPrintable(describe(refreshed)));
    refresh = refreshed.data().value(u"refreshToken"_s).toString();

    // After the 7 days (absolute, counted from login), it does not.
    QVERIFY(server.advanceClock(121));
    const HttpResult late = server.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refresh}});
    rememberSession(late);
    QVERIFY2(late.status == 401, qPrintable(describe(late)));
    QCOMPARE(late.errorCode(), u"token_not_valid"_s);
    QVERIFY(!late.header("WWW-Authenticate").isEmpty());

    // Logging in again starts a new session.
    const HttpResult again = loginAs(server, adminEmail(), AdminPassword);
    QVERIFY2(again.status == 200, qPrintable(describe(again)));
}

// ---- tenants and /me ------------------------------------------------------------------------------------------

void TestServerAuth::tenants()
{
    const HttpResult admin = loginAs(*m_shared, adminEmail(), AdminPassword);
    const HttpResult gina = loginAs(*m_shared, GlobexEmail, GlobexPassword);
    QVERIFY2(admin.status == 200, qPrintable(describe(admin)));
    QVERIFY2(gina.status == 200, qPrintable(describe(gina)));
    const QByteArray adminToken = admin.data().value(u"token"_s).toString().toLatin1();
    const QByteArray ginaToken = gina.data().value(u"token"_s).toString().toLatin1();
    QCOMPARE(tenantIds(gina.data().value(u"tenants"_s).toArray()), QStringList{GlobexTenant});
    QCOMPARE(jwtSegment(QString::fromLatin1(ginaToken), 1).value(u"tid"_s).toString(), GlobexTenant);

    // GET /tenants lists the caller's tenants only.
    const HttpResult adminTenants = m_shared->get(u"/api/v1/tenants"_s, bearer(adminToken));
    QVERIFY2(adminTenants.status == 200, qPrintable(describe(adminTenants)));
    const QJsonArray adminList = adminTenants.json.value(u"data"_s).toArray();
    QCOMPARE(tenantIds(adminList), QStringList{defaultTenant()});
    QCOMPARE(adminList.at(0).toObject().value(u"role"_s).toString(), u"admin"_s);
    QVERIFY(adminList.at(0).toObject().contains(u"name"_s));
    const HttpResult ginaTenants = m_shared->get(u"/api/v1/tenants"_s, bearer(ginaToken));
    QVERIFY2(ginaTenants.status == 200, qPrintable(describe(ginaTenants)));
    QCOMPARE(tenantIds(ginaTenants.json.value(u"data"_s).toArray()), QStringList{GlobexTenant});

    // With one tenant, X-Tenant-Id may be omitted or name that tenant.
    HttpResult me = m_shared->get(u"/api/v1/me"_s, bearer(adminToken));
    QVERIFY2(me.status == 200, qPrintable(describe(me)));
    QCOMPARE(me.data().value(u"tenantId"_s).toString(), defaultTenant());
    me = m_shared->get(u"/api/v1/me"_s, bearer(adminToken) + Headers{{"X-Tenant-Id", "default"}});
    QVERIFY2(me.status == 200, qPrintable(describe(me)));
    QCOMPARE(me.data().value(u"tenantId"_s).toString(), defaultTenant());

    // Another tenant, existing or not, is forbidden, on any route.
    for (const QByteArray& foreign : {QByteArray("globex"), QByteArray("no-such-tenant")}) {
        for (const QString& path : {u"/api/v1/me"_s, u"/api/v1/api-keys"_s, u"/api/v1/tenants"_s}) {
            const HttpResult r = m_shared->get(path, bearer(adminToken) + Headers{{"X-Tenant-Id", foreign}});
            QVERIFY2(r.status == 403, qPrintable(path + u": "_s + describe(r)));
            QCOMPARE(r.json.value(u"success"_s), QJsonValue(false));
            QCOMPARE(r.errorCode(), u"tenant_forbidden"_s);
        }
    }
    const HttpResult ginaInDefault =
        m_shared->get(u"/api/v1/me"_s, bearer(ginaToken) + Headers{{"X-Tenant-Id", "default"}});
    QVERIFY2(ginaInDefault.status == 403, qPrintable(describe(ginaInDefault)));
    QCOMPARE(ginaInDefault.errorCode(), u"tenant_forbidden"_s);

    // Objects of another tenant answer 404, as if absent.
    const HttpResult created = m_shared->post(
        u"/api/v1/api-keys"_s,
        {{u"name"_s, u"tenant isolation probe"_s}, {u"scopes"_s, QJsonArray{u"read:products"_s}}}, bearer(adminToken));
    QVERIFY2(created.status == 201, qPrintable(describe(created)));
    remember(created.data().value(u"secret"_s).toString());
    const QString keyId = created.data().value(u"apiKey"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!keyId.isEmpty());
    QCOMPARE(m_shared->get(u"/api/v1/api-keys/"_s + keyId, bearer(adminToken)).status, 200);
    const HttpResult foreignKey = m_shared->get(u"/api/v1/api-keys/"_s + keyId, bearer(ginaToken));
    QVERIFY2(foreignKey.status == 404, qPrintable(describe(foreignKey)));
    QCOMPARE(foreignKey.errorCode(), u"not_found"_s);

    // A login naming a tenant the user does not belong to is refused.
    const HttpResult wrongTenant = m_shared->login(GlobexEmail, GlobexPassword, defaultTenant());
    rememberSession(wrongTenant);
    QVERIFY2(wrongTenant.status == 403, qPrintable(describe(wrongTenant)));
    QCOMPARE(wrongTenant.errorCode(), u"tenant_forbidden"_s);
}

void TestServerAuth::meForAdminAndMember()
{
    const HttpResult admin = loginAs(*m_shared, adminEmail(), AdminPassword);
    QVERIFY2(admin.status == 200, qPrintable(describe(admin)));
    const QString adminToken = admin.data().value(u"token"_s).toString();
    const HttpResult adminMe = m_shared->get(u"/api/v1/me"_s, bearer(adminToken.toLatin1()));
    QVERIFY2(adminMe.status == 200, qPrintable(describe(adminMe)));
    QCOMPARE(adminMe.json.value(u"success"_s), QJsonValue(true));
    const QJsonObject a = adminMe.data();
    QCOMPARE(a.value(u"kind"_s).toString(), u"session"_s);
    QCOMPARE(a.value(u"id"_s).toString(), jwtSegment(adminToken, 1).value(u"sid"_s).toString());
    QCOMPARE(a.value(u"tenantId"_s).toString(), defaultTenant());
    QCOMPARE(a.value(u"expiresAt"_s), admin.data().value(u"expiresAt"_s));
    QVERIFY2(hasScope(a, u"admin"_s), qPrintable(QString::fromUtf8(adminMe.body)));
    QVERIFY(hasScope(a, u"read:products"_s));
    QCOMPARE(a.value(u"user"_s).toObject().value(u"email"_s).toString(), adminEmail());

    const HttpResult member = loginAs(*m_shared, MemberEmail, MemberPassword);
    QVERIFY2(member.status == 200, qPrintable(describe(member)));
    const QByteArray memberToken = member.data().value(u"token"_s).toString().toLatin1();
    const HttpResult memberMe = m_shared->get(u"/api/v1/me"_s, bearer(memberToken));
    QVERIFY2(memberMe.status == 200, qPrintable(describe(memberMe)));
    const QJsonObject m = memberMe.data();
    QCOMPARE(m.value(u"kind"_s).toString(), u"session"_s);
    QCOMPARE(m.value(u"tenantId"_s).toString(), defaultTenant());
    QVERIFY2(!hasScope(m, u"admin"_s), qPrintable(QString::fromUtf8(memberMe.body)));
    QVERIFY(hasScope(m, u"read:products"_s));
    QCOMPARE(m.value(u"user"_s).toObject().value(u"email"_s).toString(), MemberEmail);

    // And the difference is enforced: a member cannot manage API keys.
    const HttpResult keys = m_shared->get(u"/api/v1/api-keys"_s, bearer(memberToken));
    QVERIFY2(keys.status == 403, qPrintable(describe(keys)));
    QCOMPARE(keys.errorCode(), u"insufficient_scope"_s);
    QCOMPARE(m_shared->get(u"/api/v1/api-keys"_s, bearer(adminToken.toLatin1())).status, 200);

    // Without credentials: 401 unauthorized with WWW-Authenticate.
    const HttpResult anonymous = m_shared->get(u"/api/v1/me"_s);
    QVERIFY2(anonymous.status == 401, qPrintable(describe(anonymous)));
    QCOMPARE(anonymous.errorCode(), u"unauthorized"_s);
    QVERIFY(!anonymous.header("WWW-Authenticate").isEmpty());
}

// ---- logs -----------------------------------------------------------------------------------------------------

void TestServerAuth::logsHoldNoSecrets()
{
    cleanup();
    m_shared->stop(); // flushes everything the process wrote
    std::vector<TestServer*> servers{m_shared.get()};
    for (const auto& s : m_retired)
        servers.push_back(s.get());

    // The JWTs' signature segments are checked on their own too, in case a log shortened a token.
    QStringList needles = m_secrets;
    for (const QString& secret : std::as_const(m_secrets)) {
        const QStringList parts = secret.split(u'.');
        if (parts.size() >= 3 && parts.at(2).size() >= 20)
            needles.append(parts.at(2));
    }
    QVERIFY(needles.size() > 20);

    for (TestServer* server : servers) {
        const QString log = server->log();
        // A log that says nothing would pass trivially: it must at least show the requests.
        QVERIFY2(log.contains(u"/api/v1/auth/login"_s), qPrintable(log.left(2000)));
        for (const QString& needle : std::as_const(needles)) {
            QVERIFY2(!log.contains(needle),
                     qPrintable(u"the server log contains a secret starting %1…"_s.arg(needle.left(8))));
        }
    }
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_server_auth.moc"
