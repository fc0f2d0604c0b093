#include "AuthController.h"

#include "Clock.h"
#include "JsonText.h"
#include "Log.h"
#include "Text.h"
#include "Validation.h"
#include "protocol/Jwt.h"
#include "protocol/Token.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

constexpr qint64 AccessLifetimeSecs = 3600;
constexpr qint64 RefreshLifetimeMs = 7LL * 24 * 3600 * 1000;
constexpr int MaxLoginLength = 254; // the longest e-mail address

} // namespace

AuthController::AuthController(ServerContext& context, Store& store, Authenticator& auth, QObject* parent)
    : QObject(parent)
    , Controller(context, store, auth)
{}

void AuthController::passwordLogin(const Request& request, const QString& login, const QString& password,
                                   const QString& wantedTenant, const Reply& reply,
                                   std::function<void(const LoginOutcome&)> done)
{
    const ServerConfig& config = m_context.config;
    const int window = config.loginWindowSeconds;
    const qint64 now = Clock::nowMs();
    Read<UserRecord> found = m_store.userByLogin(login);
    if (found.isFailed()) {
        reply(storeFailure());
        return;
    }
    const std::optional<UserRecord> user = found.take();
    // IPv6 clients count per /64: whoever holds one address of it usually holds them all.
    const QString bucket = clientBucket(request.client);
    const QString addressKey = u"addr:"_s + bucket;
    const QString failuresKey = u"fail:"_s + bucket;
    const QString globalKey = u"fail:*"_s;
    // One bucket per account however it is named (e-mail or user name); unknown names get one each.
    const QString accountKey = u"acct:"_s + (user ? user->id : login.toLower());
    // The audit log names a known account by its id and never stores what was typed for an unknown one: that text
    // is sometimes a password typed into the wrong field.
    const QString actor = user ? u"user:"_s + user->id : u"login:unknown"_s;
    const auto tenantOf = [this, &user] {
        const Read<QList<MembershipRecord>> memberships =
            user ? m_store.memberships(user->id) : Read<QList<MembershipRecord>>::none();
        return memberships && !memberships->isEmpty() ? memberships->constFirst().tenantId : QString();
    };
    // Attempts are counted before the password is checked, in one step with the check, so that many concurrent
    // attempts cannot all pass before the first failure is recorded; a success clears the account's count.
    int wait = m_context.limiter.acquire(addressKey, config.loginAttemptsPerAddress, window, now);
    // Past the global failure budget only clients without a failure of their own may try: a distributed guessing
    // run stops, a user who has not failed gets through.
    const int ownFailures = m_context.limiter.count(failuresKey, window, now);
    if (wait == 0 && ownFailures > 0 && m_context.limiter.count(globalKey, window, now) >= config.loginFailuresGlobal)
        wait = m_context.limiter.secondsUntilFree(globalKey, window, now);
    if (wait == 0) {
        // Several instances on one PostgreSQL count an account's attempts together, in the database: guesses
        // spread over the instances meet the same limit. One process counts in memory.
        std::optional<int> shared;
        if (m_store.dialect() == Store::Dialect::PostgreSQL)
            shared = m_store.acquireAttempt(accountKey, config.loginFailuresPerAccount, window, now);
        wait = shared ? *shared : m_context.limiter.acquire(accountKey, config.loginFailuresPerAccount, window, now);
    }
    if (wait > 0) {
        // Seen by the admins of the account's tenant (an unknown account belongs to nobody); once per window and
        // account, so that a flood of refused attempts cannot flood the audit log.
        if (m_context.limiter.acquire(u"audit:"_s + accountKey, 1, window, now) == 0) {
            audit(request, tenantOf(), actor, u"login.rate_limited"_s, u"user"_s, user ? user->id : QString(),
                  tr("retry after %1 s").arg(wait));
        }
        LoginOutcome outcome;
        outcome.status = LoginOutcome::Status::RateLimited;
        outcome.retryAfter = wait;
        done(outcome);
        return;
    }

    // A client with more logins in flight, or recent failures, waits behind one with fewer: a flood from a few
    // addresses does not stand in front of a real user.
    // One client may hold an eighth of the queue at most.
    const int inFlight = m_context.loginsInFlight.enter(bucket);
    const int priority = -std::min(inFlight + ownFailures, 1000000);
    std::optional<QFuture<bool>> verification;
    if (inFlight < std::max(2, config.maxQueuedLogins / 8))
        verification = m_context.hasher.verifyAsync(password.toUtf8(), user ? user->passwordHash : QString(), priority);
    if (!verification) {
        m_context.loginsInFlight.leave(bucket);
        reply(Response::error(503, u"service_unavailable"_s,
                              tr("Too many logins are being checked right now. Try again in a few seconds."))
                  .withHeader("Retry-After", "2"));
        return;
    }
    // An unknown account costs the same hashing work as a wrong password: same status, same body, similar time.
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, request, user, actor, bucket, failuresKey, globalKey, accountKey, wantedTenant,
             done = std::move(done)] {
                watcher->deleteLater();
                m_context.loginsInFlight.leave(bucket);
                LoginOutcome outcome;
                const bool verified = watcher->result() && user.has_value();
                const qint64 at = Clock::nowMs();
                const Read<QList<MembershipRecord>> memberships =
                    user ? m_store.memberships(user->id) : Read<QList<MembershipRecord>>::of({});
                if (!verified) {
                    m_context.limiter.hit(failuresKey, at, m_context.config.loginWindowSeconds);
                    m_context.limiter.hit(globalKey, at, m_context.config.loginWindowSeconds);
                    audit(request,
                          memberships && !memberships->isEmpty() ? memberships->constFirst().tenantId : QString(),
                          actor, u"login.failed"_s, u"user"_s, user ? user->id : QString());
                    outcome.status = LoginOutcome::Status::Invalid;
                    done(outcome);
                    return;
                }
                m_context.limiter.clear(accountKey);
                if (m_store.dialect() == Store::Dialect::PostgreSQL)
                    m_store.clearAttempts(accountKey);
                if (memberships.isFailed()) {
                    outcome.status = LoginOutcome::Status::Failed;
                    done(outcome);
                    return;
                }
                for (const MembershipRecord& m : *memberships) {
                    if (wantedTenant.isEmpty() ? outcome.tenantId.isEmpty() : m.tenantId == wantedTenant)
                        outcome.tenantId = m.tenantId;
                }
                if (outcome.tenantId.isEmpty()) {
                    outcome.status = LoginOutcome::Status::NoTenant;
                    outcome.message = wantedTenant.isEmpty()
                                          ? tr("This account belongs to no tenant; ask an administrator to add it.")
                                          : tr("You are not a member of tenant \"%1\".").arg(wantedTenant);
                    done(outcome);
                    return;
                }
                outcome.refreshToken = OpaqueToken::generate(TokenKind::Refresh);
                SessionRecord session{newId("ses_"), user->id, outcome.tenantId, at, at + RefreshLifetimeMs, 0};
                if (!m_store.createSession(session, m_context.digest(outcome.refreshToken))) {
                    outcome.status = LoginOutcome::Status::Failed;
                    done(outcome);
                    return;
                }
                audit(request, outcome.tenantId, u"user:"_s + user->id, u"login"_s, u"session"_s, session.id);
                outcome.status = LoginOutcome::Status::Ok;
                outcome.user = user;
                outcome.sessionId = session.id;
                outcome.sessionExpiresMs = session.expiresAt;
                done(outcome);
            });
    watcher->setFuture(*verification);
}

