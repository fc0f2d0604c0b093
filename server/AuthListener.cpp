#include "AuthListener.h"

#include "AuthCache.h"
#include "Log.h"
#include "Store.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace td::server {

AuthListener::AuthListener(QString location, AuthCache& cache, QObject* parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_connectionName(u"listen-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_cache(cache)
{
    m_health.setInterval(5000);
    connect(&m_health, &QTimer::timeout, this, &AuthListener::check);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        QString error;
        if (connectAndListen(&error)) {
            qCInfo(lcStore) << "listening for authentication changes again; the cache was emptied";
            m_cache.invalidate(); // whatever was notified while away
            m_backoffMs = 1000;
            return;
        }
        qCWarning(lcStore).noquote() << "still cannot listen for authentication changes:" << error << "- next try in"
                                     << m_backoffMs / 1000 << "s";
        m_retry.start(m_backoffMs);
        m_backoffMs = qMin(m_backoffMs * 2, 30000);
    });
}

AuthListener::~AuthListener()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool AuthListener::start(QString* error)
{
    if (!connectAndListen(error))
        return false;
    m_health.start();
    return true;
}

bool AuthListener::connectAndListen(QString* error)
{
    // The connection's settings are the store's (the same URL and password sources); the store's own connection
    // is closed again, this one is kept.
    if (!m_db.isValid()) {
        Store probe(m_connectionName + u"-open"_s);
        if (!probe.open(m_location, error))
            return false;
        m_db = QSqlDatabase::cloneDatabase(probe.connectionName(), m_connectionName);
    }
    m_db.close();
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    QSqlDriver* driver = m_db.driver();
    disconnect(driver, nullptr, this, nullptr);
    if (!driver->subscribeToNotification(u"tokendesk_auth"_s)) {
        *error = driver->lastError().text();
        return false;
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                if (name == u"tokendesk_auth"_s)
                    m_cache.notified(payload.toString().toLatin1()); // the stamp the change wrote
            });
    m_listening = true;
    return true;
}

void AuthListener::check()
{
    if (!m_listening)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT 1"_s))
        lost(q.lastError().text());
}

void AuthListener::lost(const QString& why)
{
    m_listening = false;
    qCWarning(lcStore).noquote() << "lost the connection that listens for authentication changes:" << why
                                 << "- until it is back, another instance's changes take up to --auth-cache-ms";
    m_backoffMs = 1000;
    m_retry.start(m_backoffMs);
    m_backoffMs = 2000;
}

} // namespace td::server
