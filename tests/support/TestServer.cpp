#include "TestServer.h"

#include "PgCluster.h"

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlError>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace td::test {

QString describe(const HttpResult& result, int bodyChars)
{
    return QStringLiteral("HTTP %1 %2 %3")
        .arg(result.status)
        .arg(QString::fromUtf8(result.body.left(bodyChars)), result.networkError);
}

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString HttpResult::errorCode() const
{
    return json.value(u"error"_s).toObject().value(u"code"_s).toString();
}

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

QString TestServer::binary()
{
    return qEnvironmentVariable("TOKENDESK_SERVER_BIN");
}

bool TestServer::usesPostgres()
{
    return qEnvironmentVariable("TOKENDESK_TEST_DB") == u"pg"_s;
}

QString TestServer::databasePath() const
{
    if (!m_sharedDatabase.isEmpty())
        return m_sharedDatabase;
    if (!usesPostgres())
        return m_dir.filePath(u"tokendesk.sqlite"_s);
    if (m_postgresUrl.isEmpty()) {
        // A database of its own in the test process's cluster, made on first use.
        QString error;
        PgCluster* cluster = PgCluster::shared(&error);
        m_postgresUrl = cluster ? cluster->createDatabase(&error) : QString();
        if (m_postgresUrl.isEmpty())
            qWarning().noquote() << "no PostgreSQL database for the test server:" << error;
    }
    return m_postgresUrl;
}

QString TestServer::keyFilePath() const
{
    if (!m_sharedKeyFile.isEmpty())
        return m_sharedKeyFile;
    return usesPostgres() ? m_dir.filePath(u"tokendesk.keys"_s) : databasePath() + u".keys"_s;
}

QStringList TestServer::databaseArgs() const
{
    QStringList args{u"--db"_s, databasePath()};
    if (usesPostgres())
        args += QStringList{u"--key-file"_s, keyFilePath()};
    return args;
}

QSqlDatabase TestServer::openDatabase(const QString& connectionName) const
{
    QSqlDatabase db;
    if (usesPostgres()) {
        const QUrl url(databasePath());
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(databasePath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (!db.open())
        qWarning().noquote() << "cannot open the test server's database:" << db.lastError().text();
    return db;
}

QPair<int, QString> TestServer::runCommand(const QStringList& args, const QProcessEnvironment& env, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(binary(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAll())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

bool TestServer::start(const QStringList& extraArgs)
{
    if (!m_dir.isValid() || binary().isEmpty())
        return false;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TOKENDESK_ADMIN_PASSWORD"_s, QString::fromLatin1(AdminPassword));
    const auto [code, output] =
        runCommand(QStringList{u"--init"_s} + databaseArgs() +
                       QStringList{u"--admin-email"_s, QString::fromLatin1(AdminEmail), u"--scrypt-log-n"_s, u"12"_s},
                   env);
    if (code != 0) {
        qWarning().noquote() << "--init failed:" << output;
        return false;
    }
    return launch(extraArgs);
}

bool TestServer::startSharing(const TestServer& other, const QStringList& extraArgs)
{
    if (binary().isEmpty() || other.databasePath().isEmpty())
        return false;
    m_sharedDatabase = other.databasePath();
    m_sharedKeyFile = other.keyFilePath();
    return launch(extraArgs);
}

bool TestServer::startOn(const QString& database, const QString& keyFile, const QStringList& extraArgs)
{
    m_sharedDatabase = database;
    m_sharedKeyFile = keyFile;
    return launch(extraArgs);
}

bool TestServer::restart(const QStringList& extraArgs)
{
    stop();
    return launch(extraArgs);
}

bool TestServer::launch(const QStringList& extraArgs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this] { m_log += QString::fromUtf8(m_process->readAllStandardError()); });
    QStringList args = databaseArgs() + QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--scrypt-log-n"_s, u"12"_s};
    args += extraArgs;
#ifdef Q_OS_UNIX
    if (m_descriptorLimit > 0) {
        m_process->setChildProcessModifier([limit = rlim_t(m_descriptorLimit)] {
            rlimit r{limit, limit};
            ::setrlimit(RLIMIT_NOFILE, &r);
        });
    }
#endif
    m_process->start(binary(), args);
    if (!m_process->waitForStarted(10000))
        return false;
    QElapsedTimer timer;
    timer.start();
    QByteArray line;
    while (!line.contains('\n') && timer.elapsed() < 30000) {
        if (m_process->state() != QProcess::Running) {
            m_log += QString::fromUtf8(m_process->readAllStandardError());
            qWarning().noquote() << "server exited:" << m_log;
            return false;
        }
        m_process->waitForReadyRead(200);
        line += m_process->readAllStandardOutput();
    }
    m_url = QUrl(QString::fromLatin1(line.left(line.indexOf('\n')).trimmed()));
    m_adminToken.clear();
    return m_url.isValid() && m_url.port() > 0;
}

bool TestServer::makeCertificate(const QString& dir, QString* certPath, QString* keyPath, QString* error)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        *error = u"the openssl command is missing (scripts/deps.sh installs it)"_s;
        return false;
    }
    *certPath = QDir(dir).filePath(u"cert.pem"_s);
    *keyPath = QDir(dir).filePath(u"key.pem"_s);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(dir);
    p.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                      u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                      u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, *keyPath, u"-out"_s, *certPath});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAll());
        return false;
    }
    return true;
}

