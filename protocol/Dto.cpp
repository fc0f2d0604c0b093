#include "protocol/Dto.h"

#include "protocol/CredentialFields.h"

#include <QDate>
#include <QRegularExpression>
#include <QTime>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace td::protocol {

namespace {

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Reads the fields of one JSON object, remembering the first problem so that fromJson can read every field in a row
// and check once at the end.
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QString* error)
        : m_object(object)
        , m_error(error)
    {}

    bool ok() const { return m_ok; }

    template <typename Key> QString requiredString(Key key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isString() || value.toString().isEmpty()) {
            fail(u"field \"%1\" must be a non-empty string"_s.arg(key));
            return {};
        }
        return value.toString();
    }

    // Absent and null read as empty.
    template <typename Key> QString optionalString(Key key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            fail(u"field \"%1\" must be a string or null"_s.arg(key));
            return {};
        }
        return value.toString();
    }

    template <typename Key> QDateTime requiredTime(Key key)
    {
        const QJsonValue value = m_object.value(key);
        const QDateTime time = value.isString() ? fromIso(value.toString()) : QDateTime();
        if (!time.isValid())
            fail(u"field \"%1\" must be an ISO-8601 time such as 2024-01-15T12:00:00Z"_s.arg(key));
        return time;
    }

    // Absent and null read as an invalid time ("never").
    template <typename Key> QDateTime optionalTime(Key key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        const QDateTime time = value.isString() ? fromIso(value.toString()) : QDateTime();
        if (!time.isValid())
            fail(u"field \"%1\" must be an ISO-8601 time such as 2024-01-15T12:00:00Z, or null"_s.arg(key));
        return time;
    }

    template <typename Key> QStringList stringList(Key key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (!required && (value.isUndefined() || value.isNull()))
            return {};
        if (!value.isArray()) {
            fail(u"field \"%1\" must be an array of strings"_s.arg(key));
            return {};
        }
        QStringList list;
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString()) {
                fail(u"field \"%1\" must be an array of strings"_s.arg(key));
                return {};
            }
            list.append(item.toString());
        }
        return list;
    }

    template <typename Key> qint64 optionalInteger(Key key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return 0;
        // toInteger() yields the default for anything but a whole number that fits a qint64.
        constexpr qint64 sentinel = std::numeric_limits<qint64>::min();
        const qint64 number = value.toInteger(sentinel);
        if (number == sentinel) {
            fail(u"field \"%1\" must be a whole number"_s.arg(key));
            return 0;
        }
        return number;
    }

    // A nested record; not required: absent or null reads as none.
    template <typename Dto, typename Key> std::optional<Dto> object(Key key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (!required && (value.isUndefined() || value.isNull()))
            return std::nullopt;
        return nested<Dto>(value, key);
    }

    // An array of nested records; absent reads as empty.
    template <typename Dto, typename Key> QList<Dto> list(Key key)
    {
        const QJsonValue value = m_object.value(key);
        QList<Dto> out;
        if (value.isUndefined())
            return out;
        if (!value.isArray()) {
            fail(u"field \"%1\" must be an array"_s.arg(key));
            return out;
        }
        for (const QJsonValue& item : value.toArray()) {
            if (auto dto = nested<Dto>(item, key))
                out.append(std::move(*dto));
            else
                return {};
        }
        return out;
    }

    template <typename Dto, typename Key> std::optional<Dto> nested(const QJsonValue& value, Key key)
    {
        QString problem;
        std::optional<Dto> dto = value.isObject() ? Dto::fromJson(value.toObject(), &problem) : std::nullopt;
        if (!dto)
            fail(u"field \"%1\": %2"_s.arg(key, problem.isEmpty() ? u"must hold objects"_s : problem));
        return dto;
    }

    void fail(const QString& message)
    {
        if (m_ok && m_error)
            *m_error = message;
        m_ok = false;
    }

private:
    const QJsonObject& m_object;
    QString* m_error;
    bool m_ok = true;
};

} // namespace

QString toIso(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    // Through whole seconds so that milliseconds never leak into the wire format.
    return QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), Qt::UTC).toString(Qt::ISODate);
}

QJsonValue toIsoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(toIso(time)) : QJsonValue(QJsonValue::Null);
}

