#pragma once

#include "Api.h"
#include "Router.h"
#include "ServerContext.h"
#include "Store.h"

#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <memory>

namespace td::server {

class AccessLog;
class HttpConnection;

// One HTTP worker: its own thread, database connection, router and accept loop on the shared port.
class HttpWorker final : public QObject
{
    Q_OBJECT
public:
    HttpWorker(ServerContext& context, int index, qintptr listenSocket, const QSslConfiguration* tls);
    ~HttpWorker() override;
    Q_DISABLE_COPY_MOVE(HttpWorker)

    // Run in the worker's thread.
    bool start(QString* error);
    void stop();
    QStringList routes() const { return m_router.patterns(); }
    quint16 port() const { return m_port; }

private:
    static constexpr qint64 IdleConnectionMs = 75 * 1000; // keep-alive connection without a request
    static constexpr qint64 RequestTimeoutMs = 30 * 1000; // a request whose head or body stops arriving

    void acceptConnections();
    void dispatch(Request& request, const Reply& reply);
    void flushUsage();

    ServerContext& m_context;
    int m_index;
    qintptr m_listenSocket;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Api> m_api;
    Router m_router;
    QTcpServer* m_tcp = nullptr;
    AccessLog* m_log = nullptr;
    QSet<HttpConnection*> m_connections;
    QTimer* m_flushTimer = nullptr;
    QTimer* m_idleTimer = nullptr;
    quint16 m_port = 0;
};

} // namespace td::server
