#pragma once

#include "CredentialKind.h"
#include "protocol/Dto.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace td::app {

// Credentials written out for a spreadsheet or a script: the wire fields (protocol/CredentialFields.h), times in
// ISO 8601 UTC, status as its code ("revoked"), empty for "never"; never a secret (records hold none). CSV cells that
// a spreadsheet would run as a formula are defused with a leading apostrophe.
enum class ExportFormat { Csv, Json };

QByteArray exportCredentials(const QList<protocol::ApiKeyDto>& records, CredentialKind kind, ExportFormat format);
// "api-keys-acme-2026-11-30.csv"
QString suggestedExportName(CredentialKind kind, const QString& tenantId, const QDate& date, ExportFormat format);
// By the file name's suffix: .json is JSON, anything else CSV.
ExportFormat exportFormatFor(const QString& path);

} // namespace td::app
