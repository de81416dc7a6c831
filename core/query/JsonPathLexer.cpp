#include "JsonPathLexer.h"

#include <charconv>
#include <limits>

namespace Sonde {

namespace {

// RFC 9535 §2.1: integers in a query must be within the I-JSON range.
constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;

QString describe(char16_t c)
{
    if (JsonPathLexer::isBlank(c))
        return QStringLiteral("blank space");
    if (c < 0x20 || c == 0x7f || QChar::isSurrogate(c))
        return QStringLiteral("character U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    return u'\'' + QString(QChar(c)) + u'\'';
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

} // namespace

JsonPathLexer::JsonPathLexer(QStringView text)
    : m_text(text)
{ }

char16_t JsonPathLexer::peek(qsizetype ahead) const
{
    const qsizetype at = m_pos + ahead;
    return at < m_text.size() ? m_text[at].unicode() : char16_t(0);
}

bool JsonPathLexer::consume(QStringView token)
{
    if (!m_text.sliced(m_pos).startsWith(token))
        return false;
    m_pos += token.size();
    return true;
}

bool JsonPathLexer::skipBlank()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isBlank(peek()))
        ++m_pos;
    return m_pos != start;
}

bool JsonPathLexer::atNameStart() const
{
    const char16_t c = peek();
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_')
        return true;
    if (QChar::isHighSurrogate(c))
        return QChar::isLowSurrogate(peek(1));
    return c >= 0x80 && !QChar::isSurrogate(c);
}

std::optional<QString> JsonPathLexer::readMemberName()
{
    const qsizetype start = m_pos;
    if (!atNameStart()) {
        failUnexpected();
        return std::nullopt;
    }
    while (atNameStart() || isDigit(peek()))
        m_pos += QChar::isHighSurrogate(peek()) ? 2 : 1;
    return m_text.sliced(start, m_pos - start).toString();
}

QString JsonPathLexer::readIdentifier()
{
    const qsizetype start = m_pos;
    if (!(peek() >= u'a' && peek() <= u'z'))
        return {};
    while ((peek() >= u'a' && peek() <= u'z') || isDigit(peek()) || peek() == u'_')
        ++m_pos;
    return m_text.sliced(start, m_pos - start).toString();
}

std::optional<char32_t> JsonPathLexer::readHexEscape()
{
    // The cursor is after "\u".
    char32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(peek());
        if (digit < 0) {
            failUnexpected();
            return std::nullopt;
        }
        value = value * 16 + char32_t(digit);
        ++m_pos;
    }
    return value;
}

std::optional<QString> JsonPathLexer::readStringLiteral()
{
    const qsizetype start = m_pos;
    const char16_t quote = peek();
    ++m_pos;
    QString result;
    while (true) {
        if (atEnd()) {
            fail(QStringLiteral("Unterminated string literal"), start);
            return std::nullopt;
        }
        const char16_t c = peek();
        if (c == quote) {
            ++m_pos;
            return result;
        }
        if (c < 0x20) {
            fail(QStringLiteral("Unescaped %1 in string literal").arg(describe(c)), m_pos);
            return std::nullopt;
        }
        if (QChar::isSurrogate(c)) {
            if (!QChar::isHighSurrogate(c) || !QChar::isLowSurrogate(peek(1))) {
                fail(QStringLiteral("Unpaired surrogate in string literal"), m_pos);
                return std::nullopt;
            }
            result.append(QChar(c));
            result.append(QChar(peek(1)));
            m_pos += 2;
            continue;
        }
        if (c != u'\\') {
            result.append(QChar(c));
            ++m_pos;
            continue;
        }
        const qsizetype escapeAt = m_pos;
        const char16_t e = peek(1);
        m_pos += 2;
        switch (e) {
        case u'b':
            result.append(u'\b');
            continue;
        case u'f':
            result.append(u'\f');
            continue;
        case u'n':
            result.append(u'\n');
            continue;
        case u'r':
            result.append(u'\r');
            continue;
        case u't':
            result.append(u'\t');
            continue;
        case u'/':
            result.append(u'/');
            continue;
        case u'\\':
            result.append(u'\\');
            continue;
        case u'u':
            break;
        default:
            if (e == quote) {
                result.append(QChar(e));
                continue;
            }
            if (e == 0) {
                fail(QStringLiteral("Unterminated string literal"), start);
                return std::nullopt;
            }
            fail(QStringLiteral("Invalid escape '\\%1' in string literal").arg(QChar(e)), escapeAt);
            return std::nullopt;
        }
        const std::optional<char32_t> unit = readHexEscape();
        if (!unit)
            return std::nullopt;
        if (QChar::isLowSurrogate(*unit)) {
            fail(QStringLiteral("Unpaired low surrogate escape in string literal"), escapeAt);
            return std::nullopt;
        }
        if (QChar::isHighSurrogate(*unit)) {
            if (!consume(u"\\u")) {
                fail(QStringLiteral("High surrogate escape without a low surrogate in string literal"),
                    escapeAt);
                return std::nullopt;
            }
            const std::optional<char32_t> low = readHexEscape();
            if (!low)
                return std::nullopt;
            if (!QChar::isLowSurrogate(*low)) {
                fail(QStringLiteral("High surrogate escape without a low surrogate in string literal"),
                    escapeAt);
                return std::nullopt;
            }
            result.append(QChar(char16_t(*unit)));
            result.append(QChar(char16_t(*low)));
            continue;
        }
        result.append(QChar(char16_t(*unit)));
    }
}

