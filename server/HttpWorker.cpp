#include "HttpWorker.h"

#include "HttpConnection.h"
#include "Listener.h"
#include "Log.h"
#include "Transport.h"
#include "protocol/Dto.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace td::server {

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
        const qint64 micros = timer.nsecsElapsed() / 1000;
        char head[8];
        std::snprintf(head, sizeof head, ".%03d ", int(now % 1000));
        char tail[48];
        const int tailLength =
            std::snprintf(tail, sizeof tail, " %d %lld.%02lldms\n", status, static_cast<long long>(micros / 1000),
                          static_cast<long long>(micros % 1000 / 10));
        m_buffer += m_stamp;
        m_buffer += head;
        m_buffer += lcHttp().categoryName();
        m_buffer += ' ';
        m_buffer += method;
        m_buffer += ' ';
        appendPath(m_buffer, path);
        m_buffer.append(tail, tailLength);
        if (m_buffer.size() >= 32 * 1024)
            flush();
    }

    // The path as UTF-8 with control characters and spaces percent-encoded again: a decoded "%0A" must not start a
    // forged log line, nor a space shift the fields. The usual printable-ASCII path is copied without a temporary.
    static void appendPath(QByteArray& out, const QString& text)
    {
        const auto plain = [](char16_t c) {
            return c > 0x20 && c < 0x7f;
        };
        if (std::all_of(text.cbegin(), text.cend(), [&](QChar c) { return plain(c.unicode()); })) {
            const qsizetype at = out.size();
            out.resize(at + text.size());
            char* p = out.data() + at;
            for (const QChar c : text)
                *p++ = char(c.unicode());
            return;
        }
        static const char* const hex = "0123456789ABCDEF";
        // Also C1 controls and the Unicode line and paragraph separators, which some log viewers break lines at.
        const auto escaped = [](char16_t u) {
            return u <= 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || u == 0x2028 || u == 0x2029;
        };
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t u = text.at(i).unicode();
            const qsizetype units = QChar::isHighSurrogate(u) && i + 1 < text.size() ? 2 : 1;
            const QByteArray utf8 = QStringView(text).sliced(i, units).toUtf8();
            i += units - 1;
            if (!escaped(u)) {
                out += utf8;
                continue;
            }
            for (const char c : utf8) {
                out += '%';
                out += hex[static_cast<unsigned char>(c) >> 4];
                out += hex[static_cast<unsigned char>(c) & 0xf];
            }
        }
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

HttpWorker::HttpWorker(ServerContext& context, int index, qintptr listenSocket, const QSslConfiguration* tls,
                       int maxConnections)
    : m_context(context)
    , m_index(index)
    , m_listenSocket(listenSocket)
    , m_maxConnections(maxConnections)
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
    m_store->setAuthCache(&m_context.authCache);
    m_api = std::make_unique<Api>(m_context, *m_store);
    m_api->registerRoutes(m_router);
    m_log = new AccessLog(this);

    const ServerConfig& config = m_context.config;
    m_limits.maxBodyBytes = config.maxBodyBytes;
    m_limits.idleMs = config.idleTimeoutMs;
    m_limits.requestMs = config.requestTimeoutMs;
    m_limits.handshakeMs = config.handshakeTimeoutMs;
    m_listener = new Listener(this);
    if (!m_listener->start(m_listenSocket, config.listenAddress, config.listenPort, error))
        return false;
    m_listenSocket = -1; // the listener owns it now
    m_port = m_listener->port();
    connect(m_listener, &Listener::accepted, this, &HttpWorker::accept);

    // Timeouts are checked a few times per shortest timeout, at most every 5 s.
    const qint64 shortest = std::min({m_limits.idleMs, m_limits.requestMs, m_limits.handshakeMs});
    m_idleTimer = new QTimer(this);
    m_idleTimer->setInterval(int(std::clamp<qint64>(shortest / 4, 100, 5000)));
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        const qint64 now = HttpConnection::monotonicMs();
        for (HttpConnection* connection : std::as_const(m_connections))
            connection->closeIfIdle(now);
    });
    m_idleTimer->start();
    return true;
}

void HttpWorker::accept(qintptr fd, const QHostAddress& peer)
{
    const ServerConfig& config = m_context.config;
    // Per client address (IPv6: per /64), all workers together; a trusted proxy speaks for many clients.
    const bool proxy = !config.trustedProxies.isEmpty() && protocol::allowlistPermits(config.trustedProxies, peer);
    const QString bucket = proxy || peer.isNull() ? QString() : clientBucket(peer);
    const bool overWorker = m_connections.size() - m_refusing >= m_maxConnections;
    const bool counted = !overWorker && (bucket.isEmpty() || m_context.clientConnections.acquire(bucket));
    const bool refuse = !counted;
    if (refuse && m_refusing >= refusalSlots(m_maxConnections)) {
        // Far over the limit: not even an answer, the descriptor is needed more elsewhere.
#ifdef Q_OS_UNIX
        ::close(int(fd));
#else
        QTcpSocket discard;
        discard.setSocketDescriptor(fd);
        discard.abort();
#endif
        return;
    }

    Transport* transport = nullptr;
    if (m_tls) {
        auto* ssl = new QSslSocket;
        ssl->setSocketDescriptor(fd);
        ssl->setSslConfiguration(*m_tls);
        ssl->startServerEncryption();
        transport = new SocketTransport(ssl);
    } else {
#ifdef Q_OS_UNIX
        transport = new FdTransport(int(fd), peer);
#else
        auto* socket = new QTcpSocket;
        socket->setSocketDescriptor(fd);
        transport = new SocketTransport(socket);
#endif
    }
    auto* connection = new HttpConnection(
        transport, m_limits, m_context.bodyBudget,
        [this](Request& request, const Reply& reply) { dispatch(request, reply); },
        [log = QPointer<AccessLog>(m_log)](const QByteArray& method, const QString& path, int status,
                                           const QElapsedTimer& timer) {
            if (log)
                log->append(method, path, status, timer);
        },
        refuse, this);
    m_connections.insert(connection);
    if (refuse)
        ++m_refusing;
    const QString countedBucket = counted ? bucket : QString();
    connect(connection, &QObject::destroyed, this, [this, connection, refuse, countedBucket] {
        m_connections.remove(connection);
        if (refuse)
            --m_refusing;
        if (!countedBucket.isEmpty())
            m_context.clientConnections.release(countedBucket);
    });
}

void HttpWorker::dispatch(Request& request, const Reply& reply)
{
    m_api->prepare(request);
    const Router::Match match = m_router.match(request);
    if (match.handler) {
        (*match.handler)(request, reply);
    } else if (!match.allowed.isEmpty()) {
        reply(
            Response::error(405, QLatin1String(protocol::ErrorCode::MethodNotAllowed),
                            u"%1 is not allowed on %2; use %3."_s.arg(QString::fromLatin1(request.method), request.path,
                                                                      QString::fromLatin1(match.allowed.join(", "))))
                .withHeader("Allow", match.allowed.join(", ")));
    } else {
        reply(Response::error(404, QLatin1String(protocol::ErrorCode::NotFound),
                              u"No such endpoint: %1"_s.arg(request.path)));
    }
}

void HttpWorker::stop()
{
    if (!m_store)
        return;
    delete m_idleTimer;
    m_idleTimer = nullptr;
    delete m_listener;
    m_listener = nullptr;
    for (HttpConnection* connection : std::exchange(m_connections, {}))
        delete connection;
    delete m_log;
    m_log = nullptr;
    m_api.reset();
    m_store.reset();
}

} // namespace td::server
