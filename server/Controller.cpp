#include "Controller.h"

#include "Clock.h"
#include "Log.h"
#include "Text.h"

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

Controller::Controller(ServerContext& context, Store& store, Authenticator& auth)
    : m_context(context)
    , m_store(store)
    , m_auth(auth)
{}

AuditRecord Controller::auditRecord(const Request& request, const QString& tenantId, const QString& actor,
                                    const QString& action, const QString& targetKind, const QString& targetId,
                                    const QString& detail) const
{
    return {0, Clock::nowMs(), tenantId, actor, action, targetKind, targetId, request.clientIp(), detail};
}

void Controller::audit(const Request& request, const QString& tenantId, const QString& actor, const QString& action,
                       const QString& targetKind, const QString& targetId, const QString& detail)
{
    // Events that accompany no change of their own (logins, refusals); changes attach theirs to their transaction.
    if (!m_store.audit(auditRecord(request, tenantId, actor, action, targetKind, targetId, detail)))
        qCWarning(lcStore).noquote() << "an audit event could not be written:" << action;
}

Response Controller::missingCredential(bool readFailed)
{
    if (readFailed)
        return storeFailure();
    return Response::error(404, QLatin1String(ErrorCode::NotFound), tr("No such credential in this tenant."));
}

std::optional<QJsonArray> Controller::refusals(const QString& tenantId, const QString& credentialId, int days, int most)
{
    AuditQuery query;
    query.tenantId = tenantId;
    query.targetId = credentialId;
    query.actions = {u"auth.refused"_s};
    query.since = Clock::nowMs() - qint64(days) * 24 * 3600 * 1000;
    query.limit = most;
    const auto refused = m_store.auditEvents(query);
    if (!refused)
        return std::nullopt;
    QJsonArray out;
    for (const AuditRecord& e : *refused) {
        // detail: "<code>: <message>"
        const qsizetype colon = e.detail.indexOf(u": "_s);
        out.append(QJsonObject{{u"at"_s, toIso(fromMs(e.at))},
                               {u"ip"_s, e.ip},
                               {u"reason"_s, colon < 0 ? e.detail : e.detail.left(colon)},
                               {u"detail"_s, colon < 0 ? QString() : e.detail.mid(colon + 2)}});
    }
    return out;
}

Response Controller::storeFailure()
{
    if (m_store.connectionLost()) {
        // The database is away (PostgreSQL restarting): a passing state, said as one, never as "not found".
        Response response = Response::error(503, u"service_unavailable"_s,
                                            tr("The database cannot be reached right now. Try again shortly."));
        response.withHeader("Retry-After", "1");
        return response;
    }
    return Response::error(500, QLatin1String(ErrorCode::InternalError),
                           tr("The server could not complete the request; nothing was changed. Try again."));
}

} // namespace td::server