std::optional<qint64> JsonPathLexer::readInteger()
{
    const qsizetype start = m_pos;
    const bool negative = consume(u"-");
    if (!isDigit(peek())) {
        failUnexpected();
        return std::nullopt;
    }
    if (peek() == u'0') {
        ++m_pos;
        if (negative) {
            fail(QStringLiteral("-0 is not a valid integer"), start);
            return std::nullopt;
        }
        if (isDigit(peek())) {
            fail(QStringLiteral("Leading zeros are not allowed"), start);
            return std::nullopt;
        }
        return 0;
    }
    qint64 value = 0;
    bool outOfRange = false;
    while (isDigit(peek())) {
        if (!outOfRange) {
            value = value * 10 + (peek() - u'0');
            outOfRange = value > MaxSafeInteger;
        }
        ++m_pos;
    }
    if (outOfRange) {
        fail(QStringLiteral("Integer out of range ±(2^53−1)"), start);
        return std::nullopt;
    }
    return negative ? -value : value;
}

bool JsonPathLexer::readDigits()
{
    if (!isDigit(peek()))
        return failUnexpected();
    while (isDigit(peek()))
        ++m_pos;
    return true;
}

std::optional<double> JsonPathLexer::readNumber()
{
    const qsizetype start = m_pos;
    consume(u"-");
    if (peek() == u'0') {
        ++m_pos;
        if (isDigit(peek())) {
            fail(QStringLiteral("Leading zeros are not allowed"), start);
            return std::nullopt;
        }
    } else if (!readDigits()) {
        return std::nullopt;
    }
    if (consume(u".") && !readDigits())
        return std::nullopt;
    if (peek() == u'e' || peek() == u'E') {
        ++m_pos;
        if (peek() == u'+' || peek() == u'-')
            ++m_pos;
        if (!readDigits())
            return std::nullopt;
    }
    // from_chars, unlike strtod, ignores the locale QCoreApplication installs.
    const QByteArray lexeme = m_text.sliced(start, m_pos - start).toLatin1();
    double value = 0;
    const auto [end, status] = std::from_chars(lexeme.constBegin(), lexeme.constEnd(), value);
    Q_UNUSED(end)
    if (status == std::errc::result_out_of_range) {
        const bool tiny = lexeme.contains("e-") || lexeme.contains("E-");
        const double magnitude = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        return lexeme.startsWith('-') ? -magnitude : magnitude;
    }
    return value;
}

bool JsonPathLexer::fail(const QString &what, qsizetype offset)
{
    if (m_error.isEmpty())
        m_error = what + QStringLiteral(" at offset ") + QString::number(offset);
    return false;
}

bool JsonPathLexer::failUnexpected()
{
    if (atEnd())
        return fail(QStringLiteral("Unexpected end of query"), m_pos);
    return fail(QStringLiteral("Unexpected ") + describe(peek()), m_pos);
}

} // namespace Sonde
