// The people of a tenant: members, invitations, offboarding (issue 17; DESIGN.md, "People").
#include "StoreSql.h"

#include "Clock.h"
#include "protocol/CredentialKind.h"

using namespace Qt::StringLiterals;
using namespace td::server::storesql;

namespace td::server {

std::optional<QList<MemberRecord>> Store::members(const QString& tenantId, const QString& userId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT u.id, u.email, u.username, u.display_name, u.password_hash = '', m.role, m.disabled_at, "
              "(SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id AND s.tenant_id = m.tenant_id), "
              "(SELECT COUNT(*) FROM credentials c WHERE c.tenant_id = m.tenant_id AND c.created_by = 'user:' || u.id "
              "AND c.revoked_at IS NULL) "
              "FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?"_s +
              (userId.isEmpty() ? u" ORDER BY u.email"_s : u" AND u.id = ?"_s));
    if (!run(q, userId.isEmpty() ? QVariantList{tenantId} : QVariantList{tenantId, userId}))
        return std::nullopt;
    QList<MemberRecord> out;
    while (q.next()) {
        MemberRecord m;
        m.user.id = q.value(0).toString();
        m.user.email = q.value(1).toString();
        m.user.username = q.value(2).toString();
        m.user.displayName = q.value(3).toString();
        m.invited = q.value(4).toBool();
        m.role = q.value(5).toString();
        m.disabledAt = q.value(6).toLongLong();
        m.lastLoginAt = q.value(7).toLongLong();
        m.credentials = q.value(8).toInt();
        out.append(m);
    }
    return out;
}

namespace {

// The UATs and private tokens a person owns in a tenant that still work: what offboarding ends.
const QString OwnTokens = u"tenant_id = ? AND created_by = ? AND revoked_at IS NULL AND kind IN ('uat', "
                          "'privateToken')"_s;

} // namespace

bool Store::revokeOwnTokens(Transaction& tx, const QString& tenantId, const QString& userId, qint64 now,
                            QStringList* revoked)
{
    const QString creator = u"user:"_s + userId;
    QSqlQuery own(m_db);
    own.prepare(u"SELECT id FROM credentials WHERE "_s + OwnTokens);
    if (!run(own, {tenantId, creator}))
        return false;
    while (own.next())
        revoked->append(own.value(0).toString());
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET revoked_at = ?, revoked_by = 'offboarding' WHERE "_s + OwnTokens);
    if (!run(q, {now, tenantId, creator}))
        return false;
    for (const QString& id : std::as_const(*revoked))
        tx.notify({u"credential.revoked"_s, tenantId, id, {}, {}});
    return true;
}

