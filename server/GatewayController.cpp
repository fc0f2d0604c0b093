#include "GatewayController.h"

#include "AuthzPolicy.h"
#include "Clock.h"
#include "Text.h"
#include "protocol/Token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

const QByteArrayList Methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

// A refusal as the gateway passes it on: the JSON error, and X-TokenDesk-Status / X-TokenDesk-Error for gateways
// that only take 401 and 403 from an authorisation service (nginx's auth_request turns anything else into 500):
// when the gateway says it is nginx (X-TokenDesk-Gateway: nginx), a 429 or 503 is answered as 403 and its
// configuration (docs/deploy/nginx.conf) restores the status from X-TokenDesk-Status.
Response forGateway(const Request& request, Response response)
{
    const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
    response.withHeader("X-TokenDesk-Status", QByteArray::number(response.status));
    response.withHeader("X-TokenDesk-Error", error.value(u"code"_s).toString().toLatin1());
    if (request.header("x-tokendesk-gateway").trimmed().toLower() == "nginx" && response.status != 401 &&
        response.status != 403)
        response.status = 403;
    return response;
}

Response denied(const Request& request, const QString& message)
{
    return forGateway(request, Response::error(403, QLatin1String(ErrorCode::Forbidden), message));
}

} // namespace

Response GatewayController::authz(Request& request)
{
    // The request to decide on: nginx auth_request, then Traefik ForwardAuth, then Envoy (this request itself).
    QByteArray method;
    QByteArray uri;
    if (request.hasHeader("x-original-uri")) {
        method = request.header("x-original-method").trimmed();
        uri = request.header("x-original-uri").trimmed();
    } else if (request.hasHeader("x-forwarded-uri")) {
        method = request.header("x-forwarded-method").trimmed();
        uri = request.header("x-forwarded-uri").trimmed();
    } else if (request.params.contains(u"path"_s)) {
        method = request.method;
        uri = '/' + request.params.value(u"path"_s).toUtf8();
    }
    if (uri.isEmpty() || !Methods.contains(method)) {
        return forGateway(
            request,
            Response::error(400, QLatin1String(ErrorCode::ValidationError),
                            tr("Name the request to check: X-Original-Method and X-Original-URI (nginx), "
                               "X-Forwarded-Method and X-Forwarded-Uri (Traefik), or the path after /api/v1/authz "
                               "(Envoy).")));
    }
    const std::optional<QString> path = AuthzPolicy::canonicalPath(uri);
    if (!path) {
        return denied(request, tr("The path is not in canonical form (dot segments, empty segments or escaped "
                                  "separators): it is refused rather than matched against a rule it may not mean."));
    }
    AuthResult result = m_auth.authenticate(request);
    if (!result.principal)
        return forGateway(request, result.error);
    const Principal& p = *result.principal;
    const AuthzPolicy* policy = m_context.config.authzPolicy.get();
    if (!policy)
        return denied(request, tr("No policy is configured (--authz-policy): every request is denied."));
    const AuthzPolicy::Rule* rule = policy->match(method, *path);
    if (!rule || rule->requirement == AuthzPolicy::Requirement::Deny) {
        return denied(
            request,
            rule
                ? tr("The policy denies %1 %2 (line %3).").arg(QString::fromLatin1(method), *path).arg(rule->line)
                : tr("No rule of the policy allows %1 %2: denied by default.").arg(QString::fromLatin1(method), *path));
    }
    if (rule->requirement == AuthzPolicy::Requirement::Scope) {
        const bool held = p.hasScope(rule->scope);
        m_auth.noteScope(request, p, rule->scope, held);
        if (!held) {
            Response refused = Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                               tr("This credential lacks the scope \"%1\".").arg(rule->scope),
                                               {{u"required"_s, rule->scope}});
            addRateLimitHeaders(refused, p.rate);
            return forGateway(request, refused);
        }
    }
    // What the upstream learns about the caller (the gateway passes these on).
    Response allowed;
    allowed.status = 204;
    allowed.contentType.clear();
    allowed.withHeader("X-TokenDesk-Subject", (p.isSession() ? p.userId : p.credentialId).toUtf8());
    allowed.withHeader("X-TokenDesk-Kind", p.kindName().toUtf8());
    allowed.withHeader("X-TokenDesk-Tenant", p.tenantId.toUtf8());
    allowed.withHeader("X-TokenDesk-Scopes", p.scopes.join(u' ').toUtf8());
    if (!p.userId.isEmpty())
        allowed.withHeader("X-TokenDesk-User", p.userId.toUtf8());
    addRateLimitHeaders(allowed, p.rate);
    return allowed;
}

