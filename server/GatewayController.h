#pragma once

#include "Controller.h"

namespace td::server {

// TokenDesk as the authorisation service of a company's own APIs (issue 13): forward-auth for gateways (nginx
// auth_request, Traefik ForwardAuth, Envoy's HTTP ext_authz) and token introspection per RFC 7662.
class GatewayController final : public Controller
{
public:
    using Controller::Controller;

    // Any method on /api/v1/authz (nginx, Traefik: the original request in X-Original-* / X-Forwarded-* headers) or
    // /api/v1/authz/{*path} (Envoy: the original method and path after the prefix). 204 with X-TokenDesk-* headers
    // for the upstream, or the refusal (401, 403, 429, 503) with the JSON error.
    Response authz(Request& request);
    // POST /oauth2/introspect, for an API key holding "introspect".
    Response introspect(Request& request, const Principal& principal);
};

} // namespace td::server
