#include "ApiError.h"

#include <QCoreApplication>

namespace td::app {

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return QCoreApplication::translate(
                   "ApiError",
                   "The server cannot be reached (%1). Check the connection and the server address, then retry.")
            .arg(message);
    case Kind::Timeout:
        return QCoreApplication::translate("ApiError",
                                           "The server did not answer in time. Check the connection, then retry.");
    case Kind::Tls:
        return QCoreApplication::translate(
                   "ApiError",
                   "The server's identity could not be verified (%1). Check the profile's CA file and key pin.")
            .arg(message);
    case Kind::InvalidResponse:
        return QCoreApplication::translate(
            "ApiError", "The server sent an answer TokenDesk does not understand. Is the address a TokenDesk API?");
    case Kind::Keychain:
        return QCoreApplication::translate(
                   "ApiError",
                   "The system keychain failed: %1. Unlock the keychain or check that a Secret Service is running.")
            .arg(message);
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "The request was cancelled.");
    case Kind::Http:
        break;
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        return QCoreApplication::translate("ApiError",
                                           "The server redirected the request elsewhere; TokenDesk does not "
                                           "follow redirects with your credentials. Check the server address.");
    }
    if (httpStatus == 429) {
        return retryAfterSeconds > 0
                   ? QCoreApplication::translate("ApiError", "Too many attempts. Try again in %n second(s).", nullptr,
                                                 retryAfterSeconds)
                   : QCoreApplication::translate("ApiError", "Too many attempts. Wait a moment, then try again.");
    }
    if (httpStatus == 401)
        return message.isEmpty() ? QCoreApplication::translate("ApiError", "Your session has ended. Log in again.")
                                 : message;
    if (httpStatus == 403 && code == QLatin1String("insufficient_scope"))
        return QCoreApplication::translate("ApiError", "You are not allowed to do this: %1").arg(message);
    if (httpStatus >= 500)
        return QCoreApplication::translate("ApiError", "The server failed (%1). Nothing was changed; try again later.")
            .arg(message.isEmpty() ? QString::number(httpStatus) : message);
    if (message.isEmpty())
        return QCoreApplication::translate("ApiError", "The server refused the request (HTTP %1).").arg(httpStatus);
    // A validation error names its fields in details: say what they are, not only "see details".
    QStringList fields;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        if (it.value().isString())
            fields.append(QCoreApplication::translate("ApiError", "%1: %2").arg(it.key(), it.value().toString()));
    }
    return fields.isEmpty() ? message : message + u' ' + fields.join(u' ');
}

} // namespace td::app
