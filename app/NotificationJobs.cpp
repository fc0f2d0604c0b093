#include "NotificationJobs.h"

#include "protocol/CredentialKind.h"
#include "protocol/Dto.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace td::app {

namespace {

QString endpointPath(const QString& id, const QString& suffix = {})
{
    return u"/api/v1/notification-endpoints/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + suffix;
}

} // namespace

std::optional<NotificationEndpointInfo> NotificationEndpointInfo::fromJson(const QJsonObject& o)
{
    if (!o.value(u"id"_s).isString())
        return std::nullopt;
    NotificationEndpointInfo e;
    e.id = o.value(u"id"_s).toString();
    e.name = o.value(u"name"_s).toString();
    e.urlHint = o.value(u"urlHint"_s).toString();
    e.format = o.value(u"format"_s).toString();
    for (const QJsonValue& v : o.value(u"events"_s).toArray())
        e.events.append(v.toString());
    for (const QJsonValue& v : o.value(u"expiringDays"_s).toArray())
        e.expiringDays.append(v.toInt());
    e.createdAt = protocol::fromIso(o.value(u"createdAt"_s).toString());
    e.updatedAt = protocol::fromIso(o.value(u"updatedAt"_s).toString());
    return e;
}

NotificationEndpointsJob::NotificationEndpointsJob(ApiClient* client, QObject* parent)
    : ApiJob(client, parent)
{}

bool NotificationEndpointsJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (!o.value(u"items"_s).isArray())
        return false;
    m_endpoints.clear();
    for (const QJsonValue& v : o.value(u"items"_s).toArray()) {
        const auto e = NotificationEndpointInfo::fromJson(v.toObject());
        if (!e)
            return false;
        m_endpoints.append(*e);
    }
    m_limit = o.value(u"limit"_s).toInt();
    return true;
}

SaveNotificationEndpointJob::SaveNotificationEndpointJob(ApiClient* client, QString id, NotificationEndpointInput input,
                                                         QObject* parent)
    : ApiJob(client, parent)
    , m_id(std::move(id))
    , m_input(std::move(input))
{}

QString SaveNotificationEndpointJob::path() const
{
    return m_id.isEmpty() ? u"/api/v1/notification-endpoints"_s : endpointPath(m_id);
}

QJsonObject SaveNotificationEndpointJob::body() const
{
    QJsonArray days;
    for (int d : m_input.expiringDays)
        days.append(d);
    QJsonObject body{{u"name"_s, m_input.name},
                     {u"format"_s, m_input.format},
                     {u"events"_s, QJsonArray::fromStringList(m_input.events)}};
    if (!days.isEmpty() || !m_id.isEmpty())
        body.insert(u"expiringDays"_s, days);
    if (!m_input.url.isEmpty() || m_id.isEmpty())
        body.insert(u"url"_s, m_input.url);
    return body;
}

bool SaveNotificationEndpointJob::parse(const QJsonValue& data)
{
    const auto e = NotificationEndpointInfo::fromJson(data.toObject().value(u"endpoint"_s).toObject());
    if (!e)
        return false;
    m_endpoint = *e;
    m_secret = data.toObject().value(u"secret"_s).toString().toLatin1();
    return m_id.isEmpty() ? !m_secret.isEmpty() : true;
}

NotificationEndpointActionJob::NotificationEndpointActionJob(ApiClient* client, QString id, Action action,
                                                             QObject* parent)
    : ApiJob(client, parent)
    , m_id(std::move(id))
    , m_action(action)
{}

QString NotificationEndpointActionJob::path() const
{
    switch (m_action) {
    case Action::Delete:
        return endpointPath(m_id);
    case Action::Test:
        return endpointPath(m_id, u"/test"_s);
    case Action::NewSecret:
        return endpointPath(m_id, u"/secret"_s);
    }
    return {};
}

bool NotificationEndpointActionJob::parse(const QJsonValue& data)
{
    if (m_action == Action::NewSecret) {
        m_secret = data.toObject().value(u"secret"_s).toString().toLatin1();
        return !m_secret.isEmpty();
    }
    return data.isObject();
}

NotificationDeliveriesJob::NotificationDeliveriesJob(ApiClient* client, QString id, QObject* parent)
    : ApiJob(client, parent)
    , m_id(std::move(id))
{}

QString NotificationDeliveriesJob::path() const
{
    return endpointPath(m_id, u"/deliveries"_s);
}

bool NotificationDeliveriesJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (!o.value(u"items"_s).isArray())
        return false;
    m_deliveries.clear();
    for (const QJsonValue& v : o.value(u"items"_s).toArray()) {
        const QJsonObject d = v.toObject();
        NotificationDeliveryInfo info;
        info.id = d.value(u"id"_s).toString();
        info.event = d.value(u"event"_s).toString();
        info.createdAt = protocol::fromIso(d.value(u"createdAt"_s).toString());
        info.status = d.value(u"status"_s).toString();
        info.nextAttemptAt = protocol::fromIso(d.value(u"nextAttemptAt"_s).toString());
        info.deliveredAt = protocol::fromIso(d.value(u"deliveredAt"_s).toString());
        info.credentialId = d.value(u"credentialId"_s).toString();
        const QJsonObject credential = d.value(u"credential"_s).toObject();
        if (!credential.isEmpty()) {
            info.credentialLabel = protocol::credentialLabel(credential.value(u"name"_s).toString(),
                                                             credential.value(u"prefix"_s).toString(),
                                                             credential.value(u"last4"_s).toString());
        }
        for (const QJsonValue& a : d.value(u"attempts"_s).toArray()) {
            const QJsonObject attempt = a.toObject();
            info.attempts.append({protocol::fromIso(attempt.value(u"at"_s).toString()),
                                  attempt.value(u"statusCode"_s).toInt(), attempt.value(u"error"_s).toString(),
                                  qint64(attempt.value(u"durationMs"_s).toDouble())});
        }
        m_deliveries.append(info);
    }
    return true;
}

} // namespace td::app
