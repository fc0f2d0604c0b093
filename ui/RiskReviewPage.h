#pragma once

#include "app/CredentialKind.h"
#include "app/Jobs.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace td::app {
class ApiClient;
}

namespace td::ui {

class Banner;

// Risk review (issue 12): the tenant's findings (GET /api/v1/findings) grouped, with the credentials each names,
// and bulk actions on the checked credentials of one group: revoke, set an expiry, narrow scopes to those used
// (the least-privilege advice). Every action names the credentials in its confirmation; the server audits each
// change.
class RiskReviewPage final : public QWidget
{
    Q_OBJECT
public:
    explicit RiskReviewPage(app::ApiClient* client, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }
    bool isBusy() const { return m_busy; }
    QString resultText() const; // what the last action did
    static QString title(const QString& type, qint64 count);
    static QString why(const QString& type, const app::Finding::Item& item);

public slots:
    void reload();

signals:
    void openRequested(td::app::CredentialKind kind, const QString& id);
    void credentialsChanged(td::app::CredentialKind kind); // the pages reload what an action changed

private:
    enum class Action { Revoke, SetExpiry, Narrow };
    struct Target
    {
        app::CredentialKind kind;
        QString id;
        QString label;    // name (prefix…last4)
        QStringList keep; // Narrow: the scopes it keeps
        QDateTime expiresAt;
    };
    void populate();
    const app::Finding* currentFinding() const;
    QList<Target> checkedTargets() const;
    void updateActions();
    void confirm(Action action);
    void askExpiry(const QList<Target>& targets);
    void run(Action action, QList<Target> targets, const QDateTime& expiry);
    void finish(Action action, int done, const QStringList& failures, const QStringList& skipped);

    app::ApiClient* m_client;
    QList<app::Finding> m_findings;
    QLabel* m_summary;
    QLabel* m_result;
    Banner* m_banner;
    QTreeWidget* m_tree;
    QLabel* m_scope;
    QPushButton* m_revoke;
    QPushButton* m_expiry;
    QPushButton* m_narrow;
    QPushButton* m_open;
    QString m_actionError; // shown again after the reload that follows the action
    bool m_busy = false;
    int m_generation = 0;
};

} // namespace td::ui
