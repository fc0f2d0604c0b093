#include "protocol/CredentialKind.h"
#include "protocol/Scopes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using td::protocol::ScopeCatalog;
using td::protocol::ScopeInfo;

namespace {

const QString ApiKey = u"apiKey"_s;
const QString Uat = u"uat"_s;
const QString PrivateToken = u"privateToken"_s;

QJsonObject scopeJson(const QString& name, const QJsonArray& appliesTo = {u"apiKey"_s})
{
    return QJsonObject{{u"name"_s, name},
                       {u"description"_s, u"Does things."_s},
                       {u"group"_s, u"Things"_s},
                       {u"appliesTo"_s, appliesTo}};
}

QJsonObject catalogJson(const QJsonArray& scopes)
{
    return QJsonObject{{u"scopes"_s, scopes}};
}

} // namespace

class TestScopes : public QObject
{
    Q_OBJECT

private slots:
    void appliesToConstants();
    void defaults_data();
    void defaults();
    void defaultsAreComplete();
    void namesFor();
    void unknownScope();
    void scopeInfoJson();
    void catalogRoundTrip();
    void catalogRefuses_data();
    void catalogRefuses();
    void catalogAcceptsOptionalFields();
    void validScopeName_data();
    void validScopeName();
};

void TestScopes::appliesToConstants()
{
    using td::protocol::CredentialKind;
    QCOMPARE(td::protocol::kindInfo(CredentialKind::ApiKey).wireName, ApiKey);
    QCOMPARE(td::protocol::kindInfo(CredentialKind::Uat).wireName, Uat);
    QCOMPARE(td::protocol::kindInfo(CredentialKind::PrivateToken).wireName, PrivateToken);
    QCOMPARE(QString::fromLatin1(td::protocol::AdminScope), u"admin"_s);
}

void TestScopes::defaults_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("group");
    QTest::addColumn<bool>("apiKey");
    QTest::addColumn<bool>("uat");
    QTest::addColumn<bool>("privateToken");

    QTest::newRow("read:products") << u"read:products"_s << u"Products"_s << true << false << true;
    QTest::newRow("write:products") << u"write:products"_s << u"Products"_s << true << false << true;
    QTest::newRow("read:orders") << u"read:orders"_s << u"Orders"_s << true << false << true;
    QTest::newRow("write:orders") << u"write:orders"_s << u"Orders"_s << true << false << true;
    QTest::newRow("read:inventory") << u"read:inventory"_s << u"Inventory"_s << true << false << true;
    QTest::newRow("write:inventory") << u"write:inventory"_s << u"Inventory"_s << true << false << true;
    QTest::newRow("admin") << u"admin"_s << u"Administration"_s << true << false << true;
    QTest::newRow("brand_create") << u"brand_create"_s << u"Brands"_s << false << true << false;
    QTest::newRow("product_create") << u"product_create"_s << u"Products"_s << false << true << false;
    QTest::newRow("scans_download") << u"scans_download"_s << u"Scans"_s << false << true << false;
    QTest::newRow("scm_bulk_edit") << u"scm_bulk_edit"_s << u"Supply chain"_s << false << true << false;
    QTest::newRow("scm_code_edit") << u"scm_code_edit"_s << u"Supply chain"_s << false << true << false;
}

void TestScopes::defaults()
{
    QFETCH(QString, name);
    QFETCH(QString, group);
    QFETCH(bool, apiKey);
    QFETCH(bool, uat);
    QFETCH(bool, privateToken);

    const ScopeCatalog catalog = ScopeCatalog::defaults();
    QVERIFY(catalog.contains(name));
    QCOMPARE(catalog.appliesTo(name, ApiKey), apiKey);
    QCOMPARE(catalog.appliesTo(name, Uat), uat);
    QCOMPARE(catalog.appliesTo(name, PrivateToken), privateToken);

    const auto it = std::find_if(catalog.scopes().cbegin(), catalog.scopes().cend(),
                                 [&](const ScopeInfo& info) { return info.name == name; });
    QVERIFY(it != catalog.scopes().cend());
    QCOMPARE(it->group, group);
    // One sentence: a capital letter first, a full stop last.
    QVERIFY(it->description.size() > 5);
    QVERIFY2(it->description.front().isUpper(), qPrintable(it->description));
    QVERIFY2(it->description.endsWith(u'.'), qPrintable(it->description));
    QCOMPARE(it->description.count(u'.'), 1);
    QVERIFY(td::protocol::isValidScopeName(it->name));
}

