// Usage insight against the real server (issue 12): a refusal recorded for each reason, rotation drain and its
// grace, the risk findings (each for a credential built to match it, and not for one built not to), least-privilege
// narrowing, a crash losing at most the last batch of counts, and who may read any of it.
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

QString future(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate);
}

Headers withHeader(Headers headers, const QByteArray& name, const QByteArray& value)
{
    headers.append({name, value});
    return headers;
}

// The findings of one type: credential id -> its entry.
QHash<QString, QJsonObject> findingsOf(const QJsonObject& data, const QString& type)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue& f : data.value(u"findings"_s).toArray()) {
        if (f.toObject().value(u"type"_s).toString() != type)
            continue;
        for (const QJsonValue& c : f.toObject().value(u"credentials"_s).toArray())
            out.insert(c.toObject().value(u"id"_s).toString(), c.toObject());
    }
    return out;
}

// A new admin session: the server's clock moved past the cached one's expiry.
Headers freshAdmin(TestServer& s)
{
    return TestServer::bearer(s.login(QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword)
                                  .data()
                                  .value(u"token"_s)
                                  .toString());
}

QStringList refusalReasons(const QJsonObject& usage)
{
    QStringList out;
    for (const QJsonValue& r : usage.value(u"refusals"_s).toArray())
        out.append(r.toObject().value(u"reason"_s).toString());
    out.sort();
    return out;
}

} // namespace

