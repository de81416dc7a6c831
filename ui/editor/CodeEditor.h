#pragma once

#include "editor/QsciIncludes.h"
#include "editor/TextDocument.h"

#include <QByteArray>
#include <QFont>
#include <QString>
#include <optional>

namespace Sonde {

/// The one text editor and viewer of Sonde: request bodies, response bodies, scripts, raw requests.
///
/// A QsciScintilla set up for big documents (text set as UTF-8 bytes, page layout cache, styling in
/// idle time, documents that can be filled off the UI thread), with line numbers, folding, brace
/// matching, a monospace font and colours that follow the application palette (light or dark). The
/// lexer for a language comes from LexerFactory, the one place that knows the highlighting backend.
///
/// CodeEditor manages the documents it shows: do not use QsciScintilla::setDocument() on it.
class CodeEditor : public QsciScintilla
{
    Q_OBJECT

public:
    /// Body formats first; then the languages code snippets are written in (Shell is POSIX sh and
    /// Bash; PowerShell is styled as a shell language where no PowerShell lexer exists).
    enum class Language {
        PlainText,
        Json,
        Xml,
        Html,
        JavaScript,
        Yaml,
        Css,
        Shell,
        Python,
        Go,
        Java,
        CSharp,
        Php,
        PowerShell,
        Cpp
    };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// Sets the highlighting for a document of about `documentSize` bytes (0 when unknown): above
    /// LexerFactory::LargeDocumentBytes the fastest backend is used. Cheapest before the text: on a
    /// big document the new lexer styles it all.
    void setLanguage(Language language, qint64 documentSize = 0);
    Language language() const;
    /// Whether setLanguage(language, documentSize) would put another lexer in.
    bool needsNewLexer(Language language, qint64 documentSize) const;

    /// The language for a Content-Type value (parameters such as charset are ignored):
    /// "application/json", "application/problem+json" → Json; "text/xml", "application/xml",
    /// "…+xml" → Xml; "text/html" → Html; "application/javascript" → JavaScript;
    /// "application/x-yaml" → Yaml; "text/css" → Css; anything else → PlainText.
    static Language languageForContentType(const QString &contentType);

    /// The font of every editor: the one chosen in the settings, else the system's fixed-width font.
    static QFont editorFont();
    /// Sets the font of every editor, those open included; nullopt goes back to the system's.
    static void setEditorFont(const std::optional<QFont> &font);
    /// Colours every editor with the KSyntaxHighlighting theme `name` (see LexerFactory::themeNames());
    /// empty: its light or dark theme, as the palette is. No effect in a build without it.
    static void setHighlightingTheme(const QString &name);

    /// Viewer mode: read-only, no caret line, no undo history (saves memory on big bodies).
    void setReadOnlyViewer(bool readOnly);

    /// Replaces the whole text with UTF-8 bytes, without a QString round trip, in a fresh document
    /// (so the undo history starts empty).
    void setUtf8Text(const QByteArray &utf8);
    /// The whole text as UTF-8 bytes.
    QByteArray utf8Text() const;

    /// A new empty document to fill off the UI thread (TextDocument::append) and show later. With
    /// `expectedBytes`, room for that much text is made at once: a document that grows is copied
    /// each time, holding its old and new text together for a moment. Room made is memory used,
    /// filled or not.
    TextDocument createDocument(qint64 expectedBytes = 0) const;
    /// Shows a filled document instead of the current text, within milliseconds whatever its size.
    void showDocument(const TextDocument &document);

protected:
    void changeEvent(QEvent *event) override;

private:
    static void restyleAll();
    void configureDocument(bool readOnly);
    void afterTextReplaced();
    void applyTheme();
    void updateLineNumberMarginWidth();

    Language m_language = Language::PlainText;
    bool m_largeDocument = false;
    QsciLexer *m_lexer = nullptr;
    bool m_readOnlyViewer = false;
    int m_lineNumberDigits = 0;
};

} // namespace Sonde
