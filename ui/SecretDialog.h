#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace td::app {
class ClipboardGuard;
}

namespace td::ui {

// Shows a new secret exactly once. Copy marks the clipboard data as secret and clears it after 30 s; closing
// asks for confirmation until the user says the secret is stored; nothing can show it again afterwards.
class SecretDialog final : public QDialog
{
    Q_OBJECT
public:
    SecretDialog(const QString& title, const QString& name, QByteArray secret, app::ClipboardGuard* clipboard,
                 QWidget* parent = nullptr);
    ~SecretDialog() override;

    void done(int result) override;
    // For tests and for the "really close?" question: the answer to use instead of asking.
    void setConfirmCloseAnswer(bool close) { m_autoAnswer = close ? 1 : 0; }

private:
    QLineEdit* m_secret;
    QPushButton* m_copy;
    QCheckBox* m_stored;
    app::ClipboardGuard* m_clipboard;
    int m_autoAnswer = -1;
};

} // namespace td::ui
