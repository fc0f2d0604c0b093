// SecretStore through the real Secret Service (gnome-keyring under dbus-run-session), and ProfileStore keeping
// every secret out of the QSettings files.
#include "app/Profiles.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using td::app::ApiError;
using td::app::ConnectionProfile;
using td::app::ProfileStore;
using td::app::SecretStore;

namespace {

// Collects the outcome of one asynchronous keychain call.
struct Outcome
{
    bool done = false;
    QByteArray secret;
    ApiError error;
};

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    // A service name of its own, so that a run never touches a real TokenDesk entry.
    const QString m_service = u"TokenDesk-test-%1"_s.arg(QCoreApplication::applicationPid());
    std::unique_ptr<SecretStore> m_store;

    Outcome write(const QString& key, const QByteArray& secret)
    {
        Outcome out;
        m_store->write(key, secret, this, [&out](const ApiError& error) {
            out.error = error;
            out.done = true;
        });
        waitFor(out);
        return out;
    }

    Outcome read(const QString& key)
    {
        Outcome out;
        m_store->read(key, this, [&out](const QByteArray& secret, const ApiError& error) {
            out.secret = secret;
            out.error = error;
            out.done = true;
        });
        waitFor(out);
        return out;
    }

    Outcome remove(const QString& key)
    {
        Outcome out;
        m_store->remove(key, this, [&out](const ApiError& error) {
            out.error = error;
            out.done = true;
        });
        waitFor(out);
        return out;
    }

    static void waitFor(const Outcome& out) { QTRY_VERIFY_WITH_TIMEOUT(out.done, 30000); }

