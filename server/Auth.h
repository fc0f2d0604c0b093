#pragma once

#include "Http.h"
#include "ServerContext.h"
#include "Store.h"
#include "protocol/Cidr.h"
#include "protocol/CredentialKind.h"
#include "protocol/Jwt.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace td::server {

// Who is calling, resolved for one request.
// A credential's own rate limit as this request found it.
struct RateLimitState
{
    protocol::RateLimit limit; // unset: the credential has none
    int remaining = 0;         // requests left in the window after this one
    int resetSeconds = 0;      // until the oldest request counted leaves the window
};

struct Principal
{
    std::optional<protocol::CredentialKind> credentialKind; // none: a login session
    QString credentialId;                                   // session id or credential id
    QString userId;                                         // the session's user, or the credential's creator
    QString tenantId;                                       // the tenant this request acts in
    QString role;                                           // session only: the user's role in tenantId
    QStringList scopes;
    qint64 expiresAt = 0;            // ms; 0: never (a session: its access token's expiry)
    QList<protocol::Cidr> allowlist; // a credential's IP allowlist; empty: any address
    RateLimitState rate;

    bool hasScope(const QString& scope) const;
    bool isSession() const { return !credentialKind; }
    QString kindName() const; // "session", or the credential kind's wire name
    QString actor() const;    // "user:<id>" or "<kind>:<id>", for the audit log
};

// RateLimit-Limit, -Remaining and -Reset for a credential with a rate limit of its own; nothing otherwise.
void addRateLimitHeaders(Response& response, const RateLimitState& rate);

struct AuthResult
{
    std::optional<Principal> principal;
    Response error; // when principal is empty
};

// Resolves the client address (X-Forwarded-For only from trusted proxies) and the credential of a request.
class Authenticator final
{
public:
    Authenticator(ServerContext& context, Store& store);

    QHostAddress clientAddress(const Request& request) const;
    AuthResult authenticate(const Request& request);
    // The session scopes of a role in a tenant: an admin holds every scope, a member every scope but admin.
    QStringList sessionScopes(const QString& role) const;
    // Verifies a session's JWT against this server's key, issuer and audience, now.
    protocol::JwtResult verifyJwt(const QByteArray& token) const;
    // After authentication, the route's scope: a credential's use of it is noted (usage, "scopes used"), its lack
    // audited as a refusal with the scope missing. Sessions are neither.
    void noteScope(const Request& request, const Principal& principal, const QString& scope, bool held);

private:
    AuthResult authenticateJwt(const Request& request, const QByteArray& token);
    AuthResult authenticateOpaque(const Request& request, const QByteArray& token,
                                  const protocol::CredentialKindInfo& kind);
    // reason: what the refusal is recorded as, when it is not the answer's code (owner_disabled, owner_not_member).
    AuthResult refuse(const Request& request, int status, const char* code, const QString& message,
                      const QString& targetKind = {}, const QString& targetId = {}, const QString& tenantId = {},
                      const char* reason = nullptr);

    AuthResult unavailable(); // 503: the store could not be read

    ServerContext& m_context;
    Store& m_store;
};

} // namespace td::server
