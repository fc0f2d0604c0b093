#include "Notifier.h"

#include "Clock.h"
#include "Log.h"
#include "Text.h"
#include "protocol/CredentialKind.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr qint64 MaxResponseBytes = 64 * 1024; // read and dropped; a receiver that sends more is cut off
constexpr qint64 KeepFinishedMs = 30 * DayMs;  // delivered and failed deliveries are listed this long

// What went wrong, in words that never repeat the endpoint's URL (a Slack webhook's path is its secret).
QString networkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused"_s;
    case QNetworkReply::RemoteHostClosedError:
        return u"connection closed by the receiver"_s;
    case QNetworkReply::HostNotFoundError:
        return u"host not found"_s;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return u"timed out"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS handshake failed (certificate not trusted?)"_s;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return u"network unreachable"_s;
    default:
        return u"network error %1"_s.arg(int(error));
    }
}

QString when(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s : iso;
}

// One sentence about the event, without links, for chat channels.
QString slackText(const QJsonObject& event)
{
    const QString type = event.value(u"type"_s).toString();
    const QJsonObject c = event.value(u"credential"_s).toObject();
    const protocol::CredentialKindInfo* kind = protocol::kindByWireName(c.value(u"kind"_s).toString());
    const QString what = u"%1 \"%2\" (%3…%4)"_s.arg(
        kind ? QString::fromUtf8(kind->names.standalone.source) : c.value(u"kind"_s).toString(),
        c.value(u"name"_s).toString(), c.value(u"prefix"_s).toString(), c.value(u"last4"_s).toString());
    const QString expiresAt = when(c.value(u"expiresAt"_s).toString());
    if (type == u"credential.expiring"_s) {
        const int days = event.value(u"daysLeft"_s).toInt();
        return u"%1 expires in %2 %3, on %4."_s.arg(what).arg(days).arg(days == 1 ? u"day"_s : u"days"_s, expiresAt);
    }
    if (type == u"credential.expired"_s)
        return u"%1 expired on %2."_s.arg(what, expiresAt);
    if (type == u"credential.revoked"_s)
        return u"%1 was revoked."_s.arg(what);
    if (type == u"credential.rotated"_s)
        return u"%1 was rotated; the old secret keeps working until %2."_s.arg(
            what, when(event.value(u"graceEndsAt"_s).toString()));
    if (type == u"credential.refused_spike"_s)
        return u"%1 was refused %2 times in the last 24 hours."_s.arg(what).arg(event.value(u"refusals"_s).toInteger());
    if (type == u"notification.test"_s)
        return u"Test notification from TokenDesk for the endpoint \"%1\"."_s.arg(
            event.value(u"endpoint"_s).toObject().value(u"name"_s).toString());
    return type;
}

} // namespace

Notifier::Notifier(ServerContext& context)
    : m_context(context)
{}

Notifier::~Notifier() = default;

QByteArray Notifier::body(const QByteArray& payload, const QString& format)
{
    if (format != u"slack"_s)
        return payload;
    const QJsonObject event = QJsonDocument::fromJson(payload).object();
    return QJsonDocument(QJsonObject{{u"text"_s, slackText(event)}}).toJson(QJsonDocument::Compact);
}

QByteArray Notifier::signature(const QByteArray& secret, qint64 unixSeconds, const QByteArray& body)
{
    const QByteArray t = QByteArray::number(unixSeconds);
    return "t=" + t +
           ",v1=" + QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256).toHex();
}

qint64 Notifier::retryDelayMs(int attempts)
{
    return qMin<qint64>(30 * 1000LL << qMin(attempts - 1, 10), 3600 * 1000LL);
}

bool Notifier::start(QString* error)
{
    auto store = std::make_unique<Store>(u"notifications"_s);
    if (!store->open(m_context.config.databasePath, error))
        return false;
    if (store->dialect() == Store::Dialect::SQLite && !store->releaseDeliveryLeases()) {
        *error = store->lastError();
        return false;
    }
    m_store = std::move(store);
    m_network = new QNetworkAccessManager(this);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a redirect is an answer, not followed
    m_network->setStrictTransportSecurityEnabled(false);
    m_timer = new QTimer(this);
    m_timer->setInterval(m_context.config.notificationPollMs);
    connect(m_timer, &QTimer::timeout, this, &Notifier::tick);
    m_timer->start();
    QTimer::singleShot(0, this, &Notifier::tick);
    return true;
}

