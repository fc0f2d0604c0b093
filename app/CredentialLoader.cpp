#include "CredentialLoader.h"

namespace td::app {

CredentialLoader::CredentialLoader(ApiClient* client, CredentialKind kind, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_kind(kind)
{}

CredentialLoader::~CredentialLoader()
{
    abort();
}

void CredentialLoader::start()
{
    abort();
    m_rows.clear();
    m_error = {};
    m_loaded = 0;
    m_pages = 0;
    m_earlyRequests = 0;
    request({}, m_current);
}

void CredentialLoader::drop(QPointer<ListCredentialsJob>& job)
{
    if (!job)
        return;
    ListCredentialsJob* j = job;
    job = nullptr;
    disconnect(j, nullptr, this, nullptr);
    j->abort();
    j->deleteLater();
}

void CredentialLoader::abort()
{
    ++m_run;
    drop(m_current);
    drop(m_early);
    m_earlyCursor.clear();
}

void CredentialLoader::request(const QString& cursor, QPointer<ListCredentialsJob>& slot)
{
    CredentialListQuery query;
    query.limit = m_pageSize;
    query.status = m_status;
    query.cursor = cursor;
    auto* job = new ListCredentialsJob(m_client, m_kind, query, this);
    connect(job, &ListCredentialsJob::nextPageAnnounced, this,
            [this, job](const QString& next) { onAnnounced(job, next); });
    connect(job, &ApiJob::finished, this, [this, job] { onPage(job); });
    slot = job; // before start(): a job may finish inside it (no client any more)
    job->start();
}

void CredentialLoader::onAnnounced(ListCredentialsJob* job, const QString& cursor)
{
    // Only the page being waited for may start the next one, and only one early request at a time.
    if (job != m_current || m_early)
        return;
    m_earlyCursor = cursor;
    ++m_earlyRequests;
    request(cursor, m_early);
}

void CredentialLoader::onPage(ListCredentialsJob* job)
{
    if (job != m_current) {
        // An early request finished before the page before it was read: it waits as m_early and is taken up below.
        return;
    }
    m_current = nullptr;
    job->deleteLater();
    if (!job->error().ok()) {
        fail(job->error());
        return;
    }
    CredentialRows rows = job->takeRows();
    m_loaded += rows.size();
    ++m_pages;
    const QString next = job->nextCursor();
    if (m_pages == 1) {
        m_rows = std::move(rows);
        const quint64 first = m_run;
        emit firstPageReady();
        if (first != m_run)
            return; // aborted or started again from the slot
    } else {
        m_rows.append(std::move(rows));
    }
    if (next.isEmpty()) {
        drop(m_early); // announced, but the body says this was the last page
        const quint64 run = m_run;
        emit progress(m_loaded);
        if (run == m_run)
            emit finished();
        return;
    }
    const quint64 run = m_run;
    emit progress(m_loaded);
    if (run != m_run)
        return; // aborted or started again from the slot
    QPointer<ListCredentialsJob> early = std::exchange(m_early, nullptr);
    const QString earlyCursor = std::exchange(m_earlyCursor, {});
    if (early && earlyCursor == next) {
        m_current = early;
        if (early->isFinished()) {
            onPage(early); // it had finished already
        } else if (!early->announcedCursor().isEmpty()) {
            ListCredentialsJob* current = early;
            onAnnounced(current, current->announcedCursor()); // its headers came while it waited its turn
        }
        return;
    }
    drop(early);
    request(next, m_current);
}

void CredentialLoader::fail(const ApiError& error)
{
    abort();
    m_error = error;
    emit finished();
}

} // namespace td::app
