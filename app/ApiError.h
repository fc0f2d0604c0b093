#pragma once

#include <QJsonObject>
#include <QString>

namespace td::app {

// Errors as values (DESIGN.md): what went wrong, in a form a widget can show as one sentence.
struct ApiError
{
    enum class Kind { None, Network, Timeout, Tls, Http, InvalidResponse, Keychain, Cancelled };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;    // the server's error code, e.g. "insufficient_scope"
    QString message; // the server's or the transport's message
    QJsonObject details;
    int retryAfterSeconds = 0;

    bool ok() const { return kind == Kind::None; }
    bool isConnectionProblem() const { return kind == Kind::Network || kind == Kind::Timeout; }
    // A sentence that says what happened and what to do.
    QString userMessage() const;
    // The message the server gave for one field (400 validation_error details), empty if none.
    QString fieldMessage(const QString& field) const { return details.value(field).toString(); }
};

} // namespace td::app
