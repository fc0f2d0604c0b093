// API keys end to end against the real server: create, list, filter, page, get, patch, revoke, bulk revoke,
// rotate; scopes, tenants and IP allowlists enforced on the guarded resources.
#include "TestServer.h"
#include "protocol/Dto.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

QJsonObject keyOf(const HttpResult& r)
{
    return r.data().value(u"apiKey"_s).toObject();
}

QStringList ids(const QJsonArray& items)
{
    QStringList out;
    for (const QJsonValue& v : items)
        out.append(v.toObject().value(u"id"_s).toString());
    return out;
}

} // namespace

class TestServerApiKeys : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void createShowsSecretOnceAndListsPrefixOnly()
    {
        const HttpResult r = m_server.post(u"/api/v1/api-keys"_s,
                                           {{u"name"_s, u"CI deploy"_s},
                                            {u"description"_s, u"from the pipeline"_s},
                                            {u"scopes"_s, QJsonArray{u"read:products"_s, u"write:products"_s}},
                                            {u"expiresAt"_s, u"2099-01-31T00:00:00Z"_s},
                                            {u"ipAllowlist"_s, QJsonArray{u"127.0.0.1"_s, u"::1"_s}}},
                                           m_server.admin());
        QCOMPARE(r.status, 201);
        const QString secret = r.data().value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdk_"_s));
        QCOMPARE(secret.size(), 42);
        const QJsonObject key = keyOf(r);
        QCOMPARE(key.value(u"name"_s).toString(), u"CI deploy"_s);
        QCOMPARE(key.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(key.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(key.value(u"expiresAt"_s).toString(), u"2099-01-31T00:00:00Z"_s);
        QCOMPARE(key.value(u"ipAllowlist"_s).toArray(), (QJsonArray{u"127.0.0.1/32"_s, u"::1/128"_s}));
        QCOMPARE(key.value(u"prefix"_s).toString(), secret.left(12));
        QCOMPARE(key.value(u"last4"_s).toString(), secret.right(4));
        QVERIFY(!key.contains(u"secret"_s));

        const QString id = key.value(u"id"_s).toString();
        const HttpResult got = m_server.get(u"/api/v1/api-keys/"_s + id, m_server.admin());
        QCOMPARE(got.status, 200);
        QVERIFY(!got.body.contains(secret.toLatin1()));
        QVERIFY(!got.body.contains(secret.mid(12, 20).toLatin1()));
        const HttpResult list = m_server.get(u"/api/v1/api-keys"_s, m_server.admin());
        QCOMPARE(list.status, 200);
        QVERIFY(ids(list.data().value(u"items"_s).toArray()).contains(id));
        QVERIFY(!list.body.contains(secret.toLatin1()));

        // The key works for what it was given, and records its use.
        const HttpResult products = m_server.get(u"/api/v1/products"_s, TestServer::apiKey(secret));
        QCOMPARE(products.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            !keyOf(m_server.get(u"/api/v1/api-keys/"_s + id, m_server.admin())).value(u"lastUsedAt"_s).isNull(), 5000);
        QCOMPARE(keyOf(m_server.get(u"/api/v1/api-keys/"_s + id, m_server.admin())).value(u"lastUsedIp"_s).toString(),
                 u"127.0.0.1"_s);
    }

    void createValidatesEveryField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonArray scopes{u"read:products"_s};
        QTest::newRow("no name") << QJsonObject{{u"scopes"_s, scopes}} << u"name"_s;
        QTest::newRow("blank name") << QJsonObject{{u"name"_s, u"   "_s}, {u"scopes"_s, scopes}} << u"name"_s;
        QTest::newRow("long name") << QJsonObject{{u"name"_s, QString(101, u'x')}, {u"scopes"_s, scopes}} << u"name"_s;
        QTest::newRow("no scopes") << QJsonObject{{u"name"_s, u"k"_s}} << u"scopes"_s;
        QTest::newRow("empty scopes") << QJsonObject{{u"name"_s, u"k"_s}, {u"scopes"_s, QJsonArray{}}} << u"scopes"_s;
        QTest::newRow("unknown scope") << QJsonObject{{u"name"_s, u"k"_s},
                                                      {u"scopes"_s, QJsonArray{u"read:everything"_s}}}
                                       << u"scopes"_s;
        QTest::newRow("UAT permission on a key")
            << QJsonObject{{u"name"_s, u"k"_s}, {u"scopes"_s, QJsonArray{u"brand_create"_s}}} << u"scopes"_s;
        QTest::newRow("past expiry") << QJsonObject{{u"name"_s, u"k"_s},
                                                    {u"scopes"_s, scopes},
                                                    {u"expiresAt"_s, u"2001-01-01T00:00:00Z"_s}}
                                     << u"expiresAt"_s;
        QTest::newRow("garbage expiry") << QJsonObject{{u"name"_s, u"k"_s},
                                                       {u"scopes"_s, scopes},
                                                       {u"expiresAt"_s, u"next tuesday"_s}}
                                        << u"expiresAt"_s;
        QTest::newRow("bad CIDR") << QJsonObject{{u"name"_s, u"k"_s},
                                                 {u"scopes"_s, scopes},
                                                 {u"ipAllowlist"_s, QJsonArray{u"10.0.0.1/8"_s}}}
                                  << u"ipAllowlist"_s;
        QTest::newRow("unknown field") << QJsonObject{{u"name"_s, u"k"_s}, {u"scopes"_s, scopes}, {u"expires_at"_s, 1}}
                                       << u"expires_at"_s;
    }

    void createValidatesEveryField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const int before =
            m_server.get(u"/api/v1/api-keys?limit=1000"_s, m_server.admin()).data().value(u"items"_s).toArray().size();
        const HttpResult r = m_server.post(u"/api/v1/api-keys"_s, body, m_server.admin());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_error"_s);
        QVERIFY2(r.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(field),
                 r.body.constData());
        // Nothing was created.
        QCOMPARE(
            m_server.get(u"/api/v1/api-keys?limit=1000"_s, m_server.admin()).data().value(u"items"_s).toArray().size(),
            before);
    }

    void notJsonIsA400()
    {
        const HttpResult r = m_server.request("POST", u"/api/v1/api-keys"_s, "{not json", m_server.admin());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_error"_s);
    }

    void scopesAreEnforced()
    {
        const auto [id, secret] = m_server.createKey(u"reader"_s, {u"read:products"_s});
        QVERIFY(!secret.isEmpty());
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(secret)).status, 200);
        const HttpResult write =
            m_server.post(u"/api/v1/products"_s, {{u"name"_s, u"Anvil"_s}}, TestServer::apiKey(secret));
        QCOMPARE(write.status, 403);
        QCOMPARE(write.errorCode(), u"insufficient_scope"_s);
        QCOMPARE(m_server.get(u"/api/v1/orders"_s, TestServer::apiKey(secret)).status, 403);
        // A key without admin cannot manage keys.
        const HttpResult manage = m_server.get(u"/api/v1/api-keys"_s, TestServer::apiKey(secret));
        QCOMPARE(manage.status, 403);
        QCOMPARE(manage.errorCode(), u"insufficient_scope"_s);
        const HttpResult create =
            m_server.post(u"/api/v1/api-keys"_s, {{u"name"_s, u"x"_s}, {u"scopes"_s, QJsonArray{u"read:products"_s}}},
                          TestServer::apiKey(secret));
        QCOMPARE(create.status, 403);

        // A writer can write, and what it wrote can be read.
        const auto writer = m_server.createKey(u"writer"_s, {u"write:products"_s, u"read:products"_s});
        const HttpResult created =
            m_server.post(u"/api/v1/products"_s, {{u"name"_s, u"Rocket skates"_s}}, TestServer::apiKey(writer.second));
        QCOMPARE(created.status, 201);
        const HttpResult listed = m_server.get(u"/api/v1/products"_s, TestServer::apiKey(secret));
        QVERIFY(ids(listed.data().value(u"items"_s).toArray()).contains(created.data().value(u"id"_s).toString()));

        // An admin key may manage keys.
        const auto adminKey = m_server.createKey(u"automation"_s, {u"admin"_s});
        QCOMPARE(m_server.get(u"/api/v1/api-keys"_s, TestServer::apiKey(adminKey.second)).status, 200);
    }

    void memberCannotManageKeys()
    {
        QVERIFY(m_server.addUser(u"member@example.test"_s, u"default"_s, u"member"_s, "member password 123"));
        const QString token =
            m_server.login(u"member@example.test"_s, "member password 123").data().value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::bearer(token)).status, 200);
        const HttpResult r = m_server.get(u"/api/v1/api-keys"_s, TestServer::bearer(token));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"insufficient_scope"_s);
    }

    void tenantsAreIsolated()
    {
        QVERIFY(m_server.addUser(u"boss@globex.test"_s, u"globex"_s, u"admin"_s, "globex password 123"));
        const QString globex =
            m_server.login(u"boss@globex.test"_s, "globex password 123").data().value(u"token"_s).toString();
        const auto globexKey =
            m_server.createKey(u"globex key"_s, {u"read:products"_s}, {}, TestServer::bearer(globex));
        QVERIFY(!globexKey.first.isEmpty());
        const auto defaultKey = m_server.createKey(u"default key"_s, {u"read:products"_s});

        // A credential of tenant A naming B gets 403.
        td::test::Headers h = TestServer::apiKey(defaultKey.second);
        h.emplaceBack("X-Tenant-Id", "globex");
        const HttpResult cross = m_server.get(u"/api/v1/products"_s, h);
        QCOMPARE(cross.status, 403);
        QCOMPARE(cross.errorCode(), u"tenant_forbidden"_s);
        td::test::Headers sessionCross = m_server.admin();
        sessionCross.emplaceBack("X-Tenant-Id", "globex");
        QCOMPARE(m_server.get(u"/api/v1/api-keys"_s, sessionCross).errorCode(), u"tenant_forbidden"_s);

        // B's objects answer 404 to A, as if absent, for every operation.
        const QString path = u"/api/v1/api-keys/"_s + globexKey.first;
        QCOMPARE(m_server.get(path, m_server.admin()).status, 404);
        QCOMPARE(m_server.patch(path, {{u"name"_s, u"stolen"_s}}, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(path + u"/revoke"_s, {}, m_server.admin()).status, 404);
        QCOMPARE(m_server.post(path + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, m_server.admin()).status, 404);
        QCOMPARE(
            m_server.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray{globexKey.first}}}, m_server.admin())
                .status,
            404);
        QVERIFY(
            !ids(m_server.get(u"/api/v1/api-keys?limit=1000"_s, m_server.admin()).data().value(u"items"_s).toArray())
                 .contains(globexKey.first));
        // …and it still works in its own tenant.
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(globexKey.second)).status, 200);
        QCOMPARE(m_server.get(u"/api/v1/api-keys/"_s + globexKey.first, TestServer::bearer(globex)).status, 200);
    }

    void ipAllowlistUsesThePeerAddress()
    {
        const auto key = m_server.createKey(u"office only"_s, {u"read:products"_s},
                                            {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}});
        const HttpResult refused = m_server.get(u"/api/v1/products"_s, TestServer::apiKey(key.second));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"ip_not_allowed"_s);
        // A forged X-Forwarded-For does not help: 127.0.0.1 is not a trusted proxy.
        td::test::Headers forged = TestServer::apiKey(key.second);
        forged.emplaceBack("X-Forwarded-For", "10.1.2.3");
        QCOMPARE(m_server.get(u"/api/v1/products"_s, forged).errorCode(), u"ip_not_allowed"_s);
        // The refusal is audited in the database (checked by the durability test's dump too).
        const auto loopback = m_server.createKey(u"loopback"_s, {u"read:products"_s},
                                                 {{u"ipAllowlist"_s, QJsonArray{u"127.0.0.0/8"_s, u"::1/128"_s}}});
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(loopback.second)).status, 200);
    }

    void trustedProxyForwardsTheClientAddress()
    {
        TestServer proxied;
        QVERIFY(proxied.start({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        const auto key =
            proxied.createKey(u"office"_s, {u"read:products"_s}, {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}});
        td::test::Headers h = TestServer::apiKey(key.second);
        h.emplaceBack("X-Forwarded-For", "10.1.2.3");
        QCOMPARE(proxied.get(u"/api/v1/products"_s, h).status, 200);
        td::test::Headers outside = TestServer::apiKey(key.second);
        outside.emplaceBack("X-Forwarded-For", "10.1.2.3, 192.0.2.7");
        QCOMPARE(proxied.get(u"/api/v1/products"_s, outside).errorCode(), u"ip_not_allowed"_s);
    }

    void listFiltersByStatusAndTextAndPages()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto a = s.createKey(u"alpha reporting"_s, {u"read:orders"_s});
        const auto b = s.createKey(u"beta sync"_s, {u"read:orders"_s}, {{u"expiresAt"_s, u"2030-01-01T00:00:00Z"_s}});
        const auto c = s.createKey(u"gamma reporting"_s, {u"read:orders"_s});
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + c.first + u"/revoke"_s, {}, TestServer::bearer(s.adminToken())).status,
                 200);
        auto h = TestServer::bearer(s.adminToken());
        auto listIds = [&](const QString& query) {
            const QStringList list = ids(s.get(u"/api/v1/api-keys"_s + query, h).data().value(u"items"_s).toArray());
            return QSet<QString>(list.begin(), list.end());
        };
        QCOMPARE(listIds(u"?status=active"_s), (QSet<QString>{a.first, b.first}));
        QCOMPARE(listIds(u"?status=revoked"_s), (QSet<QString>{c.first}));
        QCOMPARE(listIds(u"?status=expired"_s), QSet<QString>());
        QCOMPARE(listIds(u"?q=reporting"_s), (QSet<QString>{a.first, c.first}));
        QCOMPARE(listIds(u"?q=reporting&status=active"_s), (QSet<QString>{a.first}));
        QCOMPARE(listIds(u"?q=100%25"_s), QSet<QString>()); // LIKE wildcards are literal

        // The controlled clock moves b past its expiry: status is computed at read time.
        QVERIFY(s.advanceClock(10LL * 365 * 24 * 3600));
        // The session ended long ago too: log in again.
        h = TestServer::bearer(s.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword)
                                   .data()
                                   .value(u"token"_s)
                                   .toString());
        QCOMPARE(listIds(u"?status=expired"_s), (QSet<QString>{b.first}));
        QCOMPARE(s.get(u"/api/v1/api-keys/"_s + b.first, h).data().value(u"apiKey"_s).toObject().value(u"status"_s),
                 u"expired"_s);
        const HttpResult expiredUse = s.get(u"/api/v1/orders"_s, TestServer::apiKey(b.second));
        QCOMPARE(expiredUse.status, 401);
        QCOMPARE(expiredUse.errorCode(), u"token_not_valid"_s);

        // Paging: 3 keys, limit 2 -> two pages, no duplicates, nothing lost.
        const HttpResult first = s.get(u"/api/v1/api-keys?limit=2"_s, h);
        QCOMPARE(first.data().value(u"items"_s).toArray().size(), 2);
        const QString cursor = first.data().value(u"nextCursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        const HttpResult second = s.get(u"/api/v1/api-keys?limit=2&cursor="_s + cursor, h);
        QCOMPARE(second.data().value(u"items"_s).toArray().size(), 1);
        QVERIFY(second.data().value(u"nextCursor"_s).isNull());
        // The next page's address is in a Link header too (RFC 8288), the same cursor and the other parameters kept;
        // the last page has none.
        QCOMPARE(first.header("Link"), "</api/v1/api-keys?limit=2&cursor=" + cursor.toLatin1() + ">; rel=\"next\"");
        QVERIFY(second.header("Link").isEmpty());
        QStringList all =
            ids(first.data().value(u"items"_s).toArray()) + ids(second.data().value(u"items"_s).toArray());
        QCOMPARE(QSet<QString>(all.begin(), all.end()), (QSet<QString>{a.first, b.first, c.first}));

        for (const QString& bad :
             {u"?status=frozen"_s, u"?limit=0"_s, u"?limit=1001"_s, u"?limit=abc"_s, u"?cursor=%%%"_s}) {
            const HttpResult r = s.get(u"/api/v1/api-keys"_s + bad, h);
            QVERIFY2(r.status == 400 && r.errorCode() == u"validation_error"_s, qPrintable(bad));
        }
    }

    void patchChangesOnlyWhatMayChange()
    {
        const auto key = m_server.createKey(u"patchable"_s, {u"read:products"_s});
        const QString path = u"/api/v1/api-keys/"_s + key.first;
        const HttpResult ok = m_server.patch(path,
                                             {{u"name"_s, u"renamed"_s},
                                              {u"description"_s, u"now described"_s},
                                              {u"ipAllowlist"_s, QJsonArray{u"192.0.2.0/24"_s}}},
                                             m_server.admin());
        QCOMPARE(ok.status, 200);
        QCOMPARE(keyOf(ok).value(u"name"_s).toString(), u"renamed"_s);
        QCOMPARE(keyOf(ok).value(u"ipAllowlist"_s).toArray(), QJsonArray{u"192.0.2.0/24"_s});
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).errorCode(), u"ip_not_allowed"_s);

        const HttpResult scopes = m_server.patch(path, {{u"scopes"_s, QJsonArray{u"admin"_s}}}, m_server.admin());
        QCOMPARE(scopes.status, 400);
        QVERIFY(scopes.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"scopes"_s));
        const HttpResult badCidr =
            m_server.patch(path, {{u"ipAllowlist"_s, QJsonArray{u"300.1.1.1"_s}}}, m_server.admin());
        QCOMPARE(badCidr.status, 400);
        // Nothing of a refused patch was applied.
        QCOMPARE(keyOf(m_server.get(path, m_server.admin())).value(u"ipAllowlist"_s).toArray(),
                 QJsonArray{u"192.0.2.0/24"_s});
        QCOMPARE(keyOf(m_server.get(path, m_server.admin())).value(u"scopes"_s).toArray(),
                 QJsonArray{u"read:products"_s});

        QCOMPARE(m_server.post(path + u"/revoke"_s, {}, m_server.admin()).status, 200);
        const HttpResult revoked = m_server.patch(path, {{u"name"_s, u"again"_s}}, m_server.admin());
        QCOMPARE(revoked.status, 409);
        QCOMPARE(revoked.errorCode(), u"conflict"_s);
    }

    void revokeIsImmediateAndIdempotent()
    {
        const auto key = m_server.createKey(u"to revoke"_s, {u"read:products"_s});
        QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        const QString path = u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s;
        const HttpResult first = m_server.post(path, {}, m_server.admin());
        QCOMPARE(first.status, 200);
        QCOMPARE(keyOf(first).value(u"status"_s).toString(), u"revoked"_s);
        const QString revokedAt = keyOf(first).value(u"revokedAt"_s).toString();
        QVERIFY(!revokedAt.isEmpty());
        QVERIFY(keyOf(first).value(u"revokedBy"_s).toString().startsWith(u"user:"_s));
        const HttpResult again = m_server.post(path, {}, m_server.admin());
        QCOMPARE(again.status, 200);
        QCOMPARE(keyOf(again).value(u"revokedAt"_s).toString(), revokedAt);
        const HttpResult use = m_server.get(u"/api/v1/products"_s, TestServer::apiKey(key.second));
        QCOMPARE(use.status, 401);
        QCOMPARE(use.errorCode(), u"token_not_valid"_s);
        QVERIFY(!use.header("WWW-Authenticate").isEmpty());
        QCOMPARE(m_server.post(u"/api/v1/api-keys/key_doesnotexist/revoke"_s, {}, m_server.admin()).status, 404);
    }

    void bulkRevokeIsAllOrNothing()
    {
        QList<QPair<QString, QString>> keys;
        for (int i = 0; i < 3; ++i)
            keys.append(m_server.createKey(u"bulk %1"_s.arg(i), {u"read:products"_s}));
        const HttpResult partial =
            m_server.post(u"/api/v1/api-keys/revoke"_s,
                          {{u"ids"_s, QJsonArray{keys[0].first, keys[1].first, u"key_missing"_s}}}, m_server.admin());
        QCOMPARE(partial.status, 404);
        QCOMPARE(partial.json.value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"missing"_s).toArray(),
                 QJsonArray{u"key_missing"_s});
        for (const auto& k : keys) // nothing changed
            QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(k.second)).status, 200);

        const HttpResult all =
            m_server.post(u"/api/v1/api-keys/revoke"_s,
                          {{u"ids"_s, QJsonArray{keys[0].first, keys[1].first, keys[2].first}}}, m_server.admin());
        QCOMPARE(all.status, 200);
        QCOMPARE(all.data().value(u"items"_s).toArray().size(), 3);
        for (const auto& k : keys)
            QCOMPARE(m_server.get(u"/api/v1/products"_s, TestServer::apiKey(k.second)).status, 401);
        // Revoking again (one, or in bulk) changes nothing and writes no second audit event.
        QCOMPARE(m_server.post(u"/api/v1/api-keys/"_s + keys[0].first + u"/revoke"_s, {}, m_server.admin()).status,
                 200);
        QCOMPARE(m_server
                     .post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray{keys[0].first, keys[1].first}}},
                           m_server.admin())
                     .status,
                 200);
        for (const auto& k : keys) {
            const HttpResult events =
                m_server.get(u"/api/v1/audit-events?action=apiKey.revoke&targetId="_s + k.first, m_server.admin());
            QCOMPARE(events.status, 200);
            int revokes = 0;
            for (const QJsonValue& e : events.data().value(u"items"_s).toArray())
                revokes += e.toObject().value(u"action"_s).toString() == u"apiKey.revoke"_s;
            QCOMPARE(revokes, 1);
        }
        QCOMPARE(m_server.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray{}}}, m_server.admin()).status, 400);
        QCOMPARE(m_server.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray{1, 2}}}, m_server.admin()).status,
                 400);
    }

    void rotateKeepsTheOldKeyForTheGracePeriod()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto h = TestServer::bearer(s.adminToken());
        const auto old = s.createKey(u"rotating"_s, {u"read:products"_s}, {{u"description"_s, u"keep me"_s}});
        const HttpResult r = s.post(u"/api/v1/api-keys/"_s + old.first + u"/rotate"_s, {{u"graceSeconds"_s, 3600}}, h);
        QCOMPARE(r.status, 201);
        const QString secret = r.data().value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdk_"_s) && secret != old.second);
        const QJsonObject successor = keyOf(r);
        QCOMPARE(successor.value(u"rotatedFrom"_s).toString(), old.first);
        QCOMPARE(successor.value(u"name"_s).toString(), u"rotating"_s);
        QCOMPARE(successor.value(u"description"_s).toString(), u"keep me"_s);
        QCOMPARE(successor.value(u"scopes"_s).toArray(), QJsonArray{u"read:products"_s});
        const QJsonObject previous = keyOf(s.get(u"/api/v1/api-keys/"_s + old.first, h));
        QCOMPARE(previous.value(u"rotatedTo"_s).toString(), successor.value(u"id"_s).toString());
        QVERIFY(!previous.value(u"expiresAt"_s).isNull());

        // Both work during the grace period…
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(old.second)).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(secret)).status, 200);
        // …a rotated key cannot be rotated twice…
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + old.first + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, h).status, 409);
        // …and after it only the new one does.
        QVERIFY(s.advanceClock(3601));
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(old.second)).status, 401);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(secret)).status, 200);
        QCOMPARE(keyOf(s.get(u"/api/v1/api-keys/"_s + old.first, h)).value(u"status"_s).toString(), u"expired"_s);

        for (const QJsonValue& bad : {QJsonValue(-1), QJsonValue(1.5), QJsonValue(u"60"_s), QJsonValue(99999999)}) {
            const HttpResult refused =
                s.post(u"/api/v1/api-keys/"_s + successor.value(u"id"_s).toString() + u"/rotate"_s,
                       {{u"graceSeconds"_s, bad}}, h);
            QCOMPARE(refused.status, 400);
        }
    }

    // The successor's expiry can be named when rotating (with the rules of creating one); absent, it is the old
    // one's lifetime from now.
    void rotateWithAChosenExpiry()
    {
        const QString in40Days = QDateTime::currentDateTimeUtc().addDays(40).toString(Qt::ISODate);
        const auto old = m_server.createKey(u"rotate to a date"_s, {u"read:products"_s}, {{u"expiresAt"_s, in40Days}});
        const QString path = u"/api/v1/api-keys/"_s + old.first + u"/rotate"_s;
        for (const QJsonValue& bad :
             {QJsonValue(u"tomorrow"_s), QJsonValue(u"2001-01-01T00:00:00Z"_s), QJsonValue(5)}) {
            const HttpResult refused =
                m_server.post(path, {{u"graceSeconds"_s, 0}, {u"expiresAt"_s, bad}}, m_server.admin());
            QCOMPARE(refused.status, 400);
            QVERIFY(!refused.json.value(u"error"_s)
                         .toObject()
                         .value(u"details"_s)
                         .toObject()
                         .value(u"expiresAt"_s)
                         .isUndefined());
        }
        const QString wanted = QDateTime::currentDateTimeUtc().addDays(200).toString(Qt::ISODate);
        const HttpResult r = m_server.post(path, {{u"graceSeconds"_s, 0}, {u"expiresAt"_s, wanted}}, m_server.admin());
        QCOMPARE(r.status, 201);
        QCOMPARE(keyOf(r).value(u"expiresAt"_s).toString(), wanted);
        // null: an API key that never expires.
        const HttpResult never =
            m_server.post(u"/api/v1/api-keys/"_s + keyOf(r).value(u"id"_s).toString() + u"/rotate"_s,
                          {{u"graceSeconds"_s, 0}, {u"expiresAt"_s, QJsonValue(QJsonValue::Null)}}, m_server.admin());
        QCOMPARE(never.status, 201);
        QVERIFY(keyOf(never).value(u"expiresAt"_s).isNull());
    }

    // GET /limits: what the console bounds its forms by, the caller's own expiry among them.
    void limitsNameTheBounds()
    {
        const HttpResult session = m_server.get(u"/api/v1/limits"_s, m_server.admin());
        QCOMPARE(session.status, 200);
        const QJsonObject limits = session.data();
        QCOMPARE(limits.value(u"maxBulkRevokeIds"_s).toInt(), td::protocol::MaxBulkRevokeIds);
        QCOMPARE(limits.value(u"maxGraceSeconds"_s).toInt(), 30 * 24 * 3600);
        QCOMPARE(limits.value(u"maxNameLength"_s).toInt(), 100);
        const QJsonObject kinds = limits.value(u"kinds"_s).toObject();
        QCOMPARE(kinds.value(u"privateToken"_s).toObject().value(u"maxExpiryDays"_s).toInt(), 365);
        QVERIFY(kinds.value(u"apiKey"_s).toObject().value(u"maxExpiryDays"_s).isNull());
        QCOMPARE(kinds.value(u"uat"_s).toObject().value(u"expiryRequired"_s).toBool(), true);
        QVERIFY(limits.value(u"notAfter"_s).isNull()); // a session is not bounded by an expiry of its own
        const QString in10Days = QDateTime::currentDateTimeUtc().addDays(10).toString(Qt::ISODate);
        const auto bounded = m_server.createKey(u"bounded"_s, {u"admin"_s}, {{u"expiresAt"_s, in10Days}});
        const HttpResult byKey = m_server.get(u"/api/v1/limits"_s, TestServer::apiKey(bounded.second));
        QCOMPARE(byKey.status, 200);
        QCOMPARE(byKey.data().value(u"notAfter"_s).toString(), in10Days);
    }

    // Usage per credential (issue 12): requests per day, addresses and user agents, written in batches, bounded,
    // kept across a graceful stop; another tenant's or an unknown id is 404; only 30, 90 or 400 days.
    void usageIsRecordedPerCredential()
    {
        TestServer s;
        QVERIFY(s.start({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        const auto key = s.createKey(u"used"_s, {u"read:products"_s, u"read:orders"_s});
        const auto other = s.createKey(u"unused"_s, {u"read:products"_s});
        auto call = [&](const QByteArray& ip, const QByteArray& agent) {
            Headers h = TestServer::apiKey(key.second);
            h.append({"X-Forwarded-For", ip});
            h.append({"User-Agent", agent});
            return s.get(u"/api/v1/products"_s, h).status;
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call("10.0.0.1", "agent-a/1.0"), 200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(call("10.0.0.2", "agent-b/2.0"), 200);
        const QString path = u"/api/v1/api-keys/"_s + key.first + u"/usage"_s;
        QJsonObject usage;
        QTRY_VERIFY_WITH_TIMEOUT((usage = s.get(path, s.admin()).data()).value(u"addresses"_s).toArray().size() == 2,
                                 10000);
        QCOMPARE(usage.value(u"days"_s).toInt(), 30);
        QCOMPARE(usage.value(u"total"_s).toInt(), 5);
        const QJsonArray daily = usage.value(u"daily"_s).toArray();
        QCOMPARE(daily.size(), 1);
        QCOMPARE(daily.at(0).toObject().value(u"date"_s).toString(), QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(daily.at(0).toObject().value(u"count"_s).toInt(), 5);
        QHash<QString, int> counts;
        for (const QJsonValue& a : usage.value(u"addresses"_s).toArray())
            counts.insert(a.toObject().value(u"ip"_s).toString(), a.toObject().value(u"count"_s).toInt());
        QCOMPARE(counts.value(u"10.0.0.1"_s), 3);
        QCOMPARE(counts.value(u"10.0.0.2"_s), 2);
        QHash<QString, int> agents;
        for (const QJsonValue& a : usage.value(u"agents"_s).toArray())
            agents.insert(a.toObject().value(u"agent"_s).toString(), a.toObject().value(u"count"_s).toInt());
        QCOMPARE(agents, (QHash<QString, int>{{u"agent-a/1.0"_s, 3}, {u"agent-b/2.0"_s, 2}}));
        QCOMPARE(s.get(u"/api/v1/api-keys/"_s + other.first + u"/usage"_s, s.admin()).data().value(u"total"_s).toInt(),
                 0);
        // Bounded: 100 addresses per credential, the least recently seen dropped.
        for (int i = 0; i < 100; ++i)
            QCOMPARE(call(QByteArray("10.1.0.") + QByteArray::number(i), "agent-c"), 200);
        QTRY_VERIFY_WITH_TIMEOUT(s.get(path, s.admin()).data().value(u"total"_s).toInt() == 105, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray addresses = s.get(path, s.admin()).data().value(u"addresses"_s).toArray();
                QStringList ips;
                for (const QJsonValue& a : addresses)
                    ips.append(a.toObject().value(u"ip"_s).toString());
                return addresses.size() == 100 && !ips.contains(u"10.0.0.1"_s) && !ips.contains(u"10.0.0.2"_s) &&
                       ips.contains(u"10.1.0.0"_s) && ips.contains(u"10.1.0.99"_s);
            }(),
            10000);
        // A graceful stop writes the last batch: nothing counted is lost.
        QCOMPARE(call("10.2.0.1", "agent-d"), 200);
        s.stop();
        QVERIFY(s.restart({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        const QJsonObject after = s.get(path, s.admin()).data();
        QCOMPARE(after.value(u"total"_s).toInt(), 106);
        QCOMPARE(after.value(u"addresses"_s).toArray().at(0).toObject().value(u"ip"_s).toString(), u"10.2.0.1"_s);
        // Scopes used and unused; refusals with their reason, address and detail.
        QCOMPARE(after.value(u"scopesUsed"_s).toArray().size(), 1);
        QCOMPARE(after.value(u"scopesUsed"_s).toArray().at(0).toObject().value(u"scope"_s).toString(),
                 u"read:products"_s);
        QCOMPARE(after.value(u"scopesUnused"_s).toArray(), QJsonArray{u"read:orders"_s});
        Headers fromElsewhere = TestServer::apiKey(key.second);
        fromElsewhere.append({QByteArray("X-Forwarded-For"), QByteArray("10.3.0.1")});
        QCOMPARE(s.get(u"/api/v1/inventory"_s, fromElsewhere).status, 403);
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + other.first + u"/revoke"_s, {}, s.admin()).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(other.second)).status, 401);
        const QJsonArray refusals = s.get(path, s.admin()).data().value(u"refusals"_s).toArray();
        QCOMPARE(refusals.size(), 1);
        QCOMPARE(refusals.at(0).toObject().value(u"reason"_s).toString(), u"insufficient_scope"_s);
        QCOMPARE(refusals.at(0).toObject().value(u"ip"_s).toString(), u"10.3.0.1"_s);
        QVERIFY(refusals.at(0).toObject().value(u"detail"_s).toString().contains(u"read:inventory"_s));
        const QJsonArray otherRefusals =
            s.get(u"/api/v1/api-keys/"_s + other.first + u"/usage"_s, s.admin()).data().value(u"refusals"_s).toArray();
        QCOMPARE(otherRefusals.size(), 1);
        QCOMPARE(otherRefusals.at(0).toObject().value(u"reason"_s).toString(), u"token_not_valid"_s);
        // Only 30, 90 or 400 days; unknown ids and other kinds' paths are 404.
        // The call refused for its scope was still made with the key: it counts.
        QCOMPARE(s.get(path + u"?days=90"_s, s.admin()).data().value(u"total"_s).toInt(), 107);
        QCOMPARE(s.get(path + u"?days=7"_s, s.admin()).status, 400);
        QCOMPARE(s.get(u"/api/v1/api-keys/key_nothing/usage"_s, s.admin()).status, 404);
        QCOMPARE(s.get(u"/api/v1/uats/"_s + key.first + u"/usage"_s, s.admin()).status, 404);
    }

    void meScopesAndTenantsForAKey()
    {
        const auto key = m_server.createKey(u"introspective"_s, {u"read:orders"_s});
        const HttpResult me = m_server.get(u"/api/v1/me"_s, TestServer::apiKey(key.second));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().value(u"kind"_s).toString(), u"apiKey"_s);
        QCOMPARE(me.data().value(u"id"_s).toString(), key.first);
        QCOMPARE(me.data().value(u"scopes"_s).toArray(), QJsonArray{u"read:orders"_s});
        QCOMPARE(me.data().value(u"tenantId"_s).toString(), u"default"_s);

        const HttpResult scopes = m_server.get(u"/api/v1/scopes"_s, TestServer::apiKey(key.second));
        QCOMPARE(scopes.status, 200);
        QSet<QString> names;
        for (const QJsonValue& v : scopes.json.value(u"data"_s).toArray()) {
            const QJsonObject o = v.toObject();
            QVERIFY(!o.value(u"description"_s).toString().isEmpty());
            QVERIFY(!o.value(u"group"_s).toString().isEmpty());
            QVERIFY(!o.value(u"appliesTo"_s).toArray().isEmpty());
            names.insert(o.value(u"name"_s).toString());
        }
        for (const QString& n : {u"read:products"_s, u"write:products"_s, u"read:orders"_s, u"write:orders"_s,
                                 u"read:inventory"_s, u"write:inventory"_s, u"admin"_s, u"brand_create"_s,
                                 u"product_create"_s, u"scans_download"_s, u"scm_bulk_edit"_s, u"scm_code_edit"_s})
            QVERIFY2(names.contains(n), qPrintable(n));

        const HttpResult tenants = m_server.get(u"/api/v1/tenants"_s, TestServer::apiKey(key.second));
        QCOMPARE(tenants.status, 200);
        QCOMPARE(tenants.json.value(u"data"_s).toArray().size(), 1);
        QCOMPARE(tenants.json.value(u"data"_s).toArray().at(0).toObject().value(u"id"_s).toString(), u"default"_s);
    }

    void listItemsEqualWhatGetReturns()
    {
        // The list is written as JSON text directly; every record must read exactly as the single GET shows it.
        TestServer s;
        QVERIFY(s.start());
        const auto h = TestServer::bearer(s.adminToken());
        const auto key = s.createKey(u"quote \" backslash \\ ümlaut ✓"_s, {u"read:orders"_s, u"write:orders"_s},
                                     {{u"description"_s, u"tab-free \"text\" with </script> and é"_s},
                                      {u"expiresAt"_s, u"2031-02-28T23:59:59Z"_s},
                                      {u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s, u"2001:db8::/32"_s}}});
        const auto plain = s.createKey(u"plain"_s, {u"read:products"_s});
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + key.first + u"/rotate"_s, {{u"graceSeconds"_s, 60}}, h).status, 201);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(plain.second)).status, 200); // a lastUsedAt
        const HttpResult uat = s.post(u"/api/v1/uats"_s,
                                      {{u"name"_s, u"brand import"_s},
                                       {u"permissions"_s, QJsonArray{u"brand_create"_s}},
                                       {u"validUntil"_s, u"2031-01-31"_s}},
                                      h);
        QCOMPARE(uat.status, 201);
        for (const auto& [path, field] :
             {std::pair{u"/api/v1/api-keys"_s, u"apiKey"_s}, std::pair{u"/api/v1/uats"_s, u"uat"_s}}) {
            const HttpResult list = s.get(path, h);
            QCOMPARE(list.status, 200);
            const QJsonArray items = list.data().value(u"items"_s).toArray();
            QVERIFY(!items.isEmpty());
            for (const QJsonValue& item : items) {
                const QString id = item.toObject().value(u"id"_s).toString();
                const QJsonObject single = s.get(path + u'/' + id, h).data().value(field).toObject();
                QCOMPARE(item.toObject(), single);
            }
        }
    }

    void malformedKeysAreRefusedWithoutLookup_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("hello");
        QTest::newRow("bad checksum") << QByteArray("tdk_0123456789abcdefghijABCDEFGHIJ01zzzzzz");
        QTest::newRow("refresh token as key") << QByteArray("tdr_0123456789abcdefghijABCDEFGHIJ01zzzzzz");
    }

    void malformedKeysAreRefusedWithoutLookup()
    {
        QFETCH(QByteArray, key);
        const HttpResult r = m_server.get(u"/api/v1/products"_s, {{"X-API-Key", key}});
        QCOMPARE(r.status, 401);
        QVERIFY(!r.header("WWW-Authenticate").isEmpty());
    }

    void credentialsInTheUrlAreRefused()
    {
        const auto key = m_server.createKey(u"url"_s, {u"read:products"_s});
        const HttpResult r = m_server.get(u"/api/v1/products?api_key="_s + key.second);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_s);
        const HttpResult both = m_server.get(u"/api/v1/products?token=x"_s, TestServer::apiKey(key.second));
        QCOMPARE(both.status, 401);
    }
};

QTEST_GUILESS_MAIN(TestServerApiKeys)
#include "tst_server_apikeys.moc"
