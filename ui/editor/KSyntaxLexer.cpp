#include "editor/KSyntaxLexer.h"

#include <KSyntaxHighlighting/FoldingRegion>

#include <algorithm>

namespace Sonde {

namespace {

/// Scintilla's own styles (STYLE_DEFAULT … STYLE_FOLDDISPLAYTEXT) are not for lexers.
constexpr int FirstReservedStyle = 32;
constexpr int LastReservedStyle = 39;
constexpr int MaxStyle = 127;

int nextFreeStyle(int style)
{
    ++style;
    if (style >= FirstReservedStyle && style <= LastReservedStyle)
        style = LastReservedStyle + 1;
    return style;
}

/// Byte offset in the UTF-8 of `text` of each UTF-16 index (and of the end).
std::vector<int> utf8Offsets(QStringView text)
{
    std::vector<int> offsets(size_t(text.size()) + 1);
    int bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        offsets[size_t(i)] = bytes;
        const char16_t c = text.at(i).unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            bytes += 4;
            offsets[size_t(++i)] = bytes; // the low half: the same character
        } else
            bytes += 3;
    }
    offsets[size_t(text.size())] = bytes;
    return offsets;
}

} // namespace

/// The AbstractHighlighter that reports to the lexer: kept apart so that the lexer stays a plain QObject.
class KSyntaxLexer::Highlighter final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    explicit Highlighter(KSyntaxLexer *lexer)
        : m_lexer(lexer)
    { }

    KSyntaxHighlighting::State line(QStringView text, const KSyntaxHighlighting::State &state)
    {
        return highlightLine(text, state);
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        m_lexer->applyFormat(offset, length, format);
    }
    void applyFolding(int, int, KSyntaxHighlighting::FoldingRegion region) override
    {
        m_lexer->applyFolding(region);
    }

private:
    KSyntaxLexer *m_lexer;
};

KSyntaxLexer::KSyntaxLexer(const KSyntaxHighlighting::Definition &definition, QObject *parent)
    : QsciLexerCustom(parent)
    , m_highlighter(std::make_unique<Highlighter>(this))
    , m_name(definition.name().toUtf8())
    , m_formats(1)
{
    m_highlighter->setDefinition(definition);
}

KSyntaxLexer::~KSyntaxLexer() = default;

const char *KSyntaxLexer::language() const
{
    return m_name.constData();
}

QString KSyntaxLexer::description(int style) const
{
    if (style == 0)
        return QStringLiteral("Normal Text");
    if (style < 0 || size_t(style) >= m_formats.size() || !m_formats[size_t(style)].isValid())
        return {};
    return m_formats[size_t(style)].name();
}

void KSyntaxLexer::setColors(const KSyntaxHighlighting::Theme &theme, const QFont &font)
{
    m_colors = theme;
    m_font = font;
    m_highlighter->setTheme(theme);
    const QColor paper = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
    const QColor text = QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal));
    setDefaultFont(font);
    setDefaultPaper(paper);
    setDefaultColor(text);
    setFont(font, -1);
    setPaper(paper, -1);
    setColor(text, -1);
    for (size_t style = 1; style < m_formats.size(); ++style) {
        if (m_formats[style].isValid())
            colorStyle(int(style));
    }
}

void KSyntaxLexer::colorStyle(int style)
{
    const KSyntaxHighlighting::Format &format = m_formats[size_t(style)];
    const QColor paper = QColor::fromRgba(m_colors.editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
    setColor(format.hasTextColor(m_colors) ? format.textColor(m_colors)
                                           : QColor::fromRgba(m_colors.textColor(KSyntaxHighlighting::Theme::Normal)),
             style);
    setPaper(format.hasBackgroundColor(m_colors) ? format.backgroundColor(m_colors) : paper, style);
    QFont font = m_font;
    font.setBold(format.isBold(m_colors));
    font.setItalic(format.isItalic(m_colors));
    font.setUnderline(format.isUnderline(m_colors));
    font.setStrikeOut(format.isStrikeThrough(m_colors));
    setFont(font, style);
}

int KSyntaxLexer::styleFor(const KSyntaxHighlighting::Format &format)
{
    if (!format.isValid() || format.isDefaultTextStyle(m_colors))
        return 0;
    const auto known = m_styleOfFormat.constFind(format.id());
    if (known != m_styleOfFormat.cend())
        return known.value();
    const int style = nextFreeStyle(int(m_formats.size()) - 1);
    if (style > MaxStyle)
        return 0; // a definition with more formats than styles: the rest stays plain
    m_formats.resize(size_t(style) + 1);
    m_formats[size_t(style)] = format;
    m_styleOfFormat.insert(format.id(), style);
    colorStyle(style);
    return style;
}

void KSyntaxLexer::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (length > 0)
        m_runs.push_back({offset, length, styleFor(format)});
}

