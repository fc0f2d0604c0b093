#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::protocol {

// One IPv4 or IPv6 network. "10.0.0.0/8", "2001:db8::/32"; a bare address is a /32 or /128.
class Cidr final
{
public:
    // Refuses host bits set beyond the prefix ("10.0.0.1/8"), prefix lengths out of range, spaces
    // inside, IPv4-mapped notation for IPv6 networks stays IPv6. The error is a sentence for the user.
    static std::optional<Cidr> parse(QStringView text, QString* error = nullptr);

    // An IPv4-mapped IPv6 address (::ffff:10.1.2.3) is matched as the IPv4 address it carries.
    bool contains(const QHostAddress& address) const;
    QString toString() const; // canonical, e.g. "10.0.0.0/8", "2001:db8::/32"

    const QHostAddress& network() const { return m_network; }
    int prefixLength() const { return m_prefixLength; }

private:
    QHostAddress m_network;
    int m_prefixLength = 0;
};

// Parses every entry; on the first bad one returns nullopt and names it in *error.
std::optional<QList<Cidr>> parseCidrList(const QStringList& entries, QString* error = nullptr);
// An empty list permits every address.
bool allowlistPermits(const QList<Cidr>& allowlist, const QHostAddress& address);
// ::ffff:a.b.c.d -> a.b.c.d; anything else unchanged.
QHostAddress normalizedAddress(const QHostAddress& address);

} // namespace td::protocol
