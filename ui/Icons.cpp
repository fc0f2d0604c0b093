#include "Icons.h"

#include <QFile>

namespace td::ui {

QIcon themedIcon(const QString& name)
{
    const QString bundled = QStringLiteral(":/icons/actions/%1.svg").arg(name);
    Q_ASSERT_X(QFile::exists(bundled), "themedIcon", "every icon used has a bundled fallback");
    return QIcon::fromTheme(name, QIcon(bundled));
}

} // namespace td::ui
