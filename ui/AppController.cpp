#include "AppController.h"

#include "Banner.h"
#include "ConnectionsDialog.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/DemoLauncher.h"
#include "app/Session.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSslCertificate>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace td::ui {

AppController::AppController(QObject* parent)
    : QObject(parent)
    , m_client(new app::ApiClient(this))
    , m_session(new app::Session(m_client, this))
    , m_clipboard(new app::ClipboardGuard(this))
    , m_secrets(new app::SecretStore(u"TokenDesk"_s, this))
{
    connect(m_session, &app::Session::loggedIn, this, &AppController::onLoggedIn);
    connect(m_session, &app::Session::loginFailed, this, [this](const app::ApiError& error) {
        if (m_demo) { // the sandbox's own login: no dialog to type into, the way out is a fresh sandbox
            m_window->windowBanner()->showError(
                error.userMessage(), [this] { restartDemo(); }, tr("Restart demo server"));
            return;
        }
        showLogin(error.userMessage(), true);
    });
    connect(m_session, &app::Session::reloginRequired, this,
            [this](const QString& reason) { showLogin(reason, true); });
    connect(m_session, &app::Session::refreshTokenChanged, this, [this](const QByteArray& token) {
        if (!m_profile.rememberLogin || token.isEmpty())
            return;
        m_secrets->write(app::SecretStore::refreshTokenKey(m_profile.id), token, this, [this](const app::ApiError& e) {
            if (!e.ok() && m_window)
                QMessageBox::warning(m_window, tr("Keychain"), e.userMessage());
        });
    });
}

AppController::~AppController()
{
    delete m_window;
    delete m_login;
    delete m_session; // before the client it uses (children go in the order they were made)
}

MainWindow* AppController::mainWindow() const
{
    return m_window;
}

LoginDialog* AppController::loginDialog() const
{
    return m_login;
}

void AppController::start()
{
    showLogin();
}

void AppController::startDemo(const QString& serverPath)
{
    // The window shows at once, saying what happens while the sandbox starts; the pages fill after the login.
    m_profile = {};
    m_profile.id = u"demo"_s;
    m_profile.name = tr("Demo sandbox");
    m_profile.environment = app::ConnectionProfile::Environment::Development;
    ensureWindow();
    m_window->setProfile(m_profile);
    m_window->show();
    m_window->windowBanner()->showBusy(tr("Starting the local demo server…"));
    m_demo = new app::DemoLauncher(this);
    const auto offerRestart = [this](const QString& message) {
        m_window->windowBanner()->showError(
            message, [this] { restartDemo(); }, tr("Restart demo server"));
    };
    connect(m_demo, &app::DemoLauncher::failed, this, [this, offerRestart](const QString& message) {
        offerRestart(message);
        emit failed(message);
    });
    connect(m_demo, &app::DemoLauncher::died, this, [this, offerRestart](const QString& message) {
        // Whatever the console shows is now stale: say so, and offer a fresh sandbox.
        offerRestart(message + u' ' + tr("Restart it to go on with a fresh sandbox."));
        emit failed(message);
    });
    connect(m_demo, &app::DemoLauncher::ready, this, [this] {
        m_window->windowBanner()->showBusy(tr("Signing in to the demo server…"));
        m_profile.baseUrl = m_demo->url();
        m_profile.email = m_demo->email();
        m_client->setBaseUrl(m_demo->url());
        m_client->setTenant({});
        m_window->setProfile(m_profile);
        m_session->login(m_demo->email(), m_demo->password());
    });
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_demo->start(serverPath.isEmpty() ? app::DemoLauncher::findServer() : serverPath, data + u"/demo/demo.sqlite"_s);
}

void AppController::restartDemo()
{
    if (!m_demo)
        return;
    m_window->windowBanner()->showBusy(tr("Starting the local demo server…"));
    m_demo->restart();
}

