#pragma once

#include "editor/CodeEditor.h"
#include "editor/SyntaxTheme.h"

class QFont;
class QObject;
class QPalette;
class QsciLexer;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Sonde {

/// The one place that turns a CodeEditor::Language into highlighting: which lexer, which folding
/// options, and which of the lexer's styles plays which TokenRole. A second backend (a
/// KSyntaxHighlighting-driven QsciLexerCustom) slots in here without CodeEditor changing.
namespace LexerFactory {

/// Where highlighting comes from: KSyntaxHighlighting definitions when Sonde is built with KF6
/// SyntaxHighlighting (a language it has no definition for falls back), QScintilla's lexers otherwise.
enum class Backend { QScintilla, KSyntaxHighlighting };

/// The backends this build has, the preferred one first.
QList<Backend> availableBackends();
/// The backend new lexers come from (tests switch between them); the preferred one by default.
Backend backend();
void setBackend(Backend backend);
/// A short name for messages and test data: "qscintilla", "ksyntaxhighlighting".
QString backendName(Backend backend);

/// The KSyntaxHighlighting repository the application loaded once (it reads every definition's
/// header: do not make one per editor). Without one, the first use makes one for the process.
void setRepository(KSyntaxHighlighting::Repository *repository);

/// Above this size a document gets QScintilla's compiled lexers whatever the backend: they style a
/// jump to the end of a huge document (all text before it) far faster than regular-expression rules.
inline constexpr qint64 LargeDocumentBytes = 4 * 1024 * 1024;

/// A new lexer for `language`, owned by `parent`, for a document of about `documentSize` bytes;
/// nullptr for plain text.
QsciLexer *create(CodeEditor::Language language, QObject *parent, qint64 documentSize = 0);

/// The names of the colour themes KSyntaxHighlighting has, sorted; empty in a build without it.
QStringList themeNames();
/// The KSyntaxHighlighting theme editors use (one of themeNames()); empty, or a name this build does
/// not have: its light or dark theme, as the palette is.
void setThemeName(const QString &name);
QString themeName();

/// The colours of an editor on `palette`: the palette's (SyntaxTheme::fromPalette), or, with a theme
/// chosen with setThemeName(), that theme's background, text, margins, current line and selection.
SyntaxTheme editorTheme(const QPalette &palette);

/// Gives every style of `lexer` the theme's background, `font` and the colour of its token role.
void applyTheme(QsciLexer &lexer, CodeEditor::Language language, const SyntaxTheme &theme, const QFont &font);

/// Scintilla lexer properties the lexer object does not set itself (name, value), to send after setLexer().
QList<std::pair<QByteArray, QByteArray>> extraProperties(CodeEditor::Language language);

} // namespace LexerFactory

} // namespace Sonde
