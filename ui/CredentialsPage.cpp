#include "CredentialsPage.h"

#include "Banner.h"
#include "Delegates.h"
#include "GenerateDialog.h"
#include "Icons.h"
#include "RotateDialog.h"
#include "SecretDialog.h"
#include "UsageView.h"
#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/CredentialExport.h"
#include "app/CredentialFilterModel.h"
#include "app/CredentialModel.h"
#include "app/CredentialService.h"
#include "app/Jobs.h"
#include "app/Session.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using td::app::CredentialModel;

namespace td::ui {

CredentialsPage::CredentialsPage(app::CredentialService* service, app::Session* session, app::ClipboardGuard* clipboard,
                                 QWidget* parent)
    : QWidget(parent)
    , m_kind(service->kind())
    , m_service(service)
    , m_session(session)
    , m_clipboard(clipboard)
{
    const app::CredentialKind kind = m_kind;
    const app::CredentialKindInfo& info = app::kindInfo(kind);
    setObjectName(info.wireName + u"Page"_s);
    auto* layout = new QVBoxLayout(this);

    auto* toolbar = new QToolBar(this);
    toolbar->setObjectName(u"pageToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto makeAction = [&](const QString& name, const QString& text, const QKeySequence& shortcut, const QString& icon) {
        // The shortcut is the main window's (it works wherever the focus is in the window); the tooltip names it.
        auto* action = new QAction(themedIcon(icon), text, this);
        action->setObjectName(name);
        action->setToolTip(shortcut.isEmpty() ? text
                                              : u"%1 (%2)"_s.arg(text, shortcut.toString(QKeySequence::NativeText)));
        toolbar->addAction(action);
        return action;
    };
    m_generateAction = makeAction(u"generateAction"_s, tr("&Generate…"), QKeySequence::New, u"list-add"_s);
    m_editAction = makeAction(u"editAction"_s, tr("E&dit…"), QKeySequence(), u"document-edit"_s);
    m_rotateAction = makeAction(u"rotateAction"_s, tr("R&otate…"), QKeySequence(), u"emblem-synchronizing"_s);
    m_revokeAction = makeAction(u"revokeAction"_s, tr("&Revoke…"), QKeySequence::Delete, u"edit-delete"_s);
    toolbar->addSeparator();
    m_refreshAction = makeAction(u"refreshAction"_s, tr("Re&fresh"), QKeySequence::Refresh, u"view-refresh"_s);
    m_exportAction = makeAction(u"exportAction"_s, tr("&Export…"), QKeySequence(), u"document-save-as"_s);
    // Refresh is an icon (F5 in its tooltip), so that the row fits 1024 px in German and French too.
    if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(m_refreshAction))) {
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAccessibleName(QString(m_refreshAction->text()).remove(u'&'));
    }
    // The details pane can be hidden, to give the table the room (the choice is kept).
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_detailsAction = makeAction(u"detailsAction"_s, tr("Det&ails"), QKeySequence(), u"sidebar-show-right"_s);
    m_detailsAction->setCheckable(true);
    // An icon only: the toggle need not take the room of a word (its name is the tooltip and the accessible name).
    if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(m_detailsAction))) {
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAccessibleName(QString(m_detailsAction->text()).remove(u'&'));
    }
    connect(m_generateAction, &QAction::triggered, this, &CredentialsPage::generate);
    connect(m_editAction, &QAction::triggered, this, [this] { editSelected(); });
    connect(m_rotateAction, &QAction::triggered, this, &CredentialsPage::rotateSelected);
    connect(m_revokeAction, &QAction::triggered, this, &CredentialsPage::revokeSelected);
    connect(m_refreshAction, &QAction::triggered, this, &CredentialsPage::reload);
    connect(m_exportAction, &QAction::triggered, this, &CredentialsPage::exportShown);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search name, prefix, scope, address… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusFilter"_s);
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), -1);
    for (auto s : {CredentialModel::DisplayStatus::Active, CredentialModel::DisplayStatus::ExpiringSoon,
                   CredentialModel::DisplayStatus::Expired, CredentialModel::DisplayStatus::Revoked,
                   CredentialModel::DisplayStatus::Suspended})
        m_status->addItem(CredentialModel::statusText(s), int(s));
    // Whose: everyone's, the signed-in person's, or one person's (filled by setPeople(); hidden until then).
    m_owner = new QComboBox(this);
    m_owner->setObjectName(u"ownerFilter"_s);
    m_owner->setAccessibleName(tr("Owner filter"));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_owner->hide();
    // Two rows, so that neither the actions nor the search are pushed into an overflow menu at 1024 px.
    layout->addWidget(toolbar);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_owner);
    filters->addWidget(m_status);
    layout->addLayout(filters);

    m_errorBanner = new Banner(u"errorBanner"_s, u"errorText"_s, u"retryButton"_s, this);
    layout->addWidget(m_errorBanner);

    m_model = service->model();
    m_proxy = new app::CredentialFilterModel(this);
    m_proxy->setSourceModel(m_model);
    auto* splitter = new QSplitter(this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(u"credentialsView"_s);
    m_view->setAccessibleName(app::kindTitle(kind));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CredentialModel::Created, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    // Row actions: a double-click edits; the context menu offers what the toolbar does for the selection.
    m_copyIdAction = new QAction(themedIcon(u"edit-copy"_s), tr("Copy &ID"), this);
    m_copyIdAction->setObjectName(u"copyIdAction"_s);
    connect(m_copyIdAction, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(selectedIds().join(u'\n')); });
    m_suspendAction = new QAction(themedIcon(u"media-playback-pause"_s), tr("&Suspend"), this);
    m_suspendAction->setObjectName(u"suspendAction"_s);
    m_suspendAction->setToolTip(tr("Stop or restart the credential without revoking it"));
    connect(m_suspendAction, &QAction::triggered, this, &CredentialsPage::toggleSuspendedSelected);
    m_auditAction = new QAction(themedIcon(u"view-list-details"_s), tr("Show &audit events"), this);
    m_auditAction->setObjectName(u"auditAction"_s);
    connect(m_auditAction, &QAction::triggered, this, [this] {
        const QStringList ids = selectedIds();
        if (ids.size() == 1)
            emit auditRequested(ids.constFirst());
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_copyIdAction, m_editAction, m_rotateAction, m_suspendAction, m_revokeAction, m_auditAction});
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] { editSelected(); });
    m_view->setItemDelegateForColumn(CredentialModel::Status, new StatusChipDelegate(m_view));
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    fitColumns();
    // The column layout is kept per kind; "v2" since the column order changed (issue 11).
    const QByteArray columns = QSettings().value(u"columns/v2/"_s + info.wireName).toByteArray();
    if (!columns.isEmpty())
        m_view->horizontalHeader()->restoreState(columns);
    // What an empty table says and offers: the first credential to generate, or a way out of a search.
    m_empty = new QWidget(m_view->viewport());
    m_empty->setObjectName(u"emptyState"_s);
    auto* emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(1);
    m_emptyText = new QLabel(m_empty);
    m_emptyText->setObjectName(u"emptyText"_s);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyButton = new QPushButton(m_empty);
    m_emptyButton->setObjectName(u"emptyButton"_s);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(m_emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_empty->hide();
    m_view->viewport()->installEventFilter(this);
    connect(m_emptyButton, &QPushButton::clicked, this, [this] {
        if (m_model->rowCount() == 0) {
            generate();
            return;
        }
        m_search->clear();
        m_status->setCurrentIndex(0);
        m_owner->setCurrentIndex(0);
        m_view->setFocus(Qt::OtherFocusReason);
    });
    // The details pane: the selected credential's actions (as in its context menu), then what it is.
    m_detailsBox = new QWidget(splitter);
    auto* detailsLayout = new QVBoxLayout(m_detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(0);
    auto* detailsActions = new QToolBar(m_detailsBox);
    detailsActions->setObjectName(u"detailsActions"_s);
    detailsActions->setIconSize(QSize(16, 16));
    detailsActions->setToolButtonStyle(Qt::ToolButtonIconOnly); // names in the tooltips: the pane is narrow
    detailsActions->addActions(
        {m_copyIdAction, m_editAction, m_rotateAction, m_suspendAction, m_revokeAction, m_auditAction});
    detailsLayout->addWidget(detailsActions);
    m_drainWatch = new DrainWatch(m_service->client(), m_detailsBox);
    detailsLayout->addWidget(m_drainWatch);
    connect(m_drainWatch, &DrainWatch::recordChanged, this, [this](const protocol::ApiKeyDto& record) {
        m_model->upsert(record); // the details and the drain follow the model
        updateDrain();
    });
    // Tabs: what it is, how it is used (issue 12), why its calls were refused.
    m_detailTabs = new QTabWidget(m_detailsBox);
    m_detailTabs->setObjectName(u"detailTabs"_s);
    m_details = new QTextBrowser(m_detailTabs);
    m_usageView = new UsageView(m_detailTabs);
    m_refusalsView = new RefusalsView(m_detailTabs);
    m_detailTabs->addTab(m_details, tr("Overview"));
    m_detailTabs->addTab(m_usageView, tr("Usage"));
    m_detailTabs->addTab(m_refusalsView, tr("Refusals"));
    m_auditView = new CredentialAuditView(m_service->client(), m_detailTabs);
    m_detailTabs->addTab(m_auditView, tr("Audit"));
    // Every tab stays in view however narrow the pane: their titles elide (whole in the tooltip) rather than
    // scrolling the last ones out of sight.
    m_detailTabs->setDocumentMode(true); // no frame around the page: the pane is narrow
    m_detailTabs->tabBar()->setUsesScrollButtons(false);
    m_detailTabs->tabBar()->setElideMode(Qt::ElideRight);
    m_detailTabs->tabBar()->setExpanding(false);
    for (int i = 0; i < m_detailTabs->count(); ++i)
        m_detailTabs->setTabToolTip(i, m_detailTabs->tabText(i));
    connect(m_auditView, &CredentialAuditView::openAuditLog, this, &CredentialsPage::auditRequested);
    detailsLayout->addWidget(m_detailTabs, 1);
    connect(m_detailTabs, &QTabWidget::currentChanged, this, &CredentialsPage::loadUsage);
    connect(m_refusalsView, &RefusalsView::allowAddressRequested, this,
            [this](const QString& address) { editSelected(address); });
    m_details->setObjectName(u"detailsPane"_s);
    m_details->setOpenLinks(false);
    m_details->setFrameShape(QFrame::NoFrame);
    // Long ids and keys wrap anywhere rather than being clipped.
    m_details->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_detailsBox->setMinimumWidth(180);
    m_details->setAccessibleName(tr("Details"));
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, true);
    m_splitter = splitter;
    const bool detailsShown = QSettings().value(u"detailsPane/"_s + info.wireName, true).toBool();
    m_detailsAction->setChecked(detailsShown);
    m_detailsBox->setVisible(detailsShown);
    connect(m_detailsAction, &QAction::toggled, this, [this](bool shown) {
        m_detailsBox->setVisible(shown);
        QSettings().setValue(u"detailsPane/"_s + app::kindInfo(m_kind).wireName, shown);
    });
    // Dragging the splitter shut hides the pane as the action does.
    connect(splitter, &QSplitter::splitterMoved, this, [this] {
        m_paneSizedByUser = true;
        const bool shown = m_splitter->sizes().value(1) > 0;
        if (shown != m_detailsAction->isChecked())
            m_detailsAction->setChecked(shown);
    });
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->installEventFilter(this); // the pane's width follows the window's until the user drags it
    layout->addWidget(splitter, 1);

    // Below the table: what is being done (loading, or a revoke with its count and Cancel).
    m_operation = new QWidget(this);
    m_operation->setObjectName(u"operationBar"_s);
    auto* operationLayout = new QHBoxLayout(m_operation);
    operationLayout->setContentsMargins(0, 0, 0, 0);
    m_operationText = new QLabel(m_operation);
    m_operationText->setObjectName(u"operationText"_s);
    m_progress = new QProgressBar(m_operation);
    m_progress->setObjectName(u"progressBar"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_cancelOperation = new QPushButton(tr("Cancel"), m_operation);
    m_cancelOperation->setObjectName(u"cancelOperationButton"_s);
    m_cancelOperation->hide();
    operationLayout->addWidget(m_operationText);
    operationLayout->addWidget(m_progress, 1);
    operationLayout->addWidget(m_cancelOperation);
    m_operation->hide();
    layout->addWidget(m_operation);
    connect(m_cancelOperation, &QPushButton::clicked, this, [this] {
        m_service->cancelRevoke();
        m_cancelOperation->setEnabled(false);
        m_operationText->setText(tr("Cancelling after the request in progress…"));
    });
    connect(service, &app::CredentialService::revokeProgress, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(total, 1));
        m_progress->setValue(done);
        m_operationText->setText(tr("Revoked %1 of %n…", nullptr, total).arg(QLocale().toString(done)));
        m_operationText->show();
        m_cancelOperation->setVisible(total > protocol::MaxBulkRevokeIds); // more than one request
        m_cancelOperation->setEnabled(true);
    });

    connect(m_search, &QLineEdit::textChanged, m_proxy, &app::CredentialFilterModel::setFilterText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_status->currentData().toInt();
        m_proxy->setStatusFilter(
            value < 0 ? std::nullopt
                      : std::optional<CredentialModel::DisplayStatus>(CredentialModel::DisplayStatus(value)));
    });
    connect(m_owner, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setOwnerFilter(m_owner->currentData().toString());
        updateEmptyState();
    });
    // After the filter model has applied them (connected above).
    connect(m_search, &QLineEdit::textChanged, this, &CredentialsPage::updateEmptyState);
    connect(m_status, &QComboBox::currentIndexChanged, this, &CredentialsPage::updateEmptyState);
    // The actions and the details pane follow every change, once per burst of changes (a bulk revoke, a reload).
    m_followTimer.setSingleShot(true);
    m_followTimer.setInterval(0);
    connect(&m_followTimer, &QTimer::timeout, this, [this] {
        updateActions();
        updateDetails();
        updateDrain();
    });
    const auto follow = [this] {
        m_followTimer.start();
    };
    // A selection is the user's: followed at once.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_followTimer.stop();
        updateActions();
        updateDetails();
        updateDrain();
        loadUsage();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, follow);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &CredentialsPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CredentialsPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CredentialsPage::updateEmptyState);
    // Every change of a record (a revoke, a rotation, a reload) reaches the actions and the details pane.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, follow);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, follow);
    connect(m_session, &app::Session::tenantChanged, this, &CredentialsPage::reload);

    connect(service, &app::CredentialService::busyChanged, this, &CredentialsPage::setBusy);
    // The last progress is followed at once by loaded, whose message replaces it.
    connect(service, &app::CredentialService::loadProgress, this,
            [this](int loaded) { emit statusMessage(tr("Loaded %n item(s)…", nullptr, loaded)); });
    // The count itself is the status bar's permanent "N of M items" (MainWindow).
    connect(service, &app::CredentialService::loaded, this, [this] {
        clearError(); // an error banner goes with the next success
        emit statusMessage({});
    });
    connect(service, &app::CredentialService::loadFailed, this,
            [this](const app::ApiError& error) { showError(error, [this] { reload(); }); });
    connect(service, &app::CredentialService::catalogReady, this, [this] {
        if (std::exchange(m_generateRequested, false))
            openGenerateDialog();
    });
    connect(service, &app::CredentialService::catalogFailed, this, [this](const app::ApiError& error) {
        m_generateRequested = false;
        showError(error, [this] { generate(); });
    });
    // Each answer goes to the dialog that sent its request (another may have been opened meanwhile).
    connect(service, &app::CredentialService::created, this,
            [this](int request, const protocol::ApiKeyDto& record, const QByteArray& secret) {
                if (GenerateDialog* dialog = m_pendingCreates.take(request))
                    dialog->accept();
                clearError();
                showSecret(record.name, secret);
                emit statusMessage(tr("Generated \"%1\".").arg(record.name));
            });
    connect(service, &app::CredentialService::createFailed, this, [this](int request, const app::ApiError& error) {
        if (GenerateDialog* dialog = m_pendingCreates.take(request))
            dialog->showServerError(error);
        else
            showError(error, {});
    });
    connect(service, &app::CredentialService::updated, this, [this](int request, const protocol::ApiKeyDto& record) {
        if (GenerateDialog* dialog = m_pendingEdits.take(request))
            dialog->accept();
        clearError();
        emit statusMessage(tr("Saved \"%1\".").arg(record.name));
    });
    connect(service, &app::CredentialService::updateFailed, this, [this](int request, const app::ApiError& error) {
        if (GenerateDialog* dialog = m_pendingEdits.take(request))
            dialog->showServerError(error);
        else
            showError(error, {});
    });
    connect(service, &app::CredentialService::rotated, this,
            [this](const protocol::ApiKeyDto&, const QByteArray& secret, const QString& previousName) {
                clearError();
                showSecret(previousName, secret);
                emit statusMessage(tr("Rotated \"%1\".").arg(previousName));
            });
    connect(service, &app::CredentialService::revoked, this, [this](const app::RevokeOutcome& outcome) {
        QStringList parts{tr("Revoked %n credential(s).", nullptr, outcome.revoked)};
        if (outcome.alreadyRevoked > 0)
            parts.append(tr("%n already revoked, skipped.", nullptr, outcome.alreadyRevoked));
        if (outcome.notRevoked > 0)
            parts.append(outcome.cancelled ? tr("Cancelled: %n not revoked.", nullptr, outcome.notRevoked)
                                           : tr("%n not revoked.", nullptr, outcome.notRevoked));
        const QString summary = parts.join(u' ');
        if (!outcome.error.ok()) {
            showError(summary + u' ' + outcome.error.userMessage());
            return;
        }
        clearError();
        emit statusMessage(summary);
    });
    connect(service, &app::CredentialService::suspendedChanged, this, [this](const protocol::ApiKeyDto& record) {
        clearError();
        emit statusMessage(record.status == protocol::KeyStatus::Suspended ? tr("Suspended \"%1\".").arg(record.name)
                                                                           : tr("Resumed \"%1\".").arg(record.name));
    });
    connect(service, &app::CredentialService::changeFailed, this,
            [this](const app::ApiError& error) { showError(error, {}); });
    updateActions();
    updateDetails();
}

