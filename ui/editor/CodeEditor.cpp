#include "editor/CodeEditor.h"

#include "editor/CodeEditorAccessible.h"
#include "editor/LexerFactory.h"
#include "editor/SyntaxTheme.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <algorithm>
#include <optional>

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

namespace {

// Margin indexes (QsciScintilla's own SymbolMargin/NumberMargin names are margin *types*).
constexpr int LineNumberMarginIndex = 0;
constexpr int SymbolMarginIndex = 1;
constexpr int FoldMarginIndex = 2;

int digitCount(int number)
{
    int digits = 1;
    while (number >= 10) {
        number /= 10;
        ++digits;
    }
    return digits;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    TextDocument::prepareFactory();
    CodeEditorAccessible::install();
    connect(this, &QsciScintilla::cursorPositionChanged, this,
        [this] { CodeEditorAccessible::announceCursor(this); });
    setWrapMode(WrapNone);
    setAutoIndent(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);

    setMarginType(LineNumberMarginIndex, NumberMargin);
    setMarginLineNumbers(LineNumberMarginIndex, true);
    setMarginWidth(SymbolMarginIndex, 0);

    // Big documents: keep the layout of a page of lines, style in the background instead of all at
    // once, and let the horizontal scroll range only grow so it does not jitter while scrolling.
    SendScintilla(SCI_SETLAYOUTCACHE, SC_CACHE_PAGE);
    SendScintilla(SCI_SETIDLESTYLING, SC_IDLESTYLING_ALL);
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);
    // QScintilla shows annotations by default; none are used, and while they show Scintilla visits
    // every line when a document is swapped in (50 ms for a 5-million-line body).
    SendScintilla(SCI_ANNOTATIONSETVISIBLE, ANNOTATION_HIDDEN);

    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberMarginWidth);
    configureDocument(false);
    setFolding(NoFoldStyle, FoldMarginIndex);
    applyTheme();
}

CodeEditor::~CodeEditor() = default;

namespace {

std::optional<QFont> &chosenFont()
{
    static std::optional<QFont> font;
    return font;
}

} // namespace

