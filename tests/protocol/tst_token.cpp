#include "protocol/Token.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using td::protocol::OpaqueToken;
using td::protocol::TokenKind;

namespace {

const QByteArray Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"_ba;

// Computed independently with Python's zlib.crc32 and a base62 encoder.
const QByteArray KnownToken = "tdk_0123456789ABCDEFGHIJKLMNOPQRSTUV2PwlX1"_ba;

bool isBase62(const QByteArray& text)
{
    for (char c : text) {
        if (!Alphabet.contains(c))
            return false;
    }
    return true;
}

} // namespace

class TestToken : public QObject
{
    Q_OBJECT

private slots:
    void kinds_data();
    void kinds();
    void unknownLetter();
    void crc32_data();
    void crc32();
    void base62Encode_data();
    void base62Encode();
    void randomBase62_data();
    void randomBase62();
    void randomBase62IsUniform();
    void knownToken();
    void generateParseRoundTrip_data();
    void generateParseRoundTrip();
    void generatedTokensAreUnique();
    void checksumCatchesMutation_data();
    void checksumCatchesMutation();
    void parseRejects_data();
    void parseRejects();
    void looksLikeOpaqueToken_data();
    void looksLikeOpaqueToken();
};

void TestToken::kinds_data()
{
    QTest::addColumn<TokenKind>("kind");
    QTest::addColumn<char>("letter");
    QTest::addColumn<QString>("name");

    QTest::newRow("api key") << TokenKind::ApiKey << 'k' << u"apiKey"_s;
    QTest::newRow("uat") << TokenKind::Uat << 'u' << u"uat"_s;
    QTest::newRow("private token") << TokenKind::PrivateToken << 'p' << u"privateToken"_s;
    QTest::newRow("refresh") << TokenKind::Refresh << 'r' << u"refreshToken"_s;
}

void TestToken::kinds()
{
    QFETCH(TokenKind, kind);
    QFETCH(char, letter);
    QFETCH(QString, name);

    QCOMPARE(td::protocol::kindLetter(kind), letter);
    QCOMPARE(td::protocol::kindName(kind), name);
    const auto back = td::protocol::kindFromLetter(letter);
    QVERIFY(back.has_value());
    QCOMPARE(*back, kind);
}

void TestToken::unknownLetter()
{
    for (char letter : "aKxz_0 "_ba)
        QVERIFY2(!td::protocol::kindFromLetter(letter).has_value(), QByteArray(1, letter).constData());
}

void TestToken::crc32_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<quint32>("expected");

    QTest::newRow("empty") << QByteArray() << 0u;
    QTest::newRow("check value") << "123456789"_ba << 0xCBF43926u;
    QTest::newRow("a") << "a"_ba << 0xE8B7BE43u;
    QTest::newRow("fox") << "The quick brown fox jumps over the lazy dog"_ba << 0x414FA339u;
    QTest::newRow("token body") << "tdk_0123456789ABCDEFGHIJKLMNOPQRSTUV"_ba << 0x8410973Bu;
    QTest::newRow("high bytes and nul") << QByteArray("\xff\x00\x80", 3) << 0xAC616EDFu;
}

void TestToken::crc32()
{
    QFETCH(QByteArray, data);
    QFETCH(quint32, expected);
    QCOMPARE(td::protocol::crc32(data), expected);
}

void TestToken::base62Encode_data()
{
    QTest::addColumn<quint32>("value");
    QTest::addColumn<int>("width");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("zero") << 0u << 6 << "000000"_ba;
    QTest::newRow("last digit") << 61u << 1 << "z"_ba;
    QTest::newRow("carry") << 62u << 2 << "10"_ba;
    QTest::newRow("two digits full") << 3843u << 2 << "zz"_ba;
    QTest::newRow("max 32-bit") << 0xFFFFFFFFu << 6 << "4gfFC3"_ba;
    QTest::newRow("zero padded") << 10u << 4 << "000A"_ba;
    QTest::newRow("known crc") << 0x8410973Bu << 6 << "2PwlX1"_ba;
}

