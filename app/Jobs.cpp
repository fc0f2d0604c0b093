#include "Jobs.h"

#include <QNetworkReply>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::app {

namespace {

// One credential's address, …/{id}[suffix], the id percent-encoded.
QString credentialPath(CredentialKind kind, const QString& id, const QString& suffix = {})
{
    return kindInfo(kind).path() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id)) + suffix;
}

// The record an answer carries under the kind's name ({"apiKey": {…}}); false when it holds none.
bool parseRecord(const QJsonValue& data, CredentialKind kind, protocol::ApiKeyDto* record)
{
    const auto parsed = ApiKeyDto::fromJson(data.toObject().value(kindInfo(kind).wireName).toObject());
    if (parsed)
        *record = *parsed;
    return parsed.has_value();
}

// A kind's expiry on the wire: a day (UTC) for date-valued kinds, else a time; null: never.
QJsonValue expiryJson(CredentialKind kind, const QDateTime& expiry)
{
    if (!expiry.isValid())
        return QJsonValue();
    return kindInfo(kind).expiryIsDate ? QJsonValue(expiry.toUTC().date().toString(Qt::ISODate))
                                       : QJsonValue(protocol::toIso(expiry));
}

} // namespace

namespace {

bool parseLogin(const QJsonValue& data, LoginResult& out)
{
    const auto result = LoginResultDto::fromJson(data.toObject());
    if (!result)
        return false;
    out.token = result->token.toLatin1();
    out.refreshToken = result->refreshToken.toLatin1();
    out.expiresAt = result->expiresAt;
    out.refreshExpiresAt = result->refreshExpiresAt;
    out.tenantId = result->tenantId;
    out.user = result->user;
    out.tenants = result->tenants;
    return true;
}

void wipe(QByteArray& secret)
{
    secret.fill('\0');
    secret.clear();
}

} // namespace

LoginJob::LoginJob(ApiClient* client, QString email, QByteArray password, QString tenantId, QObject* parent)
    : ApiJob(client, parent)
    , m_email(std::move(email))
    , m_password(std::move(password))
    , m_tenantId(std::move(tenantId))
{}

LoginJob::~LoginJob()
{
    wipe(m_password);
}

QJsonObject LoginJob::body() const
{
    QJsonObject o{{u"email"_s, m_email}, {u"password"_s, QString::fromUtf8(m_password)}};
    if (!m_tenantId.isEmpty())
        o.insert(u"tenantId"_s, m_tenantId);
    return o;
}

bool LoginJob::parse(const QJsonValue& data)
{
    return parseLogin(data, m_result);
}

RefreshJob::RefreshJob(ApiClient* client, QByteArray refreshToken, QObject* parent)
    : ApiJob(client, parent)
    , m_refreshToken(std::move(refreshToken))
{}

QJsonObject RefreshJob::body() const
{
    return {{u"refreshToken"_s, QString::fromLatin1(m_refreshToken)}};
}

bool RefreshJob::parse(const QJsonValue& data)
{
    return parseLogin(data, m_result);
}

LogoutJob::LogoutJob(ApiClient* client, QByteArray refreshToken, QObject* parent)
    : ApiJob(client, parent)
    , m_refreshToken(std::move(refreshToken))
{}

QJsonObject LogoutJob::body() const
{
    return {{u"refreshToken"_s, QString::fromLatin1(m_refreshToken)}};
}

bool MeJob::parse(const QJsonValue& data)
{
    auto me = MeDto::fromJson(data.toObject());
    if (!me)
        return false;
    m_result = std::move(*me);
    return true;
}

bool ScopesJob::parse(const QJsonValue& data)
{
    const auto catalog = ScopeCatalog::fromJson(QJsonObject{{u"scopes"_s, data.toArray()}});
    if (!catalog)
        return false;
    m_catalog = *catalog;
    return true;
}

QDateTime Limits::latestExpiry(CredentialKind kind, const QDateTime& now) const
{
    QDateTime latest;
    if (const auto days = maxExpiryDays.constFind(kindInfo(kind).wireName); days != maxExpiryDays.cend())
        latest = now.addDays(*days);
    if (notAfter.isValid() && (!latest.isValid() || notAfter < latest))
        latest = notAfter;
    return latest;
}

