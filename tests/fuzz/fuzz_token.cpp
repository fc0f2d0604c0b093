// td::protocol::OpaqueToken: API keys, UATs, private tokens and refresh tokens as clients present them.
//
// The input is the token text. Because random text almost never carries a valid CRC, the target also appends the
// right checksum to the first 36 bytes and parses that, so the accepting path is explored as much as the refusals.
// Properties: parse() accepts exactly the "td<k>_" + 32 base62 + 6 base62 CRC shape (checked against a model
// written here), and what it returns is consistent with the text; looksLikeOpaqueToken() and Jwt::looksLikeJwt()
// never both claim a text.
#include "FuzzCheck.h"

#include "protocol/Jwt.h"
#include "protocol/Token.h"

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using td::protocol::OpaqueToken;
using td::protocol::ParsedToken;

namespace {

constexpr int Head = 4;
constexpr int Body = Head + OpaqueToken::RandomLength; // what the checksum covers

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool modelLooksLike(QByteArrayView text)
{
    return text.size() >= Head && text[0] == 't' && text[1] == 'd' &&
           (text[2] == 'k' || text[2] == 'u' || text[2] == 'p' || text[2] == 'r') && text[3] == '_';
}

// The documented format, written independently of Token.cpp (but for crc32 and base62Encode, checked below).
bool modelAccepts(QByteArrayView text)
{
    if (text.size() != OpaqueToken::TotalLength || !modelLooksLike(text))
        return false;
    for (const char c : text.sliced(Head)) {
        if (!isBase62(c))
            return false;
    }
    return td::protocol::base62Encode(td::protocol::crc32(text.first(Body)), OpaqueToken::ChecksumLength) ==
           text.sliced(Body);
}

void checkOne(QByteArrayView text)
{
    const bool looksLike = OpaqueToken::looksLikeOpaqueToken(text);
    TD_FUZZ_CHECK(looksLike == modelLooksLike(text), td::fuzz::show(text));
    TD_FUZZ_CHECK(!(looksLike && td::protocol::Jwt::looksLikeJwt(text)), td::fuzz::show(text));

    const std::optional<ParsedToken> parsed = OpaqueToken::parse(text);
    TD_FUZZ_CHECK(parsed.has_value() == modelAccepts(text), td::fuzz::show(text));
    if (!parsed)
        return;
    TD_FUZZ_CHECK(parsed->token == text, QString());
    TD_FUZZ_CHECK(td::protocol::kindLetter(parsed->kind) == text[2], td::fuzz::show(text));
    TD_FUZZ_CHECK(td::protocol::kindFromLetter(text[2]) == parsed->kind, QString());
    TD_FUZZ_CHECK(parsed->prefix == QString::fromLatin1(text.first(Head + 8)), parsed->prefix);
    TD_FUZZ_CHECK(parsed->last4 == QString::fromLatin1(text.last(4)), parsed->last4);
    TD_FUZZ_CHECK(!td::protocol::kindName(parsed->kind).isEmpty(), QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    checkOne(text);

    // The same text with a correct checksum in place of whatever followed its first 36 bytes.
    if (text.size() >= Body) {
        QByteArray fixed = text.first(Body).toByteArray();
        fixed += td::protocol::base62Encode(td::protocol::crc32(fixed), OpaqueToken::ChecksumLength);
        checkOne(fixed);
    }

    // base62Encode: fixed width, base62 digits, and it round-trips (six digits hold any 32-bit value).
    if (size >= 5) {
        const quint32 value = quint32(data[0]) << 24 | quint32(data[1]) << 16 | quint32(data[2]) << 8 | data[3];
        const int width = int(data[4] % 16) - 2;
        const QByteArray digits = td::protocol::base62Encode(value, width);
        TD_FUZZ_CHECK(digits.size() == std::max(width, 0), QString::number(width));
        quint64 decoded = 0;
        for (const char c : digits) {
            TD_FUZZ_CHECK(isBase62(c), QString());
            const int digit = c <= '9' ? c - '0' : c <= 'Z' ? c - 'A' + 10 : c - 'a' + 36;
            decoded = decoded * 62 + quint64(digit);
        }
        if (width >= 6)
            TD_FUZZ_CHECK(decoded == value, u"%1 -> %2"_s.arg(value).arg(QString::fromLatin1(digits)));
    }
    return 0;
}
