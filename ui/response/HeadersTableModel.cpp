#include "response/HeadersTableModel.h"

namespace Sonde {

namespace {

/// Header bytes as text: UTF-8 when valid, otherwise ISO-8859-1 (HTTP's historical charset).
QString headerText(const QByteArray &bytes)
{
    return QByteArrayView(bytes).isValidUtf8() ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
}

} // namespace

HeadersTableModel::HeadersTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HeadersTableModel::setHeaders(const HeaderList &headers)
{
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

QString HeadersTableModel::rowsAsText(const QList<int> &rows) const
{
    QStringList lines;
    for (const int row : rows) {
        if (row >= 0 && row < m_headers.size())
            lines << headerText(m_headers.at(row).first) + QStringLiteral(": ") + headerText(m_headers.at(row).second);
    }
    return lines.join(u'\n');
}

int HeadersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int HeadersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeadersTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole)
        return {};
    const auto &header = m_headers.at(index.row());
    return headerText(index.column() == NameColumn ? header.first : header.second);
}

QVariant HeadersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

} // namespace Sonde
