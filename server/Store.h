#pragma once

#include "protocol/Dto.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace td::server {

struct UserRecord
{
    QString id;
    QString email;
    QString username;
    QString displayName;
    QString passwordHash;
    qint64 clientId = 0;

    protocol::UserDto toDto() const;
};

struct MembershipRecord
{
    QString tenantId;
    QString tenantName;
    QString role; // "admin" | "member"
};

struct SessionRecord
{
    QString id;
    QString userId;
    QString tenantId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0; // absolute end of the refresh chain (ms)
    qint64 revokedAt = 0; // 0: not revoked
};

// API keys, UATs and private tokens share one table: the same life cycle, told apart by kind.
struct CredentialRecord
{
    static constexpr qint64 MaxGraceSeconds = 30LL * 24 * 3600; // the longest a rotated credential keeps working

    QString id;
    QString kind; // "apiKey" | "uat" | "privateToken"
    QString tenantId;
    QString name;
    QString description;
    QString prefix;
    QString last4;
    QStringList scopes;
    QStringList ipAllowlist;
    qint64 createdAt = 0;
    QString createdBy;    // user id
    qint64 expiresAt = 0; // 0: never
    qint64 lastUsedAt = 0;
    QString lastUsedIp;
    qint64 revokedAt = 0;
    QString revokedBy;
    QString rotatedFrom;
    QString rotatedTo;
    qint64 graceLimit = 0;  // rotated: the latest its grace may be extended to (0: not rotated, or before v0.2)
    qint64 suspendedAt = 0; // 0: not suspended
    protocol::RateLimit rateLimit;
    // authCredentialByDigest() only: the creator's membership of the tenant now (issue 17). ownerRole empty: the
    // creator is no member (removed, or not a user at all).
    QString ownerRole;
    bool ownerDisabled = false;

    protocol::KeyStatus status(qint64 nowMs) const;
    QString ownerId() const { return createdBy.startsWith(QStringLiteral("user:")) ? createdBy.mid(5) : QString(); }
    protocol::ApiKeyDto toDto(qint64 nowMs) const;
};

struct CredentialQuery
{
    QString tenantId;
    QString kind;
    QString createdBy; // only this creator's ("user:<id>"); empty: everyone's
    std::optional<protocol::KeyStatus> status;
    QString text;
    int limit = 100;
    QString cursor;
    qint64 nowMs = 0;
};

struct AuditRecord
{
    qint64 id = 0;
    qint64 at = 0;
    QString tenantId;
    QString actor;
    QString action;
    QString targetKind;
    QString targetId;
    QString ip;
    QString detail;

    protocol::AuditEventDto toDto() const;
};

// Which audit events a page holds: the tenant's, newest first, narrowed by what is set.
struct AuditQuery
{
    QString tenantId;
    QString targetId;    // one object
    QStringList actions; // any of these actions
    qint64 since = 0;    // at >= since (ms), 0: no bound
    qint64 until = 0;    // at < until (ms), 0: no bound
    qint64 beforeId = 0; // the cursor: ids below it
    int limit = 100;
};

// Where a credential was used from, or with which client: first and last time (ms) and how often.
struct UsageSeen
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 count = 0;
    void add(const UsageSeen& other);
};

// A credential's use since the last flush: the last use (lastUsedAt/lastUsedIp), requests per UTC day, addresses
// and user agents.
struct UsageUpdate
{
    static constexpr int MaxAddresses = 100; // kept per credential, the least recently seen dropped
    static constexpr int MaxAgents = 20;
    static constexpr int MaxAgentLength = 200;
    static constexpr int KeptDays = 400;

    qint64 at = 0;
    QString ip;
    QMap<qint64, qint64> daily; // days since the epoch (UTC) -> requests
    QHash<QString, UsageSeen> addresses;
    QHash<QString, UsageSeen> agents;
    QHash<QString, qint64> scopes; // scope a request needed -> when last
    QMap<qint64, qint64> drain;    // rotated and in its grace: minutes since the epoch -> requests
    QMap<qint64, qint64> refused;  // hours since the epoch -> refusals

