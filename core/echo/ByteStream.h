#pragma once

#include <QByteArray>

namespace Sonde::Echo {

/// SplitMix64: tiny, fast and fully specified, so tests can reproduce the bytes anywhere. The output is
/// the generated 64-bit words in little-endian order, so filling in several calls gives the same bytes
/// as filling in one.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    { }

    void fill(char *out, qint64 size);

private:
    quint64 nextWord();

    quint64 m_state;
    quint64 m_word = 0;
    int m_available = 0;
};

/// A pseudo-random body generated piece by piece while it is sent, so that its size costs no memory.
class ByteStream
{
public:
    ByteStream(qint64 size, quint64 seed, qint64 pieceSize)
        : m_random(seed)
        , m_remaining(size)
        , m_pieceSize(pieceSize)
    { }

    qint64 remaining() const { return m_remaining; }
    /// The next piece: `pieceSize` bytes, fewer at the end, empty once nothing remains.
    QByteArray next();

private:
    SplitMix64 m_random;
    qint64 m_remaining;
    qint64 m_pieceSize;
};

} // namespace Sonde::Echo
