#include "protocol/Dto.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using td::protocol::ApiKeyDto;
using td::protocol::KeyStatus;
using td::protocol::TenantDto;
using td::protocol::UserDto;

// QCOMPARE cannot print a KeyStatus: argument-dependent lookup finds td::protocol::toString(KeyStatus), which returns
// a QString where QTest wants a char*. Comparing the texts gives the same check with a readable failure.
#define QCOMPARE_STATUS(actual, expected) QCOMPARE(td::protocol::toString(actual), td::protocol::toString(expected))

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

ApiKeyDto fullKey()
{
    ApiKeyDto key;
    key.id = u"key-1"_s;
    key.name = u"Warehouse sync"_s;
    key.description = u"Nightly \"stock\" import ✓"_s;
    key.prefix = u"tdk_AbCdEfGh"_s;
    key.last4 = u"wXyZ"_s;
    key.scopes = {u"read:inventory"_s, u"write:inventory"_s};
    key.tenantId = u"tenant-1"_s;
    key.createdAt = utc(2024, 1, 15, 12, 0, 0);
    key.createdBy = u"user-1"_s;
    key.expiresAt = utc(2025, 1, 15, 12, 0, 0);
    key.lastUsedAt = utc(2024, 6, 1, 8, 30, 5);
    key.lastUsedIp = u"203.0.113.9"_s;
    key.ipAllowlist = {u"203.0.113.0/24"_s, u"2001:db8::/32"_s};
    key.status = KeyStatus::Revoked;
    key.revokedAt = utc(2024, 7, 1, 9, 0, 0);
    key.revokedBy = u"user-2"_s;
    key.rotatedFrom = u"key-0"_s;
    key.rotatedTo = u"key-2"_s;
    key.suspendedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    key.rateLimit = {5, 60};
    return key;
}

ApiKeyDto minimalKey()
{
    ApiKeyDto key;
    key.id = u"key-9"_s;
    key.name = u"CI"_s;
    key.prefix = u"tdk_12345678"_s;
    key.last4 = u"abcd"_s;
    key.scopes = {};
    key.tenantId = u"tenant-1"_s;
    key.createdAt = utc(2024, 1, 15, 12, 0, 0);
    key.status = KeyStatus::Active;
    return key;
}

} // namespace

class TestDto : public QObject
{
    Q_OBJECT

private slots:
    void toIso_data();
    void toIso();
    void fromIso_data();
    void fromIso();
    void fromIsoRefuses_data();
    void fromIsoRefuses();
    void envelopes();
    void keyStatusStrings_data();
    void keyStatusStrings();
    void keyStatusRefuses();
    void apiKeyFieldNames();
    void apiKeyNulls();
    void kindsNameTheirFields();
    void sessionPayloadsReadTheirParts();
    void apiKeyRoundTrip_data();
    void apiKeyRoundTrip();
    void apiKeyAcceptsAbsentOptionals();
    void apiKeyRefuses_data();
    void apiKeyRefuses();
    void userRoundTrip();
    void userRefuses_data();
    void userRefuses();
    void tenantRoundTrip();
    void tenantRefuses_data();
    void tenantRefuses();
    void computeStatus_data();
    void computeStatus();
};

void TestDto::toIso_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utc") << utc(2024, 1, 15, 12, 0, 0) << u"2024-01-15T12:00:00Z"_s;
    QTest::newRow("milliseconds dropped") << utc(2024, 1, 15, 12, 0, 0, 999) << u"2024-01-15T12:00:00Z"_s;
    QTest::newRow("offset converted") << QDateTime(QDate(2024, 1, 15), QTime(14, 30), Qt::OffsetFromUTC, 2 * 3600)
                                      << u"2024-01-15T12:30:00Z"_s;
    QTest::newRow("negative offset crosses midnight")
        << QDateTime(QDate(2024, 12, 31), QTime(22, 0), Qt::OffsetFromUTC, -5 * 3600) << u"2025-01-01T03:00:00Z"_s;
    QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC) << u"1970-01-01T00:00:00Z"_s;
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestDto::toIso()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);

    QCOMPARE(td::protocol::toIso(time), expected);
    const QJsonValue value = td::protocol::toIsoOrNull(time);
    if (expected.isEmpty())
        QVERIFY(value.isNull());
    else
        QCOMPARE(value.toString(), expected);
}

