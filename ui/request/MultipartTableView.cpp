#include "request/MultipartTableView.h"

#include "request/FilePathEdit.h"
#include "request/MultipartTableModel.h"
#include "request/PlaceholderDelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace Sonde {

namespace {

/// Edits the Type cell with a Text/File choice and a file row's value with a path field and picker.
class PartDelegate final : public PlaceholderDelegate
{
public:
    explicit PartDelegate(QObject *parent)
        : PlaceholderDelegate(MultipartTableModel::PlaceholderTextRole, parent)
    { }

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // createEditor() is const, yet commitData() is how an editor hands a finished choice back.
        auto *self = const_cast<PartDelegate *>(this);
        if (index.column() == MultipartTableModel::TypeColumn) {
            auto *box = new QComboBox(parent);
            box->addItems({MultipartTableModel::typeLabel(false), MultipartTableModel::typeLabel(true)});
            // A choice is written at once: the row's value cell changes meaning with it.
            connect(box, &QComboBox::activated, self, [self, box] { Q_EMIT self->commitData(box); });
            return box;
        }
        if (index.column() == MultipartTableModel::ValueColumn
            && index.data(MultipartTableModel::IsFileRole).toBool()) {
            auto *edit = new FilePathEdit(parent);
            edit->lineEdit()->setFrame(false);
            edit->lineEdit()->setPlaceholderText(
                index.data(MultipartTableModel::PlaceholderTextRole).toString());
            edit->setAutoFillBackground(true);
            connect(edit, &FilePathEdit::fileChosen, self, [self, edit] { Q_EMIT self->commitData(edit); });
            return edit;
        }
        return PlaceholderDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            box->setCurrentIndex(index.data(MultipartTableModel::IsFileRole).toBool() ? 1 : 0);
            return;
        }
        if (auto *edit = qobject_cast<FilePathEdit *>(editor)) {
            edit->setPath(index.data(Qt::EditRole).toString());
            return;
        }
        PlaceholderDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, box->currentText());
            return;
        }
        if (auto *edit = qobject_cast<FilePathEdit *>(editor)) {
            model->setData(index, edit->path());
            return;
        }
        PlaceholderDelegate::setModelData(editor, model, index);
    }
};

} // namespace

MultipartTableView::MultipartTableView(MultipartTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_remove(new QToolButton(this))
{
    m_table->setModel(model);
    m_table->setItemDelegate(new PartDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::CurrentChanged | QAbstractItemView::DoubleClicked
        | QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(MultipartTableModel::EnabledColumn, QHeaderView::Fixed);
    header->resizeSection(MultipartTableModel::EnabledColumn, m_table->fontMetrics().height() + 14);
    header->setSectionResizeMode(MultipartTableModel::NameColumn, QHeaderView::Interactive);
    header->resizeSection(MultipartTableModel::NameColumn, 180);
    header->setSectionResizeMode(MultipartTableModel::TypeColumn, QHeaderView::Interactive);
    header->resizeSection(MultipartTableModel::TypeColumn,
        m_table->fontMetrics().horizontalAdvance(MultipartTableModel::typeLabel(true)) + 48);
    header->setSectionResizeMode(MultipartTableModel::ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(MultipartTableModel::ContentTypeColumn, QHeaderView::Interactive);
    header->resizeSection(MultipartTableModel::ContentTypeColumn, 170);

    auto *removeAction = new QAction(tr("Remove Part"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &MultipartTableView::removeSelectedRows);

    m_remove->setText(tr("Remove Part"));
    m_remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setAutoRaise(true);
    m_remove->setToolTip(tr("Remove the selected parts (Delete)"));
    connect(m_remove, &QToolButton::clicked, this, &MultipartTableView::removeSelectedRows);

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
        &MultipartTableView::updateRemoveButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MultipartTableView::updateRemoveButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MultipartTableView::updateRemoveButton);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MultipartTableView::updateRemoveButton);
    updateRemoveButton();
}

void MultipartTableView::removeSelectedRows()
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : std::as_const(rows)) {
        if (!m_model->isPlaceholderRow(row))
            m_model->removeRows(row, 1);
    }
}

void MultipartTableView::updateRemoveButton()
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
