// ApiClient and one job per endpoint against the real tokendesk-server: results, error mapping, the secret handed
// over once, and the transport failures a user meets (server down, server hung, plain http to a remote host).
#include "JobHelpers.h"
#include "TestServer.h"
#include "app/ApiClient.h"
#include "app/CredentialModel.h"
#include "app/Jobs.h"
#include "protocol/Scopes.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::ApiClient;
using td::app::ApiError;
using td::app::ApiJob;
using td::app::CredentialKind;
using td::app::CredentialListQuery;
using td::app::CredentialModel;
using td::protocol::ApiKeyDto;
using td::protocol::KeyStatus;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

const QString AdminEmail = QString::fromLatin1(TestServer::AdminEmail);
const QByteArray AdminPassword = TestServer::AdminPassword;

// Starts a job and waits for its one finished signal.
bool run(ApiJob& job, int timeoutMs = 30000)
{
    QSignalSpy spy(&job, &ApiJob::finished);
    job.start();
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return false;
    return spy.size() == 1 && spy.constFirst().at(0).value<ApiJob*>() == &job;
}

QStringList idsOf(const QList<ApiKeyDto>& records)
{
    QStringList ids;
    for (const ApiKeyDto& r : records)
        ids.append(r.id);
    return ids;
}

// Every role of every cell, as text.
QStringList everyText(const QAbstractItemModel& model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= Qt::UserRole + 10; ++role) {
                const QVariant value = model.index(row, column).data(role);
                if (value.metaType() == QMetaType::fromType<QStringList>())
                    texts.append(value.toStringList().join(u'\n'));
                else if (value.canConvert<QString>())
                    texts.append(value.toString());
            }
        }
    }
    return texts;
}

} // namespace

