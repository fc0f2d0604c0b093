// HTTP behaviour of the server: JSON for every failure, 404/405, the 1 MiB body limit, keep-alive.
#include "TestServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

// Sends raw bytes and reads until the server closes or a full response with Content-Length has arrived.
QByteArray rawExchange(const QUrl& url, const QByteArray& request, int timeoutMs = 15000)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(200)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        response += socket.readAll();
        const qsizetype end = response.indexOf("\r\n\r\n");
        if (end > 0) {
            const qsizetype at = response.toLower().indexOf("content-length:");
            if (at > 0 && at < end) {
                const qsizetype lineEnd = response.indexOf("\r\n", at);
                const int length = response.mid(at + 15, lineEnd - at - 15).trimmed().toInt();
                if (response.size() >= end + 4 + length)
                    break;
            }
        }
    }
    return response;
}

int statusOf(const QByteArray& response)
{
    return response.mid(9, 3).toInt();
}

QJsonObject bodyOf(const QByteArray& response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

} // namespace

class TestServerHttp : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void unknownPathIsJson404()
    {
        const HttpResult r = m_server.get(u"/api/v1/nowhere"_s);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"not_found"_s);
        QCOMPARE(r.json.value(u"success"_s).toBool(true), false);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    }

    void wrongMethodIs405WithAllow_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("DELETE /me") << QByteArray("DELETE") << u"/api/v1/me"_s << QByteArray("GET");
        QTest::newRow("GET /auth/login") << QByteArray("GET") << u"/api/v1/auth/login"_s << QByteArray("POST");
        QTest::newRow("PUT /api-keys") << QByteArray("PUT") << u"/api/v1/api-keys"_s << QByteArray("GET, POST");
        QTest::newRow("DELETE /api-keys/{id}")
            << QByteArray("DELETE") << u"/api/v1/api-keys/key_x"_s << QByteArray("GET, PATCH");
    }

    void wrongMethodIs405WithAllow()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, allow);
        const HttpResult r = m_server.request(method, path, {}, TestServer::bearer(m_server.adminToken()));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.errorCode(), u"method_not_allowed"_s);
        QCOMPARE(r.header("Allow"), allow);
    }

    void bodyOverOneMebibyteIs413()
    {
        // Announced size: refused as soon as the headers arrive, before the body is buffered.
        const QByteArray announced = rawExchange(m_server.url(), "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                                                 "Content-Type: application/json\r\n"
                                                                 "Content-Length: 2097152\r\n\r\n{");
        QCOMPARE(statusOf(announced), 413);
        QCOMPARE(bodyOf(announced).value(u"error"_s).toObject().value(u"code"_s).toString(), u"payload_too_large"_s);

        // Chunked body that grows past the limit without announcing its size.
        QByteArray chunked = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray chunk(64 * 1024, 'a');
        for (int i = 0; i < 20; ++i)
            chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        const QByteArray streamed = rawExchange(m_server.url(), chunked);
        QCOMPARE(statusOf(streamed), 413);

        // Through a real client as well.
        const HttpResult big = m_server.request("POST", u"/api/v1/api-keys"_s, QByteArray(1024 * 1024 + 1, ' '),
                                                TestServer::bearer(m_server.adminToken()));
        QCOMPARE(big.status, 413);
    }

    void bodyJustUnderTheLimitIsParsed()
    {
        // 900 KiB of valid JSON reaches the handler, which judges it on its merits (a too long name).
        const QByteArray body = "{\"name\":\"" + QByteArray(900 * 1024, 'n') + "\",\"scopes\":[\"read:products\"]}";
        const HttpResult r =
            m_server.request("POST", u"/api/v1/api-keys"_s, body, TestServer::bearer(m_server.adminToken()));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_error"_s);
        QVERIFY(r.json.value(u"error"_s).toObject().value(u"details"_s).toObject().contains(u"name"_s));
    }

    void malformedRequestsAreRefusedWithTheEnvelope_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage request line") << QByteArray("HELLO\r\n\r\n") << 400 << u"bad_request"_s;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << u"bad_request"_s;
        QTest::newRow("HTTP/2.0 line") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505
                                       << u"http_version_not_supported"_s;
        QTest::newRow("no Host in HTTP/1.1")
            << QByteArray("GET /api/v1/scopes HTTP/1.1\r\n\r\n") << 400 << u"bad_request"_s;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << u"bad_request"_s;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n") << 400
                                       << u"bad_request"_s;
        QTest::newRow("Content-Length and Transfer-Encoding")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400 << u"bad_request"_s;
        QTest::newRow("two different Content-Lengths")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Content-Length: 3\r\n\r\n{}")
            << 400 << u"bad_request"_s;
        QTest::newRow("Content-Length not a number")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}") << 400
            << u"bad_request"_s;
        QTest::newRow("unknown transfer coding")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n") << 501
            << u"not_implemented"_s;
        QTest::newRow("bad chunk size")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "zz\r\n{}\r\n0\r\n\r\n")
            << 400 << u"bad_request"_s;
        QTest::newRow("headers over 64 KiB")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n") << 431
            << u"request_header_fields_too_large"_s;
        QTest::newRow("bare LF inside a header value")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-A: a\nContent-Length: 40\r\n\r\n") << 400
            << u"bad_request"_s;
        QTest::newRow("NUL in a header value")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 37) << 400 << u"bad_request"_s;
        QTest::newRow("control character in the target")
            << QByteArray("GET /a\x1b[31m HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << u"bad_request"_s;
        QTest::newRow("two Host headers")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << u"bad_request"_s;
        QTest::newRow("HTTP/1.0 with Transfer-Encoding")
            << QByteArray("POST /api/v1/auth/login HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400
            << u"bad_request"_s;
        for (const char* size : {"0x10", "+5", "-0", " 5", "1234567890abcdef"}) {
            QTest::addRow("chunk size \"%s\"", size)
                << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                              QByteArray(size) + "\r\n{}\r\n0\r\n\r\n")
                << 400 << u"bad_request"_s;
        }
        QByteArray trailers;
        for (int i = 0; i < 2000; ++i)
            trailers += "X-Trailer-" + QByteArray::number(i) + ": " + QByteArray(30, 't') + "\r\n";
        QTest::newRow("trailers over 64 KiB")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "2\r\n{}\r\n0\r\n" +
                          trailers + "\r\n")
            << 431 << u"request_header_fields_too_large"_s;
        QTest::newRow("unsupported expectation")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 2\r\n"
                          "\r\n{}")
            << 417 << u"expectation_failed"_s;
    }

    void malformedRequestsAreRefusedWithTheEnvelope()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QByteArray response = rawExchange(m_server.url(), request);
        QCOMPARE(statusOf(response), status);
        QCOMPARE(bodyOf(response).value(u"error"_s).toObject().value(u"code"_s).toString(), code);
        QVERIFY(response.contains("\r\nConnection: close\r\n"));
        // The server stays up for everyone else.
        QCOMPARE(m_server.get(u"/api/v1/nowhere"_s).status, 404);
    }

    void chunkedBodyIsDecoded()
    {
        // {"email":""} in three chunks with an extension and a trailer: the handler sees the JSON and judges it.
        const QByteArray response =
            rawExchange(m_server.url(), "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                                        "\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "4;ext=1\r\n{\"em\r\n5\r\nail\":\r\n3\r\n\"\"}\r\n0\r\nX-Trailer: t\r\n\r\n");
        QCOMPARE(statusOf(response), 400);
        QCOMPARE(bodyOf(response).value(u"error"_s).toObject().value(u"code"_s).toString(), u"validation_error"_s);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        // Three requests in one write: a 404, a 401 and a HEAD (headers only).
        socket.write("GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n"
                     "HEAD /third HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray all;
        QElapsedTimer timer;
        timer.start();
        while (all.count("HTTP/1.1 ") < 3 && timer.elapsed() < 10000) {
            if (socket.waitForReadyRead(500))
                all += socket.readAll();
        }
        socket.waitForReadyRead(300); // nothing more may come: HEAD has no body
        all += socket.readAll();
        const qsizetype first = all.indexOf("HTTP/1.1 404");
        const qsizetype second = all.indexOf("HTTP/1.1 401");
        const qsizetype third = all.lastIndexOf("HTTP/1.1 404");
        QVERIFY2(first == 0 && second > first && third > second, all.constData());
        QVERIFY(all.contains("No such endpoint: /first"));
        QVERIFY(!all.contains("No such endpoint: /third")); // the HEAD answer has headers only
        QVERIFY(all.endsWith("\r\n\r\n"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void manyPipelinedRequestsInOneStream()
    {
        // 300 requests written at once: every one answered, in order, on the same connection.
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        QByteArray requests;
        for (int i = 0; i < 300; ++i)
            requests += "GET /pipelined/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        socket.write(requests);
        QByteArray all;
        QElapsedTimer timer;
        timer.start();
        while (all.count("HTTP/1.1 404") < 300 && timer.elapsed() < 20000) {
            if (socket.waitForReadyRead(500))
                all += socket.readAll();
        }
        QCOMPARE(all.count("HTTP/1.1 404"), 300);
        qsizetype at = 0;
        for (int i = 0; i < 300; ++i) {
            at = all.indexOf(QByteArray("No such endpoint: /pipelined/" + QByteArray::number(i) + "\""), at);
            QVERIFY2(at >= 0, qPrintable(u"answer %1 missing or out of order"_s.arg(i)));
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void http10ClosesUnlessKeptAlive()
    {
        const QByteArray closed = rawExchange(m_server.url(), "GET /x HTTP/1.0\r\n\r\n");
        QVERIFY(closed.startsWith("HTTP/1.0 404"));
        QVERIFY(closed.contains("\r\nConnection: close\r\n"));
        const QByteArray kept = rawExchange(m_server.url(), "GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(kept.contains("\r\nConnection: keep-alive\r\n"));
        const QByteArray asked = rawExchange(m_server.url(), "GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(asked.contains("\r\nConnection: close\r\n"));
    }

    void expectContinueGetsAnInterimAnswer()
    {
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = "{\"email\":\"\"}";
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Expect: 100-continue\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n");
        QByteArray interim;
        while (!interim.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            interim += socket.readAll();
        QCOMPARE(interim, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write(body);
        QByteArray response;
        while (!response.contains("\"success\":false}") && socket.waitForReadyRead(5000))
            response += socket.readAll();
        QCOMPARE(statusOf(response), 400);
    }

    void responsesCarryDateAndNoStore()
    {
        const HttpResult r = m_server.get(u"/api/v1/nowhere"_s);
        // IMF-fixdate (RFC 9110 5.6.7), in GMT, close to now.
        QDateTime date =
            QLocale::c().toDateTime(QString::fromLatin1(r.header("Date")), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
        date.setTimeSpec(Qt::UTC);
        QVERIFY2(date.isValid(), r.header("Date").constData());
        QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 3; ++i) {
            const QByteArray body = "{\"email\":\"\"}";
            socket.write(
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QByteArray response;
            while (!response.contains("\"success\":false}") && socket.waitForReadyRead(5000))
                response += socket.readAll();
            QCOMPARE(statusOf(response), 400);
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void everyRefusalCarriesTheEnvelope_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no credential") << QByteArray("GET") << u"/api/v1/me"_s << QByteArray() << 401;
        QTest::newRow("unknown scheme") << QByteArray("GET") << u"/api/v1/me"_s << QByteArray() << 401;
        QTest::newRow("login not json") << QByteArray("POST") << u"/api/v1/auth/login"_s << QByteArray("nope") << 400;
        QTest::newRow("login array") << QByteArray("POST") << u"/api/v1/auth/login"_s << QByteArray("[1]") << 400;
        QTest::newRow("refresh garbage") << QByteArray("POST") << u"/api/v1/auth/refresh"_s
                                         << QByteArray("{\"refreshToken\":\"abc\"}") << 401;
    }

    void everyRefusalCarriesTheEnvelope()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        td::test::Headers headers;
        if (QByteArray(QTest::currentDataTag()) == "unknown scheme")
            headers.emplaceBack("Authorization", "Basic YWRtaW46YWRtaW4=");
        const HttpResult r = m_server.request(method, path, body, headers);
        QCOMPARE(r.status, status);
        QCOMPARE(r.json.value(u"success"_s).toBool(true), false);
        QVERIFY(!r.errorCode().isEmpty());
        QVERIFY(!r.json.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        if (status == 401)
            QVERIFY(!r.header("WWW-Authenticate").isEmpty());
    }

    void oneLogLinePerRequestWithoutQueryOrHeaders()
    {
        const HttpResult r =
            m_server.get(u"/api/v1/scopes?marker=logcheck123"_s, {{"Authorization", "Bearer not-a-jwt-secret-xyz"}});
        QCOMPARE(r.status, 401);
        QTRY_VERIFY_WITH_TIMEOUT(m_server.log().contains(u"GET /api/v1/scopes 401"_s), 5000);
        QVERIFY(!m_server.log().contains(u"logcheck123"_s));
        QVERIFY(!m_server.log().contains(u"not-a-jwt-secret-xyz"_s));
    }

    void aDecodedPathCannotForgeALogLine()
    {
        const QByteArray response =
            rawExchange(m_server.url(), "GET /api/v1/x%0Aforged%20GET%20/admin%20200 HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(response), 404);
        QTRY_VERIFY_WITH_TIMEOUT(m_server.log().contains(u"GET /api/v1/x%0Aforged%20GET%20/admin%20200 404"_s), 5000);
        for (const QString& line : m_server.log().split(u'\n'))
            QVERIFY2(!line.startsWith(u"forged"_s), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_server_http.moc"