CredentialsPage::~CredentialsPage()
{
    saveColumns();
}

void CredentialsPage::saveColumns() const
{
    QSettings().setValue(u"columns/v2/"_s + app::kindInfo(m_kind).wireName, m_view->horizontalHeader()->saveState());
}

void CredentialsPage::fitColumns()
{
    // Widths from what the columns show in this language and font, so that Name, Key, Status and Expires fit
    // 1024 px without scrolling; longer values elide (the whole value is the cell's tooltip).
    const QFontMetrics fm = m_view->fontMetrics();
    const int pad = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 16;
    const auto header = [this](int column) {
        return m_view->horizontalHeader()->fontMetrics().horizontalAdvance(
                   m_proxy->headerData(column, Qt::Horizontal).toString()) +
               24; // the sort indicator
    };
    int status = header(CredentialModel::Status);
    for (auto s : {CredentialModel::DisplayStatus::Active, CredentialModel::DisplayStatus::ExpiringSoon,
                   CredentialModel::DisplayStatus::Expired, CredentialModel::DisplayStatus::Revoked,
                   CredentialModel::DisplayStatus::Suspended})
        status = qMax(status, fm.horizontalAdvance(CredentialModel::statusText(s)) + pad + 16); // the chip
    // The widest of what the column says: a wide date, and "in 23 hours", "in 29 days", "in 11 months".
    const QDateTime sample(QDate(2026, 12, 31), QTime(12, 0), Qt::UTC);
    int expires = 0;
    for (qint64 ahead : {23LL * 3600, 29LL * 86400, 330LL * 86400})
        expires = qMax(expires, fm.horizontalAdvance(CredentialModel::expiryText(sample, sample.addSecs(-ahead))));
    m_view->setColumnWidth(CredentialModel::Name, fm.averageCharWidth() * 15 + pad);
    m_view->setColumnWidth(CredentialModel::Key,
                           qMax(header(CredentialModel::Key), fm.horizontalAdvance(u"tdk_b6ASZV8P…g4Nw"_s) + pad));
    m_view->setColumnWidth(CredentialModel::Status, status);
    m_view->setColumnWidth(CredentialModel::Expires, qMax(header(CredentialModel::Expires), expires + pad));
    m_view->setColumnWidth(CredentialModel::LastUsed, fm.averageCharWidth() * 22 + pad);
    m_view->setColumnWidth(CredentialModel::Scopes, fm.averageCharWidth() * 24 + pad);
    m_view->setColumnWidth(CredentialModel::Created, fm.averageCharWidth() * 18 + pad);
}

