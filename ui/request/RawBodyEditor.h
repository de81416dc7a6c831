#pragma once

#include "model/Request.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Sonde {

class CodeEditor;

/// The "raw" page of the body editor: a content type (JSON, XML, YAML, HTML, Text, JavaScript or a
/// custom one), the text in a code editor highlighted for it, a Beautify button for JSON and XML,
/// and a warning, which never stops the request from being sent, while JSON text does not parse.
///
/// {{variables}} are read as plain values when the JSON is checked, so `{"id": {{id}}}` is not
/// reported.
class RawBodyEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit RawBodyEditor(QWidget *parent = nullptr);

    /// A raw body with the chosen content type and the text.
    Body body() const;
    /// Shows the content type and data of `body`; emits nothing. A content type that is not offered
    /// shows as Custom.
    void setBody(const Body &body);

    /// The Content-Type the body is sent with (may be empty for a custom type left blank).
    QString contentType() const;
    /// "JSON", "XML", …, or the custom content type.
    QString summary() const;

    /// Pretty-prints JSON or XML in place (undoable); a malformed document is left alone and the
    /// warning says why. Returns true when the text was formatted.
    bool beautify();

    /// The current JSON problem in words ("Unexpected '}' at line 3, column 5"), empty when none.
    QString warning() const;

    CodeEditor *editor() const { return m_editor; }
    QComboBox *contentTypeBox() const { return m_contentType; }
    QLineEdit *customTypeEdit() const { return m_customType; }
    QPushButton *beautifyButton() const { return m_beautify; }
    QLabel *warningLabel() const { return m_warning; }

Q_SIGNALS:
    /// The user changed the content type or the text.
    void edited();

private:
    void onContentTypeChanged();
    void updateLanguage();
    void validate();
    void showWarning(const QString &text);

    QComboBox *m_contentType;
    QLineEdit *m_customType;
    QPushButton *m_beautify;
    QLabel *m_warning;
    CodeEditor *m_editor;
    QTimer *m_validateTimer;
    bool m_updating = false;
};

} // namespace Sonde
