#include "workspace/EnvironmentEditor.h"

#include "storage/SecretStore.h"
#include "storage/WorkspaceStore.h"
#include "workspace/VariableTableModel.h"
#include "workspace/VariablesPane.h"
#include "workspace/WorkspaceController.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Sonde {

EnvironmentEditor::EnvironmentEditor(WorkspaceController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_environments(controller->workspace().environments)
    , m_list(new QListWidget(this))
    , m_pane(new VariablesPane(this))
    , m_table(m_pane->view())
    , m_variables(m_pane->model())
    , m_reveal(m_pane->revealBox())
    , m_storeLabel(new QLabel(this))
    , m_error(new QLabel(this))
    , m_fallback(new QPushButton(tr("Keep secrets in a file instead…"), this))
{
    setWindowTitle(tr("Environments"));
    resize(760, 440);

    auto *addEnvironment = new QPushButton(tr("Add"), this);
    auto *removeEnvironment = new QPushButton(tr("Delete"), this);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(addEnvironment);
    leftButtons->addWidget(removeEnvironment);
    leftLayout->addLayout(leftButtons);

    auto *right = m_pane;

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 560});

    m_storeLabel->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setAutoFillBackground(true);
    m_error->setBackgroundRole(QPalette::ToolTipBase);
    m_error->setForegroundRole(QPalette::ToolTipText);
    m_error->setMargin(6);
    m_error->hide();
    m_fallback->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_storeLabel);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_fallback);
    layout->addLayout(errorRow);
    layout->addWidget(buttons);

    for (const Environment &environment : std::as_const(m_environments)) {
        auto *item = new QListWidgetItem(environment.name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    updateSecretStoreDescription();

    connect(m_list, &QListWidget::currentRowChanged, this, &EnvironmentEditor::onCurrentRowChanged);
    connect(m_list, &QListWidget::itemChanged, this, &EnvironmentEditor::onRenamed);
    connect(addEnvironment, &QPushButton::clicked, this, [this] { this->addEnvironment(tr("New environment")); });
    connect(removeEnvironment, &QPushButton::clicked, this, &EnvironmentEditor::deleteCurrentEnvironment);
    connect(m_variables, &VariableTableModel::edited, this, &EnvironmentEditor::storeCurrentVariables);
    connect(m_fallback, &QPushButton::clicked, this, &EnvironmentEditor::fileFallbackRequested);
    connect(controller, &WorkspaceController::secretStoreFailed, this, &EnvironmentEditor::setSecretStoreError);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const int active = int(m_controller->workspace().environments.indexOf(
        m_controller->activeEnvironmentValue() ? *m_controller->activeEnvironmentValue() : Environment()));
    m_list->setCurrentRow(m_environments.isEmpty() ? -1 : std::max(0, active));
}

QList<Environment> EnvironmentEditor::environments() const
{
    return m_environments;
}

void EnvironmentEditor::updateSecretStoreDescription()
{
    SecretStore *store = m_controller->secretStore();
    m_storeLabel->setText(store ? tr("Values of secret variables are kept in %1, never in the workspace files.")
                                      .arg(store->description())
                                : tr("There is no secret store: secret values are kept for this session only."));
}

void EnvironmentEditor::setSecretStoreError(const QString &error)
{
    m_error->setText(tr("Secret values could not be stored or read: %1").arg(error));
    m_error->show();
    m_fallback->show();
}

void EnvironmentEditor::storeCurrentVariables()
{
    if (m_currentRow >= 0 && m_currentRow < m_environments.size())
        m_environments[m_currentRow].variables = m_variables->variables();
}

void EnvironmentEditor::onCurrentRowChanged(int row)
{
    m_currentRow = row;
    m_variables->setVariables(row >= 0 && row < m_environments.size() ? m_environments.at(row).variables
                                                                      : VariableList());
    m_pane->setEnabled(row >= 0);
}

void EnvironmentEditor::onRenamed()
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        QStringList others = names;
        for (int next = row + 1; next < m_list->count(); ++next)
            others.append(m_environments.at(next).name);
        QString name = item->text().trimmed();
        if (name.isEmpty())
            name = m_environments.at(row).name;
        name = WorkspaceStore::uniqueName(name, others);
        m_environments[row].name = name;
        names.append(name);
        if (item->text() != name) {
            const QSignalBlocker blocker(m_list);
            item->setText(name);
        }
    }
}

void EnvironmentEditor::addEnvironment(const QString &name)
{
    QStringList taken;
    for (const Environment &environment : std::as_const(m_environments))
        taken.append(environment.name);
    m_environments.append({WorkspaceStore::uniqueName(name, taken), {}});
    auto *item = new QListWidgetItem(m_environments.constLast().name);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    {
        const QSignalBlocker blocker(m_list);
        m_list->addItem(item);
    }
    m_list->setCurrentItem(item);
    m_list->editItem(item);
}

void EnvironmentEditor::deleteCurrentEnvironment()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_currentRow = -1;
    m_environments.removeAt(row);
    delete m_list->takeItem(row);
    onCurrentRowChanged(m_list->currentRow());
}

bool EnvironmentEditor::save()
{
    storeCurrentVariables();
    const QString error = m_controller->saveEnvironments(m_environments);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}

} // namespace Sonde
