#include "NotificationController.h"

#include "Clock.h"
#include "Notifier.h"
#include "Text.h"
#include "Validation.h"
#include "protocol/Token.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

constexpr int MaxUrlLength = 2048;

// What the API shows of an endpoint's URL once it is stored: its origin and the last characters. A Slack incoming
// webhook's URL is its secret, so the whole URL is never sent back (nor logged, nor audited).
QString urlHint(const QString& text)
{
    const QUrl url(text);
    QString hint = url.scheme() + u"://"_s + url.host(QUrl::FullyEncoded) +
                   (url.port() > 0 ? u':' + QString::number(url.port()) : QString());
    const QString rest = url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
    if (rest.size() > 1)
        hint += u"/…"_s + rest.right(qMin<qsizetype>(4, rest.size() / 3));
    return hint;
}

QString origin(const QString& text)
{
    const QUrl url(text);
    return url.scheme() + u"://"_s + url.host(QUrl::FullyEncoded) +
           (url.port() > 0 ? u':' + QString::number(url.port()) : QString());
}

bool isLoopback(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

const QStringList& NotificationController::eventNames()
{
    static const QStringList names = {u"credential.expiring"_s, u"credential.expired"_s, u"credential.revoked"_s,
                                      u"credential.rotated"_s, u"credential.refused_spike"_s};
    return names;
}

const QList<int>& NotificationController::expiringDays()
{
    static const QList<int> days = {30, 14, 7, 1};
    return days;
}

Response NotificationController::missing(bool readFailed)
{
    if (readFailed)
        return storeFailure();
    return Response::error(404, QLatin1String(ErrorCode::NotFound),
                           tr("No such notification endpoint in this tenant."));
}

QJsonObject NotificationController::endpointJson(const NotificationEndpoint& e) const
{
    QJsonArray days;
    for (int d : e.expiringDays)
        days.append(d);
    return QJsonObject{{u"id"_s, e.id},
                       {u"name"_s, e.name},
                       {u"urlHint"_s, urlHint(e.url)},
                       {u"format"_s, e.format},
                       {u"events"_s, QJsonArray::fromStringList(e.events)},
                       {u"expiringDays"_s, days},
                       {u"createdAt"_s, isoMs(e.createdAt)},
                       {u"createdBy"_s, e.createdBy},
                       {u"updatedAt"_s, isoMs(e.updatedAt)}};
}

void NotificationController::readFields(const QJsonObject& body, NotificationEndpoint& e, bool creating,
                                        FieldErrors& errors)
{
    rejectUnknownFields(body, {u"name"_s, u"url"_s, u"format"_s, u"events"_s, u"expiringDays"_s}, errors);
    if (creating || body.contains(u"name"_s))
        e.name = nameField(body, errors, true);
    if (creating || body.contains(u"url"_s)) {
        const QString text = body.value(u"url"_s).toString().trimmed();
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (text.isEmpty())
            errors.add(u"url"_s, tr("Enter the address that receives the notifications."));
        else if (text.size() > MaxUrlLength)
            errors.add(u"url"_s, tr("At most %1 characters.").arg(MaxUrlLength));
        else if (!url.isValid() || url.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s) ||
                 url.hasFragment() || hasControlCharacters(text))
            errors.add(u"url"_s, tr("Must be an https:// address (or http:// to this machine's loopback)."));
        else if (scheme == u"http"_s && !isLoopback(url.host()))
            errors.add(u"url"_s, tr("Plain http:// is allowed only to loopback (127.0.0.1, ::1, localhost); use "
                                    "https:// for any other host."));
        else
            e.url = text;
    }
    if (creating || body.contains(u"format"_s)) {
        const QJsonValue format = body.value(u"format"_s);
        if (format.isUndefined() && creating)
            e.format = u"json"_s;
        else if (format.toString() != u"json"_s && format.toString() != u"slack"_s)
            errors.add(u"format"_s, tr("Must be json or slack."));
        else
            e.format = format.toString();
    }
    if (creating || body.contains(u"events"_s)) {
        const QJsonValue events = body.value(u"events"_s);
        QStringList names;
        bool valid = events.isArray() && !events.toArray().isEmpty();
        for (const QJsonValue& v : events.toArray()) {
            if (!v.isString() || !eventNames().contains(v.toString())) {
                errors.add(u"events"_s, tr("Unknown event \"%1\"; the events are %2.")
                                            .arg(v.toVariant().toString(), eventNames().join(u", "_s)));
                valid = false;
                break;
            }
            if (!names.contains(v.toString()))
                names.append(v.toString());
        }
        if (!valid)
            errors.add(u"events"_s, tr("Choose at least one of %1.").arg(eventNames().join(u", "_s)));
        else
            e.events = names;
    }
    if (body.contains(u"expiringDays"_s) || (creating && e.events.contains(u"credential.expiring"_s))) {
        const QJsonValue value = body.value(u"expiringDays"_s);
        QList<int> days;
        if (value.isUndefined()) {
            days = {7, 1};
        } else if (!value.isArray()) {
            errors.add(u"expiringDays"_s, tr("Must be a list of 30, 14, 7 and 1."));
        } else {
            for (const QJsonValue& v : value.toArray()) {
                const int d = v.isDouble() && v.toDouble() == double(v.toInt()) ? v.toInt() : -1;
                if (!expiringDays().contains(d)) {
                    errors.add(u"expiringDays"_s,
                               tr("%1 is not one of 30, 14, 7 and 1.").arg(v.toVariant().toString()));
                    days.clear();
                    break;
                }
                if (!days.contains(d))
                    days.append(d);
            }
        }
        std::sort(days.begin(), days.end(), std::greater<int>());
        e.expiringDays = days;
    }
    if (!errors.has(u"events"_s) && !errors.has(u"expiringDays"_s) && e.events.contains(u"credential.expiring"_s) &&
        e.expiringDays.isEmpty())
        errors.add(u"expiringDays"_s, tr("Choose when to announce an expiry: any of 30, 14, 7 and 1 days before."));
}

