#include "Server.h"
#include "Text.h"

#include "Clock.h"
#include "HttpWorker.h"
#include "Log.h"
#include "Notifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

#ifdef Q_OS_UNIX
// A listening socket with SO_REUSEPORT so that several threads can each accept on the same port and the
// kernel spreads connections among them.
int openListener(const QHostAddress& address, quint16 port, QString* error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc = -1;
    if (v6) {
        const int zero = 0;
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
        sockaddr_in6 sa{};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        memcpy(&sa.sin6_addr, &a, sizeof a);
        rc = ::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa);
    } else {
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa);
    }
    if (rc != 0 || ::listen(fd, 1024) != 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0)
        return 0;
    if (ss.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
}
#endif

// --max-connections, or what the descriptor limit allows: a reserve for the database, the key file, logs and Qt's
// own pipes, then an equal share per worker of which a sixteenth is kept for answering 503 to those over the limit.
int connectionsPerWorker(const ServerConfig& config, int workers)
{
    if (config.maxConnections > 0)
        return config.maxConnections;
    qint64 descriptors = 1024;
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        descriptors = qint64(limit.rlim_cur);
    else if (limit.rlim_cur == RLIM_INFINITY)
        descriptors = 1 << 20;
#endif
    const qint64 reserve = 64 + 16LL * workers;
    const qint64 share = std::max<qint64>(32, (descriptors - reserve) / std::max(1, workers));
    return int(std::min<qint64>(share - HttpWorker::refusalSlots(int(share)), 1000000));
}

