// Private (long-living) tokens end to end against the real server: a mandatory custom expiresAt with no
// default, a configurable maximum lifetime, creation only from a login session, "Authorization: Bearer tdp_…"
// with scopes enforced, expiry on the server's test clock, revocation, listing and rotation.
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

constexpr qint64 Day = 24 * 3600;

QJsonObject tokenOf(const HttpResult& r)
{
    return r.data().value(u"privateToken"_s).toObject();
}

QStringList ids(const QJsonArray& items)
{
    QStringList out;
    for (const QJsonValue& v : items)
        out.append(v.toObject().value(u"id"_s).toString());
    return out;
}

// Whole seconds in UTC with a Z, as the server writes them back.
QString iso(const QDateTime& at)
{
    return QDateTime::fromSecsSinceEpoch(at.toSecsSinceEpoch(), Qt::UTC).toString(Qt::ISODate);
}

QJsonObject tokenBody(const QString& name, const QStringList& scopes, const QJsonValue& expiresAt)
{
    QJsonObject body{{u"name"_s, name}, {u"scopes"_s, QJsonArray::fromStringList(scopes)}};
    if (!expiresAt.isUndefined())
        body.insert(u"expiresAt"_s, expiresAt);
    return body;
}

struct Created
{
    QString id;
    QString secret;
    QJsonObject record;
};

Created createToken(TestServer& server, const Headers& auth, const QString& name, const QStringList& scopes,
                    const QDateTime& expiresAt)
{
    const HttpResult r = server.post(u"/api/v1/private-tokens"_s, tokenBody(name, scopes, iso(expiresAt)), auth);
    if (r.status != 201) {
        qWarning().noquote() << "creating a private token failed:" << describe(r);
        return {};
    }
    return {tokenOf(r).value(u"id"_s).toString(), r.data().value(u"secret"_s).toString(), tokenOf(r)};
}

Headers freshAdmin(TestServer& server)
{
    const QString token = server.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword)
                              .data()
                              .value(u"token"_s)
                              .toString();
    return TestServer::bearer(token);
}

QJsonObject detailsOf(const HttpResult& r)
{
    return r.json.value(u"error"_s).toObject().value(u"details"_s).toObject();
}

} // namespace

