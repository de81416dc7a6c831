#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace Sonde {

/// Streaming decoder for a response's Content-Encoding (gzip, x-gzip, deflate).
///
/// The engine asks for these encodings itself, so it decodes them itself: that way it knows both the
/// size on the wire and the decoded size, and the same code runs on every Qt version.
class ContentDecoder
{
public:
    enum class Encoding { Identity, Gzip, Deflate };

    /// A decoder for a Content-Encoding header value, or nullptr for identity and for encodings Sonde
    /// cannot decode (the body is then kept as received).
    static std::unique_ptr<ContentDecoder> create(const QByteArray &contentEncoding);
    static bool canDecode(const QByteArray &contentEncoding);

    explicit ContentDecoder(Encoding encoding);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    /// Decodes the next chunk; returns the decoded bytes. On corrupt data returns what it could and
    /// sets errorString().
    QByteArray decode(const QByteArray &chunk);
    /// True once the end of the compressed stream was seen.
    bool isFinished() const { return m_finished; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool init(bool raw);

    struct State;
    std::unique_ptr<State> m_state;
    Encoding m_encoding;
    bool m_finished = false;
    bool m_triedRaw = false;
    QByteArray m_consumed; // deflate input so far, replayed as raw deflate if the zlib header is missing
    QString m_error;
};

} // namespace Sonde
