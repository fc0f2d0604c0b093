#include "ApiClient.h"

#include "protocol/Dto.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslKey>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "tokendesk.api", QtInfoMsg)

namespace td::app {

ApiJob::ApiJob(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{}

ApiJob::~ApiJob()
{
    if (m_reply) {
        // Aborting emits finished at once: a job being destroyed must not hear it (its subclass part is gone).
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::start()
{
    if (!m_client) {
        finish({ApiError::Kind::Cancelled, 0, {}, tr("no connection"), {}, 0});
        return;
    }
    send();
}

void ApiJob::abort()
{
    if (m_reply)
        m_reply->abort();
}

void ApiJob::send()
{
    const QByteArray payload = hasBody() ? QJsonDocument(body()).toJson(QJsonDocument::Compact) : QByteArray();
    m_reply = m_client->sendRequest(method(), path(), query(), payload, authenticated());
    m_pinProblem.clear();
    // The pin is checked right after the handshake, before any request data (a password, a token) is sent.
    connect(m_reply, &QNetworkReply::encrypted, this, [this] {
        QString problem;
        if (m_reply && m_client && !m_client->checkPin(m_reply, &problem)) {
            m_pinProblem = problem;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const int status = m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
        if (status >= 200 && status < 300 && m_pinProblem.isEmpty())
            headersReceived(m_reply);
    });
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
}

void ApiJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_pinProblem.isEmpty()) {
        finish({ApiError::Kind::Tls, 0, {}, m_pinProblem, {}, 0});
        return;
    }
    if (m_httpStatus == 0) {
        ApiError e;
        switch (reply->error()) {
        case QNetworkReply::OperationCanceledError:
            e.kind = ApiError::Kind::Timeout; // aborted by the transfer timeout (user aborts go through abort())
            break;
        case QNetworkReply::SslHandshakeFailedError:
            e.kind = ApiError::Kind::Tls;
            break;
        default:
            e.kind = ApiError::Kind::Network;
        }
        e.message = reply->errorString();
        finish(e);
        return;
    }
    const QByteArray bytes = reply->readAll();
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(bytes, &parseError).object();
    if (m_httpStatus >= 200 && m_httpStatus < 300) {
        if (json.value(u"success"_s).toBool() && parse(json.value(u"data"_s))) {
            finish({});
        } else {
            finish({ApiError::Kind::InvalidResponse, m_httpStatus, {}, tr("unexpected response"), {}, 0});
        }
        return;
    }
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = m_httpStatus;
    if (const auto error = td::protocol::ErrorDto::fromJson(json.value(u"error"_s).toObject())) {
        e.code = error->code;
        e.message = error->message;
        e.details = error->details;
    }
    e.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    if (m_httpStatus == 401 && authenticated() && !m_retried && m_client && m_client->renewer()) {
        // One renewal, then one retry: a session token that expired while the console was idle is routine.
        m_retried = true;
        m_client->renewer()->renewAccessToken(this, [this, e](bool renewed) {
            if (renewed && m_client)
                send();
            else
                finish(e);
        });
        return;
    }
    if (m_httpStatus == 401 && authenticated() && m_client)
        emit m_client->authenticationRequired(e.message);
    finish(e);
}

void ApiJob::finish(ApiError error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = std::move(error);
    if (!m_error.ok())
        qCInfo(lcApi).noquote() << method() << path() << "failed:" << m_error.httpStatus << m_error.code;
    emit finished(this);
}

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
{
    // Never follow a redirect: Qt would copy the Authorization header and re-send a password to the new address.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void ApiClient::clearCredentials()
{
    m_accessToken.fill('\0');
    m_accessToken.clear();
    m_apiKey.fill('\0');
    m_apiKey.clear();
}

QString ApiClient::checkUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("Enter a server address such as https://api.example.com.");
    if (url.scheme() == u"https"_s)
        return {};
    if (url.scheme() != u"http"_s)
        return tr("The address must start with https://.");
    const QHostAddress host(url.host());
    if (url.host() == u"localhost"_s || (!host.isNull() && host.isLoopback()))
        return {};
    return tr("Plain http:// is only allowed for this computer (localhost); use https:// for %1.").arg(url.host());
}

QNetworkReply* ApiClient::sendRequest(const QByteArray& method, const QString& path, const QUrlQuery& query,
                                      const QByteArray& body, bool authenticated)
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path().chopped(m_baseUrl.path().endsWith(u'/') ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty() || method != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (authenticated) {
        if (!m_accessToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_accessToken);
        else if (!m_apiKey.isEmpty())
            request.setRawHeader("X-API-Key", m_apiKey);
        if (!m_tenantId.isEmpty())
            request.setRawHeader("X-Tenant-Id", m_tenantId.toUtf8());
    }
    if (!m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }
    return m_nam.sendCustomRequest(request, method, body);
}

bool ApiClient::checkPin(QNetworkReply* reply, QString* problem) const
{
    if (m_pin.isEmpty() || reply->url().scheme() != u"https"_s)
        return true;
    const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    const QByteArray actual = QCryptographicHash::hash(peer.publicKey().toDer(), QCryptographicHash::Sha256);
    if (!peer.isNull() && actual == m_pin)
        return true;
    *problem = tr("the server's public key does not match the pinned key");
    return false;
}

} // namespace td::app
