#pragma once

#include "app/CredentialKind.h"

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
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
    // A ready-to-run request with the new secret: "curl -H "X-API-Key: …" <server>/api/v1/me". Shown with the
    // secret shortened; "Copy example" copies it whole (through the clipboard guard).
    void setExample(app::CredentialKind kind, const QUrl& server);
    static QString example(app::CredentialKind kind, const QUrl& server, const QString& secret);
    // A sentence under the secret on what to do with it (a setup token: whom to send it to, until when).
    void setNote(const QString& text);

    void done(int result) override;
    // For tests and for the "really close?" question: the answer to use instead of asking.
    void setConfirmCloseAnswer(bool close) { m_autoAnswer = close ? 1 : 0; }

private:
    QLineEdit* m_secret;
    QPushButton* m_copy;
    QCheckBox* m_stored;
    QLabel* m_note = nullptr;
    QLabel* m_exampleLabel = nullptr;
    QLabel* m_example = nullptr;
    QPushButton* m_copyExample = nullptr;
    app::CredentialKind m_kind = app::CredentialKind::ApiKey;
    QUrl m_server;
    app::ClipboardGuard* m_clipboard;
    int m_autoAnswer = -1;
};

} // namespace td::ui
