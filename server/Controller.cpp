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

Response Controller::storeFailure()
{
    return Response::error(500, QLatin1String(ErrorCode::InternalError),
                           tr("The server could not complete the request; nothing was changed. Try again."));
}

} // namespace td::server
