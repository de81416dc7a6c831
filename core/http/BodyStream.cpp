#include "http/BodyStream.h"

#include <algorithm>

namespace Sonde {

BodyStream::BodyStream(const QList<BodySegment> &segments, QObject *parent)
    : QIODevice(parent)
    , m_segments(segments)
{
    for (const BodySegment &segment : m_segments) {
        m_starts.append(m_size);
        m_size += segment.size;
    }
}

bool BodyStream::seek(qint64 position)
{
    if (position < 0 || position > m_size)
        return false;
    return QIODevice::seek(position);
}

bool BodyStream::atEnd() const
{
    return pos() >= m_size;
}

qint64 BodyStream::readData(char *data, qint64 maxSize)
{
    const qint64 position = pos();
    if (position >= m_size || maxSize <= 0)
        return 0;
    // The segment holding `position`: the last one starting at or before it (skipping empty ones).
    const auto next = std::upper_bound(m_starts.cbegin(), m_starts.cend(), position);
    const int index = int(next - m_starts.cbegin()) - 1;
    const BodySegment &segment = m_segments.at(index);
    const qint64 offset = position - m_starts.at(index);
    const qint64 count = std::min(maxSize, segment.size - offset);
    if (segment.filePath.isEmpty()) {
        std::copy_n(segment.bytes.constData() + offset, count, data);
        return count;
    }
    if (m_fileSegment != index) {
        m_file.close();
        m_file.setFileName(segment.filePath);
        m_fileSegment = index;
        if (!m_file.open(QIODevice::ReadOnly)) {
            setErrorString(tr("Could not read %1: %2").arg(segment.filePath, m_file.errorString()));
            return -1;
        }
    }
    if (m_file.pos() != offset && !m_file.seek(offset)) {
        setErrorString(tr("Could not read %1: %2").arg(segment.filePath, m_file.errorString()));
        return -1;
    }
    const qint64 read = m_file.read(data, count);
    if (read <= 0) {
        // The file shrank since the request was prepared: the announced Content-Length can no longer be met.
        setErrorString(tr("%1 changed while it was being sent.").arg(segment.filePath));
        return -1;
    }
    return read;
}

qint64 BodyStream::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Sonde
