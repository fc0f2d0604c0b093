// User Authorization Tokens (UATs) end to end against the real server: the /api/v1/uats management API
// (create with validUntil and permissions, validate, list, filter, get, patch, revoke, bulk revoke, rotate),
// the "Authorization: UAT <token>" scheme, permissions enforced on the UAT portal's /api/v2 resources, the
// portal's exact 401 body, expiry through the end of the validUntil day (on the server's test clock) and
// tenant isolation.
#include "TestServer.h"
#include "protocol/Token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

const QByteArray GlobexPassword = "globex admin pass phrase 4411";
const QString GlobexEmail = u"boss@globex.test"_s;

QJsonObject uatOf(const HttpResult& r)
{
    return r.data().value(u"uat"_s).toObject();
}

QStringList ids(const QJsonArray& items)
{
    QStringList out;
    for (const QJsonValue& v : items)
        out.append(v.toObject().value(u"id"_s).toString());
    return out;
}

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

Headers uatHeader(const QString& token, const QByteArray& scheme = "UAT")
{
    return {{"Authorization", scheme + ' ' + token.toLatin1()}};
}

Headers jwtHeader(const QString& token)
{
    return {{"Authorization", "JWT " + token.toLatin1()}};
}

// The UAT portal's body for a token that is not valid (API.md §4).
QJsonObject notValidBody()
{
    return {{u"detail"_s, u"Given token not valid for any token type"_s}, {u"code"_s, u"token_not_valid"_s}};
}

QJsonObject uatBody(const QString& name, const QStringList& permissions, const QDate& validUntil)
{
    return {{u"name"_s, name},
            {u"permissions"_s, QJsonArray::fromStringList(permissions)},
            {u"validUntil"_s, isoDate(validUntil)}};
}

struct Created
{
    QString id;
    QString secret;
    QJsonObject record;
};

Created createUat(TestServer& server, const Headers& auth, const QString& name, const QStringList& permissions,
                  const QDate& validUntil)
{
    const HttpResult r = server.post(u"/api/v1/uats"_s, uatBody(name, permissions, validUntil), auth);
    if (r.status != 201) {
        qWarning().noquote() << "creating a UAT failed:" << describe(r);
        return {};
    }
    return {uatOf(r).value(u"id"_s).toString(), r.data().value(u"secret"_s).toString(), uatOf(r)};
}

Headers freshAdmin(TestServer& server)
{
    const QString token = server.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword)
                              .data()
                              .value(u"token"_s)
                              .toString();
    return TestServer::bearer(token);
}

// Moves the server's clock to 12:00 UTC of the next day, so that "today" and "the end of today" are known.
QDateTime moveToNextNoon(TestServer& server)
{
    const QDateTime now = server.serverNow();
    if (!now.isValid())
        return {};
    const QDateTime noon(now.date().addDays(1), QTime(12, 0), Qt::UTC);
    if (!server.advanceClock(now.secsTo(noon)))
        return {};
    return server.serverNow();
}

} // namespace

