#pragma once

#include "ServerContext.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QThread;

namespace td::server {

class HttpWorker;
class UsageWriter;
class Notifier;

// Owns the listening socket(s) and the worker threads. Each worker accepts on the same port
// (SO_REUSEPORT where the system has it) and serves requests with its own database connection. One more thread
// with a connection of its own writes what the workers note about usage (UsageWriter), and another delivers
// notifications (Notifier).
class Server final
{
public:
    explicit Server(ServerContext& context);
    ~Server();
    Q_DISABLE_COPY_MOVE(Server)

    bool start(QString* error);
    void stop();
    QUrl url() const;
    quint16 port() const { return m_port; }
    QStringList routes() const;

private:
    ServerContext& m_context;
    quint16 m_port = 0;
    QList<QThread*> m_threads;
    QList<HttpWorker*> m_workers;
    QThread* m_usageThread = nullptr;
    UsageWriter* m_usageWriter = nullptr;
    QThread* m_notifierThread = nullptr;
    Notifier* m_notifier = nullptr;
};

} // namespace td::server
