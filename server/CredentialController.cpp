#include "CredentialController.h"

#include "Clock.h"
#include "JsonText.h"
#include "Text.h"
#include "Validation.h"
#include "protocol/Cidr.h"
#include "protocol/Token.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

namespace {

constexpr qint64 MaxGraceSeconds = CredentialRecord::MaxGraceSeconds;
constexpr int MaxBulkIds = protocol::MaxBulkRevokeIds;

// A record's kind as the store holds it (its CHECK admits only the kinds of the table).
const CredentialKindInfo& rules(const QString& wireName)
{
    const CredentialKindInfo* info = kindByWireName(wireName);
    Q_ASSERT(info);
    return info ? *info : kindInfo(CredentialKind::ApiKey);
}

} // namespace

// Usage not yet flushed to the database is still the truth.
CredentialRecord CredentialController::withPendingUsage(const CredentialRecord& record) const
{
    CredentialRecord fresh = record;
    if (const auto pending = m_context.usage.pending(record.id); pending && pending->at > fresh.lastUsedAt) {
        fresh.lastUsedAt = pending->at;
        fresh.lastUsedIp = pending->ip;
    }
    return fresh;
}

QJsonObject CredentialController::credentialJson(const CredentialRecord& record, qint64 now)
{
    return withPendingUsage(record).toDto(now).toJson();
}

Response CredentialController::list(Request& request, const Principal& p, const QString& kind, bool mine)
{
    FieldErrors errors;
    CredentialQuery query;
    query.tenantId = p.tenantId;
    query.kind = kind;
    if (mine && !p.isSession() && p.credentialKind == CredentialKind::ApiKey) {
        return Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                               tr("An API key acts for nobody: it has no tokens of its own."));
    }
    if (mine || !p.hasScope(QLatin1String(AdminScope)))
        query.createdBy = u"user:"_s + p.userId;
    else if (request.query.hasQueryItem(u"owner"_s))
        query.createdBy = u"user:"_s + request.query.queryItemValue(u"owner"_s, QUrl::FullyDecoded);
    query.nowMs = Clock::nowMs();
    if (request.query.hasQueryItem(u"status"_s)) {
        query.status = keyStatusFromString(request.query.queryItemValue(u"status"_s));
        if (!query.status)
            errors.add(u"status"_s, tr("Must be one of active, expired, revoked, suspended."));
    }
    query.text = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
    if (query.text.size() > 200)
        errors.add(u"q"_s, tr("The search text may have at most 200 characters."));
    query.limit = intParam(request, u"limit"_s, 1, 1000, 100, errors).value_or(100);
    query.cursor = request.query.queryItemValue(u"cursor"_s);
    if (errors.any())
        return errors.response();
    // A page holds up to 1000 records: each is written straight to JSON text as the database hands it over, which
    // is several times faster than building a QJsonObject per record. The same fields as credentialJson(); a test
    // compares both for every record.
    QByteArray body;
    body.reserve(qsizetype(query.limit) * 700 + 64);
    body += "{\"data\":{\"items\":[";
    bool first = true;
    const auto nextCursor = m_store.visitCredentials(query, [&](const CredentialRecord& record) {
        if (!first)
            body += ',';
        first = false;
        appendCredentialJson(body, withPendingUsage(record), query.nowMs);
    });
    if (!nextCursor) {
        if (!query.cursor.isEmpty()) {
            errors.add(u"cursor"_s, tr("The cursor is not valid; start again from the first page."));
            return errors.response();
        }
        return storeFailure();
    }
    body += "],\"nextCursor\":";
    if (nextCursor->isEmpty())
        body += "null";
    else
        appendJsonString(body, *nextCursor);
    body += "},\"success\":true}";
    Response response;
    response.body = std::move(body);
    if (!nextCursor->isEmpty()) {
        // The next page's address also in a header (RFC 8288, as GitHub's API does): a client can ask for it as soon
        // as the headers arrive, while it still reads this page.
        QUrlQuery next = request.query;
        next.removeAllQueryItems(u"cursor"_s);
        next.addQueryItem(u"cursor"_s, *nextCursor);
        response.withHeader("Link", "<" + QUrl::toPercentEncoding(request.path, "/") + '?' +
                                        next.query(QUrl::FullyEncoded).toUtf8() + ">; rel=\"next\"");
    }
    return response;
}

