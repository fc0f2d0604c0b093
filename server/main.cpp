#include "Api.h"
#include "AuthListener.h"
#include "Clock.h"
#include "Config.h"
#include "KeyFile.h"
#include "Log.h"
#include "Router.h"
#include "Seeder.h"
#include "Server.h"
#include "ServerContext.h"
#include "Store.h"
#include "Text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif
#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace td::server;

namespace {

#ifdef Q_OS_UNIX
// SIGINT/SIGTERM reach the event loop through a pipe: the handler itself only writes one byte.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto ignored = ::write(g_signalPipe[1], &byte, 1);
}
#endif

int fail(const QString& message)
{
    fprintf(stderr, "tokendesk-server: %s\n", qPrintable(message));
    return 1;
}

void printLine(const QString& line)
{
    fputs(qPrintable(line + u'\n'), stdout);
    fflush(stdout);
}

QByteArray readAdminPassword()
{
    QByteArray password = qgetenv("TOKENDESK_PASSWORD");
    if (password.isEmpty())
        password = qgetenv("TOKENDESK_ADMIN_PASSWORD");
    if (!password.isEmpty())
        return password;
    char buffer[1024];
    if (!fgets(buffer, sizeof buffer, stdin))
        return {};
    password = QByteArray(buffer).trimmed();
    return password;
}

bool removeDatabaseFiles(const QString& path)
{
    bool ok = true;
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s, u".keys"_s}) {
        if (QFile::exists(path + suffix))
            ok = QFile::remove(path + suffix) && ok;
    }
    return ok;
}

} // namespace

