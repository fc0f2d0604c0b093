#include "AuthCache.h"

namespace td::server {

AuthCache::AuthCache(qint64 ttlMs, int maxEntries)
    : m_ttlMs(ttlMs)
    , m_maxEntries(maxEntries)
{}

std::shared_ptr<const CredentialRecord> AuthCache::credential(const QByteArray& digest, qint64 nowMs) const
{
    if (!enabled())
        return {};
    QMutexLocker lock(&m_mutex);
    const auto it = m_credentials.constFind(digest);
    if (it == m_credentials.cend() || nowMs - it->fetchedAt >= m_ttlMs || nowMs < it->fetchedAt)
        return {};
    return it->value;
}

void AuthCache::putCredential(const QByteArray& digest, std::shared_ptr<const CredentialRecord> record, qint64 nowMs,
                              quint64 generation)
{
    if (!enabled() || !record)
        return;
    QMutexLocker lock(&m_mutex);
    if (generation != m_generation.load(std::memory_order_acquire))
        return; // a change happened while this was read: it may be stale
    if (m_credentials.size() >= m_maxEntries)
        m_credentials.clear(); // bounded: many distinct keys only cost look-ups again
    m_credentials.insert(digest, {std::move(record), nowMs});
}

std::shared_ptr<const QByteArray> AuthCache::userJson(const QString& id, qint64 nowMs) const
{
    if (!enabled())
        return {};
    QMutexLocker lock(&m_mutex);
    const auto it = m_users.constFind(id);
    if (it == m_users.cend() || nowMs - it->fetchedAt >= m_ttlMs || nowMs < it->fetchedAt)
        return {};
    return it->value;
}

void AuthCache::putUserJson(const QString& id, std::shared_ptr<const QByteArray> user, qint64 nowMs, quint64 generation)
{
    if (!enabled() || !user)
        return;
    QMutexLocker lock(&m_mutex);
    if (generation != m_generation.load(std::memory_order_acquire))
        return;
    if (m_users.size() >= m_maxEntries)
        m_users.clear();
    m_users.insert(id, {std::move(user), nowMs});
}

void AuthCache::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_credentials.clear();
    m_users.clear();
}

} // namespace td::server