QString CredentialsPage::lastError() const
{
    return m_errorBanner->text();
}

bool CredentialsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_view->viewport()->rect());
    if (watched == m_splitter && event->type() == QEvent::Resize && !m_paneSizedByUser && m_detailsBox->isVisible()) {
        // Wide enough for every tab title, while the table keeps room for its first four columns (Name, Key,
        // Status, Expires, however wide the language makes them); a quarter of the width otherwise.
        const QHeaderView* header = m_view->horizontalHeader();
        const int fourth = header->logicalIndex(qMin(3, header->count() - 1));
        const int table = header->sectionPosition(fourth) + header->sectionSize(fourth) + 2 * m_view->frameWidth() +
                          m_view->verticalScrollBar()->sizeHint().width() + 4;
        const int total = m_splitter->width() - m_splitter->handleWidth();
        const int ideal = m_detailTabs->tabBar()->sizeHint().width() + 8;
        const int pane = qMax(m_detailsBox->minimumWidth(), qMin(ideal, qMax(total / 4, total - table)));
        m_splitter->setSizes({total - pane, pane});
    }
    return QWidget::eventFilter(watched, event);
}

void CredentialsPage::updateEmptyState()
{
    // Not while signed out (the demo server starting) or while the first page is being loaded.
    const bool empty = m_proxy->rowCount() == 0 && m_session->isLoggedIn() && !(m_busy > 0 && m_model->rowCount() == 0);
    if (!empty) {
        m_empty->hide();
        return;
    }
    if (m_model->rowCount() == 0) {
        m_emptyText->setText(app::emptyPageText(m_kind));
        m_emptyButton->setText(
            tr("Generate one (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    } else if (!m_search->text().isEmpty()) {
        m_emptyText->setText(tr("No match for \"%1\".").arg(m_search->text()));
        m_emptyButton->setText(tr("Clear search"));
    } else if (m_status->currentIndex() > 0) {
        m_emptyText->setText(tr("Nothing has the status \"%1\".").arg(m_status->currentText()));
        m_emptyButton->setText(tr("Show all"));
    } else {
        m_emptyText->setText(tr("%1 owns none of these.").arg(m_owner->currentText()));
        m_emptyButton->setText(tr("Show all"));
    }
    m_empty->setGeometry(m_view->viewport()->rect());
    m_empty->show();
    m_empty->raise();
}

void CredentialsPage::setBusy(bool busy)
{
    m_busy = busy ? 1 : 0; // the service's busy state
    m_operation->setVisible(m_busy > 0);
    if (!m_service->isRevoking()) { // loading: no count, no cancel
        m_progress->setRange(0, 0);
        m_operationText->hide();
        m_cancelOperation->hide();
    }
    updateActions();
    updateEmptyState();
    emit busyChanged(m_busy > 0);
}

void CredentialsPage::showError(const app::ApiError& error, std::function<void()> retry)
{
    showError(error.userMessage(), std::move(retry));
}

void CredentialsPage::showError(const QString& text, std::function<void()> retry)
{
    m_errorBanner->showError(text, std::move(retry));
    emit statusMessage(text);
}

void CredentialsPage::clearError()
{
    m_errorBanner->clear();
}

void CredentialsPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CredentialsPage::updateDrain()
{
    const SelectionSummary selection = summarizeSelection();
    m_drainWatch->watch(m_kind, selection.count == 1 && selection.firstSourceRow >= 0
                                    ? m_model->record(selection.firstSourceRow)
                                    : protocol::ApiKeyDto());
}

void CredentialsPage::loadUsage()
{
    // Only while the Usage, Refusals or Audit tab shows, for one selected credential; an older answer is dropped.
    if (!m_detailTabs || m_detailTabs->currentIndex() == 0)
        return;
    const SelectionSummary selection = summarizeSelection();
    if (m_detailTabs->currentWidget() == m_auditView) {
        m_auditView->load(selection.count == 1 && selection.firstSourceRow >= 0
                              ? m_model->record(selection.firstSourceRow).id
                              : QString());
        return;
    }
    ++m_usageRequest;
    if (selection.count != 1 || selection.firstSourceRow < 0) {
        m_usageView->setMessage(tr("Select one credential to see how it is used."));
        m_refusalsView->setMessage(tr("Select one credential to see its refused requests."));
        return;
    }
    const protocol::ApiKeyDto record = m_model->record(selection.firstSourceRow);
    m_usageView->setMessage(tr("Loading…"));
    m_refusalsView->setMessage(tr("Loading…"));
    const int request = m_usageRequest;
    auto* job = new app::UsageJob(m_service->client(), m_kind, record.id, 30, this);
    app::runJob(job, this, [this, job, request, allowlist = record.ipAllowlist] {
        if (request != m_usageRequest)
            return;
        if (!job->error().ok()) {
            m_usageView->setMessage(job->error().userMessage());
            m_refusalsView->setMessage(job->error().userMessage());
            return;
        }
        m_usageView->setUsage(job->usage());
        m_refusalsView->setUsage(job->usage(), allowlist);
    });
}

void CredentialsPage::setPeople(const QHash<QString, QString>& people, const QString& me, bool admin)
{
    m_model->setPeople(people, me);
    const QString kept = m_owner->currentData().toString();
    QSignalBlocker block(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("Everyone"), QString());
    if (!me.isEmpty())
        m_owner->addItem(tr("Mine"), QString(u"user:"_s + me));
    QList<QPair<QString, QString>> others;
    for (auto it = people.cbegin(); it != people.cend(); ++it) {
        if (it.key() != me)
            others.append({it.value(), it.key()});
    }
    std::sort(others.begin(), others.end());
    for (const auto& [name, id] : std::as_const(others))
        m_owner->addItem(name, QString(u"user:"_s + id));
    m_owner->setCurrentIndex(qMax(0, m_owner->findData(kept)));
    // Whose tokens: UATs and private tokens belong to people; API keys to the tenant (their maker is still shown).
    m_owner->setVisible(admin && m_kind != app::CredentialKind::ApiKey);
    m_proxy->setOwnerFilter(m_owner->isVisible() ? m_owner->currentData().toString() : QString());
}

void CredentialsPage::showCredential(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // hidden by the search, the status or the owner filter
        m_search->clear();
        m_status->setCurrentIndex(0);
        m_owner->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->setFocus(Qt::OtherFocusReason);
}

void CredentialsPage::reload()
{
    clearError();
    m_service->reload();
}

void CredentialsPage::generate()
{
    if (app::kindInfo(m_kind).sessionOnly && m_session->credentialKind() != u"session"_s) {
        showError({app::ApiError::Kind::Http,
                   403,
                   u"insufficient_scope"_s,
                   tr("Private tokens can only be created after logging in with a password, not with a stored token."),
                   {},
                   0},
                  {});
        return;
    }
    m_generateRequested = true;
    m_service->fetchCatalog(); // catalogReady opens the dialog
}

void CredentialsPage::openGenerateDialog()
{
    auto* dialog = new GenerateDialog(m_kind, *m_service->catalog(), m_service->limits().value_or(app::Limits()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GenerateDialog::submitted, this,
            [this, dialog](const app::NewCredential& request) { submitNew(dialog, request); });
    dialog->open();
}

void CredentialsPage::submitNew(GenerateDialog* dialog, const app::NewCredential& request)
{
    dialog->setBusy(true);
    m_pendingCreates.insert(m_service->create(request), dialog);
}

void CredentialsPage::showSecret(const QString& name, QByteArray secret)
{
    auto* dialog = new SecretDialog(app::newSecretTitle(m_kind), name, std::move(secret), m_clipboard, this);
    dialog->setExample(m_kind, m_service->client()->baseUrl());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QStringList CredentialsPage::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        ids.append(index.data(CredentialModel::IdRole).toString());
    return ids;
}

void CredentialsPage::editSelected()
{
    editSelected(QString());
}

void CredentialsPage::editSelected(const QString& addAddress)
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const int row = m_model->rowOf(ids.constFirst());
    if (row < 0 || m_model->record(row).status == protocol::KeyStatus::Revoked)
        return;
    m_generateRequested = false;
    const protocol::ApiKeyDto record = m_model->record(row);
    const auto open = [this, record, addAddress] {
        auto* dialog =
            new GenerateDialog(m_kind, *m_service->catalog(), m_service->limits().value_or(app::Limits()), this);
        dialog->setEditing(record);
        if (!addAddress.isEmpty())
            dialog->addAllowlistEntry(addAddress);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &GenerateDialog::submitted, this, [this, dialog, record](const app::NewCredential& wanted) {
            // Only what changed is sent.
            QJsonObject changes;
            if (wanted.name != record.name)
                changes.insert(u"name"_s, wanted.name);
            if (wanted.description != record.description)
                changes.insert(u"description"_s, wanted.description);
            if (wanted.ipAllowlist != record.ipAllowlist)
                changes.insert(u"ipAllowlist"_s, QJsonArray::fromStringList(wanted.ipAllowlist));
            if (wanted.rateLimit != record.rateLimit) {
                changes.insert(u"rateLimit"_s,
                               wanted.rateLimit.isSet()
                                   ? QJsonValue(QJsonObject{{u"requests"_s, wanted.rateLimit.requests},
                                                            {u"perSeconds"_s, wanted.rateLimit.perSeconds}})
                                   : QJsonValue());
            }
            if (changes.isEmpty()) {
                dialog->accept();
                return;
            }
            dialog->setBusy(true);
            m_pendingEdits.insert(m_service->update(record.id, changes), dialog);
        });
        dialog->open();
    };
    withCatalog(open);
}

void CredentialsPage::rotateSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const int row = m_model->rowOf(ids.constFirst());
    if (row < 0)
        return;
    const protocol::ApiKeyDto record = m_model->record(row);
    withCatalog([this, record] {
        auto* dialog = new RotateDialog(record.name, m_kind, m_service->limits().value_or(app::Limits()), this);
        dialog->setLifetime(record.createdAt, record.expiresAt);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog, id = record.id] { m_service->rotate(id, dialog->graceSeconds(), dialog->expiry()); });
        dialog->open();
    });
}

