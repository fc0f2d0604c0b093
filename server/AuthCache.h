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
// Freshness: a change this process makes to a credential, a user or a membership empties the cache before the
// change is answered, so a revoked key is refused by the very next request. Every such change also writes a new
// random "authentication stamp" in the database (meta 'auth_stamp', in the change's own transaction). A change made
// by another process sharing the database (a second server instance, `--add-user`) is seen within ttlMs
// (--auth-cache-ms, default 1000; 0 turns the cache off): once per ttlMs one request reads the stamp (Store::
// checkAuthStamp), and if it moved the whole cache is emptied; if not, every entry stays valid for another ttlMs.
// So with 10,000 keys in use the cache costs one read per ttlMs instead of one per key. No entry is kept longer
// than maxAgeMs(), whatever the stamp says: that bounds what a change made outside TokenDesk's own code (an operator's
// SQL) can leave behind. An entry younger than ttlMs is valid without any stamp check (as before the stamp existed),
// so a database that cannot be read for the stamp serves nothing older than ttlMs.
//
// Unknown tokens are never cached. A look-up that raced with a change is not stored (generation check), so an
// emptied cache cannot be refilled with what the change replaced.
class AuthCache final
{
public:
    explicit AuthCache(qint64 ttlMs, int maxEntries = 100000);
    Q_DISABLE_COPY_MOVE(AuthCache)

    bool enabled() const { return m_ttlMs > 0; }
    qint64 maxAgeMs() const { return qMax<qint64>(m_ttlMs, MaxAgeMs); }
    // Take before reading the database; pass to put*() or stampRead() with what was read.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    // True when the authentication stamp should be read now (Store::checkAuthStamp does).
    bool stampDue(qint64 nowMs) const;
    // The stamp as read at nowMs (empty: none written yet). Unchanged: every entry is valid for another ttlMs.
    // Changed: everything is forgotten. Ignored when a change of this process raced with the read.
    void stampRead(const QByteArray& stamp, qint64 nowMs, quint64 generation);

    std::shared_ptr<const CredentialRecord> credential(const QByteArray& digest, qint64 nowMs) const;
    void putCredential(const QByteArray& digest, std::shared_ptr<const CredentialRecord> record, qint64 nowMs,
                       quint64 generation);
    // A user as the compact JSON text of its UserDto (what /me embeds).
    std::shared_ptr<const QByteArray> userJson(const QString& id, qint64 nowMs) const;
    void putUserJson(const QString& id, std::shared_ptr<const QByteArray> json, qint64 nowMs, quint64 generation);

    // Something that authentication reads has changed: forget everything. newStamp: the stamp this process's change
    // wrote (empty: unknown; the next stamp read then empties the cache once more, which is only a cost).
    void invalidate(const QByteArray& newStamp = {});
    // Another instance's change, announced (PostgreSQL NOTIFY) with the stamp it wrote: as invalidate(stamp), except
    // that a stamp this cache already holds changes nothing (this instance's own change, or one a stamp read found).
    void notified(const QByteArray& stamp);

private:
    static constexpr qint64 MaxAgeMs = 60000;

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
    // When the stamp was last read and found unchanged (or the cache emptied since): until m_stampAt + ttlMs every
    // entry younger than maxAgeMs is valid. Read without the lock by stampDue().
    std::atomic<qint64> m_stampAt{0};
    QByteArray m_stamp; // under m_mutex
    QHash<QByteArray, Entry<CredentialRecord>> m_credentials;
    QHash<QString, Entry<QByteArray>> m_users;
};

} // namespace td::server
