#include "MainWindow.h"

#include "AboutDialog.h"
#include "AuditPage.h"
#include "Banner.h"
#include "CredentialsPage.h"
#include "Delegates.h"
#include "ElidedLabel.h"
#include "ExpiryPage.h"
#include "Icons.h"
#include "InspectorPage.h"
#include "NotificationsDialog.h"
#include "PeoplePage.h"
#include "RiskReviewPage.h"
#include "SecretDialog.h"
#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/CredentialFilterModel.h"
#include "app/CredentialModel.h"
#include "app/CredentialService.h"
#include "app/ExpiryModel.h"
#include "app/Jobs.h"
#include "app/PeopleJobs.h"
#include "app/Session.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

MainWindow::MainWindow(app::ApiClient* client, app::Session* session, app::ClipboardGuard* clipboard, QWidget* parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_clipboard(clipboard)
    , m_session(session)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("TokenDesk"));
    setWindowIcon(QIcon(u":/icons/tokendesk.svg"_s));

    // The connection bar: environment, profile, user, tenant, session, Log out. Its texts elide (whole in a tooltip)
    // so that it fits 1024 px in every language and Log out never goes into an overflow menu.
    auto* bar = new QWidget(this);
    bar->setObjectName(u"connectionBar"_s);
    auto* barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(6, 4, 6, 4);
    m_environment = new QLabel(bar);
    m_environment->setObjectName(u"environmentLabel"_s);
    m_profileName = new ElidedLabel(bar);
    m_profileName->setObjectName(u"profileLabel"_s);
    m_user = new ElidedLabel(bar);
    m_user->setObjectName(u"userLabel"_s);
    m_tenant = new QComboBox(bar);
    m_tenant->setObjectName(u"tenantCombo"_s);
    m_tenant->setAccessibleName(tr("Tenant"));
    m_tenant->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tenant->setMinimumContentsLength(8);
    m_timeLeft = new ElidedLabel(bar);
    m_timeLeft->setObjectName(u"sessionLabel"_s);
    m_timeLeft->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    barLayout->addWidget(m_environment);
    barLayout->addWidget(m_profileName, 2);
    barLayout->addSpacing(12);
    barLayout->addWidget(m_user, 2);
    barLayout->addSpacing(12);
    auto* tenantLabel = new QLabel(tr("&Tenant:"), bar);
    tenantLabel->setBuddy(m_tenant);
    barLayout->addWidget(tenantLabel);
    barLayout->addWidget(m_tenant);
    barLayout->addSpacing(12);
    barLayout->addWidget(m_timeLeft, 1);
    auto* logout = new QAction(themedIcon(u"system-log-out"_s), tr("Log &out"), this);
    logout->setObjectName(u"logoutAction"_s);
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    auto* logoutButton = new QToolButton(bar);
    logoutButton->setObjectName(u"logoutButton"_s);
    logoutButton->setDefaultAction(logout);
    logoutButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    barLayout->addWidget(logoutButton);

    // The sidebar (fixed width, see below) and the page shown.
    auto* body = new QWidget(this);
    auto* bodyLayout = new QHBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(0);
    m_nav = new QListWidget(body);
    m_nav->setObjectName(u"navigation"_s);
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setMaximumWidth(240);
    m_stack = new QStackedWidget(body);
    bodyLayout->addWidget(m_nav);
    bodyLayout->addWidget(m_stack, 1);
    for (const app::CredentialKindInfo& info : app::credentialKinds()) {
        const app::CredentialKind kind = info.kind;
        auto* service = new app::CredentialService(kind, client, this);
        auto* page = new CredentialsPage(service, session, clipboard, m_stack);
        m_pages.append(page);
        m_stack->addWidget(page);
        m_nav->addItem(new QListWidgetItem(themedIcon(QLatin1StringView(info.icon)), app::kindTitle(kind)));
        connect(page, &CredentialsPage::auditRequested, this, [this](const QString& id) {
            showSupportPage(SupportPage::Audit);
            m_audit->showTarget(id);
        });
        connect(page, &CredentialsPage::statusMessage, this, [this, page](const QString& text) {
            if (m_stack->currentWidget() == page) // other pages load in the background
                statusBar()->showMessage(text, 8000);
        });
    }
    // Support pages: the expiry overview over all three kinds, the token inspector, the audit log.
    auto* expiryModel = new app::ExpiryModel(this);
    for (CredentialsPage* p : std::as_const(m_pages))
        expiryModel->addSource(p->kind(), p->service()->model());
    m_expiry = new ExpiryPage(expiryModel, m_stack);
    // A kind that failed to load leaves the overview incomplete: it says so, with Retry, until every kind has loaded.
    for (CredentialsPage* p : std::as_const(m_pages)) {
        const app::CredentialKind kind = p->kind();
        connect(p->service(), &app::CredentialService::loadFailed, this, [this, kind](const app::ApiError& error) {
            m_failedKinds.insert(int(kind));
            m_expiry->banner()->showError(tr("The overview is incomplete: %1 could not be loaded. %2")
                                              .arg(app::kindTitle(kind), error.userMessage()),
                                          [this] {
                                              for (CredentialsPage* page : std::as_const(m_pages))
                                                  page->reload();
                                          });
        });
        connect(p->service(), &app::CredentialService::loaded, this, [this, kind] {
            m_failedKinds.remove(int(kind));
            if (m_failedKinds.isEmpty())
                m_expiry->banner()->clear();
        });
    }
    connect(m_expiry, &ExpiryPage::openRequested, this, [this](app::CredentialKind kind, const QString& id) {
        showPage(kind);
        page(kind)->showCredential(id);
    });
    m_risk = new RiskReviewPage(client, m_stack);
    connect(m_risk, &RiskReviewPage::openRequested, this, [this](app::CredentialKind kind, const QString& id) {
        showPage(kind);
        page(kind)->showCredential(id);
    });
    connect(m_risk, &RiskReviewPage::credentialsChanged, this,
            [this](app::CredentialKind kind) { page(kind)->reload(); });
    m_inspector = new InspectorPage(client, m_stack);
    m_audit = new AuditPage(client, session, m_stack);
    QList<app::CredentialModel*> sources;
    for (CredentialsPage* p : std::as_const(m_pages))
        sources.append(p->model());
    m_audit->setCredentialSources(sources);
    m_people = new PeoplePage(client, m_clipboard, m_stack);
    connect(m_people, &PeoplePage::credentialsChanged, this,
            [this](app::CredentialKind kind) { page(kind)->reload(); });
    for (auto [widget, title, icon] :
         {std::tuple<QWidget*, QString, QString>{m_expiry, tr("Expiry overview"), u"x-office-calendar"_s},
          std::tuple<QWidget*, QString, QString>{m_risk, tr("Risk review"), u"dialog-warning"_s},
          std::tuple<QWidget*, QString, QString>{m_inspector, tr("Token Inspector"), u"document-properties"_s},
          std::tuple<QWidget*, QString, QString>{m_people, tr("People"), u"user-identity"_s},
          std::tuple<QWidget*, QString, QString>{m_audit, tr("Audit log"), u"view-list-details"_s}}) {
        m_stack->addWidget(widget);
        m_nav->addItem(new QListWidgetItem(themedIcon(icon), title));
    }
    // The sidebar is as wide as its longest title and its count need, at most 200 px; longer titles wrap.
    m_nav->setWordWrap(true);
    m_nav->setTextElideMode(Qt::ElideNone);
    int navWidth = 0;
    for (int i = 0; i < m_nav->count(); ++i)
        navWidth = qMax(navWidth, m_nav->fontMetrics().horizontalAdvance(m_nav->item(i)->text()));
    m_nav->setIconSize(QSize(20, 20));
    // Room for the icon, the count and a badge beside the title.
    m_nav->setFixedWidth(qMin(navWidth + 2 * m_nav->frameWidth() + 20 + 24 + 56, 200));
    m_nav->setItemDelegate(new NavigationDelegate(m_nav));
    m_navTimer.setSingleShot(true);
    m_navTimer.setInterval(0); // once per burst of changes
    connect(&m_navTimer, &QTimer::timeout, this, &MainWindow::updateNavigation);
    for (CredentialsPage* p : std::as_const(m_pages)) {
        app::CredentialModel* model = p->model();
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, &m_navTimer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::modelReset, &m_navTimer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::dataChanged, &m_navTimer, qOverload<>(&QTimer::start));
    }
    // "Expiring soon" moves with the clock, not only with the data.
    connect(&m_clock, &QTimer::timeout, &m_navTimer, qOverload<>(&QTimer::start));
    updateNavigation();
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(bar);
    auto* rule = new QFrame(central);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    centralLayout->addWidget(rule);
    // What concerns the whole window: the demo server starting, or gone (with Restart).
    m_windowBanner = new Banner(u"windowBanner"_s, u"windowBannerText"_s, u"windowBannerButton"_s, central);
    auto* bannerBox = new QWidget(central);
    auto* bannerLayout = new QVBoxLayout(bannerBox);
    bannerLayout->setContentsMargins(8, 6, 8, 0);
    bannerLayout->addWidget(m_windowBanner);
    bannerBox->setVisible(false);
    m_windowBanner->installEventFilter(this);
    m_bannerBox = bannerBox;
    centralLayout->addWidget(bannerBox);
    centralLayout->addWidget(body, 1);
    setCentralWidget(central);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // The audit log is read anew whenever it is opened: what happened meanwhile is what support looks for.
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        if (m_stack->currentWidget() == m_audit && !m_audit->isBusy())
            m_audit->reload();
        if (m_stack->currentWidget() == m_risk)
            m_risk->reload(); // findings move with every use and change
        if (m_stack->currentWidget() == m_people) {
            m_people->reload(); // who is who changes elsewhere too
            loadPeople();
        }
    });
    m_nav->setCurrentRow(0);

    connect(m_tenant, &QComboBox::activated, this,
            [this] { m_session->switchTenant(m_tenant->currentData().toString()); });
    connect(m_session, &app::Session::expiresAtChanged, this, &MainWindow::updateTimeLeft);
    connect(m_session, &app::Session::loggedIn, this, &MainWindow::updateConnectionBar);
    connect(m_session, &app::Session::tenantChanged, this, &MainWindow::updateConnectionBar);
    connect(m_session, &app::Session::tenantChanged, this, &MainWindow::applyRole);
    m_clock.setInterval(30000);
    connect(&m_clock, &QTimer::timeout, this, &MainWindow::updateTimeLeft);
    m_clock.start();

    // File → Quit, and the credential pages' shortcuts for the whole window: they work wherever the focus is (the
    // sidebar included), on the page shown.
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(u"fileMenu"_s);
    QAction* exportAction = fileMenu->addAction(themedIcon(u"document-save-as"_s), tr("&Export…"));
    exportAction->setObjectName(u"exportMenuAction"_s);
    connect(exportAction, &QAction::triggered, this, [this] {
        if (auto* current = qobject_cast<CredentialsPage*>(m_stack->currentWidget()))
            current->exportShown();
    });
    connect(m_stack, &QStackedWidget::currentChanged, exportAction, [this, exportAction] {
        exportAction->setEnabled(qobject_cast<CredentialsPage*>(m_stack->currentWidget()));
    });
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(themedIcon(u"application-exit"_s), tr("&Quit"));
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // not QKeySequence::Quit: Windows has none
    quit->setMenuRole(QAction::QuitRole);
    quit->setShortcutContext(Qt::WindowShortcut);
    addAction(quit); // the shortcut works without the menu bar (a native or hidden one)
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto pageShortcut = [this](const QString& name, const QKeySequence& keys, void (CredentialsPage::*slot)()) {
        auto* action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, [this, slot] {
            if (auto* current = qobject_cast<CredentialsPage*>(m_stack->currentWidget()))
                (current->*slot)();
        });
    };
    pageShortcut(u"generateShortcut"_s, QKeySequence::New, &CredentialsPage::generate);
    pageShortcut(u"revokeShortcut"_s, QKeySequence::Delete, &CredentialsPage::revokeSelected);
    pageShortcut(u"findShortcut"_s, QKeySequence::Find, &CredentialsPage::focusSearch);
    pageShortcut(u"refreshShortcut"_s, QKeySequence::Refresh, &CredentialsPage::reload);

    // Settings: the language follows the system unless chosen here (from the next start on).
    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->setObjectName(u"settingsMenu"_s);
    QAction* connections = settingsMenu->addAction(themedIcon(u"network-server"_s), tr("&Connections…"));
    connections->setObjectName(u"connectionsAction"_s);
    connect(connections, &QAction::triggered, this, &MainWindow::connectionsRequested);
    QAction* calendar = settingsMenu->addAction(themedIcon(u"x-office-calendar"_s), tr("Calendar &feed…"));
    calendar->setObjectName(u"calendarFeedAction"_s);
    connect(calendar, &QAction::triggered, this, &MainWindow::createCalendarFeed);
    QAction* notifications =
        settingsMenu->addAction(themedIcon(u"preferences-desktop-notification"_s), tr("&Notifications…"));
    notifications->setObjectName(u"notificationsAction"_s);
    connect(notifications, &QAction::triggered, this, [this] {
        // One per window, not modal: deliveries can be watched while credentials are revoked or rotated.
        auto* dialog = findChild<NotificationsDialog*>(u"notificationsDialog"_s);
        if (!dialog) {
            dialog = new NotificationsDialog(m_client, m_clipboard, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    QMenu* languageMenu = settingsMenu->addMenu(tr("&Language"));
    languageMenu->setObjectName(u"languageMenu"_s);
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(u"language"_s).toString();
    // Languages are named in their own language, so that anyone can find theirs.
    for (const auto& [code, name] : {std::pair{QString(), tr("System default")}, std::pair{u"en"_s, u"English"_s},
                                     std::pair{u"de"_s, u"Deutsch"_s}, std::pair{u"fr"_s, u"Français"_s}}) {
        QAction* action = languageMenu->addAction(name);
        action->setObjectName(u"language_"_s + (code.isEmpty() ? u"system"_s : code));
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == current);
        languages->addAction(action);
    }
    connect(languages, &QActionGroup::triggered, this, [this](QAction* action) {
        QSettings().setValue(u"language"_s, action->data().toString());
        statusBar()->showMessage(tr("The language changes the next time TokenDesk starts."), 8000);
    });

    // Help: version, licence and the Qt/OpenSSL in use; one About dialog at a time, not modal.
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    QAction* about = help->addAction(themedIcon(u"help-about"_s), tr("&About TokenDesk"));
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto* dialog = findChild<AboutDialog*>(u"aboutDialog"_s);
        if (!dialog) {
            dialog = new AboutDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setObjectName(u"aboutQtAction"_s);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt); // Qt's own (modal) box

    statusBar()->setObjectName(u"statusBar"_s);
    // How many items the page shows, of how many: permanent, so that a search's count does not vanish.
    m_count = new QLabel(statusBar());
    m_count->setObjectName(u"itemCount"_s);
    statusBar()->addPermanentWidget(m_count);
    const auto updateCount = [this] {
        m_count->setText(countText());
    };
    connect(m_stack, &QStackedWidget::currentChanged, this, updateCount);
    for (CredentialsPage* p : std::as_const(m_pages)) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(p->proxy(), signal, this, updateCount);
        connect(p->proxy(), &QAbstractItemModel::modelReset, this, updateCount);
        connect(p->proxy(), &QAbstractItemModel::layoutChanged, this, updateCount);
    }
    updateCount();
    QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1200, 720);
    restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
    updateConnectionBar();
}

