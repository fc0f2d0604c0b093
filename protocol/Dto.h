#pragma once

#include "protocol/CredentialKind.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::protocol {

// Timestamps on the wire: UTC ISO-8601 with 'Z', seconds precision ("2024-01-15T12:00:00Z").
QString toIso(const QDateTime& time);          // invalid -> empty string
QJsonValue toIsoOrNull(const QDateTime& time); // invalid -> null
// Accepts "…Z" and "…+hh:mm"; a date alone ("2024-01-15") is the start of that day UTC. Invalid -> invalid.
QDateTime fromIso(const QString& text);

// The most ids one bulk revoke (POST …/revoke) accepts; the console splits larger revokes into requests of this size.
inline constexpr int MaxBulkRevokeIds = 1000;

// The /api/v1 envelope of API.md §2.
QJsonObject successEnvelope(const QJsonValue& data);
QJsonObject errorEnvelope(const QString& code, const QString& message, const QJsonObject& details = {});

namespace ErrorCode {
inline constexpr auto ValidationError = "validation_error";
inline constexpr auto Unauthorized = "unauthorized";
inline constexpr auto TokenNotValid = "token_not_valid";
inline constexpr auto InsufficientScope = "insufficient_scope";
inline constexpr auto IpNotAllowed = "ip_not_allowed";
inline constexpr auto TenantForbidden = "tenant_forbidden";
inline constexpr auto NotFound = "not_found";
inline constexpr auto MethodNotAllowed = "method_not_allowed";
inline constexpr auto Conflict = "conflict";
inline constexpr auto PayloadTooLarge = "payload_too_large";
inline constexpr auto RateLimited = "rate_limited";
inline constexpr auto CredentialSuspended = "credential_suspended";
inline constexpr auto Forbidden = "forbidden";
inline constexpr auto InternalError = "internal_error";
} // namespace ErrorCode

enum class KeyStatus { Active, Expired, Revoked, Suspended };
QString toString(KeyStatus status); // "active", "expired", "revoked", "suspended"
std::optional<KeyStatus> keyStatusFromString(const QString& text);

struct UserDto
{
    QString id;
    QString email;
    QString username;
    QString displayName;
    qint64 clientId = 0;

    QJsonObject toJson() const;
    static std::optional<UserDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

struct TenantDto
{
    QString id;
    QString name;
    QString role; // "admin" or "member": the role of the credential's user in this tenant

    QJsonObject toJson() const;
    static std::optional<TenantDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// A credential's own request rate limit ("rateLimit": {"requests", "perSeconds"}, or null for none).
struct RateLimit
{
    static constexpr int MaxRequests = 1000000;
    static constexpr int MaxSeconds = 86400;
    int requests = 0; // 0: no limit
    int perSeconds = 0;
    bool isSet() const { return requests > 0 && perSeconds > 0; }
    // Whether this limit allows no more than other does (an unset other allows anything).
    bool within(const RateLimit& other) const
    {
        return !other.isSet() ||
               (isSet() && qint64(requests) * other.perSeconds <= qint64(other.requests) * perSeconds);
    }
    friend bool operator==(const RateLimit& a, const RateLimit& b)
    {
        return a.requests == b.requests && a.perSeconds == b.perSeconds;
    }
    friend bool operator!=(const RateLimit& a, const RateLimit& b) { return !(a == b); }
};

// A credential (API key, UAT or private token) as every list and get returns it: never the secret. Its fields on
// the wire are protocol/CredentialFields.h's list.
struct ApiKeyDto
{
    QString id;
    CredentialKind kind = CredentialKind::ApiKey;
    QString name;
    QString description;
    QString prefix;
    QString last4;
    QStringList scopes;
    QString tenantId;
    QDateTime createdAt;
    QString createdBy;
    QDateTime expiresAt;  // invalid = never
    QDateTime lastUsedAt; // invalid = never used
    QString lastUsedIp;
    QStringList ipAllowlist;
    KeyStatus status = KeyStatus::Active;
    QDateTime revokedAt;
    QString revokedBy;
    QString rotatedFrom;
    QString rotatedTo;
    QDateTime suspendedAt; // invalid = not suspended
    RateLimit rateLimit;

    QJsonObject toJson() const;
    // "kind" may be absent (an API key); the rights are read under the kind's name ("scopes" or "permissions").
    static std::optional<ApiKeyDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// One event of the audit log (GET /api/v1/audit-events).
struct AuditEventDto
{
    QString id;
    QDateTime at;
    QString tenantId; // empty: not in a tenant (a refused login of an unknown account)
    QString actor;    // "user:<id>", "<kind>:<id>", "login:unknown"
    QString action;   // "apiKey.create", "auth.refused", …
    QString targetKind;
    QString targetId;
    QString ip;
    QString detail;
    // For people, resolved by the server when the page is read: a user's e-mail, or a credential's
    // "name (prefix…last4)"; empty when unknown (deleted, or not a user or credential).
    QString actorName;
    QString targetName;

    QJsonObject toJson() const;
    static std::optional<AuditEventDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// What POST /api/v1/auth/login and /auth/refresh answer.
struct LoginResultDto
{
    QString token;        // the access token (JWT)
    QString refreshToken; // opaque, one use
    QDateTime expiresAt;  // of the access token
    QDateTime refreshExpiresAt;
    QString tenantId;
    UserDto user;
    QList<TenantDto> tenants;

    QJsonObject toJson() const;
    static std::optional<LoginResultDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// What GET /api/v1/me answers: who the caller is. The server writes it as text (it is the hottest route) from the
// same field names; tests/server check that this parser reads what it writes.
struct MeDto
{
    QString id;   // session or credential id
    QString kind; // "session" or a credential kind's wire name
    QString role; // sessions only
    QStringList scopes;
    QString tenantId;
    QDateTime expiresAt;         // invalid: never
    std::optional<UserDto> user; // none for a credential without a user behind it

    QJsonObject toJson() const;
    static std::optional<MeDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// The "error" of a failed /api/v1 answer (API.md §2).
struct ErrorDto
{
    QString code;
    QString message;
    QJsonObject details; // per field, or named values such as "required" and "retryAfter"

    QJsonObject toJson() const; // details left out when empty
    static std::optional<ErrorDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// One page of a list: {"items": [...], "nextCursor": "…" or null (the last page)}. The server writes pages of
// credentials as text in this shape (server/JsonText) and every other list through this struct; readers take the
// items with the item's own DTO.
struct ListPageDto
{
    QJsonArray items;
    QString nextCursor; // empty: the last page

    QJsonObject toJson() const;
    static std::optional<ListPageDto> fromJson(const QJsonObject& object, QString* error = nullptr);
};

// Status computed at read time.
// Revoked before expired before suspended before active.
KeyStatus computeStatus(const QDateTime& revokedAt, const QDateTime& expiresAt, const QDateTime& now,
                        const QDateTime& suspendedAt = {});

} // namespace td::protocol
