#pragma once

#include "app/Jobs.h"

#include <QFrame>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace td::app {
class ApiClient;
class AuditModel;
} // namespace td::app

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

// Rotation drain watch: above the details of the old credential of a rotation while its grace runs, who still uses
// it ("Old key still used: 42 requests in the last hour from 2 addresses"), read again every 30 s while it shows,
// with End grace now and Extend grace.
class DrainWatch final : public QFrame
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 30000;
    DrainWatch(app::ApiClient* client, QWidget* parent = nullptr);
    // Shows and follows record when it is an old credential in its grace; hides otherwise.
    void watch(app::CredentialKind kind, const protocol::ApiKeyDto& record);
    void refresh(); // reads the drain again now
    QString text() const;
    static QString describe(const app::CredentialUsage::Drain& drain);

signals:
    void recordChanged(const td::protocol::ApiKeyDto& record); // its grace was ended or extended

private:
    void endGrace();
    void extendGrace();
    void setGrace(const QDateTime& endsAt);

    app::ApiClient* m_client;
    app::CredentialKind m_kind = app::CredentialKind::ApiKey;
    QString m_id;
    QString m_label;
    std::optional<app::CredentialUsage::Drain> m_drain;
    QLabel* m_text;
    QPushButton* m_end;
    QPushButton* m_extend;
    QTimer m_timer;
    int m_request = 0;
};

// The details pane's Audit tab: the newest events of one credential, and the way to all of them in the audit log.
class CredentialAuditView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int Shown = 50;
    CredentialAuditView(app::ApiClient* client, QWidget* parent = nullptr);
    void load(const QString& id); // empty: nothing selected
    app::AuditModel* model() const { return m_model; }

signals:
    void openAuditLog(const QString& id);

private:
    app::ApiClient* m_client;
    app::AuditModel* m_model;
    QTableView* m_view;
    QLabel* m_status;
    QPushButton* m_open;
    QString m_id;
    int m_request = 0;
};

} // namespace td::ui
