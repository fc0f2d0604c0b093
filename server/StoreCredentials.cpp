// API keys, UATs and private tokens: one table, told apart by kind.
#include "StoreSql.h"

#include "AuthCache.h"
#include "Clock.h"
#include "Log.h"
#include "protocol/Scopes.h"

#include <QSet>
#include <QSqlError>

using namespace Qt::StringLiterals;
using namespace td::server::storesql;

namespace td::server {

const QString storesql::CredentialColumns =
    u"id, kind, tenant_id, name, description, prefix, last4, scopes, ip_allowlist, created_at, created_by, "
    "expires_at, last_used_at, last_used_ip, revoked_at, revoked_by, rotated_from, rotated_to, grace_limit, rate_limit_requests, rate_limit_seconds, suspended_at"_s;

CredentialRecord storesql::readCredential(const QSqlQuery& q)
{
    CredentialRecord r;
    r.id = q.value(0).toString();
    r.kind = q.value(1).toString();
    r.tenantId = q.value(2).toString();
    r.name = q.value(3).toString();
    r.description = q.value(4).toString();
    r.prefix = q.value(5).toString();
    r.last4 = q.value(6).toString();
    r.scopes = fromJsonArray(q.value(7).toString());
    r.ipAllowlist = fromJsonArray(q.value(8).toString());
    r.createdAt = q.value(9).toLongLong();
    r.createdBy = q.value(10).toString();
    r.expiresAt = q.value(11).toLongLong();
    r.lastUsedAt = q.value(12).toLongLong();
    r.lastUsedIp = q.value(13).toString();
    r.revokedAt = q.value(14).toLongLong();
    r.revokedBy = q.value(15).toString();
    r.rotatedFrom = q.value(16).toString();
    r.rotatedTo = q.value(17).toString();
    r.graceLimit = q.value(18).toLongLong();
    r.rateLimit = {q.value(19).toInt(), q.value(20).toInt()};
    r.suspendedAt = q.value(21).toLongLong();
    return r;
}

namespace {

QString encodeCursor(qint64 createdAt, const QString& id)
{
    return QString::fromLatin1(QByteArray(QByteArray::number(createdAt) + ':' + id.toUtf8())
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString& cursor, qint64* createdAt, QString* id)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon <= 0)
        return false;
    bool ok = false;
    *createdAt = decoded.decoded.left(colon).toLongLong(&ok);
    *id = QString::fromUtf8(decoded.decoded.mid(colon + 1));
    return ok && !id->isEmpty();
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

} // namespace

bool Store::insertCredential(const CredentialRecord& record, const QByteArray& digest, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit);
    return tx.isOpen() && insertCredentialRow(record, digest) && tx.commit();
}

bool Store::insertCredentialRow(const CredentialRecord& r, const QByteArray& digest)
{
    QSqlQuery q(m_db);
    q.prepare(
        u"INSERT INTO credentials (id, kind, tenant_id, name, description, prefix, last4, digest, scopes, "
        "ip_allowlist, created_at, created_by, expires_at, rotated_from, rate_limit_requests, rate_limit_seconds) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    return run(q, {r.id, r.kind, r.tenantId, r.name, notNull(r.description), r.prefix, r.last4, digest,
                   toJsonArray(r.scopes), toJsonArray(r.ipAllowlist), r.createdAt, r.createdBy, nullable(r.expiresAt),
                   nullable(r.rotatedFrom), nullable(qint64(r.rateLimit.isSet() ? r.rateLimit.requests : 0)),
                   nullable(qint64(r.rateLimit.isSet() ? r.rateLimit.perSeconds : 0))});
}

Read<CredentialRecord> Store::credentialByDigest(const QByteArray& digest)
{
    QSqlQuery& q = cached(u"SELECT "_s + CredentialColumns + u" FROM credentials WHERE digest = ?"_s);
    const Finished done{q};
    return queryOne<CredentialRecord>(q, {digest}, readCredential);
}

