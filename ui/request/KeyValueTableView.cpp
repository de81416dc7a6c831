#include "request/KeyValueTableView.h"

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
    , m_remove(new QToolButton(this))
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

    auto *removeAction = new QAction(tr("Remove Row"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &KeyValueTableView::removeSelectedRows);

    m_remove->setText(tr("Remove Row"));
    m_remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setAutoRaise(true);
    m_remove->setToolTip(tr("Remove the selected rows (Delete)"));
    connect(m_remove, &QToolButton::clicked, this, &KeyValueTableView::removeSelectedRows);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch();
    buttons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &KeyValueTableView::updateRemoveButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &KeyValueTableView::updateRemoveButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeyValueTableView::updateRemoveButton);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &KeyValueTableView::updateRemoveButton);
    updateRemoveButton();
}

void KeyValueTableView::removeSelectedRows()
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the bottom up, so the indexes still to remove stay valid.
    for (int row : std::as_const(rows)) {
        if (!m_model->isPlaceholderRow(row))
            m_model->removeRows(row, 1);
    }
}

void KeyValueTableView::updateRemoveButton()
{
    bool any = false;
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        any = any || !m_model->isPlaceholderRow(index.row());
    const QModelIndex current = m_table->currentIndex();
    any = any || (current.isValid() && !m_model->isPlaceholderRow(current.row()));
    m_remove->setEnabled(any);
}

} // namespace Sonde
