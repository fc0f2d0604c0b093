#include "AuditPage.h"

#include "Banner.h"
#include "Icons.h"
#include "app/ApiClient.h"
#include "app/AuditModel.h"
#include "app/CredentialModel.h"
#include "app/CredentialRows.h"
#include "app/Jobs.h"
#include "app/Session.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

AuditPage::AuditPage(app::ApiClient* client, app::Session* session, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new app::AuditModel(this))
{
    setObjectName(u"auditPage"_s);
    auto* layout = new QVBoxLayout(this);
    // Filters for support staff: what happened, to which credential, when.
    auto* bar = new QHBoxLayout;
    m_action = new QComboBox(this);
    m_action->setObjectName(u"actionFilter"_s);
    m_action->setAccessibleName(tr("Action filter"));
    m_action->addItem(tr("All actions"), QStringList());
    QStringList created, changed, rotated, revoked;
    for (const app::CredentialKindInfo& info : app::credentialKinds()) {
        created << info.wireName + u".create"_s;
        changed << info.wireName + u".update"_s;
        rotated << info.wireName + u".rotate"_s;
        revoked << info.wireName + u".revoke"_s;
    }
    m_action->addItem(tr("Sign-ins and sessions"), QStringList{u"login"_s, u"login.failed"_s, u"login.rate_limited"_s,
                                                               u"refresh"_s, u"refresh.reuse"_s, u"logout"_s});
    m_action->addItem(tr("Failed sign-ins"),
                      QStringList{u"login.failed"_s, u"login.rate_limited"_s, u"refresh.reuse"_s});
    m_action->addItem(tr("Refused requests"), QStringList{u"auth.refused"_s});
    m_action->addItem(tr("Created"), created);
    m_action->addItem(tr("Changed"), changed);
    m_action->addItem(tr("Rotated"), rotated);
    m_action->addItem(tr("Revoked"), revoked);
    m_action->addItem(tr("Tokens inspected"), QStringList{u"token.introspect"_s});
    m_target = new QLineEdit(this);
    m_target->setObjectName(u"targetEdit"_s);
    m_target->setPlaceholderText(tr("All credentials: type a name or key to pick one"));
    m_target->setClearButtonEnabled(true);
    m_target->setAccessibleName(tr("Credential filter"));
    m_credentialNames = new QStringListModel(this);
    auto* completer = new QCompleter(m_credentialNames, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_target->setCompleter(completer);
    m_target->installEventFilter(this); // the list of credentials is read when the field gets the focus
    m_range = new QComboBox(this);
    m_range->setObjectName(u"rangeFilter"_s);
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Any time"), 0);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 24 hours"), 86400);
    m_range->addItem(tr("Last 7 days"), 7 * 86400);
    m_range->addItem(tr("Last 30 days"), 30 * 86400);
    m_range->addItem(tr("Between…"), -1);
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(u"fromEdit"_s);
    m_from->setAccessibleName(tr("From"));
    m_from->setCalendarPopup(true);
    m_until = new QDateTimeEdit(this);
    m_until->setObjectName(u"untilEdit"_s);
    m_until->setAccessibleName(tr("Until"));
    m_until->setCalendarPopup(true);
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-7));
    m_until->setDateTime(now.addSecs(3600));
    m_from->hide();
    m_until->hide();
    auto* refresh = new QPushButton(themedIcon(u"view-refresh"_s), tr("&Refresh"), this);
    refresh->setObjectName(u"auditRefresh"_s);
    refresh->setShortcut(QKeySequence::Refresh);
    bar->addWidget(m_action);
    bar->addWidget(m_target, 1);
    bar->addWidget(m_range);
    bar->addWidget(m_from);
    bar->addWidget(m_until);
    bar->addWidget(refresh);
    layout->addLayout(bar);
    m_banner = new Banner(u"auditBanner"_s, u"auditBannerText"_s, u"auditRetryButton"_s, this);
    layout->addWidget(m_banner);
    m_view = new QTableView(this);
    m_view->setObjectName(u"auditView"_s);
    m_view->setAccessibleName(tr("Audit log"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(app::AuditModel::At, 150);
    m_view->setColumnWidth(app::AuditModel::Actor, 220);
    m_view->setColumnWidth(app::AuditModel::Action, 200);
    m_view->setColumnWidth(app::AuditModel::Target, 240);
    layout->addWidget(m_view, 1);
    auto* bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setWordWrap(true);
    m_more = new QPushButton(tr("Load &older events"), this);
    m_more->setObjectName(u"loadMoreButton"_s);
    m_more->setEnabled(false);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more);
    layout->addLayout(bottom);
    connect(refresh, &QPushButton::clicked, this, &AuditPage::reload);
    connect(m_target, &QLineEdit::returnPressed, this, &AuditPage::reload);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& text) {
        m_target->setText(text);
        reload();
    });
    connect(m_target, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) // the clear button: all credentials again
            reload();
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = m_range->currentData().toInt() < 0;
        m_from->setVisible(between);
        m_until->setVisible(between);
        reload();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &AuditPage::reload);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &AuditPage::reload);
    connect(m_more, &QPushButton::clicked, this, &AuditPage::loadMore);
    connect(session, &app::Session::tenantChanged, this, &AuditPage::reload);
}

