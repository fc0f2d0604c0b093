#include "HttpConnection.h"

#include "ServerContext.h"
#include "Transport.h"
#include "protocol/Dto.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QTimer>
#include <QUrl>

#include <utility>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
    }
}

// "Sun, 06 Nov 1994 08:49:37 GMT", formatted once per second per thread.
QByteArray httpDate()
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != second) {
        second = now;
        text = QLocale::c()
                   .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                   .toLatin1();
    }
    return text;
}

} // namespace

HttpConnection::HttpConnection(Transport* transport, const HttpLimits& limits, BodyBudget& budget, Dispatch dispatch,
                               LogLine log, bool refuse, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
    , m_limits(limits)
    , m_parser(limits)
    , m_budget(budget)
    , m_dispatch(std::move(dispatch))
    , m_log(std::move(log))
    , m_peer(transport->peerAddress())
    , m_refuse(refuse)
    , m_acceptedAt(monotonicMs())
    , m_idleSince(m_acceptedAt)
{
    transport->setParent(this);
    connect(transport, &Transport::readyRead, this, &HttpConnection::onReadyRead);
    connect(transport, &Transport::inputEnded, this, &HttpConnection::onInputEnded);
    connect(transport, &Transport::closed, this, &QObject::deleteLater);
    connect(transport, &Transport::ready, this, &HttpConnection::onReady);
    connect(transport, &Transport::drained, this, [this] {
        if (m_state != State::Closing) {
            m_transport->setReading(true);
            onReadyRead();
        }
    });
    if (transport->isReady())
        QMetaObject::invokeMethod(this, &HttpConnection::onReady, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    releaseBody();
}

qint64 HttpConnection::monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

void HttpConnection::onReady()
{
    if (!m_refuse)
        return;
    m_refuse = false;
    m_idleSince = monotonicMs();
    reject(503, u"service_unavailable"_s, tr("The server has too many open connections. Try again shortly."));
}

void HttpConnection::closeIfIdle(qint64 now)
{
    if (!m_transport->isReady()) {
        if (now - m_acceptedAt > m_limits.handshakeMs)
            m_transport->abort(); // a handshake that does not finish holds a descriptor for nothing
        return;
    }
    switch (m_state) {
    case State::Handling:
        return; // the answer is on its way
    case State::Closing:
        if (now - m_closingSince > 5000)
            m_transport->abort();
        return;
    case State::Reading:
        if (!m_inRequest) { // between requests
            if (now - m_idleSince > m_limits.idleMs)
                startClosing();
            return;
        }
        break;
    }
    // Timed from the request's first byte (a blank line counts), not its last: a byte every few seconds does not
    // keep it open.
    if (now - m_requestStart > m_limits.requestMs)
        reject(408, u"request_timeout"_s, tr("The request did not arrive in time."));
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::Closing) {
        m_transport->read(); // drained so that the client reads the answer instead of a reset
        return;
    }
    if (m_refuse)
        return;
    // A client that sends requests without reading the answers is not read from until they have left: its answers
    // would otherwise pile up here.
    if (m_transport->bytesToWrite() > MaxUnsentBytes) {
        m_transport->setReading(false);
        return;
    }
    if (m_state == State::Handling && m_parser.buffered() > m_limits.maxHeaderBytes + m_limits.maxBodyBytes) {
        m_transport->setReading(false); // enough pipelined requests queued: read on once this one is answered
        return;
    }
    const QByteArray incoming = m_transport->read();
    if (incoming.isEmpty()) {
        process(); // nothing new (a queued call after a response)
        return;
    }
    if (m_state == State::Reading && !m_inRequest) {
        m_inRequest = true; // the first byte of a new request
        m_requestStart = monotonicMs();
    }
    m_parser.append(incoming);
    process();
}

void HttpConnection::onInputEnded()
{
    m_inputEnded = true;
    onReadyRead(); // whatever arrived before the end
    if (m_state != State::Handling)
        finishInput();
}

void HttpConnection::finishInput()
{
    // The peer will send nothing more. A complete request has been answered (or is being answered: then this is
    // called again after the answer); a partial one can never complete.
    if (m_state != State::Reading)
        return;
    if (m_parser.betweenRequests()) {
        startClosing();
        return;
    }
    reject(400, u"bad_request"_s, tr("The connection ended before the request was complete."));
}

bool HttpConnection::reserveBody(qint64 bytes)
{
    if (bytes <= 0)
        return true;
    if (!m_budget.reserve(bytes)) {
        reject(503, u"service_unavailable"_s, tr("The server is holding too many request bodies. Try again shortly."));
        return false;
    }
    m_reserved += bytes;
    return true;
}

void HttpConnection::releaseBody()
{
    if (m_reserved > 0)
        m_budget.release(std::exchange(m_reserved, 0));
}

void HttpConnection::process()
{
    if (m_processing)
        return;
    m_processing = true;
    while (m_state == State::Reading) {
        const HttpParser::Event event = m_parser.next();
        if (event == HttpParser::Event::NeedMore)
            break;
        if (event == HttpParser::Event::Error) {
            const HttpParser::Error& error = m_parser.error();
            reject(error.status, error.code, error.message);
            break;
        }
        if (event == HttpParser::Event::Head) {
            m_timer.start();
            if (!m_parser.chunked() && !reserveBody(m_parser.bodyLength()))
                break;
            // The client waits for this before it sends the body, unless it sent some already.
            if (m_parser.expectsContinue() && m_parser.buffered() == 0)
                m_transport->write("HTTP/1.1 100 Continue\r\n\r\n");
        } else if (event == HttpParser::Event::Chunk) {
            if (!reserveBody(m_parser.chunkSize()))
                break;
        } else {
            dispatch();
        }
    }
    m_processing = false;
}

void HttpConnection::dispatch()
{
    m_state = State::Handling;
    const quint64 serial = ++m_serial;
    // The handler gets a request of its own: the connection may read the next one while it works.
    Request request = m_parser.takeRequest();
    request.peer = m_peer;
    m_logMethod = request.method;
    m_logPath = request.path;
    const Reply reply = [self = QPointer<HttpConnection>(this), serial](const Response& response) {
        if (self)
            self->respond(serial, response);
    };
    m_dispatch(request, reply);
}

QByteArray HttpConnection::serialize(const Response& response, bool close) const
{
    QByteArray out;
    out.reserve(256 + (m_parser.isHead() ? 0 : response.body.size()));
    out += m_parser.http10() ? "HTTP/1.0 " : "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += reasonPhrase(response.status);
    out += "\r\nDate: ";
    out += httpDate();
    if (response.status != 204) { // a 204 has neither a body nor a Content-Length (RFC 9110, 8.6)
        out += "\r\nContent-Type: ";
        out += response.contentType;
        out += "\r\nContent-Length: ";
        out += QByteArray::number(response.body.size());
    }
    out += "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto& header : response.headers) {
        out += header.first;
        out += ": ";
        out += header.second;
        out += "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    else if (m_parser.http10())
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!m_parser.isHead())
        out += response.body;
    return out;
}

