// The console's thin main: the command line, then the application and its controller.
#include "ui/AppController.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

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
    return QCoreApplication::exec();
}
