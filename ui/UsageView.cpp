#include "UsageView.h"

#include "app/CredentialModel.h"
#include "app/Palette.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
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

} // namespace td::ui
