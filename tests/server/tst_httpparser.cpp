// HttpParser on its own: bytes in, requests or errors out, whether the bytes come at once or one at a time.
#include "server/HttpParser.h"

#include <QTest>

using namespace td::server;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    QList<Request> requests;
    QList<qint64> chunks; // announced chunk sizes
    int heads = 0;
    bool continueExpected = false;
    std::optional<HttpParser::Error> error;
};

// Feeds input in pieces of `step` bytes (0: all at once) and runs the parser as a connection would.
Outcome run(const QByteArray& input, int step, const HttpLimits& limits = {})
{
    HttpParser parser(limits);
    Outcome out;
    const int piece = step > 0 ? step : int(std::max<qsizetype>(1, input.size()));
    for (qsizetype at = 0; at < input.size() && !out.error; at += piece) {
        parser.append(QByteArrayView(input).sliced(at, std::min<qsizetype>(piece, input.size() - at)));
        for (bool more = true; more;) {
            switch (parser.next()) {
            case HttpParser::Event::NeedMore:
                more = false;
                break;
            case HttpParser::Event::Head:
                ++out.heads;
                out.continueExpected = out.continueExpected || parser.expectsContinue();
                break;
            case HttpParser::Event::Chunk:
                out.chunks.append(parser.chunkSize());
                break;
            case HttpParser::Event::Request:
                out.requests.append(parser.takeRequest());
                break;
            case HttpParser::Event::Error:
                out.error = parser.error();
                more = false;
                break;
            }
        }
    }
    return out;
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT
private slots:
    void requests_data();
    void requests();
    void errors_data();
    void errors();
    void limitsCountWhileReading();
    void sameAnswerHoweverTheBytesArrive();
    void stopsAfterEachRequest();
};

void TestHttpParser::requests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QByteArray>("lastBody");
    QTest::addColumn<QList<qint64>>("chunks");

    QTest::newRow("get") << QByteArray("GET /api/v1/me?x=1&y=%20z HTTP/1.1\r\nHost: a\r\n\r\n")
                         << QStringList{u"/api/v1/me"_s} << QByteArray() << QList<qint64>{};
    QTest::newRow("pipelined") << QByteArray("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n")
                               << QStringList{u"/a"_s, u"/b"_s} << QByteArray() << QList<qint64>{};
    QTest::newRow("content-length")
        << QByteArray("POST /k HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET /n HTTP/1.1\r\nHost: a\r\n\r\n")
        << QStringList{u"/k"_s, u"/n"_s} << QByteArray() << QList<qint64>{};
    QTest::newRow("chunked") << QByteArray("POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "5;ext=1\r\nhello\r\n6 \r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
                             << QStringList{u"/c"_s} << QByteArray("hello world") << QList<qint64>{5, 6};
    QTest::newRow("blank lines first") << QByteArray("\r\n\r\nGET /z HTTP/1.0\r\n\r\n") << QStringList{u"/z"_s}
                                       << QByteArray() << QList<qint64>{};
    QTest::newRow("absolute form") << QByteArray("GET http://host:8080/p%2Fq?a=b HTTP/1.1\r\nHost: h\r\n\r\n")
                                   << QStringList{u"/p/q"_s} << QByteArray() << QList<qint64>{};
}

void TestHttpParser::requests()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, paths);
    QFETCH(QByteArray, lastBody);
    QFETCH(QList<qint64>, chunks);
    for (const int step : {0, 1, 7}) {
        const Outcome out = run(input, step);
        QVERIFY2(!out.error, qPrintable(out.error ? out.error->message : QString()));
        QCOMPARE(out.requests.size(), paths.size());
        QCOMPARE(out.heads, int(paths.size()));
        for (int i = 0; i < paths.size(); ++i)
            QCOMPARE(out.requests.at(i).path, paths.at(i));
        if (!lastBody.isEmpty())
            QCOMPARE(out.requests.constLast().body, lastBody);
        QCOMPARE(out.chunks, chunks);
    }
}

void TestHttpParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");

    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400;
    QTest::newRow("bare CR in value") << QByteArray("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n") << 400;
    QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\nX: y\r\n\r\n") << 400;
    QTest::newRow("length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("differing lengths")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("signed length") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n") << 400;
    QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n x\r\n\r\n") << 400;
    QTest::newRow("target not a path") << QByteArray("GET abc HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("NUL in path") << QByteArray("GET /%00 HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("chunk size 0x") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                 "0x5\r\nhello\r\n0\r\n\r\n")
                                   << 400;
    QTest::newRow("chunk without CRLF") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                                                      "\r\n1\r\nab\r\n0\r\n\r\n")
                                        << 400;
    QTest::newRow("bad expectation") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nExpect: x\r\n\r\n") << 417;
    QTest::newRow("nine blank lines") << QByteArray(9 * 2, '\0').replace(QByteArray(2, '\0'), "\r\n") + "GET / " << 400;
    QTest::newRow("HTTP/1.0 chunked") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
}

void TestHttpParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    for (const int step : {0, 1}) {
        const Outcome out = run(input, step);
        QVERIFY(out.error);
        QCOMPARE(out.error->status, status);
        QVERIFY(!out.error->message.isEmpty());
    }
}

void TestHttpParser::limitsCountWhileReading()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 100;
    limits.maxBodyBytes = 10;
    // A head that never ends is refused once it passes the limit, before the end is seen.
    Outcome out = run("GET / HTTP/1.1\r\nX: " + QByteArray(200, 'a'), 1, limits);
    QVERIFY(out.error);
    QCOMPARE(out.error->status, 431);
    // An announced body over the limit is refused at the head, before a byte of it.
    out = run("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", 0, limits);
    QCOMPARE(out.error->status, 413);
    QCOMPARE(out.heads, 0);
    // Chunks count together.
    out = run("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\naaaaaa\r\n5\r\n", 0, limits);
    QCOMPARE(out.error->status, 413);
    QCOMPARE(out.chunks, QList<qint64>{6});
    // Trailers count against the head limit.
    out = run("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " + QByteArray(120, 'b'), 0,
              limits);
    QCOMPARE(out.error->status, 431);
    // Exactly at the limits is fine.
    out = run("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", 0, limits);
    QVERIFY(!out.error);
    QCOMPARE(out.requests.size(), 1);
}

void TestHttpParser::sameAnswerHoweverTheBytesArrive()
{
    // Found by tests/fuzz/fuzz_httpparser: a head exactly at the limit was refused (431) when a read ended inside the
    // blank line that closes it, and a long chunk extension passed when its line came in one piece.
    HttpLimits limits;
    const QByteArray head = "GET / HTTP/1.1\r\nHost: abcdefghi\r\n\r\n";
    limits.maxHeaderBytes = head.size() - 4; // the head without its closing blank line
    for (int split = 1; split < head.size(); ++split) {
        HttpParser parser(limits);
        parser.append(QByteArrayView(head).first(split));
        HttpParser::Event event = parser.next();
        QVERIFY2(event == HttpParser::Event::NeedMore, QByteArray::number(split).constData());
        parser.append(QByteArrayView(head).sliced(split));
        event = parser.next();
        QVERIFY2(event == HttpParser::Event::Head, QByteArray::number(split).constData());
    }
    const QByteArray chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
                               QByteArray(1100, 'x') + "\r\na\r\n0\r\n\r\n";
    for (const int step : {0, 1, 512}) {
        const Outcome out = run(chunked, step);
        QVERIFY(out.error);
        QCOMPARE(out.error->status, 400);
    }
    const QByteArray atLimit = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
                               QByteArray(1022, 'x') + "\r\na\r\n0\r\n\r\n";
    for (const int step : {0, 1, 512}) {
        const Outcome out = run(atLimit, step);
        QVERIFY2(!out.error, qPrintable(out.error ? out.error->message : QString()));
        QCOMPARE(out.requests.size(), 1);
    }
}

void TestHttpParser::stopsAfterEachRequest()
{
    HttpParser parser;
    parser.append("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n"
                  "Connection: close\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QCOMPARE(parser.next(), HttpParser::Event::Head);
    QCOMPARE(parser.next(), HttpParser::Event::Request);
    // The properties of the request just read hold until the next one is started: the answer needs them.
    QVERIFY(parser.http10());
    QVERIFY(parser.keepAlive());
    QVERIFY(!parser.isHead());
    QCOMPARE(parser.takeRequest().path, QStringLiteral("/a"));
    QVERIFY(parser.buffered() > 0);
    QVERIFY(!parser.betweenRequests());
    QCOMPARE(parser.next(), HttpParser::Event::Head);
    QVERIFY(!parser.http10());
    QVERIFY(!parser.keepAlive());
    QVERIFY(parser.isHead());
    QVERIFY(parser.expectsContinue());
    QCOMPARE(parser.bodyLength(), 2);
    QCOMPARE(parser.next(), HttpParser::Event::NeedMore);
    parser.append("ok");
    QCOMPARE(parser.next(), HttpParser::Event::Request);
    QCOMPARE(parser.takeRequest().body, QByteArray("ok"));
    QCOMPARE(parser.next(), HttpParser::Event::NeedMore);
    QVERIFY(parser.betweenRequests());
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
