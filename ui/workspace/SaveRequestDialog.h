#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace Sonde {

class WorkspaceController;

/// "Save Request As": a name, and the collection or folder to put it in. A workspace without
/// collections offers a new one, made on save.
class SaveRequestDialog final : public QDialog
{
    Q_OBJECT
public:
    SaveRequestDialog(WorkspaceController *controller, const QString &name, QWidget *parent = nullptr);

    QString name() const;
    /// The chosen folder's directories (collection first); empty when a new collection is to be made.
    QStringList folder() const;
    /// The name of the collection to create when folder() is empty.
    QString newCollectionName() const;

    /// Preselects `directories` when it is offered.
    void setFolder(const QStringList &directories);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *folderBox() const { return m_folder; }

private:
    void updateButtons();

    QLineEdit *m_name;
    QComboBox *m_folder;
    QLineEdit *m_newCollection;
    QDialogButtonBox *m_buttons;
};

} // namespace Sonde
