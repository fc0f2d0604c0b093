#include "AppController.h"

#include "Banner.h"
#include "ConnectionsDialog.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "TrayNotifier.h"
#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/DemoLauncher.h"
#include "app/PeopleJobs.h"
#include "app/Session.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSslCertificate>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace td::ui {

AppController::AppController(QObject* parent)
    : QObject(parent)
    , m_client(new app::ApiClient(this))
    , m_session(new app::Session(m_client, this))
    , m_clipboard(new app::ClipboardGuard(this))
    , m_secrets(new app::SecretStore(u"TokenDesk"_s, this))
    , m_notifier(new app::ExpiryNotifier(m_secrets, this))
    , m_tray(new TrayNotifier(m_notifier, this))
{
    m_notifier->setConsole(m_client, m_session);
    m_notifier->setConfigure([this](app::ApiClient* client, const app::ConnectionProfile& profile, QString* problem) {
        return configureClient(client, profile, problem);
    });
    connect(m_tray, &TrayNotifier::openRequested, this, &AppController::openFinding);
    connect(m_tray, &TrayNotifier::showRequested, this, &AppController::showConsole);
    connect(m_tray, &TrayNotifier::quitRequested, this, [this] {
        if (m_window)
            m_window->close(); // as File → Quit: the window keeps its geometry
        QApplication::quit();
    });
    connect(m_session, &app::Session::loggedIn, this, &AppController::onLoggedIn);
    connect(m_session, &app::Session::loginFailed, this, [this](const app::ApiError& error) {
        signInEnded();
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
    delete m_tray;     // before the notifier whose findings it shows
    delete m_notifier; // its checks may use the console's client: before the client goes
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
    m_tray->start();
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
    m_notifier->setConsoleProfile(m_profile.id);
    m_tray->start();
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
        connect(m_login, &LoginDialog::setupRequested, this,
                [this](const app::ConnectionProfile& profile, const QByteArray& token, const QByteArray& password) {
                    // A client of its own: the console's may be signed in elsewhere.
                    auto* client = new app::ApiClient(this);
                    QString problem;
                    if (!configureClient(client, profile, &problem)) {
                        client->deleteLater();
                        m_login->setupFinished(false, problem);
                        return;
                    }
                    auto* job = new app::SetupAccountJob(client, token, password, client);
                    app::runJob(job, this, [this, job, client] {
                        client->deleteLater();
                        if (!m_login)
                            return;
                        if (!job->error().ok()) {
                            m_login->setupFinished(false, job->error().userMessage());
                            return;
                        }
                        m_login->setupFinished(
                            true, tr("Your password is set. Sign in as %1 with it.").arg(job->email()), job->email());
                    });
                });
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

bool AppController::configureClient(app::ApiClient* client, const app::ConnectionProfile& profile,
                                    QString* problem) const
{
    *problem = app::ApiClient::checkUrl(profile.baseUrl);
    if (!problem->isEmpty())
        return false;
    client->setBaseUrl(profile.baseUrl);
    client->setTenant(profile.defaultTenant);
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
    client->setCaCertificates(cas);
    const QByteArray pin = QByteArray::fromBase64(profile.publicKeyPin.toLatin1());
    if (!profile.publicKeyPin.isEmpty() && pin.size() != 32) {
        *problem = tr("The key pin must be the base64 of a SHA-256 digest (32 bytes).");
        return false;
    }
    client->setPinnedPublicKeySha256(pin);
    return true;
}

void AppController::onLoginRequested()
{
    const app::ConnectionProfile profile = m_login->profile();
    QByteArray secret = m_login->secret();
    m_login->clearSecret();
    QString problem;
    if (!configureClient(m_client, profile, &problem)) {
        m_login->setMessage(problem, true);
        return;
    }
    // Kept only once signed in (onLoggedIn): a failed first attempt leaves no profile behind.
    m_profile = profile;
    m_notifier->setConsoleProfile(profile.id);
    m_login->setBusy(true);
    // A remembered refresh token is single-use: the console reads it only once no expiry check of this profile is
    // using it (at once, usually), and no check starts on it until this sign-in is over.
    m_notifier->consoleSignsIn(profile.id, this, [this, profile, secret = std::move(secret)]() mutable {
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
                        signInEnded();
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
                    signInEnded();
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
                signInEnded();
                showLogin(e.userMessage(), true);
                return;
            }
            m_session->useToken(secret);
        });
    });
}

void AppController::signInEnded()
{
    m_notifier->consoleSignInEnded();
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
    // A notification clicked before signing in: its credential, once the page has loaded.
    if (m_pendingOpen) {
        const app::ExpiryFinding finding = *std::exchange(m_pendingOpen, std::nullopt);
        if (finding.profileId == m_profile.id)
            openFinding(finding);
    }
    signInEnded(); // a check of this profile that waited runs now, through this session
    emit ready();
}

void AppController::showConsole()
{
    if (m_window && m_session->isLoggedIn()) {
        m_window->show();
        m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized);
        m_window->raise();
        m_window->activateWindow();
        return;
    }
    showLogin();
}

void AppController::openFinding(const app::ExpiryFinding& finding)
{
    if (m_window && m_session->isLoggedIn() && m_profile.id == finding.profileId) {
        // The tenant it was found in, when the session is in another of its tenants.
        const QList<protocol::TenantDto>& tenants = m_session->tenants();
        if (!finding.tenantId.isEmpty() && finding.tenantId != m_session->tenantId() &&
            std::any_of(tenants.cbegin(), tenants.cend(), [&](const auto& t) { return t.id == finding.tenantId; }))
            m_session->switchTenant(finding.tenantId);
        m_window->openCredential(finding.kind, finding.credentialId);
        return;
    }
    if (m_window && m_session->isLoggedIn()) {
        // Signed in elsewhere: say so rather than leave the connection in use behind the user's back.
        showConsole();
        auto* box =
            new QMessageBox(QMessageBox::Information, tr("Expiring credential"),
                            tr("%1 \"%2\" belongs to the connection \"%3\", and TokenDesk is signed in to "
                               "\"%4\". To open it, log out and sign in to \"%3\".")
                                .arg(app::kindName(finding.kind), finding.name, finding.profileName, m_profile.name),
                            QMessageBox::Ok, m_window);
        box->setObjectName(u"otherConnectionNotice"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    // Not signed in: the login dialog on that connection; the credential opens once signed in to it.
    showLogin();
    if (m_session->state() != app::Session::State::LoggingIn) {
        m_pendingOpen = finding;
        m_login->setProfiles(app::ProfileStore::load(), finding.profileId);
        m_login->setMessage(tr("Sign in to \"%1\" to open \"%2\".").arg(finding.profileName, finding.name), false);
    }
}

void AppController::shutdown()
{
    if (m_session->isLoggedIn() && !m_profile.rememberLogin)
        m_session->logout();
    if (m_demo)
        m_demo->stop();
}

} // namespace td::ui
