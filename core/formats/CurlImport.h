#pragma once

#include "formats/ImportResult.h"

#include <QString>

namespace Sonde {

struct CurlImportOptions
{
    /// The directory relative file names are taken from (`-d @file`, `-F f=@file`, `-T file`,
    /// `< file`); usually the directory of the imported file. Empty: they are kept as written and read
    /// relative to the current directory.
    QString baseDirectory;
};

/// Turns curl command lines into requests: what "Paste a curl command" and File → Import do.
///
/// The text may hold several commands (separated by newlines, `;`, `&&` …); each `curl` command becomes
/// one request per URL, in order; other commands are skipped with a warning. Options that do not change
/// the request (output, progress, retries) are ignored; options Sonde cannot express are reported as
/// warnings; unknown options too. Nothing is sent and nothing but the files the command reads
/// (`-d @file`, `--data-urlencode name@file`, `-F name=<file`, `-H @file`, `< file`) is opened.
///
/// Decisions where curl and Sonde differ (also in docs/import-export.md):
/// - Redirects are followed only with `-L`, as curl does.
/// - Without `-m`, Sonde's default time limit (30 s) stays.
/// - `--compressed` adds nothing: Sonde always asks for gzip and deflate and decodes them.
/// - `-u`, `--oauth2-bearer` become an Authorization header; with `--digest`, `--ntlm` or
///   `--negotiate` no header is made and a warning says so.
/// - `--data-binary @file` alone and `-T file` become a binary body streamed from the file, which is
///   not read now (a missing file is a warning, and an error when the request is sent).
/// - `$NAME` and `${NAME}` become the variable `{{NAME}}`.
namespace CurlImport {

/// The requests of `text` as a collection (no folders), or an error naming the line and column.
ImportResult parse(const QString &text, const CurlImportOptions &options = {});

/// True when `text` starts (after blank lines, comments and a `$ ` prompt) with a curl command.
bool looksLikeCurl(const QString &text);

} // namespace CurlImport
} // namespace Sonde
