#pragma once

#include "ApiClient.h"
#include "CredentialKind.h"
#include "CredentialRows.h"
#include "protocol/Dto.h"
#include "protocol/Scopes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// One job class per endpoint of the API (DESIGN.md). Results are plain structs.
namespace td::app {

struct LoginResult
{
    QByteArray token;        // access token: kept in memory only
    QByteArray refreshToken; // goes to the keychain only when the user asked to be remembered
    QDateTime expiresAt;
    QDateTime refreshExpiresAt;
    QString tenantId;
    protocol::UserDto user;
    QList<protocol::TenantDto> tenants;
};

class LoginJob final : public ApiJob
{
    Q_OBJECT
public:
    LoginJob(ApiClient* client, QString email, QByteArray password, QString tenantId = {}, QObject* parent = nullptr);
    ~LoginJob() override;
    const LoginResult& result() const { return m_result; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/api/v1/auth/login"); }
    QJsonObject body() const override;
    bool authenticated() const override { return false; }
    bool parse(const QJsonValue& data) override;

private:
    QString m_email;
    QByteArray m_password;
    QString m_tenantId;
    LoginResult m_result;
};

class RefreshJob final : public ApiJob
{
    Q_OBJECT
public:
    RefreshJob(ApiClient* client, QByteArray refreshToken, QObject* parent = nullptr);
    const LoginResult& result() const { return m_result; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/api/v1/auth/refresh"); }
    QJsonObject body() const override;
    bool authenticated() const override { return false; }
    bool parse(const QJsonValue& data) override;

private:
    QByteArray m_refreshToken;
    LoginResult m_result;
};

class LogoutJob final : public ApiJob
{
    Q_OBJECT
public:
    LogoutJob(ApiClient* client, QByteArray refreshToken, QObject* parent = nullptr);

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/api/v1/auth/logout"); }
    QJsonObject body() const override;
    bool authenticated() const override { return false; }
    bool parse(const QJsonValue&) override { return true; }

private:
    QByteArray m_refreshToken;
};

using MeResult = protocol::MeDto;

class MeJob final : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const MeResult& result() const { return m_result; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/me"); }
    bool parse(const QJsonValue& data) override;

private:
    MeResult m_result;
};

class ScopesJob final : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const protocol::ScopeCatalog& catalog() const { return m_catalog; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/scopes"); }
    bool parse(const QJsonValue& data) override;

private:
    protocol::ScopeCatalog m_catalog;
};

// GET /api/v1/limits: the bounds a form keeps, from the server rather than hard-coded.
struct Limits
{
    QHash<QString, int> maxExpiryDays; // by kind's wire name; absent: no bound
    QDateTime notAfter;                // the caller's own expiry when it is a credential; invalid: none
    int maxBulkRevokeIds = protocol::MaxBulkRevokeIds;
    qint64 maxGraceSeconds = 30LL * 24 * 3600;
    int maxNameLength = 100;

