#pragma once

#include "app/CredentialKind.h"
#include "app/PeopleJobs.h"

#include <QDialog>
#include <QJsonObject>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace td::app {
class ApiClient;
class ClipboardGuard;
} // namespace td::app

namespace td::ui {

class Banner;
class ElidedLabel;

// People (issue 17): the tenant's members with role, status, last sign-in and how many credentials they own;
// invite (the setup token shown once), make admin or member, disable or enable, remove; and the tenant's choice of
// whether offboarding revokes a person's UATs and private tokens. Every confirmation first reads the person's tokens
// and says what happens to them, naming each.
class PeoplePage final : public QWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, EmailColumn, RoleColumn, StatusColumn, LastSignInColumn, CredentialsColumn };

    PeoplePage(app::ApiClient* client, app::ClipboardGuard* clipboard, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    const QList<app::Person>& people() const { return m_people; }
    bool isBusy() const { return m_pending > 0; }
    QString resultText() const; // what the last action did
    static QString roleText(const QString& role);
    static QString statusText(const QString& status);

public slots:
    void reload();
    void invite();
    void changeRole();     // Make admin (confirmed) or Make member (confirmed, names the tokens)
    void toggleDisabled(); // Disable (confirmed, names the tokens) or Enable
    void removeSelected(); // confirmed, names the tokens

signals:
    // Tokens of these kinds were revoked by an offboarding: the pages of those kinds reload.
    void credentialsChanged(td::app::CredentialKind kind);

private:
    enum class Change { Promote, Demote, Disable, Enable, Remove };
    void populate();
    const app::Person* selected() const;
    void updateActions();
    void begin();
    void end();
    // Reads the person's tokens (and the tenant's setting), then asks.
    void prepare(Change change);
    void confirm(Change change, const app::Person& person, const QList<app::PersonToken>& tokens, bool revoke);
    void run(Change change, const app::Person& person);
    void finished(Change change, const app::Person& person, const app::ChangePersonJob* job);
    void setRevokeOnOffboarding(bool revoke);
    void showSetupToken(const app::Person& person, QByteArray token, const QDateTime& until);
    void setResult(const QString& text);

    app::ApiClient* m_client;
    app::ClipboardGuard* m_clipboard;
    QList<app::Person> m_people;
    QString m_selfId; // who is signed in, from /me; empty for an API key
    bool m_revoke = false;
    bool m_loaded = false;
    int m_pending = 0;
    int m_generation = 0;
    ElidedLabel* m_summary;
    Banner* m_banner;
    QTreeWidget* m_list;
    QAction* m_inviteAction;
    QAction* m_roleAction;
    QAction* m_disableAction;
    QAction* m_removeAction;
    QAction* m_refreshAction;
    QCheckBox* m_revokeBox;
    QLabel* m_revokeHint;
    QLabel* m_result;
};

// Invite someone: e-mail, role (member by default), an optional display name. Field errors of the server's 400 are
// shown under their field; the dialog stays open until invited().
class InvitePersonDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit InvitePersonDialog(QWidget* parent = nullptr);
    app::Invitation invitation() const;
    void showErrors(const QJsonObject& details, const QString& message);
    void setBusy(bool busy);
    void invited() { QDialog::accept(); }
    void accept() override;

    std::function<void(const app::Invitation&)> submit;

private:
    QLineEdit* m_email;
    QComboBox* m_role;
    QLineEdit* m_displayName;
    QLabel* m_emailError;
    QLabel* m_roleError;
    QLabel* m_displayNameError;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace td::ui