    void add(const UsageUpdate& other); // other's uses on top of these
};

// The old credential of a rotation: who still uses it.
struct DrainReport
{
    qint64 total = 0;    // requests since the rotation
    qint64 lastHour = 0; // requests in the last 60 minutes
};

// A risk finding (GET /api/v1/findings): a kind of risk and the credentials that have it.
struct Finding
{
    QString type;
    struct Item
    {
        CredentialRecord record;
        QStringList usedScopes;   // unusedScopes: the scopes it used in the window
        QStringList unusedScopes; // unusedScopes: the scopes it holds and did not use
        qint64 refusals = 0;      // refusedOften: refusals in the last 24 h
        QString person;           // creatorLeft: the e-mail of the person who made it and left
    };
    QList<Item> items; // at most MaxItems, the newest first
    qint64 count = 0;  // all that have it
    static constexpr int MaxItems = 1000;
};

// GET …/{id}/usage
struct UsageReport
{
    QList<QPair<qint64, qint64>> daily;         // day since the epoch, requests; oldest first, days with requests only
    QList<QPair<QString, UsageSeen>> addresses; // most recently seen first
    QList<QPair<QString, UsageSeen>> agents;
    QHash<QString, qint64> scopes; // needed within the days asked for -> when last
};

// A person in a tenant, for the People page (issue 17).
struct MemberRecord
{
    UserRecord user;
    QString role;
    qint64 disabledAt = 0;
    qint64 lastLoginAt = 0; // the newest session in this tenant; 0: never
    bool invited = false;   // no password set yet
    int credentials = 0;    // UATs and private tokens it owns that are not revoked, and API keys it created
};

// A tenant's notification endpoint (issue 15): where events go, in which format, which events.
struct NotificationEndpoint
{
    static constexpr int MaxPerTenant = 20;

    QString id;
    QString tenantId;
    QString name;
    QString url;
    QString format;          // "json" | "slack"
    QStringList events;      // credential.expiring, credential.expired, credential.revoked, …
    QList<int> expiringDays; // credential.expiring: any of 30, 14, 7, 1, largest first
    QByteArray salt;         // the signing secret is HMAC(pepper, salt) (ServerContext::notificationSecret)
    qint64 createdAt = 0;
    QString createdBy;
    qint64 updatedAt = 0;

    bool wants(const QString& event) const { return events.contains(event); }
};

// An event that notification endpoints may want, queued by the transaction of the change that causes it.
struct NotificationEvent
{
    QString type; // "credential.revoked", …
    QString tenantId;
    QString credentialId;
    QString unique;    // what tells this event from others of its type and credential ("" for once only)
    QJsonObject extra; // added to the event's JSON (e.g. successorId)
};

// One delivery of an event to an endpoint, and its attempts.
struct DeliveryAttempt
{
    qint64 at = 0;
    int status = 0; // the receiver's HTTP status, 0: none (error says why)
    QString error;
    qint64 durationMs = 0;
};

struct Delivery
{
    QString id; // the idempotency key (X-TokenDesk-Delivery)
    QString tenantId;
    QString endpointId;
    QString event;
    QByteArray payload; // the event as JSON
    qint64 createdAt = 0;
    QString status; // "pending" | "delivered" | "failed"
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    int lastStatus = 0;
    QString lastError;
    qint64 finishedAt = 0;
    QList<DeliveryAttempt> history; // newest first (deliveries() only)
};

// What a read found: the record, nothing, or a failure of the database. A failure must never reach a client as
// "not found" (404) or as "the token is not valid" (401): callers answer it as the server's fault.
template <typename T> class Read final
{
public:
    static Read of(T value)
    {
        Read r(Status::Found);
        r.m_value = std::move(value);
        return r;
    }
    static Read none() { return Read(Status::NotFound); }
    static Read error() { return Read(Status::Failed); }

    bool isFailed() const { return m_status == Status::Failed; }
    explicit operator bool() const { return m_status == Status::Found; }
    const T& operator*() const { return *m_value; }
    T& operator*() { return *m_value; }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    std::optional<T> take() { return std::move(m_value); }

private:
    enum class Status { Found, NotFound, Failed };
    explicit Read(Status status)
        : m_status(status)
    {}
    Status m_status;
    std::optional<T> m_value;
};