// A credential acting on credentials (not a login session) stays within its own bounds: what it creates, changes
// or rotates holds no scope it lacks, expires no later than it does, and is allowed from no address it is not.
// So a leaked, narrowly scoped key cannot mint a wider one, nor widen itself. Sessions are bounded by the role.
std::optional<Response> CredentialController::outsideBounds(const Principal& p, const CredentialRecord& record) const
{
    if (p.isSession())
        return std::nullopt;
    const auto refuse = [](const QString& message, const QString& field) {
        return Response::error(403, QLatin1String(ErrorCode::InsufficientScope), message, {{u"field"_s, field}});
    };
    const CredentialKindInfo& k = rules(record.kind);
    for (const QString& scope : record.scopes) {
        if (!p.hasScope(scope))
            return refuse(tr("You cannot grant \"%1\", which you do not hold.").arg(scope), k.rightsField);
    }
    if (p.expiresAt != 0 && (record.expiresAt == 0 || record.expiresAt > p.expiresAt)) {
        return refuse(tr("A credential can only create or change credentials that expire no later than itself "
                         "(%1).")
                          .arg(toIso(fromMs(p.expiresAt))),
                      k.expiryField);
    }
    if (!p.allowlist.isEmpty()) {
        const auto entries = parseCidrList(record.ipAllowlist);
        const auto within = [&p](const Cidr& inner) {
            return std::any_of(p.allowlist.cbegin(), p.allowlist.cend(), [&inner](const Cidr& outer) {
                return outer.network().protocol() == inner.network().protocol() &&
                       outer.prefixLength() <= inner.prefixLength() && outer.contains(inner.network());
            });
        };
        if (!entries || entries->isEmpty() || !std::all_of(entries->cbegin(), entries->cend(), within)) {
            return refuse(tr("A credential can only create or change credentials whose IP allowlist lies within its "
                             "own (%1).")
                              .arg(record.ipAllowlist.isEmpty() ? tr("an empty allowlist admits every address")
                                                                : record.ipAllowlist.join(u", "_s)),
                          u"ipAllowlist"_s);
        }
    }
    if (!record.rateLimit.within(p.rate.limit)) {
        return refuse(tr("A credential limited to %n request(s) per %1 s can only create or change credentials "
                         "limited at least as tightly.",
                         nullptr, p.rate.limit.requests)
                          .arg(p.rate.limit.perSeconds),
                      u"rateLimit"_s);
    }
    return std::nullopt;
}

Response CredentialController::create(Request& request, const Principal& p, const QString& kind)
{
    const CredentialKindInfo& k = rules(kind);
    if (k.sessionOnly && !p.isSession()) {
        return Response::error(
            403, QLatin1String(ErrorCode::InsufficientScope),
            tr("This kind of token can only be created from a login session, not with another token."));
    }
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(
        *body, {u"name"_s, u"description"_s, k.rightsField, k.expiryField, u"ipAllowlist"_s, u"rateLimit"_s}, errors);
    const qint64 now = Clock::nowMs();
    CredentialRecord record;
    record.id = newId(k.idPrefix);
    record.kind = kind;
    record.tenantId = p.tenantId;
    record.name = nameField(*body, errors, true);
    record.description = descriptionField(*body, errors);
    record.ipAllowlist = allowlistField(*body, errors);
    record.rateLimit = rateLimitField(*body, errors);
    record.createdAt = now;
    record.createdBy = p.actor();
    if (kind != u"apiKey"_s) {
        // A UAT or private token acts for a person (issue 17): it belongs to the user behind the request, and a
        // credential without one (an API key) cannot make one.
        if (p.userId.isEmpty() || (!p.isSession() && p.credentialKind == CredentialKind::ApiKey)) {
            return Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                   tr("A token that acts for a person is created by that person: sign in, or use "
                                      "one of your own UATs or private tokens."));
        }
        record.createdBy = u"user:"_s + p.userId;
    }

    const QJsonValue scopes = body->value(k.rightsField);
    if (!scopes.isArray() || scopes.toArray().isEmpty()) {
        errors.add(k.rightsField, k.rightsField == u"permissions"_s ? tr("Choose at least one permission.")
                                                                    : tr("Choose at least one scope."));
    } else {
        for (const QJsonValue& v : scopes.toArray()) {
            const QString scope = v.toString();
            if (!m_context.config.scopes.appliesTo(scope, kind)) {
                errors.add(k.rightsField, tr("\"%1\" cannot be granted to this kind of credential.")
                                              .arg(v.isString() ? scope : tr("(not a string)")));
            } else if (!record.scopes.contains(scope)) {
                record.scopes.append(scope);
            }
        }
    }
    record.expiresAt = expiryField(*body, k, now, errors).value_or(0);
    if (errors.any())
        return errors.response();
    for (const QString& scope : std::as_const(record.scopes)) {
        if (!p.hasScope(scope)) {
            return Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                                   tr("You cannot grant \"%1\", which you do not hold.").arg(scope));
        }
    }
    if (auto refused = outsideBounds(p, record))
        return *refused;

    const QByteArray secret = OpaqueToken::generate(k.tokenKind);
    const auto parsed = OpaqueToken::parse(secret);
    record.prefix = parsed->prefix;
    record.last4 = parsed->last4;
    if (!m_store.insertCredential(
            record, m_context.digest(secret),
            {auditRecord(request, p.tenantId, p.actor(), kind + u".create"_s, kind, record.id, record.name)}))
        return storeFailure();
    return Response::ok(QJsonObject{{kind, credentialJson(record, now)}, {u"secret"_s, QString::fromLatin1(secret)}},
                        201);
}