QDateTime fromIso(const QString& text)
{
    // Fast path for the form this project writes, "2024-01-15T12:00:00Z": a list page has thousands of them.
    if (text.size() == 20 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T' && text.at(13) == u':' &&
        text.at(16) == u':' && text.at(19) == u'Z') {
        auto number = [&text](qsizetype from, qsizetype length) {
            int value = 0;
            for (qsizetype i = from; i < from + length; ++i) {
                const char16_t c = text.at(i).unicode();
                if (c < u'0' || c > u'9')
                    return -1;
                value = value * 10 + (c - u'0');
            }
            return value;
        };
        const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
        const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
        const QDate date(year, month, day);
        const QTime time(hour, minute, second);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || !date.isValid() ||
            !time.isValid())
            return {};
        return QDateTime(date, time, Qt::UTC);
    }
    // Qt's ISO parser also takes times without an offset (as local time), which would make a value mean different
    // instants on different machines: only the forms with an explicit zone, or a bare date, are accepted.
    static const QRegularExpression dateOnly(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    static const QRegularExpression dateTime(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})$"_s);
    if (dateOnly.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    if (!dateTime.match(text).hasMatch())
        return {};
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid())
        return {};
    // An offset can move the instant out of the years toIso() can write ("9999-12-31T23:00:00-01:00" is in the
    // year 10000 UTC): such a time could be stored but never read back.
    const QDateTime utc = QDateTime::fromSecsSinceEpoch(parsed.toSecsSinceEpoch(), Qt::UTC);
    const int year = utc.date().year();
    return year >= 1 && year <= 9999 ? utc : QDateTime();
}

QJsonObject successEnvelope(const QJsonValue& data)
{
    return QJsonObject{{u"success"_s, true}, {u"data"_s, data}};
}

QJsonObject errorEnvelope(const QString& code, const QString& message, const QJsonObject& details)
{
    return QJsonObject{{u"success"_s, false}, {u"error"_s, ErrorDto{code, message, details}.toJson()}};
}

QString toString(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return u"active"_s;
    case KeyStatus::Expired:
        return u"expired"_s;
    case KeyStatus::Revoked:
        return u"revoked"_s;
    case KeyStatus::Suspended:
        return u"suspended"_s;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<KeyStatus> keyStatusFromString(const QString& text)
{
    if (text == "active"_L1)
        return KeyStatus::Active;
    if (text == "expired"_L1)
        return KeyStatus::Expired;
    if (text == "revoked"_L1)
        return KeyStatus::Revoked;
    if (text == "suspended"_L1)
        return KeyStatus::Suspended;
    return std::nullopt;
}

QJsonObject UserDto::toJson() const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"email"_s, stringOrNull(email)},
        {u"username"_s, stringOrNull(username)},
        {u"displayName"_s, stringOrNull(displayName)},
        {u"clientId"_s, clientId},
    };
}

std::optional<UserDto> UserDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    UserDto user;
    user.id = reader.requiredString("id"_L1);
    user.email = reader.optionalString("email"_L1);
    user.username = reader.optionalString("username"_L1);
    user.displayName = reader.optionalString("displayName"_L1);
    user.clientId = reader.optionalInteger("clientId"_L1);
    if (!reader.ok())
        return std::nullopt;
    return user;
}

QJsonObject TenantDto::toJson() const
{
    return QJsonObject{{u"id"_s, id}, {u"name"_s, name}, {u"role"_s, role}};
}

std::optional<TenantDto> TenantDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    TenantDto tenant;
    tenant.id = reader.requiredString("id"_L1);
    tenant.name = reader.requiredString("name"_L1);
    tenant.role = reader.requiredString("role"_L1);
    if (reader.ok() && tenant.role != "admin"_L1 && tenant.role != "member"_L1)
        reader.fail(u"field \"role\" must be \"admin\" or \"member\""_s);
    if (!reader.ok())
        return std::nullopt;
    return tenant;
}

