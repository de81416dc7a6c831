#pragma once

#include "model/KeyValue.h"

#include <QAbstractTableModel>

namespace Sonde {

/// The rows of a key/value table (query parameters, headers) as an editable item model.
///
/// Below the real rows there is always one empty row: typing a key or a value into it turns it into
/// a real row and a new empty row appears underneath, as in Postman. The empty row never shows in
/// rows(). Every change made through the model (editing a cell, ticking a box, removing rows) emits
/// rowsEdited(); setRows() does not, so a caller can feed the table without hearing its own echo.
class KeyValueTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, KeyColumn, ValueColumn, ColumnCount };
    enum Role {
        /// A hint shown in the empty cells of the last row ("Key", "Value"); null elsewhere.
        PlaceholderTextRole = Qt::UserRole + 1,
    };

    explicit KeyValueTableModel(QObject *parent = nullptr);

    /// Replaces every row; emits modelReset (and not rowsEdited). Does nothing when `rows` equals rows().
    void setRows(const KeyValueList &rows);
    KeyValueList rows() const { return m_rows; }

    /// Number of enabled rows with a key: what a request would send.
    int activeCount() const;
    /// True for the always-present empty row at the end.
    bool isPlaceholderRow(int row) const { return !m_keysFixed && row == m_rows.size(); }

    /// Fixed keys: the rows come from elsewhere (the path parameters of the URL), so there is no empty
    /// row, keys cannot be edited and rows cannot be removed; values and the boxes stay editable.
    void setKeysFixed(bool fixed);
    bool keysFixed() const { return m_keysFixed; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Removes real rows; the range is clipped so that the empty last row is never removed.
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

Q_SIGNALS:
    /// The user changed the rows (through setData() or removeRows()).
    void rowsEdited();

private:
    bool setPlaceholderData(int column, const QVariant &value, int role);

    KeyValueList m_rows;
    bool m_keysFixed = false;
};

} // namespace Sonde
