#include "request/RequestVarsEditor.h"

#include "request/CapturesTableModel.h"
#include "workspace/VariableTableModel.h"
#include "workspace/VariablesPane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Sonde {

namespace {

/// The "From" column edited with a choice of sources.
class SourceDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != CapturesTableModel::SourceColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *box = new QComboBox(parent);
        box->addItems(CapturesTableModel::sourceNames());
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor))
            box->setCurrentText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor))
            model->setData(index, box->currentText());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

QLabel *heading(const QString &text, const QString &hint, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b> — %2").arg(text.toHtmlEscaped(), hint.toHtmlEscaped()), parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

RequestVarsEditor::RequestVarsEditor(QWidget *parent)
    : QWidget(parent)
    , m_variables(new VariablesPane(this))
    , m_captures(new CapturesTableModel(this))
    , m_capturesView(new QTableView(this))
{
    m_capturesView->setModel(m_captures);
    m_capturesView->setItemDelegate(new SourceDelegate(m_capturesView));
    m_capturesView->verticalHeader()->hide();
    m_capturesView->horizontalHeader()->setSectionResizeMode(CapturesTableModel::EnabledColumn, QHeaderView::ResizeToContents);
    m_capturesView->horizontalHeader()->setSectionResizeMode(CapturesTableModel::ExpressionColumn, QHeaderView::Stretch);
    m_capturesView->setColumnWidth(CapturesTableModel::VariableColumn, 160);
    m_capturesView->setColumnWidth(CapturesTableModel::SourceColumn, 110);
    m_capturesView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    auto *addCapture = new QPushButton(tr("Add Capture"), this);
    auto *removeCapture = new QPushButton(tr("Remove Capture"), this);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(heading(tr("Variables"), tr("this request’s own, narrower than its folders’ and the environment’s"), top));
    topLayout->addWidget(m_variables);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(heading(tr("Capture from the response"),
        tr("into the active environment’s variable of that name, else a value kept until Sonde quits"), bottom));
    bottomLayout->addWidget(m_capturesView);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addCapture);
    buttons->addWidget(removeCapture);
    buttons->addStretch();
    bottomLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(splitter);

    connect(m_variables->model(), &VariableTableModel::edited, this, &RequestVarsEditor::varsEdited);
    connect(m_captures, &CapturesTableModel::edited, this, &RequestVarsEditor::varsEdited);
    connect(addCapture, &QPushButton::clicked, this, [this] {
        const int row = m_captures->addCapture();
        m_capturesView->setCurrentIndex(m_captures->index(row, CapturesTableModel::VariableColumn));
        m_capturesView->edit(m_capturesView->currentIndex());
    });
    connect(removeCapture, &QPushButton::clicked, this, [this] {
        if (m_capturesView->currentIndex().isValid())
            m_captures->removeCapture(m_capturesView->currentIndex().row());
    });
}

VariableList RequestVarsEditor::variables() const
{
    return m_variables->model()->variables();
}

QList<ResponseCapture> RequestVarsEditor::captures() const
{
    return m_captures->captures();
}

void RequestVarsEditor::setVars(const VariableList &variables, const QList<ResponseCapture> &captures)
{
    m_variables->model()->setVariables(variables);
    m_captures->setCaptures(captures);
}

int RequestVarsEditor::activeCount() const
{
    int count = 0;
    for (const Variable &variable : variables())
        count += variable.enabled && !variable.name.isEmpty();
    for (const ResponseCapture &capture : captures())
        count += capture.enabled && !capture.variable.isEmpty();
    return count;
}

} // namespace Sonde
