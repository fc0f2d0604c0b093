#pragma once

#include "AuthzPolicy.h"
#include "protocol/Cidr.h"
#include "protocol/Scopes.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace td::server {

struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;
    QString databasePath;
    QString keyFilePath; // default: <databasePath>.keys
    QString tlsCertPath;
    QString tlsKeyPath;
    bool init = false;
    QString adminEmail;
    bool demo = false;
    // --add-user EMAIL --tenant ID [--tenant-name NAME] [--role admin|member] [--username NAME]
    QString addUserEmail;
    QString tenantId;
    QString tenantName;
    QString role = QStringLiteral("member");
    QString username;
    int workers = 2;
    QList<protocol::Cidr> trustedProxies;
    QString issuer = QStringLiteral("tokendesk");
    QString audience = QStringLiteral("tokendesk-api");
    protocol::ScopeCatalog scopes = protocol::ScopeCatalog::defaults();
    int scryptLogN = 17;
    static constexpr int DemoScryptLogN = 14; // --demo only: see Config.cpp
    int maxConcurrentHashes = 2;
    // Login limits: failed attempts per account and attempts per client address, per window.
    int loginFailuresPerAccount = 5;
    int loginAttemptsPerAddress = 30;
    int loginWindowSeconds = 300;
    qint64 maxBodyBytes = 1024 * 1024;
    // Connection limits (issue: a flood must not stop the server from serving others).
    int maxConnections = 0;                     // open connections per worker; 0: derived from RLIMIT_NOFILE at start
    int maxConnectionsPerClient = 256;          // per client address (IPv6: per /64), all workers together; 0: none
    qint64 maxBodyMemory = 256LL * 1024 * 1024; // request bodies buffered by all connections together
    int idleTimeoutMs = 75 * 1000;              // a keep-alive connection between requests
    int requestTimeoutMs = 30 * 1000;           // from a request's first byte (blank lines included) to its last
    int handshakeTimeoutMs = 10 * 1000;         // TLS handshake
    // Password hashing: at most this many logins wait for a hash; more get 503 with Retry-After.
    int maxQueuedLogins = 64;
    // Failed logins of all accounts together per login window; past it, only clients without a failure of their
    // own in the window may try.
    int loginFailuresGlobal = 500;
    int auditRetentionDays = 400; // 0: keep audit events for ever
    int usageFlushMs = 1000;
    // Notifications (Notifier): how often the outbox is read for due deliveries, and how often the time-based
    // events (expiring, expired, refused spikes) are looked for.
    int notificationPollMs = 1000;
    int notificationScanMs = 60 * 1000;
    // --notification-ca: CA certificates (PEM) trusted for https notification endpoints besides the system's.
    QList<QSslCertificate> notificationCas;
    // How long authentication may use a credential or user read from the database before reading it again; changes
    // made by this process drop it at once (AuthCache). 0: read the database for every request.
    int authCacheMs = 1000;
    int privateTokenMaxDays = 365;
    // --authz-policy: what /api/v1/authz requires of each request to the protected API; none: it denies all.
    QString authzPolicyPath;
    std::shared_ptr<const AuthzPolicy> authzPolicy;
    bool allowPlainHttp = false;
    bool listRoutes = false;
    QString migrateFrom; // --migrate-from sqlite:PATH: the SQLite file
    QString backupPath;  // --backup PATH: copy the database there, then exit

    bool tlsEnabled() const { return !tlsCertPath.isEmpty(); }
    QString resolvedKeyFilePath() const
    {
        return keyFilePath.isEmpty() ? databasePath + QStringLiteral(".keys") : keyFilePath;
    }
};

struct ParsedCommandLine
{
    std::optional<ServerConfig> config; // nullopt: exit with exitCode after printing message
    int exitCode = 0;
    QString message;
};

ParsedCommandLine parseCommandLine(const QStringList& arguments);

} // namespace td::server
