// Issue 16: the console reads what v0.1.0 wrote. A settings file as v0.1.0 (commit 22d23bf) left it — two
// connection profiles, the last one used, the language — and its keychain entries under v0.1.0's names (a remembered
// refresh token, a stored API key) are read by this version: the profiles appear in the login dialog, in order, and
// both sign in without a password; the rotated refresh token goes back to the same entry.
#include "GuiHelpers.h"
#include "TestServer.h"

#include "app/Profiles.h"
#include "app/Session.h"
#include "ui/AppController.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using td::test::TestServer;
using td::test::waitForWidget;

namespace {

// QSettings' INI text as v0.1.0's ProfileStore::save() and setLastUsedProfileId() wrote it (a QSettings array,
// enums as numbers), with the server's address filled in.
QByteArray v010Settings(const QString& url)
{
    return QStringLiteral("[General]\n"
                          "language=en\n"
                          "lastProfile=p-remembered\n"
                          "\n"
                          "[profiles]\n"
                          "1\\authMethod=0\n"
                          "1\\baseUrl=%1\n"
                          "1\\caFile=\n"
                          "1\\defaultTenant=default\n"
                          "1\\email=admin@example.test\n"
                          "1\\environment=1\n"
                          "1\\id=p-remembered\n"
                          "1\\name=Staging (remembered)\n"
                          "1\\publicKeyPin=\n"
                          "1\\rememberLogin=true\n"
                          "2\\authMethod=1\n"
                          "2\\baseUrl=%1\n"
                          "2\\caFile=\n"
                          "2\\defaultTenant=\n"
                          "2\\email=\n"
                          "2\\environment=2\n"
                          "2\\id=p-key\n"
                          "2\\name=CI key\n"
                          "2\\publicKeyPin=\n"
                          "2\\rememberLogin=false\n"
                          "size=2\n")
        .arg(url)
        .toUtf8();
}

} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<td::app::SecretStore> m_keychain;

    bool keychain(const QString& key, const QByteArray& secret)
    {
        bool done = false;
        td::app::ApiError error;
        m_keychain->write(key, secret, this, [&](const td::app::ApiError& e) {
            error = e;
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 30000) && error.ok();
    }

    QByteArray keychainRead(const QString& key)
    {
        bool done = false;
        QByteArray secret;
        m_keychain->read(key, this, [&](const QByteArray& s, const td::app::ApiError&) {
            secret = s;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return {};
        return secret;
    }

    // Starts the console, picks the profile at index in the login dialog with the keyboard and connects with
    // nothing typed: the keychain has what it needs.
    std::unique_ptr<td::ui::AppController> signIn(int index, QStringList* names)
    {
        auto controller = std::make_unique<td::ui::AppController>();
        controller->start();
        auto* login = waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        if (!login)
            return {};
        auto* profiles = login->findChild<QComboBox*>(u"profileCombo"_s);
        names->clear();
        for (int i = 0; i < profiles->count(); ++i)
            names->append(profiles->itemText(i));
        profiles->setFocus();
        QTest::keyClick(profiles, Qt::Key_Home);
        for (int i = 0; i < index; ++i)
            QTest::keyClick(profiles, Qt::Key_Down);
        auto* connect = login->findChild<QPushButton*>(u"connectButton"_s);
        if (!QTest::qWaitFor([&] { return connect->isEnabled(); }, 5000))
            return {};
        QTest::mouseClick(connect, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return controller->mainWindow() && controller->mainWindow()->isVisible(); }, 20000))
            return {};
        return controller;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_upgrade"_s);
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_keychain = std::make_unique<td::app::SecretStore>(u"TokenDesk"_s);
    }

    void profilesAndKeychainOfV010SignIn()
    {
        // What v0.1.0 left behind: its settings file and keychain entries.
        const td::test::HttpResult login =
            m_server->login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        const QByteArray refresh = login.data().value(u"refreshToken"_s).toString().toLatin1();
        QVERIFY(!refresh.isEmpty());
        const QByteArray key = m_server->createKey(u"CI key"_s, {u"admin"_s}).second.toLatin1();
        QVERIFY(!key.isEmpty());
        const QString file = QSettings().fileName();
        QSettings().clear();
        {
            QFile settings(file);
            QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
            settings.write(v010Settings(m_server->url().toString()));
        }
        QVERIFY(keychain(u"p-remembered/refresh-token"_s, refresh));
        QVERIFY(keychain(u"p-key/token"_s, key));

        const QList<td::app::ConnectionProfile> read = td::app::ProfileStore::load();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).environment, td::app::ConnectionProfile::Environment::Staging);
        QVERIFY(read.at(0).rememberLogin);
        QCOMPARE(read.at(1).authMethod, td::app::ConnectionProfile::AuthMethod::ApiKey);
        QCOMPARE(td::app::ProfileStore::lastUsedProfileId(), u"p-remembered"_s);

        // The remembered login signs in from the keychain; the rotated refresh token replaces the old one there.
        QStringList names;
        auto first = signIn(0, &names);
        QCOMPARE(names.mid(0, 2), (QStringList{u"Staging (remembered)"_s, u"CI key"_s})); // then "New connection"
        QVERIFY(first);
        QVERIFY(first->session()->isLoggedIn());
        QCOMPARE(first->session()->user().email, QString::fromLatin1(TestServer::AdminEmail));
        QTRY_VERIFY_WITH_TIMEOUT(!keychainRead(u"p-remembered/refresh-token"_s).isEmpty() &&
                                     keychainRead(u"p-remembered/refresh-token"_s) != refresh,
                                 10000);
        first->shutdown();
        first.reset();

        // The stored key signs in too; both profiles are still there afterwards.
        auto second = signIn(1, &names);
        QVERIFY(second);
        QVERIFY(second->session()->isLoggedIn());
        QCOMPARE(second->session()->credentialKind(), u"apiKey"_s);
        QStringList ids;
        for (const td::app::ConnectionProfile& p : td::app::ProfileStore::load())
            ids.append(p.id);
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.contains(u"p-remembered"_s) && ids.contains(u"p-key"_s));
        second->shutdown();
    }

    // Rolling the console back: what this version writes is what v0.1.0's ProfileStore::load() reads — the same
    // array "profiles" with the same keys, enums as the same numbers, and "lastProfile" (v0.1.0 ignores the keys it
    // does not know, such as notifyExpiryDays).
    void whatThisVersionWritesV010Reads()
    {
        td::app::ConnectionProfile p;
        p.id = u"p-new"_s;
        p.name = u"Written by v0.2"_s;
        p.baseUrl = QUrl(u"https://api.example.test"_s);
        p.environment = td::app::ConnectionProfile::Environment::Development;
        p.defaultTenant = u"acme"_s;
        p.authMethod = td::app::ConnectionProfile::AuthMethod::PrivateToken;
        p.email = u"someone@example.test"_s;
        p.rememberLogin = true;
        p.caFile = u"/etc/ssl/own-ca.pem"_s;
        p.publicKeyPin = u"pin"_s;
        td::app::ProfileStore::save({p});
        td::app::ProfileStore::setLastUsedProfileId(p.id);
        // Read back as v0.1.0 did (its load(), key by key).
        QSettings settings;
        QCOMPARE(settings.value(u"lastProfile"_s).toString(), p.id);
        QCOMPARE(settings.beginReadArray(u"profiles"_s), 1);
        settings.setArrayIndex(0);
        QCOMPARE(settings.value(u"id"_s).toString(), p.id);
        QCOMPARE(settings.value(u"name"_s).toString(), p.name);
        QCOMPARE(QUrl(settings.value(u"baseUrl"_s).toString()), p.baseUrl);
        QCOMPARE(settings.value(u"environment"_s).toInt(), 2);
        QCOMPARE(settings.value(u"defaultTenant"_s).toString(), p.defaultTenant);
        QCOMPARE(settings.value(u"authMethod"_s).toInt(), 2);
        QCOMPARE(settings.value(u"email"_s).toString(), p.email);
        QCOMPARE(settings.value(u"rememberLogin"_s).toBool(), true);
        QCOMPARE(settings.value(u"caFile"_s).toString(), p.caFile);
        QCOMPARE(settings.value(u"publicKeyPin"_s).toString(), p.publicKeyPin);
        settings.endArray();
    }

    void cleanupTestCase()
    {
        for (const QString& key : {u"p-remembered/refresh-token"_s, u"p-key/token"_s}) {
            bool done = false;
            m_keychain->remove(key, this, [&](const td::app::ApiError&) { done = true; });
            QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        }
        QSettings().clear();
    }
};

QTEST_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
