#pragma once

#include <QString>

namespace td::app {

// The three kinds of credential the console manages with one page class, configured per kind.
enum class CredentialKind { ApiKey, Uat, PrivateToken };

struct CredentialKindInfo
{
    CredentialKind kind;
    QString wireName;    // "apiKey" | "uat" | "privateToken"
    QString path;        // "/api/v1/api-keys" …
    QString scopesField; // "scopes" | "permissions"
    QString expiryField; // "expiresAt" | "validUntil"
    QString tokenPrefix; // "tdk_" …
    bool expiryRequired; // UATs and private tokens must expire
    bool expiryIsDate;   // UATs are valid until a date
    bool needsSession;   // private tokens are created from a login session only
};

const CredentialKindInfo& kindInfo(CredentialKind kind);
// Translated names for the user.
QString kindTitle(CredentialKind kind);    // "API Keys"
QString kindSingular(CredentialKind kind); // "API key"
// Whole sentences per kind, so that each language can inflect the noun (article, case, gender).
QString generateTitle(CredentialKind kind);  // "Generate API key"
QString newSecretTitle(CredentialKind kind); // "New API key"
QString signedInWith(CredentialKind kind);   // "Signed in with an API key"

} // namespace td::app
