#include "Store.h"

#include "protocol/CredentialKind.h"

#include "AuthCache.h"
#include "Clock.h"

#include "Log.h"
#include "protocol/Token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

// Each entry is one schema version; applied in order inside one transaction each. {credential_kinds} stands for the
// wire names of protocol/CredentialKind's table, as they are when the migration runs: a kind added later needs a
// migration of its own that widens the CHECK of databases created before it (DESIGN.md, "Adding a credential kind").
const char* const Migrations[] = {
    // 1: tenants, users, sessions, credentials, audit, guarded resources
    R"sql(
CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    username TEXT UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    client_id INTEGER NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    PRIMARY KEY (user_id, tenant_id)
);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_reason TEXT
);
CREATE TABLE refresh_tokens (
    digest BLOB PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    issued_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);
CREATE TABLE credentials (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ({credential_kinds})),
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL,
    last4 TEXT NOT NULL,
    digest BLOB NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    ip_allowlist TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    expires_at INTEGER,
    last_used_at INTEGER,
    last_used_ip TEXT,
    revoked_at INTEGER,
    revoked_by TEXT,
    rotated_from TEXT,
    rotated_to TEXT
);
CREATE INDEX credentials_list ON credentials(tenant_id, kind, created_at DESC, id DESC);
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    tenant_id TEXT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id TEXT,
    ip TEXT,
    detail TEXT
);
CREATE INDEX audit_events_tenant ON audit_events(tenant_id, id);
CREATE INDEX audit_events_target ON audit_events(target_id, id);
CREATE TABLE resources (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX resources_list ON resources(tenant_id, kind, created_at DESC);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql",
};

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(value);
}

QVariant nullable(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

// A null QString binds as SQL NULL; NOT NULL text columns want ''.
QString notNull(const QString& value)
{
    return value.isNull() ? QString(u""_s) : value;
}

QString toJsonArray(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

// The lists this server writes are compact arrays of plain strings ("[\"read:orders\",\"write:orders\"]"): read
// those without a JSON parser (a list page reads two per row); anything else (escapes, spaces) goes through
// QJsonDocument.
QStringList fromJsonArray(const QString& text)
{
    QStringList out;
    const QStringView view(text);
    if (view.size() >= 2 && view.front() == u'[' && view.back() == u']') {
        bool simple = true;
        const QStringView inner = view.sliced(1, view.size() - 2);
        qsizetype i = 0;
        while (simple && i < inner.size()) {
            if (i > 0) {
                simple = inner[i] == u',';
                ++i;
            }
            if (!simple || i >= inner.size() || inner[i] != u'"') {
                simple = false;
                break;
            }
            const qsizetype end = inner.indexOf(u'"', i + 1);
            const QStringView item = end < 0 ? QStringView() : inner.sliced(i + 1, end - i - 1);
            simple = end >= 0 && !item.contains(u'\\');
            if (simple)
                out.append(item.toString());
            i = end + 1;
        }
        if (simple)
            return out;
        out.clear();
    }
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& v : array)
        out.append(v.toString());
    return out;
}

const QString CredentialColumns =
    u"id, kind, tenant_id, name, description, prefix, last4, scopes, ip_allowlist, created_at, created_by, "
    "expires_at, last_used_at, last_used_ip, revoked_at, revoked_by, rotated_from, rotated_to"_s;

// The six session columns (id, user_id, tenant_id, created_at, expires_at, revoked_at) from column `first` on.
SessionRecord readSession(const QSqlQuery& q, int first)
{
    return SessionRecord{q.value(first).toString(),       q.value(first + 1).toString(),
                         q.value(first + 2).toString(),   q.value(first + 3).toLongLong(),
                         q.value(first + 4).toLongLong(), q.value(first + 5).toLongLong()};
}

CredentialRecord readCredential(const QSqlQuery& q)
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
    return r;
}

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

QString newId(const char* prefix)
{
    return QString::fromLatin1(QByteArray(prefix) + protocol::randomBase62(20));
}

