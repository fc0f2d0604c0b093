#include "CredentialRows.h"

#include <QJsonObject>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>
#include <new>

using namespace Qt::StringLiterals;

namespace td::app {

namespace {

// Fields stored as UTF-8 text in a block, in this order. Name and Description are left out when they equal their
// lower-cased form inside Search.
enum Field { Search, Name, Description, Prefix, Last4, Id, LastUsedIp, RotatedFrom, RotatedTo, FieldCount };
// Parts of Search: "name\ndescription\nscopes\nallowlist". Prefix, last4 and id are ASCII (base62 and '_') and are
// searched in their own case, without a lower-cased copy.
enum Key { NameKey, DescriptionKey, ScopesKey, AllowlistKey, KeyCount };

enum Flag : quint8 { NameInSearch = 1, DescriptionInSearch = 2 };

constexpr qsizetype ChunkSize = 256 * 1024;

// Which of the characters of base62 ids, prefixes and last4 (letters without case, digits, '_') a text holds, one
// bit each; bit 63: something else. A needle whose bits a row lacks cannot be in its id, prefix or last4, which
// spares most rows the case-folding scans.
quint64 foldedBit(char c)
{
    if (c >= 'A' && c <= 'Z')
        return quint64(1) << (c - 'A');
    if (c >= 'a' && c <= 'z')
        return quint64(1) << (c - 'a');
    if (c >= '0' && c <= '9')
        return quint64(1) << (26 + c - '0');
    if (c == '_')
        return quint64(1) << 36;
    return quint64(1) << 63;
}

quint64 foldedMaskOf(QByteArrayView text)
{
    quint64 mask = 0;
    for (const char c : text)
        mask |= foldedBit(c);
    return mask;
}

qint64 msOrNever(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : CredentialRows::Never;
}

QDateTime timeOf(qint64 ms)
{
    return ms == CredentialRows::Never ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// UTF-8 of text, cut at a character boundary so that it fits MaxFieldBytes.
QByteArray utf8(QStringView text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.size() > CredentialRows::MaxFieldBytes) {
        qsizetype cut = CredentialRows::MaxFieldBytes;
        while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
            --cut;
        bytes.truncate(cut);
    }
    return bytes;
}

} // namespace

struct CredentialRows::Header
{
    qint64 createdAt;
    qint64 expiresAt;
    qint64 lastUsedAt;
    qint64 revokedAt;
    qint64 suspendedAt;
    quint32 scopes;    // Interned::lists
    quint32 allowlist; // Interned::lists
    quint32 tenant;    // Interned::strings
    quint32 createdBy; // Interned::strings
    quint32 revokedBy; // Interned::strings
    quint32 rateLimit; // Interned::strings: "requests/perSeconds", "" for none (few distinct limits)
    quint8 status;
    quint8 flags;
    quint16 length[FieldCount];
    quint16 key[KeyCount];
    quint64 folded; // foldedMask() of id, prefix and last4

    qsizetype stored(int field) const
    {
        if ((field == Name && (flags & NameInSearch)) || (field == Description && (flags & DescriptionInSearch)))
            return 0;
        return length[field];
    }
    qsizetype dataSize() const
    {
        qsizetype size = 0;
        for (int f = 0; f < FieldCount; ++f)
            size += stored(f);
        return size;
    }
    const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    std::string_view field(int f) const
    {
        if (f == Name && (flags & NameInSearch))
            return {data(), length[Name]};
        if (f == Description && (flags & DescriptionInSearch))
            return {data() + key[NameKey] + 1, length[Description]};
        qsizetype offset = 0;
        for (int i = 0; i < f; ++i)
            offset += stored(i);
        return {data() + offset, length[f]};
    }
};

// Values that many records share, stored once: scope lists, allowlists, tenants, creators.
class CredentialRows::Interned
{
public:
    Interned()
    {
        m_strings.emplace_back();
        m_stringIndex.insert(QString(), 0);
        m_lists.emplace_back();
        m_listSearch.emplace_back();
        m_listIndex.insert(QString(), 0);
    }

    quint32 string(const QString& value)
    {
        if (value.isEmpty())
            return 0;
        const auto it = m_stringIndex.constFind(value);
        if (it != m_stringIndex.cend())
            return *it;
        const auto index = quint32(m_strings.size());
        m_strings.push_back(value);
        m_stringIndex.insert(value, index);
        return index;
    }

