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

#include <deque>

namespace td::server {

// Sliding-window limiter shared by all workers.
class RateLimiter final
{
public:
    // Seconds until another event under key is allowed, or 0 when it is allowed now.
    int retryAfter(const QString& key, int limit, int windowSeconds, qint64 nowMs);
    void hit(const QString& key, qint64 nowMs, int windowSeconds);
    // Check and record in one step (one lock): 0 when the event was allowed and recorded, else the seconds to wait.
    int acquire(const QString& key, int limit, int windowSeconds, qint64 nowMs);
    void clear(const QString& key);

private:
    void prune(std::deque<qint64>& events, qint64 nowMs, int windowSeconds);

    QMutex m_mutex;
    QHash<QString, std::deque<qint64>> m_events;
};

// lastUsedAt/lastUsedIp are buffered here and written in one transaction per flush instead of one
// write per authenticated request.
class UsageRecorder final
{
public:
    void note(const QString& credentialId, qint64 at, const QString& ip);
    QHash<QString, UsageUpdate> take();
    std::optional<UsageUpdate> pending(const QString& credentialId);

private:
    QMutex m_mutex;
    QHash<QString, UsageUpdate> m_pending;
};

// What every worker thread shares. Everything here is immutable after start or guarded by a mutex.
struct ServerContext
{
    ServerContext(ServerConfig c, KeyMaterial k)
        : config(std::move(c))
        , keys(std::move(k))
        , hasher({config.scryptLogN, 8, 1}, config.maxConcurrentHashes)
        , authCache(config.authCacheMs)
        , m_pepper(keys.pepper)
    {}
    Q_DISABLE_COPY_MOVE(ServerContext)

    QByteArray digest(const QByteArray& token) const; // HMAC-SHA256(pepper, token)

    const ServerConfig config;
    const KeyMaterial keys;
    PasswordHasher hasher;
    RateLimiter limiter;
    UsageRecorder usage;
    AuthCache authCache;

private:
    protocol::HmacSha256 m_pepper;
};

} // namespace td::server