Read<CredentialRecord> Store::authCredentialByDigest(const QByteArray& digest)
{
    // Every request with a credential not in the authentication cache (each key at most once a minute): only
    // what authentication reads, half the columns of a whole record.
    // With the creator's membership of the credential's tenant (issue 17: a UAT or private token acts for its user
    // and never beyond the user's current rights), read with it and cached with it: a change to a membership
    // empties the cache like a change to the credential.
    QSqlQuery& q =
        cached(u"SELECT c.id, c.kind, c.tenant_id, c.scopes, c.ip_allowlist, c.created_by, c.expires_at, c.revoked_at, "
               "c.suspended_at, c.rotated_to, c.rate_limit_requests, c.rate_limit_seconds, m.role, m.disabled_at "
               "FROM credentials c LEFT JOIN memberships m ON c.created_by = 'user:' || m.user_id AND "
               "m.tenant_id = c.tenant_id WHERE c.digest = ?"_s);
    const Finished done{q};
    return queryOne<CredentialRecord>(q, {digest}, [](const QSqlQuery& row) {
        CredentialRecord r;
        r.id = row.value(0).toString();
        r.kind = row.value(1).toString();
        r.tenantId = row.value(2).toString();
        r.scopes = fromJsonArray(row.value(3).toString());
        r.ipAllowlist = fromJsonArray(row.value(4).toString());
        r.createdBy = row.value(5).toString();
        r.expiresAt = row.value(6).toLongLong();
        r.revokedAt = row.value(7).toLongLong();
        r.suspendedAt = row.value(8).toLongLong();
        r.rotatedTo = row.value(9).toString();
        r.rateLimit = {row.value(10).toInt(), row.value(11).toInt()};
        r.ownerRole = row.value(12).toString();
        r.ownerDisabled = !row.value(13).isNull();
        return r;
    });
}

Read<CredentialRecord> Store::credential(const QString& tenantId, const QString& kind, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + CredentialColumns + u" FROM credentials WHERE tenant_id = ? AND kind = ? AND id = ?"_s +
              lockForUpdate());
    return queryOne<CredentialRecord>(q, {tenantId, kind, id}, readCredential);
}

std::optional<QString> Store::visitCredentials(const CredentialQuery& query,
                                               const std::function<void(const CredentialRecord&)>& visit)
{
    QString sql = u"SELECT "_s + CredentialColumns + u" FROM credentials WHERE tenant_id = ? AND kind = ?"_s;
    QVariantList binds{query.tenantId, query.kind};
    if (query.status) {
        switch (*query.status) {
        case protocol::KeyStatus::Active:
            sql += u" AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) AND suspended_at IS NULL"_s;
            binds.append(query.nowMs);
            break;
        case protocol::KeyStatus::Suspended:
            sql += u" AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) AND suspended_at IS NOT NULL"_s;
            binds.append(query.nowMs);
            break;
        case protocol::KeyStatus::Expired:
            sql += u" AND revoked_at IS NULL AND expires_at IS NOT NULL AND expires_at <= ?"_s;
            binds.append(query.nowMs);
            break;
        case protocol::KeyStatus::Revoked:
            sql += u" AND revoked_at IS NOT NULL"_s;
            break;
        }
    }
    if (!query.createdBy.isEmpty()) {
        sql += u" AND created_by = ?"_s;
        binds.append(query.createdBy);
    }
    if (!query.text.isEmpty()) {
        sql +=
            u" AND (name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR prefix LIKE ? ESCAPE '\\' OR id = ?)"_s;
        const QString pattern = likePattern(query.text);
        binds << pattern << pattern << pattern << query.text;
    }
    if (!query.cursor.isEmpty()) {
        qint64 createdAt = 0;
        QString id;
        if (!decodeCursor(query.cursor, &createdAt, &id)) {
            m_lastError = u"bad cursor"_s;
            return std::nullopt;
        }
        // A row value lets SQLite seek in the (tenant, kind, created_at, id) index instead of scanning from the
        // newest row for every page.
        sql += u" AND (created_at, id) < (?, ?)"_s;
        binds << createdAt << id;
    }
    sql += u" ORDER BY created_at DESC, id DESC LIMIT ?"_s;
    binds.append(query.limit + 1);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    int count = 0;
    qint64 lastCreatedAt = 0;
    QString lastId;
    while (q.next()) {
        if (count == query.limit)
            return encodeCursor(lastCreatedAt, lastId); // there is a row after this page
        const CredentialRecord record = readCredential(q);
        visit(record);
        lastCreatedAt = record.createdAt;
        lastId = record.id;
        ++count;
    }
    return QString();
}

