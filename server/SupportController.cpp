#include "SupportController.h"

#include "Clock.h"
#include "Text.h"
#include "Validation.h"
#include "protocol/CredentialKind.h"
#include "protocol/Jwt.h"
#include "protocol/Scopes.h"
#include "protocol/Token.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

Response SupportController::scopes(Request&, const Principal&)
{
    return Response::ok(m_context.config.scopes.toJson());
}

Response SupportController::tenants(Request&, const Principal& p)
{
    QJsonArray out;
    if (p.isSession()) {
        const auto memberships = m_store.memberships(p.userId);
        if (memberships.isFailed())
            return storeFailure();
        for (const MembershipRecord& m : *memberships)
            out.append(TenantDto{m.tenantId, m.tenantName, m.role}.toJson());
    } else if (const auto tenant = m_store.tenant(p.tenantId); tenant.isFailed()) {
        return storeFailure();
    } else if (tenant) {
        // A token has no membership of its own: its role is what its scopes allow.
        out.append(TenantDto{tenant->tenantId, tenant->tenantName,
                             p.hasScope(QLatin1String(AdminScope)) ? u"admin"_s : u"member"_s}
                       .toJson());
    }
    return Response::ok(out);
}

Response SupportController::introspect(Request& request, const Principal& p)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QByteArray token = body->value(u"token"_s).toString().trimmed().toLatin1();
    if (token.isEmpty()) {
        FieldErrors errors;
        errors.add(u"token"_s, tr("Paste the token to inspect."));
        return errors.response();
    }
    const qint64 now = Clock::nowMs();
    // Never echoes the token; a credential of another tenant is described only as inactive.
    QJsonObject out{{u"active"_s, false},           {u"kind"_s, QJsonValue()},     {u"id"_s, QJsonValue()},
                    {u"name"_s, QJsonValue()},      {u"tenantId"_s, QJsonValue()}, {u"scopes"_s, QJsonArray()},
                    {u"expiresAt"_s, QJsonValue()}, {u"status"_s, u"unknown"_s}};
    bool readFailed = false;
    auto describeSession = [&](const SessionRecord& session, const QString& kind, qint64 expiresAt, bool usable) {
        const auto user = m_store.userById(session.userId);
        QString role;
        const auto memberships = m_store.memberships(session.userId);
        readFailed = readFailed || user.isFailed() || memberships.isFailed();
        for (const MembershipRecord& m : memberships ? *memberships : QList<MembershipRecord>{}) {
            if (m.tenantId == session.tenantId)
                role = m.role;
        }
        const bool ended = session.revokedAt != 0 || session.expiresAt <= now;
        const bool expired = expiresAt <= now;
        out.insert(u"kind"_s, kind);
        out.insert(u"id"_s, session.id);
        out.insert(u"name"_s, user ? user->email : QString());
        out.insert(u"tenantId"_s, session.tenantId);
        out.insert(u"scopes"_s,
                   QJsonArray::fromStringList(role.isEmpty() ? QStringList() : m_auth.sessionScopes(role)));
        out.insert(u"expiresAt"_s, toIso(fromMs(expiresAt)));
        out.insert(u"status"_s, session.revokedAt != 0 ? u"revoked"_s
                                : (ended || expired)   ? u"expired"_s
                                : usable               ? u"active"_s
                                                       : u"used"_s);
        out.insert(u"active"_s, !ended && !expired && usable);
    };

    if (Jwt::looksLikeJwt(token)) {
        // Outside its time window a token still names its session: it is then described as not active.
        const JwtResult result = m_auth.verifyJwt(token);
        out.insert(u"kind"_s, u"session"_s);
        if (!result.claims.sid.isEmpty()) {
            const auto session = m_store.session(result.claims.sid);
            readFailed = session.isFailed();
            if (session && session->tenantId == p.tenantId)
                describeSession(*session, u"session"_s, result.claims.exp * 1000, result.ok());
        } else {
            out.insert(u"status"_s, u"invalid"_s);
            out.insert(u"reason"_s, toString(result.error));
        }
    } else if (const auto parsed = OpaqueToken::parse(token)) {
        const QByteArray digest = m_context.digest(parsed->token);
        if (parsed->kind == TokenKind::Refresh) {
            bool used = false;
            const auto session = m_store.sessionByRefresh(digest, &used);
            readFailed = session.isFailed();
            out.insert(u"kind"_s, u"refreshToken"_s);
            if (session && session->tenantId == p.tenantId)
                describeSession(*session, u"refreshToken"_s, session->expiresAt, !used);
        } else {
            out.insert(u"kind"_s, kindName(parsed->kind));
            const auto record = m_store.credentialByDigest(digest);
            readFailed = record.isFailed();
            if (record && record->tenantId == p.tenantId) {
                const KeyStatus status = record->status(now);
                out.insert(u"active"_s, status == KeyStatus::Active);
                out.insert(u"id"_s, record->id);
                out.insert(u"name"_s, record->name);
                out.insert(u"tenantId"_s, record->tenantId);
                out.insert(u"scopes"_s, QJsonArray::fromStringList(record->scopes));
                out.insert(u"expiresAt"_s, toIsoOrNull(fromMs(record->expiresAt)));
                out.insert(u"status"_s, toString(status));
                out.insert(u"prefix"_s, record->prefix);
                out.insert(u"last4"_s, record->last4);
                out.insert(u"ipAllowlist"_s, QJsonArray::fromStringList(record->ipAllowlist));
                // "Why was my call refused?": its latest refusals, as the Refusals tab shows them.
                const auto refused = refusals(p.tenantId, record->id, 90, 10);
                readFailed = readFailed || !refused;
                out.insert(u"refusals"_s, refused ? *refused : QJsonArray());
            }
        }
    } else {
        out.insert(u"status"_s, u"malformed"_s);
    }
    if (readFailed)
        return storeFailure(); // never "inactive" because the database could not be read
    audit(request, p.tenantId, p.actor(), u"token.introspect"_s, out.value(u"kind"_s).toString(),
          out.value(u"id"_s).toString());
    return Response::ok(out);
}

