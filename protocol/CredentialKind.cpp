#include "protocol/CredentialKind.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace td::protocol {

const std::array<CredentialKindInfo, CredentialKindCount>& credentialKinds()
{
    // kind, token kind, letter, wire name, path segment, id prefix, rights field, expiry field,
    // expiry required, expiry is a date, session only, Authorization scheme
    static const std::array<CredentialKindInfo, CredentialKindCount> table = {{
        {CredentialKind::ApiKey, TokenKind::ApiKey, 'k', u"apiKey"_s, u"api-keys"_s, "key_", u"scopes"_s,
         u"expiresAt"_s, false, false, false, ""},
        {CredentialKind::Uat, TokenKind::Uat, 'u', u"uat"_s, u"uats"_s, "uat_", u"permissions"_s, u"validUntil"_s, true,
         true, false, "UAT"},
        {CredentialKind::PrivateToken, TokenKind::PrivateToken, 'p', u"privateToken"_s, u"private-tokens"_s, "ptk_",
         u"scopes"_s, u"expiresAt"_s, true, false, true, "Bearer"},
    }};
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
