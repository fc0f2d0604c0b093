#include "PeopleJobs.h"

#include "protocol/CredentialKind.h"
#include "protocol/Dto.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace td::app {

namespace {

QString userPath(const QString& id, const QString& suffix = {})
{
    return u"/api/v1/users/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + suffix;
}

bool parseTokens(const QJsonValue& value, QList<PersonToken>& out)
{
    out.clear();
    if (!value.isArray())
        return value.isUndefined(); // an answer without the list names no tokens
    for (const QJsonValue& v : value.toArray()) {
        const auto token = PersonToken::fromJson(v.toObject());
        if (!token)
            return false;
        out.append(*token);
    }
    return true;
}

} // namespace

QString PersonToken::label() const
{
    return protocol::credentialLabel(name, prefix, last4);
}

std::optional<PersonToken> PersonToken::fromJson(const QJsonObject& o)
{
    if (!o.value(u"id"_s).isString())
        return std::nullopt;
    PersonToken t;
    t.id = o.value(u"id"_s).toString();
    t.kind = o.value(u"kind"_s).toString();
    t.name = o.value(u"name"_s).toString();
    t.prefix = o.value(u"prefix"_s).toString();
    t.last4 = o.value(u"last4"_s).toString();
    t.status = o.value(u"status"_s).toString();
    return t;
}

std::optional<Person> Person::fromJson(const QJsonObject& o)
{
    if (!o.value(u"id"_s).isString() || !o.value(u"email"_s).isString())
        return std::nullopt;
    Person p;
    p.id = o.value(u"id"_s).toString();
    p.email = o.value(u"email"_s).toString();
    p.username = o.value(u"username"_s).toString();
    p.displayName = o.value(u"displayName"_s).toString();
    p.role = o.value(u"role"_s).toString();
    p.status = o.value(u"status"_s).toString();
    p.disabledAt = protocol::fromIso(o.value(u"disabledAt"_s).toString());
    p.lastLoginAt = protocol::fromIso(o.value(u"lastLoginAt"_s).toString());
    p.credentials = o.value(u"credentials"_s).toInt();
    return p;
}

QStringList tokenLabels(const QList<PersonToken>& tokens)
{
    QStringList out;
    out.reserve(tokens.size());
    for (const PersonToken& t : tokens)
        out.append(t.label());
    return out;
}

PeopleJob::PeopleJob(ApiClient* client, QObject* parent)
    : ApiJob(client, parent)
{}

bool PeopleJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (!o.value(u"items"_s).isArray())
        return false;
    m_people.clear();
    for (const QJsonValue& v : o.value(u"items"_s).toArray()) {
        const auto p = Person::fromJson(v.toObject());
        if (!p)
            return false;
        m_people.append(*p);
    }
    m_revoke = o.value(u"revokeTokensOnOffboarding"_s).toBool();
    return true;
}

PersonJob::PersonJob(ApiClient* client, QString id, QObject* parent)
    : ApiJob(client, parent)
    , m_id(std::move(id))
{}

QString PersonJob::path() const
{
    return userPath(m_id);
}

bool PersonJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    const auto p = Person::fromJson(o.value(u"user"_s).toObject());
    if (!p || !o.value(u"tokens"_s).isArray())
        return false;
    m_person = *p;
    return parseTokens(o.value(u"tokens"_s), m_tokens);
}

InvitePersonJob::InvitePersonJob(ApiClient* client, Invitation invitation, QObject* parent)
    : ApiJob(client, parent)
    , m_invitation(std::move(invitation))
{}

InvitePersonJob::~InvitePersonJob()
{
    m_setupToken.fill('\0');
}

QByteArray InvitePersonJob::takeSetupToken()
{
    QByteArray token = m_setupToken;
    m_setupToken.fill('\0');
    m_setupToken.clear();
    return token;
}

QJsonObject InvitePersonJob::body() const
{
    QJsonObject body{{u"email"_s, m_invitation.email}, {u"role"_s, m_invitation.role}};
    if (!m_invitation.displayName.isEmpty())
        body.insert(u"displayName"_s, m_invitation.displayName);
    return body;
}

bool InvitePersonJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    const auto p = Person::fromJson(o.value(u"user"_s).toObject());
    if (!p)
        return false;
    m_person = *p;
    m_setupToken = o.value(u"setupToken"_s).toString().toLatin1();
    m_setupExpiresAt = protocol::fromIso(o.value(u"setupExpiresAt"_s).toString());
    return true;
}

ChangePersonJob::ChangePersonJob(ApiClient* client, QString id, Change change, QObject* parent)
    : ApiJob(client, parent)
    , m_id(std::move(id))
    , m_change(std::move(change))
{}

QString ChangePersonJob::path() const
{
    return m_change.remove ? userPath(m_id, u"/membership"_s) : userPath(m_id);
}

QJsonObject ChangePersonJob::body() const
{
    QJsonObject body;
    if (m_change.role)
        body.insert(u"role"_s, *m_change.role);
    if (m_change.disabled)
        body.insert(u"disabled"_s, *m_change.disabled);
    return body;
}

bool ChangePersonJob::parse(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    if (m_change.remove) {
        if (!o.value(u"removed"_s).isString())
            return false;
    } else {
        m_person = Person::fromJson(o.value(u"user"_s).toObject());
        if (!m_person)
            return false;
    }
    m_tokensRevoked = o.value(u"tokensRevoked"_s).toBool();
    return parseTokens(o.value(u"tokens"_s), m_tokens);
}

TenantSettingsJob::TenantSettingsJob(ApiClient* client, std::optional<bool> revokeTokensOnOffboarding, QObject* parent)
    : ApiJob(client, parent)
    , m_set(revokeTokensOnOffboarding)
{}

QJsonObject TenantSettingsJob::body() const
{
    return m_set ? QJsonObject{{u"revokeTokensOnOffboarding"_s, *m_set}} : QJsonObject();
}

bool TenantSettingsJob::parse(const QJsonValue& data)
{
    const QJsonValue value = data.toObject().value(u"revokeTokensOnOffboarding"_s);
    if (!value.isBool())
        return false;
    m_revoke = value.toBool();
    return true;
}

SetupAccountJob::SetupAccountJob(ApiClient* client, QByteArray token, QByteArray password, QObject* parent)
    : ApiJob(client, parent)
    , m_token(std::move(token))
    , m_password(std::move(password))
{}

SetupAccountJob::~SetupAccountJob()
{
    m_token.fill('\0');
    m_password.fill('\0');
}

QJsonObject SetupAccountJob::body() const
{
    return {{QStringLiteral("token"), QString::fromLatin1(m_token)},
            {QStringLiteral("password"), QString::fromUtf8(m_password)}};
}

bool SetupAccountJob::parse(const QJsonValue& data)
{
    m_email = data.toObject().value(QStringLiteral("email")).toString();
    return !m_email.isEmpty();
}

} // namespace td::app
