#include "Api.h"

#include "Clock.h"
#include "JsonText.h"
#include "Log.h"
#include "protocol/Cidr.h"
#include "protocol/CredentialKind.h"
#include "protocol/Jwt.h"
#include "protocol/Token.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>

#include <QJsonDocument>
#include <QUrl>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tokendesk-server", text);
}

constexpr qint64 AccessLifetimeSecs = 3600;
constexpr qint64 RefreshLifetimeMs = 7LL * 24 * 3600 * 1000;
constexpr qint64 MaxGraceSeconds = 30LL * 24 * 3600;
constexpr int MaxNameLength = 100;
constexpr int MaxDescriptionLength = 500;
constexpr int MaxAllowlistEntries = 100;
constexpr int MaxBulkIds = 1000;
constexpr int MaxLoginLength = 254; // the longest e-mail address

QDateTime fromMs(qint64 ms)
{
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Collects field errors so that one 400 names every bad field at once.
class FieldErrors
{
public:
    void add(const QString& field, const QString& message)
    {
        if (!m_details.contains(field))
            m_details.insert(field, message);
    }
    bool any() const { return !m_details.isEmpty(); }
    Response response() const
    {
        return Response::error(400, QLatin1String(ErrorCode::ValidationError),
                               tr("Some fields are missing or invalid; see details."), m_details);
    }

private:
    QJsonObject m_details;
};

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

QString nameField(const QJsonObject& body, FieldErrors& errors, bool required)
{
    const QJsonValue v = body.value(u"name"_s);
    if (v.isUndefined()) {
        if (required)
            errors.add(u"name"_s, tr("A name is required."));
        return {};
    }
    const QString name = v.toString().trimmed();
    if (!v.isString() || name.isEmpty())
        errors.add(u"name"_s, tr("The name must be a non-empty string."));
    else if (name.size() > MaxNameLength)
        errors.add(u"name"_s, tr("The name may have at most %1 characters.").arg(MaxNameLength));
    else if (hasControlCharacters(name))
        errors.add(u"name"_s, tr("The name may not contain control characters."));
    return name;
}

QString descriptionField(const QJsonObject& body, FieldErrors& errors)
{
    const QJsonValue v = body.value(u"description"_s);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        errors.add(u"description"_s, tr("The description must be a string."));
        return {};
    }
    const QString text = v.toString().trimmed();
    if (text.size() > MaxDescriptionLength)
        errors.add(u"description"_s, tr("The description may have at most %1 characters.").arg(MaxDescriptionLength));
    return text;
}

QStringList allowlistField(const QJsonObject& body, FieldErrors& errors)
{
    const QJsonValue v = body.value(u"ipAllowlist"_s);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        errors.add(u"ipAllowlist"_s, tr("The IP allowlist must be an array of CIDR strings."));
        return {};
    }
    const QJsonArray array = v.toArray();
    if (array.size() > MaxAllowlistEntries) {
        errors.add(u"ipAllowlist"_s, tr("The IP allowlist may have at most %1 entries.").arg(MaxAllowlistEntries));
        return {};
    }
    QStringList out;
    for (const QJsonValue& entry : array) {
        QString error;
        const auto cidr = entry.isString() ? Cidr::parse(entry.toString(), &error) : std::nullopt;
        if (!cidr) {
            errors.add(u"ipAllowlist"_s, entry.isString() ? u"%1: %2"_s.arg(entry.toString(), error)
                                                          : tr("Every entry must be a string."));
            return {};
        }
        if (!out.contains(cidr->toString()))
            out.append(cidr->toString());
    }
    return out;
}

void rejectUnknownFields(const QJsonObject& body, const QStringList& known, FieldErrors& errors)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()))
            errors.add(it.key(), tr("Unknown field."));
    }
}

std::optional<int> intParam(const Request& request, const QString& name, int min, int max, int fallback,
                            FieldErrors& errors)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = request.query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        errors.add(name, tr("Must be a whole number from %1 to %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return value;
}

// A record's kind as the store holds it (its CHECK admits only the kinds of the table).
const CredentialKindInfo& rules(const QString& wireName)
{
    const CredentialKindInfo* info = kindByWireName(wireName);
    Q_ASSERT(info);
    return info ? *info : kindInfo(CredentialKind::ApiKey);
}

} // namespace

Api::Api(ServerContext& context, Store& store, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_store(store)
    , m_auth(context, store)
{}

void Api::prepare(Request& request) const
{
    request.client = m_auth.clientAddress(request);
}

Router::Handler Api::guarded(const QString& scope, Guarded handler, Dialect dialect)
{
    return [this, scope, handler = std::move(handler), dialect](Request& request, const Reply& reply) {
        AuthResult result = m_auth.authenticate(request);
        if (!result.principal) {
            if (dialect == Dialect::V2 && result.error.status == 401) {
                // The UAT portal's shape (Django REST framework).
                const bool missing = !request.hasHeader("authorization") && !request.hasHeader("x-api-key");
                reply(Response::json(
                          401, missing ? QJsonObject{{u"detail"_s, u"Authentication credentials were not provided."_s}}
                                       : QJsonObject{{u"detail"_s, u"Given token not valid for any token type"_s},
                                                     {u"code"_s, u"token_not_valid"_s}})
                          .withHeader("WWW-Authenticate", "JWT realm=\"api\""));
            } else if (dialect == Dialect::V2) {
                reply(Response::json(result.error.status, {{u"detail"_s, QJsonDocument::fromJson(result.error.body)
                                                                             .object()
                                                                             .value(u"error"_s)
                                                                             .toObject()
                                                                             .value(u"message"_s)}}));
            } else {
                reply(result.error);
            }
            return;
        }
        if (!scope.isEmpty() && !result.principal->hasScope(scope)) {
            reply(dialect == Dialect::V2
                      ? Response::json(403, {{u"detail"_s, u"You do not have permission to perform this action."_s}})
                      : Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                        tr("This credential lacks the scope \"%1\".").arg(scope),
                                        {{u"required"_s, scope}}));
            return;
        }
        reply(handler(request, *result.principal));
    };
}

