#pragma once

#include "Store.h"

#include <QByteArray>
#include <QString>

namespace td::server {

// JSON written straight as text, for the answers that are written per request or by the thousand (GET /me, list
// pages): no QJsonObject, no QDateTime per field.

// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
void appendJsonString(QByteArray& out, const QString& value);
// "2026-11-23T18:00:00Z" (seconds precision, as protocol::toIso), or null for 0.
void appendJsonTime(QByteArray& out, qint64 ms);
// One credential record, field by field from protocol/CredentialFields.h (the same fields and names as
// ApiKeyDto::toJson), with its status at now.
void appendCredentialJson(QByteArray& out, const CredentialRecord& record, qint64 now);

} // namespace td::server
