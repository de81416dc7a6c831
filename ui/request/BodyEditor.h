#pragma once

#include "model/Request.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QRadioButton;
class QStackedWidget;

namespace Sonde {

class CodeEditor;

/// The Body tab of the request editor: no body, or a raw body with a content type (JSON, XML, text)
/// typed into a code editor highlighted for that type.
///
/// Switching to "none" keeps the typed text, so switching back to "raw" brings it back; body() then
/// returns an empty Body.
class BodyEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit BodyEditor(QWidget *parent = nullptr);

    Body body() const;
    /// Shows `body`; emits nothing. A content type other than the offered ones is added to the choice.
    void setBody(const Body &body);

    /// "JSON", "XML", "Text", the custom content type, or an empty string when there is no body.
    QString summary() const;

    CodeEditor *editor() const { return m_editor; }

Q_SIGNALS:
    /// The user changed the kind, the content type or the text.
    void bodyEdited();

private:
    void selectContentType(const QString &contentType);
    void updateMode();

    QRadioButton *m_none;
    QRadioButton *m_raw;
    QButtonGroup *m_kind;
    QComboBox *m_contentType;
    QStackedWidget *m_pages;
    QLabel *m_noBody;
    CodeEditor *m_editor;
    bool m_updating = false;
};

} // namespace Sonde
