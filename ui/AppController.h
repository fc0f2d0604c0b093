#pragma once

#include "app/ExpiryNotifier.h"
#include "app/Profiles.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace td::app {
class ApiClient;
class ClipboardGuard;
class DemoLauncher;
class SecretStore;
class Session;
} // namespace td::app

namespace td::ui {

class LoginDialog;
class MainWindow;
class TrayNotifier;

// Wires the console together: connection profiles and the keychain, the login dialog, the session, the main
// window, the tray icon with its expiry notifications and, with --demo, the embedded server.
class AppController final : public QObject
{
    Q_OBJECT
public:
    explicit AppController(QObject* parent = nullptr);
    ~AppController() override;

    void start();
    void startDemo(const QString& serverPath = {});
    MainWindow* mainWindow() const;
    LoginDialog* loginDialog() const;
    app::Session* session() const { return m_session; }
    app::ApiClient* client() const { return m_client; }
    app::DemoLauncher* demo() const { return m_demo; }
    app::ExpiryNotifier* expiryNotifier() const { return m_notifier; }
    TrayNotifier* trayNotifier() const { return m_tray; }
    // Ends the session on the server; called when the console quits.
    void shutdown();

signals:
    void ready(); // the main window shows a logged-in session
    void failed(const QString& message);

private:
    void showLogin(const QString& message = {}, bool error = false);
    void onLoginRequested();
    bool configureClient(app::ApiClient* client, const app::ConnectionProfile& profile, QString* problem) const;
    void onLoggedIn();
    void ensureWindow();
    void restartDemo();
    void showConsole(); // the main window when signed in, else the login dialog
    void openFinding(const app::ExpiryFinding& finding);
    void signInEnded(); // the console's sign-in worked or failed: background checks of its profile may run

    app::ApiClient* m_client;
    app::Session* m_session;
    app::ClipboardGuard* m_clipboard;
    app::SecretStore* m_secrets;
    app::DemoLauncher* m_demo = nullptr;
    app::ExpiryNotifier* m_notifier;
    TrayNotifier* m_tray;
    std::optional<app::ExpiryFinding> m_pendingOpen; // a notification clicked before signing in to its profile
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_window;
    app::ConnectionProfile m_profile;
};

} // namespace td::ui
