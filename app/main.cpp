#include "ui/AppController.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"TokenDesk"_s);
    QApplication::setOrganizationName(u"TokenDesk"_s);
    QApplication::setOrganizationDomain(u"tokendesk.example"_s);
    QApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/tokendesk.svg"_s));
    QGuiApplication::setDesktopFileName(u"io.tokendesk.TokenDesk"_s); // matches the .desktop file (Wayland)

    // The language follows the system unless the settings say otherwise.
    td::ui::installTranslators(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Manage API keys, UATs and private tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
                                  QApplication::translate("main", "Start a local demo server and log in to it."));
    const QCommandLineOption server(
        u"server-binary"_s, QApplication::translate("main", "tokendesk-server to start with --demo."), u"path"_s);
    parser.addOptions({demo, server});
    parser.process(app);

    td::ui::AppController controller;
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &controller, &td::ui::AppController::shutdown);
    if (parser.isSet(demo))
        controller.startDemo(parser.value(server));
    else
        controller.start();
    return QApplication::exec();
}
