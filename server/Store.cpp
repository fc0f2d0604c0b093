// The store's core: opening the database, the versioned schema and its migrations, prepared-statement cache,
// transactions; the records' conversions to the wire. The reads and changes live in StoreUsers.cpp,
// StoreCredentials.cpp and StoreAudit.cpp.
#include "Store.h"

#include "AuthCache.h"
#include "Clock.h"
#include "Log.h"
#include "StoreSql.h"
#include "protocol/CredentialKind.h"
#include "protocol/Token.h"

#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;
using namespace td::server::storesql;

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
    // 2: usage per credential (issue 12): requests per UTC day, client addresses and user agents seen
    R"sql(
CREATE TABLE usage_daily (
    credential_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (credential_id, day)
);
CREATE INDEX usage_daily_day ON usage_daily(day);
CREATE TABLE usage_addresses (
    credential_id TEXT NOT NULL,
    ip TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (credential_id, ip)
);
CREATE TABLE usage_agents (
    credential_id TEXT NOT NULL,
    agent TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (credential_id, agent)
);
CREATE TABLE usage_scopes (
    credential_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    last_used INTEGER NOT NULL,
    PRIMARY KEY (credential_id, scope)
);
)sql",
    // 3: rotation drain and refusal counts (issue 12). grace_limit: the latest a rotated credential's grace may be
    // extended to (its expiry before the rotation, at most the longest grace); usage_drain: requests per minute of a
    // credential in its grace, kept a day, and their total since the rotation; usage_refusals: refusals per hour,
    // kept two days (what the "refused often" finding counts).
    R"sql(
ALTER TABLE credentials ADD COLUMN grace_limit INTEGER;
CREATE TABLE usage_drain (
    credential_id TEXT NOT NULL,
    minute INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (credential_id, minute)
);
CREATE INDEX usage_drain_minute ON usage_drain(minute);
CREATE TABLE usage_drain_total (
    credential_id TEXT PRIMARY KEY,
    count INTEGER NOT NULL
);
CREATE TABLE usage_refusals (
    credential_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (credential_id, hour)
);
CREATE INDEX usage_refusals_hour ON usage_refusals(hour);
)sql",
    // 4: a credential's own rate limit, and suspension (issue 13)
    R"sql(
ALTER TABLE credentials ADD COLUMN rate_limit_requests INTEGER;
ALTER TABLE credentials ADD COLUMN rate_limit_seconds INTEGER;
ALTER TABLE credentials ADD COLUMN suspended_at INTEGER;
)sql",
};

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
    return protocol::computeStatus(fromMs(revokedAt), fromMs(expiresAt), fromMs(nowMs), fromMs(suspendedAt));
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
    dto.suspendedAt = fromMs(suspendedAt);
    dto.rateLimit = rateLimit;
    return dto;
}

protocol::AuditEventDto AuditRecord::toDto() const
{
    return {QString::number(id), fromMs(at), tenantId, actor, action, targetKind, targetId, ip, detail, {}, {}};
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

} // namespace td::server