    quint32 list(const QStringList& values)
    {
        if (values.isEmpty())
            return 0;
        // Each item with its length in front: no two different lists share a key, whatever they hold.
        QString joined;
        for (const QString& value : values)
            joined += QString::number(value.size()) + u':' + value;
        const auto it = m_listIndex.constFind(joined);
        if (it != m_listIndex.cend())
            return *it;
        const auto index = quint32(m_lists.size());
        m_lists.push_back(values);
        m_listSearch.push_back(utf8(values.join(u',').toLower()));
        m_listIndex.insert(joined, index);
        return index;
    }

    const QString& stringAt(quint32 index) const { return m_strings.at(index); }
    const QStringList& listAt(quint32 index) const { return m_lists.at(index); }
    const QByteArray& listSearchAt(quint32 index) const { return m_listSearch.at(index); }
    quint32 stringCount() const { return quint32(m_strings.size()); }
    quint32 listCount() const { return quint32(m_lists.size()); }

    qsizetype bytesUsed() const
    {
        qsizetype bytes = 0;
        for (const QString& s : m_strings)
            bytes += 48 + s.size() * 2;
        for (size_t i = 0; i < m_lists.size(); ++i)
            bytes += 96 + m_listSearch[i].size() * 3 + m_lists[i].size() * 48;
        return bytes;
    }

private:
    std::vector<QString> m_strings;
    QHash<QString, quint32> m_stringIndex;
    std::vector<QStringList> m_lists;
    std::vector<QByteArray> m_listSearch; // lower-cased, joined with ',', UTF-8
    QHash<QString, quint32> m_listIndex;
};

// A record on its way into a block.
struct CredentialRows::Encoded
{
    Header header{};
    QByteArray text[FieldCount];
};

CredentialRows::CredentialRows()
    : m_interned(std::make_unique<Interned>())
{}

CredentialRows::~CredentialRows() = default;
CredentialRows::CredentialRows(CredentialRows&&) noexcept = default;
CredentialRows& CredentialRows::operator=(CredentialRows&&) noexcept = default;

void CredentialRows::clear()
{
    *this = CredentialRows();
}

char* CredentialRows::allocate(qsizetype size)
{
    size = (size + 7) & ~qsizetype(7); // blocks start at 8-byte boundaries
    if (m_chunks.empty() || m_chunkUsed + size > m_chunkSize) {
        const qsizetype chunk = std::max(ChunkSize, size);
        m_chunks.push_back(std::make_unique<char[]>(size_t(chunk)));
        m_chunkSize = chunk;
        m_chunkUsed = 0;
        m_chunkBytes += chunk;
    }
    char* at = m_chunks.back().get() + m_chunkUsed;
    m_chunkUsed += size;
    return at;
}

const char* CredentialRows::encode(const Encoded& e)
{
    Header h = e.header;
    for (int f = 0; f < FieldCount; ++f)
        h.length[f] = quint16(e.text[f].size());
    char* block = allocate(qsizetype(sizeof(Header)) + h.dataSize());
    new (block) Header(h);
    char* out = block + sizeof(Header);
    for (int f = 0; f < FieldCount; ++f) {
        const qsizetype n = h.stored(f);
        if (n > 0)
            std::memcpy(out, e.text[f].constData(), size_t(n));
        out += n;
    }
    return block;
}

void CredentialRows::append(const protocol::ApiKeyDto& record)
{
    Encoded e;
    Header& h = e.header;
    h.createdAt = msOrNever(record.createdAt);
    h.expiresAt = msOrNever(record.expiresAt);
    h.lastUsedAt = msOrNever(record.lastUsedAt);
    h.revokedAt = msOrNever(record.revokedAt);
    h.scopes = m_interned->list(record.scopes);
    h.allowlist = m_interned->list(record.ipAllowlist);
    h.tenant = m_interned->string(record.tenantId);
    h.createdBy = m_interned->string(record.createdBy);
    h.revokedBy = m_interned->string(record.revokedBy);
    h.suspendedAt = msOrNever(record.suspendedAt);
    h.rateLimit = m_interned->string(record.rateLimit.isSet() ? QString::number(record.rateLimit.requests) + u'/' +
                                                                    QString::number(record.rateLimit.perSeconds)
                                                              : QString());
    h.status = quint8(record.status);

    const QByteArray name = utf8(record.name);
    const QByteArray description = utf8(record.description);
    const QByteArray nameKey = utf8(record.name.toLower());
    const QByteArray descriptionKey = utf8(record.description.toLower());
    const QByteArray& scopesKey = m_interned->listSearchAt(h.scopes);
    const QByteArray& allowlistKey = m_interned->listSearchAt(h.allowlist);
    e.text[Name] = name;
    e.text[Description] = description;
    e.text[Prefix] = utf8(record.prefix);
    e.text[Last4] = utf8(record.last4);
    e.text[Id] = utf8(record.id);
    e.text[LastUsedIp] = utf8(record.lastUsedIp);
    e.text[RotatedFrom] = utf8(record.rotatedFrom);
    e.text[RotatedTo] = utf8(record.rotatedTo);
    QByteArray& search = e.text[Search];
    search.reserve(nameKey.size() + descriptionKey.size() + scopesKey.size() + allowlistKey.size() + 3);
    search += nameKey;
    search += '\n';
    search += descriptionKey;
    search += '\n';
    search += scopesKey;
    search += '\n';
    search += allowlistKey;
    h.key[NameKey] = quint16(nameKey.size());
    h.key[DescriptionKey] = quint16(descriptionKey.size());
    h.key[ScopesKey] = quint16(scopesKey.size());
    h.key[AllowlistKey] = quint16(allowlistKey.size());
    h.folded = foldedMaskOf(e.text[Id]) | foldedMaskOf(e.text[Prefix]) | foldedMaskOf(e.text[Last4]);
    if (nameKey == name)
        h.flags |= NameInSearch;
    if (descriptionKey == description)
        h.flags |= DescriptionInSearch;
    m_blocks.push_back(encode(e));
}

void CredentialRows::append(CredentialRows&& other)
{
    if (&other == this || other.isEmpty())
        return;
    if (isEmpty() && m_chunks.empty()) {
        *this = std::move(other);
        other.clear();
        return;
    }
    // Other's shared values get this one's indexes; its blocks move over as they are.
    std::vector<quint32> strings(other.m_interned->stringCount());
    for (quint32 i = 0; i < strings.size(); ++i)
        strings[i] = m_interned->string(other.m_interned->stringAt(i));
    std::vector<quint32> lists(other.m_interned->listCount());
    for (quint32 i = 0; i < lists.size(); ++i)
        lists[i] = m_interned->list(other.m_interned->listAt(i));
    m_blocks.reserve(m_blocks.size() + other.m_blocks.size());
    for (const char* block : other.m_blocks) {
        auto* h = reinterpret_cast<Header*>(const_cast<char*>(block)); // other's own chunk memory, now ours
        h->scopes = lists[h->scopes];
        h->allowlist = lists[h->allowlist];
        h->tenant = strings[h->tenant];
        h->createdBy = strings[h->createdBy];
        h->revokedBy = strings[h->revokedBy];
        h->rateLimit = strings[h->rateLimit];
        m_blocks.push_back(block);
    }
    // The last chunk stays the one being filled.
    const qsizetype used = m_chunkUsed;
    const qsizetype size = m_chunkSize;
    std::unique_ptr<char[]> current = m_chunks.empty() ? nullptr : std::move(m_chunks.back());
    if (current)
        m_chunks.pop_back();
    for (auto& chunk : other.m_chunks)
        m_chunks.push_back(std::move(chunk));
    if (current)
        m_chunks.push_back(std::move(current));
    m_chunkUsed = used;
    m_chunkSize = size;
    m_chunkBytes += other.m_chunkBytes;
    other.clear();
}

void CredentialRows::prepend(const protocol::ApiKeyDto& record)
{
    append(record);
    std::rotate(m_blocks.begin(), m_blocks.end() - 1, m_blocks.end());
}

void CredentialRows::replace(int row, const protocol::ApiKeyDto& record)
{
    // The old block stays in its chunk until the rows are cleared: replacing is rare (a change the user made).
    append(record);
    m_blocks[size_t(row)] = m_blocks.back();
    m_blocks.pop_back();
}

bool CredentialRows::appendJson(const QJsonArray& items, QString* error)
{
    CredentialRows parsed;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!parsed.appendJsonObject(items.at(i).toObject(), error)) {
            if (error)
                *error = u"item %1: %2"_s.arg(i).arg(*error);
            return false;
        }
    }
    append(std::move(parsed));
    return true;
}

