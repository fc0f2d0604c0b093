// CredentialService against the real server: the model follows every change the server acknowledges, a failed change
// leaves it as it was, a secret reaches the caller once and never the model, and every view of the model is told.
#include "TestServer.h"
#include "app/ApiClient.h"
#include "app/CredentialModel.h"
#include "app/CredentialService.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::ApiClient;
using td::app::ApiError;
using td::app::CredentialKind;
using td::app::CredentialModel;
using td::app::CredentialService;
using td::app::RevokeOutcome;
using td::protocol::ApiKeyDto;
using td::protocol::KeyStatus;
using td::test::HttpResult;
using td::test::TestServer;

namespace {

QString modelText(const CredentialModel& model)
{
    QString text;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(CredentialModel::IdRole)})
                text += model.index(row, column).data(role).toString() + u'\n';
        }
    }
    return text;
}

} // namespace

class TestCredentialService : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    ApiClient m_client;

    // A service of the kind, loaded.
    std::unique_ptr<CredentialService> loaded(CredentialKind kind)
    {
        auto service = std::make_unique<CredentialService>(kind, &m_client);
        QSignalSpy done(service.get(), &CredentialService::loaded);
        service->reload();
        if (!done.wait(30000))
            return nullptr;
        return service;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_client.setBaseUrl(m_server.url());
        m_client.setAccessToken(m_server.adminToken().toLatin1());
        QVERIFY(!m_server.createKey(u"existing"_s, {u"read:products"_s}).first.isEmpty());
    }

    void createRotateRevokeFollowTheServer()
    {
        auto service = loaded(CredentialKind::ApiKey);
        QVERIFY(service);
        CredentialModel* model = service->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = model->rowCount();
        QVERIFY(before >= 1);
        QSignalSpy busy(service.get(), &CredentialService::busyChanged);

        // Create: the record at the top, the secret only in the signal.
        QSignalSpy created(service.get(), &CredentialService::created);
        td::app::NewCredential request;
        request.name = u"Service key"_s;
        request.scopes = {u"read:products"_s};
        const int number = service->create(request);
        QVERIFY(service->isBusy());
        QVERIFY(created.wait(30000));
        QCOMPARE(created.at(0).at(0).toInt(), number);
        QVERIFY(!service->isBusy());
        QCOMPARE(busy.size(), 2); // busy, then idle
        const ApiKeyDto record = created.at(0).at(1).value<ApiKeyDto>();
        const QByteArray secret = created.at(0).at(2).toByteArray();
        QVERIFY(secret.startsWith("tdk_"));
        QCOMPARE(model->rowCount(), before + 1);
        QCOMPARE(model->rowOf(record.id), 0);
        QVERIFY(!modelText(*model).contains(QString::fromLatin1(secret)));
        // The secret works against the server.
        QCOMPARE(m_server.get(u"/api/v1/me"_s, TestServer::apiKey(QString::fromLatin1(secret))).status, 200);

        // Rotate: the successor is added, the old one now ends with the grace period and names its successor.
        QSignalSpy rotated(service.get(), &CredentialService::rotated);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        service->rotate(record.id, 60);
        QVERIFY(rotated.wait(30000));
        const ApiKeyDto successor = rotated.at(0).at(0).value<ApiKeyDto>();
        QCOMPARE(rotated.at(0).at(2).toString(), u"Service key"_s);
        QVERIFY(rotated.at(0).at(1).toByteArray().startsWith("tdk_"));
        QCOMPARE(model->rowCount(), before + 2);
        QVERIFY(!changed.isEmpty());
        const ApiKeyDto old = model->record(model->rowOf(record.id));
        QCOMPARE(old.rotatedTo, successor.id);
        QVERIFY(old.expiresAt.isValid());
        QCOMPARE(model->record(model->rowOf(successor.id)).rotatedFrom, record.id);

        // Revoke both at once: the model says revoked for both, as the server does.
        QSignalSpy revoked(service.get(), &CredentialService::revoked);
        QVERIFY(service->revoke({record.id, successor.id}));
        QVERIFY(revoked.wait(30000));
        QCOMPARE(revoked.at(0).at(0).value<RevokeOutcome>().revoked, 2);
        QVERIFY(revoked.at(0).at(0).value<RevokeOutcome>().error.ok());
        QVERIFY(model->record(model->rowOf(record.id)).status == KeyStatus::Revoked);
        QVERIFY(model->record(model->rowOf(successor.id)).status == KeyStatus::Revoked);
        QCOMPARE(model->rowCount(), before + 2);

        // A second service loaded now sees what the first one shows.
        auto fresh = loaded(CredentialKind::ApiKey);
        QVERIFY(fresh);
        QCOMPARE(fresh->model()->rowCount(), model->rowCount());
        QVERIFY(fresh->model()->record(fresh->model()->rowOf(successor.id)).status == KeyStatus::Revoked);
    }

    void failedChangesChangeNothing()
    {
        auto service = loaded(CredentialKind::ApiKey);
        QVERIFY(service);
        CredentialModel* model = service->model();
        const QString before = modelText(*model);

        // Revoking an id the server does not know: all or nothing, so nothing.
        QSignalSpy failed(service.get(), &CredentialService::revoked);
        QString id;
        for (int row = 0; row < model->rowCount() && id.isEmpty(); ++row) {
            if (model->record(row).status == KeyStatus::Active)
                id = model->record(row).id;
        }
        QVERIFY(!id.isEmpty());
        QVERIFY(service->revoke({id, u"key_unknown"_s}));
        QVERIFY(failed.wait(30000));
        const RevokeOutcome outcome = failed.at(0).at(0).value<RevokeOutcome>();
        QCOMPARE(outcome.error.httpStatus, 404);
        QCOMPARE(outcome.revoked, 0);
        QCOMPARE(outcome.notRevoked, 2);
        QCOMPARE(modelText(*model), before);

        // Creating without a name: refused with the field named, the model unchanged.
        QSignalSpy createFailed(service.get(), &CredentialService::createFailed);
        td::app::NewCredential request;
        request.scopes = {u"read:products"_s};
        service->create(request);
        QVERIFY(createFailed.wait(30000));
        QCOMPARE(createFailed.at(0).at(1).value<ApiError>().httpStatus, 400);
        QCOMPARE(modelText(*model), before);
        QVERIFY(!service->isBusy());
    }

    // More ids than one request may carry: split into requests the server accepts, with progress; a cancel stops
    // after the request in flight; the already revoked are skipped (not sent, not audited again); what the server
    // revoked lands in the model in one update.
    void bulkRevokeIsSplitSkipsAndCancels()
    {
        const int count = td::protocol::MaxBulkRevokeIds + 10;
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            const QString id = m_server.createKey(u"bulk %1"_s.arg(i), {u"read:products"_s}).first;
            QVERIFY(!id.isEmpty());
            ids.append(id);
        }
        for (const QString& id : {ids.at(3), ids.at(500)})
            QCOMPARE(m_server.post(u"/api/v1/api-keys/"_s + id + u"/revoke"_s, {}, m_server.admin()).status, 200);
        auto service = loaded(CredentialKind::ApiKey);
        QVERIFY(service);
        CredentialModel* model = service->model();
        auto revokedCount = [&] {
            int n = 0;
            for (const QString& id : std::as_const(ids))
                n += model->record(model->rowOf(id)).status == KeyStatus::Revoked;
            return n;
        };
        QCOMPARE(revokedCount(), 2);

        // Cancelled at once: the first request (MaxBulkRevokeIds ids) completes, the rest is not sent.
        QSignalSpy progress(service.get(), &CredentialService::revokeProgress);
        QSignalSpy finished(service.get(), &CredentialService::revoked);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QVERIFY(service->revoke(ids));
        QVERIFY(!service->revoke(ids)); // one at a time
        service->cancelRevoke();
        QVERIFY(finished.wait(60000));
        RevokeOutcome outcome = finished.at(0).at(0).value<RevokeOutcome>();
        QVERIFY(outcome.error.ok());
        QVERIFY(outcome.cancelled);
        QCOMPARE(outcome.alreadyRevoked, 2);
        QCOMPARE(outcome.revoked, td::protocol::MaxBulkRevokeIds);
        QCOMPARE(outcome.notRevoked, count - 2 - td::protocol::MaxBulkRevokeIds);
        QCOMPARE(progress.size(), 2); // 0 of N, then after the one request
        QCOMPARE(progress.at(1).at(0).toInt(), td::protocol::MaxBulkRevokeIds);
        QCOMPARE(progress.at(1).at(1).toInt(), count - 2);
        QCOMPARE(revokedCount(), 2 + td::protocol::MaxBulkRevokeIds);
        QCOMPARE(changed.size(), 1); // one update
        QCOMPARE(reset.size(), 0);

        // Again, to the end: only what is left is sent, in one request.
        finished.clear();
        progress.clear();
        QVERIFY(service->revoke(ids));
        QVERIFY(finished.wait(60000));
        outcome = finished.at(0).at(0).value<RevokeOutcome>();
        QVERIFY(outcome.error.ok());
        QVERIFY(!outcome.cancelled);
        QCOMPARE(outcome.alreadyRevoked, 2 + td::protocol::MaxBulkRevokeIds);
        QCOMPARE(outcome.revoked, count - 2 - td::protocol::MaxBulkRevokeIds);
        QCOMPARE(outcome.notRevoked, 0);
        QCOMPARE(revokedCount(), count);
        // The server agrees, and audited each revoke once.
        auto fresh = loaded(CredentialKind::ApiKey);
        QVERIFY(fresh);
        for (const QString& id : std::as_const(ids))
            QVERIFY(fresh->model()->record(fresh->model()->rowOf(id)).status == KeyStatus::Revoked);
        const HttpResult events =
            m_server.get(u"/api/v1/audit-events?limit=1000&targetId="_s + ids.at(3), m_server.admin());
        int revokes = 0;
        for (const QJsonValue& e : events.data().value(u"items"_s).toArray())
            revokes += e.toObject().value(u"action"_s).toString() == u"apiKey.revoke"_s;
        QCOMPARE(revokes, 1);
    }

    void answersCarryTheirRequest()
    {
        // Two creates in flight: each answer names the request it belongs to, so a page can give it to the dialog
        // that sent it.
        auto service = loaded(CredentialKind::ApiKey);
        QVERIFY(service);
        QSignalSpy created(service.get(), &CredentialService::created);
        QSignalSpy failed(service.get(), &CredentialService::createFailed);
        td::app::NewCredential good;
        good.name = u"first in flight"_s;
        good.scopes = {u"read:products"_s};
        td::app::NewCredential bad = good;
        bad.name.clear();
        const int first = service->create(good);
        const int second = service->create(bad);
        QVERIFY(first != second);
        QTRY_VERIFY_WITH_TIMEOUT(created.size() == 1 && failed.size() == 1, 30000);
        QCOMPARE(created.at(0).at(0).toInt(), first);
        QCOMPARE(failed.at(0).at(0).toInt(), second);
        QVERIFY(!service->isBusy());
    }

    void catalogIsFetchedOnce()
    {
        CredentialService service(CredentialKind::Uat, &m_client);
        QVERIFY(service.model()->kind() == CredentialKind::Uat);
        QSignalSpy ready(&service, &CredentialService::catalogReady);
        service.fetchCatalog();
        QVERIFY(ready.wait(30000));
        QVERIFY(service.catalog().has_value());
        QVERIFY(!service.catalog()->scopes().isEmpty());
        service.fetchCatalog(); // known: answered at once
        QCOMPARE(ready.size(), 2);
    }

    void loadFailureIsReported()
    {
        ApiClient client;
        client.setBaseUrl(m_server.url());
        client.setAccessToken("not-a-token");
        CredentialService service(CredentialKind::ApiKey, &client);
        QSignalSpy failed(&service, &CredentialService::loadFailed);
        service.reload();
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 401);
        QCOMPARE(service.model()->rowCount(), 0);
        QVERIFY(!service.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestCredentialService)
#include "tst_credentialservice.moc"