// Data access for one thread: QSqlDatabase connections may not cross threads, so every HTTP worker
// owns a Store of its own on the same database file.
class Store final
{
public:
    enum class Outcome { Ok, NotFound, Conflict, Reused, Ended, Invalid, Failed };

    // A transaction as a value: BEGIN IMMEDIATE when made, ROLLBACK when it goes out of scope uncommitted. The audit
    // events it is given are written by commit(), inside it: a change never lands without its audit record, and a
    // failed audit write undoes the change.
    class Transaction final
    {
    public:
        enum class Auth { Unchanged, Changed }; // Changed: a commit empties the authentication cache
        explicit Transaction(Store& store, QList<AuditRecord> audit = {}, Auth auth = Auth::Unchanged);
        ~Transaction();
        Q_DISABLE_COPY_MOVE(Transaction)

        bool isOpen() const { return m_open; }
        bool commit(); // false: rolled back, or the outcome of COMMIT is unknown
        // What the commit will write to the audit log; a change that turns out to change nothing drops its record.
        QList<AuditRecord>& audit() { return m_audit; }
        // Queued for the endpoints that want it by commit(), inside the transaction: an event is never lost when
        // its change lands, nor queued when it does not.
        void notify(NotificationEvent event) { m_events.append(std::move(event)); }

    private:
        Store& m_store;
        QList<AuditRecord> m_audit;
        QList<NotificationEvent> m_events;
        Auth m_auth;
        bool m_open = false;
    };

    explicit Store(QString connectionName);
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    enum class Dialect { SQLite, PostgreSQL };
    // A file path (SQLite) or postgresql://user[:password]@host[:port]/dbname[?sslmode=…&host=/socket/dir]
    // (the password also from TOKENDESK_DB_PASSWORD or the file TOKENDESK_DB_PASSWORD_FILE; never logged).
    bool open(const QString& location, QString* error);
    Dialect dialect() const { return m_dialect; }
    QString connectionName() const { return m_connectionName; }
    static bool isPostgresUrl(const QString& location);
    // PostgreSQL: the connection was lost (the database restarted); reads and writes fail until reconnected.
    bool connectionLost() const { return m_connectionLost; }
    // Reopens a lost connection (at most once a second); true when connected. Called before each request's work.
    bool reconnectIfLost();
    bool migrate(QString* error);
    // --migrate-from: copies every row of source (a SQLite store at the same schema version) into this empty store,
    // in one transaction, and checks the counts; returns the tables with their row counts, nullopt on failure.
    std::optional<QList<QPair<QString, qint64>>> copyFrom(Store& source, QString* error);
    int schemaVersion();
    static int knownSchemaVersion(); // the newest this server knows
    // A consistent copy of the whole database in a new file, while it is in use (SQLite's VACUUM INTO); false with
    // *error for PostgreSQL (pg_dump does that) or when the file exists or cannot be written.
    bool backupTo(const QString& path, QString* error);
    QString lastError() const { return m_lastError; }

    // meta
    QString meta(const QString& key);
    bool setMeta(const QString& key, const QString& value);

    // tenants and users
    bool createTenant(const QString& id, const QString& name, qint64 now);
    bool createUser(const UserRecord& user, qint64 now);
    bool addMembership(const QString& userId, const QString& tenantId, const QString& role);
    Read<UserRecord> userByLogin(const QString& emailOrUsername);
    Read<UserRecord> userById(const QString& id);
    Read<QList<MembershipRecord>> memberships(const QString& userId); // found, possibly empty, or failed
    Read<MembershipRecord> tenant(const QString& tenantId);
    qint64 nextClientId();
    int userCount();

