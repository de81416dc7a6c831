#include "storage/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Sonde::AtomicFile {

WriteResult write(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile existing(path);
    if (existing.size() == bytes.size() && existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes)
        return WriteResult::Unchanged;
    existing.close();

    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("Could not create the folder %1").arg(folder);
        return WriteResult::Failed;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        return WriteResult::Failed;
    }
    // In pieces, so a large body does not become one enormous system call.
    constexpr qsizetype Piece = 4 * 1024 * 1024;
    for (qsizetype at = 0; at < bytes.size(); at += Piece) {
        const qsizetype length = qMin(Piece, bytes.size() - at);
        if (file.write(bytes.constData() + at, length) != length)
            break;
    }
    if (file.error() != QFileDevice::NoError || !file.commit()) {
        if (error)
            *error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        return WriteResult::Failed;
    }
    return WriteResult::Written;
}

} // namespace Sonde::AtomicFile
