#include "PeopleController.h"

#include "Clock.h"
#include "Text.h"
#include "protocol/CredentialKind.h"
#include "protocol/Scopes.h"
#include "protocol/Token.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

QJsonValue isoOrNull(qint64 ms)
{
    return ms == 0 ? QJsonValue() : QJsonValue(isoMs(ms));
}

QStringList idsOf(const QJsonArray& tokens)
{
    QStringList ids;
    for (const QJsonValue& t : tokens)
        ids.append(t.toObject().value(u"id"_s).toString());
    return ids;
}

Response notFound()
{
    return Response::error(404, QLatin1String(ErrorCode::NotFound), tr("No such person in this tenant."));
}

} // namespace

PeopleController::PeopleController(ServerContext& context, Store& store, Authenticator& auth, QObject* parent)
    : QObject(parent)
    , Controller(context, store, auth)
{}

std::optional<MemberRecord> PeopleController::member(const Principal& p, const QString& id, Response* refusal)
{
    const auto members = m_store.members(p.tenantId, id);
    if (!members || members->isEmpty()) {
        *refusal = members ? notFound() : storeFailure();
        return std::nullopt;
    }
    return members->constFirst();
}

QJsonObject PeopleController::memberJson(const MemberRecord& m) const
{
    return QJsonObject{{u"id"_s, m.user.id},
                       {u"email"_s, m.user.email},
                       {u"username"_s, m.user.username.isEmpty() ? QJsonValue() : QJsonValue(m.user.username)},
                       {u"displayName"_s, m.user.displayName},
                       {u"role"_s, m.role},
                       {u"status"_s, m.disabledAt != 0 ? u"disabled"_s
                                     : m.invited       ? u"invited"_s
                                                       : u"active"_s},
                       {u"disabledAt"_s, isoOrNull(m.disabledAt)},
                       {u"lastLoginAt"_s, isoOrNull(m.lastLoginAt)},
                       {u"credentials"_s, m.credentials}};
}

QJsonArray PeopleController::tokensOf(const QString& tenantId, const QString& userId, const QStringList& only)
{
    QJsonArray out;
    const qint64 now = Clock::nowMs();
    for (const char* kind : {"uat", "privateToken"}) {
        CredentialQuery query;
        query.tenantId = tenantId;
        query.kind = QString::fromLatin1(kind);
        query.createdBy = u"user:"_s + userId;
        query.limit = 1000;
        query.nowMs = now;
        m_store.visitCredentials(query, [&](const CredentialRecord& r) {
            if ((only.isEmpty() && r.revokedAt == 0) || only.contains(r.id)) {
                out.append(QJsonObject{{u"id"_s, r.id},
                                       {u"kind"_s, r.kind},
                                       {u"name"_s, r.name},
                                       {u"prefix"_s, r.prefix},
                                       {u"last4"_s, r.last4},
                                       {u"status"_s, toString(r.status(now))}});
            }
        });
    }
    return out;
}

Response PeopleController::list(Request&, const Principal& p)
{
    const auto members = m_store.members(p.tenantId);
    if (!members)
        return storeFailure();
    QJsonArray items;
    for (const MemberRecord& m : *members)
        items.append(memberJson(m));
    const auto revoke = m_store.revokeOnOffboarding(p.tenantId);
    if (!revoke)
        return storeFailure();
    return Response::ok(QJsonObject{{u"items"_s, items}, {u"revokeTokensOnOffboarding"_s, *revoke}});
}

Response PeopleController::get(Request& request, const Principal& p)
{
    const QString id = request.params.value(u"id"_s);
    Response refusal;
    const auto found = member(p, id, &refusal);
    if (!found)
        return refusal;
    return Response::ok(QJsonObject{{u"user"_s, memberJson(*found)}, {u"tokens"_s, tokensOf(p.tenantId, id)}});
}

