#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace Sonde {

/// A file path typed into a line edit or picked with the "…" button next to it.
///
/// The picker is a non-blocking QFileDialog (no nested event loop); its choice is reported like an
/// edit, through pathEdited().
class FilePathEdit final : public QWidget
{
    Q_OBJECT
public:
    explicit FilePathEdit(QWidget *parent = nullptr);

    QString path() const;
    /// Shows `path`; emits nothing.
    void setPath(const QString &path);

    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *browseButton() const { return m_browse; }

    /// Opens the file dialog, starting in the folder of the current path.
    void browse();

Q_SIGNALS:
    /// The user typed into the field or picked a file.
    void pathEdited(const QString &path);
    /// The user picked a file in the dialog (after pathEdited()).
    void fileChosen(const QString &path);

private:
    QLineEdit *m_edit;
    QToolButton *m_browse;
};

} // namespace Sonde