void Api::registerRoutes(Router& router)
{
    const QString v1 = u"/api/v1"_s;
    router.add("POST", v1 + u"/auth/login"_s, [this](Request& r, const Reply& reply) { login(r, reply); });
    router.add("POST", v1 + u"/auth/refresh"_s, [this](Request& r, const Reply& reply) { reply(refresh(r)); });
    router.add("POST", v1 + u"/auth/logout"_s, [this](Request& r, const Reply& reply) { reply(logout(r)); });
    router.add("GET", v1 + u"/me"_s, guarded({}, [this](Request& r, const Principal& p) { return me(r, p); }));
    router.add("GET", v1 + u"/scopes"_s, guarded({}, [this](Request& r, const Principal& p) { return scopes(r, p); }));
    router.add("GET", v1 + u"/tenants"_s,
               guarded({}, [this](Request& r, const Principal& p) { return tenants(r, p); }));

    const QString admin = QLatin1String(AdminScope);
    auto bind = [this](Response (Api::*fn)(Request&, const Principal&, const QString&), const QString& kind) {
        return [this, fn, kind](Request& r, const Principal& p) {
            return (this->*fn)(r, p, kind);
        };
    };
    for (const CredentialKindInfo& k : credentialKinds()) {
        const QString base = k.path();
        router.add("GET", base, guarded(admin, bind(&Api::listCredentials, k.wireName)));
        router.add("POST", base, guarded(admin, bind(&Api::createCredential, k.wireName)));
        router.add("POST", base + u"/revoke"_s, guarded(admin, bind(&Api::bulkRevoke, k.wireName)));
        router.add("GET", base + u"/{id}"_s, guarded(admin, bind(&Api::getCredential, k.wireName)));
        router.add("PATCH", base + u"/{id}"_s, guarded(admin, bind(&Api::patchCredential, k.wireName)));
        router.add("POST", base + u"/{id}/revoke"_s, guarded(admin, bind(&Api::revokeCredential, k.wireName)));
        router.add("POST", base + u"/{id}/rotate"_s, guarded(admin, bind(&Api::rotateCredential, k.wireName)));
    }
    router.add("POST", v1 + u"/tokens/introspect"_s,
               guarded(admin, [this](Request& r, const Principal& p) { return introspect(r, p); }));
    router.add("GET", v1 + u"/audit-events"_s,
               guarded(admin, [this](Request& r, const Principal& p) { return auditEvents(r, p); }));

    // The dialects of the source documents (API.md §4).
    router.add("POST", u"/auth/login"_s, [this](Request& r, const Reply& reply) { b2bLogin(r, reply); });
    router.add("POST", u"/api/v2/auth/jwt/"_s, [this](Request& r, const Reply& reply) { v2JwtLogin(r, reply); });
    router.add("GET", u"/api/v2/me/"_s,
               guarded(
                   {}, [this](Request& r, const Principal& p) { return v2Me(r, p); }, Dialect::V2));
    // Resources guarded by each UAT permission, so that permissions can be seen to work.
    const struct
    {
        QByteArray method;
        QString path;
        QString permission;
        QString kind;
        int status;
    } v2Resources[] = {
        {"GET", u"/api/v2/brands/"_s, {}, u"brands"_s, 200},
        {"POST", u"/api/v2/brands/"_s, u"brand_create"_s, u"brands"_s, 201},
        {"POST", u"/api/v2/products/"_s, u"product_create"_s, u"v2products"_s, 201},
        {"GET", u"/api/v2/scans/"_s, u"scans_download"_s, u"scans"_s, 200},
        {"POST", u"/api/v2/scm/bulk-edit/"_s, u"scm_bulk_edit"_s, u"scm_edits"_s, 201},
        {"POST", u"/api/v2/scm/codes/"_s, u"scm_code_edit"_s, u"scm_codes"_s, 201},
    };
    for (const auto& v : v2Resources) {
        const QString kind = v.kind;
        const int status = v.status;
        router.add(v.method, v.path,
                   guarded(
                       v.permission,
                       [this, kind, status](Request& r, const Principal& p) { return v2Resource(r, p, kind, status); },
                       Dialect::V2));
    }

    for (const QString& kind : {u"products"_s, u"orders"_s, u"inventory"_s}) {
        router.add("GET", v1 + u'/' + kind, guarded(u"read:"_s + kind, bind(&Api::listResources, kind)));
        router.add("POST", v1 + u'/' + kind, guarded(u"write:"_s + kind, bind(&Api::createResource, kind)));
    }

#ifdef TOKENDESK_TEST_HOOKS
    // Test builds only: move the server's clock forward so that expiry is tested without sleeping.
    router.add("POST", v1 + u"/_test/clock"_s, [](Request& r, const Reply& reply) {
        Response error;
        const auto body = jsonBody(r, &error);
        if (!body) {
            reply(error);
            return;
        }
        Clock::advance(qint64(body->value(u"advanceSeconds"_s).toDouble() * 1000));
        reply(Response::ok(QJsonObject{{u"now"_s, toIso(Clock::now())}}));
    });
    // Test builds only: sizes of what must stay bounded.
    router.add("GET", v1 + u"/_test/stats"_s, [this](Request&, const Reply& reply) {
        reply(Response::ok(QJsonObject{{u"rateLimiterKeys"_s, m_context.limiter.keys()},
                                       {u"bodyMemory"_s, double(m_context.bodyBudget.used())}}));
    });
#endif
}

