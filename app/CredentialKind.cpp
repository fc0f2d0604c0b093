#include "CredentialKind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace td::app {

const CredentialKindInfo& kindInfo(CredentialKind kind)
{
    static const CredentialKindInfo infos[] = {
        {CredentialKind::ApiKey, u"apiKey"_s, u"/api/v1/api-keys"_s, u"scopes"_s, u"expiresAt"_s, u"tdk_"_s, false,
         false, false},
        {CredentialKind::Uat, u"uat"_s, u"/api/v1/uats"_s, u"permissions"_s, u"validUntil"_s, u"tdu_"_s, true, true,
         false},
        {CredentialKind::PrivateToken, u"privateToken"_s, u"/api/v1/private-tokens"_s, u"scopes"_s, u"expiresAt"_s,
         u"tdp_"_s, true, false, true},
    };
    return infos[int(kind)];
}

QString kindTitle(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::ApiKey:
        return QCoreApplication::translate("CredentialKind", "API Keys");
    case CredentialKind::Uat:
        return QCoreApplication::translate("CredentialKind", "User Authorization Tokens");
    case CredentialKind::PrivateToken:
        return QCoreApplication::translate("CredentialKind", "Private Tokens");
    }
    return {};
}

QString kindSingular(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::ApiKey:
        return QCoreApplication::translate("CredentialKind", "API key");
    case CredentialKind::Uat:
        return QCoreApplication::translate("CredentialKind", "user authorization token");
    case CredentialKind::PrivateToken:
        return QCoreApplication::translate("CredentialKind", "private token");
    }
    return {};
}

QString generateTitle(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::ApiKey:
        return QCoreApplication::translate("CredentialKind", "Generate API key");
    case CredentialKind::Uat:
        return QCoreApplication::translate("CredentialKind", "Generate user authorization token");
    case CredentialKind::PrivateToken:
        return QCoreApplication::translate("CredentialKind", "Generate private token");
    }
    return {};
}

QString newSecretTitle(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::ApiKey:
        return QCoreApplication::translate("CredentialKind", "New API key");
    case CredentialKind::Uat:
        return QCoreApplication::translate("CredentialKind", "New user authorization token");
    case CredentialKind::PrivateToken:
        return QCoreApplication::translate("CredentialKind", "New private token");
    }
    return {};
}

QString signedInWith(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::ApiKey:
        return QCoreApplication::translate("CredentialKind", "Signed in with an API key");
    case CredentialKind::Uat:
        return QCoreApplication::translate("CredentialKind", "Signed in with a user authorization token");
    case CredentialKind::PrivateToken:
        return QCoreApplication::translate("CredentialKind", "Signed in with a private token");
    }
    return {};
}

} // namespace td::app