#define RUN(job) QVERIFY2(run(job), "the job never finished")
#define RUN_OK(job)                                                                                                    \
    do {                                                                                                               \
        RUN(job);                                                                                                      \
        QVERIFY2((job).error().ok(), qPrintable(describe(job)));                                                       \
    } while (false)

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    ApiClient m_client; // logged in as the admin of "default"

    QPair<QString, QByteArray> create(const QString& name, const QStringList& scopes = {u"read:products"_s},
                                      const QDateTime& expiresAt = {})
    {
        td::app::CreateCredentialJob job(&m_client, CredentialKind::ApiKey, {name, {}, scopes, expiresAt, {}, {}});
        if (!run(job) || !job.error().ok()) {
            qWarning().noquote() << "create failed:" << describe(job);
            return {};
        }
        return {job.result().record.id, job.takeSecret()};
    }

    int productsStatus(const QByteArray& key)
    {
        return m_server.get(u"/api/v1/products"_s, TestServer::apiKey(QString::fromLatin1(key))).status;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_client.setBaseUrl(m_server.url());
        td::app::LoginJob login(&m_client, AdminEmail, AdminPassword);
        RUN_OK(login);
        m_client.setAccessToken(login.result().token);
        QVERIFY(m_client.hasCredential());
    }

    void loginSucceeds()
    {
        ApiClient client;
        client.setBaseUrl(m_server.url());
        QVERIFY(!client.hasCredential());
        td::app::LoginJob job(&client, AdminEmail, AdminPassword);
        RUN_OK(job);
        QCOMPARE(job.httpStatus(), 200);
        const td::app::LoginResult& r = job.result();
        QCOMPARE(r.token.count('.'), 2); // a JWT
        QVERIFY(r.refreshToken.startsWith("tdr_"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY2(qAbs(now.secsTo(r.expiresAt) - 3600) < 120, qPrintable(r.expiresAt.toString(Qt::ISODate)));
        QVERIFY(qAbs(now.secsTo(r.refreshExpiresAt) - 7 * 24 * 3600) < 120);
        QCOMPARE(r.user.email, AdminEmail);
        QCOMPARE(r.tenants.size(), 1);
        QCOMPARE(r.tenants.constFirst().id, u"default"_s);
        QCOMPARE(r.tenants.constFirst().role, u"admin"_s);
        // The token works.
        QCOMPARE(m_server.get(u"/api/v1/me"_s, TestServer::bearer(QString::fromLatin1(r.token))).status, 200);
    }

    void loginWithWrongPasswordIs401()
    {
        ApiClient client;
        client.setBaseUrl(m_server.url());
        QSignalSpy authRequired(&client, &ApiClient::authenticationRequired);
        td::app::LoginJob job(&client, AdminEmail, "not the password");
        RUN(job);
        QCOMPARE(job.error().kind, ApiError::Kind::Http);
        QCOMPARE(job.error().httpStatus, 401);
        QCOMPARE(job.error().code, u"unauthorized"_s);
        QVERIFY(!job.error().ok());
        QVERIFY(!job.error().isConnectionProblem());
        QVERIFY(job.error().userMessage().contains(u"Invalid credentials"_s));
        QVERIFY(job.result().token.isEmpty());
        // A refused login is not an ended session.
        QCOMPARE(authRequired.size(), 0);
    }

    void tooManyLoginsIs429WithRetryTime()
    {
        QVERIFY(m_server.addUser(u"victim@example.test"_s, u"default"_s, u"member"_s, "victim password 123"));
        ApiClient client;
        client.setBaseUrl(m_server.url());
        // Five failures per account are allowed in the window (server default).
        for (int i = 0; i < 5; ++i) {
            td::app::LoginJob job(&client, u"victim@example.test"_s, "guess " + QByteArray::number(i));
            RUN(job);
            QCOMPARE(job.error().httpStatus, 401);
        }
        td::app::LoginJob limited(&client, u"victim@example.test"_s, "victim password 123");
        RUN(limited);
        const ApiError& e = limited.error();
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.httpStatus, 429);
        QCOMPARE(e.code, u"rate_limited"_s);
        QVERIFY(e.retryAfterSeconds > 0 && e.retryAfterSeconds <= 300);
        QVERIFY2(e.userMessage().contains(QString::number(e.retryAfterSeconds)), qPrintable(e.userMessage()));
        QVERIFY2(e.userMessage().contains(u"Try again"_s), qPrintable(e.userMessage()));

        // Once the window has passed, the right password works again.
        QVERIFY(m_server.advanceClock(e.retryAfterSeconds + 1));
        td::app::LoginJob later(&client, u"victim@example.test"_s, "victim password 123");
        RUN_OK(later);
    }

    void unauthenticatedJobAsksForLogin()
    {
        ApiClient client;
        client.setBaseUrl(m_server.url());
        client.setAccessToken("not.a.jwt");
        QSignalSpy authRequired(&client, &ApiClient::authenticationRequired);
        td::app::ListCredentialsJob job(&client, CredentialKind::ApiKey, {});
        RUN(job);
        QCOMPARE(job.error().httpStatus, 401);
        // Without a renewer there is nothing to retry with: the user must log in.
        QCOMPARE(authRequired.size(), 1);
    }

    void createHandsTheSecretOverOnce()
    {
        td::app::NewCredential request{u"client ci"_s,
                                       u"from the pipeline"_s,
                                       {u"read:products"_s, u"read:orders"_s},
                                       QDateTime(QDate(2099, 1, 31), QTime(0, 0), Qt::UTC),
                                       {u"127.0.0.1"_s},
                                       {}};
        td::app::CreateCredentialJob job(&m_client, CredentialKind::ApiKey, request);
        RUN_OK(job);
        QCOMPARE(job.httpStatus(), 201);
        const ApiKeyDto record = job.result().record;
        QVERIFY(record.id.startsWith(u"key_"_s));
        QCOMPARE(record.name, u"client ci"_s);
        QCOMPARE(record.description, u"from the pipeline"_s);
        QCOMPARE(record.scopes, (QStringList{u"read:products"_s, u"read:orders"_s}));
        QCOMPARE(record.expiresAt, QDateTime(QDate(2099, 1, 31), QTime(0, 0), Qt::UTC));
        QCOMPARE(record.ipAllowlist, QStringList{u"127.0.0.1/32"_s});
        QCOMPARE(td::protocol::toString(record.status), u"active"_s);
        QCOMPARE(record.tenantId, u"default"_s);

        const QByteArray secret = job.takeSecret();
        QVERIFY(secret.startsWith("tdk_"));
        QCOMPARE(secret.size(), 42);
        QCOMPARE(record.prefix, QString::fromLatin1(secret.left(12)));
        QCOMPARE(record.last4, QString::fromLatin1(secret.right(4)));
        // The job kept no copy.
        QVERIFY(job.result().secret.isEmpty());
        QVERIFY(job.takeSecret().isEmpty());

        // The key works for its scopes, and only those.
        QCOMPARE(productsStatus(secret), 200);
        QCOMPARE(m_server.get(u"/api/v1/orders"_s, TestServer::apiKey(QString::fromLatin1(secret))).status, 200);
        QCOMPARE(m_server.get(u"/api/v1/inventory"_s, TestServer::apiKey(QString::fromLatin1(secret))).status, 403);
    }

    void createWithoutExpiryNeverExpires()
    {
        td::app::CreateCredentialJob job(&m_client, CredentialKind::ApiKey,
                                         {u"forever"_s, {}, {u"read:products"_s}, {}, {}, {}});
        RUN_OK(job);
        QVERIFY(!job.result().record.expiresAt.isValid());
        QVERIFY(job.result().record.ipAllowlist.isEmpty());
    }

    void createValidationErrorNamesTheField()
    {
        td::app::CreateCredentialJob job(&m_client, CredentialKind::ApiKey, {u"no scopes"_s, {}, {}, {}, {}, {}});
        RUN(job);
        const ApiError& e = job.error();
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(e.code, u"validation_error"_s);
        QVERIFY(!e.fieldMessage(u"scopes"_s).isEmpty());
        QVERIFY(e.fieldMessage(u"name"_s).isEmpty());
        QVERIFY(!e.userMessage().isEmpty());
        QVERIFY(job.result().secret.isEmpty());
    }

    void insufficientScopeSaysSo()
    {
        const auto [id, secret] = create(u"reader only"_s);
        QVERIFY(!secret.isEmpty());
        ApiClient client;
        client.setBaseUrl(m_server.url());
        client.setApiKey(secret);
        td::app::ListCredentialsJob job(&client, CredentialKind::ApiKey, {});
        RUN(job);
        QCOMPARE(job.error().httpStatus, 403);
        QCOMPARE(job.error().code, u"insufficient_scope"_s);
        QVERIFY(job.error().userMessage().startsWith(u"You are not allowed to do this"_s));
    }

    void listFiltersByStatusAndText()
    {
        const auto alpha = create(u"lstmark alpha"_s);
        const auto beta = create(u"lstmark beta"_s);
        const auto gamma = create(u"lstmark gamma"_s, {u"read:orders"_s});
        const auto amp = create(u"lstmark R&D + ops 100%"_s);
        const QDateTime serverNow = m_server.serverNow();
        QVERIFY(serverNow.isValid());
        const auto delta = create(u"lstmark delta"_s, {u"read:products"_s}, serverNow.addSecs(60));
        QVERIFY(!delta.first.isEmpty());
        td::app::RevokeCredentialsJob revoke(&m_client, CredentialKind::ApiKey, {beta.first});
        RUN_OK(revoke);
        QVERIFY(m_server.advanceClock(120)); // delta expires

        auto list = [this](std::optional<KeyStatus> status, const QString& text) {
            CredentialListQuery query;
            query.status = status;
            query.text = text;
            td::app::ListCredentialsJob job(&m_client, CredentialKind::ApiKey, query);
            if (!run(job) || !job.error().ok()) {
                qWarning().noquote() << describe(job);
                return QStringList{u"failed"_s};
            }
            QStringList ids = idsOf(job.items());
            ids.sort();
            return ids;
        };
        auto sorted = [](QStringList ids) {
            ids.sort();
            return ids;
        };
        QCOMPARE(list(std::nullopt, u"lstmark"_s),
                 sorted({alpha.first, beta.first, gamma.first, amp.first, delta.first}));
        QCOMPARE(list(KeyStatus::Active, u"lstmark"_s), sorted({alpha.first, gamma.first, amp.first}));
        QCOMPARE(list(KeyStatus::Revoked, u"lstmark"_s), QStringList{beta.first});
        QCOMPARE(list(KeyStatus::Expired, u"lstmark"_s), QStringList{delta.first});
        QCOMPARE(list(std::nullopt, u"lstmark alpha"_s), QStringList{alpha.first});
        QCOMPARE(list(std::nullopt, u"LSTMARK GAMMA"_s), QStringList{gamma.first}); // case-insensitive
        // Characters that mean something in a URL or to SQL LIKE arrive as text.
        QCOMPARE(list(std::nullopt, u"R&D + ops"_s), QStringList{amp.first});
        QCOMPARE(list(std::nullopt, u"100%"_s), QStringList{amp.first});
        QCOMPARE(list(std::nullopt, u"lstmark_"_s), QStringList{});
        // By prefix, and by exact id.
        QCOMPARE(list(std::nullopt, QString::fromLatin1(alpha.second.left(12))), QStringList{alpha.first});
        QCOMPARE(list(std::nullopt, gamma.first), QStringList{gamma.first});
        // The records are complete.
        CredentialListQuery query;
        query.text = u"lstmark delta"_s;
        td::app::ListCredentialsJob job(&m_client, CredentialKind::ApiKey, query);
        RUN_OK(job);
        QCOMPARE(job.items().size(), 1);
        const ApiKeyDto d = job.items().constFirst();
        QCOMPARE(td::protocol::toString(d.status), u"expired"_s);
        QCOMPARE(d.prefix, QString::fromLatin1(delta.second.left(12)));
        QCOMPARE(d.last4, QString::fromLatin1(delta.second.right(4)));
        QVERIFY(d.createdBy.startsWith(u"user:"_s));
        QVERIFY(job.nextCursor().isEmpty());
    }

    void listPagesWithACursor()
    {
        QStringList created;
        for (int i = 0; i < 5; ++i) {
            created.append(create(u"pg key %1"_s.arg(i)).first);
            QTest::qWait(2); // the order is by creation time in ms; keys of one millisecond tie
        }
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            CredentialListQuery query;
            query.text = u"pg key"_s;
            query.limit = 2;
            query.cursor = cursor;
            td::app::ListCredentialsJob job(&m_client, CredentialKind::ApiKey, query);
            RUN_OK(job);
            QVERIFY(job.items().size() <= 2);
            seen += idsOf(job.items());
            cursor = job.nextCursor();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 5);
        // Newest first, each once.
        std::reverse(created.begin(), created.end());
        QCOMPARE(seen, created);
    }

    void revokeOne()
    {
        const auto [id, secret] = create(u"to revoke"_s);
        QCOMPARE(productsStatus(secret), 200);
        td::app::RevokeCredentialsJob job(&m_client, CredentialKind::ApiKey, {id});
        RUN_OK(job);
        QCOMPARE(job.records().size(), 1);
        QCOMPARE(job.records().constFirst().id, id);
        QCOMPARE(td::protocol::toString(job.records().constFirst().status), u"revoked"_s);
        QVERIFY(job.records().constFirst().revokedAt.isValid());
        QVERIFY(job.records().constFirst().revokedBy.startsWith(u"user:"_s));
        QCOMPARE(productsStatus(secret), 401);
        // Again: idempotent.
        td::app::RevokeCredentialsJob again(&m_client, CredentialKind::ApiKey, {id});
        RUN_OK(again);
        QCOMPARE(td::protocol::toString(again.records().constFirst().status), u"revoked"_s);
        // Unknown id: 404.
        td::app::RevokeCredentialsJob unknown(&m_client, CredentialKind::ApiKey, {u"key_doesnotexist"_s});
        RUN(unknown);
        QCOMPARE(unknown.error().httpStatus, 404);
        QCOMPARE(unknown.error().code, u"not_found"_s);
    }

    void revokeBulkIsAllOrNothing()
    {
        const auto k1 = create(u"bulk 1"_s);
        const auto k2 = create(u"bulk 2"_s);
        const auto k3 = create(u"bulk 3"_s);
        td::app::RevokeCredentialsJob partial(&m_client, CredentialKind::ApiKey,
                                              {k1.first, k2.first, u"key_doesnotexist"_s});
        RUN(partial);
        QCOMPARE(partial.error().kind, ApiError::Kind::Http);
        QCOMPARE(partial.error().httpStatus, 404);
        QCOMPARE(partial.error().code, u"not_found"_s);
        QCOMPARE(partial.error().details.value(u"missing"_s).toArray(), QJsonArray{u"key_doesnotexist"_s});
        // Nothing was revoked.
        QCOMPARE(productsStatus(k1.second), 200);
        QCOMPARE(productsStatus(k2.second), 200);

        td::app::RevokeCredentialsJob bulk(&m_client, CredentialKind::ApiKey, {k1.first, k2.first});
        RUN_OK(bulk);
        QCOMPARE(idsOf(bulk.records()), (QStringList{k1.first, k2.first}));
        for (const ApiKeyDto& r : bulk.records())
            QCOMPARE(td::protocol::toString(r.status), u"revoked"_s);
        QCOMPARE(productsStatus(k1.second), 401);
        QCOMPARE(productsStatus(k2.second), 401);
        QCOMPARE(productsStatus(k3.second), 200);
    }

    void rotateKeepsTheOldKeyForTheGracePeriod()
    {
        const auto [id, oldSecret] = create(u"to rotate"_s);
        td::app::RotateCredentialJob job(&m_client, CredentialKind::ApiKey, id, 600);
        RUN_OK(job);
        QCOMPARE(job.httpStatus(), 201);
        const td::app::IssuedCredential& issued = job.result();
        QVERIFY(issued.record.id != id);
        QCOMPARE(issued.record.rotatedFrom, id);
        QCOMPARE(issued.record.name, u"to rotate"_s);
        QVERIFY(issued.previous.has_value());
        QCOMPARE(issued.previous->id, id);
        QCOMPARE(issued.previous->rotatedTo, issued.record.id);
        QVERIFY(issued.previous->expiresAt.isValid());
        const QByteArray newSecret = job.takeSecret();
        QVERIFY(newSecret.startsWith("tdk_"));
        QVERIFY(newSecret != oldSecret);
        QVERIFY(job.result().secret.isEmpty());
        QCOMPARE(issued.record.prefix, QString::fromLatin1(newSecret.left(12)));

        QCOMPARE(productsStatus(newSecret), 200);
        QCOMPARE(productsStatus(oldSecret), 200);
        QVERIFY(m_server.advanceClock(601));
        QCOMPARE(productsStatus(oldSecret), 401);
        QCOMPARE(productsStatus(newSecret), 200);

        // A rotated key cannot be rotated again.
        td::app::RotateCredentialJob twice(&m_client, CredentialKind::ApiKey, id, 0);
        RUN(twice);
        QCOMPARE(twice.error().httpStatus, 409);
        QVERIFY(twice.result().secret.isEmpty());
    }

    void updateChangesNameDescriptionAllowlist()
    {
        const auto [id, secret] = create(u"before"_s);
        td::app::UpdateCredentialJob job(&m_client, CredentialKind::ApiKey, id,
                                         {{u"name"_s, u"after"_s},
                                          {u"description"_s, u"now described"_s},
                                          {u"ipAllowlist"_s, QJsonArray{u"10.1.0.0/16"_s}}});
        RUN_OK(job);
        QCOMPARE(job.record().id, id);
        QCOMPARE(job.record().name, u"after"_s);
        QCOMPARE(job.record().description, u"now described"_s);
        QCOMPARE(job.record().ipAllowlist, QStringList{u"10.1.0.0/16"_s});
        const HttpResult got = m_server.get(u"/api/v1/api-keys/"_s + id, TestServer::bearer(m_server.adminToken()));
        QCOMPARE(got.data().value(u"apiKey"_s).toObject().value(u"name"_s).toString(), u"after"_s);
        // The allowlist is enforced: this test connects from 127.0.0.1.
        const HttpResult refused = m_server.get(u"/api/v1/products"_s, TestServer::apiKey(QString::fromLatin1(secret)));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"ip_not_allowed"_s);

        td::app::UpdateCredentialJob bad(&m_client, CredentialKind::ApiKey, id,
                                         {{u"ipAllowlist"_s, QJsonArray{u"10.1.0.1/16"_s}}});
        RUN(bad);
        QCOMPARE(bad.error().httpStatus, 400);
        QVERIFY(!bad.error().fieldMessage(u"ipAllowlist"_s).isEmpty());
        td::app::UpdateCredentialJob missing(&m_client, CredentialKind::ApiKey, u"key_doesnotexist"_s,
                                             {{u"name"_s, u"x"_s}});
        RUN(missing);
        QCOMPARE(missing.error().httpStatus, 404);
    }

    void scopesBuildTheCatalog()
    {
        td::app::ScopesJob job(&m_client);
        RUN_OK(job);
        const td::protocol::ScopeCatalog& catalog = job.catalog();
        QCOMPARE(catalog.scopes().size(), 14);
        const QStringList keyScopes{u"read:products"_s, u"write:products"_s, u"read:orders"_s,
                                    u"write:orders"_s,  u"read:inventory"_s, u"write:inventory"_s,
                                    u"admin"_s,         u"introspect"_s,     u"calendar:read"_s};
        const QStringList uatPermissions{u"brand_create"_s, u"product_create"_s, u"scans_download"_s,
                                         u"scm_bulk_edit"_s, u"scm_code_edit"_s};
        for (const QString& name : keyScopes + uatPermissions)
            QVERIFY2(catalog.contains(name), qPrintable(name));
        const auto asSet = [](const QStringList& list) {
            return QSet<QString>(list.cbegin(), list.cend());
        };
        QCOMPARE(asSet(catalog.namesFor(u"apiKey"_s)), asSet(keyScopes));
        QCOMPARE(asSet(catalog.namesFor(u"privateToken"_s)),
                 (asSet(keyScopes) - QSet<QString>{u"introspect"_s, u"calendar:read"_s}));
        QCOMPARE(asSet(catalog.namesFor(u"uat"_s)), asSet(uatPermissions));
        QVERIFY(catalog.appliesTo(u"admin"_s, u"privateToken"_s));
        QVERIFY(!catalog.appliesTo(u"brand_create"_s, u"apiKey"_s));
        for (const td::protocol::ScopeInfo& s : catalog.scopes()) {
            QVERIFY2(!s.description.isEmpty(), qPrintable(s.name));
            QVERIFY2(!s.group.isEmpty(), qPrintable(s.name));
        }
    }

    void tenantsOfTheSession()
    {
        td::app::TenantsJob job(&m_client);
        RUN_OK(job);
        QCOMPARE(job.tenants().size(), 1);
        QCOMPARE(job.tenants().constFirst().id, u"default"_s);
        QCOMPARE(job.tenants().constFirst().role, u"admin"_s);

        // A key's tenant: its role follows from its scopes.
        const auto reader = create(u"tenant reader"_s);
        ApiClient client;
        client.setBaseUrl(m_server.url());
        client.setApiKey(reader.second);
        td::app::TenantsJob keyJob(&client);
        RUN_OK(keyJob);
        QCOMPARE(keyJob.tenants().size(), 1);
        QCOMPARE(keyJob.tenants().constFirst().id, u"default"_s);
        QCOMPARE(keyJob.tenants().constFirst().role, u"member"_s);
    }

    void introspectDescribesWithoutEchoing()
    {
        const auto [id, secret] = create(u"introspected"_s, {u"read:inventory"_s});
        td::app::IntrospectJob job(&m_client, secret);
        RUN_OK(job);
        const QJsonObject r = job.result();
        QCOMPARE(r.value(u"active"_s).toBool(), true);
        QCOMPARE(r.value(u"kind"_s).toString(), u"apiKey"_s);
        QCOMPARE(r.value(u"id"_s).toString(), id);
        QCOMPARE(r.value(u"name"_s).toString(), u"introspected"_s);
        QCOMPARE(r.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(r.value(u"scopes"_s).toArray(), QJsonArray{u"read:inventory"_s});
        QVERIFY(!QJsonDocument(r).toJson().contains(secret));

        td::app::RevokeCredentialsJob revoke(&m_client, CredentialKind::ApiKey, {id});
        RUN_OK(revoke);
        td::app::IntrospectJob revoked(&m_client, secret);
        RUN_OK(revoked);
        QCOMPARE(revoked.result().value(u"active"_s).toBool(), false);
        QCOMPARE(revoked.result().value(u"status"_s).toString(), u"revoked"_s);

        td::app::IntrospectJob garbage(&m_client, "hello");
        RUN_OK(garbage);
        QCOMPARE(garbage.result().value(u"active"_s).toBool(true), false);
        QCOMPARE(garbage.result().value(u"status"_s).toString(), u"malformed"_s);
    }

    void auditEventsForATarget()
    {
        const auto [id, secret] = create(u"audited"_s);
        td::app::RevokeCredentialsJob revoke(&m_client, CredentialKind::ApiKey, {id});
        RUN_OK(revoke);
        td::app::AuditEventsJob job(&m_client, id, {});
        RUN_OK(job);
        QStringList actions;
        for (const td::app::AuditEvent& e : job.events()) {
            QCOMPARE(e.targetId, id);
            QVERIFY(e.at.isValid());
            QVERIFY(e.actor.startsWith(u"user:"_s));
            QCOMPARE(e.ip, u"127.0.0.1"_s);
            actions.append(e.action);
        }
        QVERIFY2(actions.contains(u"apiKey.create"_s), qPrintable(actions.join(u", "_s)));
        QVERIFY2(actions.contains(u"apiKey.revoke"_s), qPrintable(actions.join(u", "_s)));

        // Paging over the whole log: failed logins are in it too.
        td::app::AuditEventsJob first(&m_client, QString(), QString(), 3);
        RUN_OK(first);
        QCOMPARE(first.events().size(), 3);
        QVERIFY(!first.nextCursor().isEmpty());
        td::app::AuditEventsJob second(&m_client, QString(), first.nextCursor(), 1000);
        RUN_OK(second);
        QStringList firstIds;
        for (const td::app::AuditEvent& e : first.events())
            firstIds.append(e.id);
        QStringList all;
        for (const td::app::AuditEvent& e : second.events()) {
            QVERIFY(!firstIds.contains(e.id));
            all.append(e.action);
        }
        QVERIFY2(all.contains(u"login.failed"_s), qPrintable(all.join(u", "_s)));
    }

    void noModelRoleHoldsTheSecret()
    {
        // End to end: a key is created, its secret taken; the list and the created record go into the model,
        // and nothing the model offers contains the secret or its hidden part.
        td::app::CreateCredentialJob job(&m_client, CredentialKind::ApiKey,
                                         {u"model check"_s,
                                          u"secret must not leak"_s,
                                          {u"read:products"_s},
                                          QDateTime::currentDateTimeUtc().addDays(3),
                                          {u"127.0.0.1"_s},
                                          {}});
        RUN_OK(job);
        CredentialModel model;
        model.upsert(job.result().record);
        const QByteArray secret = job.takeSecret();
        QVERIFY(secret.startsWith("tdk_"));
        QCOMPARE(productsStatus(secret), 200); // used once, so "last used" has something to show
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_server.get(u"/api/v1/api-keys/"_s + job.result().record.id, TestServer::bearer(m_server.adminToken()))
                 .data()
                 .value(u"apiKey"_s)
                 .toObject()
                 .value(u"lastUsedAt"_s)
                 .isNull(),
            5000);

        QList<ApiKeyDto> all;
        QString cursor;
        do {
            CredentialListQuery query;
            query.cursor = cursor;
            td::app::ListCredentialsJob list(&m_client, CredentialKind::ApiKey, query);
            RUN_OK(list);
            all += list.items();
            cursor = list.nextCursor();
        } while (!cursor.isEmpty());
        model.setRecords(all);
        const int row = model.rowOf(job.result().record.id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, CredentialModel::Key).data().toString(),
                 QString::fromLatin1(secret.left(12)) + u"…"_s + QString::fromLatin1(secret.right(4)));
        QVERIFY(model.index(row, CredentialModel::LastUsed).data().toString().contains(u"127.0.0.1"_s));

        const QString whole = QString::fromLatin1(secret);
        const QString hidden = QString::fromLatin1(secret.mid(12, 26));
        const QStringList texts = everyText(model);
        QVERIFY(texts.size() > model.rowCount() * CredentialModel::ColumnCount);
        for (const QString& text : texts) {
            QVERIFY2(!text.contains(whole), qPrintable(text));
            QVERIFY2(!text.contains(hidden), qPrintable(text));
            QVERIFY2(!text.contains(hidden.left(8)), qPrintable(text));
        }
    }

    void checkUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https remote") << u"https://api.example.com"_s << true;
        QTest::newRow("https remote with port and path") << u"https://api.example.com:8443/tokendesk"_s << true;
        QTest::newRow("https loopback") << u"https://127.0.0.1:8443"_s << true;
        QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("http 127.x") << u"http://127.1.2.3"_s << true;
        QTest::newRow("http ::1") << u"http://[::1]:8080"_s << true;
        QTest::newRow("http localhost") << u"http://localhost:8080"_s << true;
        QTest::newRow("http remote name") << u"http://api.example.com"_s << false;
        QTest::newRow("http private address") << u"http://10.0.0.5:8080"_s << false;
        QTest::newRow("http public address") << u"http://8.8.8.8"_s << false;
        QTest::newRow("http name starting with 127") << u"http://127.0.0.1.example.com"_s << false;
        QTest::newRow("http name starting with localhost") << u"http://localhost.example.com"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
        QTest::newRow("no scheme") << u"api.example.com"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void checkUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const QString reason = ApiClient::checkUrl(QUrl(url));
        QVERIFY2(reason.isEmpty() == accepted, qPrintable(reason));
        if (url.startsWith(u"http://"_s) && !accepted)
            QVERIFY2(reason.contains(u"https://"_s), qPrintable(reason));
    }

    void stoppedServerIsANetworkError()
    {
        TestServer stopped;
        QVERIFY(stopped.start());
        const QUrl url = stopped.url();
        stopped.stop();
        ApiClient client;
        client.setBaseUrl(url);
        td::app::LoginJob job(&client, AdminEmail, AdminPassword);
        RUN(job);
        const ApiError& e = job.error();
        QCOMPARE(e.kind, ApiError::Kind::Network);
        QCOMPARE(e.httpStatus, 0);
        QVERIFY(e.isConnectionProblem());
        QVERIFY(!e.message.isEmpty());
        QVERIFY2(e.userMessage().contains(u"Check the connection"_s), qPrintable(e.userMessage()));
    }

    void hungServerTimesOut()
    {
        // The one fake peer: accepts connections and never answers.
        QTcpServer hung;
        QList<QTcpSocket*> held;
        connect(&hung, &QTcpServer::newConnection, &hung, [&] {
            while (QTcpSocket* socket = hung.nextPendingConnection())
                held.append(socket);
        });
        QVERIFY(hung.listen(QHostAddress::LocalHost, 0));
        ApiClient client;
        client.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(hung.serverPort())));
        client.setTimeoutMs(500);
        td::app::ScopesJob job(&client);
        QElapsedTimer timer;
        timer.start();
        RUN(job);
        QVERIFY(!held.isEmpty()); // the request did connect
        const ApiError& e = job.error();
        QCOMPARE(e.kind, ApiError::Kind::Timeout);
        QVERIFY(e.isConnectionProblem());
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(e.userMessage().contains(u"did not answer in time"_s), qPrintable(e.userMessage()));
        QVERIFY(e.userMessage().contains(u"Check the connection"_s));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
