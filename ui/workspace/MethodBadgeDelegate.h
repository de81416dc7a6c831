#pragma once

#include <QStyledItemDelegate>

namespace Sonde {

/// Paints a request row of the workspace tree with its method as a small coloured badge before the
/// name (GET green, POST orange, PUT blue, PATCH violet, DELETE red, others grey); other rows as usual.
class MethodBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The badge colour of `method`, readable on the palette's base colour.
    static QColor colorFor(const QString &method, const QPalette &palette);
    /// The badge text: the method, "DEL" for DELETE, "OPT" for OPTIONS, at most 5 characters.
    static QString badgeText(const QString &method);
    /// Paints the badge of `method` at the left of `textRect` (an item's text rectangle), in the
    /// highlighted text colour when the item is selected; returns the width it takes.
    static int paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QRect &textRect,
                          const QString &method);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

private:
    static int badgeWidth(const QStyleOptionViewItem &option);
};

} // namespace Sonde
