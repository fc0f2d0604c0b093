#pragma once

#include "CredentialKind.h"
#include "CredentialRows.h"
#include "Jobs.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace td::app {

// Loads every credential of a kind, page by page (1000 a page), the way the pages of the console need it: the first
// page at once (firstPageReady), the rest gathered and handed over in one piece at the end (finished), so that the
// table is sorted and filtered twice instead of once per page.
//
// While a page is being read the next one is already asked for: the server announces its address in a Link header
// before the body (RFC 8288), so the server prepares page n+1 while the console parses page n. The cursor in the
// body stays authoritative: if it differs from the announced one, the early request is dropped and the right page
// asked for. Against a server without the header, pages follow one another.
class CredentialLoader final : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 1000;

    CredentialLoader(ApiClient* client, CredentialKind kind, QObject* parent = nullptr);
    ~CredentialLoader() override;

    void setPageSize(int size) { m_pageSize = size; } // 1 to 1000
    // Only records of this status (the server's ?status=); none: every record.
    void setStatus(std::optional<protocol::KeyStatus> status) { m_status = status; }
    void start();
    void abort(); // nothing more is emitted
    bool isRunning() const { return m_current != nullptr; }

    const ApiError& error() const { return m_error; }
    int loaded() const { return m_loaded; }
    int pages() const { return m_pages; }
    int earlyRequests() const { return m_earlyRequests; } // pages asked for from the Link header
    // After firstPageReady: the first page; after finished: every later page.
    CredentialRows takeRows() { return std::exchange(m_rows, {}); }

signals:
    void firstPageReady();
    void progress(int loaded);
    void finished(); // error() says whether it worked

private:
    void request(const QString& cursor, QPointer<ListCredentialsJob>& slot);
    void onAnnounced(ListCredentialsJob* job, const QString& cursor);
    void onPage(ListCredentialsJob* job);
    void fail(const ApiError& error);
    void drop(QPointer<ListCredentialsJob>& job);

    ApiClient* m_client;
    CredentialKind m_kind;
    QPointer<ListCredentialsJob> m_current; // the page being waited for
    QPointer<ListCredentialsJob> m_early;   // the next page, asked for from the Link header
    QString m_earlyCursor;
    CredentialRows m_rows;
    ApiError m_error;
    int m_loaded = 0;
    int m_pages = 0;
    int m_earlyRequests = 0;
    int m_pageSize = PageSize;
    std::optional<protocol::KeyStatus> m_status;
    quint64 m_run = 0; // changes with every abort() and start()
};

} // namespace td::app
