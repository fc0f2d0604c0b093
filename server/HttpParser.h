#pragma once

#include "Http.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace td::server {

struct HttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxHeaderBytes = 64 * 1024;
    qint64 idleMs = 75 * 1000;      // between requests
    qint64 requestMs = 30 * 1000;   // from a request's first byte (blank lines included) to the end of its body
    qint64 handshakeMs = 10 * 1000; // TLS handshake
    int maxBlankLines = 8;          // empty lines tolerated before a request line (RFC 9112 2.2 asks for one)
};

// HTTP/1.1 request parsing, and nothing else: bytes go in, requests or a precise error come out. No socket, no
// writes, no clock, so that a fuzzer can drive it (tests/fuzz) and HttpConnection keeps only I/O and timeouts.
//
// It enforces the limits while reading (431 for a head over maxHeaderBytes, 413 for a body over maxBodyBytes,
// announced or chunked, before it is buffered) and refuses ambiguous framing (Content-Length with
// Transfer-Encoding, differing Content-Lengths, a bare CR or LF, a second Host: 400), so that a proxy in front
// and this server can never read one byte stream as different requests.
class HttpParser final
{
public:
    enum class Event {
        NeedMore, // feed more bytes
        Head,     // a head was read: request() has method, path, query and headers; see bodyLength(), expectsContinue()
        Chunk,    // a chunk of chunkSize() bytes was announced (the caller may reserve memory for it first)
        Request,  // a whole request: takeRequest(); parsing stops until next() is called again
        Error,    // error() says what to answer; the connection must close
    };
    struct Error
    {
        int status = 400;
        QString code;    // "bad_request", "payload_too_large", …
        QString message; // for the client, in English
    };

    explicit HttpParser(const HttpLimits& limits = {});

    void append(QByteArrayView bytes);
    // Parses what is buffered as far as it goes and says what happened.
    Event next();
    Request takeRequest();

    const Request& request() const { return m_request; } // the request being read (method empty until it is valid)
    const Error& error() const { return m_error; }
    bool http10() const { return m_http10; }
    bool keepAlive() const { return m_keepAlive; }
    bool isHead() const { return m_isHead; } // a HEAD request: the answer has no body
    bool chunked() const { return m_chunked; }
    qint64 bodyLength() const { return m_chunked ? 0 : m_remaining; } // after Head, with Content-Length
    qint64 chunkSize() const { return m_remaining; }                  // after Chunk
    bool expectsContinue() const { return m_expectContinue; }
    // Between requests: no byte of the next request (but blank lines) has been read.
    bool betweenRequests() const { return (m_state == State::Head || m_state == State::Done) && m_pos == m_in.size(); }
    qint64 buffered() const { return m_in.size() - m_pos; } // bytes received and not yet parsed
    bool failed() const { return m_state == State::Failed; }
    void clear(); // drops what is buffered (after an error)

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Done, Failed };

    Event fail(int status, const QString& code, const QString& message);
    Event parseHead(qsizetype end);
    Event finish();
    void compact();

    HttpLimits m_limits;
    State m_state = State::Head;
    QByteArray m_in;
    qsizetype m_pos = 0;
    qsizetype m_scanFrom = 0; // where to look for the end of the head next time
    int m_blankLines = 0;
    qint64 m_trailerBytes = 0;
    Request m_request;
    Error m_error;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_isHead = false;
    bool m_chunked = false;
    bool m_expectContinue = false;
    qint64 m_remaining = 0; // body bytes (or chunk bytes) still to come
};

} // namespace td::server
