#pragma once

#include "model/Variable.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace Sonde {

class VariableTableModel;
class VariablesPane;
class WorkspaceController;

/// The environments dialog: a list of environments (add, rename in place, delete) and, for the one
/// selected, its variables (name, value, secret, enabled). Secret values are masked until revealed.
///
/// Shows where secret values are kept (the SecretStore's description) and, when that store failed (no
/// keychain), the error in words with a button to use the file fallback instead — which the
/// application does only when the user presses it. Save writes everything through the controller.
class EnvironmentEditor final : public QDialog
{
    Q_OBJECT
public:
    explicit EnvironmentEditor(WorkspaceController *controller, QWidget *parent = nullptr);

    QList<Environment> environments() const;
    /// Shows that the secret store failed, with `error`, and offers the file fallback.
    void setSecretStoreError(const QString &error);
    /// Updates the description of where secrets go (after a fallback was chosen).
    void updateSecretStoreDescription();

    QListWidget *environmentList() const { return m_list; }
    QTableView *variableView() const { return m_table; }
    VariableTableModel *variableModel() const { return m_variables; }
    QCheckBox *revealBox() const { return m_reveal; }

    void addEnvironment(const QString &name);
    void deleteCurrentEnvironment();
    /// Saves; the dialog stays open with the error in words when a file cannot be written.
    bool save();

Q_SIGNALS:
    /// The user asked to keep secrets in an unencrypted file instead of the keychain.
    void fileFallbackRequested();

private:
    void onCurrentRowChanged(int row);
    void onRenamed();
    void storeCurrentVariables();

    WorkspaceController *m_controller;
    QList<Environment> m_environments;
    int m_currentRow = -1;
    QListWidget *m_list;
    VariablesPane *m_pane;
    QTableView *m_table;
    VariableTableModel *m_variables;
    QCheckBox *m_reveal;
    QLabel *m_storeLabel;
    QLabel *m_error;
    QPushButton *m_fallback;
};

} // namespace Sonde
