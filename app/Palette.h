#pragma once

#include <QColor>

namespace td::app {

// The colours the console gives to states, in one place: every model and view that marks a state takes its colour
// from here, so that "expired" looks the same on every page. Chosen to read on light and dark backgrounds and to
// pass WCAG AA contrast on white.
namespace palette {
inline QColor good()
{
    return {0x1b, 0x7f, 0x3b};
} // active
inline QColor warning()
{
    return {0xb2, 0x6a, 0x00};
} // expiring soon
inline QColor bad()
{
    return {0x9a, 0x1c, 0x1c};
} // expired, refused, failed
inline QColor inactive()
{
    return {0x60, 0x60, 0x60};
} // revoked
} // namespace palette

} // namespace td::app
