#include "request/KeyValueTableView.h"

#include "request/RemoveRowsControl.h"

#include "request/KeyValueTableModel.h"
#include "request/PlaceholderDelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace Sonde {

KeyValueTableView::KeyValueTableView(KeyValueTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_remove(nullptr)
{
    m_table->setModel(model);
    m_table->setItemDelegate(new PlaceholderDelegate(KeyValueTableModel::PlaceholderTextRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::CurrentChanged | QAbstractItemView::DoubleClicked
        | QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(KeyValueTableModel::EnabledColumn, QHeaderView::Fixed);
    header->resizeSection(KeyValueTableModel::EnabledColumn, m_table->fontMetrics().height() + 14);
    header->setSectionResizeMode(KeyValueTableModel::KeyColumn, QHeaderView::Interactive);
    header->resizeSection(KeyValueTableModel::KeyColumn, 260);
    header->setSectionResizeMode(KeyValueTableModel::ValueColumn, QHeaderView::Stretch);

    m_removeControl = new RemoveRowsControl(this, m_table, tr("Remove Row"), tr("Remove the selected rows (Delete)"),
        [this](int row) { return m_model->isPlaceholderRow(row) || m_model->keysFixed(); });
    m_remove = m_removeControl->button();
    m_remove->setVisible(!m_model->keysFixed());
}

void KeyValueTableView::removeSelectedRows()
{
    m_removeControl->removeSelectedRows();
}

void KeyValueTableView::updateRemoveButton()
{
    m_removeControl->updateButton();
}

} // namespace Sonde