void AuthController::login(Request& request, const Reply& reply)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body) {
        reply(error);
        return;
    }
    const QString login = body->contains(u"email"_s) ? body->value(u"email"_s).toString().trimmed()
                                                     : body->value(u"username"_s).toString().trimmed();
    const QString password = body->value(u"password"_s).toString();
    FieldErrors errors;
    if (login.isEmpty())
        errors.add(u"email"_s, tr("An e-mail address or user name is required."));
    else if (login.size() > MaxLoginLength)
        errors.add(u"email"_s, tr("An e-mail address or user name has at most %1 characters.").arg(MaxLoginLength));
    if (password.isEmpty())
        errors.add(u"password"_s, tr("A password is required."));
    if (errors.any()) {
        reply(errors.response());
        return;
    }
    passwordLogin(
        request, login, password, body->value(u"tenantId"_s).toString(), reply,
        [this, request, reply](const LoginOutcome& o) {
            switch (o.status) {
            case LoginOutcome::Status::Ok:
                reply(issueSession(request, *o.user, o.tenantId, o.sessionId, o.sessionExpiresMs, o.refreshToken));
                return;
            case LoginOutcome::Status::Invalid:
                reply(Response::error(401, QLatin1String(ErrorCode::Unauthorized), tr("Invalid credentials.")));
                return;
            case LoginOutcome::Status::RateLimited:
                reply(Response::error(429, QLatin1String(ErrorCode::RateLimited),
                                      tr("Too many login attempts. Try again in %n second(s).", nullptr, o.retryAfter),
                                      {{u"retryAfter"_s, o.retryAfter}})
                          .withHeader("Retry-After", QByteArray::number(o.retryAfter)));
                return;
            case LoginOutcome::Status::NoTenant:
                reply(Response::error(403, QLatin1String(ErrorCode::TenantForbidden), o.message));
                return;
            case LoginOutcome::Status::Failed:
                reply(storeFailure());
                return;
            }
        });
}

