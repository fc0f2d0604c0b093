#include "protocol/Cidr.h"

#include <QTest>

using namespace Qt::StringLiterals;
using td::protocol::Cidr;

class TestCidr : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void errorIsOptional();
    void contains_data();
    void contains();
    void parseList();
    void parseListNamesTheBadEntry();
    void allowlistPermits_data();
    void allowlistPermits();
    void normalizedAddress_data();
    void normalizedAddress();
};

void TestCidr::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("prefixLength");
    QTest::addColumn<bool>("ipv6");

    QTest::newRow("ipv4 /8") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s << 8 << false;
    QTest::newRow("ipv4 /24") << u"192.168.1.0/24"_s << u"192.168.1.0/24"_s << 24 << false;
    QTest::newRow("ipv4 /31") << u"192.168.1.2/31"_s << u"192.168.1.2/31"_s << 31 << false;
    QTest::newRow("ipv4 bare") << u"10.1.2.3"_s << u"10.1.2.3/32"_s << 32 << false;
    QTest::newRow("ipv4 /32") << u"10.1.2.3/32"_s << u"10.1.2.3/32"_s << 32 << false;
    QTest::newRow("ipv4 any") << u"0.0.0.0/0"_s << u"0.0.0.0/0"_s << 0 << false;
    QTest::newRow("ipv4 broadcast") << u"255.255.255.255"_s << u"255.255.255.255/32"_s << 32 << false;
    QTest::newRow("surrounding spaces") << u"  10.0.0.0/8 "_s << u"10.0.0.0/8"_s << 8 << false;
    QTest::newRow("ipv6 /32") << u"2001:db8::/32"_s << u"2001:db8::/32"_s << 32 << true;
    QTest::newRow("ipv6 upper case") << u"2001:DB8::/32"_s << u"2001:db8::/32"_s << 32 << true;
    QTest::newRow("ipv6 uncompressed") << u"2001:0db8:0000:0000:0000:0000:0000:0000/32"_s << u"2001:db8::/32"_s << 32
                                       << true;
    QTest::newRow("ipv6 bare") << u"2001:db8::1"_s << u"2001:db8::1/128"_s << 128 << true;
    QTest::newRow("ipv6 loopback") << u"::1"_s << u"::1/128"_s << 128 << true;
    QTest::newRow("ipv6 any") << u"::/0"_s << u"::/0"_s << 0 << true;
    QTest::newRow("ipv6 /10") << u"fe80::/10"_s << u"fe80::/10"_s << 10 << true;
    QTest::newRow("ipv4-mapped stays ipv6") << u"::ffff:10.0.0.0/104"_s << u"::ffff:10.0.0.0/104"_s << 104 << true;
}

void TestCidr::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(int, prefixLength);
    QFETCH(bool, ipv6);

    QString error = u"untouched"_s;
    const auto cidr = Cidr::parse(text, &error);
    QVERIFY2(cidr.has_value(), qPrintable(error));
    QCOMPARE(cidr->toString(), canonical);
    QCOMPARE(cidr->prefixLength(), prefixLength);
    QCOMPARE(cidr->network().protocol(), ipv6 ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol);
    // Canonical text parses back to the same network.
    const auto again = Cidr::parse(cidr->toString());
    QVERIFY(again.has_value());
    QCOMPARE(again->toString(), canonical);
    QCOMPARE(again->network(), cidr->network());
}

