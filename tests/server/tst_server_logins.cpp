// Password logins under attack, against the real binary: a flood of wrong logins does not starve a real user,
// the hashing queue is bounded, a global failure budget stops distributed guessing, IPv6 clients count per /64,
// the audit log never keeps what was typed for an unknown account, and the rate limiter forgets old windows.
#include "RawSocket.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using td::test::HttpResult;
using td::test::RawSocket;
using td::test::TestServer;

namespace {

QByteArray loginRequest(const QByteArray& email, const QByteArray& password, const QByteArray& forwardedFor = {})
{
    const QByteArray body = R"({"email":")" + email + R"(","password":")" + password + R"("})";
    QByteArray request = "POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n";
    if (!forwardedFor.isEmpty())
        request += "X-Forwarded-For: " + forwardedFor + "\r\n";
    return request + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

int loginFrom(quint16 port, const char* from, const QByteArray& email, const QByteArray& password,
              const QByteArray& forwardedFor = {})
{
    RawSocket s;
    if (!s.connectTo(port, from) || !s.send(loginRequest(email, password, forwardedFor)))
        return 0;
    return RawSocket::status(s.readResponse(60000));
}

const QByteArray AdminEmail = TestServer::AdminEmail;
const QByteArray AdminPassword = TestServer::AdminPassword;

} // namespace

class TestServerLogins : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { td::test::raiseDescriptorLimit(); }

    // Finding 6: 150 wrong logins over five addresses delayed a real admin's login to 53.5 s.
    void aLoginFloodDoesNotStarveARealUser()
    {
        TestServer s;
        QVERIFY(s.start({u"--scrypt-log-n"_s, u"15"_s, u"--max-queued-logins"_s, u"64"_s}));
        const quint16 port = quint16(s.url().port());
        const char* attackers[] = {"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"};
        std::vector<RawSocket> attack;
        for (int i = 0; i < 125; ++i) {
            attack.emplace_back();
            QVERIFY(attack.back().connectTo(port, attackers[i % 5]));
            QVERIFY(attack.back().send(loginRequest("guess" + QByteArray::number(i) + "@attack.test", "wrong")));
        }
        // Each attacker has 25 attempts in flight, under its per-address limit; the admin has none.
        QCOMPARE(loginFrom(port, "127.0.0.1", AdminEmail, AdminPassword), 200);
        int answeredBefore = 0;
        std::vector<QByteArray> early;
        for (RawSocket& a : attack) {
            early.push_back(a.readSome(0));
            answeredBefore += RawSocket::status(early.back()) == 401 ? 1 : 0;
        }
        QVERIFY2(answeredBefore < 40, qPrintable(u"the admin waited behind %1 wrong logins"_s.arg(answeredBefore)));

        // Every attempt is answered: checked (401) or, past the queue bound, refused with a time to come back.
        int refused = 0;
        for (size_t i = 0; i < attack.size(); ++i) {
            const QByteArray answer = early[i] + attack[i].readResponse(120000);
            const int status = RawSocket::status(answer);
            QVERIFY2(status == 401 || status == 503, answer.constData());
            if (status == 503) {
                ++refused;
                QVERIFY(answer.contains("Retry-After: "));
            }
        }
        QVERIFY2(refused > 0, "125 hashes were queued although at most 64 may wait");
    }

    void aGlobalFailureBudgetStopsDistributedGuessing()
    {
        TestServer s;
        QVERIFY(s.start({u"--login-failures-global"_s, u"10"_s}));
        const quint16 port = quint16(s.url().port());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(loginFrom(port, "127.0.0.2", "g" + QByteArray::number(i) + "@x.test", "wrong"), 401);
        // The budget is spent: a client that failed before must wait…
        QCOMPARE(loginFrom(port, "127.0.0.2", "g10@x.test", "wrong"), 429);
        // …one that has not may still try, and a real user gets in.
        QCOMPARE(loginFrom(port, "127.0.0.1", AdminEmail, AdminPassword), 200);
        QCOMPARE(loginFrom(port, "127.0.0.3", "h@x.test", "wrong"), 401);
        QCOMPARE(loginFrom(port, "127.0.0.3", "h2@x.test", "wrong"), 429);
    }

