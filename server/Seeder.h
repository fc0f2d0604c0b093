#pragma once

#include "ServerContext.h"
#include "Store.h"

#include <QString>

namespace td::server {

// --init: the first tenant and its admin.
bool initializeFirstAdmin(Store& store, const PasswordHasher& hasher, const QString& email, const QByteArray& password,
                          QString* error);

// --add-user: a user in a tenant (the tenant is created when absent).
bool addUserToTenant(Store& store, const PasswordHasher& hasher, const QString& email, const QString& username,
                     const QByteArray& password, const QString& tenantId, const QString& tenantName,
                     const QString& role, QString* error);

struct DemoLogin
{
    QString email;
    QString username;
    QString password;
};

// --demo: tenants acme and globex, an admin in both, a member, and keys in every state.
std::optional<DemoLogin> seedDemo(Store& store, ServerContext& context, QString* error);

} // namespace td::server
