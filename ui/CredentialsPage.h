#pragma once

#include "app/ApiError.h"
#include "app/CredentialKind.h"
#include "protocol/Dto.h"
#include "protocol/Scopes.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QTextBrowser;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace td::app {
class ApiClient;
class ClipboardGuard;
class CredentialFilterModel;
class CredentialModel;
class CredentialService;
class Session;
struct NewCredential;
} // namespace td::app

namespace td::ui {

class Banner;
class CredentialAuditView;
class DrainWatch;
class RefusalsView;
class UsageView;
class GenerateDialog;

// One page class for API keys, UATs and private tokens, configured by the kind: toolbar, search, status
// filter, sortable table, details pane, multi-select for bulk revoke. The records and every change to them belong
// to the kind's CredentialService: the page asks it and shows what it says.
class CredentialsPage final : public QWidget
{
    Q_OBJECT
public:
    CredentialsPage(app::CredentialService* service, app::Session* session, app::ClipboardGuard* clipboard,
                    QWidget* parent = nullptr);
    ~CredentialsPage() override;

    app::CredentialKind kind() const { return m_kind; }
    app::CredentialModel* model() const { return m_model; }
    app::CredentialService* service() const { return m_service; }
    app::CredentialFilterModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    bool isBusy() const { return m_busy > 0; }
    QString lastError() const;

public slots:
    void focusSearch(); // the search field, its text selected
    // Selects the credential (clearing a search or filter that hides it), shows it and focuses the table.
    void showCredential(const QString& id);
    void reload();
    // The people of the tenant (user id -> e-mail) and who is signed in: the Owner column names them, and the owner
    // filter offers them (admins only: a member's pages hold their own tokens only).
    void setPeople(const QHash<QString, QString>& people, const QString& me, bool admin);
    QComboBox* ownerFilter() const { return m_owner; }
    void generate();
    void editSelected();
    // Edit with an address added to the allowlist (a refusal's fix).
    void editSelected(const QString& addAddress);
    void rotateSelected();
    void revokeSelected();
    // A confirmation's list of credentials (HTML): the first ten by name, then how many more.
    static QString nameList(const QStringList& names);
    void toggleSuspendedSelected();     // Suspend (confirmed) or Resume the one selected credential
    void exportShown();                 // asks where, then exportTo()
    void exportTo(const QString& path); // CSV, or JSON for a .json name: what the filters show

signals:
    void busyChanged(bool busy);
    void auditRequested(const QString& id); // "Show audit events" of one credential
    void statusMessage(const QString& message);

private:
    void openGenerateDialog();
    void submitNew(GenerateDialog* dialog, const app::NewCredential& request);
    void showSecret(const QString& name, QByteArray secret);
    void showError(const app::ApiError& error, std::function<void()> retry);
    void showError(const QString& text, std::function<void()> retry = {}); // a sentence of the page's own
    void clearError();
    void setBusy(bool busy);
    void updateActions();
    void updateDetails();
    QStringList selectedIds() const;
    struct SelectionSummary
    {
        int count = 0;           // rows selected
        int firstSourceRow = -1; // the first one's source row
        bool anyActive = false;  // whether any is active (can be revoked)
    };
    SelectionSummary summarizeSelection() const;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void updateEmptyState();
    void loadUsage();   // the Usage, Refusals and Audit tabs, for the one selected credential
    void updateDrain(); // the drain watch, for the one selected credential when it is an old one in its grace
    void withCatalog(std::function<void()> open); // runs open once the catalog and the limits are known
    void saveColumns() const;
    void fitColumns();

    app::CredentialKind m_kind;
    app::CredentialService* m_service;
    app::Session* m_session;
    app::ClipboardGuard* m_clipboard;
    app::CredentialModel* m_model;
    app::CredentialFilterModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_owner;
    QWidget* m_detailsBox = nullptr;
    QTabWidget* m_detailTabs = nullptr;
    UsageView* m_usageView = nullptr;
    RefusalsView* m_refusalsView = nullptr;
    CredentialAuditView* m_auditView = nullptr;
    DrainWatch* m_drainWatch = nullptr;
    int m_usageRequest = 0;
    QTimer m_followTimer; // updateActions + updateDetails, once per burst of model changes
    QTextBrowser* m_details;
    QWidget* m_operation = nullptr;
    QWidget* m_empty = nullptr;
    QLabel* m_emptyText = nullptr;
    QPushButton* m_emptyButton = nullptr;
    QLabel* m_operationText = nullptr;
    QPushButton* m_cancelOperation = nullptr;
    QSplitter* m_splitter = nullptr;
    bool m_paneSizedByUser = false; // the splitter was dragged: its sizes are the user's
    QProgressBar* m_progress;
    Banner* m_errorBanner;
    QAction* m_generateAction;
    QAction* m_editAction;
    QAction* m_copyIdAction;
    QAction* m_auditAction;
    QAction* m_rotateAction;
    QAction* m_revokeAction;
    QAction* m_suspendAction;
    QAction* m_refreshAction;
    QAction* m_exportAction;
    QAction* m_detailsAction;
    QHash<int, QPointer<GenerateDialog>> m_pendingCreates; // request number -> the dialog that sent it
    QHash<int, QPointer<GenerateDialog>> m_pendingEdits;
    bool m_generateRequested = false; // the catalog is being fetched for the Generate dialog
    int m_busy = 0;
};

} // namespace td::ui