QFont CodeEditor::editorFont()
{
    return chosenFont().value_or(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void CodeEditor::setEditorFont(const std::optional<QFont> &font)
{
    chosenFont() = font;
    restyleAll();
}

void CodeEditor::setHighlightingTheme(const QString &name)
{
    LexerFactory::setThemeName(name);
    restyleAll();
}

void CodeEditor::restyleAll()
{
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (auto *editor = qobject_cast<CodeEditor *>(widget))
            editor->applyTheme();
    }
}

void CodeEditor::setLanguage(Language language, qint64 documentSize)
{
    const bool large = documentSize > LexerFactory::LargeDocumentBytes;
    if (language == m_language && large == m_largeDocument)
        return;
    m_language = language;
    m_largeDocument = large;

    QsciLexer *previous = m_lexer;
    m_lexer = LexerFactory::create(language, this, documentSize);
    if (m_lexer) {
        LexerFactory::applyTheme(*m_lexer, language, LexerFactory::editorTheme(palette()), editorFont());
    }
    setLexer(m_lexer);
    delete previous;
    configureDocument(isReadOnly());
    setFolding(m_lexer ? BoxedTreeFoldStyle : NoFoldStyle, FoldMarginIndex);
    // setLexer() and setFolding() reset the plain-text colours and the fold markers.
    applyTheme();
}

bool CodeEditor::needsNewLexer(Language language, qint64 documentSize) const
{
    return language != m_language || (documentSize > LexerFactory::LargeDocumentBytes) != m_largeDocument;
}

CodeEditor::Language CodeEditor::language() const
{
    return m_language;
}

CodeEditor::Language CodeEditor::languageForContentType(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    const auto is = [&type](std::initializer_list<QLatin1StringView> names) {
        return std::any_of(
            names.begin(), names.end(), [&type](QLatin1StringView name) { return type == name; });
    };
    if (is({"application/json"_L1, "text/json"_L1, "application/x-ndjson"_L1}) || type.endsWith("+json"_L1))
        return Language::Json;
    if (is({"text/html"_L1, "application/xhtml+xml"_L1}))
        return Language::Html;
    if (is({"application/xml"_L1, "text/xml"_L1}) || type.endsWith("+xml"_L1))
        return Language::Xml;
    if (is({"application/javascript"_L1, "text/javascript"_L1, "application/x-javascript"_L1,
            "application/ecmascript"_L1, "text/ecmascript"_L1}))
        return Language::JavaScript;
    if (is({"application/x-yaml"_L1, "application/yaml"_L1, "text/yaml"_L1, "text/x-yaml"_L1})
        || type.endsWith("+yaml"_L1))
        return Language::Yaml;
    if (type == "text/css"_L1)
        return Language::Css;
    return Language::PlainText;
}

void CodeEditor::setReadOnlyViewer(bool readOnly)
{
    m_readOnlyViewer = readOnly;
    setReadOnly(readOnly);
    setCaretLineVisible(!readOnly);
    SendScintilla(SCI_SETUNDOCOLLECTION, static_cast<unsigned long>(!readOnly));
    if (readOnly)
        SendScintilla(SCI_EMPTYUNDOBUFFER);
}

void CodeEditor::setUtf8Text(const QByteArray &utf8)
{
    const bool readOnly = isReadOnly();
    SendScintilla(SCI_SETDOCPOINTER, 0UL, static_cast<void *>(nullptr)); // a fresh document
    configureDocument(false);
    // QScintilla's accessibility hook turns every insertion into a QString and counts the characters
    // before it: seconds for a big text. Nobody needs modification events for a wholesale load.
    const long eventMask = SendScintilla(SCI_GETMODEVENTMASK);
    SendScintilla(SCI_SETMODEVENTMASK, 0UL);
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    if (!utf8.isEmpty()) {
        // One allocation instead of repeated growth (each growth copies the whole buffer).
        SendScintilla(SCI_ALLOCATE, static_cast<unsigned long>(utf8.size() + 1));
        // APPENDTEXT is SETTEXT with an explicit length: a body may contain NUL bytes.
        SendScintilla(SCI_APPENDTEXT, static_cast<uintptr_t>(utf8.size()), utf8.constData());
    }
    SendScintilla(SCI_SETMODEVENTMASK, static_cast<unsigned long>(eventMask));
    configureDocument(readOnly);
    afterTextReplaced();
}

QByteArray CodeEditor::utf8Text() const
{
    const long length = SendScintilla(SCI_GETLENGTH);
    if (length <= 0)
        return {};
    // The character pointer makes the gap buffer contiguous once and avoids a second copy.
    const auto *data = static_cast<const char *>(SendScintillaPtrResult(SCI_GETCHARACTERPOINTER));
    return QByteArray(data, length);
}

TextDocument CodeEditor::createDocument(qint64 expectedBytes) const
{
    return TextDocument::create(expectedBytes);
}

void CodeEditor::showDocument(const TextDocument &document)
{
    if (document.isNull())
        return;
    const bool readOnly = isReadOnly();
    SendScintilla(SCI_SETDOCPOINTER, 0UL, document.scintillaDocument());
    configureDocument(readOnly);
    afterTextReplaced();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void CodeEditor::configureDocument(bool readOnly)
{
    // Scintilla keeps these per document, and a document shown with SCI_SETDOCPOINTER starts with defaults.
    setUtf8(true);
    setEolMode(EolUnix);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    setTabWidth(2);
    setReadOnly(readOnly);
    SendScintilla(SCI_SETUNDOCOLLECTION, static_cast<unsigned long>(!m_readOnlyViewer));
    if (!m_lexer)
        return;
    // The lexer and its settings too; QsciScintilla::setLexer() would also restyle the whole text at once.
    if (const char *name = m_lexer->lexer())
        SendScintilla(SCI_SETLEXERLANGUAGE, 0UL, name);
    else
        SendScintilla(SCI_SETLEXER, static_cast<unsigned long>(m_lexer->lexerId()));
    for (int set = 0; set <= 8; ++set) {
        if (const char *words = m_lexer->keywords(set + 1))
            SendScintilla(SCI_SETKEYWORDS, static_cast<unsigned long>(set), words);
    }
    m_lexer->refreshProperties();
    SendScintilla(SCI_SETPROPERTY, "fold", "1");
    for (const auto &[name, value] : LexerFactory::extraProperties(m_language))
        SendScintilla(SCI_SETPROPERTY, name.constData(), value.constData());
}

void CodeEditor::afterTextReplaced()
{
    // Matching a brace next to the caret scans (and styles) up to its partner: on a big document
    // that is the whole text, seconds on the first paint. Only small documents get it.
    constexpr long BraceMatchLimit = 1024 * 1024;
    setBraceMatching(SendScintilla(SCI_GETLENGTH) <= BraceMatchLimit ? SloppyBraceMatch : NoBraceMatch);
    SendScintilla(SCI_SETSCROLLWIDTH, 1UL);
    updateLineNumberMarginWidth();
    Q_EMIT textChanged();
}

void CodeEditor::applyTheme()
{
    const SyntaxTheme theme = LexerFactory::editorTheme(palette());
    const QFont font = editorFont();
    if (m_lexer) {
        LexerFactory::applyTheme(*m_lexer, m_language, theme, font);
    } else {
        setFont(font);
        setColor(theme.text);
        setPaper(theme.paper);
    }
    setMarginsFont(font);
    setMarginsBackgroundColor(theme.marginPaper);
    setMarginsForegroundColor(theme.marginText);
    setFoldMarginColors(theme.marginPaper, theme.marginPaper);
    for (unsigned long marker = SC_MARKNUM_FOLDEREND; marker <= SC_MARKNUM_FOLDEROPEN; ++marker) {
        SendScintilla(SCI_MARKERSETFORE, marker, theme.marginPaper);
        SendScintilla(SCI_MARKERSETBACK, marker, theme.marginText);
    }
    setCaretForegroundColor(theme.text);
    setCaretLineBackgroundColor(theme.caretLine);
    setSelectionBackgroundColor(theme.selection);
    setSelectionForegroundColor(theme.selectionText);
    setMatchedBraceBackgroundColor(theme.braceMatch);
    setMatchedBraceForegroundColor(theme.text);
    setUnmatchedBraceBackgroundColor(theme.braceMismatch);
    setUnmatchedBraceForegroundColor(theme.text);
    m_lineNumberDigits = 0;
    updateLineNumberMarginWidth();
}

void CodeEditor::updateLineNumberMarginWidth()
{
    const int digits = std::max(2, digitCount(lines()));
    if (digits == m_lineNumberDigits)
        return;
    m_lineNumberDigits = digits;
    setMarginWidth(LineNumberMarginIndex, QString(digits + 1, u'9'));
}

} // namespace Sonde
