#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sonde {

/// One word of a shell command, after quote removal, with where it starts in the text (1-based).
struct ShellWord
{
    /// The word's bytes: the UTF-8 of the text, plus any byte written as an escape in `$'…'`.
    QByteArray text;
    int line = 0;
    int column = 0;

    friend bool operator==(const ShellWord &, const ShellWord &) = default;
};

/// A redirection of a command: `< file`, `> file`, `2>&1`, `<<< word`, `<<EOF` … `EOF`.
struct ShellRedirect
{
    /// The operator as written: "<", ">", ">>", "2>", "&>", "<<<", "<<", "<<-", ">&" …
    QString op;
    /// The word after the operator (the file, the here-string, or the here-document's delimiter).
    QByteArray target;
    /// `<<`, `<<-`: the lines of the here-document, each ending with a newline.
    QByteArray hereDocument;
    int line = 0;
    int column = 0;

    friend bool operator==(const ShellRedirect &, const ShellRedirect &) = default;
};

/// One simple command: its words and its redirections, in order.
struct ShellCommand
{
    QList<ShellWord> words;
    QList<ShellRedirect> redirects;
    /// The line the command starts on.
    int line = 0;

    friend bool operator==(const ShellCommand &, const ShellCommand &) = default;
};

/// The commands of a script, or why it cannot be read.
struct ShellScript
{
    QList<ShellCommand> commands;
    /// Environment variables written as `$NAME` or `${NAME}`, in order of first use. They are not
    /// expanded: each becomes the Sonde variable reference `{{NAME}}` in its word.
    QStringList variables;
    /// Things the shell would do that a splitter cannot (command substitution), in words, with their place.
    QStringList notes;
    /// Empty when the text could be read; otherwise what is wrong and where, e.g.
    /// "line 2, column 14: the single quote opened here is never closed".
    QString error;
    int errorLine = 0;
    int errorColumn = 0;

    bool ok() const { return error.isEmpty(); }
};

/// Splits shell command text into words the way a POSIX shell does, without running or expanding
/// anything: what a pasted `curl …` line means.
///
/// Understood: single quotes; double quotes (backslash escapes only `$`, `` ` ``, `"`, `\` and the
/// newline); backslash escapes outside quotes; backslash-newline continuations; `$'…'` ANSI-C strings
/// (`\n`, `\t`, `\xHH`, `\uHHHH`, octal, … as browsers' "Copy as cURL" writes them); `$"…"` as a double
/// quoted string; comments; the separators `;`, `&`, `&&`, `||`, `|` and newline between commands;
/// redirections, here-strings and here-documents; Windows `^` at the end of a line as a continuation.
/// `$NAME` and `${NAME}` become `{{NAME}}` (see ShellScript::variables); `$(…)` and backquotes are kept
/// as written, with a note. CRLF line ends are read as LF.
namespace ShellWords {

ShellScript parse(const QString &text);

/// The words of the first command of `text` as UTF-8 strings, for tests and simple callers; `error`
/// receives ShellScript::error.
QStringList split(const QString &text, QString *error = nullptr);

/// `word` written so that a POSIX shell reads it back as exactly these bytes: as is when it holds only
/// safe characters, in single quotes when it is printable text, else as `$'…'` with escapes.
/// A NUL byte cannot be passed to a program and is written as `\x00` (the shell stops the word there).
QString quote(const QByteArray &word);
inline QString quote(const QString &word)
{
    return quote(word.toUtf8());
}

} // namespace ShellWords
} // namespace Sonde