void TestCidr::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << QString() << u"10.0.0.0/8"_s;
    QTest::newRow("blank") << u"   "_s << u"10.0.0.0/8"_s;
    QTest::newRow("host bits ipv4") << u"10.0.0.1/8"_s << u"did you mean 10.0.0.0/8?"_s;
    QTest::newRow("host bits ipv4 /24") << u"192.168.1.77/24"_s << u"did you mean 192.168.1.0/24?"_s;
    QTest::newRow("host bits ipv4 /0") << u"1.2.3.4/0"_s << u"did you mean 0.0.0.0/0?"_s;
    QTest::newRow("host bits ipv6") << u"2001:db8::1/32"_s << u"did you mean 2001:db8::/32?"_s;
    QTest::newRow("host bits ipv6 /127") << u"2001:db8::1/127"_s << u"did you mean 2001:db8::/127?"_s;
    QTest::newRow("ipv4 prefix 33") << u"10.0.0.0/33"_s << u"from 0 to 32"_s;
    QTest::newRow("ipv6 prefix 129") << u"::/129"_s << u"from 0 to 128"_s;
    QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s << u"from 0 to 32"_s;
    QTest::newRow("plus prefix") << u"10.0.0.0/+8"_s << u"from 0 to 32"_s;
    QTest::newRow("empty prefix") << u"10.0.0.0/"_s << u"from 0 to 32"_s;
    QTest::newRow("leading zero prefix") << u"10.0.0.0/08"_s << u"from 0 to 32"_s;
    QTest::newRow("letters in prefix") << u"10.0.0.0/8a"_s << u"from 0 to 32"_s;
    QTest::newRow("huge prefix") << u"10.0.0.0/99999999999"_s << u"from 0 to 32"_s;
    QTest::newRow("two slashes") << u"10.0.0.0/8/8"_s << u"from 0 to 32"_s;
    QTest::newRow("no address") << u"/8"_s << u"is not an IP address"_s;
    QTest::newRow("space inside") << u"10.0.0.0/ 8"_s << u"one address or network per entry"_s;
    QTest::newRow("space in address") << u"10.0.0 .0/8"_s << u"one address or network per entry"_s;
    QTest::newRow("tab inside") << u"10.0.0.0\t/8"_s << u"one address or network per entry"_s;
    QTest::newRow("garbage") << u"abc"_s << u"\"abc\" is not an IP address"_s;
    QTest::newRow("hostname") << u"example.com"_s << u"is not an IP address"_s;
    QTest::newRow("three octets") << u"10.0.0/24"_s << u"is not an IP address"_s;
    QTest::newRow("two octets") << u"10.1"_s << u"is not an IP address"_s;
    QTest::newRow("octet 256") << u"256.0.0.0/8"_s << u"is not an IP address"_s;
    QTest::newRow("leading zero octet") << u"010.0.0.0/8"_s << u"is not an IP address"_s;
    QTest::newRow("five octets") << u"1.2.3.4.5"_s << u"is not an IP address"_s;
    QTest::newRow("trailing dot") << u"1.2.3.4."_s << u"is not an IP address"_s;
    QTest::newRow("ipv6 two double colons") << u"2001::db8::/32"_s << u"is not an IP address"_s;
    QTest::newRow("ipv6 bad group") << u"2001:db8g::/32"_s << u"is not an IP address"_s;
    QTest::newRow("ipv6 zone index") << u"fe80::1%eth0"_s << u"is not an IP address"_s;
    QTest::newRow("ipv6 brackets") << u"[::1]"_s << u"is not an IP address"_s;
    QTest::newRow("comma list") << u"10.0.0.0/8,192.168.0.0/16"_s << u"one address or network per entry"_s;
    QTest::newRow("semicolon list") << u"10.0.0.1;10.0.0.2"_s << u"one address or network per entry"_s;
}

void TestCidr::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);

    QString error;
    QVERIFY(!Cidr::parse(text, &error).has_value());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    // A sentence for the user: starts with a capital or a quote, ends with punctuation.
    QVERIFY2(error.endsWith(u'.') || error.endsWith(u'?'), qPrintable(error));
}

void TestCidr::errorIsOptional()
{
    QVERIFY(!Cidr::parse(u"10.0.0.1/8").has_value());
    QVERIFY(Cidr::parse(u"10.0.0.0/8").has_value());
}

void TestCidr::contains_data()
{
    QTest::addColumn<QString>("cidr");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("expected");

    QTest::newRow("v4 inside") << u"10.0.0.0/8"_s << u"10.1.2.3"_s << true;
    QTest::newRow("v4 first") << u"10.0.0.0/8"_s << u"10.0.0.0"_s << true;
    QTest::newRow("v4 last") << u"10.0.0.0/8"_s << u"10.255.255.255"_s << true;
    QTest::newRow("v4 just outside") << u"10.0.0.0/8"_s << u"11.0.0.0"_s << false;
    QTest::newRow("v4 below") << u"10.0.0.0/8"_s << u"9.255.255.255"_s << false;
    QTest::newRow("v4 /22 inside") << u"192.168.4.0/22"_s << u"192.168.7.200"_s << true;
    QTest::newRow("v4 /22 outside") << u"192.168.4.0/22"_s << u"192.168.8.1"_s << false;
    QTest::newRow("v4 /32 same") << u"203.0.113.7"_s << u"203.0.113.7"_s << true;
    QTest::newRow("v4 /32 other") << u"203.0.113.7"_s << u"203.0.113.8"_s << false;
    QTest::newRow("v4 any") << u"0.0.0.0/0"_s << u"198.51.100.1"_s << true;
    QTest::newRow("v4 mapped peer inside") << u"10.0.0.0/8"_s << u"::ffff:10.1.2.3"_s << true;
    QTest::newRow("v4 mapped peer outside") << u"10.0.0.0/8"_s << u"::ffff:11.1.2.3"_s << false;
    QTest::newRow("v4 network, v6 peer") << u"0.0.0.0/0"_s << u"2001:db8::1"_s << false;
    QTest::newRow("v4 network, v4-compatible peer") << u"0.0.0.0/0"_s << u"::10.1.2.3"_s << false;
    QTest::newRow("v6 inside") << u"2001:db8::/32"_s << u"2001:db8:1234::1"_s << true;
    QTest::newRow("v6 outside") << u"2001:db8::/32"_s << u"2001:db9::1"_s << false;
    QTest::newRow("v6 /128") << u"::1"_s << u"::1"_s << true;
    QTest::newRow("v6 /128 other") << u"::1"_s << u"::2"_s << false;
    QTest::newRow("v6 odd prefix inside") << u"2001:db8:8000::/33"_s << u"2001:db8:ffff::1"_s << true;
    QTest::newRow("v6 odd prefix outside") << u"2001:db8:8000::/33"_s << u"2001:db8:7fff::1"_s << false;
    QTest::newRow("v6 any, v6 peer") << u"::/0"_s << u"2001:db8::1"_s << true;
    QTest::newRow("v6 any, v4 peer") << u"::/0"_s << u"10.1.2.3"_s << false;
    QTest::newRow("v6 network, v4 peer") << u"2001:db8::/32"_s << u"10.1.2.3"_s << false;
    QTest::newRow("mapped network, v4 peer") << u"::ffff:10.0.0.0/104"_s << u"10.1.2.3"_s << true;
    QTest::newRow("mapped network, mapped peer") << u"::ffff:10.0.0.0/104"_s << u"::ffff:10.1.2.3"_s << true;
    QTest::newRow("mapped network, other v4 peer") << u"::ffff:10.0.0.0/104"_s << u"11.1.2.3"_s << false;
}

