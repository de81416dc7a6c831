#pragma once

#include <QColor>

#include <array>

class QPalette;

namespace Sonde {

/// What a piece of highlighted text is, independently of the language and of the highlighting backend.
enum class TokenRole {
    Text,
    Keyword,
    String,
    Number,
    Comment,
    Property,
    Tag,
    Attribute,
    Operator,
    Escape,
    Error,
    Special,
};

/// The colours of an editor derived from the application palette: the background and text follow
/// the palette, token colours come from a light or a dark set chosen by the background's lightness,
/// both readable on their background.
struct SyntaxTheme
{
    bool dark = false;
    QColor paper;
    QColor text;
    QColor marginPaper;
    QColor marginText;
    QColor caretLine;
    QColor selection;
    QColor selectionText;
    QColor braceMatch;
    QColor braceMismatch;

    QColor color(TokenRole role) const { return m_tokens.at(static_cast<std::size_t>(role)); }

    static SyntaxTheme fromPalette(const QPalette &palette);

private:
    std::array<QColor, static_cast<std::size_t>(TokenRole::Special) + 1> m_tokens;
};

} // namespace Sonde
