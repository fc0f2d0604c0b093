// What survives a crash, and what never reaches the disk or the log.
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

// Every value of every row of every table, as text, plus the raw bytes of the database files.
QByteArray dumpDatabase(const QString& path)
{
    QByteArray dump;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"dump"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            for (const QString& table : db.tables()) {
                QSqlQuery q(db);
                q.exec(u"SELECT * FROM "_s + table);
                while (q.next()) {
                    for (int i = 0; i < q.record().count(); ++i) {
                        const QVariant v = q.value(i);
                        dump += v.typeId() == QMetaType::QByteArray ? v.toByteArray() + v.toByteArray().toHex()
                                                                    : v.toString().toUtf8();
                        dump += '\n';
                    }
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"dump"_s);
    for (const QString& suffix : {u""_s, u"-wal"_s}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            dump += f.readAll();
    }
    return dump;
}

} // namespace

class TestServerDurability : public QObject
{
    Q_OBJECT

private slots:
    void revokeSurvivesKillNine()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"crash test"_s, {u"read:products"_s});
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        const HttpResult revoked =
            s.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, TestServer::bearer(s.adminToken()));
        QCOMPARE(revoked.status, 200);
        s.kill(); // right after the 200: no orderly shutdown
        QVERIFY(s.restart());
        const HttpResult use = s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second));
        QCOMPARE(use.status, 401);
        QCOMPARE(use.errorCode(), u"token_not_valid"_s);
        QCOMPARE(s.get(u"/api/v1/api-keys/"_s + key.first, TestServer::bearer(s.adminToken()))
                     .data()
                     .value(u"apiKey"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"revoked"_s);
    }

    void createdKeySurvivesKillNine()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"acknowledged"_s, {u"read:products"_s});
        QVERIFY(!key.second.isEmpty());
        s.kill();
        QVERIFY(s.restart());
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
    }

    void noSecretInTheDatabaseOrTheLog()
    {
        TestServer s;
        QVERIFY(s.start());
        const QByteArray memberPassword = "member secret password 42";
        QVERIFY(s.addUser(u"member@example.test"_s, u"default"_s, u"member"_s, memberPassword));
        const HttpResult login = s.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        QCOMPARE(login.status, 200);
        QByteArrayList secrets{TestServer::AdminPassword, memberPassword,
                               login.data().value(u"token"_s).toString().toLatin1(),
                               login.data().value(u"refreshToken"_s).toString().toLatin1()};
        const auto auth = TestServer::bearer(login.data().value(u"token"_s).toString());
        QStringList keyIds;
        for (int i = 0; i < 5; ++i) {
            const auto key = s.createKey(u"secret %1"_s.arg(i), {u"read:products"_s}, {}, auth);
            secrets.append(key.second.toLatin1());
            keyIds.append(key.first);
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        }
        const HttpResult rotated =
            s.post(u"/api/v1/api-keys/"_s + keyIds.first() + u"/rotate"_s, {{u"graceSeconds"_s, 60}}, auth);
        QCOMPARE(rotated.status, 201);
        secrets.append(rotated.data().value(u"secret"_s).toString().toLatin1());
        const HttpResult refreshed =
            s.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, login.data().value(u"refreshToken"_s)}});
        QCOMPARE(refreshed.status, 200);
        secrets.append(refreshed.data().value(u"refreshToken"_s).toString().toLatin1());
        secrets.append(refreshed.data().value(u"token"_s).toString().toLatin1());
        // A failed login with a typo of the password must not log the typo either.
        const QByteArray typo = "correct horse battery stapel";
        QCOMPARE(s.login(QString::fromLatin1(TestServer::AdminEmail), typo).status, 401);
        secrets.append(typo);
        s.stop(); // flushes the WAL and usage

        const QByteArray dump = dumpDatabase(s.databasePath());
        QVERIFY(dump.size() > 1000);
        QVERIFY2(dump.contains("$scrypt$ln="), "passwords are stored as scrypt PHC strings");
        const QString log = s.log();
        QVERIFY(log.contains(u"POST /api/v1/auth/login 401"_s));
        for (const QByteArray& secret : std::as_const(secrets)) {
            QVERIFY(!secret.isEmpty());
            // The whole secret and its random body (without the public prefix) appear nowhere.
            const QByteArray body = secret.startsWith("td") ? secret.mid(12, 24) : secret;
            QVERIFY2(!dump.contains(secret) && !dump.contains(body), secret.left(12).constData());
            QVERIFY2(!dump.contains(secret.toHex()), secret.left(12).constData());
            QVERIFY2(!log.contains(QString::fromLatin1(body)), secret.left(12).constData());
        }
    }

    void refusalsAreAudited()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key =
            s.createKey(u"office"_s, {u"read:products"_s}, {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}});
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 403);
        QCOMPARE(s.login(QString::fromLatin1(TestServer::AdminEmail), "wrong password!!").status, 401);
        s.stop();
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"audit"_s);
        db.setDatabaseName(s.databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT action, target_id, detail, ip FROM audit_events ORDER BY id"_s));
        QStringList actions;
        bool ipRefusal = false;
        while (q.next()) {
            actions.append(q.value(0).toString());
            if (q.value(0).toString() == u"auth.refused"_s && q.value(1).toString() == key.first &&
                q.value(2).toString().startsWith(u"ip_not_allowed"_s) && q.value(3).toString() == u"127.0.0.1"_s)
                ipRefusal = true;
        }
        QVERIFY2(actions.contains(u"apiKey.create"_s), qPrintable(actions.join(u',')));
        QVERIFY2(actions.contains(u"login"_s), qPrintable(actions.join(u',')));
        QVERIFY2(actions.contains(u"login.failed"_s), qPrintable(actions.join(u',')));
        QVERIFY(ipRefusal);
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"audit"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerDurability)
#include "tst_server_durability.moc"