void TestScopes::defaultsAreComplete()
{
    const ScopeCatalog catalog = ScopeCatalog::defaults();
    QCOMPARE(catalog.scopes().size(), 14);
    QSet<QString> names;
    for (const ScopeInfo& info : catalog.scopes())
        names.insert(info.name);
    QCOMPARE(names.size(), 14);
}

void TestScopes::namesFor()
{
    const ScopeCatalog catalog = ScopeCatalog::defaults();
    const QStringList keyScopes{u"read:products"_s,  u"write:products"_s,  u"read:orders"_s, u"write:orders"_s,
                                u"read:inventory"_s, u"write:inventory"_s, u"admin"_s};
    // "introspect" and "calendar:read" are for API keys only: gateways and calendar clients ask with one.
    QCOMPARE(catalog.namesFor(ApiKey), (keyScopes + QStringList{u"introspect"_s, u"calendar:read"_s}));
    QCOMPARE(catalog.namesFor(PrivateToken), keyScopes);
    QCOMPARE(catalog.namesFor(Uat), (QStringList{u"brand_create"_s, u"product_create"_s, u"scans_download"_s,
                                                 u"scm_bulk_edit"_s, u"scm_code_edit"_s}));
    QVERIFY(catalog.namesFor(u"refreshToken"_s).isEmpty());
}

void TestScopes::unknownScope()
{
    const ScopeCatalog catalog = ScopeCatalog::defaults();
    QVERIFY(!catalog.contains(u"delete:everything"_s));
    QVERIFY(!catalog.contains(u"ADMIN"_s));
    QVERIFY(!catalog.contains(QString()));
    QVERIFY(!catalog.appliesTo(u"delete:everything"_s, ApiKey));
    QVERIFY(!catalog.appliesTo(u"admin"_s, u"session"_s));

    const ScopeCatalog empty;
    QVERIFY(empty.scopes().isEmpty());
    QVERIFY(!empty.contains(u"admin"_s));
    QVERIFY(empty.toJson().isEmpty());
}

void TestScopes::scopeInfoJson()
{
    const ScopeInfo info{u"read:things"_s, u"Read things."_s, u"Things"_s, {ApiKey, Uat}};
    const QJsonObject json = info.toJson();
    QCOMPARE(json.size(), 4);
    QCOMPARE(json.value("name"_L1).toString(), info.name);
    QCOMPARE(json.value("description"_L1).toString(), info.description);
    QCOMPARE(json.value("group"_L1).toString(), info.group);
    QCOMPARE(json.value("appliesTo"_L1).toArray(), (QJsonArray{ApiKey, Uat}));

    QString error;
    const auto back = ScopeInfo::fromJson(json, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->name, info.name);
    QCOMPARE(back->description, info.description);
    QCOMPARE(back->group, info.group);
    QCOMPARE(back->appliesTo, info.appliesTo);
}

void TestScopes::catalogRoundTrip()
{
    const ScopeCatalog defaults = ScopeCatalog::defaults();
    const QJsonArray array = defaults.toJson();
    QCOMPARE(array.size(), defaults.scopes().size());

    QString error;
    const auto parsed = ScopeCatalog::fromJson(catalogJson(array), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->scopes().size(), defaults.scopes().size());
    for (qsizetype i = 0; i < defaults.scopes().size(); ++i) {
        const ScopeInfo& a = defaults.scopes().at(i);
        const ScopeInfo& b = parsed->scopes().at(i);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.description, a.description);
        QCOMPARE(b.group, a.group);
        QCOMPARE(b.appliesTo, a.appliesTo);
    }
    QCOMPARE(parsed->toJson(), array);
}