protocol::UserDto UserRecord::toDto() const
{
    protocol::UserDto dto;
    dto.id = id;
    dto.email = email;
    dto.username = username;
    dto.displayName = displayName;
    dto.clientId = clientId;
    return dto;
}

protocol::KeyStatus CredentialRecord::status(qint64 nowMs) const
{
    return protocol::computeStatus(fromMs(revokedAt), fromMs(expiresAt), fromMs(nowMs));
}

protocol::ApiKeyDto CredentialRecord::toDto(qint64 nowMs) const
{
    protocol::ApiKeyDto dto;
    dto.id = id;
    if (const protocol::CredentialKindInfo* info = protocol::kindByWireName(kind))
        dto.kind = info->kind;
    dto.name = name;
    dto.description = description;
    dto.prefix = prefix;
    dto.last4 = last4;
    dto.scopes = scopes;
    dto.tenantId = tenantId;
    dto.createdAt = fromMs(createdAt);
    dto.createdBy = createdBy;
    dto.expiresAt = fromMs(expiresAt);
    dto.lastUsedAt = fromMs(lastUsedAt);
    dto.lastUsedIp = lastUsedIp;
    dto.ipAllowlist = ipAllowlist;
    dto.status = status(nowMs);
    dto.revokedAt = fromMs(revokedAt);
    dto.revokedBy = revokedBy;
    dto.rotatedFrom = rotatedFrom;
    dto.rotatedTo = rotatedTo;
    return dto;
}

protocol::AuditEventDto AuditRecord::toDto() const
{
    return {QString::number(id), fromMs(at), tenantId, actor, action, targetKind, targetId, ip, detail};
}

Store::Store(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

Store::~Store()
{
    m_cache.clear(); // statements go before their connection
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Store::open(const QString& path, QString* error)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    // Durability first: an acknowledged revoke must survive a crash (synchronous=FULL in WAL mode).
    const struct
    {
        QString set;
        QString get;
        QString expect;
    } pragmas[] = {
        {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA journal_mode"_s, u"wal"_s},
        {u"PRAGMA synchronous=FULL"_s, u"PRAGMA synchronous"_s, u"2"_s},
        {u"PRAGMA foreign_keys=ON"_s, u"PRAGMA foreign_keys"_s, u"1"_s},
        {u"PRAGMA busy_timeout=10000"_s, u"PRAGMA busy_timeout"_s, u"10000"_s},
    };
    for (const auto& pragma : pragmas) {
        QSqlQuery q(m_db);
        if (!q.exec(pragma.set)) {
            *error = q.lastError().text();
            return false;
        }
        QSqlQuery check(m_db);
        if (!check.exec(pragma.get) || !check.next() || check.value(0).toString().toLower() != pragma.expect) {
            *error = u"SQLite refused %1 (it reports %2)"_s.arg(pragma.set, check.value(0).toString());
            return false;
        }
    }
    return true;
}

int Store::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Store::migrate(QString* error)
{
    if (!exec(
            u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"_s)) {
        *error = m_lastError;
        return false;
    }
    const int known = int(std::size(Migrations));
    // Several workers may start at once on one file: BEGIN IMMEDIATE serialises them.
    Transaction tx(*this);
    if (!tx.isOpen()) {
        *error = m_lastError;
        return false;
    }
    const int current = schemaVersion();
    if (current < 0 || current > known) {
        *error = current < 0
                     ? m_lastError
                     : u"The database has schema version %1, newer than this server (%2)."_s.arg(current).arg(known);
        return false;
    }
    for (int version = current + 1; version <= known; ++version) {
        const QStringList statements = QString::fromUtf8(Migrations[version - 1])
                                           .replace(u"{credential_kinds}"_s, protocol::sqlKindList())
                                           .split(u';', Qt::SkipEmptyParts);
        for (const QString& statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!exec(statement)) {
                *error = u"Migration %1 failed: %2"_s.arg(version).arg(m_lastError);
                return false;
            }
        }
        QSqlQuery q(m_db);
        q.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s);
        if (!run(q, {version, QDateTime::currentMSecsSinceEpoch()})) {
            *error = m_lastError;
            return false;
        }
    }
    if (!tx.commit()) {
        *error = m_lastError;
        return false;
    }
    return true;
}

namespace {
// Resets a cached statement when the look-up is done, so that SQLite holds no read snapshot between requests.
struct Finished
{
    QSqlQuery& query;
    ~Finished() { query.finish(); }
};
} // namespace

QSqlQuery& Store::cached(const QString& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        query->prepare(sql);
        it = m_cache.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

bool Store::exec(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return fail(q);
    return true;
}

bool Store::authChanged(bool committed)
{
    // Also when the commit reported a failure: whether it took effect is then unknown, and forgetting is safe.
    if (m_authCache)
        m_authCache->invalidate();
    return committed;
}

Store::Transaction::Transaction(Store& store, QList<AuditRecord> audit, Auth auth)
    : m_store(store)
    , m_audit(std::move(audit))
    , m_auth(auth)
    , m_open(store.exec(u"BEGIN IMMEDIATE"_s))
{}

Store::Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery q(m_store.m_db);
        q.exec(u"ROLLBACK"_s);
    }
}

