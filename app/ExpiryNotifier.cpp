#include "ExpiryNotifier.h"

#include "ApiClient.h"
#include "CredentialLoader.h"
#include "CredentialRows.h"
#include "Jobs.h"
#include "Session.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace td::app {

namespace {

// QSettings: "expiryNotifications/<profile id>" holds the findings reported, one "tenant<TAB>kind<TAB>id<TAB>expiry
// in ms" each: ids and times, never a secret.
const QString NotifiedGroup = u"expiryNotifications"_s;

QString entryKey(const QString& tenantId, CredentialKind kind, const QString& id)
{
    return tenantId + u'\t' + kindInfo(kind).wireName + u'\t' + id;
}

QHash<QString, qint64> readNotified(const QString& profileId)
{
    QHash<QString, qint64> entries;
    const QStringList lines = QSettings().value(NotifiedGroup + u'/' + profileId).toStringList();
    for (const QString& line : lines) {
        const qsizetype tab = line.lastIndexOf(u'\t');
        bool ok = false;
        const qint64 expires = tab > 0 ? line.mid(tab + 1).toLongLong(&ok) : 0;
        if (ok)
            entries.insert(line.left(tab), expires);
    }
    return entries;
}

void writeNotified(const QString& profileId, const QHash<QString, qint64>& entries)
{
    QStringList lines;
    lines.reserve(entries.size());
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        lines.append(it.key() + u'\t' + QString::number(it.value()));
    lines.sort(); // a stable file, whatever the hash's order
    QSettings settings;
    if (lines.isEmpty())
        settings.remove(NotifiedGroup + u'/' + profileId);
    else
        settings.setValue(NotifiedGroup + u'/' + profileId, lines);
}

// The keychain says "not found" (QKeychain::EntryNotFound); a locked collection says so too.
bool isNotFound(const ApiError& error)
{
    return error.kind == ApiError::Kind::Keychain && error.code == u"1"_s;
}

} // namespace

// One profile's check: sign in (or borrow the console's session), list every kind, report what is new.
class ExpiryNotifier::ProfileCheck final : public QObject
{
public:
    ProfileCheck(ExpiryNotifier* owner, ConnectionProfile profile)
        : QObject(owner)
        , m_owner(owner)
        , m_profile(std::move(profile))
    {}

    ~ProfileCheck() override { m_refreshToken.fill('\0'); }

    const ConnectionProfile& profile() const { return m_profile; }
    // Whether the check reads or writes the profile's keychain entry (it has not borrowed the console's session).
    bool holdsKeychain() const { return !m_borrowed; }
    QList<ExpiryFinding> takeFound() { return std::exchange(m_found, {}); }