void Notifier::stop()
{
    if (!m_store)
        return;
    delete m_timer;
    m_timer = nullptr;
    // Replies still open are dropped unrecorded: their leases run out and they are sent again (at least once).
    const auto replies = m_network->findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
    delete m_network;
    m_network = nullptr;
    m_store.reset();
}

void Notifier::tick()
{
    if (!m_store)
        return;
    m_store->reconnectIfLost();
    const qint64 now = Clock::nowMs();
    if (m_lastScan == 0 || now - m_lastScan >= m_context.config.notificationScanMs || now < m_lastScan) {
        m_lastScan = now;
        const auto queued = m_store->scheduleNotifications(now);
        if (!queued)
            qCWarning(lcStore) << "could not queue the time-based notifications; will try again";
        else if (*queued > 0)
            qCInfo(lcStore) << "queued" << *queued << "notification(s)";
    }
    if (now - m_lastPrune >= DayMs) {
        m_lastPrune = now;
        if (m_store->pruneDeliveries(now - KeepFinishedMs) < 0)
            m_lastPrune = 0;
    }
    const int free = MaxInFlight - m_inFlight;
    if (free <= 0)
        return;
    // The lease outlasts the attempt: no other instance takes a delivery while this one may still be sending it.
    const auto claimed = m_store->claimDeliveries(now, TimeoutMs + 20 * 1000, free);
    if (!claimed) {
        qCWarning(lcStore) << "could not read the notification outbox; will try again";
        return;
    }
    for (const auto& [delivery, endpoint] : *claimed)
        send(delivery, endpoint);
}

void Notifier::send(const Delivery& delivery, const NotificationEndpoint& endpoint)
{
    const QByteArray payload = body(delivery.payload, endpoint.format);
    QNetworkRequest request{QUrl(endpoint.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(QByteArray("TokenDesk-Notifications/") +
                                                                   QCoreApplication::applicationVersion().toLatin1()));
    request.setRawHeader("X-TokenDesk-Delivery", delivery.id.toUtf8());
    request.setRawHeader("X-TokenDesk-Event", delivery.event.toUtf8());
    request.setRawHeader("X-TokenDesk-Signature",
                         signature(m_context.notificationSecret(endpoint.salt), Clock::nowSecs(), payload));
    request.setTransferTimeout(TimeoutMs);
    if (!m_context.config.notificationCas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_context.config.notificationCas);
        request.setSslConfiguration(tls);
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    ++m_inFlight;
    QNetworkReply* reply = m_network->post(request, payload);
    auto* timer = new QElapsedTimer;
    timer->start();
    auto received = std::make_shared<qint64>(0);
    connect(reply, &QNetworkReply::readyRead, this, [reply, received] {
        *received += reply->readAll().size(); // only the status matters
        if (*received > MaxResponseBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer, delivery, received] {
        reply->deleteLater();
        --m_inFlight;
        const qint64 elapsed = timer->elapsed();
        delete timer;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        DeliveryAttempt attempt{Clock::nowMs(), status, {}, elapsed};
        const bool ok = status >= 200 && status < 300 && reply->error() == QNetworkReply::NoError;
        if (!ok) {
            if (status >= 300 && status < 400)
                attempt.error = u"redirect not followed"_s;
            else if (status == 0 || *received > MaxResponseBytes)
                attempt.error = *received > MaxResponseBytes ? u"response too large"_s : networkError(reply->error());
        }
        const int attempts = delivery.attempts + 1;
        const qint64 next = attempt.at + retryDelayMs(attempts);
        const QString state = ok ? u"delivered"_s : next > delivery.createdAt + RetryForMs ? u"failed"_s : u"pending"_s;
        if (!m_store->finishDelivery(delivery.id, attempt, state, next))
            qCWarning(lcStore) << "could not record a notification attempt; the delivery will be tried again";
        else if (state == u"failed"_s)
            qCWarning(lcStore).noquote() << u"gave up delivering %1 after %2 attempts"_s.arg(delivery.id).arg(attempts);
        QTimer::singleShot(0, this, &Notifier::tick); // a freed slot takes the next due delivery at once
    });
}

} // namespace td::server