class TestServerUats : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QDate today() { return m_server.serverNow().date(); }
    int uatCount()
    {
        return m_server.get(u"/api/v1/uats?limit=1000"_s, m_server.admin()).data().value(u"items"_s).toArray().size();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(!m_server.adminToken().isEmpty());
        QVERIFY(m_server.serverNow().isValid());
    }

    void createShowsTheSecretOnce()
    {
        const QDate until = today().addDays(30);
        const QStringList permissions{u"brand_create"_s, u"product_create"_s, u"scans_download"_s, u"scm_bulk_edit"_s,
                                      u"scm_code_edit"_s};
        QJsonObject body = uatBody(u"Portal import"_s, permissions, until);
        body.insert(u"description"_s, u"nightly brand sync"_s);
        const HttpResult r = m_server.post(u"/api/v1/uats"_s, body, m_server.admin());
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QString secret = r.data().value(u"secret"_s).toString();
        QVERIFY2(secret.startsWith(u"tdu_"_s), qPrintable(secret.left(4)));
        QCOMPARE(secret.size(), 42);
        QVERIFY(td::protocol::OpaqueToken::parse(secret.toLatin1()).has_value());

        const QJsonObject uat = uatOf(r);
        const QString id = uat.value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(uat.value(u"name"_s).toString(), u"Portal import"_s);
        QCOMPARE(uat.value(u"description"_s).toString(), u"nightly brand sync"_s);
        QCOMPARE(uat.value(u"validUntil"_s).toString(), isoDate(until));
        QCOMPARE(uat.value(u"permissions"_s).toArray(), QJsonArray::fromStringList(permissions));
        QCOMPARE(uat.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(uat.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(uat.value(u"prefix"_s).toString(), secret.left(12));
        QCOMPARE(uat.value(u"last4"_s).toString(), secret.right(4));
        QVERIFY(uat.value(u"createdBy"_s).toString().startsWith(u"user:"_s));
        QVERIFY(uat.value(u"revokedAt"_s).isNull());
        QVERIFY(!uat.contains(u"secret"_s));

        // Only the creation response holds the secret.
        const HttpResult got = m_server.get(u"/api/v1/uats/"_s + id, m_server.admin());
        QCOMPARE(got.status, 200);
        QCOMPARE(uatOf(got).value(u"validUntil"_s).toString(), isoDate(until));
        QCOMPARE(uatOf(got).value(u"permissions"_s).toArray(), QJsonArray::fromStringList(permissions));
        QVERIFY(!got.body.contains(secret.toLatin1()));
        QVERIFY(!got.body.contains(secret.mid(12, 20).toLatin1()));
        const HttpResult list = m_server.get(u"/api/v1/uats"_s, m_server.admin());
        QCOMPARE(list.status, 200);
        QVERIFY(ids(list.data().value(u"items"_s).toArray()).contains(id));
        QVERIFY(!list.body.contains(secret.toLatin1()));

        // A UAT is not an API key: it is not listed among them.
        QVERIFY(!ids(m_server.get(u"/api/v1/api-keys?limit=1000"_s, m_server.admin()).data().value(u"items"_s).toArray())
                     .contains(id));

        // It works at once, in the portal's scheme.
        const HttpResult me = m_server.get(u"/api/v2/me/"_s, uatHeader(secret));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
    }

    void createValidatesEveryField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QString future = isoDate(today().addDays(10));
        const QString yesterday = isoDate(today().addDays(-1));
        const QJsonArray permissions{u"brand_create"_s};
        QTest::newRow("no validUntil") << QJsonObject{{u"name"_s, u"u"_s}, {u"permissions"_s, permissions}}
                                       << u"validUntil"_s;
        QTest::newRow("null validUntil") << QJsonObject{{u"name"_s, u"u"_s},
                                                        {u"permissions"_s, permissions},
                                                        {u"validUntil"_s, QJsonValue()}}
                                         << u"validUntil"_s;
        QTest::newRow("past validUntil") << QJsonObject{{u"name"_s, u"u"_s},
                                                        {u"permissions"_s, permissions},
                                                        {u"validUntil"_s, yesterday}}
                                         << u"validUntil"_s;
        QTest::newRow("long past validUntil")
            << QJsonObject{{u"name"_s, u"u"_s}, {u"permissions"_s, permissions}, {u"validUntil"_s, u"2001-01-01"_s}}
            << u"validUntil"_s;
        QTest::newRow("garbage validUntil")
            << QJsonObject{{u"name"_s, u"u"_s}, {u"permissions"_s, permissions}, {u"validUntil"_s, u"31.12.2099"_s}}
            << u"validUntil"_s;
        QTest::newRow("number validUntil")
            << QJsonObject{{u"name"_s, u"u"_s}, {u"permissions"_s, permissions}, {u"validUntil"_s, 20991231}}
            << u"validUntil"_s;
        QTest::newRow("no permissions") << QJsonObject{{u"name"_s, u"u"_s}, {u"validUntil"_s, future}}
                                        << u"permissions"_s;
        QTest::newRow("empty permissions")
            << QJsonObject{{u"name"_s, u"u"_s}, {u"permissions"_s, QJsonArray{}}, {u"validUntil"_s, future}}
            << u"permissions"_s;
        QTest::newRow("API-key scope read:products")
            << QJsonObject{{u"name"_s, u"u"_s},
                           {u"permissions"_s, QJsonArray{u"brand_create"_s, u"read:products"_s}},
                           {u"validUntil"_s, future}}
            << u"permissions"_s;
        QTest::newRow("API-key scope admin")
            << QJsonObject{{u"name"_s, u"u"_s}, {u"permissions"_s, QJsonArray{u"admin"_s}}, {u"validUntil"_s, future}}
            << u"permissions"_s;
        QTest::newRow("unknown permission") << QJsonObject{{u"name"_s, u"u"_s},
                                                           {u"permissions"_s, QJsonArray{u"brand_delete"_s}},
                                                           {u"validUntil"_s, future}}
                                            << u"permissions"_s;
        QTest::newRow("unknown field scopes") << QJsonObject{{u"name"_s, u"u"_s},
                                                             {u"permissions"_s, permissions},
                                                             {u"validUntil"_s, future},
                                                             {u"scopes"_s, permissions}}
                                              << u"scopes"_s;
        QTest::newRow("unknown field expiresAt") << QJsonObject{{u"name"_s, u"u"_s},
                                                                {u"permissions"_s, permissions},
                                                                {u"validUntil"_s, future},
                                                                {u"expiresAt"_s, u"2099-01-01T00:00:00Z"_s}}
                                                 << u"expiresAt"_s;
        QTest::newRow("unknown field valid_until") << QJsonObject{{u"name"_s, u"u"_s},
                                                                  {u"permissions"_s, permissions},
                                                                  {u"validUntil"_s, future},
                                                                  {u"valid_until"_s, future}}
                                                   << u"valid_until"_s;
        QTest::newRow("no name") << QJsonObject{{u"permissions"_s, permissions}, {u"validUntil"_s, future}}
                                 << u"name"_s;
    }

    void createValidatesEveryField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const int before = uatCount();
        const HttpResult r = m_server.post(u"/api/v1/uats"_s, body, m_server.admin());
        QVERIFY2(r.status == 400, qPrintable(describe(r)));
        QCOMPARE(r.errorCode(), u"validation_error"_s);
        QVERIFY2(r.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(field),
                 r.body.constData());
        QVERIFY(!r.data().contains(u"secret"_s));
        QCOMPARE(uatCount(), before); // nothing was created
    }

    void everyFieldIsNamedAtOnce()
    {
        const HttpResult r = m_server.post(
            u"/api/v1/uats"_s,
            {{u"name"_s, u"u"_s}, {u"permissions"_s, QJsonArray{u"read:products"_s}}, {u"bogus"_s, true}}, m_server.admin());
        QCOMPARE(r.status, 400);
        const QJsonObject details = r.json.value(u"error"_s).toObject().value(u"details"_s).toObject();
        QVERIFY2(details.contains(u"validUntil"_s), r.body.constData());
        QVERIFY2(details.contains(u"permissions"_s), r.body.constData());
        QVERIFY2(details.contains(u"bogus"_s), r.body.constData());
    }

    void schemeIsCaseInsensitive_data()
    {
        QTest::addColumn<QByteArray>("scheme");
        QTest::newRow("UAT") << QByteArray("UAT");
        QTest::newRow("uat") << QByteArray("uat");
        QTest::newRow("Uat") << QByteArray("Uat");
    }

    void schemeIsCaseInsensitive()
    {
        QFETCH(QByteArray, scheme);
        const Created u = createUat(m_server, m_server.admin(), u"scheme "_s + QString::fromLatin1(scheme),
                                    {u"brand_create"_s, u"scans_download"_s}, today().addDays(5));
        QVERIFY(!u.secret.isEmpty());
        const HttpResult me = m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret, scheme));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
        QCOMPARE(me.json.value(u"auth"_s).toString(), u"uat"_s);
        QCOMPARE(me.json.value(u"company"_s).toObject().value(u"id"_s).toString(), u"default"_s);
        QCOMPARE(me.json.value(u"permissions"_s).toArray(), (QJsonArray{u"brand_create"_s, u"scans_download"_s}));

        // The same credential on the /api/v1 side.
        const HttpResult v1 = m_server.get(u"/api/v1/me"_s, uatHeader(u.secret, scheme));
        QVERIFY2(v1.status == 200, qPrintable(describe(v1)));
        QCOMPARE(v1.data().value(u"kind"_s).toString(), u"uat"_s);
        QCOMPARE(v1.data().value(u"id"_s).toString(), u.id);
        QCOMPARE(v1.data().value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(v1.data().value(u"scopes"_s).toArray(), (QJsonArray{u"brand_create"_s, u"scans_download"_s}));
        QVERIFY(!v1.data().value(u"expiresAt"_s).isNull());
    }

    void permissionsAreEnforced()
    {
        const Created brands = createUat(m_server, m_server.admin(), u"brands only"_s, {u"brand_create"_s}, today().addDays(5));
        QVERIFY(!brands.secret.isEmpty());
        const Headers h = uatHeader(brands.secret);

        const HttpResult created = m_server.post(u"/api/v2/brands/"_s, {{u"name"_s, u"Acme Rockets"_s}}, h);
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        QCOMPARE(created.json.value(u"name"_s).toString(), u"Acme Rockets"_s);
        QVERIFY(!created.json.value(u"id"_s).toString().isEmpty());

        const HttpResult scans = m_server.get(u"/api/v2/scans/"_s, h);
        QVERIFY2(scans.status == 403, qPrintable(describe(scans)));
        QCOMPARE(scans.json.keys(), QStringList{u"detail"_s});
        QVERIFY(!scans.json.value(u"detail"_s).toString().isEmpty());
        // Every permission is its own: product_create is not implied by brand_create.
        const HttpResult product = m_server.post(u"/api/v2/products/"_s, {{u"name"_s, u"Anvil"_s}}, h);
        QCOMPARE(product.status, 403);
        QCOMPARE(product.json.keys(), QStringList{u"detail"_s});
        QCOMPARE(m_server.post(u"/api/v2/scm/bulk-edit/"_s, {{u"name"_s, u"x"_s}}, h).status, 403);
        QCOMPARE(m_server.post(u"/api/v2/scm/codes/"_s, {{u"name"_s, u"x"_s}}, h).status, 403);
        // …and no API-key scope comes with it, nor the right to manage tokens.
        const HttpResult v1Products = m_server.get(u"/api/v1/products"_s, h);
        QCOMPARE(v1Products.status, 403);
        QCOMPARE(v1Products.errorCode(), u"insufficient_scope"_s);
        const HttpResult manage = m_server.get(u"/api/v1/uats"_s, h);
        QCOMPARE(manage.status, 403);
        QCOMPARE(manage.errorCode(), u"insufficient_scope"_s);
        const HttpResult mint =
            m_server.post(u"/api/v1/uats"_s, uatBody(u"child"_s, {u"brand_create"_s}, today().addDays(1)), h);
        QCOMPARE(mint.status, 403);

        // A UAT holding scans_download may download scans, and sees the brand created above in the list.
        const Created scanner = createUat(m_server, m_server.admin(), u"scanner"_s, {u"scans_download"_s}, today().addDays(5));
        const HttpResult scanList = m_server.get(u"/api/v2/scans/"_s, uatHeader(scanner.secret));
        QVERIFY2(scanList.status == 200, qPrintable(describe(scanList)));
        QVERIFY(scanList.json.value(u"results"_s).isArray());
        QCOMPARE(m_server.post(u"/api/v2/brands/"_s, {{u"name"_s, u"nope"_s}}, uatHeader(scanner.secret)).status, 403);

        // A session JWT has all the rights of its user: both work, in either scheme.
        const QString jwt = m_server.adminToken();
        const HttpResult sessionBrand =
            m_server.post(u"/api/v2/brands/"_s, {{u"name"_s, u"Globex Rockets"_s}}, jwtHeader(jwt));
        QVERIFY2(sessionBrand.status == 201, qPrintable(describe(sessionBrand)));
        QCOMPARE(m_server.get(u"/api/v2/scans/"_s, jwtHeader(jwt)).status, 200);
        QCOMPARE(m_server.get(u"/api/v2/scans/"_s, TestServer::bearer(jwt)).status, 200);
        QCOMPARE(m_server.post(u"/api/v2/products/"_s, {{u"name"_s, u"Anvil"_s}}, jwtHeader(jwt)).status, 201);
    }

    void v2MeWithJwtAndWithUat()
    {
        // JWT from the portal's own login.
        const HttpResult login =
            m_server.post(u"/api/v2/auth/jwt/"_s, {{u"email"_s, QString::fromLatin1(TestServer::AdminEmail)},
                                                   {u"password"_s, QString::fromLatin1(TestServer::AdminPassword)}});
        QVERIFY2(login.status == 200, qPrintable(describe(login)));
        const QString jwt = login.json.value(u"token"_s).toString();
        QVERIFY(!jwt.isEmpty());
        const HttpResult viaJwt = m_server.get(u"/api/v2/me/"_s, jwtHeader(jwt));
        QVERIFY2(viaJwt.status == 200, qPrintable(describe(viaJwt)));
        QCOMPARE(viaJwt.json.value(u"email"_s).toString(), QString::fromLatin1(TestServer::AdminEmail));
        QVERIFY(!viaJwt.json.contains(u"success"_s)); // the portal's dialect, no envelope
        // The /api/v1 login's JWT is the same kind of token.
        QCOMPARE(m_server.get(u"/api/v2/me/"_s, jwtHeader(m_server.adminToken())).status, 200);

        const Created u = createUat(m_server, m_server.admin(), u"me"_s, {u"product_create"_s}, today().addDays(3));
        const HttpResult viaUat = m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret));
        QVERIFY2(viaUat.status == 200, qPrintable(describe(viaUat)));
        // The UAT acts on behalf of the user who created it.
        QCOMPARE(viaUat.json.value(u"email"_s).toString(), QString::fromLatin1(TestServer::AdminEmail));
        QCOMPARE(viaUat.json.value(u"id"_s), viaJwt.json.value(u"id"_s));
        QCOMPARE(viaUat.json.value(u"permissions"_s).toArray(), QJsonArray{u"product_create"_s});
        QVERIFY(!viaUat.json.contains(u"success"_s));

        // /api/v1/me names the user too (API.md §3: "the user and the credential in use").
        const HttpResult v1 = m_server.get(u"/api/v1/me"_s, uatHeader(u.secret));
        QCOMPARE(v1.status, 200);
        QCOMPARE(v1.data().value(u"kind"_s).toString(), u"uat"_s);
        QVERIFY2(v1.data().value(u"user"_s).isObject(), v1.body.constData());
        QCOMPARE(v1.data().value(u"user"_s).toObject().value(u"email"_s).toString(),
                 QString::fromLatin1(TestServer::AdminEmail));
    }

    void invalidUatsGetThePortalBody_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("garbage") << QByteArray("not-a-token");
        QTest::newRow("bad checksum") << QByteArray("tdu_0123456789abcdefghijABCDEFGHIJ01zzzzzz");
        QTest::newRow("well formed, unknown") << td::protocol::OpaqueToken::generate(td::protocol::TokenKind::Uat);
        QTest::newRow("API-key prefix") << td::protocol::OpaqueToken::generate(td::protocol::TokenKind::ApiKey);
        QTest::newRow("truncated") << td::protocol::OpaqueToken::generate(td::protocol::TokenKind::Uat).left(30);
    }

    void invalidUatsGetThePortalBody()
    {
        QFETCH(QByteArray, token);
        const HttpResult v2 = m_server.get(u"/api/v2/me/"_s, {{"Authorization", "UAT " + token}});
        QVERIFY2(v2.status == 401, qPrintable(describe(v2)));
        QCOMPARE(v2.json, notValidBody());
        QVERIFY(!v2.header("WWW-Authenticate").isEmpty());
        const HttpResult v1 = m_server.get(u"/api/v1/me"_s, {{"Authorization", "UAT " + token}});
        QCOMPARE(v1.status, 401);
        QCOMPARE(v1.errorCode(), u"token_not_valid"_s);
        QCOMPARE(v1.json.value(u"success"_s), QJsonValue(false));
        QVERIFY(!v1.header("WWW-Authenticate").isEmpty());
    }

    void revokedUatStopsAtOnce()
    {
        const Created u = createUat(m_server, m_server.admin(), u"to revoke"_s, {u"brand_create"_s}, today().addDays(5));
        QCOMPARE(m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret)).status, 200);
        const HttpResult revoked = m_server.post(u"/api/v1/uats/"_s + u.id + u"/revoke"_s, {}, m_server.admin());
        QVERIFY2(revoked.status == 200, qPrintable(describe(revoked)));
        QCOMPARE(uatOf(revoked).value(u"status"_s).toString(), u"revoked"_s);
        QVERIFY(!uatOf(revoked).value(u"revokedAt"_s).toString().isEmpty());
        QVERIFY(uatOf(revoked).value(u"revokedBy"_s).toString().startsWith(u"user:"_s));

        const HttpResult v2 = m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret));
        QCOMPARE(v2.status, 401);
        QCOMPARE(v2.json, notValidBody());
        QVERIFY(!v2.header("WWW-Authenticate").isEmpty());
        const HttpResult brand = m_server.post(u"/api/v2/brands/"_s, {{u"name"_s, u"late"_s}}, uatHeader(u.secret));
        QCOMPARE(brand.status, 401);
        QCOMPARE(brand.json, notValidBody());
        const HttpResult v1 = m_server.get(u"/api/v1/me"_s, uatHeader(u.secret));
        QCOMPARE(v1.status, 401);
        QCOMPARE(v1.errorCode(), u"token_not_valid"_s);
        QVERIFY(!v1.header("WWW-Authenticate").isEmpty());

        // Idempotent: the second revoke changes nothing.
        const HttpResult again = m_server.post(u"/api/v1/uats/"_s + u.id + u"/revoke"_s, {}, m_server.admin());
        QCOMPARE(again.status, 200);
        QCOMPARE(uatOf(again).value(u"revokedAt"_s), uatOf(revoked).value(u"revokedAt"_s));
        QCOMPARE(m_server.post(u"/api/v1/uats/uat_doesnotexist/revoke"_s, {}, m_server.admin()).status, 404);
    }

    void uatUnderAnotherHeaderIsRefused()
    {
        const Created u = createUat(m_server, m_server.admin(), u"header mix-up"_s, {u"brand_create"_s}, today().addDays(5));
        QCOMPARE(m_server.get(u"/api/v1/me"_s, uatHeader(u.secret)).status, 200);

        const HttpResult asKey = m_server.get(u"/api/v1/me"_s, TestServer::apiKey(u.secret));
        QVERIFY2(asKey.status == 401, qPrintable(describe(asKey)));
        QCOMPARE(asKey.errorCode(), u"token_not_valid"_s);
        const HttpResult asBearer = m_server.get(u"/api/v1/me"_s, TestServer::bearer(u.secret));
        QVERIFY2(asBearer.status == 401, qPrintable(describe(asBearer)));
        QCOMPARE(asBearer.errorCode(), u"token_not_valid"_s);
        const HttpResult asJwt = m_server.get(u"/api/v1/me"_s, jwtHeader(u.secret));
        QCOMPARE(asJwt.status, 401);

        const HttpResult v2Bearer = m_server.get(u"/api/v2/me/"_s, TestServer::bearer(u.secret));
        QCOMPARE(v2Bearer.status, 401);
        QCOMPARE(v2Bearer.json, notValidBody());
        const HttpResult v2Key =
            m_server.post(u"/api/v2/brands/"_s, {{u"name"_s, u"x"_s}}, TestServer::apiKey(u.secret));
        QCOMPARE(v2Key.status, 401);
        QCOMPARE(v2Key.json, notValidBody());

        // Nor does an API key pass as a UAT.
        const auto key = m_server.createKey(u"not a uat"_s, {u"read:products"_s});
        QVERIFY(!key.second.isEmpty());
        const HttpResult keyAsUat = m_server.get(u"/api/v2/me/"_s, uatHeader(key.second));
        QCOMPARE(keyAsUat.status, 401);
        QCOMPARE(keyAsUat.json, notValidBody());

        // Credentials in the URL are refused even when they are UATs.
        QCOMPARE(m_server.get(u"/api/v2/me/?uat="_s + u.secret).status, 401);
    }

    void patchChangesOnlyWhatMayChange()
    {
        const Created u = createUat(m_server, m_server.admin(), u"patchable"_s, {u"scm_code_edit"_s}, today().addDays(9));
        QVERIFY(!u.id.isEmpty());
        const QString path = u"/api/v1/uats/"_s + u.id;
        const HttpResult ok = m_server.patch(path,
                                             {{u"name"_s, u"renamed"_s},
                                              {u"description"_s, u"now described"_s},
                                              {u"ipAllowlist"_s, QJsonArray{u"127.0.0.0/8"_s}}},
                                             m_server.admin());
        QVERIFY2(ok.status == 200, qPrintable(describe(ok)));
        QCOMPARE(uatOf(ok).value(u"name"_s).toString(), u"renamed"_s);
        QCOMPARE(uatOf(ok).value(u"description"_s).toString(), u"now described"_s);
        QCOMPARE(uatOf(ok).value(u"ipAllowlist"_s).toArray(), QJsonArray{u"127.0.0.0/8"_s});
        QCOMPARE(uatOf(ok).value(u"validUntil"_s).toString(), isoDate(today().addDays(9)));
        QCOMPARE(m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret)).status, 200);

        for (const QString& field : {u"permissions"_s, u"validUntil"_s}) {
            const QJsonValue value = field == u"permissions"_s ? QJsonValue(QJsonArray{u"brand_create"_s})
                                                               : QJsonValue(isoDate(today().addDays(400)));
            const HttpResult refused = m_server.patch(path, {{field, value}}, m_server.admin());
            QVERIFY2(refused.status == 400, qPrintable(describe(refused)));
            QVERIFY2(refused.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(field),
                     refused.body.constData());
        }
        const HttpResult unknown = m_server.patch(path, {{u"owner"_s, u"me"_s}}, m_server.admin());
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"owner"_s));
        const QJsonObject after = uatOf(m_server.get(path, m_server.admin()));
        QCOMPARE(after.value(u"permissions"_s).toArray(), QJsonArray{u"scm_code_edit"_s});
        QCOMPARE(after.value(u"validUntil"_s).toString(), isoDate(today().addDays(9)));

        // The allowlist is enforced for UATs too.
        QCOMPARE(m_server.patch(path, {{u"ipAllowlist"_s, QJsonArray{u"192.0.2.0/24"_s}}}, m_server.admin()).status, 200);
        const HttpResult refusedIp = m_server.get(u"/api/v1/me"_s, uatHeader(u.secret));
        QCOMPARE(refusedIp.status, 403);
        QCOMPARE(refusedIp.errorCode(), u"ip_not_allowed"_s);

        QCOMPARE(m_server.post(path + u"/revoke"_s, {}, m_server.admin()).status, 200);
        const HttpResult revoked = m_server.patch(path, {{u"name"_s, u"again"_s}}, m_server.admin());
        QCOMPARE(revoked.status, 409);
        QCOMPARE(revoked.errorCode(), u"conflict"_s);
    }

    void listFiltersByStatus()
    {
        TestServer s;
        QVERIFY(s.start());
        const Headers h = TestServer::bearer(s.adminToken());
        const QDate day = s.serverNow().date();
        const Created a = createUat(s, h, u"alpha brands"_s, {u"brand_create"_s}, day.addDays(2));
        const Created b = createUat(s, h, u"beta scans"_s, {u"scans_download"_s}, day.addDays(20));
        const Created c = createUat(s, h, u"gamma brands"_s, {u"brand_create"_s}, day.addDays(20));
        QVERIFY(!a.id.isEmpty() && !b.id.isEmpty() && !c.id.isEmpty());
        QCOMPARE(s.post(u"/api/v1/uats/"_s + c.id + u"/revoke"_s, {}, h).status, 200);

        auto listIds = [&s](const QString& query, const Headers& auth) {
            const HttpResult r = s.get(u"/api/v1/uats"_s + query, auth);
            const QStringList list = ids(r.data().value(u"items"_s).toArray());
            return r.status == 200 ? QSet<QString>(list.begin(), list.end()) : QSet<QString>{u"HTTP error"_s};
        };
        QCOMPARE(listIds(QString(), h), (QSet<QString>{a.id, b.id, c.id}));
        QCOMPARE(listIds(u"?status=active"_s, h), (QSet<QString>{a.id, b.id}));
        QCOMPARE(listIds(u"?status=revoked"_s, h), (QSet<QString>{c.id}));
        QCOMPARE(listIds(u"?status=expired"_s, h), QSet<QString>());
        QCOMPARE(listIds(u"?q=brands"_s, h), (QSet<QString>{a.id, c.id}));
        QCOMPARE(s.get(u"/api/v1/uats?status=frozen"_s, h).status, 400);

        // Paging: limit 2 -> a cursor, then the rest, without duplicates.
        const HttpResult first = s.get(u"/api/v1/uats?limit=2"_s, h);
        QCOMPARE(first.data().value(u"items"_s).toArray().size(), 2);
        const QString cursor = first.data().value(u"nextCursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        const HttpResult second = s.get(u"/api/v1/uats?limit=2&cursor="_s + cursor, h);
        QStringList all =
            ids(first.data().value(u"items"_s).toArray()) + ids(second.data().value(u"items"_s).toArray());
        QCOMPARE(all.size(), 3);
        QCOMPARE(QSet<QString>(all.begin(), all.end()), (QSet<QString>{a.id, b.id, c.id}));

        // Three days on, a has expired (it was valid through the end of day + 2).
        QVERIFY(s.advanceClock(3LL * 24 * 3600));
        const Headers again = freshAdmin(s);
        QCOMPARE(listIds(u"?status=expired"_s, again), (QSet<QString>{a.id}));
        QCOMPARE(listIds(u"?status=active"_s, again), (QSet<QString>{b.id}));
        QCOMPARE(uatOf(s.get(u"/api/v1/uats/"_s + a.id, again)).value(u"status"_s).toString(), u"expired"_s);
    }

    void validThroughTheEndOfTheDay()
    {
        TestServer s;
        QVERIFY(s.start());
        const QDateTime noon = moveToNextNoon(s);
        QVERIFY(noon.isValid());
        QCOMPARE(noon.time().hour(), 12);
        const QDate day = noon.date();
        Headers h = freshAdmin(s);

        // Yesterday is in the past; today is not.
        const HttpResult past =
            s.post(u"/api/v1/uats"_s, uatBody(u"yesterday"_s, {u"brand_create"_s}, day.addDays(-1)), h);
        QCOMPARE(past.status, 400);
        QVERIFY(past.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"validUntil"_s));
        const Created u = createUat(s, h, u"today only"_s, {u"brand_create"_s}, day);
        QVERIFY(!u.secret.isEmpty());
        QCOMPARE(u.record.value(u"validUntil"_s).toString(), isoDate(day));
        const Created tomorrow = createUat(s, h, u"until tomorrow"_s, {u"brand_create"_s}, day.addDays(1));
        QVERIFY(!tomorrow.secret.isEmpty());

        // 23:59 of that day: still valid.
        QVERIFY(s.advanceClock(12LL * 3600 - 60));
        QCOMPARE(s.serverNow().date(), day);
        const HttpResult late = s.get(u"/api/v2/me/"_s, uatHeader(u.secret));
        QVERIFY2(late.status == 200, qPrintable(describe(late)));
        QCOMPARE(s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"last minute"_s}}, uatHeader(u.secret)).status, 201);

        // Just after midnight UTC: expired, at once, everywhere.
        QVERIFY(s.advanceClock(120));
        QCOMPARE(s.serverNow().date(), day.addDays(1));
        const HttpResult v2 = s.get(u"/api/v2/me/"_s, uatHeader(u.secret));
        QVERIFY2(v2.status == 401, qPrintable(describe(v2)));
        QCOMPARE(v2.json, notValidBody());
        QVERIFY(!v2.header("WWW-Authenticate").isEmpty());
        const HttpResult brand = s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"too late"_s}}, uatHeader(u.secret));
        QCOMPARE(brand.status, 401);
        QCOMPARE(brand.json, notValidBody());
        const HttpResult v1 = s.get(u"/api/v1/me"_s, uatHeader(u.secret));
        QCOMPARE(v1.status, 401);
        QCOMPARE(v1.errorCode(), u"token_not_valid"_s);
        QVERIFY(!v1.header("WWW-Authenticate").isEmpty());
        // The one valid until tomorrow still works.
        QCOMPARE(s.get(u"/api/v2/me/"_s, uatHeader(tomorrow.secret)).status, 200);

        h = freshAdmin(s);
        QCOMPARE(uatOf(s.get(u"/api/v1/uats/"_s + u.id, h)).value(u"status"_s).toString(), u"expired"_s);
        // An expired UAT cannot be rotated back to life.
        QCOMPARE(s.post(u"/api/v1/uats/"_s + u.id + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, h).status, 409);
    }

    void bulkRevokeIsAllOrNothing()
    {
        QList<Created> uats;
        for (int i = 0; i < 3; ++i)
            uats.append(createUat(m_server, m_server.admin(), u"bulk %1"_s.arg(i), {u"brand_create"_s}, today().addDays(4)));
        const HttpResult partial = m_server.post(
            u"/api/v1/uats/revoke"_s, {{u"ids"_s, QJsonArray{uats[0].id, uats[1].id, u"uat_missing"_s}}}, m_server.admin());
        QVERIFY2(partial.status == 404, qPrintable(describe(partial)));
        QCOMPARE(partial.json.value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"missing"_s).toArray(),
                 QJsonArray{u"uat_missing"_s});
        for (const Created& u : std::as_const(uats)) // nothing changed
            QCOMPARE(m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret)).status, 200);

        const HttpResult all = m_server.post(u"/api/v1/uats/revoke"_s,
                                             {{u"ids"_s, QJsonArray{uats[0].id, uats[1].id, uats[2].id}}}, m_server.admin());
        QVERIFY2(all.status == 200, qPrintable(describe(all)));
        const QJsonArray items = all.data().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 3);
        for (const QJsonValue& v : items)
            QCOMPARE(v.toObject().value(u"status"_s).toString(), u"revoked"_s);
        for (const Created& u : std::as_const(uats)) {
            const HttpResult r = m_server.get(u"/api/v2/me/"_s, uatHeader(u.secret));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json, notValidBody());
        }
        QCOMPARE(m_server.post(u"/api/v1/uats/revoke"_s, {{u"ids"_s, QJsonArray{}}}, m_server.admin()).status, 400);
        // An API key id is not a UAT id.
        const auto key = m_server.createKey(u"bulk key"_s, {u"read:products"_s});
        QCOMPARE(m_server.post(u"/api/v1/uats/revoke"_s, {{u"ids"_s, QJsonArray{key.first}}}, m_server.admin()).status, 404);
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
    }

    void rotateLinksBothAndHonoursTheGrace()
    {
        TestServer s;
        QVERIFY(s.start());
        const QDateTime noon = moveToNextNoon(s);
        QVERIFY(noon.isValid());
        const QDate day = noon.date();
        Headers h = freshAdmin(s);
        const Created old = createUat(s, h, u"rotating"_s, {u"brand_create"_s, u"scans_download"_s}, day.addDays(10));
        QVERIFY(!old.secret.isEmpty());

        const HttpResult r = s.post(u"/api/v1/uats/"_s + old.id + u"/rotate"_s, {{u"graceSeconds"_s, 600}}, h);
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QString secret = r.data().value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdu_"_s));
        QVERIFY(secret != old.secret);
        const QJsonObject successor = uatOf(r);
        const QString successorId = successor.value(u"id"_s).toString();
        QVERIFY(!successorId.isEmpty() && successorId != old.id);
        QCOMPARE(successor.value(u"rotatedFrom"_s).toString(), old.id);
        QCOMPARE(successor.value(u"name"_s).toString(), u"rotating"_s);
        QCOMPARE(successor.value(u"permissions"_s).toArray(), (QJsonArray{u"brand_create"_s, u"scans_download"_s}));
        QCOMPARE(successor.value(u"status"_s).toString(), u"active"_s);
        const QJsonObject previous = uatOf(s.get(u"/api/v1/uats/"_s + old.id, h));
        QCOMPARE(previous.value(u"rotatedTo"_s).toString(), successorId);

        // Both work during the grace period; a rotated UAT cannot be rotated twice.
        QCOMPARE(s.get(u"/api/v2/me/"_s, uatHeader(old.secret)).status, 200);
        QCOMPARE(s.get(u"/api/v2/me/"_s, uatHeader(secret)).status, 200);
        QCOMPARE(s.post(u"/api/v1/uats/"_s + old.id + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, h).status, 409);
        QCOMPARE(s.post(u"/api/v1/uats/"_s + successorId + u"/rotate"_s, {{u"graceSeconds"_s, -1}}, h).status, 400);

        // After the grace only the successor works.
        QVERIFY(s.advanceClock(601));
        const HttpResult oldAfter = s.get(u"/api/v2/me/"_s, uatHeader(old.secret));
        QCOMPARE(oldAfter.status, 401);
        QCOMPARE(oldAfter.json, notValidBody());
        QCOMPARE(s.get(u"/api/v2/me/"_s, uatHeader(secret)).status, 200);

        // The successor's validUntil is a date like any UAT's, and it holds through the end of that day.
        const QDate successorUntil = QDate::fromString(successor.value(u"validUntil"_s).toString(), Qt::ISODate);
        QVERIFY2(successorUntil.isValid(), qPrintable(successor.value(u"validUntil"_s).toString()));
        QVERIFY(successorUntil >= day.addDays(10));
        const QDateTime now = s.serverNow();
        QVERIFY(s.advanceClock(now.secsTo(QDateTime(successorUntil, QTime(23, 59), Qt::UTC))));
        const HttpResult lastMinute = s.get(u"/api/v2/me/"_s, uatHeader(secret));
        QVERIFY2(lastMinute.status == 200,
                 qPrintable(u"successor validUntil %1, at %2: %3"_s.arg(
                     isoDate(successorUntil), s.serverNow().toString(Qt::ISODate), describe(lastMinute))));
        QVERIFY(s.advanceClock(120));
        QCOMPARE(s.get(u"/api/v2/me/"_s, uatHeader(secret)).status, 401);
    }

    void tenantsAreIsolated()
    {
        QVERIFY(m_server.addUser(GlobexEmail, u"globex"_s, u"admin"_s, GlobexPassword));
        const QString globex = m_server.login(GlobexEmail, GlobexPassword).data().value(u"token"_s).toString();
        QVERIFY(!globex.isEmpty());
        const Created theirs =
            createUat(m_server, TestServer::bearer(globex), u"globex uat"_s, {u"brand_create"_s}, today().addDays(5));
        QVERIFY(!theirs.id.isEmpty());
        QCOMPARE(theirs.record.value(u"tenantId"_s).toString(), u"globex"_s);
        const Created ours = createUat(m_server, m_server.admin(), u"default uat"_s, {u"brand_create"_s}, today().addDays(5));

        // The other tenant's UAT answers 404 to this tenant's admin, for every operation.
        const QString path = u"/api/v1/uats/"_s + theirs.id;
        QCOMPARE(m_server.get(path, m_server.admin()).status, 404);
        QCOMPARE(m_server.get(path, m_server.admin()).errorCode(), u"not_found"_s);
        QCOMPARE(m_server.patch(path, {{u"name"_s, u"stolen"_s}}, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(path + u"/revoke"_s, {}, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(path + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(u"/api/v1/uats/revoke"_s, {{u"ids"_s, QJsonArray{theirs.id}}}, m_server.admin()).status, 404);
        QVERIFY(!ids(m_server.get(u"/api/v1/uats?limit=1000"_s, m_server.admin()).data().value(u"items"_s).toArray())
                     .contains(theirs.id));
        // …and the other way round.
        QCOMPARE(m_server.get(u"/api/v1/uats/"_s + ours.id, TestServer::bearer(globex)).status, 404);
        QVERIFY(!ids(m_server.get(u"/api/v1/uats?limit=1000"_s, TestServer::bearer(globex))
                         .data()
                         .value(u"items"_s)
                         .toArray())
                     .contains(ours.id));

        // It still works in its own tenant, and acts there.
        const HttpResult me = m_server.get(u"/api/v2/me/"_s, uatHeader(theirs.secret));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
        QCOMPARE(me.json.value(u"company"_s).toObject().value(u"id"_s).toString(), u"globex"_s);
        QCOMPARE(m_server.get(path, TestServer::bearer(globex)).status, 200);
        // A UAT naming another tenant is refused.
        Headers cross = uatHeader(theirs.secret);
        cross.emplaceBack("X-Tenant-Id", "default");
        const HttpResult crossed = m_server.get(u"/api/v1/me"_s, cross);
        QCOMPARE(crossed.status, 403);
        QCOMPARE(crossed.errorCode(), u"tenant_forbidden"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerUats)
#include "tst_server_uats.moc"
