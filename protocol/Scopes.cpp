#include "protocol/Scopes.h"

#include "protocol/CredentialKind.h"

#include <QJsonValue>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace td::protocol {

namespace {

constexpr int MaxScopeNameLength = 64;

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

bool isKnownKind(const QString& kind)
{
    return kindByWireName(kind) != nullptr;
}

// Optional string members: absent or null reads as empty, anything else but a string is an error.
bool readOptionalString(const QJsonObject& object, QLatin1StringView key, QString* out, QString* error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        out->clear();
        return true;
    }
    if (!value.isString()) {
        setError(error, u"scope field \"%1\" must be a string"_s.arg(key));
        return false;
    }
    *out = value.toString();
    return true;
}

ScopeInfo scope(const char* name, const char* group, const char* description, QStringList appliesTo)
{
    return ScopeInfo{QString::fromLatin1(name), QString::fromLatin1(description), QString::fromLatin1(group),
                     std::move(appliesTo)};
}

} // namespace

QJsonObject ScopeInfo::toJson() const
{
    return QJsonObject{
        {u"name"_s, name},
        {u"description"_s, description},
        {u"group"_s, group},
        {u"appliesTo"_s, QJsonArray::fromStringList(appliesTo)},
    };
}

std::optional<ScopeInfo> ScopeInfo::fromJson(const QJsonObject& object, QString* error)
{
    ScopeInfo info;
    const QJsonValue name = object.value("name"_L1);
    if (!name.isString() || !isValidScopeName(name.toString())) {
        setError(error, name.isString() ? u"invalid scope name \"%1\""_s.arg(name.toString())
                                        : u"scope field \"name\" must be a string"_s);
        return std::nullopt;
    }
    info.name = name.toString();
    if (!readOptionalString(object, "description"_L1, &info.description, error) ||
        !readOptionalString(object, "group"_L1, &info.group, error)) {
        return std::nullopt;
    }

    const QJsonValue appliesTo = object.value("appliesTo"_L1);
    if (!appliesTo.isArray() || appliesTo.toArray().isEmpty()) {
        setError(error, u"scope \"%1\": \"appliesTo\" must be a non-empty array"_s.arg(info.name));
        return std::nullopt;
    }
    for (const QJsonValue& kind : appliesTo.toArray()) {
        if (!kind.isString()) {
            setError(error, u"scope \"%1\": \"appliesTo\" must hold strings"_s.arg(info.name));
            return std::nullopt;
        }
        if (!isKnownKind(kind.toString())) {
            setError(error, u"scope \"%1\": unknown \"appliesTo\" value \"%2\""_s.arg(info.name, kind.toString()));
            return std::nullopt;
        }
        if (info.appliesTo.contains(kind.toString())) {
            setError(error, u"scope \"%1\": \"appliesTo\" names \"%2\" twice"_s.arg(info.name, kind.toString()));
            return std::nullopt;
        }
        info.appliesTo.append(kind.toString());
    }
    return info;
}

ScopeCatalog::ScopeCatalog(QList<ScopeInfo> scopes)
    : m_scopes(std::move(scopes))
{}

ScopeCatalog ScopeCatalog::defaults()
{
    const QStringList keys{kindInfo(CredentialKind::ApiKey).wireName, kindInfo(CredentialKind::PrivateToken).wireName};
    const QStringList uat{kindInfo(CredentialKind::Uat).wireName};
    return ScopeCatalog({
        scope("read:products", "Products", "Read products and their details.", keys),
        scope("write:products", "Products", "Create, change and delete products.", keys),
        scope("read:orders", "Orders", "Read orders and their status.", keys),
        scope("write:orders", "Orders", "Create, change and cancel orders.", keys),
        scope("read:inventory", "Inventory", "Read stock levels and inventory movements.", keys),
        scope("write:inventory", "Inventory", "Adjust stock levels and record inventory movements.", keys),
        scope(AdminScope, "Administration", "Manage the tenant's API keys, tokens and audit log.", keys),
        scope("introspect", "Administration",
              "Ask POST /oauth2/introspect (RFC 7662) whether a token is active: for gateways and resource servers.",
              {kindInfo(CredentialKind::ApiKey).wireName}),
        scope("calendar:read", "Administration",
              "Read the expiry calendar feed (calendar.ics); a key holding only this may travel in the feed's URL.",
              {kindInfo(CredentialKind::ApiKey).wireName}),
        scope("brand_create", "Brands", "Create brands.", uat),
        scope("product_create", "Products", "Create products in the catalogue.", uat),
        scope("scans_download", "Scans", "Download scan data.", uat),
        scope("scm_bulk_edit", "Supply chain", "Edit supply-chain records in bulk.", uat),
        scope("scm_code_edit", "Supply chain", "Edit individual supply-chain codes.", uat),
    });
}

std::optional<ScopeCatalog> ScopeCatalog::fromJson(const QJsonObject& object, QString* error)
{
    const QJsonValue scopes = object.value("scopes"_L1);
    if (!scopes.isArray()) {
        setError(error, u"\"scopes\" must be an array"_s);
        return std::nullopt;
    }
    QList<ScopeInfo> result;
    QSet<QString> seen;
    const QJsonArray array = scopes.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            setError(error, u"\"scopes\"[%1] must be an object"_s.arg(i));
            return std::nullopt;
        }
        std::optional<ScopeInfo> info = ScopeInfo::fromJson(array.at(i).toObject(), error);
        if (!info)
            return std::nullopt;
        if (seen.contains(info->name)) {
            setError(error, u"scope \"%1\" is listed twice"_s.arg(info->name));
            return std::nullopt;
        }
        seen.insert(info->name);
        result.append(std::move(*info));
    }
    return ScopeCatalog(std::move(result));
}

bool ScopeCatalog::contains(const QString& name) const
{
    for (const ScopeInfo& info : m_scopes) {
        if (info.name == name)
            return true;
    }
    return false;
}

bool ScopeCatalog::appliesTo(const QString& name, const QString& kind) const
{
    for (const ScopeInfo& info : m_scopes) {
        if (info.name == name)
            return info.appliesTo.contains(kind);
    }
    return false;
}

QStringList ScopeCatalog::namesFor(const QString& kind) const
{
    QStringList names;
    for (const ScopeInfo& info : m_scopes) {
        if (info.appliesTo.contains(kind))
            names.append(info.name);
    }
    return names;
}

QJsonArray ScopeCatalog::toJson() const
{
    QJsonArray array;
    for (const ScopeInfo& info : m_scopes)
        array.append(info.toJson());
    return array;
}

bool isValidScopeName(QStringView name)
{
    if (name.isEmpty() || name.size() > MaxScopeNameLength)
        return false;
    if (name.front() < u'a' || name.front() > u'z')
        return false;
    for (QChar c : name) {
        const bool ok =
            (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u':' || c == u'.' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace td::protocol
