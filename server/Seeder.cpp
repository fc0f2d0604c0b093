#include "Seeder.h"
#include "Text.h"

#include "Clock.h"
#include "protocol/CredentialKind.h"
#include "protocol/Token.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

bool addUser(Store& store, const PasswordHasher& hasher, const QString& email, const QString& username,
             const QString& displayName, const QByteArray& password, QString* userId)
{
    UserRecord user;
    user.id = newId("usr_");
    user.email = email;
    user.username = username;
    user.displayName = displayName;
    user.passwordHash = hasher.hash(password);
    user.clientId = store.nextClientId();
    *userId = user.id;
    return !user.passwordHash.isEmpty() && store.createUser(user, Clock::nowMs());
}

struct DemoKey
{
    QString tenant;
    QString name;
    QString description;
    QStringList scopes;
    qint64 createdAgo;
    qint64 expiresIn; // relative to now; 0 = never; negative = already expired
    qint64 revokedAgo = 0;
    QStringList allowlist = {};
    qint64 lastUsedAgo = 0;
    bool byLeaver = false; // made by the demo's person who has left (a "creatorLeft" finding)
};

// A month of use for the demo's Usage, Refusals and Risk review: CI deploy used daily from three addresses, its
// write scope last needed 40 days ago (the least-privilege advice); Warehouse sync refused from an address outside
// its allowlist (refused often); the old Billing key still called in its grace (the drain watch).
bool seedDemoUsage(Store& store, qint64 now, const QString& ciDeploy, const QString& warehouse, const QString& billing)
{
    const qint64 today = now / Day;
    UsageUpdate ci;
    ci.at = now - 2 * 3600 * 1000;
    ci.ip = u"10.20.4.17"_s;
    for (qint64 d = 0; d < 30; ++d) {
        const QDate date = QDate::fromJulianDay(QDate(1970, 1, 1).toJulianDay() + today - d);
        const bool weekend = date.dayOfWeek() >= 6;
        ci.daily.insert(today - d, (weekend ? 20 : 140) + (d * 37) % 55);
    }
    ci.addresses = {{u"10.20.4.17"_s, {now - 30 * Day, now - 2 * 3600 * 1000, 2910}},
                    {u"10.20.4.18"_s, {now - 12 * Day, now - 26 * 3600 * 1000, 806}},
                    {u"198.51.100.23"_s, {now - 3 * Day, now - 3 * Day + 3600 * 1000, 14}}};
    ci.agents = {{u"GitHub-Actions/2.311 (catalogue-publish)"_s, {now - 30 * Day, now - 2 * 3600 * 1000, 3716}},
                 {u"curl/7.88.1"_s, {now - 3 * Day, now - 3 * Day + 3600 * 1000, 14}}};
    ci.scopes = {{u"read:products"_s, now - 2 * 3600 * 1000}, {u"write:products"_s, now - 40 * Day}};

    UsageUpdate wms;
    wms.at = now - 9 * 3600 * 1000;
    wms.ip = u"10.20.7.2"_s;
    for (qint64 d = 0; d < 30; ++d)
        wms.daily.insert(today - d, 24);
    wms.addresses = {{u"10.20.7.2"_s, {now - 87 * Day, now - 9 * 3600 * 1000, 2088}}};
    wms.agents = {{u"wms-sync/4.2"_s, {now - 87 * Day, now - 9 * 3600 * 1000, 2088}}};
    wms.scopes = {{u"read:inventory"_s, now - 9 * 3600 * 1000}, {u"write:inventory"_s, now - 9 * 3600 * 1000}};
    wms.refused = {{(now - 3 * 3600 * 1000) / (3600 * 1000), 9}, {(now - 3600 * 1000) / (3600 * 1000), 8}};

    UsageUpdate old;
    old.at = now - 4 * 60 * 1000;
    old.ip = u"10.20.9.40"_s;
    old.daily.insert(today, 57);
    old.addresses = {{u"10.20.9.40"_s, {now - 180 * Day, now - 4 * 60 * 1000, 9400}}};
    old.scopes = {{u"read:orders"_s, now - 4 * 60 * 1000}};
    for (int m = 4; m < 60; m += 1)
        old.drain.insert((now - m * 60 * 1000) / 60000, 1);
    if (!store.recordUsage({{ciDeploy, ci}, {warehouse, wms}, {billing, old}}))
        return false;
    const QString detail = u"ip_not_allowed: Requests with this credential are not allowed from 203.0.113.7."_s;
    for (qint64 ago : {3 * 3600 * 1000LL, 3600 * 1000LL}) {
        if (!store.audit({0, now - ago, u"acme"_s, u"apiKey:"_s + warehouse, u"auth.refused"_s, u"apiKey"_s, warehouse,
                          u"203.0.113.7"_s, detail}))
            return false;
    }
    return true;
}

} // namespace

