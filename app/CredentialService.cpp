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
    if (m_catalog) {
        emit catalogReady();
        return;
    }
    if (m_fetchingCatalog)
        return;
    m_fetchingCatalog = true;
    setBusy(true);
    runJob(new ScopesJob(m_client, this), this, [this](ScopesJob* job) {
        m_fetchingCatalog = false;
        setBusy(false);
        if (!job->error().ok()) {
            emit catalogFailed(job->error());
            return;
        }
        m_catalog = job->catalog();
        emit catalogReady();
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

void CredentialService::rotate(const QString& id, qint64 graceSeconds)
{
    setBusy(true);
    const int row = m_model->rowOf(id);
    const QString name = row >= 0 ? m_model->record(row).name : QString();
    runJob(new RotateCredentialJob(m_client, m_kind, id, graceSeconds, this), this,
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

void CredentialService::revoke(const QStringList& ids)
{
    if (ids.isEmpty())
        return;
    setBusy(true);
    runJob(new RevokeCredentialsJob(m_client, m_kind, ids, this), this, [this](RevokeCredentialsJob* job) {
        setBusy(false);
        if (!job->error().ok()) {
            emit changeFailed(job->error());
            return;
        }
        m_model->upsert(job->records());
        emit revoked(int(job->records().size()));
    });
}

} // namespace td::app
