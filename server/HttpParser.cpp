#include "HttpParser.h"
#include "Text.h"

#include "protocol/Dto.h"

#include <QCoreApplication>

#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

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

const QString BadRequest = u"bad_request"_s;
constexpr qint64 MaxChunkLine = 1024;

} // namespace

HttpParser::HttpParser(const HttpLimits& limits)
    : m_limits(limits)
{}

void HttpParser::append(QByteArrayView bytes)
{
    compact();
    m_in.append(bytes);
}

void HttpParser::compact()
{
    // What has been parsed is dropped, so that the buffer never holds much more than what is still to be read.
    if (m_pos > 0 && (m_pos == m_in.size() || m_pos >= 64 * 1024 || m_pos >= m_in.size() / 2)) {
        m_in.remove(0, m_pos);
        m_scanFrom = std::max<qsizetype>(0, m_scanFrom - m_pos);
        m_pos = 0;
    }
}

void HttpParser::clear()
{
    m_in.clear();
    m_pos = 0;
    m_scanFrom = 0;
}

Request HttpParser::takeRequest()
{
    return std::exchange(m_request, Request());
}

HttpParser::Event HttpParser::fail(int status, const QString& code, const QString& message)
{
    m_state = State::Failed;
    m_error = {status, code, message};
    return Event::Error;
}

HttpParser::Event HttpParser::finish()
{
    m_state = State::Done;
    m_blankLines = 0;
    return Event::Request;
}

