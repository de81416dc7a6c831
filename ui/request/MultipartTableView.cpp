#include "request/MultipartTableView.h"

#include "request/RemoveRowsControl.h"

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
    , m_remove(nullptr)
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

    m_removeControl = new RemoveRowsControl(this, m_table, tr("Remove Part"), tr("Remove the selected parts (Delete)"),
        [this](int row) { return m_model->isPlaceholderRow(row); });
    m_remove = m_removeControl->button();
}

void MultipartTableView::removeSelectedRows()
{
    m_removeControl->removeSelectedRows();
}

void MultipartTableView::updateRemoveButton()
{
    m_removeControl->updateButton();
}

} // namespace Sonde
