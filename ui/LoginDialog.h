#pragma once

#include "app/Profiles.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace td::ui {

// Chooses or edits a connection profile and signs in with a password or a stored token.
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(QWidget* parent = nullptr);

    void setProfiles(const QList<app::ConnectionProfile>& profiles, const QString& currentId);
    // Settings → Connections: the same form edits one profile (no profile choice, no secret; Save instead of
    // Connect). takenNames: the other profiles' names, which this one may not take.
    void setEditing(const app::ConnectionProfile& profile, const QStringList& takenNames);
    bool isEditing() const { return m_editing; }
    app::ConnectionProfile profile() const;
    // The password, or a newly pasted API key / private token (empty: use the one in the keychain).
    QByteArray secret() const;
    void setMessage(const QString& message, bool error);
    void setBusy(bool busy);
    void clearSecret();
    // An invited person's first step: "Set up a new account…" asks for the setup token and a new password and
    // emits setupRequested; setupFinished() reports back (ok: the e-mail is filled in for signing in).
    void setupFinished(bool ok, const QString& message, const QString& email = {});

signals:
    void loginRequested();
    void setupRequested(const td::app::ConnectionProfile& profile, const QByteArray& token, const QByteArray& password);
    void saveRequested(); // editing: the profile() to keep

private:
    void loadProfile(int index);
    void openSetup();
    void validate();

    QList<app::ConnectionProfile> m_profiles;
    QPointer<QDialog> m_setup;
    class QPushButton* m_setupButton = nullptr;
    QComboBox* m_profileCombo;
    QLineEdit* m_name;
    QLineEdit* m_url;
    QComboBox* m_environment;
    QComboBox* m_method;
    QLineEdit* m_email;
    QLabel* m_secretLabel;
    QLineEdit* m_secret;
    QCheckBox* m_remember;
    QLineEdit* m_tenant;
    QLineEdit* m_caFile;
    QLineEdit* m_pin;
    QWidget* m_notifyRow; // editing only: "Notify me about credentials expiring within [7 days]"
    QSpinBox* m_notify;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QLabel* m_profileLabel = nullptr;
    QStringList m_takenNames;
    QString m_editingId;
    bool m_busy = false;
    bool m_editing = false;
};

} // namespace td::ui
