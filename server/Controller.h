#pragma once

#include "Auth.h"
#include "Http.h"
#include "ServerContext.h"
#include "Store.h"

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

    ServerContext& m_context;
    Store& m_store;
    Authenticator& m_auth;
};

} // namespace td::server
