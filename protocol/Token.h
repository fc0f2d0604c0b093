#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace td::protocol {

// The kinds of opaque token, each with its own letter: td<k>_...
enum class TokenKind { ApiKey, Uat, PrivateToken, Refresh };

char kindLetter(TokenKind kind);  // 'k', 'u', 'p', 'r'
QString kindName(TokenKind kind); // "apiKey", "uat", "privateToken", "refreshToken"
std::optional<TokenKind> kindFromLetter(char letter);

// CSPRNG-backed helpers (OpenSSL RAND_bytes, rejection sampling so every character is uniform).
QByteArray randomBase62(int length);
// Fixed-width base62 of a 32-bit value, most significant digit first, zero-padded with '0'.
QByteArray base62Encode(quint32 value, int width);
quint32 crc32(QByteArrayView data); // IEEE 802.3 polynomial, as zlib's crc32

struct ParsedToken
{
    TokenKind kind;
    QByteArray token; // the whole token as given
    QString prefix;   // "tdk_" + the first 8 random characters: safe to show and to store
    QString last4;    // the last 4 characters of the token: safe to show and to store
};

class OpaqueToken final
{
public:
    static constexpr int RandomLength = 32;
    static constexpr int ChecksumLength = 6;
    static constexpr int TotalLength = 4 + RandomLength + ChecksumLength; // "tdk_" + 32 + 6 = 42

    // "td<k>_" + 32 random base62 + 6 base62 of CRC32("td<k>_" + random part).
    static QByteArray generate(TokenKind kind);
    // Checks shape, alphabet and checksum. No database needed: a typo is caught here.
    static std::optional<ParsedToken> parse(QByteArrayView text);
    static bool looksLikeOpaqueToken(QByteArrayView text); // "td?_" start, any length
};

} // namespace td::protocol