void AuditPage::setCredentialSources(const QList<app::CredentialModel*>& models)
{
    m_sources = models;
    for (app::CredentialModel* model : models) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, [this] { m_namesDirty = true; });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { m_namesDirty = true; });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { m_namesDirty = true; });
    }
    m_namesDirty = true;
}

void AuditPage::refreshCredentialNames()
{
    if (!m_namesDirty)
        return;
    m_namesDirty = false;
    m_idsByName.clear();
    QStringList names;
    for (const app::CredentialModel* model : std::as_const(m_sources)) {
        const app::CredentialRows& rows = model->rows();
        for (int row = 0; row < rows.size(); ++row) {
            const QString name = credentialName(rows.name(row), rows.prefix(row), rows.last4(row));
            names.append(name);
            m_idsByName.insert(name, rows.id(row));
        }
    }
    names.sort(Qt::CaseInsensitive);
    m_credentialNames->setStringList(names);
}

QString AuditPage::credentialName(const QString& name, const QString& prefix, const QString& last4)
{
    return protocol::credentialLabel(name, prefix, last4); // as the server names it in actorName/targetName
}

bool AuditPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_target && event->type() == QEvent::FocusIn)
        refreshCredentialNames();
    return QWidget::eventFilter(watched, event);
}

app::AuditFilter AuditPage::filter()
{
    app::AuditFilter f;
    const QString target = m_target->text().trimmed();
    refreshCredentialNames();
    // A picked credential by its name; an id as it is (e.g. from "Show audit events").
    f.targetId = m_idsByName.value(target, target);
    f.actions = m_action->currentData().toStringList();
    const int seconds = m_range->currentData().toInt();
    if (seconds > 0) {
        f.since = QDateTime::currentDateTimeUtc().addSecs(-seconds);
    } else if (seconds < 0) {
        f.since = m_from->dateTime().toUTC();
        f.until = m_until->dateTime().toUTC();
    }
    return f;
}

void AuditPage::showTarget(const QString& id)
{
    // Named as the picker names it when the credential is known here; the id otherwise.
    refreshCredentialNames();
    QString shown = id;
    for (auto it = m_idsByName.cbegin(); it != m_idsByName.cend(); ++it) {
        if (it.value() == id) {
            shown = it.key();
            break;
        }
    }
    const QSignalBlocker blockAction(m_action);
    const QSignalBlocker blockRange(m_range);
    m_action->setCurrentIndex(0);
    m_range->setCurrentIndex(0);
    m_from->hide();
    m_until->hide();
    m_target->setText(shown);
    reload();
}

QString AuditPage::lastError() const
{
    return m_banner->text();
}

void AuditPage::reload()
{
    ++m_generation;
    m_cursor.clear();
    load({});
}

void AuditPage::loadMore()
{
    if (!m_cursor.isEmpty())
        load(m_cursor);
}

void AuditPage::load(const QString& cursor)
{
    m_busy = true;
    m_more->setEnabled(false);
    m_status->setText(tr("Loading…"));
    const int generation = m_generation;
    app::AuditFilter f = filter();
    if (f.since.isValid() && f.until.isValid() && f.since >= f.until) {
        m_busy = false;
        m_banner->showError(tr("The end of the time range must be after its start."));
        return;
    }
    auto* job = new app::AuditEventsJob(m_client, std::move(f), cursor, 200, this);
    app::runJob(job, this, [this, job, cursor, generation] {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (!job->error().ok()) {
            m_status->clear();
            m_more->setEnabled(!m_cursor.isEmpty());
            // The same banner with Retry as the credential pages; Retry repeats what failed.
            m_banner->showError(job->error().userMessage(), [this, cursor] {
                if (cursor.isEmpty())
                    reload();
                else
                    load(cursor);
            });
            return;
        }
        m_banner->clear();
        if (cursor.isEmpty())
            m_model->setEvents(job->events());
        else
            m_model->appendEvents(job->events());
        m_cursor = job->nextCursor();
        m_more->setEnabled(!m_cursor.isEmpty());
        m_status->setText(tr("%n event(s)", nullptr, m_model->rowCount()));
    });
}

} // namespace td::ui
