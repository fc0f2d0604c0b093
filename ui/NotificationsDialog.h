#pragma once

#include "app/NotificationJobs.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace td::app {
class ApiClient;
class ClipboardGuard;
} // namespace td::app

namespace td::ui {

// Settings → Notifications: the tenant's notification endpoints (add, edit, test, new secret, delete) and the
// last deliveries of the one selected, with their status (issue 15). Deliveries refresh every 5 s while shown.
class NotificationsDialog final : public QDialog
{
    Q_OBJECT
public:
    NotificationsDialog(app::ApiClient* client, app::ClipboardGuard* clipboard, QWidget* parent = nullptr);

    void reload();
    // Words for an event name and for a delivery's state, shared with the editor.
    static QString eventText(const QString& event);

private:
    void showEndpoints(const QList<app::NotificationEndpointInfo>& endpoints, int limit);
    void reloadDeliveries();
    void updateButtons();
    const app::NotificationEndpointInfo* selected() const;
    void edit(const app::NotificationEndpointInfo* endpoint); // nullptr: add
    void sendTest();
    void newSecret();
    void remove();
    void showSecret(const QString& name, const QByteArray& secret);
    void setStatus(const QString& text, bool error = false);

    app::ApiClient* m_client;
    app::ClipboardGuard* m_clipboard;
    QList<app::NotificationEndpointInfo> m_endpoints;
    int m_limit = 20;
    QTreeWidget* m_list;
    QTreeWidget* m_deliveries;
    QLabel* m_deliveriesLabel;
    QLabel* m_status;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_test;
    QPushButton* m_secret;
    QPushButton* m_delete;
    QTimer* m_refresh;
};

// Add or edit one endpoint. Field errors of the server's 400 are shown under their field.
class NotificationEndpointEditor final : public QDialog
{
    Q_OBJECT
public:
    NotificationEndpointEditor(const app::NotificationEndpointInfo* endpoint, QWidget* parent = nullptr);
    app::NotificationEndpointInput input() const;
    void showErrors(const QJsonObject& details, const QString& message);

    // OK checks what can be checked here, then hands the input to submit; the dialog stays open until saved().
    std::function<void(const app::NotificationEndpointInput&)> submit;
    void accept() override;
    void saved() { QDialog::accept(); }
    void setBusy(bool busy);

private:
    QLineEdit* m_name;
    QLineEdit* m_url;
    QComboBox* m_format;
    QCheckBox* m_expiring;
    QList<QPair<int, QCheckBox*>> m_days;
    QList<QPair<QString, QCheckBox*>> m_events;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    bool m_editing;
};

} // namespace td::ui