void TestDto::fromIso_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("Z") << u"2024-01-15T12:00:00Z"_s << utc(2024, 1, 15, 12, 0, 0);
    QTest::newRow("positive offset") << u"2024-01-15T14:30:00+02:30"_s << utc(2024, 1, 15, 12, 0, 0);
    QTest::newRow("negative offset") << u"2024-01-15T12:00:00-05:00"_s << utc(2024, 1, 15, 17, 0, 0);
    QTest::newRow("zero offset") << u"2024-01-15T12:00:00+00:00"_s << utc(2024, 1, 15, 12, 0, 0);
    QTest::newRow("milliseconds truncated") << u"2024-01-15T12:00:00.789Z"_s << utc(2024, 1, 15, 12, 0, 0);
    QTest::newRow("date only") << u"2024-01-15"_s << utc(2024, 1, 15);
    QTest::newRow("leap day") << u"2024-02-29"_s << utc(2024, 2, 29);
}

void TestDto::fromIso()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = td::protocol::fromIso(text);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed, expected);
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
    QCOMPARE(parsed.time().msec(), 0);
    QCOMPARE(td::protocol::fromIso(td::protocol::toIso(parsed)), parsed);
}

void TestDto::fromIsoRefuses_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("no zone (would be local time)") << u"2024-01-15T12:00:00"_s;
    QTest::newRow("lower-case z") << u"2024-01-15T12:00:00z"_s;
    QTest::newRow("space separator") << u"2024-01-15 12:00:00Z"_s;
    QTest::newRow("no seconds") << u"2024-01-15T12:00Z"_s;
    QTest::newRow("month 13") << u"2024-13-01"_s;
    QTest::newRow("february 30") << u"2024-02-30"_s;
    QTest::newRow("not a leap year") << u"2023-02-29T00:00:00Z"_s;
    QTest::newRow("hour 25") << u"2024-01-15T25:00:00Z"_s;
    QTest::newRow("word") << u"yesterday"_s;
    QTest::newRow("epoch seconds") << u"1705320000"_s;
    // Found by tests/fuzz/fuzz_dto: offsets that move the instant out of the years toIso() can write.
    QTest::newRow("year 10000 in UTC") << u"9999-12-31T23:00:00-01:00"_s;
    QTest::newRow("year 10000 by minutes") << u"9999-12-31T23:59:59-23:59"_s;
    QTest::newRow("before year 1 in UTC") << u"0001-01-01T00:00:00+05:30"_s;
    QTest::newRow("compact offset") << u"2024-01-15T12:00:00+0200"_s;
    QTest::newRow("trailing text") << u"2024-01-15T12:00:00Z trailing"_s;
    QTest::newRow("leading space") << u" 2024-01-15T12:00:00Z"_s;
}

void TestDto::fromIsoRefuses()
{
    QFETCH(QString, text);
    QVERIFY(!td::protocol::fromIso(text).isValid());
}

void TestDto::envelopes()
{
    const QJsonObject success = td::protocol::successEnvelope(QJsonObject{{u"items"_s, QJsonArray{}}});
    QCOMPARE(success, (QJsonObject{{u"success"_s, true}, {u"data"_s, QJsonObject{{u"items"_s, QJsonArray{}}}}}));
    QCOMPARE(td::protocol::successEnvelope(QJsonValue::Null).value("data"_L1), QJsonValue(QJsonValue::Null));
    QVERIFY(td::protocol::successEnvelope(QJsonValue::Null).contains("data"_L1));

    const QJsonObject error =
        td::protocol::errorEnvelope(QString::fromLatin1(td::protocol::ErrorCode::NotFound), u"No such key."_s);
    QCOMPARE(error,
             (QJsonObject{{u"success"_s, false},
                          {u"error"_s, QJsonObject{{u"code"_s, u"not_found"_s}, {u"message"_s, u"No such key."_s}}}}));
    QVERIFY(!error.value("error"_L1).toObject().contains("details"_L1));

    const QJsonObject details{{u"name"_s, u"is required"_s}};
    const QJsonObject withDetails = td::protocol::errorEnvelope(
        QString::fromLatin1(td::protocol::ErrorCode::ValidationError), u"Check the fields."_s, details);
    QCOMPARE(withDetails.value("success"_L1), QJsonValue(false));
    const QJsonObject body = withDetails.value("error"_L1).toObject();
    QCOMPARE(body.value("code"_L1).toString(), u"validation_error"_s);
    QCOMPARE(body.value("message"_L1).toString(), u"Check the fields."_s);
    QCOMPARE(body.value("details"_L1).toObject(), details);
    QCOMPARE(body.size(), 3);
}

