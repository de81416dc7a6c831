#include "request/KeyValueTableModel.h"

namespace Sonde {

KeyValueTableModel::KeyValueTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void KeyValueTableModel::setRows(const KeyValueList &rows)
{
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void KeyValueTableModel::setKeysFixed(bool fixed)
{
    if (fixed == m_keysFixed)
        return;
    beginResetModel();
    m_keysFixed = fixed;
    endResetModel();
}

int KeyValueTableModel::activeCount() const
{
    int count = 0;
    for (const KeyValue &row : m_rows) {
        if (row.enabled && !row.key.isEmpty())
            ++count;
    }
    return count;
}

int KeyValueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + (m_keysFixed ? 0 : 1);
}

int KeyValueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int row = index.row();
    const int column = index.column();

    if (isPlaceholderRow(row)) {
        if (role == PlaceholderTextRole && column == KeyColumn)
            return tr("Key");
        if (role == PlaceholderTextRole && column == ValueColumn)
            return tr("Value");
        if ((role == Qt::DisplayRole || role == Qt::EditRole) && column != EnabledColumn)
            return QString();
        return {};
    }

    const KeyValue &kv = m_rows.at(row);
    switch (column) {
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return kv.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return kv.enabled ? tr("Sent with the request; untick to keep the row without sending it")
                              : tr("Not sent; tick to send it");
        return {};
    case KeyColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return kv.key;
        return {};
    case ValueColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return kv.value;
        return {};
    default:
        return {};
    }
}

bool KeyValueTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int row = index.row();
    const int column = index.column();
    if (isPlaceholderRow(row))
        return setPlaceholderData(column, value, role);

    KeyValue &kv = m_rows[row];
    if (column == EnabledColumn && role == Qt::CheckStateRole) {
        const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
        if (enabled == kv.enabled)
            return true;
        kv.enabled = enabled;
    } else if ((column == ValueColumn || (column == KeyColumn && !m_keysFixed)) && role == Qt::EditRole) {
        QString &cell = column == KeyColumn ? kv.key : kv.value;
        const QString text = value.toString();
        if (text == cell)
            return true;
        cell = text;
    } else {
        return false;
    }
    if (role == Qt::CheckStateRole)
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole, Qt::ToolTipRole});
    else
        Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    Q_EMIT rowsEdited();
    return true;
}

bool KeyValueTableModel::setPlaceholderData(int column, const QVariant &value, int role)
{
    if (role != Qt::EditRole || (column != KeyColumn && column != ValueColumn))
        return false;
    const QString text = value.toString();
    if (text.isEmpty())
        return false;

    // The empty row becomes a real row in place; a new empty row is inserted below it, so the view's
    // current cell stays on the row being typed into.
    const int row = int(m_rows.size());
    KeyValue kv;
    (column == KeyColumn ? kv.key : kv.value) = text;
    beginInsertRows(QModelIndex(), row + 1, row + 1);
    m_rows.append(kv);
    endInsertRows();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT rowsEdited();
    return true;
}

Qt::ItemFlags KeyValueTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == EnabledColumn) {
        if (!isPlaceholderRow(index.row()))
            f |= Qt::ItemIsUserCheckable;
    } else if (index.column() == ValueColumn || !m_keysFixed) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant KeyValueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case KeyColumn:
            return tr("Key");
        case ValueColumn:
            return tr("Value");
        default:
            return QString();
        }
    }
    if (role == Qt::ToolTipRole && section == EnabledColumn)
        return tr("Only ticked rows are sent");
    return {};
}

bool KeyValueTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || m_keysFixed)
        return false;
    const int last = qMin(row + count, int(m_rows.size())) - 1;
    if (last < row)
        return false;
    beginRemoveRows(QModelIndex(), row, last);
    m_rows.remove(row, last - row + 1);
    endRemoveRows();
    Q_EMIT rowsEdited();
    return true;
}

} // namespace Sonde
