#include "ServerContext.h"

#include <QMessageAuthenticationCode>

namespace td::server {

RateLimiter::Window& RateLimiter::window(const QString& key, int windowSeconds, qint64 nowMs)
{
    if (++m_operations % 1024 == 0 || m_events.size() > m_sweepAbove)
        sweep(nowMs);
    Window& w = m_events[key];
    w.windowMs = windowSeconds * 1000LL;
    const qint64 horizon = nowMs - w.windowMs;
    while (!w.events.empty() && w.events.front() <= horizon)
        w.events.pop_front();
    return w;
}

void RateLimiter::sweep(qint64 nowMs)
{
    for (auto it = m_events.begin(); it != m_events.end();) {
        const bool expired = it->events.empty() || it->events.back() <= nowMs - it->windowMs;
        it = expired ? m_events.erase(it) : std::next(it);
    }
    m_sweepAbove = std::max<qsizetype>(4096, m_events.size() * 2);
}

int RateLimiter::acquire(const QString& key, int limit, int windowSeconds, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    Window& w = window(key, windowSeconds, nowMs);
    if (int(w.events.size()) >= limit)
        return int(qMax<qint64>(1, (w.events.front() + w.windowMs - nowMs + 999) / 1000));
    w.events.push_back(nowMs);
    return 0;
}

void RateLimiter::hit(const QString& key, qint64 nowMs, int windowSeconds)
{
    QMutexLocker lock(&m_mutex);
    window(key, windowSeconds, nowMs).events.push_back(nowMs);
}

int RateLimiter::count(const QString& key, int windowSeconds, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (!m_events.contains(key))
        return 0;
    return int(window(key, windowSeconds, nowMs).events.size());
}

int RateLimiter::secondsUntilFree(const QString& key, int windowSeconds, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    const Window& w = window(key, windowSeconds, nowMs);
    return w.events.empty() ? 1 : int(qMax<qint64>(1, (w.events.front() + w.windowMs - nowMs + 999) / 1000));
}

void RateLimiter::clear(const QString& key)
{
    QMutexLocker lock(&m_mutex);
    m_events.remove(key);
}

int RateLimiter::keys()
{
    QMutexLocker lock(&m_mutex);
    return int(m_events.size());
}

bool RefusalThrottle::admit(const QString& key, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_windows.find(key);
    if (it != m_windows.end() && nowMs - it->start < WindowMs) {
        ++it->more;
        return false;
    }
    // A passed window with a count is left to takeEnded(); this refusal opens the next one.
    if (it != m_windows.end() && it->more > 0)
        m_windows.insert(key + u'#' + QString::number(it->start), *it);
    m_windows.insert(key, Window{nowMs, 0, {}, 0});
    return true;
}

void RefusalThrottle::written(const QString& key, qint64 rowId, const QString& detail)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_windows.find(key);
    if (it != m_windows.end()) {
        it->rowId = rowId;
        it->detail = detail;
    }
}

QList<RefusalThrottle::Ended> RefusalThrottle::takeEnded(qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    QList<Ended> ended;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (nowMs - it->start < WindowMs) {
            ++it;
            continue;
        }
        if (it->more > 0 && it->rowId > 0)
            ended.append({it->rowId, it->detail, it->more});
        it = m_windows.erase(it);
    }
    return ended;
}

int LoginsInFlight::enter(const QString& bucket)
{
    QMutexLocker lock(&m_mutex);
    return m_counts[bucket]++;
}

void LoginsInFlight::leave(const QString& bucket)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_counts.find(bucket);
    if (it != m_counts.end() && --*it <= 0)
        m_counts.erase(it);
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

void UsageRecorder::note(const QString& credentialId, qint64 at, const QString& ip, const QString& agent, bool draining)
{
    constexpr qint64 DayMs = 24LL * 3600 * 1000;
    Shard& sh = shard(credentialId);
    QMutexLocker lock(&sh.mutex);
    UsageUpdate& u = sh.pending[credentialId];
    if (at >= u.at) {
        u.at = at;
        u.ip = ip;
    }
    ++u.daily[at / DayMs];
    if (draining)
        ++u.drain[at / 60000];
    // Bounded between flushes too: a flood of addresses cannot grow this without limit.
    const auto seen = [at](QHash<QString, UsageSeen>& map, const QString& key, int most) {
        auto it = map.find(key);
        if (it == map.end()) {
            if (map.size() >= most) { // the least recently seen makes room, as in the store
                auto oldest = map.begin();
                for (auto o = map.begin(); o != map.end(); ++o) {
                    if (o->last < oldest->last)
                        oldest = o;
                }
                map.erase(oldest);
            }
            it = map.insert(key, {at, at, 0});
        }
        it->first = qMin(it->first, at);
        it->last = qMax(it->last, at);
        ++it->count;
    };
    seen(u.addresses, ip, UsageUpdate::MaxAddresses);
    if (!agent.isEmpty())
        seen(u.agents, agent.left(UsageUpdate::MaxAgentLength), UsageUpdate::MaxAgents);
}

void UsageRecorder::noteScope(const QString& credentialId, const QString& scope, qint64 at)
{
    Shard& sh = shard(credentialId);
    QMutexLocker lock(&sh.mutex);
    qint64& last = sh.pending[credentialId].scopes[scope];
    last = qMax(last, at);
}

void UsageRecorder::noteRefusal(const QString& credentialId, qint64 at)
{
    Shard& sh = shard(credentialId);
    QMutexLocker lock(&sh.mutex);
    ++sh.pending[credentialId].refused[at / (3600 * 1000)];
}

void UsageRecorder::restore(const QHash<QString, UsageUpdate>& updates)
{
    for (auto it = updates.cbegin(); it != updates.cend(); ++it) {
        Shard& sh = shard(it.key());
        QMutexLocker lock(&sh.mutex);
        sh.pending[it.key()].add(it.value());
    }
}

QHash<QString, UsageUpdate> UsageRecorder::take()
{
    QHash<QString, UsageUpdate> all;
    for (Shard& sh : m_shards) {
        QHash<QString, UsageUpdate> taken;
        {
            QMutexLocker lock(&sh.mutex);
            taken = std::exchange(sh.pending, {});
        }
        if (all.isEmpty())
            all = std::move(taken);
        else
            all.insert(taken);
    }
    return all;
}

std::optional<UsageUpdate> UsageRecorder::pending(const QString& credentialId)
{
    Shard& sh = shard(credentialId);
    QMutexLocker lock(&sh.mutex);
    const auto it = sh.pending.constFind(credentialId);
    if (it == sh.pending.cend())
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

QByteArray ServerContext::notificationSecret(const QByteArray& salt) const
{
    return "tdwh_" + digest(QByteArray("notification-endpoint:") + salt)
                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace td::server
