#include "workspace/VariablesPane.h"

#include "workspace/VariableTableModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Sonde {

VariablesPane::VariablesPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new VariableTableModel(this))
    , m_view(new QTableView(this))
    , m_reveal(new QCheckBox(tr("Show secret values"), this))
{
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(VariableTableModel::ValueColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(VariableTableModel::SecretColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(VariableTableModel::EnabledColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(VariableTableModel::NameColumn, 160);
    auto *add = new QPushButton(tr("Add Variable"), this);
    auto *remove = new QPushButton(tr("Remove Variable"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    buttons->addWidget(m_reveal);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &VariablesPane::addVariable);
    connect(remove, &QPushButton::clicked, this, &VariablesPane::removeCurrentVariable);
    connect(m_reveal, &QCheckBox::toggled, m_model, &VariableTableModel::setSecretsRevealed);
}

void VariablesPane::addVariable()
{
    const int row = m_model->addVariable();
    m_view->setCurrentIndex(m_model->index(row, VariableTableModel::NameColumn));
    m_view->edit(m_view->currentIndex());
}

void VariablesPane::removeCurrentVariable()
{
    if (m_view->currentIndex().isValid())
        m_model->removeVariable(m_view->currentIndex().row());
}

} // namespace Sonde
