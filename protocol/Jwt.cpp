#include "protocol/Jwt.h"

#include "protocol/Token.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QSet>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace td::protocol {

namespace {

constexpr int SignatureSize = 32; // SHA-256
// NumericDate claims are limited to what a double holds exactly, which also keeps exp + leeway from overflowing.
constexpr qint64 MaxNumericDate = (qint64(1) << 53) - 1;

// The only header this codec writes or accepts, byte for byte when written.
constexpr char HeaderJson[] = R"({"alg":"HS256","typ":"at+jwt"})";

constexpr auto Base64UrlOptions = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool isBase64UrlText(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), isBase64UrlChar);
}

// Strict base64url: no padding, no foreign characters, and only the one canonical spelling of each byte string
// (unused trailing bits must be zero), so a token cannot be varied without changing its bytes.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    if (!isBase64UrlText(text))
        return std::nullopt;
    QByteArray decoded = QByteArray::fromBase64(text.toByteArray(), QByteArray::Base64UrlEncoding);
    if (decoded.toBase64(Base64UrlOptions) != text)
        return std::nullopt;
    return decoded;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLength = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
              size_t(data.size()), out, &outLength)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(out), int(outLength));
}

// --- A strict scan of a JSON object's member names -------------------------------------------------------------
//
// QJsonDocument keeps the last of two equal names silently; JWT libraries disagree on which one wins, which is the
// classic way to smuggle a second "sub" past a verifier. This scanner runs only on text QJsonDocument has already
// accepted as an object, so it needs to be correct on valid JSON, not to diagnose invalid JSON.

class MemberNameScanner
{
public:
    explicit MemberNameScanner(QByteArrayView json)
        : m_json(json)
    {}

    // nullopt when the text is not shaped as expected; otherwise whether a name repeats at the top level.
    std::optional<bool> hasDuplicateNames()
    {
        QSet<QString> names;
        skipSpace();
        if (!consume('{'))
            return std::nullopt;
        skipSpace();
        if (consume('}'))
            return false;
        for (;;) {
            skipSpace();
            const std::optional<QString> name = readString();
            if (!name)
                return std::nullopt;
            if (names.contains(*name))
                return true;
            names.insert(*name);
            skipSpace();
            if (!consume(':'))
                return std::nullopt;
            skipSpace();
            if (!skipValue())
                return std::nullopt;
            skipSpace();
            if (consume(','))
                continue;
            if (consume('}'))
                return false;
            return std::nullopt;
        }
    }

private:
    bool atEnd() const { return m_pos >= m_json.size(); }
    char peek() const { return m_json.at(m_pos); }

    bool consume(char c)
    {
        if (atEnd() || peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // Reads a string at the cursor with its escapes decoded, so "s\u0075b" and "sub" compare equal.
    std::optional<QString> readString()
    {
        if (!consume('"'))
            return std::nullopt;
        QString result;
        qsizetype runStart = m_pos;
        auto flushRun = [&] {
            if (m_pos > runStart)
                result += QString::fromUtf8(m_json.sliced(runStart, m_pos - runStart));
        };
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                flushRun();
                ++m_pos;
                return result;
            }
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flushRun();
            ++m_pos;
            if (atEnd())
                return std::nullopt;
            const char escape = peek();
            ++m_pos;
            switch (escape) {
            case '"':
            case '\\':
            case '/':
                result += QChar::fromLatin1(escape);
                break;
            case 'b':
                result += QChar(u'\b');
                break;
            case 'f':
                result += QChar(u'\f');
                break;
            case 'n':
                result += QChar(u'\n');
                break;
            case 'r':
                result += QChar(u'\r');
                break;
            case 't':
                result += QChar(u'\t');
                break;
            case 'u': {
                if (m_pos + 4 > m_json.size())
                    return std::nullopt;
                char16_t unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int digit = hexValue(m_json.at(m_pos + i));
                    if (digit < 0)
                        return std::nullopt;
                    unit = char16_t((unit << 4) | digit);
                }
                m_pos += 4;
                // UTF-16 units are appended one by one: a surrogate pair ends up as the same two units either way.
                result += QChar(unit);
                break;
            }
            default:
                return std::nullopt;
            }
            runStart = m_pos;
        }
        return std::nullopt;
    }

    // Skips one value of any type, nested containers included.
    bool skipValue()
    {
        if (atEnd())
            return false;
        const char c = peek();
        if (c == '"')
            return readString().has_value();
        if (c == '{' || c == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char d = peek();
                if (d == '"') {
                    if (!readString())
                        return false;
                    continue;
                }
                ++m_pos;
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0)
                        return true;
                }
            }
            return false;
        }
        // number, true, false, null
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char d = peek();
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\n' || d == '\r')
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    QByteArrayView m_json;
    qsizetype m_pos = 0;
};

