#include "TokenInspector.h"

#include "protocol/Jwt.h"
#include "protocol/Token.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace td::app {

QString TokenReport::kindName() const
{
    switch (kind) {
    case Kind::Credential:
        return app::kindName(credentialKind);
    case Kind::RefreshToken:
        return QCoreApplication::translate("TokenReport", "Refresh token");
    case Kind::Jwt:
        return QCoreApplication::translate("TokenReport", "Session token (JWT)");
    case Kind::Unknown:
        break;
    }
    return QCoreApplication::translate("TokenReport", "Unknown");
}

namespace {

QJsonObject decodeSegment(QByteArrayView segment, bool* ok)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        segment.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError error;
    const QJsonDocument doc = decoded ? QJsonDocument::fromJson(decoded.decoded, &error) : QJsonDocument();
    *ok = decoded && error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

} // namespace

TokenReport inspectToken(QByteArrayView input)
{
    TokenReport report;
    const QByteArray token = input.toByteArray().trimmed();
    if (token.isEmpty()) {
        report.problem = QCoreApplication::translate("TokenReport", "Paste a token to inspect it.");
        return report;
    }
    if (protocol::OpaqueToken::looksLikeOpaqueToken(token)) {
        if (const protocol::CredentialKindInfo* info = protocol::kindByLetter(token.at(2))) {
            report.kind = TokenReport::Kind::Credential;
            report.credentialKind = info->kind;
        } else if (protocol::kindFromLetter(token.at(2)) == protocol::TokenKind::Refresh) {
            report.kind = TokenReport::Kind::RefreshToken;
        }
        const auto parsed = protocol::OpaqueToken::parse(token);
        report.wellFormed = parsed.has_value();
        if (parsed) {
            report.prefix = parsed->prefix;
            report.last4 = parsed->last4;
        } else {
            report.prefix = QString::fromLatin1(token.left(qMin<qsizetype>(12, token.size())));
            report.problem = token.size() != protocol::OpaqueToken::TotalLength
                                 ? QCoreApplication::translate("TokenReport", "It has %1 characters instead of %2: "
                                                                              "part of it may be missing.")
                                       .arg(token.size())
                                       .arg(protocol::OpaqueToken::TotalLength)
                                 : QCoreApplication::translate("TokenReport", "The checksum does not match: a "
                                                                              "character was changed or mistyped.");
        }
        return report;
    }
    if (protocol::Jwt::looksLikeJwt(token)) {
        report.kind = TokenReport::Kind::Jwt;
        const QList<QByteArray> parts = token.split('.');
        bool headerOk = false;
        bool claimsOk = false;
        report.jwtHeader = decodeSegment(parts.value(0), &headerOk);
        report.jwtClaims = decodeSegment(parts.value(1), &claimsOk);
        report.wellFormed = headerOk && claimsOk;
        if (!report.wellFormed)
            report.problem = QCoreApplication::translate("TokenReport", "The header or the claims are not valid JSON.");
        if (report.jwtClaims.value(u"iat"_s).isDouble())
            report.issuedAt =
                QDateTime::fromSecsSinceEpoch(qint64(report.jwtClaims.value(u"iat"_s).toDouble()), Qt::UTC);
        if (report.jwtClaims.value(u"exp"_s).isDouble())
            report.expiresAt =
                QDateTime::fromSecsSinceEpoch(qint64(report.jwtClaims.value(u"exp"_s).toDouble()), Qt::UTC);
        report.last4 = QString::fromLatin1(token.right(4));
        return report;
    }
    report.problem = QCoreApplication::translate("TokenReport", "This is neither a TokenDesk token (td…_) nor a JWT.");
    return report;
}

} // namespace td::app