class TestServerUsage : public QObject
{
    Q_OBJECT

private slots:
    void everyReasonOfRefusalIsRecorded()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"refused"_s, {u"read:products"_s}, {{u"expiresAt"_s, future(1)}});
        const auto fenced =
            s.createKey(u"fenced"_s, {u"read:products"_s}, {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}});
        const auto revoked = s.createKey(u"revoked"_s, {u"read:products"_s});
        const Headers h = TestServer::apiKey(key.second);
        QCOMPARE(s.get(u"/api/v1/orders"_s, h).errorCode(), u"insufficient_scope"_s);
        QCOMPARE(s.get(u"/api/v1/products"_s, withHeader(h, "X-Tenant-Id", "globex")).errorCode(),
                 u"tenant_forbidden"_s);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(fenced.second)).errorCode(), u"ip_not_allowed"_s);
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + revoked.first + u"/revoke"_s, {}, s.admin()).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(revoked.second)).errorCode(), u"token_not_valid"_s);
        QVERIFY(s.advanceClock(2 * 24 * 3600));
        QCOMPARE(s.get(u"/api/v1/products"_s, h).errorCode(), u"token_not_valid"_s); // expired now

        const Headers admin = freshAdmin(s);
        const auto usage = [&](const QString& id) {
            return s.get(u"/api/v1/api-keys/"_s + id + u"/usage"_s, admin).data();
        };
        const QJsonObject mine = usage(key.first);
        QCOMPARE(refusalReasons(mine),
                 (QStringList{u"insufficient_scope"_s, u"tenant_forbidden"_s, u"token_not_valid"_s}));
        bool sawExpiry = false;
        for (const QJsonValue& r : mine.value(u"refusals"_s).toArray())
            sawExpiry |= r.toObject().value(u"detail"_s).toString().contains(u"expired"_s);
        QVERIFY(sawExpiry);
        QCOMPARE(refusalReasons(usage(fenced.first)), QStringList{u"ip_not_allowed"_s});
        // The Token Inspector's question, "why was my call refused?", has the same answer.
        const QJsonObject inspected =
            s.post(u"/api/v1/tokens/introspect"_s, {{u"token"_s, fenced.second}}, admin).data();
        QCOMPARE(inspected.value(u"refusals"_s).toArray().size(), 1);
        QCOMPARE(inspected.value(u"refusals"_s).toArray().at(0).toObject().value(u"reason"_s).toString(),
                 u"ip_not_allowed"_s);
        QCOMPARE(inspected.value(u"ipAllowlist"_s).toArray(), QJsonArray{u"10.0.0.0/8"_s});
        const QJsonObject gone = usage(revoked.first);
        QCOMPARE(refusalReasons(gone), QStringList{u"token_not_valid"_s});
        QVERIFY(
            gone.value(u"refusals"_s).toArray().at(0).toObject().value(u"detail"_s).toString().contains(u"revoked"_s));
        QCOMPARE(gone.value(u"refusals"_s).toArray().at(0).toObject().value(u"ip"_s).toString(), u"127.0.0.1"_s);
    }

    void rotationDrainAndGrace()
    {
        TestServer s;
        QVERIFY(s.start({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        const auto old = s.createKey(u"billing"_s, {u"read:products"_s});
        const auto plain = s.createKey(u"never rotated"_s, {u"read:products"_s});
        const QString path = u"/api/v1/api-keys/"_s + old.first;
        const auto call = [&](const QByteArray& ip) {
            return s.get(u"/api/v1/products"_s, withHeader(TestServer::apiKey(old.second), "X-Forwarded-For", ip))
                .status;
        };
        QCOMPARE(call("10.0.0.1"), 200); // before the rotation: not counted as drain
        QCOMPARE(s.get(path + u"/usage"_s, s.admin()).data().value(u"drain"_s), QJsonValue(QJsonValue::Null));
        const HttpResult rotated = s.post(path + u"/rotate"_s, {{u"graceSeconds"_s, 3600}}, s.admin());
        QCOMPARE(rotated.status, 201);
        const QString successor = rotated.data().value(u"apiKey"_s).toObject().value(u"id"_s).toString();
        for (const QByteArray ip : {"10.0.0.2", "10.0.0.2", "10.0.0.3"})
            QCOMPARE(call(ip), 200);

        const QJsonObject drain = s.get(path + u"/usage"_s, s.admin()).data().value(u"drain"_s).toObject();
        QCOMPARE(drain.value(u"successorId"_s).toString(), successor);
        QCOMPARE(drain.value(u"inGrace"_s).toBool(), true);
        QCOMPARE(drain.value(u"requestsSinceRotation"_s).toInt(), 3);
        QCOMPARE(drain.value(u"requestsLastHour"_s).toInt(), 3);
        QStringList still;
        for (const QJsonValue& a : drain.value(u"addresses"_s).toArray())
            still.append(a.toObject().value(u"ip"_s).toString());
        still.sort();
        QCOMPARE(still, (QStringList{u"10.0.0.2"_s, u"10.0.0.3"_s}));
        // The counts were written (not only pending): the same after a graceful restart.
        s.stop();
        QVERIFY(s.restart({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        QCOMPARE(s.get(path + u"/usage"_s, s.admin())
                     .data()
                     .value(u"drain"_s)
                     .toObject()
                     .value(u"requestsSinceRotation"_s)
                     .toInt(),
                 3);

        // Extended, within the longest grace; not beyond it.
        const QDateTime now = s.serverNow();
        const HttpResult tooLong =
            s.post(path + u"/grace"_s, {{u"endsAt"_s, now.addDays(31).toString(Qt::ISODate)}}, s.admin());
        QCOMPARE(tooLong.status, 400);
        QVERIFY(tooLong.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"endsAt"_s));
        const QString later = now.addDays(2).toString(Qt::ISODate);
        const HttpResult extended = s.post(path + u"/grace"_s, {{u"endsAt"_s, later}}, s.admin());
        QCOMPARE(extended.status, 200);
        QCOMPARE(extended.data().value(u"apiKey"_s).toObject().value(u"expiresAt"_s).toString(), later);
        QVERIFY(s.advanceClock(24 * 3600)); // past the first grace: still works
        QCOMPARE(call("10.0.0.2"), 200);
        const Headers admin = freshAdmin(s);
        // Ended now: the old key fails at once, and the grace cannot be reopened.
        QCOMPARE(s.post(path + u"/grace"_s, {{u"endsAt"_s, now.toString(Qt::ISODate)}}, admin).status, 200);
        QCOMPARE(call("10.0.0.2"), 401);
        QCOMPARE(s.post(path + u"/grace"_s, {{u"endsAt"_s, later}}, admin).status, 409);
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + plain.first + u"/grace"_s, {{u"endsAt"_s, later}}, admin).status, 409);
        QCOMPARE(s.post(path + u"/grace"_s, {{u"endsAt"_s, u"soon"_s}}, admin).status, 400);
        QCOMPARE(s.get(path + u"/usage"_s, admin).data().value(u"drain"_s).toObject().value(u"inGrace"_s).toBool(),
                 false);
        // Audited, both changes.
        const QJsonArray events =
            s.get(u"/api/v1/audit-events?action=apiKey.grace"_s, admin).data().value(u"items"_s).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value(u"targetId"_s).toString(), old.first);
        // The successor works throughout.
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(rotated.data().value(u"secret"_s).toString())).status,
                 200);
    }

    void findingsNameWhatMatchesAndNothingElse()
    {
        TestServer s;
        QVERIFY(s.start());
        const QJsonObject expires{{u"expiresAt"_s, future(365)}};
        const auto neverUsed = s.createKey(u"never used"_s, {u"read:products"_s}, expires);
        const auto idle = s.createKey(u"idle"_s, {u"read:products"_s}, expires);
        const auto busy = s.createKey(u"busy"_s, {u"read:products"_s}, expires);
        const auto endless = s.createKey(u"endless"_s, {u"read:products"_s});
        const auto adminOpen = s.createKey(u"admin open"_s, {u"admin"_s}, expires);
        QJsonObject fencedBody = expires;
        fencedBody.insert(u"ipAllowlist"_s, QJsonArray{u"127.0.0.0/8"_s});
        const auto adminFenced = s.createKey(u"admin fenced"_s, {u"admin"_s}, fencedBody);
        const auto wide = s.createKey(u"wide"_s, {u"read:products"_s, u"write:orders"_s}, expires);
        const auto exact = s.createKey(u"exact"_s, {u"read:products"_s}, expires);
        const auto drained = s.createKey(u"rotated, used"_s, {u"read:products"_s}, expires);
        const auto quiet = s.createKey(u"rotated, quiet"_s, {u"read:products"_s}, expires);
        QJsonObject outsideBody = expires;
        outsideBody.insert(u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s});
        const auto refused = s.createKey(u"refused often"_s, {u"read:products"_s}, outsideBody);
        const auto refusedFew = s.createKey(u"refused a few times"_s, {u"read:products"_s}, outsideBody);
        for (const auto& k : {idle, busy, endless, exact, wide, drained, quiet, adminFenced})
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(k.second)).status, 200);
        QCOMPARE(s.get(u"/api/v1/me"_s, TestServer::apiKey(adminOpen.second)).status, 200);

        // A month later the idle key is used once more, then left alone.
        QVERIFY(s.advanceClock(31 * 24 * 3600));
        Headers admin = freshAdmin(s);
        for (const auto& k : {idle, busy, exact, wide})
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(k.second)).status, 200);
        for (const auto& k : {drained, quiet})
            QCOMPARE(
                s.post(u"/api/v1/api-keys/"_s + k.first + u"/rotate"_s, {{u"graceSeconds"_s, 30 * 24 * 3600}}, admin)
                    .status,
                201);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(drained.second)).status, 200);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(refused.second)).status, 403);
        for (int i = 0; i < 9; ++i)
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(refusedFew.second)).status, 403);

        QJsonObject data;
        // Written by the next flush (findings read the database).
        QTRY_VERIFY_WITH_TIMEOUT(
            findingsOf(data = s.get(u"/api/v1/findings"_s, admin).data(), u"refusedOften"_s).contains(refused.first),
            10000);
        const auto expect = [&data](const QString& type, const QString& yes, const QString& no) {
            const auto found = findingsOf(data, type);
            if (!found.contains(yes) || found.contains(no))
                qWarning().noquote() << type << "found" << found.keys() << "expected" << yes << "not" << no;
            return found.contains(yes) && !found.contains(no);
        };
        QVERIFY(expect(u"neverUsed"_s, neverUsed.first, busy.first));
        QVERIFY(expect(u"neverExpires"_s, endless.first, busy.first));
        QVERIFY(expect(u"adminWithoutAllowlist"_s, adminOpen.first, adminFenced.first));
        QVERIFY(expect(u"unusedScopes"_s, wide.first, exact.first));
        const QJsonObject advice = findingsOf(data, u"unusedScopes"_s).value(wide.first);
        QCOMPARE(advice.value(u"usedScopes"_s).toArray(), QJsonArray{u"read:products"_s});
        QCOMPARE(advice.value(u"unusedScopes"_s).toArray(), QJsonArray{u"write:orders"_s});
        QVERIFY(expect(u"usedAfterRotation"_s, drained.first, quiet.first));
        QVERIFY(expect(u"refusedOften"_s, refused.first, refusedFew.first));
        QCOMPARE(findingsOf(data, u"refusedOften"_s).value(refused.first).value(u"refusals"_s).toInt(), 10);
        QVERIFY(findingsOf(data, u"idle"_s).isEmpty()); // nothing idle for 90 days yet
        for (const QJsonValue& f : data.value(u"findings"_s).toArray()) {
            const QJsonObject finding = f.toObject();
            QCOMPARE(finding.value(u"count"_s).toInt(), finding.value(u"credentials"_s).toArray().size());
            QVERIFY(QStringList({u"high"_s, u"medium"_s, u"low"_s}).contains(finding.value(u"severity"_s).toString()));
        }

        // 91 days on, the idle key is idle; the busy one, used again, is not.
        QVERIFY(s.advanceClock(91 * 24 * 3600));
        admin = freshAdmin(s);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(busy.second)).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            (data = s.get(u"/api/v1/findings"_s, admin).data(),
             findingsOf(data, u"idle"_s).contains(idle.first) && !findingsOf(data, u"idle"_s).contains(busy.first)),
            10000);
    }

    void narrowingScopesAndExpiryOnly()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"wide"_s, {u"read:products"_s, u"write:orders"_s, u"read:orders"_s});
        const QString path = u"/api/v1/api-keys/"_s + key.first;
        QCOMPARE(s.get(u"/api/v1/orders"_s, TestServer::apiKey(key.second)).status, 200);
        // Widening is refused and changes nothing.
        const HttpResult wider = s.patch(path, {{u"scopes"_s, QJsonArray{u"read:products"_s, u"admin"_s}}}, s.admin());
        QCOMPARE(wider.status, 400);
        QVERIFY(wider.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"scopes"_s));
        QCOMPARE(s.patch(path, {{u"scopes"_s, QJsonArray{}}}, s.admin()).status, 400);
        const HttpResult narrowed =
            s.patch(path, {{u"scopes"_s, QJsonArray{u"read:orders"_s, u"read:products"_s}}}, s.admin());
        QCOMPARE(narrowed.status, 200);
        QCOMPARE(narrowed.data().value(u"apiKey"_s).toObject().value(u"scopes"_s).toArray(),
                 (QJsonArray{u"read:products"_s, u"read:orders"_s}));
        QCOMPARE(s.post(u"/api/v1/orders"_s, {{u"item"_s, u"x"_s}}, TestServer::apiKey(key.second)).errorCode(),
                 u"insufficient_scope"_s);
        QCOMPARE(s.get(u"/api/v1/orders"_s, TestServer::apiKey(key.second)).status, 200);
        // An expiry can be set and brought forward, never pushed back or removed.
        const QString inAMonth = future(30);
        QCOMPARE(s.patch(path, {{u"expiresAt"_s, inAMonth}}, s.admin()).status, 200);
        QCOMPARE(s.patch(path, {{u"expiresAt"_s, future(60)}}, s.admin()).status, 400);
        QCOMPARE(s.patch(path, {{u"expiresAt"_s, QJsonValue()}}, s.admin()).status, 400);
        QCOMPARE(s.get(path, s.admin()).data().value(u"apiKey"_s).toObject().value(u"expiresAt"_s).toString(),
                 inAMonth);
        const QJsonArray events =
            s.get(u"/api/v1/audit-events?action=apiKey.update"_s, s.admin()).data().value(u"items"_s).toArray();
        QCOMPARE(events.size(), 2);
        QVERIFY(events.at(1).toObject().value(u"detail"_s).toString().contains(u"read:products read:orders"_s));
    }

    void aCrashLosesAtMostTheLastBatch()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"counted"_s, {u"read:products"_s});
        for (int i = 0; i < 5; ++i)
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        // Wait for the batch to reach the database file.
        const auto written = [&s, &key] {
            QSqlDatabase db = s.openDatabase(u"peek"_s);
            int sum = -1;
            if (db.isOpen()) {
                QSqlQuery q(db);
                q.prepare(u"SELECT COALESCE(SUM(count), 0) FROM usage_daily WHERE credential_id = ?"_s);
                q.addBindValue(key.first);
                if (q.exec() && q.next())
                    sum = q.value(0).toInt();
            }
            db = {};
            QSqlDatabase::removeDatabase(u"peek"_s);
            return sum;
        };
        QTRY_COMPARE_WITH_TIMEOUT(written(), 5, 10000);
        // Three more, an acknowledged new key and revoke, then a crash before the next flush can be relied on.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        const auto late = s.createKey(u"made just before the crash"_s, {u"read:products"_s});
        QVERIFY(!late.first.isEmpty());
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + key.first + u"/revoke"_s, {}, s.admin()).status, 200);
        s.kill();
        QVERIFY(s.restart());
        const int total =
            s.get(u"/api/v1/api-keys/"_s + key.first + u"/usage"_s, s.admin()).data().value(u"total"_s).toInt();
        QVERIFY2(total >= 5 && total <= 8, qPrintable(QString::number(total)));
        // Nothing else is lost: the key made and the revoke acknowledged before the crash, and their audit events.
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(late.second)).status, 200);
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 401);
        const QJsonArray events = s.get(u"/api/v1/audit-events?action=apiKey.create,apiKey.revoke"_s, s.admin())
                                      .data()
                                      .value(u"items"_s)
                                      .toArray();
        QCOMPARE(events.size(), 3);
    }

    void onlyTheTenantsAdminsSeeUsageFindingsAndGrace()
    {
        TestServer s;
        QVERIFY(s.start());
        const auto key = s.createKey(u"ours"_s, {u"read:products"_s});
        QCOMPARE(
            s.post(u"/api/v1/api-keys/"_s + key.first + u"/rotate"_s, {{u"graceSeconds"_s, 600}}, s.admin()).status,
            201);
        QVERIFY(s.addUser(u"boss@globex.test"_s, u"globex"_s, u"admin"_s, "globex password 123"));
        QVERIFY(s.addUser(u"member@example.test"_s, u"default"_s, u"member"_s, "member password 123"));
        const Headers globex = TestServer::bearer(
            s.login(u"boss@globex.test"_s, "globex password 123").data().value(u"token"_s).toString());
        const Headers member = TestServer::bearer(
            s.login(u"member@example.test"_s, "member password 123").data().value(u"token"_s).toString());
        const QString path = u"/api/v1/api-keys/"_s + key.first;
        const QJsonObject grace{{u"endsAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        // Another tenant's admin: as if the credential did not exist.
        QCOMPARE(s.get(path + u"/usage"_s, globex).status, 404);
        QCOMPARE(s.post(path + u"/grace"_s, grace, globex).status, 404);
        const HttpResult theirs = s.get(u"/api/v1/findings"_s, globex);
        QCOMPARE(theirs.status, 200);
        QVERIFY(!theirs.body.contains(key.first.toUtf8()));
        // A member of the tenant who is not an admin: refused.
        QCOMPARE(s.get(path + u"/usage"_s, member).status, 403);
        QCOMPARE(s.post(path + u"/grace"_s, grace, member).status, 403);
        QCOMPARE(s.get(u"/api/v1/findings"_s, member).status, 403);
        // The tenant's admin: all of it.
        QCOMPARE(s.get(path + u"/usage"_s, s.admin()).status, 200);
        QVERIFY(s.get(u"/api/v1/findings"_s, s.admin()).body.contains(key.first.toUtf8()));
        QCOMPARE(s.post(path + u"/grace"_s, grace, s.admin()).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerUsage)
#include "tst_server_usage.moc"
