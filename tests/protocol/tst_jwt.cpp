#include "protocol/Jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using td::protocol::Jwt;
using td::protocol::JwtClaims;
using td::protocol::JwtError;
using td::protocol::JwtVerifyOptions;

namespace {

// Tokens here are built by hand with QMessageAuthenticationCode, independently of the code under test.

const QByteArray Key = "0123456789abcdef0123456789abcdef"_ba; // exactly MinKeySize
const QByteArray OtherKey = "fedcba9876543210fedcba9876543210"_ba;
const QString Issuer = u"https://tokendesk.test"_s;
const QString Audience = u"tokendesk-api"_s;
constexpr qint64 Now = 1700000000;
const QByteArray Header = R"({"alg":"HS256","typ":"at+jwt"})"_ba;

QByteArray b64(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hmac(const QByteArray& input, const QByteArray& key = Key,
                QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    return QMessageAuthenticationCode::hash(input, key, algorithm);
}

// Encodes header and payload as given (no re-serialisation) and signs them.
QByteArray signRaw(const QByteArray& header, const QByteArray& payload, const QByteArray& key = Key)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(hmac(input, key));
}

QJsonObject validClaims()
{
    return QJsonObject{
        {u"iss"_s, Issuer},        {u"aud"_s, Audience},       {u"sub"_s, u"user-1"_s},
        {u"tid"_s, u"tenant-1"_s}, {u"sid"_s, u"session-1"_s}, {u"jti"_s, u"jti-1"_s},
        {u"iat"_s, Now - 100},     {u"nbf"_s, Now - 100},      {u"exp"_s, Now - 100 + 3600},
    };
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray withClaim(const QString& name, const QJsonValue& value)
{
    QJsonObject claims = validClaims();
    claims.insert(name, value);
    return signRaw(Header, json(claims));
}

QByteArray withoutClaim(const QString& name)
{
    QJsonObject claims = validClaims();
    claims.remove(name);
    return signRaw(Header, json(claims));
}

QByteArray validToken()
{
    return signRaw(Header, json(validClaims()));
}

JwtVerifyOptions options(qint64 now = Now, int leeway = 60)
{
    JwtVerifyOptions result;
    result.key = Key;
    result.issuer = Issuer;
    result.audience = Audience;
    result.now = now;
    result.leewaySeconds = leeway;
    return result;
}

// A token of exactly `size` bytes, made to measure with a padding claim.
QByteArray tokenOfSize(int size)
{
    for (int pad = 0; pad < size; ++pad) {
        const QByteArray token = withClaim(u"pad"_s, QString(pad, u'x'));
        if (token.size() == size)
            return token;
        if (token.size() > size)
            break;
    }
    return {};
}

QList<QByteArray> segments(const QByteArray& token)
{
    return token.split('.');
}

} // namespace

// QCOMPARE cannot print a JwtError: argument-dependent lookup finds td::protocol::toString(JwtError), which returns a
// QString where QTest wants a char*. Comparing the texts gives the same check with a readable failure.
#define QCOMPARE_JWT(actual, expected) QCOMPARE(td::protocol::toString(actual), td::protocol::toString(expected))

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void encodeWritesTheOneHeader();
    void encodeRefusesShortKey();
    void verifyRefusesShortKey();
    void attacks_data();
    void attacks();
    void missingOrMistypedClaim_data();
    void missingOrMistypedClaim();
    void sizeLimit_data();
    void sizeLimit();
    void timeWindow_data();
    void timeWindow();
    void looksLikeJwt_data();
    void looksLikeJwt();
    void errorStrings();
};

