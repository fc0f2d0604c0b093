#include "SupportController.h"

#include "Clock.h"
#include "Text.h"
#include "Validation.h"
#include "protocol/Jwt.h"
#include "protocol/Scopes.h"
#include "protocol/Token.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

Response SupportController::scopes(Request&, const Principal&)
{
    return Response::ok(m_context.config.scopes.toJson());
}

Response SupportController::tenants(Request&, const Principal& p)
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

Response SupportController::introspect(Request& request, const Principal& p)
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
        // Outside its time window a token still names its session: it is then described as not active.
        const JwtResult result = m_auth.verifyJwt(token);
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

Response SupportController::auditEvents(Request& request, const Principal& p)
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
    return Response::ok(ListPageDto{items, more ? QString::number(events->constLast().id) : QString()}.toJson());
}

} // namespace td::server
