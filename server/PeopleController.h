#pragma once

#include "Controller.h"
#include "Validation.h"

#include <QObject>

namespace td::server {

// The people of a tenant (issue 17; DESIGN.md, "People"): members with their role, status, last sign-in and
// credentials owned; invitations with a one-time setup token (no admin ever chooses another person's password);
// role changes, disabling and removal, which end the person's sessions and stop (or revoke, by the tenant's
// setting) the UATs and private tokens that act for them.
class PeopleController final : public QObject, public Controller
{
    Q_OBJECT
public:
    static constexpr qint64 SetupLifetimeMs = 72LL * 3600 * 1000;
    static constexpr int MinPasswordLength = 12;

    PeopleController(ServerContext& context, Store& store, Authenticator& auth, QObject* parent = nullptr);

    Response list(Request& request, const Principal& p);
    Response get(Request& request, const Principal& p);
    Response invite(Request& request, const Principal& p);
    Response patch(Request& request, const Principal& p);
    Response remove(Request& request, const Principal& p);
    Response settings(Request& request, const Principal& p);
    Response patchSettings(Request& request, const Principal& p);
    void setup(Request& request, const Reply& reply); // POST /auth/setup: no credential, the setup token is one

private:
    QJsonObject memberJson(const MemberRecord& m) const;
    // The tenant's member with this id; nullopt with *refusal set to the answer (404, or the store's failure).
    std::optional<MemberRecord> member(const Principal& p, const QString& id, Response* refusal);
    // The changes that would lock the tenant out: the last enabled admin demoted, disabled or removed, or an admin
    // changing their own membership.
    std::optional<Response> lockout(const Principal& p, const QString& userId, bool losesAdmin);
    QJsonArray tokensOf(const QString& tenantId, const QString& userId, const QStringList& only = {});
};

} // namespace td::server
