#include "AuthzPolicy.h"

#include "Text.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

const QByteArrayList KnownMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

// RFC 3986 unreserved characters: their percent-escapes mean the same as the characters themselves.
bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<AuthzPolicy> AuthzPolicy::parse(const QString& text, const protocol::ScopeCatalog& scopes, QString* error)
{
    AuthzPolicy policy;
    const QStringList lines = text.split(u'\n');
    const auto fail = [error](int line, const QString& message) {
        if (error)
            *error = tr("line %1: %2").arg(line).arg(message);
        return std::nullopt;
    };
    static const QRegularExpression space(u"\\s+"_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        QString line = lines.at(i);
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(space, Qt::SkipEmptyParts);
        if (fields.size() != 3) {
            return fail(number, tr("expected three fields (methods, path pattern, requirement), found %n", nullptr,
                                   int(fields.size())));
        }
        Rule rule;
        rule.line = number;
        rule.text = line;
        if (fields.at(0) != u"*"_s) {
            for (const QString& method : fields.at(0).split(u',')) {
                const QByteArray m = method.toLatin1();
                if (!KnownMethods.contains(m))
                    return fail(number, tr("\"%1\" is not a method (%2, or *)")
                                            .arg(method, QString::fromLatin1(KnownMethods.join(", "))));
                if (!rule.methods.contains(m))
                    rule.methods.append(m);
            }
        }
        const QString& pattern = fields.at(1);
        if (!pattern.startsWith(u'/'))
            return fail(number, tr("the path pattern \"%1\" must start with /").arg(pattern));
        rule.segments = pattern.mid(1).split(u'/');
        for (qsizetype s = 0; s < rule.segments.size(); ++s) {
            const QString& segment = rule.segments.at(s);
            if (segment == u"**"_s && s != rule.segments.size() - 1)
                return fail(number, tr("\"**\" may only be the last segment of \"%1\"").arg(pattern));
            if (segment.isEmpty() && !(rule.segments.size() == 1)) // "/" alone is the root
                return fail(number, tr("the path pattern \"%1\" has an empty segment").arg(pattern));
            if (segment != u"*"_s && segment != u"**"_s && segment.contains(u'*'))
                return fail(number, tr("\"*\" must be a whole segment in \"%1\"").arg(pattern));
        }
        const QString& requirement = fields.at(2);
        if (requirement == u"deny"_s) {
            rule.requirement = Requirement::Deny;
        } else if (requirement == u"authenticated"_s) {
            rule.requirement = Requirement::Authenticated;
        } else if (scopes.contains(requirement)) {
            rule.requirement = Requirement::Scope;
            rule.scope = requirement;
        } else {
            return fail(number, tr("\"%1\" is neither a scope or permission of the catalog, nor authenticated or "
                                   "deny")
                                    .arg(requirement));
        }
        policy.m_rules.append(rule);
    }
    return policy;
}

const AuthzPolicy::Rule* AuthzPolicy::match(const QByteArray& method, const QString& path) const
{
    const QList<QStringView> segments = QStringView(path).mid(1).split(u'/');
    for (const Rule& rule : m_rules) {
        if (!rule.methods.isEmpty() && !rule.methods.contains(method))
            continue;
        const bool rest = rule.segments.constLast() == u"**"_s;
        const qsizetype fixed = rest ? rule.segments.size() - 1 : rule.segments.size();
        if (rest ? segments.size() < fixed : segments.size() != fixed)
            continue;
        bool matches = true;
        for (qsizetype i = 0; i < fixed && matches; ++i) {
            const QString& want = rule.segments.at(i);
            matches = want == u"*"_s ? !segments.at(i).isEmpty() : want == segments.at(i);
        }
        if (matches) // "/a/**" also matches "/a" itself: the rest may be nothing
            return &rule;
    }
    return nullptr;
}

std::optional<QString> AuthzPolicy::canonicalPath(const QByteArray& uri)
{
    QByteArray raw = uri;
    if (const qsizetype q = raw.indexOf('?'); q >= 0)
        raw.truncate(q);
    if (const qsizetype f = raw.indexOf('#'); f >= 0)
        raw.truncate(f);
    if (!raw.startsWith('/'))
        return std::nullopt;
    QByteArray decoded;
    decoded.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return std::nullopt;
        if (c != '%') {
            decoded.append(c);
            continue;
        }
        const int high = i + 2 < raw.size() ? hexValue(raw.at(i + 1)) : -1;
        const int low = i + 2 < raw.size() ? hexValue(raw.at(i + 2)) : -1;
        if (high < 0 || low < 0)
            return std::nullopt;
        const char value = char(high * 16 + low);
        if (isUnreserved(value)) {
            decoded.append(value);
        } else if (value == '/' || value == '\\' || static_cast<unsigned char>(value) < 0x20) {
            return std::nullopt; // an escaped separator: one path here, another upstream
        } else {
            decoded.append(raw.mid(i, 3).toUpper()); // kept escaped, in one spelling
        }
        i += 2;
    }
    const QString path = QString::fromUtf8(decoded);
    const QStringList segments = path.mid(1).split(u'/');
    for (qsizetype s = 0; s < segments.size(); ++s) {
        const QString& segment = segments.at(s);
        if (segment == u"."_s || segment == u".."_s)
            return std::nullopt;
        if (segment.isEmpty() && s != segments.size() - 1) // "//": but a trailing "/" is fine
            return std::nullopt;
    }
    return path;
}

} // namespace td::server
