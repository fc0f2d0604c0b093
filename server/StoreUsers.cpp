// Tenants, users, memberships, sessions and refresh tokens.
#include "StoreSql.h"

#include "AuthCache.h"
#include "Clock.h"
#include "Log.h"

#include <QSqlError>

using namespace Qt::StringLiterals;
using namespace td::server::storesql;

namespace td::server {

bool Store::createTenant(const QString& id, const QString& name, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(now);
    return q.exec() || fail(q);
}

bool Store::createUser(const UserRecord& user, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO users (id, email, username, display_name, password_hash, client_id, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(user.id);
    q.addBindValue(user.email.toLower());
    q.addBindValue(nullable(user.username));
    q.addBindValue(user.displayName);
    q.addBindValue(notNull(user.passwordHash)); // "" for an invited person: no password yet
    q.addBindValue(user.clientId);
    q.addBindValue(now);
    return authChanged(q.exec()) || fail(q);
}

bool Store::addMembership(const QString& userId, const QString& tenantId, const QString& role)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO memberships (user_id, tenant_id, role) VALUES (?, ?, ?)"_s);
    q.addBindValue(userId);
    q.addBindValue(tenantId);
    q.addBindValue(role);
    return authChanged(q.exec()) || fail(q);
}

namespace {
const QString UserColumns = u"id, email, username, display_name, password_hash, client_id"_s;

UserRecord readUser(const QSqlQuery& q)
{
    UserRecord u;
    u.id = q.value(0).toString();
    u.email = q.value(1).toString();
    u.username = q.value(2).toString();
    u.displayName = q.value(3).toString();
    u.passwordHash = q.value(4).toString();
    u.clientId = q.value(5).toLongLong();
    return u;
}
} // namespace

Read<UserRecord> Store::userByLogin(const QString& emailOrUsername)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + UserColumns + u" FROM users WHERE email = ? OR username = ? LIMIT 1"_s);
    return queryOne<UserRecord>(q, {emailOrUsername.toLower(), emailOrUsername}, readUser);
}

Read<UserRecord> Store::userById(const QString& id)
{
    QSqlQuery& q = cached(u"SELECT "_s + UserColumns + u" FROM users WHERE id = ?"_s);
    const Finished done{q};
    return queryOne<UserRecord>(q, {id}, readUser);
}

Read<QList<MembershipRecord>> Store::memberships(const QString& userId)
{
    // A disabled membership is no membership for signing in and acting (issue 17).
    QSqlQuery& q = cached(u"SELECT t.id, t.name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id "
                          "WHERE m.user_id = ? AND m.disabled_at IS NULL ORDER BY t.created_at, t.id"_s);
    const Finished done{q};
    if (!run(q, {userId}))
        return Read<QList<MembershipRecord>>::error();
    QList<MembershipRecord> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return Read<QList<MembershipRecord>>::of(out);
}

Read<MembershipRecord> Store::tenant(const QString& tenantId)
{
    QSqlQuery& q = cached(u"SELECT id, name FROM tenants WHERE id = ?"_s);
    const Finished done{q};
    return queryOne<MembershipRecord>(q, {tenantId}, [](const QSqlQuery& row) {
        return MembershipRecord{row.value(0).toString(), row.value(1).toString(), {}};
    });
}

int Store::userCount()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT COUNT(*) FROM users"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

qint64 Store::nextClientId()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT COALESCE(MAX(client_id), 100000) + 1 FROM users"_s) || !q.next())
        return 100001;
    return q.value(0).toLongLong();
}

bool Store::createSession(const SessionRecord& session, const QByteArray& refreshDigest)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return false;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO sessions (id, user_id, tenant_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"_s);
    QSqlQuery r(m_db);
    r.prepare(u"INSERT INTO refresh_tokens (digest, session_id, issued_at) VALUES (?, ?, ?)"_s);
    return run(q, {session.id, session.userId, session.tenantId, session.createdAt, session.expiresAt}) &&
           run(r, {refreshDigest, session.id, session.createdAt}) && tx.commit();
}

Read<SessionRecord> Store::session(const QString& id)
{
    QSqlQuery& q =
        cached(u"SELECT id, user_id, tenant_id, created_at, expires_at, revoked_at FROM sessions WHERE id = ?"_s);
    const Finished done{q};
    return queryOne<SessionRecord>(q, {id}, [](const QSqlQuery& row) { return readSession(row, 0); });
}

Store::Outcome Store::rotateRefresh(const QByteArray& digest, const QByteArray& nextDigest, qint64 now,
                                    SessionRecord* session)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery q(m_db);
    // Locked until the commit: the same token refreshed at another instance waits here, then finds it used.
    q.prepare(u"SELECT r.used_at, s.id, s.user_id, s.tenant_id, s.created_at, s.expires_at, s.revoked_at "
              "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.digest = ?"_s +
              lockForUpdate(u"r, s"_s));
    if (!run(q, {digest}))
        return Outcome::Failed;
    if (!q.next())
        return Outcome::NotFound;
    *session = readSession(q, 1);
    const bool used = !q.value(0).isNull();
    q.finish();
    if (session->revokedAt != 0 || session->expiresAt <= now)
        return Outcome::Ended;
    if (used) {
        // A used refresh token came back: someone holds a copy. End the whole session.
        QSqlQuery r(m_db);
        r.prepare(u"UPDATE sessions SET revoked_at = ?, revoked_reason = 'refresh_reuse' WHERE id = ?"_s);
        return run(r, {now, session->id}) && tx.commit() ? Outcome::Reused : Outcome::Failed;
    }
    QSqlQuery mark(m_db);
    mark.prepare(u"UPDATE refresh_tokens SET used_at = ? WHERE digest = ? AND used_at IS NULL"_s);
    if (!run(mark, {now, digest}) || mark.numRowsAffected() != 1)
        return Outcome::Failed;
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO refresh_tokens (digest, session_id, issued_at) VALUES (?, ?, ?)"_s);
    return run(insert, {nextDigest, session->id, now}) && tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::revokeSessionByRefresh(const QByteArray& digest, qint64 now, SessionRecord* session)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT s.id, s.user_id, s.tenant_id, s.created_at, s.expires_at, s.revoked_at "
              "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.digest = ?"_s);
    if (!run(q, {digest}))
        return Outcome::Failed;
    if (!q.next())
        return Outcome::NotFound;
    *session = readSession(q, 0);
    q.finish();
    if (session->revokedAt != 0)
        return Outcome::Ok; // logging out twice is harmless
    return revokeSession(session->id, u"logout"_s, now) ? Outcome::Ok : Outcome::Failed;
}

bool Store::revokeSession(const QString& id, const QString& reason, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL"_s);
    return run(q, {now, reason, id});
}

Read<SessionRecord> Store::sessionByRefresh(const QByteArray& digest, bool* used)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT s.id, s.user_id, s.tenant_id, s.created_at, s.expires_at, s.revoked_at, r.used_at "
              "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.digest = ?"_s);
    return queryOne<SessionRecord>(q, {digest}, [used](const QSqlQuery& row) {
        *used = !row.value(6).isNull();
        return readSession(row, 0);
    });
}

} // namespace td::server