int TestServer::openDescriptors() const
{
    return int(
        QDir(u"/proc/%1/fd"_s.arg(pid())).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

qint64 TestServer::residentKiB() const
{
    QFile status(u"/proc/%1/status"_s.arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

void TestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    m_process.reset();
}

void TestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished();
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    m_process.reset();
}

bool TestServer::addUser(const QString& email, const QString& tenant, const QString& role, const QByteArray& password,
                         const QString& username)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TOKENDESK_PASSWORD"_s, QString::fromUtf8(password));
    QStringList args = databaseArgs() + QStringList{u"--add-user"_s, email, u"--tenant"_s,       tenant,
                                                    u"--role"_s,     role,  u"--scrypt-log-n"_s, u"12"_s};
    if (!username.isEmpty())
        args << u"--username"_s << username;
    const auto [code, output] = runCommand(args, env);
    if (code != 0)
        qWarning().noquote() << "--add-user failed:" << output;
    return code == 0;
}

QByteArray TestServer::signingKey() const
{
    QFile file(keyFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QByteArray::fromBase64(
        QJsonDocument::fromJson(file.readAll()).object().value(u"signingKey"_s).toString().toLatin1());
}

QString TestServer::log() const
{
    QString text = m_log;
    if (m_process)
        text += QString::fromUtf8(m_process->peek(m_process->bytesAvailable()));
    return text;
}

HttpResult TestServer::request(const QByteArray& method, const QString& path, const QByteArray& body,
                               const Headers& headers)
{
    return requestTo(m_url.resolved(QUrl(path)), method, body, headers);
}

HttpResult TestServer::requestTo(const QUrl& url, const QByteArray& method, const QByteArray& body,
                                 const Headers& headers)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& h : headers)
        request.setRawHeader(h.first, h.second);
    if (!m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }
    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult TestServer::post(const QString& path, const QJsonObject& body, const Headers& headers)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

HttpResult TestServer::patch(const QString& path, const QJsonObject& body, const Headers& headers)
{
    return request("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

HttpResult TestServer::login(const QString& email, const QByteArray& password, const QString& tenantId)
{
    QJsonObject body{{u"email"_s, email}, {u"password"_s, QString::fromUtf8(password)}};
    if (!tenantId.isEmpty())
        body.insert(u"tenantId"_s, tenantId);
    return post(u"/api/v1/auth/login"_s, body);
}

QString TestServer::adminToken()
{
    if (m_adminToken.isEmpty())
        m_adminToken = login(QString::fromLatin1(AdminEmail), AdminPassword).data().value(u"token"_s).toString();
    return m_adminToken;
}

QPair<QString, QString> TestServer::createKey(const QString& name, const QStringList& scopes, const QJsonObject& extra,
                                              const Headers& auth)
{
    QJsonObject body = extra;
    body.insert(u"name"_s, name);
    body.insert(u"scopes"_s, QJsonArray::fromStringList(scopes));
    const HttpResult r = post(u"/api/v1/api-keys"_s, body, auth.isEmpty() ? bearer(adminToken()) : auth);
    if (r.status != 201) {
        qWarning().noquote() << "createKey failed:" << r.status << r.body;
        return {};
    }
    return {r.data().value(u"apiKey"_s).toObject().value(u"id"_s).toString(), r.data().value(u"secret"_s).toString()};
}

bool TestServer::advanceClock(qint64 seconds)
{
    return post(u"/api/v1/_test/clock"_s, {{u"advanceSeconds"_s, double(seconds)}}).status == 200;
}

QDateTime TestServer::serverNow()
{
    const HttpResult r = post(u"/api/v1/_test/clock"_s, {{u"advanceSeconds"_s, 0}});
    if (r.status != 200)
        return {};
    return QDateTime::fromString(r.data().value(u"now"_s).toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace td::test
