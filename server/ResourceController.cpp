#include "ResourceController.h"

#include "Clock.h"
#include "Text.h"
#include "Validation.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

Response ResourceController::list(Request& request, const Principal& p, const QString& kind)
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
    return Response::ok(ListPageDto{array, {}}.toJson());
}

Response ResourceController::create(Request& request, const Principal& p, const QString& kind)
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

Response ResourceController::v2(Request& request, const Principal& p, const QString& kind, int status)
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

} // namespace td::server
