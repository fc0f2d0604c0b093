// A database that cannot be read is the server's fault, and is said so: never "the token is not valid" (which
// makes a client throw away a good credential) and never "not found" (which makes it forget a record). The
// failure is a real one: a table renamed away under the running server, as a damaged or half-migrated schema
// gives; renaming it back heals the server without a restart.
#include "TestServer.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace td::test;
using namespace Qt::StringLiterals;

namespace {

bool renameTable(const TestServer& server, const QString& from, const QString& to, QString* error)
{
    bool ok = false;
    {
        QSqlDatabase db = server.openDatabase(u"rename"_s);
        if (db.isOpen()) {
            QSqlQuery q(db);
            ok = q.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(from, to));
            if (!ok)
                *error = q.lastError().text();
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"rename"_s);
    return ok;
}

} // namespace

class TestServerStoreFailure : public QObject
{
    Q_OBJECT
private slots:
    void credentialReadsFailAsTheServers();
    void sessionReadsFailAsTheServers();
};

void TestServerStoreFailure::credentialReadsFailAsTheServers()
{
    TestServer server;
    QVERIFY(server.start({u"--auth-cache-ms"_s, u"0"_s}));
    const Headers admin = TestServer::bearer(server.adminToken());
    const auto [id, secret] = server.createKey(u"Broken store"_s, {u"read:products"_s});
    QVERIFY(!secret.isEmpty());

    QString error;
    QVERIFY2(renameTable(server, u"credentials"_s, u"credentials_away"_s, &error), qPrintable(error));
    HttpResult r = server.get(u"/api/v1/me"_s, TestServer::apiKey(secret));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.errorCode(), u"service_unavailable"_s);
    QCOMPARE(r.header("retry-after"), QByteArray("1"));
    r = server.get(u"/api/v1/api-keys/"_s + id, admin);
    QCOMPARE(r.status, 500);
    QCOMPARE(r.errorCode(), u"internal_error"_s);
    r = server.post(u"/api/v1/tokens/introspect"_s, {{u"token"_s, secret}}, admin);
    QCOMPARE(r.status, 500); // not {"active": false}
    r = server.post(u"/api/v1/api-keys/"_s + id + u"/rotate"_s, {{u"graceSeconds"_s, 60}}, admin);
    QCOMPARE(r.status, 500);

    QVERIFY2(renameTable(server, u"credentials_away"_s, u"credentials"_s, &error), qPrintable(error));
    r = server.get(u"/api/v1/me"_s, TestServer::apiKey(secret));
    QCOMPARE(r.status, 200);
    r = server.get(u"/api/v1/api-keys/"_s + id, admin);
    QCOMPARE(r.status, 200);
    // Nothing was refused while the store was broken: the audit log has no refusal of the key.
    r = server.get(u"/api/v1/audit-events?targetId="_s + id, admin);
    QCOMPARE(r.status, 200);
    const QJsonArray events = r.data().value(u"items"_s).toArray();
    QVERIFY(!events.isEmpty());
    for (const QJsonValue& e : events)
        QVERIFY2(e.toObject().value(u"action"_s).toString() != u"auth.refused"_s, r.body.constData());
}

void TestServerStoreFailure::sessionReadsFailAsTheServers()
{
    TestServer server;
    QVERIFY(server.start({u"--auth-cache-ms"_s, u"0"_s}));
    const Headers admin = TestServer::bearer(server.adminToken());
    QCOMPARE(server.get(u"/api/v1/me"_s, admin).status, 200);

    QString error;
    QVERIFY2(renameTable(server, u"sessions"_s, u"sessions_away"_s, &error), qPrintable(error));
    HttpResult r = server.get(u"/api/v1/me"_s, admin);
    QCOMPARE(r.status, 503); // not "The session has ended. Log in again."
    QCOMPARE(r.errorCode(), u"service_unavailable"_s);
    // The UAT portal's dialect says it in its own shape, and keeps the Retry-After.
    r = server.get(u"/api/v2/me/"_s, admin);
    QCOMPARE(r.status, 503);
    QVERIFY2(r.json.contains(u"detail"_s), r.body.constData());
    QCOMPARE(r.header("retry-after"), QByteArray("1"));

    QVERIFY2(renameTable(server, u"sessions_away"_s, u"sessions"_s, &error), qPrintable(error));
    QCOMPARE(server.get(u"/api/v1/me"_s, admin).status, 200);
}

QTEST_GUILESS_MAIN(TestServerStoreFailure)
#include "tst_server_storefailure.moc"
