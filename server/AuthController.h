#pragma once

#include "Controller.h"

#include <QObject>

#include <functional>
#include <optional>

namespace td::server {

// Logging in (the v1 login and the dialects of the source documents), refreshing and ending sessions, and who the
// caller is (/me). A QObject: password hashing answers later, on this thread.
class AuthController final : public QObject, public Controller
{
    Q_OBJECT
public:
    AuthController(ServerContext& context, Store& store, Authenticator& auth, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuthController)

    void login(Request& request, const Reply& reply);
    void b2bLogin(Request& request, const Reply& reply);   // POST /auth/login (B2B document)
    void v2JwtLogin(Request& request, const Reply& reply); // POST /api/v2/auth/jwt/ (UAT portal)
    Response refresh(Request& request);
    Response logout(Request& request);
    Response me(Request& request, const Principal& principal);
    Response v2Me(Request& request, const Principal& principal);

private:
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
    // done is not called when the hashing queue is full or the store fails: reply gets a 503 or 500 then.
    void passwordLogin(const Request& request, const QString& login, const QString& password, const QString& tenantId,
                       const Reply& reply, std::function<void(const LoginOutcome&)> done);
    // The body's refreshToken, well formed; empty with *error the answer when it is missing or malformed.
    QByteArray refreshTokenOf(const Request& request, const QString& missing, Response* error);
    QByteArray accessToken(const QString& userId, const QString& tenantId, const QString& sessionId, qint64* exp);
    Response issueSession(const Request& request, const UserRecord& user, const QString& tenantId,
                          const QString& sessionId, qint64 sessionExpiresMs, const QByteArray& refreshToken);
};

} // namespace td::server