void TestDto::keyStatusStrings_data()
{
    QTest::addColumn<KeyStatus>("status");
    QTest::addColumn<QString>("text");

    QTest::newRow("active") << KeyStatus::Active << u"active"_s;
    QTest::newRow("expired") << KeyStatus::Expired << u"expired"_s;
    QTest::newRow("revoked") << KeyStatus::Revoked << u"revoked"_s;
}

void TestDto::keyStatusStrings()
{
    QFETCH(KeyStatus, status);
    QFETCH(QString, text);

    QCOMPARE(td::protocol::toString(status), text);
    const auto back = td::protocol::keyStatusFromString(text);
    QVERIFY(back.has_value());
    QCOMPARE_STATUS(*back, status);
}

void TestDto::keyStatusRefuses()
{
    for (const QString& text : {QString(), u"Active"_s, u"ACTIVE"_s, u" active"_s, u"paused"_s})
        QVERIFY2(!td::protocol::keyStatusFromString(text).has_value(), qPrintable(text));
}

void TestDto::apiKeyFieldNames()
{
    const QJsonObject json = fullKey().toJson();
    QStringList keys = json.keys();
    keys.sort();
    QStringList expected{u"id"_s,        u"kind"_s,       u"name"_s,        u"description"_s, u"prefix"_s,
                         u"last4"_s,     u"scopes"_s,     u"tenantId"_s,    u"createdAt"_s,   u"createdBy"_s,
                         u"expiresAt"_s, u"lastUsedAt"_s, u"lastUsedIp"_s,  u"ipAllowlist"_s, u"status"_s,
                         u"revokedAt"_s, u"revokedBy"_s,  u"rotatedFrom"_s, u"rotatedTo"_s,   u"suspendedAt"_s,
                         u"rateLimit"_s};
    expected.sort();
    QCOMPARE(keys, expected);

    QCOMPARE(json.value("id"_L1).toString(), u"key-1"_s);
    QCOMPARE(json.value("kind"_L1).toString(), u"apiKey"_s);
    QCOMPARE(json.value("prefix"_L1).toString(), u"tdk_AbCdEfGh"_s);
    QCOMPARE(json.value("createdAt"_L1).toString(), u"2024-01-15T12:00:00Z"_s);
    QCOMPARE(json.value("expiresAt"_L1).toString(), u"2025-01-15T12:00:00Z"_s);
    QCOMPARE(json.value("status"_L1).toString(), u"revoked"_s);
    QCOMPARE(json.value("scopes"_L1).toArray(), (QJsonArray{u"read:inventory"_s, u"write:inventory"_s}));
    QCOMPARE(json.value("ipAllowlist"_L1).toArray(), (QJsonArray{u"203.0.113.0/24"_s, u"2001:db8::/32"_s}));
}

void TestDto::kindsNameTheirFields()
{
    // A UAT names its rights "permissions" and adds the date it is valid through; read back, it is the same record.
    ApiKeyDto uat = fullKey();
    uat.kind = td::protocol::CredentialKind::Uat;
    uat.expiresAt = QDateTime(QDate(2025, 1, 16), QTime(0, 0), Qt::UTC); // valid through 15 January
    const QJsonObject json = uat.toJson();
    QCOMPARE(json.value("kind"_L1).toString(), u"uat"_s);
    QVERIFY(!json.contains("scopes"_L1));
    QCOMPARE(json.value("permissions"_L1).toArray(), (QJsonArray{u"read:inventory"_s, u"write:inventory"_s}));
    QCOMPARE(json.value("validUntil"_L1).toString(), u"2025-01-15"_s);
    QString error;
    const auto back = ApiKeyDto::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), json);

    // A private token is written like an API key but for its kind.
    ApiKeyDto token = fullKey();
    token.kind = td::protocol::CredentialKind::PrivateToken;
    QJsonObject tokenJson = token.toJson();
    QCOMPARE(tokenJson.take("kind"_L1).toString(), u"privateToken"_s);
    QJsonObject keyJson = fullKey().toJson();
    keyJson.remove("kind"_L1);
    QCOMPARE(tokenJson, keyJson);

    // An unknown kind, or rights under the other kind's name, are refused.
    QJsonObject unknown = json;
    unknown.insert("kind"_L1, u"password"_s);
    QVERIFY(!ApiKeyDto::fromJson(unknown, &error));
    QVERIFY2(error.contains(u"kind"_s), qPrintable(error));
    QJsonObject mixed = json;
    mixed.insert("scopes"_L1, mixed.take("permissions"_L1));
    QVERIFY(!ApiKeyDto::fromJson(mixed, &error));
    QVERIFY2(error.contains(u"permissions"_s), qPrintable(error));
}

