#pragma once

#include "editor/QsciIncludes.h"

#include <QByteArray>
#include <QString>

namespace Sonde {

/// The one text editor and viewer of Sonde: request bodies, response bodies, scripts, raw requests.
///
/// A QsciScintilla set up for big documents (text set as UTF-8 bytes, page layout cache, styling in
/// idle time), with line numbers, folding, brace matching, a monospace font and colours that follow
/// the application palette (light or dark). The lexer for a language comes from LexerFactory, the one
/// place that knows which highlighting backend is used.
class CodeEditor : public QsciScintilla
{
    Q_OBJECT

public:
    enum class Language { PlainText, Json, Xml, Html, JavaScript, Yaml, Css };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    void setLanguage(Language language);
    Language language() const;

    /// The language for a Content-Type value (parameters such as charset are ignored):
    /// "application/json", "application/problem+json" → Json; "text/xml", "application/xml",
    /// "…+xml" → Xml; "text/html" → Html; "application/javascript" → JavaScript;
    /// "application/x-yaml" → Yaml; "text/css" → Css; anything else → PlainText.
    static Language languageForContentType(const QString &contentType);

    /// Viewer mode: read-only, no caret line, no undo history (saves memory on big bodies).
    void setReadOnlyViewer(bool readOnly);

    /// Replaces the whole text with UTF-8 bytes, without a QString round trip; clears the undo history.
    void setUtf8Text(const QByteArray &utf8);
    /// The whole text as UTF-8 bytes.
    QByteArray utf8Text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void updateLineNumberMarginWidth();

    Language m_language = Language::PlainText;
    QsciLexer *m_lexer = nullptr;
    int m_lineNumberDigits = 0;
};

} // namespace Sonde