Response NotificationController::list(Request&, const Principal& p)
{
    const auto endpoints = m_store.notificationEndpoints(p.tenantId);
    if (!endpoints)
        return storeFailure();
    QJsonArray items;
    for (const NotificationEndpoint& e : *endpoints)
        items.append(endpointJson(e));
    return Response::ok(QJsonObject{{u"items"_s, items}, {u"limit"_s, NotificationEndpoint::MaxPerTenant}});
}

Response NotificationController::create(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const qint64 now = Clock::nowMs();
    NotificationEndpoint e;
    FieldErrors errors;
    readFields(*body, e, true, errors);
    if (errors.any())
        return errors.response();
    e.id = newId("nep_");
    e.tenantId = p.tenantId;
    e.salt = randomBase62(32);
    e.createdAt = e.updatedAt = now;
    e.createdBy = p.actor();
    switch (m_store.insertNotificationEndpoint(
        e, {auditRecord(request, p.tenantId, p.actor(), u"notification_endpoint.create"_s, u"notificationEndpoint"_s,
                        e.id, e.name + u" → "_s + origin(e.url))})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::Conflict: {
        FieldErrors full;
        full.add(u"endpoints"_s, tr("A tenant has at most %1 notification endpoints; delete one first.")
                                     .arg(NotificationEndpoint::MaxPerTenant));
        return full.response();
    }
    default:
        return storeFailure();
    }
    return Response::ok(QJsonObject{{u"endpoint"_s, endpointJson(e)},
                                    {u"secret"_s, QString::fromLatin1(m_context.notificationSecret(e.salt))}},
                        201);
}

Response NotificationController::get(Request& request, const Principal& p)
{
    const auto e = m_store.notificationEndpoint(p.tenantId, request.params.value(u"id"_s));
    if (!e)
        return missing(e.isFailed());
    return Response::ok(QJsonObject{{u"endpoint"_s, endpointJson(*e)}});
}

Response NotificationController::patch(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto e = m_store.notificationEndpoint(p.tenantId, request.params.value(u"id"_s));
    if (!e)
        return missing(e.isFailed());
    const NotificationEndpoint before = *e;
    FieldErrors errors;
    readFields(*body, *e, false, errors);
    if (errors.any())
        return errors.response();
    QStringList changed;
    if (e->name != before.name)
        changed.append(u"name"_s);
    if (e->url != before.url)
        changed.append(u"url → "_s + origin(e->url));
    if (e->format != before.format)
        changed.append(u"format"_s);
    if (e->events != before.events || e->expiringDays != before.expiringDays)
        changed.append(u"events"_s);
    if (changed.isEmpty())
        return Response::ok(QJsonObject{{u"endpoint"_s, endpointJson(*e)}});
    e->updatedAt = Clock::nowMs();
    switch (m_store.updateNotificationEndpoint(
        *e, {auditRecord(request, p.tenantId, p.actor(), u"notification_endpoint.update"_s, u"notificationEndpoint"_s,
                         e->id, changed.join(u", "_s))})) {
    case Store::Outcome::Ok:
        return Response::ok(QJsonObject{{u"endpoint"_s, endpointJson(*e)}});
    case Store::Outcome::NotFound:
        return missing(false);
    default:
        return storeFailure();
    }
}