AuditRecord Api::auditRecord(const Request& request, const QString& tenantId, const QString& actor,
                             const QString& action, const QString& targetKind, const QString& targetId,
                             const QString& detail) const
{
    return {0, Clock::nowMs(), tenantId, actor, action, targetKind, targetId, request.clientIp(), detail};
}

void Api::audit(const Request& request, const QString& tenantId, const QString& actor, const QString& action,
                const QString& targetKind, const QString& targetId, const QString& detail)
{
    // Events that accompany no change of their own (logins, refusals); changes attach theirs to their transaction.
    if (!m_store.audit(auditRecord(request, tenantId, actor, action, targetKind, targetId, detail)))
        qCWarning(lcStore).noquote() << "an audit event could not be written:" << action;
}

Response Api::missingCredential(bool readFailed)
{
    if (readFailed)
        return storeFailure();
    return Response::error(404, QLatin1String(ErrorCode::NotFound), tr("No such credential in this tenant."));
}

Response Api::storeFailure()
{
    return Response::error(500, QLatin1String(ErrorCode::InternalError),
                           tr("The server could not complete the request; nothing was changed. Try again."));
}

// ---- authentication ----

void Api::passwordLogin(const Request& request, const QString& login, const QString& password,
                        const QString& wantedTenant, const Reply& reply, std::function<void(const LoginOutcome&)> done)
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
    if (wait == 0)
        wait = m_context.limiter.acquire(accountKey, config.loginFailuresPerAccount, window, now);
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

void Api::login(Request& request, const Reply& reply)
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

QByteArray Api::accessToken(const QString& userId, const QString& tenantId, const QString& sessionId, qint64* exp)
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

Response Api::issueSession(const Request& request, const UserRecord& user, const QString& tenantId,
                           const QString& sessionId, qint64 sessionExpiresMs, const QByteArray& refreshToken)
{
    Q_UNUSED(request)
    qint64 exp = 0;
    const QByteArray token = accessToken(user.id, tenantId, sessionId, &exp);
    QJsonArray tenants;
    const auto memberships = m_store.memberships(user.id);
    if (memberships.isFailed())
        return storeFailure();
    for (const MembershipRecord& m : *memberships)
        tenants.append(TenantDto{m.tenantId, m.tenantName, m.role}.toJson());
    return Response::ok(QJsonObject{{u"token"_s, QString::fromLatin1(token)},
                                    {u"refreshToken"_s, QString::fromLatin1(refreshToken)},
                                    {u"expiresAt"_s, toIso(QDateTime::fromSecsSinceEpoch(exp, Qt::UTC))},
                                    {u"refreshExpiresAt"_s, toIso(fromMs(sessionExpiresMs))},
                                    {u"tenantId"_s, tenantId},
                                    {u"user"_s, user.toDto().toJson()},
                                    {u"tenants"_s, tenants}});
}

void Api::b2bLogin(Request& request, const Reply& reply)
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

void Api::v2JwtLogin(Request& request, const Reply& reply)
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

Response Api::v2Me(Request&, const Principal& p)
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

Response Api::v2Resource(Request& request, const Principal& p, const QString& kind, int status)
{
    if (request.method == "GET") {
        const auto items = m_store.resources(p.tenantId, kind, 100);
        if (!items)
            return storeFailure();
        QJsonArray results;
        for (const QJsonObject& o : *items)
            results.append(o);
        return Response::json(200, {{u"count"_s, results.size()},
                                    {u"next"_s, QJsonValue()},
                                    {u"previous"_s, QJsonValue()},
                                    {u"results"_s, results}});
    }
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (body.value(u"name"_s).toString().trimmed().isEmpty())
        return Response::json(400, {{u"name"_s, QJsonArray{u"This field is required."_s}}});
    const QString id = newId("res_");
    const qint64 now = Clock::nowMs();
    body.remove(u"id"_s);
    if (!m_store.insertResource(p.tenantId, kind, id, body, p.actor(), now))
        return storeFailure();
    body.insert(u"id"_s, id);
    body.insert(u"createdAt"_s, toIso(fromMs(now)));
    audit(request, p.tenantId, p.actor(), kind + u".create"_s, kind, id);
    return Response::json(status, body);
}

