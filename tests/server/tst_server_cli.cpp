// The command line of tokendesk-server: help, version, --init, key material, demo.
#include "TestServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::TestServer;

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp()
    {
        TestServer s;
        const auto [versionCode, version] = s.runCommand({u"--version"_s});
        QCOMPARE(versionCode, 0);
        QVERIFY2(version.contains(QStringLiteral(TOKENDESK_VERSION)), qPrintable(version));
        const auto [helpCode, help] = s.runCommand({u"--help"_s});
        QCOMPARE(helpCode, 0);
        for (const QString& option : {u"--listen"_s, u"--db"_s, u"--tls-cert"_s, u"--tls-key"_s, u"--init"_s,
                                      u"--admin-email"_s, u"--demo"_s, u"--trusted-proxy"_s})
            QVERIFY2(help.contains(option), qPrintable(option));
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no db") << QStringList{} << u"--db is required"_s;
        QTest::newRow("bad listen") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--listen"_s, u"nowhere"_s}
                                    << u"--listen takes ADDRESS:PORT"_s;
        QTest::newRow("port out of range") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--listen"_s, u"127.0.0.1:70000"_s}
                                           << u"--listen takes ADDRESS:PORT"_s;
        QTest::newRow("cert without key") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--tls-cert"_s, u"c.pem"_s}
                                          << u"--tls-cert and --tls-key go together"_s;
        QTest::newRow("init without email")
            << QStringList{u"--init"_s, u"--db"_s, u"x.sqlite"_s} << u"--init needs --admin-email"_s;
        QTest::newRow("bad proxy") << QStringList{u"--db"_s, u"x.sqlite"_s, u"--trusted-proxy"_s, u"10.0.0.1/8"_s}
                                   << u"--trusted-proxy"_s;
        QTest::newRow("auth cache negative")
            << QStringList{u"--db"_s, u"x.sqlite"_s, u"--auth-cache-ms"_s, u"-1"_s} << u"--auth-cache-ms"_s;
        QTest::newRow("auth cache not a number")
            << QStringList{u"--db"_s, u"x.sqlite"_s, u"--auth-cache-ms"_s, u"soon"_s} << u"--auth-cache-ms"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        TestServer s;
        const auto [code, output] = s.runCommand(args);
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(message), qPrintable(output));
    }

    void startWithoutInitExplains()
    {
        TestServer s;
        const auto [code, output] = s.runCommand({u"--db"_s, s.databasePath(), u"--listen"_s, u"127.0.0.1:0"_s});
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(u"--init"_s), qPrintable(output));
    }

    void initWritesPrivateKeyFileAndRefusesShortPassword()
    {
        TestServer s;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TOKENDESK_ADMIN_PASSWORD"_s, u"short"_s);
        auto [code, output] = s.runCommand({u"--init"_s, u"--db"_s, s.databasePath(), u"--admin-email"_s,
                                            u"a@example.test"_s, u"--scrypt-log-n"_s, u"12"_s},
                                           env);
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(u"at least 12 characters"_s), qPrintable(output));

        QVERIFY(s.start());
        QFile keys(s.keyFilePath());
        QVERIFY(keys.exists());
        QCOMPARE(keys.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                       QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(s.signingKey().size() >= 32);
        // The key material is not in the database.
        QFile db(s.databasePath());
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray dump = db.readAll();
        QVERIFY(!dump.contains(s.signingKey()));
        QVERIFY(!dump.contains(s.signingKey().toBase64()));
    }

    void shortSigningKeyIsRefusedAtStart()
    {
        TestServer s;
        QVERIFY(s.start());
        s.stop();
        QFile keys(s.keyFilePath());
        QVERIFY(keys.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(keys.readAll()).object();
        keys.close();
        object.insert(u"signingKey"_s, QString::fromLatin1(QByteArray(31, 'k').toBase64()));
        QVERIFY(keys.open(QIODevice::WriteOnly | QIODevice::Truncate));
        keys.write(QJsonDocument(object).toJson());
        keys.close();
        const auto [code, output] = s.runCommand({u"--db"_s, s.databasePath(), u"--listen"_s, u"127.0.0.1:0"_s});
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(u"shorter than 32 bytes"_s), qPrintable(output));
    }

    void initNeverReplacesTheKeysOfAUsedDatabase()
    {
        TestServer s;
        QVERIFY(s.start());
        s.stop();
        QVERIFY(QFile::remove(s.keyFilePath())); // lost, or moved without --key-file
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TOKENDESK_ADMIN_PASSWORD"_s, u"another long password"_s);
        const auto [code, output] = s.runCommand({u"--init"_s, u"--db"_s, s.databasePath(), u"--admin-email"_s,
                                                  u"second@example.test"_s, u"--scrypt-log-n"_s, u"12"_s},
                                                 env);
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(u"key file"_s) && output.contains(u"missing"_s), qPrintable(output));
        QVERIFY(!QFile::exists(s.keyFilePath()));
    }

    void keyFileReadableByOthersIsRefused()
    {
        TestServer s;
        QVERIFY(s.start());
        s.stop();
        QVERIFY(QFile::setPermissions(s.keyFilePath(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const auto [code, output] = s.runCommand({u"--db"_s, s.databasePath(), u"--listen"_s, u"127.0.0.1:0"_s});
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(u"chmod 600"_s), qPrintable(output));
    }

    // --backup (issue 16): a consistent copy while the server runs, which a server then serves with the same keys.
    void backupWhileServing()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"kept"_s, {u"read:products"_s});
        const QString copy = s.dir() + u"/backup.sqlite"_s;
        const auto [code, output] = s.runCommand({u"--db"_s, s.databasePath(), u"--backup"_s, copy});
        QVERIFY2(code == 0 && output.contains(u"Backed up"_s), qPrintable(output));
        const qint64 size = QFileInfo(copy).size();
        QVERIFY(size > 0);
        // Password hashes and digests: never readable by others, whatever the umask.
        QCOMPARE(QFileInfo(copy).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // Never over an existing file.
        const auto [again, message] = s.runCommand({u"--db"_s, s.databasePath(), u"--backup"_s, copy});
        QVERIFY(again != 0);
        QVERIFY2(message.contains(u"exists"_s), qPrintable(message));
        QCOMPARE(QFileInfo(copy).size(), size);
        // The key file is the operator's to keep with it (it is never in the database).
        QVERIFY(QFile::copy(s.keyFilePath(), copy + u".keys"_s));
        QVERIFY(QFile::setPermissions(copy + u".keys"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        TestServer restored;
        QVERIFY(restored.startOn(copy, copy + u".keys"_s));
        QCOMPARE(restored.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
    }

    // An upgrade copies the SQLite database before it migrates, migrates once, and keeps every credential; a
    // server older than the database refuses to start and changes nothing.
    void upgradeCopiesFirstAndADowngradeRefuses()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"survives the upgrade"_s, {u"read:products"_s});
        s.stop();
        const auto sql = [&s](const QStringList& statements) {
            bool ok = true;
            {
                QSqlDatabase db = s.openDatabase(u"upgrade"_s);
                QSqlQuery q(db);
                for (const QString& statement : statements)
                    ok = q.exec(statement) && ok;
            }
            QSqlDatabase::removeDatabase(u"upgrade"_s);
            return ok;
        };
        const auto scalar = [&s](const QString& statement) {
            qint64 value = -1;
            {
                QSqlDatabase db = s.openDatabase(u"read"_s);
                QSqlQuery q(db);
                if (q.exec(statement) && q.next())
                    value = q.value(0).toLongLong();
            }
            QSqlDatabase::removeDatabase(u"read"_s);
            return value;
        };
        // The database as the previous schema (6) left it.
        QVERIFY(sql({u"DROP TABLE setup_tokens"_s, u"DROP TABLE tenant_settings"_s,
                     u"ALTER TABLE memberships DROP COLUMN disabled_at"_s,
                     u"DELETE FROM schema_migrations WHERE version = 7"_s}));
        QCOMPARE(scalar(u"SELECT MAX(version) FROM schema_migrations"_s), 6);
        const qint64 credentials = scalar(u"SELECT COUNT(*) FROM credentials"_s);
        QVERIFY(s.restart());
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        QCOMPARE(s.get(u"/api/v1/users"_s, s.admin()).status, 200); // what schema 7 added works
        const QStringList copies = QDir(QFileInfo(s.databasePath()).absolutePath())
                                       .entryList({QFileInfo(s.databasePath()).fileName() + u".schema-6-*.bak"_s});
        QCOMPARE(copies.size(), 1);
        s.stop();
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM schema_migrations WHERE version = 7"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM credentials"_s), credentials);

        // A schema newer than this server: refused with a clear message, nothing touched.
        QVERIFY(sql({u"INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)"_s}));
        const auto [code, output] =
            s.runCommand({u"--db"_s, s.databasePath(), u"--listen"_s, u"127.0.0.1:0"_s}, {}, 30000);
        QVERIFY(code != 0);
        QVERIFY2(output.contains(u"newer than this server"_s), qPrintable(output));
        QCOMPARE(scalar(u"SELECT MAX(version) FROM schema_migrations"_s), 99);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM credentials"_s), credentials);
    }

    void demoServesSeededSandbox()
    {
        QProcess demo;
        demo.start(TestServer::binary(), {u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--scrypt-log-n"_s, u"12"_s});
        QVERIFY(demo.waitForStarted());
        QByteArray out;
        while (out.count('\n') < 4 && demo.waitForReadyRead(20000))
            out += demo.readAllStandardOutput();
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY2(lines.size() >= 4, out.constData());
        QVERIFY(lines.at(0).startsWith("http://127.0.0.1:"));
        QCOMPARE(lines.at(1), QByteArray("demo-email: admin@acme.example"));
        const QByteArray password = lines.at(3).mid(QByteArray("demo-password: ").size());
        QVERIFY(password.size() >= 12);

        TestServer client; // only its HTTP helpers, pointed at the demo
        QNetworkAccessManager nam;
        QNetworkRequest login(QUrl(QString::fromLatin1(lines.at(0)) + u"/api/v1/auth/login"_s));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = nam.post(login, "{\"email\":\"admin@acme.example\",\"password\":\"" + password + "\"}");
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject data = QJsonDocument::fromJson(reply->readAll()).object().value(u"data"_s).toObject();
        const QString token = data.value(u"token"_s).toString();
        QCOMPARE(data.value(u"tenants"_s).toArray().size(), 2);

        QNetworkRequest list(QUrl(QString::fromLatin1(lines.at(0)) + u"/api/v1/api-keys?limit=1000"_s));
        list.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        reply = nam.get(list);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        const QJsonArray items =
            QJsonDocument::fromJson(reply->readAll()).object().value(u"data"_s).toObject().value(u"items"_s).toArray();
        QSet<QString> statuses;
        for (const QJsonValue& v : items)
            statuses.insert(v.toObject().value(u"status"_s).toString());
        QCOMPARE(statuses, (QSet<QString>{u"active"_s, u"expired"_s, u"revoked"_s}));
        demo.terminate();
        QVERIFY(demo.waitForFinished(15000));
        QCOMPARE(demo.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_server_cli.moc"
