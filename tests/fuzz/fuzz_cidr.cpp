// td::protocol::Cidr: IP allowlists and trusted-proxy networks as users and API clients write them.
//
// The input is UTF-8 text, one entry per line, parsed entry by entry and as a list. Each network is matched against
// fixed addresses and against addresses made from the input's last bytes.
// Properties: the list parses iff every entry does; a parsed network prints canonically (toString() parses back to
// itself); it contains its own network address; contains() agrees with a bitwise model written here, and treats
// an IPv4-mapped IPv6 address as the IPv4 address it carries; allowlistPermits() is "empty or any contains".
#include "FuzzCheck.h"

#include "protocol/Cidr.h"

#include <QHostAddress>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace Qt::StringLiterals;
using td::protocol::Cidr;

namespace {

// Network-order bytes: 4 for IPv4, 16 for IPv6, empty otherwise.
QByteArray bytesOf(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        const char bytes[] = {char(v4 >> 24), char(v4 >> 16), char(v4 >> 8), char(v4)};
        return QByteArray(bytes, 4);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        return QByteArray(reinterpret_cast<const char*>(v6.c), 16);
    }
    return {};
}

QHostAddress mapped(quint32 v4)
{
    Q_IPV6ADDR v6{};
    v6.c[10] = 0xff;
    v6.c[11] = 0xff;
    v6.c[12] = quint8(v4 >> 24);
    v6.c[13] = quint8(v4 >> 16);
    v6.c[14] = quint8(v4 >> 8);
    v6.c[15] = quint8(v4);
    return QHostAddress(v6);
}

bool isMapped(const QByteArray& bytes)
{
    static const QByteArray head = QByteArray(10, '\0') + QByteArray(2, '\xff');
    return bytes.size() == 16 && bytes.startsWith(head);
}

bool prefixEqual(const QByteArray& a, const QByteArray& b, int bits)
{
    for (int i = 0; i < bits; ++i) {
        const int byte = i / 8;
        const int mask = 0x80 >> (i % 8);
        if ((static_cast<unsigned char>(a[byte]) & mask) != (static_cast<unsigned char>(b[byte]) & mask))
            return false;
    }
    return true;
}

// What contains() should answer, bit by bit (Cidr.h: mapped addresses are their IPv4 address; a network written in
// the mapped range ::ffff:0:0/96 and below describes IPv4 hosts).
bool modelContains(const Cidr& cidr, const QHostAddress& address)
{
    QByteArray network = bytesOf(cidr.network());
    int prefix = cidr.prefixLength();
    if (prefix >= 96 && isMapped(network)) {
        network = network.sliced(12);
        prefix -= 96;
    }
    QByteArray peer = bytesOf(address);
    if (isMapped(peer))
        peer = peer.sliced(12);
    if (peer.isEmpty() || peer.size() != network.size())
        return false;
    return prefixEqual(peer, network, prefix);
}

QList<QHostAddress> probes(QByteArrayView input)
{
    QList<QHostAddress> list{
        QHostAddress(u"10.1.2.3"_s),     QHostAddress(u"192.168.1.1"_s), QHostAddress(u"0.0.0.0"_s),
        QHostAddress(u"255.255.255.255"_s), QHostAddress(u"127.0.0.1"_s), QHostAddress(u"::"_s),
        QHostAddress(u"::1"_s),          QHostAddress(u"2001:db8::1"_s), QHostAddress(u"fe80::1"_s),
        QHostAddress(u"::ffff:10.1.2.3"_s), QHostAddress(u"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s),
        QHostAddress(),
    };
    // From the input's last bytes: an IPv4 address, the same one IPv4-mapped, and an IPv6 address.
    if (input.size() >= 4) {
        const auto* p = reinterpret_cast<const unsigned char*>(input.data()) + input.size() - 4;
        const quint32 v4 = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
        list.append(QHostAddress(v4));
        list.append(mapped(v4));
    }
    if (input.size() >= 16) {
        Q_IPV6ADDR v6;
        std::memcpy(v6.c, input.data() + input.size() - 16, 16);
        list.append(QHostAddress(v6));
    }
    return list;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString text = QString::fromUtf8(input);
    const QStringList entries = text.split(u'\n');
    const QList<QHostAddress> addresses = probes(input);

    QList<Cidr> parsed;
    bool allParse = true;
    for (const QString& entry : entries) {
        QString error;
        const std::optional<Cidr> cidr = Cidr::parse(entry, &error);
        if (!cidr) {
            TD_FUZZ_CHECK(!error.isEmpty(), entry);
            allParse = false;
            continue;
        }
        parsed.append(*cidr);
        const int maxPrefix = cidr->network().protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        TD_FUZZ_CHECK(cidr->network().protocol() == QAbstractSocket::IPv4Protocol ||
                          cidr->network().protocol() == QAbstractSocket::IPv6Protocol,
                      entry);
        TD_FUZZ_CHECK(cidr->prefixLength() >= 0 && cidr->prefixLength() <= maxPrefix, entry);

        // Canonical text parses back to the same network.
        const QString canonical = cidr->toString();
        const std::optional<Cidr> again = Cidr::parse(canonical);
        TD_FUZZ_CHECK(again.has_value(), entry + u" -> "_s + canonical);
        TD_FUZZ_CHECK(again->network() == cidr->network() && again->prefixLength() == cidr->prefixLength() &&
                          again->toString() == canonical,
                      entry + u" -> "_s + canonical + u" -> "_s + again->toString());

        TD_FUZZ_CHECK(cidr->contains(cidr->network()), canonical);
        for (const QHostAddress& address : addresses) {
            const bool contains = cidr->contains(address);
            TD_FUZZ_CHECK(contains == modelContains(*cidr, address),
                          canonical + u" contains "_s + address.toString() + u": "_s +
                              (contains ? u"yes"_s : u"no"_s));
            TD_FUZZ_CHECK(contains == cidr->contains(td::protocol::normalizedAddress(address)),
                          canonical + u" / "_s + address.toString());
        }
    }

    QString listError;
    const std::optional<QList<Cidr>> list = td::protocol::parseCidrList(entries, &listError);
    TD_FUZZ_CHECK(list.has_value() == allParse, text);
    TD_FUZZ_CHECK(list.has_value() || !listError.isEmpty(), text);
    if (list) {
        TD_FUZZ_CHECK(list->size() == parsed.size(), QString());
        for (const QHostAddress& address : addresses) {
            bool any = false;
            for (const Cidr& cidr : *list)
                any = any || cidr.contains(address);
            TD_FUZZ_CHECK(td::protocol::allowlistPermits(*list, address) == (list->isEmpty() || any),
                          address.toString());
        }
    }

    // The same text as one address, as an X-Forwarded-For hop is read (Auth.cpp): Qt parses it, then it is normalised
    // and matched.
    const QHostAddress hop(text.trimmed());
    const QHostAddress normal = td::protocol::normalizedAddress(hop);
    if (!hop.isNull())
        TD_FUZZ_CHECK(!normal.isNull(), text);
    (void)td::protocol::allowlistPermits(parsed, normal);
    return 0;
}
