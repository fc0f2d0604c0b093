#pragma once

#include "Auth.h"
#include "Router.h"
#include "ServerContext.h"
#include "Store.h"

#include <QObject>

namespace td::server {

// The handlers of /api/v1 for one worker thread.
class Api final : public QObject
{
    Q_OBJECT
public:
    Api(ServerContext& context, Store& store, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(Api)

    void registerRoutes(Router& router);
    void prepare(Request& request) const; // resolves the client address

private:
    using Guarded = std::function<Response(Request&, const Principal&)>;
    // Authenticates, then checks the scope ("" = any valid credential).
    Router::Handler guarded(const QString& scope, Guarded handler);

    // auth
    void login(Request& request, const Reply& reply);
    Response refresh(Request& request);
    Response logout(Request& request);
    Response issueSession(const Request& request, const UserRecord& user, const QString& tenantId,
                          const QString& sessionId, qint64 sessionExpiresMs, const QByteArray& refreshToken);
    Response me(Request& request, const Principal& principal);
    Response scopes(Request& request, const Principal& principal);
    Response tenants(Request& request, const Principal& principal);

    // credentials (API keys now; UATs and private tokens share the code)
    Response listCredentials(Request& request, const Principal& principal, const QString& kind);
    Response createCredential(Request& request, const Principal& principal, const QString& kind);
    Response getCredential(Request& request, const Principal& principal, const QString& kind);
    Response patchCredential(Request& request, const Principal& principal, const QString& kind);
    Response revokeCredential(Request& request, const Principal& principal, const QString& kind);
    Response bulkRevoke(Request& request, const Principal& principal, const QString& kind);
    Response rotateCredential(Request& request, const Principal& principal, const QString& kind);
    QJsonObject credentialJson(const CredentialRecord& record, qint64 now);

    // resources guarded by scopes
    Response listResources(Request& request, const Principal& principal, const QString& kind);
    Response createResource(Request& request, const Principal& principal, const QString& kind);

    void audit(const Request& request, const QString& tenantId, const QString& actor, const QString& action,
               const QString& targetKind = {}, const QString& targetId = {}, const QString& detail = {});
    Response storeFailure();

    ServerContext& m_context;
    Store& m_store;
    Authenticator m_auth;
};

} // namespace td::server
