#include "editor/CodeEditor.h"

#include "editor/LexerFactory.h"
#include "editor/SyntaxTheme.h"

#include <QEvent>
#include <QFontDatabase>

#include <algorithm>

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
    setUtf8(true);
    setEolMode(EolUnix);
    setWrapMode(WrapNone);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    setTabWidth(2);
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

    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberMarginWidth);
    setFolding(NoFoldStyle, FoldMarginIndex);
    applyTheme();
    updateLineNumberMarginWidth();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;

    QsciLexer *previous = m_lexer;
    m_lexer = LexerFactory::create(language, this);
    if (m_lexer) {
        LexerFactory::applyTheme(*m_lexer, language, SyntaxTheme::fromPalette(palette()),
                                 QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    setLexer(m_lexer);
    delete previous;

    const auto properties = LexerFactory::extraProperties(language);
    for (const auto &[name, value] : properties)
        SendScintilla(SCI_SETPROPERTY, name.constData(), value.constData());
    setFolding(m_lexer ? BoxedTreeFoldStyle : NoFoldStyle, FoldMarginIndex);
    // setLexer() and setFolding() reset the plain-text colours and the fold markers.
    applyTheme();
}

CodeEditor::Language CodeEditor::language() const
{
    return m_language;
}

CodeEditor::Language CodeEditor::languageForContentType(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    const auto is = [&type](std::initializer_list<QLatin1StringView> names) {
        return std::any_of(names.begin(), names.end(), [&type](QLatin1StringView name) { return type == name; });
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
    setReadOnly(readOnly);
    setCaretLineVisible(!readOnly);
    SendScintilla(SCI_SETUNDOCOLLECTION, static_cast<unsigned long>(!readOnly));
    if (readOnly)
        SendScintilla(SCI_EMPTYUNDOBUFFER);
}

void CodeEditor::setUtf8Text(const QByteArray &utf8)
{
    const bool readOnly = isReadOnly();
    const bool collectUndo = SendScintilla(SCI_GETUNDOCOLLECTION) != 0;
    SendScintilla(SCI_SETREADONLY, 0UL);
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    SendScintilla(SCI_SETSCROLLWIDTH, 1UL);
    // CLEARALL + APPENDTEXT is SCI_SETTEXT with an explicit length: a body may contain NUL bytes.
    SendScintilla(SCI_CLEARALL);
    if (!utf8.isEmpty())
        SendScintilla(SCI_APPENDTEXT, static_cast<uintptr_t>(utf8.size()), utf8.constData());
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    SendScintilla(SCI_SETUNDOCOLLECTION, static_cast<unsigned long>(collectUndo));
    SendScintilla(SCI_SETREADONLY, static_cast<unsigned long>(readOnly));
    SendScintilla(SCI_GOTOPOS, 0UL);
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

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void CodeEditor::applyTheme()
{
    const SyntaxTheme theme = SyntaxTheme::fromPalette(palette());
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
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
