#pragma once

#include <QStyledItemDelegate>

namespace Sonde {

/// Paints the rows of the history list: the request column with the method as a coloured badge before
/// the URL (the colours of the workspace tree), the status in the colour of its class; day rows in bold.
class HistoryEntryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The colour of a status: 2xx green, 3xx blue, 4xx orange, 5xx and transport errors red, others
    /// grey; readable on the palette's base colour.
    static QColor statusColor(int status, bool isError, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Sonde