bool CredentialRows::appendJsonObject(const QJsonObject& object, QString* error)
{
    const std::optional<protocol::ApiKeyDto> record = protocol::ApiKeyDto::fromJson(object, error);
    if (!record)
        return false;
    append(*record);
    return true;
}

const CredentialRows::Header& CredentialRows::header(int row) const
{
    return *reinterpret_cast<const Header*>(m_blocks.at(size_t(row)));
}

std::string_view CredentialRows::bytes(int row, int field) const
{
    return header(row).field(field);
}

QString CredentialRows::text(int row, int field) const
{
    const std::string_view b = bytes(row, field);
    return QString::fromUtf8(b.data(), qsizetype(b.size()));
}

protocol::ApiKeyDto CredentialRows::record(int row) const
{
    const Header& h = header(row);
    protocol::ApiKeyDto r;
    r.id = text(row, Id);
    r.name = text(row, Name);
    r.description = text(row, Description);
    r.prefix = text(row, Prefix);
    r.last4 = text(row, Last4);
    r.scopes = m_interned->listAt(h.scopes);
    r.tenantId = m_interned->stringAt(h.tenant);
    r.createdAt = timeOf(h.createdAt);
    r.createdBy = m_interned->stringAt(h.createdBy);
    r.expiresAt = timeOf(h.expiresAt);
    r.lastUsedAt = timeOf(h.lastUsedAt);
    r.lastUsedIp = text(row, LastUsedIp);
    r.ipAllowlist = m_interned->listAt(h.allowlist);
    r.status = protocol::KeyStatus(h.status);
    r.revokedAt = timeOf(h.revokedAt);
    r.revokedBy = m_interned->stringAt(h.revokedBy);
    r.rotatedFrom = text(row, RotatedFrom);
    r.rotatedTo = text(row, RotatedTo);
    r.suspendedAt = timeOf(h.suspendedAt);
    const QString limit = m_interned->stringAt(h.rateLimit);
    if (const qsizetype slash = limit.indexOf(u'/'); slash > 0)
        r.rateLimit = {limit.left(slash).toInt(), limit.mid(slash + 1).toInt()};
    return r;
}

