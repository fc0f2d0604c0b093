#include "protocol/Token.h"

#include "protocol/CredentialKind.h"

#include <QtGlobal>

#include <openssl/rand.h>

#include <array>

using namespace Qt::StringLiterals;

namespace td::protocol {

namespace {

constexpr char Base62Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int Base62Size = 62;
// Largest multiple of 62 that fits in a byte: bytes at or above it are dropped so that byte % 62 is uniform.
constexpr int RejectionLimit = 256 - (256 % Base62Size); // 248

// "td" + kind letter + "_"
constexpr int HeadLength = 4;
// Characters shown as the key prefix after the head.
constexpr int PrefixRandomLength = 8;
constexpr int Last4Length = 4;

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) ? (0xEDB88320u ^ (c >> 1)) : (c >> 1);
        table[i] = c;
    }
    return table;
}

QByteArray checksumFor(QByteArrayView body)
{
    return base62Encode(crc32(body), OpaqueToken::ChecksumLength);
}

} // namespace

// A refresh token is not a managed credential: its letter is the only one outside the table of credential kinds.
constexpr char RefreshLetter = 'r';

char kindLetter(TokenKind kind)
{
    if (kind == TokenKind::Refresh)
        return RefreshLetter;
    return kindByTokenKind(kind)->letter;
}

QString kindName(TokenKind kind)
{
    if (kind == TokenKind::Refresh)
        return u"refreshToken"_s;
    return kindByTokenKind(kind)->wireName;
}

std::optional<TokenKind> kindFromLetter(char letter)
{
    if (letter == RefreshLetter)
        return TokenKind::Refresh;
    if (const CredentialKindInfo* info = kindByLetter(letter))
        return info->tokenKind;
    return std::nullopt;
}

QByteArray randomBase62(int length)
{
    QByteArray out;
    if (length <= 0)
        return out;
    out.reserve(length);
    // 248/256 of the bytes are kept, so a buffer a bit larger than needed usually suffices in one call.
    std::array<unsigned char, 64> buffer{};
    while (out.size() < length) {
        if (RAND_bytes(buffer.data(), int(buffer.size())) != 1) {
            // A token without CSPRNG output would be guessable: never hand one out.
            qFatal("td::protocol::randomBase62: RAND_bytes failed");
        }
        for (unsigned char byte : buffer) {
            if (byte >= RejectionLimit)
                continue;
            out.append(Base62Alphabet[byte % Base62Size]);
            if (out.size() == length)
                break;
        }
    }
    return out;
}

QByteArray base62Encode(quint32 value, int width)
{
    if (width <= 0)
        return {};
    // Digits beyond the width are dropped: six digits hold any 32-bit value (62^6 > 2^32).
    QByteArray out(width, '0');
    for (int i = width - 1; i >= 0 && value != 0; --i) {
        out[i] = Base62Alphabet[value % Base62Size];
        value /= Base62Size;
    }
    return out;
}

quint32 crc32(QByteArrayView data)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data)
        crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

QByteArray OpaqueToken::generate(TokenKind kind)
{
    QByteArray token;
    token.reserve(TotalLength);
    token.append("td");
    token.append(kindLetter(kind));
    token.append('_');
    token.append(randomBase62(RandomLength));
    token.append(checksumFor(token));
    return token;
}

std::optional<ParsedToken> OpaqueToken::parse(QByteArrayView text)
{
    if (text.size() != TotalLength || !looksLikeOpaqueToken(text))
        return std::nullopt;
    const auto kind = kindFromLetter(text.at(2));
    if (!kind)
        return std::nullopt;
    const QByteArrayView rest = text.sliced(HeadLength);
    for (char c : rest) {
        if (!isBase62(c))
            return std::nullopt;
    }
    // The checksum is public information, so an ordinary comparison is fine here.
    const QByteArrayView body = text.first(HeadLength + RandomLength);
    if (checksumFor(body) != text.sliced(HeadLength + RandomLength))
        return std::nullopt;

    ParsedToken parsed;
    parsed.kind = *kind;
    parsed.token = text.toByteArray();
    parsed.prefix = QString::fromLatin1(text.first(HeadLength + PrefixRandomLength));
    parsed.last4 = QString::fromLatin1(text.last(Last4Length));
    return parsed;
}

bool OpaqueToken::looksLikeOpaqueToken(QByteArrayView text)
{
    return text.size() >= HeadLength && text.at(0) == 't' && text.at(1) == 'd' && kindFromLetter(text.at(2)) &&
           text.at(3) == '_';
}

} // namespace td::protocol
