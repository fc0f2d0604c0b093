#pragma once

#include "ApiClient.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The jobs of the People page: a tenant's members, invitations, role, disable, remove, and the tenant's setting of
// what offboarding does to a person's tokens (issue 17). All need `admin`.
namespace td::app {

// A UAT or private token that acts for a person (not revoked).
struct PersonToken
{
    QString id;
    QString kind; // the kind's wire name: "uat" | "privateToken"
    QString name;
    QString prefix;
    QString last4;
    QString status; // "active", "expired", "suspended", …

    QString label() const; // "CI deploy (tdu_ab…9xyz)"
    static std::optional<PersonToken> fromJson(const QJsonObject& object);
};

// One member of the tenant.
struct Person
{
    QString id;
    QString email;
    QString username; // empty: none
    QString displayName;
    QString role;   // "admin" | "member"
    QString status; // "active" | "invited" | "disabled"
    QDateTime disabledAt;
    QDateTime lastLoginAt; // invalid: never signed in to this tenant
    int credentials = 0;   // credentials they own or made

    bool isAdmin() const { return role == QLatin1String("admin"); }
    bool isDisabled() const { return status == QLatin1String("disabled"); }
    bool isInvited() const { return status == QLatin1String("invited"); }
    static std::optional<Person> fromJson(const QJsonObject& object);
};

QStringList tokenLabels(const QList<PersonToken>& tokens);

// GET /api/v1/users
class PeopleJob final : public ApiJob
{
    Q_OBJECT
public:
    explicit PeopleJob(ApiClient* client, QObject* parent = nullptr);
    const QList<Person>& people() const { return m_people; }
    bool revokeTokensOnOffboarding() const { return m_revoke; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/users"); }
    bool parse(const QJsonValue& data) override;

private:
    QList<Person> m_people;
    bool m_revoke = false;
};

// GET /api/v1/users/{id}: the person and the tokens that act for them.
class PersonJob final : public ApiJob
{
    Q_OBJECT
public:
    PersonJob(ApiClient* client, QString id, QObject* parent = nullptr);
    const Person& person() const { return m_person; }
    const QList<PersonToken>& tokens() const { return m_tokens; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    bool parse(const QJsonValue& data) override;

private:
    QString m_id;
    Person m_person;
    QList<PersonToken> m_tokens;
};

struct Invitation
{
    QString email;
    QString role = QStringLiteral("member");
    QString displayName; // empty: the server's default (the address before @)
};

// POST /api/v1/users. A new account comes with a setup token, shown once; an existing one is only added.
class InvitePersonJob final : public ApiJob
{
    Q_OBJECT
public:
    InvitePersonJob(ApiClient* client, Invitation invitation, QObject* parent = nullptr);
    ~InvitePersonJob() override;
    const Person& person() const { return m_person; }
    bool hasSetupToken() const { return !m_setupToken.isEmpty(); }
    // Hands the setup token over and wipes the job's copy.
    QByteArray takeSetupToken();
    QDateTime setupExpiresAt() const { return m_setupExpiresAt; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/api/v1/users"); }
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    Invitation m_invitation;
    Person m_person;
    QByteArray m_setupToken;
    QDateTime m_setupExpiresAt;
};

// PATCH /api/v1/users/{id} (role, disabled) or DELETE /api/v1/users/{id}/membership. The answer lists the tokens
// the change touched and whether they were revoked.
class ChangePersonJob final : public ApiJob
{
    Q_OBJECT
public:
    struct Change
    {
        std::optional<QString> role;
        std::optional<bool> disabled;
        bool remove = false; // leave the tenant: role and disabled are ignored
    };
    ChangePersonJob(ApiClient* client, QString id, Change change, QObject* parent = nullptr);
    const std::optional<Person>& person() const { return m_person; } // none after a removal
    const QList<PersonToken>& tokens() const { return m_tokens; }
    bool tokensRevoked() const { return m_tokensRevoked; }

protected:
    QByteArray method() const override { return m_change.remove ? "DELETE" : "PATCH"; }
    QString path() const override;
    bool hasBody() const override { return !m_change.remove; }
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    QString m_id;
    Change m_change;
    std::optional<Person> m_person;
    QList<PersonToken> m_tokens;
    bool m_tokensRevoked = false;
};

// GET /api/v1/tenant-settings, or PATCH it with a new revokeTokensOnOffboarding.
class TenantSettingsJob final : public ApiJob
{
    Q_OBJECT
public:
    TenantSettingsJob(ApiClient* client, std::optional<bool> revokeTokensOnOffboarding = std::nullopt,
                      QObject* parent = nullptr);
    bool revokeTokensOnOffboarding() const { return m_revoke; }

protected:
    QByteArray method() const override { return m_set ? "PATCH" : "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/tenant-settings"); }
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    std::optional<bool> m_set;
    bool m_revoke = false;
};

// POST /api/v1/auth/setup: an invited person sets their own password with the setup token an admin gave them. No
// credential: the token is one. The password and token are wiped from the job when it is done.
class SetupAccountJob final : public ApiJob
{
    Q_OBJECT
public:
    SetupAccountJob(ApiClient* client, QByteArray token, QByteArray password, QObject* parent = nullptr);
    ~SetupAccountJob() override;
    QString email() const { return m_email; } // whose password was set

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/api/v1/auth/setup"); }
    QJsonObject body() const override;
    bool authenticated() const override { return false; }
    bool parse(const QJsonValue& data) override;

private:
    QByteArray m_token;
    QByteArray m_password;
    QString m_email;
};

} // namespace td::app
