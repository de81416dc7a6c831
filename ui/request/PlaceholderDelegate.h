#pragma once

#include <QStyledItemDelegate>

namespace Sonde {

/// Draws a model's placeholder text (the role given at construction, e.g. "Key", "Value") greyed out
/// in empty cells, as a line edit does with its placeholder.
class PlaceholderDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    PlaceholderDelegate(int placeholderRole, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_placeholderRole;
};

} // namespace Sonde