Response CredentialController::get(Request& request, const Principal& p, const QString& kind)
{
    const auto record = m_store.credential(p.tenantId, kind, request.params.value(u"id"_s));
    if (!record)
        return missingCredential(record.isFailed());
    return Response::ok(QJsonObject{{kind, credentialJson(*record, Clock::nowMs())}});
}

Response CredentialController::usage(Request& request, const Principal& p, const QString& kind)
{
    const auto record = m_store.credential(p.tenantId, kind, request.params.value(u"id"_s));
    if (!record)
        return missingCredential(record.isFailed());
    FieldErrors errors;
    int days = 30;
    if (request.query.hasQueryItem(u"days"_s)) {
        const QString value = request.query.queryItemValue(u"days"_s);
        if (value != u"30"_s && value != u"90"_s && value != u"400"_s)
            errors.add(u"days"_s, tr("Must be 30, 90 or 400."));
        days = value.toInt();
    }
    if (errors.any())
        return errors.response();
    const qint64 now = Clock::nowMs();
    const auto report = m_store.usage(record->id, days, now);
    if (!report)
        return storeFailure();
    // What is not written yet (at most a second of this worker's and the others' uses) is added on top.
    UsageReport merged = *report;
    const std::optional<UsageUpdate> pending = m_context.usage.pending(record->id);
    if (pending) {
        QMap<qint64, qint64> daily;
        for (const auto& [day, count] : std::as_const(merged.daily))
            daily[day] += count;
        for (auto it = pending->daily.cbegin(); it != pending->daily.cend(); ++it) {
            if (it.key() > now / (24LL * 3600 * 1000) - days)
                daily[it.key()] += it.value();
        }
        merged.daily.clear();
        for (auto it = daily.cbegin(); it != daily.cend(); ++it)
            merged.daily.append({it.key(), it.value()});
        // Addresses and agents likewise, the most recently seen first again.
        const auto mergeSeen = [](QList<QPair<QString, UsageSeen>>& list, const QHash<QString, UsageSeen>& extra,
                                  int most) {
            QHash<QString, UsageSeen> all;
            for (const auto& [name, seen] : std::as_const(list))
                all.insert(name, seen);
            for (auto it = extra.cbegin(); it != extra.cend(); ++it)
                all[it.key()].add(it.value());
            list.clear();
            for (auto it = all.cbegin(); it != all.cend(); ++it)
                list.append({it.key(), it.value()});
            std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
                return a.second.last != b.second.last ? a.second.last > b.second.last : a.first < b.first;
            });
            if (list.size() > most) // the bounds the store keeps
                list.resize(most);
        };
        mergeSeen(merged.addresses, pending->addresses, UsageUpdate::MaxAddresses);
        mergeSeen(merged.agents, pending->agents, UsageUpdate::MaxAgents);
    }
    constexpr qint64 DayMs = 24LL * 3600 * 1000;
    QJsonArray daily;
    qint64 total = 0;
    for (const auto& [day, count] : std::as_const(merged.daily)) {
        daily.append(QJsonObject{{u"date"_s, fromMs(day * DayMs).date().toString(Qt::ISODate)}, {u"count"_s, count}});
        total += count;
    }
    const auto seenJson = [](const QList<QPair<QString, UsageSeen>>& list, const QString& key) {
        QJsonArray out;
        for (const auto& [name, seen] : list) {
            out.append(QJsonObject{{key, name},
                                   {u"firstSeen"_s, toIso(fromMs(seen.first))},
                                   {u"lastSeen"_s, toIso(fromMs(seen.last))},
                                   {u"count"_s, seen.count}});
        }
        return out;
    };
    // Scopes: which of its requests' scopes it used within the days (an admin credential "uses" the scope a route
    // needed), and which of the scopes it holds it did not.
    QHash<QString, qint64> used = merged.scopes;
    if (pending) {
        for (auto it = pending->scopes.cbegin(); it != pending->scopes.cend(); ++it)
            used[it.key()] = qMax(used.value(it.key()), it.value());
    }
    QStringList usedNames = used.keys();
    usedNames.sort();
    QJsonArray scopesUsed;
    for (const QString& scope : std::as_const(usedNames))
        scopesUsed.append(QJsonObject{{u"scope"_s, scope}, {u"lastUsed"_s, toIso(fromMs(used.value(scope)))}});
    QJsonArray scopesUnused;
    for (const QString& scope : std::as_const(record->scopes)) {
        if (!used.contains(scope))
            scopesUnused.append(scope);
    }
    // Refusals of the last 90 days at most (the audit log's auth.refused events of this credential).
    const auto refused = refusals(p.tenantId, record->id, qMin(days, 90), 200);
    if (!refused)
        return storeFailure();
    QJsonObject json{{u"days"_s, days},
                     {u"total"_s, total},
                     {u"daily"_s, daily},
                     {u"addresses"_s, seenJson(merged.addresses, u"ip"_s)},
                     {u"agents"_s, seenJson(merged.agents, u"agent"_s)},
                     {u"scopesUsed"_s, scopesUsed},
                     {u"scopesUnused"_s, scopesUnused},
                     {u"refusals"_s, *refused},
                     {u"drain"_s, QJsonValue()}};
    if (!record->rotatedTo.isEmpty()) {
        const auto drain = drainJson(*record, merged, pending, now);
        if (!drain)
            return storeFailure();
        json.insert(u"drain"_s, *drain);
    }
    return Response::ok(json);
}