void TestDto::sessionPayloadsReadTheirParts()
{
    using td::protocol::ErrorDto;
    using td::protocol::LoginResultDto;
    using td::protocol::MeDto;
    const QJsonObject user{{u"id"_s, u"usr_1"_s},
                           {u"email"_s, u"a@example.test"_s},
                           {u"username"_s, QJsonValue()},
                           {u"displayName"_s, u"A"_s},
                           {u"clientId"_s, 100001}};
    QJsonObject login{
        {u"token"_s, u"eyJ.x.y"_s},
        {u"refreshToken"_s, u"tdr_x"_s},
        {u"expiresAt"_s, u"2026-01-01T10:00:00Z"_s},
        {u"refreshExpiresAt"_s, u"2026-01-08T09:00:00Z"_s},
        {u"tenantId"_s, u"acme"_s},
        {u"user"_s, user},
        {u"tenants"_s, QJsonArray{QJsonObject{{u"id"_s, u"acme"_s}, {u"name"_s, u"Acme"_s}, {u"role"_s, u"admin"_s}}}}};
    QString error;
    auto result = LoginResultDto::fromJson(login, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->toJson(), login);
    QCOMPARE(result->tenants.size(), 1);
    // A bad part names itself.
    QJsonObject bad = login;
    bad.insert(u"tenants"_s, u"acme"_s);
    QVERIFY(!LoginResultDto::fromJson(bad, &error));
    QVERIFY2(error.contains(u"tenants"_s), qPrintable(error));
    bad = login;
    bad.insert(u"user"_s, QJsonObject{{u"email"_s, u"no id"_s}});
    QVERIFY(!LoginResultDto::fromJson(bad, &error));
    QVERIFY2(error.contains(u"user"_s), qPrintable(error));
    bad = login;
    bad.remove(u"user"_s);
    QVERIFY(!LoginResultDto::fromJson(bad, &error));

    // /me without a user (a key made by a key) and with one.
    QJsonObject me{{u"id"_s, u"key_1"_s},       {u"kind"_s, u"apiKey"_s},   {u"role"_s, QJsonValue()},
                   {u"scopes"_s, QJsonArray{}}, {u"tenantId"_s, u"acme"_s}, {u"expiresAt"_s, QJsonValue()},
                   {u"user"_s, QJsonValue()}};
    auto parsed = MeDto::fromJson(me, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(!parsed->user);
    QCOMPARE(parsed->toJson(), me);
    me.insert(u"user"_s, user);
    parsed = MeDto::fromJson(me, &error);
    QVERIFY2(parsed && parsed->user && parsed->user->id == u"usr_1"_s, qPrintable(error));
    me.insert(u"user"_s, 3);
    QVERIFY(!MeDto::fromJson(me, &error));

    // Errors: details are an object or nothing.
    QJsonObject problem{{u"code"_s, u"validation_error"_s},
                        {u"message"_s, u"see details"_s},
                        {u"details"_s, QJsonObject{{u"name"_s, u"required"_s}}}};
    const auto e = ErrorDto::fromJson(problem, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->toJson(), problem);
    problem.insert(u"details"_s, u"name"_s);
    QVERIFY(!ErrorDto::fromJson(problem, &error));
    QVERIFY(!ErrorDto::fromJson(QJsonObject{{u"message"_s, u"no code"_s}}, &error));
}

void TestDto::apiKeyNulls()
{
    const QJsonObject json = minimalKey().toJson();
    QCOMPARE(json.size(), 21);
    for (const char* key : {"description", "createdBy", "expiresAt", "lastUsedAt", "lastUsedIp", "revokedAt",
                            "revokedBy", "rotatedFrom", "rotatedTo", "suspendedAt", "rateLimit"}) {
        QVERIFY2(json.contains(QLatin1StringView(key)), key);
        QVERIFY2(json.value(QLatin1StringView(key)).isNull(), key);
    }
    QCOMPARE(json.value("scopes"_L1), QJsonValue(QJsonArray()));
    QCOMPARE(json.value("ipAllowlist"_L1), QJsonValue(QJsonArray()));
    QCOMPARE(json.value("status"_L1).toString(), u"active"_s);
}

void TestDto::apiKeyRoundTrip_data()
{
    QTest::addColumn<bool>("full");
    QTest::newRow("full") << true;
    QTest::newRow("minimal") << false;
}

void TestDto::apiKeyRoundTrip()
{
    QFETCH(bool, full);
    const ApiKeyDto key = full ? fullKey() : minimalKey();

    // Through the wire text, as a client sees it.
    const QByteArray wire = QJsonDocument(key.toJson()).toJson();
    QString error;
    const auto back = ApiKeyDto::fromJson(QJsonDocument::fromJson(wire).object(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->id, key.id);
    QCOMPARE(back->name, key.name);
    QCOMPARE(back->description, key.description);
    QCOMPARE(back->prefix, key.prefix);
    QCOMPARE(back->last4, key.last4);
    QCOMPARE(back->scopes, key.scopes);
    QCOMPARE(back->tenantId, key.tenantId);
    QCOMPARE(back->createdAt, key.createdAt);
    QCOMPARE(back->createdBy, key.createdBy);
    QCOMPARE(back->expiresAt, key.expiresAt);
    QCOMPARE(back->expiresAt.isValid(), key.expiresAt.isValid());
    QCOMPARE(back->lastUsedAt, key.lastUsedAt);
    QCOMPARE(back->lastUsedIp, key.lastUsedIp);
    QCOMPARE(back->ipAllowlist, key.ipAllowlist);
    QCOMPARE_STATUS(back->status, key.status);
    QCOMPARE(back->revokedAt, key.revokedAt);
    QCOMPARE(back->revokedBy, key.revokedBy);
    QCOMPARE(back->rotatedFrom, key.rotatedFrom);
    QCOMPARE(back->rotatedTo, key.rotatedTo);
    QCOMPARE(back->suspendedAt, key.suspendedAt);
    QCOMPARE(back->rateLimit, key.rateLimit);
    QCOMPARE(back->toJson(), key.toJson());
}

void TestDto::apiKeyAcceptsAbsentOptionals()
{
    const QJsonObject json{
        {u"id"_s, u"k"_s},
        {u"name"_s, u"n"_s},
        {u"prefix"_s, u"tdk_12345678"_s},
        {u"last4"_s, u"abcd"_s},
        {u"scopes"_s, QJsonArray{u"admin"_s}},
        {u"tenantId"_s, u"t"_s},
        {u"createdAt"_s, u"2024-01-15T12:00:00+01:00"_s},
        {u"status"_s, u"expired"_s},
    };
    QString error;
    const auto key = ApiKeyDto::fromJson(json, &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    QCOMPARE(key->createdAt, utc(2024, 1, 15, 11, 0, 0));
    QVERIFY(!key->expiresAt.isValid());
    QVERIFY(!key->revokedAt.isValid());
    QVERIFY(key->ipAllowlist.isEmpty());
    QVERIFY(key->description.isEmpty());
    QCOMPARE_STATUS(key->status, KeyStatus::Expired);
}

void TestDto::apiKeyRefuses_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined = remove the field

    const QJsonValue absent(QJsonValue::Undefined);
    for (const QString& field :
         {u"id"_s, u"name"_s, u"prefix"_s, u"last4"_s, u"scopes"_s, u"tenantId"_s, u"createdAt"_s, u"status"_s}) {
        QTest::addRow("%s missing", qPrintable(field)) << field << absent;
        QTest::addRow("%s null", qPrintable(field)) << field << QJsonValue(QJsonValue::Null);
    }
    QTest::newRow("id empty") << u"id"_s << QJsonValue(QString());
    QTest::newRow("id number") << u"id"_s << QJsonValue(1);
    QTest::newRow("name array") << u"name"_s << QJsonValue(QJsonArray{u"n"_s});
    QTest::newRow("scopes string") << u"scopes"_s << QJsonValue(u"admin"_s);
    QTest::newRow("scopes of numbers") << u"scopes"_s << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("createdAt number") << u"createdAt"_s << QJsonValue(1705320000);
    QTest::newRow("createdAt word") << u"createdAt"_s << QJsonValue(u"yesterday"_s);
    QTest::newRow("createdAt local time") << u"createdAt"_s << QJsonValue(u"2024-01-15T12:00:00"_s);
    QTest::newRow("expiresAt word") << u"expiresAt"_s << QJsonValue(u"soon"_s);
    QTest::newRow("expiresAt empty") << u"expiresAt"_s << QJsonValue(QString());
    QTest::newRow("expiresAt boolean") << u"expiresAt"_s << QJsonValue(false);
    QTest::newRow("lastUsedAt number") << u"lastUsedAt"_s << QJsonValue(0);
    QTest::newRow("revokedAt object") << u"revokedAt"_s << QJsonValue(QJsonObject{});
    QTest::newRow("status unknown") << u"status"_s << QJsonValue(u"paused"_s);
    QTest::newRow("status upper case") << u"status"_s << QJsonValue(u"Active"_s);
    QTest::newRow("description number") << u"description"_s << QJsonValue(5);
    QTest::newRow("createdBy object") << u"createdBy"_s << QJsonValue(QJsonObject{});
    QTest::newRow("lastUsedIp boolean") << u"lastUsedIp"_s << QJsonValue(true);
    QTest::newRow("ipAllowlist string") << u"ipAllowlist"_s << QJsonValue(u"10.0.0.0/8"_s);
    QTest::newRow("ipAllowlist of objects") << u"ipAllowlist"_s << QJsonValue(QJsonArray{QJsonObject{}});
    QTest::newRow("revokedBy number") << u"revokedBy"_s << QJsonValue(2);
    QTest::newRow("rotatedFrom array") << u"rotatedFrom"_s << QJsonValue(QJsonArray{});
    QTest::newRow("rotatedTo boolean") << u"rotatedTo"_s << QJsonValue(true);
}

void TestDto::apiKeyRefuses()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);

    QJsonObject json = fullKey().toJson();
    QVERIFY(ApiKeyDto::fromJson(json).has_value()); // the base record itself is accepted
    if (value.isUndefined())
        json.remove(field);
    else
        json.insert(field, value);

    QString error;
    QVERIFY(!ApiKeyDto::fromJson(json, &error).has_value());
    QVERIFY2(error.contains(u'"' + field + u'"'), qPrintable(error));
}

