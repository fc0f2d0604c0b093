#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace td::protocol {

// HMAC-SHA256 under one fixed key, with the key's inner and outer SHA-256 states computed once: each MAC then costs
// two digest copies and finals (OpenSSL, hardware SHA where the CPU has it), no key set-up and no allocation. The
// server MACs every presented token with its pepper, so this is on the path of every request with a credential.
// Thread-safe: mac() only reads the prepared states.
class HmacSha256 final
{
public:
    explicit HmacSha256(const QByteArray& key);
    ~HmacSha256();
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;

    QByteArray mac(QByteArrayView data) const; // 32 bytes; empty only if OpenSSL fails

private:
    struct States;
    std::unique_ptr<States> m_states;
};

} // namespace td::protocol
