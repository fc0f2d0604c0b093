// CredentialLoader against the real server: every page in order, the first one at once, the next page asked for from
// the Link header while the current one is read, abort, and a stopped server.
#include "TestServer.h"
#include "app/ApiClient.h"
#include "app/CredentialLoader.h"
#include "app/Jobs.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::ApiClient;
using td::app::ApiError;
using td::app::CredentialKind;
using td::app::CredentialListQuery;
using td::app::CredentialLoader;
using td::app::CredentialRows;
using td::test::TestServer;

namespace {

QStringList idsOf(const CredentialRows& rows)
{
    QStringList ids;
    for (int row = 0; row < rows.size(); ++row)
        ids.append(rows.id(row));
    return ids;
}

} // namespace

class TestCredentialLoader : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    ApiClient m_client;
    QStringList m_created; // newest first, as the list answers

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_client.setBaseUrl(m_server.url());
        m_client.setAccessToken(m_server.adminToken().toLatin1());
        for (int i = 0; i < 7; ++i) {
            const auto key = m_server.createKey(u"loader key %1"_s.arg(i), {u"read:products"_s});
            QVERIFY(!key.first.isEmpty());
            m_created.prepend(key.first);
            QTest::qWait(2); // newest first is by creation time in ms; keys of one millisecond tie
        }
    }

    void theLinkHeaderAnnouncesTheBodysCursor()
    {
        QString cursor;
        int pages = 0;
        do {
            CredentialListQuery query;
            query.limit = 3;
            query.cursor = cursor;
            td::app::ListCredentialsJob job(&m_client, CredentialKind::ApiKey, query);
            QSignalSpy finished(&job, &td::app::ApiJob::finished);
            job.start();
            QVERIFY(finished.wait(30000));
            QVERIFY(job.error().ok());
            QCOMPARE(job.announcedCursor(), job.nextCursor()); // empty on the last page
            cursor = job.nextCursor();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
    }

    void loadsEveryPageInOrder()
    {
        CredentialLoader loader(&m_client, CredentialKind::ApiKey);
        loader.setPageSize(2);
        QStringList order;
        CredentialRows first;
        connect(&loader, &CredentialLoader::firstPageReady, this, [&] {
            order.append(u"first"_s);
            first = loader.takeRows();
        });
        connect(&loader, &CredentialLoader::finished, this, [&] { order.append(u"finished"_s); });
        QSignalSpy progress(&loader, &CredentialLoader::progress);
        QSignalSpy finished(&loader, &CredentialLoader::finished);
        loader.start();
        QVERIFY(loader.isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY2(loader.error().ok(), qPrintable(loader.error().userMessage()));
        QVERIFY(!loader.isRunning());
        QCOMPARE(order, (QStringList{u"first"_s, u"finished"_s}));
        QCOMPARE(first.size(), 2);
        const CredentialRows rest = loader.takeRows();
        QCOMPARE(idsOf(first) + idsOf(rest), m_created);
        QCOMPARE(loader.loaded(), 7);
        QCOMPARE(loader.pages(), 4);
        QCOMPARE(progress.size(), 4);
        QCOMPARE(progress.constLast().at(0).toInt(), 7);
        // Every page after the first was asked for from the header of the one before.
        QCOMPARE(loader.earlyRequests(), 3);
    }

    void aSinglePageNeedsNoMore()
    {
        CredentialLoader loader(&m_client, CredentialKind::ApiKey);
        QSignalSpy first(&loader, &CredentialLoader::firstPageReady);
        QSignalSpy finished(&loader, &CredentialLoader::finished);
        loader.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(first.size(), 1);
        QCOMPARE(loader.pages(), 1);
        QCOMPARE(loader.earlyRequests(), 0);
        QCOMPARE(idsOf(loader.takeRows()), m_created);
    }

    void abortStopsEverything()
    {
        CredentialLoader loader(&m_client, CredentialKind::ApiKey);
        loader.setPageSize(2);
        QSignalSpy finished(&loader, &CredentialLoader::finished);
        QSignalSpy progress(&loader, &CredentialLoader::progress);
        connect(&loader, &CredentialLoader::firstPageReady, &loader, &CredentialLoader::abort);
        loader.start();
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isRunning(), 30000);
        QTest::qWait(500);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(progress.size(), 0); // aborted from inside the first page's signal
        QCOMPARE(loader.pages(), 1);
        // Startable again.
        loader.disconnect(this);
        disconnect(&loader, &CredentialLoader::firstPageReady, &loader, &CredentialLoader::abort);
        loader.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(loader.loaded(), 7);
    }

    void aStoppedServerEndsWithAnError()
    {
        TestServer stopped;
        QVERIFY(stopped.start());
        ApiClient client;
        client.setBaseUrl(stopped.url());
        client.setAccessToken(stopped.adminToken().toLatin1());
        stopped.stop();
        CredentialLoader loader(&client, CredentialKind::ApiKey);
        QSignalSpy finished(&loader, &CredentialLoader::finished);
        loader.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(loader.error().kind, ApiError::Kind::Network);
        QVERIFY(!loader.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestCredentialLoader)
#include "tst_credentialloader.moc"
