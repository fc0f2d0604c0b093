#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace td::test {

// A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder (as the postgres user via runuser
// when the tests run as root), pg_ctl start on a free port with its unix socket in that folder, trust
// authentication for the user "td"; stopped and removed with the object. One per test process (shared()), each
// TestServer on a database of its own (createDatabase()).
class PgCluster final
{
public:
    ~PgCluster();
    static PgCluster* shared(QString* error); // started on first use; nullptr (error set) when it cannot start

    QString createDatabase(QString* error); // a new, empty database; returns its postgresql:// URL
    bool stopServer(QString* error);        // pg_ctl stop -m fast: the database goes away, the files stay
    bool startServer(QString* error);       // pg_ctl start again, same port
    QString socketDir() const { return m_dir->path(); }
    int port() const { return m_port; }

private:
    PgCluster() = default;
    bool start(QString* error);
    bool run(const QString& program, const QStringList& args, QString* output);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bin; // /usr/lib/postgresql/<version>/bin
    int m_port = 0;
    int m_databases = 0;
    bool m_asRoot = false;
    bool m_running = false;
};

} // namespace td::test
