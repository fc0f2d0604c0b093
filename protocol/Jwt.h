#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace td::protocol {

// Session access tokens: HS256 only, header {"alg":"HS256","typ":"at+jwt"}.
struct JwtClaims
{
    QString iss;
    QString aud;
    QString sub; // user id
    QString tid; // tenant id
    QString sid; // session id
    QString jti;
    qint64 iat = 0; // seconds since the epoch
    qint64 nbf = 0;
    qint64 exp = 0;
};

enum class JwtError {
    None,
    TooLarge,     // over MaxTokenSize
    Malformed,    // not three base64url segments, padding, bad characters, not a JSON object
    BadHeader,    // typ is not at+jwt, or unknown header fields (duplicates are DuplicateClaim)
    BadAlgorithm, // anything but HS256, "none" included
    BadSignature,
    DuplicateClaim, // the same name twice in header or payload
    MissingClaim,   // any of iss aud sub tid sid jti iat nbf exp missing or of the wrong type
    WrongIssuer,
    WrongAudience,
    Expired,        // now >= exp + leeway
    NotYetValid,    // now < nbf - leeway
    IssuedInFuture, // now < iat - leeway
};

QString toString(JwtError error);

struct JwtVerifyOptions
{
    QByteArray key; // at least 32 bytes
    QString issuer;
    QString audience;
    qint64 now = 0;         // seconds since the epoch
    int leewaySeconds = 60; // clamped to [0, 60]
};

struct JwtResult
{
    JwtError error = JwtError::Malformed;
    JwtClaims claims; // filled when error is None, Expired, NotYetValid or IssuedInFuture (signature verified)
    bool ok() const { return error == JwtError::None; }
};

class Jwt final
{
public:
    static constexpr int MaxTokenSize = 8 * 1024;
    static constexpr int MinKeySize = 32;

    static QByteArray encode(const JwtClaims& claims, const QByteArray& key);
    // Strict: signature checked with CRYPTO_memcmp before the payload is trusted; duplicate names refused.
    static JwtResult verify(QByteArrayView token, const JwtVerifyOptions& options);
    // Three dot-separated non-empty segments of base64url characters and not an opaque token.
    static bool looksLikeJwt(QByteArrayView token);
};

} // namespace td::protocol
