// td::server::HttpParser: the bytes a client sends, before any authentication.
//
// Input layout (tests/fuzz/README.md): 4 control bytes, then the byte stream of one connection.
//   [0] how the stream is fed: bits 0-1: 0 two pieces, 1 three pieces, 2 one byte at a time, 3 pieces of
//       (bits 2-7) + 1 bytes
//   [1] limits: below 0x40 the defaults; otherwise maxHeaderBytes 16 << (bits 0-2), maxBodyBytes from bits 3-5
//       (0, 4, 16 … 16384), maxBlankLines bits 6-7 (1..3)
//   [2] [3] where the pieces are cut, as fractions of 256
//
// Properties checked besides the sanitizers: events are consistent with the limits; an error is final; and the
// requests read do not depend on how the stream was cut (the one-shot reading is the reference): the same requests
// in the same order, and the same outcome when both readings end in an error at the same request. Which of
// "accepted" and "refused" wins on a limit boundary may depend on the cut; reading different requests may not.
#include "FuzzCheck.h"

#include "server/HttpParser.h"
#include "server/Router.h"

#include <QList>

#include <cstddef>
#include <cstdint>
#include <optional>

using namespace Qt::StringLiterals;
using td::server::HttpLimits;
using td::server::HttpParser;
using td::server::Request;
using td::server::Response;
using td::server::Router;

namespace {

struct Seen
{
    QByteArray method;
    QString path;
    QString query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    bool http10 = false;
    bool keepAlive = false;
    bool isHead = false;

    bool operator==(const Seen& o) const
    {
        return method == o.method && path == o.path && query == o.query && headers == o.headers && body == o.body &&
               http10 == o.http10 && keepAlive == o.keepAlive && isHead == o.isHead;
    }
};

struct Transcript
{
    QList<Seen> requests;
    std::optional<int> errorStatus;
};

QString describe(const Seen& s)
{
    return QString::fromLatin1(s.method) + u' ' + s.path + u'?' + s.query + u" headers="_s +
           QString::number(s.headers.size()) + u" body="_s + QString::number(s.body.size());
}

const Router& router()
{
    // A few routes shaped like the API's, so that Router::match sees parsed paths (it splits on '/').
    static const Router instance = [] {
        Router r;
        const Router::Handler none = [](Request&, const td::server::Reply&) {};
        r.add("GET", u"/api/v1/api-keys"_s, none);
        r.add("POST", u"/api/v1/api-keys"_s, none);
        r.add("GET", u"/api/v1/api-keys/{id}"_s, none);
        r.add("PATCH", u"/api/v1/api-keys/{id}"_s, none);
        r.add("POST", u"/api/v1/api-keys/{id}/revoke"_s, none);
        r.add("GET", u"/api/v1/tenants/{tenant}/audit"_s, none);
        r.add("GET", u"/healthz"_s, none);
        return r;
    }();
    return instance;
}

// Runs what a connection does with each event; returns false once the parser failed (the connection closes).
bool drain(HttpParser& parser, const HttpLimits& limits, Transcript& out)
{
    qint64 announced = 0; // chunk bytes announced for the request being read
    for (;;) {
        switch (parser.next()) {
        case HttpParser::Event::NeedMore:
            TD_FUZZ_CHECK(!parser.failed(), QString());
            return true;
        case HttpParser::Event::Head: {
            const Request& r = parser.request();
            TD_FUZZ_CHECK(!r.method.isEmpty(), QString());
            TD_FUZZ_CHECK(!r.path.isEmpty(), QString());
            TD_FUZZ_CHECK(parser.bodyLength() >= 0 && parser.bodyLength() <= limits.maxBodyBytes,
                          QString::number(parser.bodyLength()));
            TD_FUZZ_CHECK(!(parser.chunked() && parser.http10()), QString());
            TD_FUZZ_CHECK(!(parser.expectsContinue() && parser.http10()), QString());
            announced = 0;
            break;
        }
        case HttpParser::Event::Chunk:
            TD_FUZZ_CHECK(parser.chunked(), QString());
            TD_FUZZ_CHECK(parser.chunkSize() > 0, QString::number(parser.chunkSize()));
            announced += parser.chunkSize();
            TD_FUZZ_CHECK(announced <= limits.maxBodyBytes, QString::number(announced));
            break;
        case HttpParser::Event::Request: {
            Request request = parser.takeRequest();
            TD_FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes, QString::number(request.body.size()));
            TD_FUZZ_CHECK(!request.method.isEmpty(), QString());
            Seen seen{request.method,  request.path,      request.query.toString(QUrl::FullyEncoded),
                      request.headers, request.body,      parser.http10(),
                      parser.keepAlive(), parser.isHead()};
            out.requests.append(std::move(seen));
            // What a handler does next with the untrusted parts: route the path, read the body as JSON.
            (void)router().match(request);
            if (!request.body.isEmpty()) {
                Response error;
                (void)td::server::jsonBody(request, &error);
            }
            break;
        }
        case HttpParser::Event::Error: {
            const int status = parser.error().status;
            TD_FUZZ_CHECK(parser.failed(), QString());
            TD_FUZZ_CHECK(status == 400 || status == 413 || status == 417 || status == 431 || status == 501 ||
                              status == 505,
                          QString::number(status));
            TD_FUZZ_CHECK(!parser.error().code.isEmpty() && !parser.error().message.isEmpty(), QString());
            TD_FUZZ_CHECK(parser.next() == HttpParser::Event::Error, u"an error is not final"_s);
            out.errorStatus = status;
            return false;
        }
        }
    }
}

