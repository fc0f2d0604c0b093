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
    if (it == map.cend() || nowMs - it->fetchedAt >= m_ttlMs || nowMs < it->fetchedAt)
        return {};
    return it->value;
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

void AuthCache::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_credentials.clear();
    m_users.clear();
}

} // namespace td::server