std::optional<QSslConfiguration> loadTls(const ServerConfig& config, QString* error)
{
    QFile certFile(config.tlsCertPath);
    QFile keyFile(config.tlsKeyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the TLS certificate or key: %1")
                     .arg(certFile.isOpen() ? keyFile.errorString() : certFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = tr("The TLS certificate or key is not valid PEM.");
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

} // namespace

// Writes what the workers note about usage (ServerContext::usage) and keeps the audit log up to date (refusal counts
// into their rows, the daily retention clean-up), on a thread and a database connection of its own.
//
// Not on a worker: a flush is one transaction with several upserts per credential used since the previous flush.
// With 10,000 keys in use it takes about 200 ms, and a worker running it would serve none of its connections
// meanwhile: that made the p99 of bench/server-throughput with KEYS=10000 (170-210 ms; bench/README.md). Here only
// SQLite's write lock is held meanwhile: the workers' reads do not wait for it (WAL), and their few writes wait at
// most one flush (busy_timeout).
//
// One flush at a time, the next one usageFlushMs after the previous one ended, so at most one per interval. Under
// more load a batch holds more requests but not more rows (one set per credential), so a writer that falls behind
// catches up by itself. A failed flush is put back and retried on the next tick; stop() writes whatever is pending
// once the workers have stopped, so a graceful stop loses nothing.
class UsageWriter final : public QObject
{
public:
    explicit UsageWriter(ServerContext& context)
        : m_context(context)
    {}

    // Run in the writer's thread.
    bool start(QString* error)
    {
        auto store = std::make_unique<Store>(u"usage"_s);
        if (!store->open(m_context.config.databasePath, error))
            return false;
        m_store = std::move(store);
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setInterval(m_context.config.usageFlushMs);
        connect(m_timer, &QTimer::timeout, this, [this] {
            flush();
            m_timer->start();
        });
        m_timer->start();
        return true;
    }

    void stop()
    {
        if (!m_store)
            return;
        delete m_timer;
        m_timer = nullptr;
        if (!flush())
            qCWarning(lcStore) << "stopping without the last usage batch: it could not be written";
        m_store.reset();
    }

private:
    // false: the usage batch could not be written and is pending again.
    bool flush()
    {
        auditMaintenance();
        const auto updates = m_context.usage.take();
        if (updates.isEmpty() || m_store->recordUsage(updates))
            return true;
        qCWarning(lcStore) << "could not record key usage; it will be retried";
        m_context.usage.restore(updates); // put back, added to what arrived meanwhile
        return false;
    }

    void auditMaintenance()
    {
        const qint64 now = Clock::nowMs();
        for (const RefusalThrottle::Ended& e : m_context.refusals.takeEnded(now)) {
            const QString detail =
                e.detail + QCoreApplication::translate("tokendesk-server", " (and %n more time(s) within the minute)",
                                                       nullptr, e.more);
            if (!m_store->setAuditDetail(e.rowId, detail))
                qCWarning(lcStore) << "could not add a refusal count to the audit log";
        }
        // Retention: once a day (by the server's clock).
        const int days = m_context.config.auditRetentionDays;
        constexpr qint64 DayMs = 24LL * 3600 * 1000;
        const qint64 last = m_context.lastAuditCleanup.load();
        if (days > 0 && now - last >= DayMs) {
            m_context.lastAuditCleanup.store(now);
            const int deleted = m_store->deleteAuditBefore(now - days * DayMs);
            if (deleted > 0)
                qCInfo(lcStore).noquote() << u"deleted %1 audit events older than %2 days"_s.arg(deleted).arg(days);
            else if (deleted < 0)
                m_context.lastAuditCleanup.store(last); // try again on the next tick
        }
    }

    ServerContext& m_context;
    std::unique_ptr<Store> m_store;
    QTimer* m_timer = nullptr;
};

Server::Server(ServerContext& context)
    : m_context(context)
{}

Server::~Server()
{
    stop();
}

bool Server::start(QString* error)
{
    const ServerConfig& config = m_context.config;
    std::optional<QSslConfiguration> tls;
    if (config.tlsEnabled()) {
        tls = loadTls(config, error);
        if (!tls)
            return false;
    }
    // The writer first: a worker's first requests may already note usage.
    m_usageThread = new QThread;
    m_usageThread->setObjectName(u"usage"_s);
    m_usageWriter = new UsageWriter(m_context);
    m_usageWriter->moveToThread(m_usageThread);
    m_usageThread->start();
    bool writing = false;
    QString writerError;
    QMetaObject::invokeMethod(
        m_usageWriter, [&] { writing = m_usageWriter->start(&writerError); }, Qt::BlockingQueuedConnection);
    if (!writing) {
        *error = tr("The usage writer could not start: %1").arg(writerError);
        stop();
        return false;
    }
    m_notifierThread = new QThread;
    m_notifierThread->setObjectName(u"notifications"_s);
    m_notifier = new Notifier(m_context);
    m_notifier->moveToThread(m_notifierThread);
    m_notifierThread->start();
    bool notifying = false;
    QMetaObject::invokeMethod(
        m_notifier, [&] { notifying = m_notifier->start(&writerError); }, Qt::BlockingQueuedConnection);
    if (!notifying) {
        *error = tr("The notifier could not start: %1").arg(writerError);
        stop();
        return false;
    }
    QList<qintptr> sockets;
#ifdef Q_OS_UNIX
    for (int i = 0; i < config.workers; ++i) {
        const int fd = openListener(config.listenAddress, i == 0 ? config.listenPort : m_port, error);
        if (fd < 0) {
            *error = tr("Cannot listen on %1:%2: %3")
                         .arg(config.listenAddress.toString())
                         .arg(config.listenPort)
                         .arg(*error);
            for (qintptr s : sockets)
                ::close(int(s));
            stop();
            return false;
        }
        if (i == 0)
            m_port = boundPort(fd);
        sockets.append(fd);
    }
#else
    // Without SO_REUSEPORT one worker listens through QTcpServer itself.
    sockets.append(-1);
#endif
    const int maxConnections = connectionsPerWorker(config, int(sockets.size()));
    for (int i = 0; i < sockets.size(); ++i) {
        auto* thread = new QThread;
        thread->setObjectName(u"http-%1"_s.arg(i));
        auto* worker = new HttpWorker(m_context, i, sockets.at(i), tls ? &*tls : nullptr, maxConnections);
        worker->moveToThread(thread);
        thread->start();
        m_threads.append(thread);
        m_workers.append(worker);
        bool ok = false;
        QString workerError;
        QMetaObject::invokeMethod(
            worker, [&] { ok = worker->start(&workerError); }, Qt::BlockingQueuedConnection);
        if (!ok) {
            *error = tr("Worker %1 could not start: %2").arg(i).arg(workerError);
            stop();
            return false;
        }
        if (m_port == 0)
            m_port = worker->port();
    }
    return true;
}

void Server::stop()
{
    for (int i = 0; i < m_workers.size(); ++i) {
        HttpWorker* worker = m_workers.at(i);
        QMetaObject::invokeMethod(
            worker, [worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
        m_threads.at(i)->quit();
        m_threads.at(i)->wait();
        delete worker; // its thread has finished and it owns no children any more
        delete m_threads.at(i);
    }
    m_workers.clear();
    m_threads.clear();
    if (m_notifier) {
        QMetaObject::invokeMethod(
            m_notifier, [this] { m_notifier->stop(); }, Qt::BlockingQueuedConnection);
        m_notifierThread->quit();
        m_notifierThread->wait();
        delete m_notifier;
        m_notifier = nullptr;
        delete m_notifierThread;
        m_notifierThread = nullptr;
    }
    // After the workers: nothing notes usage any more, so this last flush writes all of it.
    if (m_usageWriter) {
        QMetaObject::invokeMethod(
            m_usageWriter, [this] { m_usageWriter->stop(); }, Qt::BlockingQueuedConnection);
        m_usageThread->quit();
        m_usageThread->wait();
        delete m_usageWriter;
        m_usageWriter = nullptr;
        delete m_usageThread;
        m_usageThread = nullptr;
    }
}

QUrl Server::url() const
{
    QUrl url;
    url.setScheme(m_context.config.tlsEnabled() ? u"https"_s : u"http"_s);
    QHostAddress host = m_context.config.listenAddress;
    if (host == QHostAddress::AnyIPv6 || host == QHostAddress::AnyIPv4 || host == QHostAddress::Any)
        host = QHostAddress::LocalHost;
    url.setHost(host.toString());
    url.setPort(m_port);
    return url;
}

QStringList Server::routes() const
{
    return m_workers.isEmpty() ? QStringList() : m_workers.constFirst()->routes();
}

} // namespace td::server
