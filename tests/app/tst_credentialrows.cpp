// CredentialRows, the compact storage behind CredentialModel: every field comes back as it went in (also non-ASCII,
// empty and very long values, across many chunks), rows move between stores with their shared values, a list page
// parses straight from JSON exactly as ApiKeyDto::fromJson would, a bad item adds nothing, and the search matches.
#include "app/CredentialRows.h"
#include "protocol/Dto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::CredentialRows;
using td::protocol::ApiKeyDto;
using td::protocol::KeyStatus;

Q_DECLARE_METATYPE(td::protocol::ApiKeyDto)

namespace {

const QDateTime Now(QDate(2030, 1, 15), QTime(12, 0), Qt::UTC);

ApiKeyDto full()
{
    ApiKeyDto r;
    r.id = u"key_Ab12Cd34Ef56Gh78Ij90"_s;
    r.name = u"Deploy Bot"_s;
    r.description = u"Pushes releases to the CDN"_s;
    r.prefix = u"tdk_AbCdEfGh"_s;
    r.last4 = u"wXyZ"_s;
    r.scopes = {u"read:products"_s, u"write:products"_s};
    r.tenantId = u"acme"_s;
    r.createdAt = Now.addDays(-30);
    r.createdBy = u"user:usr_admin"_s;
    r.expiresAt = Now.addDays(3);
    r.lastUsedAt = Now.addSecs(-3600);
    r.lastUsedIp = u"2001:db8::7"_s;
    r.ipAllowlist = {u"10.0.0.0/8"_s, u"2001:db8::/32"_s};
    r.status = KeyStatus::Active;
    r.rotatedFrom = u"key_previous"_s;
    return r;
}

ApiKeyDto minimal(const QString& id, const QString& name)
{
    ApiKeyDto r;
    r.id = id;
    r.name = name;
    r.prefix = u"tdk_00000000"_s;
    r.last4 = u"0000"_s;
    r.scopes = {u"read:orders"_s};
    r.tenantId = u"default"_s;
    r.createdAt = Now;
    return r;
}

QByteArray json(const ApiKeyDto& r)
{
    return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
}

bool matches(const CredentialRows& rows, int row, const QString& text)
{
    const QByteArray needle = text.toLower().toUtf8();
    return rows.matches(row, std::string_view(needle.constData(), size_t(needle.size())));
}

} // namespace

