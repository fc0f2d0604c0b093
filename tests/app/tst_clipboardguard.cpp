// ClipboardGuard: the secret goes to the clipboard marked for password managers and leaves it after the timeout,
// unless the user has copied something else in the meantime.
#include "app/ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using td::app::ClipboardGuard;

namespace {

const QByteArray Secret = "tdk_Cl1pb0ardS3cretAbcdefghijklmnopq012345";

QClipboard* clipboard()
{
    return QGuiApplication::clipboard();
}

} // namespace

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        clipboard()->clear();
        QVERIFY(clipboard()->text().isEmpty());
    }

    void copyMarksTheSecret()
    {
        ClipboardGuard guard;
        QVERIFY(!guard.isArmed());
        guard.copySecret(Secret, 30000);
        QVERIFY(guard.isArmed());
        QCOMPARE(clipboard()->text(), QString::fromLatin1(Secret));
        const QMimeData* mime = clipboard()->mimeData();
        QVERIFY(mime);
        const QString hint = QString::fromLatin1(ClipboardGuard::PasswordManagerHint);
        QCOMPARE(hint, u"x-kde-passwordManagerHint"_s);
        QVERIFY2(mime->hasFormat(hint), qPrintable(mime->formats().join(u", "_s)));
        QCOMPARE(mime->data(hint), QByteArray("secret"));
        QVERIFY(mime->hasText());
    }

    void clearsAfterTheTimeout()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(Secret, 200);
        QCOMPARE(guard.clearAfterMs(), 200);
        QCOMPARE(clipboard()->text(), QString::fromLatin1(Secret));
        // Events alone do not clear it: only the timer does (no assertion on how long that takes).
        QCoreApplication::processEvents();
        QVERIFY(guard.isArmed());
        QVERIFY(cleared.isEmpty());
        QVERIFY(cleared.wait(10000));
        QCOMPARE(cleared.size(), 1);
        QVERIFY(!guard.isArmed());
        QVERIFY(clipboard()->text().isEmpty());
        const QMimeData* mime = clipboard()->mimeData();
        QVERIFY(!mime || !mime->hasFormat(QString::fromLatin1(ClipboardGuard::PasswordManagerHint)));
    }

    void leavesWhatTheUserCopiedAlone()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(Secret, 200);
        clipboard()->setText(u"a shopping list"_s);
        QVERIFY(cleared.wait(10000));
        QCOMPARE(clipboard()->text(), u"a shopping list"_s);
    }

    void aSecondCopyRestartsTheTimer()
    {
        ClipboardGuard guard;
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret("tdk_first", 200);
        guard.copySecret(Secret, 300);
        QCOMPARE(guard.clearAfterMs(), 300); // the second copy's timeout replaces the first
        QCOMPARE(clipboard()->text(), QString::fromLatin1(Secret));
        QVERIFY(cleared.wait(10000));
        QCOMPARE(cleared.size(), 1);
        QVERIFY(clipboard()->text().isEmpty());
    }

    void quittingEarlyStillClears()
    {
        {
            ClipboardGuard guard;
            guard.copySecret(Secret, 30000);
            QCOMPARE(clipboard()->text(), QString::fromLatin1(Secret));
        }
        QVERIFY(clipboard()->text().isEmpty());

        // But not what the user copied after it.
        {
            ClipboardGuard guard;
            guard.copySecret(Secret, 30000);
            clipboard()->setText(u"mine"_s);
        }
        QCOMPARE(clipboard()->text(), u"mine"_s);
    }
};

QTEST_MAIN(TestClipboardGuard)
#include "tst_clipboardguard.moc"
