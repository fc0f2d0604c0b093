#include "PasswordHasher.h"

#include <QRegularExpression>
#include <QtConcurrent>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr quint64 MaxMemory = 1024ull * 1024 * 1024; // refuse absurd stored parameters

QByteArray derive(const QByteArray& password, const QByteArray& salt, int logN, int r, int p)
{
    QByteArray out(HashBytes, Qt::Uninitialized);
    const quint64 n = quint64(1) << logN;
    if (EVP_PBE_scrypt(password.constData(), size_t(password.size()),
                       reinterpret_cast<const unsigned char*>(salt.constData()), size_t(salt.size()), n, quint64(r),
                       quint64(p), MaxMemory, reinterpret_cast<unsigned char*>(out.data()), size_t(out.size())) != 1) {
        return {};
    }
    return out;
}

QByteArray b64(const QByteArray& data)
{
    return data.toBase64(QByteArray::OmitTrailingEquals);
}

} // namespace

PasswordHasher::PasswordHasher(Params params, int maxConcurrent, int maxQueued)
    : m_params(params)
    , m_maxQueued(qMax(1, maxQueued))
{
    m_pool.setMaxThreadCount(qMax(1, maxConcurrent));
    m_dummyHash = hash(QByteArrayLiteral("tokendesk-dummy-password"));
}

QString PasswordHasher::hash(const QByteArray& password) const
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), salt.size());
    const QByteArray derived = derive(password, salt, m_params.logN, m_params.r, m_params.p);
    if (derived.isEmpty())
        return {};
    return u"$scrypt$ln=%1,r=%2,p=%3$"_s.arg(m_params.logN).arg(m_params.r).arg(m_params.p) +
           QString::fromLatin1(b64(salt)) + u'$' + QString::fromLatin1(b64(derived));
}

bool PasswordHasher::verify(const QByteArray& password, const QString& phc)
{
    static const QRegularExpression re(
        u"^\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$"_s);
    const auto m = re.match(phc);
    if (!m.hasMatch())
        return false;
    const int logN = m.captured(1).toInt();
    const int r = m.captured(2).toInt();
    const int p = m.captured(3).toInt();
    if (logN < 10 || logN > 22 || r < 1 || p < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(m.captured(4).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(m.captured(5).toLatin1());
    const QByteArray derived = derive(password, salt, logN, r, p);
    if (derived.isEmpty() || derived.size() != expected.size())
        return false;
    return CRYPTO_memcmp(derived.constData(), expected.constData(), size_t(derived.size())) == 0;
}

std::optional<QFuture<bool>> PasswordHasher::verifyAsync(const QByteArray& password, const QString& phc, int priority)
{
    const int limit = priority < 0 ? std::max(1, m_maxQueued * 3 / 4) : m_maxQueued;
    if (m_queued.fetch_add(1) >= limit) {
        m_queued.fetch_sub(1);
        return std::nullopt;
    }
    QFutureInterface<bool> promise;
    promise.reportStarted();
    QFuture<bool> future = promise.future();
    const bool dummy = phc.isEmpty();
    m_pool.start(
        [this, promise, password, phc = dummy ? m_dummyHash : phc, dummy]() mutable {
            const bool ok = verify(password, phc) && !dummy;
            m_queued.fetch_sub(1);
            promise.reportResult(ok);
            promise.reportFinished();
        },
        priority);
    return future;
}

std::optional<QFuture<QString>> PasswordHasher::hashAsync(const QByteArray& password)
{
    if (m_queued.fetch_add(1) >= m_maxQueued) {
        m_queued.fetch_sub(1);
        return std::nullopt;
    }
    QFutureInterface<QString> promise;
    promise.reportStarted();
    QFuture<QString> future = promise.future();
    m_pool.start([this, promise, password]() mutable {
        const QString phc = hash(password);
        m_queued.fetch_sub(1);
        promise.reportResult(phc);
        promise.reportFinished();
    });
    return future;
}

} // namespace td::server