void HttpConnection::respond(quint64 serial, const Response& response)
{
    if (serial != m_serial || m_state != State::Handling)
        return; // answered already, or the connection moved on
    releaseBody();
    m_idleSince = monotonicMs();
    m_inRequest = false;
    // After the peer half-closed, the connection ends with the last complete request it sent.
    const bool close = !m_parser.keepAlive() || ((m_inputEnded || m_transport->atEnd()) && m_parser.buffered() == 0);
    m_transport->write(serialize(response, close));
    if (m_log)
        m_log(m_logMethod, m_logPath, response.status, m_timer);
    m_timer.invalidate(); // the next request is timed from its head
    if (close) {
        m_state = State::Closing;
        m_closingSince = m_idleSince;
        m_transport->closeWrite();
        return;
    }
    m_state = State::Reading;
    m_transport->setReading(true);
    if (m_parser.buffered() > 0) {
        m_inRequest = true; // a pipelined request is waiting
        m_requestStart = m_idleSince;
    }
    if (m_processing)
        return; // the loop in process() goes on with what is buffered
    if (m_inputEnded) {
        process();
        finishInput();
        return;
    }
    // A pipelined request may be waiting in the buffer.
    if (m_parser.buffered() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::reject(int status, const QString& code, const QString& message)
{
    if (m_state == State::Closing)
        return;
    if (m_state == State::Reading && !m_timer.isValid())
        m_timer.start();
    releaseBody();
    const Response response = Response::error(status, code, message);
    m_transport->write(serialize(response, true));
    const Request& partial = m_parser.request();
    if (m_log)
        m_log(partial.method.isEmpty() ? QByteArray("-") : partial.method,
              partial.path.isEmpty() ? u"-"_s : partial.path, status, m_timer);
    m_parser.clear();
    startClosing();
}

void HttpConnection::startClosing()
{
    if (m_state == State::Closing)
        return;
    // Close the sending side once the answer is out and keep reading (and dropping) what the client still sends:
    // closing at once would reset the connection and the client might never read the answer.
    m_state = State::Closing;
    m_closingSince = monotonicMs();
    m_transport->setReading(true);
    m_transport->closeWrite();
}

} // namespace td::server