    void start()
    {
        if (m_owner->consoleIsSignedInTo(m_profile.id)) {
            m_borrowed = true;
            list(m_owner->m_consoleClient, m_owner->m_consoleClient->tenant());
            return;
        }
        using Method = ConnectionProfile::AuthMethod;
        if (m_profile.authMethod == Method::Password && !m_profile.rememberLogin) {
            finish(ExpiryNotifier::tr("Its login is not remembered, so it is checked only while TokenDesk is signed in "
                                      "to it. Sign in with \"Remember me\" to be notified at other times."));
            return;
        }
        const bool password = m_profile.authMethod == Method::Password;
        const QString key = password ? SecretStore::refreshTokenKey(m_profile.id) : SecretStore::tokenKey(m_profile.id);
        m_owner->m_secrets->read(key, this, [this, password](const QByteArray& secret, const ApiError& error) {
            if (!error.ok() || secret.isEmpty()) {
                finish(isNotFound(error) || error.ok()
                           ? ExpiryNotifier::tr("The system keychain holds no sign-in for it (or is locked). Sign in "
                                                "to it once with \"Remember me\" or a stored token.")
                           : error.userMessage());
                return;
            }
            m_client = new ApiClient(this);
            QString problem;
            if (!m_owner->m_configure || !m_owner->m_configure(m_client, m_profile, &problem)) {
                finish(problem);
                return;
            }
            if (password)
                resume(secret);
            else
                useToken(secret);
        });
    }

private:
    // A remembered login: the refresh token is used up by this request; the new one replaces it in the keychain
    // before anything else happens.
    void resume(QByteArray refreshToken)
    {
        auto* job = new RefreshJob(m_client, refreshToken, this);
        refreshToken.fill('\0');
        runJob(job, this, [this, job] {
            if (!job->error().ok()) {
                finish(ExpiryNotifier::tr("Signing in with its remembered login failed: %1")
                           .arg(job->error().userMessage()));
                return;
            }
            LoginResult result = job->result();
            m_refreshToken = result.refreshToken;
            m_client->setAccessToken(result.token);
            const bool known = std::any_of(result.tenants.cbegin(), result.tenants.cend(),
                                           [this](const auto& t) { return t.id == m_profile.defaultTenant; });
            const QString tenant =
                !m_profile.defaultTenant.isEmpty() && known ? m_profile.defaultTenant : result.tenantId;
            m_owner->m_secrets->write(SecretStore::refreshTokenKey(m_profile.id), m_refreshToken, this,
                                      [this, tenant](const ApiError& error) {
                                          if (!error.ok()) {
                                              endSession(error.userMessage());
                                              return;
                                          }
                                          list(m_client, tenant);
                                      });
        });
    }

    // The new refresh token could not be kept: only this check knows it. End the session, so that the used token
    // left in the keychain is refused as "ended" (the console asks for the password) rather than seen as a reuse.
    void endSession(const QString& problem)
    {
        m_client->clearCredentials();
        auto* job = new LogoutJob(m_client, m_refreshToken, this);
        runJob(job, this, [this, problem] { finish(problem); });
    }

    // A stored admin API key or private token, as the console's own useToken() does it.
    void useToken(QByteArray token)
    {
        if (token.startsWith("tdk_"))
            m_client->setApiKey(token);
        else
            m_client->setAccessToken(token);
        token.fill('\0');
        auto* job = new MeJob(m_client, this);
        runJob(job, this, [this, job] {
            if (!job->error().ok()) {
                finish(
                    ExpiryNotifier::tr("Signing in with its stored token failed: %1").arg(job->error().userMessage()));
                return;
            }
            list(m_client, job->result().tenantId);
        });
    }

    void list(ApiClient* client, const QString& tenant)
    {
        m_tenant = tenant;
        if (!m_borrowed)
            client->setTenant(tenant);
        const QDateTime now = m_owner->now();
        m_nowMs = now.toMSecsSinceEpoch();
        m_horizonMs = now.addDays(m_profile.notifyExpiryDays).toMSecsSinceEpoch();
        for (const CredentialKindInfo& info : credentialKinds()) {
            const CredentialKind kind = info.kind;
            auto* loader = new CredentialLoader(client, kind, this);
            loader->setStatus(protocol::KeyStatus::Active);
            ++m_pending;
            connect(loader, &CredentialLoader::firstPageReady, this,
                    [this, loader, kind] { collect(kind, loader->takeRows()); });
            connect(loader, &CredentialLoader::finished, this, [this, loader, kind] {
                const ApiError error = loader->error();
                if (error.ok()) {
                    collect(kind, loader->takeRows());
                    m_complete.insert(int(kind));
                } else if (error.httpStatus != 403 && m_problem.isEmpty()) {
                    // A kind this sign-in may not list (403) is not a problem: there is nothing it could see.
                    m_problem =
                        ExpiryNotifier::tr("%1 could not be listed: %2").arg(kindTitle(kind), error.userMessage());
                }
                loader->deleteLater();
                if (--m_pending == 0)
                    report();
            });
            loader->start();
        }
    }

