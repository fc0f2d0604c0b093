#pragma once

#include "ApiError.h"
#include "CredentialKind.h"
#include "Jobs.h"
#include "protocol/Dto.h"
#include "protocol/Scopes.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace td::app {

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
    CredentialModel* model() const { return m_model; }
    bool isBusy() const { return m_busy > 0; }
    bool isLoading() const;
    const std::optional<protocol::ScopeCatalog>& catalog() const { return m_catalog; }

    // Loads every record anew (a load in progress is replaced). The first page shows at once; the rest are added in
    // one step, so that the table is filtered and sorted once.
    void reload();
    // Fetches the scope catalog once (catalogReady at once when it is known).
    void fetchCatalog();
    // Returns the request's number, which created or createFailed carries back.
    int create(const NewCredential& request);
    // Changes what PATCH accepts ({"name", "description", "ipAllowlist"}); the answer carries the number back.
    int update(const QString& id, const QJsonObject& changes);
    void rotate(const QString& id, qint64 graceSeconds);
    void revoke(const QStringList& ids); // one id, or the all-or-nothing bulk revoke

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
    void revoked(int count);
    void changeFailed(const td::app::ApiError& error); // a rotate or a revoke

private:
    void setBusy(bool busy);

    CredentialKind m_kind;
    ApiClient* m_client;
    CredentialModel* m_model;
    CredentialLoader* m_loader = nullptr;
    std::optional<protocol::ScopeCatalog> m_catalog;
    bool m_fetchingCatalog = false;
    int m_lastRequest = 0;
    int m_busy = 0;
};

} // namespace td::app
