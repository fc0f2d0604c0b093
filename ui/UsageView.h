#pragma once

#include "app/Jobs.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace td::ui {

// Requests per day as bars, drawn with QPainter (Qt Charts is GPL-only): one bar per day of the period, days
// without requests included, the newest at the right.
class UsageChart final : public QWidget
{
    Q_OBJECT
public:
    explicit UsageChart(QWidget* parent = nullptr);
    void setUsage(const app::CredentialUsage& usage, const QDate& today);
    const QList<qint64>& perDay() const { return m_perDay; } // oldest first, one per day of the period
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<qint64> m_perDay;
    QDate m_first;
};

// The details pane's Usage tab: the chart, totals, addresses, user agents, scopes used and unused.
class UsageView final : public QWidget
{
    Q_OBJECT
public:
    explicit UsageView(QWidget* parent = nullptr);
    void setUsage(const app::CredentialUsage& usage);
    void setMessage(const QString& text); // loading, a failure, nothing selected
    UsageChart* chart() const { return m_chart; }

private:
    UsageChart* m_chart;
    QLabel* m_summary;
    QTextBrowser* m_details;
};

// The details pane's Refusals tab: each refused request in words, with what fixes it; a refusal for an address
// outside the allowlist offers to add that address (Edit, prefilled).
class RefusalsView final : public QWidget
{
    Q_OBJECT
public:
    explicit RefusalsView(QWidget* parent = nullptr);
    void setUsage(const app::CredentialUsage& usage, const QStringList& allowlist);
    void setMessage(const QString& text);
    static QString explain(const app::CredentialUsage::Refusal& refusal, const QStringList& allowlist);

signals:
    void allowAddressRequested(const QString& address);

private:
    QTextBrowser* m_list;
    QPushButton* m_allow;
    QString m_address;
};

} // namespace td::ui
