#pragma once

#include "Controller.h"
#include "Validation.h"

#include <QJsonObject>

#include <optional>

namespace td::server {

// API keys, UATs and private tokens: one set of handlers for every kind, told apart by protocol/CredentialKind's
// table (kind is the wire name the route was registered for).
class CredentialController final : public Controller
{
public:
    using Controller::Controller;

    // mine: only the caller's own (GET /me/uats, /me/private-tokens). Anyone without admin sees only their own;
    // admins can narrow to one person with ?owner=<user id>.
    Response list(Request& request, const Principal& principal, const QString& kind, bool mine = false);
    Response create(Request& request, const Principal& principal, const QString& kind);
    Response get(Request& request, const Principal& principal, const QString& kind);
    Response patch(Request& request, const Principal& principal, const QString& kind);
    Response revoke(Request& request, const Principal& principal, const QString& kind);
    Response bulkRevoke(Request& request, const Principal& principal, const QString& kind);
    Response rotate(Request& request, const Principal& principal, const QString& kind);
    Response limits(Request& request, const Principal& principal);                     // GET /api/v1/limits
    Response usage(Request& request, const Principal& principal, const QString& kind); // GET …/{id}/usage
    Response grace(Request& request, const Principal& principal, const QString& kind); // POST …/{id}/grace
    Response findings(Request& request, const Principal& principal);                   // GET /api/v1/findings
    // POST …/{id}/suspend and …/{id}/resume: stop and restart a credential without revoking it.
    Response suspend(Request& request, const Principal& principal, const QString& kind, bool suspended);

private:
    QJsonObject credentialJson(const CredentialRecord& record, qint64 now);
    // The kind's expiry field of a create or rotate body: nullopt when absent (an error added if required) or bad.
    std::optional<qint64> expiryField(const QJsonObject& body, const protocol::CredentialKindInfo& k, qint64 now,
                                      FieldErrors& errors) const;
    int maxExpiryDays(protocol::CredentialKind kind) const; // 0: no bound
    CredentialRecord withPendingUsage(const CredentialRecord& record) const;
    std::optional<QJsonObject> drainJson(const CredentialRecord& record, const UsageReport& usage,
                                         const std::optional<UsageUpdate>& pending, qint64 now) const;
    // A credential (not a login session) acts only within its own bounds: scopes, expiry, allowlist.
    std::optional<Response> outsideBounds(const Principal& p, const CredentialRecord& record) const;
};

} // namespace td::server
