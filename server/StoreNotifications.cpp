// Notification endpoints and their durable outbox (issue 15; DESIGN.md, "Notifications").
#include "StoreSql.h"

#include "Clock.h"
#include "Log.h"
#include "Text.h"

#include <QSqlError>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace td::server::storesql;

namespace td::server {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr int RefusedSpikeThreshold = 10; // refusals within 24 h, as the "refused often" finding counts

const QString EndpointColumns = u"id, tenant_id, name, url, format, events, expiring_days, secret_salt, created_at, "
                                "created_by, updated_at"_s;

NotificationEndpoint readEndpoint(const QSqlQuery& q, int first = 0)
{
    NotificationEndpoint e;
    e.id = q.value(first).toString();
    e.tenantId = q.value(first + 1).toString();
    e.name = q.value(first + 2).toString();
    e.url = q.value(first + 3).toString();
    e.format = q.value(first + 4).toString();
    e.events = q.value(first + 5).toString().split(u' ', Qt::SkipEmptyParts);
    for (const QString& d : q.value(first + 6).toString().split(u' ', Qt::SkipEmptyParts))
        e.expiringDays.append(d.toInt());
    e.salt = q.value(first + 7).toString().toLatin1();
    e.createdAt = q.value(first + 8).toLongLong();
    e.createdBy = q.value(first + 9).toString();
    e.updatedAt = q.value(first + 10).toLongLong();
    return e;
}

QString daysText(const QList<int>& days)
{
    QStringList out;
    for (int d : days)
        out.append(QString::number(d));
    return out.join(u' ');
}

const QString DeliveryColumns = u"d.id, d.tenant_id, d.endpoint_id, d.event, d.payload, d.created_at, d.status, "
                                "d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.finished_at"_s;

Delivery readDelivery(const QSqlQuery& q)
{
    Delivery d;
    d.id = q.value(0).toString();
    d.tenantId = q.value(1).toString();
    d.endpointId = q.value(2).toString();
    d.event = q.value(3).toString();
    d.payload = q.value(4).toString().toUtf8();
    d.createdAt = q.value(5).toLongLong();
    d.status = q.value(6).toString();
    d.attempts = q.value(7).toInt();
    d.nextAttemptAt = q.value(8).toLongLong();
    d.lastStatus = q.value(9).toInt();
    d.lastError = q.value(10).toString();
    d.finishedAt = q.value(11).toLongLong();
    return d;
}

// The event as receivers get it ("json" format; the "slack" text is made from it when it is sent).
QByteArray eventPayload(const QString& id, const QString& type, qint64 now, const CredentialRecord& record,
                        const QJsonObject& extra)
{
    const protocol::ApiKeyDto dto = record.toDto(now);
    QJsonObject credential{
        {u"id"_s, record.id},
        {u"kind"_s, record.kind},
        {u"name"_s, record.name},
        {u"prefix"_s, record.prefix},
        {u"last4"_s, record.last4},
        {u"scopes"_s, QJsonArray::fromStringList(record.scopes)},
        {u"status"_s, protocol::toString(dto.status)},
        {u"expiresAt"_s, record.expiresAt != 0 ? QJsonValue(isoMs(record.expiresAt)) : QJsonValue()}};
    QJsonObject event{{u"id"_s, id},
                      {u"type"_s, type},
                      {u"createdAt"_s, isoMs(now)},
                      {u"tenantId"_s, record.tenantId},
                      {u"credential"_s, credential}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        event.insert(it.key(), it.value());
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

// The idempotency key of an event for one endpoint: the same event noticed again (by a later scan, by another
// instance) has the same key and is not queued twice.
QString deliveryKey(const QString& type, const QString& credentialId, const QString& unique, const QString& endpointId)
{
    return type + u':' + credentialId + (unique.isEmpty() ? QString() : u':' + unique) + u':' + endpointId;
}

} // namespace

Read<QList<NotificationEndpoint>> Store::notificationEndpoints(const QString& tenantId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + EndpointColumns +
              (tenantId.isEmpty() ? u" FROM notification_endpoints ORDER BY created_at, id"_s
                                  : u" FROM notification_endpoints WHERE tenant_id = ? ORDER BY created_at, id"_s));
    if (!run(q, tenantId.isEmpty() ? QVariantList{} : QVariantList{tenantId}))
        return Read<QList<NotificationEndpoint>>::error();
    QList<NotificationEndpoint> out;
    while (q.next())
        out.append(readEndpoint(q));
    return Read<QList<NotificationEndpoint>>::of(out);
}

Read<NotificationEndpoint> Store::notificationEndpoint(const QString& tenantId, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + EndpointColumns + u" FROM notification_endpoints WHERE tenant_id = ? AND id = ?"_s +
              lockForUpdate());
    return queryOne<NotificationEndpoint>(q, {tenantId, id}, [](const QSqlQuery& r) { return readEndpoint(r); });
}