void TestJwt::roundTrip()
{
    JwtClaims claims;
    claims.iss = Issuer;
    claims.aud = Audience;
    claims.sub = u"user \"quoted\" ✓"_s;
    claims.tid = u"tenant-42"_s;
    claims.sid = u"session-7"_s;
    claims.jti = u"0f1e2d3c"_s;
    claims.iat = Now;
    claims.nbf = Now;
    claims.exp = Now + 3600;

    const QByteArray token = Jwt::encode(claims, Key);
    QVERIFY(!token.isEmpty());
    QVERIFY(Jwt::looksLikeJwt(token));
    QCOMPARE(segments(token).size(), 3);
    QVERIFY(!token.contains('='));

    const auto result = Jwt::verify(token, options(Now + 10));
    QCOMPARE_JWT(result.error, JwtError::None);
    QVERIFY(result.ok());
    QCOMPARE(result.claims.iss, claims.iss);
    QCOMPARE(result.claims.aud, claims.aud);
    QCOMPARE(result.claims.sub, claims.sub);
    QCOMPARE(result.claims.tid, claims.tid);
    QCOMPARE(result.claims.sid, claims.sid);
    QCOMPARE(result.claims.jti, claims.jti);
    QCOMPARE(result.claims.iat, claims.iat);
    QCOMPARE(result.claims.nbf, claims.nbf);
    QCOMPARE(result.claims.exp, claims.exp);

    // The signature is plain HMAC-SHA256 over "header.payload", as any other implementation computes it.
    const qsizetype lastDot = token.lastIndexOf('.');
    QCOMPARE(token.mid(lastDot + 1), b64(hmac(token.left(lastDot))));
}

void TestJwt::encodeWritesTheOneHeader()
{
    JwtClaims claims;
    claims.iss = Issuer;
    claims.aud = Audience;
    claims.sub = u"u"_s;
    claims.tid = u"t"_s;
    claims.sid = u"s"_s;
    claims.jti = u"j"_s;
    claims.iat = 1700000000;
    claims.nbf = 1700000000;
    claims.exp = 1700003600;
    const QList<QByteArray> parts = segments(Jwt::encode(claims, Key));
    QCOMPARE(parts.size(), 3);
    QCOMPARE(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding), Header);
    // Times are written as JSON integers, never as 1.7e9 or 1700003600.0.
    const QByteArray payload = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
    QVERIFY2(payload.contains("\"exp\":1700003600,") || payload.contains("\"exp\":1700003600}"), payload.constData());
    QVERIFY2(payload.contains("\"iat\":1700000000"), payload.constData());
}

void TestJwt::encodeRefusesShortKey()
{
    JwtClaims claims;
    claims.exp = Now + 3600;
    QVERIFY(Jwt::encode(claims, Key.left(Jwt::MinKeySize - 1)).isEmpty());
    QVERIFY(Jwt::encode(claims, QByteArray()).isEmpty());
    QVERIFY(!Jwt::encode(claims, Key).isEmpty());
}

void TestJwt::verifyRefusesShortKey()
{
    const QByteArray shortKey = Key.left(Jwt::MinKeySize - 1);
    const QByteArray token = signRaw(Header, json(validClaims()), shortKey);
    JwtVerifyOptions opts = options();
    opts.key = shortKey;
    QCOMPARE_JWT(Jwt::verify(token, opts).error, JwtError::BadSignature);
    opts.key.clear();
    QCOMPARE_JWT(Jwt::verify(signRaw(Header, json(validClaims()), QByteArray()), opts).error, JwtError::BadSignature);
}