Response NotificationController::remove(Request& request, const Principal& p)
{
    const QString id = request.params.value(u"id"_s);
    switch (m_store.deleteNotificationEndpoint(
        p.tenantId, id,
        {auditRecord(request, p.tenantId, p.actor(), u"notification_endpoint.delete"_s, u"notificationEndpoint"_s,
                     id)})) {
    case Store::Outcome::Ok:
        return Response::ok(QJsonObject{{u"deleted"_s, id}});
    case Store::Outcome::NotFound:
        return missing(false);
    default:
        return storeFailure();
    }
}

Response NotificationController::rotateSecret(Request& request, const Principal& p)
{
    auto e = m_store.notificationEndpoint(p.tenantId, request.params.value(u"id"_s));
    if (!e)
        return missing(e.isFailed());
    e->salt = randomBase62(32);
    e->updatedAt = Clock::nowMs();
    switch (m_store.updateNotificationEndpoint(
        *e, {auditRecord(request, p.tenantId, p.actor(), u"notification_endpoint.secret"_s, u"notificationEndpoint"_s,
                         e->id)})) {
    case Store::Outcome::Ok:
        return Response::ok(QJsonObject{{u"endpoint"_s, endpointJson(*e)},
                                        {u"secret"_s, QString::fromLatin1(m_context.notificationSecret(e->salt))}});
    case Store::Outcome::NotFound:
        return missing(false);
    default:
        return storeFailure();
    }
}

Response NotificationController::test(Request& request, const Principal& p)
{
    const auto e = m_store.notificationEndpoint(p.tenantId, request.params.value(u"id"_s));
    if (!e)
        return missing(e.isFailed());
    const qint64 now = Clock::nowMs();
    const QString id = u"notification.test:"_s + QString::fromLatin1(randomBase62(16)) + u':' + e->id;
    if (!m_store.queueTestDelivery(*e, id, now))
        return storeFailure();
    audit(request, p.tenantId, p.actor(), u"notification_endpoint.test"_s, u"notificationEndpoint"_s, e->id);
    return Response::ok(QJsonObject{{u"deliveryId"_s, id}}, 202);
}

Response NotificationController::deliveries(Request& request, const Principal& p)
{
    const auto e = m_store.notificationEndpoint(p.tenantId, request.params.value(u"id"_s));
    if (!e)
        return missing(e.isFailed());
    FieldErrors errors;
    const auto limit = intParam(request, u"limit"_s, 1, 500, 50, errors);
    if (errors.any())
        return errors.response();
    const auto found = m_store.deliveries(e->id, *limit);
    if (!found)
        return storeFailure();
    QJsonArray items;
    for (const Delivery& d : *found) {
        QJsonArray attempts;
        for (const DeliveryAttempt& a : d.history) {
            attempts.append(QJsonObject{{u"at"_s, isoMs(a.at)},
                                        {u"statusCode"_s, a.status == 0 ? QJsonValue() : QJsonValue(a.status)},
                                        {u"error"_s, a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)},
                                        {u"durationMs"_s, a.durationMs}});
        }
        // Who it was about, as the event named it when it was queued (nothing for a test).
        const QJsonObject credential = QJsonDocument::fromJson(d.payload).object().value(u"credential"_s).toObject();
        QJsonValue summary;
        if (!credential.isEmpty()) {
            QJsonObject o;
            for (const QString& key : {u"id"_s, u"kind"_s, u"name"_s, u"prefix"_s, u"last4"_s})
                o.insert(key, credential.value(key));
            summary = o;
        }
        items.append(QJsonObject{
            {u"id"_s, d.id},
            {u"event"_s, d.event},
            {u"createdAt"_s, isoMs(d.createdAt)},
            {u"status"_s, d.status},
            {u"attempts"_s, attempts},
            {u"nextAttemptAt"_s, d.status == u"pending"_s ? QJsonValue(isoMs(d.nextAttemptAt)) : QJsonValue()},
            {u"deliveredAt"_s, d.status == u"delivered"_s ? QJsonValue(isoMs(d.finishedAt)) : QJsonValue()},
            {u"credentialId"_s, credential.value(u"id"_s)},
            {u"credential"_s, summary}});
    }
    return Response::ok(QJsonObject{{u"items"_s, items}});
}

} // namespace td::server
