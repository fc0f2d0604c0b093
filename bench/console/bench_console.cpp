// bench_console: the console at 100,000 keys, driven through its real widgets against a real, seeded
// tokendesk-server: how long select all (Ctrl+A) and a bulk revoke of 5,000 keys (Del, confirm) take, and the
// longest stall of the event loop meanwhile, measured by a 5 ms QTimer probe. Prints figures; asserts nothing.
//
//   bench_console [--keys 100000] [--revoke 5000] [--seed 42]
#include "SeedKeys.h"
#include "TestServer.h"
#include "app/CredentialFilterModel.h"
#include "app/CredentialModel.h"
#include "app/CredentialService.h"
#include "app/Profiles.h"
#include "ui/AppController.h"
#include "ui/CredentialsPage.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The longest gap between two ticks of a 5 ms timer, minus the 5 ms: how long the event loop could not run.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    // Starts and waits for the first tick, so that what follows is measured from a running probe.
    void start()
    {
        m_worst = 0;
        m_last = -1;
        m_clock.start();
        m_timer.start();
        QTest::qWait(20);
        m_worst = 0;
    }
    // The longest stall since start(), with what the probe missed up to now.
    double worstMs()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_last >= 0)
            m_worst = std::max(m_worst, now - m_last);
        return std::max(0.0, double(m_worst) / 1e6 - 5.0);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_worst = 0;
};

template <typename T> T* waitFor(const QString& name, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* found = qobject_cast<T*>(w);
            if (!found)
                found = w->findChild<T*>(name);
            if (found && found->objectName() == name && found->isVisible())
                return found;
        }
        QTest::qWait(10);
    }
    return nullptr;
}

