// Support endpoints against the real server: token introspection for every kind of credential (and for
// revoked, malformed and foreign ones, never echoing the token) and the audit log (what is recorded, by whom,
// from where; cursor paging; the targetId filter; tenant isolation).
#include "TestServer.h"
#include "protocol/Dto.h"
#include "protocol/Token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

const QByteArray GlobexPassword = "globex admin pass phrase 5150";
const QString GlobexEmail = u"boss@globex.test"_s;
const QByteArray VictimPassword = "victim pass phrase 3344";
const QString VictimEmail = u"victim@example.test"_s;
const QByteArray WrongPassword = "wrong pass phrase 0000";

QString iso(const QDateTime& at)
{
    return QDateTime::fromSecsSinceEpoch(at.toSecsSinceEpoch(), Qt::UTC).toString(Qt::ISODate);
}

QString adminEmail()
{
    return QString::fromLatin1(TestServer::AdminEmail);
}

struct Session
{
    QString token;
    QString refreshToken;
    QString expiresAt;
    QString refreshExpiresAt;
    QString userId;
    QString sessionId;
};

Session loginSession(TestServer& server, const QString& email, const QByteArray& password)
{
    const HttpResult r = server.login(email, password);
    if (r.status != 200) {
        qWarning().noquote() << "login failed:" << describe(r);
        return {};
    }
    Session s;
    s.token = r.data().value(u"token"_s).toString();
    s.refreshToken = r.data().value(u"refreshToken"_s).toString();
    s.expiresAt = r.data().value(u"expiresAt"_s).toString();
    s.refreshExpiresAt = r.data().value(u"refreshExpiresAt"_s).toString();
    s.userId = r.data().value(u"user"_s).toObject().value(u"id"_s).toString();
    s.sessionId = server.get(u"/api/v1/me"_s, TestServer::bearer(s.token)).data().value(u"id"_s).toString();
    return s;
}

QJsonObject createIn(TestServer& server, const QString& path, const QJsonObject& body, const Headers& auth)
{
    const HttpResult r = server.post(path, body, auth);
    if (r.status != 201) {
        qWarning().noquote() << "create" << path << "failed:" << describe(r);
        return {};
    }
    return r.data();
}

QList<QJsonObject> eventsOf(const HttpResult& r)
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : r.data().value(u"items"_s).toArray())
        out.append(v.toObject());
    return out;
}

// The first event matching action and, when given, targetId and actor.
std::optional<QJsonObject> findEvent(const QList<QJsonObject>& events, const QString& action,
                                     const QString& targetId = {}, const QString& actor = {})
{
    for (const QJsonObject& e : events) {
        if (e.value(u"action"_s).toString() != action)
            continue;
        if (!targetId.isEmpty() && e.value(u"targetId"_s).toString() != targetId)
            continue;
        if (!actor.isEmpty() && e.value(u"actor"_s).toString() != actor)
            continue;
        return e;
    }
    return std::nullopt;
}

QString actions(const QList<QJsonObject>& events)
{
    QStringList out;
    for (const QJsonObject& e : events) {
        out.append(u"%1(%2 -> %3 @%4)"_s.arg(e.value(u"action"_s).toString(), e.value(u"actor"_s).toString(),
                                             e.value(u"targetId"_s).toString(), e.value(u"ip"_s).toString()));
    }
    return out.join(u", "_s);
}

} // namespace

