#pragma once

#include <QObject>

#include <functional>

class QTableView;
class QToolButton;
class QWidget;

namespace Sonde {

/// The "Remove …" button under an editable table that ends in a placeholder row, and the Delete key
/// in the table: both remove the selected rows (or the current one), never the placeholder, and the
/// button is enabled only when there is something to remove. Lays the table and the button out in
/// `owner`.
class RemoveRowsControl final : public QObject
{
    Q_OBJECT
public:
    using IsPlaceholder = std::function<bool(int row)>;

    RemoveRowsControl(QWidget *owner, QTableView *table, const QString &text, const QString &toolTip,
        IsPlaceholder isPlaceholder);

    QToolButton *button() const { return m_button; }
    void removeSelectedRows();
    void updateButton();

private:
    QTableView *m_table;
    QToolButton *m_button;
    IsPlaceholder m_isPlaceholder;
};

} // namespace Sonde