// The old credential of a rotation: its requests since the rotation and in the last hour, and the addresses that
// used it since (who still has to switch to the successor).
std::optional<QJsonObject> CredentialController::drainJson(const CredentialRecord& record, const UsageReport& usage,
                                                           const std::optional<UsageUpdate>& pending, qint64 now) const
{
    const auto successor = m_store.credential(record.tenantId, record.kind, record.rotatedTo);
    if (successor.isFailed())
        return std::nullopt;
    const qint64 rotatedAt = successor ? successor->createdAt : 0;
    auto drain = m_store.drain(record.id, now);
    if (!drain)
        return std::nullopt;
    if (pending) {
        for (auto it = pending->drain.cbegin(); it != pending->drain.cend(); ++it) {
            drain->total += it.value();
            if (it.key() > now / 60000 - 60)
                drain->lastHour += it.value();
        }
    }
    QJsonArray addresses;
    for (const auto& [ip, seen] : usage.addresses) {
        if (seen.last >= rotatedAt)
            addresses.append(QJsonObject{{u"ip"_s, ip}, {u"lastSeen"_s, toIso(fromMs(seen.last))}});
    }
    const bool inGrace = record.status(now) == KeyStatus::Active;
    const qint64 limit = record.graceLimit != 0 ? record.graceLimit : record.expiresAt;
    return QJsonObject{
        {u"successorId"_s, record.rotatedTo},
        {u"rotatedAt"_s, rotatedAt != 0 ? QJsonValue(toIso(fromMs(rotatedAt))) : QJsonValue()},
        {u"inGrace"_s, inGrace},
        {u"graceEndsAt"_s, record.revokedAt != 0 ? toIso(fromMs(record.revokedAt)) : toIso(fromMs(record.expiresAt))},
        {u"graceLimit"_s, toIso(fromMs(limit))},
        {u"requestsSinceRotation"_s, drain->total},
        {u"requestsLastHour"_s, drain->lastHour},
        {u"addresses"_s, addresses}};
}