bool initializeFirstAdmin(Store& store, const PasswordHasher& hasher, const QString& email, const QByteArray& password,
                          QString* error)
{
    if (store.userByLogin(email)) {
        *error = tr("A user %1 exists already.").arg(email);
        return false;
    }
    const qint64 now = Clock::nowMs();
    QString userId;
    if ((!store.tenant(u"default"_s) && !store.createTenant(u"default"_s, tr("Default"), now)) ||
        !addUser(store, hasher, email, {}, tr("Administrator"), password, &userId) ||
        !store.addMembership(userId, u"default"_s, u"admin"_s)) {
        *error = store.lastError();
        return false;
    }
    return true;
}

bool addUserToTenant(Store& store, const PasswordHasher& hasher, const QString& email, const QString& username,
                     const QByteArray& password, const QString& tenantId, const QString& tenantName,
                     const QString& role, QString* error)
{
    if (store.userByLogin(email) || (!username.isEmpty() && store.userByLogin(username))) {
        *error = tr("A user %1 exists already.").arg(username.isEmpty() ? email : username);
        return false;
    }
    const qint64 now = Clock::nowMs();
    QString userId;
    if ((!store.tenant(tenantId) && !store.createTenant(tenantId, tenantName.isEmpty() ? tenantId : tenantName, now)) ||
        !addUser(store, hasher, email, username, email.section(u'@', 0, 0), password, &userId) ||
        !store.addMembership(userId, tenantId, role)) {
        *error = store.lastError();
        return false;
    }
    return true;
}

