#include "workspace/VariableTableModel.h"

namespace Sonde {

VariableTableModel::VariableTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void VariableTableModel::setVariables(const VariableList &variables)
{
    beginResetModel();
    m_variables = variables;
    endResetModel();
}

void VariableTableModel::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    if (!m_variables.isEmpty())
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn), {Qt::DisplayRole});
}

int VariableTableModel::addVariable()
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_variables.append(Variable());
    endInsertRows();
    Q_EMIT edited();
    return row;
}

void VariableTableModel::removeVariable(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_variables.removeAt(row);
    endRemoveRows();
    Q_EMIT edited();
}

int VariableTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_variables.size());
}

int VariableTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariableTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Variable &variable = m_variables.at(index.row());
    switch (index.column()) {
    case NameColumn:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(variable.name) : QVariant();
    case ValueColumn:
        if (role == Qt::EditRole)
            return variable.value;
        if (role == Qt::DisplayRole)
            return variable.secret && !m_revealed && !variable.value.isEmpty() ? QString::fromUtf16(Mask) : variable.value;
        if (role == Qt::ToolTipRole && variable.secret)
            return tr("Stored in the secret store, never in the workspace files");
        return {};
    case SecretColumn:
        return role == Qt::CheckStateRole ? QVariant(variable.secret ? Qt::Checked : Qt::Unchecked) : QVariant();
    case EnabledColumn:
        return role == Qt::CheckStateRole ? QVariant(variable.enabled ? Qt::Checked : Qt::Unchecked) : QVariant();
    default:
        return {};
    }
}

bool VariableTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    Variable &variable = m_variables[index.row()];
    const bool checked = value.toInt() == Qt::Checked;
    switch (index.column()) {
    case NameColumn:
        if (role != Qt::EditRole)
            return false;
        variable.name = value.toString().trimmed();
        break;
    case ValueColumn:
        if (role != Qt::EditRole)
            return false;
        variable.value = value.toString();
        break;
    case SecretColumn:
        if (role != Qt::CheckStateRole)
            return false;
        variable.secret = checked;
        Q_EMIT dataChanged(this->index(index.row(), ValueColumn), this->index(index.row(), ValueColumn));
        break;
    case EnabledColumn:
        if (role != Qt::CheckStateRole)
            return false;
        variable.enabled = checked;
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited();
    return true;
}

QVariant VariableTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case SecretColumn:
        return tr("Secret");
    case EnabledColumn:
        return tr("Enabled");
    default:
        return {};
    }
}

Qt::ItemFlags VariableTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == SecretColumn || index.column() == EnabledColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

} // namespace Sonde
