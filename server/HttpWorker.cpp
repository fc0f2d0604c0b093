#include "HttpWorker.h"

#include "Log.h"
#include "protocol/Dto.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

constexpr qint64 MaxHeaderBytes = 64 * 1024;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

// The access log: one line per request (method, path without query, status, duration), never a header.
// Going through qCInfo for every request halved the throughput of a trivial route (a formatted, locked,
// unbuffered write each time), so each worker formats its lines itself and writes them to stderr in batches:
// when 32 KiB have gathered, every 200 ms, and when the worker stops.
class AccessLog final : public QObject
{
public:
    explicit AccessLog(QObject* parent)
        : QObject(parent)
    {
        m_timer.setInterval(200);
        connect(&m_timer, &QTimer::timeout, this, &AccessLog::flush);
        m_timer.start();
    }
    ~AccessLog() override { flush(); }

    void append(const QByteArray& method, const QString& path, int status, const QElapsedTimer& timer)
    {
        if (!lcHttp().isInfoEnabled())
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now / 1000 != m_stampSecond) {
            // Formatting a date is costly: once per second, then only the milliseconds change.
            m_stampSecond = now / 1000;
            m_stamp =
                QDateTime::fromMSecsSinceEpoch(m_stampSecond * 1000).toString(u"yyyy-MM-ddThh:mm:ss"_s).toLatin1();
        }
        char millis[8];
        std::snprintf(millis, sizeof millis, ".%03d ", int(now % 1000));
        m_buffer += m_stamp;
        m_buffer += millis;
        m_buffer += lcHttp().categoryName();
        m_buffer += ' ';
        m_buffer += method;
        m_buffer += ' ';
        m_buffer += path.toUtf8();
        m_buffer += ' ';
        m_buffer += QByteArray::number(status);
        m_buffer += ' ';
        m_buffer += QByteArray::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2);
        m_buffer += "ms\n";
        if (m_buffer.size() >= 32 * 1024)
            flush();
    }

    void flush()
    {
        if (m_buffer.isEmpty())
            return;
        fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), stderr);
        fflush(stderr);
        m_buffer.clear();
    }

private:
    QTimer m_timer;
    QByteArray m_buffer;
    QByteArray m_stamp;
    qint64 m_stampSecond = -1;
};

// QHttpServer 6.4 buffers whole requests without a size limit. This guard sees every byte before the
// server's parser does and answers 413 (or 431) as soon as the announced or received size passes the limit.
class BodyLimitGuard final : public QObject
{
    Q_OBJECT
public:
    BodyLimitGuard(QTcpSocket* socket, qint64 maxBody)
        : QObject(socket)
        , m_socket(socket)
        , m_maxBody(maxBody)
    {
        // Connected before QAbstractHttpServer connects its own slot, so this one runs first.
        connect(socket, &QTcpSocket::readyRead, this, &BodyLimitGuard::onReadyRead);
    }

    void reset()
    {
        m_inBody = false;
        m_header.clear();
        m_bodyBytes = 0;
    }

private:
    void onReadyRead()
    {
        if (m_rejected) {
            m_socket->readAll();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (!m_inBody) {
            m_header += m_socket->peek(qMin(available, MaxHeaderBytes + 4));
            const qsizetype end = m_header.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_header.size() > MaxHeaderBytes)
                    reject(431, u"The request headers are too large."_s);
                return;
            }
            const QList<QByteArray> lines = m_header.left(end).split('\n');
            for (const QByteArray& line : lines) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length") {
                    bool ok = false;
                    const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
                    if (!ok || length > m_maxBody) {
                        reject(413, u"The request body is larger than %1 bytes."_s.arg(m_maxBody));
                        return;
                    }
                }
            }
            m_inBody = true;
            m_bodyBytes = m_header.size() - (end + 4);
            m_header.clear();
        } else {
            m_bodyBytes += available;
        }
        if (m_bodyBytes > m_maxBody)
            reject(413, u"The request body is larger than %1 bytes."_s.arg(m_maxBody));
    }

    void reject(int status, const QString& message)
    {
        m_rejected = true;
        m_socket->readAll(); // the server's parser sees nothing of this request
        const QByteArray body =
            QJsonDocument(protocol::errorEnvelope(status == 413 ? QLatin1String(protocol::ErrorCode::PayloadTooLarge)
                                                                : u"request_header_fields_too_large"_s,
                                                  message))
                .toJson(QJsonDocument::Compact);
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                        "\r\nConnection: close\r\n\r\n" + body);
        qCInfo(lcHttp).noquote() << "-"
                                 << "-" << status << "rejected before parsing";
        // Close the sending side once the answer is out, keep draining so the client reads it instead of a reset.
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0) {
#ifdef Q_OS_UNIX
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
                m_socket->disconnectFromHost();
#endif
            }
        });
        QTimer::singleShot(5000, m_socket, [socket = m_socket] { socket->abort(); });
    }

    QTcpSocket* m_socket;
    qint64 m_maxBody;
    QByteArray m_header;
    qint64 m_bodyBytes = 0;
    bool m_inBody = false;
    bool m_rejected = false;
};

