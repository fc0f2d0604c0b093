// Several instances on one PostgreSQL (issue 14), against real server processes and a real cluster: a revoke at one
// is refused by the other through LISTEN/NOTIFY, and within --auth-cache-ms when the notification connection is
// cut; concurrent refreshes of one token at two instances succeed once; PostgreSQL stopped under load gives 503
// with Retry-After, never 401, and recovers by itself.
#include "PgCluster.h"
#include "TestServer.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::PgCluster;
using td::test::TestServer;

class TestServerPg : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(TestServer::usesPostgres(), "run with TOKENDESK_TEST_DB=pg (ctest -L pg)");
        QString error;
        QVERIFY2(PgCluster::shared(&error), qPrintable(error));
    }

    void aRevokeAtOneInstanceIsRefusedAtTheOther()
    {
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        // A cache that would keep the key for a minute: only the notification can make b refuse it sooner.
        QVERIFY(b.startSharing(a, {u"--auth-cache-ms"_s, u"60000"_s}));
        const auto key = a.createKey(u"shared"_s, {u"read:products"_s});
        const Headers h = TestServer::apiKey(key.second);
        QCOMPARE(b.get(u"/api/v1/products"_s, h).status, 200); // now in b's cache
        QCOMPARE(a.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, a.admin()).status, 200);
        // NOTIFY reaches b as the revoke commits; b's next requests read the database again.
        QTRY_COMPARE_WITH_TIMEOUT(b.get(u"/api/v1/products"_s, h).status, 401, 5000);
        // Suspension and changes to the allowlist likewise.
        const auto other = a.createKey(u"suspended elsewhere"_s, {u"read:products"_s});
        QCOMPARE(b.get(u"/api/v1/products"_s, TestServer::apiKey(other.second)).status, 200);
        QCOMPARE(a.post(u"/api/v1/api-keys/"_s + other.first + u"/suspend"_s, {}, a.admin()).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(b.get(u"/api/v1/products"_s, TestServer::apiKey(other.second)).errorCode(),
                                  u"credential_suspended"_s, 5000);
    }

    void aStricterDefaultIsolationStillQueuesConcurrentChanges()
    {
        TestServer a;
        QVERIFY(a.start());
        const auto one = a.createKey(u"first"_s, {u"read:products"_s});
        const auto two = a.createKey(u"second"_s, {u"read:products"_s});
        QCOMPARE(a.post(u"/api/v1/api-keys/"_s + one.first + u"/revoke"_s, {}, a.admin()).status, 200); // a stamp now
        QSqlDatabase db = a.openDatabase(u"isolation"_s); // opened before the change below: READ COMMITTED
        QVERIFY(db.isOpen());
        {
            // The operator made REPEATABLE READ the database's default; the server connects again under it.
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT current_database()"_s) && q.next());
            const QString name = q.value(0).toString();
            QVERIFY(q.exec(u"ALTER DATABASE "_s + name + u" SET default_transaction_isolation = 'repeatable read'"_s));
            QVERIFY(a.restart());
            (void)a.adminToken();
            // Another change holds the authentication stamp's row while the server revokes the second key.
            QVERIFY(q.exec(u"BEGIN"_s));
            QVERIFY(q.exec(u"UPDATE meta SET value = 'held' WHERE key = 'auth_stamp'"_s));
            QCOMPARE(q.numRowsAffected(), 1);
            QNetworkAccessManager nam;
            QNetworkRequest request(a.url().resolved(QUrl(u"/api/v1/api-keys/"_s + two.first + u"/revoke"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + a.adminToken().toLatin1());
            QNetworkReply* reply = nam.post(request, QByteArray("{}"));
            // The revoke waits for the row ...
            const auto waiting = [&db] {
                QSqlQuery w(db);
                return w.exec(u"SELECT COUNT(*) FROM pg_locks WHERE NOT granted"_s) && w.next() &&
                       w.value(0).toInt() > 0;
            };
            QTRY_VERIFY_WITH_TIMEOUT(waiting(), 20000);
            QVERIFY(!reply->isFinished());
            // ... and, once the other change commits, goes ahead instead of failing to serialise.
            QVERIFY(q.exec(u"COMMIT"_s));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            delete reply;
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"isolation"_s);
        QCOMPARE(a.get(u"/api/v1/products"_s, TestServer::apiKey(two.second)).status, 401);
    }

    void withoutTheNotificationsTheCacheBoundHolds()
    {
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        QVERIFY(b.startSharing(a, {u"--auth-cache-ms"_s, u"1000"_s}));
        // Cut b's listening connection (its backend is named by application_name).
        QSqlDatabase db = a.openDatabase(u"cut"_s);
        QVERIFY(db.isOpen());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE "
                           "'tokendesk-listen-%' AND pid <> pg_backend_pid()"_s));
            int terminated = 0;
            while (q.next())
                terminated += q.value(0).toBool() ? 1 : 0;
            QCOMPARE(terminated, 2); // a's and b's
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"cut"_s);
        const auto key = a.createKey(u"cut off"_s, {u"read:products"_s});
        const Headers h = TestServer::apiKey(key.second);
        QCOMPARE(b.get(u"/api/v1/products"_s, h).status, 200);
        QCOMPARE(a.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, a.admin()).status, 200);
        // Refused within the cache's bound (1 s), whatever happened to the notification.
        QTRY_COMPARE_WITH_TIMEOUT(b.get(u"/api/v1/products"_s, h).status, 401, 5000);
        // The loss is noticed, logged, and the connection comes back.
        QTRY_VERIFY_WITH_TIMEOUT(b.log().contains(u"listening for authentication changes again"_s), 20000);
        QVERIFY(b.log().contains(u"lost the connection that listens"_s));
    }

    void aRefreshTokenUsedAtBothInstancesSucceedsOnce()
    {
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        QVERIFY(b.startSharing(a));
        const HttpResult login = a.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        const QByteArray refresh = login.data().value(u"refreshToken"_s).toString().toLatin1();
        QVERIFY(!refresh.isEmpty());
        // 20 at once, half to each instance.
        QNetworkAccessManager nam;
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 20; ++i) {
            QNetworkRequest request((i % 2 ? b.url() : a.url()).resolved(QUrl(u"/api/v1/auth/refresh"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies.append(
                nam.post(request, QJsonDocument(QJsonObject{{u"refreshToken"_s, QString::fromLatin1(refresh)}})
                                      .toJson(QJsonDocument::Compact)));
        }
        int ok = 0;
        int refused = 0;
        QString fresh;
        for (QNetworkReply* reply : std::as_const(replies)) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                loop.exec();
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                ++ok;
                fresh = QJsonDocument::fromJson(reply->readAll())
                            .object()
                            .value(u"data"_s)
                            .toObject()
                            .value(u"refreshToken"_s)
                            .toString();
            } else if (status == 401) {
                ++refused;
            }
            reply->deleteLater();
        }
        QCOMPARE(ok, 1);
        QCOMPARE(refused, 19);
        // The reuse ended the session: even the one successful successor no longer works.
        QCOMPARE(a.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, fresh}}).status, 401);
    }

    void bulkRevokesAtBothInstancesAtOnceRevokeEachKeyOnce()
    {
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        QVERIFY(b.startSharing(a));
        QStringList ids;
        for (int i = 0; i < 30; ++i)
            ids.append(a.createKey(u"bulk %1"_s.arg(i), {u"read:products"_s}).first);
        // Overlapping halves, sent to the two instances at the same moment.
        const QStringList first = ids.mid(0, 20);
        const QStringList second = ids.mid(10, 20);
        QNetworkAccessManager nam;
        const auto send = [&nam](TestServer& s, const QStringList& some) {
            QNetworkRequest request(s.url().resolved(QUrl(u"/api/v1/api-keys/revoke"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + s.adminToken().toLatin1());
            return nam.post(request, QJsonDocument(QJsonObject{{u"ids"_s, QJsonArray::fromStringList(some)}})
                                         .toJson(QJsonDocument::Compact));
        };
        (void)a.adminToken(); // logged in before the race
        (void)b.adminToken();
        QNetworkReply* one = send(a, first);
        QNetworkReply* two = send(b, second);
        for (QNetworkReply* reply : {one, two}) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                loop.exec();
            }
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        // Every key revoked, each audited exactly once although ten were in both requests.
        QHash<QString, int> audited;
        const QJsonArray events = a.get(u"/api/v1/audit-events?action=apiKey.revoke&limit=200"_s, a.admin())
                                      .data()
                                      .value(u"items"_s)
                                      .toArray();
        for (const QJsonValue& e : events)
            ++audited[e.toObject().value(u"targetId"_s).toString()];
        for (const QString& id : std::as_const(ids)) {
            QCOMPARE(a.get(u"/api/v1/api-keys/"_s + id, a.admin())
                         .data()
                         .value(u"apiKey"_s)
                         .toObject()
                         .value(u"status"_s)
                         .toString(),
                     u"revoked"_s);
            QCOMPARE(audited.value(id), 1);
        }
    }

    void anAccountsLoginLimitHoldsAcrossInstances()
    {
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        QVERIFY(b.startSharing(a));
        const QString email = QString::fromLatin1(TestServer::AdminEmail);
        // Five wrong passwords per account and window (the default), spread over both instances.
        for (int i = 0; i < 5; ++i)
            QCOMPARE((i % 2 ? b : a).login(email, "wrong password " + QByteArray::number(i)).status, 401);
        const HttpResult limited = b.login(email, "wrong password again");
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("retry-after").toInt() >= 1);
        QCOMPARE(a.login(email, TestServer::AdminPassword).status, 429); // the right one waits too
    }

    void usageFromBothInstancesAddsUp()
    {
        TestServer a;
        QVERIFY(a.start());
        TestServer b;
        QVERIFY(b.startSharing(a));
        const auto key = a.createKey(u"busy at both"_s, {u"read:products"_s});
        for (int i = 0; i < 6; ++i)
            QCOMPARE((i % 2 ? b : a).get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        // Each instance writes its own batch; the report adds them (and a's pending one).
        QTRY_COMPARE_WITH_TIMEOUT(
            a.get(u"/api/v1/api-keys/"_s + key.first + u"/usage"_s, a.admin()).data().value(u"total"_s).toInt(), 6,
            10000);
    }

    void aSqliteDeploymentMigratesWhole()
    {
        // A SQLite deployment in use: keys (one revoked), a session, audit events.
        qputenv("TOKENDESK_TEST_DB", "sqlite");
        TestServer old;
        const bool started = old.start();
        const QString oldDatabase = old.databasePath(); // while it is a SQLite server
        const QString oldKeys = old.keyFilePath();
        qputenv("TOKENDESK_TEST_DB", "pg");
        QVERIFY(started);
        const auto kept = old.createKey(u"kept"_s, {u"read:products"_s});
        const auto revoked = old.createKey(u"revoked"_s, {u"read:products"_s});
        QCOMPARE(old.post(u"/api/v1/api-keys/"_s + revoked.first + u"/revoke"_s, {}, old.admin()).status, 200);
        QCOMPARE(old.get(u"/api/v1/products"_s, TestServer::apiKey(kept.second)).status, 200);
        old.stop();

        QString error;
        const QString url = PgCluster::shared(&error)->createDatabase(&error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        const QStringList args{
            u"--db"_s, url, u"--key-file"_s, oldKeys, u"--migrate-from"_s, u"sqlite:"_s + oldDatabase};
        const auto [code, output] = old.runCommand(args);
        QVERIFY2(code == 0, qPrintable(output));
        QVERIFY2(output.contains(u"credentials: 2\n"_s) && output.contains(u"the counts match"_s), qPrintable(output));
        // Into a database that is not empty: refused, nothing changed.
        const auto [again, againOutput] = old.runCommand(args);
        QCOMPARE(again, 1);
        QVERIFY2(againOutput.contains(u"not empty"_s), qPrintable(againOutput));

        TestServer migrated;
        QVERIFY(migrated.startOn(url, oldKeys));
        QCOMPARE(migrated.get(u"/api/v1/products"_s, TestServer::apiKey(kept.second)).status, 200);
        QCOMPARE(migrated.get(u"/api/v1/products"_s, TestServer::apiKey(revoked.second)).status, 401);
        const QJsonArray events =
            migrated.get(u"/api/v1/audit-events?action=apiKey.create,apiKey.revoke"_s, migrated.admin())
                .data()
                .value(u"items"_s)
                .toArray();
        QCOMPARE(events.size(), 3);
        // New audit events continue after the copied ones.
        const auto fresh = migrated.createKey(u"after the move"_s, {u"read:products"_s});
        QVERIFY(!fresh.first.isEmpty());
    }

    void postgresStoppedUnderLoadAnswers503ThenRecovers()
    {
        TestServer a;
        QVERIFY(a.start({u"--auth-cache-ms"_s, u"0"_s}));
        const auto key = a.createKey(u"steady"_s, {u"read:products"_s});
        const Headers h = TestServer::apiKey(key.second);
        QCOMPARE(a.get(u"/api/v1/products"_s, h).status, 200);
        QString error;
        PgCluster* cluster = PgCluster::shared(&error);
        QVERIFY2(cluster->stopServer(&error), qPrintable(error));
        int unavailable = 0;
        for (int i = 0; i < 10; ++i) {
            const HttpResult r = a.get(u"/api/v1/products"_s, h);
            QVERIFY2(r.status == 503, qPrintable(td::test::describe(r)));
            QCOMPARE(r.header("retry-after"), QByteArray("1"));
            ++unavailable;
        }
        const HttpResult admin = a.get(u"/api/v1/api-keys/"_s + key.first, a.admin());
        QVERIFY2(admin.status == 503, qPrintable(td::test::describe(admin))); // never 404
        QVERIFY2(cluster->startServer(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(a.get(u"/api/v1/products"_s, h).status, 200, 15000);
        QCOMPARE(a.get(u"/api/v1/api-keys/"_s + key.first, a.admin()).status, 200);
        QCOMPARE(unavailable, 10);
    }
};

QTEST_GUILESS_MAIN(TestServerPg)
#include "tst_server_pg.moc"
