#include "CredentialKind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace td::app {

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

QString kindName(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::ApiKey:
        return QCoreApplication::translate("CredentialKind", "API key", "standing alone, as a heading or a value");
    case CredentialKind::Uat:
        return QCoreApplication::translate("CredentialKind", "User authorization token",
                                           "standing alone, as a heading or a value");
    case CredentialKind::PrivateToken:
        return QCoreApplication::translate("CredentialKind", "Private token",
                                           "standing alone, as a heading or a value");
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
