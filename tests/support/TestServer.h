#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QProcess>
#include <QSqlDatabase>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace td::test {

// What a test gets back from one HTTP call.
struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection refused, reset, timeout)
    QByteArray body;
    QJsonObject json; // the parsed body when it is a JSON object
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray& name) const; // case-insensitive
    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    QString errorCode() const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// "HTTP 404 {…body…} network error", for a failed check's message: the status, the start of the body, any error.
QString describe(const HttpResult& result, int bodyChars = 800);

// The real tokendesk-server binary on 127.0.0.1:0 with a database in a temporary folder.
class TestServer final
{
public:
    static constexpr auto AdminEmail = "admin@example.test";
    static constexpr auto AdminPassword = "correct horse battery staple";
    static constexpr auto DefaultTenant = "default";

    TestServer();
    ~TestServer();
    Q_DISABLE_COPY_MOVE(TestServer)

    static QString binary(); // TOKENDESK_SERVER_BIN
    // A self-signed P-256 certificate for 127.0.0.1 made by the openssl command in dir: cert.pem and key.pem.
    static bool makeCertificate(const QString& dir, QString* certPath, QString* keyPath, QString* error);

    // --init with the admin above, then serves. Extra arguments go to the serving process only.
    bool start(const QStringList& extraArgs = {});
    // Serves the database of another TestServer (already started), as a second instance would.
    bool startSharing(const TestServer& other, const QStringList& extraArgs = {});
    // Serves a given database with a given key file (a migrated deployment).
    bool startOn(const QString& database, const QString& keyFile, const QStringList& extraArgs = {});
    // Serves again on the same database (after stop() or kill()).
    bool restart(const QStringList& extraArgs = {});
    void stop(); // SIGTERM and wait
    void kill(); // SIGKILL: a crash
    // --add-user on the same database (works while serving: SQLite WAL allows it).
    bool addUser(const QString& email, const QString& tenant, const QString& role, const QByteArray& password,
                 const QString& username = {});
    // Runs the binary with arguments and returns {exit code, stdout + stderr}.
    QPair<int, QString> runCommand(const QStringList& args, const QProcessEnvironment& env = {}, int timeoutMs = 60000);

    // The serving process gets this RLIMIT_NOFILE (soft and hard) from its next start on; 0: inherited.
    void setDescriptorLimit(int limit) { m_descriptorLimit = limit; }
    int openDescriptors() const; // of the serving process (Linux /proc)
    qint64 residentKiB() const;  // VmRSS of the serving process (Linux /proc); -1 when unknown

    QUrl url() const { return m_url; }
    // With TOKENDESK_TEST_DB=pg the server runs on a database of its own in a throw-away PostgreSQL cluster
    // (PgCluster); else on a SQLite file in its folder.
    static bool usesPostgres();
    QString databasePath() const; // the SQLite file, or the postgresql:// URL
    QString keyFilePath() const;
    QStringList databaseArgs() const; // --db (and --key-file) for a command of this server
    // A connection to the server's database under connectionName (QSQLITE or QPSQL); the caller removes it.
    QSqlDatabase openDatabase(const QString& connectionName) const;
    QByteArray signingKey() const; // from the key file, to forge tokens in JWT tests
    QString log() const;           // everything the serving process wrote to stderr so far
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString dir() const { return m_dir.path(); }

    // HTTP against this server. A body of QJsonObject is sent as JSON; raw bytes as given.
    HttpResult request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                       const Headers& headers = {});
    // The same client against another address (a gateway in front of this server).
    HttpResult requestTo(const QUrl& url, const QByteArray& method, const QByteArray& body = {},
                         const Headers& headers = {});
    HttpResult get(const QString& path, const Headers& headers = {}) { return request("GET", path, {}, headers); }
    HttpResult post(const QString& path, const QJsonObject& body, const Headers& headers = {});
    HttpResult patch(const QString& path, const QJsonObject& body, const Headers& headers = {});

    // Conveniences.
    HttpResult login(const QString& email, const QByteArray& password, const QString& tenantId = {});
    QString adminToken();                            // logs the admin in once and caches the JWT
    Headers admin() { return bearer(adminToken()); } // the admin's session as an Authorization header
    static Headers bearer(const QString& token) { return {{"Authorization", "Bearer " + token.toLatin1()}}; }
    static Headers apiKey(const QString& key) { return {{"X-API-Key", key.toLatin1()}}; }
    // Creates an API key with the admin session; returns {id, secret}.
    QPair<QString, QString> createKey(const QString& name, const QStringList& scopes, const QJsonObject& extra = {},
                                      const Headers& auth = {});
    bool advanceClock(qint64 seconds);
    // The server's "now" (test clock included), read through the test clock hook; invalid on failure.
    QDateTime serverNow();
    // Extra CA certificates trusted by request() (for HTTPS against a self-signed test certificate). Cached
    // connections are dropped so that the new trust applies to the next request.
    void setCaCertificates(const QList<QSslCertificate>& certificates)
    {
        m_caCertificates = certificates;
        m_nam.clearConnectionCache();
    }

private:
    bool launch(const QStringList& extraArgs);
    QString m_sharedDatabase; // startSharing(): the other server's database
    QString m_sharedKeyFile;
    mutable QString m_postgresUrl;
    int m_descriptorLimit = 0;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_log;
    QString m_adminToken;
    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_caCertificates;
};

} // namespace td::test