void TestJwt::attacks_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<JwtError>("expected");

    const QByteArray payload = json(validClaims());
    const QByteArray valid = validToken();
    const QList<QByteArray> parts = segments(valid);
    const QByteArray unsignedInput = parts.at(0) + '.' + parts.at(1);

    // Control rows: the helpers build tokens the verifier accepts, so every refusal below is for its stated reason.
    QTest::newRow("control: valid") << valid << JwtError::None;
    QTest::newRow("control: header members reordered")
        << signRaw(R"({"typ":"at+jwt","alg":"HS256"})"_ba, payload) << JwtError::None;
    QTest::newRow("control: whitespace in header")
        << signRaw(R"( { "alg" : "HS256" , "typ" : "at+jwt" } )"_ba, payload) << JwtError::None;
    QTest::newRow("control: unknown extra claim") << withClaim(u"scope"_s, u"x"_s) << JwtError::None;
    QTest::newRow("control: names differing in case are distinct") << withClaim(u"Sub"_s, u"admin"_s) << JwtError::None;
    {
        QByteArray tricky = payload;
        tricky.chop(1);
        tricky += R"(,"note":"a\",\"sub\":\"admin","deep":{"sub":1,"sub":2},"list":["sub","sub"]})";
        QTest::newRow("control: names inside values and nested objects") << signRaw(Header, tricky) << JwtError::None;
    }

    // alg
    for (const char* alg : {"none", "None", "NONE", "nOnE"}) {
        const QByteArray header = R"({"alg":")" + QByteArray(alg) + R"(","typ":"at+jwt"})";
        const QByteArray input = b64(header) + '.' + b64(payload);
        QTest::addRow("alg %s without signature", alg) << QByteArray(input + '.') << JwtError::BadAlgorithm;
        QTest::addRow("alg %s with signature", alg) << signRaw(header, payload) << JwtError::BadAlgorithm;
    }
    {
        const QByteArray header = R"({"alg":"HS512","typ":"at+jwt"})"_ba;
        const QByteArray input = b64(header) + '.' + b64(payload);
        QTest::newRow("alg HS512 signed with HS512")
            << QByteArray(input + '.' + b64(hmac(input, Key, QCryptographicHash::Sha512))) << JwtError::BadAlgorithm;
    }
    QTest::newRow("alg hs256 lower case")
        << signRaw(R"({"alg":"hs256","typ":"at+jwt"})"_ba, payload) << JwtError::BadAlgorithm;
    QTest::newRow("alg RS256") << signRaw(R"({"alg":"RS256","typ":"at+jwt"})"_ba, payload) << JwtError::BadAlgorithm;
    QTest::newRow("alg missing") << signRaw(R"({"typ":"at+jwt"})"_ba, payload) << JwtError::BadAlgorithm;
    QTest::newRow("alg null") << signRaw(R"({"alg":null,"typ":"at+jwt"})"_ba, payload) << JwtError::BadAlgorithm;
    QTest::newRow("alg in an array") << signRaw(R"({"alg":["HS256"],"typ":"at+jwt"})"_ba, payload)
                                     << JwtError::BadAlgorithm;

    // typ and other header members
    QTest::newRow("typ missing") << signRaw(R"({"alg":"HS256"})"_ba, payload) << JwtError::BadHeader;
    QTest::newRow("typ JWT") << signRaw(R"({"alg":"HS256","typ":"JWT"})"_ba, payload) << JwtError::BadHeader;
    QTest::newRow("typ upper case") << signRaw(R"({"alg":"HS256","typ":"AT+JWT"})"_ba, payload) << JwtError::BadHeader;
    QTest::newRow("header kid") << signRaw(R"({"alg":"HS256","typ":"at+jwt","kid":"1"})"_ba, payload)
                                << JwtError::BadHeader;
    QTest::newRow("header jku") << signRaw(R"({"alg":"HS256","typ":"at+jwt","jku":"https://evil.example/jwks"})"_ba,
                                           payload)
                                << JwtError::BadHeader;
    QTest::newRow("header crit") << signRaw(R"({"alg":"HS256","typ":"at+jwt","crit":["exp"]})"_ba, payload)
                                 << JwtError::BadHeader;

    // signature
    QTest::newRow("signed with another key") << signRaw(Header, payload, OtherKey) << JwtError::BadSignature;
    QTest::newRow("stripped signature") << QByteArray(unsignedInput + '.') << JwtError::BadSignature;
    QTest::newRow("truncated signature") << QByteArray(unsignedInput + '.' + b64(hmac(unsignedInput).left(31)))
                                         << JwtError::BadSignature;
    QTest::newRow("doubled signature") << QByteArray(unsignedInput + '.' + b64(hmac(unsignedInput).repeated(2)))
                                       << JwtError::BadSignature;
    {
        QJsonObject longer = validClaims();
        longer.insert(u"exp"_s, Now + 365 * 86400);
        QTest::newRow("payload swapped after signing")
            << QByteArray(parts.at(0) + '.' + b64(json(longer)) + '.' + parts.at(2)) << JwtError::BadSignature;
    }
    // The signature is checked before the payload is read: a bad payload under a bad signature is a bad signature.
    QTest::newRow("garbage payload, wrong key") << signRaw(Header, "not json"_ba, OtherKey) << JwtError::BadSignature;
    QTest::newRow("duplicate sub, wrong key")
        << signRaw(Header, R"({"sub":"a","sub":"b"})"_ba, OtherKey) << JwtError::BadSignature;

    // shape
    QTest::newRow("empty") << QByteArray() << JwtError::Malformed;
    QTest::newRow("2 segments") << unsignedInput << JwtError::Malformed;
    QTest::newRow("4 segments") << QByteArray(valid + '.' + parts.at(2)) << JwtError::Malformed;
    QTest::newRow("4 segments, last empty") << QByteArray(valid + '.') << JwtError::Malformed;
    QTest::newRow("5 segments") << QByteArray(valid + '.' + parts.at(1) + '.' + parts.at(2)) << JwtError::Malformed;
    QTest::newRow("dots only") << "..."_ba << JwtError::Malformed;
    QTest::newRow("empty header") << QByteArray('.' + parts.at(1) + '.' + parts.at(2)) << JwtError::Malformed;
    {
        // Find a payload whose standard encoding needs padding, and sign that padded text.
        QByteArray padded;
        for (int n = 1; n < 4 && !padded.contains('='); ++n) {
            QJsonObject claims = validClaims();
            claims.insert(u"jti"_s, QString(n, u'j'));
            padded = json(claims).toBase64(QByteArray::Base64UrlEncoding);
        }
        QVERIFY(padded.contains('='));
        const QByteArray input = parts.at(0) + '.' + padded;
        QTest::newRow("padded base64 payload") << QByteArray(input + '.' + b64(hmac(input))) << JwtError::Malformed;
    }
    QTest::newRow("padding after signature") << QByteArray(valid + '=') << JwtError::Malformed;
    QTest::newRow("padding after header")
        << QByteArray(parts.at(0) + "=." + parts.at(1) + '.' + parts.at(2)) << JwtError::Malformed;
    QTest::newRow("standard base64 '+'") << QByteArray(unsignedInput + ".+" + parts.at(2).mid(1))
                                         << JwtError::Malformed;
    QTest::newRow("standard base64 '/'") << QByteArray(unsignedInput + "./" + parts.at(2).mid(1))
                                         << JwtError::Malformed;
    QTest::newRow("space") << QByteArray(valid + ' ') << JwtError::Malformed;
    QTest::newRow("newline") << QByteArray(valid + '\n') << JwtError::Malformed;
    QTest::newRow("nul") << QByteArray(valid + '\0') << JwtError::Malformed;
    {
        // 32 bytes take 43 characters whose last one carries two unused bits: setting one decodes to the same bytes.
        const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_ba;
        QByteArray signature = parts.at(2);
        QCOMPARE(signature.size(), 43);
        const qsizetype index = alphabet.indexOf(signature.back());
        QCOMPARE(index % 4, 0);
        signature.back() = alphabet.at(index + 1);
        QCOMPARE(QByteArray::fromBase64(signature, QByteArray::Base64UrlEncoding),
                 QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding));
        QTest::newRow("non-canonical base64") << QByteArray(unsignedInput + '.' + signature) << JwtError::Malformed;
    }
    QTest::newRow("header not json") << signRaw("alg=HS256"_ba, payload) << JwtError::Malformed;
    QTest::newRow("header is an array") << signRaw(R"(["HS256","at+jwt"])"_ba, payload) << JwtError::Malformed;
    QTest::newRow("payload not json") << signRaw(Header, "sub=admin"_ba) << JwtError::Malformed;
    QTest::newRow("payload is an array") << signRaw(Header, "[]"_ba) << JwtError::Malformed;
    QTest::newRow("payload with trailing garbage") << signRaw(Header, payload + "x") << JwtError::Malformed;

    // duplicates
    {
        QByteArray duplicated = payload;
        duplicated.chop(1);
        QTest::newRow("duplicate sub") << signRaw(Header, duplicated + R"(,"sub":"admin"})")
                                       << JwtError::DuplicateClaim;
        QTest::newRow("duplicate sub, escaped")
            << signRaw(Header, duplicated + R"(,"s\u0075b":"admin"})") << JwtError::DuplicateClaim;
        QTest::newRow("control: escaped eXp is not exp")
            << signRaw(Header, duplicated + R"(,"\u0065\u0058\u0070":1})") << JwtError::None; // eXp: distinct
        QTest::newRow("duplicate exp, fully escaped")
            << signRaw(Header, duplicated + R"(,"\u0065\u0078\u0070":1})") << JwtError::DuplicateClaim;
    }
    QTest::newRow("duplicate alg in header")
        << signRaw(R"({"alg":"none","typ":"at+jwt","alg":"HS256"})"_ba, payload) << JwtError::DuplicateClaim;
    QTest::newRow("duplicate typ in header")
        << signRaw(R"({"alg":"HS256","typ":"at+jwt","typ":"at+jwt"})"_ba, payload) << JwtError::DuplicateClaim;

    // issuer and audience
    QTest::newRow("wrong iss") << withClaim(u"iss"_s, u"https://evil.example"_s) << JwtError::WrongIssuer;
    QTest::newRow("iss differs in case") << withClaim(u"iss"_s, Issuer.toUpper()) << JwtError::WrongIssuer;
    QTest::newRow("iss with trailing slash") << withClaim(u"iss"_s, QString(Issuer + u'/')) << JwtError::WrongIssuer;
    QTest::newRow("wrong aud") << withClaim(u"aud"_s, u"other-api"_s) << JwtError::WrongAudience;
    QTest::newRow("aud as array") << withClaim(u"aud"_s, QJsonArray{Audience}) << JwtError::MissingClaim;

    // time (now = Now, leeway 60)
    QTest::newRow("expired") << withClaim(u"exp"_s, Now - 60) << JwtError::Expired;
    QTest::newRow("expired long ago") << withClaim(u"exp"_s, 1) << JwtError::Expired;
    QTest::newRow("nbf in the future") << withClaim(u"nbf"_s, Now + 61) << JwtError::NotYetValid;
    QTest::newRow("iat in the future") << withClaim(u"iat"_s, Now + 61) << JwtError::IssuedInFuture;
    QTest::newRow("missing exp") << withoutClaim(u"exp"_s) << JwtError::MissingClaim;
}

