#include "history/BodyCompressor.h"

#include <QtEndian>
#include <zlib.h>

namespace Sonde {

namespace {

// Small bodies do not shrink enough to pay for inflating them when they are read.
constexpr qsizetype MinimumSize = 256;
constexpr int Level = 1;

} // namespace

struct BodyCompressor::Stream
{
    z_stream zlib {};
    bool ready = false;
};

BodyCompressor::BodyCompressor()
    : m_stream(std::make_unique<Stream>())
{
    m_stream->ready = deflateInit(&m_stream->zlib, Level) == Z_OK;
}

BodyCompressor::~BodyCompressor()
{
    if (m_stream->ready)
        deflateEnd(&m_stream->zlib);
}

QByteArray BodyCompressor::pack(const QByteArray &body, bool *compressed)
{
    *compressed = false;
    if (body.size() < MinimumSize || !m_stream->ready || deflateReset(&m_stream->zlib) != Z_OK)
        return body;
    z_stream &zlib = m_stream->zlib;
    // qCompress()'s format: the uncompressed size as 4 big-endian bytes, then the zlib stream.
    QByteArray packed(4 + qsizetype(deflateBound(&zlib, uLong(body.size()))), Qt::Uninitialized);
    qToBigEndian(quint32(body.size()), packed.data());
    zlib.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    zlib.avail_in = uInt(body.size());
    zlib.next_out = reinterpret_cast<Bytef *>(packed.data() + 4);
    zlib.avail_out = uInt(packed.size() - 4);
    if (deflate(&zlib, Z_FINISH) != Z_STREAM_END)
        return body;
    packed.truncate(4 + qsizetype(zlib.total_out));
    if (packed.size() > body.size() * 9 / 10)
        return body;
    *compressed = true;
    return packed;
}

QByteArray BodyCompressor::unpack(const QByteArray &stored, bool compressed)
{
    return compressed ? qUncompress(stored) : stored;
}

} // namespace Sonde