class TestServerSupport : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    HttpResult introspect(const QString& token, const Headers& auth)
    {
        return m_server.post(u"/api/v1/tokens/introspect"_s, {{u"token"_s, token}}, auth);
    }
    HttpResult introspect(const QString& token) { return introspect(token, m_server.admin()); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(!m_server.adminToken().isEmpty());
    }

    // ---- the wire shapes: what the server writes, protocol/Dto reads back -------------------------------------

    void everyPayloadReadsBackThroughItsDto()
    {
        using namespace td::protocol;
        QString error;
        const HttpResult login = m_server.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        QCOMPARE(login.status, 200);
        const auto result = LoginResultDto::fromJson(login.data(), &error);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(result->toJson(), login.data()); // nothing the DTO does not know of, nothing lost
        QVERIFY(!result->tenants.isEmpty());

        // /me is written as text on the server's hot path: the DTO reads it, for a session and for a key.
        const HttpResult session = m_server.get(u"/api/v1/me"_s, TestServer::bearer(result->token));
        auto me = MeDto::fromJson(session.data(), &error);
        QVERIFY2(me, qPrintable(error));
        QCOMPARE(me->kind, u"session"_s);
        QVERIFY(me->user && me->user->email == QString::fromLatin1(TestServer::AdminEmail));
        QCOMPARE(me->toJson(), session.data());
        const auto key = m_server.createKey(u"wire shapes"_s, {u"read:products"_s});
        const HttpResult keyed = m_server.get(u"/api/v1/me"_s, TestServer::apiKey(key.second));
        me = MeDto::fromJson(keyed.data(), &error);
        QVERIFY2(me, qPrintable(error));
        QCOMPARE(me->kind, u"apiKey"_s);
        QCOMPARE(me->scopes, QStringList{u"read:products"_s});
        QCOMPARE(me->toJson(), keyed.data());

        // A list page (text) and a single record (JSON object) are the same record.
        const HttpResult list = m_server.get(u"/api/v1/api-keys?limit=1000"_s, m_server.admin());
        const HttpResult one = m_server.get(u"/api/v1/api-keys/"_s + key.first, m_server.admin());
        const auto page = ListPageDto::fromJson(list.data(), &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->toJson(), list.data());
        bool found = false;
        for (const QJsonValue& item : page->items) {
            const auto record = ApiKeyDto::fromJson(item.toObject(), &error);
            QVERIFY2(record, qPrintable(error));
            QCOMPARE(record->toJson(), item.toObject());
            if (record->id == key.first) {
                found = true;
                QCOMPARE(item.toObject(), one.data().value(u"apiKey"_s).toObject());
            }
        }
        QVERIFY(found);

        // Audit events and errors.
        const HttpResult audit = m_server.get(u"/api/v1/audit-events?targetId="_s + key.first, m_server.admin());
        const auto events = ListPageDto::fromJson(audit.data(), &error)->items;
        QVERIFY(!events.isEmpty());
        for (const QJsonValue& item : events) {
            const auto event = AuditEventDto::fromJson(item.toObject(), &error);
            QVERIFY2(event, qPrintable(error));
            QCOMPARE(event->toJson(), item.toObject());
        }
        const HttpResult missing = m_server.get(u"/api/v1/api-keys/key_missing"_s, m_server.admin());
        QCOMPARE(missing.status, 404);
        const auto problem = ErrorDto::fromJson(missing.json.value(u"error"_s).toObject(), &error);
        QVERIFY2(problem, qPrintable(error));
        QCOMPARE(problem->code, u"not_found"_s);
        QCOMPARE(problem->toJson(), missing.json.value(u"error"_s).toObject());
    }

    // ---- introspection ---------------------------------------------------------------------------------------

    void introspectNeedsAdmin()
    {
        const auto reader = m_server.createKey(u"reader"_s, {u"read:products"_s});
        QVERIFY(!reader.second.isEmpty());
        const HttpResult byReader = introspect(reader.second, TestServer::apiKey(reader.second));
        QVERIFY2(byReader.status == 403, qPrintable(describe(byReader)));
        QCOMPARE(byReader.errorCode(), u"insufficient_scope"_s);
        QVERIFY(!byReader.body.contains(reader.second.toLatin1()));

        QCOMPARE(m_server.post(u"/api/v1/tokens/introspect"_s, {{u"token"_s, reader.second}}).status, 401);

        const auto adminKey = m_server.createKey(u"support desk"_s, {u"admin"_s});
        const HttpResult byAdminKey = introspect(reader.second, TestServer::apiKey(adminKey.second));
        QVERIFY2(byAdminKey.status == 200, qPrintable(describe(byAdminKey)));
        QCOMPARE(byAdminKey.data().value(u"id"_s).toString(), reader.first);

        const HttpResult missing = m_server.post(u"/api/v1/tokens/introspect"_s, QJsonObject{}, m_server.admin());
        QCOMPARE(missing.status, 400);
        QVERIFY(missing.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"token"_s));
    }

    void introspectSession()
    {
        const Session s = loginSession(m_server, adminEmail(), TestServer::AdminPassword);
        QVERIFY(!s.token.isEmpty() && !s.sessionId.isEmpty());
        const HttpResult r = introspect(s.token);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"active"_s), QJsonValue(true));
        QCOMPARE(d.value(u"kind"_s).toString(), u"session"_s);
        QCOMPARE(d.value(u"id"_s).toString(), s.sessionId);
        QVERIFY(!d.value(u"name"_s).toString().isEmpty());
        QCOMPARE(d.value(u"tenantId"_s).toString(), u"default"_s);
        QVERIFY(d.value(u"scopes"_s).toArray().contains(u"admin"_s));
        QVERIFY(d.value(u"scopes"_s).toArray().contains(u"read:products"_s));
        QCOMPARE(d.value(u"expiresAt"_s).toString(), s.expiresAt);
        QCOMPARE(d.value(u"status"_s).toString(), u"active"_s);
        QVERIFY(!r.body.contains(s.token.toLatin1()));
        QVERIFY(!r.body.contains(s.token.section(u'.', 2).toLatin1())); // not even the signature

        // The refresh token of the same session.
        const HttpResult rr = introspect(s.refreshToken);
        QVERIFY2(rr.status == 200, qPrintable(describe(rr)));
        const QJsonObject rd = rr.data();
        QCOMPARE(rd.value(u"active"_s), QJsonValue(true));
        QCOMPARE(rd.value(u"kind"_s).toString(), u"refreshToken"_s);
        QCOMPARE(rd.value(u"id"_s).toString(), s.sessionId);
        QCOMPARE(rd.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(rd.value(u"expiresAt"_s).toString(), s.refreshExpiresAt);
        QCOMPARE(rd.value(u"status"_s).toString(), u"active"_s);
        QVERIFY(!rr.body.contains(s.refreshToken.toLatin1()));
        QVERIFY(!rr.body.contains(s.refreshToken.mid(4, 32).toLatin1()));

        // Introspection is read-only: the refresh token still works afterwards; once used, it is inactive.
        const HttpResult refreshed = m_server.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, s.refreshToken}});
        QVERIFY2(refreshed.status == 200, qPrintable(describe(refreshed)));
        const HttpResult used = introspect(s.refreshToken);
        QCOMPARE(used.status, 200);
        QCOMPARE(used.data().value(u"active"_s), QJsonValue(false));
        QVERIFY(used.data().value(u"status"_s).toString() != u"active"_s);
        const QString next = refreshed.data().value(u"refreshToken"_s).toString();
        QCOMPARE(introspect(next).data().value(u"active"_s), QJsonValue(true));

        // After logout the session's JWT is no longer active either.
        QCOMPARE(m_server.post(u"/api/v1/auth/logout"_s, {{u"refreshToken"_s, next}}).status, 200);
        const HttpResult ended = introspect(s.token);
        QCOMPARE(ended.data().value(u"active"_s), QJsonValue(false));
        QCOMPARE(ended.data().value(u"status"_s).toString(), u"revoked"_s);
    }

    void introspectApiKey()
    {
        const QString expires = iso(m_server.serverNow().addDays(30));
        const auto key =
            m_server.createKey(u"inspected key"_s, {u"read:orders"_s, u"write:orders"_s}, {{u"expiresAt"_s, expires}});
        QVERIFY(!key.second.isEmpty());
        const HttpResult r = introspect(key.second);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"active"_s), QJsonValue(true));
        QCOMPARE(d.value(u"kind"_s).toString(), u"apiKey"_s);
        QCOMPARE(d.value(u"id"_s).toString(), key.first);
        QCOMPARE(d.value(u"name"_s).toString(), u"inspected key"_s);
        QCOMPARE(d.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(d.value(u"scopes"_s).toArray(), (QJsonArray{u"read:orders"_s, u"write:orders"_s}));
        QCOMPARE(d.value(u"expiresAt"_s).toString(), expires);
        QCOMPARE(d.value(u"status"_s).toString(), u"active"_s);
        QVERIFY(!r.body.contains(key.second.toLatin1()));
        QVERIFY(!r.body.contains(key.second.mid(12, 20).toLatin1()));

        // A key without expiry.
        const auto noExpiry = m_server.createKey(u"no expiry"_s, {u"read:orders"_s});
        const HttpResult f = introspect(noExpiry.second);
        QCOMPARE(f.data().value(u"active"_s), QJsonValue(true));
        QVERIFY(f.data().value(u"expiresAt"_s).isNull());

        // Revoked: inactive, and says so.
        QCOMPARE(m_server.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, m_server.admin()).status, 200);
        const HttpResult revoked = introspect(key.second);
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.data().value(u"active"_s), QJsonValue(false));
        QCOMPARE(revoked.data().value(u"status"_s).toString(), u"revoked"_s);
        QCOMPARE(revoked.data().value(u"id"_s).toString(), key.first);
        QVERIFY(!revoked.body.contains(key.second.toLatin1()));
    }

    void introspectUat()
    {
        const QDate until = m_server.serverNow().date().addDays(12);
        const QJsonObject created = createIn(m_server, u"/api/v1/uats"_s,
                                             {{u"name"_s, u"inspected uat"_s},
                                              {u"permissions"_s, QJsonArray{u"brand_create"_s, u"scans_download"_s}},
                                              {u"validUntil"_s, until.toString(Qt::ISODate)}},
                                             m_server.admin());
        const QString secret = created.value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdu_"_s));
        const HttpResult r = introspect(secret);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"active"_s), QJsonValue(true));
        QCOMPARE(d.value(u"kind"_s).toString(), u"uat"_s);
        QCOMPARE(d.value(u"id"_s).toString(), created.value(u"uat"_s).toObject().value(u"id"_s).toString());
        QCOMPARE(d.value(u"name"_s).toString(), u"inspected uat"_s);
        QCOMPARE(d.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(d.value(u"scopes"_s).toArray(), (QJsonArray{u"brand_create"_s, u"scans_download"_s}));
        // Valid through the end of the validUntil day, UTC.
        QCOMPARE(d.value(u"expiresAt"_s).toString(), iso(QDateTime(until.addDays(1), QTime(0, 0), Qt::UTC)));
        QCOMPARE(d.value(u"status"_s).toString(), u"active"_s);
        QVERIFY(!r.body.contains(secret.toLatin1()));
    }

    void introspectPrivateToken()
    {
        const QString expires = iso(m_server.serverNow().addDays(45));
        const QJsonObject created = createIn(m_server, u"/api/v1/private-tokens"_s,
                                             {{u"name"_s, u"inspected private token"_s},
                                              {u"scopes"_s, QJsonArray{u"read:inventory"_s}},
                                              {u"expiresAt"_s, expires}},
                                             m_server.admin());
        const QString secret = created.value(u"secret"_s).toString();
        QVERIFY(secret.startsWith(u"tdp_"_s));
        const HttpResult r = introspect(secret);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"active"_s), QJsonValue(true));
        QCOMPARE(d.value(u"kind"_s).toString(), u"privateToken"_s);
        QCOMPARE(d.value(u"id"_s).toString(), created.value(u"privateToken"_s).toObject().value(u"id"_s).toString());
        QCOMPARE(d.value(u"name"_s).toString(), u"inspected private token"_s);
        QCOMPARE(d.value(u"tenantId"_s).toString(), u"default"_s);
        QCOMPARE(d.value(u"scopes"_s).toArray(), QJsonArray{u"read:inventory"_s});
        QCOMPARE(d.value(u"expiresAt"_s).toString(), expires);
        QCOMPARE(d.value(u"status"_s).toString(), u"active"_s);
        QVERIFY(!r.body.contains(secret.toLatin1()));
    }

    void introspectMalformed_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("garbage") << u"hello world"_s;
        QTest::newRow("bad checksum") << u"tdk_0123456789abcdefghijABCDEFGHIJ01zzzzzz"_s;
        QTest::newRow("truncated key") << QString::fromLatin1(
            td::protocol::OpaqueToken::generate(td::protocol::TokenKind::ApiKey).left(30));
        QTest::newRow("unknown but well formed")
            << QString::fromLatin1(td::protocol::OpaqueToken::generate(td::protocol::TokenKind::ApiKey));
        QTest::newRow("unknown refresh token")
            << QString::fromLatin1(td::protocol::OpaqueToken::generate(td::protocol::TokenKind::Refresh));
        QTest::newRow("JWT-shaped, not ours") << u"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln"_s;
        QTest::newRow("JWT with a forged signature") << u"forge"_s; // replaced in the test by a tampered real JWT
    }

    void introspectMalformed()
    {
        QFETCH(QString, token);
        if (token == u"forge"_s) {
            const QString real = loginSession(m_server, adminEmail(), TestServer::AdminPassword).token;
            QVERIFY(!real.isEmpty());
            QString tampered = real;
            const qsizetype last = tampered.size() - 5;
            tampered[last] = tampered.at(last) == u'A' ? u'B' : u'A';
            token = tampered;
        }
        const HttpResult r = introspect(token);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.data().value(u"active"_s), QJsonValue(false));
        QVERIFY(r.data().value(u"status"_s).toString() != u"active"_s);
        QVERIFY(!r.data().value(u"id"_s).isString());
        QVERIFY(!r.data().value(u"name"_s).isString());
        QVERIFY(!r.body.contains(token.toLatin1()));
    }

    void introspectForeignTenant()
    {
        QVERIFY(m_server.addUser(GlobexEmail, u"globex"_s, u"admin"_s, GlobexPassword));
        const Session globex = loginSession(m_server, GlobexEmail, GlobexPassword);
        QVERIFY(!globex.token.isEmpty());
        const Headers h = TestServer::bearer(globex.token);
        const auto key = m_server.createKey(u"globex secret project"_s, {u"read:products"_s}, {}, h);
        QVERIFY(!key.second.isEmpty());
        const QJsonObject uat =
            createIn(m_server, u"/api/v1/uats"_s,
                     {{u"name"_s, u"globex uat codename"_s},
                      {u"permissions"_s, QJsonArray{u"brand_create"_s}},
                      {u"validUntil"_s, m_server.serverNow().date().addDays(3).toString(Qt::ISODate)}},
                     h);
        const QString uatSecret = uat.value(u"secret"_s).toString();
        QVERIFY(!uatSecret.isEmpty());

        struct Case
        {
            QString token;
            QString id;
            QString name;
        };
        const QList<Case> cases{
            {key.second, key.first, u"globex secret project"_s},
            {uatSecret, uat.value(u"uat"_s).toObject().value(u"id"_s).toString(), u"globex uat codename"_s},
            {globex.token, globex.sessionId, GlobexEmail},
            {globex.refreshToken, globex.sessionId, GlobexEmail}};
        for (const Case& c : cases) {
            const HttpResult r = introspect(c.token);
            QVERIFY2(r.status == 200, qPrintable(describe(r)));
            QCOMPARE(r.data().value(u"active"_s), QJsonValue(false));
            QVERIFY2(!r.data().value(u"id"_s).isString(), r.body.constData());
            QVERIFY2(!r.data().value(u"name"_s).isString(), r.body.constData());
            QVERIFY2(!r.body.contains(c.id.toLatin1()), r.body.constData());
            QVERIFY2(!r.body.contains(c.name.toLatin1()), r.body.constData());
            QVERIFY(!r.body.contains(u"globex"_s.toLatin1()));
            QVERIFY(!r.body.contains(c.token.toLatin1()));
        }
        // The same tokens are active for their own tenant's admin.
        QCOMPARE(introspect(key.second, h).data().value(u"active"_s), QJsonValue(true));
        QCOMPARE(introspect(key.second, h).data().value(u"id"_s).toString(), key.first);
        QCOMPARE(introspect(globex.refreshToken, h).data().value(u"active"_s), QJsonValue(true));
    }

    // ---- audit log -------------------------------------------------------------------------------------------

    void anExpiredSessionTokenIntrospectsAsExpired()
    {
        TestServer s;
        QVERIFY(s.start());
        const HttpResult old = s.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        QCOMPARE(old.status, 200);
        const QString jwt = old.data().value(u"token"_s).toString();
        QVERIFY(s.advanceClock(3600 + 61)); // past exp and the 60 s leeway
        const HttpResult fresh = s.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        const HttpResult r = s.post(u"/api/v1/tokens/introspect"_s, {{u"token"_s, jwt}},
                                    TestServer::bearer(fresh.data().value(u"token"_s).toString()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"kind"_s).toString(), u"session"_s);
        QCOMPARE(r.data().value(u"active"_s).toBool(true), false);
        QCOMPARE(r.data().value(u"status"_s).toString(), u"expired"_s);
        QVERIFY(r.data().value(u"id"_s).toString().startsWith(u"ses_"_s));
        QVERIFY(!r.body.contains(jwt.toLatin1()));
    }

    void auditRecordsWhoDidWhatFromWhere()
    {
        TestServer s;
        QVERIFY(s.start());
        QVERIFY(s.addUser(VictimEmail, u"default"_s, u"member"_s, VictimPassword));
        QVERIFY(s.addUser(GlobexEmail, u"globex"_s, u"admin"_s, GlobexPassword));

        // A successful login.
        const Session first = loginSession(s, adminEmail(), TestServer::AdminPassword);
        QVERIFY(!first.token.isEmpty() && !first.sessionId.isEmpty() && !first.userId.isEmpty());
        const Headers h = TestServer::bearer(first.token);
        const QString adminActor = u"user:"_s + first.userId;

        // Create, patch, rotate, revoke.
        const auto key = s.createKey(u"audited"_s, {u"read:products"_s}, {}, h);
        QVERIFY(!key.first.isEmpty());
        QCOMPARE(s.patch(u"/api/v1/api-keys/"_s + key.first, {{u"name"_s, u"audited, renamed"_s}}, h).status, 200);
        const HttpResult rotated =
            s.post(u"/api/v1/api-keys/"_s + key.first + u"/rotate"_s, {{u"graceSeconds"_s, 60}}, h);
        QCOMPARE(rotated.status, 201);
        const QString successor = rotated.data().value(u"apiKey"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!successor.isEmpty());
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + successor + u"/revoke"_s, {}, h).status, 200);

        // A failed login of a known account.
        QCOMPARE(s.login(adminEmail(), WrongPassword).status, 401);

        // A refresh token presented twice.
        const Session second = loginSession(s, adminEmail(), TestServer::AdminPassword);
        QVERIFY(!second.sessionId.isEmpty());
        QVERIFY(second.sessionId != first.sessionId);
        QCOMPARE(s.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, second.refreshToken}}).status, 200);
        const HttpResult reuse = s.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, second.refreshToken}});
        QCOMPARE(reuse.status, 401);

        // A refusal by IP allowlist.
        const auto office =
            s.createKey(u"office only"_s, {u"read:products"_s}, {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}}, h);
        QVERIFY(!office.first.isEmpty());
        const HttpResult refused = s.get(u"/api/v1/products"_s, TestServer::apiKey(office.second));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"ip_not_allowed"_s);

        // Six failed logins for one account: the sixth is rate limited.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(s.login(VictimEmail, WrongPassword).status, 401);
        const HttpResult limited = s.login(VictimEmail, WrongPassword);
        QVERIFY2(limited.status == 429, qPrintable(describe(limited)));

        // Another tenant's activity.
        const Session globex = loginSession(s, GlobexEmail, GlobexPassword);
        const auto globexKey = s.createKey(u"globex key"_s, {u"read:products"_s}, {}, TestServer::bearer(globex.token));
        QVERIFY(!globexKey.first.isEmpty());

        const HttpResult all = s.get(u"/api/v1/audit-events?limit=1000"_s, h);
        QVERIFY2(all.status == 200, qPrintable(describe(all)));
        const QList<QJsonObject> events = eventsOf(all);
        const QString seen = actions(events);
        for (const QJsonObject& e : events) {
            for (const QString& field :
                 {u"id"_s, u"at"_s, u"actor"_s, u"action"_s, u"targetKind"_s, u"targetId"_s, u"ip"_s})
                QVERIFY2(e.contains(field), qPrintable(field + u" missing in "_s + e.value(u"action"_s).toString()));
            QVERIFY(QDateTime::fromString(e.value(u"at"_s).toString(), Qt::ISODate).isValid());
            QVERIFY(e.value(u"at"_s).toString().endsWith(u'Z'));
            if (e.contains(u"tenantId"_s))
                QCOMPARE(e.value(u"tenantId"_s).toString(), u"default"_s);
        }

        auto expect = [&](const QString& action, const QString& targetId, const QString& actor,
                          const QString& targetKind) -> std::optional<QJsonObject> {
            const auto e = findEvent(events, action, targetId, actor);
            if (!e)
                return std::nullopt;
            if (!targetKind.isEmpty() && e->value(u"targetKind"_s).toString() != targetKind)
                return std::nullopt;
            if (e->value(u"ip"_s).toString() != u"127.0.0.1"_s)
                return std::nullopt;
            return e;
        };
        QVERIFY2(expect(u"apiKey.create"_s, key.first, adminActor, u"apiKey"_s), qPrintable(seen));
        QVERIFY2(expect(u"apiKey.update"_s, key.first, adminActor, u"apiKey"_s), qPrintable(seen));
        QVERIFY2(expect(u"apiKey.rotate"_s, key.first, adminActor, u"apiKey"_s), qPrintable(seen));
        QVERIFY2(expect(u"apiKey.revoke"_s, successor, adminActor, u"apiKey"_s), qPrintable(seen));
        QVERIFY2(expect(u"login"_s, first.sessionId, adminActor, u"session"_s), qPrintable(seen));
        QVERIFY2(expect(u"login"_s, second.sessionId, adminActor, u"session"_s), qPrintable(seen));
        // A failed login names the login it tried, and the account it hit.
        QVERIFY2(expect(u"login.failed"_s, first.userId, u"user:"_s + first.userId, u"user"_s), qPrintable(seen));
        QVERIFY2(findEvent(events, u"login.failed"_s, {}, {}), qPrintable(seen));
        QVERIFY2(expect(u"refresh.reuse"_s, second.sessionId, adminActor, u"session"_s), qPrintable(seen));
        // The IP refusal is recorded against the key, with the address it came from.
        QVERIFY2(expect(u"auth.refused"_s, office.first, u"apiKey:"_s + office.first, u"apiKey"_s), qPrintable(seen));

        // The audit log never holds a secret.
        QVERIFY(!all.body.contains(key.second.toLatin1()));
        QVERIFY(!all.body.contains(rotated.data().value(u"secret"_s).toString().toLatin1()));
        QVERIFY(!all.body.contains(first.refreshToken.toLatin1()));
        QVERIFY(!all.body.contains(WrongPassword));

        // Another tenant's events are not visible, and this tenant's are not visible to it.
        QVERIFY2(!all.body.contains(globexKey.first.toLatin1()), qPrintable(seen));
        QVERIFY(!all.body.contains(globex.sessionId.toLatin1()));
        QVERIFY(eventsOf(s.get(u"/api/v1/audit-events?targetId="_s + globexKey.first, h)).isEmpty());
        const HttpResult theirs = s.get(u"/api/v1/audit-events?limit=1000"_s, TestServer::bearer(globex.token));
        QCOMPARE(theirs.status, 200);
        QVERIFY(findEvent(eventsOf(theirs), u"apiKey.create"_s, globexKey.first));
        QVERIFY(!theirs.body.contains(key.first.toLatin1()));
        QVERIFY(!theirs.body.contains(first.sessionId.toLatin1()));

        // Reading the audit log needs admin.
        const auto reader = s.createKey(u"reader"_s, {u"read:products"_s}, {}, h);
        const HttpResult byReader = s.get(u"/api/v1/audit-events"_s, TestServer::apiKey(reader.second));
        QCOMPARE(byReader.status, 403);
        QCOMPARE(byReader.errorCode(), u"insufficient_scope"_s);

        // Last, as it is the check most likely to fail: the rate-limited attempt is recorded too, visible to the
        // tenant of the account it hit (the victim is a member of this tenant only).
        const auto limitedEvent = findEvent(events, u"login.rate_limited"_s, {}, {});
        QVERIFY2(limitedEvent, qPrintable(seen));
        QCOMPARE(limitedEvent->value(u"ip"_s).toString(), u"127.0.0.1"_s);
    }

    void auditPagesAndFilters()
    {
        TestServer s;
        QVERIFY(s.start());
        const Headers h = TestServer::bearer(s.adminToken());
        const auto a = s.createKey(u"paged a"_s, {u"read:products"_s}, {}, h);
        const auto b = s.createKey(u"paged b"_s, {u"read:products"_s}, {}, h);
        QVERIFY(!a.first.isEmpty() && !b.first.isEmpty());
        QCOMPARE(s.patch(u"/api/v1/api-keys/"_s + a.first, {{u"description"_s, u"paged"_s}}, h).status, 200);
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + a.first + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, h).status, 201);
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + b.first + u"/revoke"_s, {}, h).status, 200);

        const HttpResult full = s.get(u"/api/v1/audit-events?limit=1000"_s, h);
        QCOMPARE(full.status, 200);
        QStringList expected;
        for (const QJsonObject& e : eventsOf(full))
            expected.append(e.value(u"id"_s).toString());
        QVERIFY2(expected.size() >= 6,
                 qPrintable(actions(eventsOf(full)))); // login + 2 creates + update + rotate + revoke
        QVERIFY(full.data().value(u"nextCursor"_s).isNull());

        QStringList paged;
        QString cursor;
        int pages = 0;
        do {
            const HttpResult page =
                s.get(u"/api/v1/audit-events?limit=2"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor), h);
            QVERIFY2(page.status == 200, qPrintable(describe(page)));
            const QList<QJsonObject> items = eventsOf(page);
            QVERIFY(items.size() <= 2);
            if (pages == 0) {
                QCOMPARE(items.size(), 2);
                QVERIFY(page.data().value(u"nextCursor"_s).isString());
            }
            for (const QJsonObject& e : items) {
                const QString id = e.value(u"id"_s).toString();
                QVERIFY2(!paged.contains(id), qPrintable(u"duplicate event "_s + id));
                paged.append(id);
            }
            cursor = page.data().value(u"nextCursor"_s).toString();
            QVERIFY(++pages <= expected.size() + 1);
        } while (!cursor.isEmpty());
        QCOMPARE(paged, expected);

        // targetId narrows to one credential's history.
        const HttpResult forA = s.get(u"/api/v1/audit-events?targetId="_s + a.first, h);
        QCOMPARE(forA.status, 200);
        QSet<QString> seenActions;
        for (const QJsonObject& e : eventsOf(forA)) {
            QCOMPARE(e.value(u"targetId"_s).toString(), a.first);
            seenActions.insert(e.value(u"action"_s).toString());
        }
        QCOMPARE(seenActions, (QSet<QString>{u"apiKey.create"_s, u"apiKey.update"_s, u"apiKey.rotate"_s}));
        const HttpResult forB = s.get(u"/api/v1/audit-events?targetId="_s + b.first, h);
        QSet<QString> bActions;
        for (const QJsonObject& e : eventsOf(forB)) {
            QCOMPARE(e.value(u"targetId"_s).toString(), b.first);
            bActions.insert(e.value(u"action"_s).toString());
        }
        QCOMPARE(bActions, (QSet<QString>{u"apiKey.create"_s, u"apiKey.revoke"_s}));
        QVERIFY(eventsOf(s.get(u"/api/v1/audit-events?targetId=key_nothing"_s, h)).isEmpty());

        // action narrows to any of the actions named.
        const HttpResult revokesAndRotations = s.get(u"/api/v1/audit-events?action=apiKey.revoke,apiKey.rotate"_s, h);
        QCOMPARE(revokesAndRotations.status, 200);
        QStringList narrowed;
        for (const QJsonObject& e : eventsOf(revokesAndRotations))
            narrowed.append(e.value(u"action"_s).toString());
        narrowed.sort();
        QCOMPARE(narrowed, (QStringList{u"apiKey.revoke"_s, u"apiKey.rotate"_s}));
        // since (inclusive) and until (exclusive) narrow to a time range.
        const QList<QJsonObject> all = eventsOf(full);
        const QString newest = all.constFirst().value(u"at"_s).toString();
        const QString oldest = all.constLast().value(u"at"_s).toString();
        const QString later = td::protocol::toIso(td::protocol::fromIso(newest).addSecs(1));
        QVERIFY(eventsOf(s.get(u"/api/v1/audit-events?since="_s + later, h)).isEmpty());
        QCOMPARE(eventsOf(s.get(u"/api/v1/audit-events?limit=1000&since="_s + oldest + u"&until="_s + later, h)).size(),
                 all.size());
        QVERIFY(eventsOf(s.get(u"/api/v1/audit-events?until="_s + oldest, h)).isEmpty());
        // Names for people: the actor's e-mail, the target's "name (prefix…last4)".
        for (const QJsonObject& e : eventsOf(forB)) {
            QCOMPARE(e.value(u"actorName"_s).toString(), QString::fromLatin1(TestServer::AdminEmail));
            const QString name = e.value(u"targetName"_s).toString();
            QVERIFY2(name.startsWith(u"paged b (tdk_"_s) && name.contains(u"…"_s), qPrintable(name));
        }

        for (const QString& bad : {u"?limit=0"_s, u"?limit=1001"_s, u"?cursor=abc"_s, u"?cursor=-5"_s, u"?action="_s,
                                   u"?action=drop%20table"_s, u"?since=yesterday"_s, u"?until=2030-13-01T00:00:00Z"_s,
                                   u"?since=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z"_s}) {
            const HttpResult r = s.get(u"/api/v1/audit-events"_s + bad, h);
            QVERIFY2(r.status == 400 && r.errorCode() == u"validation_error"_s,
                     qPrintable(bad + u": "_s + describe(r)));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerSupport)
#include "tst_server_support.moc"