void CredentialsPage::withCatalog(std::function<void()> open)
{
    if (m_service->catalog() && m_service->limits()) {
        open();
        return;
    }
    // The forms need the scope catalog and the limits: fetched once, then the dialog opens.
    auto* once = new QObject(this);
    connect(m_service, &app::CredentialService::catalogReady, once, [open, once] {
        once->deleteLater();
        open();
    });
    connect(m_service, &app::CredentialService::catalogFailed, once, [once] { once->deleteLater(); });
    m_service->fetchCatalog();
}

QString CredentialsPage::nameList(const QStringList& names)
{
    const qsizetype shown = qMin<qsizetype>(names.size(), 10);
    QString list = u"<ul>"_s;
    for (qsizetype i = 0; i < shown; ++i)
        list += u"<li>"_s + names.at(i).toHtmlEscaped() + u"</li>"_s;
    if (names.size() > shown)
        list += u"<li>"_s + tr("and %n more", nullptr, int(names.size() - shown)) + u"</li>"_s;
    return list + u"</ul>"_s;
}

void CredentialsPage::revokeSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QStringList names;
    names.reserve(ids.size());
    int alreadyRevoked = 0;
    // Each named with its visible key, so that two keys of one name can be told apart.
    const app::CredentialRows& rows = m_model->rows();
    for (const QString& id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        if (rows.status(row) == protocol::KeyStatus::Revoked) {
            ++alreadyRevoked; // skipped: not sent, not audited again
            continue;
        }
        names.append(protocol::credentialLabel(rows.name(row), rows.prefix(row), rows.last4(row)));
    }
    if (names.isEmpty())
        return;
    names.sort(Qt::CaseInsensitive);
    const QString list = nameList(names);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Revoke"),
                        tr("Revoke %n credential(s)? Every request made with them fails from now on; this "
                           "cannot be undone.",
                           nullptr, int(names.size())) +
                            list +
                            (alreadyRevoked > 0 ? tr("%n of those selected are already revoked and are skipped.",
                                                     nullptr, alreadyRevoked)
                                                : QString()),
                        QMessageBox::Cancel, this);
    box->setObjectName(u"revokeConfirm"_s);
    box->setTextFormat(Qt::RichText);
    QPushButton* revoke = box->addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    revoke->setObjectName(u"confirmRevokeButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, revoke, ids](QAbstractButton* button) {
        if (button == revoke)
            m_service->revoke(ids);
    });
    box->open();
}

