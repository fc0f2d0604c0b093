#pragma once

#include "ApiError.h"
#include "CredentialKind.h"
#include "Profiles.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

namespace td::app {

class ApiClient;
class Session;

// One credential expiring soon, as seen through one connection profile.
struct ExpiryFinding
{
    QString profileId;
    QString profileName;
    QString tenantId;
    CredentialKind kind = CredentialKind::ApiKey;
    QString credentialId;
    QString name;
    QDateTime expiresAt;
};

// "Notify me about credentials expiring within N days" (issue 15): for every saved profile with N > 0, lists the
// active credentials of every kind and reports each one expiring within N days once — a finding is (profile,
// credential id, expiry); the findings reported are kept in QSettings (ids and times, no secret), so a restart does
// not repeat them, and a credential whose expiry changed is reported again.
//
// It signs in only with what the keychain holds (a remembered refresh token, a stored API key or private token) and
// never asks for anything: a profile it cannot sign in to is skipped, with the reason in problems(). Refresh tokens
// are single-use, and presenting a used one ends the whole session on the server, so
// - a profile the console's own session is signed in to is checked through that session, not signed in to again;
// - after a refresh the rotated token goes to the keychain before anything else (if it cannot, the session is ended,
//   so that the used token in the keychain is refused as ended rather than as a reuse);
// - one check of a profile runs at a time, and the console's own sign-in waits for it (consoleSignsIn()).
// A remembered login stays signed in afterwards (logging out would end the very session the keychain remembers); the
// access token of a background check is only ever in memory and goes with it.
class ExpiryNotifier final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    // Points client at the profile's server with its CA file and key pin; false with the reason in *problem.
    using Configure = std::function<bool(ApiClient* client, const ConnectionProfile& profile, QString* problem)>;

    struct Problem
    {
        QString profileId;
        QString profileName;
        QString text; // a sentence: why the profile could not be checked, and what to do
    };

    explicit ExpiryNotifier(SecretStore* secrets, QObject* parent = nullptr);
    ~ExpiryNotifier() override;
    Q_DISABLE_COPY_MOVE(ExpiryNotifier)

    // "Now" for the expiry window (a test moves it along with the server's test clock); UTC.
    void setClock(Clock clock);
    QDateTime now() const;
    void setConfigure(Configure configure);
    // The console's own client and session, and the profile it signs in to (or did).
    void setConsole(ApiClient* client, Session* session);
    void setConsoleProfile(const QString& profileId);
    // The console is about to sign in to a profile (perhaps with its remembered refresh token): no background check of
    // it starts until consoleSignInEnded(), and then runs if one was due; then() runs once no check of the profile is
    // using its keychain entry (at once, usually).
    void consoleSignsIn(const QString& profileId, QObject* context, std::function<void()> then);
    void consoleSignInEnded();

    // Checks every profile with notifications on that is not being checked already.
    void check();
    bool isChecking() const { return !m_running.isEmpty(); }
    QList<Problem> problems() const;

signals:
    void found(const td::app::ExpiryFinding& finding); // one per new finding, the soonest first
    void checkFinished();                              // no profile is being checked any more
    void problemsChanged();

private:
    class ProfileCheck;
    friend class ProfileCheck;

    void startProfile(const ConnectionProfile& profile);
    void profileDone(ProfileCheck* check, const QString& problem);
    bool consoleIsSignedInTo(const QString& profileId) const;
    void setProblem(const ConnectionProfile& profile, const QString& text);
    static void forgetRemovedProfiles(const QList<ConnectionProfile>& profiles);

    SecretStore* m_secrets;
    Clock m_clock;
    Configure m_configure;
    QPointer<ApiClient> m_consoleClient;
    QPointer<Session> m_consoleSession;
    QString m_consoleProfile;
    QString m_consoleSigningIn;              // the profile the console is signing in to
    QSet<QString> m_deferred;                // due while the console signed in to them
    QHash<QString, ProfileCheck*> m_running; // by profile id
    struct Waiting
    {
        QString profileId;
        QPointer<QObject> context;
        std::function<void()> then;
    };
    QList<Waiting> m_consoleWaiting;    // console sign-ins waiting for a check of their profile to end
    QHash<QString, Problem> m_problems; // by profile id
};

} // namespace td::app
