#include "CredentialService.h"

#include "ApiClient.h"
#include "CredentialLoader.h"
#include "CredentialModel.h"

namespace td::app {

CredentialService::CredentialService(CredentialKind kind, ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_kind(kind)
    , m_client(client)
    , m_model(new CredentialModel(this))
{
    m_model->setKind(kind);
}

CredentialService::~CredentialService() = default;

bool CredentialService::isLoading() const
{
    return m_loader && m_loader->isRunning();
}

void CredentialService::setBusy(bool busy)
{
    const bool was = m_busy > 0;
    m_busy = qMax(0, m_busy + (busy ? 1 : -1));
    if (was != (m_busy > 0))
        emit busyChanged(m_busy > 0);
}

void CredentialService::reload()
{
    if (!m_loader) {
        m_loader = new CredentialLoader(m_client, m_kind, this);
        connect(m_loader, &CredentialLoader::firstPageReady, this, [this] { m_model->setRows(m_loader->takeRows()); });
        connect(m_loader, &CredentialLoader::progress, this, &CredentialService::loadProgress);
        connect(m_loader, &CredentialLoader::finished, this, [this] {
            setBusy(false);
            if (!m_loader->error().ok()) {
                emit loadFailed(m_loader->error());
                return;
            }
            if (m_loader->pages() > 1)
                m_model->appendRows(m_loader->takeRows());
            emit loaded(m_model->rowCount());
        });
    }
    if (m_loader->isRunning()) {
        m_loader->abort(); // this reload replaces it
        setBusy(false);
    }
    setBusy(true);
    m_loader->start();
}

void CredentialService::fetchCatalog()
{
    if (m_catalog && m_limits) {
        emit catalogReady();
        return;
    }
    if (m_fetchingCatalog)
        return;
    m_fetchingCatalog = true;
    setBusy(true);
    // The scope catalog, then the limits the forms keep: both before a form opens.
    runJob(new ScopesJob(m_client, this), this, [this](ScopesJob* scopes) {
        if (!scopes->error().ok()) {
            m_fetchingCatalog = false;
            setBusy(false);
            emit catalogFailed(scopes->error());
            return;
        }
        const protocol::ScopeCatalog catalog = scopes->catalog();
        runJob(new LimitsJob(m_client, this), this, [this, catalog](LimitsJob* limits) {
            m_fetchingCatalog = false;
            setBusy(false);
            if (!limits->error().ok()) {
                emit catalogFailed(limits->error());
                return;
            }
            m_catalog = catalog;
            m_limits = limits->limits();
            emit catalogReady();
        });
    });
}

int CredentialService::create(const NewCredential& request)
{
    const int number = ++m_lastRequest;
    setBusy(true);
    runJob(new CreateCredentialJob(m_client, m_kind, request, this), this, [this, number](CreateCredentialJob* job) {
        setBusy(false);
        if (!job->error().ok()) {
            emit createFailed(number, job->error());
            return;
        }
        m_model->upsert(job->result().record);
        emit created(number, job->result().record, job->takeSecret());
    });
    return number;
}

int CredentialService::update(const QString& id, const QJsonObject& changes)
{
    const int number = ++m_lastRequest;
    setBusy(true);
    runJob(new UpdateCredentialJob(m_client, m_kind, id, changes, this), this,
           [this, number](UpdateCredentialJob* job) {
               setBusy(false);
               if (!job->error().ok()) {
                   emit updateFailed(number, job->error());
                   return;
               }
               m_model->upsert(job->record());
               emit updated(number, job->record());
           });
    return number;
}

void CredentialService::rotate(const QString& id, qint64 graceSeconds, std::optional<QDateTime> expiry)
{
    setBusy(true);
    const int row = m_model->rowOf(id);
    const QString name = row >= 0 ? m_model->record(row).name : QString();
    runJob(new RotateCredentialJob(m_client, m_kind, id, graceSeconds, std::move(expiry), this), this,
           [this, name](RotateCredentialJob* job) {
               setBusy(false);
               if (!job->error().ok()) {
                   emit changeFailed(job->error());
                   return;
               }
               QList<protocol::ApiKeyDto> changed{job->result().record};
               if (job->result().previous)
                   changed.append(*job->result().previous);
               m_model->upsert(changed);
               emit rotated(job->result().record, job->takeSecret(), name);
           });
}

void CredentialService::setSuspended(const QString& id, bool suspended)
{
    setBusy(true);
    runJob(new SuspendCredentialJob(m_client, m_kind, id, suspended, this), this, [this](SuspendCredentialJob* job) {
        setBusy(false);
        if (!job->error().ok()) {
            emit changeFailed(job->error());
            return;
        }
        m_model->upsert(job->record());
        emit suspendedChanged(job->record());
    });
}

struct CredentialService::RevokeRun
{
    QStringList pending;
    int total = 0;
    int done = 0;
    QList<protocol::ApiKeyDto> records;
    RevokeOutcome outcome;
};

bool CredentialService::revoke(const QStringList& ids)
{
    if (m_revoke || ids.isEmpty())
        return false;
    m_revoke = std::make_unique<RevokeRun>();
    for (const QString& id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && m_model->rows().status(row) == protocol::KeyStatus::Revoked)
            ++m_revoke->outcome.alreadyRevoked;
        else
            m_revoke->pending.append(id);
    }
    m_revoke->total = int(m_revoke->pending.size());
    setBusy(true);
    emit revokeProgress(0, m_revoke->total);
    sendNextRevoke();
    return true;
}

void CredentialService::cancelRevoke()
{
    if (m_revoke)
        m_revoke->outcome.cancelled = true;
}

void CredentialService::sendNextRevoke()
{
    RevokeRun& run = *m_revoke;
    if (run.pending.isEmpty() || run.outcome.cancelled) {
        finishRevoke();
        return;
    }
    const QStringList chunk = run.pending.mid(0, protocol::MaxBulkRevokeIds);
    run.pending.remove(0, chunk.size());
    runJob(new RevokeCredentialsJob(m_client, m_kind, chunk, this), this,
           [this, sent = int(chunk.size())](RevokeCredentialsJob* job) {
               RevokeRun& current = *m_revoke;
               if (!job->error().ok()) {
                   current.outcome.error = job->error();
                   current.outcome.notRevoked += sent; // each request is all or nothing
                   finishRevoke();
                   return;
               }
               current.records.append(job->records());
               current.outcome.revoked += sent;
               current.done += sent;
               emit revokeProgress(current.done, current.total);
               sendNextRevoke();
           });
}

void CredentialService::finishRevoke()
{
    std::unique_ptr<RevokeRun> run = std::move(m_revoke);
    run->outcome.notRevoked += int(run->pending.size());
    m_model->upsert(run->records); // one update, whatever follows the model rebuilds once
    setBusy(false);
    emit revoked(run->outcome);
}

} // namespace td::app
