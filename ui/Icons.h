#pragma once

#include <QIcon>
#include <QString>

namespace td::ui {

// The desktop theme's icon of that freedesktop name, else TokenDesk's own (resources/icons/actions/<name>.svg):
// every action has an icon on every platform, themed where the desktop has one.
QIcon themedIcon(const QString& name);

} // namespace td::ui
