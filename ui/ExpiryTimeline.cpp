#include "ExpiryTimeline.h"

#include "app/Palette.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace td::ui {

ExpiryTimeline::ExpiryTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"expiryTimeline"_s);
    setAccessibleName(tr("Credentials expiring per week"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ExpiryTimeline::setWeeks(const QList<int>& counts, const QDateTime& start)
{
    m_counts = counts;
    m_start = start;
    QStringList words;
    for (int i = 0; i < m_counts.size(); ++i)
        words.append(describe(i));
    setAccessibleDescription(words.join(u"; "_s));
    update();
}

QString ExpiryTimeline::describe(int week) const
{
    if (week < 0 || week >= m_counts.size())
        return {};
    const QDate from = m_start.toLocalTime().date().addDays(7 * week);
    return tr("Week of %1: %n expiring", nullptr, m_counts.at(week))
        .arg(QLocale().toString(from, QLocale::ShortFormat));
}

QSize ExpiryTimeline::sizeHint() const
{
    return {600, fontMetrics().height() * 2 + 90};
}

QSize ExpiryTimeline::minimumSizeHint() const
{
    return {200, fontMetrics().height() * 2 + 60};
}

QRect ExpiryTimeline::barArea() const
{
    const int text = fontMetrics().height();
    return rect().adjusted(8, text + 6, -8, -(text + 6));
}

QRect ExpiryTimeline::slot(int week) const
{
    const QRect area = barArea();
    if (m_counts.isEmpty())
        return {};
    const qreal width = qreal(area.width()) / m_counts.size();
    return QRect(area.left() + int(week * width), area.top(), qMax(1, int(width)), area.height());
}

int ExpiryTimeline::weekAt(const QPoint& pos) const
{
    for (int i = 0; i < m_counts.size(); ++i) {
        if (slot(i).adjusted(0, -fontMetrics().height() - 6, 0, fontMetrics().height() + 6).contains(pos))
            return i;
    }
    return -1;
}

void ExpiryTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = barArea();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    // The base line.
    painter.setPen(QPen(muted, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_counts.isEmpty())
        return;
    const int most = std::max(1, *std::max_element(m_counts.cbegin(), m_counts.cend()));
    const QLocale locale;
    // Labels thin out when the weeks are narrow (a year is 53 of them).
    const int labelWidth = fontMetrics().horizontalAdvance(locale.toString(QDate(2026, 12, 31), u"d MMM"_s)) + 8;
    const int every = std::max(1, int(std::ceil(qreal(labelWidth) / std::max(1, slot(0).width()))));
    for (int i = 0; i < m_counts.size(); ++i) {
        const QRect s = slot(i);
        const int count = m_counts.at(i);
        const int height = count == 0 ? 0 : std::max(2, int(qreal(area.height()) * count / most));
        const QRect bar(s.left() + std::max(1, s.width() / 6), area.bottom() - height, std::max(1, s.width() * 2 / 3),
                        height);
        // The first weeks are the urgent ones.
        const QColor color = i == 0 ? app::palette::bad() : i < 4 ? app::palette::warning() : app::palette::good();
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRect(bar);
        if (count > 0) {
            painter.setPen(text);
            painter.drawText(
                QRect(s.left() - 10, bar.top() - fontMetrics().height() - 2, s.width() + 20, fontMetrics().height()),
                Qt::AlignHCenter | Qt::AlignBottom, locale.toString(count));
        }
        if (i % every == 0) {
            painter.setPen(muted);
            const QDate from = m_start.toLocalTime().date().addDays(7 * i);
            painter.drawText(QRect(s.left(), area.bottom() + 4, labelWidth, fontMetrics().height()),
                             Qt::AlignLeft | Qt::AlignTop, locale.toString(from, u"d MMM"_s));
        }
    }
}

bool ExpiryTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int week = weekAt(help->pos());
        if (week >= 0)
            QToolTip::showText(help->globalPos(), describe(week), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace td::ui
