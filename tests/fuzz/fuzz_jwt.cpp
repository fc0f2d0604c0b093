// td::protocol::Jwt: session access tokens as a client presents them (Authorization: Bearer / JWT).
//
// A fuzzer cannot forge HMAC-SHA256, so a raw token only exercises what comes before the signature check. The first
// byte selects a mode so that the payload parser is reached too (tests/fuzz/README.md):
//   mode 0 ('0' or any byte % 3 == 0): the rest is a token, verified as is
//   mode 1: the rest is "<header JSON>\n<payload JSON>", base64url-encoded and signed here with the fuzz key
//   mode 2: the rest is a payload JSON, signed here under the one valid header
// Properties: a token signed with the key never fails as BadSignature; the same token under another key never
// passes the signature; a token that passes has no member name twice (as Qt's JSON parser reads names); claims that
// verify survive Jwt::encode and verify again the same.
#include "FuzzCheck.h"

#include "protocol/Jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using td::protocol::Jwt;
using td::protocol::JwtClaims;
using td::protocol::JwtError;
using td::protocol::JwtResult;
using td::protocol::JwtVerifyOptions;

namespace {

// Test-only keys (exactly MinKeySize bytes); they protect nothing.
const QByteArray Key = QByteArrayLiteral("tokendesk-fuzz-key-0123456789abc");
const QByteArray OtherKey = QByteArrayLiteral("tokendesk-fuzz-key-other-0123456");
const QString Issuer = u"https://tokendesk.test"_s;
const QString Audience = u"tokendesk-api"_s;
constexpr qint64 Now = 1700000000;
const QByteArray ValidHeader = QByteArrayLiteral(R"({"alg":"HS256","typ":"at+jwt"})");

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray hmac(const QByteArray& key, const QByteArray& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char*>(data.constData()),
         size_t(data.size()), out, &length);
    return QByteArray(reinterpret_cast<const char*>(out), int(length));
}

QByteArray sign(const QByteArray& header, const QByteArray& payload, const QByteArray& key)
{
    const QByteArray input = header.toBase64(Base64Url) + '.' + payload.toBase64(Base64Url);
    return input + '.' + hmac(key, input).toBase64(Base64Url);
}

// The errors that come with verified claims (JwtResult::claims is filled).
bool signatureHeld(JwtError error)
{
    return error == JwtError::None || error == JwtError::Expired || error == JwtError::NotYetValid ||
           error == JwtError::IssuedInFuture;
}

// Whether an object's top-level member names repeat as Qt's own parser decodes them, found independently of
// Jwt.cpp's scanner: every string at depth 1 that a ':' follows is a name; each is decoded by QJsonDocument.
// Returns nullopt when the text is not a JSON object.
std::optional<bool> hasDuplicateNames(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    QSet<QString> names;
    int depth = 0;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '"') {
            const qsizetype start = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (depth != 1)
                continue;
            qsizetype after = i + 1;
            while (after < json.size() && (json.at(after) == ' ' || json.at(after) == '\t' || json.at(after) == '\n' ||
                                           json.at(after) == '\r'))
                ++after;
            if (after >= json.size() || json.at(after) != ':')
                continue;
            const QJsonDocument name = QJsonDocument::fromJson('[' + json.mid(start, i + 1 - start) + ']');
            const QString decoded = name.array().at(0).toString();
            if (names.contains(decoded))
                return true;
            names.insert(decoded);
        }
    }
    return false;
}

bool sameClaims(const JwtClaims& a, const JwtClaims& b)
{
    return a.iss == b.iss && a.aud == b.aud && a.sub == b.sub && a.tid == b.tid && a.sid == b.sid &&
           a.jti == b.jti && a.iat == b.iat && a.nbf == b.nbf && a.exp == b.exp;
}

bool allValidUtf16(const JwtClaims& c)
{
    for (const QString* s : {&c.iss, &c.aud, &c.sub, &c.tid, &c.sid, &c.jti}) {
        if (!s->isValidUtf16())
            return false;
    }
    return true;
}