bool LimitsJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (!o.value(u"kinds"_s).isObject())
        return false;
    m_limits = {};
    const QJsonObject kinds = o.value(u"kinds"_s).toObject();
    for (auto it = kinds.constBegin(); it != kinds.constEnd(); ++it) {
        const QJsonValue days = it.value().toObject().value(u"maxExpiryDays"_s);
        if (days.isDouble() && days.toInt() > 0)
            m_limits.maxExpiryDays.insert(it.key(), days.toInt());
    }
    m_limits.notAfter = fromIso(o.value(u"notAfter"_s).toString());
    m_limits.maxBulkRevokeIds = o.value(u"maxBulkRevokeIds"_s).toInt(protocol::MaxBulkRevokeIds);
    m_limits.maxGraceSeconds = qint64(o.value(u"maxGraceSeconds"_s).toDouble(30.0 * 24 * 3600));
    m_limits.maxNameLength = o.value(u"maxNameLength"_s).toInt(100);
    return true;
}

UsageJob::UsageJob(ApiClient* client, CredentialKind kind, QString id, int days, QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_id(std::move(id))
    , m_days(days)
{}

QString UsageJob::path() const
{
    return credentialPath(m_kind, m_id, u"/usage"_s);
}

QUrlQuery UsageJob::query() const
{
    QUrlQuery q;
    q.addQueryItem(u"days"_s, QString::number(m_days));
    return q;
}

bool UsageJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (!o.value(u"daily"_s).isArray() || !o.value(u"addresses"_s).isArray())
        return false;
    m_usage = {};
    m_usage.days = o.value(u"days"_s).toInt(m_days);
    m_usage.total = qint64(o.value(u"total"_s).toDouble());
    for (const QJsonValue& v : o.value(u"daily"_s).toArray()) {
        const QDate date = QDate::fromString(v.toObject().value(u"date"_s).toString(), Qt::ISODate);
        if (!date.isValid())
            return false;
        m_usage.daily.append({date, qint64(v.toObject().value(u"count"_s).toDouble())});
    }
    const auto seen = [](const QJsonArray& items, const QString& key) {
        QList<CredentialUsage::Seen> out;
        for (const QJsonValue& v : items) {
            const QJsonObject s = v.toObject();
            out.append({s.value(key).toString(), fromIso(s.value(u"firstSeen"_s).toString()),
                        fromIso(s.value(u"lastSeen"_s).toString()), qint64(s.value(u"count"_s).toDouble())});
        }
        return out;
    };
    m_usage.addresses = seen(o.value(u"addresses"_s).toArray(), u"ip"_s);
    m_usage.agents = seen(o.value(u"agents"_s).toArray(), u"agent"_s);
    for (const QJsonValue& v : o.value(u"scopesUsed"_s).toArray())
        m_usage.scopesUsed.append(v.toObject().value(u"scope"_s).toString());
    for (const QJsonValue& v : o.value(u"scopesUnused"_s).toArray())
        m_usage.scopesUnused.append(v.toString());
    for (const QJsonValue& v : o.value(u"refusals"_s).toArray()) {
        const QJsonObject r = v.toObject();
        m_usage.refusals.append({fromIso(r.value(u"at"_s).toString()), r.value(u"ip"_s).toString(),
                                 r.value(u"reason"_s).toString(), r.value(u"detail"_s).toString()});
    }
    if (const QJsonObject d = o.value(u"drain"_s).toObject(); !d.isEmpty()) {
        CredentialUsage::Drain drain;
        drain.successorId = d.value(u"successorId"_s).toString();
        drain.rotatedAt = fromIso(d.value(u"rotatedAt"_s).toString());
        drain.inGrace = d.value(u"inGrace"_s).toBool();
        drain.graceEndsAt = fromIso(d.value(u"graceEndsAt"_s).toString());
        drain.graceLimit = fromIso(d.value(u"graceLimit"_s).toString());
        drain.sinceRotation = qint64(d.value(u"requestsSinceRotation"_s).toDouble());
        drain.lastHour = qint64(d.value(u"requestsLastHour"_s).toDouble());
        for (const QJsonValue& v : d.value(u"addresses"_s).toArray())
            drain.addresses.append(
                {v.toObject().value(u"ip"_s).toString(), fromIso(v.toObject().value(u"lastSeen"_s).toString())});
        m_usage.drain = drain;
    }
    return true;
}

