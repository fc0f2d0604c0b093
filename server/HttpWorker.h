#pragma once

#include "Api.h"
#include "Router.h"
#include "ServerContext.h"
#include "Store.h"

#include <QAbstractHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace td::server {

class RequestServer;

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
    void flushUsage();

    ServerContext& m_context;
    int m_index;
    qintptr m_listenSocket;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Api> m_api;
    Router m_router;
    RequestServer* m_server = nullptr;
    QTimer* m_flushTimer = nullptr;
    quint16 m_port = 0;
};

} // namespace td::server