    void ipv6ClientsCountPerSlash64()
    {
        TestServer s;
        QVERIFY(s.start({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        const quint16 port = quint16(s.url().port());
        // 30 attempts per address and window: 30 addresses of one /64 share them.
        for (int i = 1; i <= 30; ++i) {
            const QByteArray from = "2001:db8:1:2::" + QByteArray::number(i, 16);
            QCOMPARE(loginFrom(port, nullptr, "v" + QByteArray::number(i) + "@x.test", "wrong", from), 401);
        }
        QCOMPARE(loginFrom(port, nullptr, "v31@x.test", "wrong", "2001:db8:1:2:ffff::1"), 429);
        QCOMPARE(loginFrom(port, nullptr, "v32@x.test", "wrong", "2001:db8:1:3::1"), 401); // another /64
    }

    // Finding 8: a password typed into the e-mail field was stored as the audit actor "login:<text>".
    void theAuditLogNeverKeepsWhatWasTyped()
    {
        TestServer s;
        QVERIFY(s.start());
        const quint16 port = quint16(s.url().port());
        QCOMPARE(loginFrom(port, nullptr, "Tr0ub4dor&3-typed-here", "whatever"), 401);
        QCOMPARE(loginFrom(port, nullptr, AdminEmail, "wrong password"), 401);
        s.stop();

        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"audit"_s);
        db.setDatabaseName(s.databasePath());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT actor, action, COALESCE(target_id, ''), COALESCE(detail, '') FROM audit_events"_s));
            int failures = 0;
            while (q.next()) {
                const QString row =
                    q.value(0).toString() + q.value(1).toString() + q.value(2).toString() + q.value(3).toString();
                QVERIFY2(!row.contains(u"Tr0ub4dor"_s), qPrintable(row));
                if (q.value(1).toString() == u"login.failed"_s) {
                    ++failures;
                    QVERIFY2(q.value(0).toString() == u"login:unknown"_s ||
                                 q.value(0).toString().startsWith(u"user:usr_"_s),
                             qPrintable(row));
                }
            }
            QCOMPARE(failures, 2);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"audit"_s);
    }

    // Finding 8: RateLimiter never forgot a key; memory grew with every address an attacker rotated through.
    void theRateLimiterForgetsPassedWindows()
    {
        TestServer s;
        QVERIFY(s.start({u"--trusted-proxy"_s, u"127.0.0.1/32"_s}));
        const quint16 port = quint16(s.url().port());
        const auto flood = [port](int round, int addresses) {
            RawSocket c;
            if (!c.connectTo(port))
                return false;
            constexpr int Batch = 200;
            for (int first = 0; first < addresses; first += Batch) {
                QByteArray batch;
                for (int i = first; i < first + Batch && i < addresses; ++i) {
                    const QByteArray from =
                        "2001:db8:" + QByteArray::number(round, 16) + ':' + QByteArray::number(i, 16) + "::1";
                    batch += loginRequest("same@x.test", "wrong", from);
                }
                if (!c.send(batch))
                    return false;
                int answered = 0;
                QByteArray answers;
                const int expected = std::min(Batch, addresses - first);
                while (answered < expected) {
                    const QByteArray more = c.readSome(60000);
                    if (more.isEmpty()) {
                        qWarning() << "no answer after" << first + answered << "requests:" << answers.right(300);
                        return false;
                    }
                    answers += more;
                    answered = int(answers.count("HTTP/1.1 "));
                }
            }
            return true;
        };
        const auto keys = [&s] {
            return s.get(u"/api/v1/_test/stats"_s).data().value(u"rateLimiterKeys"_s).toInt(-1);
        };
        QVERIFY(flood(1, 50000));
        const int afterFirst = keys();
        QVERIFY2(afterFirst >= 50000, qPrintable(QString::number(afterFirst)));
        // The login window (5 minutes) passes; the next 50,000 addresses replace the first.
        QVERIFY(s.advanceClock(301));
        QVERIFY(flood(2, 50000));
        const int afterSecond = keys();
        QVERIFY2(afterSecond >= 50000 && afterSecond < 75000, qPrintable(QString::number(afterSecond)));
    }
};

QTEST_GUILESS_MAIN(TestServerLogins)
#include "tst_server_logins.moc"
