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
    enum class Dialect { V1, V2 };
    using Guarded = std::function<Response(Request&, const Principal&)>;
    // Authenticates, then checks the scope ("" = any valid credential). V2 answers in the UAT portal's shapes.
    Router::Handler guarded(const QString& scope, Guarded handler, Dialect dialect = Dialect::V1);

    // Password login shared by the three login dialects.
    struct LoginOutcome
    {
        enum class Status { Ok, Invalid, RateLimited, NoTenant, Failed } status = Status::Failed;
        int retryAfter = 0;
        QString message;
        std::optional<UserRecord> user;
        QString tenantId;
        QString sessionId;
        qint64 sessionExpiresMs = 0;
        QByteArray refreshToken;
    };
    // done is not called when the hashing queue is full: reply gets a 503 then.
    void passwordLogin(const Request& request, const QString& login, const QString& password, const QString& tenantId,
                       const Reply& reply, std::function<void(const LoginOutcome&)> done);
    QByteArray accessToken(const QString& userId, const QString& tenantId, const QString& sessionId, qint64* exp);
    void b2bLogin(Request& request, const Reply& reply);
    void v2JwtLogin(Request& request, const Reply& reply);
    Response v2Me(Request& request, const Principal& principal);
    Response v2Resource(Request& request, const Principal& principal, const QString& kind, int status);
    Response introspect(Request& request, const Principal& principal);
    Response auditEvents(Request& request, const Principal& principal);

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
    std::optional<Response> outsideBounds(const Principal& p, const CredentialRecord& record) const;
    CredentialRecord withPendingUsage(const CredentialRecord& record) const;

    // resources guarded by scopes
    Response listResources(Request& request, const Principal& principal, const QString& kind);
    Response createResource(Request& request, const Principal& principal, const QString& kind);

    AuditRecord auditRecord(const Request& request, const QString& tenantId, const QString& actor,
                            const QString& action, const QString& targetKind = {}, const QString& targetId = {},
                            const QString& detail = {}) const;
    void audit(const Request& request, const QString& tenantId, const QString& actor, const QString& action,
               const QString& targetKind = {}, const QString& targetId = {}, const QString& detail = {});
    Response storeFailure();
    Response missingCredential(bool readFailed); // 404, or storeFailure() when the read failed

    ServerContext& m_context;
    Store& m_store;
    Authenticator m_auth;
};

} // namespace td::server