    // sessions and refresh tokens
    bool createSession(const SessionRecord& session, const QByteArray& refreshDigest);
    Read<SessionRecord> session(const QString& id);
    // Marks the presented refresh token used and stores its successor, atomically; a token used before
    // revokes the whole session (Reused).
    Outcome rotateRefresh(const QByteArray& digest, const QByteArray& nextDigest, qint64 now, SessionRecord* session);
    Outcome revokeSessionByRefresh(const QByteArray& digest, qint64 now, SessionRecord* session);
    bool revokeSession(const QString& id, const QString& reason, qint64 now);
    // For introspection: the session a refresh token belongs to, and whether the token was used.
    Read<SessionRecord> sessionByRefresh(const QByteArray& digest, bool* used);

    // credentials. The changes below write the audit events they are given in their own transaction.
    bool insertCredential(const CredentialRecord& record, const QByteArray& digest,
                          const QList<AuditRecord>& audit = {});
    Read<CredentialRecord> credentialByDigest(const QByteArray& digest);
    // The same with only what authentication reads (id, kind, tenant, scopes, allowlist, creator, expiry, revoked,
    // suspended, rotated to, rate limit): the authentication cache's refills.
    Read<CredentialRecord> authCredentialByDigest(const QByteArray& digest);
    // Reads the authentication stamp when the cache wants it (once per --auth-cache-ms; AuthCache explains).
    void checkAuthStamp(qint64 nowMs);
    Read<CredentialRecord> credential(const QString& tenantId, const QString& kind, const QString& id);
    // One page of a list, each record handed to visit as it is read (a page of 1000 is written straight to JSON);
    // returns the next cursor (empty on the last page), nullopt on failure or a bad cursor.
    std::optional<QString> visitCredentials(const CredentialQuery& query,
                                            const std::function<void(const CredentialRecord&)>& visit);
    // Name, description, allowlist, rate limit; scopes and expiry only narrowed (the caller checks), and only when
    // they are still what expected holds (Conflict otherwise), so that two narrowings cannot undo each other.
    Outcome updateCredential(const CredentialRecord& record, const QList<AuditRecord>& audit,
                             const CredentialRecord& expected);
    // All or nothing: any id unknown in the tenant -> NotFound with *missing filled, nothing changed. Ids already
    // revoked stay as they were (time and author) and go to *alreadyRevoked; their audit records are not written.
    Outcome revokeCredentials(const QString& tenantId, const QString& kind, const QStringList& ids, const QString& by,
                              qint64 now, QStringList* missing, const QList<AuditRecord>& audit = {},
                              QStringList* alreadyRevoked = nullptr);
    // Inserts the successor, links both and shortens the old one's life to graceEnd, atomically.
    Outcome rotateCredential(const QString& tenantId, const QString& kind, const QString& id,
                             const CredentialRecord& successor, const QByteArray& digest, qint64 graceEnd,
                             const QList<AuditRecord>& audit = {});
    bool recordUsage(const QHash<QString, UsageUpdate>& updates);
    // The credential's use over the last days (today included), nullopt on failure.
    std::optional<UsageReport> usage(const QString& credentialId, int days, qint64 nowMs);
    std::optional<DrainReport> drain(const QString& credentialId, qint64 nowMs);
    // Ends (endsAt <= now) or moves the end of a rotated credential's grace; Conflict when it is not in its grace.
    // Suspends (at now) or resumes an active credential; Conflict when it is revoked or expired, Ok when it already
    // was as asked (then nothing is written, nor audited).
    Outcome setSuspended(const QString& tenantId, const QString& kind, const QString& id, bool suspended, qint64 now,
                         const QList<AuditRecord>& audit);
    Outcome setGrace(const QString& tenantId, const QString& kind, const QString& id, qint64 endsAt, qint64 now,
                     const QList<AuditRecord>& audit);
    // The tenant's risk findings, computed now (DESIGN.md, "Usage insight").
    std::optional<QList<Finding>> findings(const QString& tenantId, qint64 nowMs);

