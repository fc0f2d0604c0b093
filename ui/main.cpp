// The console's thin main: the command line, then the application and its controller.
#include "app/CredentialService.h"
#include "ui/AppController.h"
#include "ui/CredentialsPage.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QIcon>
#include <QTimer>
#include <QWindow>

#include <cstdio>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(u"TokenDesk"_s);
    QCoreApplication::setOrganizationName(u"TokenDesk"_s);
    QCoreApplication::setOrganizationDomain(u"tokendesk.example"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
}

// --help and --version print and exit, and need no display: QApplication aborts without one.
bool onlyPrints(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

// Prints "startup window-shown <ms since the epoch>" when the main window is first on screen and "startup first-page
// <ms>" when the API keys page is first filled, on stderr: bench/startup/run measures from before the launch.
void traceStartup(td::ui::AppController& controller)
{
    auto print = [](const char* what) {
        std::fprintf(stderr, "startup %s %lld\n", what, static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
        std::fflush(stderr);
    };
    auto* poll = new QTimer(&controller);
    poll->setInterval(1);
    QObject::connect(poll, &QTimer::timeout, &controller, [&controller, poll, print] {
        td::ui::MainWindow* window = controller.mainWindow();
        if (!window || !window->windowHandle() || !window->windowHandle()->isExposed())
            return;
        poll->stop();
        print("window-shown");
        td::app::CredentialService* keys = window->page(td::app::CredentialKind::ApiKey)->service();
        auto* once = new QObject(&controller);
        QObject::connect(keys, &td::app::CredentialService::loaded, once, [once, print] {
            print("first-page");
            once->deleteLater();
        });
    });
    poll->start();
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app = onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                                                                   : std::make_unique<QApplication>(argc, argv);
    setIdentity();
    // The language follows the system unless the settings say otherwise.
    td::ui::installTranslators(app.get());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Manage API keys, UATs and private tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
                                  QCoreApplication::translate("main", "Start a local demo server and log in to it."));
    const QCommandLineOption server(
        u"server-binary"_s, QCoreApplication::translate("main", "tokendesk-server to start with --demo."), u"path"_s);
    parser.addOptions({demo, server});
    parser.process(*app); // --help and --version exit here

    QApplication::setWindowIcon(QIcon(u":/icons/tokendesk.svg"_s));
    QGuiApplication::setDesktopFileName(u"io.tokendesk.TokenDesk"_s); // matches the .desktop file (Wayland)
    td::ui::AppController controller;
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, &controller, &td::ui::AppController::shutdown);
    if (parser.isSet(demo))
        controller.startDemo(parser.value(server));
    else
        controller.start();
    if (qEnvironmentVariableIsSet("TOKENDESK_TRACE_STARTUP"))
        traceStartup(controller); // for bench/startup
    return QCoreApplication::exec();
}