void type(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

int fail(const char* what)
{
    std::fprintf(stderr, "bench_console: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef TOKENDESK_SERVER_BIN_DEFAULT
    if (qEnvironmentVariableIsEmpty("TOKENDESK_SERVER_BIN"))
        qputenv("TOKENDESK_SERVER_BIN", TOKENDESK_SERVER_BIN_DEFAULT);
#endif
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no real profile or window state is touched
    QCoreApplication::setOrganizationName(u"TokenDeskBench"_s);
    QCoreApplication::setApplicationName(u"bench_console"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The console's widgets at 100k keys: select all and a bulk revoke."_s);
    parser.addHelpOption();
    const QCommandLineOption keysOption(u"keys"_s, u"Keys to seed."_s, u"count"_s, u"100000"_s);
    const QCommandLineOption revokeOption(u"revoke"_s, u"Keys to revoke in bulk."_s, u"count"_s, u"5000"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Random seed."_s, u"n"_s, u"42"_s);
    parser.addOptions({keysOption, revokeOption, seedOption});
    parser.process(app);
    const int keys = parser.value(keysOption).toInt();
    const int toRevoke = std::min(keys, parser.value(revokeOption).toInt());

    td::test::TestServer server;
    if (!server.start())
        return fail("tokendesk-server did not start");
    server.stop();
    QString error;
    if (!td::bench::seedKeys(server.databasePath(), keys, parser.value(seedOption).toUInt(), &error))
        return fail(qPrintable(u"seeding failed: "_s + error));
    if (!server.restart())
        return fail("tokendesk-server did not restart");

    // Sign in through the login dialog, as a user does.
    td::ui::AppController console;
    console.start();
    auto* login = waitFor<td::ui::LoginDialog>(u"loginDialog"_s);
    if (!login)
        return fail("no login dialog");
    type(login->findChild<QLineEdit*>(u"urlEdit"_s), server.url().toString());
    type(login->findChild<QLineEdit*>(u"emailEdit"_s), QString::fromLatin1(td::test::TestServer::AdminEmail));
    type(login->findChild<QLineEdit*>(u"secretEdit"_s), QString::fromLatin1(td::test::TestServer::AdminPassword));
    auto* environment = login->findChild<QComboBox*>(u"environmentCombo"_s);
    environment->setFocus();
    QTest::keyClick(environment, Qt::Key_End);
    QElapsedTimer total;
    total.start();
    QTest::mouseClick(login->findChild<QPushButton*>(u"connectButton"_s), Qt::LeftButton);
    QElapsedTimer wait;
    wait.start();
    td::ui::CredentialsPage* page = nullptr;
    while (wait.elapsed() < 120000) {
        if (console.mainWindow() && (page = console.mainWindow()->page(td::app::CredentialKind::ApiKey)) &&
            page->model()->rowCount() >= keys && !page->isBusy())
            break;
        QTest::qWait(20);
    }
    if (!page || page->model()->rowCount() < keys)
        return fail("the keys did not load");
    std::printf("bench_console: %d keys, Qt %s\n", page->model()->rowCount(), qVersion());
    std::printf("%-58s %10.0f ms\n", "sign in and load every key (from Connect)", double(total.elapsed()));
    console.mainWindow()->resize(1200, 720);
    QTableView* view = page->view();
    view->setFocus();
    QTest::qWait(200);

    StallProbe probe;
    // Select all.
    probe.start();
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QApplication::processEvents();
    const double selectMs = double(timer.nsecsElapsed()) / 1e6;
    QTest::qWait(100);
    std::printf("%-58s %10.1f ms   longest stall %.0f ms (target <= 100 ms)\n", "select all (Ctrl+A)", selectMs,
                probe.worstMs());
    if (view->selectionModel()->selectedRows().size() != page->proxy()->rowCount())
        return fail("select all did not select every row");

    // A bulk revoke of toRevoke keys: click the first row, Shift+click the last, Del, confirm.
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    const QModelIndex first = page->proxy()->index(0, 0);
    const QModelIndex last = page->proxy()->index(toRevoke - 1, 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    view->scrollTo(last);
    QTest::qWait(50);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, view->visualRect(last).center());
    const int selected = int(view->selectionModel()->selectedRows().size());
    probe.start();
    timer.start();
    QTest::keyClick(view, Qt::Key_Delete);
    auto* box = waitFor<QMessageBox>(u"revokeConfirm"_s);
    if (!box)
        return fail("no confirmation");
    const double confirmMs = double(timer.nsecsElapsed()) / 1e6;
    const double confirmStall = probe.worstMs();
    probe.start();
    timer.start();
    bool done = false;
    td::app::RevokeOutcome outcome;
    QObject::connect(page->service(), &td::app::CredentialService::revoked, [&](const td::app::RevokeOutcome& o) {
        outcome = o;
        done = true;
    });
    QTest::mouseClick(box->findChild<QPushButton*>(u"confirmRevokeButton"_s), Qt::LeftButton);
    while (!done && timer.elapsed() < 300000)
        QTest::qWait(5);
    const double revokeMs = double(timer.nsecsElapsed()) / 1e6;
    QTest::qWait(100); // what the views do with the result
    const double revokeStall = probe.worstMs();
    std::printf("%-58s %10.1f ms   longest stall %.0f ms\n",
                qPrintable(u"open the revoke confirmation for %1 selected (Del)"_s.arg(selected)), confirmMs,
                confirmStall);
    std::printf("%-58s %10.1f ms   longest stall %.0f ms (target <= 100 ms)\n",
                qPrintable(u"bulk revoke %1 (confirm to last answer, %2 requests)"_s.arg(selected).arg(
                    (selected + td::protocol::MaxBulkRevokeIds - 1) / td::protocol::MaxBulkRevokeIds)),
                revokeMs, revokeStall);
    std::printf("%-58s %10d revoked, %d skipped, %d not revoked%s\n", "outcome", outcome.revoked,
                outcome.alreadyRevoked, outcome.notRevoked, outcome.error.ok() ? "" : " (failed)");
    console.mainWindow()->close();
    return done && outcome.error.ok() ? 0 : 1;
}
