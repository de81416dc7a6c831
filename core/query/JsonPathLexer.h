#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace Sonde {

/// The character-level half of the JSONPath parser: a cursor over the query text that reads the
/// RFC 9535 tokens (string literals with their escapes, integers in the I-JSON range, number
/// literals, member-name shorthands, function names, blank space) and records the first error
/// with its offset. Internal to core/query.
class JsonPathLexer
{
public:
    explicit JsonPathLexer(QStringView text);

    qsizetype position() const { return m_pos; }
    void setPosition(qsizetype position) { m_pos = position; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    /// The code unit `ahead` places after the cursor, or 0 past the end.
    char16_t peek(qsizetype ahead = 0) const;
    /// Consumes `token` when the text continues with it.
    bool consume(QStringView token);

    /// Skips blank space (space, tab, line feed, carriage return); true when there was some.
    bool skipBlank();
    static bool isBlank(char16_t c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; }
    static bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
    /// Whether a member-name shorthand (`name-first`) starts at the cursor.
    bool atNameStart() const;

    /// Reads a single- or double-quoted string literal; the cursor is on the opening quote.
    std::optional<QString> readStringLiteral();
    /// Reads an index or slice bound: no leading zeros, no `-0`, within ±(2^53−1).
    std::optional<qint64> readInteger();
    /// Reads a number literal of a filter expression (`-0`, fraction and exponent allowed).
    std::optional<double> readNumber();
    /// Reads a member-name shorthand; the cursor is on its first character.
    std::optional<QString> readMemberName();
    /// Reads a function name or keyword: a lowercase letter, then lowercase letters, digits, `_`.
    QString readIdentifier();

    /// Records `what` at `offset` unless an error is already recorded; always returns false.
    bool fail(const QString &what, qsizetype offset);
    /// Records "Unexpected 'x'" (or "Unexpected end of query") at the cursor; always returns false.
    bool failUnexpected();
    bool hasError() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    std::optional<char32_t> readHexEscape();
    bool readDigits();

    QStringView m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace Sonde
