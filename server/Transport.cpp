#include "Transport.h"

#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace td::server {

#ifdef Q_OS_UNIX
#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

FdTransport::FdTransport(int fd, const QHostAddress& peer, QObject* parent)
    : Transport(parent)
    , m_fd(fd)
    , m_peer(peer)
    , m_readNotifier(new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this))
    , m_writeNotifier(new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this))
{
    // Each answer is written in one piece: no reason to wait for the peer's ACK before sending a short one.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
    ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one); // where send() has no MSG_NOSIGNAL
#endif
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &FdTransport::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &FdTransport::onWritable);
}

FdTransport::~FdTransport()
{
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    if (m_fd >= 0)
        ::close(m_fd);
}

void FdTransport::onReadable()
{
    if (m_closed)
        return;
    bool got = false;
    while (m_in.size() < MaxBuffered) {
        const qsizetype at = m_in.size();
        const qsizetype room = std::min<qsizetype>(64 * 1024, MaxBuffered - at);
        m_in.resize(at + room);
        const ssize_t n = ::recv(m_fd, m_in.data() + at, size_t(room), 0);
        if (n > 0) {
            m_in.resize(at + n);
            got = true;
            if (n < room)
                break;
            continue;
        }
        m_in.resize(at);
        if (n == 0) {
            m_eof = true;
            break;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        fail(); // reset by the peer, or another error
        return;
    }
    updateReadNotifier();
    if (got)
        emit readyRead();
    if (m_eof && !m_closed) {
        if (m_shutdown) { // both sides are closed now
            m_closed = true;
            emit closed();
            return;
        }
        emit inputEnded();
    }
}

QByteArray FdTransport::read()
{
    QByteArray data = std::exchange(m_in, {});
    updateReadNotifier();
    return data;
}

void FdTransport::updateReadNotifier()
{
    m_readNotifier->setEnabled(!m_closed && !m_eof && m_reading && m_in.size() < MaxBuffered);
}

void FdTransport::setReading(bool on)
{
    m_reading = on;
    updateReadNotifier();
}

void FdTransport::write(const QByteArray& data)
{
    if (m_closed || m_shutdown || data.isEmpty())
        return;
    if (m_outPos == m_out.size()) {
        m_out = data;
        m_outPos = 0;
    } else {
        m_out.append(data);
    }
    flush();
}

bool FdTransport::flush()
{
    while (m_outPos < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.constData() + m_outPos, size_t(m_out.size() - m_outPos), MSG_NOSIGNAL);
        if (n > 0) {
            m_outPos += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writeNotifier->setEnabled(true);
            return true;
        }
        fail();
        return false;
    }
    m_out.clear();
    m_outPos = 0;
    m_writeNotifier->setEnabled(false);
    if (m_wantShutdown && !m_shutdown) {
        ::shutdown(m_fd, SHUT_WR);
        m_shutdown = true;
        if (m_eof) {
            m_closed = true;
            emit closed();
            return false;
        }
    }
    return true;
}

void FdTransport::onWritable()
{
    if (m_closed)
        return;
    if (flush() && m_outPos == 0 && m_out.isEmpty())
        emit drained();
}

void FdTransport::closeWrite()
{
    if (m_closed || m_wantShutdown)
        return;
    m_wantShutdown = true;
    if (m_outPos == m_out.size())
        flush();
}

void FdTransport::abort()
{
    if (m_closed)
        return;
    fail();
}

void FdTransport::fail()
{
    m_closed = true;
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
    m_in.clear();
    m_out.clear();
    m_outPos = 0;
    emit closed();
}

#endif // Q_OS_UNIX

SocketTransport::SocketTransport(QTcpSocket* socket, QObject* parent)
    : Transport(parent)
    , m_socket(socket)
    , m_peer(socket->peerAddress())
    , m_tls(qobject_cast<QSslSocket*>(socket) != nullptr)
{
    socket->setParent(this);
    // Qt stops reading from the kernel when this much is buffered: a client that sends faster than it is answered
    // is slowed down by TCP instead of filling memory.
    socket->setReadBufferSize(256 * 1024);
    connect(socket, &QTcpSocket::readyRead, this, [this] {
        if (m_reading)
            emit readyRead();
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0) {
            finishWrite();
            emit drained();
        }
    });
    const auto gone = [this] {
        if (m_closed)
            return;
        m_closed = true;
        emit closed();
    };
    connect(socket, &QTcpSocket::disconnected, this, gone);
    connect(socket, &QTcpSocket::errorOccurred, this, [this, gone](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError || error == QAbstractSocket::SslHandshakeFailedError ||
            m_socket->state() == QAbstractSocket::UnconnectedState) {
            m_socket->abort();
            gone();
        }
    });
    if (auto* ssl = qobject_cast<QSslSocket*>(socket))
        connect(ssl, &QSslSocket::encrypted, this, &Transport::ready);
}

SocketTransport::~SocketTransport() = default;

bool SocketTransport::isReady() const
{
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket))
        return ssl->isEncrypted();
    return true;
}

QByteArray SocketTransport::read()
{
    return m_socket->readAll();
}

void SocketTransport::write(const QByteArray& data)
{
    if (!m_closed && !m_wantClose)
        m_socket->write(data);
}

qint64 SocketTransport::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void SocketTransport::setReading(bool on)
{
    // Qt keeps reading into its own buffer up to the read buffer size; then TCP slows the peer down.
    m_reading = on;
    if (on && m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &Transport::readyRead, Qt::QueuedConnection);
}

void SocketTransport::closeWrite()
{
    if (m_closed || m_wantClose)
        return;
    m_wantClose = true;
    if (m_socket->bytesToWrite() == 0)
        finishWrite();
}

void SocketTransport::finishWrite()
{
    if (!m_wantClose || m_closed)
        return;
    if (m_tls) {
        // Qt writes the remaining encrypted records, then close_notify, then closes.
        m_socket->disconnectFromHost();
        return;
    }
#ifdef Q_OS_UNIX
    if (m_socket->socketDescriptor() >= 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
}

void SocketTransport::abort()
{
    if (m_closed)
        return;
    m_socket->abort();
    if (!m_closed) {
        m_closed = true;
        emit closed();
    }
}

} // namespace td::server