Response CredentialController::grace(Request& request, const Principal& p, const QString& kind)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"endsAt"_s}, errors);
    const QDateTime endsAt = fromIso(body->value(u"endsAt"_s).toString());
    if (!endsAt.isValid())
        errors.add(u"endsAt"_s, tr("Must be an ISO-8601 date and time, such as 2030-01-31T00:00:00Z; a time that has "
                                   "passed ends the grace now."));
    if (errors.any())
        return errors.response();
    const QString id = request.params.value(u"id"_s);
    const auto record = m_store.credential(p.tenantId, kind, id);
    if (!record)
        return missingCredential(record.isFailed());
    const qint64 now = Clock::nowMs();
    const qint64 ends = qMax(endsAt.toMSecsSinceEpoch(), now);
    const AuditRecord event =
        auditRecord(request, p.tenantId, p.actor(), kind + u".grace"_s, kind, id,
                    ends <= now ? tr("grace ended now") : tr("grace ends %1").arg(toIso(fromMs(ends))));
    switch (m_store.setGrace(p.tenantId, kind, id, ends, now, {event})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return missingCredential(false);
    case Store::Outcome::Conflict:
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("Only a rotated credential still in its grace period has a grace to end or extend."));
    case Store::Outcome::Invalid: {
        const qint64 limit = record->graceLimit != 0 ? record->graceLimit : record->expiresAt;
        errors.add(u"endsAt"_s, tr("The grace can be extended to %1 at most (the credential's own expiry, or %n "
                                   "day(s) after the rotation).",
                                   nullptr, int(MaxGraceSeconds / (24 * 3600)))
                                    .arg(toIso(fromMs(limit))));
        return errors.response();
    }
    default:
        return storeFailure();
    }
    const auto updated = m_store.credential(p.tenantId, kind, id);
    if (!updated)
        return storeFailure();
    return Response::ok(QJsonObject{{kind, credentialJson(*updated, now)}});
}

Response CredentialController::findings(Request&, const Principal& p)
{
    const qint64 now = Clock::nowMs();
    const auto found = m_store.findings(p.tenantId, now);
    if (!found)
        return storeFailure();
    // How much each matters: what an attacker could use now first.
    static const QHash<QString, QString> Severity = {{u"adminWithoutAllowlist"_s, u"high"_s},
                                                     {u"refusedOften"_s, u"high"_s},
                                                     {u"creatorLeft"_s, u"high"_s},
                                                     {u"usedAfterRotation"_s, u"medium"_s},
                                                     {u"neverExpires"_s, u"medium"_s},
                                                     {u"unusedScopes"_s, u"medium"_s},
                                                     {u"idle"_s, u"low"_s},
                                                     {u"neverUsed"_s, u"low"_s}};
    QJsonArray findingsJson;
    for (const Finding& f : *found) {
        QJsonArray credentials;
        for (const Finding::Item& item : f.items) {
            QJsonObject json = credentialJson(item.record, now);
            if (f.type == u"unusedScopes"_s) {
                json.insert(u"usedScopes"_s, QJsonArray::fromStringList(item.usedScopes));
                json.insert(u"unusedScopes"_s, QJsonArray::fromStringList(item.unusedScopes));
            } else if (f.type == u"refusedOften"_s) {
                json.insert(u"refusals"_s, item.refusals);
            } else if (f.type == u"creatorLeft"_s) {
                json.insert(u"createdByEmail"_s, item.person);
            }
            credentials.append(json);
        }
        findingsJson.append(QJsonObject{{u"type"_s, f.type},
                                        {u"severity"_s, Severity.value(f.type, u"low"_s)},
                                        {u"count"_s, f.count},
                                        {u"truncated"_s, f.count > f.items.size()},
                                        {u"credentials"_s, credentials}});
    }
    return Response::ok(QJsonObject{{u"computedAt"_s, toIso(fromMs(now))}, {u"findings"_s, findingsJson}});
}

