#pragma once

// What the parts of the store (Store.cpp: schema, migrations, transactions; StoreUsers.cpp; StoreCredentials.cpp;
// StoreAudit.cpp) share, and nothing outside server/Store*.cpp includes.

#include "Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace td::server::storesql {

using namespace Qt::StringLiterals;

inline QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(value);
}

inline QVariant nullable(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

// A null QString binds as SQL NULL; NOT NULL text columns want ''.
inline QString notNull(const QString& value)
{
    return value.isNull() ? QString(u""_s) : value;
}

inline QString toJsonArray(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

// The lists this server writes are compact arrays of plain strings ("[\"read:orders\",\"write:orders\"]"): read
// those without a JSON parser (a list page reads two per row); anything else (escapes, spaces) goes through
// QJsonDocument.
inline QStringList fromJsonArray(const QString& text)
{
    QStringList out;
    const QStringView view(text);
    if (view.size() >= 2 && view.front() == u'[' && view.back() == u']') {
        bool simple = true;
        const QStringView inner = view.sliced(1, view.size() - 2);
        qsizetype i = 0;
        while (simple && i < inner.size()) {
            if (i > 0) {
                simple = inner[i] == u',';
                ++i;
            }
            if (!simple || i >= inner.size() || inner[i] != u'"') {
                simple = false;
                break;
            }
            const qsizetype end = inner.indexOf(u'"', i + 1);
            const QStringView item = end < 0 ? QStringView() : inner.sliced(i + 1, end - i - 1);
            simple = end >= 0 && !item.contains(u'\\');
            if (simple)
                out.append(item.toString());
            i = end + 1;
        }
        if (simple)
            return out;
        out.clear();
    }
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& v : array)
        out.append(v.toString());
    return out;
}

// The six session columns (id, user_id, tenant_id, created_at, expires_at, revoked_at) from column `first` on.
inline SessionRecord readSession(const QSqlQuery& q, int first)
{
    return SessionRecord{q.value(first).toString(),       q.value(first + 1).toString(),
                         q.value(first + 2).toString(),   q.value(first + 3).toLongLong(),
                         q.value(first + 4).toLongLong(), q.value(first + 5).toLongLong()};
}

// The credential columns in the order readCredential() reads them.
extern const QString CredentialColumns;
CredentialRecord readCredential(const QSqlQuery& q);

// Resets a cached statement when the look-up is done, so that SQLite holds no read snapshot between requests.
struct Finished
{
    QSqlQuery& query;
    ~Finished() { query.finish(); }
};

} // namespace td::server::storesql

namespace td::server {

template <typename T, typename Reader> Read<T> Store::queryOne(QSqlQuery& query, const QVariantList& binds, Reader read)
{
    if (!run(query, binds))
        return Read<T>::error();
    if (!query.next())
        return Read<T>::none();
    return Read<T>::of(read(query));
}

} // namespace td::server