void TestScopes::catalogRefuses_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("no scopes member") << QJsonObject() << u"scopes"_s;
    QTest::newRow("scopes not an array") << QJsonObject{{u"scopes"_s, u"admin"_s}} << u"scopes"_s;
    QTest::newRow("entry not an object") << catalogJson({u"admin"_s}) << u"[0]"_s;
    QTest::newRow("duplicate name") << catalogJson({scopeJson(u"admin"_s), scopeJson(u"read:x"_s),
                                                    scopeJson(u"admin"_s, {u"uat"_s})})
                                    << u"\"admin\""_s;
    QTest::newRow("upper-case name") << catalogJson({scopeJson(u"Admin"_s)}) << u"Admin"_s;
    QTest::newRow("name with space") << catalogJson({scopeJson(u"read products"_s)}) << u"read products"_s;
    QTest::newRow("empty name") << catalogJson({scopeJson(QString())}) << u"name"_s;
    QTest::newRow("name not a string") << catalogJson(
                                              {QJsonObject{{u"name"_s, 7}, {u"appliesTo"_s, QJsonArray{ApiKey}}}})
                                       << u"name"_s;
    QTest::newRow("missing name") << catalogJson({QJsonObject{{u"appliesTo"_s, QJsonArray{ApiKey}}}}) << u"name"_s;
    QTest::newRow("unknown appliesTo") << catalogJson({scopeJson(u"admin"_s, {u"apiKey"_s, u"session"_s})})
                                       << u"session"_s;
    QTest::newRow("appliesTo wrong case") << catalogJson({scopeJson(u"admin"_s, {u"ApiKey"_s})}) << u"ApiKey"_s;
    QTest::newRow("appliesTo not strings") << catalogJson({scopeJson(u"admin"_s, {1})}) << u"appliesTo"_s;
    QTest::newRow("appliesTo empty") << catalogJson({scopeJson(u"admin"_s, {})}) << u"appliesTo"_s;
    QTest::newRow("appliesTo twice") << catalogJson({scopeJson(u"admin"_s, {u"uat"_s, u"uat"_s})}) << u"twice"_s;
    QTest::newRow("appliesTo missing") << catalogJson({QJsonObject{{u"name"_s, u"admin"_s}}}) << u"appliesTo"_s;
    QTest::newRow("description not a string")
        << catalogJson({QJsonObject{{u"name"_s, u"admin"_s}, {u"description"_s, 3}, {u"appliesTo"_s, QJsonArray{Uat}}}})
        << u"description"_s;
    QTest::newRow("group not a string") << catalogJson({QJsonObject{{u"name"_s, u"admin"_s},
                                                                    {u"group"_s, QJsonArray{}},
                                                                    {u"appliesTo"_s, QJsonArray{Uat}}}})
                                        << u"group"_s;
}

void TestScopes::catalogRefuses()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, errorContains);

    QString error;
    QVERIFY(!ScopeCatalog::fromJson(json, &error).has_value());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY(!ScopeCatalog::fromJson(json).has_value()); // without an error pointer too
}

void TestScopes::catalogAcceptsOptionalFields()
{
    QString error;
    const auto catalog = ScopeCatalog::fromJson(
        catalogJson({QJsonObject{{u"name"_s, u"read:x"_s}, {u"appliesTo"_s, QJsonArray{Uat, PrivateToken}}}}), &error);
    QVERIFY2(catalog.has_value(), qPrintable(error));
    QCOMPARE(catalog->scopes().size(), 1);
    QVERIFY(catalog->scopes().first().description.isEmpty());
    QVERIFY(catalog->appliesTo(u"read:x"_s, Uat));
    QVERIFY(catalog->appliesTo(u"read:x"_s, PrivateToken));
    QVERIFY(!catalog->appliesTo(u"read:x"_s, ApiKey));

    const auto empty = ScopeCatalog::fromJson(catalogJson({}), &error);
    QVERIFY(empty.has_value());
    QVERIFY(empty->scopes().isEmpty());
}

void TestScopes::validScopeName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u"admin"_s << true;
    QTest::newRow("colon") << u"read:products"_s << true;
    QTest::newRow("underscore") << u"scm_code_edit"_s << true;
    QTest::newRow("dot and dash") << u"a.b-c"_s << true;
    QTest::newRow("digits") << u"v2:read"_s << true;
    QTest::newRow("one letter") << u"a"_s << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("starts with digit") << u"2read"_s << false;
    QTest::newRow("starts with colon") << u":read"_s << false;
    QTest::newRow("starts with underscore") << u"_read"_s << false;
    QTest::newRow("upper case") << u"Read"_s << false;
    QTest::newRow("upper case inside") << u"reAd"_s << false;
    QTest::newRow("space") << u"read products"_s << false;
    QTest::newRow("slash") << u"read/products"_s << false;
    QTest::newRow("star") << u"read:*"_s << false;
    QTest::newRow("non-ascii letter") << u"lesé"_s << false;
    QTest::newRow("trailing newline") << u"admin\n"_s << false;
}

void TestScopes::validScopeName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(td::protocol::isValidScopeName(name), valid);
}

QTEST_GUILESS_MAIN(TestScopes)
#include "tst_scopes.moc"
