#include "Session.h"

#include <QCoreApplication>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace td::app {

Session::Session(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_client->setRenewer(this);
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &Session::renew);
}

Session::~Session()
{
    if (m_client && m_client->renewer() == this)
        m_client->setRenewer(nullptr);
    m_refreshToken.fill('\0');
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

// Login and resume end alike: a new session from the job's result, or the error.
template <class Job> void Session::startSessionJob(Job* job)
{
    runJob(job, this, [this, job] {
        if (!job->error().ok()) {
            setState(State::LoggedOut);
            emit loginFailed(job->error());
            return;
        }
        apply(job->result());
        m_credentialKind = u"session"_s;
        setState(State::LoggedIn);
        emit loggedIn();
    });
}

void Session::login(const QString& email, const QByteArray& password, const QString& tenantId)
{
    clear();
    setState(State::LoggingIn);
    auto* job = new LoginJob(m_client, email, password, tenantId, this);
    startSessionJob(job);
}

void Session::resume(const QByteArray& refreshToken)
{
    clear();
    setState(State::LoggingIn);
    auto* job = new RefreshJob(m_client, refreshToken, this);
    startSessionJob(job);
}

void Session::useToken(const QByteArray& token)
{
    clear();
    setState(State::LoggingIn);
    m_client->setApiKey(token.startsWith("tdk_") ? token : QByteArray());
    m_client->setAccessToken(token.startsWith("tdk_") ? QByteArray() : token);
    auto* job = new MeJob(m_client, this);
    runJob(job, this, [this, job] {
        if (!job->error().ok()) {
            m_client->clearCredentials();
            setState(State::LoggedOut);
            emit loginFailed(job->error());
            return;
        }
        const MeResult& me = job->result();
        m_user = me.user.value_or(protocol::UserDto());
        m_credentialKind = me.kind;
        m_expiresAt = me.expiresAt;
        m_tenants = {protocol::TenantDto{me.tenantId, me.tenantId, me.role.isEmpty() ? u"member"_s : me.role}};
        m_client->setTenant(me.tenantId);
        emit expiresAtChanged(m_expiresAt);
        setState(State::LoggedIn);
        emit loggedIn();
    });
}

void Session::apply(const LoginResult& result)
{
    m_client->setAccessToken(result.token);
    if (m_client->tenant().isEmpty() || !std::any_of(result.tenants.cbegin(), result.tenants.cend(),
                                                     [this](const auto& t) { return t.id == m_client->tenant(); }))
        m_client->setTenant(result.tenantId);
    const bool rotated = m_refreshToken != result.refreshToken;
    m_refreshToken = result.refreshToken;
    m_expiresAt = result.expiresAt;
    m_user = result.user;
    m_tenants = result.tenants;
    emit expiresAtChanged(m_expiresAt);
    if (rotated)
        emit refreshTokenChanged(m_refreshToken);
    scheduleRenewal();
}

void Session::scheduleRenewal()
{
    const qint64 secondsLeft = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    // Never closer together than 30 s, whatever the clocks of the two machines say; and at least daily, since a
    // server clock far ahead would otherwise put the renewal beyond what a timer holds (24.8 days of ms).
    const qint64 delay = std::clamp<qint64>(secondsLeft - RenewAheadSeconds, 30, 24 * 3600);
    m_renewTimer.start(std::chrono::seconds(delay));
}

void Session::renewAccessToken(QObject* context, std::function<void(bool)> done)
{
    if (m_refreshToken.isEmpty()) {
        done(false);
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    renew();
}

void Session::renew()
{
    if (m_renewing || m_refreshToken.isEmpty())
        return;
    m_renewing = true;
    auto* job = new RefreshJob(m_client, m_refreshToken, this);
    const int generation = m_generation;
    runJob(job, this, [this, job, generation] {
        if (generation != m_generation)
            return; // logged out or logged in anew meanwhile: this answer belongs to a session that is gone
        m_renewing = false;
        if (!job->error().ok()) {
            const bool connectionProblem = job->error().isConnectionProblem();
            finishRenewals(false);
            if (connectionProblem) {
                m_renewTimer.start(std::chrono::seconds(30)); // try again; the session may still be alive
                return;
            }
            const QString reason = job->error().message;
            clear();
            setState(State::LoggedOut);
            emit reloginRequired(reason.isEmpty()
                                     ? QCoreApplication::translate("Session", "Your session has ended. Log in again.")
                                     : reason);
            return;
        }
        apply(job->result());
        finishRenewals(true);
    });
}

void Session::finishRenewals(bool ok)
{
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& [context, done] : waiting) {
        if (context)
            done(ok);
    }
}

void Session::logout()
{
    if (!m_refreshToken.isEmpty()) {
        // Fire and forget: the session ends on the server even if the console quits right away.
        auto* job = new LogoutJob(m_client, m_refreshToken, m_client);
        connect(job, &ApiJob::finished, job, &QObject::deleteLater);
        job->start();
    }
    clear();
    setState(State::LoggedOut);
    emit loggedOut();
}

void Session::switchTenant(const QString& tenantId)
{
    if (tenantId == m_client->tenant())
        return;
    m_client->setTenant(tenantId);
    emit tenantChanged(tenantId);
}

void Session::clear()
{
    ++m_generation; // a renewal still under way is ignored when it answers
    m_renewing = false;
    m_renewTimer.stop();
    m_client->clearCredentials();
    m_refreshToken.fill('\0');
    m_refreshToken.clear();
    m_expiresAt = {};
    m_user = {};
    m_tenants.clear();
    m_credentialKind.clear();
}

} // namespace td::app
