#pragma once

#include "ExpiryChooser.h"
#include "app/ApiError.h"
#include "app/CredentialKind.h"
#include "app/Jobs.h"
#include "protocol/Scopes.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace td::ui {

// Name, description, scopes grouped with their descriptions (from GET /scopes), expiry presets and an IP
// allowlist that is validated as you type. OK stays disabled, with the reason shown, until the input is valid.
class GenerateDialog final : public QDialog
{
    Q_OBJECT
public:
    GenerateDialog(app::CredentialKind kind, const protocol::ScopeCatalog& catalog, const app::Limits& limits = {},
                   QWidget* parent = nullptr);

    app::NewCredential request() const;
    // Shows a server refusal: field errors beside their fields, anything else above the buttons.
    void showServerError(const app::ApiError& error);
    void setBusy(bool busy);

    using ExpiryPreset = ExpiryChooser::Preset;
    void setExpiryPreset(ExpiryPreset preset);
    // Turns the form into the Edit dialog of an existing credential: name, description and IP allowlist can be
    // changed (what PATCH accepts); its rights and expiry are shown and fixed.
    void setEditing(const protocol::ApiKeyDto& record);
    bool isEditing() const { return m_editing; }
    void addAllowlistEntry(const QString& entry); // a line more in the IP allowlist

signals:
    void submitted(const td::app::NewCredential& request);

private:
    void validate();
    void keyPressEvent(QKeyEvent* event) override;

    app::CredentialKind m_kind;
    QLineEdit* m_name;
    QLineEdit* m_description;
    QHash<QString, QCheckBox*> m_scopeBoxes;
    ExpiryChooser* m_expiry;
    QPlainTextEdit* m_allowlist;
    QLabel* m_nameError;
    QLabel* m_scopesError;
    QLabel* m_allowlistError;
    QCheckBox* m_rateLimited;
    QSpinBox* m_rateRequests;
    QComboBox* m_rateWindow;
    QLabel* m_rateError;
    QLabel* m_reason;
    QDialogButtonBox* m_buttons;
    bool m_busy = false;
    bool m_editing = false;
};

} // namespace td::ui
