#pragma once

#include <QLocale>

class QObject;

namespace td::ui {

// Installs Qt's own and TokenDesk's translations for the `language` setting, or the system locale when it is
// empty. The translators are children of owner. Returns the locale used.
QLocale installTranslators(QObject* owner);

} // namespace td::ui
