#pragma once

#include "Api.h"
#include "HttpConnection.h"
#include "Router.h"
#include "ServerContext.h"
#include "Store.h"

#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace td::server {

class AccessLog;
class HttpConnection;
class Listener;

// One HTTP worker: its own thread, database connection, router and accept loop on the shared port. What it notes
// about usage is written by the server's UsageWriter, never on this thread (see Server.cpp).
class HttpWorker final : public QObject
{
    Q_OBJECT
public:
    // maxConnections: connections served at once; a few more are answered 503, the rest closed at once.
    HttpWorker(ServerContext& context, int index, qintptr listenSocket, const QSslConfiguration* tls,
               int maxConnections);
    ~HttpWorker() override;
    Q_DISABLE_COPY_MOVE(HttpWorker)

    // Run in the worker's thread.
    bool start(QString* error);
    void stop();
    QStringList routes() const { return m_router.patterns(); }
    quint16 port() const { return m_port; }
    // Connections over the limit that are still answered 503 (the rest are closed at once).
    static int refusalSlots(int maxConnections) { return std::max(4, maxConnections / 16); }

private:
    void accept(qintptr fd, const QHostAddress& peer);
    void dispatch(Request& request, const Reply& reply);

    ServerContext& m_context;
    int m_index;
    qintptr m_listenSocket;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Api> m_api;
    Router m_router;
    Listener* m_listener = nullptr;
    AccessLog* m_log = nullptr;
    HttpLimits m_limits;
    int m_maxConnections;
    QSet<HttpConnection*> m_connections;
    int m_refusing = 0; // connections being answered 503
    QTimer* m_idleTimer = nullptr;
    quint16 m_port = 0;
};

} // namespace td::server
