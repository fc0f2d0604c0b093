#pragma once

#include <type_traits>

#include "ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace td::app {

class ApiClient;

// Something that can renew the access token after a 401 (the Session).
class TokenRenewer
{
public:
    virtual ~TokenRenewer() = default;
    // Calls done(true) once a new token is in place, done(false) when the user must log in again.
    virtual void renewAccessToken(QObject* context, std::function<void(bool)> done) = 0;
};

// One request to the API. The base class owns timeout, TLS checks, the single retry after a token
// renewal and error mapping (DESIGN.md, after Nextcloud's AbstractNetworkJob); subclasses say what to
// send and how to read the answer.
class ApiJob : public QObject
{
    Q_OBJECT
public:
    explicit ApiJob(ApiClient* client, QObject* parent = nullptr);
    ~ApiJob() override;

    void start();
    void abort();
    const ApiError& error() const { return m_error; }
    bool isFinished() const { return m_done; } // finished() has been emitted
    int httpStatus() const { return m_httpStatus; }

signals:
    void finished(td::app::ApiJob* job);

protected:
    virtual QByteArray method() const = 0;
    virtual QString path() const = 0;
    virtual QUrlQuery query() const { return {}; }
    virtual QJsonObject body() const { return {}; }
    virtual bool hasBody() const { return method() != "GET"; }
    virtual bool authenticated() const { return true; }
    // Reads "data" of a success envelope; returns false when it is not what was expected.
    virtual bool parse(const QJsonValue& data) = 0;
    // The headers of a 2xx answer have arrived; its body may still be on its way.
    virtual void headersReceived(QNetworkReply*) {}

    ApiClient* client() const { return m_client; }

private:
    void send();
    void onReplyFinished();
    void finish(ApiError error);

    QPointer<ApiClient> m_client;
    QPointer<QNetworkReply> m_reply;
    ApiError m_error;
    QString m_pinProblem;
    int m_httpStatus = 0;
    bool m_retried = false;
    bool m_done = false;
};

// Starts job; once it has finished, done(job) (or done()) runs on context's thread (not at all if context is gone
// first) and the job deletes itself. The job should be a child of context, so that it goes with it. The way to run
// a job nobody keeps, instead of a deleteLater() in every handler.
template <typename Job, typename Done> void runJob(Job* job, const QObject* context, Done done)
{
    QObject::connect(job, &ApiJob::finished, context, [job, done = std::move(done)]() mutable {
        if constexpr (std::is_invocable_v<Done&, Job*>)
            done(job);
        else
            done();
        job->deleteLater();
    });
    job->start();
}

// Owns the one QNetworkAccessManager, the server address, the access token (in memory only) and the tenant.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(ApiClient)

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setAccessToken(const QByteArray& token) { m_accessToken = token; }
    void setApiKey(const QByteArray& key) { m_apiKey = key; }
    bool hasCredential() const { return !m_accessToken.isEmpty() || !m_apiKey.isEmpty(); }
    void clearCredentials();
    void setTenant(const QString& tenantId) { m_tenantId = tenantId; }
    QString tenant() const { return m_tenantId; }
    void setRenewer(TokenRenewer* renewer) { m_renewer = renewer; }
    TokenRenewer* renewer() const { return m_renewer; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Extra CAs to trust (a profile's CA file) and an optional SHA-256 pin of the server's public key.
    void setCaCertificates(const QList<QSslCertificate>& certificates) { m_caCertificates = certificates; }
    void setPinnedPublicKeySha256(const QByteArray& pin) { m_pin = pin; }

    // http:// is refused except for loopback addresses; returns the reason or an empty string.
    static QString checkUrl(const QUrl& url);

    QNetworkReply* sendRequest(const QByteArray& method, const QString& path, const QUrlQuery& query,
                               const QByteArray& body, bool authenticated);
    bool checkPin(QNetworkReply* reply, QString* problem) const;
    QNetworkAccessManager* network() { return &m_nam; }

signals:
    // A request came back 401 and the token could not be renewed: the user must log in again.
    void authenticationRequired(const QString& reason);

private:
    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QByteArray m_accessToken;
    QByteArray m_apiKey;
    QString m_tenantId;
    TokenRenewer* m_renewer = nullptr;
    int m_timeoutMs = 30000;
    QList<QSslCertificate> m_caCertificates;
    QByteArray m_pin;
};

} // namespace td::app
