#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QCheckBox;

namespace td::app {
class ApiClient;
}

namespace td::ui {

class Banner;

// Token Inspector: tells what a pasted token is offline (kind, checksum, JWT claims and expiry) and, on request,
// asks the server whether it is active, whose it is and what it may do. The token is never shown back.
class InspectorPage final : public QWidget
{
    Q_OBJECT
public:
    InspectorPage(app::ApiClient* client, QWidget* parent = nullptr);

    void setToken(const QByteArray& token); // for tests
    void checkOnServer();

protected:
    void hideEvent(QHideEvent* event) override;

public:
    QString lastError() const; // the banner's text, empty when there is none

private:
    void inspectLocally();

    app::ApiClient* m_client;
    QLineEdit* m_token;
    QCheckBox* m_show;
    QLabel* m_local;
    QLabel* m_server;
    QPushButton* m_check;
    Banner* m_banner;
};

} // namespace td::ui