void KSyntaxLexer::applyFolding(KSyntaxHighlighting::FoldingRegion region)
{
    if (region.type() == KSyntaxHighlighting::FoldingRegion::Begin)
        ++m_foldBegins;
    else if (region.type() == KSyntaxHighlighting::FoldingRegion::End)
        ++m_foldEnds;
}

void KSyntaxLexer::styleText(int start, int end)
{
    QsciScintilla *scintilla = editor();
    if (!scintilla || end <= start)
        return;
    const auto send = [scintilla](unsigned int message, unsigned long wParam = 0, long lParam = 0) {
        return scintilla->SendScintilla(message, wParam, lParam);
    };
    int line = int(send(QsciScintillaBase::SCI_LINEFROMPOSITION, (unsigned long)start));
    // Resume from the last line whose end state is known.
    line = std::min<int>(line, int(m_states.size()));
    m_states.resize(size_t(line));
    m_depths.resize(size_t(line));
    const int lastLine = int(send(QsciScintillaBase::SCI_LINEFROMPOSITION, (unsigned long)(end - 1)));
    const long length = send(QsciScintillaBase::SCI_GETLENGTH);
    KSyntaxHighlighting::State state = line > 0 ? m_states[size_t(line - 1)] : KSyntaxHighlighting::State();
    int depth = line > 0 ? m_depths[size_t(line - 1)] : 0;
    QByteArray bytes;

    startStyling(int(send(QsciScintillaBase::SCI_POSITIONFROMLINE, (unsigned long)line)));
    for (; line <= lastLine; ++line) {
        const long lineStart = send(QsciScintillaBase::SCI_POSITIONFROMLINE, (unsigned long)line);
        const long lineEnd = send(QsciScintillaBase::SCI_GETLINEENDPOSITION, (unsigned long)line);
        const long nextStart = line + 1 < send(QsciScintillaBase::SCI_GETLINECOUNT)
                                   ? send(QsciScintillaBase::SCI_POSITIONFROMLINE, (unsigned long)(line + 1))
                                   : length;
        bytes.resize(lineEnd - lineStart + 1);
        scintilla->SendScintilla(QsciScintillaBase::SCI_GETTEXTRANGE, lineStart, lineEnd, bytes.data());
        bytes.resize(lineEnd - lineStart);
        const QString text = QString::fromUtf8(bytes);

        m_runs.clear();
        m_foldBegins = 0;
        m_foldEnds = 0;
        state = m_highlighter->line(text, state);

        const bool ascii = text.size() == bytes.size();
        const std::vector<int> offsets = ascii ? std::vector<int>() : utf8Offsets(text);
        const auto toBytes = [&](int index) { return ascii ? index : offsets[size_t(std::clamp<int>(index, 0, int(text.size())))]; };
        int styled = 0;
        for (const Run &run : m_runs) {
            const int from = toBytes(run.offset);
            const int to = toBytes(run.offset + run.length);
            if (from < styled || to <= from)
                continue;
            if (from > styled)
                setStyling(from - styled, 0);
            setStyling(to - from, run.style);
            styled = to;
        }
        if (nextStart - lineStart > styled)
            setStyling(int(nextStart - lineStart - styled), 0);

        const int depthAfter = std::max(0, depth + m_foldBegins - m_foldEnds);
        int level = QsciScintillaBase::SC_FOLDLEVELBASE + std::min(depth, depthAfter);
        if (depthAfter > depth)
            level |= QsciScintillaBase::SC_FOLDLEVELHEADERFLAG;
        send(QsciScintillaBase::SCI_SETFOLDLEVEL, (unsigned long)line, level);
        depth = depthAfter;
        m_states.push_back(state);
        m_depths.push_back(depth);
    }
}

} // namespace Sonde
