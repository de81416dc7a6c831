#pragma once

#include "editor/CodeEditor.h"
#include "editor/SyntaxTheme.h"

class QFont;
class QObject;
class QsciLexer;

namespace Sonde {

/// The one place that turns a CodeEditor::Language into highlighting: which lexer, which folding
/// options, and which of the lexer's styles plays which TokenRole. A second backend (a
/// KSyntaxHighlighting-driven QsciLexerCustom) slots in here without CodeEditor changing.
namespace LexerFactory {

/// A new lexer for `language`, owned by `parent`; nullptr for plain text.
QsciLexer *create(CodeEditor::Language language, QObject *parent);

/// Gives every style of `lexer` the theme's background, `font` and the colour of its token role.
void applyTheme(QsciLexer &lexer, CodeEditor::Language language, const SyntaxTheme &theme, const QFont &font);

/// Scintilla lexer properties the lexer object does not set itself (name, value), to send after setLexer().
QList<std::pair<QByteArray, QByteArray>> extraProperties(CodeEditor::Language language);

} // namespace LexerFactory

} // namespace Sonde