void CredentialsPage::toggleSuspendedSelected()
{
    const SelectionSummary selection = summarizeSelection();
    if (selection.count != 1 || selection.firstSourceRow < 0)
        return;
    const protocol::ApiKeyDto record = m_model->record(selection.firstSourceRow);
    if (record.status == protocol::KeyStatus::Suspended) {
        m_service->setSuspended(record.id, false); // resuming takes nothing away: no confirmation
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Suspend"),
                                tr("Suspend %1? Requests made with it are refused until it is resumed; nothing else "
                                   "changes, and it can be resumed at any time.")
                                    .arg(protocol::credentialLabel(record.name, record.prefix, record.last4)),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"suspendConfirm"_s);
    QPushButton* suspend = box->addButton(tr("Suspend"), QMessageBox::AcceptRole);
    suspend->setObjectName(u"confirmSuspendButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, suspend, id = record.id](QAbstractButton* button) {
        if (button == suspend)
            m_service->setSuspended(id, true);
    });
    box->open();
}

void CredentialsPage::exportShown()
{
    const QString csv = tr("CSV files (*.csv)");
    const QString json = tr("JSON files (*.json)");
    auto* dialog = new QFileDialog(this, tr("Export"), QString(), csv + u";;"_s + json);
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->selectFile(
        app::suggestedExportName(m_kind, m_session->tenantId(), QDate::currentDate(), app::ExportFormat::Csv));
    connect(dialog, &QFileDialog::filterSelected, dialog,
            [dialog, json](const QString& filter) { dialog->setDefaultSuffix(filter == json ? u"json"_s : u"csv"_s); });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CredentialsPage::exportTo);
    dialog->open();
}