void TestJwt::attacks()
{
    QFETCH(QByteArray, token);
    QFETCH(JwtError, expected);

    const auto result = Jwt::verify(token, options());
    QCOMPARE_JWT(result.error, expected);
    QCOMPARE(result.ok(), expected == JwtError::None);
    // Nothing from a token whose signature or shape is refused leaks out; a correctly signed token outside its
    // time window keeps its claims, so that introspection can name the session it belonged to.
    const bool timeWindow =
        expected == JwtError::Expired || expected == JwtError::NotYetValid || expected == JwtError::IssuedInFuture;
    if (!result.ok())
        QCOMPARE(result.claims.sub.isEmpty(), !timeWindow);
}

void TestJwt::missingOrMistypedClaim_data()
{
    QTest::addColumn<QByteArray>("token");

    for (const QString& name :
         {u"iss"_s, u"aud"_s, u"sub"_s, u"tid"_s, u"sid"_s, u"jti"_s, u"iat"_s, u"nbf"_s, u"exp"_s}) {
        QTest::addRow("missing %s", qPrintable(name)) << withoutClaim(name);
        QTest::addRow("%s null", qPrintable(name)) << withClaim(name, QJsonValue::Null);
        QTest::addRow("%s object", qPrintable(name)) << withClaim(name, QJsonObject{});
    }
    for (const QString& name : {u"iss"_s, u"aud"_s, u"sub"_s, u"tid"_s, u"sid"_s, u"jti"_s})
        QTest::addRow("%s number", qPrintable(name)) << withClaim(name, 42);
    for (const QString& name : {u"iat"_s, u"nbf"_s, u"exp"_s}) {
        QTest::addRow("%s string", qPrintable(name)) << withClaim(name, QString::number(Now));
        QTest::addRow("%s boolean", qPrintable(name)) << withClaim(name, true);
        QTest::addRow("%s fractional", qPrintable(name)) << withClaim(name, double(Now) + 0.5);
        QTest::addRow("%s negative", qPrintable(name)) << withClaim(name, -1);
        QTest::addRow("%s beyond 2^53", qPrintable(name)) << withClaim(name, qint64(1) << 60);
    }
    QJsonObject withoutExp = validClaims();
    withoutExp.remove(u"exp"_s);
    QTest::newRow("exp 1.7e9 with a fraction")
        << signRaw(Header, QByteArray(R"({"exp":1.7000036005e9,)" + json(withoutExp).mid(1)));
}

