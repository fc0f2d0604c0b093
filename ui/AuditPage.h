#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QStringListModel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace td::app {
class ApiClient;
class AuditModel;
class CredentialModel;
struct AuditFilter;
class Session;
} // namespace td::app

namespace td::ui {

class Banner;

// The tenant's audit log: who created, rotated, revoked, logged in or was refused, from which address.
class AuditPage final : public QWidget
{
    Q_OBJECT
public:
    AuditPage(app::ApiClient* client, app::Session* session, QWidget* parent = nullptr);
    app::AuditModel* model() const { return m_model; }
    bool isBusy() const { return m_busy; }
    // The credentials the picker offers (by "name (prefix…last4)"), from the credential pages' models.
    void setCredentialSources(const QList<app::CredentialModel*>& models);

public slots:
    void showTarget(const QString& id); // only the events of this credential, read anew
    void reload();
    void loadMore();

private:
    void load(const QString& cursor);
    app::AuditFilter filter();
    void refreshCredentialNames();
    static QString credentialName(const QString& name, const QString& prefix, const QString& last4);
    bool eventFilter(QObject* watched, QEvent* event) override;

public:
    QString lastError() const; // the banner's text, empty when there is none

private:
    app::ApiClient* m_client;
    app::AuditModel* m_model;
    QTableView* m_view;
    QLineEdit* m_target;
    QComboBox* m_action;
    QComboBox* m_range;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_until;
    QStringListModel* m_credentialNames;
    QHash<QString, QString> m_idsByName; // "name (prefix…last4)" -> id
    QList<app::CredentialModel*> m_sources;
    bool m_namesDirty = true;
    QPushButton* m_more;
    QLabel* m_status;
    Banner* m_banner;
    QString m_cursor;
    bool m_busy = false;
    int m_generation = 0;
};

} // namespace td::ui