Response CredentialController::patch(Request& request, const Principal& p, const QString& kind)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto record = m_store.credential(p.tenantId, kind, request.params.value(u"id"_s));
    if (!record)
        return missingCredential(record.isFailed());
    FieldErrors errors;
    const CredentialKindInfo& k = rules(kind);
    rejectUnknownFields(
        *body, {u"name"_s, u"description"_s, u"ipAllowlist"_s, u"rateLimit"_s, k.rightsField, k.expiryField}, errors);
    const CredentialRecord before = *record;
    if (body->contains(u"name"_s))
        record->name = nameField(*body, errors, true);
    if (body->contains(u"description"_s))
        record->description = descriptionField(*body, errors);
    if (body->contains(u"ipAllowlist"_s))
        record->ipAllowlist = allowlistField(*body, errors);
    if (body->contains(u"rateLimit"_s))
        record->rateLimit = rateLimitField(*body, errors);
    // Scopes and expiry only narrow (the least-privilege advice, an expiry for a key that has none): what would widen
    // them needs a new credential or a rotation, which mint a new secret.
    if (body->contains(k.rightsField)) {
        const QJsonValue value = body->value(k.rightsField);
        QStringList narrowed;
        for (const QJsonValue& v : value.toArray()) {
            if (!narrowed.contains(v.toString()))
                narrowed.append(v.toString());
        }
        if (!value.isArray() || narrowed.isEmpty()) {
            errors.add(k.rightsField, k.rightsField == u"permissions"_s ? tr("Choose at least one permission.")
                                                                        : tr("Choose at least one scope."));
        } else if (const auto wider =
                       std::find_if(narrowed.cbegin(), narrowed.cend(),
                                    [&](const QString& scope) { return !before.scopes.contains(scope); });
                   wider != narrowed.cend()) {
            errors.add(k.rightsField, tr("\"%1\" is not held by this credential: scopes can only be narrowed here. "
                                         "Create a new credential to grant more.")
                                          .arg(*wider));
        } else {
            record->scopes.clear(); // in the order it held them
            for (const QString& scope : before.scopes) {
                if (narrowed.contains(scope))
                    record->scopes.append(scope);
            }
        }
    }
    if (body->contains(k.expiryField)) {
        const qint64 now = Clock::nowMs();
        if (const auto expires = expiryField(*body, k, now, errors)) {
            if (before.expiresAt != 0 && *expires > before.expiresAt) {
                errors.add(k.expiryField, tr("The expiry can only be brought forward (it is %1 now); rotate the "
                                             "credential to extend it.")
                                              .arg(toIso(fromMs(before.expiresAt))));
            } else {
                record->expiresAt = *expires;
            }
        } else if (!errors.has(k.expiryField)) {
            errors.add(k.expiryField, tr("An expiry cannot be removed; rotate the credential instead."));
        }
    }
    if (errors.any())
        return errors.response();
    if (record->revokedAt != 0)
        return Response::error(409, QLatin1String(ErrorCode::Conflict), tr("A revoked credential cannot be changed."));
    if (auto refused = outsideBounds(p, *record))
        return *refused;
    QStringList changed = body->keys();
    changed.removeAll(k.rightsField);
    changed.removeAll(k.expiryField);
    if (record->scopes != before.scopes)
        changed.append(tr("%1 narrowed to %2").arg(k.rightsField, record->scopes.join(u' ')));
    if (record->expiresAt != before.expiresAt)
        changed.append(tr("expires %1").arg(toIso(fromMs(record->expiresAt))));
    switch (m_store.updateCredential(
        *record,
        {auditRecord(request, p.tenantId, p.actor(), kind + u".update"_s, kind, record->id, changed.join(u", "_s))},
        before)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::Conflict:
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("The credential was revoked or changed meanwhile; reload it and try again."));
    case Store::Outcome::NotFound:
        return Response::error(404, QLatin1String(ErrorCode::NotFound), tr("No such credential in this tenant."));
    default:
        return storeFailure();
    }
    return Response::ok(QJsonObject{{kind, credentialJson(*record, Clock::nowMs())}});
}

Response CredentialController::revoke(Request& request, const Principal& p, const QString& kind)
{
    const QString id = request.params.value(u"id"_s);
    QStringList missing;
    const qint64 now = Clock::nowMs();
    switch (m_store.revokeCredentials(p.tenantId, kind, {id}, p.actor(), now, &missing,
                                      {auditRecord(request, p.tenantId, p.actor(), kind + u".revoke"_s, kind, id)})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return missingCredential(false);
    default:
        return storeFailure();
    }
    const auto record = m_store.credential(p.tenantId, kind, id);
    if (!record)
        return storeFailure();
    return Response::ok(QJsonObject{{kind, credentialJson(*record, now)}});
}

Response CredentialController::bulkRevoke(Request& request, const Principal& p, const QString& kind)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    rejectUnknownFields(*body, {u"ids"_s}, errors);
    QStringList ids;
    const QJsonValue value = body->value(u"ids"_s);
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > MaxBulkIds) {
        errors.add(u"ids"_s, tr("Give from 1 to %1 ids.").arg(MaxBulkIds));
    } else {
        for (const QJsonValue& v : value.toArray()) {
            if (!v.isString() || v.toString().isEmpty()) {
                errors.add(u"ids"_s, tr("Every id must be a non-empty string."));
                break;
            }
            if (!ids.contains(v.toString()))
                ids.append(v.toString());
        }
    }
    if (errors.any())
        return errors.response();
    QStringList missing;
    if (!p.hasScope(QLatin1String(AdminScope))) {
        // Someone else's token is not there for a person without admin: all or nothing, as for unknown ids.
        for (const QString& id : std::as_const(ids)) {
            const auto record = m_store.credential(p.tenantId, kind, id);
            if (record.isFailed())
                return storeFailure();
            if (!record || record->createdBy != u"user:"_s + p.userId)
                missing.append(id);
        }
        if (!missing.isEmpty()) {
            return Response::error(
                404, QLatin1String(ErrorCode::NotFound),
                tr("Nothing was revoked: %n id(s) are unknown in this tenant.", nullptr, int(missing.size())),
                {{u"missing"_s, QJsonArray::fromStringList(missing)}});
        }
    }
    const qint64 now = Clock::nowMs();
    QList<AuditRecord> audit;
    for (const QString& id : std::as_const(ids))
        audit.append(auditRecord(request, p.tenantId, p.actor(), kind + u".revoke"_s, kind, id, tr("bulk")));
    switch (m_store.revokeCredentials(p.tenantId, kind, ids, p.actor(), now, &missing, audit)) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return Response::error(
            404, QLatin1String(ErrorCode::NotFound),
            tr("Nothing was revoked: %n id(s) are unknown in this tenant.", nullptr, int(missing.size())),
            {{u"missing"_s, QJsonArray::fromStringList(missing)}});
    default:
        return storeFailure();
    }
    QJsonArray items;
    for (const QString& id : std::as_const(ids)) {
        if (const auto record = m_store.credential(p.tenantId, kind, id))
            items.append(credentialJson(*record, now));
    }
    return Response::ok(QJsonObject{{u"items"_s, items}});
}