void TestDto::userRoundTrip()
{
    UserDto user;
    user.id = u"user-1"_s;
    user.email = u"ada@example.com"_s;
    user.username = u"ada"_s;
    user.displayName = u"Ada Lovelace"_s;
    user.clientId = 4815162342;

    const QJsonObject json = user.toJson();
    QCOMPARE(json.value("id"_L1).toString(), user.id);
    QCOMPARE(json.value("email"_L1).toString(), user.email);
    QCOMPARE(json.value("username"_L1).toString(), user.username);
    QCOMPARE(json.value("displayName"_L1).toString(), user.displayName);
    QCOMPARE(json.value("clientId"_L1).toInteger(), user.clientId);

    QString error;
    const auto back = UserDto::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->id, user.id);
    QCOMPARE(back->email, user.email);
    QCOMPARE(back->username, user.username);
    QCOMPARE(back->displayName, user.displayName);
    QCOMPARE(back->clientId, user.clientId);

    UserDto sparse;
    sparse.id = u"user-2"_s;
    sparse.username = u"bob"_s;
    const QJsonObject sparseJson = sparse.toJson();
    QVERIFY(sparseJson.value("email"_L1).isNull());
    QVERIFY(sparseJson.value("displayName"_L1).isNull());
    const auto sparseBack = UserDto::fromJson(sparseJson, &error);
    QVERIFY2(sparseBack.has_value(), qPrintable(error));
    QVERIFY(sparseBack->email.isEmpty());
    QCOMPARE(sparseBack->username, u"bob"_s);
    QCOMPARE(sparseBack->clientId, 0);
}

