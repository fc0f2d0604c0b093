#pragma once

#include "protocol/Dto.h"

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <string_view>
#include <vector>

namespace td::app {

// The credentials a CredentialModel holds, stored compactly: a million records take about 200 bytes each instead of
// the ~1.3 KB of an ApiKeyDto per record plus its search text (issue 4: <= 300 MB at 1M records).
//
// Each record is one block in a chunk of memory: four times as milliseconds, indexes into tables of the values many
// records share (scope lists, allowlists, tenant, creator), and the UTF-8 text of the rest. A record's lower-cased
// search text ("name\ndescription\nscopes\nallowlist") is stored once; the name and the description are taken from it
// when they are lower-case already. Prefix, last4 and id are ASCII and searched in place, ignoring case. Text fields
// are cut at MaxFieldBytes (the server allows far less).
//
// Never holds a secret: the server never sends one after creation.
class CredentialRows
{
public:
    static constexpr qint64 Never = std::numeric_limits<qint64>::min(); // a time that is not set
    static constexpr qsizetype MaxFieldBytes = 8000;
    enum class SortKey { Name, Scopes, IpAllowlist, Prefix };

    CredentialRows();
    ~CredentialRows();
    CredentialRows(CredentialRows&&) noexcept;
    CredentialRows& operator=(CredentialRows&&) noexcept;
    CredentialRows(const CredentialRows&) = delete;
    CredentialRows& operator=(const CredentialRows&) = delete;

    int size() const { return int(m_blocks.size()); }
    bool isEmpty() const { return m_blocks.empty(); }
    void clear();

    void append(const protocol::ApiKeyDto& record);
    // Moves every row of other to the end of this one; other is left empty.
    void append(CredentialRows&& other);
    void prepend(const protocol::ApiKeyDto& record);
    void replace(int row, const protocol::ApiKeyDto& record);

    // The "items" of a list page, as ApiKeyDto::fromJson reads each (any kind's shape); on the first malformed item
    // returns false, names the problem in *error and adds nothing.
    bool appendJson(const QJsonArray& items, QString* error = nullptr);

    protocol::ApiKeyDto record(int row) const;
    QString id(int row) const;
    QString name(int row) const;
    QString description(int row) const;
    QString prefix(int row) const;
    QString last4(int row) const;
    QString rotatedTo(int row) const;
    QString lastUsedIp(int row) const;
    QString createdBy(int row) const;
    const QStringList& scopes(int row) const;
    const QStringList& ipAllowlist(int row) const;
    qint64 createdAtMs(int row) const;
    qint64 expiresAtMs(int row) const; // Never: does not expire
    qint64 lastUsedAtMs(int row) const;
    protocol::KeyStatus status(int row) const;
    bool idEquals(int row, const QString& id) const;
    std::string_view idBytes(int row) const; // UTF-8

    // Whether the row's name, description, scopes, allowlist, prefix, last4 or id holds needle (lower-case UTF-8).
    bool matches(int row, std::string_view needle) const;
    // The same with needleMask(needle) computed once for many rows.
    bool matches(int row, std::string_view needle, quint64 mask) const;
    static quint64 needleMask(std::string_view needle);
    // Lower-cased UTF-8 "name\ndescription\nscopes\nallowlist"; views stay valid until the rows are cleared or
    // destroyed.
    std::string_view searchText(int row) const;
    std::string_view sortText(int row, SortKey key) const;

    // Bytes held (blocks, row table, shared values), for the benchmark.
    qsizetype bytesUsed() const;

private:
    struct Header;
    struct Encoded;
    class Interned;

    const Header& header(int row) const;
    QString text(int row, int field) const;
    std::string_view bytes(int row, int field) const;
    char* allocate(qsizetype size);
    const char* encode(const Encoded& e);
    bool appendJsonObject(const QJsonObject& object, QString* error);

    std::vector<const char*> m_blocks; // row -> its block
    std::vector<std::unique_ptr<char[]>> m_chunks;
    qsizetype m_chunkUsed = 0; // bytes used of the last chunk
    qsizetype m_chunkSize = 0; // size of the last chunk
    qsizetype m_chunkBytes = 0;
    std::unique_ptr<Interned> m_interned;
};

} // namespace td::app
