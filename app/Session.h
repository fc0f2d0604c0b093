#pragma once

#include "ApiClient.h"
#include "Jobs.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace td::app {

// The logged-in state: the access token lives here and in ApiClient, in memory only. It is renewed about
// five minutes before it expires, and once more when a request comes back 401; after that the user is asked
// to log in again.
class Session final : public QObject, public TokenRenewer
{
    Q_OBJECT
public:
    enum class State { LoggedOut, LoggingIn, LoggedIn };
    Q_ENUM(State)

    explicit Session(ApiClient* client, QObject* parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    void login(const QString& email, const QByteArray& password, const QString& tenantId = {});
    // "Remember me": a refresh token from the keychain starts a session without a password.
    void resume(const QByteArray& refreshToken);
    // A stored admin API key or private token instead of a login: no refresh, no expiry of its own.
    void useToken(const QByteArray& token);
    void logout();
    void switchTenant(const QString& tenantId);

    State state() const { return m_state; }
    bool isLoggedIn() const { return m_state == State::LoggedIn; }
    QDateTime expiresAt() const { return m_expiresAt; }
    const protocol::UserDto& user() const { return m_user; }
    const QList<protocol::TenantDto>& tenants() const { return m_tenants; }
    QString tenantId() const { return m_client->tenant(); }
    QString credentialKind() const { return m_credentialKind; } // "session", "apiKey", "privateToken"
    bool canRefresh() const { return !m_refreshToken.isEmpty(); }
    QByteArray refreshToken() const { return m_refreshToken; }
    // Seconds before expiry at which the token is renewed ahead of time.
    static constexpr int RenewAheadSeconds = 300;

    void renewAccessToken(QObject* context, std::function<void(bool)> done) override;

signals:
    void stateChanged(td::app::Session::State state);
    void loggedIn();
    void loginFailed(const td::app::ApiError& error);
    void loggedOut();
    void tenantChanged(const QString& tenantId);
    void expiresAtChanged(const QDateTime& expiresAt);
    // The session ended (refresh refused, revoked, expired): the user must log in again.
    void reloginRequired(const QString& reason);
    // The refresh token rotated: a remembered copy in the keychain must be replaced.
    void refreshTokenChanged(const QByteArray& refreshToken);

private:
    void setState(State state);
    void apply(const LoginResult& result);
    template <class Job> void startSessionJob(Job* job); // LoginJob or RefreshJob
    void scheduleRenewal();
    void renew();
    void finishRenewals(bool ok);
    void clear();

    QPointer<ApiClient> m_client; // the client may go first when both are children of one object
    State m_state = State::LoggedOut;
    QByteArray m_refreshToken;
    QDateTime m_expiresAt;
    protocol::UserDto m_user;
    QList<protocol::TenantDto> m_tenants;
    QString m_credentialKind;
    QTimer m_renewTimer;
    bool m_renewing = false;
    int m_generation = 0;
    QList<std::pair<QPointer<QObject>, std::function<void(bool)>>> m_waiting;
};

} // namespace td::app
