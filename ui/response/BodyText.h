#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Sonde {

/// Helpers that turn response body bytes into text an editor can show. Plain functions of QtCore:
/// they run in worker threads.
namespace BodyText {

/// True when `contentType` names a textual media type (text/*, JSON, XML, JavaScript, YAML, forms…).
bool isTextualContentType(const QString &contentType);

/// True when a body should be shown as text: a textual Content-Type, or else valid UTF-8 without
/// NUL bytes in its first 8 KiB. `sample` is the body or its first bytes.
bool looksLikeText(QByteArrayView sample, const QString &contentType, bool sampleIsWholeBody);

/// The `charset` parameter of a Content-Type, lower-cased; empty when there is none.
QByteArray charset(const QString &contentType);

/// `bytes` as UTF-8: decoded from the Content-Type's charset when it names another encoding.
/// `note` receives a sentence when the charset is unknown (the bytes are then taken as UTF-8).
QByteArray toUtf8(const QByteArray &bytes, const QString &contentType, QString *note);

/// A classic hex dump: offset, 16 bytes in hex, the printable ASCII. One line per 16 bytes.
QByteArray hexDump(QByteArrayView bytes);

/// Breaks lines longer than a limit into pieces of at most that many bytes (never inside a UTF-8
/// sequence): Scintilla lays out a whole line to draw any of it, and a 50 MB one-line body would
/// take minutes; a screenful of 4096-byte lines still took 90 ms to draw, one of 512-byte lines
/// takes 15 ms (bench_viewer, raw phase). Streaming: feed the text in chunks of any size.
class LongLineBreaker
{
public:
    explicit LongLineBreaker(qsizetype limit = 512);
    /// The chunk with its long lines broken; the chunk itself (shared, not copied) when none is.
    QByteArray process(const QByteArray &chunk);
    /// True once a line was broken.
    bool brokeLines() const { return m_broke; }
    qsizetype limit() const { return m_limit; }

private:
    qsizetype m_limit;
    qsizetype m_column = 0;
    bool m_broke = false;
};

} // namespace BodyText

} // namespace Sonde
