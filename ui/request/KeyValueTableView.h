#pragma once

#include <QWidget>

class QTableView;
class QToolButton;

namespace Sonde {

class KeyValueTableModel;
class RemoveRowsControl;

/// A table editing a KeyValueTableModel: tick box, key and value per row, an empty row at the end to
/// type new rows into, and a way to remove rows (the Delete key or the Remove button).
class KeyValueTableView final : public QWidget
{
    Q_OBJECT
public:
    /// Shows `model`, which the caller owns and which must outlive the view.
    explicit KeyValueTableView(KeyValueTableModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    /// Removes the real rows that hold a selected cell.
    void removeSelectedRows();

private:
    void updateRemoveButton();

    KeyValueTableModel *m_model;
    QTableView *m_table;
    QToolButton *m_remove;
    RemoveRowsControl *m_removeControl;
};

} // namespace Sonde