    // Notification endpoints and deliveries (StoreNotifications.cpp, DESIGN.md "Notifications").
    Read<QList<NotificationEndpoint>> notificationEndpoints(const QString& tenantId);
    Read<NotificationEndpoint> notificationEndpoint(const QString& tenantId, const QString& id);
    // Conflict: the tenant has NotificationEndpoint::MaxPerTenant already.
    Outcome insertNotificationEndpoint(const NotificationEndpoint& endpoint, const QList<AuditRecord>& audit);
    Outcome updateNotificationEndpoint(const NotificationEndpoint& endpoint, const QList<AuditRecord>& audit);
    // With its deliveries.
    Outcome deleteNotificationEndpoint(const QString& tenantId, const QString& id, const QList<AuditRecord>& audit);
    // Queues a delivery of payload to one endpoint under the idempotency key id (nothing when it is queued already).
    bool queueDelivery(const NotificationEndpoint& endpoint, const QString& id, const QString& event,
                       const QByteArray& payload, qint64 now);
    // A notification.test event for the endpoint (Send test), queued under id.
    bool queueTestDelivery(const NotificationEndpoint& endpoint, const QString& id, qint64 now);
    // The time-based events (credential.expiring, credential.expired, credential.refused_spike) due now, for every
    // endpoint that wants them, each queued once; how many were queued, nullopt on failure.
    std::optional<int> scheduleNotifications(qint64 now);
    // Takes up to most pending deliveries that are due and not leased by another instance, leasing them until
    // now + leaseMs; each with its endpoint.
    std::optional<QList<QPair<Delivery, NotificationEndpoint>>> claimDeliveries(qint64 now, qint64 leaseMs, int most);
    // Records an attempt and the delivery's new state: delivered, failed, or pending again from nextAttemptAt.
    bool finishDelivery(const QString& id, const DeliveryAttempt& attempt, const QString& status, qint64 nextAttemptAt);
    // An endpoint's deliveries, newest first, each with its attempts.
    std::optional<QList<Delivery>> deliveries(const QString& endpointId, int most);
    int pruneDeliveries(qint64 before);
    // SQLite (one process): leases left by a process that died are void when the next one starts.
    bool releaseDeliveryLeases(); // finished before; how many were deleted, -1 on failure

    // People (StorePeople.cpp, issue 17).
    std::optional<QList<MemberRecord>> members(const QString& tenantId, const QString& userId = {});
    // Role and/or disabled state. Disabling ends the person's sessions in the tenant; with revokeTokens their UATs
    // and private tokens there are revoked too (*revoked names them). NotFound: no such member.
    Outcome updateMembership(const QString& tenantId, const QString& userId, const std::optional<QString>& role,
                             const std::optional<bool> disabled, bool revokeTokens, qint64 now,
                             const QList<AuditRecord>& audit, QStringList* revoked);
    Outcome removeMembership(const QString& tenantId, const QString& userId, bool revokeTokens, qint64 now,
                             const QList<AuditRecord>& audit, QStringList* revoked);
    // Invites email into the tenant: a new user without a password and a setup token (its digest), or, when the
    // address has an account already, a membership only (*created false, no token stored). Conflict: a member
    // already.
    Outcome inviteUser(const QString& tenantId, const UserRecord& user, const QString& role,
                       const QByteArray& setupDigest, qint64 expiresAt, const QString& by, qint64 now,
                       const QList<AuditRecord>& audit, QString* userId, bool* created);
    struct SetupToken
    {
        QString userId;
        QString tenantId;
        qint64 expiresAt = 0;
        qint64 usedAt = 0;
    };
    Read<SetupToken> setupToken(const QByteArray& digest);
    // Sets the password of the token's user and uses the token up, once: Ended when it is used or expired.
    Outcome completeSetup(const QByteArray& digest, const QString& passwordHash, qint64 now,
                          const QList<AuditRecord>& audit);
    std::optional<bool> revokeOnOffboarding(const QString& tenantId);
    bool setRevokeOnOffboarding(const QString& tenantId, bool revoke, const QList<AuditRecord>& audit);

