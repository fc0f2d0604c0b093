#include "Config.h"

#include "Log.h"
#include "Store.h"
#include "Text.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>

#include <functional>

using namespace Qt::StringLiterals;

namespace td::server {

namespace {

bool parseListen(const QString& text, ServerConfig& config, QString* error)
{
    // ADDR:PORT, [v6]:PORT
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        *error = tr("--listen takes ADDRESS:PORT, for example 127.0.0.1:8443 or [::1]:0");
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (host == u"localhost"_s)
        address = QHostAddress::LocalHost;
    else if (host == u"*"_s)
        address = QHostAddress::Any;
    else
        address = QHostAddress(host);
    if (!ok || port > 65535 || address.isNull()) {
        *error = tr("--listen takes ADDRESS:PORT, for example 127.0.0.1:8443 or [::1]:0");
        return false;
    }
    config.listenAddress = address;
    config.listenPort = quint16(port);
    return true;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("TokenDesk reference server: JWT sessions, API keys and scopes over HTTPS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s,
                                    tr("Address and port to serve, ADDRESS:PORT; port 0 picks a free one."),
                                    u"addr:port"_s, u"127.0.0.1:8443"_s);
    const QCommandLineOption db(
        u"db"_s,
        tr("SQLite database file, or postgresql://user@host[:port]/dbname[?sslmode=…] for several instances on one "
           "PostgreSQL (the password from TOKENDESK_DB_PASSWORD or the file TOKENDESK_DB_PASSWORD_FILE)."),
        u"path|url"_s);
    const QCommandLineOption keyFile(
        u"key-file"_s,
        tr("Key material file (default: the database path + .keys; required with PostgreSQL, the same file on every "
           "instance)."),
        u"path"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, tr("PEM certificate chain for HTTPS."), u"path"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, tr("PEM private key for HTTPS."), u"path"_s);
    const QCommandLineOption init(u"init"_s,
                                  tr("Create the schema, the signing key, the pepper and the first admin, then exit."));
    const QCommandLineOption adminEmail(u"admin-email"_s,
                                        tr("E-mail of the first admin (with --init). The password is read from "
                                           "TOKENDESK_ADMIN_PASSWORD or standard input."),
                                        u"email"_s);
    const QCommandLineOption demo(u"demo"_s, tr("Serve a throw-away sandbox with seeded tenants, an admin and keys."));
    const QCommandLineOption addUser(u"add-user"_s,
                                     tr("Add a user to --tenant (created when absent), then exit. The "
                                        "password is read like the admin's."),
                                     u"email"_s);
    const QCommandLineOption tenant(u"tenant"_s, tr("Tenant id for --add-user."), u"id"_s);
    const QCommandLineOption tenantName(u"tenant-name"_s, tr("Display name of a tenant created by --add-user."),
                                        u"name"_s);
    const QCommandLineOption role(u"role"_s, tr("Role of the user added by --add-user: admin or member."), u"role"_s,
                                  u"member"_s);
    const QCommandLineOption username(u"username"_s, tr("Optional user name (for the B2B login) of --add-user."),
                                      u"name"_s);
    const QCommandLineOption allowPlain(
        u"allow-plain-http"_s, tr("Serve plain HTTP on a non-loopback address (behind a TLS-terminating proxy)."));
    const QCommandLineOption privateMax(u"private-token-max-days"_s,
                                        tr("Longest lifetime of a private token, in days (default 365)."), u"days"_s);
    const QCommandLineOption authCache(
        u"auth-cache-ms"_s,
        tr("How often the authentication cache asks the database whether another process changed anything it holds "
           "(default 1000; 0: no cache, read the database for every request). This process's own changes apply at "
           "once; no cached credential is kept longer than a minute."),
        u"ms"_s);
    const QCommandLineOption maxConnections(
        u"max-connections"_s,
        tr("Open connections per worker; more are answered 503 and closed (default: derived from the descriptor "
           "limit, RLIMIT_NOFILE)."),
        u"n"_s);
    const QCommandLineOption maxPerClient(
        u"max-connections-per-client"_s,
        tr("Open connections per client address (IPv6: per /64), all workers together (default 256; 0: no "
           "limit). Trusted proxies are exempt."),
        u"n"_s);
    const QCommandLineOption maxBodyMemory(
        u"max-body-memory"_s,
        tr("MiB of request bodies buffered by all connections together; past it requests get 503 (default 256)."),
        u"mib"_s);
    const QCommandLineOption idleTimeout(
        u"idle-timeout"_s, tr("Seconds a keep-alive connection may wait for its next request (default 75)."),
        u"seconds"_s);
    const QCommandLineOption requestTimeout(
        u"request-timeout"_s, tr("Seconds from a request's first byte to its last, blank lines included (default 30)."),
        u"seconds"_s);
    const QCommandLineOption handshakeTimeout(u"handshake-timeout"_s,
                                              tr("Seconds a TLS handshake may take (default 10)."), u"seconds"_s);
    const QCommandLineOption maxQueuedLogins(
        u"max-queued-logins"_s,
        tr("Logins that may wait for password hashing; more are answered 503 with Retry-After (default 64)."), u"n"_s);
    const QCommandLineOption loginFailuresGlobal(
        u"login-failures-global"_s,
        tr("Failed logins of all accounts together per 5 minutes; past it only clients without a failure of "
           "their own may try (default 500)."),
        u"n"_s);
    const QCommandLineOption auditRetention(
        u"audit-retention-days"_s,
        tr("Days audit events are kept; older ones are deleted daily (default 400; 0: keep them)."), u"days"_s);
    const QCommandLineOption listRoutes(u"list-routes"_s, tr("Print every route served (METHOD path), then exit."));
    const QCommandLineOption migrateFrom(
        u"migrate-from"_s,
        tr("Copy a SQLite deployment (sqlite:PATH) into the empty PostgreSQL database of --db, check the counts, then "
           "exit. Give the SQLite deployment's key file as --key-file."),
        u"sqlite:path"_s);
    const QCommandLineOption backup(
        u"backup"_s,
        tr("Copy the SQLite database of --db to a new file while it may be in use (a consistent snapshot), then exit. "
           "PostgreSQL: use pg_dump."),
        u"path"_s);
    const QCommandLineOption workers(u"workers"_s, tr("HTTP worker threads (default: 2)."), u"n"_s);
    const QCommandLineOption trustedProxy(
        u"trusted-proxy"_s, tr("Network (CIDR) of a reverse proxy whose X-Forwarded-For is trusted. Repeatable."),
        u"cidr"_s);
    const QCommandLineOption issuer(u"issuer"_s, tr("JWT issuer (iss)."), u"name"_s);
    const QCommandLineOption scopes(u"scopes"_s, tr("JSON file with the scope catalog ({\"scopes\": [...]})."),
                                    u"path"_s);
    parser.addOptions({listen,  db,         keyFile,    tlsCert,    tlsKey,    init,        adminEmail,   demo,
                       addUser, tenant,     tenantName, role,       username,  workers,     trustedProxy, issuer,
                       scopes,  allowPlain, privateMax, listRoutes, authCache, migrateFrom, backup});
    const QCommandLineOption authzPolicy(
        u"authz-policy"_s,
        tr("Policy file of /api/v1/authz (forward-auth): which scope each method and path of the protected API "
           "needs (docs/deploy/authz-policy.conf)."),
        u"path"_s);
    const QCommandLineOption notificationScan(
        u"notification-scan-seconds"_s,
        tr("How often credentials are checked for notifications that are due (expiring, expired, refused often); "
           "default 60."),
        u"seconds"_s);
    const QCommandLineOption notificationCa(
        u"notification-ca"_s,
        tr("CA certificates (PEM) to trust for https notification endpoints, besides the system's (an internal CA)."),
        u"path"_s);
    parser.addOptions({maxConnections, maxPerClient, maxBodyMemory, idleTimeout, requestTimeout, handshakeTimeout,
                       maxQueuedLogins, loginFailuresGlobal, auditRetention, authzPolicy, notificationScan,
                       notificationCa});
#ifdef TOKENDESK_TEST_HOOKS
    const QCommandLineOption scryptLogN(u"scrypt-log-n"_s, tr("Test builds only: scrypt cost as log2(N)."), u"n"_s);
    parser.addOption(scryptLogN);
#endif

    ParsedCommandLine result;
    auto fail = [&result](const QString& message) {
        result.exitCode = 2;
        result.message = message;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(u"version"_s)) {
        result.message = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    ServerConfig config;
    QString error;
    config.listRoutes = parser.isSet(listRoutes);
    if (parser.isSet(migrateFrom)) {
        const QString from = parser.value(migrateFrom);
        if (!from.startsWith(u"sqlite:"_s) || from.size() <= 7)
            return fail(tr("--migrate-from takes sqlite:PATH (the SQLite database to copy)."));
        config.migrateFrom = from.mid(7);
        if (!Store::isPostgresUrl(parser.value(db)))
            return fail(tr("--migrate-from copies into PostgreSQL: give --db postgresql://…"));
    }
    if (config.listRoutes) {
        result.config = config;
        return result;
    }
    config.backupPath = parser.value(backup);
    if (!parseListen(parser.value(listen), config, &error))
        return fail(error);
    config.databasePath = parser.value(db);
    config.keyFilePath = parser.value(keyFile);
    if (Store::isPostgresUrl(config.databasePath)) {
        if (config.keyFilePath.isEmpty())
            return fail(
                tr("--key-file is required with a PostgreSQL database: every instance needs the same key file."));
        if (!QUrl(config.databasePath).password().isEmpty())
            qCWarning(lcServer) << "the --db URL holds a password; prefer TOKENDESK_DB_PASSWORD or "
                                   "TOKENDESK_DB_PASSWORD_FILE (a command line is visible to every local user)";
    }
    config.tlsCertPath = parser.value(tlsCert);
    config.tlsKeyPath = parser.value(tlsKey);
    if (config.tlsCertPath.isEmpty() != config.tlsKeyPath.isEmpty())
        return fail(tr("--tls-cert and --tls-key go together."));
    config.init = parser.isSet(init);
    config.adminEmail = parser.value(adminEmail).trimmed();
    config.demo = parser.isSet(demo);
    // The sandbox's logins are random passwords (16 base62 characters, ~95 bits) on a throw-away database: scrypt's
    // cost guards weak human passwords, not these, and at N=2^17 it made up most of the demo's start-up.
    if (config.demo)
        config.scryptLogN = ServerConfig::DemoScryptLogN;
    config.allowPlainHttp = parser.isSet(allowPlain);
    if (!config.tlsEnabled() && !config.allowPlainHttp && !config.listenAddress.isLoopback())
        return fail(tr("Plain HTTP is served on loopback addresses only: give --tls-cert and --tls-key, or "
                       "--allow-plain-http when a TLS-terminating proxy is in front."));
    if (parser.isSet(privateMax)) {
        bool ok = false;
        config.privateTokenMaxDays = parser.value(privateMax).toInt(&ok);
        if (!ok || config.privateTokenMaxDays < 1 || config.privateTokenMaxDays > 3650)
            return fail(tr("--private-token-max-days takes 1 to 3650."));
    }
    if (parser.isSet(authCache)) {
        bool ok = false;
        config.authCacheMs = parser.value(authCache).toInt(&ok);
        if (!ok || config.authCacheMs < 0 || config.authCacheMs > 60000)
            return fail(tr("--auth-cache-ms takes 0 to 60000."));
    }
    // Whole-number options: {option, lowest, highest, where it goes, scale}.
    const struct
    {
        const QCommandLineOption& option;
        qint64 lowest;
        qint64 highest;
        qint64 scale;
        std::function<void(qint64)> set;
    } numbers[] = {
        {notificationScan, 1, 3600, 1000,
         [&](qint64 v) {
             config.notificationScanMs = int(v);
         }},
        {maxConnections, 1, 1000000, 1,
         [&](qint64 v) {
             config.maxConnections = int(v);
         }},
        {maxPerClient, 0, 1000000, 1,
         [&](qint64 v) {
             config.maxConnectionsPerClient = int(v);
         }},
        {maxBodyMemory, 1, 1024 * 1024, 1024 * 1024,
         [&](qint64 v) {
             config.maxBodyMemory = v;
         }},
        {idleTimeout, 1, 3600, 1000,
         [&](qint64 v) {
             config.idleTimeoutMs = int(v);
         }},
        {requestTimeout, 1, 3600, 1000,
         [&](qint64 v) {
             config.requestTimeoutMs = int(v);
         }},
        {handshakeTimeout, 1, 600, 1000,
         [&](qint64 v) {
             config.handshakeTimeoutMs = int(v);
         }},
        {maxQueuedLogins, 1, 100000, 1,
         [&](qint64 v) {
             config.maxQueuedLogins = int(v);
         }},
        {loginFailuresGlobal, 1, 10000000, 1,
         [&](qint64 v) {
             config.loginFailuresGlobal = int(v);
         }},
        {auditRetention, 0, 36500, 1,
         [&](qint64 v) {
             config.auditRetentionDays = int(v);
         }},
    };
    for (const auto& n : numbers) {
        if (!parser.isSet(n.option))
            continue;
        bool ok = false;
        const qint64 value = parser.value(n.option).toLongLong(&ok);
        if (!ok || value < n.lowest || value > n.highest)
            return fail(tr("--%1 takes a whole number from %2 to %3.")
                            .arg(n.option.names().constFirst())
                            .arg(n.lowest)
                            .arg(n.highest));
        n.set(value * n.scale);
    }
    config.addUserEmail = parser.value(addUser).trimmed();
    config.tenantId = parser.value(tenant).trimmed();
    config.tenantName = parser.value(tenantName).trimmed();
    config.role = parser.value(role);
    config.username = parser.value(username).trimmed();
    if (!config.addUserEmail.isEmpty()) {
        if (config.tenantId.isEmpty())
            return fail(tr("--add-user needs --tenant."));
        if (config.role != u"admin"_s && config.role != u"member"_s)
            return fail(tr("--role is admin or member."));
        if (config.demo || config.init)
            return fail(tr("--add-user is a command of its own; do not combine it with --init or --demo."));
    }
    if (config.init && config.demo)
        return fail(tr("--init and --demo exclude each other."));
    if (config.init && config.adminEmail.isEmpty())
        return fail(tr("--init needs --admin-email."));
    if (!config.demo && config.databasePath.isEmpty())
        return fail(tr("--db is required (or use --demo for a throw-away sandbox)."));
    if (parser.isSet(workers)) {
        bool ok = false;
        config.workers = parser.value(workers).toInt(&ok);
        if (!ok || config.workers < 1 || config.workers > 64)
            return fail(tr("--workers takes a number from 1 to 64."));
    }
    for (const QString& entry : parser.values(trustedProxy)) {
        const auto cidr = protocol::Cidr::parse(entry, &error);
        if (!cidr)
            return fail(tr("--trusted-proxy %1: %2").arg(entry, error));
        config.trustedProxies.append(*cidr);
    }
    if (parser.isSet(issuer))
        config.issuer = parser.value(issuer);
    if (parser.isSet(scopes)) {
        QFile file(parser.value(scopes));
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the scope catalog %1: %2").arg(file.fileName(), file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject())
            return fail(
                tr("The scope catalog %1 is not a JSON object: %2").arg(file.fileName(), parseError.errorString()));
        const auto catalog = protocol::ScopeCatalog::fromJson(doc.object(), &error);
        if (!catalog)
            return fail(tr("The scope catalog %1 is invalid: %2").arg(file.fileName(), error));
        config.scopes = *catalog;
    }
    // After the scope catalog: the policy names its scopes.
    if (parser.isSet(authzPolicy)) {
        QFile file(parser.value(authzPolicy));
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the authz policy %1: %2").arg(file.fileName(), file.errorString()));
        const auto policy = AuthzPolicy::parse(QString::fromUtf8(file.readAll()), config.scopes, &error);
        if (!policy)
            return fail(tr("The authz policy %1 is invalid: %2").arg(file.fileName(), error));
        config.authzPolicy = std::make_shared<const AuthzPolicy>(*policy);
        config.authzPolicyPath = file.fileName();
    }
    if (parser.isSet(notificationCa)) {
        QFile file(parser.value(notificationCa));
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the notification CA file %1: %2").arg(file.fileName(), file.errorString()));
        config.notificationCas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (config.notificationCas.isEmpty())
            return fail(tr("The notification CA file %1 holds no PEM certificate.").arg(file.fileName()));
    }
#ifdef TOKENDESK_TEST_HOOKS
    if (parser.isSet(scryptLogN)) {
        config.scryptLogN = parser.value(scryptLogN).toInt();
        if (config.scryptLogN < 10 || config.scryptLogN > 20)
            return fail(tr("--scrypt-log-n takes 10 to 20."));
    }
#endif
    result.config = config;
    return result;
}

} // namespace td::server