Response Api::refresh(Request& request)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QByteArray presented = body->value(u"refreshToken"_s).toString().toLatin1();
    if (presented.isEmpty()) {
        FieldErrors errors;
        errors.add(u"refreshToken"_s, tr("A refresh token is required."));
        return errors.response();
    }
    const auto parsed = OpaqueToken::parse(presented);
    if (!parsed || parsed->kind != TokenKind::Refresh)
        return Response::error(401, QLatin1String(ErrorCode::TokenNotValid), tr("The refresh token is not valid."));
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

Response Api::logout(Request& request)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QByteArray presented = body->value(u"refreshToken"_s).toString().toLatin1();
    if (presented.isEmpty()) {
        FieldErrors errors;
        errors.add(u"refreshToken"_s, tr("The refresh token of the session to end is required."));
        return errors.response();
    }
    const auto parsed = OpaqueToken::parse(presented);
    if (!parsed || parsed->kind != TokenKind::Refresh)
        return Response::error(401, QLatin1String(ErrorCode::TokenNotValid), tr("The refresh token is not valid."));
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
Response Api::me(Request&, const Principal& p)
{
    const qint64 now = Clock::nowMs();
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

Response Api::scopes(Request&, const Principal&)
{
    return Response::ok(m_context.config.scopes.toJson());
}

Response Api::tenants(Request&, const Principal& p)
{
    QJsonArray out;
    if (p.isSession()) {
        const auto memberships = m_store.memberships(p.userId);
        if (memberships.isFailed())
            return storeFailure();
        for (const MembershipRecord& m : *memberships)
            out.append(TenantDto{m.tenantId, m.tenantName, m.role}.toJson());
    } else if (const auto tenant = m_store.tenant(p.tenantId); tenant.isFailed()) {
        return storeFailure();
    } else if (tenant) {
        // A token has no membership of its own: its role is what its scopes allow.
        out.append(TenantDto{tenant->tenantId, tenant->tenantName,
                             p.hasScope(QLatin1String(AdminScope)) ? u"admin"_s : u"member"_s}
                       .toJson());
    }
    return Response::ok(out);
}

// ---- credentials ----

// Usage not yet flushed to the database is still the truth.
CredentialRecord Api::withPendingUsage(const CredentialRecord& record) const
{
    CredentialRecord fresh = record;
    if (const auto pending = m_context.usage.pending(record.id); pending && pending->at > fresh.lastUsedAt) {
        fresh.lastUsedAt = pending->at;
        fresh.lastUsedIp = pending->ip;
    }
    return fresh;
}

QJsonObject Api::credentialJson(const CredentialRecord& record, qint64 now)
{
    return withPendingUsage(record).toDto(now).toJson();
}

Response Api::listCredentials(Request& request, const Principal& p, const QString& kind)
{
    FieldErrors errors;
    CredentialQuery query;
    query.tenantId = p.tenantId;
    query.kind = kind;
    query.nowMs = Clock::nowMs();
    if (request.query.hasQueryItem(u"status"_s)) {
        query.status = keyStatusFromString(request.query.queryItemValue(u"status"_s));
        if (!query.status)
            errors.add(u"status"_s, tr("Must be one of active, expired, revoked."));
    }
    query.text = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
    if (query.text.size() > 200)
        errors.add(u"q"_s, tr("The search text may have at most 200 characters."));
    query.limit = intParam(request, u"limit"_s, 1, 1000, 100, errors).value_or(100);
    query.cursor = request.query.queryItemValue(u"cursor"_s);
    if (errors.any())
        return errors.response();
    // A page holds up to 1000 records: each is written straight to JSON text as the database hands it over, which
    // is several times faster than building a QJsonObject per record. The same fields as credentialJson(); a test
    // compares both for every record.
    QByteArray body;
    body.reserve(qsizetype(query.limit) * 700 + 64);
    body += "{\"data\":{\"items\":[";
    bool first = true;
    const auto nextCursor = m_store.visitCredentials(query, [&](const CredentialRecord& record) {
        if (!first)
            body += ',';
        first = false;
        appendCredentialJson(body, withPendingUsage(record), query.nowMs);
    });
    if (!nextCursor) {
        if (!query.cursor.isEmpty()) {
            errors.add(u"cursor"_s, tr("The cursor is not valid; start again from the first page."));
            return errors.response();
        }
        return storeFailure();
    }
    body += "],\"nextCursor\":";
    if (nextCursor->isEmpty())
        body += "null";
    else
        appendJsonString(body, *nextCursor);
    body += "},\"success\":true}";
    Response response;
    response.body = std::move(body);
    if (!nextCursor->isEmpty()) {
        // The next page's address also in a header (RFC 8288, as GitHub's API does): a client can ask for it as soon
        // as the headers arrive, while it still reads this page.
        QUrlQuery next = request.query;
        next.removeAllQueryItems(u"cursor"_s);
        next.addQueryItem(u"cursor"_s, *nextCursor);
        response.withHeader("Link", "<" + QUrl::toPercentEncoding(request.path, "/") + '?' +
                                        next.query(QUrl::FullyEncoded).toUtf8() + ">; rel=\"next\"");
    }
    return response;
}

// A credential acting on credentials (not a login session) stays within its own bounds: what it creates, changes
// or rotates holds no scope it lacks, expires no later than it does, and is allowed from no address it is not.
// So a leaked, narrowly scoped key cannot mint a wider one, nor widen itself. Sessions are bounded by the role.
std::optional<Response> Api::outsideBounds(const Principal& p, const CredentialRecord& record) const
{
    if (p.isSession())
        return std::nullopt;
    const auto refuse = [](const QString& message, const QString& field) {
        return Response::error(403, QLatin1String(ErrorCode::InsufficientScope), message, {{u"field"_s, field}});
    };
    const CredentialKindInfo& k = rules(record.kind);
    for (const QString& scope : record.scopes) {
        if (!p.hasScope(scope))
            return refuse(tr("You cannot grant \"%1\", which you do not hold.").arg(scope), k.rightsField);
    }
    if (p.expiresAt != 0 && (record.expiresAt == 0 || record.expiresAt > p.expiresAt)) {
        return refuse(tr("A credential can only create or change credentials that expire no later than itself "
                         "(%1).")
                          .arg(toIso(fromMs(p.expiresAt))),
                      k.expiryField);
    }
    if (!p.allowlist.isEmpty()) {
        const auto entries = parseCidrList(record.ipAllowlist);
        const auto within = [&p](const Cidr& inner) {
            return std::any_of(p.allowlist.cbegin(), p.allowlist.cend(), [&inner](const Cidr& outer) {
                return outer.network().protocol() == inner.network().protocol() &&
                       outer.prefixLength() <= inner.prefixLength() && outer.contains(inner.network());
            });
        };
        if (!entries || entries->isEmpty() || !std::all_of(entries->cbegin(), entries->cend(), within)) {
            return refuse(tr("A credential can only create or change credentials whose IP allowlist lies within its "
                             "own (%1).")
                              .arg(record.ipAllowlist.isEmpty() ? tr("an empty allowlist admits every address")
                                                                : record.ipAllowlist.join(u", "_s)),
                          u"ipAllowlist"_s);
        }
    }
    return std::nullopt;
}

Response Api::createCredential(Request& request, const Principal& p, const QString& kind)
{
    const CredentialKindInfo& k = rules(kind);
    if (k.sessionOnly && !p.isSession()) {
        return Response::error(
            403, QLatin1String(ErrorCode::InsufficientScope),
            tr("This kind of token can only be created from a login session, not with another token."));
    }
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"name"_s, u"description"_s, k.rightsField, k.expiryField, u"ipAllowlist"_s}, errors);
    const qint64 now = Clock::nowMs();
    CredentialRecord record;
    record.id = newId(k.idPrefix);
    record.kind = kind;
    record.tenantId = p.tenantId;
    record.name = nameField(*body, errors, true);
    record.description = descriptionField(*body, errors);
    record.ipAllowlist = allowlistField(*body, errors);
    record.createdAt = now;
    record.createdBy = p.actor();

    const QJsonValue scopes = body->value(k.rightsField);
    if (!scopes.isArray() || scopes.toArray().isEmpty()) {
        errors.add(k.rightsField, k.rightsField == u"permissions"_s ? tr("Choose at least one permission.")
                                                                    : tr("Choose at least one scope."));
    } else {
        for (const QJsonValue& v : scopes.toArray()) {
            const QString scope = v.toString();
            if (!m_context.config.scopes.appliesTo(scope, kind)) {
                errors.add(k.rightsField, tr("\"%1\" cannot be granted to this kind of credential.")
                                              .arg(v.isString() ? scope : tr("(not a string)")));
            } else if (!record.scopes.contains(scope)) {
                record.scopes.append(scope);
            }
        }
    }
    const QJsonValue expires = body->value(k.expiryField);
    if (expires.isUndefined() || expires.isNull()) {
        if (k.expiryRequired) {
            errors.add(k.expiryField, k.expiryIsDate ? tr("A date until which the token is valid is required.")
                                                     : tr("An expiry is required: this kind of token has no default."));
        }
    } else {
        QDateTime at;
        if (expires.isString()) {
            const QString text = expires.toString();
            const QDate date = k.expiryIsDate ? QDate::fromString(text, Qt::ISODate) : QDate();
            at = date.isValid() && text.size() == 10 ? QDateTime(date.addDays(1), QTime(0, 0), Qt::UTC) : fromIso(text);
        }
        if (!at.isValid()) {
            errors.add(k.expiryField, k.expiryIsDate
                                          ? tr("Must be a date such as 2030-01-31.")
                                          : tr("Must be an ISO-8601 date and time, such as 2030-01-31T00:00:00Z."));
        } else if (at.toMSecsSinceEpoch() <= now) {
            errors.add(k.expiryField, tr("Must be in the future."));
        } else if (k.kind == CredentialKind::PrivateToken &&
                   at.toMSecsSinceEpoch() - now > qint64(m_context.config.privateTokenMaxDays) * 24 * 3600 * 1000) {
            errors.add(k.expiryField,
                       tr("May be at most %n day(s) from now.", nullptr, m_context.config.privateTokenMaxDays));
        } else {
            record.expiresAt = at.toMSecsSinceEpoch();
        }
    }
    if (errors.any())
        return errors.response();
    for (const QString& scope : std::as_const(record.scopes)) {
        if (!p.hasScope(scope)) {
            return Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                   tr("You cannot grant \"%1\", which you do not hold.").arg(scope));
        }
    }
    if (auto refused = outsideBounds(p, record))
        return *refused;

    const QByteArray secret = OpaqueToken::generate(k.tokenKind);
    const auto parsed = OpaqueToken::parse(secret);
    record.prefix = parsed->prefix;
    record.last4 = parsed->last4;
    if (!m_store.insertCredential(
            record, m_context.digest(secret),
            {auditRecord(request, p.tenantId, p.actor(), kind + u".create"_s, kind, record.id, record.name)}))
        return storeFailure();
    return Response::ok(QJsonObject{{kind, credentialJson(record, now)}, {u"secret"_s, QString::fromLatin1(secret)}},
                        201);
}