    // Login attempts per bucket (an account), shared by every instance on the database: records one attempt unless
    // limit attempts are within the window; returns 0 (recorded) or the seconds to wait, nullopt on failure.
    std::optional<int> acquireAttempt(const QString& bucket, int limit, int windowSeconds, qint64 now);
    bool clearAttempts(const QString& bucket);

    // audit
    bool audit(const AuditRecord& event, qint64* insertedId = nullptr);
    bool setAuditDetail(qint64 id, const QString& detail);
    int deleteAuditBefore(qint64 at); // how many were deleted; -1 on failure
    std::optional<QList<AuditRecord>> auditEvents(const AuditQuery& query);

    // guarded demo resources (products, orders, inventory)
    bool insertResource(const QString& tenantId, const QString& kind, const QString& id, const QJsonObject& body,
                        const QString& createdBy, qint64 now);
    std::optional<QList<QJsonObject>> resources(const QString& tenantId, const QString& kind, int limit);

    // Told about every committed change to what authentication reads (credentials, users, memberships).
    void setAuthCache(class AuthCache* cache) { m_authCache = cache; }

private:
    // Hot look-ups (every authenticated request) reuse their prepared statement instead of parsing SQL again.
    QSqlQuery& cached(const QString& sql);
    bool exec(const QString& sql);
    // Binds the values to a prepared statement and runs it; false: failed (m_lastError says why).
    bool run(QSqlQuery& query, const QVariantList& binds);
    // Runs a statement expected to give at most one row and reads it with read.
    template <typename T, typename Reader> Read<T> queryOne(QSqlQuery& query, const QVariantList& binds, Reader read);
    bool fail(const class QSqlQuery& query);
    bool insertCredentialRow(const CredentialRecord& record, const QByteArray& digest);
    // head VALUES (rowPattern), (rowPattern)… tail, for every row, a hundred rows per statement.
    bool insertRows(const QString& head, const QString& rowPattern, const QString& tail,
                    const QList<QVariantList>& rows);
    bool openPostgres(const QString& location, QString* error);
    // The dialect's spelling: a migration's text; the scalar min and max of two values; a read that locks its rows
    // for the rest of the transaction (PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers anyway).
    QString dialectSql(QString sql) const;
    bool sessionSettings(); // PostgreSQL, on every (re)connect: UTC, READ COMMITTED
    QString least() const { return m_dialect == Dialect::PostgreSQL ? QStringLiteral("LEAST") : QStringLiteral("MIN"); }
    QString greatest() const
    {
        return m_dialect == Dialect::PostgreSQL ? QStringLiteral("GREATEST") : QStringLiteral("MAX");
    }
    QString lockForUpdate(const QString& of = {}) const;
    // A statement changed what authentication reads: outside a transaction writes a new stamp and empties the
    // cache at once; inside one, the transaction's commit does (as for Auth::Changed). Returns committed.
    bool authChanged(bool committed);
    // Writes a new random authentication stamp (meta 'auth_stamp') to *stamp; in the caller's transaction if any.
    bool writeAuthStamp(QByteArray* stamp);
    bool queueEvents(const QList<NotificationEvent>& events, qint64 now);
    // Offboarding: revokes a person's UATs and private tokens in a tenant (their ids to *revoked), events queued.
    bool revokeOwnTokens(Transaction& tx, const QString& tenantId, const QString& userId, qint64 now,
                         QStringList* revoked);

    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_lastError;
    Dialect m_dialect = Dialect::SQLite;
    QString m_location;
    bool m_inTransaction = false;
    bool m_connectionLost = false;
    qint64 m_lastReconnect = 0;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_cache;
    QSet<QString> m_stale; // cached statements that failed: prepared again on their next use
    class AuthCache* m_authCache = nullptr;
    bool m_authChangedInTransaction = false; // authChanged() inside a transaction: its commit stamps and empties
};

QString newId(const char* prefix); // e.g. "key_" + 20 base62 characters

} // namespace td::server