void checkResult(const QByteArray& token, const JwtResult& result, const JwtVerifyOptions& options,
                 const QByteArray& headerJson, const QByteArray& payloadJson)
{
    if (!signatureHeld(result.error))
        return;
    TD_FUZZ_CHECK(token.size() <= Jwt::MaxTokenSize, QString());
    TD_FUZZ_CHECK(Jwt::looksLikeJwt(token), td::fuzz::show(token));
    TD_FUZZ_CHECK(result.claims.iss == Issuer && result.claims.aud == Audience, QString());
    // A verified token names nothing twice: that is how a second "sub" would be smuggled past the verifier.
    if (!headerJson.isNull()) {
        TD_FUZZ_CHECK(hasDuplicateNames(headerJson) == std::optional<bool>(false), td::fuzz::show(headerJson));
        TD_FUZZ_CHECK(hasDuplicateNames(payloadJson) == std::optional<bool>(false), td::fuzz::show(payloadJson));
    }
    // Verified claims go through the project's encoder and back unchanged (when they are valid text at all).
    if (allValidUtf16(result.claims)) {
        const QByteArray again = Jwt::encode(result.claims, Key);
        TD_FUZZ_CHECK(!again.isEmpty(), QString());
        const JwtResult second = Jwt::verify(again, options);
        TD_FUZZ_CHECK(second.error == result.error,
                      u"re-encoded token: %1, first: %2"_s.arg(int(second.error)).arg(int(result.error)));
        TD_FUZZ_CHECK(sameClaims(second.claims, result.claims), td::fuzz::show(again));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    const int mode = data[0] % 3;
    // The second byte varies the clock and the leeway, so the time checks see both sides of each boundary.
    JwtVerifyOptions options;
    options.key = Key;
    options.issuer = Issuer;
    options.audience = Audience;
    options.now = Now + qint64(int8_t(data[1])) * 4096;
    options.leewaySeconds = int(int8_t(data[1])) % 64 * 2;
    const QByteArray rest(reinterpret_cast<const char*>(data) + 2, qsizetype(size - 2));

    QByteArray token;
    QByteArray headerJson;
    QByteArray payloadJson;
    switch (mode) {
    case 0: {
        token = rest;
        // For the duplicate-name check of tokens that verify (the seeds hold a few signed with the key).
        const QList<QByteArray> parts = rest.split('.');
        if (parts.size() == 3) {
            headerJson = QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding);
            payloadJson = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
        }
        break;
    }
    case 1: {
        const qsizetype newline = rest.indexOf('\n');
        headerJson = newline < 0 ? rest : rest.first(newline);
        payloadJson = newline < 0 ? QByteArray("") : rest.sliced(newline + 1);
        token = sign(headerJson, payloadJson, Key);
        break;
    }
    case 2:
        headerJson = ValidHeader;
        payloadJson = rest;
        token = sign(headerJson, payloadJson, Key);
        break;
    }

    (void)Jwt::looksLikeJwt(token);
    const JwtResult result = Jwt::verify(token, options);
    (void)td::protocol::toString(result.error);
    checkResult(token, result, options, headerJson, payloadJson);

    if (mode != 0 && token.size() <= Jwt::MaxTokenSize) {
        // Signed with the key: whatever else is wrong, the signature is not.
        TD_FUZZ_CHECK(result.error != JwtError::BadSignature, td::fuzz::show(token));
        // The same header and payload signed with another key never get past the signature.
        // Only what is decided before the signature check may come out: nothing of the payload is read.
        const JwtError forged = Jwt::verify(sign(headerJson, payloadJson, OtherKey), options).error;
        const bool beforeSignature =
            forged == JwtError::Malformed || forged == JwtError::BadHeader || forged == JwtError::BadAlgorithm ||
            forged == JwtError::BadSignature ||
            (forged == JwtError::DuplicateClaim && hasDuplicateNames(headerJson) == std::optional<bool>(true));
        TD_FUZZ_CHECK(beforeSignature, u"a token signed with another key gave error %1"_s.arg(int(forged)));
    }
    // A key shorter than MinKeySize verifies nothing.
    JwtVerifyOptions shortKey = options;
    shortKey.key = Key.first(Jwt::MinKeySize - 1);
    TD_FUZZ_CHECK(!signatureHeld(Jwt::verify(token, shortKey).error), QString());
    return 0;
}