Response PeopleController::invite(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"email"_s, u"role"_s, u"displayName"_s}, errors);
    const QString email = body->value(u"email"_s).toString().trimmed().toLower();
    static const QRegularExpression emailPattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    if (email.isEmpty() || email.size() > 254 || !emailPattern.match(email).hasMatch())
        errors.add(u"email"_s, tr("Enter the person's e-mail address."));
    const QString role = body->value(u"role"_s).toString(u"member"_s);
    if (role != u"admin"_s && role != u"member"_s)
        errors.add(u"role"_s, tr("Must be admin or member."));
    const QString displayName = body->value(u"displayName"_s).toString().trimmed();
    if (displayName.size() > MaxNameLength || hasControlCharacters(displayName))
        errors.add(u"displayName"_s, tr("At most %1 characters, no control characters.").arg(MaxNameLength));
    if (errors.any())
        return errors.response();
    if (!p.isSession() && !p.hasScope(QLatin1String(AdminScope)))
        return Response::error(403, QLatin1String(ErrorCode::InsufficientScope), tr("Only admins invite people."));
    const qint64 now = Clock::nowMs();
    UserRecord user;
    user.id = newId("usr_");
    user.email = email;
    user.displayName = displayName.isEmpty() ? email.section(u'@', 0, 0) : displayName;
    const QByteArray token = "tds_" + randomBase62(40);
    QString userId;
    bool created = false;
    switch (m_store.inviteUser(p.tenantId, user, role, m_context.digest(token), now + SetupLifetimeMs, p.actor(), now,
                               {auditRecord(request, p.tenantId, p.actor(), u"user.invite"_s, u"user"_s, user.id,
                                            email + u" (" + role + u')')},
                               &userId, &created)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::Conflict: {
        FieldErrors taken;
        taken.add(u"email"_s, tr("%1 is a member of this tenant already.").arg(email));
        return taken.response();
    }
    default:
        return storeFailure();
    }
    const auto members = m_store.members(p.tenantId, userId);
    if (!members || members->isEmpty())
        return storeFailure();
    QJsonObject out{{u"user"_s, memberJson(members->constFirst())}};
    if (created) {
        // Shown once, like a secret: the person sets their own password with it (POST /auth/setup).
        out.insert(u"setupToken"_s, QString::fromLatin1(token));
        out.insert(u"setupExpiresAt"_s, isoMs(now + SetupLifetimeMs));
    }
    return Response::ok(out, 201);
}

std::optional<Response> PeopleController::lockout(const Principal& p, const QString& userId, bool losesAdmin)
{
    if (p.userId == userId && (p.isSession() || p.credentialKind != CredentialKind::ApiKey)) {
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("You cannot change your own membership; ask another admin."));
    }
    if (!losesAdmin)
        return std::nullopt;
    const auto members = m_store.members(p.tenantId);
    if (!members)
        return storeFailure();
    const bool anotherAdmin = std::any_of(members->begin(), members->end(), [&](const MemberRecord& m) {
        return m.user.id != userId && m.role == u"admin"_s && m.disabledAt == 0;
    });
    if (!anotherAdmin) {
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("This is the tenant's last enabled admin; make someone else admin first."));
    }
    return std::nullopt;
}