// Parses a JSON object strictly: Malformed when not an object, DuplicateClaim when a member name repeats.
JwtError parseObject(const QByteArray& json, QJsonObject* object)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return JwtError::Malformed;
    const std::optional<bool> duplicate = MemberNameScanner(json).hasDuplicateNames();
    if (!duplicate)
        return JwtError::Malformed;
    if (*duplicate)
        return JwtError::DuplicateClaim;
    *object = document.object();
    return JwtError::None;
}

bool readString(const QJsonObject& object, QLatin1StringView name, QString* out)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

// Whole numbers only: "exp": 1.5 or "exp": "1700000000" is refused rather than rounded or converted.
bool readNumericDate(const QJsonObject& object, QLatin1StringView name, qint64* out)
{
    const QJsonValue value = object.value(name);
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number || number < 0 || number > double(MaxNumericDate)) {
        return false;
    }
    *out = value.toInteger();
    return true;
}

JwtResult failure(JwtError error)
{
    JwtResult result;
    result.error = error;
    return result;
}

} // namespace

QString toString(JwtError error)
{
    switch (error) {
    case JwtError::None:
        return QCoreApplication::translate("Jwt", "The token is valid.");
    case JwtError::TooLarge:
        return QCoreApplication::translate("Jwt", "The token is too large.");
    case JwtError::Malformed:
        return QCoreApplication::translate("Jwt", "The token is not a well-formed JWT.");
    case JwtError::BadHeader:
        return QCoreApplication::translate("Jwt", "The token header is not the expected one.");
    case JwtError::BadAlgorithm:
        return QCoreApplication::translate("Jwt", "The token uses an algorithm other than HS256.");
    case JwtError::BadSignature:
        return QCoreApplication::translate("Jwt", "The token signature is not valid.");
    case JwtError::DuplicateClaim:
        return QCoreApplication::translate("Jwt", "The token names the same field twice.");
    case JwtError::MissingClaim:
        return QCoreApplication::translate("Jwt", "The token lacks a required claim or has one of the wrong type.");
    case JwtError::WrongIssuer:
        return QCoreApplication::translate("Jwt", "The token was issued by another issuer.");
    case JwtError::WrongAudience:
        return QCoreApplication::translate("Jwt", "The token is meant for another audience.");
    case JwtError::Expired:
        return QCoreApplication::translate("Jwt", "The token has expired.");
    case JwtError::NotYetValid:
        return QCoreApplication::translate("Jwt", "The token is not valid yet.");
    case JwtError::IssuedInFuture:
        return QCoreApplication::translate("Jwt", "The token claims to be issued in the future.");
    }
    Q_UNREACHABLE();
    return {};
}

QByteArray Jwt::encode(const JwtClaims& claims, const QByteArray& key)
{
    if (key.size() < MinKeySize)
        return {};
    QJsonObject payload;
    payload.insert("iss"_L1, claims.iss);
    payload.insert("aud"_L1, claims.aud);
    payload.insert("sub"_L1, claims.sub);
    payload.insert("tid"_L1, claims.tid);
    payload.insert("sid"_L1, claims.sid);
    payload.insert("jti"_L1, claims.jti);
    payload.insert("iat"_L1, claims.iat);
    payload.insert("nbf"_L1, claims.nbf);
    payload.insert("exp"_L1, claims.exp);

    QByteArray token = QByteArray(HeaderJson).toBase64(Base64UrlOptions);
    token += '.';
    token += QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(Base64UrlOptions);
    const QByteArray signature = hmacSha256(key, token);
    if (signature.size() != SignatureSize)
        return {};
    token += '.';
    token += signature.toBase64(Base64UrlOptions);
    return token;
}

