// Export of credentials: the wire fields as CSV or JSON, defused formulas, names per kind and tenant.
#include "app/CredentialExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::CredentialKind;
using td::app::ExportFormat;
using td::protocol::ApiKeyDto;

class TestCredentialExport : public QObject
{
    Q_OBJECT
private slots:
    void uatsNameTheirFields()
    {
        ApiKeyDto uat;
        uat.id = u"uat_1"_s;
        uat.kind = CredentialKind::Uat;
        uat.name = u"+cmd|' /C calc'!A0"_s;
        uat.prefix = u"tdu_AbCdEfGh"_s;
        uat.last4 = u"wxyz"_s;
        uat.scopes = {u"brand_create"_s, u"scans_download"_s};
        uat.tenantId = u"acme"_s;
        uat.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        uat.expiresAt = QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC);
        const QStringList lines =
            QString::fromUtf8(td::app::exportCredentials({uat}, CredentialKind::Uat, ExportFormat::Csv))
                .split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(u"\"permissions\""_s) && lines.at(0).contains(u"\"validUntil\""_s),
                 qPrintable(lines.at(0)));
        QVERIFY(!lines.at(0).contains(u"\"scopes\""_s));
        QVERIFY2(lines.at(1).contains(u"\"'+cmd|' /C calc'!A0\""_s), qPrintable(lines.at(1))); // defused
        QVERIFY(lines.at(1).contains(u"\"brand_create scans_download\""_s));
        QVERIFY(lines.at(1).contains(u"\"2026-01-02T03:04:05Z\""_s));
        QVERIFY(lines.at(1).contains(u"\"2026-01-31\""_s)); // valid through the last day
        QVERIFY(lines.at(1).contains(u"\"active\""_s));
        QVERIFY(lines.at(1).contains(u",\"\","_s)); // never used: an empty cell

        const QJsonArray json =
            QJsonDocument::fromJson(td::app::exportCredentials({uat}, CredentialKind::Uat, ExportFormat::Json)).array();
        QCOMPARE(json.size(), 1);
        QCOMPARE(json.at(0).toObject(), uat.toJson());
    }

    void namesSayWhatAndWhen()
    {
        const QDate day(2026, 11, 30);
        QCOMPARE(td::app::suggestedExportName(CredentialKind::ApiKey, u"acme"_s, day, ExportFormat::Csv),
                 u"api-keys-acme-2026-11-30.csv"_s);
        QCOMPARE(td::app::suggestedExportName(CredentialKind::PrivateToken, u"a/b c"_s, day, ExportFormat::Json),
                 u"private-tokens-a-b-c-2026-11-30.json"_s);
        QCOMPARE(td::app::suggestedExportName(CredentialKind::Uat, {}, day, ExportFormat::Csv),
                 u"uats-2026-11-30.csv"_s);
        QVERIFY(td::app::exportFormatFor(u"x.JSON"_s) == ExportFormat::Json);
        QVERIFY(td::app::exportFormatFor(u"x.csv"_s) == ExportFormat::Csv);
        QVERIFY(td::app::exportFormatFor(u"x"_s) == ExportFormat::Csv);
    }
};

QTEST_GUILESS_MAIN(TestCredentialExport)
#include "tst_credentialexport.moc"