int main(int argc, char* argv[])
{
#ifdef Q_OS_UNIX
    // The database, its WAL and shared-memory files and the key file are the server's alone, whatever umask it was
    // started with.
    ::umask(0077);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tokendesk-server"_s);
    QCoreApplication::setOrganizationName(u"TokenDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(
            u"%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}WARN %{endif}%{if-critical}ERROR %{endif}%{category} %{message}"_s);

    const ParsedCommandLine parsed = parseCommandLine(app.arguments());
    if (!parsed.config) {
        if (!parsed.message.isEmpty())
            fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s\n", qPrintable(parsed.message));
        return parsed.exitCode;
    }
    ServerConfig config = *parsed.config;
    if (config.listRoutes) {
        // The routing table without a database: docs/openapi.yaml is checked against this list.
        ServerContext context(config, KeyMaterial{QByteArray(32, '\0'), QByteArray(32, '\0')});
        Store none(u"routes"_s);
        Api api(context, none);
        Router router;
        api.registerRoutes(router);
        for (const QString& route : router.patterns())
            printLine(route);
        return 0;
    }

    std::unique_ptr<QTemporaryDir> demoDir;
    if (config.demo) {
        if (config.databasePath.isEmpty()) {
            demoDir = std::make_unique<QTemporaryDir>();
            if (!demoDir->isValid())
                return fail(tr("Cannot create a temporary folder for the demo database."));
            config.databasePath = demoDir->filePath(u"demo.sqlite"_s);
        } else if (QFile::exists(config.databasePath)) {
            // Only a previous demo database is ever thrown away.
            Store probe(u"probe"_s);
            QString error;
            const bool isDemo =
                probe.open(config.databasePath, &error) && probe.schemaVersion() > 0 && probe.meta(u"demo"_s) == u"1"_s;
            if (!isDemo)
                return fail(
                    tr("%1 exists and is not a demo database; refusing to overwrite it.").arg(config.databasePath));
        }
        if (!demoDir && !removeDatabaseFiles(config.databasePath))
            return fail(tr("Cannot remove the previous demo database %1.").arg(config.databasePath));
    }
    const bool postgres = Store::isPostgresUrl(config.databasePath);
    // Named in messages without the password a URL may hold.
    const QString databaseName =
        postgres ? QUrl(config.databasePath).toDisplayString(QUrl::RemovePassword) : config.databasePath;
    if (postgres && config.demo)
        return fail(tr("--demo runs on its own SQLite file; give no PostgreSQL URL."));
    if (!postgres && !QDir().mkpath(QFileInfo(config.databasePath).absolutePath()))
        return fail(tr("Cannot create the folder of %1.").arg(config.databasePath));

    QString error;
    Store store(u"main"_s);
    if (!store.open(config.databasePath, &error))
        return fail(tr("Cannot open the database %1: %2").arg(databaseName, error));
    if (!config.backupPath.isEmpty()) {
        // Before anything is migrated: a backup of the database as it is, for operators and package upgrades.
        if (!store.backupTo(config.backupPath, &error))
            return fail(tr("Cannot back up %1: %2").arg(databaseName, error));
        printLine(tr("Backed up %1 to %2.").arg(databaseName, config.backupPath));
        return 0;
    }
    // An upgrade that migrates a SQLite database copies it first, beside it: a migration that goes wrong can be
    // undone by putting the copy back. (PostgreSQL: pg_dump before upgrading; the packages' notes say so.)
    const int before = store.schemaVersion();
    if (!postgres && before > 0 && before < Store::knownSchemaVersion()) {
        const QString copy =
            u"%1.schema-%2-%3.bak"_s.arg(config.databasePath, QString::number(before),
                                         QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
        if (!store.backupTo(copy, &error))
            return fail(tr("Not migrating %1: the copy made before a migration failed: %2").arg(databaseName, error));
        qCInfo(lcServer).noquote() << u"schema %1 -> %2: copied the database to %3 first"_s.arg(before)
                                          .arg(Store::knownSchemaVersion())
                                          .arg(copy);
    }
    if (!store.migrate(&error))
        return fail(error);

    if (!config.migrateFrom.isEmpty()) {
        // The digests and sessions were made with the SQLite deployment's keys: they must be the ones given.
        if (!KeyMaterial::load(config.resolvedKeyFilePath(), &error))
            return fail(tr("Cannot read the key file %1 (give the SQLite deployment's key file as --key-file): %2")
                            .arg(config.resolvedKeyFilePath(), error));
        if (!QFile::exists(config.migrateFrom))
            return fail(tr("There is no SQLite database %1.").arg(config.migrateFrom));
        Store source(u"source"_s);
        if (!source.open(config.migrateFrom, &error) || !source.migrate(&error))
            return fail(tr("Cannot open the SQLite database %1: %2").arg(config.migrateFrom, error));
        const auto copied = store.copyFrom(source, &error);
        if (!copied)
            return fail(tr("Nothing was migrated: %1").arg(error));
        for (const auto& [table, rows] : *copied)
            printLine(u"%1: %2"_s.arg(table).arg(rows)); // table: rows copied
        printLine(tr("Migrated %1 into %2; the counts match. Start the instances with --db and this --key-file.")
                      .arg(config.migrateFrom, databaseName));
        return 0;
    }
    const QString keyPath = config.resolvedKeyFilePath();
    std::optional<KeyMaterial> keys;
    if (config.init && !QFile::exists(keyPath) && store.userCount() > 0) {
        // New keys would orphan every stored digest and session: the key file has gone missing.
        return fail(tr("%1 already holds users but its key file %2 is missing. Restore the key file (or give "
                       "--key-file); --init never replaces keys.")
                        .arg(databaseName, keyPath));
    }
    if (config.init || config.demo) {
        // --init on a database that has its keys already keeps them: initialising twice never rotates them.
        keys = QFile::exists(keyPath) && config.init ? KeyMaterial::load(keyPath, &error)
                                                     : KeyMaterial::create(keyPath, &error);
    } else {
        keys = KeyMaterial::load(keyPath, &error);
    }
    if (!keys)
        return fail(error);

    ServerContext context(config, *keys);
    if (config.init) {
        const QByteArray password = readAdminPassword();
        if (password.size() < 12)
            return fail(tr(
                "The admin password must have at least 12 characters (TOKENDESK_ADMIN_PASSWORD or standard input)."));
        if (!initializeFirstAdmin(store, context.hasher, config.adminEmail, password, &error))
            return fail(error);
        printLine(tr("Initialised %1: admin %2 in tenant \"default\". Keys are in %3.")
                      .arg(databaseName, config.adminEmail, keyPath));
        return 0;
    }
    if (!config.addUserEmail.isEmpty()) {
        const QByteArray password = readAdminPassword();
        if (password.size() < 12)
            return fail(
                tr("The password must have at least 12 characters (TOKENDESK_ADMIN_PASSWORD or standard input)."));
        if (!addUserToTenant(store, context.hasher, config.addUserEmail, config.username, password, config.tenantId,
                             config.tenantName, config.role, &error))
            return fail(error);
        printLine(tr("Added %1 to tenant \"%2\" as %3.").arg(config.addUserEmail, config.tenantId, config.role));
        return 0;
    }
    std::optional<DemoLogin> demoLogin;
    if (config.demo) {
        demoLogin = seedDemo(store, context, &error);
        if (!demoLogin)
            return fail(tr("Cannot seed the demo database: %1").arg(error));
    }

    Server server(context);
    if (!server.start(&error))
        return fail(error);
    // Several instances on one PostgreSQL: another instance's revoke empties this one's authentication cache.
    std::unique_ptr<AuthListener> listener;
    if (postgres) {
        listener = std::make_unique<AuthListener>(config.databasePath, context.authCache);
        if (!listener->start(&error))
            return fail(tr("Cannot listen for authentication changes on %1: %2").arg(databaseName, error));
    }
    // The first line on stdout is the URL served: scripts and the console's demo launcher read it.
    printLine(server.url().toString());
    if (demoLogin) {
        printLine(u"demo-email: "_s + demoLogin->email);
        printLine(u"demo-username: "_s + demoLogin->username);
        printLine(u"demo-password: "_s + demoLogin->password);
    }
    qCInfo(lcServer).noquote() << "serving" << server.url().toString() << "with" << config.workers
                               << "workers, database" << databaseName;

#ifdef Q_OS_UNIX
    if (::pipe(g_signalPipe) == 0) {
        auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
#endif
    const int rc = QCoreApplication::exec();
    server.stop();
    qCInfo(lcServer) << "stopped";
    return rc;
}
