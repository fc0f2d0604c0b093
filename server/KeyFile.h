#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace td::server {

// Signing key and pepper live in a file of their own (mode 0600) beside the database, never in it: a
// stolen database dump alone neither forges sessions nor lets digests be tested offline.
struct KeyMaterial
{
    QByteArray signingKey; // HS256 key, at least 32 bytes
    QByteArray pepper;     // HMAC key for token digests, at least 32 bytes

    static std::optional<KeyMaterial> load(const QString& path, QString* error);
    static std::optional<KeyMaterial> create(const QString& path, QString* error); // refuses to overwrite
};

} // namespace td::server
