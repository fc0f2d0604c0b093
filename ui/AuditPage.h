#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace td::app {
class ApiClient;
class AuditModel;
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

public slots:
    void showTarget(const QString& id); // only the events of this credential, read anew
    void reload();
    void loadMore();

private:
    void load(const QString& cursor);

public:
    QString lastError() const; // the banner's text, empty when there is none

private:

    app::ApiClient* m_client;
    app::AuditModel* m_model;
    QTableView* m_view;
    QLineEdit* m_target;
    QPushButton* m_more;
    QLabel* m_status;
    Banner* m_banner;
    QString m_cursor;
    bool m_busy = false;
    int m_generation = 0;
};

} // namespace td::ui
