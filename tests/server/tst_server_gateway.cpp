// TokenDesk as the authorisation service of another API, against the real server: forward-auth as nginx, Traefik
// and Envoy ask it, per-credential rate limits with the RateLimit headers, suspension, and RFC 7662 introspection.
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

const char* const Policy = "GET,HEAD   /api/products/**   read:products\n"
                           "POST       /api/products      write:products\n"
                           "GET        /api/whoami        authenticated\n"
                           "*          /api/internal/**   deny\n";

Headers with(Headers headers, const QByteArray& name, const QByteArray& value)
{
    headers.append({name, value});
    return headers;
}

Headers original(const Headers& base, const QByteArray& method, const QByteArray& uri)
{
    return with(with(base, "X-Original-Method", method), "X-Original-URI", uri);
}

QByteArray header(const HttpResult& r, const QByteArray& name)
{
    for (const auto& [key, value] : r.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class TestServerGateway : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

private slots:
    void initTestCase()
    {
        QFile policy(m_server.dir() + u"/policy.conf"_s);
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write(Policy);
        policy.close();
        QVERIFY(m_server.start({u"--authz-policy"_s, policy.fileName()}));
    }

    void forwardAuthDecidesByThePolicy()
    {
        TestServer& s = m_server;
        const auto key = s.createKey(u"reader"_s, {u"read:products"_s});
        const Headers h = TestServer::apiKey(key.second);
        // No credential: 401 with WWW-Authenticate.
        const HttpResult none = s.get(u"/api/v1/authz"_s, original({}, "GET", "/api/products/1"));
        QCOMPARE(none.status, 401);
        QVERIFY(!header(none, "WWW-Authenticate").isEmpty());
        // Allowed: 204 with who is calling, for the upstream.
        const HttpResult ok = s.get(u"/api/v1/authz"_s, original(h, "GET", "/api/products/1?expand=images"));
        QCOMPARE(ok.status, 204);
        QVERIFY(ok.body.isEmpty());
        QCOMPARE(header(ok, "X-TokenDesk-Subject"), key.first.toUtf8());
        QCOMPARE(header(ok, "X-TokenDesk-Kind"), QByteArray("apiKey"));
        QCOMPARE(header(ok, "X-TokenDesk-Tenant"), QByteArray("default"));
        QCOMPARE(header(ok, "X-TokenDesk-Scopes"), QByteArray("read:products"));
        // The method decides too; what no rule allows is denied; a deny rule denies even an admin.
        const HttpResult post = s.post(u"/api/v1/authz"_s, {}, original(h, "POST", "/api/products"));
        QCOMPARE(post.status, 403);
        QCOMPARE(post.errorCode(), u"insufficient_scope"_s);
        QCOMPARE(s.get(u"/api/v1/authz"_s, original(h, "GET", "/api/orders")).errorCode(), u"forbidden"_s);
        QCOMPARE(s.get(u"/api/v1/authz"_s, original(s.admin(), "GET", "/api/internal/x")).errorCode(), u"forbidden"_s);
        QCOMPARE(s.get(u"/api/v1/authz"_s, original(s.admin(), "GET", "/api/whoami")).status, 204);
        // A path that could mean something else upstream is refused before any rule.
        for (const QByteArray uri : {"/api/products/../internal/x", "/api/products/%2e%2e/internal", "/api//x",
                                     "/api/products%2F..%2Finternal"}) {
            const HttpResult tricky = s.get(u"/api/v1/authz"_s, original(h, "GET", uri));
            QVERIFY2(tricky.status == 403 && tricky.errorCode() == u"forbidden"_s, uri.constData());
        }
        // Traefik's headers, and Envoy's request line under the prefix.
        QCOMPARE(
            s.get(u"/api/v1/authz"_s, with(with(h, "X-Forwarded-Method", "GET"), "X-Forwarded-Uri", "/api/products/2"))
                .status,
            204);
        QCOMPARE(s.get(u"/api/v1/authz/api/products/3"_s, h).status, 204);
        QCOMPARE(s.post(u"/api/v1/authz/api/products"_s, {}, h).errorCode(), u"insufficient_scope"_s);
        // Nothing to decide on: a clear error.
        QCOMPARE(s.get(u"/api/v1/authz"_s, h).status, 400);
        // Uses and refusals count as for any request.
        const QJsonObject usage = s.get(u"/api/v1/api-keys/"_s + key.first + u"/usage"_s, s.admin()).data();
        QVERIFY(usage.value(u"total"_s).toInt() >= 5);
        QStringList reasons;
        for (const QJsonValue& r : usage.value(u"refusals"_s).toArray())
            reasons.append(r.toObject().value(u"reason"_s).toString());
        QVERIFY2(reasons.contains(u"insufficient_scope"_s), qPrintable(reasons.join(u' ')));
    }

    void rateLimitsAnswer429WithTheHeaders()
    {
        TestServer& s = m_server;
        const auto key = s.createKey(u"limited"_s, {u"read:products"_s, u"admin"_s},
                                     {{u"rateLimit"_s, QJsonObject{{u"requests"_s, 5}, {u"perSeconds"_s, 60}}}});
        QVERIFY(!key.first.isEmpty());
        const Headers h = TestServer::apiKey(key.second);
        for (int i = 0; i < 5; ++i) {
            const HttpResult r = s.get(u"/api/v1/products"_s, h);
            QCOMPARE(r.status, 200);
            QCOMPARE(header(r, "RateLimit-Limit"), QByteArray("5"));
            QCOMPARE(header(r, "RateLimit-Remaining"), QByteArray::number(4 - i));
        }
        const HttpResult limited = s.get(u"/api/v1/products"_s, h);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        const int retry = header(limited, "Retry-After").toInt();
        QVERIFY2(retry >= 1 && retry <= 60, header(limited, "Retry-After").constData());
        QCOMPARE(header(limited, "RateLimit-Remaining"), QByteArray("0"));
        QVERIFY(header(limited, "RateLimit-Reset").toInt() >= 1);
        // Through forward-auth too; a gateway that only takes 401 and 403 (nginx) gets 403 and the real status.
        QCOMPARE(s.get(u"/api/v1/authz"_s, original(h, "GET", "/api/products/1")).status, 429);
        const HttpResult viaNginx =
            s.get(u"/api/v1/authz"_s, with(original(h, "GET", "/api/products/1"), "X-TokenDesk-Gateway", "nginx"));
        QCOMPARE(viaNginx.status, 403);
        QCOMPARE(header(viaNginx, "X-TokenDesk-Status"), QByteArray("429"));
        QCOMPARE(header(viaNginx, "X-TokenDesk-Error"), QByteArray("rate_limited"));
        // Recorded as refusals; another key is not affected.
        const auto other = s.createKey(u"unlimited"_s, {u"read:products"_s});
        const HttpResult free = s.get(u"/api/v1/products"_s, TestServer::apiKey(other.second));
        QCOMPARE(free.status, 200);
        QVERIFY(header(free, "RateLimit-Limit").isEmpty());
        QStringList reasons;
        for (const QJsonValue& r :
             s.get(u"/api/v1/api-keys/"_s + key.first + u"/usage"_s, s.admin()).data().value(u"refusals"_s).toArray())
            reasons.append(r.toObject().value(u"reason"_s).toString());
        QVERIFY(reasons.contains(u"rate_limited"_s));
        // Bad limits are refused; a limited credential can only create credentials limited at least as tightly.
        for (const QJsonValue& bad : {QJsonValue(QJsonObject{{u"requests"_s, 0}, {u"perSeconds"_s, 1}}),
                                      QJsonValue(QJsonObject{{u"requests"_s, 5}}), QJsonValue(u"5/s"_s)}) {
            QCOMPARE(
                s.post(u"/api/v1/api-keys"_s,
                       {{u"name"_s, u"bad"_s}, {u"scopes"_s, QJsonArray{u"read:products"_s}}, {u"rateLimit"_s, bad}},
                       s.admin())
                    .status,
                400);
        }
    }

    void aLimitedCredentialMintsOnlyTighterLimits()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"limited admin"_s, {u"read:products"_s, u"admin"_s},
                                     {{u"rateLimit"_s, QJsonObject{{u"requests"_s, 100}, {u"perSeconds"_s, 60}}}});
        const Headers h = TestServer::apiKey(key.second);
        const auto make = [&](const QJsonValue& limit) {
            return s.post(
                u"/api/v1/api-keys"_s,
                {{u"name"_s, u"child"_s}, {u"scopes"_s, QJsonArray{u"read:products"_s}}, {u"rateLimit"_s, limit}}, h);
        };
        QCOMPARE(make(QJsonValue()).status, 403);                                             // unlimited
        QCOMPARE(make(QJsonObject{{u"requests"_s, 200}, {u"perSeconds"_s, 60}}).status, 403); // looser
        QCOMPARE(make(QJsonObject{{u"requests"_s, 1}, {u"perSeconds"_s, 1}}).status, 201);    // 60/min
        QCOMPARE(make(QJsonObject{{u"requests"_s, 10}, {u"perSeconds"_s, 60}}).status, 201);
        // An admin session sets and lifts limits by PATCH.
        const auto child = s.createKey(u"patched"_s, {u"read:products"_s});
        const QString path = u"/api/v1/api-keys/"_s + child.first;
        const HttpResult set =
            s.patch(path, {{u"rateLimit"_s, QJsonObject{{u"requests"_s, 1}, {u"perSeconds"_s, 60}}}}, s.admin());
        QCOMPARE(set.status, 200);
        QCOMPARE(set.data().value(u"apiKey"_s).toObject().value(u"rateLimit"_s).toObject().value(u"requests"_s).toInt(),
                 1);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(child.second)).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(child.second)).status, 429);
        QCOMPARE(s.patch(path, {{u"rateLimit"_s, QJsonValue()}}, s.admin()).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(child.second)).status, 200);
    }

    void suspendAndResume()
    {
        TestServer& s = m_server;
        const auto key = s.createKey(u"paused"_s, {u"read:products"_s});
        const QString path = u"/api/v1/api-keys/"_s + key.first;
        const Headers h = TestServer::apiKey(key.second);
        QCOMPARE(s.get(u"/api/v1/products"_s, h).status, 200);
        const HttpResult suspended = s.post(path + u"/suspend"_s, {}, s.admin());
        QCOMPARE(suspended.status, 200);
        QCOMPARE(suspended.data().value(u"apiKey"_s).toObject().value(u"status"_s).toString(), u"suspended"_s);
        QVERIFY(!suspended.data().value(u"apiKey"_s).toObject().value(u"suspendedAt"_s).toString().isEmpty());
        const HttpResult refused = s.get(u"/api/v1/products"_s, h);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), u"credential_suspended"_s);
        QCOMPARE(s.get(u"/api/v1/authz"_s, original(h, "GET", "/api/products/1")).errorCode(),
                 u"credential_suspended"_s);
        QVERIFY(s.get(u"/api/v1/api-keys?status=suspended"_s, s.admin()).body.contains(key.first.toUtf8()));
        QVERIFY(!s.get(u"/api/v1/api-keys?status=active"_s, s.admin()).body.contains(key.first.toUtf8()));
        QCOMPARE(s.post(path + u"/suspend"_s, {}, s.admin()).status, 200); // again: nothing changes
        QCOMPARE(s.post(path + u"/resume"_s, {}, s.admin()).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, h).status, 200);
        const QJsonArray events =
            s.get(u"/api/v1/audit-events?action=apiKey.suspend,apiKey.resume&targetId="_s + key.first, s.admin())
                .data()
                .value(u"items"_s)
                .toArray();
        QCOMPARE(events.size(), 2); // the second suspend changed nothing and was not audited
        QCOMPARE(events.at(0).toObject().value(u"action"_s).toString(), u"apiKey.resume"_s);
        // Revoked: neither.
        QCOMPARE(s.post(path + u"/revoke"_s, {}, s.admin()).status, 200);
        QCOMPARE(s.post(path + u"/suspend"_s, {}, s.admin()).status, 409);
        QCOMPARE(s.post(u"/api/v1/api-keys/key_unknown/suspend"_s, {}, s.admin()).status, 404);
    }

    void introspectionFollowsRfc7662()
    {
        TestServer& s = m_server;
        const auto gateway = s.createKey(u"gateway"_s, {u"introspect"_s});
        const auto plain = s.createKey(u"no introspect"_s, {u"read:products"_s});
        const auto subject = s.createKey(u"subject"_s, {u"read:products"_s, u"read:orders"_s},
                                         {{u"expiresAt"_s, u"2099-01-31T00:00:00Z"_s}});
        const auto form = [&](const QByteArray& body, const Headers& auth) {
            return s.request("POST", u"/oauth2/introspect"_s, body,
                             with(auth, "Content-Type", "application/x-www-form-urlencoded"));
        };
        const Headers h = TestServer::apiKey(gateway.second);
        const HttpResult active = form("token=" + subject.second.toLatin1() + "&token_type_hint=access_token", h);
        QCOMPARE(active.status, 200);
        QVERIFY(!active.body.contains(subject.second.toLatin1())); // never echoed
        QCOMPARE(active.json.value(u"active"_s).toBool(), true);
        QCOMPARE(active.json.value(u"scope"_s).toString(), u"read:products read:orders"_s);
        QCOMPARE(active.json.value(u"client_id"_s).toString(), subject.first);
        QCOMPARE(active.json.value(u"token_type"_s).toString(), u"apiKey"_s);
        QCOMPARE(qint64(active.json.value(u"exp"_s).toDouble()),
                 QDateTime(QDate(2099, 1, 31), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        QVERIFY(active.json.value(u"iat"_s).toDouble() > 0);
        QVERIFY(!active.json.value(u"sub"_s).toString().isEmpty());
        QCOMPARE(active.json.value(u"iss"_s).toString(), u"tokendesk"_s);
        QCOMPARE(active.json.value(u"aud"_s).toString(), u"tokendesk-api"_s);
        // A session's access token.
        const HttpResult session = form("token=" + s.adminToken().toLatin1(), h);
        QCOMPARE(session.json.value(u"active"_s).toBool(), true);
        QCOMPARE(session.json.value(u"token_type"_s).toString(), u"access_token"_s);
        // Inactive: only that.
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + subject.first + u"/revoke"_s, {}, s.admin()).status, 200);
        for (const QByteArray& token : {subject.second.toLatin1(), QByteArray("tdk_garbage"), QByteArray("x")}) {
            const HttpResult inactive = form("token=" + token, h);
            QCOMPARE(inactive.status, 200);
            QCOMPARE(inactive.json, (QJsonObject{{u"active"_s, false}}));
        }
        // Another tenant's active key is unknown here.
        QVERIFY(s.addUser(u"boss@globex.test"_s, u"globex"_s, u"admin"_s, "globex password 123"));
        const auto theirs =
            s.createKey(u"globex key"_s, {u"read:products"_s}, {},
                        TestServer::bearer(
                            s.login(u"boss@globex.test"_s, "globex password 123").data().value(u"token"_s).toString()));
        QCOMPARE(form("token=" + theirs.second.toLatin1(), h).json, (QJsonObject{{u"active"_s, false}}));
        // Who may ask: an API key with "introspect", as a form.
        QCOMPARE(form("token=" + theirs.second.toLatin1(), TestServer::apiKey(plain.second)).status, 403);
        QCOMPARE(form("token=" + theirs.second.toLatin1(), {}).status, 401);
        QCOMPARE(form("", h).json.value(u"error"_s).toString(), u"invalid_request"_s);
        QCOMPARE(s.post(u"/oauth2/introspect"_s, {{u"token"_s, theirs.second}}, h).json.value(u"error"_s).toString(),
                 u"invalid_request"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerGateway)
#include "tst_server_gateway.moc"
