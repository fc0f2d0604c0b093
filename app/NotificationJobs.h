#pragma once

#include "ApiClient.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The jobs of Settings → Notifications: a tenant's notification endpoints and their deliveries (issue 15).
namespace td::app {

struct NotificationEndpointInfo
{
    QString id;
    QString name;
    QString urlHint; // the server never sends the whole URL back
    QString format;  // "json" | "slack"
    QStringList events;
    QList<int> expiringDays;
    QDateTime createdAt;
    QDateTime updatedAt;

    static std::optional<NotificationEndpointInfo> fromJson(const QJsonObject& object);
};

// What Add/Edit sends: on edit, an empty url keeps the stored one.
struct NotificationEndpointInput
{
    QString name;
    QString url;
    QString format = QStringLiteral("json");
    QStringList events;
    QList<int> expiringDays;
};

struct NotificationDeliveryInfo
{
    struct Attempt
    {
        QDateTime at;
        int statusCode = 0; // 0: no answer (error says why)
        QString error;
        qint64 durationMs = 0;
    };
    QString id;
    QString event;
    QDateTime createdAt;
    QString status; // "pending" | "delivered" | "failed"
    QDateTime nextAttemptAt;
    QDateTime deliveredAt;
    QString credentialId;
    QString credentialLabel; // "name (prefix…last4)", empty for a test
    QList<Attempt> attempts; // newest first
};

// GET /api/v1/notification-endpoints
class NotificationEndpointsJob final : public ApiJob
{
    Q_OBJECT
public:
    explicit NotificationEndpointsJob(ApiClient* client, QObject* parent = nullptr);
    const QList<NotificationEndpointInfo>& endpoints() const { return m_endpoints; }
    int limit() const { return m_limit; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/notification-endpoints"); }
    bool parse(const QJsonValue& data) override;

private:
    QList<NotificationEndpointInfo> m_endpoints;
    int m_limit = 0;
};

// POST (id empty) or PATCH …/{id}. A new endpoint's signing secret comes back once.
class SaveNotificationEndpointJob final : public ApiJob
{
    Q_OBJECT
public:
    SaveNotificationEndpointJob(ApiClient* client, QString id, NotificationEndpointInput input,
                                QObject* parent = nullptr);
    const NotificationEndpointInfo& endpoint() const { return m_endpoint; }
    const QByteArray& secret() const { return m_secret; }

protected:
    QByteArray method() const override { return m_id.isEmpty() ? "POST" : "PATCH"; }
    QString path() const override;
    QJsonObject body() const override;
    bool parse(const QJsonValue& data) override;

private:
    QString m_id;
    NotificationEndpointInput m_input;
    NotificationEndpointInfo m_endpoint;
    QByteArray m_secret;
};

// DELETE …/{id}, POST …/{id}/test, POST …/{id}/secret (a new signing secret, shown once).
class NotificationEndpointActionJob final : public ApiJob
{
    Q_OBJECT
public:
    enum class Action { Delete, Test, NewSecret };
    NotificationEndpointActionJob(ApiClient* client, QString id, Action action, QObject* parent = nullptr);
    const QByteArray& secret() const { return m_secret; }

protected:
    QByteArray method() const override { return m_action == Action::Delete ? "DELETE" : "POST"; }
    QString path() const override;
    bool hasBody() const override { return m_action != Action::Delete; }
    bool parse(const QJsonValue& data) override;

private:
    QString m_id;
    Action m_action;
    QByteArray m_secret;
};

// GET …/{id}/deliveries
class NotificationDeliveriesJob final : public ApiJob
{
    Q_OBJECT
public:
    NotificationDeliveriesJob(ApiClient* client, QString id, QObject* parent = nullptr);
    const QList<NotificationDeliveryInfo>& deliveries() const { return m_deliveries; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    bool parse(const QJsonValue& data) override;

private:
    QString m_id;
    QList<NotificationDeliveryInfo> m_deliveries;
};

} // namespace td::app
