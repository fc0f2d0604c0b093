#pragma once

#include "Auth.h"
#include "Http.h"
#include "ServerContext.h"
#include "Store.h"

#include <QJsonArray>

#include <optional>

namespace td::server {

// What the controllers of one worker share: its context, store and authenticator, and the answers every concern
// gives alike. Each controller handles one concern (authentication, credentials, support, resources); Api lists
// their routes in one place.
class Controller
{
public:
    Controller(ServerContext& context, Store& store, Authenticator& auth);

protected:
    AuditRecord auditRecord(const Request& request, const QString& tenantId, const QString& actor,
                            const QString& action, const QString& targetKind = {}, const QString& targetId = {},
                            const QString& detail = {}) const;
    // Events that accompany no change of their own (logins, refusals); a change passes its events to its store
    // transaction instead.
    void audit(const Request& request, const QString& tenantId, const QString& actor, const QString& action,
               const QString& targetKind = {}, const QString& targetId = {}, const QString& detail = {});
    Response storeFailure();
    Response missingCredential(bool readFailed); // 404, or storeFailure() when the read failed
    // A credential's refused requests (its auth.refused audit events) within the last days, newest first, as
    // {at, ip, reason, detail}; nullopt when the store could not be read.
    std::optional<QJsonArray> refusals(const QString& tenantId, const QString& credentialId, int days, int most);

    ServerContext& m_context;
    Store& m_store;
    Authenticator& m_auth;
};

} // namespace td::server
