#pragma once

#include "format/FormatResult.h"

#include <QByteArray>
#include <QByteArrayView>

#include <atomic>
#include <vector>

namespace Sonde {

/// A streaming JSON pretty-printer that builds no document tree.
///
/// One pass over the bytes re-indents the document (2 spaces, `"key": value`, empty `{}` and `[]`
/// kept compact) while checking it against the JSON grammar. String contents, escapes included, and
/// numbers are copied byte for byte, so nothing is re-encoded or rounded. Feed the document in
/// chunks of any size (a token may span chunks), take the output as it grows, then call finish().
class JsonFormatter
{
public:
    /// \a cancel, when given, is polled between blocks of input: setting it stops the work.
    explicit JsonFormatter(const std::atomic_bool *cancel = nullptr);

    /// Formats the next piece of the document. Returns false once the input is known to be malformed
    /// or the work was cancelled; further chunks are then ignored.
    bool feed(QByteArrayView chunk);

    /// The formatted text produced so far, handed over: lets a caller write a huge document out as
    /// it goes instead of holding all of it.
    QByteArray takeOutput();

    /// Ends the document. On success the result's output holds what takeOutput() has not taken yet;
    /// on malformed input it is empty (the caller feeding chunks holds the raw input).
    FormatResult finish();

private:
    enum class Expect : quint8 { Value, ValueOrClose, Key, KeyOrClose, Colon, CommaOrClose, End };
    enum class Token : quint8 { None, String, Number, Literal };
    enum class NumberState : quint8 { Start, Minus, Zero, Integer, Dot, Fraction, Exponent, ExponentSign, ExponentDigits };

    const char *step(const char *p, const char *end);
    const char *structural(const char *p, const char *end);
    const char *scanString(const char *p, const char *end);
    const char *scanNumber(const char *p, const char *end);
    const char *scanLiteral(const char *p, const char *end);
    const char *unexpected(const char *p, const char *end);
    const char *fail(qint64 offset, const QString &what);

    bool expectsValue() const { return m_expect == Expect::Value || m_expect == Expect::ValueOrClose; }
    void beginValue();
    void endValue();
    qint64 offsetOf(const char *p) const { return m_chunkOffset + (p - m_chunk); }

    void write(const char *data, qsizetype size);
    void writeChar(char c);
    void writeNewline();
    void reserve(qsizetype extra);
    void grow(qsizetype extra);

    const std::atomic_bool *m_cancel;

    QByteArray m_out;
    char *m_cursor = nullptr; // the next byte to write in m_out
    char *m_limit = nullptr;  // the end of m_out's room

    std::vector<char> m_stack;
    Expect m_expect = Expect::Value;
    Token m_token = Token::None;
    NumberState m_number = NumberState::Start;
    bool m_pendingOpen = false;
    qint8 m_byteOrderMarkBytes = 0; // bytes of a leading byte order mark seen so far; -1 once past it
    bool m_stringIsKey = false;
    quint8 m_escape = 0; // 0: none, 1: after '\', 2..5: hex digits of \uXXXX read so far + 2
    qint64 m_escapeOffset = 0;
    const char *m_literal = nullptr;
    int m_literalSize = 0;
    int m_literalPos = 0;

    // Where we are, for error messages.
    const char *m_chunk = nullptr;
    qint64 m_chunkOffset = 0;
    qint64 m_line = 1;
    qint64 m_lineStart = 0;
    qint64 m_lineCharsBeforeChunk = 0;

    bool m_failed = false;
    FormatResult m_result;
};

/// Pretty-prints a whole JSON document; on malformed input the result's output is \a input unchanged.
FormatResult formatJson(QByteArrayView input, const std::atomic_bool *cancel = nullptr);

} // namespace Sonde
