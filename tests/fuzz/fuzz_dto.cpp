// td::protocol DTOs and the small text parsers next to them: what the console reads from a server, what the server
// reads from its scope configuration and from clients (times, key statuses, scope names).
//
// The input is JSON text. Its object (or each object of its array) goes through every fromJson of protocol/Dto.h
// and protocol/Scopes.h; every string in it (and the whole input as text) through fromIso, keyStatusFromString and
// isValidScopeName.
// Properties: a record that parses is written by toJson as a record that parses back equal; a refusal says why;
// a time that parses is UTC and is written by toIso as text that parses back to the same second; statuses and
// scope names agree with their definitions.
#include "FuzzCheck.h"

#include "protocol/Dto.h"
#include "protocol/Scopes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool operator==(const UserDto& a, const UserDto& b)
{
    return a.id == b.id && a.email == b.email && a.username == b.username && a.displayName == b.displayName &&
           a.clientId == b.clientId;
}

bool operator==(const TenantDto& a, const TenantDto& b)
{
    return a.id == b.id && a.name == b.name && a.role == b.role;
}

bool operator==(const ApiKeyDto& a, const ApiKeyDto& b)
{
    return a.id == b.id && a.kind == b.kind && a.name == b.name && a.description == b.description &&
           a.prefix == b.prefix && a.last4 == b.last4 && a.scopes == b.scopes && a.tenantId == b.tenantId &&
           a.createdAt == b.createdAt && a.createdBy == b.createdBy && a.expiresAt == b.expiresAt &&
           a.lastUsedAt == b.lastUsedAt && a.lastUsedIp == b.lastUsedIp && a.ipAllowlist == b.ipAllowlist &&
           a.status == b.status && a.revokedAt == b.revokedAt && a.revokedBy == b.revokedBy &&
           a.rotatedFrom == b.rotatedFrom && a.rotatedTo == b.rotatedTo;
}

// The newer DTOs are compared by what they write: every field they know is in it.
bool operator==(const AuditEventDto& a, const AuditEventDto& b)
{
    return a.toJson() == b.toJson();
}

bool operator==(const LoginResultDto& a, const LoginResultDto& b)
{
    return a.toJson() == b.toJson();
}

bool operator==(const MeDto& a, const MeDto& b)
{
    return a.toJson() == b.toJson();
}

bool operator==(const ListPageDto& a, const ListPageDto& b)
{
    return a.toJson() == b.toJson();
}

bool operator==(const ErrorDto& a, const ErrorDto& b)
{
    return a.toJson() == b.toJson();
}

bool operator==(const ScopeInfo& a, const ScopeInfo& b)
{
    return a.name == b.name && a.description == b.description && a.group == b.group && a.appliesTo == b.appliesTo;
}

// fromJson, then toJson and fromJson again: the record must survive its own wire format.
template <typename Dto> void roundTrip(const QJsonObject& object)
{
    QString error;
    const std::optional<Dto> first = Dto::fromJson(object, &error);
    if (!first) {
        TD_FUZZ_CHECK(!error.isEmpty(), compact(object));
        return;
    }
    const QJsonObject written = first->toJson();
    QString againError;
    const std::optional<Dto> again = Dto::fromJson(written, &againError);
    TD_FUZZ_CHECK(again.has_value(), compact(object) + u" -> "_s + compact(written) + u": "_s + againError);
    TD_FUZZ_CHECK(*again == *first, compact(object) + u" -> "_s + compact(written));
    // Fields the comparisons above do not name yet are caught here: the record writes itself the same again.
    TD_FUZZ_CHECK(again->toJson() == written, compact(written) + u" -> "_s + compact(again->toJson()));
}

void catalogRoundTrip(const QJsonObject& object)
{
    QString error;
    const std::optional<ScopeCatalog> catalog = ScopeCatalog::fromJson(object, &error);
    if (!catalog) {
        TD_FUZZ_CHECK(!error.isEmpty(), compact(object));
        return;
    }
    for (const ScopeInfo& scope : catalog->scopes()) {
        TD_FUZZ_CHECK(isValidScopeName(scope.name), scope.name);
        TD_FUZZ_CHECK(catalog->contains(scope.name), scope.name);
        for (const QString& kind : scope.appliesTo)
            TD_FUZZ_CHECK(catalog->appliesTo(scope.name, kind), scope.name + u' ' + kind);
    }
    const QJsonObject written{{u"scopes"_s, catalog->toJson()}};
    const std::optional<ScopeCatalog> again = ScopeCatalog::fromJson(written, &error);
    TD_FUZZ_CHECK(again.has_value(), compact(written) + u": "_s + error);
    TD_FUZZ_CHECK(again->scopes().size() == catalog->scopes().size(), compact(written));
    for (qsizetype i = 0; i < catalog->scopes().size(); ++i)
        TD_FUZZ_CHECK(again->scopes().at(i) == catalog->scopes().at(i), compact(written));
}

bool modelScopeName(const QString& name)
{
    if (name.isEmpty() || name.size() > 64 || name.front() < u'a' || name.front() > u'z')
        return false;
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u':' || c == u'.' || c == u'-'))
            return false;
    }
    return true;
}

void text(const QString& value)
{
    const QDateTime time = fromIso(value);
    if (time.isValid()) {
        TD_FUZZ_CHECK(time.timeSpec() == Qt::UTC, value);
        const QString written = toIso(time);
        const QDateTime again = fromIso(written);
        TD_FUZZ_CHECK(again.isValid() && again.toSecsSinceEpoch() == time.toSecsSinceEpoch(),
                      value + u" -> \""_s + written + u'"');
        TD_FUZZ_CHECK(toIsoOrNull(time).toString() == written, value);
    } else {
        TD_FUZZ_CHECK(toIso(time).isEmpty() && toIsoOrNull(time).isNull(), value);
    }

    const std::optional<KeyStatus> status = keyStatusFromString(value);
    if (status)
        TD_FUZZ_CHECK(toString(*status) == value, value);
    else
        TD_FUZZ_CHECK(value != u"active"_s && value != u"expired"_s && value != u"revoked"_s, value);

    TD_FUZZ_CHECK(isValidScopeName(value) == modelScopeName(value), value);
}

void strings(const QJsonValue& value, int* budget)
{
    if (*budget <= 0)
        return;
    if (value.isString()) {
        --*budget;
        text(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            strings(item, budget);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            --*budget;
            text(it.key());
            strings(it.value(), budget);
        }
    }
}

void objectParsers(const QJsonObject& object)
{
    roundTrip<UserDto>(object);
    roundTrip<TenantDto>(object);
    roundTrip<ApiKeyDto>(object);
    roundTrip<AuditEventDto>(object);
    roundTrip<LoginResultDto>(object);
    roundTrip<MeDto>(object);
    roundTrip<ErrorDto>(object);
    roundTrip<ListPageDto>(object);
    roundTrip<ScopeInfo>(object);
    catalogRoundTrip(object);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(input);

    // What the console does with a response: the object (an empty one when the JSON is not an object).
    objectParsers(document.object());
    // A list page: each element; the API's envelope: its "data" member.
    if (document.isArray()) {
        const QJsonArray array = document.array();
        for (qsizetype i = 0; i < std::min<qsizetype>(array.size(), 16); ++i)
            objectParsers(array.at(i).toObject());
    }
    if (document.isObject() && document.object().value(u"data"_s).isObject())
        objectParsers(document.object().value(u"data"_s).toObject());

    int budget = 64;
    strings(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), &budget);
    text(QString::fromUtf8(input));
    return 0;
}