void AppController::ensureWindow()
{
    if (m_window)
        return;
    m_window = new MainWindow(m_client, m_session, m_clipboard);
    connect(m_window, &MainWindow::connectionsRequested, this, [this] {
        auto* dialog = m_window->findChild<ConnectionsDialog*>();
        if (!dialog) {
            dialog = new ConnectionsDialog(m_secrets, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
    });
    connect(m_window, &MainWindow::logoutRequested, this, [this] {
        if (m_profile.rememberLogin)
            m_secrets->remove(app::SecretStore::refreshTokenKey(m_profile.id), this, [](const app::ApiError&) {});
        m_session->logout();
        m_window->hide();
        if (m_login) // the profiles as they are now (the one just used, any edited in Settings)
            m_login->setProfiles(app::ProfileStore::load(), app::ProfileStore::lastUsedProfileId());
        showLogin(tr("You have logged out."), false);
    });
}

void AppController::showLogin(const QString& message, bool error)
{
    if (!m_login) {
        m_login = new LoginDialog;
        m_login->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_login, &LoginDialog::loginRequested, this, &AppController::onLoginRequested);
        connect(m_login, &QDialog::rejected, this, [this] {
            if (!m_window || !m_session->isLoggedIn())
                QApplication::quit();
        });
        m_login->setProfiles(app::ProfileStore::load(), app::ProfileStore::lastUsedProfileId());
    }
    m_login->setBusy(false);
    if (!message.isEmpty())
        m_login->setMessage(message, error);
    m_login->show();
    m_login->raise();
}

bool AppController::configureClient(const app::ConnectionProfile& profile, QString* problem)
{
    *problem = app::ApiClient::checkUrl(profile.baseUrl);
    if (!problem->isEmpty())
        return false;
    m_client->setBaseUrl(profile.baseUrl);
    m_client->setTenant(profile.defaultTenant);
    QList<QSslCertificate> cas;
    if (!profile.caFile.isEmpty()) {
        QFile file(profile.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *problem = tr("Cannot read the CA file %1: %2").arg(profile.caFile, file.errorString());
            return false;
        }
        cas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (cas.isEmpty()) {
            *problem = tr("%1 holds no PEM certificate.").arg(profile.caFile);
            return false;
        }
    }
    m_client->setCaCertificates(cas);
    const QByteArray pin = QByteArray::fromBase64(profile.publicKeyPin.toLatin1());
    if (!profile.publicKeyPin.isEmpty() && pin.size() != 32) {
        *problem = tr("The key pin must be the base64 of a SHA-256 digest (32 bytes).");
        return false;
    }
    m_client->setPinnedPublicKeySha256(pin);
    return true;
}

void AppController::onLoginRequested()
{
    const app::ConnectionProfile profile = m_login->profile();
    QByteArray secret = m_login->secret();
    m_login->clearSecret();
    QString problem;
    if (!configureClient(profile, &problem)) {
        m_login->setMessage(problem, true);
        return;
    }
    // Kept only once signed in (onLoggedIn): a failed first attempt leaves no profile behind.
    m_profile = profile;
    m_login->setBusy(true);

    using Method = app::ConnectionProfile::AuthMethod;
    if (profile.authMethod == Method::Password) {
        if (!secret.isEmpty()) {
            m_session->login(profile.email, secret, profile.defaultTenant);
            secret.fill('\0');
            return;
        }
        // Remembered: the refresh token is in the keychain.
        m_secrets->read(
            app::SecretStore::refreshTokenKey(profile.id), this,
            [this](const QByteArray& token, const app::ApiError& e) {
                if (!e.ok()) {
                    showLogin(tr("No remembered login could be read: %1 Enter your password.").arg(e.userMessage()),
                              true);
                    return;
                }
                m_session->resume(token);
            });
        return;
    }
    const QString key = app::SecretStore::tokenKey(profile.id);
    if (secret.isEmpty()) {
        m_secrets->read(key, this, [this](const QByteArray& token, const app::ApiError& e) {
            if (!e.ok()) {
                showLogin(e.userMessage(), true);
                return;
            }
            m_session->useToken(token);
        });
        return;
    }
    // A newly pasted token goes to the keychain first: never to a file, never to QSettings.
    m_secrets->write(key, secret, this, [this, secret](const app::ApiError& e) {
        if (!e.ok()) {
            showLogin(e.userMessage(), true);
            return;
        }
        m_session->useToken(secret);
    });
}

void AppController::onLoggedIn()
{
    if (m_profile.id != u"demo"_s) {
        // The profile that worked, first in the list (replacing its earlier version).
        QList<app::ConnectionProfile> profiles = app::ProfileStore::load();
        profiles.erase(
            std::remove_if(profiles.begin(), profiles.end(), [this](const auto& p) { return p.id == m_profile.id; }),
            profiles.end());
        profiles.prepend(m_profile);
        app::ProfileStore::save(profiles);
        app::ProfileStore::setLastUsedProfileId(m_profile.id);
    }
    if (m_profile.authMethod == app::ConnectionProfile::AuthMethod::Password && !m_profile.rememberLogin &&
        m_profile.id != u"demo"_s) {
        // Not remembered (any more): make sure no old refresh token stays in the keychain.
        m_secrets->remove(app::SecretStore::refreshTokenKey(m_profile.id), this, [](const app::ApiError&) {});
    } else if (m_profile.rememberLogin && m_session->canRefresh()) {
        m_secrets->write(app::SecretStore::refreshTokenKey(m_profile.id), m_session->refreshToken(), this,
                         [](const app::ApiError&) {});
    }
    if (m_login)
        m_login->hide();
    ensureWindow();
    m_window->windowBanner()->clear();
    m_window->setProfile(m_profile);
    m_window->show();
    m_window->reloadAll();
    m_window->focusCurrentPage(); // not the tenant box, where an arrow key would switch tenant
    emit ready();
}

void AppController::shutdown()
{
    if (m_session->isLoggedIn() && !m_profile.rememberLogin)
        m_session->logout();
    if (m_demo)
        m_demo->stop();
}

} // namespace td::ui
