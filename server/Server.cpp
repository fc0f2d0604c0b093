#include "Server.h"
#include "Text.h"

#include "HttpWorker.h"
#include "Log.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThread>

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