    void collect(CredentialKind kind, const CredentialRows& rows)
    {
        for (int row = 0; row < rows.size(); ++row) {
            const qint64 expires = rows.expiresAtMs(row);
            if (rows.status(row) != protocol::KeyStatus::Active || expires == CredentialRows::Never ||
                expires <= m_nowMs || expires > m_horizonMs)
                continue;
            ExpiryFinding finding;
            finding.profileId = m_profile.id;
            finding.profileName = m_profile.name;
            finding.tenantId = m_tenant;
            finding.kind = kind;
            finding.credentialId = rows.id(row);
            finding.name = rows.name(row);
            finding.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
            m_expiring.append(finding);
        }
    }

    // What was not reported yet (or expires at another time now) is new; what left the window (renewed, revoked,
    // expired) is forgotten for the kinds that were listed completely.
    void report()
    {
        QHash<QString, qint64> notified = readNotified(m_profile.id);
        QSet<QString> current;
        QList<ExpiryFinding> fresh;
        for (const ExpiryFinding& f : std::as_const(m_expiring)) {
            const QString key = entryKey(f.tenantId, f.kind, f.credentialId);
            const qint64 expires = f.expiresAt.toMSecsSinceEpoch();
            current.insert(key);
            if (notified.value(key, CredentialRows::Never) != expires) {
                notified.insert(key, expires);
                fresh.append(f);
            }
        }
        for (auto it = notified.begin(); it != notified.end();) {
            const QStringList parts = it.key().split(u'\t');
            const CredentialKindInfo* info = parts.size() == 3 ? protocol::kindByWireName(parts.at(1)) : nullptr;
            const bool listed =
                parts.size() == 3 && parts.at(0) == m_tenant && info && m_complete.contains(int(info->kind));
            if ((listed || !info) && !current.contains(it.key()))
                it = notified.erase(it);
            else
                ++it;
        }
        writeNotified(m_profile.id, notified);
        std::stable_sort(fresh.begin(), fresh.end(),
                         [](const ExpiryFinding& a, const ExpiryFinding& b) { return a.expiresAt < b.expiresAt; });
        m_found = std::move(fresh);
        finish(m_problem);
    }

    void finish(const QString& problem)
    {
        if (m_client)
            m_client->clearCredentials(); // the access token of a background check lives only as long as the check
        m_refreshToken.fill('\0');
        m_owner->profileDone(this, problem);
    }

    ExpiryNotifier* m_owner;
    ConnectionProfile m_profile;
    ApiClient* m_client = nullptr; // our own (a child); the console's when borrowed is not kept here
    bool m_borrowed = false;
    QByteArray m_refreshToken;
    QString m_tenant;
    qint64 m_nowMs = 0;
    qint64 m_horizonMs = 0;
    int m_pending = 0;
    QSet<int> m_complete; // kinds listed to their last page
    QList<ExpiryFinding> m_expiring;
    QString m_problem;
    QList<ExpiryFinding> m_found; // new findings, the soonest first
};

