#include "request/CapturesTableModel.h"

namespace Sonde {

namespace {

constexpr ResponseCapture::Source Sources[] = {
    ResponseCapture::Source::JsonPath, ResponseCapture::Source::Header, ResponseCapture::Source::Status};

} // namespace

CapturesTableModel::CapturesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString CapturesTableModel::sourceName(ResponseCapture::Source source)
{
    switch (source) {
    case ResponseCapture::Source::JsonPath:
        return tr("JSONPath");
    case ResponseCapture::Source::Header:
        return tr("Header");
    case ResponseCapture::Source::Status:
        return tr("Status");
    }
    return {};
}

QStringList CapturesTableModel::sourceNames()
{
    QStringList names;
    for (ResponseCapture::Source source : Sources)
        names.append(sourceName(source));
    return names;
}

void CapturesTableModel::setCaptures(const QList<ResponseCapture> &captures)
{
    beginResetModel();
    m_captures = captures;
    endResetModel();
}

int CapturesTableModel::addCapture()
{
    const int row = int(m_captures.size());
    beginInsertRows({}, row, row);
    m_captures.append(ResponseCapture());
    endInsertRows();
    Q_EMIT edited();
    return row;
}

void CapturesTableModel::removeCapture(int row)
{
    if (row < 0 || row >= m_captures.size())
        return;
    beginRemoveRows({}, row, row);
    m_captures.removeAt(row);
    endRemoveRows();
    Q_EMIT edited();
}

int CapturesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_captures.size());
}

int CapturesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CapturesTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_captures.size())
        return {};
    const ResponseCapture &capture = m_captures.at(index.row());
    switch (index.column()) {
    case EnabledColumn:
        return role == Qt::CheckStateRole ? QVariant(capture.enabled ? Qt::Checked : Qt::Unchecked) : QVariant();
    case VariableColumn:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(capture.variable) : QVariant();
    case SourceColumn:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(sourceName(capture.source)) : QVariant();
    case ExpressionColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return capture.source == ResponseCapture::Source::Status ? QVariant() : QVariant(capture.expression);
        if (role == Qt::ToolTipRole)
            return capture.source == ResponseCapture::Source::Header ? tr("The header's name, e.g. Location")
                                                                      : tr("A JSONPath, e.g. $.access_token");
        return {};
    default:
        return {};
    }
}

bool CapturesTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_captures.size())
        return false;
    ResponseCapture &capture = m_captures[index.row()];
    if (index.column() == EnabledColumn && role == Qt::CheckStateRole) {
        capture.enabled = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    } else if (index.column() == VariableColumn) {
        capture.variable = value.toString().trimmed();
    } else if (index.column() == SourceColumn) {
        const qsizetype at = sourceNames().indexOf(value.toString());
        if (at < 0)
            return false;
        capture.source = Sources[at];
        Q_EMIT dataChanged(this->index(index.row(), ExpressionColumn), this->index(index.row(), ExpressionColumn));
    } else if (index.column() == ExpressionColumn) {
        capture.expression = value.toString().trimmed();
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited();
    return true;
}

QVariant CapturesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnabledColumn:
        return QString();
    case VariableColumn:
        return tr("Variable");
    case SourceColumn:
        return tr("From");
    case ExpressionColumn:
        return tr("Expression");
    default:
        return {};
    }
}

Qt::ItemFlags CapturesTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == EnabledColumn)
        return flags | Qt::ItemIsUserCheckable;
    if (index.column() == ExpressionColumn && m_captures.at(index.row()).source == ResponseCapture::Source::Status)
        return flags;
    return flags | Qt::ItemIsEditable;
}

} // namespace Sonde
