#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace td::app {

// A connection profile. Everything here is plain configuration kept in QSettings; secrets never are.
struct ConnectionProfile
{
    enum class Environment { Production, Staging, Development };
    enum class AuthMethod { Password, ApiKey, PrivateToken };

    QString id; // stable key, also the keychain entry's name
    QString name;
    QUrl baseUrl;
    Environment environment = Environment::Production;
    QString defaultTenant;
    AuthMethod authMethod = AuthMethod::Password;
    QString email;              // for password logins
    bool rememberLogin = false; // keep the refresh token in the keychain
    QString caFile;             // optional extra CA (PEM)
    QString publicKeyPin;       // optional SHA-256 of the server's public key, base64
    int notifyExpiryDays = 0;   // desktop notifications of credentials expiring within this many days; 0: off

    static constexpr int MaxNotifyExpiryDays = 365;
    static QString environmentName(Environment environment);
    static QString environmentColor(Environment environment); // "#b00020" production, …
};

// Profiles in QSettings (group "profiles"). No secret goes through this class.
class ProfileStore final
{
public:
    static QList<ConnectionProfile> load();
    static void save(const QList<ConnectionProfile>& profiles);
    static QString lastUsedProfileId();
    static void setLastUsedProfileId(const QString& id);
};

// Secrets (remembered refresh token, stored API key or private token) in the OS keychain through
// QtKeychain. The insecure plain-text fallback stays off: a keychain failure is an error, never a file.
class SecretStore final : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QString service = QStringLiteral("TokenDesk"), QObject* parent = nullptr);

    using ReadDone = std::function<void(const QByteArray& secret, const ApiError& error)>;
    using WriteDone = std::function<void(const ApiError& error)>;

    // The callbacks run only while context is alive.
    void read(const QString& key, QObject* context, ReadDone done);
    void write(const QString& key, const QByteArray& secret, QObject* context, WriteDone done);
    void remove(const QString& key, QObject* context, WriteDone done);

    // Entry names: "<profile id>/refresh-token", "<profile id>/token".
    static QString refreshTokenKey(const QString& profileId);
    static QString tokenKey(const QString& profileId);

private:
    QString m_service;
};

// Deletes every keychain entry of a profile (remembered login, stored token); both deletions start at once and go
// on if context goes away; done (while context lives) gets the first failure, or success.
void deleteProfileSecrets(SecretStore* secrets, const QString& profileId, QObject* context,
                          std::function<void(const ApiError&)> done);

} // namespace td::app
