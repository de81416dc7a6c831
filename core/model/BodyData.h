#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QIODevice;

namespace Sonde {

/// A received body: bytes in memory, or a temporary file for bodies above the memory threshold.
///
/// A cheap, immutable, shared handle: copies share the storage, and the temporary file is removed when
/// the last copy goes away.
class BodyData
{
public:
    BodyData() = default;
    static BodyData fromBytes(QByteArray bytes);
    /// Takes ownership of an already written temporary file: it is deleted with the last handle.
    static BodyData fromTemporaryFile(const QString &path, qint64 size);

    bool isEmpty() const { return size() == 0; }
    bool isInMemory() const;
    qint64 size() const;
    /// The file holding the body, or an empty string when it is in memory.
    QString filePath() const;

    /// The whole body. For a body on disk this reads the file: mind the size.
    QByteArray bytes() const;
    /// At most the first `maxBytes` bytes.
    QByteArray head(qint64 maxBytes) const;
    /// A device positioned at the start of the body, open for reading; nullptr when the file is gone.
    std::unique_ptr<QIODevice> open() const;

private:
    struct Storage;
    std::shared_ptr<const Storage> d;
};

} // namespace Sonde
