#pragma once

#include "ApiError.h"
#include "CredentialKind.h"
#include "Jobs.h"
#include "protocol/Dto.h"
#include "protocol/Scopes.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace td::app {

// How a revoke of one or many credentials ended.
struct RevokeOutcome
{
    int revoked = 0;        // now revoked by this request
    int alreadyRevoked = 0; // skipped: revoked before (not sent, not audited again)
    int notRevoked = 0;     // not sent: cancelled, or after a failed request
    bool cancelled = false;
    ApiError error; // the failure that stopped it, if any
};

class ApiClient;
class CredentialLoader;
class CredentialModel;

// The console's state of one kind of credential: its model, its loading and every change to it. Pages and the
// expiry overview only read the model and ask the service; results come back as signals, and the model follows the
// server's answer to every change, so that every view of a record (table row, details pane, actions, counts, expiry
// overview) shows the same thing. A failed change changes nothing. A secret passes through a signal once and is
// never kept.
class CredentialService final : public QObject
{
    Q_OBJECT
public:
    CredentialService(CredentialKind kind, ApiClient* client, QObject* parent = nullptr);
    ~CredentialService() override;
    Q_DISABLE_COPY_MOVE(CredentialService)

    CredentialKind kind() const { return m_kind; }
    ApiClient* client() const { return m_client; }
    CredentialModel* model() const { return m_model; }
    bool isBusy() const { return m_busy > 0; }
    bool isLoading() const;
    const std::optional<protocol::ScopeCatalog>& catalog() const { return m_catalog; }
    const std::optional<Limits>& limits() const { return m_limits; }

    // Loads every record anew (a load in progress is replaced). The first page shows at once; the rest are added in
    // one step, so that the table is filtered and sorted once.
    void reload();
    // Fetches the scope catalog and the limits once (catalogReady at once when they are known).
    void fetchCatalog();
    // Returns the request's number, which created or createFailed carries back.
    int create(const NewCredential& request);
    // Changes what PATCH accepts ({"name", "description", "ipAllowlist"}); the answer carries the number back.
    int update(const QString& id, const QJsonObject& changes);
    // expiry: nullopt keeps the old one's lifetime; an invalid time: never (where the kind allows it).
    void rotate(const QString& id, qint64 graceSeconds, std::optional<QDateTime> expiry = std::nullopt);
    void setSuspended(const QString& id, bool suspended); // suspend or resume one credential
    // Revokes what is not revoked yet among ids (the already revoked are skipped and counted), in requests the server
    // accepts (at most protocol::MaxBulkRevokeIds ids each, each all-or-nothing), one after the other. What the
    // server revoked lands in the model as one update at the end, also after a cancel or a failure. One at a time:
    // false if a revoke is running.
    bool revoke(const QStringList& ids);
    // The request in flight completes; no further one is sent.
    void cancelRevoke();
    bool isRevoking() const { return bool(m_revoke); }

signals:
    void busyChanged(bool busy);
    void loadProgress(int loaded);
    void loaded(int count);
    void loadFailed(const td::app::ApiError& error);
    void catalogReady();
    void catalogFailed(const td::app::ApiError& error);
    void created(int request, const td::protocol::ApiKeyDto& record, const QByteArray& secret);
    void createFailed(int request, const td::app::ApiError& error);
    void updated(int request, const td::protocol::ApiKeyDto& record);
    void updateFailed(int request, const td::app::ApiError& error);
    void rotated(const td::protocol::ApiKeyDto& successor, const QByteArray& secret, const QString& previousName);
    void revokeProgress(int done, int total);            // ids sent and answered, of those to revoke
    void revoked(const td::app::RevokeOutcome& outcome); // finished, failed or cancelled: see outcome.error
    void changeFailed(const td::app::ApiError& error);   // a rotate, a suspend or a resume
    void suspendedChanged(const td::protocol::ApiKeyDto& record);

private:
    struct RevokeRun;
    void setBusy(bool busy);
    void sendNextRevoke();
    void finishRevoke();

    CredentialKind m_kind;
    ApiClient* m_client;
    CredentialModel* m_model;
    CredentialLoader* m_loader = nullptr;
    std::optional<protocol::ScopeCatalog> m_catalog;
    std::optional<Limits> m_limits;
    bool m_fetchingCatalog = false;
    int m_lastRequest = 0;
    int m_busy = 0;
    std::unique_ptr<RevokeRun> m_revoke;
};

} // namespace td::app

Q_DECLARE_METATYPE(td::app::RevokeOutcome)
