#include "KeyFile.h"
#include "Text.h"

#include "protocol/Jwt.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/rand.h>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

std::optional<KeyMaterial> KeyMaterial::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            tr("Cannot read the key file %1: %2. Run tokendesk-server --init first.").arg(path, file.errorString());
        return std::nullopt;
    }
    if ((file.permissions() & ~(OwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0) {
        *error = tr("The key file %1 can be read by others; make it private with chmod 600.").arg(path);
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    KeyMaterial keys;
    keys.signingKey = QByteArray::fromBase64(object.value(u"signingKey"_s).toString().toLatin1());
    keys.pepper = QByteArray::fromBase64(object.value(u"pepper"_s).toString().toLatin1());
    if (keys.signingKey.size() < protocol::Jwt::MinKeySize) {
        *error = tr("The signing key in %1 is shorter than 32 bytes; refusing to start.").arg(path);
        return std::nullopt;
    }
    if (keys.pepper.size() < 32) {
        *error = tr("The pepper in %1 is shorter than 32 bytes; refusing to start.").arg(path);
        return std::nullopt;
    }
    return keys;
}

std::optional<KeyMaterial> KeyMaterial::create(const QString& path, QString* error)
{
    if (QFileInfo::exists(path)) {
        *error = tr("The key file %1 exists already; it is never overwritten.").arg(path);
        return std::nullopt;
    }
    KeyMaterial keys;
    keys.signingKey.resize(64);
    keys.pepper.resize(32);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(keys.signingKey.data()), int(keys.signingKey.size())) != 1 ||
        RAND_bytes(reinterpret_cast<unsigned char*>(keys.pepper.data()), int(keys.pepper.size())) != 1) {
        *error = tr("The system random number generator failed.");
        return std::nullopt;
    }
    // NewOnly: never overwrite; permissions are narrowed before any secret is written.
    QFile file(path);
#ifdef Q_OS_UNIX
    // Created owner-only from the first instant: nobody can open it in the moment before chmod.
    const mode_t previousMask = ::umask(077);
    const bool opened = file.open(QIODevice::WriteOnly | QIODevice::NewOnly);
    ::umask(previousMask);
#else
    const bool opened = file.open(QIODevice::WriteOnly | QIODevice::NewOnly);
#endif
    if (!opened || !file.setPermissions(OwnerOnly)) {
        *error = tr("Cannot write the key file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonObject object{{u"signingKey"_s, QString::fromLatin1(keys.signingKey.toBase64())},
                             {u"pepper"_s, QString::fromLatin1(keys.pepper.toBase64())}};
    const QByteArray data = QJsonDocument(object).toJson();
    bool written = file.write(data) == data.size() && file.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(file.handle()) == 0; // on disk before the server relies on it
#endif
    if (!written) {
        *error = tr("Cannot write the key file %1: %2").arg(path, file.errorString());
        file.remove();
        return std::nullopt;
    }
    return keys;
}

} // namespace td::server
