#pragma once

// Blocking POSIX sockets for tests that need what QTcpSocket cannot do: half-close (shutdown(SHUT_WR)), a chosen
// loopback source address (127.0.0.2 …), thousands of connections without an event loop.
#include <QByteArray>
#include <QList>

namespace td::test {

class RawSocket final
{
public:
    RawSocket() = default;
    ~RawSocket() { close(); }
    RawSocket(RawSocket&& other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {}
    RawSocket& operator=(RawSocket&& other) noexcept
    {
        if (this != &other) {
            close();
            m_fd = std::exchange(other.m_fd, -1);
        }
        return *this;
    }
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    // Connects to 127.0.0.1:port, from the loopback address `from` when given. False when it failed.
    bool connectTo(quint16 port, const char* from = nullptr);
    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    bool send(const QByteArray& data);
    void shutdownWrite();
    void close();

    // Reads until one whole response (head plus Content-Length bytes) has arrived, the peer closed, or timeoutMs
    // passed. What did arrive is returned.
    QByteArray readResponse(int timeoutMs = 20000);
    // Reads until the peer closes (or timeoutMs); *closed says whether it did.
    QByteArray readUntilClosed(int timeoutMs, bool* closed = nullptr);
    // Whatever arrives within timeoutMs (empty: nothing, or closed).
    QByteArray readSome(int timeoutMs);

    static int status(const QByteArray& response); // 0 when no status line
    // Every status line's code in a stream of responses, in order.
    static QList<int> statuses(const QByteArray& responses);

private:
    int m_fd = -1;
};

// Raises this process's soft descriptor limit to its hard limit (a test opening thousands of sockets).
void raiseDescriptorLimit();

} // namespace td::test
