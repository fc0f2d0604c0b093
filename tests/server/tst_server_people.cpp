// Credentials follow their people (issue 17) through the real binary: a UAT or private token acts for its user
// and stops at once when the user is disabled, demoted below what it uses, or removed (and works again when
// re-enabled, unless revoked); members manage their own tokens and never another's; invitations with a one-time
// setup token; offboarding, the tenant's revoke setting, the creatorLeft finding; every change audited; tenant
// isolation of every new route; no change that locks a tenant out.
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::describe;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

constexpr auto Password = "a long enough pass phrase";

struct Token
{
    QString id;
    QByteArray secret;
};

QString inDays(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days).date().toString(Qt::ISODate);
}

Token createUat(TestServer& s, const Headers& auth, const QString& name, const QStringList& permissions)
{
    const HttpResult r = s.post(
        u"/api/v1/uats"_s,
        {{u"name"_s, name}, {u"permissions"_s, QJsonArray::fromStringList(permissions)}, {u"validUntil"_s, inDays(30)}},
        auth);
    if (r.status != 201)
        qWarning().noquote() << "UAT:" << describe(r);
    return {r.data().value(u"uat"_s).toObject().value(u"id"_s).toString(),
            r.data().value(u"secret"_s).toString().toLatin1()};
}

Token createPrivate(TestServer& s, const Headers& auth, const QString& name, const QStringList& scopes)
{
    const HttpResult r = s.post(u"/api/v1/private-tokens"_s,
                                {{u"name"_s, name},
                                 {u"scopes"_s, QJsonArray::fromStringList(scopes)},
                                 {u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate)}},
                                auth);
    if (r.status != 201)
        qWarning().noquote() << "private token:" << describe(r);
    return {r.data().value(u"privateToken"_s).toObject().value(u"id"_s).toString(),
            r.data().value(u"secret"_s).toString().toLatin1()};
}

Headers uat(const Token& t)
{
    return {{"Authorization", "UAT " + t.secret}};
}

Headers bearer(const Token& t)
{
    return {{"Authorization", "Bearer " + t.secret}};
}

// Adds a person to the default tenant and signs them in.
Headers person(TestServer& s, const QString& email, const QString& role)
{
    if (!s.addUser(email, u"default"_s, role, Password))
        return {};
    return TestServer::bearer(s.login(email, Password).data().value(u"token"_s).toString());
}

QString userId(TestServer& s, const QString& email)
{
    for (const QJsonValue& v : s.get(u"/api/v1/users"_s, s.admin()).data().value(u"items"_s).toArray()) {
        if (v.toObject().value(u"email"_s).toString() == email)
            return v.toObject().value(u"id"_s).toString();
    }
    return {};
}

QStringList ids(const HttpResult& list)
{
    QStringList out;
    for (const QJsonValue& v : list.data().value(u"items"_s).toArray())
        out.append(v.toObject().value(u"id"_s).toString());
    return out;
}

QStringList refusalReasons(TestServer& s, const QString& kindPath, const QString& id)
{
    QStringList out;
    const HttpResult usage = s.get(u"/api/v1/"_s + kindPath + u'/' + id + u"/usage"_s, s.admin());
    for (const QJsonValue& v : usage.data().value(u"refusals"_s).toArray())
        out.append(v.toObject().value(u"reason"_s).toString());
    return out;
}

QStringList auditActions(TestServer& s, const QString& targetId)
{
    QStringList out;
    for (const QJsonValue& v :
         s.get(u"/api/v1/audit-events?targetId="_s + targetId, s.admin()).data().value(u"items"_s).toArray())
        out.append(v.toObject().value(u"action"_s).toString());
    return out;
}

} // namespace

