#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QTableView;

namespace Sonde {

class VariableTableModel;

/// A table of variables (name, value, secret, enabled) with Add, Remove and "Show secret values":
/// what the environment editor, folder settings and global variables have in common.
class VariablesPane final : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesPane(QWidget *parent = nullptr);

    VariableTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QCheckBox *revealBox() const { return m_reveal; }

    /// Adds an empty variable and starts editing its name.
    void addVariable();
    void removeCurrentVariable();

private:
    VariableTableModel *m_model;
    QTableView *m_view;
    QCheckBox *m_reveal;
};

} // namespace Sonde