void CredentialsPage::exportTo(const QString& path)
{
    // What the search and the status filter show, in the order shown.
    QList<protocol::ApiKeyDto> records;
    records.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        records.append(m_model->record(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showError({app::ApiError::Kind::Http, 0, {}, tr("Cannot write %1: %2").arg(path, file.errorString()), {}, 0},
                  {});
        return;
    }
    file.write(app::exportCredentials(records, m_kind, app::exportFormatFor(path)));
    if (!file.commit())
        showError({app::ApiError::Kind::Http, 0, {}, tr("Cannot write %1: %2").arg(path, file.errorString()), {}, 0},
                  {});
    else
        emit statusMessage(tr("Exported %n row(s) to %1.", nullptr, m_proxy->rowCount()).arg(path));
}

CredentialsPage::SelectionSummary CredentialsPage::summarizeSelection() const
{
    // From the selection's ranges, without listing every selected row: select-all at 100k stays immediate.
    SelectionSummary summary;
    const QItemSelection selection = m_view->selectionModel()->selection();
    QSet<int> seen; // ranges of one selection may overlap by row when columns were selected apart
    for (const QItemSelectionRange& range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (selection.size() > 1) {
                if (seen.contains(row))
                    continue;
                seen.insert(row);
            }
            ++summary.count;
            const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
            if (summary.count == 1)
                summary.firstSourceRow = source;
            if (!summary.anyActive && source >= 0 && m_model->rows().status(source) == protocol::KeyStatus::Active)
                summary.anyActive = true;
        }
    }
    return summary;
}

