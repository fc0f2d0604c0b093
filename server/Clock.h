#pragma once

#include <QDateTime>

#include <atomic>

namespace td::server {

// The server's notion of "now". Test builds can move it forward so that expiry is tested without sleeping.
class Clock final
{
public:
    static QDateTime now() { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    static qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch() + s_offsetMs.load(std::memory_order_relaxed); }
    static qint64 nowSecs() { return nowMs() / 1000; }
#ifdef TOKENDESK_TEST_HOOKS
    static void advance(qint64 ms)
    {
        s_offsetMs.fetch_add(ms, std::memory_order_relaxed);
    }
#endif

private:
    static inline std::atomic<qint64> s_offsetMs{0};
};

// A stored time (ms since the epoch, 0: none) as a QDateTime in UTC (invalid for 0).
inline QDateTime fromMs(qint64 ms)
{
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// The same as ISO 8601 with milliseconds ("2026-11-30T12:00:00.000Z"); empty for 0.
inline QString isoMs(qint64 ms)
{
    return fromMs(ms).toString(Qt::ISODateWithMs);
}

} // namespace td::server
