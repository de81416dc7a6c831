#include "editor/SyntaxTheme.h"

#include <QPalette>

namespace Sonde {

namespace {

QColor mix(const QColor &a, const QColor &b, double weightOfB)
{
    const double w = weightOfB;
    return QColor::fromRgbF(float(a.redF() * (1 - w) + b.redF() * w), float(a.greenF() * (1 - w) + b.greenF() * w),
                            float(a.blueF() * (1 - w) + b.blueF() * w));
}

} // namespace

SyntaxTheme SyntaxTheme::fromPalette(const QPalette &palette)
{
    SyntaxTheme theme;
    theme.paper = palette.color(QPalette::Base);
    theme.text = palette.color(QPalette::Text);
    theme.dark = theme.paper.lightness() < 128;
    theme.marginPaper = mix(theme.paper, palette.color(QPalette::Window), 0.6);
    theme.marginText = mix(theme.text, theme.paper, 0.5);
    theme.caretLine = mix(theme.paper, theme.text, 0.06);
    theme.selection = palette.color(QPalette::Highlight);
    theme.selectionText = palette.color(QPalette::HighlightedText);

    // Token colours tuned for contrast on a near-white and on a near-black background (WCAG AA for text).
    auto set = [&theme](TokenRole role, const char *light, const char *dark) {
        theme.m_tokens.at(static_cast<std::size_t>(role)) = QColor(QLatin1StringView(theme.dark ? dark : light));
    };
    theme.m_tokens.fill(theme.text);
    set(TokenRole::Keyword, "#0033b3", "#c678dd");
    set(TokenRole::String, "#067d17", "#98c379");
    set(TokenRole::Number, "#1750eb", "#d19a66");
    set(TokenRole::Comment, "#707070", "#8b929e");
    set(TokenRole::Property, "#871094", "#61afef");
    set(TokenRole::Tag, "#0033b3", "#e06c75");
    set(TokenRole::Attribute, "#871094", "#d19a66");
    set(TokenRole::Escape, "#0037a6", "#56b6c2");
    set(TokenRole::Error, "#c62828", "#ff6b6b");
    set(TokenRole::Special, "#8a6100", "#e5c07b");
    theme.m_tokens.at(static_cast<std::size_t>(TokenRole::Operator)) = mix(theme.text, theme.paper, 0.25);
    theme.braceMatch = theme.dark ? QColor(0x3a, 0x5a, 0x3a) : QColor(0xc8, 0xe6, 0xc9);
    theme.braceMismatch = theme.dark ? QColor(0x6a, 0x2a, 0x2a) : QColor(0xff, 0xcd, 0xd2);
    return theme;
}

} // namespace Sonde
