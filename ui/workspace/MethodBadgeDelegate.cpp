#include "workspace/MethodBadgeDelegate.h"

#include "workspace/WorkspaceTreeModel.h"

#include <QApplication>
#include <QPainter>

namespace Sonde {

namespace {

bool isRequest(const QModelIndex &index)
{
    return index.data(WorkspaceTreeModel::KindRole).toInt() == int(WorkspaceTreeModel::Kind::Request);
}

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    font.setPointSizeF(base.pointSizeF() * 0.8);
    return font;
}

} // namespace

QColor MethodBadgeDelegate::colorFor(const QString &method, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto pick = [dark](QColor light, QColor onDark) { return dark ? onDark : light; };
    if (method == u"GET")
        return pick(QColor(0x1a, 0x7f, 0x37), QColor(0x6c, 0xd6, 0x8a));
    if (method == u"POST")
        return pick(QColor(0xb3, 0x5c, 0x00), QColor(0xff, 0xb0, 0x5c));
    if (method == u"PUT")
        return pick(QColor(0x1f, 0x5f, 0xbf), QColor(0x7c, 0xb1, 0xff));
    if (method == u"PATCH")
        return pick(QColor(0x7b, 0x3f, 0xb8), QColor(0xc3, 0x9b, 0xf0));
    if (method == u"DELETE")
        return pick(QColor(0xc0, 0x1c, 0x28), QColor(0xff, 0x7b, 0x84));
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QString MethodBadgeDelegate::badgeText(const QString &method)
{
    if (method == u"DELETE")
        return QStringLiteral("DEL");
    if (method == u"OPTIONS")
        return QStringLiteral("OPT");
    return method.left(5);
}

int MethodBadgeDelegate::badgeWidth(const QStyleOptionViewItem &option)
{
    return QFontMetrics(badgeFont(option.font)).horizontalAdvance(QStringLiteral("PATCH")) + 8;
}

int MethodBadgeDelegate::paintBadge(
    QPainter *painter, const QStyleOptionViewItem &option, const QRect &textRect, const QString &method)
{
    const int badge = badgeWidth(option);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(badgeFont(option.font));
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : colorFor(method, option.palette));
    painter->drawText(QRect(textRect.left(), textRect.top(), badge, textRect.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, badgeText(method));
    painter->restore();
    return badge;
}

void MethodBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!isRequest(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString method = index.data(WorkspaceTreeModel::MethodRole).toString();
    const QString name = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int badge = paintBadge(painter, opt, text, method);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect nameRect = text.adjusted(badge, 0, 0, 0);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(name, Qt::ElideRight, nameRect.width()));
    painter->restore();
}

void MethodBadgeDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                               const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    if (isRequest(index))
        editor->setGeometry(editor->geometry().adjusted(badgeWidth(option), 0, 0, 0));
}

} // namespace Sonde
