#include "request/RemoveRowsControl.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QItemSelectionModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Sonde {

RemoveRowsControl::RemoveRowsControl(
    QWidget *owner, QTableView *table, const QString &text, const QString &toolTip, IsPlaceholder isPlaceholder)
    : QObject(owner)
    , m_table(table)
    , m_button(new QToolButton(owner))
    , m_isPlaceholder(std::move(isPlaceholder))
{
    auto *removeAction = new QAction(text, table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    table->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &RemoveRowsControl::removeSelectedRows);

    m_button->setText(text);
    m_button->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setAutoRaise(true);
    m_button->setToolTip(toolTip);
    connect(m_button, &QToolButton::clicked, this, &RemoveRowsControl::removeSelectedRows);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch();
    buttons->addWidget(m_button);
    auto *layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(table);
    layout->addLayout(buttons);

    QAbstractItemModel *model = table->model();
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RemoveRowsControl::updateButton);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, &RemoveRowsControl::updateButton);
    connect(model, &QAbstractItemModel::modelReset, this, &RemoveRowsControl::updateButton);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RemoveRowsControl::updateButton);
    updateButton();
}

void RemoveRowsControl::removeSelectedRows()
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
        if (!m_isPlaceholder(row))
            m_table->model()->removeRows(row, 1);
    }
}

void RemoveRowsControl::updateButton()
{
    bool any = false;
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        any = any || !m_isPlaceholder(index.row());
    const QModelIndex current = m_table->currentIndex();
    any = any || (current.isValid() && !m_isPlaceholder(current.row()));
    m_button->setEnabled(any);
}

} // namespace Sonde