MainWindow::~MainWindow() = default;

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The banner's margin box follows the banner.
    if (watched == m_windowBanner && (event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent))
        m_bannerBox->setVisible(event->type() == QEvent::ShowToParent);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::setProfile(const app::ConnectionProfile& profile)
{
    m_profile = profile;
    updateConnectionBar();
}

CredentialsPage* MainWindow::page(app::CredentialKind kind) const
{
    for (CredentialsPage* p : m_pages) {
        if (p->kind() == kind)
            return p;
    }
    return nullptr;
}

QString MainWindow::countText() const
{
    auto* current = qobject_cast<CredentialsPage*>(m_stack->currentWidget());
    if (!current)
        return {};
    const int shown = current->proxy()->rowCount();
    const int total = current->model()->rowCount();
    return shown == total ? tr("%n item(s)", nullptr, total) : tr("%1 of %n item(s)", nullptr, total).arg(shown);
}

void MainWindow::focusCurrentPage()
{
    activateWindow();
    if (auto* current = qobject_cast<CredentialsPage*>(m_stack->currentWidget()))
        current->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showPage(app::CredentialKind kind)
{
    m_nav->setCurrentRow(int(m_pages.indexOf(page(kind))));
}

void MainWindow::openCredential(app::CredentialKind kind, const QString& id)
{
    show();
    setWindowState(windowState() & ~Qt::WindowMinimized);
    raise();
    activateWindow();
    showPage(kind);
    CredentialsPage* p = page(kind);
    app::CredentialService* service = p->service();
    if (!service->isLoading() && p->model()->rowOf(id) >= 0) {
        p->showCredential(id);
        return;
    }
    // Still loading, or created since the page was loaded: once the page has (re)loaded.
    auto* once = new QObject(this);
    connect(service, &app::CredentialService::loaded, once, [this, p, id, once] {
        once->deleteLater();
        if (p->model()->rowOf(id) < 0) {
            statusBar()->showMessage(tr("The credential is no longer listed: it was deleted, or belongs to another "
                                        "tenant."),
                                     8000);
            return;
        }
        p->showCredential(id);
    });
    connect(service, &app::CredentialService::loadFailed, once, &QObject::deleteLater);
    if (!service->isLoading())
        p->reload();
}

void MainWindow::showSupportPage(SupportPage page)
{
    QWidget* widget = page == SupportPage::Expiry      ? static_cast<QWidget*>(m_expiry)
                      : page == SupportPage::Risk      ? static_cast<QWidget*>(m_risk)
                      : page == SupportPage::Inspector ? static_cast<QWidget*>(m_inspector)
                      : page == SupportPage::People    ? static_cast<QWidget*>(m_people)
                                                       : static_cast<QWidget*>(m_audit);
    m_nav->setCurrentRow(m_stack->indexOf(widget));
}

void MainWindow::reloadAll()
{
    applyRole();
    const bool admin = isAdmin();
    for (CredentialsPage* p : std::as_const(m_pages)) {
        if (admin || p->kind() != app::CredentialKind::ApiKey)
            p->reload();
    }
    if (admin)
        m_audit->reload();
}

bool MainWindow::isAdmin() const
{
    for (const protocol::TenantDto& t : m_session->tenants()) {
        if (t.id == m_session->tenantId())
            return t.role == u"admin"_s;
    }
    return true; // unknown (an old server): show everything, the server decides
}

void MainWindow::applyRole()
{
    const bool admin = isAdmin();
    const QList<QWidget*> adminOnly = {page(app::CredentialKind::ApiKey), m_risk, m_inspector, m_audit, m_people};
    for (QWidget* w : adminOnly) {
        if (QListWidgetItem* item = m_nav->item(m_stack->indexOf(w)))
            item->setHidden(!admin);
    }
    for (const char* name : {"notificationsAction", "calendarFeedAction"}) {
        if (auto* action = findChild<QAction*>(QLatin1String(name)))
            action->setVisible(admin);
    }
    if (QListWidgetItem* current = m_nav->currentItem(); current && current->isHidden()) {
        for (int i = 0; i < m_nav->count(); ++i) {
            if (!m_nav->item(i)->isHidden()) {
                m_nav->setCurrentRow(i);
                break;
            }
        }
    }
    // Without admin the server lists one's own tokens only: every row is "You".
    for (CredentialsPage* p : std::as_const(m_pages))
        p->setPeople(admin ? m_peopleNames : QHash<QString, QString>(), m_session->user().id, admin);
    if (admin)
        loadPeople();
}

void MainWindow::loadPeople()
{
    // Who is who, for the Owner column and the owner filter: the e-mail of each member of the tenant.
    auto* job = new app::PeopleJob(m_client, this);
    const QString tenant = m_session->tenantId();
    app::runJob(job, this, [this, job, tenant] {
        if (!job->error().ok() || tenant != m_session->tenantId())
            return; // the columns keep showing ids; the pages say nothing is wrong with the credentials
        m_peopleNames.clear();
        for (const app::Person& person : job->people())
            m_peopleNames.insert(person.id, person.email);
        for (CredentialsPage* p : std::as_const(m_pages))
            p->setPeople(m_peopleNames, m_session->user().id, true);
    });
}

void MainWindow::updateConnectionBar()
{
    const QString color = app::ConnectionProfile::environmentColor(m_profile.environment);
    m_environment->setText(app::ConnectionProfile::environmentName(m_profile.environment).toUpper());
    m_environment->setStyleSheet(
        u"QLabel { background: %1; color: white; font-weight: bold; padding: 2px 8px; border-radius: 3px; }"_s.arg(
            color));
    m_environment->setAccessibleName(
        tr("Environment: %1").arg(app::ConnectionProfile::environmentName(m_profile.environment)));
    m_profileName->setText(m_client->baseUrl().isEmpty()
                               ? m_profile.name
                               : u"%1 — %2"_s.arg(m_profile.name, m_client->baseUrl().toString()));
    const protocol::UserDto& user = m_session->user();
    // A stored token is named by its kind, in the user's language.
    QString credential = tr("Signed in with a token");
    if (const app::CredentialKindInfo* info = protocol::kindByWireName(m_session->credentialKind()))
        credential = app::signedInWith(info->kind);
    m_user->setText(!m_session->isLoggedIn() ? tr("Not signed in")
                    : user.email.isEmpty()   ? credential
                                             : tr("Signed in as %1").arg(user.email));
    QSignalBlocker block(m_tenant);
    m_tenant->clear();
    for (const protocol::TenantDto& t : m_session->tenants())
        m_tenant->addItem(t.role.isEmpty() ? t.name : tr("%1 (%2)").arg(t.name, t.role), t.id);
    m_tenant->setCurrentIndex(m_tenant->findData(m_session->tenantId()));
    m_tenant->setEnabled(m_tenant->count() > 1);
    setWindowTitle(tr("TokenDesk — %1").arg(m_profile.name));
    updateTimeLeft();
}

void MainWindow::updateNavigation()
{
    for (int i = 0; i < m_pages.size(); ++i) {
        const app::CredentialModel* model = m_pages.at(i)->model();
        const qint64 now = model->now().toMSecsSinceEpoch();
        int expiring = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            expiring += model->displayStatus(row, now) == app::CredentialModel::DisplayStatus::ExpiringSoon;
        QListWidgetItem* item = m_nav->item(i);
        item->setData(NavigationDelegate::CountRole, model->rowCount());
        item->setData(NavigationDelegate::ExpiringRole, expiring);
        // What the badge shows, in words, for the tooltip and screen readers.
        QString text = tr("%1: %n item(s)", nullptr, model->rowCount()).arg(app::kindTitle(m_pages.at(i)->kind()));
        if (expiring > 0)
            text += u", "_s + tr("%n expiring within 7 days", nullptr, expiring);
        item->setToolTip(text);
        item->setData(Qt::AccessibleTextRole, text);
    }
}

void MainWindow::updateTimeLeft()
{
    const QDateTime expires = m_session->expiresAt();
    if (!expires.isValid()) {
        m_timeLeft->setText(m_session->isLoggedIn() ? tr("Token without expiry") : tr("Not signed in"));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_timeLeft->setText(
        m_session->canRefresh()
            ? tr("Session renews %1")
                  .arg(app::CredentialModel::relativeTime(expires.addSecs(-app::Session::RenewAheadSeconds), now))
            : tr("Token expires %1").arg(app::CredentialModel::relativeTime(expires, now)));
}

void MainWindow::createCalendarFeed()
{
    // A key that can read the expiry calendar and nothing else: its URL goes into a calendar app, which keeps it.
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Calendar feed"),
        tr("Create a calendar feed of this tenant's expiries? Calendar apps (Outlook, Google Calendar, Apple "
           "Calendar, Thunderbird) subscribe to its address and remind you 7 days and 1 day before each credential "
           "expires.\n\nThe address holds a new API key that can read the calendar and nothing else. It is shown once; "
           "revoke the key \"Calendar feed\" on the API keys page to end the feed."),
        QMessageBox::Cancel, this);
    box->setObjectName(u"calendarFeedConfirm"_s);
    QPushButton* create = box->addButton(tr("Create"), QMessageBox::AcceptRole);
    create->setObjectName(u"confirmCalendarFeedButton"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, create](QAbstractButton* button) {
        if (button != create)
            return;
        app::NewCredential request;
        request.name = tr("Calendar feed");
        request.description = tr("Read-only expiry calendar, subscribed to by a calendar app");
        request.scopes = {u"calendar:read"_s};
        request.expiresAt = QDateTime::currentDateTimeUtc().addYears(1);
        auto* job = new app::CreateCredentialJob(m_client, app::CredentialKind::ApiKey, request, this);
        app::runJob(job, this, [this, job] {
            if (!job->error().ok()) {
                statusBar()->showMessage(job->error().userMessage(), 8000);
                return;
            }
            QUrl url = m_client->baseUrl().resolved(QUrl(u"/api/v1/calendar.ics"_s));
            url.setQuery(u"feed="_s + QString::fromLatin1(job->takeSecret()));
            auto* dialog =
                new SecretDialog(tr("Calendar feed"), job->result().record.name, url.toEncoded(), m_clipboard, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
            page(app::CredentialKind::ApiKey)->reload();
        });
    });
    box->open();
}

} // namespace td::ui
