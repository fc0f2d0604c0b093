#pragma once

#include "Controller.h"

namespace td::server {

// What support staff and the console ask besides the credentials themselves: token introspection, the audit log,
// the scope catalog and the caller's tenants.
class SupportController final : public Controller
{
public:
    using Controller::Controller;

    Response introspect(Request& request, const Principal& principal);
    Response auditEvents(Request& request, const Principal& principal);
    Response scopes(Request& request, const Principal& principal);
    Response tenants(Request& request, const Principal& principal);
    // GET /api/v1/calendar.ics: one event per credential of the tenant that expires (RFC 5545).
    Response calendar(Request& request, const Principal& principal);
};

} // namespace td::server
