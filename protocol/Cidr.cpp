#include "protocol/Cidr.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace td::protocol {

namespace {

constexpr int MappedPrefixLength = 96; // ::ffff:0:0/96 holds the IPv4-mapped addresses

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

// Dotted quad only: Qt also accepts forms like "10.1" or "012.0.0.1", which mean different things to different
// tools, so an allowlist refuses them instead of guessing.
std::optional<QHostAddress> parseIPv4(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return std::nullopt;
        int octet = 0;
        for (QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
            octet = octet * 10 + (c.unicode() - u'0');
        }
        if (octet > 255)
            return std::nullopt;
        value = (value << 8) | quint32(octet);
    }
    return QHostAddress(value);
}

std::optional<QHostAddress> parseAddress(QStringView text)
{
    if (!text.contains(u':'))
        return parseIPv4(text);
    // A zone index names an interface of one machine and brackets belong in URLs: neither fits an allowlist.
    if (text.contains(u'%') || text.contains(u'[') || text.contains(u']'))
        return std::nullopt;
    QHostAddress address;
    if (!address.setAddress(text.toString()) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return address;
}

// Network-order bytes: 4 for IPv4, 16 for IPv6.
QByteArray addressBytes(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        QByteArray bytes(4, '\0');
        for (int i = 0; i < 4; ++i)
            bytes[i] = char((v4 >> (24 - 8 * i)) & 0xFFu);
        return bytes;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char*>(v6.c), 16);
}

QHostAddress addressFromBytes(const QByteArray& bytes)
{
    if (bytes.size() == 4) {
        quint32 v4 = 0;
        for (char b : bytes)
            v4 = (v4 << 8) | quint32(static_cast<unsigned char>(b));
        return QHostAddress(v4);
    }
    Q_IPV6ADDR v6;
    std::memcpy(v6.c, bytes.constData(), 16);
    return QHostAddress(v6);
}

QByteArray masked(QByteArray bytes, int prefixLength)
{
    for (int i = 0; i < bytes.size(); ++i) {
        const int bitsKept = std::clamp(prefixLength - 8 * i, 0, 8);
        const auto mask = static_cast<unsigned char>(0xFFu << (8 - bitsKept));
        bytes[i] = char(static_cast<unsigned char>(bytes[i]) & mask);
    }
    return bytes;
}

bool isMappedIPv4(const QByteArray& bytes)
{
    static const QByteArray mappedHead = QByteArray(10, '\0') + QByteArray(2, '\xff');
    return bytes.size() == 16 && bytes.startsWith(mappedHead);
}

QString cidrText(const QHostAddress& network, int prefixLength)
{
    return network.toString() + u'/' + QString::number(prefixLength);
}

} // namespace

std::optional<Cidr> Cidr::parse(QStringView text, QString* error)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        setError(error, QCoreApplication::translate("Cidr", "Enter an IP address or a network such as 10.0.0.0/8."));
        return std::nullopt;
    }
    const QString shown = trimmed.toString();
    for (QChar c : trimmed) {
        // Spaces and separators usually mean a pasted list: say so rather than "not an IP address".
        if (c.isSpace() || c == u',' || c == u';') {
            setError(error, QCoreApplication::translate("Cidr", "\"%1\" contains a space or a separator. Enter one "
                                                                "address or network per entry, such as 10.0.0.0/8.")
                                .arg(shown));
            return std::nullopt;
        }
    }

    const qsizetype slash = trimmed.indexOf(u'/');
    const QStringView addressText = slash < 0 ? trimmed : trimmed.first(slash);
    const std::optional<QHostAddress> address = parseAddress(addressText);
    if (!address) {
        setError(error, QCoreApplication::translate("Cidr", "\"%1\" is not an IP address or network. Use a form "
                                                            "such as 192.168.1.0/24 or 2001:db8::/32.")
                            .arg(shown));
        return std::nullopt;
    }
    const int maxPrefix = address->protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;

    int prefixLength = maxPrefix;
    if (slash >= 0) {
        const QStringView prefixText = trimmed.sliced(slash + 1);
        bool valid =
            !prefixText.isEmpty() && prefixText.size() <= 3 && !(prefixText.size() > 1 && prefixText.front() == u'0');
        for (QChar c : prefixText)
            valid = valid && c >= u'0' && c <= u'9';
        prefixLength = valid ? prefixText.toInt() : -1;
        if (prefixLength < 0 || prefixLength > maxPrefix) {
            setError(error, QCoreApplication::translate("Cidr", "The prefix length in \"%1\" must be a whole number "
                                                                "from 0 to %2.")
                                .arg(shown)
                                .arg(maxPrefix));
            return std::nullopt;
        }
    }

    const QByteArray bytes = addressBytes(*address);
    const QByteArray networkBytes = masked(bytes, prefixLength);
    if (networkBytes != bytes) {
        const QString suggestion = cidrText(addressFromBytes(networkBytes), prefixLength);
        setError(error, QCoreApplication::translate("Cidr", "\"%1\" has address bits set beyond the prefix length; "
                                                            "did you mean %2?")
                            .arg(shown, suggestion));
        return std::nullopt;
    }

    Cidr cidr;
    cidr.m_network = addressFromBytes(networkBytes); // drops any scope or formatting of the input
    cidr.m_prefixLength = prefixLength;
    return cidr;
}

bool Cidr::contains(const QHostAddress& address) const
{
    if (m_network.isNull() || address.isNull())
        return false;
    QByteArray network = addressBytes(m_network);
    int prefixLength = m_prefixLength;
    // A network written in the mapped range (::ffff:10.0.0.0/104) describes IPv4 hosts, which peers present either
    // way depending on the socket: compare it as the IPv4 network it stands for.
    if (prefixLength >= MappedPrefixLength && isMappedIPv4(network)) {
        network = network.sliced(12);
        prefixLength -= MappedPrefixLength;
    }
    const QByteArray peer = addressBytes(normalizedAddress(address));
    if (peer.size() != network.size())
        return false;
    return masked(peer, prefixLength) == network;
}

QString Cidr::toString() const
{
    return cidrText(m_network, m_prefixLength);
}

std::optional<QList<Cidr>> parseCidrList(const QStringList& entries, QString* error)
{
    QList<Cidr> result;
    result.reserve(entries.size());
    for (const QString& entry : entries) {
        std::optional<Cidr> cidr = Cidr::parse(entry, error);
        if (!cidr)
            return std::nullopt; // the message already quotes the entry
        result.append(*cidr);
    }
    return result;
}

bool allowlistPermits(const QList<Cidr>& allowlist, const QHostAddress& address)
{
    if (allowlist.isEmpty())
        return true;
    for (const Cidr& cidr : allowlist) {
        if (cidr.contains(address))
            return true;
    }
    return false;
}

QHostAddress normalizedAddress(const QHostAddress& address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const QByteArray bytes = addressBytes(address);
    if (!isMappedIPv4(bytes))
        return address;
    return addressFromBytes(bytes.sliced(12));
}

} // namespace td::protocol
