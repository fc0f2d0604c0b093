#pragma once

#include "protocol/CredentialKind.h"

#include <QString>

namespace td::app {

// The kinds of credential and what tells them apart are protocol/CredentialKind's table; the console adds their
// translated names. One page class serves every kind, configured by its entry in the table.
using protocol::CredentialKind;
using protocol::CredentialKindInfo;
using protocol::credentialKinds;
using protocol::kindInfo;

// Translated names for the user.
QString kindTitle(CredentialKind kind);    // "API Keys"
QString kindSingular(CredentialKind kind); // "API key", "user authorization token": within a sentence
QString kindName(CredentialKind kind);     // "API key", "User authorization token": on its own
// Whole sentences per kind, so that each language can inflect the noun (article, case, gender).
QString generateTitle(CredentialKind kind);  // "Generate API key"
QString newSecretTitle(CredentialKind kind); // "New API key"
QString signedInWith(CredentialKind kind);   // "Signed in with an API key"
QString emptyPageText(CredentialKind kind);  // "No API keys yet."

} // namespace td::app