void TestToken::base62Encode()
{
    QFETCH(quint32, value);
    QFETCH(int, width);
    QFETCH(QByteArray, expected);
    QCOMPARE(td::protocol::base62Encode(value, width), expected);
}

void TestToken::randomBase62_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("0") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("32") << 32;
    QTest::newRow("1000") << 1000;
}

void TestToken::randomBase62()
{
    QFETCH(int, length);
    const QByteArray text = td::protocol::randomBase62(length);
    QCOMPARE(text.size(), length);
    QVERIFY2(isBase62(text), text.constData());
}

void TestToken::randomBase62IsUniform()
{
    // Without rejection sampling byte % 62 favours the first 8 characters by 25 %; with 320 000 samples each count is
    // within 10 % of the mean by more than 7 standard deviations, so this cannot fail by chance.
    constexpr int samples = 320000;
    const QByteArray text = td::protocol::randomBase62(samples);
    QCOMPARE(text.size(), samples);
    QHash<char, int> counts;
    for (char c : text)
        ++counts[c];
    QCOMPARE(counts.size(), 62);
    const double mean = double(samples) / 62;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const QByteArray message = QByteArray(1, it.key()) + ": " + QByteArray::number(it.value());
        QVERIFY2(it.value() > mean * 0.9 && it.value() < mean * 1.1, message.constData());
    }
}

void TestToken::knownToken()
{
    const auto parsed = OpaqueToken::parse(KnownToken);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->kind, TokenKind::ApiKey);
    QCOMPARE(parsed->token, KnownToken);
    QCOMPARE(parsed->prefix, u"tdk_01234567"_s);
    QCOMPARE(parsed->last4, u"wlX1"_s);

    const QByteArray uat = "tdu_abcdefghijklmnopqrstuvwxyzABCDEF3Nh4zc"_ba;
    const auto parsedUat = OpaqueToken::parse(uat);
    QVERIFY(parsedUat.has_value());
    QCOMPARE(parsedUat->kind, TokenKind::Uat);
    QCOMPARE(parsedUat->prefix, u"tdu_abcdefgh"_s);
    QCOMPARE(parsedUat->last4, u"h4zc"_s);
}

void TestToken::generateParseRoundTrip_data()
{
    QTest::addColumn<TokenKind>("kind");
    QTest::addColumn<QByteArray>("head");

    QTest::newRow("api key") << TokenKind::ApiKey << "tdk_"_ba;
    QTest::newRow("uat") << TokenKind::Uat << "tdu_"_ba;
    QTest::newRow("private token") << TokenKind::PrivateToken << "tdp_"_ba;
    QTest::newRow("refresh") << TokenKind::Refresh << "tdr_"_ba;
}

void TestToken::generateParseRoundTrip()
{
    QFETCH(TokenKind, kind);
    QFETCH(QByteArray, head);

    for (int i = 0; i < 100; ++i) {
        const QByteArray token = OpaqueToken::generate(kind);
        QCOMPARE(token.size(), OpaqueToken::TotalLength);
        QCOMPARE(token.size(), 42);
        QVERIFY(token.startsWith(head));
        QVERIFY2(isBase62(token.mid(4)), token.constData());
        QCOMPARE(token.mid(36), td::protocol::base62Encode(td::protocol::crc32(QByteArrayView(token).first(36)), 6));
        QVERIFY(OpaqueToken::looksLikeOpaqueToken(token));

        const auto parsed = OpaqueToken::parse(token);
        QVERIFY2(parsed.has_value(), token.constData());
        QCOMPARE(parsed->kind, kind);
        QCOMPARE(parsed->token, token);
        QCOMPARE(parsed->prefix, QString::fromLatin1(token.left(12)));
        QCOMPARE(parsed->last4, QString::fromLatin1(token.right(4)));
    }
}

void TestToken::generatedTokensAreUnique()
{
    constexpr int count = 20000;
    QSet<QByteArray> tokens;
    QSet<QString> prefixes;
    for (int i = 0; i < count; ++i) {
        const QByteArray token = OpaqueToken::generate(TokenKind::ApiKey);
        tokens.insert(token);
        prefixes.insert(OpaqueToken::parse(token)->prefix);
    }
    QCOMPARE(tokens.size(), count);
    // 62^8 prefixes: a collision among 20 000 has a probability near 1e-6.
    QVERIFY(prefixes.size() >= count - 1);
}

