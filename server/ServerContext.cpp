#include "ServerContext.h"

#include <QMessageAuthenticationCode>

namespace td::server {

int RateLimiter::retryAfter(const QString& key, int limit, int windowSeconds, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_events.find(key);
    if (it == m_events.end())
        return 0;
    prune(*it, nowMs, windowSeconds);
    if (int(it->size()) < limit)
        return 0;
    const qint64 oldest = it->front();
    return int(qMax<qint64>(1, (oldest + windowSeconds * 1000LL - nowMs + 999) / 1000));
}

int RateLimiter::acquire(const QString& key, int limit, int windowSeconds, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    auto& events = m_events[key];
    prune(events, nowMs, windowSeconds);
    if (int(events.size()) >= limit)
        return int(qMax<qint64>(1, (events.front() + windowSeconds * 1000LL - nowMs + 999) / 1000));
    events.push_back(nowMs);
    return 0;
}

void RateLimiter::hit(const QString& key, qint64 nowMs, int windowSeconds)
{
    QMutexLocker lock(&m_mutex);
    auto& events = m_events[key];
    prune(events, nowMs, windowSeconds);
    events.push_back(nowMs);
    // Bound memory under a flood of distinct keys: drop keys whose window has passed.
    if (m_events.size() > 100000) {
        for (auto i = m_events.begin(); i != m_events.end();) {
            prune(*i, nowMs, windowSeconds);
            i = i->empty() ? m_events.erase(i) : std::next(i);
        }
    }
}

void RateLimiter::clear(const QString& key)
{
    QMutexLocker lock(&m_mutex);
    m_events.remove(key);
}

void RateLimiter::prune(std::deque<qint64>& events, qint64 nowMs, int windowSeconds)
{
    const qint64 horizon = nowMs - windowSeconds * 1000LL;
    while (!events.empty() && events.front() <= horizon)
        events.pop_front();
}

QString clientBucket(const QHostAddress& address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4); // also IPv4-mapped IPv6
    if (v4)
        return QHostAddress(ip4).toString();
    Q_IPV6ADDR ip6 = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        ip6[i] = 0;
    return QHostAddress(ip6).toString() + QStringLiteral("/64");
}

bool ClientConnections::acquire(const QString& bucket)
{
    if (m_limit <= 0)
        return true;
    QMutexLocker lock(&m_mutex);
    int& open = m_open[bucket];
    if (open >= m_limit)
        return false;
    ++open;
    return true;
}

void ClientConnections::release(const QString& bucket)
{
    if (m_limit <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    const auto it = m_open.find(bucket);
    if (it != m_open.end() && --*it <= 0)
        m_open.erase(it);
}

bool BodyBudget::reserve(qint64 bytes)
{
    qint64 used = m_used.load(std::memory_order_relaxed);
    do {
        if (used + bytes > m_limit)
            return false;
    } while (!m_used.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
    return true;
}

void UsageRecorder::note(const QString& credentialId, qint64 at, const QString& ip)
{
    QMutexLocker lock(&m_mutex);
    m_pending.insert(credentialId, {at, ip});
}

QHash<QString, UsageUpdate> UsageRecorder::take()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_pending, {});
}

std::optional<UsageUpdate> UsageRecorder::pending(const QString& credentialId)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_pending.constFind(credentialId);
    if (it == m_pending.cend())
        return std::nullopt;
    return *it;
}

QByteArray ServerContext::digest(const QByteArray& token) const
{
    QByteArray mac = m_pepper.mac(token);
    if (mac.isEmpty()) // OpenSSL failed: Qt's own implementation gives the same bytes
        mac = QMessageAuthenticationCode::hash(token, keys.pepper, QCryptographicHash::Sha256);
    return mac;
}

} // namespace td::server
