#pragma once

#include "model/Request.h"

#include <QAbstractTableModel>

namespace Sonde {

/// The parts of a multipart/form-data body as an editable item model: per row a tick box, the name,
/// the type (text or file), the value (the text, or the path of the file) and the part's Content-Type.
///
/// Like KeyValueTableModel, an empty row at the end turns into a real row when typed into, and
/// changes made through the model emit rowsEdited() while setParts() does not. A row keeps both its
/// text and its file path, so flipping its type back and forth loses nothing; parts() reports the
/// one its type says.
class MultipartTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, NameColumn, TypeColumn, ValueColumn, ContentTypeColumn, ColumnCount };
    enum Role {
        /// A hint shown in empty cells ("Name", "Value", "Choose a file…", "auto"); null elsewhere.
        PlaceholderTextRole = Qt::UserRole + 1,
        /// True for a file row (on any column).
        IsFileRole,
    };

    explicit MultipartTableModel(QObject *parent = nullptr);

    /// Replaces every row; emits modelReset (and not rowsEdited).
    void setParts(const QList<MultipartPart> &parts);
    QList<MultipartPart> parts() const;

    /// Number of enabled rows with a name.
    int activeCount() const;
    bool isPlaceholderRow(int row) const { return row == m_rows.size(); }

    /// The labels of the Type column, as shown and as accepted by setData().
    static QString typeLabel(bool file);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

Q_SIGNALS:
    void rowsEdited();

private:
    struct Row
    {
        MultipartPart part;
        bool file = false;
    };

    QVariant placeholderData(int column, int role) const;
    bool setRowData(Row &row, int column, const QVariant &value, int role);

    QList<Row> m_rows;
};

} // namespace Sonde
