#include "CredentialKind.h"

#include <QCoreApplication>

namespace td::app {

namespace {

QString translated(const protocol::KindText& text)
{
    return QCoreApplication::translate("CredentialKind", text.source, text.comment);
}

} // namespace

QString kindTitle(CredentialKind kind)
{
    return translated(kindInfo(kind).names.title);
}

QString kindSingular(CredentialKind kind)
{
    return translated(kindInfo(kind).names.singular);
}

QString kindName(CredentialKind kind)
{
    return translated(kindInfo(kind).names.standalone);
}

QString generateTitle(CredentialKind kind)
{
    return translated(kindInfo(kind).names.generate);
}

QString newSecretTitle(CredentialKind kind)
{
    return translated(kindInfo(kind).names.newSecret);
}

QString signedInWith(CredentialKind kind)
{
    return translated(kindInfo(kind).names.signedInWith);
}

QString emptyPageText(CredentialKind kind)
{
    return translated(kindInfo(kind).names.empty);
}

} // namespace td::app
