#include "AuditPage.h"

#include "Banner.h"
#include "app/ApiClient.h"
#include "app/AuditModel.h"
#include "app/Jobs.h"
#include "app/Session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    auto* bar = new QHBoxLayout;
    m_target = new QLineEdit(this);
    m_target->setObjectName(u"targetEdit"_s);
    m_target->setPlaceholderText(tr("Only events of one credential: paste its id (e.g. key_…)"));
    m_target->setClearButtonEnabled(true);
    m_target->setAccessibleName(tr("Target id filter"));
    auto* refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(u"auditRefresh"_s);
    refresh->setShortcut(QKeySequence::Refresh);
    bar->addWidget(m_target, 1);
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
    connect(m_more, &QPushButton::clicked, this, &AuditPage::loadMore);
    connect(session, &app::Session::tenantChanged, this, &AuditPage::reload);
}

void AuditPage::showTarget(const QString& id)
{
    m_target->setText(id);
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
    auto* job = new app::AuditEventsJob(m_client, m_target->text().trimmed(), cursor, 200, this);
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
