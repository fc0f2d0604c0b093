#pragma once

#include "Auth.h"
#include "AuthController.h"
#include "CredentialController.h"
#include "GatewayController.h"
#include "NotificationController.h"
#include "PeopleController.h"
#include "ResourceController.h"
#include "Router.h"
#include "ServerContext.h"
#include "Store.h"
#include "SupportController.h"

#include <QObject>

namespace td::server {

// The handlers of one worker thread: registerRoutes() is the one place that lists every route, each bound to the
// controller of its concern, behind the authentication and scope check of guarded().
class Api final : public QObject
{
    Q_OBJECT
public:
    Api(ServerContext& context, Store& store, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(Api)

    void registerRoutes(Router& router);
    void prepare(Request& request) const; // resolves the client address

private:
    enum class Dialect { V1, V2 };
    using Guarded = std::function<Response(Request&, const Principal&)>;
    // Authenticates, then checks the scope ("" = any valid credential). V2 answers in the UAT portal's shapes.
    Router::Handler guarded(const QString& scope, Guarded handler, Dialect dialect = Dialect::V1);
    // A route of a person's tokens (UATs, private tokens): admins reach all of the tenant's; a signed-in person
    // without admin only their own (byId: the {id} must be theirs, else 404); a token without admin nothing.
    Guarded people(const QString& kind, Guarded handler, bool byId);

    ServerContext& m_context;
    Store& m_store;
    Authenticator m_auth;
    AuthController m_authController;
    CredentialController m_credentials;
    SupportController m_support;
    GatewayController m_gateway;
    ResourceController m_resources;
    NotificationController m_notifications;
    PeopleController m_people;
};

} // namespace td::server
