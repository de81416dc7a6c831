#include "format/JsonFormatter.h"

#include <QString>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace Sonde {

namespace {

// Bytes that end the fast scan inside a string: the closing quote, an escape, a control character.
constexpr std::array<bool, 256> stringStops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c)
        stops[c] = true;
    stops['"'] = true;
    stops['\\'] = true;
    return stops;
}();

/// Whether any of the 8 bytes in `word` is a string stop, tested all at once (exact, no false positives):
/// strings are most of a JSON document, and this makes scanning them several times faster.
bool hasStringStop(quint64 word)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highBits = 0x8080808080808080ULL;
    const quint64 quote = word ^ (ones * '"');
    const quint64 backslash = word ^ (ones * '\\');
    const quint64 zeroQuote = (quote - ones) & ~quote;
    const quint64 zeroBackslash = (backslash - ones) & ~backslash;
    const quint64 control = (word - ones * 0x20) & ~word;
    return ((zeroQuote | zeroBackslash | control) & highBits) != 0;
}

const char *skipStringContent(const char *p, const char *end)
{
    while (end - p >= 8) {
        quint64 word;
        std::memcpy(&word, p, sizeof word);
        if (hasStringStop(word))
            break;
        p += 8;
    }
    while (p < end && !stringStops[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

// Cancellation is polled once per block: often enough to stop within milliseconds.
constexpr qsizetype CancelCheckBlock = 4 * 1024 * 1024;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// UTF-8 characters in [begin, end): every byte that is not a continuation byte starts one.
qint64 countCharacters(const char *begin, const char *end)
{
    qint64 count = 0;
    for (const char *p = begin; p < end; ++p)
        count += (static_cast<unsigned char>(*p) & 0xC0) != 0x80;
    return count;
}

QString describeByte(const char *p, const char *end)
{
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7f)
        return u'\'' + QChar(QLatin1Char(char(c))) + u'\'';
    if (c < 0x80)
        return QStringLiteral("control character U+") + QString::number(c, 16).toUpper().rightJustified(4, u'0');
    const qsizetype length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (length > 1 && end - p >= length) {
        const QString character = QString::fromUtf8(p, length);
        if (!character.contains(QChar::ReplacementCharacter))
            return u'\'' + character + u'\'';
    }
    return QStringLiteral("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

/// Asks Linux to back a big output buffer with huge pages: a 100 MB output otherwise takes some
/// 25,000 page faults, which under virtualisation cost as much as the formatting itself (measured).
void adviseHugePages(char *begin, char *end)
{
#ifdef Q_OS_LINUX
    constexpr quintptr HugePage = 2 * 1024 * 1024;
    const quintptr first = (quintptr(begin) + HugePage - 1) & ~(HugePage - 1);
    const quintptr last = quintptr(end) & ~(HugePage - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#else
    Q_UNUSED(begin);
    Q_UNUSED(end);
#endif
}

} // namespace

void JsonFormatter::grow(qsizetype extra)
{
    const qsizetype used = m_cursor ? m_cursor - m_out.data() : 0;
    m_out.resize(std::max(used + extra, qsizetype(m_out.size() * 2)));
    m_cursor = m_out.data() + used;
    m_limit = m_out.data() + m_out.size();
    adviseHugePages(m_cursor, m_limit);
}

inline void JsonFormatter::reserve(qsizetype extra)
{
    if (m_limit - m_cursor < extra)
        grow(extra);
}

inline void JsonFormatter::write(const char *data, qsizetype size)
{
    reserve(size);
    std::memcpy(m_cursor, data, size_t(size));
    m_cursor += size;
}

inline void JsonFormatter::writeChar(char c)
{
    reserve(1);
    *m_cursor++ = c;
}

inline void JsonFormatter::writeNewline()
{
    const qsizetype indent = qsizetype(m_stack.size()) * 2;
    reserve(indent + 1);
    *m_cursor = '\n';
    std::memset(m_cursor + 1, ' ', size_t(indent));
    m_cursor += indent + 1;
}

JsonFormatter::JsonFormatter(const std::atomic_bool *cancel)
    : m_cancel(cancel)
{
}

bool JsonFormatter::feed(QByteArrayView chunk)
{
    if (m_failed)
        return false;
    const char *data = chunk.data();
    const char *const chunkEnd = data + chunk.size();
    m_chunk = data;
    // A UTF-8 byte order mark carries no content: skip it, even when it arrives split across chunks.
    static constexpr char byteOrderMark[] = "\xEF\xBB\xBF";
    while (m_byteOrderMarkBytes >= 0 && data < chunkEnd) {
        if (*data != byteOrderMark[m_byteOrderMarkBytes]) {
            if (m_byteOrderMarkBytes > 0) {
                fail(offsetOf(data), QStringLiteral("Incomplete byte order mark"));
                return false;
            }
            m_byteOrderMarkBytes = -1;
            break;
        }
        ++data;
        if (++m_byteOrderMarkBytes == 3) {
            m_byteOrderMarkBytes = -1;
            m_lineStart = 3;
        }
    }
    // Formatting mostly adds indentation. Room for twice the input avoids copying the output while it
    // grows, and costs little: pages never written are never touched.
    reserve(chunk.size() * 2);

    while (data < chunkEnd) {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            m_failed = true;
            m_result.cancelled = true;
            m_result.error = QStringLiteral("Cancelled");
            return false;
        }
        const char *const blockEnd = data + std::min<qsizetype>(CancelCheckBlock, chunkEnd - data);
        while (data < blockEnd) {
            data = step(data, blockEnd);
            if (m_failed)
                return false;
        }
    }

    // Characters of the current line inside this chunk, for columns of errors in later chunks.
    if (m_lineStart >= m_chunkOffset)
        m_lineCharsBeforeChunk = countCharacters(m_chunk + (m_lineStart - m_chunkOffset), chunkEnd);
    else
        m_lineCharsBeforeChunk += countCharacters(m_chunk, chunkEnd);
    m_chunkOffset += chunk.size();
    m_chunk = chunkEnd;
    return true;
}

QByteArray JsonFormatter::takeOutput()
{
    if (m_out.isEmpty())
        return {};
    m_out.truncate(m_cursor - m_out.data());
    m_cursor = m_limit = nullptr;
    return std::exchange(m_out, QByteArray());
}

FormatResult JsonFormatter::finish()
{
    if (!m_failed) {
        const bool numberComplete = m_number == NumberState::Zero || m_number == NumberState::Integer
                                    || m_number == NumberState::Fraction
                                    || m_number == NumberState::ExponentDigits;
        if (m_token == Token::Number && numberComplete) {
            m_token = Token::None;
            endValue();
        }
        if (m_token == Token::String)
            fail(m_chunkOffset, QStringLiteral("Unexpected end of input inside a string"));
        else if (m_token != Token::None || m_expect != Expect::End)
            fail(m_chunkOffset, QStringLiteral("Unexpected end of input"));
    }
    FormatResult result = std::move(m_result);
    m_result = {};
    if (m_failed)
        return result;
    result.ok = true;
    result.output = takeOutput();
    return result;
}

const char *JsonFormatter::step(const char *p, const char *end)
{
    switch (m_token) {
    case Token::String: return scanString(p, end);
    case Token::Number: return scanNumber(p, end);
    case Token::Literal: return scanLiteral(p, end);
    case Token::None: break;
    }
    while (p < end) {
        const char c = *p;
        if (c == ' ' || c == '\t' || c == '\r') {
            ++p;
        } else if (c == '\n') {
            ++p;
            ++m_line;
            m_lineStart = offsetOf(p);
        } else {
            return structural(p, end);
        }
    }
    return p;
}

const char *JsonFormatter::structural(const char *p, const char *end)
{
    const char c = *p;
    switch (c) {
    case '{':
    case '[':
        if (!expectsValue())
            return unexpected(p, end);
        beginValue();
        writeChar(c);
        m_stack.push_back(c);
        m_pendingOpen = true;
        m_expect = c == '{' ? Expect::KeyOrClose : Expect::ValueOrClose;
        return p + 1;
    case '}':
    case ']': {
        const char open = c == '}' ? '{' : '[';
        const Expect emptyClose = c == '}' ? Expect::KeyOrClose : Expect::ValueOrClose;
        if ((m_expect != Expect::CommaOrClose && m_expect != emptyClose) || m_stack.empty() || m_stack.back() != open)
            return unexpected(p, end);
        m_stack.pop_back();
        if (m_pendingOpen)
            m_pendingOpen = false;
        else
            writeNewline();
        writeChar(c);
        endValue();
        return p + 1;
    }
    case ',':
        if (m_expect != Expect::CommaOrClose)
            return unexpected(p, end);
        writeChar(',');
        writeNewline();
        m_expect = m_stack.back() == '{' ? Expect::Key : Expect::Value;
        return p + 1;
    case ':':
        if (m_expect != Expect::Colon)
            return unexpected(p, end);
        write(": ", 2);
        m_expect = Expect::Value;
        return p + 1;
    case '"':
        if (m_expect == Expect::Key || m_expect == Expect::KeyOrClose)
            m_stringIsKey = true;
        else if (expectsValue())
            m_stringIsKey = false;
        else
            return unexpected(p, end);
        beginValue();
        m_token = Token::String;
        m_escape = 0;
        writeChar('"');
        return scanString(p + 1, end);
    case 't':
    case 'f':
    case 'n':
        if (!expectsValue())
            return unexpected(p, end);
        beginValue();
        m_literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
        m_literalSize = int(std::strlen(m_literal));
        m_literalPos = 0;
        m_token = Token::Literal;
        return scanLiteral(p, end);
    default:
        if (c != '-' && !isDigit(c))
            return unexpected(p, end);
        if (!expectsValue())
            return unexpected(p, end);
        beginValue();
        m_token = Token::Number;
        m_number = NumberState::Start;
        return scanNumber(p, end);
    }
}

const char *JsonFormatter::scanString(const char *p, const char *end)
{
    // The whole string, quotes and escapes included, is copied verbatim: only checked, never rewritten.
    const char *const start = p;
    while (p < end) {
        if (m_escape == 0) {
            p = skipStringContent(p, end);
            if (p == end)
                break;
            if (*p == '"') {
                ++p;
                write(start, p - start);
                m_token = Token::None;
                if (m_stringIsKey)
                    m_expect = Expect::Colon;
                else
                    endValue();
                return p;
            }
            if (*p != '\\')
                return fail(offsetOf(p), describeByte(p, end) + QStringLiteral(" must be escaped in a string"));
            m_escape = 1;
            m_escapeOffset = offsetOf(p);
            ++p;
        } else if (m_escape == 1) {
            const char c = *p;
            if (c == 'u') {
                m_escape = 2;
            } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't') {
                m_escape = 0;
            } else if (c > 0x20 && c < 0x7f) {
                return fail(m_escapeOffset, QStringLiteral("Invalid escape sequence '\\") + QLatin1Char(c) + u'\'');
            } else {
                return fail(m_escapeOffset, QStringLiteral("Invalid escape sequence"));
            }
            ++p;
        } else {
            if (!isHexDigit(*p))
                return fail(m_escapeOffset, QStringLiteral("Invalid \\u escape sequence (4 hexadecimal digits expected)"));
            m_escape = m_escape == 5 ? 0 : m_escape + 1;
            ++p;
        }
    }
    write(start, p - start);
    return p;
}

const char *JsonFormatter::scanNumber(const char *p, const char *end)
{
    // Checked against the JSON number grammar and copied as written: big or precise numbers survive.
    const char *const start = p;
    while (p < end) {
        const char c = *p;
        switch (m_number) {
        case NumberState::Start:
            m_number = c == '-' ? NumberState::Minus : c == '0' ? NumberState::Zero : NumberState::Integer;
            ++p;
            continue;
        case NumberState::Minus:
            if (!isDigit(c))
                return fail(offsetOf(p), QStringLiteral("Invalid number: unexpected ") + describeByte(p, end));
            m_number = c == '0' ? NumberState::Zero : NumberState::Integer;
            ++p;
            continue;
        case NumberState::Dot:
        case NumberState::ExponentSign:
            if (!isDigit(c))
                return fail(offsetOf(p), QStringLiteral("Invalid number: unexpected ") + describeByte(p, end));
            m_number = m_number == NumberState::Dot ? NumberState::Fraction : NumberState::ExponentDigits;
            ++p;
            continue;
        case NumberState::Exponent:
            if (c == '+' || c == '-') {
                m_number = NumberState::ExponentSign;
            } else if (isDigit(c)) {
                m_number = NumberState::ExponentDigits;
            } else {
                return fail(offsetOf(p), QStringLiteral("Invalid number: unexpected ") + describeByte(p, end));
            }
            ++p;
            continue;
        case NumberState::Zero:
            if (isDigit(c))
                return fail(offsetOf(p), QStringLiteral("Invalid number: leading zero"));
            break;
        case NumberState::Integer:
        case NumberState::Fraction:
        case NumberState::ExponentDigits:
            while (p < end && isDigit(*p))
                ++p;
            if (p == end)
                continue;
            break;
        }
        // A complete number so far, at a byte that is not a digit: a fraction or exponent may follow.
        const char next = *p;
        if (next == '.' && (m_number == NumberState::Zero || m_number == NumberState::Integer)) {
            m_number = NumberState::Dot;
            ++p;
            continue;
        }
        if ((next == 'e' || next == 'E') && m_number != NumberState::ExponentDigits) {
            m_number = NumberState::Exponent;
            ++p;
            continue;
        }
        write(start, p - start);
        m_token = Token::None;
        endValue();
        return p;
    }
    write(start, p - start);
    return p;
}

const char *JsonFormatter::scanLiteral(const char *p, const char *end)
{
    for (; p < end && m_literalPos < m_literalSize; ++p, ++m_literalPos) {
        if (*p != m_literal[m_literalPos])
            return unexpected(p, end);
    }
    if (m_literalPos == m_literalSize) {
        write(m_literal, m_literalSize);
        m_token = Token::None;
        endValue();
    }
    return p;
}

const char *JsonFormatter::unexpected(const char *p, const char *end)
{
    QString what = QStringLiteral("Unexpected ") + describeByte(p, end);
    if (m_expect == Expect::End && m_token == Token::None)
        what += QStringLiteral(" after the end of the document");
    return fail(offsetOf(p), what);
}

const char *JsonFormatter::fail(qint64 offset, const QString &what)
{
    // The column counts characters from the start of the line, which may lie in an earlier chunk. An
    // offset before this chunk is an escape sequence split across chunks: ASCII, one byte a character.
    const char *at = m_chunk + std::max<qint64>(offset - m_chunkOffset, 0);
    qint64 column = 0;
    if (offset < m_chunkOffset)
        column = m_lineCharsBeforeChunk - (m_chunkOffset - offset) + 1;
    else if (m_lineStart >= m_chunkOffset)
        column = countCharacters(m_chunk + (m_lineStart - m_chunkOffset), at) + 1;
    else
        column = m_lineCharsBeforeChunk + countCharacters(m_chunk, at) + 1;
    m_failed = true;
    m_result.ok = false;
    m_result.errorOffset = offset;
    m_result.errorLine = int(std::min<qint64>(m_line, INT_MAX));
    m_result.errorColumn = int(std::min<qint64>(column, INT_MAX));
    m_result.error = QStringLiteral("%1 at line %2, column %3").arg(what).arg(m_line).arg(column);
    return at;
}

void JsonFormatter::beginValue()
{
    if (m_pendingOpen) {
        writeNewline();
        m_pendingOpen = false;
    }
}

void JsonFormatter::endValue()
{
    m_expect = m_stack.empty() ? Expect::End : Expect::CommaOrClose;
}

FormatResult formatJson(QByteArrayView input, const std::atomic_bool *cancel)
{
    JsonFormatter formatter(cancel);
    formatter.feed(input);
    FormatResult result = formatter.finish();
    if (!result.ok)
        result.output = input.toByteArray();
    return result;
}

} // namespace Sonde
