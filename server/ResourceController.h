#pragma once

#include "Controller.h"

namespace td::server {

// The demo resources guarded by scopes (/api/v1/products, orders, inventory) and UAT permissions (/api/v2/…), so
// that scopes and permissions can be seen to work.
class ResourceController final : public Controller
{
public:
    using Controller::Controller;

    Response list(Request& request, const Principal& principal, const QString& kind);
    Response create(Request& request, const Principal& principal, const QString& kind);
    // The UAT portal's shape: the created or listed record bare, with status.
    Response v2(Request& request, const Principal& principal, const QString& kind, int status);
};

} // namespace td::server
