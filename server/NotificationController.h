#pragma once

#include "Controller.h"
#include "Validation.h"

namespace td::server {

// Notification endpoints of a tenant (admin only): where events about its credentials are posted, each signed
// with the endpoint's secret; and their deliveries (issue 15; DESIGN.md, "Notifications").
class NotificationController final : public Controller
{
public:
    using Controller::Controller;

    Response list(Request& request, const Principal& p);
    Response create(Request& request, const Principal& p);
    Response get(Request& request, const Principal& p);
    Response patch(Request& request, const Principal& p);
    Response remove(Request& request, const Principal& p);
    Response rotateSecret(Request& request, const Principal& p); // a new signing secret, shown once
    Response test(Request& request, const Principal& p);         // queues a notification.test delivery
    Response deliveries(Request& request, const Principal& p);

    static const QStringList& eventNames();
    static const QList<int>& expiringDays(); // 30, 14, 7, 1

private:
    Response missing(bool readFailed);
    QJsonObject endpointJson(const NotificationEndpoint& endpoint) const;
    // The fields of a POST (all required but name's default) or PATCH (only those given) into endpoint.
    void readFields(const QJsonObject& body, NotificationEndpoint& endpoint, bool creating, FieldErrors& errors);
};

} // namespace td::server
