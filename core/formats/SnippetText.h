#pragma once

#include <QByteArray>
#include <QString>

/// String literals for the languages code snippets are written in: each returns a literal, quotes
/// included, that the language reads back as exactly `text` — quotes, backslashes, line breaks, other
/// control characters, non-ASCII text, and what a language would otherwise interpolate (`$` in PHP and
/// PowerShell, `{` nowhere: no literal used here interpolates braces).
namespace Sonde::SnippetText {

/// Python 3 `"…"` (source in UTF-8: non-ASCII text is kept).
QString python(const QString &text);
/// Python 3 `b"…"` for bytes that are not UTF-8 text.
QString pythonBytes(const QByteArray &bytes);
/// JavaScript `"…"`; U+2028 and U+2029 escaped too (older engines end a line there).
QString javaScript(const QString &text);
/// Go `"…"`, byte for byte: a byte that is not part of valid UTF-8 becomes `\xNN`.
QString go(const QByteArray &bytes);
/// Java `"…"` in ASCII: other characters as `\uXXXX`, so the source reads the same in any encoding;
/// control characters as octal escapes (a `\u000a` would end the line before the compiler sees it).
QString java(const QString &text);
/// C# `"…"`.
QString csharp(const QString &text);
/// PHP `'…'` when the text has no control character other than a line break (nothing is interpolated
/// there), else `"…"` with `\$` and `\xNN` escapes; bytes that are not UTF-8 are kept too.
QString php(const QByteArray &bytes);
/// PowerShell `'…'` (quotes doubled, typographic single quotes included, which PowerShell also takes
/// for quotes) unless the text holds control characters other than a line break; then `"…"` with
/// backtick escapes (`` `$ ``, `` `" ``, `` `n ``, `` `0 ``…).
QString powerShell(const QString &text);
/// C++ `"…"` byte for byte: UTF-8 kept, control characters and invalid bytes as three-digit octal
/// escapes (hex escapes would swallow the digits after them).
QString cpp(const QByteArray &bytes);
/// A POSIX shell word (see ShellWords::quote).
QString shell(const QString &text);

} // namespace Sonde::SnippetText