QString CredentialRows::id(int row) const
{
    return text(row, Id);
}

QString CredentialRows::name(int row) const
{
    return text(row, Name);
}

QString CredentialRows::description(int row) const
{
    return text(row, Description);
}

QString CredentialRows::prefix(int row) const
{
    return text(row, Prefix);
}

QString CredentialRows::last4(int row) const
{
    return text(row, Last4);
}

QString CredentialRows::rotatedTo(int row) const
{
    return text(row, RotatedTo);
}

QString CredentialRows::lastUsedIp(int row) const
{
    return text(row, LastUsedIp);
}

QString CredentialRows::createdBy(int row) const
{
    return m_interned->stringAt(header(row).createdBy);
}

const QStringList& CredentialRows::scopes(int row) const
{
    return m_interned->listAt(header(row).scopes);
}

const QStringList& CredentialRows::ipAllowlist(int row) const
{
    return m_interned->listAt(header(row).allowlist);
}

qint64 CredentialRows::createdAtMs(int row) const
{
    return header(row).createdAt;
}

qint64 CredentialRows::expiresAtMs(int row) const
{
    return header(row).expiresAt;
}

qint64 CredentialRows::lastUsedAtMs(int row) const
{
    return header(row).lastUsedAt;
}

protocol::KeyStatus CredentialRows::status(int row) const
{
    return protocol::KeyStatus(header(row).status);
}

std::string_view CredentialRows::idBytes(int row) const
{
    return bytes(row, Id);
}

bool CredentialRows::idEquals(int row, const QString& id) const
{
    const std::string_view b = bytes(row, Id);
    return QAnyStringView::equal(QUtf8StringView(b.data(), qsizetype(b.size())), QStringView(id));
}