QByteArray AuthController::accessToken(const QString& userId, const QString& tenantId, const QString& sessionId,
                                       qint64* exp)
{
    JwtClaims claims;
    claims.iss = m_context.config.issuer;
    claims.aud = m_context.config.audience;
    claims.sub = userId;
    claims.tid = tenantId;
    claims.sid = sessionId;
    claims.jti = QString::fromLatin1(randomBase62(22));
    claims.iat = Clock::nowSecs();
    claims.nbf = claims.iat;
    claims.exp = claims.iat + AccessLifetimeSecs;
    *exp = claims.exp;
    return Jwt::encode(claims, m_context.keys.signingKey);
}

Response AuthController::issueSession(const Request& request, const UserRecord& user, const QString& tenantId,
                                      const QString& sessionId, qint64 sessionExpiresMs, const QByteArray& refreshToken)
{
    Q_UNUSED(request)
    qint64 exp = 0;
    const QByteArray token = accessToken(user.id, tenantId, sessionId, &exp);
    const auto memberships = m_store.memberships(user.id);
    if (memberships.isFailed())
        return storeFailure();
    LoginResultDto result{QString::fromLatin1(token),
                          QString::fromLatin1(refreshToken),
                          QDateTime::fromSecsSinceEpoch(exp, Qt::UTC),
                          fromMs(sessionExpiresMs),
                          tenantId,
                          user.toDto(),
                          {}};
    for (const MembershipRecord& m : *memberships)
        result.tenants.append(TenantDto{m.tenantId, m.tenantName, m.role});
    return Response::ok(result.toJson());
}

void AuthController::b2bLogin(Request& request, const Reply& reply)
{
    // B2B API document: exact bodies, no envelope.
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString username = body.value(u"username"_s).toString().trimmed();
    const QString password = body.value(u"password"_s).toString();
    if (username.isEmpty() || password.isEmpty()) {
        reply(Response::json(
            400, {{u"error"_s, u"validation_error"_s}, {u"message"_s, u"Username and password are required"_s}}));
        return;
    }
    if (username.size() > MaxLoginLength) {
        reply(Response::json(400, {{u"error"_s, u"validation_error"_s},
                                   {u"message"_s, u"Username must have at most 254 characters"_s}}));
        return;
    }
    passwordLogin(request, username, password, {}, reply, [this, reply](const LoginOutcome& o) {
        switch (o.status) {
        case LoginOutcome::Status::Ok: {
            qint64 exp = 0;
            const QByteArray token = accessToken(o.user->id, o.tenantId, o.sessionId, &exp);
            reply(Response::json(200, {{u"access_token"_s, QString::fromLatin1(token)},
                                       {u"refresh_token"_s, QString::fromLatin1(o.refreshToken)},
                                       {u"access_expires_at"_s, toIso(QDateTime::fromSecsSinceEpoch(exp, Qt::UTC))},
                                       {u"refresh_expires_at"_s, toIso(fromMs(o.sessionExpiresMs))},
                                       {u"client_id"_s, o.user->clientId}}));
            return;
        }
        case LoginOutcome::Status::RateLimited:
            reply(Response::json(429, {{u"error"_s, u"Too Many Requests"_s},
                                       {u"message"_s, u"Too many login attempts. Please try again later."_s}})
                      .withHeader("Retry-After", QByteArray::number(o.retryAfter)));
            return;
        case LoginOutcome::Status::Failed:
            reply(storeFailure());
            return;
        default:
            reply(Response::json(401, {{u"error"_s, u"unauthorized"_s}, {u"message"_s, u"Invalid credentials"_s}})
                      .withHeader("WWW-Authenticate", "Bearer realm=\"tokendesk\""));
            return;
        }
    });
}

