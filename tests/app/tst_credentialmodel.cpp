// CredentialModel and CredentialFilterModel: structure under QAbstractItemModelTester through every kind of change,
// what each column shows, text and status filters, sorting every column both ways, and no secret in any role.
#include "app/CredentialFilterModel.h"
#include "app/CredentialModel.h"
#include "protocol/Token.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using td::app::CredentialFilterModel;
using td::app::CredentialModel;
using td::protocol::ApiKeyDto;
using td::protocol::KeyStatus;

Q_DECLARE_METATYPE(std::optional<td::app::CredentialModel::DisplayStatus>)

namespace {

using Status = CredentialModel::DisplayStatus;
using OptionalStatus = std::optional<Status>;

const QDateTime Now(QDate(2030, 1, 15), QTime(12, 0), Qt::UTC);

ApiKeyDto key(const QString& id, const QString& name)
{
    ApiKeyDto r;
    r.id = id;
    r.name = name;
    r.prefix = u"tdk_"_s + id.right(1).toUpper().repeated(4) + u"1234"_s;
    r.last4 = u"wxyz"_s;
    r.scopes = {u"read:products"_s};
    r.tenantId = u"default"_s;
    r.createdAt = Now.addDays(-30);
    r.createdBy = u"user:usr_admin"_s;
    return r;
}

// Four keys whose values differ in every column, so that each sort has exactly one right answer.
QList<ApiKeyDto> fourKeys()
{
    ApiKeyDto a = key(u"key_a"_s, u"Deploy bot"_s);
    a.description = u"pushes releases"_s;
    a.prefix = u"tdk_AAAA1111"_s;
    a.last4 = u"wxyz"_s;
    a.scopes = {u"read:products"_s};
    a.createdAt = QDateTime(QDate(2029, 6, 1), QTime(9, 0), Qt::UTC);
    a.lastUsedAt = Now.addSecs(-2 * 3600);
    a.lastUsedIp = u"10.0.0.7"_s;

    ApiKeyDto b = key(u"key_b"_s, u"alpha reporting"_s);
    b.prefix = u"tdk_BBBB2222"_s;
    b.last4 = u"k9Q2"_s;
    b.scopes = {u"read:orders"_s, u"write:orders"_s};
    b.createdAt = QDateTime(QDate(2029, 1, 1), QTime(9, 0), Qt::UTC);
    b.expiresAt = Now.addDays(3);
    b.ipAllowlist = {u"10.0.0.0/8"_s};

    ApiKeyDto c = key(u"key_c"_s, u"Zeta legacy"_s);
    c.prefix = u"tdk_CCCC3333"_s;
    c.last4 = u"0000"_s;
    c.scopes = {u"admin"_s};
    c.createdAt = QDateTime(QDate(2028, 3, 1), QTime(9, 0), Qt::UTC);
    c.expiresAt = Now.addDays(-1);
    c.status = KeyStatus::Expired;
    c.lastUsedAt = Now.addDays(-400);
    c.ipAllowlist = {u"192.168.1.0/24"_s, u"::1/128"_s};

    ApiKeyDto d = key(u"key_d"_s, u"monitoring"_s);
    d.description = u"Grafana repository scraper"_s;
    d.prefix = u"tdk_DDDD4444"_s;
    d.last4 = u"abcd"_s;
    d.scopes = {u"read:inventory"_s};
    d.createdAt = QDateTime(QDate(2029, 12, 31), QTime(9, 0), Qt::UTC);
    d.expiresAt = Now.addDays(90);
    d.lastUsedAt = Now.addSecs(-60);
    d.ipAllowlist = {u"172.16.0.0/12"_s};
    d.status = KeyStatus::Revoked;
    d.revokedAt = Now.addDays(-2);
    d.revokedBy = u"user:usr_admin"_s;
    return {a, b, c, d};
}

QStringList proxyIds(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(CredentialModel::IdRole).toString());
    return ids;
}

QStringList reversed(QStringList list)
{
    std::reverse(list.begin(), list.end());
    return list;
}

// Without a translation installed, Qt leaves "%n day(s)" as "3 day(s)"; an English translation says "3 days".
// Compare in proper English either way.
QString english(QString text)
{
    static const QRegularExpression plural(u"(\\d+) (\\w+)\\(s\\)"_s);
    QRegularExpressionMatch match;
    while ((match = plural.match(text)).hasMatch()) {
        const QString fixed =
            match.captured(1) + u' ' + match.captured(2) + (match.captured(1) == u"1"_s ? u""_s : u"s"_s);
        text.replace(match.capturedStart(), match.capturedLength(), fixed);
    }
    return text;
}

// Everything a role can hold, as text, so that it can be searched.
QString asText(const QVariant& value)
{
    if (value.metaType() == QMetaType::fromType<QStringList>())
        return value.toStringList().join(u'\n');
    if (value.canConvert<QString>())
        return value.toString();
    return {};
}

struct Models
{
    CredentialModel model;
    CredentialFilterModel proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    Models()
    {
        model.setNow(Now);
        proxy.setSourceModel(&model);
        modelTester =
            std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxyTester =
            std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
};

} // namespace

class TestCredentialModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<OptionalStatus>();
        // Fixed formats for the texts compared below.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void rowOfFollowsChanges()
    {
        // Every row is found where it is, also after inserts at the top and at the end and after a reset: the id
        // index is rebuilt after each change.
        CredentialModel model;
        QList<ApiKeyDto> records;
        for (int i = 0; i < 500; ++i)
            records.append(key(u"key_%1"_s.arg(i), u"Key %1"_s.arg(i)));
        model.setRecords(records);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.record(row).id), row);
        model.upsert(key(u"key_top"_s, u"Top"_s));
        model.appendRecords({key(u"key_end"_s, u"End"_s)});
        QCOMPARE(model.rowOf(u"key_top"_s), 0);
        QCOMPARE(model.rowOf(u"key_0"_s), 1);
        QCOMPARE(model.rowOf(u"key_end"_s), model.rowCount() - 1);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.record(row).id), row);
        QCOMPARE(model.rowOf(u"key_"_s), -1);
        QCOMPARE(model.rowOf(u"key_5000"_s), -1);
        model.setRecords({key(u"key_x"_s, u"X"_s)});
        QCOMPARE(model.rowOf(u"key_0"_s), -1);
        QCOMPARE(model.rowOf(u"key_x"_s), 0);
    }

    void manyChangesAreOneUpdate()
    {
        // A bulk revoke of many records reaches the views as one change, not one per record.
        CredentialModel model;
        QList<ApiKeyDto> records;
        for (int i = 0; i < 50; ++i)
            records.append(key(u"key_%1"_s.arg(i), u"Key %1"_s.arg(i)));
        model.setRecords(records);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QList<ApiKeyDto> revoked;
        for (int i : {3, 17, 41}) {
            ApiKeyDto r = records.at(i);
            r.status = td::protocol::KeyStatus::Revoked;
            r.revokedAt = Now;
            revoked.append(r);
        }
        revoked.append(key(u"key_new_a"_s, u"New A"_s));
        revoked.append(key(u"key_new_b"_s, u"New B"_s));
        model.upsert(revoked);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 52);
        QCOMPARE(model.rowOf(u"key_new_a"_s), 0); // new ones at the top, in the order given
        QCOMPARE(model.rowOf(u"key_new_b"_s), 1);
        for (int i : {3, 17, 41}) {
            const int row = model.rowOf(u"key_%1"_s.arg(i));
            QCOMPARE(row, i + 2);
            QVERIFY(model.record(row).status == td::protocol::KeyStatus::Revoked);
            // The one dataChanged spans every changed row.
            QVERIFY(changed.at(0).at(0).value<QModelIndex>().row() <= row);
            QVERIFY(changed.at(0).at(1).value<QModelIndex>().row() >= row);
        }
    }

    void testerAcceptsEveryChange()
    {
        Models m;
        QCOMPARE(m.model.columnCount(), int(CredentialModel::ColumnCount));
        QCOMPARE(m.proxy.columnCount(), int(CredentialModel::ColumnCount));
        QCOMPARE(m.proxy.rowCount(), 0);

        m.model.setRecords(fourKeys());
        QCOMPARE(m.model.rowCount(), 4);
        QCOMPARE(m.proxy.rowCount(), 4);

        // A persistent index survives sorting and keeps pointing at the same record.
        const QPersistentModelIndex monitoring = m.proxy.index(3, CredentialModel::Name);
        QCOMPARE(monitoring.data(CredentialModel::IdRole).toString(), u"key_d"_s);
        for (int column = 0; column < CredentialModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m.proxy.sort(column, order);
                QCOMPARE(m.proxy.sortColumn(), column);
                QCOMPARE(m.proxy.sortOrder(), order);
                QVERIFY(monitoring.isValid());
                QCOMPARE(monitoring.data(CredentialModel::IdRole).toString(), u"key_d"_s);
                QCOMPARE(monitoring.data().toString(), u"monitoring"_s);
            }
        }
        m.proxy.sort(CredentialModel::Name, Qt::AscendingOrder);

        QList<ApiKeyDto> more;
        for (int i = 0; i < 20; ++i)
            more.append(key(u"key_more%1"_s.arg(i, 2, 10, QChar(u'0')), u"batch %1"_s.arg(i)));
        QSignalSpy inserted(&m.model, &QAbstractItemModel::rowsInserted);
        m.model.appendRecords(more);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.constFirst().at(1).toInt(), 4);
        QCOMPARE(inserted.constFirst().at(2).toInt(), 23);
        m.model.appendRecords({}); // nothing to insert: no signal
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(m.model.rowCount(), 24);
        QCOMPARE(m.proxy.rowCount(), 24);
        // Still sorted by name after the insertion.
        QCOMPARE(m.proxy.index(0, 0).data().toString(), u"alpha reporting"_s);
        QCOMPARE(m.proxy.index(23, 0).data().toString(), u"Zeta legacy"_s);

        // upsert of a new id inserts at the top; of a known id replaces in place.
        ApiKeyDto fresh = key(u"key_new"_s, u"New one"_s);
        m.model.upsert(fresh);
        QCOMPARE(m.model.rowCount(), 25);
        QCOMPARE(m.model.rowOf(u"key_new"_s), 0);
        QCOMPARE(m.proxy.rowCount(), 25);
        QSignalSpy changed(&m.model, &QAbstractItemModel::dataChanged);
        fresh.name = u"Renamed"_s;
        m.model.upsert(fresh);
        QCOMPARE(m.model.rowCount(), 25);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m.model.index(0, CredentialModel::Name).data().toString(), u"Renamed"_s);
        QCOMPARE(m.model.rowOf(u"key_missing"_s), -1);

        m.proxy.setFilterText(u"batch 1"_s);
        QCOMPARE(m.proxy.rowCount(), 11); // batch 1, batch 10 … batch 19
        m.proxy.setStatusFilter(Status::Active);
        QCOMPARE(m.proxy.rowCount(), 11);
        m.proxy.setStatusFilter(Status::Revoked);
        QCOMPARE(m.proxy.rowCount(), 0);
        m.proxy.setFilterText({});
        QCOMPARE(proxyIds(m.proxy), QStringList{u"key_d"_s});
        m.proxy.setStatusFilter(std::nullopt);
        QCOMPARE(m.proxy.rowCount(), 25);

        // setNow moves every relative time: one dataChanged over the whole table.
        changed.clear();
        m.model.setNow(Now.addDays(1));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(0).toModelIndex(), m.model.index(0, 0));
        QCOMPARE(changed.constFirst().at(1).toModelIndex(), m.model.index(24, CredentialModel::ColumnCount - 1));

        m.model.clear();
        QCOMPARE(m.model.rowCount(), 0);
        QCOMPARE(m.proxy.rowCount(), 0);
        QVERIFY(!m.proxy.hasChildren());
        m.model.setRecords(fourKeys());
        QCOMPARE(m.proxy.rowCount(), 4);
        QVERIFY(m.proxy.hasChildren());
        QVERIFY(!m.proxy.hasChildren(m.proxy.index(0, 0)));
        QCOMPARE(m.proxy.rowCount(m.proxy.index(0, 0)), 0);
        QVERIFY(!m.proxy.index(4, 0).isValid());
        QVERIFY(!m.proxy.index(0, CredentialModel::ColumnCount).isValid());
        QVERIFY(!m.proxy.index(-1, 0).isValid());
    }

    void proxyMapsBothWays()
    {
        Models m;
        m.model.setRecords(fourKeys());
        m.proxy.setFilterText(u"a"_s); // matches all four somewhere
        m.proxy.setStatusFilter(Status::Expired);
        QCOMPARE(m.proxy.rowCount(), 1);
        const QModelIndex source = m.model.index(m.model.rowOf(u"key_c"_s), CredentialModel::Key);
        const QModelIndex proxied = m.proxy.mapFromSource(source);
        QCOMPARE(proxied.row(), 0);
        QCOMPARE(proxied.column(), int(CredentialModel::Key));
        QCOMPARE(m.proxy.mapToSource(proxied), source);
        // Rows filtered out have no proxy index.
        QVERIFY(!m.proxy.mapFromSource(m.model.index(m.model.rowOf(u"key_a"_s), 0)).isValid());
        QVERIFY(!m.proxy.mapToSource({}).isValid());
        QCOMPARE(m.proxy.credentialModel(), &m.model);
    }

    void headers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("title");
        QTest::newRow("name") << int(CredentialModel::Name) << u"Name"_s;
        QTest::newRow("key") << int(CredentialModel::Key) << u"Key"_s;
        QTest::newRow("scopes") << int(CredentialModel::Scopes) << u"Scopes"_s;
        QTest::newRow("created") << int(CredentialModel::Created) << u"Created"_s;
        QTest::newRow("expires") << int(CredentialModel::Expires) << u"Expires"_s;
        QTest::newRow("last used") << int(CredentialModel::LastUsed) << u"Last used"_s;
        QTest::newRow("ip allowlist") << int(CredentialModel::IpAllowlist) << u"IP allowlist"_s;
        QTest::newRow("status") << int(CredentialModel::Status) << u"Status"_s;
    }

    void headers()
    {
        QFETCH(int, column);
        QFETCH(QString, title);
        Models m;
        QCOMPARE(m.model.headerData(column, Qt::Horizontal).toString(), title);
        QCOMPARE(m.proxy.headerData(column, Qt::Horizontal).toString(), title);
    }

    void display_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        const QLocale locale;
        // The Expires column shows the day (its time of day is in the tooltip and the details pane).
        auto date = [&](const QDateTime& t) {
            return locale.toString(t.toLocalTime().date(), QLocale::ShortFormat);
        };

        QTest::newRow("name") << u"key_a"_s << int(CredentialModel::Name) << u"Deploy bot"_s;
        QTest::newRow("key is prefix…last4") << u"key_a"_s << int(CredentialModel::Key) << u"tdk_AAAA1111…wxyz"_s;
        QTest::newRow("key b") << u"key_b"_s << int(CredentialModel::Key) << u"tdk_BBBB2222…k9Q2"_s;
        QTest::newRow("scopes joined") << u"key_b"_s << int(CredentialModel::Scopes) << u"read:orders, write:orders"_s;
        QTest::newRow("created") << u"key_a"_s << int(CredentialModel::Created)
                                 << locale.toString(QDateTime(QDate(2029, 6, 1), QTime(9, 0), Qt::UTC).toLocalTime(),
                                                    QLocale::ShortFormat);
        QTest::newRow("never expires") << u"key_a"_s << int(CredentialModel::Expires) << u"Never"_s;
        QTest::newRow("expires in 3 days")
            << u"key_b"_s << int(CredentialModel::Expires) << date(Now.addDays(3)) + u" (in 3 days)"_s;
        QTest::newRow("expired a day ago")
            << u"key_c"_s << int(CredentialModel::Expires) << date(Now.addDays(-1)) + u" (24 hours ago)"_s;
        QTest::newRow("expires in 3 months")
            << u"key_d"_s << int(CredentialModel::Expires) << date(Now.addDays(90)) + u" (in 3 months)"_s;
        QTest::newRow("last used with address")
            << u"key_a"_s << int(CredentialModel::LastUsed) << u"2 hours ago from 10.0.0.7"_s;
        QTest::newRow("never used") << u"key_b"_s << int(CredentialModel::LastUsed) << u"Never used"_s;
        QTest::newRow("last used long ago") << u"key_c"_s << int(CredentialModel::LastUsed) << u"13 months ago"_s;
        QTest::newRow("last used a minute ago") << u"key_d"_s << int(CredentialModel::LastUsed) << u"1 minute ago"_s;
        QTest::newRow("any address") << u"key_a"_s << int(CredentialModel::IpAllowlist) << u"Any address"_s;
        QTest::newRow("allowlist") << u"key_c"_s << int(CredentialModel::IpAllowlist) << u"192.168.1.0/24, ::1/128"_s;
        QTest::newRow("active") << u"key_a"_s << int(CredentialModel::Status) << u"Active"_s;
        QTest::newRow("expiring soon") << u"key_b"_s << int(CredentialModel::Status) << u"Expiring soon"_s;
        QTest::newRow("expired") << u"key_c"_s << int(CredentialModel::Status) << u"Expired"_s;
        QTest::newRow("revoked wins over a future expiry")
            << u"key_d"_s << int(CredentialModel::Status) << u"Revoked"_s;
    }

    void display()
    {
        QFETCH(QString, id);
        QFETCH(int, column);
        QFETCH(QString, expected);
        Models m;
        m.model.setRecords(fourKeys());
        const int row = m.model.rowOf(id);
        QVERIFY(row >= 0);
        const QModelIndex index = m.model.index(row, column);
        QCOMPARE(english(index.data(Qt::DisplayRole).toString()), expected);
        QCOMPARE(english(index.data(Qt::AccessibleTextRole).toString()), expected);
        // The proxy shows the same.
        QCOMPARE(english(m.proxy.mapFromSource(index).data().toString()), expected);
    }

    void tooltips()
    {
        Models m;
        m.model.setRecords(fourKeys());
        const int a = m.model.rowOf(u"key_a"_s);
        QCOMPARE(m.model.index(a, CredentialModel::Name).data(Qt::ToolTipRole).toString(),
                 u"Deploy bot\npushes releases"_s);
        QVERIFY(m.model.index(a, CredentialModel::Created)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .endsWith(u" by user:usr_admin"_s));
        QCOMPARE(m.model.index(a, CredentialModel::Scopes).data(Qt::ToolTipRole).toString(), u"read:products"_s);
        const int b = m.model.rowOf(u"key_b"_s);
        QCOMPARE(m.model.index(b, CredentialModel::Name).data(Qt::ToolTipRole).toString(), u"alpha reporting"_s);
        // Status colours differ by status.
        QSet<QRgb> colours;
        for (int row = 0; row < 4; ++row)
            colours.insert(
                m.model.index(row, CredentialModel::Status).data(Qt::ForegroundRole).value<QBrush>().color().rgb());
        QCOMPARE(colours.size(), 4);
        QVERIFY(!m.model.index(a, CredentialModel::Name).data(Qt::ForegroundRole).isValid());
        // Raw values for other views.
        QCOMPARE(m.model.index(b, 0).data(CredentialModel::IdRole).toString(), m.model.record(b).id);
        QCOMPARE(m.model.index(b, 0).data(CredentialModel::StatusRole).toInt(), int(Status::ExpiringSoon));
        QVERIFY(std::string(m.model.searchText(a)).find("pushes releases") != std::string::npos);
        QVERIFY(!m.model.index(a, 0).data(Qt::DecorationRole).isValid());
    }

    void relativeTime_data()
    {
        QTest::addColumn<qint64>("offsetSeconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("in 30 s") << qint64(30) << u"in less than a minute"_s;
        QTest::newRow("30 s ago") << qint64(-30) << u"just now"_s;
        QTest::newRow("in 1 minute") << qint64(60) << u"in 1 minute"_s;
        QTest::newRow("5 minutes ago") << qint64(-5 * 60 - 10) << u"5 minutes ago"_s;
        QTest::newRow("in 59 minutes") << qint64(3599) << u"in 59 minutes"_s;
        QTest::newRow("in 1 hour") << qint64(3600) << u"in 1 hour"_s;
        QTest::newRow("2 hours ago") << qint64(-2 * 3600) << u"2 hours ago"_s;
        QTest::newRow("in 47 hours") << qint64(47 * 3600) << u"in 47 hours"_s;
        QTest::newRow("in 3 days") << qint64(3 * 86400) << u"in 3 days"_s;
        QTest::newRow("7 days ago") << qint64(-7 * 86400) << u"7 days ago"_s;
        QTest::newRow("in 59 days") << qint64(59 * 86400) << u"in 59 days"_s;
        QTest::newRow("in 2 months") << qint64(60 * 86400) << u"in 2 months"_s;
        QTest::newRow("in 24 months") << qint64(729 * 86400) << u"in 24 months"_s;
        QTest::newRow("2 years ago") << qint64(-730 * 86400) << u"2 years ago"_s;
    }

    void relativeTime()
    {
        QFETCH(qint64, offsetSeconds);
        QFETCH(QString, expected);
        QCOMPARE(english(CredentialModel::relativeTime(Now.addSecs(offsetSeconds), Now)), expected);
        QVERIFY(CredentialModel::relativeTime({}, Now).isEmpty());
    }

    void status_data()
    {
        QTest::addColumn<qint64>("expiresIn"); // seconds from now; 0: never
        QTest::addColumn<bool>("revoked");
        QTest::addColumn<int>("serverStatus");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        const int active = int(KeyStatus::Active);
        const qint64 day = 86400;
        QTest::newRow("never expires") << qint64(0) << false << active << int(Status::Active) << u"Active"_s;
        QTest::newRow("in 8 days") << 8 * day << false << active << int(Status::Active) << u"Active"_s;
        QTest::newRow("7 days and a second") << 7 * day + 1 << false << active << int(Status::Active) << u"Active"_s;
        QTest::newRow("exactly 7 days") << 7 * day << false << active << int(Status::ExpiringSoon)
                                        << u"Expiring soon"_s;
        QTest::newRow("in 1 hour") << qint64(3600) << false << active << int(Status::ExpiringSoon)
                                   << u"Expiring soon"_s;
        QTest::newRow("in 1 s") << qint64(1) << false << active << int(Status::ExpiringSoon) << u"Expiring soon"_s;
        // Expired by now, although the server said active when it listed it.
        QTest::newRow("expired since listing") << qint64(-1) << false << active << int(Status::Expired) << u"Expired"_s;
        QTest::newRow("server says expired")
            << qint64(-day) << false << int(KeyStatus::Expired) << int(Status::Expired) << u"Expired"_s;
        QTest::newRow("revoked, never expires")
            << qint64(0) << true << int(KeyStatus::Revoked) << int(Status::Revoked) << u"Revoked"_s;
        QTest::newRow("revoked and expired")
            << -day << true << int(KeyStatus::Revoked) << int(Status::Revoked) << u"Revoked"_s;
    }

    void status()
    {
        QFETCH(qint64, expiresIn);
        QFETCH(bool, revoked);
        QFETCH(int, serverStatus);
        QFETCH(int, status);
        QFETCH(QString, text);
        ApiKeyDto r = key(u"key_x"_s, u"x"_s);
        if (expiresIn != 0)
            r.expiresAt = Now.addSecs(expiresIn);
        r.status = KeyStatus(serverStatus);
        if (revoked)
            r.revokedAt = Now.addDays(-1);
        Models m;
        m.model.setRecords({r});
        QCOMPARE(int(m.model.displayStatus(0)), status);
        QCOMPARE(m.model.index(0, CredentialModel::Status).data().toString(), text);
        QCOMPARE(m.model.index(0, 0).data(CredentialModel::StatusRole).toInt(), status);
        QCOMPARE(CredentialModel::statusText(Status(status)), text);
        // The status filter agrees with the column.
        m.proxy.setStatusFilter(Status(status));
        QCOMPARE(m.proxy.rowCount(), 1);
        m.proxy.setStatusFilter(Status((status + 1) % 4));
        QCOMPARE(m.proxy.rowCount(), 0);
    }

    void statusFollowsTheClock()
    {
        Models m;
        ApiKeyDto r = key(u"key_x"_s, u"x"_s);
        r.expiresAt = Now.addDays(10);
        m.model.setRecords({r});
        QCOMPARE(m.model.index(0, CredentialModel::Status).data().toString(), u"Active"_s);
        m.model.setNow(Now.addDays(4));
        QCOMPARE(m.model.index(0, CredentialModel::Status).data().toString(), u"Expiring soon"_s);
        QVERIFY(english(m.model.index(0, CredentialModel::Expires).data().toString()).endsWith(u"(in 6 days)"_s));
        m.model.setNow(Now.addDays(11));
        QCOMPARE(m.model.index(0, CredentialModel::Status).data().toString(), u"Expired"_s);
        QVERIFY(english(m.model.index(0, CredentialModel::Expires).data().toString()).endsWith(u"(24 hours ago)"_s));
        QCOMPARE(m.model.now(), Now.addDays(11));
        // Without a fixed time the model uses the real clock.
        m.model.setNow({});
        QVERIFY(qAbs(m.model.now().secsTo(QDateTime::currentDateTimeUtc())) < 5);
        r.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3 * 86400 + 3600);
        m.model.upsert(r);
        QCOMPARE(m.model.index(0, CredentialModel::Status).data().toString(), u"Expiring soon"_s);
        const QString expires = english(m.model.index(0, CredentialModel::Expires).data().toString());
        QVERIFY2(expires.endsWith(u"(in 3 days)"_s), qPrintable(expires));
    }

    void filterByText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("empty shows all") << QString() << QStringList{u"key_a"_s, u"key_b"_s, u"key_c"_s, u"key_d"_s};
        QTest::newRow("blank shows all") << u"   "_s << QStringList{u"key_a"_s, u"key_b"_s, u"key_c"_s, u"key_d"_s};
        QTest::newRow("name, case-insensitive") << u"DEPLOY"_s << QStringList{u"key_a"_s};
        QTest::newRow("trimmed") << u"  zeta "_s << QStringList{u"key_c"_s};
        QTest::newRow("description") << u"grafana"_s << QStringList{u"key_d"_s};
        QTest::newRow("prefix") << u"tdk_bbbb"_s << QStringList{u"key_b"_s};
        QTest::newRow("last4") << u"k9q2"_s << QStringList{u"key_b"_s};
        QTest::newRow("prefix typed in capitals") << u"TDK_BBBB"_s << QStringList{u"key_b"_s};
        QTest::newRow("prefix and last4 as the key column") << u"1111 wxyz"_s << QStringList{u"key_a"_s};
        QTest::newRow("id in capitals") << u"KEY_D"_s << QStringList{u"key_d"_s};
        QTest::newRow("scope") << u"write:orders"_s << QStringList{u"key_b"_s};
        QTest::newRow("scope part in several") << u"read:"_s << QStringList{u"key_a"_s, u"key_b"_s, u"key_d"_s};
        QTest::newRow("allowlist") << u"192.168"_s << QStringList{u"key_c"_s};
        QTest::newRow("id") << u"key_d"_s << QStringList{u"key_d"_s};
        QTest::newRow("substring in name and description") << u"repo"_s << QStringList{u"key_b"_s, u"key_d"_s};
        QTest::newRow("no match") << u"nothing like this"_s << QStringList{};
        QTest::newRow("creator is not searched") << u"usr_admin"_s << QStringList{};
    }

    void filterByText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        Models m;
        m.model.setRecords(fourKeys());
        m.proxy.sort(CredentialModel::Key, Qt::AscendingOrder);
        QSignalSpy reset(&m.proxy, &QAbstractItemModel::modelReset);
        m.proxy.setFilterText(text);
        QCOMPARE(proxyIds(m.proxy), ids);
        QCOMPARE(m.proxy.filterText(), text.trimmed().toLower());
        // The same text again changes nothing.
        const qsizetype resets = reset.size();
        m.proxy.setFilterText(text);
        QCOMPARE(reset.size(), resets);
    }

    // Typing on narrows from the previous matches: at each step the rows, and their order, are those a fresh filter
    // with the whole text gives (sorted, with a status filter too, and after the text is edited in the middle).
    void typingOnNarrowsToTheSameRows()
    {
        const QStringList words{u"repo"_s, u"report"_s, u"deploy"_s, u"billing"_s, u"sync"_s, u"reporter"_s};
        QList<ApiKeyDto> records;
        for (int i = 0; i < 600; ++i) {
            ApiKeyDto r = key(u"key_%1"_s.arg(i), words.at(i % words.size()) + u' ' + words.at((i * 7) % words.size()));
            r.prefix = u"tdk_%1"_s.arg(i, 8, 10, QChar(u'0'));
            if (i % 5 == 0)
                r.expiresAt = Now.addDays(i % 3 == 0 ? -1 : 3);
            records.append(r);
        }
        for (const auto status : {OptionalStatus(), OptionalStatus(Status::Active)}) {
            Models typed;
            typed.model.setRecords(records);
            typed.proxy.sort(CredentialModel::Name, Qt::DescendingOrder);
            typed.proxy.setStatusFilter(status);
            for (const QString& text : {u"r"_s, u"re"_s, u"rep"_s, u"repo"_s, u"repor"_s, u"report"_s, u"reporte"_s,
                                        u"xreporte"_s, u"report"_s, u"po"_s, u"port"_s}) {
                typed.proxy.setFilterText(text);
                Models fresh;
                fresh.model.setRecords(records);
                fresh.proxy.sort(CredentialModel::Name, Qt::DescendingOrder);
                fresh.proxy.setStatusFilter(status);
                fresh.proxy.setFilterText(text);
                QCOMPARE(proxyIds(typed.proxy), proxyIds(fresh.proxy));
                for (int row = 0; row < typed.proxy.rowCount(); ++row) // the reverse map agrees too
                    QCOMPARE(typed.proxy.mapFromSource(typed.proxy.mapToSource(typed.proxy.index(row, 0))).row(), row);
            }
        }
    }

    // The substring searches (vectorised for the search text, case-folded for id, prefix and last4) agree with a
    // plain reference on random texts and needles, short and long, at the ends of the texts and across them.
    void searchAgreesWithAReference()
    {
        QRandomGenerator random(20261130);
        const QString alphabet = u"abcdeRSTUV0189_-: "_s;
        auto text = [&](int longest) {
            QString out;
            const int length = int(random.bounded(longest + 1));
            for (int i = 0; i < length; ++i)
                out += alphabet.at(int(random.bounded(int(alphabet.size()))));
            return out;
        };
        QList<ApiKeyDto> records;
        for (int i = 0; i < 400; ++i) {
            ApiKeyDto r = key(u"key_%1"_s.arg(text(20).remove(u' ').remove(u':').remove(u'-')), text(60));
            r.description = text(40);
            r.prefix = u"tdk_"_s + text(8).remove(u' ').remove(u':').remove(u'-');
            r.last4 = text(4).remove(u' ').remove(u':').remove(u'-');
            records.append(r);
        }
        auto reference = [](const ApiKeyDto& r, const QString& needle) {
            const QString search = r.name.toLower() + u'\n' + r.description.toLower() + u'\n' +
                                   r.scopes.join(u',').toLower() + u'\n' + r.ipAllowlist.join(u',').toLower();
            return search.contains(needle) || r.id.toLower().contains(needle) || r.prefix.toLower().contains(needle) ||
                   r.last4.toLower().contains(needle) || (r.prefix + u' ' + r.last4).toLower().contains(needle);
        };
        Models m;
        m.model.setRecords(records);
        for (int n = 0; n < 300; ++n) {
            QString needle;
            if (n % 2 == 0) { // a piece of a record's text: it matches at least that one
                const ApiKeyDto& r = records.at(int(random.bounded(int(records.size()))));
                const QString source = (n % 4 == 0 ? r.name : r.prefix + u' ' + r.last4);
                if (source.isEmpty())
                    continue;
                const int from = int(random.bounded(int(source.size())));
                needle = source.mid(from, 1 + int(random.bounded(20)));
            } else {
                needle = text(6);
            }
            needle = needle.trimmed().toLower();
            if (needle.isEmpty())
                continue;
            m.proxy.setFilterText(QString());
            m.proxy.setFilterText(needle);
            QStringList expected;
            for (const ApiKeyDto& r : std::as_const(records)) {
                if (reference(r, needle))
                    expected.append(r.id);
            }
            QStringList actual = proxyIds(m.proxy);
            expected.sort();
            actual.sort();
            QVERIFY2(
                actual == expected,
                qPrintable(
                    u"needle \"%1\": %2 found, %3 expected"_s.arg(needle).arg(actual.size()).arg(expected.size())));
        }
    }

    void filterByStatus_data()
    {
        QTest::addColumn<OptionalStatus>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        const QStringList all{u"key_a"_s, u"key_b"_s, u"key_c"_s, u"key_d"_s};
        QTest::newRow("every status") << OptionalStatus() << QString() << all;
        QTest::newRow("active") << OptionalStatus(Status::Active) << QString() << QStringList{u"key_a"_s};
        QTest::newRow("expiring soon") << OptionalStatus(Status::ExpiringSoon) << QString() << QStringList{u"key_b"_s};
        QTest::newRow("expired") << OptionalStatus(Status::Expired) << QString() << QStringList{u"key_c"_s};
        QTest::newRow("revoked") << OptionalStatus(Status::Revoked) << QString() << QStringList{u"key_d"_s};
        QTest::newRow("revoked and text") << OptionalStatus(Status::Revoked) << u"repo"_s << QStringList{u"key_d"_s};
        QTest::newRow("active and text that matches others")
            << OptionalStatus(Status::Active) << u"repo"_s << QStringList{};
    }

    void filterByStatus()
    {
        QFETCH(OptionalStatus, status);
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        Models m;
        m.model.setRecords(fourKeys());
        m.proxy.sort(CredentialModel::Key, Qt::AscendingOrder);
        m.proxy.setFilterText(text);
        m.proxy.setStatusFilter(status);
        QCOMPARE(m.proxy.statusFilter(), status);
        QCOMPARE(proxyIds(m.proxy), ids);
        // Filters set before the records arrive apply to them.
        Models later;
        later.proxy.sort(CredentialModel::Key, Qt::AscendingOrder);
        later.proxy.setFilterText(text);
        later.proxy.setStatusFilter(status);
        later.model.setRecords(fourKeys());
        QCOMPARE(proxyIds(later.proxy), ids);
    }

    void filterFollowsChangedRecords()
    {
        // A key revoked while the list shows "active" leaves the list, as does one renamed out of a search.
        Models m;
        m.model.setRecords(fourKeys());
        m.proxy.setStatusFilter(Status::Active);
        QCOMPARE(proxyIds(m.proxy), QStringList{u"key_a"_s});
        ApiKeyDto a = m.model.record(m.model.rowOf(u"key_a"_s));
        a.status = KeyStatus::Revoked;
        a.revokedAt = Now;
        m.model.upsert(a);
        QCOMPARE(proxyIds(m.proxy), QStringList{});
        m.proxy.setStatusFilter(Status::Revoked);
        m.proxy.sort(CredentialModel::Key, Qt::AscendingOrder);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_a"_s, u"key_d"_s}));

        m.proxy.setStatusFilter(std::nullopt);
        m.proxy.setFilterText(u"deploy"_s);
        QCOMPARE(proxyIds(m.proxy), QStringList{u"key_a"_s});
        a.name = u"Release bot"_s;
        m.model.upsert(a);
        QCOMPARE(proxyIds(m.proxy), QStringList{});
        a.description = u"deploys releases"_s;
        m.model.upsert(a);
        QCOMPARE(proxyIds(m.proxy), QStringList{u"key_a"_s});

        // Time passing moves keys between statuses.
        m.proxy.setFilterText({});
        m.proxy.setStatusFilter(Status::Expired);
        QCOMPARE(proxyIds(m.proxy), QStringList{u"key_c"_s});
        m.model.setNow(Now.addDays(4));
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_b"_s, u"key_c"_s}));
    }

    void sortFollowsChangedRecords()
    {
        Models m;
        m.model.setRecords(fourKeys());
        m.proxy.sort(CredentialModel::Name, Qt::AscendingOrder);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_b"_s, u"key_a"_s, u"key_d"_s, u"key_c"_s}));
        const QPersistentModelIndex selected = m.proxy.index(1, 0); // key_a, as a view's selection would hold it
        QSignalSpy layout(&m.proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&m.proxy, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m.proxy, &QAbstractItemModel::dataChanged);
        ApiKeyDto a = m.model.record(m.model.rowOf(u"key_a"_s));
        a.name = u"yankee"_s;
        m.model.upsert(a);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_b"_s, u"key_d"_s, u"key_a"_s, u"key_c"_s}));
        QCOMPARE(layout.size(), 1);
        QCOMPARE(reset.size(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 2);
        QCOMPARE(selected.data().toString(), u"yankee"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 2);

        // A change that keeps the order is only a data change.
        layout.clear();
        changed.clear();
        a.name = u"yankee doodle"_s;
        m.model.upsert(a);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_b"_s, u"key_d"_s, u"key_a"_s, u"key_c"_s}));

        // Descending, by status: revoking moves the key to the top.
        m.proxy.sort(CredentialModel::Status, Qt::DescendingOrder);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_d"_s, u"key_c"_s, u"key_b"_s, u"key_a"_s}));
        a.status = KeyStatus::Revoked;
        a.revokedAt = Now;
        m.model.upsert(a);
        QCOMPARE(m.proxy.index(0, 0).data(CredentialModel::StatusRole).toInt(), int(Status::Revoked));
        QCOMPARE(m.proxy.index(1, 0).data(CredentialModel::StatusRole).toInt(), int(Status::Revoked));
        QCOMPARE(proxyIds(m.proxy).mid(2), (QStringList{u"key_c"_s, u"key_b"_s}));
    }

    void sortEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        auto ids = [](const char* letters) {
            QStringList out;
            for (const char* c = letters; *c; ++c)
                out.append(u"key_"_s + QLatin1Char(*c));
            return out;
        };
        QTest::newRow("name, case-insensitive") << int(CredentialModel::Name) << ids("badc");
        QTest::newRow("key") << int(CredentialModel::Key) << ids("abcd");
        QTest::newRow("scopes") << int(CredentialModel::Scopes) << ids("cdba");
        QTest::newRow("created") << int(CredentialModel::Created) << ids("cbad");
        QTest::newRow("expires, never last") << int(CredentialModel::Expires) << ids("cbda");
        QTest::newRow("last used, never first") << int(CredentialModel::LastUsed) << ids("bcad");
        QTest::newRow("ip allowlist, any first") << int(CredentialModel::IpAllowlist) << ids("abdc");
        QTest::newRow("status") << int(CredentialModel::Status) << ids("abcd");
    }

    void sortEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        Models m;
        QList<ApiKeyDto> records = fourKeys();
        std::reverse(records.begin(), records.end()); // the source order is not the answer
        m.model.setRecords(records);
        QSignalSpy layout(&m.proxy, &QAbstractItemModel::layoutChanged);
        m.proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(layout.size(), 1);
        QCOMPARE(proxyIds(m.proxy), ascending);
        m.proxy.sort(column, Qt::DescendingOrder);
        QCOMPARE(proxyIds(m.proxy), reversed(ascending));
        // The order holds with a filter on, and for records appended later.
        m.proxy.setFilterText(u"tdk_"_s);
        QCOMPARE(proxyIds(m.proxy), reversed(ascending));
        m.model.clear();
        m.model.appendRecords(records);
        QCOMPARE(proxyIds(m.proxy), reversed(ascending));
    }

    void sortIsStableForEqualKeys()
    {
        Models m;
        QList<ApiKeyDto> records;
        for (int i = 0; i < 5; ++i)
            records.append(key(u"key_%1"_s.arg(i), u"same"_s));
        m.model.setRecords(records);
        m.proxy.sort(CredentialModel::Name, Qt::AscendingOrder);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_0"_s, u"key_1"_s, u"key_2"_s, u"key_3"_s, u"key_4"_s}));
    }

    void unsortedIsSourceOrder()
    {
        // Column -1 (a view whose sort indicator was cleared) means the source's order, as QSortFilterProxyModel does.
        Models m;
        m.model.setRecords(fourKeys());
        m.proxy.sort(CredentialModel::Name, Qt::DescendingOrder);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_c"_s, u"key_d"_s, u"key_a"_s, u"key_b"_s}));
        m.proxy.sort(-1);
        QCOMPARE(m.proxy.sortColumn(), -1);
        QCOMPARE(proxyIds(m.proxy), (QStringList{u"key_a"_s, u"key_b"_s, u"key_c"_s, u"key_d"_s}));
    }

    void noRoleHoldsASecret_data()
    {
        QTest::addColumn<int>("tokenKind");
        QTest::newRow("api key") << int(td::protocol::TokenKind::ApiKey);
        QTest::newRow("uat") << int(td::protocol::TokenKind::Uat);
        QTest::newRow("private token") << int(td::protocol::TokenKind::PrivateToken);
    }

    void noRoleHoldsASecret()
    {
        QFETCH(int, tokenKind);
        // A record as the server lists it: the secret exists, but the model is only ever given prefix and last4.
        const QByteArray secret = td::protocol::OpaqueToken::generate(td::protocol::TokenKind(tokenKind));
        const auto parsed = td::protocol::OpaqueToken::parse(secret);
        QVERIFY(parsed);
        ApiKeyDto r = key(u"key_s"_s, u"with secret"_s);
        r.prefix = parsed->prefix;
        r.last4 = parsed->last4;
        r.expiresAt = Now.addDays(2);
        r.lastUsedAt = Now.addSecs(-10);
        r.lastUsedIp = u"127.0.0.1"_s;
        r.ipAllowlist = {u"127.0.0.1/32"_s};
        QList<ApiKeyDto> records = fourKeys();
        records.append(r);
        Models m;
        m.model.setRecords(records);
        m.proxy.sort(CredentialModel::Name);

        // The hidden middle of the token: what the server never sends after creation.
        const QString hidden = QString::fromLatin1(secret.mid(parsed->prefix.size(), 12));
        const QRegularExpression secretShape(u"td[kupr]_[0-9A-Za-z]{30,}"_s);
        int checked = 0;
        for (const QAbstractItemModel* model :
             {static_cast<const QAbstractItemModel*>(&m.model), static_cast<const QAbstractItemModel*>(&m.proxy)}) {
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    for (int role = 0; role <= Qt::UserRole + 10; ++role) {
                        const QString text = asText(index.data(role));
                        if (text.isEmpty())
                            continue;
                        ++checked;
                        QVERIFY2(!text.contains(QString::fromLatin1(secret)), qPrintable(text));
                        QVERIFY2(!text.contains(hidden), qPrintable(text));
                        QVERIFY2(!secretShape.match(text).hasMatch(), qPrintable(text));
                    }
                }
            }
        }
        QVERIFY(checked > 5 * CredentialModel::ColumnCount * 2); // the scan saw real values
        // What is shown instead: prefix…last4.
        QCOMPARE(m.model.index(m.model.rowOf(u"key_s"_s), CredentialModel::Key).data().toString(),
                 parsed->prefix + u"…"_s + parsed->last4);
    }
};

QTEST_GUILESS_MAIN(TestCredentialModel)
#include "tst_credentialmodel.moc"