namespace {

// Whether text holds needle. A filter keystroke at 1M rows runs this a million times over ~100-byte texts, where a
// general memmem's set-up per call costs more than the scan: with SSE2, 16 positions are tested at once for the
// needle's first and last byte, and only those candidates are compared in full.
bool contains(std::string_view text, std::string_view needle)
{
    const size_t n = text.size();
    const size_t k = needle.size();
    if (k == 0)
        return true;
    if (k > n)
        return false;
    if (k == 1)
        return std::memchr(text.data(), needle[0], n) != nullptr;
    const char* t = text.data();
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[k - 1]);
    for (; i + (k - 1) + 16 <= n; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i + k - 1));
        auto candidates = unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        while (candidates != 0) {
            const unsigned at = unsigned(__builtin_ctz(candidates));
            if (std::memcmp(t + i + at + 1, needle.data() + 1, k - 2) == 0)
                return true;
            candidates &= candidates - 1;
        }
    }
#endif
    for (; i + k <= n; ++i) {
        if (t[i] == needle[0] && t[i + k - 1] == needle[k - 1] && std::memcmp(t + i, needle.data(), k) == 0)
            return true;
    }
    return false;
}

// Whether text holds needle, ASCII letters of text compared without case (needle is lower-case).
bool containsFolded(std::string_view text, std::string_view needle)
{
    if (needle.size() > text.size())
        return false;
    if (needle.empty())
        return true;
    const auto fold = [](char c) {
        return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
    };
    // A cheap test of the first and last byte first: a letter matches either case through bit 0x20; anything
    // else must be equal. Only the positions that pass are compared in full.
    const auto caseBit = [](char c) {
        return c >= 'a' && c <= 'z' ? char(0x20) : char(0);
    };
    const char first = needle.front();
    const char last = needle.back();
    const char firstBit = caseBit(first);
    const char lastBit = caseBit(last);
    const size_t k = needle.size();
    for (size_t at = 0; at + k <= text.size(); ++at) {
        if (char(text[at] | firstBit) != first || char(text[at + k - 1] | lastBit) != last)
            continue;
        size_t i = 0;
        while (i < k && fold(text[at + i]) == needle[i])
            ++i;
        if (i == k)
            return true;
    }
    return false;
}

} // namespace

quint64 CredentialRows::needleMask(std::string_view needle)
{
    quint64 mask = 0;
    for (const char c : needle) {
        if (c != ' ') // the space of "prefix last4" is not part of either
            mask |= foldedBit(c);
    }
    return mask;
}

bool CredentialRows::matches(int row, std::string_view needle) const
{
    return matches(row, needle, needleMask(needle));
}

bool CredentialRows::matches(int row, std::string_view needle, quint64 mask) const
{
    const Header& h = header(row);
    if (contains(h.field(Search), needle))
        return true;
    if ((h.folded & mask) != mask)
        return false; // a character of the needle is in none of id, prefix and last4
    if (containsFolded(h.field(Id), needle) || containsFolded(h.field(Prefix), needle))
        return true;
    const std::string_view last4 = h.field(Last4);
    if (containsFolded(last4, needle))
        return true;
    // "<end of the prefix> <start of last4>", as in the old "prefix last4" search text.
    const size_t space = needle.find(' ');
    if (space == std::string_view::npos)
        return false;
    const std::string_view prefix = h.field(Prefix);
    const std::string_view left = needle.substr(0, space);
    const std::string_view right = needle.substr(space + 1);
    return left.size() <= prefix.size() && right.size() <= last4.size() &&
           containsFolded(prefix.substr(prefix.size() - left.size()), left) &&
           containsFolded(last4.substr(0, right.size()), right);
}

std::string_view CredentialRows::searchText(int row) const
{
    return bytes(row, Search);
}

std::string_view CredentialRows::sortText(int row, SortKey key) const
{
    const Header& h = header(row);
    const char* search = h.data();
    switch (key) {
    case SortKey::Name:
        return {search, h.key[NameKey]};
    case SortKey::Scopes:
        return {search + h.key[NameKey] + 1 + h.key[DescriptionKey] + 1, h.key[ScopesKey]};
    case SortKey::IpAllowlist:
        return {search + h.key[NameKey] + 1 + h.key[DescriptionKey] + 1 + h.key[ScopesKey] + 1, h.key[AllowlistKey]};
    case SortKey::Prefix:
        return h.field(Prefix);
    }
    return {};
}

qsizetype CredentialRows::bytesUsed() const
{
    return m_chunkBytes + qsizetype(m_blocks.capacity() * sizeof(const char*)) + m_interned->bytesUsed();
}

} // namespace td::app
