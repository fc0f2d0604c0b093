#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QSocketNotifier;
class QTcpSocket;
class QTimer;

namespace td::server {

// The byte stream under one HTTP connection. HttpConnection speaks to this and never to a socket class, so that
// plain TCP and TLS share one parser and one set of timeouts.
//
// Plain TCP on Unix is a descriptor of our own (FdTransport): Qt's QTcpSocket closes the whole socket when the
// peer half-closes, so a request followed by shutdown(SHUT_WR) ran but its answer could never be sent. TLS is a
// QSslSocket on a descriptor that the worker accepted itself (SocketTransport): QSslServer stopped accepting for
// good once 30 peers had closed during their handshake.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QHostAddress peerAddress() const = 0;
    virtual bool isEncrypted() const = 0;
    virtual bool isReady() const = 0; // the TLS handshake is done (plain: from the start)
    virtual QByteArray read() = 0;    // everything received and not read yet (may be empty)
    virtual bool atEnd() const = 0;   // the peer half-closed (inputEnded() follows, or was emitted)
    virtual void write(const QByteArray& data) = 0;
    virtual qint64 bytesToWrite() const = 0;
    virtual void setReading(bool on) = 0; // off: leave data in the kernel, so that TCP slows the peer down
    // Sends what is queued, then ends the sending side (FIN; TLS: close_notify). Reading goes on until the peer
    // closes too; then closed() is emitted.
    virtual void closeWrite() = 0;
    virtual void abort() = 0; // closes at once; emits closed()

signals:
    void ready();      // TLS: the handshake finished
    void readyRead();  // read() has data
    void drained();    // everything written so far has left
    void inputEnded(); // the peer half-closed: no more data will come, answers can still be sent
    void closed();     // gone for good (reset, error, or both sides closed)
};

#ifdef Q_OS_UNIX
// Plain TCP on a non-blocking descriptor that this object owns.
class FdTransport final : public Transport
{
    Q_OBJECT
public:
    FdTransport(int fd, const QHostAddress& peer, QObject* parent = nullptr);
    ~FdTransport() override;
    Q_DISABLE_COPY_MOVE(FdTransport)

    QHostAddress peerAddress() const override { return m_peer; }
    bool isEncrypted() const override { return false; }
    bool isReady() const override { return true; }
    QByteArray read() override;
    bool atEnd() const override { return m_eof; }
    void write(const QByteArray& data) override;
    qint64 bytesToWrite() const override { return m_out.size() - m_outPos; }
    void setReading(bool on) override;
    void closeWrite() override;
    void abort() override;

private:
    static constexpr qsizetype MaxBuffered = 256 * 1024; // read from the kernel ahead of the parser

    void onReadable();
    void onWritable();
    bool flush(); // false: the connection failed
    void updateReadNotifier();
    void fail();

    int m_fd;
    QHostAddress m_peer;
    QSocketNotifier* m_readNotifier;
    QSocketNotifier* m_writeNotifier;
    QByteArray m_in;
    QByteArray m_out;
    qsizetype m_outPos = 0;
    bool m_reading = true;
    bool m_eof = false;
    bool m_wantShutdown = false;
    bool m_shutdown = false;
    bool m_closed = false;
};
#endif

// A QTcpSocket or QSslSocket (already given its descriptor; a QSslSocket already told to start encryption).
class SocketTransport final : public Transport
{
    Q_OBJECT
public:
    explicit SocketTransport(QTcpSocket* socket, QObject* parent = nullptr);
    ~SocketTransport() override;
    Q_DISABLE_COPY_MOVE(SocketTransport)

    QHostAddress peerAddress() const override { return m_peer; }
    bool isEncrypted() const override { return m_tls; }
    bool isReady() const override;
    QByteArray read() override;
    bool atEnd() const override { return false; } // Qt closes the whole socket when the peer half-closes
    void write(const QByteArray& data) override;
    qint64 bytesToWrite() const override;
    void setReading(bool on) override;
    void closeWrite() override;
    void abort() override;

private:
    void finishWrite();

    QTcpSocket* m_socket;
    QHostAddress m_peer;
    bool m_tls;
    bool m_reading = true;
    bool m_wantClose = false;
    bool m_closed = false;
};

} // namespace td::server
