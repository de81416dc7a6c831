#pragma once

#include "editor/QsciIncludes.h"

#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexercustom.h>
#undef signals
#undef slots

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QByteArray>
#include <QFont>
#include <QHash>

#include <memory>
#include <vector>

namespace Sonde {

/// QScintilla highlighting by a KSyntaxHighlighting definition: a QsciLexerCustom that runs
/// AbstractHighlighter line by line over the text Scintilla asks to style.
///
/// Scintilla asks from the first unstyled line on (edits and new documents reset that point), so
/// the state at the end of each line styled so far is kept and the next request resumes from it;
/// only the lines asked for are highlighted, a huge document is styled as it is scrolled through.
/// Formats become Scintilla styles as they are met, coloured from the KSyntaxHighlighting theme;
/// folding regions become fold levels. Offsets are converted from UTF-16 to UTF-8 bytes per line.
class KSyntaxLexer final : public QsciLexerCustom
{
    Q_OBJECT
public:
    KSyntaxLexer(const KSyntaxHighlighting::Definition &definition, QObject *parent = nullptr);
    ~KSyntaxLexer() override;

    const char *language() const override;
    /// The name of the format a style stands for ("Normal Text" for style 0); empty for unused styles.
    QString description(int style) const override;
    void styleText(int start, int end) override;

    /// Colours every style from `theme` (the formats' colours over the theme's background) in `font`.
    void setColors(const KSyntaxHighlighting::Theme &theme, const QFont &font);

private:
    class Highlighter;
    friend class Highlighter;

    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format);
    void applyFolding(KSyntaxHighlighting::FoldingRegion region);
    int styleFor(const KSyntaxHighlighting::Format &format);
    void colorStyle(int style);

    struct Run
    {
        int offset;
        int length;
        int style;
    };

    std::unique_ptr<Highlighter> m_highlighter;
    QByteArray m_name;
    QFont m_font;
    KSyntaxHighlighting::Theme m_colors;
    /// The format of each style; index 0 is the default (no format).
    std::vector<KSyntaxHighlighting::Format> m_formats;
    QHash<int, int> m_styleOfFormat;
    /// Per styled line: the highlighter's state and the fold depth at its end.
    std::vector<KSyntaxHighlighting::State> m_states;
    std::vector<int> m_depths;
    /// Filled by applyFormat()/applyFolding() while one line is highlighted.
    std::vector<Run> m_runs;
    int m_foldBegins = 0;
    int m_foldEnds = 0;
};

} // namespace Sonde
