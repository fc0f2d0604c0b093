#pragma once

#include "app/CredentialKind.h"
#include "app/Profiles.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>
#include <QTimer>

class QComboBox;

class QLabel;
class QListWidget;
class QStackedWidget;

namespace td::app {
class ApiClient;
class ClipboardGuard;
class Session;
} // namespace td::app

namespace td::ui {

class AuditPage;
class Banner;
class ElidedLabel;
class CredentialsPage;
class ExpiryPage;
class InspectorPage;
class RiskReviewPage;
class PeoplePage;

// Connection bar (profile in its environment's colour, user, tenant switcher, session time left) above the
// pages API Keys, User Authorization Tokens and Private Tokens.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(app::ApiClient* client, app::Session* session, app::ClipboardGuard* clipboard,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    void setProfile(const app::ConnectionProfile& profile);
    CredentialsPage* page(app::CredentialKind kind) const;
    void showPage(app::CredentialKind kind);
    // Brings the window up on a credential's page with the credential selected (once the page has loaded, when it is
    // loading or does not list it yet): a clicked expiry notification.
    void openCredential(app::CredentialKind kind, const QString& id);
    void focusCurrentPage();   // the table of a credential page
    QString countText() const; // what the status bar says of the page shown
    enum class SupportPage { Expiry, Risk, Inspector, Audit, People };
    void showSupportPage(SupportPage page);
    void createCalendarFeed(); // Settings → Calendar feed…: a calendar:read key, its feed address shown once
    InspectorPage* inspectorPage() const { return m_inspector; }
    AuditPage* auditPage() const { return m_audit; }
    RiskReviewPage* riskPage() const { return m_risk; }
    PeoplePage* peoplePage() const { return m_people; }
    ExpiryPage* expiryPage() const { return m_expiry; }
    void reloadAll();
    // What the signed-in role may see in the current tenant (issue 17): an admin everything; a member their own
    // UATs and private tokens and the expiry overview (API keys, risk review, inspector, audit log, people and
    // notifications are admins' business, and the server would refuse them).
    void applyRole();
    bool isAdmin() const;
    void loadPeople(); // the tenant's members, for the Owner column and filter (admins)
    Banner* windowBanner() const { return m_windowBanner; }

signals:
    void logoutRequested();
    void connectionsRequested(); // Settings → Connections…

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateConnectionBar();
    void updateTimeLeft();
    void updateNavigation(); // the sidebar's counts and expiring-soon badges

    app::ApiClient* m_client;
    app::ClipboardGuard* m_clipboard;
    QHash<QString, QString> m_peopleNames; // user id -> e-mail, of the current tenant (admins)
    PeoplePage* m_people = nullptr;
    app::Session* m_session;
    QLabel* m_environment;
    ElidedLabel* m_profileName;
    ElidedLabel* m_user;
    QComboBox* m_tenant;
    ElidedLabel* m_timeLeft;
    QLabel* m_count = nullptr; // "3 of 120 items" for the page shown, always in the status bar
    QListWidget* m_nav;
    QStackedWidget* m_stack;
    QList<CredentialsPage*> m_pages;
    ExpiryPage* m_expiry = nullptr;
    InspectorPage* m_inspector = nullptr;
    AuditPage* m_audit = nullptr;
    RiskReviewPage* m_risk = nullptr;
    QTimer m_clock;
    QTimer m_navTimer;
    Banner* m_windowBanner = nullptr;
    QWidget* m_bannerBox = nullptr;
    QSet<int> m_failedKinds; // kinds whose last load failed: the expiry overview is incomplete
    app::ConnectionProfile m_profile;
};

} // namespace td::ui
