// The audit log and the demo resources.
#include "StoreSql.h"

#include "AuthCache.h"
#include "Clock.h"
#include "Log.h"

#include <QSqlError>

using namespace Qt::StringLiterals;
using namespace td::server::storesql;

namespace td::server {

bool Store::audit(const AuditRecord& e, qint64* insertedId)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO audit_events (at, tenant_id, actor, action, target_kind, target_id, ip, detail) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s +
              (m_dialect == Dialect::PostgreSQL ? u" RETURNING id"_s : QString()));
    q.addBindValue(e.at);
    q.addBindValue(nullable(e.tenantId));
    q.addBindValue(e.actor);
    q.addBindValue(e.action);
    q.addBindValue(nullable(e.targetKind));
    q.addBindValue(nullable(e.targetId));
    q.addBindValue(nullable(e.ip));
    q.addBindValue(nullable(e.detail));
    if (!q.exec())
        return fail(q);
    if (insertedId)
        *insertedId =
            m_dialect == Dialect::PostgreSQL ? (q.next() ? q.value(0).toLongLong() : 0) : q.lastInsertId().toLongLong();
    return true;
}

bool Store::setAuditDetail(qint64 id, const QString& detail)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE audit_events SET detail = ? WHERE id = ?"_s);
    q.addBindValue(detail);
    q.addBindValue(id);
    return q.exec() || fail(q);
}

int Store::deleteAuditBefore(qint64 at)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM audit_events WHERE at < ?"_s);
    q.addBindValue(at);
    if (!q.exec()) {
        fail(q);
        return -1;
    }
    return q.numRowsAffected();
}

std::optional<QList<AuditRecord>> Store::auditEvents(const AuditQuery& query)
{
    QString sql = u"SELECT id, at, tenant_id, actor, action, target_kind, target_id, ip, detail FROM audit_events "
                  "WHERE tenant_id = ?"_s;
    QVariantList binds{query.tenantId};
    if (!query.targetId.isEmpty()) {
        sql += u" AND target_id = ?"_s;
        binds.append(query.targetId);
    }
    if (!query.actions.isEmpty()) {
        sql += u" AND action IN ("_s + QStringList(query.actions.size(), u"?"_s).join(u", "_s) + u')';
        for (const QString& action : query.actions)
            binds.append(action);
    }
    if (query.since > 0) {
        sql += u" AND at >= ?"_s;
        binds.append(query.since);
    }
    if (query.until > 0) {
        sql += u" AND at < ?"_s;
        binds.append(query.until);
    }
    if (query.beforeId > 0) {
        sql += u" AND id < ?"_s;
        binds.append(query.beforeId);
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    binds.append(query.limit);
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    QList<AuditRecord> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                    q.value(8).toString()});
    }
    return out;
}

bool Store::insertResource(const QString& tenantId, const QString& kind, const QString& id, const QJsonObject& body,
                           const QString& createdBy, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO resources (id, tenant_id, kind, body, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(tenantId);
    q.addBindValue(kind);
    q.addBindValue(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(createdBy);
    return q.exec() || fail(q);
}

std::optional<QList<QJsonObject>> Store::resources(const QString& tenantId, const QString& kind, int limit)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id, body, created_at, created_by FROM resources WHERE tenant_id = ? AND kind = ? "
              "ORDER BY created_at DESC LIMIT ?"_s);
    q.addBindValue(tenantId);
    q.addBindValue(kind);
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    QList<QJsonObject> out;
    while (q.next()) {
        QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        o.insert(u"id"_s, q.value(0).toString());
        o.insert(u"createdAt"_s, protocol::toIso(fromMs(q.value(2).toLongLong())));
        o.insert(u"createdBy"_s, q.value(3).toString());
        out.append(o);
    }
    return out;
}

} // namespace td::server