void TestJwt::missingOrMistypedClaim()
{
    QFETCH(QByteArray, token);
    QCOMPARE_JWT(Jwt::verify(token, options()).error, JwtError::MissingClaim);
}

void TestJwt::sizeLimit_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<JwtError>("expected");

    QTest::newRow("1 MiB of junk") << QByteArray(1024 * 1024, 'a') << JwtError::TooLarge;
    QTest::newRow("1 MiB of dots") << QByteArray(1024 * 1024, '.') << JwtError::TooLarge;
    QTest::newRow("valid, 1 MiB") << withClaim(u"pad"_s, QString(800 * 1024, u'x')) << JwtError::TooLarge;
    QTest::newRow("valid, 8193 bytes") << tokenOfSize(Jwt::MaxTokenSize + 1) << JwtError::TooLarge;
    QTest::newRow("valid, 8192 bytes") << tokenOfSize(Jwt::MaxTokenSize) << JwtError::None;
}

void TestJwt::sizeLimit()
{
    QFETCH(QByteArray, token);
    QFETCH(JwtError, expected);
    QVERIFY(!token.isEmpty());
    QCOMPARE_JWT(Jwt::verify(token, options()).error, expected);
}

void TestJwt::timeWindow_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<qint64>("offset"); // now = claim value + offset
    QTest::addColumn<JwtError>("expected");

    QTest::newRow("59 s past exp, leeway 60") << u"exp"_s << 60 << qint64(59) << JwtError::None;
    QTest::newRow("60 s past exp, leeway 60") << u"exp"_s << 60 << qint64(60) << JwtError::Expired;
    QTest::newRow("61 s past exp, leeway 60") << u"exp"_s << 60 << qint64(61) << JwtError::Expired;
    QTest::newRow("1 s before exp, leeway 0") << u"exp"_s << 0 << qint64(-1) << JwtError::None;
    QTest::newRow("at exp, leeway 0") << u"exp"_s << 0 << qint64(0) << JwtError::Expired;
    QTest::newRow("29 s past exp, leeway 30") << u"exp"_s << 30 << qint64(29) << JwtError::None;
    QTest::newRow("30 s past exp, leeway 30") << u"exp"_s << 30 << qint64(30) << JwtError::Expired;
    QTest::newRow("59 s past exp, leeway 3600 clamped") << u"exp"_s << 3600 << qint64(59) << JwtError::None;
    QTest::newRow("61 s past exp, leeway 3600 clamped") << u"exp"_s << 3600 << qint64(61) << JwtError::Expired;
    QTest::newRow("1 s before exp, leeway -30 clamped") << u"exp"_s << -30 << qint64(-1) << JwtError::None;
    QTest::newRow("at exp, leeway -30 clamped") << u"exp"_s << -30 << qint64(0) << JwtError::Expired;

    QTest::newRow("60 s before nbf, leeway 60") << u"nbf"_s << 60 << qint64(-60) << JwtError::None;
    QTest::newRow("61 s before nbf, leeway 60") << u"nbf"_s << 60 << qint64(-61) << JwtError::NotYetValid;
    QTest::newRow("at nbf, leeway 0") << u"nbf"_s << 0 << qint64(0) << JwtError::None;
    QTest::newRow("1 s before nbf, leeway 0") << u"nbf"_s << 0 << qint64(-1) << JwtError::NotYetValid;
    QTest::newRow("61 s before nbf, leeway 3600 clamped") << u"nbf"_s << 3600 << qint64(-61) << JwtError::NotYetValid;

    QTest::newRow("60 s before iat, leeway 60") << u"iat"_s << 60 << qint64(-60) << JwtError::None;
    QTest::newRow("61 s before iat, leeway 60") << u"iat"_s << 60 << qint64(-61) << JwtError::IssuedInFuture;
    QTest::newRow("1 s before iat, leeway 0") << u"iat"_s << 0 << qint64(-1) << JwtError::IssuedInFuture;
    QTest::newRow("61 s before iat, leeway 3600 clamped")
        << u"iat"_s << 3600 << qint64(-61) << JwtError::IssuedInFuture;
}