bool Store::Transaction::commit()
{
    if (!m_open)
        return false;
    for (const AuditRecord& event : std::as_const(m_audit)) {
        if (!m_store.audit(event))
            return false; // the destructor rolls back
    }
    m_open = false;
    const bool committed = m_store.exec(u"COMMIT"_s);
    if (!committed) {
        QSqlQuery q(m_store.m_db);
        q.exec(u"ROLLBACK"_s); // whatever is left of it
    }
    return m_auth == Auth::Changed ? m_store.authChanged(committed) : committed;
}

bool Store::run(QSqlQuery& query, const QVariantList& binds)
{
    for (const QVariant& value : binds)
        query.addBindValue(value);
    return query.exec() || fail(query);
}

template <typename T, typename Reader> Read<T> Store::queryOne(QSqlQuery& query, const QVariantList& binds, Reader read)
{
    if (!run(query, binds))
        return Read<T>::error();
    if (!query.next())
        return Read<T>::none();
    return Read<T>::of(read(query));
}

bool Store::fail(const QSqlQuery& query)
{
    // Only the driver's message: bound values (digests, hashes) never reach the log.
    m_lastError = query.lastError().text();
    qCWarning(lcStore).noquote() << "SQL error:" << m_lastError;
    return false;
}

QString Store::meta(const QString& key)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool Store::setMeta(const QString& key, const QString& value)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec() || fail(q);
}

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
    q.addBindValue(user.passwordHash);
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
    QSqlQuery& q = cached(u"SELECT t.id, t.name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id "
                          "WHERE m.user_id = ? ORDER BY t.created_at, t.id"_s);
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
    q.prepare(u"SELECT r.used_at, s.id, s.user_id, s.tenant_id, s.created_at, s.expires_at, s.revoked_at "
              "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.digest = ?"_s);
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
        "ip_allowlist, created_at, created_by, expires_at, rotated_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    return run(q, {r.id, r.kind, r.tenantId, r.name, notNull(r.description), r.prefix, r.last4, digest,
                   toJsonArray(r.scopes), toJsonArray(r.ipAllowlist), r.createdAt, r.createdBy, nullable(r.expiresAt),
                   nullable(r.rotatedFrom)});
}

Read<CredentialRecord> Store::credentialByDigest(const QByteArray& digest)
{
    QSqlQuery& q = cached(u"SELECT "_s + CredentialColumns + u" FROM credentials WHERE digest = ?"_s);
    const Finished done{q};
    return queryOne<CredentialRecord>(q, {digest}, readCredential);
}