std::optional<DemoLogin> seedDemo(Store& store, ServerContext& context, QString* error)
{
    // Marked first, so that a sandbox interrupted while seeding is still recognised as one and replaced next time.
    if (!store.setMeta(u"demo"_s, u"1"_s)) {
        *error = store.lastError();
        return std::nullopt;
    }
    const qint64 now = Clock::nowMs();
    DemoLogin login{u"admin@acme.example"_s, u"admin"_s, QString::fromLatin1(randomBase62(16))};
    QString adminId;
    QString supportId;
    const bool ok = store.createTenant(u"acme"_s, u"Acme Corp"_s, now - 400 * Day) &&
                    store.createTenant(u"globex"_s, u"Globex Inc"_s, now - 300 * Day) &&
                    addUser(store, context.hasher, login.email, login.username, u"Ada Admin"_s, login.password.toUtf8(),
                            &adminId) &&
                    addUser(store, context.hasher, u"support@acme.example"_s, u"support"_s, u"Sam Support"_s,
                            randomBase62(24), &supportId) &&
                    store.addMembership(adminId, u"acme"_s, u"admin"_s) &&
                    store.addMembership(adminId, u"globex"_s, u"admin"_s) &&
                    store.addMembership(supportId, u"acme"_s, u"member"_s);
    // People in every state for the People page: one who left (disabled; their key and token remain), one invited
    // who has not set a password yet (the setup token is not kept anywhere: the demo never shows it).
    QString leaverId;
    QString invitedId;
    bool invitedCreated = false;
    UserRecord invited;
    invited.id = newId("usr_");
    invited.email = u"nora@acme.example"_s;
    invited.displayName = u"Nora New"_s;
    const bool people =
        ok &&
        addUser(store, context.hasher, u"lee@acme.example"_s, u"lee"_s, u"Lee Leaver"_s, randomBase62(24), &leaverId) &&
        store.addMembership(leaverId, u"acme"_s, u"member"_s) &&
        store.inviteUser(u"acme"_s, invited, u"member"_s, context.digest("tds_" + randomBase62(40)), now + 2 * Day,
                         u"user:"_s + adminId, now - Day, {}, &invitedId, &invitedCreated) == Store::Outcome::Ok;
    if (!ok || !people) {
        *error = store.lastError();
        return std::nullopt;
    }

    const QList<DemoKey> keys = {
        {u"acme"_s,
         u"CI deploy"_s,
         u"Publishes the product catalogue from CI"_s,
         {u"read:products"_s, u"write:products"_s},
         120 * Day,
         0,
         0,
         {},
         2 * 3600 * 1000},
        {u"acme"_s,
         u"Warehouse sync"_s,
         u"Nightly stock levels from the WMS"_s,
         {u"read:inventory"_s, u"write:inventory"_s},
         87 * Day,
         3 * Day,
         0,
         {u"10.20.0.0/16"_s},
         9 * 3600 * 1000},
        {u"acme"_s,
         u"Reporting"_s,
         u"Read-only order export for BI"_s,
         {u"read:orders"_s},
         30 * Day,
         90 * Day,
         0,
         {},
         0,
         true},
        {u"acme"_s,
         u"Legacy import"_s,
         u"Old ERP bridge"_s,
         {u"write:orders"_s, u"read:orders"_s},
         400 * Day,
         -5 * Day},
        {u"acme"_s,
         u"Old integration"_s,
         u"Replaced by Warehouse sync"_s,
         {u"read:inventory"_s},
         200 * Day,
         0,
         10 * Day},
        {u"acme"_s,
         u"Admin automation"_s,
         u"Provisioning scripts"_s,
         {u"admin"_s},
         10 * Day,
         355 * Day,
         0,
         {u"127.0.0.0/8"_s, u"::1/128"_s}},
        {u"globex"_s, u"Storefront"_s, u"Web shop product feed"_s, {u"read:products"_s}, 60 * Day, 305 * Day},
        {u"globex"_s,
         u"Partner feed"_s,
         u"Revoked after the partner left"_s,
         {u"read:orders"_s},
         90 * Day,
         0,
         20 * Day},
    };
    QHash<QString, QString> idByName;
    for (const DemoKey& k : keys) {
        const CredentialKindInfo& apiKey = kindInfo(CredentialKind::ApiKey);
        const QByteArray secret = OpaqueToken::generate(apiKey.tokenKind);
        CredentialRecord r;
        r.kind = apiKey.wireName;
        const auto parsed = OpaqueToken::parse(secret);
        r.id = newId(apiKey.idPrefix);
        r.tenantId = k.tenant;
        r.name = k.name;
        r.description = k.description;
        r.prefix = parsed->prefix;
        r.last4 = parsed->last4;
        r.scopes = k.scopes;
        r.ipAllowlist = k.allowlist;
        r.createdAt = now - k.createdAgo;
        r.createdBy = u"user:"_s + (k.byLeaver ? leaverId : adminId);
        r.expiresAt = k.expiresIn == 0 ? 0 : now + k.expiresIn;
        if (!store.insertCredential(r, context.digest(secret))) {
            *error = store.lastError();
            return std::nullopt;
        }
        idByName.insert(k.name, r.id);
        if (k.revokedAgo != 0) {
            QStringList missing;
            store.revokeCredentials(k.tenant, r.kind, {r.id}, r.createdBy, now - k.revokedAgo, &missing);
        }
        if (k.lastUsedAgo != 0) {
            UsageUpdate used;
            used.at = now - k.lastUsedAgo;
            used.ip = u"10.20.4.17"_s;
            store.recordUsage({{r.id, used}});
        }
    }

    // User Authorization Tokens and private tokens, each with an expiry (they must have one).
    const struct
    {
        CredentialKind kind;
        QString name;
        QStringList scopes;
        qint64 createdAgo;
        qint64 expiresIn;
        qint64 revokedAgo;
        const QString* owner = nullptr; // whose it is (the admin's when none)
    } tokens[] = {
        {CredentialKind::Uat, u"Brand onboarding"_s, {u"brand_create"_s, u"product_create"_s}, 20 * Day, 40 * Day, 0},
        {CredentialKind::Uat, u"Scan export"_s, {u"scans_download"_s}, 60 * Day, 2 * Day, 0, &supportId},
        {CredentialKind::Uat, u"SCM bulk fix"_s, {u"scm_bulk_edit"_s, u"scm_code_edit"_s}, 90 * Day, -10 * Day, 0},
        {CredentialKind::PrivateToken, u"ERP backend"_s, {u"read:orders"_s, u"write:orders"_s}, 45 * Day, 320 * Day, 0},
        {CredentialKind::PrivateToken, u"Nightly report"_s, {u"read:inventory"_s}, 100 * Day, 265 * Day, 3 * Day},
        {CredentialKind::PrivateToken, u"Lee's laptop"_s, {u"read:orders"_s}, 80 * Day, 200 * Day, 0, &leaverId},
    };
    for (const auto& t : tokens) {
        const CredentialKindInfo& kind = kindInfo(t.kind);
        const auto parsed = OpaqueToken::parse(OpaqueToken::generate(kind.tokenKind));
        CredentialRecord r;
        r.id = newId(kind.idPrefix);
        r.kind = kind.wireName;
        r.tenantId = u"acme"_s;
        r.name = t.name;
        r.prefix = parsed->prefix;
        r.last4 = parsed->last4;
        r.scopes = t.scopes;
        r.createdAt = now - t.createdAgo;
        r.createdBy = u"user:"_s + (t.owner ? *t.owner : adminId);
        r.expiresAt = now + t.expiresIn;
        if (!store.insertCredential(r, context.digest(parsed->token))) {
            *error = store.lastError();
            return std::nullopt;
        }
        if (t.revokedAgo != 0) {
            QStringList missing;
            store.revokeCredentials(r.tenantId, r.kind, {r.id}, r.createdBy, now - t.revokedAgo, &missing);
        }
    }

    // A rotation in progress: the old key works for one more day.
    const CredentialKindInfo& apiKey = kindInfo(CredentialKind::ApiKey);
    CredentialRecord billing;
    billing.id = newId(apiKey.idPrefix);
    billing.kind = apiKey.wireName;
    billing.tenantId = u"acme"_s;
    billing.name = u"Billing"_s;
    billing.description = u"Invoices to the accounting system"_s;
    billing.scopes = {u"read:orders"_s};
    billing.createdAt = now - 180 * Day;
    billing.createdBy = u"user:"_s + adminId;
    auto parsed = OpaqueToken::parse(OpaqueToken::generate(apiKey.tokenKind));
    billing.prefix = parsed->prefix;
    billing.last4 = parsed->last4;
    if (!store.insertCredential(billing, context.digest(parsed->token))) {
        *error = store.lastError();
        return std::nullopt;
    }
    // A notification endpoint with some history. Nothing listens on the discard port: the demo's notifier keeps
    // retrying what the rotation below and the expiry scan queue, so Settings → Notifications shows deliveries in
    // each state without sending anything off this machine.
    NotificationEndpoint ops;
    ops.id = newId("nep_");
    ops.tenantId = u"acme"_s;
    ops.name = u"Ops webhook (demo)"_s;
    ops.url = u"http://127.0.0.1:9/hooks/tokendesk"_s;
    ops.format = u"json"_s;
    ops.events = {u"credential.expiring"_s, u"credential.expired"_s, u"credential.revoked"_s, u"credential.rotated"_s,
                  u"credential.refused_spike"_s};
    ops.expiringDays = {14, 7, 1};
    ops.salt = randomBase62(32);
    ops.createdAt = ops.updatedAt = now - 20 * Day;
    ops.createdBy = u"user:"_s + adminId;
    const QString testId = u"notification.test:demo:"_s + ops.id;
    if (store.insertNotificationEndpoint(ops, {}) != Store::Outcome::Ok ||
        !store.queueTestDelivery(ops, testId, ops.createdAt) ||
        !store.finishDelivery(testId, {ops.createdAt + 150, 200, {}, 120}, u"delivered"_s, 0)) {
        *error = store.lastError();
        return std::nullopt;
    }

    CredentialRecord successor = billing;
    successor.id = newId(apiKey.idPrefix);
    successor.createdAt = now - 3600 * 1000;
    successor.rotatedFrom = billing.id;
    parsed = OpaqueToken::parse(OpaqueToken::generate(apiKey.tokenKind));
    successor.prefix = parsed->prefix;
    successor.last4 = parsed->last4;
    if (store.rotateCredential(u"acme"_s, apiKey.wireName, billing.id, successor, context.digest(parsed->token),
                               now + Day) != Store::Outcome::Ok) {
        *error = store.lastError();
        return std::nullopt;
    }

    // Lee has left: disabled, so their private token stops while their API key (the tenant's) stays, flagged.
    QStringList revokedOnLeaving;
    if (store.updateMembership(u"acme"_s, leaverId, std::nullopt, true, false, now - 2 * Day, {}, &revokedOnLeaving) !=
        Store::Outcome::Ok) {
        *error = store.lastError();
        return std::nullopt;
    }

    if (!seedDemoUsage(store, now, idByName.value(u"CI deploy"_s), idByName.value(u"Warehouse sync"_s), billing.id)) {
        *error = store.lastError();
        return std::nullopt;
    }

    const QStringList products = {u"Anvil"_s, u"Rocket skates"_s, u"Giant magnet"_s};
    for (const QString& name : products)
        store.insertResource(u"acme"_s, u"products"_s, newId("res_"), {{u"name"_s, name}}, u"user:"_s + adminId, now);
    return login;
}

} // namespace td::server
