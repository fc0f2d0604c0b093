#include "Auth.h"
#include "Text.h"

#include "Clock.h"
#include "Log.h"
#include "protocol/Cidr.h"
#include "protocol/Jwt.h"
#include "protocol/Token.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

// Query parameter names that would carry a credential: refused outright so that keys never land in
// access logs, browser history or proxies.
const QStringList CredentialQueryNames = {u"api_key"_s,      u"apikey"_s, u"key"_s, u"token"_s,
                                          u"access_token"_s, u"jwt"_s,    u"uat"_s, u"refresh_token"_s,
                                          u"x-api-key"_s,    u"auth"_s};

} // namespace

bool Principal::hasScope(const QString& scope) const
{
    return scopes.contains(scope) || scopes.contains(QLatin1String(AdminScope));
}

QString Principal::kindName() const
{
    return credentialKind ? kindInfo(*credentialKind).wireName : u"session"_s;
}

QString Principal::actor() const
{
    return isSession() ? QString(u"user:"_s + userId) : QString(kindName() + u':' + credentialId);
}

Authenticator::Authenticator(ServerContext& context, Store& store)
    : m_context(context)
    , m_store(store)
{}

QHostAddress Authenticator::clientAddress(const Request& request) const
{
    const QHostAddress peer = normalizedAddress(request.peer);
    if (!allowlistPermits(m_context.config.trustedProxies, peer) || m_context.config.trustedProxies.isEmpty())
        return peer;
    const QByteArray forwarded = request.header("x-forwarded-for");
    if (forwarded.isEmpty())
        return peer;
    // Walk from the nearest hop outwards; the first address that is not a trusted proxy is the client.
    const QList<QByteArray> hops = forwarded.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            return peer;
        const QHostAddress normal = normalizedAddress(hop);
        if (!allowlistPermits(m_context.config.trustedProxies, normal))
            return normal;
    }
    return peer;
}

QStringList Authenticator::sessionScopes(const QString& role) const
{
    QStringList scopes;
    for (const ScopeInfo& scope : m_context.config.scopes.scopes()) {
        if (role == u"admin"_s || scope.name != QLatin1String(AdminScope))
            scopes.append(scope.name);
    }
    if (role == u"admin"_s && !scopes.contains(QLatin1String(AdminScope)))
        scopes.append(QLatin1String(AdminScope));
    return scopes;
}

AuthResult Authenticator::refuse(const Request& request, int status, const char* code, const QString& message,
                                 const QString& targetKind, const QString& targetId, const QString& tenantId,
                                 const char* reason)
{
    if (!targetId.isEmpty()) {
        // Refusals of a known credential are audited, with the reason, in that credential's tenant: the first of
        // each minute per credential and reason gets a row, the rest are counted into it (RefusalThrottle).
        const qint64 now = Clock::nowMs();
        m_context.usage.noteRefusal(targetId, now); // every one counts (the "refused often" finding)
        const QString why = QString::fromLatin1(reason ? reason : code);
        const QString key = targetId + u'|' + why + u'|' + message;
        if (m_context.refusals.admit(key, now)) {
            const QString detail = why + u": "_s + message;
            qint64 rowId = 0;
            if (m_store.audit({0, now, tenantId, targetKind + u':' + targetId, u"auth.refused"_s, targetKind, targetId,
                               request.clientIp(), detail},
                              &rowId))
                m_context.refusals.written(key, rowId, detail);
        }
    }
    return {std::nullopt, Response::error(status, QLatin1String(code), message)};
}

void Authenticator::noteScope(const Request& request, const Principal& principal, const QString& scope, bool held)
{
    if (principal.isSession() || principal.credentialId.isEmpty() || scope.isEmpty())
        return;
    const protocol::CredentialKindInfo& info = protocol::kindInfo(*principal.credentialKind);
    if (held)
        m_context.usage.noteScope(principal.credentialId, scope, Clock::nowMs());
    else
        refuse(request, 403, ErrorCode::InsufficientScope, tr("This credential lacks the scope \"%1\".").arg(scope),
               info.wireName, principal.credentialId, principal.tenantId);
}

AuthResult Authenticator::unavailable()
{
    // The database could not be read: the credential may well be valid, so it is neither refused nor audited.
    Response response = Response::error(503, u"service_unavailable"_s,
                                        tr("The server cannot check credentials right now. Try again shortly."));
    response.withHeader("Retry-After", "1");
    return {std::nullopt, response};
}