Store::Outcome Store::insertNotificationEndpoint(const NotificationEndpoint& e, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit);
    if (!tx.isOpen())
        return Outcome::Failed;
    // Counted inside the transaction: two concurrent creations cannot both pass the limit. On PostgreSQL the
    // tenant's row is locked first, which serialises the tenant's creations.
    QSqlQuery lock(m_db);
    lock.prepare(u"SELECT id FROM tenants WHERE id = ?"_s + lockForUpdate());
    if (!run(lock, {e.tenantId}))
        return Outcome::Failed;
    QSqlQuery count(m_db);
    count.prepare(u"SELECT COUNT(*) FROM notification_endpoints WHERE tenant_id = ?"_s);
    if (!run(count, {e.tenantId}) || !count.next())
        return Outcome::Failed;
    if (count.value(0).toInt() >= NotificationEndpoint::MaxPerTenant)
        return Outcome::Conflict;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO notification_endpoints ("_s + EndpointColumns +
              u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!run(q,
             {e.id, e.tenantId, notNull(e.name), e.url, e.format, e.events.join(u' '),
              notNull(daysText(e.expiringDays)), QString::fromLatin1(e.salt), e.createdAt, e.createdBy, e.updatedAt}))
        return Outcome::Failed;
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::updateNotificationEndpoint(const NotificationEndpoint& e, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE notification_endpoints SET name = ?, url = ?, format = ?, events = ?, expiring_days = ?, "
              "secret_salt = ?, updated_at = ? WHERE tenant_id = ? AND id = ?"_s);
    if (!run(q, {notNull(e.name), e.url, e.format, e.events.join(u' '), notNull(daysText(e.expiringDays)),
                 QString::fromLatin1(e.salt), e.updatedAt, e.tenantId, e.id}))
        return Outcome::Failed;
    if (q.numRowsAffected() == 0)
        return Outcome::NotFound;
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::deleteNotificationEndpoint(const QString& tenantId, const QString& id,
                                                 const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery attempts(m_db);
    attempts.prepare(u"DELETE FROM notification_attempts WHERE delivery_id IN (SELECT id FROM "
                     "notification_deliveries WHERE endpoint_id = ? AND tenant_id = ?)"_s);
    QSqlQuery deliveries(m_db);
    deliveries.prepare(u"DELETE FROM notification_deliveries WHERE endpoint_id = ? AND tenant_id = ?"_s);
    QSqlQuery endpoint(m_db);
    endpoint.prepare(u"DELETE FROM notification_endpoints WHERE id = ? AND tenant_id = ?"_s);
    if (!run(attempts, {id, tenantId}) || !run(deliveries, {id, tenantId}) || !run(endpoint, {id, tenantId}))
        return Outcome::Failed;
    if (endpoint.numRowsAffected() == 0)
        return Outcome::NotFound;
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

bool Store::queueDelivery(const NotificationEndpoint& endpoint, const QString& id, const QString& event,
                          const QByteArray& payload, qint64 now)
{
    QSqlQuery& q = cached(u"INSERT INTO notification_deliveries (id, tenant_id, endpoint_id, event, payload, "
                          "created_at, status, attempts, next_attempt_at, lease_until) "
                          "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, 0) ON CONFLICT (id) DO NOTHING"_s);
    const Finished done{q};
    return run(q, {id, endpoint.tenantId, endpoint.id, event, QString::fromUtf8(payload), now, now});
}

bool Store::queueTestDelivery(const NotificationEndpoint& endpoint, const QString& id, qint64 now)
{
    const QJsonObject event{{u"id"_s, id},
                            {u"type"_s, u"notification.test"_s},
                            {u"createdAt"_s, isoMs(now)},
                            {u"tenantId"_s, endpoint.tenantId},
                            {u"endpoint"_s, QJsonObject{{u"id"_s, endpoint.id}, {u"name"_s, endpoint.name}}}};
    return queueDelivery(endpoint, id, u"notification.test"_s, QJsonDocument(event).toJson(QJsonDocument::Compact),
                         now);
}

bool Store::queueEvents(const QList<NotificationEvent>& events, qint64 now)
{
    QHash<QString, QList<NotificationEndpoint>> byTenant;
    for (const NotificationEvent& event : events) {
        if (!byTenant.contains(event.tenantId)) {
            const auto endpoints = notificationEndpoints(event.tenantId);
            if (!endpoints)
                return false;
            byTenant.insert(event.tenantId, *endpoints);
        }
        const QList<NotificationEndpoint>& endpoints = byTenant[event.tenantId];
        if (std::none_of(endpoints.begin(), endpoints.end(),
                         [&](const NotificationEndpoint& e) { return e.wants(event.type); }))
            continue;
        QSqlQuery q(m_db);
        q.prepare(u"SELECT "_s + CredentialColumns + u" FROM credentials WHERE tenant_id = ? AND id = ?"_s);
        const Read<CredentialRecord> record =
            queryOne<CredentialRecord>(q, {event.tenantId, event.credentialId}, readCredential);
        if (!record)
            return false; // in the same transaction as its change: the credential is there
        for (const NotificationEndpoint& endpoint : endpoints) {
            if (!endpoint.wants(event.type))
                continue;
            const QString key = deliveryKey(event.type, event.credentialId, event.unique, endpoint.id);
            if (!queueDelivery(endpoint, key, event.type, eventPayload(key, event.type, now, *record, event.extra),
                               now))
                return false;
        }
    }
    return true;
}

std::optional<int> Store::scheduleNotifications(qint64 now)
{
    const auto endpoints = notificationEndpoints({});
    if (!endpoints)
        return std::nullopt;
    static const QStringList TimeBased = {u"credential.expiring"_s, u"credential.expired"_s,
                                          u"credential.refused_spike"_s};
    if (std::none_of(endpoints->begin(), endpoints->end(), [](const NotificationEndpoint& e) {
            return std::any_of(TimeBased.begin(), TimeBased.end(), [&e](const QString& t) { return e.wants(t); });
        }))
        return 0; // nothing to do: no transaction either
    Transaction tx(*this);
    if (!tx.isOpen())
        return std::nullopt;
    int queued = 0;
    QSqlQuery exists(m_db);
    exists.prepare(u"SELECT 1 FROM notification_deliveries WHERE id = ?"_s);
    // Queues the event unless it is queued (or was delivered) already.
    const auto queueOnce = [&](const NotificationEndpoint& endpoint, const QString& type, const CredentialRecord& r,
                               const QString& unique, const QJsonObject& extra) {
        const QString key = deliveryKey(type, r.id, unique, endpoint.id);
        if (!run(exists, {key}))
            return false;
        const bool known = exists.next();
        exists.finish();
        if (known)
            return true;
        ++queued;
        return queueDelivery(endpoint, key, type, eventPayload(key, type, now, r, extra), now);
    };
    const QString live = u" FROM credentials WHERE tenant_id = ? AND revoked_at IS NULL AND rotated_to IS NULL AND "
                         "expires_at IS NOT NULL"_s;
    for (const NotificationEndpoint& endpoint : *endpoints) {
        if (endpoint.wants(u"credential.expiring"_s) && !endpoint.expiringDays.isEmpty()) {
            // Each threshold once per credential and endpoint; of those already passed only the nearest fires (a
            // credential made to expire in 3 days is announced once, at its 7-day threshold, not at 30 and 14 too).
            // Expiry only ever moves forward (PATCH narrows), so a passed threshold never comes back.
            const int widest = *std::max_element(endpoint.expiringDays.begin(), endpoint.expiringDays.end());
            QSqlQuery q(m_db);
            q.prepare(u"SELECT "_s + CredentialColumns + live + u" AND expires_at > ? AND expires_at <= ?"_s);
            if (!run(q, {endpoint.tenantId, now, now + widest * DayMs}))
                return std::nullopt;
            QList<CredentialRecord> due;
            while (q.next())
                due.append(readCredential(q));
            for (const CredentialRecord& r : due) {
                int threshold = widest;
                for (int d : endpoint.expiringDays) {
                    if (r.expiresAt - now <= d * DayMs)
                        threshold = qMin(threshold, d);
                }
                const int daysLeft = int(std::ceil(double(r.expiresAt - now) / double(DayMs)));
                if (!queueOnce(endpoint, u"credential.expiring"_s, r, QString::number(threshold),
                               {{u"daysBefore"_s, threshold}, {u"daysLeft"_s, daysLeft}}))
                    return std::nullopt;
            }
        }
        if (endpoint.wants(u"credential.expired"_s)) {
            // Expired since the endpoint was made, and within a week: an endpoint added today does not announce
            // every credential that ever expired.
            QSqlQuery q(m_db);
            q.prepare(u"SELECT "_s + CredentialColumns + live + u" AND expires_at <= ? AND expires_at > ?"_s);
            if (!run(q, {endpoint.tenantId, now, qMax(endpoint.createdAt, now - 7 * DayMs)}))
                return std::nullopt;
            QList<CredentialRecord> expired;
            while (q.next())
                expired.append(readCredential(q));
            for (const CredentialRecord& r : expired) {
                if (!queueOnce(endpoint, u"credential.expired"_s, r, {}, {}))
                    return std::nullopt;
            }
        }
        if (endpoint.wants(u"credential.refused_spike"_s)) {
            // At most once per credential and UTC day.
            QSqlQuery q(m_db);
            q.prepare(u"SELECT "_s + CredentialColumns +
                      u", (SELECT SUM(r.count) FROM usage_refusals r WHERE r.credential_id = credentials.id AND "
                      "r.hour >= ?) FROM credentials WHERE tenant_id = ? AND id IN (SELECT credential_id FROM "
                      "usage_refusals WHERE hour >= ?)"_s);
            const qint64 hour = (now - DayMs) / (3600 * 1000);
            if (!run(q, {hour, endpoint.tenantId, hour}))
                return std::nullopt;
            QList<QPair<CredentialRecord, qint64>> spikes;
            while (q.next()) {
                const qint64 refusals = q.value(22).toLongLong();
                if (refusals >= RefusedSpikeThreshold)
                    spikes.append({readCredential(q), refusals});
            }
            for (const auto& [r, refusals] : std::as_const(spikes)) {
                if (!queueOnce(endpoint, u"credential.refused_spike"_s, r, QString::number(now / DayMs),
                               {{u"refusals"_s, refusals}}))
                    return std::nullopt;
            }
        }
    }
    if (queued == 0)
        return 0; // nothing written: the destructor's rollback ends the transaction
    return tx.commit() ? std::optional<int>(queued) : std::nullopt;
}

std::optional<QList<QPair<Delivery, NotificationEndpoint>>> Store::claimDeliveries(qint64 now, qint64 leaseMs, int most)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return std::nullopt;
    // PostgreSQL: rows another instance is claiming are skipped, not waited for; SQLite's BEGIN IMMEDIATE lets one
    // claim at a time anyway.
    QSqlQuery q(m_db);
    QStringList endpointColumns = EndpointColumns.split(u", "_s);
    for (QString& column : endpointColumns)
        column.prepend(u"e."_s);
    q.prepare(u"SELECT "_s + DeliveryColumns + u", "_s + endpointColumns.join(u", "_s) +
              u" FROM notification_deliveries d JOIN notification_endpoints e ON e.id = d.endpoint_id "
              "WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.lease_until <= ? "
              "ORDER BY d.next_attempt_at LIMIT ?"_s +
              (m_dialect == Dialect::PostgreSQL ? u" FOR UPDATE OF d SKIP LOCKED"_s : QString()));
    if (!run(q, {now, now, most}))
        return std::nullopt;
    QList<QPair<Delivery, NotificationEndpoint>> out;
    while (q.next())
        out.append({readDelivery(q), readEndpoint(q, 12)});
    q.finish();
    if (out.isEmpty())
        return out;
    QSqlQuery lease(m_db);
    lease.prepare(u"UPDATE notification_deliveries SET lease_until = ? WHERE id = ?"_s);
    for (const auto& claimed : std::as_const(out)) {
        if (!run(lease, {now + leaseMs, claimed.first.id}))
            return std::nullopt;
    }
    return tx.commit() ? std::optional(out) : std::nullopt;
}

