// The one table of credential kinds: every entry distinct, and the token format, the look-ups and the store's
// CHECK list all read the same entries.
#include "protocol/CredentialKind.h"
#include "protocol/Token.h"

#include <QSet>
#include <QTest>

using namespace td::protocol;
using namespace Qt::StringLiterals;

class TestCredentialKind : public QObject
{
    Q_OBJECT
private slots:
    void entriesAreDistinct();
    void lookupsFindEachEntry();
    void tokensCarryTheKindsLetter();
    void wireContract();
};

void TestCredentialKind::entriesAreDistinct()
{
    QSet<QString> names, segments, prefixes;
    QSet<char> letters;
    int index = 0;
    for (const CredentialKindInfo& info : credentialKinds()) {
        QCOMPARE(int(info.kind), index++); // kindInfo() indexes the table by the enum
        names.insert(info.wireName);
        segments.insert(info.pathSegment);
        prefixes.insert(QString::fromLatin1(info.idPrefix));
        letters.insert(info.letter);
        QVERIFY(info.letter != 'r'); // refresh tokens' letter
        QVERIFY(info.rightsField == u"scopes"_s || info.rightsField == u"permissions"_s);
        QVERIFY(info.expiryField == u"expiresAt"_s || info.expiryField == u"validUntil"_s);
    }
    QCOMPARE(names.size(), CredentialKindCount);
    QCOMPARE(segments.size(), CredentialKindCount);
    QCOMPARE(prefixes.size(), CredentialKindCount);
    QCOMPARE(letters.size(), CredentialKindCount);
}

void TestCredentialKind::lookupsFindEachEntry()
{
    for (const CredentialKindInfo& info : credentialKinds()) {
        QCOMPARE(&kindInfo(info.kind), &info);
        QCOMPARE(kindByWireName(info.wireName), &info);
        QCOMPARE(kindByTokenKind(info.tokenKind), &info);
        QCOMPARE(kindByLetter(info.letter), &info);
        QVERIFY(sqlKindList().contains(u'\'' + info.wireName + u'\''));
    }
    QCOMPARE(kindByWireName(u"session"), nullptr);
    QCOMPARE(kindByWireName(u"APIKEY"), nullptr);
    QCOMPARE(kindByTokenKind(TokenKind::Refresh), nullptr);
    QCOMPARE(kindByLetter('r'), nullptr);
    QCOMPARE(kindByLetter('x'), nullptr);
    // How each is sent: one header or scheme per kind, schemes compared without case.
    QCOMPARE(kindByAuthScheme({}), &kindInfo(CredentialKind::ApiKey));
    QCOMPARE(kindByAuthScheme("uat"), &kindInfo(CredentialKind::Uat));
    QCOMPARE(kindByAuthScheme("UAT"), &kindInfo(CredentialKind::Uat));
    QCOMPARE(kindByAuthScheme("bearer"), &kindInfo(CredentialKind::PrivateToken));
    QCOMPARE(kindByAuthScheme("basic"), nullptr);
    QCOMPARE(kindInfo(CredentialKind::ApiKey).presentedAs(), u"X-API-Key"_s);
    QCOMPARE(kindInfo(CredentialKind::Uat).presentedAs(), u"Authorization: UAT"_s);
}

void TestCredentialKind::tokensCarryTheKindsLetter()
{
    for (const CredentialKindInfo& info : credentialKinds()) {
        const QByteArray token = OpaqueToken::generate(info.tokenKind);
        QVERIFY(token.startsWith(info.tokenPrefix().toLatin1()));
        const auto parsed = OpaqueToken::parse(token);
        QVERIFY(parsed);
        QCOMPARE(parsed->kind, info.tokenKind);
        QCOMPARE(kindName(info.tokenKind), info.wireName);
    }
}

void TestCredentialKind::wireContract()
{
    // What docs/openapi.yaml promises; a change here is a change of the contract.
    const CredentialKindInfo& key = kindInfo(CredentialKind::ApiKey);
    QCOMPARE(key.path(), u"/api/v1/api-keys"_s);
    QCOMPARE(key.tokenPrefix(), u"tdk_"_s);
    QVERIFY(!key.expiryRequired && !key.sessionOnly);
    const CredentialKindInfo& uat = kindInfo(CredentialKind::Uat);
    QCOMPARE(uat.path(), u"/api/v1/uats"_s);
    QCOMPARE(uat.rightsField, u"permissions"_s);
    QCOMPARE(uat.expiryField, u"validUntil"_s);
    QVERIFY(uat.expiryRequired && uat.expiryIsDate && !uat.sessionOnly);
    const CredentialKindInfo& ptk = kindInfo(CredentialKind::PrivateToken);
    QCOMPARE(ptk.path(), u"/api/v1/private-tokens"_s);
    QCOMPARE(ptk.tokenPrefix(), u"tdp_"_s);
    QVERIFY(ptk.expiryRequired && !ptk.expiryIsDate && ptk.sessionOnly);
}

QTEST_GUILESS_MAIN(TestCredentialKind)
#include "tst_credentialkind.moc"
