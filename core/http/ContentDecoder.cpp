#include "http/ContentDecoder.h"

#include <zlib.h>

namespace Sonde {

struct ContentDecoder::State
{
    z_stream stream {};
    bool initialised = false;

    ~State()
    {
        if (initialised)
            inflateEnd(&stream);
    }
};

std::unique_ptr<ContentDecoder> ContentDecoder::create(const QByteArray &contentEncoding)
{
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding == "gzip" || encoding == "x-gzip")
        return std::make_unique<ContentDecoder>(Encoding::Gzip);
    if (encoding == "deflate")
        return std::make_unique<ContentDecoder>(Encoding::Deflate);
    return nullptr;
}

bool ContentDecoder::canDecode(const QByteArray &contentEncoding)
{
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    return encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate";
}

ContentDecoder::ContentDecoder(Encoding encoding)
    : m_encoding(encoding)
{
    init(false);
}

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::init(bool raw)
{
    m_state = std::make_unique<State>();
    // 16+MAX_WBITS: gzip wrapper; MAX_WBITS: zlib wrapper; -MAX_WBITS: raw deflate.
    int windowBits = MAX_WBITS;
    if (m_encoding == Encoding::Gzip)
        windowBits = 16 + MAX_WBITS;
    else if (raw)
        windowBits = -MAX_WBITS;
    if (inflateInit2(&m_state->stream, windowBits) != Z_OK) {
        m_error = QStringLiteral("Could not start the %1 decoder").arg(raw ? u"deflate" : u"gzip");
        return false;
    }
    m_state->initialised = true;
    return true;
}

QByteArray ContentDecoder::decode(const QByteArray &chunk)
{
    QByteArray output;
    if (hasError() || chunk.isEmpty())
        return output;
    if (m_finished) {
        // Data after the end of the stream: a gzip body may hold several members; anything else is junk.
        if (m_encoding != Encoding::Gzip)
            return output;
        m_finished = false;
        inflateReset(&m_state->stream);
    }
    if (m_encoding == Encoding::Deflate && !m_triedRaw)
        m_consumed += chunk;

    z_stream &stream = m_state->stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.constData()));
    stream.avail_in = static_cast<uInt>(chunk.size());
    char buffer[64 * 1024];
    while (stream.avail_in > 0) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        const int result = inflate(&stream, Z_NO_FLUSH);
        output.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
        if (result == Z_STREAM_END) {
            m_finished = true;
            if (stream.avail_in > 0 && m_encoding == Encoding::Gzip) {
                // Another gzip member follows (concatenated gzip is valid).
                const qsizetype rest = stream.avail_in;
                const QByteArray remaining(reinterpret_cast<const char *>(stream.next_in), rest);
                inflateReset(&stream);
                m_finished = false;
                output += decode(remaining);
            }
            break;
        }
        if (result == Z_DATA_ERROR && m_encoding == Encoding::Deflate && !m_triedRaw && output.isEmpty()) {
            // Many servers send raw deflate for "deflate" (no zlib header): try again that way.
            m_triedRaw = true;
            const QByteArray replay = m_consumed;
            m_consumed.clear();
            if (!init(true))
                return output;
            return decode(replay);
        }
        if (result != Z_OK && result != Z_BUF_ERROR) {
            m_error = QStringLiteral("The %1 body is corrupt: %2")
                          .arg(m_encoding == Encoding::Gzip ? u"gzip" : u"deflate",
                               QString::fromLatin1(stream.msg ? stream.msg : "invalid data"));
            break;
        }
        if (result == Z_BUF_ERROR && stream.avail_out != 0)
            break;
    }
    if (m_encoding == Encoding::Deflate && !output.isEmpty()) {
        // The format is settled once output appears: stop keeping input for a replay.
        m_triedRaw = true;
        m_consumed.clear();
    }
    return output;
}

} // namespace Sonde