Store::Outcome Store::updateMembership(const QString& tenantId, const QString& userId,
                                       const std::optional<QString>& role, const std::optional<bool> disabled,
                                       bool revokeTokens, qint64 now, const QList<AuditRecord>& audit,
                                       QStringList* revoked)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery read(m_db);
    read.prepare(u"SELECT role, disabled_at FROM memberships WHERE tenant_id = ? AND user_id = ?"_s + lockForUpdate());
    if (!run(read, {tenantId, userId}))
        return Outcome::Failed;
    if (!read.next())
        return Outcome::NotFound;
    const bool wasDisabled = !read.value(1).isNull();
    read.finish();
    if (role) {
        QSqlQuery q(m_db);
        q.prepare(u"UPDATE memberships SET role = ? WHERE tenant_id = ? AND user_id = ?"_s);
        if (!run(q, {*role, tenantId, userId}))
            return Outcome::Failed;
    }
    if (disabled && *disabled != wasDisabled) {
        QSqlQuery q(m_db);
        q.prepare(u"UPDATE memberships SET disabled_at = ? WHERE tenant_id = ? AND user_id = ?"_s);
        if (!run(q, {*disabled ? QVariant(now) : QVariant(QMetaType(QMetaType::LongLong)), tenantId, userId}))
            return Outcome::Failed;
    }
    if (disabled && *disabled) {
        // Sessions end at once; tokens stop through authentication (the membership), or are revoked outright.
        QSqlQuery sessions(m_db);
        sessions.prepare(u"UPDATE sessions SET revoked_at = ?, revoked_reason = 'membership disabled' WHERE "
                         "user_id = ? AND tenant_id = ? AND revoked_at IS NULL"_s);
        if (!run(sessions, {now, userId, tenantId}))
            return Outcome::Failed;
        if (revokeTokens && !revokeOwnTokens(tx, tenantId, userId, now, revoked))
            return Outcome::Failed;
    }
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::removeMembership(const QString& tenantId, const QString& userId, bool revokeTokens, qint64 now,
                                       const QList<AuditRecord>& audit, QStringList* revoked)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    if (revokeTokens && !revokeOwnTokens(tx, tenantId, userId, now, revoked))
        return Outcome::Failed;
    QSqlQuery sessions(m_db);
    sessions.prepare(u"UPDATE sessions SET revoked_at = ?, revoked_reason = 'membership removed' WHERE "
                     "user_id = ? AND tenant_id = ? AND revoked_at IS NULL"_s);
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM memberships WHERE tenant_id = ? AND user_id = ?"_s);
    if (!run(sessions, {now, userId, tenantId}) || !run(q, {tenantId, userId}))
        return Outcome::Failed;
    if (q.numRowsAffected() == 0)
        return Outcome::NotFound;
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::inviteUser(const QString& tenantId, const UserRecord& user, const QString& role,
                                 const QByteArray& setupDigest, qint64 expiresAt, const QString& by, qint64 now,
                                 const QList<AuditRecord>& audit, QString* userId, bool* created)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery existing(m_db);
    existing.prepare(u"SELECT id FROM users WHERE email = ?"_s + lockForUpdate());
    if (!run(existing, {user.email.toLower()}))
        return Outcome::Failed;
    *created = !existing.next();
    *userId = *created ? user.id : existing.value(0).toString();
    existing.finish();
    if (*created) {
        UserRecord invited = user;
        invited.clientId = nextClientId();
        if (invited.clientId <= 0 || !createUser(invited, now))
            return Outcome::Failed;
        QSqlQuery token(m_db);
        token.prepare(u"INSERT INTO setup_tokens (digest, user_id, tenant_id, created_at, created_by, expires_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s);
        if (!run(token, {setupDigest, *userId, tenantId, now, by, expiresAt}))
            return Outcome::Failed;
    } else {
        QSqlQuery member(m_db);
        member.prepare(u"SELECT 1 FROM memberships WHERE tenant_id = ? AND user_id = ?"_s);
        if (!run(member, {tenantId, *userId}))
            return Outcome::Failed;
        if (member.next())
            return Outcome::Conflict;
    }
    if (!addMembership(*userId, tenantId, role))
        return Outcome::Failed;
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Read<Store::SetupToken> Store::setupToken(const QByteArray& digest)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT user_id, tenant_id, expires_at, used_at FROM setup_tokens WHERE digest = ?"_s);
    return queryOne<SetupToken>(q, {digest}, [](const QSqlQuery& row) {
        return SetupToken{row.value(0).toString(), row.value(1).toString(), row.value(2).toLongLong(),
                          row.value(3).toLongLong()};
    });
}

Store::Outcome Store::completeSetup(const QByteArray& digest, const QString& passwordHash, qint64 now,
                                    const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    // Used up in the same statement that checks it: two concurrent setups with one token cannot both succeed.
    QSqlQuery use(m_db);
    use.prepare(u"UPDATE setup_tokens SET used_at = ? WHERE digest = ? AND used_at IS NULL AND expires_at > ?"_s);
    if (!run(use, {now, digest, now}))
        return Outcome::Failed;
    if (use.numRowsAffected() == 0)
        return Outcome::Ended;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE users SET password_hash = ? WHERE id = (SELECT user_id FROM setup_tokens WHERE digest = ?)"_s);
    if (!run(q, {passwordHash, digest}))
        return Outcome::Failed;
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

std::optional<bool> Store::revokeOnOffboarding(const QString& tenantId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT revoke_on_offboarding FROM tenant_settings WHERE tenant_id = ?"_s);
    if (!run(q, {tenantId}))
        return std::nullopt;
    return q.next() && q.value(0).toInt() != 0;
}

bool Store::setRevokeOnOffboarding(const QString& tenantId, bool revoke, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit);
    if (!tx.isOpen())
        return false;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO tenant_settings (tenant_id, revoke_on_offboarding) VALUES (?, ?) ON CONFLICT "
              "(tenant_id) DO UPDATE SET revoke_on_offboarding = excluded.revoke_on_offboarding"_s);
    return run(q, {tenantId, revoke ? 1 : 0}) && tx.commit();
}

} // namespace td::server
