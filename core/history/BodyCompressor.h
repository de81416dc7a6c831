#pragma once

#include <QByteArray>
#include <memory>

namespace Sonde {

/// How history keeps bodies: those that shrink well zlib-compressed, in qCompress()'s format (so
/// qUncompress() reads them), the others as they are.
///
/// One compressor reuses its zlib state from body to body: setting up a fresh one per body (as
/// qCompress does) costs more than compressing a small body.
class BodyCompressor
{
public:
    BodyCompressor();
    ~BodyCompressor();
    BodyCompressor(const BodyCompressor &) = delete;
    BodyCompressor &operator=(const BodyCompressor &) = delete;

    /// The bytes to store for `body`; `compressed` says whether they are compressed.
    QByteArray pack(const QByteArray &body, bool *compressed);
    /// The body from what was stored.
    static QByteArray unpack(const QByteArray &stored, bool compressed);

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
};

} // namespace Sonde
