#include "workspace/FolderSettingsDialog.h"

#include "request/AuthEditor.h"

#include "editor/CodeEditor.h"
#include "request/KeyValueTableModel.h"
#include "request/KeyValueTableView.h"
#include "storage/SecretStore.h"
#include "workspace/VariableTableModel.h"
#include "workspace/VariablesPane.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Sonde {

FolderSettingsDialog::FolderSettingsDialog(
    WorkspaceController *controller, const QStringList &directories, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_directories(directories)
    , m_tabs(new QTabWidget(this))
    , m_variables(new VariablesPane(this))
    , m_error(new QLabel(this))
{
    resize(720, 440);
    const Folder *folder = directories.isEmpty() ? nullptr : controller->folder(directories);
    auto *hint = new QLabel(this);
    hint->setWordWrap(true);
    if (folder) {
        setWindowTitle(tr("Settings of “%1”").arg(folder->name));
        hint->setText(tr("Variables and headers here apply to every request in “%1”; a request’s own, or a "
                         "sub-folder’s, win over them. Secret values are kept in %2.")
                          .arg(folder->name,
                              controller->secretStore() ? controller->secretStore()->description()
                                                        : tr("memory for this session only")));
        m_variables->model()->setVariables(folder->variables);
        m_headers = new KeyValueTableModel(this);
        m_headers->setRows(folder->headers);
        m_description = new CodeEditor(this);
        m_description->setText(folder->description);
        m_tabs->addTab(m_variables, tr("Variables"));
        m_tabs->addTab(new KeyValueTableView(m_headers, this), tr("Headers"));
        m_auth = new AuthEditor(this);
        m_auth->setAuth(folder->auth);
        m_auth->setInheritedDescription(directories.size() == 1 ? tr("a collection that inherits sends no auth")
                                                                 : tr("the auth of the folder or collection above"));
        m_tabs->addTab(m_auth, tr("Auth"));
        m_tabs->addTab(m_description, tr("Description"));
    } else {
        setWindowTitle(tr("Global Variables"));
        hint->setText(tr("Global variables apply to every request of the workspace, whatever the environment; "
                         "everything narrower wins over them."));
        m_variables->model()->setVariables(controller->workspace().globals);
        m_tabs->addTab(m_variables, tr("Variables"));
    }

    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool FolderSettingsDialog::save()
{
    const QString error = m_headers
        ? m_controller->saveFolderSettings(
            m_directories, m_variables->model()->variables(), m_headers->rows(), m_auth->auth(), m_description->text())
        : m_controller->saveGlobals(m_variables->model()->variables());
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}

} // namespace Sonde