SuspendCredentialJob::SuspendCredentialJob(ApiClient* client, CredentialKind kind, QString id, bool suspend,
                                           QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_id(std::move(id))
    , m_suspend(suspend)
{}

QString SuspendCredentialJob::path() const
{
    return credentialPath(m_kind, m_id, (m_suspend ? u"/suspend"_s : u"/resume"_s));
}

bool SuspendCredentialJob::parse(const QJsonValue& data)
{
    return parseRecord(data, m_kind, &m_record);
}

GraceJob::GraceJob(ApiClient* client, CredentialKind kind, QString id, QDateTime endsAt, QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_id(std::move(id))
    , m_endsAt(std::move(endsAt))
{}

QString GraceJob::path() const
{
    return credentialPath(m_kind, m_id, u"/grace"_s);
}

QJsonObject GraceJob::body() const
{
    return {{u"endsAt"_s, toIso(m_endsAt)}};
}

bool GraceJob::parse(const QJsonValue& data)
{
    return parseRecord(data, m_kind, &m_record);
}

FindingsJob::FindingsJob(ApiClient* client, QObject* parent)
    : ApiJob(client, parent)
{}

bool FindingsJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (!o.value(u"findings"_s).isArray())
        return false;
    m_findings.clear();
    m_computedAt = fromIso(o.value(u"computedAt"_s).toString());
    for (const QJsonValue& v : o.value(u"findings"_s).toArray()) {
        const QJsonObject f = v.toObject();
        Finding finding;
        finding.type = f.value(u"type"_s).toString();
        const QString severity = f.value(u"severity"_s).toString();
        finding.severity = severity == u"high"_s     ? Finding::Severity::High
                           : severity == u"medium"_s ? Finding::Severity::Medium
                                                     : Finding::Severity::Low;
        finding.count = qint64(f.value(u"count"_s).toDouble());
        finding.truncated = f.value(u"truncated"_s).toBool();
        for (const QJsonValue& c : f.value(u"credentials"_s).toArray()) {
            const QJsonObject json = c.toObject();
            const auto record = ApiKeyDto::fromJson(json);
            if (!record)
                return false;
            Finding::Item item{*record, {}, {}, qint64(json.value(u"refusals"_s).toDouble()), {}};
            for (const QJsonValue& scope : json.value(u"usedScopes"_s).toArray())
                item.usedScopes.append(scope.toString());
            for (const QJsonValue& scope : json.value(u"unusedScopes"_s).toArray())
                item.unusedScopes.append(scope.toString());
            item.createdBy = json.value(u"createdByEmail"_s).toString();
            finding.items.append(item);
        }
        m_findings.append(finding);
    }
    return true;
}

bool TenantsJob::parse(const QJsonValue& data)
{
    m_tenants.clear();
    for (const QJsonValue& v : data.toArray()) {
        QJsonObject o = v.toObject();
        if (o.value(u"role"_s).isNull() || !o.contains(u"role"_s))
            o.insert(u"role"_s, u"member"_s); // a key's tenant carries no role
        const auto tenant = TenantDto::fromJson(o);
        if (!tenant)
            return false;
        m_tenants.append(*tenant);
    }
    return true;
}

ListCredentialsJob::ListCredentialsJob(ApiClient* client, CredentialKind kind, CredentialListQuery query,
                                       QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_query(std::move(query))
{}

QString ListCredentialsJob::path() const
{
    return kindInfo(m_kind).path();
}

QUrlQuery ListCredentialsJob::query() const
{
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, QString::number(m_query.limit));
    if (m_query.status)
        q.addQueryItem(u"status"_s, toString(*m_query.status));
    if (!m_query.text.isEmpty())
        q.addQueryItem(u"q"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_query.text)));
    if (!m_query.cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, m_query.cursor);
    return q;
}