template <class Base> class GuardedTcpServer final : public Base
{
public:
    GuardedTcpServer(qint64 maxBody, QObject* parent)
        : Base(parent)
        , m_maxBody(maxBody)
    {}
    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Base::nextPendingConnection();
        if (socket)
            new BodyLimitGuard(socket, m_maxBody);
        return socket;
    }

private:
    qint64 m_maxBody;
};

class RequestServer final : public QAbstractHttpServer
{
public:
    RequestServer(Router& router, Api& api, QObject* parent)
        : QAbstractHttpServer(parent)
        , m_router(router)
        , m_api(api)
        , m_log(new AccessLog(this))
    {}

protected:
    bool handleRequest(const QHttpServerRequest& in, QTcpSocket* socket) override
    {
        QElapsedTimer timer;
        timer.start();
        Request request;
        request.method = methodName(in.method());
        request.path = in.url().path();
        request.query = in.query();
        const auto headers = in.headers();
        for (const auto& header : headers)
            request.headers.insert(header.first.toLower(), header.second);
        request.body = in.body();
        request.peer = in.remoteAddress();
        m_api.prepare(request);

        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(in, socket));
        auto answered = std::make_shared<bool>(false);
        QPointer<QTcpSocket> guardedSocket(socket);
        const QByteArray method = request.method;
        const QString path = request.path;
        const Reply reply = [responder, answered, guardedSocket, timer, method, path,
                             log = QPointer<AccessLog>(m_log)](const Response& response) {
            if (*answered || !guardedSocket)
                return;
            *answered = true;
            responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
            responder->writeHeader("Content-Type", response.contentType);
            responder->writeHeader("Content-Length", QByteArray::number(response.body.size()));
            responder->writeHeader("Cache-Control", "no-store");
            responder->writeHeader("X-Content-Type-Options", "nosniff");
            for (const auto& header : response.headers)
                responder->writeHeader(header.first, header.second);
            responder->writeBody(response.body);
            if (auto* guard = guardedSocket->findChild<BodyLimitGuard*>(QString(), Qt::FindDirectChildrenOnly))
                guard->reset();
            if (log)
                log->append(method, path, response.status, timer);
        };

        const Router::Match match = m_router.match(request);
        if (match.handler) {
            (*match.handler)(request, reply);
        } else if (!match.allowed.isEmpty()) {
            reply(Response::error(405, QLatin1String(protocol::ErrorCode::MethodNotAllowed),
                                  u"%1 is not allowed on %2; use %3."_s.arg(
                                      QString::fromLatin1(method), path, QString::fromLatin1(match.allowed.join(", "))))
                      .withHeader("Allow", match.allowed.join(", ")));
        } else {
            reply(Response::error(404, QLatin1String(protocol::ErrorCode::NotFound),
                                  u"No such endpoint: %1"_s.arg(path)));
        }
        return true;
    }

    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}

private:
    Router& m_router;
    Api& m_api;
    AccessLog* m_log;
};

HttpWorker::HttpWorker(ServerContext& context, int index, qintptr listenSocket, const QSslConfiguration* tls)
    : m_context(context)
    , m_index(index)
    , m_listenSocket(listenSocket)
{
    if (tls)
        m_tls = *tls;
}

HttpWorker::~HttpWorker() = default;

bool HttpWorker::start(QString* error)
{
    m_store = std::make_unique<Store>(u"worker-%1"_s.arg(m_index));
    if (!m_store->open(m_context.config.databasePath, error))
        return false;
    m_api = std::make_unique<Api>(m_context, *m_store);
    m_api->registerRoutes(m_router);
    m_server = new RequestServer(m_router, *m_api, this);

    QTcpServer* tcp = nullptr;
    if (m_tls) {
        auto* ssl = new GuardedTcpServer<QSslServer>(m_context.config.maxBodyBytes, m_server);
        ssl->setSslConfiguration(*m_tls);
        tcp = ssl;
    } else {
        tcp = new GuardedTcpServer<QTcpServer>(m_context.config.maxBodyBytes, m_server);
    }
    const bool listening = m_listenSocket >= 0
                               ? tcp->setSocketDescriptor(m_listenSocket)
                               : tcp->listen(m_context.config.listenAddress, m_context.config.listenPort);
    if (!listening) {
        *error = tcp->errorString();
        return false;
    }
    m_port = tcp->serverPort();
    m_server->bind(tcp);

    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(m_context.config.usageFlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &HttpWorker::flushUsage);
    m_flushTimer->start();
    return true;
}

void HttpWorker::stop()
{
    if (!m_store)
        return;
    delete m_flushTimer;
    m_flushTimer = nullptr;
    flushUsage();
    delete m_server;
    m_server = nullptr;
    m_api.reset();
    m_store.reset();
}

void HttpWorker::flushUsage()
{
    const auto updates = m_context.usage.take();
    if (updates.isEmpty() || m_store->recordUsage(updates))
        return;
    qCWarning(lcStore) << "could not record key usage; it will be retried";
    // Put back what was not written, unless a newer use arrived meanwhile.
    for (auto it = updates.cbegin(); it != updates.cend(); ++it) {
        if (!m_context.usage.pending(it.key()))
            m_context.usage.note(it.key(), it->at, it->ip);
    }
}

} // namespace td::server

#include "HttpWorker.moc"
