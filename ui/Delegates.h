#pragma once

#include <QStyledItemDelegate>

namespace td::ui {

// A status cell as a coloured chip with its text (never colour alone): the colour is the cell's ForegroundRole.
class StatusChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

// A sidebar entry: icon, title (wrapping), and at the right the item count and, when some expire within 7 days, a
// warning badge with their number.
class NavigationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role {
        CountRole = Qt::UserRole + 1, // int; absent: no count (a support page)
        ExpiringRole,                 // int: how many expire within 7 days
    };
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int trailingWidth(const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace td::ui