bool ListCredentialsJob::parse(const QJsonValue& data)
{
    const auto page = ListPageDto::fromJson(data.toObject());
    m_rows.clear();
    if (!page || !m_rows.appendJson(page->items))
        return false;
    m_nextCursor = page->nextCursor;
    return true;
}

void ListCredentialsJob::headersReceived(QNetworkReply* reply)
{
    // Link: </api/v1/api-keys?limit=1000&cursor=...>; rel="next"
    const QByteArray link = reply->rawHeader("Link");
    const qsizetype open = link.indexOf('<');
    const qsizetype close = link.indexOf('>', open + 1);
    if (open < 0 || close < 0 || !link.mid(close + 1).contains("rel=\"next\""))
        return;
    const QUrl next = QUrl::fromEncoded(link.mid(open + 1, close - open - 1));
    const QString cursor = QUrlQuery(next).queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    if (cursor.isEmpty() || cursor == m_announcedCursor)
        return;
    m_announcedCursor = cursor;
    emit nextPageAnnounced(cursor);
}

QList<protocol::ApiKeyDto> ListCredentialsJob::items() const
{
    QList<protocol::ApiKeyDto> items;
    items.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        items.append(m_rows.record(row));
    return items;
}

CreateCredentialJob::CreateCredentialJob(ApiClient* client, CredentialKind kind, NewCredential request, QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_request(std::move(request))
{}

CreateCredentialJob::~CreateCredentialJob()
{
    wipe(m_result.secret);
}

QString CreateCredentialJob::path() const
{
    return kindInfo(m_kind).path();
}

QJsonObject CreateCredentialJob::body() const
{
    const CredentialKindInfo& info = kindInfo(m_kind);
    QJsonObject o{{u"name"_s, m_request.name},
                  {info.rightsField, QJsonArray::fromStringList(m_request.scopes)},
                  {u"ipAllowlist"_s, QJsonArray::fromStringList(m_request.ipAllowlist)}};
    if (!m_request.description.isEmpty())
        o.insert(u"description"_s, m_request.description);
    if (m_request.rateLimit.isSet())
        o.insert(u"rateLimit"_s, QJsonObject{{u"requests"_s, m_request.rateLimit.requests},
                                             {u"perSeconds"_s, m_request.rateLimit.perSeconds}});
    if (m_request.expiresAt.isValid() || !info.expiryRequired)
        o.insert(info.expiryField, expiryJson(m_kind, m_request.expiresAt));
    return o;
}

bool CreateCredentialJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    const auto record = ApiKeyDto::fromJson(o.value(kindInfo(m_kind).wireName).toObject());
    m_result.secret = o.value(u"secret"_s).toString().toLatin1();
    if (!record || m_result.secret.isEmpty())
        return false;
    m_result.record = *record;
    return true;
}

QByteArray CreateCredentialJob::takeSecret()
{
    QByteArray secret = m_result.secret;
    wipe(m_result.secret);
    return secret;
}

