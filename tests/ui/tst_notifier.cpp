// Expiry notifications and the tray (issue 15): the console, against the real server and a real Secret Service
// (gnome-keyring under dbus-run-session, as tst_secretstore), checks its saved connections with what the keychain
// holds, reports a credential expiring within N days once (also across a restart, and again when its expiry changes),
// never asks for anything, keeps a rotated refresh token in the keychain, and a click on a notification opens the
// credential. The notifier's clock moves with the server's test clock; messages are captured by the tray's test hook.
#include "GuiHelpers.h"
#include "TestServer.h"

#include "app/CredentialModel.h"
#include "app/ExpiryNotifier.h"
#include "app/Profiles.h"
#include "app/Session.h"
#include "ui/AppController.h"
#include "ui/CredentialsPage.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "ui/TrayNotifier.h"

#include <QComboBox>
#include <QDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using td::app::ConnectionProfile;
using td::app::CredentialKind;
using td::app::ExpiryFinding;
using td::app::ProfileStore;
using td::app::SecretStore;
using td::test::TestServer;
using td::ui::TrayNotifier;

class TestNotifier : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 Day = 24 * 3600;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<td::ui::AppController> m_controller;
    std::unique_ptr<SecretStore> m_keychain; // the console's own service name: the console reads what we write
    QStringList m_keychainKeys;              // written by the test, removed in cleanup()
    QList<TrayNotifier::Message> m_messages; // captured by the tray's test hook
    qint64 m_clockOffset = 0;                // seconds the server's test clock was moved on
    QString m_adminToken;
    std::unique_ptr<QObject> m_translators; // English, for its plural forms ("3 days")

    TrayNotifier* tray() const { return m_controller->trayNotifier(); }
    td::app::ExpiryNotifier* notifier() const { return m_controller->expiryNotifier(); }

    void startConsole()
    {
        m_controller = std::make_unique<td::ui::AppController>();
        tray()->setMessageHook([this](const TrayNotifier::Message& message) { m_messages.append(message); });
        tray()->setMessageSpacing(0);
        notifier()->setClock([this] { return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset); });
    }

    // Moves the server's clock and the notifier's together.
    bool advanceClock(qint64 seconds)
    {
        if (!m_server->advanceClock(seconds))
            return false;
        m_clockOffset += seconds;
        m_adminToken.clear();
        return true;
    }

    // An admin session, anew after the clock moved on by days (TestServer's cached one would have expired).
    td::test::Headers admin()
    {
        if (m_adminToken.isEmpty())
            m_adminToken = m_server->login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword)
                               .data()
                               .value(u"token"_s)
                               .toString();
        return TestServer::bearer(m_adminToken);
    }

    QString createExpiring(const QString& name, qint64 secondsFromNow)
    {
        const QDateTime expires = m_server->serverNow().addSecs(secondsFromNow);
        return m_server
            ->createKey(name, {u"read:products"_s}, {{u"expiresAt"_s, expires.toString(Qt::ISODateWithMs)}}, admin())
            .first;
    }

    ConnectionProfile profile(const QString& name, ConnectionProfile::AuthMethod method, int notifyDays)
    {
        ConnectionProfile p;
        p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.name = name;
        p.baseUrl = m_server->url();
        p.environment = ConnectionProfile::Environment::Development;
        p.authMethod = method;
        p.email = QString::fromLatin1(TestServer::AdminEmail);
        p.rememberLogin = method == ConnectionProfile::AuthMethod::Password;
        p.notifyExpiryDays = notifyDays;
        return p;
    }

    bool keychainWrite(const QString& key, const QByteArray& secret)
    {
        m_keychainKeys.append(key);
        bool done = false;
        td::app::ApiError error;
        m_keychain->write(key, secret, this, [&](const td::app::ApiError& e) {
            error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return false;
        if (!error.ok())
            qWarning().noquote() << error.userMessage();
        return error.ok();
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
            qWarning("keychain read timed out");
        return secret;
    }

    // Tray → Check now, until every profile is done.
    bool runCheck()
    {
        QSignalSpy finished(notifier(), &td::app::ExpiryNotifier::checkFinished);
        tray()->checkNow();
        return QTest::qWaitFor([&] { return !finished.isEmpty() && !notifier()->isChecking(); }, 30000);
    }

    QString problemOf(const QString& profileId) const
    {
        for (const auto& p : notifier()->problems()) {
            if (p.profileId == profileId)
                return p.text;
        }
        return {};
    }

    // Visible dialogs other than the login dialog: a prompt the notifier must never cause.
    static QStringList otherDialogs()
    {
        QStringList found;
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget* w : widgets) {
            if (w->isVisible() && qobject_cast<QDialog*>(w) && !qobject_cast<td::ui::LoginDialog*>(w))
                found.append(w->objectName() + u' ' + w->windowTitle());
        }
        return found;
    }

    QString selectedId(td::ui::CredentialsPage* page) const
    {
        const QModelIndex current = page->view()->selectionModel()->currentIndex();
        return current.isValid() ? current.data(td::app::CredentialModel::IdRole).toString() : QString();
    }

    void connectThroughTheLoginDialog()
    {
        auto* login = td::test::waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        auto* connectButton = login->findChild<QPushButton*>(u"connectButton"_s);
        QTRY_VERIFY(connectButton->isEnabled());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->mainWindow() && m_controller->mainWindow()->isVisible() &&
                                     m_controller->session()->isLoggedIn(),
                                 15000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under dbus-run-session with an unlocked gnome-keyring (see tests/app/CMakeLists.txt)");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_notifier"_s);
        m_keychain = std::make_unique<SecretStore>(u"TokenDesk"_s);
        QSettings().setValue(u"language"_s, u"en"_s); // whatever the machine's language
        m_translators = std::make_unique<QObject>();
        td::ui::installTranslators(m_translators.get());
    }

    void init()
    {
        QSettings().clear();
        m_messages.clear();
        m_clockOffset = 0;
        m_adminToken.clear();
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        if (m_controller && m_controller->mainWindow())
            m_controller->mainWindow()->close();
        m_controller.reset();
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget* w : widgets) {
            if (qobject_cast<QDialog*>(w) && w->isVisible())
                w->close();
        }
        for (const QString& key : std::as_const(m_keychainKeys)) {
            bool done = false;
            m_keychain->remove(key, this, [&](const td::app::ApiError&) { done = true; });
            if (!QTest::qWaitFor([&] { return done; }, 30000))
                qWarning("keychain remove timed out");
        }
        m_keychainKeys.clear();
        m_server.reset();
        QSettings().clear();
    }

    // The test: with the test clock, a credential expiring in 3 days is notified once; one expiring in 20
    // days with N = 7 is not; a profile with nothing in the keychain is skipped without a prompt; a restart does not
    // repeat a notification, a changed expiry does.
    void notifiesOnceWithTheTestClock()
    {
        const QString adminKey = m_server->createKey(u"Console admin"_s, {u"admin"_s}, {}, admin()).second;
        QVERIFY(adminKey.startsWith(u"tdk_"_s));
        const QString ci = createExpiring(u"CI deploy"_s, 10 * Day);
        const QString far = createExpiring(u"Far away"_s, 27 * Day);
        QVERIFY(!ci.isEmpty() && !far.isEmpty());

        const ConnectionProfile withKey = profile(u"Acme production"_s, ConnectionProfile::AuthMethod::ApiKey, 7);
        const ConnectionProfile empty = profile(u"Empty keychain"_s, ConnectionProfile::AuthMethod::ApiKey, 7);
        const ConnectionProfile off = profile(u"Not notified"_s, ConnectionProfile::AuthMethod::ApiKey, 0);
        ProfileStore::save({withKey, empty, off});
        QVERIFY(keychainWrite(SecretStore::tokenKey(withKey.id), adminKey.toLatin1()));
        QVERIFY(keychainWrite(SecretStore::tokenKey(off.id), adminKey.toLatin1()));
        m_keychainKeys.append(SecretStore::tokenKey(empty.id)); // nothing written: removed in any case

        // At start: nothing within 7 days yet (10 and 27 days), and nothing asked.
        startConsole();
        QSignalSpy finished(notifier(), &td::app::ExpiryNotifier::checkFinished);
        m_controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !notifier()->isChecking(), 30000);
        QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.value(0).text));
        QVERIFY2(problemOf(withKey.id).isEmpty(), qPrintable(problemOf(withKey.id)));
        QVERIFY2(problemOf(empty.id).contains(u"keychain"_s), qPrintable(problemOf(empty.id)));
        QVERIFY(problemOf(off.id).isEmpty());
        QVERIFY2(otherDialogs().isEmpty(), qPrintable(otherDialogs().join(u", "_s)));
        auto* login = td::test::waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        QVERIFY(login->findChild<QLabel*>(u"loginMessage"_s)->text().isEmpty());

        // A week later (server and notifier): "CI deploy" expires in 3 days, "Far away" in 20.
        QVERIFY(advanceClock(7 * Day));
        QVERIFY(runCheck());
        QCOMPARE(m_messages.size(), 1);
        const TrayNotifier::Message message = m_messages.constFirst();
        QCOMPARE(message.text, u"API key \"CI deploy\" expires in 3 days."_s);
        QVERIFY2(message.title.contains(withKey.name), qPrintable(message.title));
        QCOMPARE(message.finding.profileId, withKey.id);
        QCOMPARE(message.finding.credentialId, ci);
        QVERIFY(message.finding.kind == CredentialKind::ApiKey);
        QVERIFY(message.finding.expiresAt.isValid());
        QVERIFY(problemOf(empty.id).contains(u"keychain"_s));
        QVERIFY(otherDialogs().isEmpty());

        // Once: the next check (the hourly one) says nothing new.
        QVERIFY(runCheck());
        QCOMPARE(m_messages.size(), 1);

        // Nor after a restart: what was notified is remembered, as ids and times (no secret) in the settings.
        m_controller.reset();
        const QStringList remembered = QSettings().value(u"expiryNotifications/"_s + withKey.id).toStringList();
        QCOMPARE(remembered.size(), 1);
        QVERIFY(remembered.constFirst().contains(ci));
        QVERIFY(!remembered.constFirst().contains(adminKey));
        startConsole();
        QVERIFY(runCheck());
        QCOMPARE(m_messages.size(), 1);

        // An expiry brought forward is a new finding.
        const QDateTime sooner = m_server->serverNow().addSecs(2 * Day);
        const auto patched = m_server->patch(u"/api/v1/api-keys/"_s + ci,
                                             {{u"expiresAt"_s, sooner.toString(Qt::ISODateWithMs)}}, admin());
        QVERIFY2(patched.status == 200, qPrintable(td::test::describe(patched)));
        QVERIFY(runCheck());
        QCOMPARE(m_messages.size(), 2);
        QCOMPARE(m_messages.at(1).text, u"API key \"CI deploy\" expires in 2 days."_s);
        QCOMPARE(m_messages.at(1).finding.credentialId, ci);
        QVERIFY(runCheck());
        QCOMPARE(m_messages.size(), 2);
    }

    // A remembered login: each background check uses the refresh token once and puts the rotated one in the
    // keychain before anything else (a second check would otherwise present a used token and end the session);
    // while the console is signed in to the profile, the check goes through the console's session and leaves the
    // keychain alone.
    void rememberedLoginRotatesIntoTheKeychain()
    {
        const QString soon = createExpiring(u"Partner feed"_s, 3 * Day);
        QVERIFY(!soon.isEmpty());
        const ConnectionProfile remembered = profile(u"Remembered"_s, ConnectionProfile::AuthMethod::Password, 7);
        ProfileStore::save({remembered});
        ProfileStore::setLastUsedProfileId(remembered.id);
        const auto login = m_server->login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        const QByteArray first = login.data().value(u"refreshToken"_s).toString().toLatin1();
        QVERIFY(first.startsWith("tdr_"));
        const QString key = SecretStore::refreshTokenKey(remembered.id);
        QVERIFY(keychainWrite(key, first));

        startConsole();
        QVERIFY(runCheck());
        QVERIFY2(problemOf(remembered.id).isEmpty(), qPrintable(problemOf(remembered.id)));
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.constFirst().text, u"API key \"Partner feed\" expires in 3 days."_s);
        const QByteArray second = keychainRead(key);
        QVERIFY(second.startsWith("tdr_"));
        QVERIFY(second != first);

        QVERIFY(runCheck());
        QVERIFY2(problemOf(remembered.id).isEmpty(), qPrintable(problemOf(remembered.id)));
        QCOMPARE(m_messages.size(), 1);
        const QByteArray third = keychainRead(key);
        QVERIFY(third.startsWith("tdr_"));
        QVERIFY(third != second);

        // The console signs in with the remembered login (from the keychain, no password typed) while the check at
        // start is likely still using it: the console waits for it and reads the token that check left.
        m_controller->start();
        connectThroughTheLoginDialog();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_controller->session()->credentialKind(), u"session"_s);
        QTRY_COMPARE_WITH_TIMEOUT(keychainRead(key), m_controller->session()->refreshToken(), 15000);
        const QByteArray console = m_controller->session()->refreshToken();
        QVERIFY(console != third);
        const QString later = createExpiring(u"Nightly export"_s, 5 * Day);
        QVERIFY(runCheck());
        QVERIFY2(problemOf(remembered.id).isEmpty(), qPrintable(problemOf(remembered.id)));
        QCOMPARE(m_messages.size(), 2);
        QCOMPARE(m_messages.at(1).finding.credentialId, later);
        QCOMPARE(keychainRead(key), console); // not signed in again: the console's token is still the one
        QCOMPARE(m_controller->session()->refreshToken(), console);
        QVERIFY(m_controller->session()->isLoggedIn());
    }

    // Clicking a notification: before signing in, the login dialog on its connection, and the credential once signed
    // in; signed in to it, the credential at once; signed in to another connection, a notice instead of a switch.
    void clickOpensTheCredential()
    {
        const QString adminKey = m_server->createKey(u"Console admin"_s, {u"admin"_s}, {}, admin()).second;
        const ConnectionProfile other = profile(u"Other connection"_s, ConnectionProfile::AuthMethod::ApiKey, 0);
        const ConnectionProfile withKey = profile(u"Acme production"_s, ConnectionProfile::AuthMethod::ApiKey, 7);
        ProfileStore::save({other, withKey});
        ProfileStore::setLastUsedProfileId(other.id);
        QVERIFY(keychainWrite(SecretStore::tokenKey(withKey.id), adminKey.toLatin1()));
        // Many keys, so that the one to open is not simply the first row.
        for (int i = 0; i < 30; ++i)
            QVERIFY(!m_server->createKey(u"Filler %1"_s.arg(i, 2, 10, QChar(u'0')), {u"read:products"_s}, {}, admin())
                         .first.isEmpty());
        const QString ci = createExpiring(u"CI deploy"_s, 3 * Day);

        startConsole();
        QSignalSpy finished(notifier(), &td::app::ExpiryNotifier::checkFinished);
        m_controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !notifier()->isChecking(), 30000);
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.constFirst().finding.credentialId, ci);

        // Not signed in: the login dialog, switched to the notification's connection, says what happens.
        tray()->openCurrentMessage();
        auto* login = td::test::waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        QCOMPARE(login->findChild<QComboBox*>(u"profileCombo"_s)->currentData().toString(), withKey.id);
        QVERIFY2(login->findChild<QLabel*>(u"loginMessage"_s)->text().contains(u"CI deploy"_s),
                 qPrintable(login->findChild<QLabel*>(u"loginMessage"_s)->text()));
        connectThroughTheLoginDialog();
        if (QTest::currentTestFailed())
            return;
        td::ui::MainWindow* window = m_controller->mainWindow();
        td::ui::CredentialsPage* keys = window->page(CredentialKind::ApiKey);
        QTRY_COMPARE_WITH_TIMEOUT(selectedId(keys), ci, 15000);
        QVERIFY(keys->isVisible());

        // Signed in to it: from another page, straight to the credential.
        window->showSupportPage(td::ui::MainWindow::SupportPage::Inspector);
        keys->view()->clearSelection();
        keys->view()->selectionModel()->clearCurrentIndex();
        QTRY_VERIFY(!keys->isVisible());
        tray()->openCurrentMessage();
        QTRY_VERIFY(keys->isVisible());
        QTRY_COMPARE(selectedId(keys), ci);

        // A finding of another connection: said, not switched to.
        ExpiryFinding elsewhere = m_messages.constFirst().finding;
        elsewhere.profileId = other.id;
        elsewhere.profileName = other.name;
        emit tray()->openRequested(elsewhere);
        auto* notice = td::test::waitForWidget<QMessageBox>(u"otherConnectionNotice"_s);
        QVERIFY(notice);
        QVERIFY2(notice->text().contains(other.name) && notice->text().contains(withKey.name),
                 qPrintable(notice->text()));
        notice->accept();
        QVERIFY(m_controller->session()->isLoggedIn());
        QCOMPARE(m_controller->session()->credentialKind(), u"apiKey"_s);
    }

    // The connection editor sets N per connection; it is kept with the profile (not a secret) and survives a sign-in.
    void editorKeepsTheSetting()
    {
        ConnectionProfile p = profile(u"Edited"_s, ConnectionProfile::AuthMethod::Password, 0);
        p.rememberLogin = false;
        td::ui::LoginDialog editor;
        editor.setEditing(p, {});
        editor.show();
        auto* spin = editor.findChild<QSpinBox*>(u"notifyDaysSpin"_s);
        QVERIFY(spin && spin->isVisible());
        QCOMPARE(spin->value(), 0);
        QCOMPARE(spin->text(), u"Off"_s);
        spin->setValue(7);
        QCOMPARE(spin->text(), u"7 days"_s);
        spin->setValue(1);
        QCOMPARE(spin->text(), u"1 day"_s);
        spin->setValue(14);
        // Without "Remember me" it says when the check can run.
        QVERIFY(editor.findChild<QLabel*>(u"loginMessage"_s)->text().contains(u"Remember me"_s));
        QVERIFY(editor.findChild<QPushButton*>(u"saveButton"_s)->isEnabled());
        QCOMPARE(editor.profile().notifyExpiryDays, 14);
        ProfileStore::save({editor.profile()});
        QCOMPARE(ProfileStore::load().constFirst().notifyExpiryDays, 14);
        // The login dialog hides it but keeps it: a sign-in saves the profile as the dialog returns it.
        td::ui::LoginDialog login;
        login.setProfiles(ProfileStore::load(), p.id);
        login.show();
        QVERIFY(!login.findChild<QSpinBox*>(u"notifyDaysSpin"_s)->isVisible());
        QCOMPARE(login.profile().notifyExpiryDays, 14);
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
