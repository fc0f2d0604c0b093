// The expiry overview: what is about to expire first, what has expired as a group after it, and counts that agree
// with the list (rotated credentials in their grace period included in both).
#include "app/CredentialModel.h"
#include "app/ExpiryModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::CredentialKind;
using td::app::CredentialModel;
using td::app::ExpiryModel;
using td::protocol::ApiKeyDto;
using Status = CredentialModel::DisplayStatus;

namespace {

const QDateTime Now(QDate(2030, 1, 15), QTime(12, 0), Qt::UTC);

ApiKeyDto key(const QString& id, qint64 expiresInHours)
{
    ApiKeyDto k;
    k.id = id;
    k.name = id;
    k.prefix = u"tdk_AbCdEfGh"_s;
    k.last4 = u"wxyz"_s;
    k.scopes = {u"read:products"_s};
    k.tenantId = u"acme"_s;
    k.createdAt = Now.addDays(-100);
    k.expiresAt = Now.addSecs(expiresInHours * 3600);
    k.status = expiresInHours <= 0 ? td::protocol::KeyStatus::Expired : td::protocol::KeyStatus::Active;
    return k;
}

QStringList idsInOrder(const ExpiryModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(Qt::UserRole).toString());
    return ids;
}

} // namespace

class TestExpiryModel : public QObject
{
    Q_OBJECT
private slots:
    void expiringFirstThenExpiredAndCountsAgree()
    {
        CredentialModel keys;
        keys.setNow(Now);
        ApiKeyDto rotated = key(u"in_grace"_s, 12); // rotated, its grace period ends in 12 hours
        rotated.rotatedTo = u"successor"_s;
        ApiKeyDto revoked = key(u"revoked"_s, 24);
        revoked.status = td::protocol::KeyStatus::Revoked;
        revoked.revokedAt = Now.addDays(-1);
        ApiKeyDto never = key(u"never"_s, 0);
        never.expiresAt = QDateTime();
        never.status = td::protocol::KeyStatus::Active;
        keys.setRecords({key(u"expired_long_ago"_s, -24 * 300), key(u"in_3_days"_s, 72),
                         key(u"expired_yesterday"_s, -24), rotated, key(u"in_20_days"_s, 24 * 20),
                         key(u"in_60_days"_s, 24 * 60), revoked, never});
        ExpiryModel expiry;
        QAbstractItemModelTester tester(&expiry, QAbstractItemModelTester::FailureReportingMode::QtTest);
        expiry.addSource(CredentialKind::ApiKey, &keys);
        QCOMPARE(expiry.horizonDays(), 30);
        QCOMPARE(idsInOrder(expiry), (QStringList{u"in_grace"_s, u"in_3_days"_s, u"in_20_days"_s,
                                                  u"expired_yesterday"_s, u"expired_long_ago"_s}));
        // The counts say what the list shows: two expired, two expiring within 7 days (the one in its grace period
        // too), and the 20-day one active.
        QCOMPARE(expiry.count(CredentialKind::ApiKey, Status::Expired), 2);
        QCOMPARE(expiry.count(CredentialKind::ApiKey, Status::ExpiringSoon), 2);
        QCOMPARE(expiry.count(CredentialKind::ApiKey, Status::Revoked), 1);
        expiry.setHorizonDays(90);
        QCOMPARE(idsInOrder(expiry).indexOf(u"in_60_days"_s), 3); // still ahead of the expired group
    }
};

QTEST_GUILESS_MAIN(TestExpiryModel)
#include "tst_expirymodel.moc"