Response Api::getCredential(Request& request, const Principal& p, const QString& kind)
{
    const auto record = m_store.credential(p.tenantId, kind, request.params.value(u"id"_s));
    if (!record)
        return missingCredential(record.isFailed());
    return Response::ok(QJsonObject{{kind, credentialJson(*record, Clock::nowMs())}});
}

Response Api::patchCredential(Request& request, const Principal& p, const QString& kind)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto record = m_store.credential(p.tenantId, kind, request.params.value(u"id"_s));
    if (!record)
        return missingCredential(record.isFailed());
    FieldErrors errors;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString& key = it.key();
        if (key == u"scopes"_s || key == u"permissions"_s || key == u"expiresAt"_s || key == u"validUntil"_s)
            errors.add(key, tr("Cannot be changed after creation; rotate or create a new credential instead."));
        else if (key != u"name"_s && key != u"description"_s && key != u"ipAllowlist"_s)
            errors.add(key, tr("Unknown field."));
    }
    if (body->contains(u"name"_s))
        record->name = nameField(*body, errors, true);
    if (body->contains(u"description"_s))
        record->description = descriptionField(*body, errors);
    if (body->contains(u"ipAllowlist"_s))
        record->ipAllowlist = allowlistField(*body, errors);
    if (errors.any())
        return errors.response();
    if (record->revokedAt != 0)
        return Response::error(409, QLatin1String(ErrorCode::Conflict), tr("A revoked credential cannot be changed."));
    if (auto refused = outsideBounds(p, *record))
        return *refused;
    switch (m_store.updateCredential(*record, {auditRecord(request, p.tenantId, p.actor(), kind + u".update"_s, kind,
                                                           record->id, QStringList(body->keys()).join(u", "_s))})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::Conflict:
        return Response::error(409, QLatin1String(ErrorCode::Conflict), tr("A revoked credential cannot be changed."));
    case Store::Outcome::NotFound:
        return Response::error(404, QLatin1String(ErrorCode::NotFound), tr("No such credential in this tenant."));
    default:
        return storeFailure();
    }
    return Response::ok(QJsonObject{{kind, credentialJson(*record, Clock::nowMs())}});
}

