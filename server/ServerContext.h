#pragma once

#include "AuthCache.h"
#include "Config.h"
#include "KeyFile.h"
#include "PasswordHasher.h"
#include "Store.h"
#include "protocol/Hmac.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <deque>

namespace td::server {

// Sliding-window limiter shared by all workers. Keys whose window has passed are dropped as it goes, so that
// memory stays bounded however many addresses or accounts an attacker rotates through.
class RateLimiter final
{
public:
    // Check and record in one step (one lock): 0 when the event was allowed and recorded, else the seconds to wait.
    int acquire(const QString& key, int limit, int windowSeconds, qint64 nowMs);
    void hit(const QString& key, qint64 nowMs, int windowSeconds);  // records without a limit
    int count(const QString& key, int windowSeconds, qint64 nowMs); // events under key within the window
    // Seconds until the oldest event under key leaves the window (at least 1).
    int secondsUntilFree(const QString& key, int windowSeconds, qint64 nowMs);
    void clear(const QString& key);
    int keys(); // how many keys are held

private:
    struct Window
    {
        std::deque<qint64> events;
        qint64 windowMs = 0;
    };
    Window& window(const QString& key, int windowSeconds, qint64 nowMs); // pruned; sweeps now and then
    void sweep(qint64 nowMs);

    QMutex m_mutex;
    QHash<QString, Window> m_events;
    quint64 m_operations = 0;
    qsizetype m_sweepAbove = 4096;
};

// Logins waiting for or in password hashing, per client bucket: a client with more in flight waits behind others.
class LoginsInFlight final
{
public:
    int enter(const QString& bucket); // how many were in flight before
    void leave(const QString& bucket);

private:
    QMutex m_mutex;
    QHash<QString, int> m_counts;
};

// A credential's use (lastUsedAt/lastUsedIp, requests per day, addresses, user agents) is aggregated here and
// written in one transaction per flush (at most once a second per worker, and at shutdown), never once per request.
class UsageRecorder final
{
public:
    // One authenticated request with a credential: its time, client address and User-Agent (truncated); draining:
    // the credential was rotated and is in its grace, so its requests are also counted per minute.
    void note(const QString& credentialId, qint64 at, const QString& ip, const QString& agent = {},
              bool draining = false);
    void noteRefusal(const QString& credentialId, qint64 at); // a request with it was refused
    QHash<QString, UsageUpdate> take();
    void restore(const QHash<QString, UsageUpdate>& updates);                     // what a failed flush could not write
    void noteScope(const QString& credentialId, const QString& scope, qint64 at); // a request needed this scope
    std::optional<UsageUpdate> pending(const QString& credentialId);

private:
    // Sharded by credential id: the workers note every request, and one lock for all of them was a hand-off
    // between the workers' threads on every request.
    static constexpr int ShardCount = 16;
    struct Shard
    {
        QMutex mutex;
        QHash<QString, UsageUpdate> pending;
    };
    Shard& shard(const QString& credentialId) { return m_shards[qHash(credentialId) % ShardCount]; }
    Shard m_shards[ShardCount];
};

// The bucket a client address counts in for per-client limits: an IPv4 address (also IPv4-mapped IPv6) as
// itself, an IPv6 address as its /64, since whoever holds one address of a /64 usually holds all of them.
QString clientBucket(const QHostAddress& address);

// Open connections per client bucket, across all workers.
class ClientConnections final
{
public:
    explicit ClientConnections(int limit)
        : m_limit(limit)
    {}
    bool acquire(const QString& bucket); // false: the bucket is at its limit (nothing was counted)
    void release(const QString& bucket);

private:
    const int m_limit; // 0: no limit
    QMutex m_mutex;
    QHash<QString, int> m_open;
};

// Memory that request bodies hold across all connections: reserved before a body is buffered (its announced
// length, or each chunk as it is announced), released when the request has been answered.
class BodyBudget final
{
public:
    explicit BodyBudget(qint64 limit)
        : m_limit(limit)
    {}
    bool reserve(qint64 bytes);
    void release(qint64 bytes) { m_used.fetch_sub(bytes, std::memory_order_relaxed); }
    qint64 used() const { return m_used.load(std::memory_order_relaxed); }

private:
    const qint64 m_limit;
    std::atomic<qint64> m_used{0};
};

// Refusals of one credential for one reason are audited once per minute: the first refusal writes its row, the
// rest of that minute only count, and the count is added to the row when the minute has passed. A flood of
// requests with a revoked key thus writes a row a minute instead of one per request.
class RefusalThrottle final
{
public:
    static constexpr qint64 WindowMs = 60 * 1000;
    struct Ended
    {
        qint64 rowId;
        QString detail;
        int more; // refusals after the first within the minute
    };
    bool admit(const QString& key, qint64 nowMs); // true: write a row for this refusal
    void written(const QString& key, qint64 rowId, const QString& detail);
    QList<Ended> takeEnded(qint64 nowMs); // minutes that have passed with refusals counted

private:
    struct Window
    {
        qint64 start = 0;
        qint64 rowId = 0;
        QString detail;
        int more = 0;
    };
    QMutex m_mutex;
    QHash<QString, Window> m_windows;
};

// What every worker thread shares. Everything here is immutable after start or guarded by a mutex.
struct ServerContext
{
    ServerContext(ServerConfig c, KeyMaterial k)
        : config(std::move(c))
        , keys(std::move(k))
        , hasher({config.scryptLogN, 8, 1}, config.maxConcurrentHashes, config.maxQueuedLogins)
        , authCache(config.authCacheMs)
        , clientConnections(config.maxConnectionsPerClient)
        , bodyBudget(config.maxBodyMemory)
        , m_pepper(keys.pepper)
    {}
    Q_DISABLE_COPY_MOVE(ServerContext)

    QByteArray digest(const QByteArray& token) const; // HMAC-SHA256(pepper, token)
    // A notification endpoint's signing secret, derived from its salt with the pepper: the database holds only
    // the salt, so whoever reads it cannot sign as this server.
    QByteArray notificationSecret(const QByteArray& salt) const;

    const ServerConfig config;
    const KeyMaterial keys;
    PasswordHasher hasher;
    RateLimiter limiter;
    LoginsInFlight loginsInFlight;
    RefusalThrottle refusals;
    std::atomic<qint64> lastAuditCleanup{0}; // Clock ms of the last retention clean-up
    UsageRecorder usage;
    AuthCache authCache;
    ClientConnections clientConnections;
    BodyBudget bodyBudget;

private:
    protocol::HmacSha256 m_pepper;
};

} // namespace td::server