Read<CredentialRecord> Store::credential(const QString& tenantId, const QString& kind, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + CredentialColumns + u" FROM credentials WHERE tenant_id = ? AND kind = ? AND id = ?"_s);
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
            sql += u" AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"_s;
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

Store::Outcome Store::updateCredential(const CredentialRecord& r, const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET name = ?, description = ?, ip_allowlist = ? "
              "WHERE tenant_id = ? AND kind = ? AND id = ? AND revoked_at IS NULL"_s);
    if (!run(q, {r.name, notNull(r.description), toJsonArray(r.ipAllowlist), r.tenantId, r.kind, r.id}))
        return Outcome::Failed;
    if (q.numRowsAffected() != 1) {
        // Nothing changed: gone, or revoked meanwhile (a revoked credential is never changed).
        const Read<CredentialRecord> current = credential(r.tenantId, r.kind, r.id);
        return current.isFailed() ? Outcome::Failed : current ? Outcome::Conflict : Outcome::NotFound;
    }
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
}

Store::Outcome Store::revokeCredentials(const QString& tenantId, const QString& kind, const QStringList& ids,
                                        const QString& by, qint64 now, QStringList* missing,
                                        const QList<AuditRecord>& audit)
{
    Transaction tx(*this, audit, Transaction::Auth::Changed);
    if (!tx.isOpen())
        return Outcome::Failed;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM credentials WHERE tenant_id = ? AND kind = ? AND id = ?"_s);
    for (const QString& id : ids) {
        if (!run(q, {tenantId, kind, id}))
            return Outcome::Failed;
        if (!q.next())
            missing->append(id);
        q.finish();
    }
    if (!missing->isEmpty())
        return Outcome::NotFound;
    // Already revoked keys keep their first revocation time and author: revoking is idempotent.
    QSqlQuery u(m_db);
    u.prepare(u"UPDATE credentials SET revoked_at = ?, revoked_by = ? WHERE tenant_id = ? AND kind = ? AND id = ? "
              "AND revoked_at IS NULL"_s);
    for (const QString& id : ids) {
        if (!run(u, {now, by, tenantId, kind, id}))
            return Outcome::Failed;
    }
    return tx.commit() ? Outcome::Ok : Outcome::Failed;
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
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET rotated_to = ?, expires_at = CASE WHEN expires_at IS NULL OR expires_at > ? "
              "THEN ? ELSE expires_at END WHERE id = ?"_s);
    return run(q, {successor.id, graceEnd, graceEnd, id}) && tx.commit() ? Outcome::Ok : Outcome::Failed;
}

bool Store::recordUsage(const QHash<QString, UsageUpdate>& updates)
{
    if (updates.isEmpty())
        return true;
    Transaction tx(*this);
    if (!tx.isOpen())
        return false;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE credentials SET last_used_at = ?, last_used_ip = ? WHERE id = ? AND "
              "(last_used_at IS NULL OR last_used_at < ?)"_s);
    for (auto it = updates.cbegin(); it != updates.cend(); ++it) {
        if (!run(q, {it->at, it->ip, it.key(), it->at}))
            return false;
    }
    return tx.commit();
}

bool Store::audit(const AuditRecord& e, qint64* insertedId)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO audit_events (at, tenant_id, actor, action, target_kind, target_id, ip, detail) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
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
        *insertedId = q.lastInsertId().toLongLong();
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

std::optional<QList<AuditRecord>> Store::auditEvents(const QString& tenantId, const QString& targetId, qint64 beforeId,
                                                     int limit)
{
    QString sql = u"SELECT id, at, tenant_id, actor, action, target_kind, target_id, ip, detail FROM audit_events "
                  "WHERE tenant_id = ?"_s;
    QVariantList binds{tenantId};
    if (!targetId.isEmpty()) {
        sql += u" AND target_id = ?"_s;
        binds.append(targetId);
    }
    if (beforeId > 0) {
        sql += u" AND id < ?"_s;
        binds.append(beforeId);
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    binds.append(limit);
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