void TestDto::userRefuses_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("no id") << QJsonObject{{u"email"_s, u"a@example.com"_s}} << u"id"_s;
    QTest::newRow("id number") << QJsonObject{{u"id"_s, 3}} << u"id"_s;
    QTest::newRow("email number") << QJsonObject{{u"id"_s, u"u"_s}, {u"email"_s, 3}} << u"email"_s;
    QTest::newRow("clientId string") << QJsonObject{{u"id"_s, u"u"_s}, {u"clientId"_s, u"12"_s}} << u"clientId"_s;
    QTest::newRow("clientId fractional") << QJsonObject{{u"id"_s, u"u"_s}, {u"clientId"_s, 1.5}} << u"clientId"_s;
}

void TestDto::userRefuses()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);

    QString error;
    QVERIFY(!UserDto::fromJson(json, &error).has_value());
    QVERIFY2(error.contains(u'"' + field + u'"'), qPrintable(error));
}

void TestDto::tenantRoundTrip()
{
    const TenantDto tenant{u"tenant-1"_s, u"Acme Ltd"_s, u"admin"_s};
    const QJsonObject json = tenant.toJson();
    QCOMPARE(json, (QJsonObject{{u"id"_s, u"tenant-1"_s}, {u"name"_s, u"Acme Ltd"_s}, {u"role"_s, u"admin"_s}}));

    QString error;
    const auto back = TenantDto::fromJson(json, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->id, tenant.id);
    QCOMPARE(back->name, tenant.name);
    QCOMPARE(back->role, tenant.role);

    const auto member = TenantDto::fromJson(TenantDto{u"t2"_s, u"Beta"_s, u"member"_s}.toJson(), &error);
    QVERIFY2(member.has_value(), qPrintable(error));
    QCOMPARE(member->role, u"member"_s);
}

