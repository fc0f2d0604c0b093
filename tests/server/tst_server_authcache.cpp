// The in-memory authentication cache (AuthCache) never outlives a change: a change made through this server applies
// to the very next request, a change made by another process sharing the database within --auth-cache-ms (on the
// server's test clock), and with --auth-cache-ms 0 at once. An entry outlives --auth-cache-ms only while the
// database's authentication stamp says nothing changed, and never a minute: a change written behind TokenDesk's back
// (plain SQL, no stamp) is seen after that minute.
#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::HttpResult;
using td::test::TestServer;

class TestServerAuthCache : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    int me(TestServer& server, const QString& key)
    {
        return server.get(u"/api/v1/me"_s, TestServer::apiKey(key)).status;
    }

    // A statement on the shared database from outside any server (as an operator's SQL would be).
    bool sql(const QString& statement, const QVariantList& binds)
    {
        bool ok = false;
        {
            QSqlDatabase db = m_server.openDatabase(u"outside"_s);
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant& value : binds)
                q.addBindValue(value);
            ok = q.exec() && q.numRowsAffected() == 1;
        }
        QSqlDatabase::removeDatabase(u"outside"_s);
        return ok;
    }

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void changesApplyToTheNextRequest()
    {
        const auto [id, secret] = m_server.createKey(u"cached"_s, {u"read:products"_s});
        QVERIFY(!secret.isEmpty());
        const QString path = u"/api/v1/api-keys/"_s + id;
        QCOMPARE(me(m_server, secret), 200);
        QCOMPARE(me(m_server, secret), 200); // now served from the cache

        // A narrower allowlist refuses the next request from here ...
        QCOMPARE(m_server.patch(path, {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}}, m_server.admin()).status, 200);
        const HttpResult refused = m_server.get(u"/api/v1/me"_s, TestServer::apiKey(secret));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"ip_not_allowed"_s);
        // ... and lifting it lets the next one through.
        QCOMPARE(m_server.patch(path, {{u"ipAllowlist"_s, QJsonArray{}}}, m_server.admin()).status, 200);
        QCOMPARE(me(m_server, secret), 200);

        // Revoked: refused at once.
        QCOMPARE(m_server.post(path + u"/revoke"_s, {}, m_server.admin()).status, 200);
        QCOMPARE(me(m_server, secret), 401);
    }

    void bulkRevokeAndRotationApplyAtOnce()
    {
        const auto a = m_server.createKey(u"bulk a"_s, {u"read:products"_s});
        const auto b = m_server.createKey(u"bulk b"_s, {u"read:products"_s});
        QCOMPARE(me(m_server, a.second), 200);
        QCOMPARE(me(m_server, b.second), 200);
        QCOMPARE(
            m_server.post(u"/api/v1/api-keys/revoke"_s, {{u"ids"_s, QJsonArray{a.first, b.first}}}, m_server.admin())
                .status,
            200);
        QCOMPARE(me(m_server, a.second), 401);
        QCOMPARE(me(m_server, b.second), 401);

        // Rotation without grace ends the old key now.
        const auto c = m_server.createKey(u"rotated"_s, {u"read:products"_s});
        QCOMPARE(me(m_server, c.second), 200);
        const HttpResult rotated =
            m_server.post(u"/api/v1/api-keys/"_s + c.first + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, m_server.admin());
        QCOMPARE(rotated.status, 201);
        QCOMPARE(me(m_server, c.second), 401);
    }

    void anotherInstanceSeesARevocationWithinTheCacheTime()
    {
        TestServer second;
        QVERIFY(second.startSharing(m_server)); // default --auth-cache-ms 1000
        const auto [id, secret] = m_server.createKey(u"shared"_s, {u"read:products"_s});
        QCOMPARE(me(second, secret), 200); // the second instance has read (and cached) it
        // Kept past the cache time while nothing changes (the stamp is read, not the key) ...
        QVERIFY(second.advanceClock(2));
        QCOMPARE(me(second, secret), 200);
        // ... and still dropped within the cache time when something does.
        QCOMPARE(m_server.post(u"/api/v1/api-keys/"_s + id + u"/revoke"_s, {}, m_server.admin()).status, 200);
        // The first instance refuses at once; the second one within a second of its own clock.
        QCOMPARE(me(m_server, secret), 401);
        QVERIFY(second.advanceClock(2));
        QCOMPARE(me(second, secret), 401);
    }

    void aChangeWithoutStampIsSeenWithinAMinute()
    {
        TestServer second;
        QVERIFY(second.startSharing(m_server));
        const auto [id, secret] = m_server.createKey(u"behind its back"_s, {u"read:products"_s});
        QCOMPARE(me(second, secret), 200);
        QCOMPARE(me(m_server, secret), 200);
        // Revoked by plain SQL: no stamp, no notification. Both servers keep what they cached while the stamp
        // stays the same (their clocks moved past --auth-cache-ms, so without the stamp they would read it again)...
        QVERIFY(sql(u"UPDATE credentials SET revoked_at = ?, revoked_by = 'sql' WHERE id = ?"_s,
                    {QDateTime::currentMSecsSinceEpoch(), id}));
        QVERIFY(second.advanceClock(30));
        QCOMPARE(me(second, secret), 200);
        // ... but no entry lives longer than a minute.
        QVERIFY(second.advanceClock(31));
        QCOMPARE(me(second, secret), 401);
        QVERIFY(m_server.advanceClock(61));
        QCOMPARE(me(m_server, secret), 401);
    }

    void withoutTheCacheAnotherInstanceRefusesAtOnce()
    {
        TestServer second;
        QVERIFY(second.startSharing(m_server, {u"--auth-cache-ms"_s, u"0"_s}));
        const auto [id, secret] = m_server.createKey(u"uncached"_s, {u"read:products"_s});
        QCOMPARE(me(second, secret), 200);
        QCOMPARE(m_server.post(u"/api/v1/api-keys/"_s + id + u"/revoke"_s, {}, m_server.admin()).status, 200);
        QCOMPARE(me(second, secret), 401);
    }
};

QTEST_GUILESS_MAIN(TestServerAuthCache)
#include "tst_server_authcache.moc"