Response PeopleController::patch(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"role"_s, u"disabled"_s}, errors);
    std::optional<QString> role;
    std::optional<bool> disabled;
    if (body->contains(u"role"_s)) {
        role = body->value(u"role"_s).toString();
        if (*role != u"admin"_s && *role != u"member"_s)
            errors.add(u"role"_s, tr("Must be admin or member."));
    }
    if (body->contains(u"disabled"_s)) {
        if (!body->value(u"disabled"_s).isBool())
            errors.add(u"disabled"_s, tr("Must be true or false."));
        disabled = body->value(u"disabled"_s).toBool();
    }
    if (!role && !disabled)
        errors.add(u"role"_s, tr("Give role or disabled."));
    if (errors.any())
        return errors.response();
    const QString id = request.params.value(u"id"_s);
    Response refusal;
    const auto before = member(p, id, &refusal);
    if (!before)
        return refusal;
    const MemberRecord& was = *before;
    const bool wasAdmin = was.role == u"admin"_s && was.disabledAt == 0;
    const bool losesAdmin = wasAdmin && ((role && *role != u"admin"_s) || (disabled && *disabled));
    if (auto refused = lockout(p, id, losesAdmin))
        return *refused;
    const auto revoke = m_store.revokeOnOffboarding(p.tenantId);
    if (!revoke)
        return storeFailure();
    QStringList changes;
    if (role && *role != was.role)
        changes.append(u"role %1 → %2"_s.arg(was.role, *role));
    if (disabled && *disabled != (was.disabledAt != 0))
        changes.append(*disabled ? u"disabled"_s : u"enabled"_s);
    const QJsonArray tokens = tokensOf(p.tenantId, id);
    if (changes.isEmpty())
        return Response::ok(
            QJsonObject{{u"user"_s, memberJson(was)}, {u"tokens"_s, tokens}, {u"tokensRevoked"_s, false}});
    const QStringList affected = idsOf(tokens);
    QStringList revoked;
    const bool disabling = disabled && *disabled && was.disabledAt == 0;
    switch (m_store.updateMembership(p.tenantId, id, role, disabled, disabling && *revoke, Clock::nowMs(),
                                     {auditRecord(request, p.tenantId, p.actor(), u"user.update"_s, u"user"_s, id,
                                                  was.user.email + u": "_s + changes.join(u", "_s))},
                                     &revoked)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return notFound();
    default:
        return storeFailure();
    }
    const auto after = m_store.members(p.tenantId, id);
    if (!after || after->isEmpty())
        return storeFailure();
    return Response::ok(QJsonObject{{u"user"_s, memberJson(after->constFirst())},
                                    {u"tokens"_s, tokensOf(p.tenantId, id, revoked.isEmpty() ? affected : revoked)},
                                    {u"tokensRevoked"_s, !revoked.isEmpty()}});
}

Response PeopleController::remove(Request& request, const Principal& p)
{
    const QString id = request.params.value(u"id"_s);
    Response refusal;
    const auto before = member(p, id, &refusal);
    if (!before)
        return refusal;
    const MemberRecord& was = *before;
    if (auto refused = lockout(p, id, was.role == u"admin"_s && was.disabledAt == 0))
        return *refused;
    const auto revoke = m_store.revokeOnOffboarding(p.tenantId);
    if (!revoke)
        return storeFailure();
    const QStringList affected = idsOf(tokensOf(p.tenantId, id));
    QStringList revoked;
    switch (m_store.removeMembership(
        p.tenantId, id, *revoke, Clock::nowMs(),
        {auditRecord(request, p.tenantId, p.actor(), u"user.remove"_s, u"user"_s, id, was.user.email)}, &revoked)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return notFound();
    default:
        return storeFailure();
    }
    return Response::ok(QJsonObject{{u"removed"_s, id},
                                    {u"tokens"_s, tokensOf(p.tenantId, id, revoked.isEmpty() ? affected : revoked)},
                                    {u"tokensRevoked"_s, !revoked.isEmpty()}});
}

Response PeopleController::settings(Request&, const Principal& p)
{
    const auto revoke = m_store.revokeOnOffboarding(p.tenantId);
    if (!revoke)
        return storeFailure();
    return Response::ok(QJsonObject{{u"revokeTokensOnOffboarding"_s, *revoke}});
}