void TestDto::tenantRefuses_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");

    const QJsonObject good{{u"id"_s, u"t"_s}, {u"name"_s, u"T"_s}, {u"role"_s, u"member"_s}};
    auto without = [&](const QString& key) {
        QJsonObject copy = good;
        copy.remove(key);
        return copy;
    };
    auto with = [&](const QString& key, const QJsonValue& value) {
        QJsonObject copy = good;
        copy.insert(key, value);
        return copy;
    };
    QTest::newRow("no id") << without(u"id"_s) << u"id"_s;
    QTest::newRow("no name") << without(u"name"_s) << u"name"_s;
    QTest::newRow("no role") << without(u"role"_s) << u"role"_s;
    QTest::newRow("role owner") << with(u"role"_s, u"owner"_s) << u"role"_s;
    QTest::newRow("role number") << with(u"role"_s, 1) << u"role"_s;
    QTest::newRow("name null") << with(u"name"_s, QJsonValue::Null) << u"name"_s;
}

void TestDto::tenantRefuses()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);

    QString error;
    QVERIFY(!TenantDto::fromJson(json, &error).has_value());
    QVERIFY2(error.contains(u'"' + field + u'"'), qPrintable(error));
}

void TestDto::computeStatus_data()
{
    QTest::addColumn<QDateTime>("revokedAt");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::addColumn<KeyStatus>("expected");

    // now is 2024-06-01T12:00:00Z
    const QDateTime never;
    QTest::newRow("no expiry") << never << never << KeyStatus::Active;
    QTest::newRow("expires later") << never << utc(2024, 6, 1, 12, 0, 1) << KeyStatus::Active;
    QTest::newRow("expires now") << never << utc(2024, 6, 1, 12, 0, 0) << KeyStatus::Expired;
    QTest::newRow("expired earlier") << never << utc(2024, 5, 1) << KeyStatus::Expired;
    QTest::newRow("revoked, no expiry") << utc(2024, 5, 1) << never << KeyStatus::Revoked;
    QTest::newRow("revoked and expired") << utc(2024, 5, 1) << utc(2024, 5, 2) << KeyStatus::Revoked;
    QTest::newRow("revoked, expires later") << utc(2024, 5, 1) << utc(2025, 1, 1) << KeyStatus::Revoked;
}

void TestDto::computeStatus()
{
    QFETCH(QDateTime, revokedAt);
    QFETCH(QDateTime, expiresAt);
    QFETCH(KeyStatus, expected);

    QCOMPARE_STATUS(td::protocol::computeStatus(revokedAt, expiresAt, utc(2024, 6, 1, 12, 0, 0)), expected);
}

QTEST_GUILESS_MAIN(TestDto)
#include "tst_dto.moc"
