#pragma once

#include "Http.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>

namespace td::server {

class BodyBudget;
class Transport;

struct HttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxHeaderBytes = 64 * 1024;
    qint64 idleMs = 75 * 1000;      // between requests
    qint64 requestMs = 30 * 1000;   // from a request's first byte (blank lines included) to the end of its body
    qint64 handshakeMs = 10 * 1000; // TLS handshake
    int maxBlankLines = 8;          // empty lines tolerated before a request line (RFC 9112 2.2 asks for one)
};

// One HTTP/1.1 connection: parses requests off the socket (keep-alive, pipelining, Content-Length and chunked
// bodies, Expect: 100-continue), hands each to the dispatcher and writes its response in one piece.
//
// QHttpServer 6.4 buffered requests without any size limit, answered 404 to a wrong method and cost about half the
// server's time per request; this parser enforces the limits while reading (431 for headers over 64 KiB, 413 for a
// body over the limit, announced or chunked, before it is buffered), refuses ambiguous framing (Content-Length with
// Transfer-Encoding, differing Content-Lengths: 400) and answers every failure with the JSON envelope.
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
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Handling, Closing };
    static constexpr qint64 MaxUnsentBytes = 1024 * 1024; // answers written but not yet taken by the client

    void onReady();
    void onReadyRead();
    void onInputEnded();
    void finishInput(); // after the peer half-closed: answer what is complete, then close
    bool reserveBody(qint64 bytes);
    void releaseBody();
    void process();
    bool parseHead(qsizetype end);
    void dispatch();
    void respond(quint64 serial, const Response& response);
    void reject(int status, const QString& code, const QString& message);
    void startClosing();
    QByteArray serialize(const Response& response, bool close) const;

    Transport* m_transport;
    HttpLimits m_limits;
    BodyBudget& m_budget;
    Dispatch m_dispatch;
    LogLine m_log;
    QHostAddress m_peer;
    bool m_refuse;
    bool m_inputEnded = false;
    qint64 m_reserved = 0; // body bytes reserved in m_budget for the request being read or handled
    int m_blankLines = 0;
    bool m_inRequest = false; // a byte of the next request (or a blank line before it) has arrived
    qint64 m_acceptedAt = 0;
    qint64 m_closingSince = 0;

    QByteArray m_in; // received, not yet consumed from m_pos on
    qsizetype m_pos = 0;
    qsizetype m_scanFrom = 0; // where to look for the end of the head next time
    State m_state = State::Head;
    bool m_processing = false;
    qint64 m_idleSince = 0;    // the last response, or the connection's start
    qint64 m_requestStart = 0; // when the first byte of the request being read arrived
    qint64 m_trailerBytes = 0;

    // The request being read or handled.
    Request m_request;
    QByteArray m_target;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_head = false;
    qint64 m_remaining = 0; // body bytes (or chunk bytes) still to come
    quint64 m_serial = 0;   // which request a late reply belongs to
    QByteArray m_logMethod; // of the request being handled
    QString m_logPath;
    QElapsedTimer m_timer;
};

} // namespace td::server