Transcript feed(QByteArrayView stream, const QList<qsizetype>& cuts, const HttpLimits& limits)
{
    HttpParser parser(limits);
    Transcript out;
    qsizetype at = 0;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const qsizetype end = i < cuts.size() ? cuts.at(i) : stream.size();
        parser.append(stream.sliced(at, end - at));
        at = end;
        if (!drain(parser, limits, out))
            break;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 4)
        return 0;
    const uint8_t feedMode = data[0];
    const uint8_t limitsByte = data[1];
    const QByteArrayView stream(reinterpret_cast<const char*>(data) + 4, qsizetype(size - 4));
    const qsizetype n = stream.size();

    HttpLimits limits;
    if (limitsByte >= 0x40) {
        limits.maxHeaderBytes = qint64(16) << (limitsByte & 7);
        const int bodyStep = (limitsByte >> 3) & 7;
        limits.maxBodyBytes = bodyStep == 0 ? 0 : qint64(1) << (2 * bodyStep);
        limits.maxBlankLines = limitsByte >> 6;
    }

    QList<qsizetype> cuts;
    switch (feedMode & 3) {
    case 0:
    case 1: {
        const qsizetype first = n * data[2] / 256;
        cuts.append(first);
        if ((feedMode & 3) == 1)
            cuts.append(first + (n - first) * data[3] / 256);
        break;
    }
    case 2:
        for (qsizetype i = 1; i < n; ++i)
            cuts.append(i);
        break;
    case 3: {
        const qsizetype step = (feedMode >> 2) + 1;
        for (qsizetype i = step; i < n; i += step)
            cuts.append(i);
        break;
    }
    }

    const Transcript reference = feed(stream, {}, limits);
    const Transcript split = feed(stream, cuts, limits);

    const qsizetype common = std::min(reference.requests.size(), split.requests.size());
    for (qsizetype i = 0; i < common; ++i) {
        TD_FUZZ_CHECK(reference.requests.at(i) == split.requests.at(i),
                      u"request %1 reads differently: at once %2, in pieces %3"_s.arg(i)
                          .arg(describe(reference.requests.at(i)), describe(split.requests.at(i))));
    }
    if (!reference.errorStatus && !split.errorStatus) {
        TD_FUZZ_CHECK(reference.requests.size() == split.requests.size(),
                      u"at once %1 requests, in pieces %2"_s.arg(reference.requests.size())
                          .arg(split.requests.size()));
    }
    if (reference.errorStatus && split.errorStatus && reference.requests.size() == split.requests.size()) {
        TD_FUZZ_CHECK(*reference.errorStatus == *split.errorStatus,
                      u"request %1 refused with %2 at once, %3 in pieces"_s.arg(reference.requests.size())
                          .arg(*reference.errorStatus)
                          .arg(*split.errorStatus));
    }
    return 0;
}