bool Store::finishDelivery(const QString& id, const DeliveryAttempt& attempt, const QString& status,
                           qint64 nextAttemptAt)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return false;
    QSqlQuery log(m_db);
    log.prepare(u"INSERT INTO notification_attempts (delivery_id, at, status, error, duration_ms) "
                "VALUES (?, ?, ?, ?, ?)"_s);
    QSqlQuery update(m_db);
    update.prepare(u"UPDATE notification_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, "
                   "lease_until = 0, last_status = ?, last_error = ?, finished_at = ? WHERE id = ? AND "
                   "status = 'pending'"_s);
    const bool finished = status != u"pending"_s;
    return run(log, {id, attempt.at, attempt.status == 0 ? QVariant(QMetaType(QMetaType::Int)) : attempt.status,
                     nullable(attempt.error), attempt.durationMs}) &&
           run(update,
               {status, nextAttemptAt, attempt.status == 0 ? QVariant(QMetaType(QMetaType::Int)) : attempt.status,
                nullable(attempt.error), finished ? QVariant(attempt.at) : QVariant(QMetaType(QMetaType::LongLong)),
                id}) &&
           tx.commit();
}

std::optional<QList<Delivery>> Store::deliveries(const QString& endpointId, int most)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + DeliveryColumns +
              u" FROM notification_deliveries d WHERE d.endpoint_id = ? ORDER BY d.created_at DESC, d.id LIMIT ?"_s);
    if (!run(q, {endpointId, most}))
        return std::nullopt;
    QList<Delivery> out;
    while (q.next())
        out.append(readDelivery(q));
    QSqlQuery attempts(m_db);
    attempts.prepare(
        u"SELECT at, status, error, duration_ms FROM notification_attempts WHERE delivery_id = ? ORDER BY at DESC"_s);
    for (Delivery& d : out) {
        if (!run(attempts, {d.id}))
            return std::nullopt;
        while (attempts.next()) {
            d.history.append(DeliveryAttempt{attempts.value(0).toLongLong(), attempts.value(1).toInt(),
                                             attempts.value(2).toString(), attempts.value(3).toLongLong()});
        }
        attempts.finish();
    }
    return out;
}

int Store::pruneDeliveries(qint64 before)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return -1;
    QSqlQuery attempts(m_db);
    attempts.prepare(u"DELETE FROM notification_attempts WHERE delivery_id IN (SELECT id FROM "
                     "notification_deliveries WHERE status <> 'pending' AND finished_at < ?)"_s);
    QSqlQuery deliveries(m_db);
    deliveries.prepare(u"DELETE FROM notification_deliveries WHERE status <> 'pending' AND finished_at < ?"_s);
    if (!run(attempts, {before}) || !run(deliveries, {before}))
        return -1;
    const int deleted = deliveries.numRowsAffected();
    return tx.commit() ? deleted : -1;
}

bool Store::releaseDeliveryLeases()
{
    return exec(u"UPDATE notification_deliveries SET lease_until = 0 WHERE status = 'pending' AND lease_until <> 0"_s);
}

} // namespace td::server
