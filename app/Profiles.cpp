#include "Profiles.h"

#include <memory>

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace td::app {

QString ConnectionProfile::environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return QCoreApplication::translate("ConnectionProfile", "Production");
    case Environment::Staging:
        return QCoreApplication::translate("ConnectionProfile", "Staging");
    case Environment::Development:
        return QCoreApplication::translate("ConnectionProfile", "Development");
    }
    return {};
}

QString ConnectionProfile::environmentColor(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return u"#b00020"_s;
    case Environment::Staging:
        return u"#9a5b00"_s; // white on it: 5.4:1
    case Environment::Development:
        return u"#1b7f3b"_s;
    }
    return {};
}

QList<ConnectionProfile> ProfileStore::load()
{
    QSettings settings;
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(u"profiles"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.id = settings.value(u"id"_s).toString();
        p.name = settings.value(u"name"_s).toString();
        p.baseUrl = QUrl(settings.value(u"baseUrl"_s).toString());
        p.environment = ConnectionProfile::Environment(qBound(0, settings.value(u"environment"_s).toInt(), 2));
        p.defaultTenant = settings.value(u"defaultTenant"_s).toString();
        p.authMethod = ConnectionProfile::AuthMethod(qBound(0, settings.value(u"authMethod"_s).toInt(), 2));
        p.email = settings.value(u"email"_s).toString();
        p.rememberLogin = settings.value(u"rememberLogin"_s).toBool();
        p.caFile = settings.value(u"caFile"_s).toString();
        p.publicKeyPin = settings.value(u"publicKeyPin"_s).toString();
        p.notifyExpiryDays =
            qBound(0, settings.value(u"notifyExpiryDays"_s).toInt(), ConnectionProfile::MaxNotifyExpiryDays);
        if (!p.id.isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void ProfileStore::save(const QList<ConnectionProfile>& profiles)
{
    QSettings settings;
    settings.remove(u"profiles"_s);
    settings.beginWriteArray(u"profiles"_s, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile& p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(u"id"_s, p.id);
        settings.setValue(u"name"_s, p.name);
        settings.setValue(u"baseUrl"_s, p.baseUrl.toString());
        settings.setValue(u"environment"_s, int(p.environment));
        settings.setValue(u"defaultTenant"_s, p.defaultTenant);
        settings.setValue(u"authMethod"_s, int(p.authMethod));
        settings.setValue(u"email"_s, p.email);
        settings.setValue(u"rememberLogin"_s, p.rememberLogin);
        settings.setValue(u"caFile"_s, p.caFile);
        settings.setValue(u"publicKeyPin"_s, p.publicKeyPin);
        settings.setValue(u"notifyExpiryDays"_s, p.notifyExpiryDays);
    }
    settings.endArray();
    settings.sync();
}

QString ProfileStore::lastUsedProfileId()
{
    return QSettings().value(u"lastProfile"_s).toString();
}

void ProfileStore::setLastUsedProfileId(const QString& id)
{
    QSettings().setValue(u"lastProfile"_s, id);
}

SecretStore::SecretStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

QString SecretStore::refreshTokenKey(const QString& profileId)
{
    return profileId + u"/refresh-token"_s;
}

QString SecretStore::tokenKey(const QString& profileId)
{
    return profileId + u"/token"_s;
}

namespace {

ApiError keychainError(const QKeychain::Job* job)
{
    ApiError e;
    e.kind = ApiError::Kind::Keychain;
    e.message = job->errorString();
    e.code = QString::number(int(job->error()));
    return e;
}

} // namespace

// The jobs have no parent: a job deleted while its Secret Service call is in flight would be called back after it
// is gone (a crash once the console closed during a keychain read). Each deletes itself once finished; a store that
// went first only drops the connection.
void SecretStore::read(const QString& key, QObject* context, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, ctx = QPointer<QObject>(context), done = std::move(done)] {
        if (!ctx)
            return;
        // A locked collection reports "entry not found" too: the caller treats both as a keychain problem.
        if (job->error() != QKeychain::NoError)
            done({}, keychainError(job));
        else
            done(job->binaryData(), {});
    });
    job->start();
}

void SecretStore::write(const QString& key, const QByteArray& secret, QObject* context, WriteDone done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, ctx = QPointer<QObject>(context), done = std::move(done)] {
        if (ctx)
            done(job->error() == QKeychain::NoError ? ApiError{} : keychainError(job));
    });
    job->start();
}

void SecretStore::remove(const QString& key, QObject* context, WriteDone done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, ctx = QPointer<QObject>(context), done = std::move(done)] {
        if (!ctx)
            return;
        // Removing what is not there is success.
        done(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound ? ApiError{}
                                                                                            : keychainError(job));
    });
    job->start();
}

void deleteProfileSecrets(SecretStore* secrets, const QString& profileId, QObject* context,
                          std::function<void(const ApiError&)> done)
{
    struct Pending
    {
        int left = 2;
        ApiError first;
    };
    auto pending = std::make_shared<Pending>();
    const QPointer<QObject> ctx(context);
    auto finished = [pending, ctx, done](const ApiError& error) {
        if (!error.ok() && pending->first.ok())
            pending->first = error;
        if (--pending->left == 0 && ctx)
            done(pending->first);
    };
    // The store itself is the jobs' context: they complete whatever happens to the caller.
    secrets->remove(SecretStore::refreshTokenKey(profileId), secrets, finished);
    secrets->remove(SecretStore::tokenKey(profileId), secrets, finished);
}

} // namespace td::app
