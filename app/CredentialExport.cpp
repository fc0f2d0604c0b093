#include "CredentialExport.h"

#include "protocol/CredentialFields.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace td::app {

namespace {

QString csvField(QString text)
{
    // Quote everything, double inner quotes; a leading formula character is neutralised for spreadsheets.
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    return u'"' + text.replace(u'"', u"\"\""_s) + u'"';
}

// One record as CSV cells, field by field from CredentialFields.h; names collects the header.
struct CsvRow
{
    QStringList names;
    QStringList cells;

    void add(const QString& name, const QString& value)
    {
        names.append(name);
        cells.append(csvField(value));
    }
    void kind(const QString& name, protocol::CredentialKind value) { add(name, kindInfo(value).wireName); }
    void text(const QString& name, const QString& value) { add(name, value); }
    void textOrNull(const QString& name, const QString& value) { add(name, value); }
    void list(const QString& name, const QStringList& value, bool) { add(name, value.join(u' ')); }
    void time(const QString& name, const QDateTime& value, bool) { add(name, protocol::toIso(value)); }
    void date(const QString& name, const QDateTime& expiresAt)
    {
        add(name, expiresAt.isValid() ? expiresAt.addMSecs(-1).date().toString(Qt::ISODate) : QString());
    }
    void status(const QString& name, const protocol::ApiKeyDto& record)
    {
        add(name, protocol::toString(record.status));
    }
    // "5/60" (requests per seconds), empty for none.
    void rateLimit(const QString& name, const protocol::RateLimit& value)
    {
        add(name, value.isSet() ? u"%1/%2"_s.arg(value.requests).arg(value.perSeconds) : QString());
    }
};

} // namespace

QByteArray exportCredentials(const QList<protocol::ApiKeyDto>& records, CredentialKind kind, ExportFormat format)
{
    if (format == ExportFormat::Json) {
        QJsonArray array;
        for (const protocol::ApiKeyDto& record : records)
            array.append(record.toJson());
        return QJsonDocument(array).toJson(QJsonDocument::Indented);
    }
    const CredentialKindInfo& info = kindInfo(kind);
    QByteArray out;
    {
        CsvRow header; // the names, from an empty record of the kind
        protocol::ApiKeyDto empty;
        empty.kind = kind;
        visitCredentialFields(empty, info, header);
        QStringList quoted;
        for (const QString& name : std::as_const(header.names))
            quoted.append(csvField(name));
        out += quoted.join(u',').toUtf8() + "\r\n";
    }
    for (const protocol::ApiKeyDto& record : records) {
        CsvRow row;
        visitCredentialFields(record, info, row);
        out += row.cells.join(u',').toUtf8() + "\r\n";
    }
    return out;
}

QString suggestedExportName(CredentialKind kind, const QString& tenantId, const QDate& date, ExportFormat format)
{
    QString tenant;
    for (const QChar c : tenantId) // a file name of letters, digits and dashes, whatever the tenant is called
        tenant += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : u'-';
    return u"%1-%2%3.%4"_s.arg(kindInfo(kind).pathSegment, tenant.isEmpty() ? QString() : tenant + u'-',
                               date.toString(Qt::ISODate), format == ExportFormat::Json ? u"json"_s : u"csv"_s);
}

ExportFormat exportFormatFor(const QString& path)
{
    return path.endsWith(u".json"_s, Qt::CaseInsensitive) ? ExportFormat::Json : ExportFormat::Csv;
}

} // namespace td::app
