#pragma once

#include "protocol/Scopes.h"

#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::server {

// What forward-auth (/api/v1/authz) requires of a request to the protected API: rules of method and path pattern,
// read from --authz-policy at start; the first rule that matches decides, and a request no rule matches is denied.
//
//   # METHODS   PATH-PATTERN        REQUIREMENT
//   GET,HEAD    /api/products/**    read:products
//   POST        /api/orders         write:orders
//   *           /internal/**        deny
//
// METHODS: "*" or a comma-separated list of upper-case methods. PATH-PATTERN: starts with "/"; a segment "*" matches
// exactly one segment, a last segment "**" any rest (none included); other segments match literally. REQUIREMENT: a
// scope or UAT permission of the scope catalog, "authenticated" (any valid credential) or "deny".
class AuthzPolicy final
{
public:
    enum class Requirement { Scope, Authenticated, Deny };
    struct Rule
    {
        QByteArrayList methods; // empty: any
        QStringList segments;   // of the pattern, without the leading empty one; "**" only last
        Requirement requirement = Requirement::Deny;
        QString scope;
        int line = 0;
        QString text; // the line as written, for messages
    };

    // nullopt with *error naming the line ("line 3: …") when the text is not a valid policy.
    static std::optional<AuthzPolicy> parse(const QString& text, const protocol::ScopeCatalog& scopes, QString* error);

    // The deciding rule for a request path (no query string; already checked by canonicalPath()); nullptr: none.
    const Rule* match(const QByteArray& method, const QString& path) const;
    const QList<Rule>& rules() const { return m_rules; }

    // The path of an original request URI as the policy sees it: the query dropped, percent-escapes of unreserved
    // characters decoded. nullopt when it could be read differently upstream than here (".", ".." or empty
    // segments, an escaped "/" or "\", a backslash, control characters, not starting with "/"): such a request is
    // denied rather than matched against a rule it may not mean.
    static std::optional<QString> canonicalPath(const QByteArray& uri);

private:
    QList<Rule> m_rules;
};

} // namespace td::server