    // Every file under the test-mode configuration and data folders that contains needle.
    static QStringList filesContaining(const QByteArray& needle)
    {
        QStringList hits;
        for (const auto location :
             {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
              QStandardPaths::GenericDataLocation, QStandardPaths::CacheLocation}) {
            const QString dir = QStandardPaths::writableLocation(location);
            QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                    hits.append(file.fileName());
            }
        }
        return hits;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under dbus-run-session with an unlocked gnome-keyring (see tests/app/CMakeLists.txt)");
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_secretstore"_s);
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_store = std::make_unique<SecretStore>(m_service);
    }

    void cleanupTestCase()
    {
        if (!m_store)
            return; // initTestCase failed (no Secret Service) and said why
        // Leave nothing behind in the keychain or the test-mode settings.
        for (const QString& key : {u"round-trip"_s, u"p1/refresh-token"_s, u"isolated"_s, u"context"_s})
            remove(key);
        QSettings settings;
        settings.clear();
        settings.sync();
        QFile::remove(settings.fileName());
    }

    void entryNames()
    {
        QCOMPARE(SecretStore::refreshTokenKey(u"p1"_s), u"p1/refresh-token"_s);
        QCOMPARE(SecretStore::tokenKey(u"p1"_s), u"p1/token"_s);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("refresh tokens") << QByteArray("tdr_4f7Kq0ZxYb2LmNpQrStUvWxYz0123456abcDEF")
                                        << QByteArray("tdr_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp000000");
        QByteArray binary;
        for (int i = 0; i < 256; ++i)
            binary.append(char(i));
        binary.append('\0');
        binary.append("\xff\xfe\x00\x01 after NULs", 15);
        QByteArray reversedBinary = binary;
        std::reverse(reversedBinary.begin(), reversedBinary.end());
        QTest::newRow("binary with NUL and high bytes") << binary << reversedBinary;
        QTest::newRow("long") << QByteArray(8192, 'k') << QByteArray("short");
        QTest::newRow("utf-8") << u"pässwörd ✓ 🔑"_s.toUtf8() << QByteArray("plain");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        const QString key = u"round-trip"_s;

        Outcome w = write(key, first);
        QVERIFY2(w.error.ok(), qPrintable(w.error.userMessage()));
        Outcome r = read(key);
        QVERIFY2(r.error.ok(), qPrintable(r.error.userMessage()));
        QCOMPARE(r.secret.size(), first.size());
        QCOMPARE(r.secret, first);

        // Overwrite.
        w = write(key, second);
        QVERIFY(w.error.ok());
        r = read(key);
        QVERIFY(r.error.ok());
        QCOMPARE(r.secret, second);

        // Remove, then the entry is gone.
        const Outcome d = remove(key);
        QVERIFY2(d.error.ok(), qPrintable(d.error.userMessage()));
        r = read(key);
        QVERIFY(!r.error.ok());
        QCOMPARE(r.error.kind, ApiError::Kind::Keychain);
        QVERIFY(r.secret.isEmpty());
        QVERIFY(!r.error.message.isEmpty());
        QVERIFY2(r.error.userMessage().contains(u"keychain"_s), qPrintable(r.error.userMessage()));

        // Removing what is not there is fine.
        QVERIFY(remove(key).error.ok());
    }

    void servicesAreSeparate()
    {
        QVERIFY(write(u"isolated"_s, "mine").error.ok());
        SecretStore other(m_service + u"-other"_s);
        Outcome out;
        other.read(u"isolated"_s, this, [&out](const QByteArray& secret, const ApiError& error) {
            out.secret = secret;
            out.error = error;
            out.done = true;
        });
        waitFor(out);
        QCOMPARE(out.error.kind, ApiError::Kind::Keychain);
        QVERIFY(out.secret.isEmpty());
        QCOMPARE(read(u"isolated"_s).secret, QByteArray("mine"));
        QVERIFY(remove(u"isolated"_s).error.ok());
    }

    // Deleting a connection profile deletes its keychain entries, both, even when the caller is gone by then.
    void deletingAProfileDeletesItsSecrets()
    {
        const QString profile = u"profile-to-delete"_s;
        QVERIFY(write(SecretStore::refreshTokenKey(profile), "refresh-secret").error.ok());
        QVERIFY(write(SecretStore::tokenKey(profile), "token-secret").error.ok());
        QVERIFY(write(SecretStore::tokenKey(u"another-profile"_s), "kept").error.ok());
        auto caller = std::make_unique<QObject>();
        td::app::deleteProfileSecrets(m_store.get(), profile, caller.get(), [](const ApiError&) {});
        caller.reset(); // a dialog closed at once
        QTRY_VERIFY_WITH_TIMEOUT(read(SecretStore::refreshTokenKey(profile)).error.kind == ApiError::Kind::Keychain &&
                                     read(SecretStore::tokenKey(profile)).error.kind == ApiError::Kind::Keychain,
                                 30000);
        QCOMPARE(read(SecretStore::tokenKey(u"another-profile"_s)).secret, QByteArray("kept"));
        QVERIFY(remove(SecretStore::tokenKey(u"another-profile"_s)).error.ok());
        // With a caller that stays, done reports success once both are gone.
        bool done = false;
        ApiError result;
        td::app::deleteProfileSecrets(m_store.get(), profile, this, [&](const ApiError& e) {
            result = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(result.ok()); // deleting what is not there is success
    }

    void callbacksNeedALiveContext()
    {
        QVERIFY(write(u"context"_s, "for the living").error.ok());
        bool doomedCalled = false;
        auto doomed = std::make_unique<QObject>();
        m_store->read(u"context"_s, doomed.get(),
                      [&doomedCalled](const QByteArray&, const ApiError&) { doomedCalled = true; });
        doomed.reset(); // the page that asked was closed
        // A later read on the same store finishes after the first one.
        const Outcome alive = read(u"context"_s);
        QCOMPARE(alive.secret, QByteArray("for the living"));
        QVERIFY(!doomedCalled);
        QVERIFY(remove(u"context"_s).error.ok());
    }

    void secretsStayOutOfTheSettings()
    {
        const QByteArray secret = "tdr_NeverInSettings0123456789abcdefABCDEF";
        ConnectionProfile production;
        production.id = u"p1"_s;
        production.name = u"Production"_s;
        production.baseUrl = QUrl(u"https://api.example.com"_s);
        production.environment = ConnectionProfile::Environment::Production;
        production.defaultTenant = u"default"_s;
        production.email = u"admin@example.test"_s;
        production.rememberLogin = true;
        production.publicKeyPin = u"q1w2e3r4t5y6u7i8o9p0=="_s;
        ConnectionProfile staging;
        staging.id = u"p2"_s;
        staging.name = u"Staging"_s;
        staging.baseUrl = QUrl(u"http://127.0.0.1:8080"_s);
        staging.environment = ConnectionProfile::Environment::Staging;
        staging.authMethod = ConnectionProfile::AuthMethod::ApiKey;
        ProfileStore::save({production, staging});
        ProfileStore::setLastUsedProfileId(u"p1"_s);
        // "Remember me": the refresh token goes to the keychain, and only there.
        QVERIFY(write(SecretStore::refreshTokenKey(production.id), secret).error.ok());
        QSettings().sync();

        const QString settingsFile = QSettings().fileName();
        QVERIFY2(settingsFile.contains(u"TokenDeskTest"_s) || settingsFile.contains(u"qttest"_s),
                 qPrintable(settingsFile));
        QFile file(settingsFile);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settingsFile));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("api.example.com")); // the profiles are in there
        QVERIFY(!contents.contains(secret));
        QVERIFY(!contents.contains(secret.mid(4, 16)));
        QCOMPARE(filesContaining(secret), QStringList{});

        const QList<ConnectionProfile> loaded = ProfileStore::load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).id, u"p1"_s);
        QCOMPARE(loaded.at(0).baseUrl, production.baseUrl);
        QCOMPARE(loaded.at(0).rememberLogin, true);
        QCOMPARE(loaded.at(0).publicKeyPin, production.publicKeyPin);
        QCOMPARE(loaded.at(1).environment, ConnectionProfile::Environment::Staging);
        QCOMPARE(loaded.at(1).authMethod, ConnectionProfile::AuthMethod::ApiKey);
        QCOMPARE(ProfileStore::lastUsedProfileId(), u"p1"_s);

        // The keychain holds it.
        QCOMPARE(read(SecretStore::refreshTokenKey(production.id)).secret, secret);
        QVERIFY(remove(SecretStore::refreshTokenKey(production.id)).error.ok());

        // Saving fewer profiles drops the others.
        ProfileStore::save({staging});
        QCOMPARE(ProfileStore::load().size(), 1);
        QCOMPARE(ProfileStore::load().constFirst().id, u"p2"_s);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