Response SupportController::auditEvents(Request& request, const Principal& p)
{
    FieldErrors errors;
    AuditQuery query;
    query.tenantId = p.tenantId;
    query.limit = intParam(request, u"limit"_s, 1, 1000, 100, errors).value_or(100);
    if (request.query.hasQueryItem(u"cursor"_s)) {
        bool ok = false;
        query.beforeId = request.query.queryItemValue(u"cursor"_s).toLongLong(&ok);
        if (!ok || query.beforeId <= 0)
            errors.add(u"cursor"_s, tr("The cursor is not valid; start again from the first page."));
    }
    query.targetId = request.query.queryItemValue(u"targetId"_s, QUrl::FullyDecoded);
    // action=apiKey.revoke,apiKey.rotate: any of these.
    static const QRegularExpression actionName(u"^[A-Za-z][A-Za-z0-9_.]{0,63}$"_s);
    if (request.query.hasQueryItem(u"action"_s)) {
        const QStringList actions =
            request.query.queryItemValue(u"action"_s, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
        if (actions.isEmpty() || actions.size() > 50)
            errors.add(u"action"_s, tr("Give from 1 to 50 actions, separated by commas."));
        for (const QString& action : actions) {
            if (!actionName.match(action).hasMatch()) {
                errors.add(u"action"_s, tr("\"%1\" is not an action name.").arg(action.left(64)));
                break;
            }
        }
        query.actions = actions;
    }
    // since and until: ISO 8601 times; since inclusive, until exclusive.
    auto timeParam = [&](const QString& name, qint64* out) {
        if (!request.query.hasQueryItem(name))
            return;
        const QDateTime time = protocol::fromIso(request.query.queryItemValue(name, QUrl::FullyDecoded));
        if (!time.isValid())
            errors.add(name, tr("Give a time such as 2030-01-31T12:00:00Z."));
        else
            *out = qMax<qint64>(1, time.toMSecsSinceEpoch());
    };
    timeParam(u"since"_s, &query.since);
    timeParam(u"until"_s, &query.until);
    if (query.since > 0 && query.until > 0 && query.since >= query.until)
        errors.add(u"until"_s, tr("Must be later than since."));
    if (errors.any())
        return errors.response();
    const auto events = m_store.auditEvents(query);
    if (!events)
        return storeFailure();

    // Names for people: a user's e-mail, a credential's "name (prefix…last4)", each looked up once per page.
    QHash<QString, QString> names;
    bool readFailed = false;
    auto nameOf = [&](const QString& kind, const QString& id) -> QString {
        if (id.isEmpty())
            return {};
        const QString key = kind + u':' + id;
        const auto known = names.constFind(key);
        if (known != names.constEnd())
            return *known;
        QString name;
        if (kind == u"user"_s) {
            const Read<UserRecord> user = m_store.userById(id);
            readFailed = readFailed || user.isFailed();
            if (user)
                name = user->email.isEmpty() ? user->username : user->email;
        } else if (protocol::kindByWireName(kind)) {
            const Read<CredentialRecord> credential = m_store.credential(p.tenantId, kind, id);
            readFailed = readFailed || credential.isFailed();
            if (credential)
                name = protocol::credentialLabel(credential->name, credential->prefix, credential->last4);
        }
        names.insert(key, name);
        return name;
    };
    QJsonArray items;
    for (const AuditRecord& e : *events) {
        protocol::AuditEventDto dto = e.toDto();
        dto.actorName = nameOf(e.actor.section(u':', 0, 0), e.actor.section(u':', 1));
        dto.targetName = nameOf(e.targetKind, e.targetId);
        items.append(dto.toJson());
    }
    if (readFailed)
        return storeFailure();
    const bool more = events->size() == query.limit;
    return Response::ok(ListPageDto{items, more ? QString::number(events->constLast().id) : QString()}.toJson());
}

namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped.
QString icsText(QString text)
{
    return text.replace(u'\\', u"\\\\"_s).replace(u';', u"\\;"_s).replace(u',', u"\\,"_s).replace(u'\n', u"\\n"_s);
}

QByteArray icsTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

// RFC 5545 3.1: lines of at most 75 octets, continued with CRLF and a space, never inside a UTF-8 sequence.
void icsLine(QByteArray& out, const QByteArray& line)
{
    qsizetype start = 0;
    qsizetype room = 75;
    while (line.size() - start > room) {
        qsizetype cut = start + room;
        while (cut > start && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut; // not between the bytes of one character
        out += line.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        room = 74; // the leading space counts
    }
    out += line.mid(start);
    out += "\r\n";
}

} // namespace

Response SupportController::calendar(Request& request, const Principal& p)
{
    // Read through a URL (?feed=): a credential that can do nothing else. Anywhere else it is a header credential.
    if (request.params.contains(u"viaFeed"_s) &&
        (p.credentialKind != CredentialKind::ApiKey || p.scopes != QStringList{u"calendar:read"_s})) {
        return Response::error(403, QLatin1String(ErrorCode::InsufficientScope),
                               tr("Only an API key holding calendar:read and nothing else may be given as ?feed=; "
                                  "send any other credential in a header."));
    }
    const qint64 now = Clock::nowMs();
    QByteArray out;
    icsLine(out, "BEGIN:VCALENDAR");
    icsLine(out, "VERSION:2.0");
    icsLine(out, "PRODID:-//TokenDesk//Expiry calendar//EN");
    icsLine(out, "CALSCALE:GREGORIAN");
    icsLine(out, "METHOD:PUBLISH");
    icsLine(out, "X-WR-CALNAME:" + icsText(tr("TokenDesk expiries (%1)").arg(p.tenantId)).toUtf8());
    constexpr qint64 DayMs = 24LL * 3600 * 1000;
    for (const CredentialKindInfo& k : credentialKinds()) {
        CredentialQuery query;
        query.tenantId = p.tenantId;
        query.kind = k.wireName;
        query.nowMs = now;
        query.limit = 1000;
        do {
            const auto next = m_store.visitCredentials(query, [&](const CredentialRecord& r) {
                // Revoked ones never expire any more; long-expired ones are history.
                if (r.expiresAt == 0 || r.revokedAt != 0 || r.expiresAt < now - 30 * DayMs)
                    return;
                const QString label = protocol::credentialLabel(r.name, r.prefix, r.last4);
                const QString summary =
                    tr("%1 \"%2\" (%3…%4) expires").arg(kindName(k.tokenKind), r.name, r.prefix, r.last4);
                icsLine(out, "BEGIN:VEVENT");
                icsLine(out, "UID:" + r.id.toUtf8() + "@tokendesk");
                icsLine(out, "DTSTAMP:" + icsTime(now));
                icsLine(out, "DTSTART:" + icsTime(r.expiresAt));
                icsLine(out, "DTEND:" + icsTime(r.expiresAt + 30 * 60 * 1000));
                icsLine(out, "SUMMARY:" + icsText(summary).toUtf8());
                icsLine(out, "DESCRIPTION:" +
                                 icsText(tr("%1 stops working at this time. Rotate it in TokenDesk, or let it go.\n"
                                            "Scopes: %2\nId: %3")
                                             .arg(label, r.scopes.join(u' '), r.id))
                                     .toUtf8());
                icsLine(out, "TRANSP:TRANSPARENT");
                for (const char* trigger : {"-P7D", "-P1D"}) {
                    icsLine(out, "BEGIN:VALARM");
                    icsLine(out, "ACTION:DISPLAY");
                    icsLine(out, QByteArray("TRIGGER:") + trigger);
                    icsLine(out, "DESCRIPTION:" + icsText(summary).toUtf8());
                    icsLine(out, "END:VALARM");
                }
                icsLine(out, "END:VEVENT");
            });
            if (!next)
                return storeFailure();
            query.cursor = *next;
        } while (!query.cursor.isEmpty());
    }
    icsLine(out, "END:VCALENDAR");
    Response response;
    response.contentType = "text/calendar; charset=utf-8";
    response.body = out;
    return response;
}

} // namespace td::server