void TestToken::checksumCatchesMutation_data()
{
    QTest::addColumn<QByteArray>("token");

    auto substitute = [](int position, char replacement) {
        QByteArray token = KnownToken;
        token[position] = replacement;
        return token;
    };
    auto swap = [](int position) {
        QByteArray token = KnownToken;
        std::swap(token[position], token[position + 1]);
        return token;
    };

    QTest::newRow("first random char") << substitute(4, '1');
    QTest::newRow("middle random char") << substitute(20, 'h');
    QTest::newRow("last random char") << substitute(35, 'W');
    QTest::newRow("case flip") << substitute(14, 'a');
    QTest::newRow("off by one digit") << substitute(9, '6');
    QTest::newRow("first checksum char") << substitute(36, '3');
    QTest::newRow("last checksum char") << substitute(41, '2');
    QTest::newRow("checksum case flip") << substitute(38, 'W');
    QTest::newRow("swap random") << swap(10);
    QTest::newRow("swap across checksum") << swap(35);
    QTest::newRow("other kind letter") << substitute(2, 'u');
}

void TestToken::checksumCatchesMutation()
{
    QFETCH(QByteArray, token);
    QVERIFY(token != KnownToken);
    QCOMPARE(token.size(), KnownToken.size());
    QVERIFY2(!OpaqueToken::parse(token).has_value(), token.constData());
}

void TestToken::parseRejects_data()
{
    QTest::addColumn<QByteArray>("token");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("head only") << "tdk_"_ba;
    QTest::newRow("one short") << KnownToken.chopped(1);
    QTest::newRow("one long") << QByteArray(KnownToken + "0");
    QTest::newRow("unknown kind") << QByteArray("tdx_" + KnownToken.mid(4));
    QTest::newRow("upper-case head") << QByteArray("TDK_" + KnownToken.mid(4));
    QTest::newRow("dash separator") << QByteArray("tdk-" + KnownToken.mid(4));
    QTest::newRow("wrong brand") << QByteArray("xxk_" + KnownToken.mid(4));
    QTest::newRow("dash inside") << QByteArray(KnownToken.left(10) + "-" + KnownToken.mid(11));
    QTest::newRow("underscore inside") << QByteArray(KnownToken.left(10) + "_" + KnownToken.mid(11));
    QTest::newRow("plus inside") << QByteArray(KnownToken.left(10) + "+" + KnownToken.mid(11));
    QTest::newRow("space inside") << QByteArray(KnownToken.left(10) + " " + KnownToken.mid(11));
    QTest::newRow("nul inside") << QByteArray(KnownToken.left(10) + QByteArray(1, '\0') + KnownToken.mid(11));
    QTest::newRow("non-ascii inside") << QByteArray(KnownToken.left(10) + "\xc3" + KnownToken.mid(11));
    QTest::newRow("leading space") << QByteArray(" " + KnownToken.chopped(1));
    QTest::newRow("bad checksum") << QByteArray(KnownToken.left(36) + "000000");
}

void TestToken::parseRejects()
{
    QFETCH(QByteArray, token);
    QVERIFY(!OpaqueToken::parse(token).has_value());
}

void TestToken::looksLikeOpaqueToken_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("api key") << KnownToken << true;
    QTest::newRow("head only") << "tdk_"_ba << true;
    QTest::newRow("short private") << "tdp_abc"_ba << true;
    QTest::newRow("refresh") << "tdr_x"_ba << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("too short") << "tdk"_ba << false;
    QTest::newRow("unknown kind") << "tdz_abc"_ba << false;
    QTest::newRow("jwt") << "eyJhbGciOiJIUzI1NiJ9.e30.sig"_ba << false;
    QTest::newRow("upper case") << "TDK_abc"_ba << false;
}

void TestToken::looksLikeOpaqueToken()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, expected);
    QCOMPARE(OpaqueToken::looksLikeOpaqueToken(text), expected);
}

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