void TestJwt::timeWindow()
{
    QFETCH(QString, claim);
    QFETCH(int, leeway);
    QFETCH(qint64, offset);
    QFETCH(JwtError, expected);

    // The claim under test is the latest of iat and nbf, 500 s after the other, so each row isolates one check.
    constexpr qint64 base = 1000000;
    QJsonObject claims = validClaims();
    claims.insert(u"iat"_s, claim == "nbf"_L1 ? base - 500 : base);
    claims.insert(u"nbf"_s, claim == "iat"_L1 ? base - 500 : base);
    claims.insert(u"exp"_s, base + 3600);
    const qint64 now = (claim == "exp"_L1 ? base + 3600 : base) + offset;

    const auto result = Jwt::verify(signRaw(Header, json(claims)), options(now, leeway));
    QCOMPARE_JWT(result.error, expected);
}

void TestJwt::looksLikeJwt_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("valid token") << validToken() << true;
    QTest::newRow("three segments") << "a.b.c"_ba << true;
    QTest::newRow("url-safe characters") << "a-_.b9.c_-"_ba << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("two segments") << "a.b"_ba << false;
    QTest::newRow("four segments") << "a.b.c.d"_ba << false;
    QTest::newRow("empty middle") << "a..c"_ba << false;
    QTest::newRow("empty first") << ".b.c"_ba << false;
    QTest::newRow("empty last") << "a.b."_ba << false;
    QTest::newRow("plus") << "a+.b.c"_ba << false;
    QTest::newRow("padding") << "a.b.c="_ba << false;
    QTest::newRow("space") << "a.b .c"_ba << false;
    QTest::newRow("opaque token") << "tdk_0123456789ABCDEFGHIJKLMNOPQRSTUV2PwlX1"_ba << false;
    QTest::newRow("opaque token with dots") << "tdk_a.b.c"_ba << false;
}

void TestJwt::looksLikeJwt()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, expected);
    QCOMPARE(Jwt::looksLikeJwt(text), expected);
}

void TestJwt::errorStrings()
{
    const QList<JwtError> all{JwtError::None,           JwtError::TooLarge,     JwtError::Malformed,
                              JwtError::BadHeader,      JwtError::BadAlgorithm, JwtError::BadSignature,
                              JwtError::DuplicateClaim, JwtError::MissingClaim, JwtError::WrongIssuer,
                              JwtError::WrongAudience,  JwtError::Expired,      JwtError::NotYetValid,
                              JwtError::IssuedInFuture};
    QSet<QString> texts;
    for (JwtError error : all) {
        const QString text = td::protocol::toString(error);
        QVERIFY(!text.isEmpty());
        texts.insert(text);
    }
    QCOMPARE(texts.size(), all.size());
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
