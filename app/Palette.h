#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>

namespace td::app {

// The colours the console gives to states, in one place: every model and view that marks a state takes its colour
// from here, so that "expired" looks the same on every page. Each has a variant for light and for dark themes (told
// apart by the application palette's window colour), chosen to pass WCAG AA contrast on that theme's base.
namespace palette {

inline bool isDark()
{
    // Only a GUI application has a palette (models also serve command-line tools and tests).
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) &&
           QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
inline QColor good() // active
{
    return isDark() ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1b, 0x7f, 0x3b);
}
inline QColor warning() // expiring soon
{
    return isDark() ? QColor(0xf0, 0xb4, 0x4c) : QColor(0x9a, 0x5b, 0x00);
}
inline QColor bad() // expired, refused, failed
{
    return isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0x9a, 0x1c, 0x1c);
}
inline QColor inactive() // revoked
{
    return isDark() ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x60, 0x60, 0x60);
}
// A state's colour as a quiet background (a chip, a banner) on the theme's base colour.
inline QColor tint(const QColor& color)
{
    const QColor base = qobject_cast<QGuiApplication*>(QCoreApplication::instance())
                            ? QGuiApplication::palette().color(QPalette::Base)
                            : QColor(Qt::white);
    const qreal a = isDark() ? 0.28 : 0.14;
    return QColor::fromRgbF(base.redF() * (1 - a) + color.redF() * a, base.greenF() * (1 - a) + color.greenF() * a,
                            base.blueF() * (1 - a) + color.blueF() * a);
}

} // namespace palette

} // namespace td::app
