#include "Api.h"

#include "Clock.h"
#include "Text.h"
#include "protocol/CredentialKind.h"
#include "protocol/Scopes.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

Api::Api(ServerContext& context, Store& store, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_store(store)
    , m_auth(context, store)
    , m_authController(context, store, m_auth)
    , m_credentials(context, store, m_auth)
    , m_support(context, store, m_auth)
    , m_gateway(context, store, m_auth)
    , m_resources(context, store, m_auth)
    , m_notifications(context, store, m_auth)
    , m_people(context, store, m_auth)
{}

void Api::prepare(Request& request) const
{
    request.client = m_auth.clientAddress(request);
    m_store.reconnectIfLost(); // PostgreSQL restarted: back as soon as it is (a failed try answers 503)
}

Api::Guarded Api::people(const QString& kind, Guarded handler, bool byId)
{
    return [this, kind, handler = std::move(handler), byId](Request& request, const Principal& p) -> Response {
        if (p.hasScope(QLatin1String(AdminScope)))
            return handler(request, p);
        // A person signed in. A token without admin does not manage tokens, not even its owner's: managing them
        // is none of the rights it was given (an API key, besides, acts for nobody).
        if (!p.isSession()) {
            return Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                   tr("This credential lacks the scope \"%1\".").arg(QLatin1String(AdminScope)),
                                   {{u"required"_s, QLatin1String(AdminScope)}});
        }
        if (byId) {
            // Another person's token is not there for this one: 404, as for another tenant's.
            const auto record = m_store.credential(p.tenantId, kind, request.params.value(u"id"_s));
            if (record.isFailed())
                return Response::error(500, QLatin1String(ErrorCode::InternalError),
                                       tr("The server could not complete the request; nothing was changed. Try "
                                          "again."));
            if (!record || record->createdBy != u"user:"_s + p.userId)
                return Response::error(404, QLatin1String(ErrorCode::NotFound),
                                       tr("No such credential in this tenant."));
        }
        return handler(request, p);
    };
}

Router::Handler Api::guarded(const QString& scope, Guarded handler, Dialect dialect)
{
    return [this, scope, handler = std::move(handler), dialect](Request& request, const Reply& reply) {
        AuthResult result = m_auth.authenticate(request);
        if (!result.principal) {
            if (dialect == Dialect::V2 && result.error.status == 401) {
                // The UAT portal's shape (Django REST framework).
                const bool missing = !request.hasHeader("authorization") && !request.hasHeader("x-api-key");
                reply(Response::json(
                          401, missing ? QJsonObject{{u"detail"_s, u"Authentication credentials were not provided."_s}}
                                       : QJsonObject{{u"detail"_s, u"Given token not valid for any token type"_s},
                                                     {u"code"_s, u"token_not_valid"_s}})
                          .withHeader("WWW-Authenticate", "JWT realm=\"api\""));
            } else if (dialect == Dialect::V2) {
                Response v2 =
                    Response::json(result.error.status, {{u"detail"_s, QJsonDocument::fromJson(result.error.body)
                                                                           .object()
                                                                           .value(u"error"_s)
                                                                           .toObject()
                                                                           .value(u"message"_s)}});
                v2.headers = result.error.headers; // Retry-After of a 503, for one
                reply(v2);
            } else {
                reply(result.error);
            }
            return;
        }
        const bool held = scope.isEmpty() || result.principal->hasScope(scope);
        m_auth.noteScope(request, *result.principal, scope, held);
        Response response =
            held ? handler(request, *result.principal)
            : dialect == Dialect::V2
                ? Response::json(403, {{u"detail"_s, u"You do not have permission to perform this action."_s}})
                : Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                  tr("This credential lacks the scope \"%1\".").arg(scope), {{u"required"_s, scope}});
        addRateLimitHeaders(response, result.principal->rate);
        reply(response);
    };
}