AuthResult Authenticator::authenticate(const Request& request)
{
    const auto items = request.query.queryItems();
    for (const auto& item : items) {
        if (CredentialQueryNames.contains(item.first.toLower())) {
            return refuse(
                request, 401, ErrorCode::Unauthorized,
                tr("Credentials are not accepted in the URL; send them in the Authorization or X-API-Key header."));
        }
    }
    const bool hasAuthorization = request.hasHeader("authorization");
    const bool hasApiKey = request.hasHeader("x-api-key");
    if (hasAuthorization && hasApiKey)
        return refuse(request, 401, ErrorCode::Unauthorized, tr("Send one credential per request, not several."));
    if (hasApiKey)
        return authenticateOpaque(request, request.header("x-api-key").trimmed(), *kindByAuthScheme({}));
    if (!hasAuthorization)
        return refuse(request, 401, ErrorCode::Unauthorized,
                      tr("Authentication required: log in, or send an API key."));

    const QByteArray value = request.header("authorization").trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0)
        return refuse(request, 401, ErrorCode::Unauthorized,
                      tr("The Authorization header must be \"<scheme> <token>\"."));
    const QByteArray scheme = value.left(space).toLower();
    const QByteArray token = value.mid(space + 1).trimmed();
    // Bearer (and JWT, the UAT portal's name for it) carries a session's JWT or the kind sent as Bearer.
    const bool bearer = scheme == "bearer" || scheme == "jwt";
    if (bearer && !OpaqueToken::looksLikeOpaqueToken(token))
        return authenticateJwt(request, token);
    if (const CredentialKindInfo* kind = kindByAuthScheme(bearer ? QByteArrayView("bearer") : QByteArrayView(scheme));
        kind && *kind->authScheme)
        return authenticateOpaque(request, token, *kind);
    return refuse(request, 401, ErrorCode::Unauthorized,
                  tr("Unknown authorization scheme; use Bearer, JWT or UAT, or the X-API-Key header."));
}

JwtResult Authenticator::verifyJwt(const QByteArray& token) const
{
    JwtVerifyOptions options;
    options.key = m_context.keys.signingKey;
    options.issuer = m_context.config.issuer;
    options.audience = m_context.config.audience;
    options.now = Clock::nowSecs();
    return Jwt::verify(token, options);
}

AuthResult Authenticator::authenticateJwt(const Request& request, const QByteArray& token)
{
    const JwtResult result = verifyJwt(token);
    if (!result.ok()) {
        qCInfo(lcAuth).noquote() << "JWT refused:" << toString(result.error);
        return refuse(request, 401, ErrorCode::TokenNotValid,
                      tr("The session token is not valid (%1). Log in again.").arg(toString(result.error)));
    }
    const auto session = m_store.session(result.claims.sid);
    if (session.isFailed())
        return unavailable();
    if (!session || session->userId != result.claims.sub || session->revokedAt != 0 ||
        session->expiresAt <= Clock::nowMs()) {
        return refuse(request, 401, ErrorCode::TokenNotValid, tr("The session has ended. Log in again."));
    }
    Principal p;
    p.credentialId = session->id;
    p.userId = session->userId;
    p.expiresAt = result.claims.exp * 1000;
    const QString wanted = request.hasHeader("x-tenant-id") ? QString::fromUtf8(request.header("x-tenant-id").trimmed())
                                                            : result.claims.tid;
    const auto memberships = m_store.memberships(p.userId);
    if (memberships.isFailed())
        return unavailable();
    for (const MembershipRecord& m : *memberships) {
        if (m.tenantId == wanted) {
            p.tenantId = m.tenantId;
            p.role = m.role;
        }
    }
    if (p.tenantId.isEmpty()) {
        return refuse(request, 403, ErrorCode::TenantForbidden,
                      tr("You are not a member of tenant \"%1\".").arg(wanted));
    }
    p.scopes = sessionScopes(p.role);
    return {p, {}};
}