ExpiryNotifier::ExpiryNotifier(SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

ExpiryNotifier::~ExpiryNotifier()
{
    // The checks go first (they are children too): nothing they do may report to a half-destroyed notifier.
    const auto running = std::exchange(m_running, {});
    qDeleteAll(running);
}

void ExpiryNotifier::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

QDateTime ExpiryNotifier::now() const
{
    return m_clock().toUTC();
}

void ExpiryNotifier::setConfigure(Configure configure)
{
    m_configure = std::move(configure);
}

void ExpiryNotifier::setConsole(ApiClient* client, Session* session)
{
    m_consoleClient = client;
    m_consoleSession = session;
}

void ExpiryNotifier::setConsoleProfile(const QString& profileId)
{
    m_consoleProfile = profileId;
}

bool ExpiryNotifier::consoleIsSignedInTo(const QString& profileId) const
{
    return m_consoleClient && m_consoleSession && m_consoleSession->isLoggedIn() && m_consoleProfile == profileId;
}

void ExpiryNotifier::consoleSignsIn(const QString& profileId, QObject* context, std::function<void()> then)
{
    m_consoleSigningIn = profileId;
    ProfileCheck* running = m_running.value(profileId);
    if (!running || !running->holdsKeychain()) {
        then();
        return;
    }
    m_consoleWaiting.append({profileId, QPointer<QObject>(context), std::move(then)});
}

void ExpiryNotifier::consoleSignInEnded()
{
    m_consoleSigningIn.clear();
    const QSet<QString> deferred = std::exchange(m_deferred, {});
    if (deferred.isEmpty())
        return;
    const QList<ConnectionProfile> profiles = ProfileStore::load();
    for (const ConnectionProfile& p : profiles) {
        if (deferred.contains(p.id) && p.notifyExpiryDays > 0 && !m_running.contains(p.id))
            startProfile(p);
    }
}

void ExpiryNotifier::check()
{
    const QList<ConnectionProfile> profiles = ProfileStore::load();
    forgetRemovedProfiles(profiles);
    bool problemsChangedNow = false;
    for (const ConnectionProfile& p : profiles) {
        if (p.notifyExpiryDays <= 0) {
            problemsChangedNow |= m_problems.remove(p.id) > 0;
            continue;
        }
        if (m_running.contains(p.id))
            continue; // one check of a profile at a time
        if (m_consoleSigningIn == p.id) {
            m_deferred.insert(p.id); // the console is using its keychain entry: after its sign-in
            continue;
        }
        startProfile(p);
    }
    for (auto it = m_problems.begin(); it != m_problems.end();) { // profiles deleted meanwhile
        const bool gone =
            std::none_of(profiles.cbegin(), profiles.cend(), [&](const auto& p) { return p.id == it.key(); });
        problemsChangedNow |= gone;
        it = gone ? m_problems.erase(it) : std::next(it);
    }
    if (problemsChangedNow)
        emit problemsChanged();
    if (m_running.isEmpty())
        emit checkFinished();
}

void ExpiryNotifier::startProfile(const ConnectionProfile& profile)
{
    auto* check = new ProfileCheck(this, profile);
    m_running.insert(profile.id, check);
    check->start();
}

void ExpiryNotifier::profileDone(ProfileCheck* check, const QString& problem)
{
    const ConnectionProfile profile = check->profile();
    if (m_running.value(profile.id) != check)
        return;
    m_running.remove(profile.id);
    const QList<ExpiryFinding> findings = check->takeFound();
    check->deleteLater();
    setProblem(profile, problem);
    // A console sign-in that waited for this check may read the keychain now.
    for (qsizetype i = 0; i < m_consoleWaiting.size();) {
        if (m_consoleWaiting.at(i).profileId != profile.id) {
            ++i;
            continue;
        }
        const Waiting waiting = m_consoleWaiting.takeAt(i);
        if (waiting.context)
            waiting.then();
    }
    for (const ExpiryFinding& finding : findings)
        emit found(finding);
    if (m_running.isEmpty())
        emit checkFinished();
}

void ExpiryNotifier::setProblem(const ConnectionProfile& profile, const QString& text)
{
    const auto it = m_problems.constFind(profile.id);
    if (text.isEmpty()) {
        if (it == m_problems.cend())
            return;
        m_problems.remove(profile.id);
    } else {
        if (it != m_problems.cend() && it->text == text && it->profileName == profile.name)
            return;
        m_problems.insert(profile.id, {profile.id, profile.name, text});
    }
    emit problemsChanged();
}

QList<ExpiryNotifier::Problem> ExpiryNotifier::problems() const
{
    QList<Problem> list = m_problems.values();
    std::sort(list.begin(), list.end(),
              [](const Problem& a, const Problem& b) { return a.profileName.localeAwareCompare(b.profileName) < 0; });
    return list;
}

void ExpiryNotifier::forgetRemovedProfiles(const QList<ConnectionProfile>& profiles)
{
    QSettings settings;
    settings.beginGroup(NotifiedGroup);
    const QStringList keys = settings.childKeys();
    for (const QString& id : keys) {
        if (std::none_of(profiles.cbegin(), profiles.cend(), [&](const auto& p) { return p.id == id; }))
            settings.remove(id);
    }
    settings.endGroup();
}

} // namespace td::app