namespace {

// ApiKeyDto to a JSON object, field by field from CredentialFields.h.
struct JsonWriter
{
    QJsonObject out;
    void kind(const QString& name, CredentialKind value) { out.insert(name, kindInfo(value).wireName); }
    void text(const QString& name, const QString& value) { out.insert(name, value); }
    void textOrNull(const QString& name, const QString& value) { out.insert(name, stringOrNull(value)); }
    void list(const QString& name, const QStringList& value, bool)
    {
        out.insert(name, QJsonArray::fromStringList(value));
    }
    void time(const QString& name, const QDateTime& value, bool) { out.insert(name, toIsoOrNull(value)); }
    void date(const QString& name, const QDateTime& expiresAt)
    {
        // Valid through the end of the stored day: the last valid millisecond names the date.
        out.insert(name, expiresAt.isValid() ? QJsonValue(expiresAt.addMSecs(-1).date().toString(Qt::ISODate))
                                             : QJsonValue());
    }
    void status(const QString& name, const ApiKeyDto& record) { out.insert(name, toString(record.status)); }
    void rateLimit(const QString& name, const RateLimit& value)
    {
        out.insert(name, value.isSet() ? QJsonValue(QJsonObject{{u"requests"_s, value.requests},
                                                                {u"perSeconds"_s, value.perSeconds}})
                                       : QJsonValue());
    }
};

// A JSON object to ApiKeyDto, field by field from CredentialFields.h.
struct JsonReader
{
    FieldReader reader;
    const QJsonObject& object;
    void kind(const QString&, CredentialKind&) {} // read before the visit: it names the other fields
    void text(const QString& name, QString& value) { value = reader.requiredString(name); }
    void textOrNull(const QString& name, QString& value) { value = reader.optionalString(name); }
    void list(const QString& name, QStringList& value, bool required) { value = reader.stringList(name, required); }
    void time(const QString& name, QDateTime& value, bool required)
    {
        value = required ? reader.requiredTime(name) : reader.optionalTime(name);
    }
    void date(const QString&, const QDateTime&) {} // derived from expiresAt
    void status(const QString& name, ApiKeyDto& record)
    {
        const QString text = reader.requiredString(name);
        if (!reader.ok())
            return;
        if (const std::optional<KeyStatus> parsed = keyStatusFromString(text))
            record.status = *parsed;
        else
            reader.fail(u"field \"status\" must be \"active\", \"expired\", \"revoked\" or \"suspended\""_s);
    }
    void rateLimit(const QString& name, RateLimit& value)
    {
        const QJsonValue v = object.value(name);
        value = {};
        if (v.isUndefined() || v.isNull())
            return;
        const QJsonObject o = v.toObject();
        const double requests = o.value(u"requests"_s).toDouble(-1);
        const double seconds = o.value(u"perSeconds"_s).toDouble(-1);
        if (!v.isObject() || requests < 1 || seconds < 1 || requests > RateLimit::MaxRequests ||
            seconds > RateLimit::MaxSeconds || requests != std::floor(requests) || seconds != std::floor(seconds)) {
            reader.fail(u"field \"%1\" must be null or {\"requests\", \"perSeconds\"} of whole numbers"_s.arg(name));
            return;
        }
        value = {int(requests), int(seconds)};
    }
};

} // namespace

QJsonObject ApiKeyDto::toJson() const
{
    JsonWriter writer;
    visitCredentialFields(*this, kindInfo(kind), writer);
    return writer.out;
}

std::optional<ApiKeyDto> ApiKeyDto::fromJson(const QJsonObject& object, QString* error)
{
    ApiKeyDto key;
    JsonReader read{FieldReader(object, error), object};
    const QJsonValue kindValue = object.value("kind"_L1);
    if (!kindValue.isUndefined() && !kindValue.isNull()) {
        const CredentialKindInfo* info = kindValue.isString() ? kindByWireName(kindValue.toString()) : nullptr;
        if (!info) {
            read.reader.fail(u"field \"kind\" must name a kind of credential"_s);
            return std::nullopt;
        }
        key.kind = info->kind;
    } else if (object.contains("permissions"_L1) && !object.contains("scopes"_L1)) {
        key.kind = CredentialKind::Uat; // an older record without its kind: its rights name it
    }
    visitCredentialFields(key, kindInfo(key.kind), read);
    if (!read.reader.ok())
        return std::nullopt;
    return key;
}

QJsonObject AuditEventDto::toJson() const
{
    return {{u"id"_s, id},
            {u"at"_s, toIso(at)},
            {u"tenantId"_s, stringOrNull(tenantId)},
            {u"actor"_s, actor},
            {u"action"_s, action},
            {u"targetKind"_s, stringOrNull(targetKind)},
            {u"targetId"_s, stringOrNull(targetId)},
            {u"ip"_s, stringOrNull(ip)},
            {u"detail"_s, stringOrNull(detail)},
            {u"actorName"_s, stringOrNull(actorName)},
            {u"targetName"_s, stringOrNull(targetName)}};
}