JwtResult Jwt::verify(QByteArrayView token, const JwtVerifyOptions& options)
{
    // Size first, so nothing below ever works on an attacker-sized input.
    if (token.size() > MaxTokenSize)
        return failure(JwtError::TooLarge);

    const qsizetype firstDot = token.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
    if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0)
        return failure(JwtError::Malformed);
    const QByteArrayView headerText = token.first(firstDot);
    const QByteArrayView payloadText = token.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QByteArrayView signatureText = token.sliced(secondDot + 1);

    const std::optional<QByteArray> headerJson = decodeBase64Url(headerText);
    const std::optional<QByteArray> payloadJson = decodeBase64Url(payloadText);
    const std::optional<QByteArray> signature = decodeBase64Url(signatureText);
    if (!headerJson || !payloadJson || !signature)
        return failure(JwtError::Malformed);

    // The header decides how to check the signature, so it is read first, but nothing in it is trusted beyond
    // being exactly the one header this codec writes.
    QJsonObject header;
    if (const JwtError error = parseObject(*headerJson, &header); error != JwtError::None)
        return failure(error);
    if (header.value("alg"_L1) != QJsonValue(u"HS256"_s))
        return failure(JwtError::BadAlgorithm);
    if (header.value("typ"_L1) != QJsonValue(u"at+jwt"_s) || header.size() != 2)
        return failure(JwtError::BadHeader);

    if (options.key.size() < MinKeySize)
        return failure(JwtError::BadSignature);
    const QByteArray expected = hmacSha256(options.key, token.first(secondDot));
    if (expected.size() != SignatureSize || signature->size() != SignatureSize ||
        CRYPTO_memcmp(expected.constData(), signature->constData(), SignatureSize) != 0) {
        return failure(JwtError::BadSignature);
    }

    QJsonObject payload;
    if (const JwtError error = parseObject(*payloadJson, &payload); error != JwtError::None)
        return failure(error);

    JwtClaims claims;
    if (!readString(payload, "iss"_L1, &claims.iss) || !readString(payload, "aud"_L1, &claims.aud) ||
        !readString(payload, "sub"_L1, &claims.sub) || !readString(payload, "tid"_L1, &claims.tid) ||
        !readString(payload, "sid"_L1, &claims.sid) || !readString(payload, "jti"_L1, &claims.jti) ||
        !readNumericDate(payload, "iat"_L1, &claims.iat) || !readNumericDate(payload, "nbf"_L1, &claims.nbf) ||
        !readNumericDate(payload, "exp"_L1, &claims.exp)) {
        return failure(JwtError::MissingClaim);
    }

    if (claims.iss != options.issuer)
        return failure(JwtError::WrongIssuer);
    if (claims.aud != options.audience)
        return failure(JwtError::WrongAudience);

    JwtResult result;
    result.error = JwtError::None;
    result.claims = claims; // the signature holds: even outside its time window the claims are the issuer's
    const qint64 leeway = std::clamp(options.leewaySeconds, 0, 60);
    if (options.now >= claims.exp + leeway)
        result.error = JwtError::Expired;
    else if (options.now < claims.nbf - leeway)
        result.error = JwtError::NotYetValid;
    else if (options.now < claims.iat - leeway)
        result.error = JwtError::IssuedInFuture;
    return result;
}

bool Jwt::looksLikeJwt(QByteArrayView token)
{
    if (OpaqueToken::looksLikeOpaqueToken(token))
        return false;
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> result;
        qsizetype start = 0;
        for (;;) {
            const qsizetype dot = token.indexOf('.', start);
            if (dot < 0) {
                result.append(token.sliced(start));
                return result;
            }
            result.append(token.sliced(start, dot - start));
            start = dot + 1;
        }
    }();
    if (parts.size() != 3)
        return false;
    return std::all_of(parts.begin(), parts.end(),
                       [](QByteArrayView part) { return !part.isEmpty() && isBase64UrlText(part); });
}

} // namespace td::protocol