std::optional<qint64> CredentialController::expiryField(const QJsonObject& body, const CredentialKindInfo& k,
                                                        qint64 now, FieldErrors& errors) const
{
    const QJsonValue expires = body.value(k.expiryField);
    if (expires.isUndefined() || expires.isNull()) {
        if (k.expiryRequired) {
            errors.add(k.expiryField, k.expiryIsDate ? tr("A date until which the token is valid is required.")
                                                     : tr("An expiry is required: this kind of token has no default."));
        }
        return std::nullopt;
    }
    QDateTime at;
    if (expires.isString()) {
        const QString text = expires.toString();
        const QDate date = k.expiryIsDate ? QDate::fromString(text, Qt::ISODate) : QDate();
        at = date.isValid() && text.size() == 10 ? QDateTime(date.addDays(1), QTime(0, 0), Qt::UTC) : fromIso(text);
    }
    if (!at.isValid()) {
        errors.add(k.expiryField, k.expiryIsDate
                                      ? tr("Must be a date such as 2030-01-31.")
                                      : tr("Must be an ISO-8601 date and time, such as 2030-01-31T00:00:00Z."));
    } else if (at.toMSecsSinceEpoch() <= now) {
        errors.add(k.expiryField, tr("Must be in the future."));
    } else if (const int maxDays = maxExpiryDays(k.kind);
               maxDays > 0 && at.toMSecsSinceEpoch() - now > qint64(maxDays) * 24 * 3600 * 1000) {
        errors.add(k.expiryField, tr("May be at most %n day(s) from now.", nullptr, maxDays));
    } else {
        return at.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

int CredentialController::maxExpiryDays(CredentialKind kind) const
{
    return kind == CredentialKind::PrivateToken ? m_context.config.privateTokenMaxDays : 0;
}

Response CredentialController::limits(Request&, const Principal& p)
{
    // What the console bounds its forms by, rather than knowing the server's rules itself.
    QJsonObject kinds;
    for (const CredentialKindInfo& k : protocol::credentialKinds()) {
        const int maxDays = maxExpiryDays(k.kind);
        kinds.insert(k.wireName, QJsonObject{{u"expiryRequired"_s, k.expiryRequired},
                                             {u"maxExpiryDays"_s, maxDays > 0 ? QJsonValue(maxDays) : QJsonValue()}});
    }
    return Response::ok(QJsonObject{
        {u"kinds"_s, kinds},
        {u"maxNameLength"_s, MaxNameLength},
        {u"maxDescriptionLength"_s, MaxDescriptionLength},
        {u"maxAllowlistEntries"_s, MaxAllowlistEntries},
        {u"maxBulkRevokeIds"_s, MaxBulkIds},
        {u"maxGraceSeconds"_s, MaxGraceSeconds},
        // A credential creates only what expires no later than itself.
        {u"notAfter"_s, !p.isSession() && p.expiresAt != 0 ? QJsonValue(toIso(fromMs(p.expiresAt))) : QJsonValue()},
    });
}

Response CredentialController::rotate(Request& request, const Principal& p, const QString& kind)
{
    // Rotating mints a new secret: the same rule as creating one (private tokens only from a login session).
    if (rules(kind).sessionOnly && !p.isSession()) {
        return Response::error(
            403, QLatin1String(ErrorCode::InsufficientScope),
            tr("This kind of token can only be rotated from a login session, not with another token."));
    }
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    FieldErrors errors;
    const CredentialKindInfo& kindRules = rules(kind);
    rejectUnknownFields(*body, {u"graceSeconds"_s, kindRules.expiryField}, errors);
    // The successor's expiry: given, or else the predecessor's lifetime counted from now.
    std::optional<qint64> wantedExpiry;
    bool neverExpires = false;
    if (body->contains(kindRules.expiryField)) {
        if (body->value(kindRules.expiryField).isNull() && !kindRules.expiryRequired)
            neverExpires = true;
        else
            wantedExpiry = expiryField(*body, kindRules, Clock::nowMs(), errors);
    }
    const QJsonValue grace = body->value(u"graceSeconds"_s);
    const double graceValue = grace.toDouble(-1);
    if (!grace.isDouble() || graceValue != std::floor(graceValue) || graceValue < 0 || graceValue > MaxGraceSeconds)
        errors.add(u"graceSeconds"_s,
                   tr("Give the grace period in whole seconds, from 0 to %1 (30 days).").arg(MaxGraceSeconds));
    if (errors.any())
        return errors.response();
    const QString id = request.params.value(u"id"_s);
    const auto old = m_store.credential(p.tenantId, kind, id);
    if (!old)
        return missingCredential(old.isFailed());

    const qint64 now = Clock::nowMs();
    const CredentialKindInfo& k = rules(kind);
    const QByteArray secret = OpaqueToken::generate(k.tokenKind);
    const auto parsed = OpaqueToken::parse(secret);
    CredentialRecord successor = *old;
    successor.id = newId(k.idPrefix);
    successor.prefix = parsed->prefix;
    successor.last4 = parsed->last4;
    successor.createdAt = now;
    successor.createdBy = p.actor();
    // The successor keeps the predecessor's lifetime, counted from now, unless the request names its expiry.
    successor.expiresAt = old->expiresAt == 0 ? 0 : now + (old->expiresAt - old->createdAt);
    if (wantedExpiry)
        successor.expiresAt = *wantedExpiry;
    else if (neverExpires)
        successor.expiresAt = 0;
    if (k.expiryIsDate && successor.expiresAt != 0 && !wantedExpiry) {
        // Date-valued kinds are valid through the end of a day: round up to the next midnight UTC.
        constexpr qint64 DayMs = 24LL * 3600 * 1000;
        successor.expiresAt = (successor.expiresAt + DayMs - 1) / DayMs * DayMs;
    }
    successor.lastUsedAt = 0;
    successor.lastUsedIp.clear();
    successor.revokedAt = 0;
    successor.suspendedAt = 0;
    successor.graceLimit = 0;
    if (auto refused = outsideBounds(p, successor))
        return *refused;
    successor.revokedBy.clear();
    successor.rotatedFrom = old->id;
    successor.rotatedTo.clear();
    const qint64 graceEnd = now + qint64(graceValue) * 1000;
    const AuditRecord event = auditRecord(request, p.tenantId, p.actor(), kind + u".rotate"_s, kind, id,
                                          tr("successor %1, grace %2 s").arg(successor.id).arg(qint64(graceValue)));
    switch (m_store.rotateCredential(p.tenantId, kind, id, successor, m_context.digest(secret), graceEnd, {event})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return missingCredential(false);
    case Store::Outcome::Conflict:
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("Only an active credential that has not been rotated yet can be rotated."));
    default:
        return storeFailure();
    }
    const auto previous = m_store.credential(p.tenantId, kind, id);
    return Response::ok(
        QJsonObject{{kind, credentialJson(successor, now)},
                    {u"secret"_s, QString::fromLatin1(secret)},
                    {u"previous"_s, previous ? QJsonValue(credentialJson(*previous, now)) : QJsonValue()}},
        201);
}

Response CredentialController::suspend(Request& request, const Principal& p, const QString& kind, bool suspended)
{
    const QString id = request.params.value(u"id"_s);
    const qint64 now = Clock::nowMs();
    switch (m_store.setSuspended(
        p.tenantId, kind, id, suspended, now,
        {auditRecord(request, p.tenantId, p.actor(), kind + (suspended ? u".suspend"_s : u".resume"_s), kind, id)})) {
    case Store::Outcome::Ok:
        break;
    case Store::Outcome::NotFound:
        return missingCredential(false);
    case Store::Outcome::Conflict:
        return Response::error(409, QLatin1String(ErrorCode::Conflict),
                               tr("A revoked or expired credential cannot be suspended or resumed."));
    default:
        return storeFailure();
    }
    const auto record = m_store.credential(p.tenantId, kind, id);
    if (!record)
        return storeFailure();
    return Response::ok(QJsonObject{{kind, credentialJson(*record, now)}});
}

} // namespace td::server