void CredentialsPage::updateActions()
{
    const SelectionSummary selection = summarizeSelection();
    const bool anyActive = selection.anyActive;
    QStringList ids;
    if (selection.count == 1 && selection.firstSourceRow >= 0)
        ids.append(m_model->rows().id(selection.firstSourceRow));
    bool rotatable = false;
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.constFirst());
        rotatable = row >= 0 && m_model->record(row).status == protocol::KeyStatus::Active &&
                    m_model->record(row).rotatedTo.isEmpty();
    }
    bool editable = false;
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.constFirst());
        editable = row >= 0 && m_model->record(row).status != protocol::KeyStatus::Revoked;
    }
    m_editAction->setEnabled(editable);
    m_copyIdAction->setEnabled(selection.count > 0);
    m_auditAction->setEnabled(ids.size() == 1);
    m_rotateAction->setEnabled(rotatable);
    // Suspend or Resume, as the one selected credential is; revoked and expired ones are neither.
    bool suspendable = false;
    bool suspended = false;
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.constFirst());
        const protocol::KeyStatus status = row >= 0 ? m_model->rows().status(row) : protocol::KeyStatus::Revoked;
        suspended = status == protocol::KeyStatus::Suspended;
        suspendable = status == protocol::KeyStatus::Active || suspended;
    }
    m_suspendAction->setEnabled(suspendable);
    m_suspendAction->setText(suspended ? tr("Res&ume") : tr("&Suspend"));
    m_suspendAction->setIcon(themedIcon(suspended ? u"media-playback-start"_s : u"media-playback-pause"_s));
    m_revokeAction->setEnabled(anyActive && !m_service->isRevoking());
    m_exportAction->setEnabled(m_proxy->rowCount() > 0);
}

