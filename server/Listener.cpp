#include "Listener.h"

#include "Log.h"

#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace td::server {

#ifndef Q_OS_UNIX
namespace {
// QTcpServer that hands out descriptors instead of queueing sockets (no pending-connection limit applies).
class DescriptorServer final : public QTcpServer
{
public:
    explicit DescriptorServer(Listener* listener)
        : QTcpServer(listener)
        , m_listener(listener)
    {}

protected:
    void incomingConnection(qintptr fd) override { emit m_listener->accepted(fd, QHostAddress()); }

private:
    Listener* m_listener;
};
} // namespace
#endif

Listener::Listener(QObject* parent)
    : QObject(parent)
    , m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    m_resumeTimer->setInterval(ResumeDelayMs);
    connect(m_resumeTimer, &QTimer::timeout, this, &Listener::resume);
}

Listener::~Listener()
{
#ifdef Q_OS_UNIX
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

bool Listener::start(qintptr listenSocket, const QHostAddress& address, quint16 port, QString* error)
{
#ifdef Q_OS_UNIX
    Q_UNUSED(address)
    Q_UNUSED(port)
    if (listenSocket < 0) {
        *error = QStringLiteral("no listening socket");
        return false;
    }
    m_fd = int(listenSocket);
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        m_port = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port
                                                : reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
    m_notifier = new QSocketNotifier(listenSocket, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Listener::acceptReady);
    return true;
#else
    auto* server = new DescriptorServer(this);
    m_server = server;
    const bool ok = listenSocket >= 0 ? server->setSocketDescriptor(listenSocket) : server->listen(address, port);
    if (!ok) {
        *error = server->errorString();
        return false;
    }
    m_port = server->serverPort();
    connect(server, &QTcpServer::acceptError, this, [this] { pause(); });
    return true;
#endif
}

void Listener::pause()
{
    ++m_pauses;
#ifdef Q_OS_UNIX
    m_notifier->setEnabled(false);
#else
    m_server->pauseAccepting();
#endif
    if (m_pauses == 1 || m_pauses % 100 == 0)
        qCWarning(lcHttp) << "accepting paused: the process is out of descriptors or memory; pauses so far:"
                          << m_pauses;
    m_resumeTimer->start();
}

void Listener::resume()
{
#ifdef Q_OS_UNIX
    m_notifier->setEnabled(true);
#else
    m_server->resumeAccepting();
#endif
}

#ifdef Q_OS_UNIX
void Listener::acceptReady()
{
    // A bounded batch per wake-up, so that one busy port cannot keep the worker from its connections.
    for (int i = 0; i < 64; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
#ifdef Q_OS_LINUX
        const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
        const int fd = ::accept(m_fd, reinterpret_cast<sockaddr*>(&ss), &len);
        if (fd >= 0) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
#endif
        if (fd < 0) {
            switch (errno) {
            case EINTR:
            case ECONNABORTED:
            case EPROTO:
                continue;
            case EMFILE:
            case ENFILE:
            case ENOBUFS:
            case ENOMEM:
                pause();
                return;
            default: // EAGAIN: nothing more to accept
                return;
            }
        }
        QHostAddress peer(reinterpret_cast<const sockaddr*>(&ss));
        emit accepted(fd, peer);
    }
}
#endif

} // namespace td::server
