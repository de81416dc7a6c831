#include "history/HistoryEntryDelegate.h"

#include "history/HistoryListModel.h"
#include "workspace/MethodBadgeDelegate.h"

#include <QApplication>
#include <QPainter>

namespace Sonde {

namespace {

bool isEntry(const QModelIndex &index)
{
    return index.data(HistoryListModel::KindRole).toInt() == int(HistoryListModel::Kind::Entry);
}

} // namespace

QColor HistoryEntryDelegate::statusColor(int status, bool isError, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto pick = [dark](QColor light, QColor onDark) { return dark ? onDark : light; };
    if (status >= 200 && status < 300)
        return pick(QColor(0x1a, 0x7f, 0x37), QColor(0x6c, 0xd6, 0x8a));
    if (status >= 300 && status < 400)
        return pick(QColor(0x1f, 0x5f, 0xbf), QColor(0x7c, 0xb1, 0xff));
    if (status >= 400 && status < 500)
        return pick(QColor(0xb3, 0x5c, 0x00), QColor(0xff, 0xb0, 0x5c));
    if (status >= 500 || (status == 0 && isError))
        return pick(QColor(0xc0, 0x1c, 0x28), QColor(0xff, 0x7b, 0x84));
    return palette.color(QPalette::Disabled, QPalette::Text);
}

void HistoryEntryDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!isEntry(index)) {
        option->font.setBold(true);
        return;
    }
    if (index.column() == HistoryListModel::StatusColumn) {
        const int status = index.data(HistoryListModel::StatusRole).toInt();
        const bool error = !index.data(HistoryListModel::ErrorKindRole).toString().isEmpty();
        option->palette.setColor(QPalette::Text, statusColor(status, error, option->palette));
        option->font.setBold(true);
    }
}

void HistoryEntryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!isEntry(index) || index.column() != HistoryListModel::RequestColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString method = index.data(HistoryListModel::MethodRole).toString();
    const QString url = opt.text;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Measured with the text in: without it the style makes the text rectangle as narrow as nothing.
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int badge = MethodBadgeDelegate::paintBadge(painter, opt, text, method);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect urlRect = text.adjusted(badge, 0, 0, 0);
    // The end of a URL (path and query) tells entries apart better than its scheme and host.
    painter->drawText(urlRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(url, Qt::ElideMiddle, urlRect.width()));
    painter->restore();
}

} // namespace Sonde
