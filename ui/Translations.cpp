#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace td::ui {

QLocale installTranslators(QObject* owner)
{
    const QString language = QSettings().value(u"language"_s).toString();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    auto* qt = new QTranslator(owner);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // English too: it carries the plural forms ("1 day", "2 days").
    auto* ours = new QTranslator(owner);
    if (ours->load(locale, u"tokendesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    return locale;
}

} // namespace td::ui
