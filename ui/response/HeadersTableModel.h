#pragma once

#include "model/Exchange.h"

#include <QAbstractTableModel>

namespace Sonde {

/// Response headers as a two-column table (name, value), in the order received.
class HeadersTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit HeadersTableModel(QObject *parent = nullptr);

    void setHeaders(const HeaderList &headers);
    const HeaderList &headers() const { return m_headers; }

    /// The given rows as "Name: value" lines, for the clipboard.
    QString rowsAsText(const QList<int> &rows) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    HeaderList m_headers;
};

} // namespace Sonde
