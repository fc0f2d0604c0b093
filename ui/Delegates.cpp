#include "Delegates.h"

#include "app/Palette.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace td::ui {

namespace {

constexpr int ChipPadding = 8;

void drawBadge(QPainter* painter, const QRect& rect, const QColor& fill, const QColor& text, const QString& label,
               const QFont& font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    const qreal radius = rect.height() / 2.0;
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setPen(text);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, label);
    painter->restore();
}

} // namespace

void StatusChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear(); // the background, selection and focus as usual; the chip on top
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    const QColor color = index.data(Qt::ForegroundRole).value<QBrush>().color();
    const QFontMetrics fm(opt.font);
    const int height = qMin(option.rect.height() - 4, fm.height() + 4);
    const int width = qMin(option.rect.width() - 6, fm.horizontalAdvance(text) + 2 * ChipPadding);
    const QRect chip(option.rect.left() + 3, option.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    painter->setBrush(app::palette::tint(color));
    painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    painter->setPen(color);
    painter->setFont(opt.font);
    painter->drawText(chip.adjusted(ChipPadding, 0, -ChipPadding / 2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(text, Qt::ElideRight, chip.width() - ChipPadding - ChipPadding / 2));
    painter->restore();
}

QSize StatusChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * ChipPadding + 6;
    return size;
}

int NavigationDelegate::trailingWidth(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant count = index.data(CountRole);
    if (!count.isValid())
        return 0;
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics fm(small);
    int width = fm.horizontalAdvance(QLocale().toString(count.toInt())) + 6;
    const int expiring = index.data(ExpiringRole).toInt();
    if (expiring > 0)
        width += fm.horizontalAdvance(QLocale().toString(expiring)) + 12 + 4;
    return width;
}

void NavigationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int trailing = trailingWidth(option, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The icon and the title (wrapped) as usual, in the room the count leaves.
    QStyleOptionViewItem titleOption = opt;
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    titleOption.rect.setRight(option.rect.right() - trailing);
    titleOption.backgroundBrush = Qt::NoBrush;
    titleOption.state &= ~QStyle::State_HasFocus;
    titleOption.showDecorationSelected = false;
    painter->save();
    painter->setClipRect(titleOption.rect);
    QStyleOptionViewItem content = titleOption;
    content.state &= ~QStyle::State_Selected;
    if (opt.state & QStyle::State_Selected) {
        content.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        // The grey icon would vanish on the selection colour: drawn in the selected text's colour instead.
        const qreal ratio = widget ? widget->devicePixelRatioF() : 1.0;
        QPixmap tinted = opt.icon.pixmap(opt.decorationSize, ratio);
        if (!tinted.isNull()) {
            QPainter tint(&tinted);
            tint.setCompositionMode(QPainter::CompositionMode_SourceIn);
            tint.fillRect(QRect(QPoint(0, 0), tinted.size()), opt.palette.color(QPalette::HighlightedText));
            tint.end();
            content.icon = QIcon(tinted);
        }
    }
    style->drawControl(QStyle::CE_ItemViewItem, &content, painter, widget);
    painter->restore();
    if (trailing == 0)
        return;
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics fm(small);
    const bool selected = opt.state & QStyle::State_Selected;
    int right = option.rect.right() - 4;
    const int expiring = index.data(ExpiringRole).toInt();
    const int height = fm.height() + 2;
    const int top = option.rect.center().y() - height / 2 + 1;
    if (expiring > 0) {
        const QString label = QLocale().toString(expiring);
        const int width = fm.horizontalAdvance(label) + 12;
        drawBadge(painter, QRect(right - width, top, width, height), app::palette::warning(),
                  app::palette::isDark() ? QColor(Qt::black) : QColor(Qt::white), label, small);
        right -= width + 4;
    }
    const QString count = QLocale().toString(index.data(CountRole).toInt());
    painter->save();
    painter->setFont(small);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : opt.palette.color(QPalette::PlaceholderText));
    painter->drawText(QRect(right - fm.horizontalAdvance(count) - 2, top, fm.horizontalAdvance(count) + 2, height),
                      Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The title wraps in the width the count leaves.
    const int trailing = trailingWidth(option, index);
    const int iconWidth = opt.decorationSize.width() + 8;
    const int textWidth =
        qMax(40, (opt.widget ? opt.widget->width() - 4 : option.rect.width()) - trailing - iconWidth - 12);
    const QRect bounds = opt.fontMetrics.boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, opt.text);
    return QSize(option.rect.width(), qMax(bounds.height(), opt.decorationSize.height()) + 10);
}

} // namespace td::ui
