#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <optional>

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

    // maxQueued: hashes waiting or running at most; more are refused (a flood of wrong logins must not grow a
    // queue that a real user's login waits behind).
    explicit PasswordHasher(Params params, int maxConcurrent = 2, int maxQueued = 64);
    Q_DISABLE_COPY_MOVE(PasswordHasher)

    QString hash(const QByteArray& password) const;                     // blocking: for --init and seeding
    static bool verify(const QByteArray& password, const QString& phc); // blocking, constant-time compare

    // Verifies on the pool; nullopt when maxQueued hashes are waiting or running already. Waiting hashes run
    // highest priority first: callers give a client with fewer attempts in flight a higher one, so that one
    // client's flood does not stand in front of everybody else. An empty phc does the same work against a hash of
    // the configured cost and fails, so that an unknown account answers in about the time of a wrong password.
    // A client that has failed lately or has logins in flight (priority < 0) may fill only three quarters of the
    // queue: the rest stays free for clients that have not.
    std::optional<QFuture<bool>> verifyAsync(const QByteArray& password, const QString& phc, int priority);

    // Hashes on the pool (a new password: the setup of an invited account); nullopt when the queue is full.
    std::optional<QFuture<QString>> hashAsync(const QByteArray& password);

    const Params& params() const { return m_params; }

private:
    Params m_params;
    QString m_dummyHash;
    const int m_maxQueued;
    std::atomic<int> m_queued{0};
    QThreadPool m_pool;
};

} // namespace td::server