Response Api::revokeCredential(Request& request, const Principal& p, const QString& kind)
{
    const QString id = request.params.value(u"id"_s);
    QStringList missing;
    const qint64 now = Clock::nowMs();
    switch (m_store.revokeCredentials(p.tenantId, kind, {id}, p.actor(), now, &missing,
                                      {auditRecord(request, p.tenantId, p.actor(), kind + u".revoke"_s, kind, id)})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return missingCredential(false);
    default:
        return storeFailure();
    }
    const auto record = m_store.credential(p.tenantId, kind, id);
    if (!record)
        return storeFailure();
    return Response::ok(QJsonObject{{kind, credentialJson(*record, now)}});
}

Response Api::bulkRevoke(Request& request, const Principal& p, const QString& kind)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"ids"_s}, errors);
    QStringList ids;
    const QJsonValue value = body->value(u"ids"_s);
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > MaxBulkIds) {
        errors.add(u"ids"_s, tr("Give from 1 to %1 ids.").arg(MaxBulkIds));
    } else {
        for (const QJsonValue& v : value.toArray()) {
            if (!v.isString() || v.toString().isEmpty()) {
                errors.add(u"ids"_s, tr("Every id must be a non-empty string."));
                break;
            }
            if (!ids.contains(v.toString()))
                ids.append(v.toString());
        }
    }
    if (errors.any())
        return errors.response();
    QStringList missing;
    const qint64 now = Clock::nowMs();
    QList<AuditRecord> audit;
    for (const QString& id : std::as_const(ids))
        audit.append(auditRecord(request, p.tenantId, p.actor(), kind + u".revoke"_s, kind, id, tr("bulk")));
    switch (m_store.revokeCredentials(p.tenantId, kind, ids, p.actor(), now, &missing, audit)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return Response::error(
            404, QLatin1String(ErrorCode::NotFound),
            tr("Nothing was revoked: %n id(s) are unknown in this tenant.", nullptr, int(missing.size())),
            {{u"missing"_s, QJsonArray::fromStringList(missing)}});
    default:
        return storeFailure();
    }
    QJsonArray items;
    for (const QString& id : std::as_const(ids)) {
        if (const auto record = m_store.credential(p.tenantId, kind, id))
            items.append(credentialJson(*record, now));
    }
    return Response::ok(QJsonObject{{u"items"_s, items}});
}

