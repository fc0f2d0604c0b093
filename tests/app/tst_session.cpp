// Session against the real server: login, renewal on 401 after the access token expired (the server's clock is
// moved, nobody sleeps), relogin when the refresh token is gone too, logout, tenant switching and token logins.
#include "JobHelpers.h"
#include "TestServer.h"
#include "app/ApiClient.h"
#include "app/Jobs.h"
#include "app/Session.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using td::app::ApiClient;
using td::app::ApiError;
using td::app::ApiJob;
using td::app::CredentialKind;
using td::app::Session;
using td::test::TestServer;

namespace {

const QString AdminEmail = QString::fromLatin1(TestServer::AdminEmail);
const QByteArray AdminPassword = TestServer::AdminPassword;
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

bool run(ApiJob& job, int timeoutMs = 30000)
{
    QSignalSpy spy(&job, &ApiJob::finished);
    job.start();
    return !spy.isEmpty() || spy.wait(timeoutMs);
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private:
    // A fresh server per test: tests move its clock.
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<Session> m_session;
    QStringList m_requests; // "POST /api/v1/auth/refresh 200", in the order the replies came back

    bool login()
    {
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        m_session->login(AdminEmail, AdminPassword);
        return loggedIn.wait(30000) && m_session->isLoggedIn();
    }

    // Lists the API keys through the session's client; returns the job's error.
    ApiError listKeys(int* count = nullptr)
    {
        td::app::ListCredentialsJob job(m_client.get(), CredentialKind::ApiKey, {});
        if (!run(job))
            return {ApiError::Kind::Cancelled, 0, {}, u"never finished"_s, {}, 0};
        if (count)
            *count = int(job.items().size());
        if (!job.error().ok())
            qInfo().noquote() << describe(job);
        return job.error();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_client = std::make_unique<ApiClient>();
        m_client->setBaseUrl(m_server->url());
        m_session = std::make_unique<Session>(m_client.get());
        m_requests.clear();
        connect(m_client->network(), &QNetworkAccessManager::finished, this, [this](QNetworkReply* reply) {
            QByteArray verb = reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
            if (verb.isEmpty())
                verb = reply->operation() == QNetworkAccessManager::GetOperation ? "GET" : "POST";
            m_requests.append(QString::fromLatin1(verb) + u' ' + reply->url().path() + u' ' +
                              QString::number(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()));
        });
    }

    void cleanup()
    {
        m_session.reset(); // before the client it renews for
        m_client.reset();
        m_server.reset();
    }

    void loginStartsASession()
    {
        QCOMPARE(m_session->state(), Session::State::LoggedOut);
        QSignalSpy states(m_session.get(), &Session::stateChanged);
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        QSignalSpy expiry(m_session.get(), &Session::expiresAtChanged);
        QSignalSpy rotated(m_session.get(), &Session::refreshTokenChanged);
        m_session->login(AdminEmail, AdminPassword);
        QCOMPARE(m_session->state(), Session::State::LoggingIn);
        QVERIFY(loggedIn.wait(30000));
        QCOMPARE(loggedIn.size(), 1);
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).at(0).value<Session::State>(), Session::State::LoggingIn);
        QCOMPARE(states.at(1).at(0).value<Session::State>(), Session::State::LoggedIn);
        QVERIFY(m_session->isLoggedIn());
        QCOMPARE(m_session->credentialKind(), u"session"_s);

        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_session->expiresAt());
        QVERIFY2(left > Hour - 120 && left <= Hour + 60, qPrintable(QString::number(left)));
        QCOMPARE(expiry.size(), 1);
        QCOMPARE(expiry.constFirst().at(0).toDateTime(), m_session->expiresAt());

        QCOMPARE(m_session->user().email, AdminEmail);
        QCOMPARE(m_session->tenants().size(), 1);
        QCOMPARE(m_session->tenants().constFirst().id, u"default"_s);
        QCOMPARE(m_session->tenants().constFirst().role, u"admin"_s);
        QCOMPARE(m_session->tenantId(), u"default"_s);
        QCOMPARE(m_client->tenant(), u"default"_s);

        QVERIFY(m_session->canRefresh());
        QVERIFY(m_session->refreshToken().startsWith("tdr_"));
        QCOMPARE(rotated.size(), 1);
        QCOMPARE(rotated.constFirst().at(0).toByteArray(), m_session->refreshToken());

        QVERIFY(m_client->hasCredential());
        QVERIFY(listKeys().ok());
    }

    void wrongPasswordFailsTheLogin()
    {
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        m_session->login(AdminEmail, "wrong password");
        QVERIFY(failed.wait(30000));
        const auto error = failed.constFirst().at(0).value<ApiError>();
        QCOMPARE(error.httpStatus, 401);
        QVERIFY(!error.userMessage().isEmpty());
        QCOMPARE(loggedIn.size(), 0);
        QCOMPARE(m_session->state(), Session::State::LoggedOut);
        QVERIFY(!m_client->hasCredential());
        QVERIFY(!m_session->canRefresh());
    }

    void renewsOnceWhenTheAccessTokenHasExpired()
    {
        QVERIFY(login());
        const QByteArray firstRefresh = m_session->refreshToken();
        const QDateTime firstExpiry = m_session->expiresAt();
        QVERIFY(listKeys().ok());

        // An hour and a minute later (past the 60 s leeway) the access token is dead; the refresh token lives on.
        QVERIFY(m_server->advanceClock(Hour + 61));
        QSignalSpy rotated(m_session.get(), &Session::refreshTokenChanged);
        QSignalSpy relogin(m_session.get(), &Session::reloginRequired);
        QSignalSpy authRequired(m_client.get(), &ApiClient::authenticationRequired);
        m_requests.clear();
        int count = -1;
        const ApiError error = listKeys(&count);
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(count, 0);
        // 401, one renewal, one retry.
        QCOMPARE(m_requests, (QStringList{u"GET /api/v1/api-keys 401"_s, u"POST /api/v1/auth/refresh 200"_s,
                                          u"GET /api/v1/api-keys 200"_s}));
        QCOMPARE(rotated.size(), 1);
        const QByteArray secondRefresh = rotated.constFirst().at(0).toByteArray();
        QVERIFY(secondRefresh.startsWith("tdr_"));
        QVERIFY(secondRefresh != firstRefresh);
        QCOMPARE(m_session->refreshToken(), secondRefresh);
        QCOMPARE(relogin.size(), 0);
        QCOMPARE(authRequired.size(), 0);
        QVERIFY(m_session->isLoggedIn());
        // The new access token counts from the server's (moved) clock.
        const qint64 moved = firstExpiry.secsTo(m_session->expiresAt());
        QVERIFY2(qAbs(moved - (Hour + 61)) < 120, qPrintable(QString::number(moved)));

        // And the next request needs no renewal.
        m_requests.clear();
        QVERIFY(listKeys().ok());
        QCOMPARE(m_requests, QStringList{u"GET /api/v1/api-keys 200"_s});
    }

    void concurrentRequestsShareOneRenewal()
    {
        QVERIFY(login());
        QVERIFY(m_server->advanceClock(Hour + 61));
        // Three requests fail together; the refresh token is single use, so presenting it twice would end the
        // session. All three must succeed and the session must stay alive.
        std::vector<std::unique_ptr<td::app::ListCredentialsJob>> jobs;
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        for (int i = 0; i < 3; ++i) {
            jobs.push_back(std::make_unique<td::app::ListCredentialsJob>(m_client.get(), CredentialKind::ApiKey,
                                                                         td::app::CredentialListQuery{}));
            spies.push_back(std::make_unique<QSignalSpy>(jobs.back().get(), &ApiJob::finished));
        }
        QSignalSpy relogin(m_session.get(), &Session::reloginRequired);
        for (auto& job : jobs)
            job->start();
        for (auto& spy : spies)
            QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 30000);
        for (auto& job : jobs)
            QVERIFY2(job->error().ok(), qPrintable(describe(*job)));
        QCOMPARE(relogin.size(), 0);
        QVERIFY(m_session->isLoggedIn());
        QVERIFY(m_requests.count(u"POST /api/v1/auth/refresh 200"_s) >= 1);
        QVERIFY(!m_requests.contains(u"POST /api/v1/auth/refresh 401"_s));
        QVERIFY(listKeys().ok());
    }

    void expiredRefreshTokenRequiresRelogin()
    {
        QVERIFY(login());
        QVERIFY(listKeys().ok());
        // Past the refresh token's absolute seven days.
        QVERIFY(m_server->advanceClock(7 * Day + Hour + 61));
        QSignalSpy relogin(m_session.get(), &Session::reloginRequired);
        QSignalSpy states(m_session.get(), &Session::stateChanged);
        m_requests.clear();
        const ApiError error = listKeys();
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(m_requests, (QStringList{u"GET /api/v1/api-keys 401"_s, u"POST /api/v1/auth/refresh 401"_s}));
        QTRY_COMPARE(relogin.size(), 1);
        QVERIFY(!relogin.constFirst().at(0).toString().isEmpty());
        QCOMPARE(m_session->state(), Session::State::LoggedOut);
        QCOMPARE(states.size(), 1);
        QCOMPARE(states.constFirst().at(0).value<Session::State>(), Session::State::LoggedOut);
        QVERIFY(!m_client->hasCredential());
        QVERIFY(!m_session->canRefresh());
        QVERIFY(!m_session->expiresAt().isValid());

        // A fresh login works.
        QVERIFY(login());
        QVERIFY(listKeys().ok());
    }

    void logoutEndsTheSessionOnTheServer()
    {
        QVERIFY(login());
        const QByteArray refresh = m_session->refreshToken();
        QVERIFY(!refresh.isEmpty());
        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        m_session->logout();
        QCOMPARE(loggedOut.size(), 1);
        QCOMPARE(m_session->state(), Session::State::LoggedOut);
        QVERIFY(!m_client->hasCredential());
        QVERIFY(!m_session->canRefresh());
        QVERIFY(m_session->refreshToken().isEmpty());

        // The logout request goes out after the session is cleared locally; wait for its answer.
        auto* job = m_client->findChild<td::app::LogoutJob*>();
        QVERIFY(job);
        QSignalSpy done(job, &ApiJob::finished);
        QVERIFY(done.wait(30000));
        QVERIFY(m_requests.contains(u"POST /api/v1/auth/logout 200"_s));

        const td::test::HttpResult r =
            m_server->post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, QString::fromLatin1(refresh)}});
        QCOMPARE(r.status, 401);
        // The job deletes itself.
        QTRY_VERIFY(!m_client->findChild<td::app::LogoutJob*>());
    }

    void resumeWithARememberedRefreshToken()
    {
        QVERIFY(login());
        const QByteArray remembered = m_session->refreshToken();
        // The console restarts: a new client and session pick up the remembered token.
        ApiClient client;
        client.setBaseUrl(m_server->url());
        Session resumed(&client);
        QSignalSpy loggedIn(&resumed, &Session::loggedIn);
        QSignalSpy rotated(&resumed, &Session::refreshTokenChanged);
        resumed.resume(remembered);
        QVERIFY(loggedIn.wait(30000));
        QCOMPARE(resumed.credentialKind(), u"session"_s);
        QCOMPARE(resumed.user().email, AdminEmail);
        QCOMPARE(rotated.size(), 1);
        QVERIFY(resumed.refreshToken() != remembered);
        td::app::TenantsJob job(&client);
        QVERIFY(run(job));
        QVERIFY(job.error().ok());

        // The used token does not resume again.
        Session again(&client);
        QSignalSpy failed(&again, &Session::loginFailed);
        again.resume(remembered);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.constFirst().at(0).value<ApiError>().httpStatus, 401);
        QCOMPARE(again.state(), Session::State::LoggedOut);
    }

    void switchTenantSendsTheTenantHeader()
    {
        QVERIFY(m_server->addUser(u"boss@globex.test"_s, u"globex"_s, u"admin"_s, "globex password 123"));
        QVERIFY(login());
        QSignalSpy changed(m_session.get(), &Session::tenantChanged);
        m_session->switchTenant(u"default"_s); // already there: nothing happens
        QCOMPARE(changed.size(), 0);

        m_session->switchTenant(u"globex"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(0).toString(), u"globex"_s);
        QCOMPARE(m_session->tenantId(), u"globex"_s);
        const ApiError error = listKeys();
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.code, u"tenant_forbidden"_s);
        QVERIFY(m_session->isLoggedIn()); // a 403 is not a lost session

        m_session->switchTenant(u"default"_s);
        QCOMPARE(changed.size(), 2);
        QVERIFY(listKeys().ok());
    }

    void useTokenLogsInWithAnApiKey()
    {
        const auto [id, secret] = m_server->createKey(u"automation"_s, {u"admin"_s});
        QVERIFY(secret.startsWith(u"tdk_"_s));
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        m_session->useToken(secret.toLatin1());
        QVERIFY(loggedIn.wait(30000));
        QVERIFY(m_session->isLoggedIn());
        QCOMPARE(m_session->credentialKind(), u"apiKey"_s);
        QCOMPARE(m_session->tenantId(), u"default"_s);
        QCOMPARE(m_session->tenants().size(), 1);
        QCOMPARE(m_session->tenants().constFirst().id, u"default"_s);
        QVERIFY(!m_session->canRefresh());
        QVERIFY(!m_session->expiresAt().isValid()); // the key does not expire
        int count = 0;
        QVERIFY(listKeys(&count).ok());
        QCOMPARE(count, 1);
        // The key was sent as X-API-Key: the server recorded its use.
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->get(u"/api/v1/api-keys/"_s + id, TestServer::bearer(m_server->adminToken()))
                                      .data()
                                      .value(u"apiKey"_s)
                                      .toObject()
                                      .value(u"lastUsedAt"_s)
                                      .isNull(),
                                 5000);
    }

    void useTokenRefusesAnUnknownToken()
    {
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        m_session->useToken("tdk_thisIsNotARealKeyAtAll0000000000000000");
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.constFirst().at(0).value<ApiError>().httpStatus, 401);
        QCOMPARE(m_session->state(), Session::State::LoggedOut);
        QVERIFY(!m_client->hasCredential());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