void AuthController::v2JwtLogin(Request& request, const Reply& reply)
{
    // UAT portal document: Django REST framework shapes.
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString email = body.value(u"email"_s).toString().trimmed();
    const QString password = body.value(u"password"_s).toString();
    if (email.isEmpty() || password.isEmpty() || email.size() > MaxLoginLength) {
        QJsonObject errors;
        if (email.isEmpty())
            errors.insert(u"email"_s, QJsonArray{u"This field is required."_s});
        else if (email.size() > MaxLoginLength)
            errors.insert(u"email"_s, QJsonArray{u"Ensure this field has no more than 254 characters."_s});
        if (password.isEmpty())
            errors.insert(u"password"_s, QJsonArray{u"This field is required."_s});
        reply(Response::json(400, errors));
        return;
    }
    passwordLogin(request, email, password, {}, reply, [this, reply](const LoginOutcome& o) {
        switch (o.status) {
        case LoginOutcome::Status::Ok: {
            qint64 exp = 0;
            reply(Response::json(
                200, {{u"token"_s, QString::fromLatin1(accessToken(o.user->id, o.tenantId, o.sessionId, &exp))}}));
            return;
        }
        case LoginOutcome::Status::RateLimited:
            reply(Response::json(429, {{u"detail"_s, u"Request was throttled. Expected available in %1 seconds."_s.arg(
                                                         o.retryAfter)}})
                      .withHeader("Retry-After", QByteArray::number(o.retryAfter)));
            return;
        case LoginOutcome::Status::Failed:
            reply(storeFailure());
            return;
        default:
            reply(Response::json(
                400, {{u"non_field_errors"_s, QJsonArray{u"Unable to login with provided credentials."_s}}}));
            return;
        }
    });
}

Response AuthController::v2Me(Request&, const Principal& p)
{
    const auto user = m_store.userById(p.userId);
    const auto tenant = m_store.tenant(p.tenantId);
    if (user.isFailed() || tenant.isFailed())
        return storeFailure();
    QJsonObject me{
        {u"id"_s, p.userId},
        {u"email"_s, user ? user->email : QString()},
        {u"username"_s, user && !user->username.isEmpty() ? QJsonValue(user->username) : QJsonValue()},
        {u"company"_s, QJsonObject{{u"id"_s, p.tenantId}, {u"name"_s, tenant ? tenant->tenantName : QString()}}},
        {u"auth"_s, p.kindName()}};
    if (p.credentialKind == CredentialKind::Uat)
        me.insert(u"permissions"_s, QJsonArray::fromStringList(p.scopes));
    return Response::json(200, me);
}

QByteArray AuthController::refreshTokenOf(const Request& request, const QString& missing, Response* error)
{
    const auto body = jsonBody(request, error);
    if (!body)
        return {};
    const QByteArray presented = body->value(u"refreshToken"_s).toString().toLatin1();
    if (presented.isEmpty()) {
        FieldErrors errors;
        errors.add(u"refreshToken"_s, missing);
        *error = errors.response();
        return {};
    }
    const auto parsed = OpaqueToken::parse(presented);
    if (!parsed || parsed->kind != TokenKind::Refresh) {
        *error = Response::error(401, QLatin1String(ErrorCode::TokenNotValid), tr("The refresh token is not valid."));
        return {};
    }
    return presented;
}

