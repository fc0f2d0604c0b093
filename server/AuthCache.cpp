#include "AuthCache.h"

namespace td::server {

AuthCache::AuthCache(qint64 ttlMs, int maxEntries)
    : m_ttlMs(ttlMs)
    , m_maxEntries(maxEntries)
{}

template <class Key, class T>
std::shared_ptr<const T> AuthCache::find(const QHash<Key, Entry<T>>& map, const Key& key, qint64 nowMs) const
{
    if (!enabled())
        return {};
    QMutexLocker lock(&m_mutex);
    const auto it = map.constFind(key);
    if (it == map.cend() || nowMs < it->fetchedAt)
        return {};
    const qint64 age = nowMs - it->fetchedAt;
    if (age < m_ttlMs)
        return it->value;
    const qint64 stampAt = m_stampAt.load(std::memory_order_acquire);
    if (age < maxAgeMs() && nowMs >= stampAt && nowMs - stampAt < m_ttlMs)
        return it->value; // no change since it was read: the stamp was unchanged within ttlMs
    return {};
}

template <class Key, class T>
void AuthCache::put(QHash<Key, Entry<T>>& map, const Key& key, std::shared_ptr<const T> value, qint64 nowMs,
                    quint64 generation)
{
    if (!enabled() || !value)
        return;
    QMutexLocker lock(&m_mutex);
    if (generation != m_generation.load(std::memory_order_acquire))
        return; // a change happened while this was read: it may be stale
    if (map.size() >= m_maxEntries)
        map.clear(); // bounded: many distinct keys only cost look-ups again
    map.insert(key, {std::move(value), nowMs});
}

bool AuthCache::stampDue(qint64 nowMs) const
{
    if (!enabled())
        return false;
    const qint64 stampAt = m_stampAt.load(std::memory_order_acquire);
    return nowMs < stampAt || nowMs - stampAt >= m_ttlMs;
}

void AuthCache::stampRead(const QByteArray& stamp, qint64 nowMs, quint64 generation)
{
    if (!enabled())
        return;
    QMutexLocker lock(&m_mutex);
    if (generation != m_generation.load(std::memory_order_acquire))
        return; // this process changed something meanwhile: the next request reads the stamp again
    if (stamp != m_stamp) {
        // Another process changed something since the stamp was last read (or this is the first read).
        m_generation.fetch_add(1, std::memory_order_acq_rel);
        m_credentials.clear();
        m_users.clear();
        m_stamp = stamp;
    }
    m_stampAt.store(nowMs, std::memory_order_release);
}

std::shared_ptr<const CredentialRecord> AuthCache::credential(const QByteArray& digest, qint64 nowMs) const
{
    return find(m_credentials, digest, nowMs);
}

void AuthCache::putCredential(const QByteArray& digest, std::shared_ptr<const CredentialRecord> record, qint64 nowMs,
                              quint64 generation)
{
    put(m_credentials, digest, std::move(record), nowMs, generation);
}

std::shared_ptr<const QByteArray> AuthCache::userJson(const QString& id, qint64 nowMs) const
{
    return find(m_users, id, nowMs);
}

void AuthCache::putUserJson(const QString& id, std::shared_ptr<const QByteArray> json, qint64 nowMs, quint64 generation)
{
    put(m_users, id, std::move(json), nowMs, generation);
}

void AuthCache::invalidate(const QByteArray& newStamp)
{
    QMutexLocker lock(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_credentials.clear();
    m_users.clear();
    // Whatever is cached from now on was read after the change: the stamp it wrote describes it.
    if (!newStamp.isEmpty())
        m_stamp = newStamp;
}

void AuthCache::notified(const QByteArray& stamp)
{
    {
        QMutexLocker lock(&m_mutex);
        // m_stamp became this stamp after the change committed, and the cache was emptied then: what it holds
        // since was read after the change.
        if (!stamp.isEmpty() && stamp == m_stamp)
            return;
    }
    invalidate(stamp);
}

} // namespace td::server
