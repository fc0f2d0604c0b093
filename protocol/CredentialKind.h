#pragma once

#include "protocol/Token.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <array>

namespace td::protocol {

// The three kinds of managed credential. Everything that differs between them is in the one table behind
// kindInfo(): the server's routes, validation and authentication, the store's CHECK, the console's pages and the
// token inspector all read it. Adding a kind is the checklist in DESIGN.md.
enum class CredentialKind { ApiKey, Uat, PrivateToken };

// A text for people, untranslated: the console translates it in the context "CredentialKind" (lupdate reads the
// QT_TRANSLATE_NOOP marks in CredentialKind.cpp).
struct KindText
{
    const char* source;
    const char* comment = nullptr; // tells apart two uses of one source text
};

// What people read about a kind. Whole sentences, so that each language can inflect the noun (article, case).
struct CredentialKindNames
{
    KindText title;        // "API Keys": a page
    KindText singular;     // "API key", "user authorization token": within a sentence
    KindText standalone;   // "API key", "User authorization token": on its own, as a heading or a value
    KindText generate;     // "Generate API key"
    KindText newSecret;    // "New API key": the dialog that shows the secret once
    KindText signedInWith; // "Signed in with an API key"
    KindText empty;        // "No API keys yet.": an empty page
};

struct CredentialKindInfo
{
    CredentialKind kind;
    TokenKind tokenKind;
    char letter;            // the token's "td<letter>_" head: 'k', 'u', 'p'
    QString wireName;       // "apiKey" | "uat" | "privateToken": the record's "kind", its key in responses, the store
    QString pathSegment;    // "api-keys" | "uats" | "private-tokens" under /api/v1
    const char* idPrefix;   // record ids: "key_" | "uat_" | "ptk_"
    QString rightsField;    // which field holds the rights: "scopes" | "permissions"
    QString expiryField;    // "expiresAt" | "validUntil"
    bool expiryRequired;    // UATs and private tokens must expire
    bool expiryIsDate;      // a date (valid through the end of that day, UTC) rather than a time
    bool sessionOnly;       // who may create it: a login session only (private tokens), or any admin credential
    const char* authScheme; // how a request sends it: "" in the X-API-Key header, else "Authorization: <scheme> …"
    CredentialKindNames names;
    const char* icon; // the console's icon: a freedesktop name with a bundled fallback (ui/Icons.h)

    QString path() const { return QStringLiteral("/api/v1/") + pathSegment; } // "/api/v1/api-keys"
    QString tokenPrefix() const { return QStringLiteral("td") + QLatin1Char(letter) + QLatin1Char('_'); }
    // "X-API-Key" or "Authorization: UAT", for messages.
    QString presentedAs() const
    {
        return *authScheme ? QStringLiteral("Authorization: ") + QLatin1StringView(authScheme)
                           : QStringLiteral("X-API-Key");
    }
};

// How a credential is named to people wherever two of one name must be told apart (confirmations, the audit log,
// the server's actorName/targetName): "CI deploy (tdk_ab…9xyz)".
inline QString credentialLabel(const QString& name, const QString& prefix, const QString& last4)
{
    return QStringLiteral("%1 (%2\u2026%3)").arg(name, prefix, last4);
}

inline constexpr int CredentialKindCount = 3;
const std::array<CredentialKindInfo, CredentialKindCount>& credentialKinds();
const CredentialKindInfo& kindInfo(CredentialKind kind);
const CredentialKindInfo* kindByWireName(QStringView wireName); // nullptr: not a credential kind
const CredentialKindInfo* kindByTokenKind(TokenKind kind);      // nullptr: a refresh token
const CredentialKindInfo* kindByLetter(char letter);
// The kind sent with this Authorization scheme (case-insensitive), or in X-API-Key for an empty scheme.
const CredentialKindInfo* kindByAuthScheme(QByteArrayView scheme);
// "'apiKey', 'uat', 'privateToken'": for the store's CHECK constraint.
QString sqlKindList();

} // namespace td::protocol