std::optional<AuditEventDto> AuditEventDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    AuditEventDto e;
    e.id = reader.requiredString("id"_L1);
    e.at = reader.requiredTime("at"_L1);
    e.tenantId = reader.optionalString("tenantId"_L1);
    e.actor = reader.requiredString("actor"_L1);
    e.action = reader.requiredString("action"_L1);
    e.targetKind = reader.optionalString("targetKind"_L1);
    e.targetId = reader.optionalString("targetId"_L1);
    e.ip = reader.optionalString("ip"_L1);
    e.detail = reader.optionalString("detail"_L1);
    e.actorName = reader.optionalString("actorName"_L1);
    e.targetName = reader.optionalString("targetName"_L1);
    if (!reader.ok())
        return std::nullopt;
    return e;
}

QJsonObject LoginResultDto::toJson() const
{
    QJsonArray tenantList;
    for (const TenantDto& t : tenants)
        tenantList.append(t.toJson());
    return {{u"token"_s, token},
            {u"refreshToken"_s, refreshToken},
            {u"expiresAt"_s, toIso(expiresAt)},
            {u"refreshExpiresAt"_s, toIsoOrNull(refreshExpiresAt)},
            {u"tenantId"_s, tenantId},
            {u"user"_s, user.toJson()},
            {u"tenants"_s, tenantList}};
}

std::optional<LoginResultDto> LoginResultDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    LoginResultDto r;
    r.token = reader.requiredString("token"_L1);
    r.refreshToken = reader.optionalString("refreshToken"_L1);
    r.expiresAt = reader.requiredTime("expiresAt"_L1);
    r.refreshExpiresAt = reader.optionalTime("refreshExpiresAt"_L1);
    r.tenantId = reader.requiredString("tenantId"_L1);
    if (const auto user = reader.object<UserDto>("user"_L1, true))
        r.user = *user;
    r.tenants = reader.list<TenantDto>("tenants"_L1);
    if (!reader.ok())
        return std::nullopt;
    return r;
}

QJsonObject MeDto::toJson() const
{
    return {{u"id"_s, id},
            {u"kind"_s, kind},
            {u"role"_s, stringOrNull(role)},
            {u"scopes"_s, QJsonArray::fromStringList(scopes)},
            {u"tenantId"_s, tenantId},
            {u"expiresAt"_s, toIsoOrNull(expiresAt)},
            {u"user"_s, user ? QJsonValue(user->toJson()) : QJsonValue()}};
}

std::optional<MeDto> MeDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    MeDto me;
    me.id = reader.requiredString("id"_L1);
    me.kind = reader.requiredString("kind"_L1);
    me.role = reader.optionalString("role"_L1);
    me.scopes = reader.stringList("scopes"_L1, true);
    me.tenantId = reader.requiredString("tenantId"_L1);
    me.expiresAt = reader.optionalTime("expiresAt"_L1);
    me.user = reader.object<UserDto>("user"_L1, false);
    if (!reader.ok())
        return std::nullopt;
    return me;
}

QJsonObject ListPageDto::toJson() const
{
    return {{u"items"_s, items}, {u"nextCursor"_s, stringOrNull(nextCursor)}};
}

std::optional<ListPageDto> ListPageDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    ListPageDto page;
    const QJsonValue items = object.value("items"_L1);
    if (!items.isArray())
        reader.fail(u"field \"items\" must be an array"_s);
    page.items = items.toArray();
    page.nextCursor = reader.optionalString("nextCursor"_L1);
    if (!reader.ok())
        return std::nullopt;
    return page;
}

QJsonObject ErrorDto::toJson() const
{
    QJsonObject out{{u"code"_s, code}, {u"message"_s, message}};
    if (!details.isEmpty())
        out.insert(u"details"_s, details);
    return out;
}

std::optional<ErrorDto> ErrorDto::fromJson(const QJsonObject& object, QString* error)
{
    FieldReader reader(object, error);
    ErrorDto e;
    e.code = reader.requiredString("code"_L1);
    e.message = reader.optionalString("message"_L1);
    const QJsonValue details = object.value("details"_L1);
    if (!details.isUndefined() && !details.isNull() && !details.isObject())
        reader.fail(u"field \"details\" must be an object"_s);
    e.details = details.toObject();
    if (!reader.ok())
        return std::nullopt;
    return e;
}

KeyStatus computeStatus(const QDateTime& revokedAt, const QDateTime& expiresAt, const QDateTime& now,
                        const QDateTime& suspendedAt)
{
    if (revokedAt.isValid())
        return KeyStatus::Revoked;
    if (expiresAt.isValid() && expiresAt <= now)
        return KeyStatus::Expired;
    if (suspendedAt.isValid())
        return KeyStatus::Suspended;
    return KeyStatus::Active;
}

} // namespace td::protocol
