#include "request/PlaceholderDelegate.h"

namespace Sonde {

PlaceholderDelegate::PlaceholderDelegate(int placeholderRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_placeholderRole(placeholderRole)
{ }

void PlaceholderDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString placeholder = index.data(m_placeholderRole).toString();
    if (option->text.isEmpty() && !placeholder.isEmpty()) {
        option->text = placeholder;
        const QColor grey = option->palette.color(QPalette::PlaceholderText);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(QPalette::HighlightedText, grey);
    }
}

} // namespace Sonde