class TestServerPeople : public QObject
{
    Q_OBJECT

private slots:
    void tokensStopWithTheirUser()
    {
        TestServer s;
        QVERIFY(s.start());
        const Headers bob = person(s, u"bob@example.test"_s, u"admin"_s);
        QVERIFY(!bob.isEmpty());
        const Token brands = createUat(s, bob, u"brands"_s, {u"brand_create"_s});
        const Token admin = createPrivate(s, bob, u"bob's admin"_s, {u"admin"_s, u"read:products"_s});
        QVERIFY(!brands.id.isEmpty() && !admin.id.isEmpty());
        const QString bobId = userId(s, u"bob@example.test"_s);
        QVERIFY(!bobId.isEmpty());
        const auto works = [&] {
            return s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"Acme"_s}}, uat(brands)).status == 201 &&
                   s.get(u"/api/v1/api-keys"_s, bearer(admin)).status == 200;
        };
        QVERIFY(works());

        // Demoted: the private token loses admin at once (its other scope stays); promoted again: back.
        QCOMPARE(s.patch(u"/api/v1/users/"_s + bobId, {{u"role"_s, u"member"_s}}, s.admin()).status, 200);
        const HttpResult demoted = s.get(u"/api/v1/api-keys"_s, bearer(admin));
        QCOMPARE(demoted.status, 403);
        QCOMPARE(demoted.errorCode(), u"insufficient_scope"_s);
        QCOMPARE(s.get(u"/api/v1/products"_s, bearer(admin)).status, 200);
        QCOMPARE(s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"Acme"_s}}, uat(brands)).status, 201);
        QCOMPARE(s.patch(u"/api/v1/users/"_s + bobId, {{u"role"_s, u"admin"_s}}, s.admin()).status, 200);
        QVERIFY(works());

        // Disabled: sessions end, both tokens refused as not valid, recorded as owner_disabled; they are listed.
        const HttpResult disabled = s.patch(u"/api/v1/users/"_s + bobId, {{u"disabled"_s, true}}, s.admin());
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.data().value(u"user"_s).toObject().value(u"status"_s).toString(), u"disabled"_s);
        QCOMPARE(disabled.data().value(u"tokens"_s).toArray().size(), 2);
        QCOMPARE(disabled.data().value(u"tokensRevoked"_s).toBool(), false);
        QCOMPARE(s.get(u"/api/v1/me"_s, bob).status, 401);
        const HttpResult refused = s.get(u"/api/v1/products"_s, bearer(admin));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), u"token_not_valid"_s);
        QCOMPARE(s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"Acme"_s}}, uat(brands)).status, 401);
        QVERIFY(refusalReasons(s, u"private-tokens"_s, admin.id).contains(u"owner_disabled"_s));
        QVERIFY(refusalReasons(s, u"uats"_s, brands.id).contains(u"owner_disabled"_s));
        // A disabled person cannot sign in to the tenant either.
        QVERIFY(s.login(u"bob@example.test"_s, Password).status != 200);

        // Enabled again: the tokens work again (they were not revoked).
        QCOMPARE(s.patch(u"/api/v1/users/"_s + bobId, {{u"disabled"_s, false}}, s.admin()).status, 200);
        QVERIFY(works());

        // Removed: refused as owner_not_member.
        const HttpResult removed = s.request("DELETE", u"/api/v1/users/"_s + bobId + u"/membership"_s, {}, s.admin());
        QCOMPARE(removed.status, 200);
        QCOMPARE(removed.data().value(u"tokens"_s).toArray().size(), 2);
        QCOMPARE(s.get(u"/api/v1/products"_s, bearer(admin)).status, 401);
        QVERIFY(refusalReasons(s, u"private-tokens"_s, admin.id).contains(u"owner_not_member"_s));
        QCOMPARE(userId(s, u"bob@example.test"_s), QString());
        for (const QString& action : {u"user.update"_s, u"user.remove"_s})
            QVERIFY2(auditActions(s, bobId).contains(action), qPrintable(auditActions(s, bobId).join(u", "_s)));
    }

    void theTenantCanRevokeOnOffboarding()
    {
        TestServer s;
        QVERIFY(s.start());
        QCOMPARE(s.get(u"/api/v1/tenant-settings"_s, s.admin()).data().value(u"revokeTokensOnOffboarding"_s).toBool(),
                 false);
        const HttpResult set =
            s.patch(u"/api/v1/tenant-settings"_s, {{u"revokeTokensOnOffboarding"_s, true}}, s.admin());
        QCOMPARE(set.status, 200);
        QCOMPARE(s.patch(u"/api/v1/tenant-settings"_s, {{u"revokeTokensOnOffboarding"_s, u"yes"_s}}, s.admin()).status,
                 400);
        const Headers eve = person(s, u"eve@example.test"_s, u"member"_s);
        const Token t = createUat(s, eve, u"eve's"_s, {u"brand_create"_s});
        const QString eveId = userId(s, u"eve@example.test"_s);
        const HttpResult disabled = s.patch(u"/api/v1/users/"_s + eveId, {{u"disabled"_s, true}}, s.admin());
        QCOMPARE(disabled.data().value(u"tokensRevoked"_s).toBool(), true);
        QCOMPARE(disabled.data().value(u"tokens"_s).toArray().at(0).toObject().value(u"id"_s).toString(), t.id);
        QCOMPARE(s.get(u"/api/v1/uats/"_s + t.id, s.admin()).data().value(u"uat"_s).toObject().value(u"status"_s),
                 QJsonValue(u"revoked"_s));
        // Enabled again, the person is back; the revoked token is not.
        QCOMPARE(s.patch(u"/api/v1/users/"_s + eveId, {{u"disabled"_s, false}}, s.admin()).status, 200);
        QCOMPARE(s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"x"_s}}, uat(t)).status, 401);
        QVERIFY(auditActions(s, u"default"_s).contains(u"tenant.settings"_s));
    }

    void membersSeeAndTouchOnlyTheirOwn()
    {
        TestServer s;
        QVERIFY(s.start());
        const Headers alice = person(s, u"alice@example.test"_s, u"member"_s);
        const Headers bob = person(s, u"bob@example.test"_s, u"member"_s);
        const Token aliceUat = createUat(s, alice, u"alice's UAT"_s, {u"brand_create"_s});
        const Token alicePrivate = createPrivate(s, alice, u"alice's token"_s, {u"read:products"_s});
        const Token bobUat = createUat(s, bob, u"bob's UAT"_s, {u"brand_create"_s});
        QVERIFY(!aliceUat.id.isEmpty() && !alicePrivate.id.isEmpty() && !bobUat.id.isEmpty());
        // A member cannot grant what members lack, nor touch API keys.
        QCOMPARE(s.post(u"/api/v1/private-tokens"_s,
                        {{u"name"_s, u"x"_s},
                         {u"scopes"_s, QJsonArray{u"admin"_s}},
                         {u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate)}},
                        alice)
                     .status,
                 403);
        QCOMPARE(s.get(u"/api/v1/api-keys"_s, alice).status, 403);

        // Lists: each their own; the admin all, with the owner.
        QCOMPARE(ids(s.get(u"/api/v1/uats"_s, alice)), QStringList{aliceUat.id});
        QCOMPARE(ids(s.get(u"/api/v1/me/uats"_s, alice)), QStringList{aliceUat.id});
        QCOMPARE(ids(s.get(u"/api/v1/uats"_s, bob)), QStringList{bobUat.id});
        QCOMPARE(ids(s.get(u"/api/v1/private-tokens"_s, bob)), QStringList());
        QCOMPARE(ids(s.get(u"/api/v1/uats"_s, s.admin())).size(), 2);
        QCOMPARE(ids(s.get(u"/api/v1/me/uats"_s, s.admin())), QStringList());
        const QString aliceId = userId(s, u"alice@example.test"_s);
        QCOMPARE(ids(s.get(u"/api/v1/uats?owner="_s + aliceId, s.admin())), QStringList{aliceUat.id});
        QCOMPARE(
            s.get(u"/api/v1/uats/"_s + aliceUat.id, s.admin()).data().value(u"uat"_s).toObject().value(u"createdBy"_s),
            QJsonValue(u"user:"_s + aliceId));

        // Bob and alice's tokens: 404 on every route, nothing changed.
        for (const auto& [path, kind] :
             {std::pair{QString(u"uats/"_s + aliceUat.id), u"uats"_s},
              std::pair{QString(u"private-tokens/"_s + alicePrivate.id), u"private-tokens"_s}}) {
            const QString one = u"/api/v1/"_s + path;
            QCOMPARE(s.get(one, bob).status, 404);
            QCOMPARE(s.get(one + u"/usage"_s, bob).status, 404);
            QCOMPARE(s.patch(one, {{u"name"_s, u"mine now"_s}}, bob).status, 404);
            QCOMPARE(s.post(one + u"/rotate"_s, {}, bob).status, 404);
            QCOMPARE(s.post(one + u"/suspend"_s, {}, bob).status, 404);
            QCOMPARE(s.post(one + u"/grace"_s, {{u"endsAt"_s, u"2020-01-01T00:00:00Z"_s}}, bob).status, 404);
            QCOMPARE(s.post(one + u"/revoke"_s, {}, bob).status, 404);
            QCOMPARE(s.post(u"/api/v1/"_s + kind + u"/revoke"_s, {{u"ids"_s, QJsonArray{path.section(u'/', 1)}}}, bob)
                         .status,
                     404);
        }
        QCOMPARE(s.post(u"/api/v2/brands/"_s, {{u"name"_s, u"x"_s}}, uat(aliceUat)).status, 201);
        QCOMPARE(s.get(u"/api/v1/products"_s, bearer(alicePrivate)).status, 200);
        QCOMPARE(s.get(u"/api/v1/uats/"_s + aliceUat.id, s.admin()).data().value(u"uat"_s).toObject().value(u"name"_s),
                 QJsonValue(u"alice's UAT"_s));

        // Alice manages hers.
        QCOMPARE(s.get(u"/api/v1/uats/"_s + aliceUat.id, alice).status, 200);
        QCOMPARE(s.patch(u"/api/v1/uats/"_s + aliceUat.id, {{u"name"_s, u"renamed"_s}}, alice).status, 200);
        const HttpResult rotated =
            s.post(u"/api/v1/uats/"_s + aliceUat.id + u"/rotate"_s, {{u"graceSeconds"_s, 0}}, alice);
        QVERIFY2(rotated.status == 201, qPrintable(describe(rotated)));
        QCOMPARE(rotated.data().value(u"uat"_s).toObject().value(u"createdBy"_s), QJsonValue(u"user:"_s + aliceId));
        QCOMPARE(s.post(u"/api/v1/private-tokens/"_s + alicePrivate.id + u"/revoke"_s, {}, alice).status, 200);
        // A token without admin manages no tokens, not even its owner's.
        QCOMPARE(s.get(u"/api/v1/uats"_s, uat(bobUat)).status, 403);
        // An API key acts for nobody.
        const auto key = s.createKey(u"admin key"_s, {u"admin"_s});
        QCOMPARE(s.get(u"/api/v1/me/uats"_s, TestServer::apiKey(key.second)).status, 403);
    }

    void inviteSetupAndSignInOnce()
    {
        TestServer s;
        QVERIFY(s.start());
        const HttpResult invited =
            s.post(u"/api/v1/users"_s, {{u"email"_s, u"Carol@Example.test"_s}, {u"role"_s, u"member"_s}}, s.admin());
        QCOMPARE(invited.status, 201);
        const QString token = invited.data().value(u"setupToken"_s).toString();
        QVERIFY(token.startsWith(u"tds_"_s));
        const QJsonObject carol = invited.data().value(u"user"_s).toObject();
        QCOMPARE(carol.value(u"status"_s).toString(), u"invited"_s);
        QCOMPARE(carol.value(u"email"_s).toString(), u"carol@example.test"_s);
        // Nowhere else: not in the list, not in the audit log.
        QVERIFY(!s.get(u"/api/v1/users"_s, s.admin()).body.contains(token.toLatin1()));
        QVERIFY(!s.get(u"/api/v1/audit-events"_s, s.admin()).body.contains(token.toLatin1()));
        // No password yet: no sign-in.
        QCOMPARE(s.login(u"carol@example.test"_s, "anything at all here").status, 401);

        QCOMPARE(s.post(u"/api/v1/auth/setup"_s, {{u"token"_s, token}, {u"password"_s, u"short"_s}}).status, 400);
        const HttpResult setup =
            s.post(u"/api/v1/auth/setup"_s, {{u"token"_s, token}, {u"password"_s, QString::fromLatin1(Password)}});
        QVERIFY2(setup.status == 200, qPrintable(describe(setup)));
        QCOMPARE(s.login(u"carol@example.test"_s, Password).status, 200);
        // Once only.
        const HttpResult again =
            s.post(u"/api/v1/auth/setup"_s, {{u"token"_s, token}, {u"password"_s, u"another long pass phrase"_s}});
        QCOMPARE(again.status, 401);
        QCOMPARE(s.login(u"carol@example.test"_s, Password).status, 200);
        QCOMPARE(s.post(u"/api/v1/auth/setup"_s,
                        {{u"token"_s, u"tds_made_up"_s}, {u"password"_s, QString::fromLatin1(Password)}})
                     .status,
                 401);
        const QString carolId = carol.value(u"id"_s).toString();
        QVERIFY(auditActions(s, carolId).contains(u"user.invite"_s));
        QVERIFY(auditActions(s, carolId).contains(u"user.setup"_s));
        QCOMPARE(s.get(u"/api/v1/users"_s, s.admin()).data().value(u"items"_s).toArray().size(), 2);

        // Expired after 72 hours.
        const HttpResult dave = s.post(u"/api/v1/users"_s, {{u"email"_s, u"dave@example.test"_s}}, s.admin());
        QCOMPARE(dave.status, 201);
        // An admin key for afterwards: a login session does not last 73 hours.
        const auto admin = TestServer::apiKey(s.createKey(u"admin"_s, {u"admin"_s}).second);
        QVERIFY(s.advanceClock(73 * 3600));
        const HttpResult late = s.post(u"/api/v1/auth/setup"_s, {{u"token"_s, dave.data().value(u"setupToken"_s)},
                                                                 {u"password"_s, QString::fromLatin1(Password)}});
        QCOMPARE(late.status, 401);
        QVERIFY(late.body.contains("expired"));
        // Inviting a member again is refused with the field named; bad input too.
        const HttpResult twice = s.post(u"/api/v1/users"_s, {{u"email"_s, u"carol@example.test"_s}}, admin);
        QCOMPARE(twice.status, 400);
        QVERIFY(twice.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"email"_s));
        QCOMPARE(s.post(u"/api/v1/users"_s, {{u"email"_s, u"not an address"_s}}, admin).status, 400);
        QCOMPARE(s.post(u"/api/v1/users"_s, {{u"email"_s, u"x@example.test"_s}, {u"role"_s, u"owner"_s}}, admin).status,
                 400);
    }

    void noChangeLocksTheTenantOut()
    {
        TestServer s;
        QVERIFY(s.start());
        const QString adminId = userId(s, QString::fromLatin1(TestServer::AdminEmail));
        QCOMPARE(s.patch(u"/api/v1/users/"_s + adminId, {{u"disabled"_s, true}}, s.admin()).status, 409);
        const auto key = TestServer::apiKey(s.createKey(u"admin"_s, {u"admin"_s}).second);
        // The last enabled admin, even through a key.
        QCOMPARE(s.patch(u"/api/v1/users/"_s + adminId, {{u"role"_s, u"member"_s}}, key).status, 409);
        QCOMPARE(s.request("DELETE", u"/api/v1/users/"_s + adminId + u"/membership"_s, {}, key).status, 409);
        QCOMPARE(s.get(u"/api/v1/me"_s, s.admin()).status, 200);
    }

    void creatorLeftIsAFindingAndTheKeyStays()
    {
        TestServer s;
        QVERIFY(s.start());
        const Headers bob = person(s, u"bob@example.test"_s, u"admin"_s);
        const HttpResult created =
            s.post(u"/api/v1/api-keys"_s,
                   {{u"name"_s, u"bob's deploy key"_s}, {u"scopes"_s, QJsonArray{u"read:products"_s}}}, bob);
        QCOMPARE(created.status, 201);
        const QString keyId = created.data().value(u"apiKey"_s).toObject().value(u"id"_s).toString();
        const QString secret = created.data().value(u"secret"_s).toString();
        const auto findingFor = [&]() -> QJsonObject {
            for (const QJsonValue& f : s.get(u"/api/v1/findings"_s, s.admin()).data().value(u"findings"_s).toArray()) {
                if (f.toObject().value(u"type"_s).toString() == u"creatorLeft"_s)
                    return f.toObject();
            }
            return {};
        };
        QVERIFY(findingFor().isEmpty());
        QCOMPARE(s.request("DELETE", u"/api/v1/users/"_s + userId(s, u"bob@example.test"_s) + u"/membership"_s, {},
                           s.admin())
                     .status,
                 200);
        // The key belongs to the tenant: it still works, and the findings name who made it.
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(secret)).status, 200);
        const QJsonObject finding = findingFor();
        QCOMPARE(finding.value(u"severity"_s).toString(), u"high"_s);
        const QJsonObject item = finding.value(u"credentials"_s).toArray().at(0).toObject();
        QCOMPARE(item.value(u"id"_s).toString(), keyId);
        QCOMPARE(item.value(u"createdByEmail"_s).toString(), u"bob@example.test"_s);
    }

    void everyRouteIsTheTenantsOwn()
    {
        TestServer s;
        QVERIFY(s.start());
        person(s, u"alice@example.test"_s, u"member"_s);
        const QString aliceId = userId(s, u"alice@example.test"_s);
        QVERIFY(s.addUser(u"other@example.test"_s, u"other"_s, u"admin"_s, Password));
        const Headers other =
            TestServer::bearer(s.login(u"other@example.test"_s, Password).data().value(u"token"_s).toString());
        const QString one = u"/api/v1/users/"_s + aliceId;
        QCOMPARE(s.get(one, other).status, 404);
        QCOMPARE(s.patch(one, {{u"role"_s, u"admin"_s}}, other).status, 404);
        QCOMPARE(s.patch(one, {{u"disabled"_s, true}}, other).status, 404);
        QCOMPARE(s.request("DELETE", one + u"/membership"_s, {}, other).status, 404);
        QVERIFY(!s.get(u"/api/v1/users"_s, other).body.contains("alice@example.test"));
        QCOMPARE(s.patch(u"/api/v1/tenant-settings"_s, {{u"revokeTokensOnOffboarding"_s, true}}, other).status, 200);
        QCOMPARE(s.get(u"/api/v1/tenant-settings"_s, s.admin()).data().value(u"revokeTokensOnOffboarding"_s).toBool(),
                 false);
        // Members do not manage people.
        const Headers member =
            TestServer::bearer(s.login(u"alice@example.test"_s, Password).data().value(u"token"_s).toString());
        QCOMPARE(s.get(u"/api/v1/users"_s, member).status, 403);
        QCOMPARE(s.post(u"/api/v1/users"_s, {{u"email"_s, u"z@example.test"_s}}, member).status, 403);
        QCOMPARE(s.get(one, s.admin()).data().value(u"user"_s).toObject().value(u"role"_s), QJsonValue(u"member"_s));
    }
};

QTEST_MAIN(TestServerPeople)
#include "tst_server_people.moc"