Response Api::rotateCredential(Request& request, const Principal& p, const QString& kind)
{
    // Rotating mints a new secret: the same rule as creating one (private tokens only from a login session).
    if (rules(kind).sessionOnly && !p.isSession()) {
        return Response::error(
            403, QLatin1String(ErrorCode::InsufficientScope),
            tr("This kind of token can only be rotated from a login session, not with another token."));
    }
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"graceSeconds"_s}, errors);
    const QJsonValue grace = body->value(u"graceSeconds"_s);
    const double graceValue = grace.toDouble(-1);
    if (!grace.isDouble() || graceValue != std::floor(graceValue) || graceValue < 0 || graceValue > MaxGraceSeconds)
        errors.add(u"graceSeconds"_s,
                   tr("Give the grace period in whole seconds, from 0 to %1 (30 days).").arg(MaxGraceSeconds));
    if (errors.any())
        return errors.response();
    const QString id = request.params.value(u"id"_s);
    const auto old = m_store.credential(p.tenantId, kind, id);
    if (!old)
        return missingCredential(old.isFailed());

    const qint64 now = Clock::nowMs();
    const CredentialKindInfo& k = rules(kind);
    const QByteArray secret = OpaqueToken::generate(k.tokenKind);
    const auto parsed = OpaqueToken::parse(secret);
    CredentialRecord successor = *old;
    successor.id = newId(k.idPrefix);
    successor.prefix = parsed->prefix;
    successor.last4 = parsed->last4;
    successor.createdAt = now;
    successor.createdBy = p.actor();
    // The successor keeps the predecessor's lifetime, counted from now.
    successor.expiresAt = old->expiresAt == 0 ? 0 : now + (old->expiresAt - old->createdAt);
    if (k.expiryIsDate && successor.expiresAt != 0) {
        // Date-valued kinds are valid through the end of a day: round up to the next midnight UTC.
        constexpr qint64 DayMs = 24LL * 3600 * 1000;
        successor.expiresAt = (successor.expiresAt + DayMs - 1) / DayMs * DayMs;
    }
    successor.lastUsedAt = 0;
    successor.lastUsedIp.clear();
    successor.revokedAt = 0;
    if (auto refused = outsideBounds(p, successor))
        return *refused;
    successor.revokedBy.clear();
    successor.rotatedFrom = old->id;
    successor.rotatedTo.clear();
    const qint64 graceEnd = now + qint64(graceValue) * 1000;
    const AuditRecord event = auditRecord(request, p.tenantId, p.actor(), kind + u".rotate"_s, kind, id,
                                          tr("successor %1, grace %2 s").arg(successor.id).arg(qint64(graceValue)));
    switch (m_store.rotateCredential(p.tenantId, kind, id, successor, m_context.digest(secret), graceEnd, {event})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return missingCredential(false);
    case Store::Outcome::Conflict:
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("Only an active credential that has not been rotated yet can be rotated."));
    default:
        return storeFailure();
    }
    const auto previous = m_store.credential(p.tenantId, kind, id);
    return Response::ok(
        QJsonObject{{kind, credentialJson(successor, now)},
                    {u"secret"_s, QString::fromLatin1(secret)},
                    {u"previous"_s, previous ? QJsonValue(credentialJson(*previous, now)) : QJsonValue()}},
        201);
}

// ---- support ----

