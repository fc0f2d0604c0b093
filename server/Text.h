#pragma once

#include <QCoreApplication>
#include <QString>

namespace td::server {

// The server's messages for people (error answers, log lines, --help) all go through here, in one translation
// context, so that they can be translated in one place. QObject classes of the server use their own tr().
inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tokendesk-server", text, disambiguation, n);
}

} // namespace td::server