void CredentialsPage::updateDetails()
{
    const SelectionSummary selection = summarizeSelection();
    if (selection.count != 1 || selection.firstSourceRow < 0) {
        m_details->setHtml(selection.count == 0 ? tr("Select an item to see its details.")
                                                : tr("%n items selected.", nullptr, selection.count));
        return;
    }
    const int row = selection.firstSourceRow;
    const protocol::ApiKeyDto& r = m_model->record(row);
    const QLocale locale;
    auto when = [&](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::LongFormat) : tr("—");
    };
    auto line = [](const QString& label, const QString& value) {
        return u"<tr><td style='padding-right:8px;color:gray;white-space:nowrap'>%1</td><td>%2</td></tr>"_s.arg(
            label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = u"<h3>%1</h3>"_s.arg(r.name.toHtmlEscaped());
    if (!r.description.isEmpty())
        html += u"<p>%1</p>"_s.arg(r.description.toHtmlEscaped());
    html += u"<table>"_s;
    html += line(tr("Status"), CredentialModel::statusText(m_model->displayStatus(row)));
    html += line(tr("Key"), r.prefix + u"…"_s + r.last4);
    html += line(tr("Id"), r.id);
    html += line(app::kindInfo(m_kind).rightsField == u"permissions"_s ? tr("Permissions") : tr("Scopes"),
                 r.scopes.join(u", "_s));
    html += line(tr("Created"), when(r.createdAt));
    html += line(tr("Created by"), r.createdBy);
    html += line(tr("Expires"),
                 r.expiresAt.isValid()
                     ? when(r.expiresAt) + u" ("_s + CredentialModel::relativeTime(r.expiresAt, m_model->now()) + u')'
                     : tr("Never"));
    html += line(tr("Last used"), r.lastUsedAt.isValid() ? when(r.lastUsedAt) + u' ' + r.lastUsedIp : tr("Never"));
    html += line(tr("IP allowlist"), r.ipAllowlist.isEmpty() ? tr("Any address") : r.ipAllowlist.join(u", "_s));
    if (r.revokedAt.isValid())
        html += line(tr("Revoked"), tr("%1 by %2").arg(when(r.revokedAt), r.revokedBy));
    html += line(tr("Rate limit"),
                 r.rateLimit.isSet()
                     ? tr("%n request(s) per %1 s", nullptr, r.rateLimit.requests).arg(r.rateLimit.perSeconds)
                     : tr("None of its own"));
    if (r.suspendedAt.isValid())
        html += line(tr("Suspended"), when(r.suspendedAt));
    if (!r.rotatedFrom.isEmpty())
        html += line(tr("Replaces"), r.rotatedFrom);
    if (!r.rotatedTo.isEmpty())
        html += line(tr("Replaced by"), r.rotatedTo);
    html += u"</table>"_s;
    m_details->setHtml(html);
}

} // namespace td::ui
