#include "JsonText.h"

#include "protocol/CredentialFields.h"

#include <QDateTime>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace td::server {

// Written straight from UTF-16 into the output (a list page writes about 15,000 strings): ASCII without a
// temporary, other text through toUtf8().
void appendJsonString(QByteArray& out, const QString& value)
{
    static const char* const hex = "0123456789abcdef";
    const qsizetype at = out.size();
    // Worst case for ASCII: every character a \u00XX escape.
    out.resize(at + 2 + value.size() * 6);
    char* p = out.data() + at;
    *p++ = '"';
    const char16_t* c = reinterpret_cast<const char16_t*>(value.constData());
    const char16_t* const end = c + value.size();
    for (; c != end; ++c) {
        const char16_t u = *c;
        if (u >= 0x80)
            break; // not ASCII: the rest goes through UTF-8
        if (u >= 0x20 && u != '"' && u != '\\') {
            *p++ = char(u);
        } else if (u == '"' || u == '\\') {
            *p++ = '\\';
            *p++ = char(u);
        } else {
            *p++ = '\\';
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[u >> 4];
            *p++ = hex[u & 0xf];
        }
    }
    if (c == end) {
        *p++ = '"';
        out.truncate(p - out.constData());
        return;
    }
    out.truncate(p - out.constData());
    const QByteArray utf8 = QStringView(c, end - c).toUtf8();
    const char* run = utf8.constData();
    const char* const utf8End = run + utf8.size();
    for (const char* q = run; q != utf8End; ++q) {
        const auto u = static_cast<unsigned char>(*q);
        if (*q != '"' && *q != '\\' && u >= 0x20)
            continue;
        out.append(run, q - run);
        run = q + 1;
        if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += '\\';
            out += *q;
        }
    }
    out.append(run, utf8End - run);
    out += '"';
}

void appendJsonTime(QByteArray& out, qint64 ms)
{
    if (ms == 0) {
        out += "null";
        return;
    }
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm): no QDateTime per field.
    const qint64 secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    qint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const qint64 rest = secs - days * 86400;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "\"%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ\"", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day), static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest % 3600 / 60), static_cast<long long>(rest % 60));
    out += buffer;
}

namespace {

// CredentialRecord to JSON text, field by field from CredentialFields.h.
struct TextWriter
{
    QByteArray& out;
    qint64 now;

    void name(const QString& name)
    {
        appendJsonString(out, name);
        out += ':';
    }
    void kind(const QString& key, const QString& value) { text(key, value); }
    void text(const QString& key, const QString& value)
    {
        name(key);
        appendJsonString(out, value);
        out += ',';
    }
    void textOrNull(const QString& key, const QString& value)
    {
        name(key);
        if (value.isEmpty())
            out += "null";
        else
            appendJsonString(out, value);
        out += ',';
    }
    void list(const QString& key, const QStringList& values, bool)
    {
        name(key);
        out += '[';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonString(out, values.at(i));
        }
        out += "],";
    }
    void time(const QString& key, qint64 ms, bool)
    {
        name(key);
        appendJsonTime(out, ms);
        out += ',';
    }
    void date(const QString& key, qint64 expiresAt)
    {
        // Valid through the end of the stored day: the last valid millisecond names the date.
        name(key);
        if (expiresAt == 0)
            out += "null";
        else
            appendJsonString(out, QDateTime::fromMSecsSinceEpoch(expiresAt - 1, Qt::UTC).date().toString(Qt::ISODate));
        out += ',';
    }
    void status(const QString& key, const CredentialRecord& record)
    {
        text(key, protocol::toString(record.status(now)));
    }
    void rateLimit(const QString& key, const protocol::RateLimit& value)
    {
        name(key);
        if (value.isSet())
            out += "{\"requests\":" + QByteArray::number(value.requests) +
                   ",\"perSeconds\":" + QByteArray::number(value.perSeconds) + '}';
        else
            out += "null";
        out += ',';
    }
};

} // namespace

void appendCredentialJson(QByteArray& out, const CredentialRecord& record, qint64 now)
{
    const protocol::CredentialKindInfo* kind = protocol::kindByWireName(record.kind);
    TextWriter writer{out, now};
    out += '{';
    visitCredentialFields(record, kind ? *kind : protocol::kindInfo(protocol::CredentialKind::ApiKey), writer);
    out.back() = '}'; // in place of the last field's comma
}

} // namespace td::server
