#pragma once

#include "Http.h"
#include "protocol/Dto.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::server {

// Checks of what clients send, shared by the controllers: each problem is named by its field, and one 400 names
// every bad field at once.

inline constexpr int MaxNameLength = 100;
inline constexpr int MaxDescriptionLength = 500;
inline constexpr int MaxAllowlistEntries = 100;

// Collects field errors so that one 400 names every bad field at once.
class FieldErrors
{
public:
    void add(const QString& field, const QString& message)
    {
        if (!m_details.contains(field))
            m_details.insert(field, message);
    }
    bool any() const { return !m_details.isEmpty(); }
    bool has(const QString& field) const { return m_details.contains(field); }
    Response response() const;

private:
    QJsonObject m_details;
};

bool hasControlCharacters(const QString& text);
// "name": trimmed, 1 to MaxNameLength characters, no control characters.
QString nameField(const QJsonObject& body, FieldErrors& errors, bool required);
QString descriptionField(const QJsonObject& body, FieldErrors& errors);
// "ipAllowlist": at most MaxAllowlistEntries CIDR entries, normalised, without repeats.
QStringList allowlistField(const QJsonObject& body, FieldErrors& errors);
// "rateLimit": null (no limit of its own) or {"requests": 1..1000000, "perSeconds": 1..86400}.
protocol::RateLimit rateLimitField(const QJsonObject& body, FieldErrors& errors);
void rejectUnknownFields(const QJsonObject& body, const QStringList& known, FieldErrors& errors);
// A whole-number query parameter within [min, max]; fallback when absent.
std::optional<int> intParam(const Request& request, const QString& name, int min, int max, int fallback,
                            FieldErrors& errors);

} // namespace td::server
