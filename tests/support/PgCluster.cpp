#include "PgCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace td::test {

namespace {

QString findBin()
{
    // Debian keeps initdb and pg_ctl out of PATH, under the version's folder: the newest one.
    QDir lib(u"/usr/lib/postgresql"_s);
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const QString& v : versions) {
        const QString bin = lib.filePath(v + u"/bin"_s);
        if (QFile::exists(bin + u"/initdb"_s))
            return bin;
    }
    return {};
}

} // namespace

PgCluster* PgCluster::shared(QString* error)
{
    static std::unique_ptr<PgCluster> cluster;
    static QString failure;
    if (!cluster && failure.isEmpty()) {
        std::unique_ptr<PgCluster> c(new PgCluster);
        if (c->start(&failure))
            cluster = std::move(c);
    }
    if (!cluster && error)
        *error = failure;
    return cluster.get();
}

PgCluster::~PgCluster()
{
    QString ignored;
    if (m_running)
        stopServer(&ignored);
}

bool PgCluster::run(const QString& program, const QStringList& args, QString* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir->path());
    if (m_asRoot)
        p.start(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, m_bin + u'/' + program} + args);
    else
        p.start(m_bin + u'/' + program, args);
    const bool finished = p.waitForFinished(120000);
    *output = QString::fromLocal8Bit(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool PgCluster::start(QString* error)
{
    m_bin = findBin();
    if (m_bin.isEmpty()) {
        *error = u"PostgreSQL is not installed (scripts/deps.sh test installs postgresql)"_s;
        return false;
    }
    m_asRoot = geteuid() == 0;
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = u"no temporary folder for the cluster"_s;
        return false;
    }
    if (m_asRoot) {
        // initdb refuses to run as root: the cluster belongs to postgres.
        QProcess chown;
        chown.start(u"chown"_s, {u"postgres:postgres"_s, m_dir->path()});
        if (!chown.waitForFinished() || chown.exitCode() != 0) {
            *error = u"cannot give %1 to the postgres user"_s.arg(m_dir->path());
            return false;
        }
    }
    QString output;
    const QString data = m_dir->filePath(u"data"_s);
    if (!run(u"initdb"_s, {u"-D"_s, data, u"-A"_s, u"trust"_s, u"-U"_s, u"td"_s, u"--no-sync"_s}, &output)) {
        *error = u"initdb failed: "_s + output;
        return false;
    }
    for (int attempt = 0; attempt < 10; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            continue;
        m_port = probe.serverPort();
        probe.close();
        if (startServer(error))
            return true;
    }
    return false;
}

bool PgCluster::startServer(QString* error)
{
    QString output;
    const QString options =
        u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300"_s
            .arg(m_port)
            .arg(m_dir->path());
    if (!run(u"pg_ctl"_s,
             {u"-D"_s, m_dir->filePath(u"data"_s), u"-o"_s, options, u"-l"_s, m_dir->filePath(u"server.log"_s), u"-w"_s,
              u"-t"_s, u"60"_s, u"start"_s},
             &output)) {
        *error = u"pg_ctl start failed: "_s + output;
        return false;
    }
    m_running = true;
    return true;
}

bool PgCluster::stopServer(QString* error)
{
    QString output;
    if (!run(u"pg_ctl"_s, {u"-D"_s, m_dir->filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s}, &output)) {
        *error = u"pg_ctl stop failed: "_s + output;
        return false;
    }
    m_running = false;
    return true;
}

QString PgCluster::createDatabase(QString* error)
{
    const QString name = u"td_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++m_databases);
    const QString connection = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(m_port);
        db.setUserName(u"td"_s);
        db.setDatabaseName(u"postgres"_s);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(u"CREATE DATABASE "_s + name);
            if (!ok)
                *error = q.lastError().text();
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!ok)
        return {};
    return u"postgresql://td@127.0.0.1:%1/%2"_s.arg(m_port).arg(name);
}

} // namespace td::test