Response PeopleController::patchSettings(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"revokeTokensOnOffboarding"_s}, errors);
    if (!body->value(u"revokeTokensOnOffboarding"_s).isBool())
        errors.add(u"revokeTokensOnOffboarding"_s, tr("Must be true or false."));
    if (errors.any())
        return errors.response();
    const bool revoke = body->value(u"revokeTokensOnOffboarding"_s).toBool();
    if (!m_store.setRevokeOnOffboarding(
            p.tenantId, revoke,
            {auditRecord(request, p.tenantId, p.actor(), u"tenant.settings"_s, u"tenant"_s, p.tenantId,
                         revoke ? u"revoke tokens on offboarding"_s : u"keep tokens on offboarding"_s)}))
        return storeFailure();
    return Response::ok(QJsonObject{{u"revokeTokensOnOffboarding"_s, revoke}});
}

void PeopleController::setup(Request& request, const Reply& reply)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body) {
        reply(error);
        return;
    }
    FieldErrors errors;
    rejectUnknownFields(*body, {u"token"_s, u"password"_s}, errors);
    const QByteArray token = body->value(u"token"_s).toString().trimmed().toLatin1();
    const QString password = body->value(u"password"_s).toString();
    if (token.isEmpty())
        errors.add(u"token"_s, tr("Paste the setup token you were given."));
    if (password.size() < MinPasswordLength)
        errors.add(u"password"_s, tr("At least %n characters.", nullptr, MinPasswordLength));
    else if (password.size() > 1024)
        errors.add(u"password"_s, tr("At most 1024 characters."));
    if (errors.any()) {
        reply(errors.response());
        return;
    }
    // Guessing tokens is throttled per client address like logins.
    const qint64 now = Clock::nowMs();
    const QString bucket = u"setup:"_s + clientBucket(request.client);
    if (const int wait = m_context.limiter.acquire(bucket, m_context.config.loginAttemptsPerAddress,
                                                   m_context.config.loginWindowSeconds, now)) {
        reply(Response::error(429, QLatin1String(ErrorCode::RateLimited),
                              tr("Too many attempts; try again in %n second(s).", nullptr, wait))
                  .withHeader("Retry-After", QByteArray::number(wait)));
        return;
    }
    const QByteArray digest = m_context.digest(token);
    const auto found = m_store.setupToken(digest);
    if (found.isFailed()) {
        reply(storeFailure());
        return;
    }
    if (!found || found->usedAt != 0 || found->expiresAt <= now) {
        reply(Response::error(401, QLatin1String(ErrorCode::TokenNotValid),
                              !found ? tr("The setup token is not valid.")
                              : found->usedAt != 0
                                  ? tr("The setup token was used already; sign in with your password, or ask an "
                                       "admin for a new invitation.")
                                  : tr("The setup token has expired; ask an admin for a new invitation.")));
        return;
    }
    const auto hashing = m_context.hasher.hashAsync(password.toUtf8());
    if (!hashing) {
        reply(Response::error(503, u"service_unavailable"_s,
                              tr("Too many passwords are being checked right now. Try again in a few seconds."))
                  .withHeader("Retry-After", "2"));
        return;
    }
    auto* watcher = new QFutureWatcher<QString>(this);
    const Request copy = request;
    const Store::SetupToken setupFor = *found;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, copy, digest, setupFor, reply] {
        watcher->deleteLater();
        switch (m_store.completeSetup(digest, watcher->result(), Clock::nowMs(),
                                      {auditRecord(copy, setupFor.tenantId, u"user:"_s + setupFor.userId,
                                                   u"user.setup"_s, u"user"_s, setupFor.userId)})) {
        case Store::Outcome::Ok: {
            const auto user = m_store.userById(setupFor.userId);
            reply(Response::ok(
                QJsonObject{{u"email"_s, user ? user->email : QString()}, {u"tenantId"_s, setupFor.tenantId}}));
            return;
        }
        case Store::Outcome::Ended:
            reply(Response::error(401, QLatin1String(ErrorCode::TokenNotValid),
                                  tr("The setup token was used already; sign in with your password.")));
            return;
        default:
            reply(storeFailure());
        }
    });
    watcher->setFuture(*hashing);
}

} // namespace td::server
