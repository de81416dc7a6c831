#include "request/MultipartTableModel.h"

#include <QDir>

namespace Sonde {

MultipartTableModel::MultipartTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MultipartTableModel::setParts(const QList<MultipartPart> &parts)
{
    beginResetModel();
    m_rows.clear();
    for (const MultipartPart &part : parts)
        m_rows.append({part, part.isFile()});
    endResetModel();
}

QList<MultipartPart> MultipartTableModel::parts() const
{
    QList<MultipartPart> parts;
    parts.reserve(m_rows.size());
    for (const Row &row : m_rows) {
        MultipartPart part = row.part;
        if (row.file)
            part.value.clear();
        else
            part.filePath.clear();
        parts.append(part);
    }
    return parts;
}

int MultipartTableModel::activeCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [](const Row &row) { return row.part.enabled && !row.part.name.isEmpty(); }));
}

QString MultipartTableModel::typeLabel(bool file)
{
    return file ? tr("File") : tr("Text");
}

int MultipartTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int MultipartTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MultipartTableModel::placeholderData(int column, int role) const
{
    if (role == PlaceholderTextRole) {
        switch (column) {
        case NameColumn:
            return tr("Name");
        case ValueColumn:
            return tr("Value");
        default:
            return {};
        }
    }
    if (role == IsFileRole)
        return false;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        if (column == TypeColumn)
            return typeLabel(false);
        if (column != EnabledColumn)
            return QString();
    }
    return {};
}

QVariant MultipartTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int column = index.column();
    if (isPlaceholderRow(index.row()))
        return placeholderData(column, role);

    const Row &row = m_rows.at(index.row());
    const MultipartPart &part = row.part;
    if (role == IsFileRole)
        return row.file;
    const bool text = role == Qt::DisplayRole || role == Qt::EditRole;
    switch (column) {
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return part.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return part.enabled ? tr("Sent with the request; untick to keep the part without sending it")
                                : tr("Not sent; tick to send it");
        return {};
    case NameColumn:
        return text ? QVariant(part.name) : QVariant();
    case TypeColumn:
        return text ? QVariant(typeLabel(row.file)) : QVariant();
    case ValueColumn:
        if (text)
            return row.file
                ? (role == Qt::DisplayRole ? QDir::toNativeSeparators(part.filePath) : part.filePath)
                : part.value;
        if (role == PlaceholderTextRole)
            return row.file ? tr("Choose a file…") : tr("Value");
        if (role == Qt::ToolTipRole && row.file && !part.filePath.isEmpty())
            return QDir::toNativeSeparators(part.filePath);
        return {};
    case ContentTypeColumn:
        if (text)
            return part.contentType;
        if (role == PlaceholderTextRole)
            return row.file ? tr("guessed from the file") : tr("none");
        if (role == Qt::ToolTipRole)
            return tr("The part's Content-Type; left empty, a file part gets one guessed from its name");
        return {};
    default:
        return {};
    }
}

bool MultipartTableModel::setRowData(Row &row, int column, const QVariant &value, int role)
{
    MultipartPart &part = row.part;
    if (column == EnabledColumn && role == Qt::CheckStateRole) {
        const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
        if (enabled == part.enabled)
            return false;
        part.enabled = enabled;
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    const QString text = value.toString();
    QString *cell = nullptr;
    switch (column) {
    case NameColumn:
        cell = &part.name;
        break;
    case TypeColumn: {
        const bool file = text.compare(typeLabel(true), Qt::CaseInsensitive) == 0
            || text.compare(QLatin1StringView("file"), Qt::CaseInsensitive) == 0;
        if (file == row.file)
            return false;
        row.file = file;
        return true;
    }
    case ValueColumn:
        cell = row.file ? &part.filePath : &part.value;
        break;
    case ContentTypeColumn:
        cell = &part.contentType;
        break;
    default:
        return false;
    }
    if (*cell == text)
        return false;
    *cell = text;
    return true;
}

bool MultipartTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int rowIndex = index.row();
    if (isPlaceholderRow(rowIndex)) {
        // Typing into the empty row (or making it a file row) turns it into a real part.
        Row row;
        const bool typed = role == Qt::EditRole && index.column() != EnabledColumn
            && (index.column() == TypeColumn || !value.toString().isEmpty());
        if (!typed || !setRowData(row, index.column(), value, role))
            return false;
        beginInsertRows(QModelIndex(), rowIndex + 1, rowIndex + 1);
        m_rows.append(row);
        endInsertRows();
        Q_EMIT dataChanged(this->index(rowIndex, 0), this->index(rowIndex, ColumnCount - 1));
        Q_EMIT rowsEdited();
        return true;
    }
    if (!setRowData(m_rows[rowIndex], index.column(), value, role))
        return true;
    // A type change changes what the value and content type cells show.
    const QModelIndex first = index.column() == TypeColumn ? this->index(rowIndex, 0) : index;
    const QModelIndex last = index.column() == TypeColumn ? this->index(rowIndex, ColumnCount - 1) : index;
    Q_EMIT dataChanged(first, last);
    Q_EMIT rowsEdited();
    return true;
}

Qt::ItemFlags MultipartTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == EnabledColumn) {
        if (!isPlaceholderRow(index.row()))
            f |= Qt::ItemIsUserCheckable;
    } else {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant MultipartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case TypeColumn:
            return tr("Type");
        case ValueColumn:
            return tr("Value");
        case ContentTypeColumn:
            return tr("Content-Type");
        default:
            return QString();
        }
    }
    if (role == Qt::ToolTipRole && section == EnabledColumn)
        return tr("Only ticked parts are sent");
    return {};
}

bool MultipartTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0)
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
