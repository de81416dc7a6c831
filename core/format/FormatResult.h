#pragma once

#include <QByteArray>
#include <QString>

namespace Sonde {

/// The outcome of pretty-printing a document.
///
/// On success `output` holds the formatted text. On malformed input `ok` is false, `error` says what
/// is wrong in words with its place ("Unexpected '}' at line 3, column 5"), the place is also given
/// as a byte offset and a 1-based line and column (in characters), and `output` holds the input
/// unchanged so a caller can show the raw text next to the message.
struct FormatResult
{
    QByteArray output;
    bool ok = false;
    QString error;
    qint64 errorOffset = -1;
    int errorLine = 0;
    int errorColumn = 0;
    /// True when formatting stopped because it was cancelled (then `ok` is false too).
    bool cancelled = false;
};

} // namespace Sonde
