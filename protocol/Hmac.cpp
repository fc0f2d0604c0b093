#include "protocol/Hmac.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace td::protocol {

namespace {

constexpr int BlockSize = 64; // SHA-256
constexpr int DigestSize = 32;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

// One scratch context per thread, reused for every MAC.
EVP_MD_CTX* scratch()
{
    thread_local MdCtx ctx(EVP_MD_CTX_new());
    return ctx.get();
}

} // namespace

struct HmacSha256::States
{
    MdCtx inner{EVP_MD_CTX_new()};
    MdCtx outer{EVP_MD_CTX_new()};
    bool ok = false;
};

HmacSha256::HmacSha256(const QByteArray& key)
    : m_states(std::make_unique<States>())
{
    unsigned char block[BlockSize] = {};
    if (key.size() > BlockSize) {
        unsigned int length = 0;
        if (EVP_Digest(key.constData(), size_t(key.size()), block, &length, EVP_sha256(), nullptr) != 1)
            return;
    } else {
        memcpy(block, key.constData(), size_t(key.size()));
    }
    unsigned char ipad[BlockSize];
    unsigned char opad[BlockSize];
    for (int i = 0; i < BlockSize; ++i) {
        ipad[i] = block[i] ^ 0x36;
        opad[i] = block[i] ^ 0x5c;
    }
    EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    m_states->ok = sha256 && m_states->inner && m_states->outer &&
                   EVP_DigestInit_ex(m_states->inner.get(), sha256, nullptr) == 1 &&
                   EVP_DigestUpdate(m_states->inner.get(), ipad, BlockSize) == 1 &&
                   EVP_DigestInit_ex(m_states->outer.get(), sha256, nullptr) == 1 &&
                   EVP_DigestUpdate(m_states->outer.get(), opad, BlockSize) == 1;
    EVP_MD_free(sha256);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(ipad, sizeof ipad);
    OPENSSL_cleanse(opad, sizeof opad);
}

HmacSha256::~HmacSha256() = default;

QByteArray HmacSha256::mac(QByteArrayView data) const
{
    EVP_MD_CTX* ctx = scratch();
    unsigned char inner[DigestSize];
    QByteArray out(DigestSize, Qt::Uninitialized);
    unsigned int length = 0;
    const bool ok =
        m_states->ok && ctx && EVP_MD_CTX_copy_ex(ctx, m_states->inner.get()) == 1 &&
        EVP_DigestUpdate(ctx, data.data(), size_t(data.size())) == 1 && EVP_DigestFinal_ex(ctx, inner, &length) == 1 &&
        length == DigestSize && EVP_MD_CTX_copy_ex(ctx, m_states->outer.get()) == 1 &&
        EVP_DigestUpdate(ctx, inner, DigestSize) == 1 &&
        EVP_DigestFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()), &length) == 1 && length == DigestSize;
    OPENSSL_cleanse(inner, sizeof inner);
    return ok ? out : QByteArray();
}

} // namespace td::protocol
