#pragma once

#include "http/RequestBuilder.h"

#include <QFile>
#include <QIODevice>

namespace Sonde {

/// A read-only, seekable device that reads a list of segments (bytes in memory, files on disk) as one
/// stream, one file open at a time.
///
/// QNetworkAccessManager reads it in small chunks, so a multipart or binary upload of any size takes
/// little memory; its size is known up front, so the request carries a Content-Length, and it can be
/// reset when the network stack has to send the body again.
class BodyStream final : public QIODevice
{
    Q_OBJECT
public:
    explicit BodyStream(const QList<BodySegment> &segments, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 position) override;
    bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QList<BodySegment> m_segments;
    QList<qint64> m_starts;
    qint64 m_size = 0;
    QFile m_file;
    int m_fileSegment = -1;
};

} // namespace Sonde
