// The expiry calendar feed (issue 15, first part) against the real server: RFC 5545 as a real parser reads it
// (Debian's python3-icalendar), each event checked against the credential it names, alarms 7 and 1 days before,
// no secret in it; the feed key in the URL only when it can read the calendar and nothing else; revoked → 401.
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

// The events as python3-icalendar parses them: [{uid, start, summary, alarms: [trigger…]}].
QJsonArray parseWithIcalendar(const QByteArray& ics, QString* error)
{
    static const char* const Script = R"py(
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk('VEVENT'):
    out.append({'uid': str(e.get('uid')), 'start': e.decoded('dtstart').isoformat(),
                'summary': str(e.get('summary')), 'description': str(e.get('description')),
                'alarms': [str(a.decoded('trigger')) for a in e.walk('VALARM')]})
print(json.dumps({'name': str(cal.get('x-wr-calname')), 'events': out}))
)py";
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {u"-c"_s, QString::fromLatin1(Script)});
    python.write(ics);
    python.closeWriteChannel();
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        *error = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object().value(u"events"_s).toArray();
}

} // namespace

class TestServerCalendar : public QObject
{
    Q_OBJECT

private slots:
    void theFeedParsesAndNamesEveryExpiry()
    {
        TestServer s;
        QVERIFY(s.start());
        const QString at = u"2031-03-04T05:06:07Z"_s;
        const auto expiring =
            s.createKey(u"CI deploy; nightly, \"prod\""_s, {u"read:products"_s}, {{u"expiresAt"_s, at}});
        const auto endless = s.createKey(u"endless"_s, {u"read:products"_s});
        const auto gone = s.createKey(u"revoked"_s, {u"read:products"_s}, {{u"expiresAt"_s, at}});
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + gone.first + u"/revoke"_s, {}, s.admin()).status, 200);
        const auto feed = s.createKey(u"calendar"_s, {u"calendar:read"_s});

        const HttpResult r = s.get(u"/api/v1/calendar.ics?feed="_s + feed.second);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/calendar"));
        for (const auto& k : {expiring, endless, gone, feed})
            QVERIFY2(!r.body.contains(k.second.toLatin1()), "a secret is in the feed");
        // Folded lines: none longer than 75 octets, CRLF everywhere.
        for (const QByteArray& line : r.body.split('\n')) {
            QVERIFY2(line.isEmpty() || line.endsWith('\r'), line.constData());
            QVERIFY2(line.size() <= 76, line.constData());
        }
        QString error;
        const QJsonArray events = parseWithIcalendar(r.body, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(events.size(), 1); // the revoked one and those that never expire are not there
        const QJsonObject e = events.at(0).toObject();
        QCOMPARE(e.value(u"uid"_s).toString(), expiring.first + u"@tokendesk"_s);
        QCOMPARE(QDateTime::fromString(e.value(u"start"_s).toString(), Qt::ISODate).toUTC(),
                 QDateTime::fromString(at, Qt::ISODate).toUTC());
        QVERIFY2(e.value(u"summary"_s).toString().contains(u"\"CI deploy; nightly, \"prod\"\""_s),
                 qPrintable(e.value(u"summary"_s).toString())); // escaped on the wire, whole once parsed
        QVERIFY(e.value(u"summary"_s).toString().endsWith(u"expires"_s));
        QCOMPARE(e.value(u"alarms"_s).toArray(), (QJsonArray{u"-7 days, 0:00:00"_s, u"-1 day, 0:00:00"_s}));

        // A header credential holding calendar:read (or admin) reads it too; an admin session does.
        QCOMPARE(s.get(u"/api/v1/calendar.ics"_s, TestServer::apiKey(feed.second)).status, 200);
        QCOMPARE(s.get(u"/api/v1/calendar.ics"_s, s.admin()).status, 200);
        // Only a key that can do nothing else may travel in the URL.
        const auto wide = s.createKey(u"wide calendar"_s, {u"calendar:read"_s, u"read:products"_s});
        QCOMPARE(s.get(u"/api/v1/calendar.ics?feed="_s + wide.second).status, 403);
        QCOMPARE(s.get(u"/api/v1/calendar.ics?feed="_s + s.adminToken()).status, 401);
        // The feed key opens nothing else, and other names in the URL are refused as before.
        QCOMPARE(s.get(u"/api/v1/products"_s, TestServer::apiKey(feed.second)).errorCode(), u"insufficient_scope"_s);
        QCOMPARE(s.get(u"/api/v1/calendar.ics?api_key="_s + feed.second).status, 401);
        // Revoked: 401.
        QCOMPARE(s.post(u"/api/v1/api-keys/"_s + feed.first + u"/revoke"_s, {}, s.admin()).status, 200);
        QCOMPARE(s.get(u"/api/v1/calendar.ics?feed="_s + feed.second).status, 401);
        // The server's log never holds the query string.
        QVERIFY(!s.log().contains(feed.second));
    }
};

QTEST_GUILESS_MAIN(TestServerCalendar)
#include "tst_server_calendar.moc"
