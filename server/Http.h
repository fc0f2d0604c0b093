#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace td::server {

// A request as the handlers see it: plain values, copyable, independent of the socket.
struct Request
{
    QByteArray method; // "GET", "POST", …
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QHostAddress peer;              // the socket's peer
    QHostAddress client;            // the peer, or the client named by a trusted proxy's X-Forwarded-For
    QHash<QString, QString> params; // path parameters

    QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
    bool hasHeader(const QByteArray& lowerName) const { return headers.contains(lowerName); }
    QString clientIp() const { return client.toString(); }
};

struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(int status, const QJsonObject& object);
    static Response ok(const QJsonValue& data, int status = 200);
    // The /api/v1 error envelope; a 401 also carries WWW-Authenticate.
    static Response error(int status, const QString& code, const QString& message, const QJsonObject& details = {});
    Response& withHeader(const QByteArray& name, const QByteArray& value)
    {
        headers.append({name, value});
        return *this;
    }
};

using Reply = std::function<void(Response)>;

// Reads the body as a JSON object; on failure *error is a 400 to send.
std::optional<QJsonObject> jsonBody(const Request& request, Response* error);

} // namespace td::server
