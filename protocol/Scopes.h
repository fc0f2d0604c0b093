#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::protocol {

// appliesTo names the credential kinds (their wire names, protocol/CredentialKind.h) a scope may be granted to.
struct ScopeInfo
{
    QString name;
    QString description;
    QString group;
    QStringList appliesTo;

    QJsonObject toJson() const;
    static std::optional<ScopeInfo> fromJson(const QJsonObject& object, QString* error = nullptr);
};

class ScopeCatalog final
{
public:
    ScopeCatalog() = default;
    explicit ScopeCatalog(QList<ScopeInfo> scopes);

    // read:products … admin (API keys, private tokens); brand_create … scm_code_edit (UATs).
    static ScopeCatalog defaults();
    // {"scopes": [ScopeInfo...]} from server configuration; refuses duplicates and bad names.
    static std::optional<ScopeCatalog> fromJson(const QJsonObject& object, QString* error = nullptr);

    const QList<ScopeInfo>& scopes() const { return m_scopes; }
    bool contains(const QString& name) const;
    bool appliesTo(const QString& name, const QString& kind) const;
    QStringList namesFor(const QString& kind) const;
    QJsonArray toJson() const;

private:
    QList<ScopeInfo> m_scopes;
};

// Lower-case letters, digits, '_', ':', '.', '-'; 1..64 characters; starts with a letter.
bool isValidScopeName(QStringView name);

inline constexpr auto AdminScope = "admin";

} // namespace td::protocol
