#pragma once

#include "Http.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace td::server {

// Exact routes with {param} segments, and a last segment {*param} that takes the rest of the path (one segment or
// more). A path that matches but not for this method answers 405 with Allow.
class Router final
{
public:
    using Handler = std::function<void(Request&, const Reply&)>;

    void add(const QByteArray& method, const QString& pattern, Handler handler);

    struct Match
    {
        const Handler* handler = nullptr;
        QByteArrayList allowed; // filled when the path is known but the method is not
    };
    Match match(Request& request) const;
    QStringList patterns() const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        int literals = 0;
        Handler handler;
        // Worked out once when the route is added, not on every request: "{*name}" as the last segment (the rest of
        // the path), and which segments are parameters ("{name}").
        bool rest = false;
        QList<bool> parameter;
    };
    QList<Route> m_routes;
};

} // namespace td::server
