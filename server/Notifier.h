#pragma once

#include "ServerContext.h"
#include "Store.h"

#include <QByteArray>
#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace td::server {

// Delivers the notification outbox (issue 15; DESIGN.md, "Notifications"), on a thread and a database connection
// of its own: queues the time-based events (expiring, expired, refused spikes) every scan, claims due deliveries
// under a lease, posts each to its endpoint with a timeout, and records the attempt. A failed attempt is retried
// with exponential back-off for a day, then the delivery is marked failed. At least once: a delivery is recorded
// after its endpoint answered, so one that was sent when the process died is sent again, with the same
// X-TokenDesk-Delivery (its idempotency key) for the receiver to recognise.
class Notifier final : public QObject
{
public:
    static constexpr int TimeoutMs = 10 * 1000;
    static constexpr qint64 RetryForMs = 24LL * 3600 * 1000;
    static constexpr int MaxInFlight = 8;

    explicit Notifier(ServerContext& context);
    ~Notifier() override;

    // Run in the notifier's thread.
    bool start(QString* error);
    void stop();

    // What an endpoint receives: the event itself (json), or {"text": …} for a Slack incoming webhook (slack).
    static QByteArray body(const QByteArray& payload, const QString& format);
    // X-TokenDesk-Signature: "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>".
    static QByteArray signature(const QByteArray& secret, qint64 unixSeconds, const QByteArray& body);
    // The wait before the next attempt after `attempts` failed ones: 30 s doubling, at most an hour.
    static qint64 retryDelayMs(int attempts);

private:
    void tick();
    void send(const Delivery& delivery, const NotificationEndpoint& endpoint);

    ServerContext& m_context;
    std::unique_ptr<Store> m_store;
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_timer = nullptr;
    int m_inFlight = 0;
    qint64 m_lastScan = 0;
    qint64 m_lastPrune = 0;
};

} // namespace td::server
