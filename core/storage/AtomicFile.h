#pragma once

#include <QByteArray>
#include <QString>

namespace Sonde::AtomicFile {

enum class WriteResult { Written, Unchanged, Failed };

/// Writes `bytes` to `path` through QSaveFile: a temporary file in the same folder, renamed over the
/// target only once complete, so an interrupted save leaves the previous file intact. A file that
/// already holds exactly these bytes is not touched (no new mtime, nothing for git or a watcher to see).
/// Creates missing parent folders. On failure returns Failed and says why in `error`.
WriteResult write(const QString &path, const QByteArray &bytes, QString *error);

} // namespace Sonde::AtomicFile
