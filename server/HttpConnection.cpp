#include "HttpConnection.h"

#include "ServerContext.h"
#include "Transport.h"
#include "protocol/Dto.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QTimer>
#include <QUrl>

#include <cstring>
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

// RFC 9110 token characters (method and header names).
bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool ok = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u > 0x20 && u < 0x7f && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
        if (!ok)
            return false;
    }
    return true;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    if (list.isEmpty())
        return false;
    for (const QByteArray& item : list.toByteArray().split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
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
    case State::Head:
        if (!m_inRequest) { // between requests
            if (now - m_idleSince > m_limits.idleMs)
                startClosing();
            return;
        }
        break;
    default:
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
    if (m_state == State::Handling && m_in.size() - m_pos > m_limits.maxHeaderBytes + m_limits.maxBodyBytes) {
        m_transport->setReading(false); // enough pipelined requests queued: read on once this one is answered
        return;
    }
    // What has been parsed is dropped, so that the buffer never holds more than what is still to be read.
    if (m_pos > 0 && (m_pos == m_in.size() || m_pos >= 64 * 1024 || m_pos >= m_in.size() / 2)) {
        m_in.remove(0, m_pos);
        m_scanFrom = std::max<qsizetype>(0, m_scanFrom - m_pos);
        m_pos = 0;
    }
    const QByteArray incoming = m_transport->read();
    if (incoming.isEmpty() && m_pos == m_in.size()) {
        process(); // nothing new (a queued call after a response)
        return;
    }
    if (m_state == State::Head && !m_inRequest && !incoming.isEmpty()) {
        m_inRequest = true; // the first byte of a new request
        m_requestStart = monotonicMs();
    }
    m_in.append(incoming);
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
    switch (m_state) {
    case State::Closing:
    case State::Handling:
        return;
    case State::Head:
        if (m_pos == m_in.size()) {
            startClosing();
            return;
        }
        break;
    default:
        break;
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
    bool more = true;
    while (more) {
        const qsizetype available = m_in.size() - m_pos;
        switch (m_state) {
        case State::Head: {
            // A few empty lines before a request line are ignored (RFC 9112 2.2); they count as part of the
            // request for its timeout.
            while (m_in.size() - m_pos >= 2 && m_in.at(m_pos) == '\r' && m_in.at(m_pos + 1) == '\n') {
                m_pos += 2;
                ++m_blankLines;
            }
            if (m_blankLines > m_limits.maxBlankLines) {
                reject(400, u"bad_request"_s, tr("Too many empty lines before the request line."));
                more = false;
                break;
            }
            if (m_pos == m_in.size()) {
                more = false;
                break;
            }
            if (m_scanFrom < m_pos)
                m_scanFrom = m_pos;
            const qsizetype end = m_in.indexOf("\r\n\r\n", m_scanFrom);
            if (end < 0 || end - m_pos > m_limits.maxHeaderBytes) {
                if (m_in.size() - m_pos > m_limits.maxHeaderBytes)
                    reject(431, u"request_header_fields_too_large"_s, tr("The request headers are too large."));
                else
                    m_scanFrom = std::max(m_pos, m_in.size() - 3);
                more = false;
                break;
            }
            m_timer.start();
            if (!parseHead(end)) {
                more = false;
                break;
            }
            m_pos = end + 4;
            m_scanFrom = m_pos;
            break;
        }
        case State::Body:
            if (available < m_remaining) {
                more = false;
                break;
            }
            m_request.body = m_in.mid(m_pos, m_remaining);
            m_pos += m_remaining;
            dispatch();
            break;
        case State::ChunkSize: {
            const qsizetype lineEnd = m_in.indexOf("\r\n", m_pos);
            if (lineEnd < 0) {
                if (available > 1024)
                    reject(400, u"bad_request"_s, tr("A chunk size line is too long."));
                more = false;
                break;
            }
            QByteArray sizeText = m_in.mid(m_pos, lineEnd - m_pos);
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon); // chunk extensions are ignored
            // 1 to 15 hexadecimal digits and nothing else (no sign, no "0x"), optionally followed by blanks.
            while (!sizeText.isEmpty() && (sizeText.back() == ' ' || sizeText.back() == '\t'))
                sizeText.chop(1);
            bool ok = !sizeText.isEmpty() && sizeText.size() <= 15;
            for (const char c : std::as_const(sizeText))
                ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            const qint64 size = ok ? sizeText.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0) {
                reject(400, u"bad_request"_s, tr("A chunk size is not a hexadecimal number."));
                more = false;
                break;
            }
            if (m_request.body.size() + size > m_limits.maxBodyBytes) {
                reject(413, QLatin1String(protocol::ErrorCode::PayloadTooLarge),
                       tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
                more = false;
                break;
            }
            if (!reserveBody(size)) {
                more = false;
                break;
            }
            m_pos = lineEnd + 2;
            m_remaining = size;
            m_trailerBytes = 0;
            m_state = size == 0 ? State::Trailer : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(available, m_remaining);
            m_request.body.append(m_in.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            if (m_remaining > 0) {
                more = false;
                break;
            }
            m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkEnd:
            if (available < 2) {
                more = false;
                break;
            }
            if (m_in.at(m_pos) != '\r' || m_in.at(m_pos + 1) != '\n') {
                reject(400, u"bad_request"_s, tr("A chunk does not end with CRLF."));
                more = false;
                break;
            }
            m_pos += 2;
            m_state = State::ChunkSize;
            break;
        case State::Trailer: {
            // Trailer fields are read and ignored, up to the empty line; all of them count against the head limit.
            const qsizetype lineEnd = m_in.indexOf("\r\n", m_pos);
            const qint64 lineBytes = lineEnd < 0 ? available : lineEnd - m_pos + 2;
            if (m_trailerBytes + lineBytes > m_limits.maxHeaderBytes) {
                reject(431, u"request_header_fields_too_large"_s, tr("The request trailer is too large."));
                more = false;
                break;
            }
            if (lineEnd < 0) {
                more = false;
                break;
            }
            m_trailerBytes += lineBytes;
            const bool last = lineEnd == m_pos;
            m_pos = lineEnd + 2;
            if (last)
                dispatch();
            break;
        }
        case State::Handling:
        case State::Closing:
            more = false;
            break;
        }
    }
    m_processing = false;
}

bool HttpConnection::parseHead(qsizetype end)
{
    const QByteArrayView head(m_in.constData() + m_pos, end - m_pos);
    m_request = Request();
    m_request.peer = m_peer;
    m_http10 = false;
    m_head = false;
    // No control character anywhere in the head but CRLF line ends and HTAB in values: a bare CR or LF read
    // differently by a proxy in front would let a request hide inside another.
    for (qsizetype i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        const bool lineEnd = c == '\r' && i + 1 < head.size() && head[i + 1] == '\n';
        if (lineEnd) {
            ++i;
            continue;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            reject(400, u"bad_request"_s, tr("The request head holds a control character."));
            return false;
        }
    }
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        reject(400, u"bad_request"_s, tr("The request line is not \"METHOD target HTTP/1.1\"."));
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    m_target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method)) {
        reject(400, u"bad_request"_s, tr("The request method is not valid."));
        return false;
    }
    m_request.method = method.toByteArray(); // only a valid token reaches the log
    if (version == "HTTP/1.1") {
        m_http10 = false;
    } else if (version == "HTTP/1.0") {
        m_http10 = true;
    } else {
        if (version.startsWith("HTTP/"))
            reject(505, u"http_version_not_supported"_s, tr("Only HTTP/1.0 and HTTP/1.1 are served."));
        else
            reject(400, u"bad_request"_s, tr("The request line is not \"METHOD target HTTP/1.1\"."));
        return false;
    }

    // Header fields; names lower-cased, repeated fields joined with ", " (RFC 9110 5.3).
    qsizetype at = lineEnd < 0 ? head.size() : lineEnd + 2;
    while (at < head.size()) {
        qsizetype next = head.indexOf("\r\n", at);
        if (next < 0)
            next = head.size();
        const QByteArrayView line = head.sliced(at, next - at);
        at = next + 2;
        const qsizetype colon = line.indexOf(':');
        if (line.startsWith(' ') || line.startsWith('\t') || colon <= 0 || !isToken(line.first(colon))) {
            reject(400, u"bad_request"_s, tr("A request header is malformed."));
            return false;
        }
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        auto existing = m_request.headers.find(name);
        if (existing == m_request.headers.end()) {
            m_request.headers.insert(name, value);
        } else if (name == "content-length") {
            if (*existing != value) {
                reject(400, u"bad_request"_s, tr("The request has differing Content-Length headers."));
                return false;
            }
        } else if (name == "host") {
            reject(400, u"bad_request"_s, tr("The request names its Host more than once."));
            return false;
        } else {
            *existing += ", " + value;
        }
    }

    // Path and query from the target: origin form "/path?query", or absolute form "http://host/path?query".
    QByteArrayView target(m_target);
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    }
    if (!target.startsWith('/') && target != "*") {
        reject(400, u"bad_request"_s, tr("The request target must be a path."));
        return false;
    }
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target = target.first(hash);
    const qsizetype question = target.indexOf('?');
    const QByteArrayView path = question < 0 ? target : target.first(question);
    m_request.path = path.contains('%') ? QString::fromUtf8(QByteArray::fromPercentEncoding(path.toByteArray()))
                                        : QString::fromUtf8(path);
    if (m_request.path.contains(QChar(0))) {
        reject(400, u"bad_request"_s, tr("The request target must be a path."));
        return false;
    }
    if (question >= 0 && question + 1 < target.size())
        m_request.query = QUrlQuery(QString::fromUtf8(target.sliced(question + 1)));

    if (!m_http10 && !m_request.hasHeader("host")) {
        reject(400, u"bad_request"_s, tr("An HTTP/1.1 request must name its Host."));
        return false;
    }
    const QByteArray connection = m_request.header("connection");
    m_keepAlive = m_http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
    m_head = m_request.method == "HEAD";

    // Body framing (RFC 9112 6): Transfer-Encoding chunked, or Content-Length, never both.
    const bool chunked = m_request.hasHeader("transfer-encoding");
    if (chunked) {
        if (m_http10) {
            reject(400, u"bad_request"_s, tr("HTTP/1.0 has no Transfer-Encoding."));
            return false;
        }
        if (m_request.hasHeader("content-length")) {
            reject(400, u"bad_request"_s, tr("A request may not have both Content-Length and Transfer-Encoding."));
            return false;
        }
        if (m_request.header("transfer-encoding").trimmed().toLower() != "chunked") {
            reject(501, u"not_implemented"_s, tr("Only the chunked transfer coding is supported."));
            return false;
        }
    }
    qint64 length = 0;
    if (m_request.hasHeader("content-length")) {
        const QByteArray text = m_request.header("content-length");
        bool ok = !text.isEmpty() && text.size() <= 18;
        for (const char c : text)
            ok = ok && c >= '0' && c <= '9';
        length = ok ? text.toLongLong(&ok) : -1;
        if (!ok) {
            reject(400, u"bad_request"_s, tr("The Content-Length header is not a number."));
            return false;
        }
    }
    if (length > m_limits.maxBodyBytes) {
        reject(413, QLatin1String(protocol::ErrorCode::PayloadTooLarge),
               tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
        return false;
    }
    if (!chunked && !reserveBody(length))
        return false;
    if (m_request.hasHeader("expect")) {
        if (m_request.header("expect").toLower() != "100-continue") {
            reject(417, u"expectation_failed"_s, tr("Only \"Expect: 100-continue\" is supported."));
            return false;
        }
        const qsizetype bodyArrived = m_in.size() - (end + 4);
        if (!m_http10 && (chunked || length > 0) && bodyArrived == 0)
            m_transport->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (chunked) {
        m_state = State::ChunkSize;
    } else {
        m_remaining = length;
        m_state = State::Body;
    }
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Handling;
    const quint64 serial = ++m_serial;
    // The handler gets a request of its own: the connection may read the next one while it works.
    Request request = std::exchange(m_request, Request());
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
    out.reserve(256 + (m_head ? 0 : response.body.size()));
    out += m_http10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += reasonPhrase(response.status);
    out += "\r\nDate: ";
    out += httpDate();
    out += "\r\nContent-Type: ";
    out += response.contentType;
    out += "\r\nContent-Length: ";
    out += QByteArray::number(response.body.size());
    out += "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto& header : response.headers) {
        out += header.first;
        out += ": ";
        out += header.second;
        out += "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    else if (m_http10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!m_head)
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
    m_blankLines = 0;
    // After the peer half-closed, the connection ends with the last complete request it sent.
    const bool close = !m_keepAlive || ((m_inputEnded || m_transport->atEnd()) && m_pos == m_in.size());
    m_transport->write(serialize(response, close));
    if (m_log)
        m_log(m_logMethod, m_logPath, response.status, m_timer);
    if (close) {
        m_state = State::Closing;
        m_closingSince = m_idleSince;
        m_transport->closeWrite();
        return;
    }
    m_state = State::Head;
    m_transport->setReading(true);
    if (m_pos < m_in.size()) {
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
    if (m_pos < m_in.size())
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::reject(int status, const QString& code, const QString& message)
{
    if (m_state == State::Closing)
        return;
    if (m_state == State::Head)
        m_timer.start();
    releaseBody();
    const Response response = Response::error(status, code, message);
    m_keepAlive = false;
    m_transport->write(serialize(response, true));
    if (m_log)
        m_log(m_request.method.isEmpty() ? QByteArray("-") : m_request.method,
              m_request.path.isEmpty() ? u"-"_s : m_request.path, status, m_timer);
    m_in.clear();
    m_pos = 0;
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