Store::Outcome Store::updateCredential(const CredentialRecord& r, const QList<AuditRecord>& audit,
                                       const CredentialRecord& expected)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET name = ?, description = ?, ip_allowlist = ?, scopes = ?, expires_at = ?, "
              "rate_limit_requests = ?, rate_limit_seconds = ? WHERE tenant_id = ? AND kind = ? AND id = ? AND "
              "revoked_at IS NULL AND scopes = ? AND COALESCE(expires_at, 0) = ?"_s);
    const bool limited = r.rateLimit.isSet();
    if (!run(q, {r.name, notNull(r.description), toJsonArray(r.ipAllowlist), toJsonArray(r.scopes),
                 nullable(r.expiresAt), nullable(qint64(limited ? r.rateLimit.requests : 0)),
                 nullable(qint64(limited ? r.rateLimit.perSeconds : 0)), r.tenantId, r.kind, r.id,
                 toJsonArray(expected.scopes), expected.expiresAt}))
        return Outcome::Failed;
    if (q.numRowsAffected() != 1) {
        // Nothing changed: gone, revoked or narrowed meanwhile (a revoked credential is never changed).
        const Read<CredentialRecord> current = credential(r.tenantId, r.kind, r.id);
        return current.isFailed() ? Outcome::Failed : current ? Outcome::Conflict : Outcome::NotFound;
    }
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::setSuspended(const QString& tenantId, const QString& kind, const QString& id, bool suspended,
                                   qint64 now, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    const Read<CredentialRecord> current = credential(tenantId, kind, id);
    if (!current)
        return current.isFailed() ? Outcome::Failed : Outcome::NotFound;
    const protocol::KeyStatus status = current->status(now);
    if (status == protocol::KeyStatus::Revoked || status == protocol::KeyStatus::Expired)
        return Outcome::Conflict;
    if ((current->suspendedAt != 0) == suspended)
        return Outcome::Ok; // as asked already: rolled back, so that no audit event is written
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET suspended_at = ? WHERE id = ?"_s);
    return run(q, {suspended ? QVariant(now) : QVariant(QMetaType(QMetaType::LongLong)), id}) && tx.commit()
               ? Outcome::Ok
               : Outcome::Failed;
}

Store::Outcome Store::revokeCredentials(const QString& tenantId, const QString& kind, const QStringList& ids,
                                        const QString& by, qint64 now, QStringList* missing,
                                        const QList<AuditRecord>& audit, QStringList* alreadyRevoked)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT revoked_at FROM credentials WHERE tenant_id = ? AND kind = ? AND id = ?"_s + lockForUpdate());
    QSet<QString> revokedBefore;
    for (const QString& id : ids) {
        if (!run(q, {tenantId, kind, id}))
            return Outcome::Failed;
        if (!q.next())
            missing->append(id);
        else if (!q.value(0).isNull())
            revokedBefore.insert(id);
        q.finish();
    }
    if (!missing->isEmpty())
        return Outcome::NotFound;
    // Already revoked keys keep their first revocation time and author: revoking is idempotent, and what did not
    // change is not audited again.
    tx.audit().removeIf([&](const AuditRecord& r) { return revokedBefore.contains(r.targetId); });
    QSqlQuery u(m_db);
    u.prepare(u"UPDATE credentials SET revoked_at = ?, revoked_by = ? WHERE tenant_id = ? AND kind = ? AND id = ? "
              "AND revoked_at IS NULL"_s);
    for (const QString& id : ids) {
        if (revokedBefore.contains(id))
            continue;
        if (!run(u, {now, by, tenantId, kind, id}))
            return Outcome::Failed;
        tx.notify({u"credential.revoked"_s, tenantId, id, {}, {}});
    }
    if (!tx.commit())
        return Outcome::Failed;
    if (alreadyRevoked) {
        for (const QString& id : ids) {
            if (revokedBefore.contains(id))
                alreadyRevoked->append(id);
        }
    }
    return Outcome::Ok;
}

