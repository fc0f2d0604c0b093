#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace td::server {

class AuthCache;

// Several instances on one PostgreSQL: every change to what authentication reads (a revoke, a suspension, a grace
// ended, a user's membership) commits with NOTIFY tokendesk_auth (Store::Transaction), and each instance LISTENs here
// and empties its authentication cache, so that the next request at any instance reads the change.
//
// If the listening connection is lost, the cache's own bound (--auth-cache-ms) is what remains: it reconnects with
// back-off (1 s doubling to 30 s), logging each loss and recovery, and empties the cache once it is back (what was
// notified meanwhile was missed). A health check every few seconds notices a silent loss.
class AuthListener final : public QObject
{
    Q_OBJECT
public:
    AuthListener(QString location, AuthCache& cache, QObject* parent = nullptr);
    ~AuthListener() override;
    bool start(QString* error);
    bool isListening() const { return m_listening; }

private:
    bool connectAndListen(QString* error);
    void lost(const QString& why);
    void check();

    QString m_location;
    QString m_connectionName;
    AuthCache& m_cache;
    QSqlDatabase m_db;
    QTimer m_health;
    QTimer m_retry;
    int m_backoffMs = 1000;
    bool m_listening = false;
};

} // namespace td::server