    // The latest expiry a new credential of the kind may have; invalid: no bound.
    QDateTime latestExpiry(CredentialKind kind, const QDateTime& now) const;
};

class LimitsJob final : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const Limits& limits() const { return m_limits; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/limits"); }
    bool parse(const QJsonValue& data) override;

private:
    Limits m_limits;
};

class TenantsJob final : public ApiJob
{
    Q_OBJECT
public:
    using ApiJob::ApiJob;
    const QList<protocol::TenantDto>& tenants() const { return m_tenants; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/tenants"); }
    bool parse(const QJsonValue& data) override;

private:
    QList<protocol::TenantDto> m_tenants;
};

struct CredentialListQuery
{
    std::optional<protocol::KeyStatus> status;
    QString text;
    int limit = 1000;
    QString cursor;
};

class ListCredentialsJob final : public ApiJob
{
    Q_OBJECT
public:
    ListCredentialsJob(ApiClient* client, CredentialKind kind, CredentialListQuery query, QObject* parent = nullptr);
    // The page's records, parsed straight into the model's compact rows.
    const CredentialRows& rows() const { return m_rows; }
    CredentialRows takeRows() { return std::exchange(m_rows, {}); }
    QList<protocol::ApiKeyDto> items() const; // the same records as DTOs (small pages, tests)
    QString nextCursor() const { return m_nextCursor; }
    // The next page's cursor from the answer's Link header (rel="next"), known before the body is read; empty when
    // the server sends none. nextCursor() is the authoritative one from the body.
    QString announcedCursor() const { return m_announcedCursor; }

signals:
    void nextPageAnnounced(const QString& cursor);

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QUrlQuery query() const override;
    bool parse(const QJsonValue& data) override;
    void headersReceived(QNetworkReply* reply) override;

private:
    CredentialKind m_kind;
    CredentialListQuery m_query;
    CredentialRows m_rows;
    QString m_announcedCursor;
    QString m_nextCursor;
};

struct NewCredential
{
    QString name;
    QString description;
    QStringList scopes;
    QDateTime expiresAt; // invalid: never (where the kind allows it)
    QStringList ipAllowlist;
    protocol::RateLimit rateLimit; // unset: none of its own
};

// Create and rotate answer with the only copy of the secret there will ever be.
struct IssuedCredential
{
    protocol::ApiKeyDto record;
    QByteArray secret;
    std::optional<protocol::ApiKeyDto> previous; // rotate only
};

class CreateCredentialJob final : public ApiJob
{
    Q_OBJECT
public:
    CreateCredentialJob(ApiClient* client, CredentialKind kind, NewCredential request, QObject* parent = nullptr);
    ~CreateCredentialJob() override;
    const IssuedCredential& result() const { return m_result; }
    // Hands the secret over and wipes the job's copy.
    QByteArray takeSecret();

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    NewCredential m_request;
    IssuedCredential m_result;
};

class UpdateCredentialJob final : public ApiJob
{
    Q_OBJECT
public:
    UpdateCredentialJob(ApiClient* client, CredentialKind kind, QString id, QJsonObject changes,
                        QObject* parent = nullptr);
    const protocol::ApiKeyDto& record() const { return m_record; }

protected:
    QByteArray method() const override { return "PATCH"; }
    QString path() const override;
    QJsonObject body() const override { return m_changes; }
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    QString m_id;
    QJsonObject m_changes;
    protocol::ApiKeyDto m_record;
};

class RevokeCredentialsJob final : public ApiJob
{
    Q_OBJECT
public:
    // One id: POST …/{id}/revoke; several: the all-or-nothing bulk endpoint.
    RevokeCredentialsJob(ApiClient* client, CredentialKind kind, QStringList ids, QObject* parent = nullptr);
    const QList<protocol::ApiKeyDto>& records() const { return m_records; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    QStringList m_ids;
    QList<protocol::ApiKeyDto> m_records;
};

class RotateCredentialJob final : public ApiJob
{
    Q_OBJECT
public:
    // expiry: nullopt keeps the old one's lifetime (the server counts it from now); an invalid time: never.
    RotateCredentialJob(ApiClient* client, CredentialKind kind, QString id, qint64 graceSeconds,
                        std::optional<QDateTime> expiry = std::nullopt, QObject* parent = nullptr);
    ~RotateCredentialJob() override;
    const IssuedCredential& result() const { return m_result; }
    QByteArray takeSecret();

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    QString m_id;
    qint64 m_graceSeconds;
    std::optional<QDateTime> m_expiry;
    IssuedCredential m_result;
};

// GET …/{id}/usage: how one credential is used (issue 12).
struct CredentialUsage
{
    struct Seen
    {
        QString name; // the address or the user agent
        QDateTime first;
        QDateTime last;
        qint64 count = 0;
    };
    struct Refusal
    {
        QDateTime at;
        QString ip;
        QString reason; // "ip_not_allowed", "insufficient_scope", "token_not_valid", …
        QString detail; // the server's sentence
    };
    int days = 30;
    qint64 total = 0;
    QList<QPair<QDate, qint64>> daily; // days with requests, oldest first
    QList<Seen> addresses;
    QList<Seen> agents;
    QStringList scopesUsed;
    QStringList scopesUnused;
    QList<Refusal> refusals;
    // The old credential of a rotation: who still uses it (absent for one that was not rotated).
    struct Drain
    {
        QString successorId;
        QDateTime rotatedAt;
        bool inGrace = false;
        QDateTime graceEndsAt;
        QDateTime graceLimit; // the latest the grace can be extended to
        qint64 sinceRotation = 0;
        qint64 lastHour = 0;
        QList<QPair<QString, QDateTime>> addresses; // used it since the rotation: address, last seen
    };
    std::optional<Drain> drain;
};

class UsageJob final : public ApiJob
{
    Q_OBJECT
public:
    UsageJob(ApiClient* client, CredentialKind kind, QString id, int days, QObject* parent = nullptr);
    const CredentialUsage& usage() const { return m_usage; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QUrlQuery query() const override;
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    QString m_id;
    int m_days;
    CredentialUsage m_usage;
};

// POST …/{id}/suspend or …/{id}/resume.
class SuspendCredentialJob final : public ApiJob
{
    Q_OBJECT
public:
    SuspendCredentialJob(ApiClient* client, CredentialKind kind, QString id, bool suspend, QObject* parent = nullptr);
    const protocol::ApiKeyDto& record() const { return m_record; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    QString m_id;
    bool m_suspend;
    protocol::ApiKeyDto m_record;
};

// POST …/{id}/grace: ends (a time now or past) or moves the end of a rotated credential's grace.
class GraceJob final : public ApiJob
{
    Q_OBJECT
public:
    GraceJob(ApiClient* client, CredentialKind kind, QString id, QDateTime endsAt, QObject* parent = nullptr);
    const protocol::ApiKeyDto& record() const { return m_record; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    CredentialKind m_kind;
    QString m_id;
    QDateTime m_endsAt;
    protocol::ApiKeyDto m_record;
};

// GET /api/v1/findings: the tenant's risks, each with the credentials that have it.
struct Finding
{
    enum class Severity { High, Medium, Low };
    struct Item
    {
        protocol::ApiKeyDto record;
        QStringList usedScopes;   // unusedScopes: what it needed (what a narrowing keeps)
        QStringList unusedScopes; // unusedScopes: what it holds and did not need
        qint64 refusals = 0;      // refusedOften: in the last 24 hours
        QString createdBy;        // creatorLeft: the e-mail of whoever made it and has left the tenant
    };
    QString type; // "neverUsed", "idle", "neverExpires", "adminWithoutAllowlist", "unusedScopes", …
    Severity severity = Severity::Low;
    qint64 count = 0;
    bool truncated = false; // more have it than are listed
    QList<Item> items;
};

class FindingsJob final : public ApiJob
{
    Q_OBJECT
public:
    explicit FindingsJob(ApiClient* client, QObject* parent = nullptr);
    const QList<Finding>& findings() const { return m_findings; }
    QDateTime computedAt() const { return m_computedAt; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/findings"); }
    bool parse(const QJsonValue& data) override;

private:
    QList<Finding> m_findings;
    QDateTime m_computedAt;
};

class IntrospectJob final : public ApiJob
{
    Q_OBJECT
public:
    IntrospectJob(ApiClient* client, QByteArray token, QObject* parent = nullptr);
    ~IntrospectJob() override;
    const QJsonObject& result() const { return m_result; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/api/v1/tokens/introspect"); }
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    QByteArray m_token;
    QJsonObject m_result;
};

using AuditEvent = protocol::AuditEventDto;

// What an audit page is narrowed to (GET /api/v1/audit-events): empty fields do not narrow.
struct AuditFilter
{
    QString targetId;
    QStringList actions; // any of these
    QDateTime since;     // inclusive
    QDateTime until;     // exclusive
};

class AuditEventsJob final : public ApiJob
{
    Q_OBJECT
public:
    AuditEventsJob(ApiClient* client, QString targetId, QString cursor, int limit = 200, QObject* parent = nullptr);
    AuditEventsJob(ApiClient* client, AuditFilter filter, QString cursor, int limit = 200, QObject* parent = nullptr);
    const QList<AuditEvent>& events() const { return m_events; }
    QString nextCursor() const { return m_nextCursor; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/audit-events"); }
    QUrlQuery query() const override;
    bool parse(const QJsonValue& data) override;

private:
    AuditFilter m_filter;
    QString m_cursor;
    int m_limit;
    QList<AuditEvent> m_events;
    QString m_nextCursor;
};

// Reads a credential record in any kind's wire shape (UATs say permissions/validUntil).

} // namespace td::app
