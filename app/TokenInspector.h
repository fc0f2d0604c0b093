#pragma once

#include "CredentialKind.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace td::app {

// What can be told about a token offline, without the server and without its secret key: the kind from its
// prefix, whether the checksum holds, and for a JWT its header and claims (the signature is NOT verified).
// The report never contains the token itself: only the public prefix and the last four characters.
struct TokenReport
{
    enum class Kind { Unknown, Credential, RefreshToken, Jwt };
    Kind kind = Kind::Unknown;
    CredentialKind credentialKind = CredentialKind::ApiKey; // which one, for Kind::Credential
    bool wellFormed = false;
    QString problem; // why it is not well formed
    QString prefix;  // opaque tokens: "tdk_AbCdEfGh"
    QString last4;
    QJsonObject jwtHeader;
    QJsonObject jwtClaims;
    QDateTime issuedAt;
    QDateTime expiresAt;

    QString kindName() const;
};

TokenReport inspectToken(QByteArrayView token);

} // namespace td::app
