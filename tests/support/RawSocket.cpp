#include "RawSocket.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace td::test {

bool RawSocket::connectTo(quint16 port, const char* from)
{
    close();
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    if (from) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, from, &local.sin_addr);
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
            close();
            return false;
        }
    }
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) {
        close();
        return false;
    }
    return true;
}

bool RawSocket::send(const QByteArray& data)
{
    qsizetype at = 0;
    while (m_fd >= 0 && at < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + at, size_t(data.size() - at), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        at += n;
    }
    return m_fd >= 0;
}

void RawSocket::shutdownWrite()
{
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

void RawSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

namespace {

// One read of what is there within the time left: 0 bytes and *eof when the peer closed. Qt's events are
// processed while waiting, so that TestServer keeps draining the server's log pipe (a full pipe stalls the server).
bool readOnce(int fd, QByteArray& into, qint64 leftMs, bool* eof)
{
    pollfd p{fd, POLLIN, 0};
    QElapsedTimer waited;
    waited.start();
    int ready = 0;
    do {
        if (QCoreApplication::instance())
            QCoreApplication::processEvents();
        ready = ::poll(&p, 1, int(std::clamp<qint64>(leftMs - waited.elapsed(), 0, 20)));
    } while (ready == 0 && waited.elapsed() < leftMs);
    if (ready <= 0)
        return false;
    char buffer[65536];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
        *eof = true;
        return false;
    }
    into.append(buffer, n);
    return true;
}

bool completeResponse(const QByteArray& data)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = data.first(end).toLower();
    const qsizetype at = head.indexOf("\r\ncontent-length:");
    if (at < 0)
        return true;
    const qsizetype lineEnd = head.indexOf("\r\n", at + 2);
    const qint64 length = head.mid(at + 17, (lineEnd < 0 ? head.size() : lineEnd) - at - 17).trimmed().toLongLong();
    return data.size() >= end + 4 + length;
}

} // namespace

QByteArray RawSocket::readResponse(int timeoutMs)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    bool eof = false;
    while (m_fd >= 0 && !eof && !completeResponse(data) && timer.elapsed() < timeoutMs)
        readOnce(m_fd, data, timeoutMs - timer.elapsed(), &eof);
    return data;
}

QByteArray RawSocket::readUntilClosed(int timeoutMs, bool* closed)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    bool eof = false;
    while (m_fd >= 0 && !eof && timer.elapsed() < timeoutMs)
        readOnce(m_fd, data, timeoutMs - timer.elapsed(), &eof);
    if (closed)
        *closed = eof;
    return data;
}

QByteArray RawSocket::readSome(int timeoutMs)
{
    QByteArray data;
    bool eof = false;
    if (m_fd >= 0)
        readOnce(m_fd, data, timeoutMs, &eof);
    return data;
}

int RawSocket::status(const QByteArray& response)
{
    if (!response.startsWith("HTTP/1."))
        return 0;
    return response.mid(9, 3).toInt();
}

QList<int> RawSocket::statuses(const QByteArray& responses)
{
    QList<int> out;
    for (qsizetype at = responses.indexOf("HTTP/1."); at >= 0; at = responses.indexOf("HTTP/1.", at + 1)) {
        if (at == 0 || responses.mid(at - 2, 2) == "\r\n" || responses.at(at - 1) == '}')
            out.append(responses.mid(at + 9, 3).toInt());
    }
    return out;
}

void raiseDescriptorLimit()
{
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &r);
    }
}

} // namespace td::test
