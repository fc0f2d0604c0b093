#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

namespace td::ui {

// Credentials expiring per week over the expiry overview's horizon, as bars drawn with QPainter (Qt Charts is
// GPL-only). Each bar has its count above it and its week below; the tooltip and the accessible description say
// the same in words.
class ExpiryTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit ExpiryTimeline(QWidget* parent = nullptr);
    void setWeeks(const QList<int>& counts, const QDateTime& start);
    const QList<int>& weeks() const { return m_counts; }
    QString describe(int week) const;    // "Week of 7 Dec: 3 credentials"
    int weekAt(const QPoint& pos) const; // -1: no bar there

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRect barArea() const;
    QRect slot(int week) const;

    QList<int> m_counts;
    QDateTime m_start;
};

} // namespace td::ui
