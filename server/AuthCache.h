#pragma once

#include "Store.h"
#include "protocol/Dto.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

namespace td::server {

// What the authentication of every request reads, kept in memory for all HTTP workers: credential records by
// token digest, and the users /me names. Without it each request with an API key made two SQLite reads, which
// held the server at a sixth of nginx's request rate.
//
// Freshness: a change this process makes to a credential or a user empties the cache before the change is
// answered, so a revoked key is refused by the very next request. A change made by another process sharing the
// database (a second server instance, `--add-user`) is seen within ttlMs (--auth-cache-ms, default 1000;
// 0 turns the cache off). Unknown tokens are never cached. A look-up that raced with a change is not stored
// (generation check), so an emptied cache cannot be refilled with what the change replaced.
class AuthCache final
{
public:
    explicit AuthCache(qint64 ttlMs, int maxEntries = 100000);
    Q_DISABLE_COPY_MOVE(AuthCache)

    bool enabled() const { return m_ttlMs > 0; }
    // Take before reading the database; pass to put*() with what was read.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    std::shared_ptr<const CredentialRecord> credential(const QByteArray& digest, qint64 nowMs) const;
    void putCredential(const QByteArray& digest, std::shared_ptr<const CredentialRecord> record, qint64 nowMs,
                       quint64 generation);
    // A user as the compact JSON text of its UserDto (what /me embeds).
    std::shared_ptr<const QByteArray> userJson(const QString& id, qint64 nowMs) const;
    void putUserJson(const QString& id, std::shared_ptr<const QByteArray> json, qint64 nowMs, quint64 generation);

    // Something that authentication reads has changed: forget everything.
    void invalidate();

private:
    template <class T> struct Entry
    {
        std::shared_ptr<const T> value;
        qint64 fetchedAt = 0;
    };

    template <class Key, class T>
    std::shared_ptr<const T> find(const QHash<Key, Entry<T>>& map, const Key& key, qint64 nowMs) const;
    template <class Key, class T>
    void put(QHash<Key, Entry<T>>& map, const Key& key, std::shared_ptr<const T> value, qint64 nowMs,
             quint64 generation);

    const qint64 m_ttlMs;
    const int m_maxEntries;
    mutable QMutex m_mutex;
    std::atomic<quint64> m_generation{0};
    QHash<QByteArray, Entry<CredentialRecord>> m_credentials;
    QHash<QString, Entry<QByteArray>> m_users;
};

} // namespace td::server
