#pragma once

#include "Http.h"
#include "HttpParser.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>

namespace td::server {

class BodyBudget;
class Transport;

// One HTTP/1.1 connection: feeds what the transport reads to an HttpParser, reserves request bodies in the shared
// budget, answers Expect: 100-continue, hands each request to the dispatcher and writes its response in one piece
// (keep-alive, pipelining, half-close), with the timeouts and back-pressure that keep one client from holding the
// server. Every failure is answered with the JSON envelope.
//
// QHttpServer 6.4 buffered requests without any size limit, answered 404 to a wrong method and cost about half the
// server's time per request: hence a parser and connection of our own.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    // Called once per complete request; reply may be called later (slow work), at most once.
    using Dispatch = std::function<void(Request& request, const Reply& reply)>;
    // Called once per response: method ("-" when the request line could not be read), path, status, time taken.
    using LogLine =
        std::function<void(const QByteArray& method, const QString& path, int status, const QElapsedTimer& timer)>;

    // refuse: the worker is over a connection limit; the connection is answered 503 at once and closed.
    // budget: shared by all connections; request bodies are reserved in it before they are buffered.
    HttpConnection(Transport* transport, const HttpLimits& limits, BodyBudget& budget, Dispatch dispatch, LogLine log,
                   bool refuse = false, QObject* parent = nullptr);
    ~HttpConnection() override;
    Q_DISABLE_COPY_MOVE(HttpConnection)

    // Closes the connection when it has been idle between requests, stuck in a request or in its TLS handshake
    // for too long. now: monotonicMs(). Time counts from progress (a response, a request's first byte), never
    // from the last byte received: a trickle of bytes does not keep a connection open.
    void closeIfIdle(qint64 now);
    static qint64 monotonicMs();

private:
    enum class State { Reading, Handling, Closing };
    static constexpr qint64 MaxUnsentBytes = 1024 * 1024; // answers written but not yet taken by the client

    void onReady();
    void onReadyRead();
    void onInputEnded();
    void finishInput(); // after the peer half-closed: answer what is complete, then close
    bool reserveBody(qint64 bytes);
    void releaseBody();
    void process();
    void dispatch();
    void respond(quint64 serial, const Response& response);
    void reject(int status, const QString& code, const QString& message);
    void startClosing();
    QByteArray serialize(const Response& response, bool close) const;

    Transport* m_transport;
    HttpLimits m_limits;
    HttpParser m_parser;
    BodyBudget& m_budget;
    Dispatch m_dispatch;
    LogLine m_log;
    QHostAddress m_peer;
    bool m_refuse;
    bool m_inputEnded = false;
    qint64 m_reserved = 0;    // body bytes reserved in m_budget for the request being read or handled
    bool m_inRequest = false; // a byte of the next request (or a blank line before it) has arrived
    qint64 m_acceptedAt = 0;
    qint64 m_closingSince = 0;
    State m_state = State::Reading;
    bool m_processing = false;
    qint64 m_idleSince = 0;    // the last response, or the connection's start
    qint64 m_requestStart = 0; // when the first byte of the request being read arrived

    quint64 m_serial = 0;   // which request a late reply belongs to
    QByteArray m_logMethod; // of the request being handled
    QString m_logPath;
    QElapsedTimer m_timer;
};

} // namespace td::server