Response Api::introspect(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QByteArray token = body->value(u"token"_s).toString().trimmed().toLatin1();
    if (token.isEmpty()) {
        FieldErrors errors;
        errors.add(u"token"_s, tr("Paste the token to inspect."));
        return errors.response();
    }
    const qint64 now = Clock::nowMs();
    // Never echoes the token; a credential of another tenant is described only as inactive.
    QJsonObject out{{u"active"_s, false},           {u"kind"_s, QJsonValue()},     {u"id"_s, QJsonValue()},
                    {u"name"_s, QJsonValue()},      {u"tenantId"_s, QJsonValue()}, {u"scopes"_s, QJsonArray()},
                    {u"expiresAt"_s, QJsonValue()}, {u"status"_s, u"unknown"_s}};
    bool readFailed = false;
    auto describeSession = [&](const SessionRecord& session, const QString& kind, qint64 expiresAt, bool usable) {
        const auto user = m_store.userById(session.userId);
        QString role;
        const auto memberships = m_store.memberships(session.userId);
        readFailed = readFailed || user.isFailed() || memberships.isFailed();
        for (const MembershipRecord& m : memberships ? *memberships : QList<MembershipRecord>{}) {
            if (m.tenantId == session.tenantId)
                role = m.role;
        }
        const bool ended = session.revokedAt != 0 || session.expiresAt <= now;
        const bool expired = expiresAt <= now;
        out.insert(u"kind"_s, kind);
        out.insert(u"id"_s, session.id);
        out.insert(u"name"_s, user ? user->email : QString());
        out.insert(u"tenantId"_s, session.tenantId);
        out.insert(u"scopes"_s,
                   QJsonArray::fromStringList(role.isEmpty() ? QStringList() : m_auth.sessionScopes(role)));
        out.insert(u"expiresAt"_s, toIso(fromMs(expiresAt)));
        out.insert(u"status"_s, session.revokedAt != 0 ? u"revoked"_s
                                : (ended || expired)   ? u"expired"_s
                                : usable               ? u"active"_s
                                                       : u"used"_s);
        out.insert(u"active"_s, !ended && !expired && usable);
    };

    if (Jwt::looksLikeJwt(token)) {
        JwtVerifyOptions options;
        options.key = m_context.keys.signingKey;
        options.issuer = m_context.config.issuer;
        options.audience = m_context.config.audience;
        options.now = Clock::nowSecs();
        // Outside its time window a token still names its session: it is then described as not active.
        const JwtResult result = Jwt::verify(token, options);
        out.insert(u"kind"_s, u"session"_s);
        if (!result.claims.sid.isEmpty()) {
            const auto session = m_store.session(result.claims.sid);
            readFailed = session.isFailed();
            if (session && session->tenantId == p.tenantId)
                describeSession(*session, u"session"_s, result.claims.exp * 1000, result.ok());
        } else {
            out.insert(u"status"_s, u"invalid"_s);
            out.insert(u"reason"_s, toString(result.error));
        }
    } else if (const auto parsed = OpaqueToken::parse(token)) {
        const QByteArray digest = m_context.digest(parsed->token);
        if (parsed->kind == TokenKind::Refresh) {
            bool used = false;
            const auto session = m_store.sessionByRefresh(digest, &used);
            readFailed = session.isFailed();
            out.insert(u"kind"_s, u"refreshToken"_s);
            if (session && session->tenantId == p.tenantId)
                describeSession(*session, u"refreshToken"_s, session->expiresAt, !used);
        } else {
            out.insert(u"kind"_s, kindName(parsed->kind));
            const auto record = m_store.credentialByDigest(digest);
            readFailed = record.isFailed();
            if (record && record->tenantId == p.tenantId) {
                const KeyStatus status = record->status(now);
                out.insert(u"active"_s, status == KeyStatus::Active);
                out.insert(u"id"_s, record->id);
                out.insert(u"name"_s, record->name);
                out.insert(u"tenantId"_s, record->tenantId);
                out.insert(u"scopes"_s, QJsonArray::fromStringList(record->scopes));
                out.insert(u"expiresAt"_s, toIsoOrNull(fromMs(record->expiresAt)));
                out.insert(u"status"_s, toString(status));
                out.insert(u"prefix"_s, record->prefix);
                out.insert(u"last4"_s, record->last4);
            }
        }
    } else {
        out.insert(u"status"_s, u"malformed"_s);
    }
    if (readFailed)
        return storeFailure(); // never "inactive" because the database could not be read
    audit(request, p.tenantId, p.actor(), u"token.introspect"_s, out.value(u"kind"_s).toString(),
          out.value(u"id"_s).toString());
    return Response::ok(out);
}

Response Api::auditEvents(Request& request, const Principal& p)
{
    FieldErrors errors;
    const int limit = intParam(request, u"limit"_s, 1, 1000, 100, errors).value_or(100);
    qint64 before = 0;
    if (request.query.hasQueryItem(u"cursor"_s)) {
        bool ok = false;
        before = request.query.queryItemValue(u"cursor"_s).toLongLong(&ok);
        if (!ok || before <= 0)
            errors.add(u"cursor"_s, tr("The cursor is not valid; start again from the first page."));
    }
    if (errors.any())
        return errors.response();
    const auto events = m_store.auditEvents(p.tenantId, request.query.queryItemValue(u"targetId"_s), before, limit);
    if (!events)
        return storeFailure();
    QJsonArray items;
    for (const AuditRecord& e : *events)
        items.append(e.toDto().toJson());
    const bool more = events->size() == limit;
    return Response::ok(
        QJsonObject{{u"items"_s, items},
                    {u"nextCursor"_s, more ? QJsonValue(QString::number(events->constLast().id)) : QJsonValue()}});
}

// ---- resources guarded by scopes ----

Response Api::listResources(Request& request, const Principal& p, const QString& kind)
{
    FieldErrors errors;
    const int limit = intParam(request, u"limit"_s, 1, 1000, 100, errors).value_or(100);
    if (errors.any())
        return errors.response();
    const auto items = m_store.resources(p.tenantId, kind, limit);
    if (!items)
        return storeFailure();
    QJsonArray array;
    for (const QJsonObject& o : *items)
        array.append(o);
    return Response::ok(QJsonObject{{u"items"_s, array}, {u"nextCursor"_s, QJsonValue()}});
}

Response Api::createResource(Request& request, const Principal& p, const QString& kind)
{
    Response error;
    auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    const QString name = nameField(*body, errors, true);
    if (errors.any())
        return errors.response();
    body->insert(u"name"_s, name);
    body->remove(u"id"_s);
    const QString id = newId("res_");
    const qint64 now = Clock::nowMs();
    if (!m_store.insertResource(p.tenantId, kind, id, *body, p.actor(), now))
        return storeFailure();
    body->insert(u"id"_s, id);
    body->insert(u"createdAt"_s, toIso(fromMs(now)));
    body->insert(u"createdBy"_s, p.actor());
    return Response::ok(*body, 201);
}

} // namespace td::server
