#include "workspace/SaveRequestDialog.h"

#include "workspace/WorkspaceController.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

#include <functional>

namespace Sonde {

SaveRequestDialog::SaveRequestDialog(WorkspaceController *controller, const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(name, this))
    , m_folder(new QComboBox(this))
    , m_newCollection(new QLineEdit(tr("My Collection"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Save Request"));

    // Every collection and folder, indented under its parent.
    const std::function<void(const Folder &, QStringList, int)> add
        = [&](const Folder &folder, QStringList directories, int depth) {
              directories.append(folder.directoryName);
              m_folder->addItem(QString(depth * 4, u' ') + folder.name, directories);
              for (const Folder &child : folder.folders)
                  add(child, directories, depth + 1);
          };
    for (const Folder &collection : controller->workspace().collections)
        add(collection, {}, 0);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    if (m_folder->count() > 0) {
        form->addRow(tr("&Save in:"), m_folder);
        m_newCollection->hide();
    } else {
        form->addRow(tr("New &collection:"), m_newCollection);
        m_folder->hide();
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_name->selectAll();
    resize(420, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SaveRequestDialog::updateButtons);
    connect(m_newCollection, &QLineEdit::textChanged, this, &SaveRequestDialog::updateButtons);
    updateButtons();
}

QString SaveRequestDialog::name() const
{
    return m_name->text().trimmed();
}

QStringList SaveRequestDialog::folder() const
{
    return m_folder->count() > 0 ? m_folder->currentData().toStringList() : QStringList();
}

QString SaveRequestDialog::newCollectionName() const
{
    return m_newCollection->text().trimmed();
}

void SaveRequestDialog::setFolder(const QStringList &directories)
{
    for (int i = 0; i < m_folder->count(); ++i) {
        if (m_folder->itemData(i).toStringList() == directories) {
            m_folder->setCurrentIndex(i);
            return;
        }
    }
}

void SaveRequestDialog::updateButtons()
{
    const bool ok = !name().isEmpty() && (m_folder->count() > 0 || !newCollectionName().isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(ok);
}

} // namespace Sonde