AuthResult Authenticator::authenticateOpaque(const Request& request, const QByteArray& token,
                                             const CredentialKindInfo& kind)
{
    // The checksum is checked before any database look-up: typos and garbage cost nothing.
    const auto parsed = OpaqueToken::parse(token);
    if (!parsed)
        return refuse(request, 401, ErrorCode::TokenNotValid,
                      tr("The token is malformed (bad length, characters or checksum)."));
    if (parsed->kind != kind.tokenKind) {
        return refuse(request, 401, ErrorCode::TokenNotValid,
                      tr("A %1 cannot be sent as %2.").arg(kindName(parsed->kind), kind.presentedAs()));
    }
    const QByteArray digest = m_context.digest(parsed->token);
    const qint64 now = Clock::nowMs();
    m_store.checkAuthStamp(now);
    std::shared_ptr<const CredentialRecord> record = m_context.authCache.credential(digest, now);
    if (!record) {
        const quint64 generation = m_context.authCache.generation();
        Read<CredentialRecord> read = m_store.authCredentialByDigest(digest);
        if (read.isFailed())
            return unavailable();
        if (read) {
            record = std::make_shared<const CredentialRecord>(std::move(*read));
            m_context.authCache.putCredential(digest, record, now, generation);
        }
    }
    if (!record || record->kind != kind.wireName)
        return refuse(request, 401, ErrorCode::TokenNotValid, tr("The token is not valid."));
    switch (record->status(now)) {
    case KeyStatus::Revoked:
        return refuse(request, 401, ErrorCode::TokenNotValid, tr("The token has been revoked."), record->kind,
                      record->id, record->tenantId);
    case KeyStatus::Expired:
        return refuse(request, 401, ErrorCode::TokenNotValid, tr("The token has expired."), record->kind, record->id,
                      record->tenantId);
    case KeyStatus::Suspended:
        return refuse(request, 401, ErrorCode::CredentialSuspended,
                      tr("The credential is suspended; an admin can resume it."), record->kind, record->id,
                      record->tenantId);
    case KeyStatus::Active:
        break;
    }
    // A UAT or private token acts for its user (issue 17): never beyond what the user may do in the tenant now.
    // One made by a key (before v0.2 only; a UAT now needs a user) has no user behind it and keeps its own rights.
    const bool actsForUser = record->kind != QLatin1String("apiKey") && !record->ownerId().isEmpty();
    if (actsForUser && record->ownerRole.isEmpty()) {
        return refuse(request, 401, ErrorCode::TokenNotValid,
                      tr("The token's owner is no longer a member of this tenant."), record->kind, record->id,
                      record->tenantId, "owner_not_member");
    }
    if (actsForUser && record->ownerDisabled) {
        return refuse(request, 401, ErrorCode::TokenNotValid,
                      tr("The token's owner is disabled in this tenant; an admin can enable them again."), record->kind,
                      record->id, record->tenantId, "owner_disabled");
    }
    const auto allowlist = parseCidrList(record->ipAllowlist);
    if (!allowlist || !allowlistPermits(*allowlist, request.client)) {
        return refuse(request, 403, ErrorCode::IpNotAllowed,
                      tr("Requests with this credential are not allowed from %1.").arg(request.clientIp()),
                      record->kind, record->id, record->tenantId);
    }
    if (request.hasHeader("x-tenant-id") &&
        QString::fromUtf8(request.header("x-tenant-id").trimmed()) != record->tenantId) {
        return refuse(request, 403, ErrorCode::TenantForbidden, tr("This credential does not belong to that tenant."),
                      record->kind, record->id, record->tenantId);
    }
    // Its own rate limit, in this instance (each instance of several counts the requests it serves).
    RateLimitState rate;
    if (record->rateLimit.isSet()) {
        const QString key = u"rate:"_s + record->id;
        const int wait = m_context.limiter.acquire(key, record->rateLimit.requests, record->rateLimit.perSeconds, now);
        rate = {record->rateLimit, 0,
                wait > 0 ? wait : m_context.limiter.secondsUntilFree(key, record->rateLimit.perSeconds, now)};
        if (wait > 0) {
            AuthResult refused =
                refuse(request, 429, ErrorCode::RateLimited,
                       tr("The credential's rate limit of %n request(s) per %1 s is reached; retry in %2 s.", nullptr,
                          record->rateLimit.requests)
                           .arg(record->rateLimit.perSeconds)
                           .arg(wait),
                       record->kind, record->id, record->tenantId);
            refused.error.withHeader("Retry-After", QByteArray::number(wait));
            addRateLimitHeaders(refused.error, rate);
            return refused;
        }
        rate.remaining =
            qMax(0, record->rateLimit.requests - m_context.limiter.count(key, record->rateLimit.perSeconds, now));
    }
    m_context.usage.note(record->id, now, request.clientIp(), QString::fromUtf8(request.header("user-agent")),
                         !record->rotatedTo.isEmpty());
    Principal p;
    p.rate = rate;
    p.credentialKind = kind.kind;
    p.credentialId = record->id;
    // createdBy is an actor ("user:<id>", or "apiKey:<id>" for a key made by a key): the user behind it, if any.
    p.userId = record->createdBy.startsWith(u"user:"_s) ? record->createdBy.mid(5) : QString();
    p.tenantId = record->tenantId;
    p.scopes = record->scopes;
    if (actsForUser) {
        // The token's rights AND the user's (sessionScopes): a member holds every scope but admin, so a user
        // demoted to member no longer lends the token admin. Per request: no list of the role's scopes is built.
        if (record->ownerRole != u"admin"_s)
            p.scopes.removeAll(QLatin1String(AdminScope));
        p.role = record->ownerRole;
    }
    p.expiresAt = record->expiresAt;
    p.allowlist = *allowlist;
    return {p, {}};
}

void addRateLimitHeaders(Response& response, const RateLimitState& rate)
{
    if (!rate.limit.isSet())
        return;
    // The IETF httpapi RateLimit header fields, as Kong and GitHub send them.
    response.withHeader("RateLimit-Limit", QByteArray::number(rate.limit.requests));
    response.withHeader("RateLimit-Remaining", QByteArray::number(rate.remaining));
    response.withHeader("RateLimit-Reset", QByteArray::number(qMax(1, rate.resetSeconds)));
}

} // namespace td::server
