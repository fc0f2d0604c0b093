#include "UsageView.h"

#include "app/ApiClient.h"
#include "app/AuditModel.h"
#include "app/CredentialModel.h"
#include "app/Palette.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace td::ui {

UsageChart::UsageChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"usageChart"_s);
    setAccessibleName(tr("Requests per day"));
    setMinimumHeight(90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize UsageChart::sizeHint() const
{
    return {240, 110};
}

void UsageChart::setUsage(const app::CredentialUsage& usage, const QDate& today)
{
    m_first = today.addDays(-(usage.days - 1));
    m_perDay = QList<qint64>(usage.days, 0);
    for (const auto& [date, count] : usage.daily) {
        const qint64 index = m_first.daysTo(date);
        if (index >= 0 && index < m_perDay.size())
            m_perDay[index] += count;
    }
    const qint64 total = std::accumulate(m_perDay.cbegin(), m_perDay.cend(), qint64(0));
    setAccessibleDescription(tr("%n request(s) in the last %1 days", nullptr, int(total)).arg(usage.days));
    update();
}

void UsageChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(2, 4, -2, -fontMetrics().height() - 4);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    painter.setPen(muted);
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_perDay.isEmpty())
        return;
    const qint64 most = std::max<qint64>(1, *std::max_element(m_perDay.cbegin(), m_perDay.cend()));
    const qreal width = qreal(area.width()) / m_perDay.size();
    painter.setPen(Qt::NoPen);
    painter.setBrush(app::palette::good());
    for (int i = 0; i < m_perDay.size(); ++i) {
        if (m_perDay.at(i) == 0)
            continue;
        const int height = std::max(2, int(qreal(area.height()) * m_perDay.at(i) / most));
        painter.drawRect(QRectF(area.left() + i * width + 1, area.bottom() - height, std::max(1.0, width - 2), height));
    }
    // The first and the last day under the axis; the most requests in a day at the top.
    const QLocale locale;
    painter.setPen(muted);
    const QRect labels(area.left(), area.bottom() + 2, area.width(), fontMetrics().height());
    painter.drawText(labels, Qt::AlignLeft, locale.toString(m_first, u"d MMM"_s));
    painter.drawText(labels, Qt::AlignRight, locale.toString(m_first.addDays(m_perDay.size() - 1), u"d MMM"_s));
    painter.drawText(area, Qt::AlignRight | Qt::AlignTop, locale.toString(most));
}

UsageView::UsageView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"usageView"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_chart = new UsageChart(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"usageSummary"_s);
    m_summary->setWordWrap(true);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"usageDetails"_s);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->addWidget(m_chart);
    layout->addWidget(m_summary);
    layout->addWidget(m_details, 1);
}

void UsageView::setMessage(const QString& text)
{
    m_chart->hide();
    m_summary->setText(text);
    m_details->clear();
}

void UsageView::setUsage(const app::CredentialUsage& usage)
{
    m_chart->show();
    m_chart->setUsage(usage, QDateTime::currentDateTimeUtc().date());
    m_summary->setText(tr("%n request(s) in the last %1 days", nullptr, int(usage.total)).arg(usage.days) + u' ' +
                       tr("from %n address(es).", nullptr, int(usage.addresses.size())));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto seenTable = [&](const QString& title, const QList<app::CredentialUsage::Seen>& list) -> QString {
        if (list.isEmpty())
            return QString();
        QString html = u"<p><b>%1</b></p><table>"_s.arg(title.toHtmlEscaped());
        for (const auto& s : list) {
            html += u"<tr><td style='padding-right:8px'>%1</td><td>%2</td></tr>"_s.arg(
                s.name.toHtmlEscaped(), tr("%n request(s), last %1", nullptr, int(s.count))
                                            .arg(app::CredentialModel::relativeTime(s.last, now))
                                            .toHtmlEscaped());
        }
        return QString(html + u"</table>"_s);
    };
    QString html = seenTable(tr("Addresses"), usage.addresses) + seenTable(tr("Clients (user agents)"), usage.agents);
    if (!usage.scopesUsed.isEmpty())
        html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Scopes used:").toHtmlEscaped(),
                                             usage.scopesUsed.join(u", "_s).toHtmlEscaped());
    if (!usage.scopesUnused.isEmpty())
        html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Held but not used:").toHtmlEscaped(),
                                             usage.scopesUnused.join(u", "_s).toHtmlEscaped());
    m_details->setHtml(html);
}

RefusalsView::RefusalsView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"refusalsView"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_list = new QTextBrowser(this);
    m_list->setObjectName(u"refusalsList"_s);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_allow = new QPushButton(this);
    m_allow->setObjectName(u"allowAddressButton"_s);
    m_allow->hide();
    layout->addWidget(m_list, 1);
    layout->addWidget(m_allow);
    connect(m_allow, &QPushButton::clicked, this, [this] { emit allowAddressRequested(m_address); });
}

