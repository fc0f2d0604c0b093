#include "Validation.h"

#include "Text.h"
#include "protocol/Cidr.h"
#include "protocol/Dto.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace td::protocol;

namespace td::server {

Response FieldErrors::response() const
{
    return Response::error(400, QLatin1String(ErrorCode::ValidationError),
                           tr("Some fields are missing or invalid; see details."), m_details);
}

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

QString nameField(const QJsonObject& body, FieldErrors& errors, bool required)
{
    const QJsonValue v = body.value(u"name"_s);
    if (v.isUndefined()) {
        if (required)
            errors.add(u"name"_s, tr("A name is required."));
        return {};
    }
    const QString name = v.toString().trimmed();
    if (!v.isString() || name.isEmpty())
        errors.add(u"name"_s, tr("The name must be a non-empty string."));
    else if (name.size() > MaxNameLength)
        errors.add(u"name"_s, tr("The name may have at most %1 characters.").arg(MaxNameLength));
    else if (hasControlCharacters(name))
        errors.add(u"name"_s, tr("The name may not contain control characters."));
    return name;
}

QString descriptionField(const QJsonObject& body, FieldErrors& errors)
{
    const QJsonValue v = body.value(u"description"_s);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        errors.add(u"description"_s, tr("The description must be a string."));
        return {};
    }
    const QString text = v.toString().trimmed();
    if (text.size() > MaxDescriptionLength)
        errors.add(u"description"_s, tr("The description may have at most %1 characters.").arg(MaxDescriptionLength));
    return text;
}

QStringList allowlistField(const QJsonObject& body, FieldErrors& errors)
{
    const QJsonValue v = body.value(u"ipAllowlist"_s);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        errors.add(u"ipAllowlist"_s, tr("The IP allowlist must be an array of CIDR strings."));
        return {};
    }
    const QJsonArray array = v.toArray();
    if (array.size() > MaxAllowlistEntries) {
        errors.add(u"ipAllowlist"_s, tr("The IP allowlist may have at most %1 entries.").arg(MaxAllowlistEntries));
        return {};
    }
    QStringList out;
    for (const QJsonValue& entry : array) {
        QString error;
        const auto cidr = entry.isString() ? Cidr::parse(entry.toString(), &error) : std::nullopt;
        if (!cidr) {
            errors.add(u"ipAllowlist"_s, entry.isString() ? u"%1: %2"_s.arg(entry.toString(), error)
                                                          : tr("Every entry must be a string."));
            return {};
        }
        if (!out.contains(cidr->toString()))
            out.append(cidr->toString());
    }
    return out;
}

void rejectUnknownFields(const QJsonObject& body, const QStringList& known, FieldErrors& errors)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()))
            errors.add(it.key(), tr("Unknown field."));
    }
}

std::optional<int> intParam(const Request& request, const QString& name, int min, int max, int fallback,
                            FieldErrors& errors)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = request.query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        errors.add(name, tr("Must be a whole number from %1 to %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return value;
}

protocol::RateLimit rateLimitField(const QJsonObject& body, FieldErrors& errors)
{
    const QJsonValue value = body.value(u"rateLimit"_s);
    if (value.isUndefined() || value.isNull())
        return {};
    const QJsonObject o = value.toObject();
    const QJsonValue requests = o.value(u"requests"_s);
    const QJsonValue seconds = o.value(u"perSeconds"_s);
    const auto whole = [](const QJsonValue& v, int most) {
        const double d = v.toDouble(-1);
        return v.isDouble() && d >= 1 && d <= most && d == std::floor(d);
    };
    if (!value.isObject() || o.size() != 2 || !whole(requests, protocol::RateLimit::MaxRequests) ||
        !whole(seconds, protocol::RateLimit::MaxSeconds)) {
        errors.add(u"rateLimit"_s, tr("Give null for no limit, or {\"requests\": 1 to %1, \"perSeconds\": 1 to %2}.")
                                       .arg(protocol::RateLimit::MaxRequests)
                                       .arg(protocol::RateLimit::MaxSeconds));
        return {};
    }
    return {requests.toInt(), seconds.toInt()};
}

} // namespace td::server