HttpParser::Event HttpParser::next()
{
    for (;;) {
        const qint64 available = m_in.size() - m_pos;
        switch (m_state) {
        case State::Failed:
            return Event::Error;
        case State::Done:
            // The previous request has been taken: the next one starts.
            m_state = State::Head;
            m_request = Request();
            m_http10 = false;
            m_keepAlive = true;
            m_isHead = false;
            m_chunked = false;
            m_expectContinue = false;
            m_remaining = 0;
            break;
        case State::Head: {
            // A few empty lines before a request line are ignored (RFC 9112 2.2).
            while (m_in.size() - m_pos >= 2 && m_in.at(m_pos) == '\r' && m_in.at(m_pos + 1) == '\n') {
                m_pos += 2;
                ++m_blankLines;
            }
            if (m_blankLines > m_limits.maxBlankLines)
                return fail(400, BadRequest, tr("Too many empty lines before the request line."));
            if (m_pos == m_in.size())
                return Event::NeedMore;
            if (m_scanFrom < m_pos)
                m_scanFrom = m_pos;
            const qsizetype end = m_in.indexOf("\r\n\r\n", m_scanFrom);
            if (end < 0 || end - m_pos > m_limits.maxHeaderBytes) {
                // Up to three bytes of the blank line that ends the head may have arrived without the rest: they
                // do not count, or a head within the limit would be refused depending on where a read ends.
                if (m_in.size() - m_pos > m_limits.maxHeaderBytes + 3)
                    return fail(431, u"request_header_fields_too_large"_s, tr("The request headers are too large."));
                m_scanFrom = std::max(m_pos, m_in.size() - 3);
                return Event::NeedMore;
            }
            const Event event = parseHead(end);
            if (event == Event::Error)
                return event;
            m_pos = end + 4;
            m_scanFrom = m_pos;
            return Event::Head;
        }
        case State::Body:
            if (available < m_remaining)
                return Event::NeedMore;
            m_request.body = m_in.mid(m_pos, m_remaining);
            m_pos += m_remaining;
            m_remaining = 0;
            return finish();
        case State::ChunkSize: {
            // A chunk size line (extensions included) is at most 1024 bytes, however it arrives; a CR that has
            // come without its LF does not count.
            const qsizetype lineEnd = m_in.indexOf("\r\n", m_pos);
            if ((lineEnd < 0 && available > MaxChunkLine + 1) || (lineEnd >= 0 && lineEnd - m_pos > MaxChunkLine))
                return fail(400, BadRequest, tr("A chunk size line is too long."));
            if (lineEnd < 0)
                return Event::NeedMore;
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
            if (!ok || size < 0)
                return fail(400, BadRequest, tr("A chunk size is not a hexadecimal number."));
            if (m_request.body.size() + size > m_limits.maxBodyBytes)
                return fail(413, QLatin1String(protocol::ErrorCode::PayloadTooLarge),
                            tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
            m_pos = lineEnd + 2;
            m_remaining = size;
            m_trailerBytes = 0;
            if (size == 0) {
                m_state = State::Trailer;
                break;
            }
            m_state = State::ChunkData;
            return Event::Chunk;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(available, m_remaining);
            m_request.body.append(m_in.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            if (m_remaining > 0)
                return Event::NeedMore;
            m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkEnd:
            if (available < 2)
                return Event::NeedMore;
            if (m_in.at(m_pos) != '\r' || m_in.at(m_pos + 1) != '\n')
                return fail(400, BadRequest, tr("A chunk does not end with CRLF."));
            m_pos += 2;
            m_state = State::ChunkSize;
            break;
        case State::Trailer: {
            // Trailer fields are read and ignored, up to the empty line; all of them count against the head limit.
            const qsizetype lineEnd = m_in.indexOf("\r\n", m_pos);
            const qint64 lineBytes = lineEnd < 0 ? available : lineEnd - m_pos + 2;
            if (m_trailerBytes + lineBytes > m_limits.maxHeaderBytes)
                return fail(431, u"request_header_fields_too_large"_s, tr("The request trailer is too large."));
            if (lineEnd < 0)
                return Event::NeedMore;
            m_trailerBytes += lineBytes;
            const bool last = lineEnd == m_pos;
            m_pos = lineEnd + 2;
            if (last)
                return finish();
            break;
        }
        }
    }
}

HttpParser::Event HttpParser::parseHead(qsizetype end)
{
    const QByteArrayView head(m_in.constData() + m_pos, end - m_pos);
    m_request = Request();
    // No control character anywhere in the head but CRLF line ends and HTAB in values: a bare CR or LF read
    // differently by a proxy in front would let a request hide inside another.
    for (qsizetype i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        const bool lineEnd = c == '\r' && i + 1 < head.size() && head[i + 1] == '\n';
        if (lineEnd) {
            ++i;
            continue;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return fail(400, BadRequest, tr("The request head holds a control character."));
    }
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, BadRequest, tr("The request line is not \"METHOD target HTTP/1.1\"."));
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView fullTarget = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, BadRequest, tr("The request method is not valid."));
    m_request.method = method.toByteArray(); // only a valid token reaches the log
    if (version == "HTTP/1.1") {
        m_http10 = false;
    } else if (version == "HTTP/1.0") {
        m_http10 = true;
    } else {
        if (version.startsWith("HTTP/"))
            return fail(505, u"http_version_not_supported"_s, tr("Only HTTP/1.0 and HTTP/1.1 are served."));
        return fail(400, BadRequest, tr("The request line is not \"METHOD target HTTP/1.1\"."));
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
        if (line.startsWith(' ') || line.startsWith('\t') || colon <= 0 || !isToken(line.first(colon)))
            return fail(400, BadRequest, tr("A request header is malformed."));
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        auto existing = m_request.headers.find(name);
        if (existing == m_request.headers.end()) {
            m_request.headers.insert(name, value);
        } else if (name == "content-length") {
            if (*existing != value)
                return fail(400, BadRequest, tr("The request has differing Content-Length headers."));
        } else if (name == "host") {
            return fail(400, BadRequest, tr("The request names its Host more than once."));
        } else {
            *existing += ", " + value;
        }
    }

    // Path and query from the target: origin form "/path?query", or absolute form "http://host/path?query".
    QByteArrayView target = fullTarget;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    }
    if (!target.startsWith('/') && target != "*")
        return fail(400, BadRequest, tr("The request target must be a path."));
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target = target.first(hash);
    const qsizetype question = target.indexOf('?');
    const QByteArrayView path = question < 0 ? target : target.first(question);
    m_request.path = path.contains('%') ? QString::fromUtf8(QByteArray::fromPercentEncoding(path.toByteArray()))
                                        : QString::fromUtf8(path);
    if (m_request.path.contains(QChar(0)))
        return fail(400, BadRequest, tr("The request target must be a path."));
    if (question >= 0 && question + 1 < target.size())
        m_request.query = QUrlQuery(QString::fromUtf8(target.sliced(question + 1)));

    if (!m_http10 && !m_request.hasHeader("host"))
        return fail(400, BadRequest, tr("An HTTP/1.1 request must name its Host."));
    const QByteArray connection = m_request.header("connection");
    m_keepAlive = m_http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
    m_isHead = m_request.method == "HEAD";

    // Body framing (RFC 9112 6): Transfer-Encoding chunked, or Content-Length, never both.
    m_chunked = m_request.hasHeader("transfer-encoding");
    if (m_chunked) {
        if (m_http10)
            return fail(400, BadRequest, tr("HTTP/1.0 has no Transfer-Encoding."));
        if (m_request.hasHeader("content-length"))
            return fail(400, BadRequest, tr("A request may not have both Content-Length and Transfer-Encoding."));
        if (m_request.header("transfer-encoding").trimmed().toLower() != "chunked")
            return fail(501, u"not_implemented"_s, tr("Only the chunked transfer coding is supported."));
    }
    qint64 length = 0;
    if (m_request.hasHeader("content-length")) {
        const QByteArray text = m_request.header("content-length");
        bool ok = !text.isEmpty() && text.size() <= 18;
        for (const char c : text)
            ok = ok && c >= '0' && c <= '9';
        length = ok ? text.toLongLong(&ok) : -1;
        if (!ok)
            return fail(400, BadRequest, tr("The Content-Length header is not a number."));
    }
    if (length > m_limits.maxBodyBytes)
        return fail(413, QLatin1String(protocol::ErrorCode::PayloadTooLarge),
                    tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
    m_expectContinue = false;
    if (m_request.hasHeader("expect")) {
        if (m_request.header("expect").toLower() != "100-continue")
            return fail(417, u"expectation_failed"_s, tr("Only \"Expect: 100-continue\" is supported."));
        m_expectContinue = !m_http10 && (m_chunked || length > 0);
    }
    m_remaining = m_chunked ? 0 : length;
    m_state = m_chunked ? State::ChunkSize : State::Body;
    return Event::Head;
}

} // namespace td::server