void RefusalsView::setMessage(const QString& text)
{
    m_list->setPlainText(text);
    m_allow->hide();
}

QString RefusalsView::explain(const app::CredentialUsage::Refusal& r, const QStringList& allowlist)
{
    if (r.reason == u"ip_not_allowed"_s)
        return tr("%1 is outside the allowlist %2: add it to the allowlist if the client is allowed there.")
            .arg(r.ip, allowlist.join(u", "_s));
    if (r.reason == u"insufficient_scope"_s)
        return tr("A request needed a scope it does not hold: %1 Generate a credential with that scope, or use one "
                  "that has it.")
            .arg(r.detail);
    if (r.reason == u"tenant_forbidden"_s)
        return tr("It was sent for another tenant than its own (from %1): send it without X-Tenant-Id, or with its "
                  "own tenant.")
            .arg(r.ip);
    if (r.reason == u"token_not_valid"_s)
        return tr("It was used after it stopped working (%1), from %2: the client needs a new credential.")
            .arg(r.detail, r.ip);
    return r.detail.isEmpty() ? r.reason : r.detail;
}

void RefusalsView::setUsage(const app::CredentialUsage& usage, const QStringList& allowlist)
{
    m_address.clear();
    if (usage.refusals.isEmpty()) {
        setMessage(tr("No refused requests in the last %n day(s).", nullptr, qMin(usage.days, 90)));
        return;
    }
    const QLocale locale;
    QString html = u"<ul>"_s;
    for (const auto& r : usage.refusals) {
        html +=
            u"<li><b>%1</b><br>%2</li>"_s.arg(locale.toString(r.at.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped(),
                                              explain(r, allowlist).toHtmlEscaped());
        if (m_address.isEmpty() && r.reason == u"ip_not_allowed"_s)
            m_address = r.ip; // the newest refused address
    }
    m_list->setHtml(html + u"</ul>"_s);
    m_allow->setText(tr("Add %1 to the allowlist…").arg(m_address));
    m_allow->setVisible(!m_address.isEmpty());
}

DrainWatch::DrainWatch(app::ApiClient* client, QWidget* parent)
    : QFrame(parent)
    , m_client(client)
{
    setObjectName(u"drainWatch"_s);
    // Amber, as "expiring soon": the old key stops working when the grace ends.
    setStyleSheet(u"#drainWatch { background: %1; border: 1px solid %2; border-radius: 4px; }"_s.arg(
        app::palette::tint(app::palette::warning()).name(), app::palette::warning().name()));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    m_text = new QLabel(this);
    m_text->setObjectName(u"drainText"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    auto* buttons = new QHBoxLayout;
    m_end = new QPushButton(tr("End grace now"), this);
    m_end->setObjectName(u"endGraceButton"_s);
    m_extend = new QPushButton(tr("Extend grace…"), this);
    m_extend->setObjectName(u"extendGraceButton"_s);
    buttons->addWidget(m_end);
    buttons->addWidget(m_extend);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_end, &QPushButton::clicked, this, &DrainWatch::endGrace);
    connect(m_extend, &QPushButton::clicked, this, &DrainWatch::extendGrace);
    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) // read while someone can see it
            refresh();
    });
    hide();
}

QString DrainWatch::text() const
{
    return isVisible() ? m_text->text() : QString();
}

QString DrainWatch::describe(const app::CredentialUsage::Drain& drain)
{
    const QLocale locale;
    const QString ends = locale.toString(drain.graceEndsAt.toLocalTime(), QLocale::ShortFormat);
    if (drain.sinceRotation == 0)
        return tr("Nobody has used the old key since the rotation; its grace ends %1. You can end it now.").arg(ends);
    QStringList addresses;
    for (const auto& [ip, last] : drain.addresses)
        addresses.append(ip);
    const QString who = addresses.isEmpty() ? QString() : u' ' + tr("Still calling: %1.").arg(addresses.join(u", "_s));
    return tr("Old key still used: %1 from %2 (%3 since the rotation); its grace ends %4.")
               .arg(tr("%n request(s) in the last hour", nullptr, int(drain.lastHour)),
                    tr("%n address(es)", nullptr, int(drain.addresses.size())),
                    tr("%n request(s)", nullptr, int(drain.sinceRotation)), ends) +
           who;
}

void DrainWatch::watch(app::CredentialKind kind, const protocol::ApiKeyDto& record)
{
    const bool draining = !record.rotatedTo.isEmpty() && record.status == protocol::KeyStatus::Active;
    if (!draining) {
        ++m_request; // an answer still on its way is for a record no longer shown
        m_id.clear();
        m_drain.reset();
        m_timer.stop();
        hide();
        return;
    }
    m_label = protocol::credentialLabel(record.name, record.prefix, record.last4);
    if (kind == m_kind && record.id == m_id)
        return; // the same one: the timer keeps it fresh
    m_kind = kind;
    m_id = record.id;
    m_drain.reset();
    m_text->setText(tr("This credential was rotated and still works until its grace ends. Reading who still uses "
                       "it…"));
    m_end->setEnabled(false);
    m_extend->setEnabled(false);
    show();
    m_timer.start();
    refresh();
}