UpdateCredentialJob::UpdateCredentialJob(ApiClient* client, CredentialKind kind, QString id, QJsonObject changes,
                                         QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_id(std::move(id))
    , m_changes(std::move(changes))
{}

QString UpdateCredentialJob::path() const
{
    return credentialPath(m_kind, m_id);
}

bool UpdateCredentialJob::parse(const QJsonValue& data)
{
    return parseRecord(data, m_kind, &m_record);
}

RevokeCredentialsJob::RevokeCredentialsJob(ApiClient* client, CredentialKind kind, QStringList ids, QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_ids(std::move(ids))
{}

QString RevokeCredentialsJob::path() const
{
    if (m_ids.size() == 1)
        return credentialPath(m_kind, m_ids.constFirst(), u"/revoke"_s);
    return kindInfo(m_kind).path() + u"/revoke"_s;
}

QJsonObject RevokeCredentialsJob::body() const
{
    if (m_ids.size() == 1)
        return {};
    return {{u"ids"_s, QJsonArray::fromStringList(m_ids)}};
}

bool RevokeCredentialsJob::parse(const QJsonValue& data)
{
    m_records.clear();
    const QJsonObject o = data.toObject();
    const QJsonArray items =
        m_ids.size() == 1 ? QJsonArray{o.value(kindInfo(m_kind).wireName)} : o.value(u"items"_s).toArray();
    for (const QJsonValue& v : items) {
        const auto record = ApiKeyDto::fromJson(v.toObject());
        if (!record)
            return false;
        m_records.append(*record);
    }
    return true;
}

RotateCredentialJob::RotateCredentialJob(ApiClient* client, CredentialKind kind, QString id, qint64 graceSeconds,
                                         std::optional<QDateTime> expiry, QObject* parent)
    : ApiJob(client, parent)
    , m_kind(kind)
    , m_id(std::move(id))
    , m_graceSeconds(graceSeconds)
    , m_expiry(std::move(expiry))
{}

RotateCredentialJob::~RotateCredentialJob()
{
    wipe(m_result.secret);
}

QString RotateCredentialJob::path() const
{
    return credentialPath(m_kind, m_id, u"/rotate"_s);
}

QJsonObject RotateCredentialJob::body() const
{
    QJsonObject o{{u"graceSeconds"_s, double(m_graceSeconds)}};
    if (m_expiry)
        o.insert(kindInfo(m_kind).expiryField, expiryJson(m_kind, *m_expiry));
    return o;
}

bool RotateCredentialJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    const auto record = ApiKeyDto::fromJson(o.value(kindInfo(m_kind).wireName).toObject());
    m_result.secret = o.value(u"secret"_s).toString().toLatin1();
    if (!record || m_result.secret.isEmpty())
        return false;
    m_result.record = *record;
    m_result.previous = ApiKeyDto::fromJson(o.value(u"previous"_s).toObject());
    return true;
}

QByteArray RotateCredentialJob::takeSecret()
{
    QByteArray secret = m_result.secret;
    wipe(m_result.secret);
    return secret;
}

IntrospectJob::IntrospectJob(ApiClient* client, QByteArray token, QObject* parent)
    : ApiJob(client, parent)
    , m_token(std::move(token))
{}

IntrospectJob::~IntrospectJob()
{
    wipe(m_token);
}

QJsonObject IntrospectJob::body() const
{
    return {{u"token"_s, QString::fromLatin1(m_token)}};
}

bool IntrospectJob::parse(const QJsonValue& data)
{
    m_result = data.toObject();
    return m_result.contains(u"active"_s);
}

AuditEventsJob::AuditEventsJob(ApiClient* client, QString targetId, QString cursor, int limit, QObject* parent)
    : AuditEventsJob(client, AuditFilter{std::move(targetId), {}, {}, {}}, std::move(cursor), limit, parent)
{}

AuditEventsJob::AuditEventsJob(ApiClient* client, AuditFilter filter, QString cursor, int limit, QObject* parent)
    : ApiJob(client, parent)
    , m_filter(std::move(filter))
    , m_cursor(std::move(cursor))
    , m_limit(limit)
{}

QUrlQuery AuditEventsJob::query() const
{
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, QString::number(m_limit));
    if (!m_filter.targetId.isEmpty())
        q.addQueryItem(u"targetId"_s, m_filter.targetId);
    if (!m_filter.actions.isEmpty())
        q.addQueryItem(u"action"_s, m_filter.actions.join(u','));
    if (m_filter.since.isValid())
        q.addQueryItem(u"since"_s, protocol::toIso(m_filter.since));
    if (m_filter.until.isValid())
        q.addQueryItem(u"until"_s, protocol::toIso(m_filter.until));
    if (!m_cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, m_cursor);
    return q;
}

bool AuditEventsJob::parse(const QJsonValue& data)
{
    const auto page = ListPageDto::fromJson(data.toObject());
    m_events.clear();
    if (!page)
        return false;
    for (const QJsonValue& v : page->items) {
        auto event = AuditEvent::fromJson(v.toObject());
        if (!event)
            return false;
        m_events.append(std::move(*event));
    }
    m_nextCursor = page->nextCursor;
    return true;
}

} // namespace td::app
