#include "echo/ByteStream.h"

#include <QtEndian>
#include <algorithm>

namespace Sonde::Echo {

void SplitMix64::fill(char *out, qint64 size)
{
    while (size > 0) {
        if (m_available == 0 && size >= 8) {
            qToLittleEndian(nextWord(), out);
            out += 8;
            size -= 8;
            continue;
        }
        if (m_available == 0) {
            m_word = nextWord();
            m_available = 8;
        }
        *out++ = static_cast<char>(m_word & 0xff);
        m_word >>= 8;
        --m_available;
        --size;
    }
}

quint64 SplitMix64::nextWord()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QByteArray ByteStream::next()
{
    const qint64 size = std::min(m_remaining, m_pieceSize);
    QByteArray piece(size, Qt::Uninitialized);
    m_random.fill(piece.data(), size);
    m_remaining -= size;
    return piece;
}

} // namespace Sonde::Echo
