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
    // Dates, times and numbers follow the chosen language too ("Sonntag, 29. November 2026"), not only the words.
    QLocale::setDefault(locale);
    auto* qt = new QTranslator(owner);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // English too: it carries the plural forms ("1 day", "2 days"). A language TokenDesk does not speak (or the C
    // locale of a bare system) falls back to English, never to the sources' "day(s)".
    auto* ours = new QTranslator(owner);
    if (ours->load(locale, u"tokendesk"_s, u"_"_s, u":/i18n"_s) || ours->load(u"tokendesk_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    return locale;
}

} // namespace td::ui
