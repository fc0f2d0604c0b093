#include "protocol/CredentialKind.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace td::protocol {

const std::array<CredentialKindInfo, CredentialKindCount>& credentialKinds()
{
    // kind, token kind, letter, wire name, path segment, id prefix, rights field, expiry field,
    // expiry required, expiry is a date, session only, Authorization scheme, names
    static const std::array<CredentialKindInfo, CredentialKindCount> table = {{
        {CredentialKind::ApiKey,
         TokenKind::ApiKey,
         'k',
         u"apiKey"_s,
         u"api-keys"_s,
         "key_",
         u"scopes"_s,
         u"expiresAt"_s,
         false,
         false,
         false,
         "",
         {{QT_TRANSLATE_NOOP("CredentialKind", "API Keys")},
          {QT_TRANSLATE_NOOP("CredentialKind", "API key")},
          QT_TRANSLATE_NOOP3("CredentialKind", "API key", "standing alone, as a heading or a value"),
          {QT_TRANSLATE_NOOP("CredentialKind", "Generate API key")},
          {QT_TRANSLATE_NOOP("CredentialKind", "New API key")},
          {QT_TRANSLATE_NOOP("CredentialKind", "Signed in with an API key")},
          {QT_TRANSLATE_NOOP("CredentialKind", "No API keys yet.")}},
         "dialog-password"},
        {CredentialKind::Uat,
         TokenKind::Uat,
         'u',
         u"uat"_s,
         u"uats"_s,
         "uat_",
         u"permissions"_s,
         u"validUntil"_s,
         true,
         true,
         false,
         "UAT",
         {{QT_TRANSLATE_NOOP("CredentialKind", "User Authorization Tokens")},
          {QT_TRANSLATE_NOOP("CredentialKind", "user authorization token")},
          QT_TRANSLATE_NOOP3("CredentialKind", "User authorization token", "standing alone, as a heading or a value"),
          {QT_TRANSLATE_NOOP("CredentialKind", "Generate user authorization token")},
          {QT_TRANSLATE_NOOP("CredentialKind", "New user authorization token")},
          {QT_TRANSLATE_NOOP("CredentialKind", "Signed in with a user authorization token")},
          {QT_TRANSLATE_NOOP("CredentialKind", "No user authorization tokens yet.")}},
         "user-identity"},
        {CredentialKind::PrivateToken,
         TokenKind::PrivateToken,
         'p',
         u"privateToken"_s,
         u"private-tokens"_s,
         "ptk_",
         u"scopes"_s,
         u"expiresAt"_s,
         true,
         false,
         true,
         "Bearer",
         {{QT_TRANSLATE_NOOP("CredentialKind", "Private Tokens")},
          {QT_TRANSLATE_NOOP("CredentialKind", "private token")},
          QT_TRANSLATE_NOOP3("CredentialKind", "Private token", "standing alone, as a heading or a value"),
          {QT_TRANSLATE_NOOP("CredentialKind", "Generate private token")},
          {QT_TRANSLATE_NOOP("CredentialKind", "New private token")},
          {QT_TRANSLATE_NOOP("CredentialKind", "Signed in with a private token")},
          {QT_TRANSLATE_NOOP("CredentialKind", "No private tokens yet.")}},
         "security-high"},
    }};
    static_assert(CredentialKindCount == 3, "a row per kind");
    return table;
}

const CredentialKindInfo& kindInfo(CredentialKind kind)
{
    return credentialKinds()[static_cast<size_t>(kind)];
}

const CredentialKindInfo* kindByWireName(QStringView wireName)
{
    for (const CredentialKindInfo& info : credentialKinds()) {
        if (info.wireName == wireName)
            return &info;
    }
    return nullptr;
}

const CredentialKindInfo* kindByTokenKind(TokenKind kind)
{
    for (const CredentialKindInfo& info : credentialKinds()) {
        if (info.tokenKind == kind)
            return &info;
    }
    return nullptr;
}

const CredentialKindInfo* kindByLetter(char letter)
{
    for (const CredentialKindInfo& info : credentialKinds()) {
        if (info.letter == letter)
            return &info;
    }
    return nullptr;
}

const CredentialKindInfo* kindByAuthScheme(QByteArrayView scheme)
{
    for (const CredentialKindInfo& info : credentialKinds()) {
        if (QByteArrayView(info.authScheme).compare(scheme, Qt::CaseInsensitive) == 0)
            return &info;
    }
    return nullptr;
}

QString sqlKindList()
{
    QStringList names;
    for (const CredentialKindInfo& info : credentialKinds())
        names.append(u'\'' + info.wireName + u'\'');
    return names.join(u", "_s);
}

} // namespace td::protocol
