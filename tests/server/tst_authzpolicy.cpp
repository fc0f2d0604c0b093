// The forward-auth policy file: parsing (each bad line named), first-match order, patterns, canonical paths.
#include "server/AuthzPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using td::server::AuthzPolicy;

class TestAuthzPolicy : public QObject
{
    Q_OBJECT

private:
    static AuthzPolicy parse(const QString& text)
    {
        QString error;
        const auto policy = AuthzPolicy::parse(text, td::protocol::ScopeCatalog::defaults(), &error);
        if (!policy)
            qWarning().noquote() << error;
        return policy.value_or(AuthzPolicy());
    }
    static QString requirement(const AuthzPolicy& policy, const QByteArray& method, const QString& path)
    {
        const AuthzPolicy::Rule* rule = policy.match(method, path);
        if (!rule)
            return u"(none)"_s;
        switch (rule->requirement) {
        case AuthzPolicy::Requirement::Deny:
            return u"deny"_s;
        case AuthzPolicy::Requirement::Authenticated:
            return u"authenticated"_s;
        case AuthzPolicy::Requirement::Scope:
            return rule->scope;
        }
        return {};
    }

private slots:
    void firstMatchWins()
    {
        const AuthzPolicy policy = parse(u"# comment line\n"
                                         "GET,HEAD   /api/products/special   deny   # a trailing comment\n"
                                         "GET,HEAD   /api/products/**        read:products\n"
                                         "POST       /api/products           write:products\n"
                                         "*          /api/orders/*/notes     authenticated\n"
                                         "GET        /                       authenticated\n"_s);
        QCOMPARE(policy.rules().size(), 5);
        QCOMPARE(requirement(policy, "GET", u"/api/products/special"_s), u"deny"_s);
        QCOMPARE(requirement(policy, "GET", u"/api/products/7"_s), u"read:products"_s);
        QCOMPARE(requirement(policy, "HEAD", u"/api/products/7/images/2"_s), u"read:products"_s);
        QCOMPARE(requirement(policy, "GET", u"/api/products"_s), u"read:products"_s); // ** may be nothing
        QCOMPARE(requirement(policy, "POST", u"/api/products"_s), u"write:products"_s);
        QCOMPARE(requirement(policy, "POST", u"/api/products/7"_s), u"(none)"_s); // unmatched: denied
        QCOMPARE(requirement(policy, "DELETE", u"/api/orders/o1/notes"_s), u"authenticated"_s);
        QCOMPARE(requirement(policy, "DELETE", u"/api/orders/o1/x/notes"_s), u"(none)"_s); // * is one segment
        QCOMPARE(requirement(policy, "GET", u"/"_s), u"authenticated"_s);
        QCOMPARE(requirement(policy, "GET", u"/api"_s), u"(none)"_s);
        QCOMPARE(requirement(policy, "get", u"/api/products/7"_s), u"(none)"_s); // methods are upper case
    }

    void badFilesNameTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("two fields") << u"GET /a read:products\nGET /b\n"_s << u"line 2:"_s;
        QTest::newRow("unknown method") << u"\n\nFETCH /a read:products"_s << u"line 3: \"FETCH\" is not a method"_s;
        QTest::newRow("relative path") << u"GET a read:products"_s << u"must start with /"_s;
        QTest::newRow("** in the middle") << u"GET /a/**/b read:products"_s << u"may only be the last"_s;
        QTest::newRow("empty segment") << u"GET /a//b read:products"_s << u"empty segment"_s;
        QTest::newRow("partial wildcard") << u"GET /a/b* read:products"_s << u"whole segment"_s;
        QTest::newRow("unknown scope") << u"GET /a read:everything"_s << u"line 1: \"read:everything\""_s;
    }

    void badFilesNameTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!AuthzPolicy::parse(text, td::protocol::ScopeCatalog::defaults(), &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void canonicalPaths_data()
    {
        QTest::addColumn<QByteArray>("uri");
        QTest::addColumn<QString>("path"); // empty: refused
        QTest::newRow("plain") << QByteArray("/api/products/7") << u"/api/products/7"_s;
        QTest::newRow("query dropped") << QByteArray("/api/products?x=/../admin") << u"/api/products"_s;
        QTest::newRow("unreserved decoded") << QByteArray("/api/%70roducts") << u"/api/products"_s;
        QTest::newRow("reserved kept") << QByteArray("/api/a%3ab") << u"/api/a%3Ab"_s;
        QTest::newRow("trailing slash") << QByteArray("/api/products/") << u"/api/products/"_s;
        QTest::newRow("dot dot") << QByteArray("/api/products/../admin") << QString();
        QTest::newRow("escaped dot dot") << QByteArray("/api/products/%2e%2E/admin") << QString();
        QTest::newRow("dot") << QByteArray("/api/./products") << QString();
        QTest::newRow("escaped slash") << QByteArray("/api/products%2F..%2Fadmin") << QString();
        QTest::newRow("double slash") << QByteArray("/api//admin") << QString();
        QTest::newRow("backslash") << QByteArray("/api\\admin") << QString();
        QTest::newRow("escaped backslash") << QByteArray("/api%5cadmin") << QString();
        QTest::newRow("control") << QByteArray("/api/%0aadmin") << QString();
        QTest::newRow("bad escape") << QByteArray("/api/%zz") << QString();
        QTest::newRow("relative") << QByteArray("api/products") << QString();
        QTest::newRow("absolute URI") << QByteArray("http://example.com/api") << QString();
    }

    void canonicalPaths()
    {
        QFETCH(QByteArray, uri);
        QFETCH(QString, path);
        const auto canonical = AuthzPolicy::canonicalPath(uri);
        if (path.isEmpty())
            QVERIFY2(!canonical, qPrintable(canonical.value_or(QString())));
        else
            QCOMPARE(canonical.value_or(u"(refused)"_s), path);
    }

    void theShippedExamplePolicyIsValid()
    {
        QFile file(QStringLiteral(TOKENDESK_DEPLOY_DIR "/authz-policy.conf"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto policy =
            AuthzPolicy::parse(QString::fromUtf8(file.readAll()), td::protocol::ScopeCatalog::defaults(), &error);
        QVERIFY2(policy, qPrintable(error));
        QVERIFY(!policy->rules().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuthzPolicy)
#include "tst_authzpolicy.moc"