class TestCredentialRows : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<ApiKeyDto>("record");
        QTest::newRow("every field set") << full();
        QTest::newRow("only the required fields") << minimal(u"key_min"_s, u"m"_s);
        ApiKeyDto lower = full();
        lower.name = u"already lower-case"_s;
        lower.description = u"so is this"_s;
        QTest::newRow("lower-case name and description") << lower;
        ApiKeyDto unicode = full();
        unicode.name = u"Überwachung 名前 ÆØÅ"_s;
        unicode.description = u"Ärger mit ß und İ"_s; // İ lower-cases to two code points
        unicode.scopes = {u"read:inventory"_s};
        QTest::newRow("non-ASCII text") << unicode;
        ApiKeyDto revoked = full();
        revoked.status = KeyStatus::Revoked;
        revoked.revokedAt = Now.addDays(-1);
        revoked.revokedBy = u"user:usr_other"_s;
        revoked.rotatedTo = u"key_next"_s;
        revoked.expiresAt = QDateTime();
        revoked.lastUsedAt = QDateTime();
        revoked.lastUsedIp.clear();
        revoked.ipAllowlist.clear();
        QTest::newRow("revoked, never used, no expiry") << revoked;
        ApiKeyDto expired = minimal(u"key_exp"_s, u"Old"_s);
        expired.status = KeyStatus::Expired;
        expired.expiresAt = Now.addDays(-5);
        QTest::newRow("expired") << expired;
    }

    void roundTrip()
    {
        QFETCH(ApiKeyDto, record);
        CredentialRows rows;
        rows.append(minimal(u"key_before"_s, u"Before"_s));
        rows.append(record);
        rows.append(minimal(u"key_after"_s, u"After"_s));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(json(rows.record(1)), json(record));
        QCOMPARE(rows.record(0).id, u"key_before"_s);
        QCOMPARE(rows.record(2).id, u"key_after"_s);
        // The accessors agree with the record.
        QCOMPARE(rows.id(1), record.id);
        QCOMPARE(rows.name(1), record.name);
        QCOMPARE(rows.description(1), record.description);
        QCOMPARE(rows.prefix(1), record.prefix);
        QCOMPARE(rows.last4(1), record.last4);
        QCOMPARE(rows.rotatedTo(1), record.rotatedTo);
        QCOMPARE(rows.lastUsedIp(1), record.lastUsedIp);
        QCOMPARE(rows.createdBy(1), record.createdBy);
        QCOMPARE(rows.scopes(1), record.scopes);
        QCOMPARE(rows.ipAllowlist(1), record.ipAllowlist);
        QCOMPARE(int(rows.status(1)), int(record.status));
        QCOMPARE(rows.createdAtMs(1), record.createdAt.toMSecsSinceEpoch());
        QCOMPARE(rows.expiresAtMs(1),
                 record.expiresAt.isValid() ? record.expiresAt.toMSecsSinceEpoch() : CredentialRows::Never);
        QVERIFY(rows.idEquals(1, record.id));
        QVERIFY(!rows.idEquals(1, record.id + u"x"_s));
        // The name sort key is the lower-cased name.
        const std::string_view nameKey = rows.sortText(1, CredentialRows::SortKey::Name);
        QCOMPARE(QString::fromUtf8(nameKey.data(), qsizetype(nameKey.size())), record.name.toLower());
        const std::string_view prefixKey = rows.sortText(1, CredentialRows::SortKey::Prefix);
        QCOMPARE(QString::fromUtf8(prefixKey.data(), qsizetype(prefixKey.size())), record.prefix);
    }

    void manyRowsAcrossChunks()
    {
        CredentialRows rows;
        constexpr int Count = 5000; // a chunk holds about a thousand records
        for (int i = 0; i < Count; ++i) {
            ApiKeyDto r = full();
            r.id = u"key_%1"_s.arg(i);
            r.name = u"Key Number %1"_s.arg(i);
            r.description = QString(i % 97, u'd');
            r.scopes = {u"scope:%1"_s.arg(i % 7)};
            r.createdBy = u"user:%1"_s.arg(i % 13);
            r.createdAt = Now.addSecs(-i);
            rows.append(r);
        }
        QCOMPARE(rows.size(), Count);
        for (int i = 0; i < Count; ++i) {
            const ApiKeyDto r = rows.record(i);
            QCOMPARE(r.id, u"key_%1"_s.arg(i));
            QCOMPARE(r.name, u"Key Number %1"_s.arg(i));
            QCOMPARE(r.description, QString(i % 97, u'd'));
            QCOMPARE(r.scopes, QStringList{u"scope:%1"_s.arg(i % 7)});
            QCOMPARE(r.createdBy, u"user:%1"_s.arg(i % 13));
            QCOMPARE(r.createdAt, Now.addSecs(-i));
        }
        QVERIFY(rows.bytesUsed() > 0);
        QVERIFY(rows.bytesUsed() < qsizetype(Count) * 400); // compact: far below an ApiKeyDto per record
    }

    void longFieldsAreCutAtACharacterBoundary()
    {
        ApiKeyDto r = full();
        r.description = QString(10000, u'é'); // two UTF-8 bytes each
        CredentialRows rows;
        rows.append(r);
        const QString description = rows.description(0);
        QVERIFY(description.toUtf8().size() <= CredentialRows::MaxFieldBytes);
        QVERIFY(description.size() >= CredentialRows::MaxFieldBytes / 2 - 1);
        QCOMPARE(description, QString(description.size(), u'é')); // no broken character at the end
        QCOMPARE(rows.name(0), r.name);                           // the fields after it are intact
        QCOMPARE(rows.id(0), r.id);
    }

    void appendMovesRowsWithTheirSharedValues()
    {
        CredentialRows target;
        ApiKeyDto a = full();
        a.id = u"key_a"_s;
        target.append(a);

        CredentialRows other;
        ApiKeyDto b = minimal(u"key_b"_s, u"B"_s);
        b.scopes = {u"admin"_s}; // a scope list the target has not seen
        b.tenantId = u"globex"_s;
        b.createdBy = u"key:key_x"_s;
        ApiKeyDto c = full(); // the same shared values as a, at other indexes in other's tables
        c.id = u"key_c"_s;
        other.append(b);
        other.append(c);

        target.append(std::move(other));
        QVERIFY(other.isEmpty());
        QCOMPARE(target.size(), 3);
        QCOMPARE(json(target.record(0)), json(a));
        QCOMPARE(json(target.record(1)), json(b));
        QCOMPARE(json(target.record(2)), json(c));
        // Rows added after the move land behind the moved ones and read back too.
        ApiKeyDto d = minimal(u"key_d"_s, u"D"_s);
        target.append(d);
        QCOMPARE(json(target.record(3)), json(d));
        // The emptied store is usable again.
        other.append(a);
        QCOMPARE(json(other.record(0)), json(a));
        // Into an empty store.
        CredentialRows empty;
        empty.append(std::move(target));
        QCOMPARE(empty.size(), 4);
        QCOMPARE(json(empty.record(1)), json(b));
    }

    void sharedListsNeverMix()
    {
        // Lists that a naive join would confuse stay apart.
        ApiKeyDto a = minimal(u"key_a"_s, u"A"_s);
        a.scopes = {u"x\ny"_s};
        ApiKeyDto b = minimal(u"key_b"_s, u"B"_s);
        b.scopes = {u"x"_s, u"y"_s};
        ApiKeyDto c = minimal(u"key_c"_s, u"C"_s);
        c.scopes = {u"x,y"_s};
        ApiKeyDto d = minimal(u"key_d"_s, u"D"_s);
        d.scopes = {u"1:x"_s};
        CredentialRows rows;
        for (const ApiKeyDto& r : {a, b, c, d})
            rows.append(r);
        QCOMPARE(rows.scopes(0), a.scopes);
        QCOMPARE(rows.scopes(1), b.scopes);
        QCOMPARE(rows.scopes(2), c.scopes);
        QCOMPARE(rows.scopes(3), d.scopes);
        // Appending rows to themselves changes nothing.
        rows.append(std::move(rows));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.id(3), u"key_d"_s);
    }

    void prependAndReplace()
    {
        CredentialRows rows;
        rows.append(minimal(u"key_1"_s, u"One"_s));
        rows.append(minimal(u"key_2"_s, u"Two"_s));
        rows.prepend(minimal(u"key_0"_s, u"Zero"_s));
        QCOMPARE(rows.id(0), u"key_0"_s);
        QCOMPARE(rows.id(1), u"key_1"_s);
        QCOMPARE(rows.id(2), u"key_2"_s);
        ApiKeyDto changed = full();
        changed.id = u"key_1"_s;
        rows.replace(1, changed);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(json(rows.record(1)), json(changed));
        QCOMPARE(rows.id(2), u"key_2"_s);
    }

    void appendJsonReadsAsTheDtoDoes()
    {
        QJsonArray items;
        QList<ApiKeyDto> expected;
        for (const ApiKeyDto& r : {full(), minimal(u"key_m"_s, u"Minimal"_s)}) {
            items.append(r.toJson());
            expected.append(r);
        }
        // UATs name their scopes "permissions".
        ApiKeyDto uat = minimal(u"uat_1"_s, u"A UAT"_s);
        uat.kind = td::protocol::CredentialKind::Uat;
        QVERIFY(uat.toJson().contains(u"permissions"_s));
        items.append(uat.toJson());
        expected.append(uat);

        CredentialRows rows;
        QString error;
        QVERIFY2(rows.appendJson(items, &error), qPrintable(error));
        QCOMPARE(rows.size(), expected.size());
        for (int i = 0; i < rows.size(); ++i) {
            // Rows hold the records of one kind's page and do not store the kind: the model knows it.
            ApiKeyDto row = rows.record(i);
            row.kind = expected.at(i).kind;
            QCOMPARE(json(row), json(expected.at(i)));
        }
    }

    void badItemAddsNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("id missing") << u"id"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("name empty") << u"name"_s << QJsonValue(u""_s);
        QTest::newRow("scopes not a list") << u"scopes"_s << QJsonValue(u"read:orders"_s);
        QTest::newRow("scope not a string") << u"scopes"_s << QJsonValue(QJsonArray{1});
        QTest::newRow("time not ISO") << u"createdAt"_s << QJsonValue(u"yesterday"_s);
        QTest::newRow("time without zone") << u"expiresAt"_s << QJsonValue(u"2030-01-01T00:00:00"_s);
        QTest::newRow("unknown status") << u"status"_s << QJsonValue(u"paused"_s);
    }

    void badItemAddsNothing()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject bad = full().toJson();
        if (value.isUndefined())
            bad.remove(field);
        else
            bad.insert(field, value);
        const QJsonArray items{full().toJson(), bad, minimal(u"key_z"_s, u"Z"_s).toJson()};
        CredentialRows rows;
        rows.append(minimal(u"key_kept"_s, u"Kept"_s));
        QString error;
        QVERIFY(!rows.appendJson(items, &error));
        QVERIFY2(error.contains(u"item 1"_s) && error.contains(field), qPrintable(error));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.id(0), u"key_kept"_s);
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("match");
        QTest::newRow("name, other case") << u"DEPLOY bot"_s << true;
        QTest::newRow("description") << u"the cdn"_s << true;
        QTest::newRow("scope") << u"write:prod"_s << true;
        QTest::newRow("scopes joined") << u"read:products,write"_s << true;
        QTest::newRow("allowlist") << u"2001:db8::/32"_s << true;
        QTest::newRow("prefix, other case") << u"TDK_abcdEF"_s << true;
        QTest::newRow("last4") << u"wxyz"_s << true;
        QTest::newRow("end of prefix and start of last4") << u"efgh wx"_s << true;
        QTest::newRow("whole prefix and last4") << u"tdk_abcdefgh wxyz"_s << true;
        QTest::newRow("prefix and last4 that do not meet") << u"abcd wxyz"_s << false;
        QTest::newRow("id") << u"key_ab12"_s << true;
        QTest::newRow("id, middle") << u"ef56gh"_s << true;
        QTest::newRow("creator is not searched") << u"usr_admin"_s << false;
        QTest::newRow("last used address is not searched") << u"db8::7"_s << false;
        QTest::newRow("longer than every field") << QString(300, u'a') << false;
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(bool, match);
        CredentialRows rows;
        rows.append(minimal(u"key_other"_s, u"Other"_s));
        rows.append(full());
        QCOMPARE(matches(rows, 1, text), match);
        QVERIFY(!matches(rows, 0, u"deploy"_s));
    }

    void searchNonAscii()
    {
        ApiKeyDto r = full();
        r.name = u"Überwachung ÆØÅ"_s;
        CredentialRows rows;
        rows.append(r);
        QVERIFY(matches(rows, 0, u"überwachung"_s));
        QVERIFY(matches(rows, 0, u"ÜBERWACHUNG æøå"_s));
        QVERIFY(!matches(rows, 0, u"uberwachung"_s));
    }
};

QTEST_GUILESS_MAIN(TestCredentialRows)
#include "tst_credentialrows.moc"