void TestCidr::contains()
{
    QFETCH(QString, cidr);
    QFETCH(QString, address);
    QFETCH(bool, expected);

    const auto network = Cidr::parse(cidr);
    QVERIFY(network.has_value());
    const QHostAddress peer(address);
    QVERIFY2(!peer.isNull(), qPrintable(address));
    QCOMPARE(network->contains(peer), expected);
}

void TestCidr::parseList()
{
    QString error;
    const auto list = td::protocol::parseCidrList({u"10.0.0.0/8"_s, u"2001:db8::/32"_s, u" 192.168.1.5 "_s}, &error);
    QVERIFY2(list.has_value(), qPrintable(error));
    QCOMPARE(list->size(), 3);
    QCOMPARE(list->at(0).toString(), u"10.0.0.0/8"_s);
    QCOMPARE(list->at(1).toString(), u"2001:db8::/32"_s);
    QCOMPARE(list->at(2).toString(), u"192.168.1.5/32"_s);

    const auto empty = td::protocol::parseCidrList({}, &error);
    QVERIFY(empty.has_value());
    QVERIFY(empty->isEmpty());
}

void TestCidr::parseListNamesTheBadEntry()
{
    QString error;
    const auto list = td::protocol::parseCidrList({u"10.0.0.0/8"_s, u"172.16.0.1/12"_s, u"nonsense"_s}, &error);
    QVERIFY(!list.has_value());
    QVERIFY2(error.contains(u"172.16.0.1/12"_s), qPrintable(error));
    QVERIFY2(error.contains(u"172.16.0.0/12"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"nonsense"_s), qPrintable(error)); // the first bad entry, not the last
}

void TestCidr::allowlistPermits_data()
{
    QTest::addColumn<QStringList>("allowlist");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("expected");

    const QStringList office{u"203.0.113.0/24"_s, u"2001:db8:1::/48"_s};
    QTest::newRow("empty list, v4") << QStringList() << u"198.51.100.1"_s << true;
    QTest::newRow("empty list, v6") << QStringList() << u"2001:db8::1"_s << true;
    QTest::newRow("office v4") << office << u"203.0.113.9"_s << true;
    QTest::newRow("office v4 mapped") << office << u"::ffff:203.0.113.9"_s << true;
    QTest::newRow("office v6") << office << u"2001:db8:1:2::3"_s << true;
    QTest::newRow("elsewhere v4") << office << u"198.51.100.1"_s << false;
    QTest::newRow("elsewhere v6") << office << u"2001:db8:2::1"_s << false;
    QTest::newRow("loopback") << office << u"127.0.0.1"_s << false;
}

void TestCidr::allowlistPermits()
{
    QFETCH(QStringList, allowlist);
    QFETCH(QString, address);
    QFETCH(bool, expected);

    const auto list = td::protocol::parseCidrList(allowlist);
    QVERIFY(list.has_value());
    QCOMPARE(td::protocol::allowlistPermits(*list, QHostAddress(address)), expected);
}

void TestCidr::normalizedAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("ipv4");

    QTest::newRow("mapped") << u"::ffff:10.1.2.3"_s << u"10.1.2.3"_s << true;
    QTest::newRow("mapped hex") << u"::ffff:a01:203"_s << u"10.1.2.3"_s << true;
    QTest::newRow("plain v4") << u"10.1.2.3"_s << u"10.1.2.3"_s << true;
    QTest::newRow("plain v6") << u"2001:db8::1"_s << u"2001:db8::1"_s << false;
    QTest::newRow("v4-compatible is not mapped") << u"::10.1.2.3"_s << u"::10.1.2.3"_s << false;
    QTest::newRow("loopback v6") << u"::1"_s << u"::1"_s << false;
}

void TestCidr::normalizedAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QFETCH(bool, ipv4);

    const QHostAddress normalized = td::protocol::normalizedAddress(QHostAddress(address));
    QCOMPARE(normalized.toString(), expected);
    QCOMPARE(normalized.protocol(), ipv4 ? QAbstractSocket::IPv4Protocol : QAbstractSocket::IPv6Protocol);
}

QTEST_GUILESS_MAIN(TestCidr)
#include "tst_cidr.moc"
