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

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>

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
    // 5: login attempts per account, counted in the database when several instances share it (issue 14)
    R"sql(
CREATE TABLE login_attempts (
    bucket TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_attempts_bucket ON login_attempts(bucket, at);
)sql",
    // 6: notification endpoints and their durable outbox (issue 15). An endpoint's signing secret is not stored:
    // it is derived from secret_salt with the key file's pepper, so the database alone cannot forge a signature. A
    // delivery's id is its idempotency key (unique: an event is queued once per endpoint however often it is
    // noticed); lease_until keeps other instances off a delivery while one attempts it.
    R"sql(
CREATE TABLE notification_endpoints (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('json', 'slack')),
    events TEXT NOT NULL,
    expiring_days TEXT NOT NULL,
    secret_salt TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX notification_endpoints_tenant ON notification_endpoints(tenant_id);
CREATE TABLE notification_deliveries (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES notification_endpoints(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_until INTEGER NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    finished_at INTEGER
);
CREATE INDEX notification_deliveries_due ON notification_deliveries(status, next_attempt_at);
CREATE INDEX notification_deliveries_endpoint ON notification_deliveries(endpoint_id, created_at);
CREATE TABLE notification_attempts (
    delivery_id TEXT NOT NULL REFERENCES notification_deliveries(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    status INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX notification_attempts_delivery ON notification_attempts(delivery_id, at);
)sql",
    // 7: credentials follow their people (issue 17). A membership can be disabled (the person keeps the account
    // and its other tenants); an invited person sets a password with a one-time setup token (only its HMAC
    // digest is stored); a tenant says whether the tokens of someone who leaves are revoked outright.
    R"sql(
ALTER TABLE memberships ADD COLUMN disabled_at INTEGER;
CREATE TABLE setup_tokens (
    digest BLOB PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX setup_tokens_user ON setup_tokens(user_id);
CREATE TABLE tenant_settings (
    tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    revoke_on_offboarding INTEGER NOT NULL
);
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

bool Store::isPostgresUrl(const QString& location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

bool Store::openPostgres(const QString& location, QString* error)
{
    const QUrl url(location);
    const QString database = url.path().mid(1);
    if (!url.isValid() || database.isEmpty() || database.contains(u'/')) {
        *error = u"not a PostgreSQL URL: postgresql://user[:password]@host[:port]/dbname[?sslmode=...]"_s;
        return false;
    }
    m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    if (!m_db.isValid()) {
        *error = u"Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"_s;
        return false;
    }
    const QUrlQuery query(url);
    // host= in the query names a unix-socket folder (libpq's own convention) and wins over the URL's host.
    m_db.setHostName(query.hasQueryItem(u"host"_s) ? query.queryItemValue(u"host"_s, QUrl::FullyDecoded) : url.host());
    if (url.port() > 0)
        m_db.setPort(url.port());
    m_db.setDatabaseName(QUrl::fromPercentEncoding(database.toUtf8()));
    m_db.setUserName(url.userName(QUrl::FullyDecoded));
    QString password = url.password(QUrl::FullyDecoded);
    if (password.isEmpty())
        password = qEnvironmentVariable("TOKENDESK_DB_PASSWORD");
    if (password.isEmpty() && qEnvironmentVariableIsSet("TOKENDESK_DB_PASSWORD_FILE")) {
        QFile file(qEnvironmentVariable("TOKENDESK_DB_PASSWORD_FILE"));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"cannot read TOKENDESK_DB_PASSWORD_FILE: %1"_s.arg(file.errorString());
            return false;
        }
        password = QString::fromUtf8(file.readAll()).trimmed();
    }
    m_db.setPassword(password);
    QStringList options{u"connect_timeout=5"_s, u"application_name=tokendesk-"_s + m_connectionName};
    for (const char* key : {"sslmode", "sslrootcert", "sslcert", "sslkey"}) {
        const QString name = QString::fromLatin1(key);
        if (query.hasQueryItem(name))
            options.append(name + u'=' + query.queryItemValue(name, QUrl::FullyDecoded));
    }
    m_db.setConnectOptions(options.join(u';'));
    if (!m_db.open()) {
        // The driver's message names host and database, never the password.
        *error = m_db.lastError().text();
        return false;
    }
    return sessionSettings();
}

bool Store::open(const QString& location, QString* error)
{
    m_location = location;
    if (isPostgresUrl(location)) {
        m_dialect = Dialect::PostgreSQL;
        return openPostgres(location, error);
    }
    const QString path = location;
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

int Store::knownSchemaVersion()
{
    return int(std::size(Migrations));
}

bool Store::backupTo(const QString& path, QString* error)
{
    if (m_dialect == Dialect::PostgreSQL) {
        *error = u"a PostgreSQL database is backed up with pg_dump (e.g. pg_dump -Fc -f tokendesk.dump DBNAME)"_s;
        return false;
    }
    if (QFileInfo::exists(path)) {
        *error = u"%1 exists already; give a new file"_s.arg(path);
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(path);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    // It holds password hashes and credential digests: the owner's only, whatever the umask was.
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        QFile::remove(path);
        *error = u"could not make %1 readable by its owner only"_s.arg(path);
        return false;
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
    const int known = int(std::size(Migrations));
    // Several workers, or instances, may start at once: BEGIN IMMEDIATE serialises them on SQLite, a transaction-level
    // advisory lock on PostgreSQL (released by the commit), before anything reads or creates the version table.
    Transaction tx(*this);
    if (!tx.isOpen()) {
        *error = m_lastError;
        return false;
    }
    if (m_dialect == Dialect::PostgreSQL && !exec(u"SELECT pg_advisory_xact_lock(7263533722)"_s)) {
        *error = m_lastError;
        return false;
    }
    if (!exec(dialectSql(
            u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"_s))) {
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
        const QStringList statements = dialectSql(QString::fromUtf8(Migrations[version - 1]))
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
    // A statement that failed is prepared again: PostgreSQL may have dropped or invalidated its plan (a table
    // changed under it), and a new plan costs one round trip.
    if (it != m_cache.end() && m_stale.remove(sql)) {
        m_cache.erase(it);
        it = m_cache.end();
    }
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
    if (committed && m_inTransaction) {
        m_authChangedInTransaction = true;
        return true;
    }
    QByteArray stamp;
    if (committed && !writeAuthStamp(&stamp)) {
        // The change stands; another instance sees it once its entries reach AuthCache::maxAgeMs().
        qCWarning(lcStore).noquote() << "could not record an authentication change for other instances:" << m_lastError;
    }
    // Also when the commit reported a failure: whether it took effect is then unknown, and forgetting is safe.
    if (m_authCache)
        m_authCache->invalidate(stamp);
    return committed;
}

bool Store::writeAuthStamp(QByteArray* stamp)
{
    *stamp = protocol::randomBase62(22);
    if (setMeta(u"auth_stamp"_s, QString::fromLatin1(*stamp)))
        return true;
    stamp->clear();
    return false;
}

void Store::checkAuthStamp(qint64 nowMs)
{
    if (!m_authCache || !m_authCache->stampDue(nowMs))
        return;
    const quint64 generation = m_authCache->generation();
    QSqlQuery& q = cached(u"SELECT value FROM meta WHERE key = 'auth_stamp'"_s);
    const Finished done{q};
    if (!q.exec()) {
        fail(q); // entries younger than --auth-cache-ms stay valid; older ones are read again
        return;
    }
    m_authCache->stampRead(q.next() ? q.value(0).toString().toLatin1() : QByteArray(), nowMs, generation);
}

Store::Transaction::Transaction(Store& store, QList<AuditRecord> audit, Auth auth)
    : m_store(store)
    , m_audit(std::move(audit))
    , m_auth(auth)
{
    store.reconnectIfLost();
    m_open = store.exec(store.m_dialect == Dialect::PostgreSQL ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s);
    store.m_inTransaction = m_open;
    store.m_authChangedInTransaction = false;
}

Store::Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery q(m_store.m_db);
        q.exec(u"ROLLBACK"_s);
    }
    m_store.m_inTransaction = false;
    m_store.m_authChangedInTransaction = false;
}

bool Store::Transaction::commit()
{
    if (!m_open)
        return false;
    if (!m_events.isEmpty() && !m_store.queueEvents(m_events, Clock::nowMs()))
        return false; // the destructor rolls back
    for (const AuditRecord& event : std::as_const(m_audit)) {
        if (!m_store.audit(event))
            return false; // the destructor rolls back
    }
    const bool authChanged = m_auth == Auth::Changed || m_store.m_authChangedInTransaction;
    // Other instances see the change by the stamp within their --auth-cache-ms, and on PostgreSQL at once: they
    // empty their authentication caches when this commits (LISTEN in AuthListener). Both are part of the
    // transaction, so a rolled-back change tells nobody. The stamp is written last, so that concurrent changes
    // queue for its row only after all their other writes (no lock cycle).
    QByteArray stamp;
    if (authChanged && !m_store.writeAuthStamp(&stamp))
        return false; // the destructor rolls back
    // The payload is the new stamp (base62): a listener that empties its cache also learns it, so its next stamp read
    // does not empty the cache a second time.
    if (authChanged && m_store.m_dialect == Dialect::PostgreSQL &&
        !m_store.exec(u"NOTIFY tokendesk_auth, '"_s + QString::fromLatin1(stamp) + u"'"_s))
        return false;
    m_open = false;
    m_store.m_inTransaction = false;
    m_store.m_authChangedInTransaction = false;
    const bool committed = m_store.exec(u"COMMIT"_s);
    if (!committed) {
        QSqlQuery q(m_store.m_db);
        q.exec(u"ROLLBACK"_s); // whatever is left of it
    }
    // Also after a failed COMMIT: whether it took effect is then unknown, and forgetting is safe.
    if (authChanged && m_store.m_authCache)
        m_store.m_authCache->invalidate(committed ? stamp : QByteArray());
    return committed;
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
    if (m_cache.count(query.lastQuery()))
        m_stale.insert(query.lastQuery());
    if (m_dialect == Dialect::PostgreSQL && !m_connectionLost) {
        // A lost connection (PostgreSQL restarted, the network cut) is told apart from a failing statement: the
        // first is answered 503 and reconnected, the second 500.
        QSqlQuery probe(m_db);
        if (query.lastError().type() == QSqlError::ConnectionError || !probe.exec(u"SELECT 1"_s)) {
            m_connectionLost = true;
            qCWarning(lcStore) << "lost the connection to PostgreSQL; reconnecting";
        }
    }
    return false;
}

bool Store::reconnectIfLost()
{
    if (!m_connectionLost)
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastReconnect < 1000)
        return false;
    m_lastReconnect = now;
    m_cache.clear(); // prepared on the lost connection
    m_db.close();
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text();
        return false;
    }
    m_connectionLost = false;
    m_inTransaction = false;
    qCInfo(lcStore) << "reconnected to PostgreSQL";
    return sessionSettings();
}

bool Store::sessionSettings()
{
    // READ COMMITTED whatever the server's default_transaction_isolation says: the writes rely on row locks (FOR
    // UPDATE, the authentication stamp's row), under which a stricter level would fail concurrent changes of
    // different credentials with serialisation errors instead of queueing them.
    return exec(u"SET TIME ZONE 'UTC'"_s) &&
           exec(u"SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED"_s);
}

QString Store::dialectSql(QString sql) const
{
    if (m_dialect != Dialect::PostgreSQL)
        return sql;
    // Times are milliseconds: SQLite's INTEGER is 64 bits, PostgreSQL's is 32.
    static const QRegularExpression autoincrement(u"\\bINTEGER PRIMARY KEY AUTOINCREMENT\\b"_s);
    static const QRegularExpression integer(u"\\bINTEGER\\b"_s);
    static const QRegularExpression blob(u"\\bBLOB\\b"_s);
    return sql.replace(autoincrement, u"BIGSERIAL PRIMARY KEY"_s)
        .replace(integer, u"BIGINT"_s)
        .replace(blob, u"BYTEA"_s);
}

QString Store::lockForUpdate(const QString& of) const
{
    if (m_dialect != Dialect::PostgreSQL || !m_inTransaction)
        return {};
    return of.isEmpty() ? u" FOR UPDATE"_s : u" FOR UPDATE OF "_s + of;
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

std::optional<QList<QPair<QString, qint64>>> Store::copyFrom(Store& source, QString* error)
{
    // Parents before children (the foreign keys); the schema's own version table is not data.
    static const char* const Tables[] = {"tenants",
                                         "users",
                                         "memberships",
                                         "sessions",
                                         "refresh_tokens",
                                         "credentials",
                                         "audit_events",
                                         "resources",
                                         "meta",
                                         "usage_daily",
                                         "usage_addresses",
                                         "usage_agents",
                                         "usage_scopes",
                                         "usage_drain",
                                         "usage_drain_total",
                                         "usage_refusals",
                                         "notification_endpoints",
                                         "notification_deliveries",
                                         "notification_attempts"};
    if (source.schemaVersion() != schemaVersion()) {
        *error =
            u"the source has schema version %1, this database %2"_s.arg(source.schemaVersion()).arg(schemaVersion());
        return std::nullopt;
    }
    const auto count = [](Store& store, const QString& table) -> qint64 {
        QSqlQuery q(store.m_db);
        return q.exec(u"SELECT COUNT(*) FROM "_s + table) && q.next() ? q.value(0).toLongLong() : -1;
    };
    for (const char* table : Tables) {
        if (count(*this, QString::fromLatin1(table)) != 0) {
            *error = u"the target database is not empty (table %1 has rows): migrate into a new database"_s.arg(
                QString::fromLatin1(table));
            return std::nullopt;
        }
    }
    Transaction tx(*this);
    if (!tx.isOpen()) {
        *error = m_lastError;
        return std::nullopt;
    }
    QList<QPair<QString, qint64>> copied;
    for (const char* name : Tables) {
        const QString table = QString::fromLatin1(name);
        QSqlQuery read(source.m_db);
        read.setForwardOnly(true);
        if (!read.exec(u"SELECT * FROM "_s + table)) {
            *error = u"reading %1: %2"_s.arg(table, read.lastError().text());
            return std::nullopt;
        }
        const QSqlRecord columns = read.record();
        QStringList names;
        QStringList marks;
        for (int i = 0; i < columns.count(); ++i) {
            names.append(columns.fieldName(i));
            marks.append(u"?"_s);
        }
        QSqlQuery write(m_db);
        write.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, names.join(u", "_s), marks.join(u", "_s)));
        qint64 rows = 0;
        while (read.next()) {
            for (int i = 0; i < columns.count(); ++i)
                write.addBindValue(read.value(i));
            if (!write.exec()) {
                *error = u"writing %1: %2"_s.arg(table, write.lastError().text());
                return std::nullopt;
            }
            ++rows;
        }
        copied.append({table, rows});
    }
    // Audit ids were copied as they were: the sequence continues after them.
    if (m_dialect == Dialect::PostgreSQL &&
        !exec(u"SELECT setval(pg_get_serial_sequence('audit_events', 'id'), COALESCE(MAX(id), 0) + 1, false) "
              "FROM audit_events"_s)) {
        *error = m_lastError;
        return std::nullopt;
    }
    if (!tx.commit()) {
        *error = m_lastError;
        return std::nullopt;
    }
    for (const auto& [table, rows] : std::as_const(copied)) {
        if (count(*this, table) != rows || count(source, table) != rows) {
            *error = u"table %1: %2 rows read, %3 in the target"_s.arg(table).arg(rows).arg(count(*this, table));
            return std::nullopt;
        }
    }
    return copied;
}

std::optional<int> Store::acquireAttempt(const QString& bucket, int limit, int windowSeconds, qint64 now)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return std::nullopt;
    // One bucket at a time across instances (PostgreSQL); SQLite's writers are serialised anyway.
    if (m_dialect == Dialect::PostgreSQL) {
        QSqlQuery lock(m_db);
        lock.prepare(u"SELECT pg_advisory_xact_lock(hashtext(?))"_s);
        if (!run(lock, {bucket}))
            return std::nullopt;
    }
    const qint64 since = now - qint64(windowSeconds) * 1000;
    QSqlQuery prune(m_db);
    prune.prepare(u"DELETE FROM login_attempts WHERE bucket = ? AND at <= ?"_s);
    QSqlQuery count(m_db);
    count.prepare(u"SELECT COUNT(*), MIN(at) FROM login_attempts WHERE bucket = ?"_s);
    if (!run(prune, {bucket, since}) || !run(count, {bucket}) || !count.next())
        return std::nullopt;
    const qint64 attempts = count.value(0).toLongLong();
    if (attempts >= limit) {
        const qint64 oldest = count.value(1).toLongLong();
        count.finish();
        if (!tx.commit())
            return std::nullopt;
        return int(qMax<qint64>(1, (oldest + qint64(windowSeconds) * 1000 - now + 999) / 1000));
    }
    count.finish();
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO login_attempts (bucket, at) VALUES (?, ?)"_s);
    if (!run(insert, {bucket, now}) || !tx.commit())
        return std::nullopt;
    return 0;
}

bool Store::clearAttempts(const QString& bucket)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM login_attempts WHERE bucket = ?"_s);
    return run(q, {bucket});
}

} // namespace td::server
