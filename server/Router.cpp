#include "Router.h"

#include "protocol/Dto.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace td::server {

Response Response::json(int status, const QJsonObject& object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::ok(const QJsonValue& data, int status)
{
    return json(status, protocol::successEnvelope(data));
}

Response Response::error(int status, const QString& code, const QString& message, const QJsonObject& details)
{
    Response r = json(status, protocol::errorEnvelope(code, message, details));
    if (status == 401) {
        const QByteArray error =
            code == QLatin1String(protocol::ErrorCode::TokenNotValid) ? "invalid_token" : "invalid_request";
        r.withHeader("WWW-Authenticate", "Bearer realm=\"tokendesk\", error=\"" + error + '"');
    }
    return r;
}

std::optional<QJsonObject> jsonBody(const Request& request, Response* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Response::error(400, QLatin1String(protocol::ErrorCode::ValidationError),
                                 u"The request body must be a JSON object."_s,
                                 {{u"body"_s, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                           : u"expected an object"_s}});
        return std::nullopt;
    }
    return doc.object();
}

void Router::add(const QByteArray& method, const QString& pattern, Handler handler)
{
    Route route{method, pattern, pattern.split(u'/'), 0, std::move(handler), false, {}};
    for (const QString& s : std::as_const(route.segments)) {
        route.parameter.append(s.startsWith(u'{'));
        if (!route.parameter.constLast())
            ++route.literals;
    }
    route.rest = route.segments.constLast().startsWith(u"{*"_s);
    m_routes.append(std::move(route));
}

Router::Match Router::match(Request& request) const
{
    // Views into the path: no string is copied until the route is chosen.
    const QList<QStringView> segments = QStringView(request.path).split(u'/');
    Match result;
    const Route* best = nullptr;
    for (const Route& route : m_routes) {
        // "{*name}" as the last segment takes the rest of the path, one segment or more.
        if (route.rest ? segments.size() < route.segments.size() : route.segments.size() != segments.size())
            continue;
        bool matches = true;
        for (qsizetype i = 0; i < route.segments.size() && matches; ++i) {
            if (route.parameter.at(i))
                matches = !segments.at(i).isEmpty();
            else
                matches = route.segments.at(i) == segments.at(i);
        }
        if (!matches)
            continue;
        if (route.method != request.method) {
            if (!result.allowed.contains(route.method))
                result.allowed.append(route.method);
            continue;
        }
        if (!best || route.literals > best->literals)
            best = &route;
    }
    if (best) {
        request.params.clear();
        for (qsizetype i = 0; i < best->segments.size(); ++i) {
            const QString& want = best->segments.at(i);
            if (!best->parameter.at(i))
                continue;
            if (best->rest && i == best->segments.size() - 1) {
                QStringList rest;
                for (qsizetype j = i; j < segments.size(); ++j)
                    rest.append(segments.at(j).toString());
                request.params.insert(want.mid(2, want.size() - 3), rest.join(u'/'));
            } else {
                request.params.insert(want.mid(1, want.size() - 2), segments.at(i).toString());
            }
        }
        result.handler = &best->handler;
        result.allowed.clear();
    }
    return result;
}

QStringList Router::patterns() const
{
    QStringList out;
    for (const Route& r : m_routes)
        out.append(QString::fromLatin1(r.method) + u' ' + r.pattern);
    return out;
}

} // namespace td::server
