// Help → About TokenDesk shows the version from project(VERSION), the licence and the Qt and OpenSSL versions in
// use; both programs answer --version with that version and exit 0, the console also --help, without a display.
#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/Session.h"
#include "ui/AboutDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString labelText(const QWidget* parent, const QString& objectName)
{
    const auto* label = parent->findChild<QLabel*>(objectName);
    return label ? label->text() : QString();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Without a display: no QT_QPA_PLATFORM, no DISPLAY, no WAYLAND_DISPLAY (as on a server, or over ssh).
Run runWithoutDisplay(const QString& binary, const QString& option)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(name);
    process.setProcessEnvironment(env);
    process.start(binary, {option});
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

} // namespace

class TestAbout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_about"_s);
    }

    void dialogShowsVersionsAndLicence()
    {
        td::ui::AboutDialog dialog;
        QCOMPARE(dialog.objectName(), u"aboutDialog"_s);
        const QString version = labelText(&dialog, u"versionLabel"_s);
        // TOKENDESK_VERSION is project(VERSION), e.g. "0.1.0".
        QVERIFY(QStringLiteral(TOKENDESK_VERSION).count(u'.') == 2);
        QVERIFY2(version.contains(QStringLiteral(TOKENDESK_VERSION)), qPrintable(version));
        QVERIFY(labelText(&dialog, u"licenseLabel"_s).contains(u"MIT"_s));
        QVERIFY(labelText(&dialog, u"nameLabel"_s).contains(u"TokenDesk"_s));

        const QString qt = labelText(&dialog, u"qtVersionLabel"_s);
        QVERIFY2(qt.contains(QString::fromLatin1(qVersion())), qPrintable(qt));
        QVERIFY2(qt.contains(QStringLiteral(QT_VERSION_STR)), qPrintable(qt));

        // OpenSSL is loaded at run time: the label names the library actually in use.
        QVERIFY2(QSslSocket::supportsSsl(), "no TLS backend could load OpenSSL");
        const QString ssl = labelText(&dialog, u"sslVersionLabel"_s);
        QVERIFY2(ssl.contains(QSslSocket::sslLibraryVersionString()), qPrintable(ssl));
        QVERIFY2(ssl.contains(u"OpenSSL"_s), qPrintable(ssl));
        QVERIFY(!labelText(&dialog, u"keychainLabel"_s).isEmpty());

        // The SVG icon renders, which needs the Qt SVG icon engine at run time.
        const auto* icon = dialog.findChild<QLabel*>(u"iconLabel"_s);
        QVERIFY(icon);
        QVERIFY(!icon->pixmap().isNull());
    }

    void helpMenuOpensOneAboutDialog()
    {
        td::app::ApiClient client;
        td::app::Session session(&client);
        td::app::ClipboardGuard clipboard;
        td::ui::MainWindow window(&client, &session, &clipboard);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* help = window.menuBar()->findChild<QMenu*>(u"helpMenu"_s);
        QVERIFY(help);
        auto* about = window.findChild<QAction*>(u"aboutAction"_s);
        auto* aboutQt = window.findChild<QAction*>(u"aboutQtAction"_s);
        QVERIFY(about && aboutQt);
        QVERIFY(help->actions().contains(about) && help->actions().contains(aboutQt));

        about->trigger();
        auto* dialog = window.findChild<td::ui::AboutDialog*>(u"aboutDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(!dialog->windowIcon().isNull());
        about->trigger(); // raises the open one instead of stacking a second
        QCOMPARE(window.findChildren<td::ui::AboutDialog*>().size(), 1);
        dialog->reject();
        QTRY_COMPARE(window.findChildren<td::ui::AboutDialog*>().size(), 0); // deleted on close
        window.close();
    }

    void consolePrintsItsVersion()
    {
        const QString binary = qEnvironmentVariable("TOKENDESK_CONSOLE_BIN");
        QVERIFY2(!binary.isEmpty(), "TOKENDESK_CONSOLE_BIN is not set");
        const Run run = runWithoutDisplay(binary, u"--version"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, u"TokenDesk "_s + QStringLiteral(TOKENDESK_VERSION) + u'\n');
        const Run help = runWithoutDisplay(binary, u"--help"_s);
        QVERIFY2(help.exitCode == 0, qPrintable(help.err));
        QVERIFY2(help.out.contains(u"--demo"_s) && help.out.contains(u"--server-binary"_s), qPrintable(help.out));
    }

    void serverPrintsItsVersion()
    {
        const QString binary = qEnvironmentVariable("TOKENDESK_SERVER_BIN");
        QVERIFY2(!binary.isEmpty(), "TOKENDESK_SERVER_BIN is not set");
        const Run run = runWithoutDisplay(binary, u"--version"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, u"tokendesk-server "_s + QStringLiteral(TOKENDESK_VERSION) + u'\n');
    }
};

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
