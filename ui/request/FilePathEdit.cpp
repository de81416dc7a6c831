#include "request/FilePathEdit.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace Sonde {

FilePathEdit::FilePathEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_browse(new QToolButton(this))
{
    m_edit->setPlaceholderText(tr("Path of the file to send"));
    m_edit->setAccessibleName(tr("File path"));
    m_browse->setText(tr("…"));
    m_browse->setToolTip(tr("Choose a file"));
    m_browse->setAccessibleName(tr("Choose a file"));
    setFocusProxy(m_edit);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);

    connect(m_edit, &QLineEdit::textEdited, this, &FilePathEdit::pathEdited);
    connect(m_browse, &QToolButton::clicked, this, &FilePathEdit::browse);
}

QString FilePathEdit::path() const
{
    return m_edit->text();
}

void FilePathEdit::setPath(const QString &path)
{
    m_edit->setText(path);
    m_edit->setCursorPosition(0);
}

void FilePathEdit::browse()
{
    // Parented to this widget: while the dialog has the focus, an item view editing through this
    // widget sees the focus still inside its editor and keeps it open.
    auto *dialog = new QFileDialog(this, tr("Choose a File to Send"), QFileInfo(path()).absolutePath());
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        setPath(file);
        Q_EMIT pathEdited(file);
        Q_EMIT fileChosen(file);
    });
    dialog->open();
}

} // namespace Sonde