void Api::registerRoutes(Router& router)
{
    const QString v1 = u"/api/v1"_s;
    router.add("POST", v1 + u"/auth/login"_s,
               [this](Request& r, const Reply& reply) { m_authController.login(r, reply); });
    router.add("POST", v1 + u"/auth/refresh"_s,
               [this](Request& r, const Reply& reply) { reply(m_authController.refresh(r)); });
    router.add("POST", v1 + u"/auth/logout"_s,
               [this](Request& r, const Reply& reply) { reply(m_authController.logout(r)); });
    router.add("GET", v1 + u"/me"_s,
               guarded({}, [this](Request& r, const Principal& p) { return m_authController.me(r, p); }));
    router.add("GET", v1 + u"/scopes"_s,
               guarded({}, [this](Request& r, const Principal& p) { return m_support.scopes(r, p); }));
    router.add("GET", v1 + u"/tenants"_s,
               guarded({}, [this](Request& r, const Principal& p) { return m_support.tenants(r, p); }));

    const QString admin = QLatin1String(AdminScope);
    // A handler of controller bound to one kind (of credential or resource).
    auto bind = [](auto* controller, auto fn, const QString& kind) {
        return [controller, fn, kind](Request& r, const Principal& p) {
            return (controller->*fn)(r, p, kind);
        };
    };
    CredentialController* credentials = &m_credentials;
    for (const CredentialKindInfo& k : credentialKinds()) {
        const QString base = k.path();
        // API keys belong to the tenant: admins only. UATs and private tokens belong to a person (issue 17): an
        // admin reaches all of the tenant's, anyone else only their own (people()).
        const bool personal = k.kind != CredentialKind::ApiKey;
        const QString need = personal ? QString() : admin;
        const auto route = [&](const char* method, const QString& path, Guarded handler, bool byId) {
            router.add(method, path, guarded(need, personal ? people(k.wireName, std::move(handler), byId) : handler));
        };
        route(
            "GET", base,
            [credentials, wire = k.wireName](Request& r, const Principal& p) { return credentials->list(r, p, wire); },
            false);
        route("POST", base, bind(credentials, &CredentialController::create, k.wireName), false);
        route("POST", base + u"/revoke"_s, bind(credentials, &CredentialController::bulkRevoke, k.wireName), false);
        route("GET", base + u"/{id}"_s, bind(credentials, &CredentialController::get, k.wireName), true);
        route("GET", base + u"/{id}/usage"_s, bind(credentials, &CredentialController::usage, k.wireName), true);
        route("PATCH", base + u"/{id}"_s, bind(credentials, &CredentialController::patch, k.wireName), true);
        route("POST", base + u"/{id}/revoke"_s, bind(credentials, &CredentialController::revoke, k.wireName), true);
        route("POST", base + u"/{id}/rotate"_s, bind(credentials, &CredentialController::rotate, k.wireName), true);
        route("POST", base + u"/{id}/grace"_s, bind(credentials, &CredentialController::grace, k.wireName), true);
        for (const bool suspended : {true, false}) {
            route(
                "POST", base + (suspended ? u"/{id}/suspend"_s : u"/{id}/resume"_s),
                [credentials, wire = k.wireName, suspended](Request& r, const Principal& p) {
                    return credentials->suspend(r, p, wire, suspended);
                },
                true);
        }
        if (personal) {
            // The portal's "me" section: one's own, for admins too.
            router.add("GET", v1 + u"/me/"_s + k.pathSegment,
                       guarded({}, people(
                                       k.wireName,
                                       [credentials, wire = k.wireName](Request& r, const Principal& p) {
                                           return credentials->list(r, p, wire, true);
                                       },
                                       false)));
        }
    }
    // People (issue 17).
    PeopleController* people = &m_people;
    const auto person = [&](const char* method, const QString& path,
                            Response (PeopleController::*handler)(Request&, const Principal&)) {
        router.add(method, path, guarded(admin, [people, handler](Request& r, const Principal& p) {
                       return (people->*handler)(r, p);
                   }));
    };
    person("GET", v1 + u"/users"_s, &PeopleController::list);
    person("POST", v1 + u"/users"_s, &PeopleController::invite);
    person("GET", v1 + u"/users/{id}"_s, &PeopleController::get);
    person("PATCH", v1 + u"/users/{id}"_s, &PeopleController::patch);
    person("DELETE", v1 + u"/users/{id}/membership"_s, &PeopleController::remove);
    person("GET", v1 + u"/tenant-settings"_s, &PeopleController::settings);
    person("PATCH", v1 + u"/tenant-settings"_s, &PeopleController::patchSettings);
    router.add("POST", v1 + u"/auth/setup"_s, [people](Request& r, const Reply& reply) { people->setup(r, reply); });
    router.add("GET", v1 + u"/findings"_s,
               guarded(admin, [this](Request& r, const Principal& p) { return m_credentials.findings(r, p); }));
    // Notification endpoints and their deliveries (issue 15).
    NotificationController* notifications = &m_notifications;
    const QString endpoints = v1 + u"/notification-endpoints"_s;
    const auto notify = [&](const char* method, const QString& path,
                            Response (NotificationController::*handler)(Request&, const Principal&)) {
        router.add(method, path, guarded(admin, [notifications, handler](Request& r, const Principal& p) {
                       return (notifications->*handler)(r, p);
                   }));
    };
    notify("GET", endpoints, &NotificationController::list);
    notify("POST", endpoints, &NotificationController::create);
    notify("GET", endpoints + u"/{id}"_s, &NotificationController::get);
    notify("PATCH", endpoints + u"/{id}"_s, &NotificationController::patch);
    notify("DELETE", endpoints + u"/{id}"_s, &NotificationController::remove);
    notify("POST", endpoints + u"/{id}/secret"_s, &NotificationController::rotateSecret);
    notify("POST", endpoints + u"/{id}/test"_s, &NotificationController::test);
    notify("GET", endpoints + u"/{id}/deliveries"_s, &NotificationController::deliveries);
    router.add("GET", v1 + u"/limits"_s,
               guarded({}, [this](Request& r, const Principal& p) { return m_credentials.limits(r, p); }));
    router.add("POST", v1 + u"/tokens/introspect"_s,
               guarded(admin, [this](Request& r, const Principal& p) { return m_support.introspect(r, p); }));
    // The authorisation service of the company's own APIs (forward-auth, RFC 7662), issue 13.
    for (const QByteArray method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
        for (const QString& path : {QString(v1 + u"/authz"_s), QString(v1 + u"/authz/{*path}"_s)})
            router.add(method, path, [this](Request& r, const Reply& reply) { reply(m_gateway.authz(r)); });
    }
    router.add("POST", u"/oauth2/introspect"_s,
               guarded(u"introspect"_s, [this](Request& r, const Principal& p) { return m_gateway.introspect(r, p); }));
    // The expiry calendar: calendar clients that only take a URL give the feed key as ?feed= (the one place a
    // credential may travel in a query, and only one that can read the calendar and nothing else).
    router.add("GET", v1 + u"/calendar.ics"_s,
               [calendar = guarded(u"calendar:read"_s, [this](Request& r, const Principal& p) {
                    return m_support.calendar(r, p);
                })](Request& r, const Reply& reply) {
                   if (r.query.hasQueryItem(u"feed"_s)) {
                       r.headers.insert("x-api-key", r.query.queryItemValue(u"feed"_s, QUrl::FullyDecoded).toLatin1());
                       r.query.removeAllQueryItems(u"feed"_s);
                       r.params.insert(u"viaFeed"_s, u"1"_s);
                   }
                   calendar(r, reply);
               });
    router.add("GET", v1 + u"/audit-events"_s,
               guarded(admin, [this](Request& r, const Principal& p) { return m_support.auditEvents(r, p); }));

    // The dialects of the source documents (API.md §4).
    router.add("POST", u"/auth/login"_s,
               [this](Request& r, const Reply& reply) { m_authController.b2bLogin(r, reply); });
    router.add("POST", u"/api/v2/auth/jwt/"_s,
               [this](Request& r, const Reply& reply) { m_authController.v2JwtLogin(r, reply); });
    router.add("GET", u"/api/v2/me/"_s,
               guarded(
                   {}, [this](Request& r, const Principal& p) { return m_authController.v2Me(r, p); }, Dialect::V2));
    // Resources guarded by each UAT permission, so that permissions can be seen to work.
    const struct
    {
        QByteArray method;
        QString path;
        QString permission;
        QString kind;
        int status;
    } v2Resources[] = {
        {"GET", u"/api/v2/brands/"_s, {}, u"brands"_s, 200},
        {"POST", u"/api/v2/brands/"_s, u"brand_create"_s, u"brands"_s, 201},
        {"POST", u"/api/v2/products/"_s, u"product_create"_s, u"v2products"_s, 201},
        {"GET", u"/api/v2/scans/"_s, u"scans_download"_s, u"scans"_s, 200},
        {"POST", u"/api/v2/scm/bulk-edit/"_s, u"scm_bulk_edit"_s, u"scm_edits"_s, 201},
        {"POST", u"/api/v2/scm/codes/"_s, u"scm_code_edit"_s, u"scm_codes"_s, 201},
    };
    for (const auto& v : v2Resources) {
        const QString kind = v.kind;
        const int status = v.status;
        router.add(
            v.method, v.path,
            guarded(
                v.permission,
                [this, kind, status](Request& r, const Principal& p) { return m_resources.v2(r, p, kind, status); },
                Dialect::V2));
    }

    ResourceController* resources = &m_resources;
    for (const QString& kind : {u"products"_s, u"orders"_s, u"inventory"_s}) {
        router.add("GET", v1 + u'/' + kind,
                   guarded(u"read:"_s + kind, bind(resources, &ResourceController::list, kind)));
        router.add("POST", v1 + u'/' + kind,
                   guarded(u"write:"_s + kind, bind(resources, &ResourceController::create, kind)));
    }

#ifdef TOKENDESK_TEST_HOOKS
    // Test builds only: move the server's clock forward so that expiry is tested without sleeping.
    router.add("POST", v1 + u"/_test/clock"_s, [](Request& r, const Reply& reply) {
        Response error;
        const auto body = jsonBody(r, &error);
        if (!body) {
            reply(error);
            return;
        }
        Clock::advance(qint64(body->value(u"advanceSeconds"_s).toDouble() * 1000));
        reply(Response::ok(QJsonObject{{u"now"_s, toIso(Clock::now())}}));
    });
    // Test builds only: sizes of what must stay bounded.
    router.add("GET", v1 + u"/_test/stats"_s, [this](Request&, const Reply& reply) {
        reply(Response::ok(QJsonObject{{u"rateLimiterKeys"_s, m_context.limiter.keys()},
                                       {u"bodyMemory"_s, double(m_context.bodyBudget.used())}}));
    });
#endif
}

} // namespace td::server