Response GatewayController::introspect(Request& request, const Principal& p)
{
    // RFC 7662: a form, answered as a bare JSON object; an inactive token says nothing but that.
    const auto rfcError = [](int status, const char* error, const QString& description) {
        return Response::json(status, {{u"error"_s, QLatin1String(error)}, {u"error_description"_s, description}});
    };
    if (p.credentialKind != CredentialKind::ApiKey)
        return rfcError(403, "insufficient_scope", tr("Introspection is for API keys holding \"introspect\"."));
    const QByteArray contentType = request.header("content-type").split(';').value(0).trimmed().toLower();
    if (contentType != "application/x-www-form-urlencoded")
        return rfcError(400, "invalid_request", tr("Send the token as a form (application/x-www-form-urlencoded)."));
    QByteArray form = request.body;
    form.replace('+', ' ');
    const QUrlQuery query(QString::fromUtf8(form));
    const QByteArray token = query.queryItemValue(u"token"_s, QUrl::FullyDecoded).trimmed().toLatin1();
    if (token.isEmpty())
        return rfcError(400, "invalid_request", tr("The form has no token."));
    const qint64 now = Clock::nowMs();
    const QJsonObject inactive{{u"active"_s, false}};
    QJsonObject out;
    if (Jwt::looksLikeJwt(token)) {
        const JwtResult jwt = m_auth.verifyJwt(token);
        if (!jwt.ok() || jwt.claims.tid != p.tenantId)
            return Response::json(200, inactive);
        const auto session = m_store.session(jwt.claims.sid);
        if (session.isFailed())
            return storeFailure();
        if (!session || session->revokedAt != 0 || session->expiresAt <= now)
            return Response::json(200, inactive);
        out = {{u"active"_s, true},        {u"token_type"_s, u"access_token"_s}, {u"client_id"_s, session->id},
               {u"sub"_s, jwt.claims.sub}, {u"exp"_s, jwt.claims.exp},           {u"iat"_s, jwt.claims.iat},
               {u"scope"_s, QString()}};
    } else if (const auto parsed = OpaqueToken::parse(token); parsed && parsed->kind != TokenKind::Refresh) {
        const auto record = m_store.credentialByDigest(m_context.digest(parsed->token));
        if (record.isFailed())
            return storeFailure();
        // Another tenant's credential is as unknown as one that never existed.
        if (!record || record->tenantId != p.tenantId || record->status(now) != KeyStatus::Active)
            return Response::json(200, inactive);
        const QString creator = record->createdBy.startsWith(u"user:"_s) ? record->createdBy.mid(5) : QString();
        out = {{u"active"_s, true},
               {u"token_type"_s, record->kind},
               {u"client_id"_s, record->id},
               {u"sub"_s, creator.isEmpty() ? record->id : creator},
               {u"iat"_s, record->createdAt / 1000},
               {u"scope"_s, record->scopes.join(u' ')}};
        if (record->expiresAt != 0)
            out.insert(u"exp"_s, record->expiresAt / 1000);
    } else {
        return Response::json(200, inactive);
    }
    out.insert(u"iss"_s, m_context.config.issuer);
    out.insert(u"aud"_s, m_context.config.audience);
    out.insert(u"tenant_id"_s, p.tenantId);
    audit(request, p.tenantId, p.actor(), u"token.introspect"_s, out.value(u"token_type"_s).toString(),
          out.value(u"client_id"_s).toString(), tr("RFC 7662"));
    return Response::json(200, out);
}

} // namespace td::server