class TestServerPrivateTokens : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QDateTime now() { return m_server.serverNow(); }
    int tokenCount()
    {
        return m_server.get(u"/api/v1/private-tokens?limit=1000"_s, m_server.admin())
            .data()
            .value(u"items"_s)
            .toArray()
            .size();
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
        const QString expires = iso(now().addDays(90));
        const HttpResult r = m_server.post(
            u"/api/v1/private-tokens"_s, tokenBody(u"reporting job"_s, {u"read:products"_s, u"read:orders"_s}, expires),
            m_server.admin());
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QString secret = r.data().value(u"secret"_s).toString();
        QVERIFY2(secret.startsWith(u"tdp_"_s), qPrintable(secret.left(4)));
        QCOMPARE(secret.size(), 42);
        QVERIFY(td::protocol::OpaqueToken::parse(secret.toLatin1()).has_value());
        const QJsonObject token = tokenOf(r);
        const QString id = token.value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(token.value(u"name"_s).toString(), u"reporting job"_s);
        QCOMPARE(token.value(u"expiresAt"_s).toString(), expires);
        QCOMPARE(token.value(u"scopes"_s).toArray(), (QJsonArray{u"read:products"_s, u"read:orders"_s}));
        QCOMPARE(token.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(token.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(token.value(u"prefix"_s).toString(), secret.left(12));
        QCOMPARE(token.value(u"last4"_s).toString(), secret.right(4));
        QVERIFY(!token.contains(u"secret"_s));

        // The list shows the expiry, never the secret.
        const HttpResult list = m_server.get(u"/api/v1/private-tokens?limit=1000"_s, m_server.admin());
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(secret.toLatin1()));
        bool found = false;
        for (const QJsonValue& v : list.data().value(u"items"_s).toArray()) {
            const QJsonObject item = v.toObject();
            QVERIFY2(!item.value(u"expiresAt"_s).toString().isEmpty(), qPrintable(item.value(u"id"_s).toString()));
            if (item.value(u"id"_s).toString() == id) {
                found = true;
                QCOMPARE(item.value(u"expiresAt"_s).toString(), expires);
            }
        }
        QVERIFY(found);
        const HttpResult got = m_server.get(u"/api/v1/private-tokens/"_s + id, m_server.admin());
        QCOMPARE(got.status, 200);
        QCOMPARE(tokenOf(got).value(u"expiresAt"_s).toString(), expires);
        QVERIFY(!got.body.contains(secret.toLatin1()));

        // /me describes it.
        const HttpResult me = m_server.get(u"/api/v1/me"_s, TestServer::bearer(secret));
        QVERIFY2(me.status == 200, qPrintable(describe(me)));
        QCOMPARE(me.data().value(u"kind"_s).toString(), u"privateToken"_s);
        QCOMPARE(me.data().value(u"id"_s).toString(), id);
        QCOMPARE(me.data().value(u"expiresAt"_s).toString(), expires);
        QCOMPARE(me.data().value(u"scopes"_s).toArray(), (QJsonArray{u"read:products"_s, u"read:orders"_s}));
    }

    void expiryIsMandatoryAndBounded_data()
    {
        QTest::addColumn<QJsonValue>("expiresAt");
        const QDateTime t = now();
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("null (no never)") << QJsonValue(QJsonValue::Null);
        QTest::newRow("empty") << QJsonValue(u""_s);
        QTest::newRow("garbage") << QJsonValue(u"in a year"_s);
        QTest::newRow("number") << QJsonValue(1893456000);
        QTest::newRow("an hour ago") << QJsonValue(iso(t.addSecs(-3600)));
        QTest::newRow("long past") << QJsonValue(u"2001-01-01T00:00:00Z"_s);
        QTest::newRow("366 days") << QJsonValue(iso(t.addDays(366)));
        QTest::newRow("365 days and an hour") << QJsonValue(iso(t.addSecs(365 * Day + 3600)));
        QTest::newRow("ten years") << QJsonValue(iso(t.addYears(10)));
    }

    void expiryIsMandatoryAndBounded()
    {
        QFETCH(QJsonValue, expiresAt);
        const int before = tokenCount();
        const HttpResult r = m_server.post(u"/api/v1/private-tokens"_s,
                                           tokenBody(u"bounded"_s, {u"read:products"_s}, expiresAt), m_server.admin());
        QVERIFY2(r.status == 400, qPrintable(describe(r)));
        QCOMPARE(r.errorCode(), u"validation_error"_s);
        QVERIFY2(detailsOf(r).contains(u"expiresAt"_s), r.body.constData());
        QVERIFY(!r.data().contains(u"secret"_s));
        QCOMPARE(tokenCount(), before);
    }

    void withinTheDefaultMaximum()
    {
        const Created t = createToken(m_server, m_server.admin(), u"almost a year"_s, {u"read:products"_s},
                                      now().addSecs(365 * Day - 3600));
        QVERIFY(!t.secret.isEmpty());
        const Created shortLived =
            createToken(m_server, m_server.admin(), u"an hour"_s, {u"read:products"_s}, now().addSecs(3600));
        QVERIFY(!shortLived.secret.isEmpty());
    }

    void otherFieldsAreValidated_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QString expires = iso(now().addDays(30));
        QTest::newRow("no scopes") << QJsonObject{{u"name"_s, u"p"_s}, {u"expiresAt"_s, expires}} << u"scopes"_s;
        QTest::newRow("UAT permission") << QJsonObject{{u"name"_s, u"p"_s},
                                                       {u"scopes"_s, QJsonArray{u"brand_create"_s}},
                                                       {u"expiresAt"_s, expires}}
                                        << u"scopes"_s;
        QTest::newRow("unknown scope") << QJsonObject{{u"name"_s, u"p"_s},
                                                      {u"scopes"_s, QJsonArray{u"read:all"_s}},
                                                      {u"expiresAt"_s, expires}}
                                       << u"scopes"_s;
        QTest::newRow("validUntil is a UAT field") << QJsonObject{{u"name"_s, u"p"_s},
                                                                  {u"scopes"_s, QJsonArray{u"read:products"_s}},
                                                                  {u"expiresAt"_s, expires},
                                                                  {u"validUntil"_s, u"2030-01-01"_s}}
                                                   << u"validUntil"_s;
        QTest::newRow("no name") << QJsonObject{{u"scopes"_s, QJsonArray{u"read:products"_s}},
                                                {u"expiresAt"_s, expires}}
                                 << u"name"_s;
    }

    void otherFieldsAreValidated()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpResult r = m_server.post(u"/api/v1/private-tokens"_s, body, m_server.admin());
        QVERIFY2(r.status == 400, qPrintable(describe(r)));
        QVERIFY2(detailsOf(r).contains(field), r.body.constData());
    }

    void maximumLifetimeIsConfigurable()
    {
        TestServer s;
        QVERIFY(s.start({u"--private-token-max-days"_s, u"30"_s}));
        const Headers h = TestServer::bearer(s.adminToken());
        const QDateTime t = s.serverNow();
        QVERIFY(t.isValid());

        const HttpResult forty = s.post(u"/api/v1/private-tokens"_s,
                                        tokenBody(u"forty days"_s, {u"read:products"_s}, iso(t.addDays(40))), h);
        QVERIFY2(forty.status == 400, qPrintable(describe(forty)));
        QVERIFY2(detailsOf(forty).contains(u"expiresAt"_s), forty.body.constData());
        const HttpResult thirtyOne =
            s.post(u"/api/v1/private-tokens"_s, tokenBody(u"31 days"_s, {u"read:products"_s}, iso(t.addDays(31))), h);
        QCOMPARE(thirtyOne.status, 400);
        const HttpResult twenty = s.post(u"/api/v1/private-tokens"_s,
                                         tokenBody(u"twenty days"_s, {u"read:products"_s}, iso(t.addDays(20))), h);
        QVERIFY2(twenty.status == 201, qPrintable(describe(twenty)));
        QCOMPARE(tokenOf(twenty).value(u"expiresAt"_s).toString(), iso(t.addDays(20)));
        QVERIFY(twenty.data().value(u"secret"_s).toString().startsWith(u"tdp_"_s));

        // Bad values of the option are refused at start.
        const auto [code, output] = s.runCommand(
            s.databaseArgs() + QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--private-token-max-days"_s, u"0"_s});
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(u"--private-token-max-days"_s), qPrintable(output));
    }

    void onlyALoginSessionMayCreate()
    {
        const QDateTime expires = now().addDays(10);
        // An admin API key manages everything else, but cannot mint private tokens.
        const auto adminKey = m_server.createKey(u"automation"_s, {u"admin"_s});
        QVERIFY(!adminKey.second.isEmpty());
        const int before = tokenCount();
        const HttpResult byKey = m_server.post(u"/api/v1/private-tokens"_s,
                                               tokenBody(u"minted by a key"_s, {u"read:products"_s}, iso(expires)),
                                               TestServer::apiKey(adminKey.second));
        QVERIFY2(byKey.status == 403, qPrintable(describe(byKey)));
        QCOMPARE(byKey.errorCode(), u"insufficient_scope"_s);
        QVERIFY(!byKey.data().contains(u"secret"_s));
        QCOMPARE(m_server.get(u"/api/v1/private-tokens"_s, TestServer::apiKey(adminKey.second)).status, 200);

        // Nor can a private token holding admin.
        const Created adminToken = createToken(m_server, m_server.admin(), u"admin token"_s, {u"admin"_s}, expires);
        QVERIFY(!adminToken.secret.isEmpty());
        const HttpResult byToken = m_server.post(u"/api/v1/private-tokens"_s,
                                                 tokenBody(u"minted by a token"_s, {u"read:products"_s}, iso(expires)),
                                                 TestServer::bearer(adminToken.secret));
        QVERIFY2(byToken.status == 403, qPrintable(describe(byToken)));
        QCOMPARE(byToken.errorCode(), u"insufficient_scope"_s);
        QCOMPARE(tokenCount(), before + 1); // only the session's

        // Rotating mints a secret too: a key may not rotate a private token either.
        const HttpResult rotateByKey = m_server.post(u"/api/v1/private-tokens/"_s + adminToken.id + u"/rotate"_s,
                                                     {{u"graceSeconds"_s, 0}}, TestServer::apiKey(adminKey.second));
        QVERIFY2(rotateByKey.status == 403, qPrintable(describe(rotateByKey)));
        QVERIFY(!rotateByKey.data().contains(u"secret"_s));
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(adminToken.secret)).status, 200); // untouched

        // A member makes their own (issue 17), within a member's rights: never admin.
        QVERIFY(m_server.addUser(u"member@example.test"_s, u"default"_s, u"member"_s, "member pass phrase 8812"));
        const QString member =
            m_server.login(u"member@example.test"_s, "member pass phrase 8812").data().value(u"token"_s).toString();
        QVERIFY(!member.isEmpty());
        const HttpResult own =
            m_server.post(u"/api/v1/private-tokens"_s, tokenBody(u"member's"_s, {u"read:products"_s}, iso(expires)),
                          TestServer::bearer(member));
        QCOMPARE(own.status, 201);
        QCOMPARE(m_server
                     .post(u"/api/v1/private-tokens"_s, tokenBody(u"member's admin"_s, {u"admin"_s}, iso(expires)),
                           TestServer::bearer(member))
                     .status,
                 403);
    }

    void bearerTokenHasOnlyItsScopes()
    {
        const Created t = createToken(m_server, m_server.admin(), u"reader"_s, {u"read:products"_s}, now().addDays(7));
        QVERIFY(!t.secret.isEmpty());
        const Headers h = TestServer::bearer(t.secret);
        const HttpResult read = m_server.get(u"/api/v1/products"_s, h);
        QVERIFY2(read.status == 200, qPrintable(describe(read)));
        QVERIFY(read.data().value(u"items"_s).isArray());
        const HttpResult write = m_server.post(u"/api/v1/products"_s, {{u"name"_s, u"Anvil"_s}}, h);
        QVERIFY2(write.status == 403, qPrintable(describe(write)));
        QCOMPARE(write.errorCode(), u"insufficient_scope"_s);
        QCOMPARE(m_server.get(u"/api/v1/orders"_s, h).errorCode(), u"insufficient_scope"_s);
        QCOMPARE(m_server.get(u"/api/v1/private-tokens"_s, h).status, 403);
        // The scheme name is case-insensitive.
        QCOMPARE(m_server.get(u"/api/v1/products"_s, {{"Authorization", "bearer " + t.secret.toLatin1()}}).status, 200);

        // A writer writes.
        const Created writer = createToken(m_server, m_server.admin(), u"writer"_s,
                                           {u"read:products"_s, u"write:products"_s}, now().addDays(7));
        const HttpResult created =
            m_server.post(u"/api/v1/products"_s, {{u"name"_s, u"Rocket skates"_s}}, TestServer::bearer(writer.secret));
        QVERIFY2(created.status == 201, qPrintable(describe(created)));

        // Only as Bearer: not as an API key, not as a UAT.
        const HttpResult asKey = m_server.get(u"/api/v1/products"_s, TestServer::apiKey(t.secret));
        QCOMPARE(asKey.status, 401);
        QCOMPARE(asKey.errorCode(), u"token_not_valid"_s);
        const HttpResult asUat = m_server.get(u"/api/v1/products"_s, {{"Authorization", "UAT " + t.secret.toLatin1()}});
        QCOMPARE(asUat.status, 401);
        QCOMPARE(asUat.errorCode(), u"token_not_valid"_s);
        // An unknown but well-formed private token.
        const HttpResult unknown = m_server.get(
            u"/api/v1/products"_s, TestServer::bearer(QString::fromLatin1(
                                       td::protocol::OpaqueToken::generate(td::protocol::TokenKind::PrivateToken))));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorCode(), u"token_not_valid"_s);
        QVERIFY(!unknown.header("WWW-Authenticate").isEmpty());
    }

    void revokedStopsAtOnce()
    {
        const Created t =
            createToken(m_server, m_server.admin(), u"to revoke"_s, {u"read:products"_s}, now().addDays(7));
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(t.secret)).status, 200);
        const HttpResult revoked =
            m_server.post(u"/api/v1/private-tokens/"_s + t.id + u"/revoke"_s, {}, m_server.admin());
        QVERIFY2(revoked.status == 200, qPrintable(describe(revoked)));
        QCOMPARE(tokenOf(revoked).value(u"status"_s).toString(), u"revoked"_s);
        const HttpResult use = m_server.get(u"/api/v1/products"_s, TestServer::bearer(t.secret));
        QCOMPARE(use.status, 401);
        QCOMPARE(use.errorCode(), u"token_not_valid"_s);
        QVERIFY(!use.header("WWW-Authenticate").isEmpty());
        QCOMPARE(m_server.post(u"/api/v1/private-tokens/"_s + t.id + u"/revoke"_s, {}, m_server.admin()).status, 200);

        // Bulk revoke, all or nothing.
        const Created a = createToken(m_server, m_server.admin(), u"bulk a"_s, {u"read:products"_s}, now().addDays(7));
        const Created b = createToken(m_server, m_server.admin(), u"bulk b"_s, {u"read:products"_s}, now().addDays(7));
        QCOMPARE(m_server
                     .post(u"/api/v1/private-tokens/revoke"_s, {{u"ids"_s, QJsonArray{a.id, u"ptk_missing"_s}}},
                           m_server.admin())
                     .status,
                 404);
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(a.secret)).status, 200);
        QCOMPARE(
            m_server.post(u"/api/v1/private-tokens/revoke"_s, {{u"ids"_s, QJsonArray{a.id, b.id}}}, m_server.admin())
                .status,
            200);
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(a.secret)).status, 401);
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(b.secret)).status, 401);
    }

    void expiredStopsAtOnce()
    {
        TestServer s;
        QVERIFY(s.start());
        Headers h = TestServer::bearer(s.adminToken());
        const QDateTime t = s.serverNow();
        const Created soon = createToken(s, h, u"two hours"_s, {u"read:products"_s}, t.addSecs(2 * 3600));
        const Created later = createToken(s, h, u"two days"_s, {u"read:products"_s}, t.addDays(2));
        QVERIFY(!soon.secret.isEmpty() && !later.secret.isEmpty());

        QVERIFY(s.advanceClock(2 * 3600 - 60));
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::bearer(soon.secret)).status, 200);
        QVERIFY(s.advanceClock(120));
        const HttpResult expired = s.get(u"/api/v1/products"_s, TestServer::bearer(soon.secret));
        QVERIFY2(expired.status == 401, qPrintable(describe(expired)));
        QCOMPARE(expired.errorCode(), u"token_not_valid"_s);
        QVERIFY(!expired.header("WWW-Authenticate").isEmpty());
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::bearer(later.secret)).status, 200);

        h = freshAdmin(s);
        QCOMPARE(tokenOf(s.get(u"/api/v1/private-tokens/"_s + soon.id, h)).value(u"status"_s).toString(), u"expired"_s);
        const QStringList expiredIds =
            ids(s.get(u"/api/v1/private-tokens?status=expired"_s, h).data().value(u"items"_s).toArray());
        QCOMPARE(expiredIds, QStringList{soon.id});
        const QStringList activeIds =
            ids(s.get(u"/api/v1/private-tokens?status=active"_s, h).data().value(u"items"_s).toArray());
        QCOMPARE(activeIds, QStringList{later.id});
    }

    void rotateGivesANewSecretAndLinksBoth()
    {
        TestServer s;
        QVERIFY(s.start());
        Headers h = TestServer::bearer(s.adminToken());
        const Created old =
            createToken(s, h, u"rotating"_s, {u"read:products"_s, u"read:orders"_s}, s.serverNow().addDays(60));
        QVERIFY(!old.secret.isEmpty());
        const HttpResult r =
            s.post(u"/api/v1/private-tokens/"_s + old.id + u"/rotate"_s, {{u"graceSeconds"_s, 300}}, h);
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QString secret = r.data().value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdp_"_s));
        QVERIFY(secret != old.secret);
        const QJsonObject successor = tokenOf(r);
        const QString successorId = successor.value(u"id"_s).toString();
        QVERIFY(!successorId.isEmpty() && successorId != old.id);
        QCOMPARE(successor.value(u"rotatedFrom"_s).toString(), old.id);
        QCOMPARE(successor.value(u"scopes"_s).toArray(), (QJsonArray{u"read:products"_s, u"read:orders"_s}));
        QVERIFY(!successor.value(u"expiresAt"_s).toString().isEmpty());
        QCOMPARE(successor.value(u"prefix"_s).toString(), secret.left(12));
        const QJsonObject previous = tokenOf(s.get(u"/api/v1/private-tokens/"_s + old.id, h));
        QCOMPARE(previous.value(u"rotatedTo"_s).toString(), successorId);
        QVERIFY(!r.body.contains(old.secret.toLatin1()));

        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::bearer(old.secret)).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::bearer(secret)).status, 200);
        QCOMPARE(s.post(u"/api/v1/private-tokens/"_s + old.id + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, h).status, 409);
        QVERIFY(s.advanceClock(301));
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::bearer(old.secret)).status, 401);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::bearer(secret)).status, 200);
    }

    void tenantsAreIsolated()
    {
        QVERIFY(m_server.addUser(u"boss@globex.test"_s, u"globex"_s, u"admin"_s, "globex pass phrase 2231"));
        const QString globex =
            m_server.login(u"boss@globex.test"_s, "globex pass phrase 2231").data().value(u"token"_s).toString();
        QVERIFY(!globex.isEmpty());
        const Created theirs = createToken(m_server, TestServer::bearer(globex), u"globex token"_s,
                                           {u"read:products"_s}, now().addDays(3));
        QVERIFY(!theirs.id.isEmpty());
        const QString path = u"/api/v1/private-tokens/"_s + theirs.id;
        QCOMPARE(m_server.get(path, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(path + u"/revoke"_s, {}, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(path + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, m_server.admin()).status, 404);
        QVERIFY(!ids(m_server.get(u"/api/v1/private-tokens?limit=1000"_s, m_server.admin())
                         .data()
                         .value(u"items"_s)
                         .toArray())
                     .contains(theirs.id));
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(theirs.secret)).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerPrivateTokens)
#include "tst_server_private_tokens.moc"
