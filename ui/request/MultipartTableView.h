#pragma once

#include <QWidget>

class QTableView;
class QToolButton;

namespace Sonde {

class MultipartTableModel;
class RemoveRowsControl;

/// A table editing a MultipartTableModel. The Type cell is edited with a Text/File choice; the value of
/// a file row with a path field and a "…" button that opens a file dialog. Delete (or Remove Row)
/// removes the selected rows.
class MultipartTableView final : public QWidget
{
    Q_OBJECT
public:
    /// Shows `model`, which the caller owns and which must outlive the view.
    explicit MultipartTableView(MultipartTableModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    void removeSelectedRows();

private:
    void updateRemoveButton();

    MultipartTableModel *m_model;
    QTableView *m_table;
    QToolButton *m_remove;
    RemoveRowsControl *m_removeControl;
};

} // namespace Sonde
