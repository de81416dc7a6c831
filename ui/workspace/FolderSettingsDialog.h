#pragma once

#include "workspace/WorkspaceController.h"

#include <QDialog>

class QLabel;
class QTabWidget;

namespace Sonde {

class AuthEditor;

class CodeEditor;
class KeyValueTableModel;
class VariablesPane;

/// The settings of a collection or folder — its variables, the default headers of every request
/// below it, its description — or, for no folder, the workspace's global variables. Save writes
/// them through the controller (secret values to the keychain); an error stays in the dialog.
class FolderSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `directories` empty: the global variables.
    FolderSettingsDialog(WorkspaceController *controller, const QStringList &directories, QWidget *parent = nullptr);

    VariablesPane *variablesPane() const { return m_variables; }
    KeyValueTableModel *headersModel() const { return m_headers; }
    CodeEditor *descriptionEditor() const { return m_description; }
    AuthEditor *authEditor() const { return m_auth; }

    bool save();

private:
    WorkspaceController *m_controller;
    QStringList m_directories;
    QTabWidget *m_tabs;
    VariablesPane *m_variables;
    KeyValueTableModel *m_headers = nullptr;
    CodeEditor *m_description = nullptr;
    AuthEditor *m_auth = nullptr;
    QLabel *m_error;
};

} // namespace Sonde
