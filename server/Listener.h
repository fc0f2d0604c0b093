#pragma once

#include <QHostAddress>
#include <QObject>

class QSocketNotifier;
class QTcpServer;
class QTimer;

namespace td::server {

// Accepts connections on a listening socket and hands over each new descriptor. When the process runs out of
// descriptors (EMFILE, ENFILE) or memory, accepting pauses and resumes by itself after ResumeDelayMs: a flood
// must never leave a listener deaf (Qt's QTcpServer pauses on EMFILE and nothing resumes it).
class Listener final : public QObject
{
    Q_OBJECT
public:
    static constexpr int ResumeDelayMs = 100;

    explicit Listener(QObject* parent = nullptr);
    ~Listener() override;
    Q_DISABLE_COPY_MOVE(Listener)

    // listenSocket >= 0: a bound, listening descriptor (SO_REUSEPORT); else listens on address:port itself.
    bool start(qintptr listenSocket, const QHostAddress& address, quint16 port, QString* error);
    quint16 port() const { return m_port; }
    qint64 pauses() const { return m_pauses; } // how often accepting had to pause (descriptors ran out)

signals:
    // The receiver owns fd from now on (closes it, or gives it to a socket).
    void accepted(qintptr fd, const QHostAddress& peer);

private:
    void pause();
    void resume();

#ifdef Q_OS_UNIX
    void acceptReady();
    int m_fd = -1;
    QSocketNotifier* m_notifier = nullptr;
#else
    QTcpServer* m_server = nullptr;
#endif
    QTimer* m_resumeTimer;
    quint16 m_port = 0;
    qint64 m_pauses = 0;
};

} // namespace td::server