Store::Outcome Store::rotateCredential(const QString& tenantId, const QString& kind, const QString& id,
                                       const CredentialRecord& successor, const QByteArray& digest, qint64 graceEnd,
                                       const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    const Read<CredentialRecord> old = credential(tenantId, kind, id);
    if (!old)
        return old.isFailed() ? Outcome::Failed : Outcome::NotFound;
    if (old->status(successor.createdAt) != protocol::KeyStatus::Active || !old->rotatedTo.isEmpty())
        return Outcome::Conflict;
    if (!insertCredentialRow(successor, digest))
        return Outcome::Failed;
    // The grace may later be extended up to the longest grace, never beyond the old credential's own expiry.
    const qint64 longest = successor.createdAt + CredentialRecord::MaxGraceSeconds * 1000;
    const qint64 limit = old->expiresAt == 0 ? longest : qMin(old->expiresAt, longest);
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET rotated_to = ?, expires_at = ?, grace_limit = ? WHERE id = ?"_s);
    const qint64 graceEndsAt = qMin(graceEnd, limit);
    tx.notify({u"credential.rotated"_s,
               tenantId,
               id,
               {},
               {{u"successorId"_s, successor.id}, {u"graceEndsAt"_s, isoMs(graceEndsAt)}}});
    return run(q, {successor.id, graceEndsAt, limit, id}) && tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::setGrace(const QString& tenantId, const QString& kind, const QString& id, qint64 endsAt,
                               qint64 now, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    const Read<CredentialRecord> old = credential(tenantId, kind, id);
    if (!old)
        return old.isFailed() ? Outcome::Failed : Outcome::NotFound;
    // Only during the grace: an ended grace is never reopened, and a credential that was not rotated has none.
    if (old->rotatedTo.isEmpty() || old->status(now) != protocol::KeyStatus::Active)
        return Outcome::Conflict;
    // Rotated before grace_limit existed: its grace can be shortened, not extended.
    const qint64 limit = old->graceLimit != 0 ? old->graceLimit : old->expiresAt;
    if (endsAt > limit)
        return Outcome::Invalid;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET expires_at = ? WHERE id = ?"_s);
    return run(q, {qMax(endsAt, now), id}) && tx.commit() ? Outcome::Ok : Outcome::Failed;
}

void UsageSeen::add(const UsageSeen& other)
{
    first = first == 0 ? other.first : qMin(first, other.first);
    last = qMax(last, other.last);
    count += other.count;
}

void UsageUpdate::add(const UsageUpdate& other)
{
    if (other.at >= at) {
        at = other.at;
        ip = other.ip;
    }
    for (auto it = other.daily.cbegin(); it != other.daily.cend(); ++it)
        daily[it.key()] += it.value();
    for (auto it = other.addresses.cbegin(); it != other.addresses.cend(); ++it)
        addresses[it.key()].add(it.value());
    for (auto it = other.agents.cbegin(); it != other.agents.cend(); ++it)
        agents[it.key()].add(it.value());
    for (auto it = other.scopes.cbegin(); it != other.scopes.cend(); ++it)
        scopes[it.key()] = qMax(scopes.value(it.key()), it.value());
    for (auto it = other.drain.cbegin(); it != other.drain.cend(); ++it)
        drain[it.key()] += it.value();
    for (auto it = other.refused.cbegin(); it != other.refused.cend(); ++it)
        refused[it.key()] += it.value();
}

bool Store::insertRows(const QString& head, const QString& rowPattern, const QString& tail,
                       const QList<QVariantList>& rows)
{
    // Many rows per statement: one round through Qt and the driver per hundred rows, not per row. The statement of
    // a full chunk is prepared once per connection; the last, shorter one each time.
    constexpr qsizetype ChunkRows = 100;
    for (qsizetype from = 0; from < rows.size(); from += ChunkRows) {
        const qsizetype n = qMin(ChunkRows, rows.size() - from);
        const QString sql = head + u" VALUES "_s + QStringList(n, rowPattern).join(u", "_s) + u' ' + tail;
        QSqlQuery partial(m_db);
        if (n < ChunkRows)
            partial.prepare(sql);
        QSqlQuery& q = n == ChunkRows ? cached(sql) : partial;
        for (qsizetype r = from; r < from + n; ++r) {
            for (const QVariant& value : rows.at(r))
                q.addBindValue(value);
        }
        if (!q.exec())
            return fail(q);
    }
    return true;
}

bool Store::recordUsage(const QHash<QString, UsageUpdate>& updates)
{
    if (updates.isEmpty())
        return true;
    // Set by set rather than credential by credential: with 10,000 credentials in use a flush made 60,000
    // statements and took 200 ms; the rows of each table now go out a hundred per statement.
    QList<QVariantList> last, daily, addresses, agents, scopes, drain, drainTotal, refused;
    qint64 newestDay = 0;
    qint64 newestMinute = 0;
    qint64 newestHour = 0;
    for (auto it = updates.cbegin(); it != updates.cend(); ++it) {
        const QString& id = it.key();
        if (it->at > 0)
            last.append({id, it->at, it->ip});
        for (auto d = it->daily.cbegin(); d != it->daily.cend(); ++d) {
            daily.append({id, d.key(), d.value()});
            newestDay = qMax(newestDay, d.key());
        }
        for (auto a = it->addresses.cbegin(); a != it->addresses.cend(); ++a)
            addresses.append({id, a.key(), a->first, a->last, a->count});
        for (auto a = it->agents.cbegin(); a != it->agents.cend(); ++a)
            agents.append({id, a.key(), a->first, a->last, a->count});
        for (auto sc = it->scopes.cbegin(); sc != it->scopes.cend(); ++sc)
            scopes.append({id, sc.key(), sc.value()});
        qint64 drained = 0;
        for (auto m = it->drain.cbegin(); m != it->drain.cend(); ++m) {
            drain.append({id, m.key(), m.value()});
            drained += m.value();
            newestMinute = qMax(newestMinute, m.key());
        }
        if (drained > 0)
            drainTotal.append({id, drained});
        for (auto h = it->refused.cbegin(); h != it->refused.cend(); ++h) {
            refused.append({id, h.key(), h.value()});
            newestHour = qMax(newestHour, h.key());
        }
    }
    Transaction tx(*this);
    if (!tx.isOpen())
        return false;
    // The last use only moves forward (another instance, or an older batch put back, may have written a later one).
    const QString vat = u"(SELECT vat FROM v WHERE vid = credentials.id)"_s;
    if (!insertRows(u"WITH v(vid, vat, vip) AS ("_s, u"(CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT))"_s,
                    u") UPDATE credentials SET last_used_ip = CASE WHEN "_s + vat +
                        u" > COALESCE(last_used_at, 0) THEN (SELECT vip FROM v WHERE vid = credentials.id) ELSE "
                        "last_used_ip END, last_used_at = "_s +
                        greatest() + u"(COALESCE(last_used_at, 0), "_s + vat + u") WHERE id IN (SELECT vid FROM v)"_s,
                    last))
        return false;
    const auto counted = [this](const char* table, const char* key, const QList<QVariantList>& rows) {
        const QLatin1StringView t(table);
        const QLatin1StringView k(key);
        return insertRows(QString::fromLatin1("INSERT INTO %1 (credential_id, %2, count)").arg(t, k), u"(?, ?, ?)"_s,
                          QString::fromLatin1("ON CONFLICT (credential_id, %2) DO UPDATE SET count = %1.count + "
                                              "excluded.count")
                              .arg(t, k),
                          rows);
    };
    const auto seen = [this](const char* table, const char* column, const QList<QVariantList>& rows) {
        return insertRows(
            QString::fromLatin1("INSERT INTO %1 (credential_id, %2, first_seen, last_seen, count)")
                .arg(QLatin1StringView(table), QLatin1StringView(column)),
            u"(?, ?, ?, ?, ?)"_s,
            QString::fromLatin1("ON CONFLICT (credential_id, %2) DO UPDATE SET first_seen = %3(%1.first_seen, "
                                "excluded.first_seen), last_seen = %4(%1.last_seen, excluded.last_seen), count = "
                                "%1.count + excluded.count")
                .arg(QLatin1StringView(table), QLatin1StringView(column), least(), greatest()),
            rows);
    };
    if (!counted("usage_daily", "day", daily) || !counted("usage_drain", "minute", drain) ||
        !counted("usage_refusals", "hour", refused) || !seen("usage_addresses", "ip", addresses) ||
        !seen("usage_agents", "agent", agents) ||
        !insertRows(u"INSERT INTO usage_scopes (credential_id, scope, last_used)"_s, u"(?, ?, ?)"_s,
                    u"ON CONFLICT (credential_id, scope) DO UPDATE SET last_used = "_s + greatest() +
                        u"(usage_scopes.last_used, excluded.last_used)"_s,
                    scopes) ||
        !insertRows(u"INSERT INTO usage_drain_total (credential_id, count)"_s, u"(?, ?)"_s,
                    u"ON CONFLICT (credential_id) DO UPDATE SET count = usage_drain_total.count + excluded.count"_s,
                    drainTotal))
        return false;
    // Only the most recently seen addresses and agents are kept per credential: one statement per table for all.
    // Only credentials over the bound are ranked (counting walks the primary key; ranking every row sorted the
    // whole table on every flush: 11 ms a flush with 10,000 credentials of one address each, 2 ms now).
    for (auto [table, column, most, any] :
         {std::tuple{"usage_addresses", "ip", UsageUpdate::MaxAddresses, !addresses.isEmpty()},
          std::tuple{"usage_agents", "agent", UsageUpdate::MaxAgents, !agents.isEmpty()}}) {
        if (!any)
            continue;
        QSqlQuery& prune = cached(
            QString::fromLatin1("DELETE FROM %1 WHERE (credential_id, %2) IN (SELECT credential_id, %2 FROM (SELECT "
                                "credential_id, %2, ROW_NUMBER() OVER (PARTITION BY credential_id ORDER BY last_seen "
                                "DESC, %2) AS n FROM %1 WHERE credential_id IN (SELECT credential_id FROM %1 GROUP BY "
                                "credential_id HAVING COUNT(*) > ?)) ranked WHERE n > ?)")
                .arg(QLatin1StringView(table), QLatin1StringView(column)));
        if (!run(prune, {most, most}))
            return false;
    }
    // What is kept: 400 days of daily counts, a day of drain minutes, two days of refusal hours.
    for (auto [sql, before] :
         {std::pair{"DELETE FROM usage_daily WHERE day < ?", newestDay - UsageUpdate::KeptDays + 1},
          std::pair{"DELETE FROM usage_drain WHERE minute < ?", newestMinute - 24 * 60},
          std::pair{"DELETE FROM usage_refusals WHERE hour < ?", newestHour - 48}}) {
        if (before <= 0)
            continue;
        QSqlQuery old(m_db);
        old.prepare(QString::fromLatin1(sql));
        if (!run(old, {before}))
            return false;
    }
    return tx.commit();
}

std::optional<UsageReport> Store::usage(const QString& credentialId, int days, qint64 nowMs)
{
    constexpr qint64 DayMs = 24LL * 3600 * 1000;
    UsageReport report;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT day, count FROM usage_daily WHERE credential_id = ? AND day >= ? ORDER BY day"_s);
    if (!run(q, {credentialId, nowMs / DayMs - days + 1}))
        return std::nullopt;
    while (q.next())
        report.daily.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    QSqlQuery scopes(m_db);
    scopes.prepare(u"SELECT scope, last_used FROM usage_scopes WHERE credential_id = ? AND last_used >= ?"_s);
    if (!run(scopes, {credentialId, (nowMs / DayMs - days + 1) * DayMs}))
        return std::nullopt;
    while (scopes.next())
        report.scopes.insert(scopes.value(0).toString(), scopes.value(1).toLongLong());
    for (auto [table, column, out] : {std::tuple{"usage_addresses", "ip", &report.addresses},
                                      std::tuple{"usage_agents", "agent", &report.agents}}) {
        QSqlQuery seen(m_db);
        seen.prepare(QString::fromLatin1("SELECT %2, first_seen, last_seen, count FROM %1 WHERE credential_id = ? "
                                         "ORDER BY last_seen DESC, %2")
                         .arg(QLatin1StringView(table), QLatin1StringView(column)));
        if (!run(seen, {credentialId}))
            return std::nullopt;
        while (seen.next()) {
            out->append({seen.value(0).toString(), UsageSeen{seen.value(1).toLongLong(), seen.value(2).toLongLong(),
                                                             seen.value(3).toLongLong()}});
        }
    }
    return report;
}

std::optional<DrainReport> Store::drain(const QString& credentialId, qint64 nowMs)
{
    DrainReport report;
    QSqlQuery total(m_db);
    total.prepare(u"SELECT count FROM usage_drain_total WHERE credential_id = ?"_s);
    if (!run(total, {credentialId}))
        return std::nullopt;
    if (total.next())
        report.total = total.value(0).toLongLong();
    QSqlQuery hour(m_db);
    hour.prepare(u"SELECT COALESCE(SUM(count), 0) FROM usage_drain WHERE credential_id = ? AND minute > ?"_s);
    if (!run(hour, {credentialId, nowMs / 60000 - 60}))
        return std::nullopt;
    if (hour.next())
        report.lastHour = hour.value(0).toLongLong();
    return report;
}

std::optional<QList<Finding>> Store::findings(const QString& tenantId, qint64 nowMs)
{
    constexpr qint64 DayMs = 24LL * 3600 * 1000;
    const QString active = u"revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)"_s;
    QList<Finding> out;
    // One query per finding, each over the tenant's credentials (its index), newest first.
    const auto find = [&](const QString& type, const QString& where, const QVariantMap& binds,
                          const std::function<bool(Finding::Item&)>& keep = {}) {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT "_s + CredentialColumns + u" FROM credentials c WHERE tenant_id = :tenant AND ("_s + where +
                  u") ORDER BY created_at DESC, id DESC"_s);
        q.bindValue(u":tenant"_s, tenantId);
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bindValue(it.key(), it.value());
        q.setForwardOnly(true);
        if (!q.exec())
            return fail(q);
        Finding finding;
        finding.type = type;
        while (q.next()) {
            Finding::Item item{readCredential(q), {}, {}, 0, {}};
            if (keep && !keep(item))
                continue;
            ++finding.count;
            if (finding.items.size() < Finding::MaxItems)
                finding.items.append(std::move(item));
        }
        if (finding.count > 0)
            out.append(std::move(finding));
        return true;
    };
    const QVariantMap now{{u":now"_s, nowMs}};
    // Scopes used by the tenant's credentials within 30 days, and refusals within 24 hours.
    QHash<QString, QSet<QString>> usedScopes;
    QSqlQuery scopes(m_db);
    scopes.prepare(u"SELECT s.credential_id, s.scope FROM usage_scopes s JOIN credentials c ON c.id = s.credential_id "
                   "WHERE c.tenant_id = ? AND s.last_used >= ?"_s);
    if (!run(scopes, {tenantId, nowMs - 30 * DayMs}))
        return std::nullopt;
    while (scopes.next())
        usedScopes[scopes.value(0).toString()].insert(scopes.value(1).toString());
    QHash<QString, qint64> refusals;
    QSqlQuery refused(m_db);
    refused.prepare(u"SELECT r.credential_id, SUM(r.count) FROM usage_refusals r JOIN credentials c ON "
                    "c.id = r.credential_id WHERE c.tenant_id = ? AND r.hour >= ? GROUP BY r.credential_id"_s);
    if (!run(refused, {tenantId, (nowMs - DayMs) / (3600 * 1000)}))
        return std::nullopt;
    while (refused.next())
        refusals.insert(refused.value(0).toString(), refused.value(1).toLongLong());

    const bool ok =
        find(u"neverUsed"_s, active + u" AND last_used_at IS NULL AND created_at < :before"_s,
             {{u":now"_s, nowMs}, {u":before"_s, nowMs - 7 * DayMs}}) &&
        find(u"idle"_s, active + u" AND last_used_at < :before"_s,
             {{u":now"_s, nowMs}, {u":before"_s, nowMs - 90 * DayMs}}) &&
        find(u"neverExpires"_s, u"revoked_at IS NULL AND expires_at IS NULL"_s, {}) &&
        find(u"adminWithoutAllowlist"_s, active + u" AND ip_allowlist = '[]'"_s, now,
             [](Finding::Item& item) { return item.record.scopes.contains(QLatin1String(protocol::AdminScope)); }) &&
        find(u"unusedScopes"_s, active + u" AND created_at <= :before"_s,
             {{u":now"_s, nowMs}, {u":before"_s, nowMs - 30 * DayMs}},
             [&usedScopes](Finding::Item& item) {
                 const QSet<QString> used = usedScopes.value(item.record.id);
                 for (const QString& scope : std::as_const(item.record.scopes))
                     (used.contains(scope) ? item.usedScopes : item.unusedScopes).append(scope);
                 // One that needed none is not used at all: "never used" and "idle" say so, with the advice to
                 // revoke; this finding is for narrowing.
                 return !item.unusedScopes.isEmpty() && !item.usedScopes.isEmpty();
             }) &&
        find(u"usedAfterRotation"_s,
             active + u" AND rotated_to IS NOT NULL AND last_used_at >= (SELECT s.created_at FROM credentials s "
                      "WHERE s.id = c.rotated_to)"_s,
             now) &&
        // API keys belong to the tenant and outlive their maker (issue 17), but whoever left may still hold them:
        // rotate them.
        find(u"creatorLeft"_s,
             active + u" AND kind = 'apiKey' AND created_by LIKE 'user:%' AND NOT EXISTS (SELECT 1 FROM memberships m "
                      "WHERE 'user:' || m.user_id = c.created_by AND m.tenant_id = c.tenant_id AND "
                      "m.disabled_at IS NULL)"_s,
             now,
             [this](Finding::Item& item) {
                 const auto user = userById(item.record.ownerId());
                 item.person = user ? user->email : item.record.ownerId();
                 return true;
             }) &&
        find(u"refusedOften"_s, u"id IN (SELECT credential_id FROM usage_refusals WHERE hour >= :hour)"_s,
             {{u":hour"_s, (nowMs - DayMs) / (3600 * 1000)}}, [&refusals](Finding::Item& item) {
                 item.refusals = refusals.value(item.record.id);
                 return item.refusals >= 10;
             });
    if (!ok)
        return std::nullopt;
    return out;
}

} // namespace td::server