Response AuthController::refresh(Request& request)
{
    Response error;
    const QByteArray presented = refreshTokenOf(request, tr("A refresh token is required."), &error);
    if (presented.isEmpty())
        return error;
    const qint64 now = Clock::nowMs();
    const QByteArray next = OpaqueToken::generate(TokenKind::Refresh);
    SessionRecord session;
    switch (m_store.rotateRefresh(m_context.digest(presented), m_context.digest(next), now, &session)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::Reused:
        qCWarning(lcAuth).noquote() << "refresh token reuse; session" << session.id << "ended";
        audit(request, session.tenantId, u"user:"_s + session.userId, u"refresh.reuse"_s, u"session"_s, session.id,
              tr("A used refresh token was presented again; the session was ended."));
        return Response::error(401, QLatin1String(ErrorCode::TokenNotValid),
                               tr("This refresh token was used before, so the session has been ended. Log in again."));
    case Store::Outcome::Failed:
        return storeFailure();
    default:
        return Response::error(401, QLatin1String(ErrorCode::TokenNotValid),
                               tr("The refresh token is not valid or the session has ended. Log in again."));
    }
    const auto user = m_store.userById(session.userId);
    if (!user)
        return user.isFailed() ? storeFailure()
                               : Response::error(401, QLatin1String(ErrorCode::TokenNotValid),
                                                 tr("The session has ended. Log in again."));
    audit(request, session.tenantId, u"user:"_s + user->id, u"refresh"_s, u"session"_s, session.id);
    return issueSession(request, *user, session.tenantId, session.id, session.expiresAt, next);
}

Response AuthController::logout(Request& request)
{
    Response error;
    const QByteArray presented =
        refreshTokenOf(request, tr("The refresh token of the session to end is required."), &error);
    if (presented.isEmpty())
        return error;
    SessionRecord session;
    switch (m_store.revokeSessionByRefresh(m_context.digest(presented), Clock::nowMs(), &session)) {
    case Store::Outcome::Ok:
        audit(request, session.tenantId, u"user:"_s + session.userId, u"logout"_s, u"session"_s, session.id);
        return Response::ok(QJsonObject{{u"loggedOut"_s, true}});
    case Store::Outcome::NotFound:
        return Response::error(401, QLatin1String(ErrorCode::TokenNotValid), tr("The refresh token is not valid."));
    default:
        return storeFailure();
    }
}

// Every request with a credential may ask who it is: written straight to JSON text (the same bytes QJsonDocument
// would write, keys in order), with the user's part cached, instead of building QJsonObjects, which took a third of
// the server's time under load.
Response AuthController::me(Request&, const Principal& p)
{
    const qint64 now = Clock::nowMs();
    m_store.checkAuthStamp(now);
    std::shared_ptr<const QByteArray> user = m_context.authCache.userJson(p.userId, now);
    if (!user && !p.userId.isEmpty()) {
        const quint64 generation = m_context.authCache.generation();
        const auto record = m_store.userById(p.userId);
        if (record.isFailed())
            return storeFailure();
        if (record) {
            user = std::make_shared<const QByteArray>(
                QJsonDocument(record->toDto().toJson()).toJson(QJsonDocument::Compact));
            m_context.authCache.putUserJson(p.userId, user, now, generation);
        }
    }
    QByteArray body;
    body.reserve(256 + (user ? user->size() : 0));
    body += "{\"data\":{\"expiresAt\":";
    appendJsonTime(body, p.expiresAt);
    body += ",\"id\":";
    appendJsonString(body, p.credentialId);
    body += ",\"kind\":";
    appendJsonString(body, p.kindName());
    body += ",\"role\":";
    if (p.role.isEmpty())
        body += "null";
    else
        appendJsonString(body, p.role);
    body += ",\"scopes\":[";
    for (qsizetype i = 0; i < p.scopes.size(); ++i) {
        if (i > 0)
            body += ',';
        appendJsonString(body, p.scopes.at(i));
    }
    body += "],\"tenantId\":";
    appendJsonString(body, p.tenantId);
    body += ",\"user\":";
    body += user ? *user : QByteArray("null");
    body += "},\"success\":true}";
    Response response;
    response.body = std::move(body);
    return response;
}

} // namespace td::server
