#pragma once

#include "model/Request.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace Sonde {

class FilePathEdit;

/// The "binary" page of the body editor: a file sent as the whole body, streamed from disk when the
/// request goes out. Shows the file's size and the Content-Type guessed from it; a type typed in
/// replaces the guess.
class BinaryBodyEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit BinaryBodyEditor(QWidget *parent = nullptr);

    Body body() const;
    /// Shows the file and content type of `body`; emits nothing.
    void setBody(const Body &body);

    /// The Content-Type sent: the one typed in, or the guess from the file (empty without a file).
    QString contentType() const;

    FilePathEdit *pathEdit() const { return m_path; }
    QLabel *sizeLabel() const { return m_size; }
    QLineEdit *contentTypeEdit() const { return m_contentType; }

Q_SIGNALS:
    void edited();

private:
    void updateFileInfo();

    FilePathEdit *m_path;
    QLabel *m_size;
    QLineEdit *m_contentType;
    QString m_guessedType;
};

} // namespace Sonde
