#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QThreadPool>

namespace td::server {

// scrypt in PHC string form: $scrypt$ln=17,r=8,p=1$<salt b64>$<hash b64>.
// Hashing costs ~0.6 s and 128 MiB, so it runs on a small pool of its own, never on an HTTP thread, and
// at most maxConcurrent hashes run at once; the rest queue.
class PasswordHasher final
{
public:
    struct Params
    {
        int logN = 17;
        int r = 8;
        int p = 1;
    };

    explicit PasswordHasher(Params params, int maxConcurrent = 2);
    Q_DISABLE_COPY_MOVE(PasswordHasher)

    QString hash(const QByteArray& password) const;                     // blocking: for --init and seeding
    static bool verify(const QByteArray& password, const QString& phc); // blocking, constant-time compare

    QFuture<bool> verifyAsync(const QByteArray& password, const QString& phc);
    // Runs the same work as a verification against a hash of the configured cost, so that an unknown
    // account answers in about the time of a wrong password.
    QFuture<bool> dummyVerifyAsync(const QByteArray& password);

    const Params& params() const { return m_params; }

private:
    Params m_params;
    QString m_dummyHash;
    QThreadPool m_pool;
};

} // namespace td::server
