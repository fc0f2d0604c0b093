// Usage is written on a thread and a database connection of the server's own (UsageWriter in server/Server.cpp),
// never on an HTTP worker: a flush that has to wait for the database holds up no request, and what it could not
// write yet is written once it can, nothing lost.
#include "TestServer.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::TestServer;

class TestServerUsageWriter : public QObject
{
    Q_OBJECT

private:
    // The requests counted for the credential in the database file itself (the API adds the batch not yet written).
    static int written(const TestServer& server, const QString& credentialId)
    {
        int sum = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
            db.setDatabaseName(server.databasePath());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(u"SELECT COALESCE(SUM(count), 0) FROM usage_daily WHERE credential_id = ?"_s);
                q.addBindValue(credentialId);
                if (q.exec() && q.next())
                    sum = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(u"peek"_s);
        return sum;
    }

private slots:
    void requestsDoNotWaitForAFlush()
    {
        // One worker: on it, a flush waiting for the database would hold up every request.
        TestServer s;
        QVERIFY(s.start({u"--workers"_s, u"1"_s}));
        const auto key = s.createKey(u"busy"_s, {u"read:products"_s});
        QVERIFY(!key.second.isEmpty());

        int sent = 0;
        qint64 slowest = 0;
        {
            // Another connection holds the database's write lock for three flush intervals: every flush meanwhile
            // waits for it (the server's busy timeout is 10 s).
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
            db.setDatabaseName(s.databasePath());
            QVERIFY(db.open());
            QSqlQuery lock(db);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            QElapsedTimer held;
            held.start();
            while (held.elapsed() < 3000) {
                QElapsedTimer one;
                one.start();
                QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
                slowest = qMax(slowest, one.elapsed());
                ++sent;
                QTest::qWait(20);
            }
            QVERIFY(lock.exec(u"ROLLBACK"_s));
            QCOMPARE(written(s, key.first), 0); // nothing could be written while the lock was held
        }
        QSqlDatabase::removeDatabase(u"holder"_s);
        // A flush on the worker would have held it for the server's 10 s busy timeout; the margin is for slow CI.
        QVERIFY2(slowest < 5000, qPrintable(u"the slowest request took %1 ms"_s.arg(slowest)));

        // The waiting flush goes through once the lock is released: every request is counted.
        QTRY_COMPARE_WITH_TIMEOUT(written(s, key.first), sent, 15000);
        // And what arrives afterwards is written at the graceful stop at the latest.
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        s.stop();
        QCOMPARE(written(s, key.first), sent + 1);
    }
};

QTEST_GUILESS_MAIN(TestServerUsageWriter)
#include "tst_server_usagewriter.moc"