void DrainWatch::refresh()
{
    if (m_id.isEmpty())
        return;
    const int request = ++m_request;
    auto* job = new app::UsageJob(m_client, m_kind, m_id, 30, this);
    app::runJob(job, this, [this, job, request] {
        if (request != m_request)
            return;
        if (!job->error().ok()) {
            m_text->setText(tr("Who still uses the old key could not be read. %1").arg(job->error().userMessage()));
            return;
        }
        m_drain = job->usage().drain;
        if (!m_drain) {
            hide();
            return;
        }
        m_text->setText(describe(*m_drain));
        m_end->setEnabled(m_drain->inGrace);
        m_extend->setEnabled(m_drain->inGrace && m_drain->graceLimit > m_drain->graceEndsAt);
    });
}

void DrainWatch::endGrace()
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("End grace now"),
                                tr("End the grace of %1 now? Every request still made with the old key fails from "
                                   "now on; its successor keeps working.")
                                    .arg(m_label),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"endGraceConfirm"_s);
    QPushButton* end = box->addButton(tr("End grace"), QMessageBox::DestructiveRole);
    end->setObjectName(u"confirmEndGraceButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, end](QAbstractButton* button) {
        if (button == end)
            setGrace(QDateTime::currentDateTimeUtc());
    });
    box->open();
}

void DrainWatch::extendGrace()
{
    if (!m_drain)
        return;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"extendGraceDialog"_s);
    dialog->setWindowTitle(tr("Extend grace"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    auto* text =
        new QLabel(tr("Until when should the old key of %1 keep working? At most until %2.")
                       .arg(m_label, QLocale().toString(m_drain->graceLimit.toLocalTime(), QLocale::ShortFormat)),
                   dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* until = new QDateTimeEdit(dialog);
    until->setObjectName(u"graceUntilEdit"_s);
    until->setCalendarPopup(true);
    until->setDateTimeRange(m_drain->graceEndsAt.toLocalTime(), m_drain->graceLimit.toLocalTime());
    until->setDateTime(qMin(m_drain->graceEndsAt.addDays(1), m_drain->graceLimit).toLocalTime());
    layout->addWidget(until);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton* extend = buttons->addButton(tr("Extend"), QDialogButtonBox::AcceptRole);
    extend->setObjectName(u"confirmExtendGraceButton"_s);
    extend->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(dialog, &QDialog::accepted, this, [this, until] { setGrace(until->dateTime().toUTC()); });
    dialog->open();
}

void DrainWatch::setGrace(const QDateTime& endsAt)
{
    m_end->setEnabled(false);
    m_extend->setEnabled(false);
    auto* job = new app::GraceJob(m_client, m_kind, m_id, endsAt, this);
    app::runJob(job, this, [this, job] {
        if (!job->error().ok()) {
            m_text->setText(tr("The grace could not be changed. %1").arg(job->error().userMessage()));
            refresh();
            return;
        }
        const protocol::ApiKeyDto record = job->record();
        m_id.clear(); // read anew for the record as it is now
        emit recordChanged(record);
    });
}

CredentialAuditView::CredentialAuditView(app::ApiClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new app::AuditModel(this))
{
    setObjectName(u"credentialAudit"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_status = new QLabel(this);
    m_status->setObjectName(u"credentialAuditStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_view = new QTableView(this);
    m_view->setObjectName(u"credentialAuditView"_s);
    m_view->setAccessibleName(tr("Audit events of this credential"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->setColumnHidden(app::AuditModel::Target, true); // always this one
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);
    m_open = new QPushButton(tr("Open in the audit log"), this);
    m_open->setObjectName(u"openAuditLogButton"_s);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_id.isEmpty())
            emit openAuditLog(m_id);
    });
}

void CredentialAuditView::load(const QString& id)
{
    const int request = ++m_request;
    m_id = id;
    m_open->setEnabled(!id.isEmpty());
    m_model->setEvents({});
    if (id.isEmpty()) {
        m_status->setText(tr("Select one credential to see its audit events."));
        return;
    }
    m_status->setText(tr("Loading…"));
    auto* job = new app::AuditEventsJob(m_client, id, QString(), Shown, this);
    app::runJob(job, this, [this, job, request] {
        if (request != m_request)
            return;
        if (!job->error().ok()) {
            m_status->setText(job->error().userMessage());
            return;
        }
        m_model->setEvents(job->events());
        m_status->setText(
            job->nextCursor().isEmpty()
                ? tr("%n event(s), the newest first.", nullptr, int(job->events().size()))
                : tr("The newest %n events; the audit log has all of them.", nullptr, int(job->events().size())));
        m_view->resizeColumnsToContents();
    });
}

} // namespace td::ui
