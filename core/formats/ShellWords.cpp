#include "formats/ShellWords.h"

namespace Sonde::ShellWords {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

/// Characters that end an unquoted word.
bool isMeta(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u';' || c == u'&' || c == u'|' || c == u'<'
        || c == u'>' || c == u'(' || c == u')';
}

void appendCodePoint(QByteArray &out, char32_t code)
{
    out += QString::fromUcs4(&code, 1).toUtf8();
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

struct PendingHereDocument
{
    qsizetype command;
    qsizetype redirect;
    QByteArray delimiter;
    bool stripTabs;
};

class Parser
{
public:
    explicit Parser(QString text)
        : m_text(std::move(text))
    { }

    ShellScript run();

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    void advance()
    {
        if (m_text.at(m_pos) == u'\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }
    bool fail(int line, int column, const QString &message)
    {
        if (m_script.error.isEmpty()) {
            m_script.error = QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
            m_script.errorLine = line;
            m_script.errorColumn = column;
        }
        return false;
    }
    /// A backslash-newline (or a Windows `^`-newline) outside quotes: skipped as if it were not there.
    bool skipContinuation()
    {
        if ((peek() == u'\\' || peek() == u'^') && peek(1) == u'\n') {
            advance();
            advance();
            return true;
        }
        return false;
    }
    void endCommand();
    bool readHereDocuments();
    bool readWord(QByteArray &out);
    bool readSingleQuoted(QByteArray &out);
    bool readDoubleQuoted(QByteArray &out);
    bool readAnsiC(QByteArray &out);
    bool readDollar(QByteArray &out);
    bool readBackquoted(QByteArray &out);
    bool readRedirect();
    void addVariable(const QString &name, QByteArray &out)
    {
        if (!m_script.variables.contains(name))
            m_script.variables.append(name);
        out += "{{" + name.toUtf8() + "}}";
    }

    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    ShellScript m_script;
    ShellCommand m_command;
    QList<PendingHereDocument> m_hereDocuments;
};

void Parser::endCommand()
{
    if (!m_command.words.isEmpty() || !m_command.redirects.isEmpty())
        m_script.commands.append(m_command);
    m_command = ShellCommand();
}

ShellScript Parser::run()
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u' ' || c == u'\t') {
            advance();
            continue;
        }
        if (skipContinuation())
            continue;
        if (c == u'\n') {
            endCommand();
            advance();
            if (!readHereDocuments())
                return m_script;
            continue;
        }
        if (c == u'#') {
            while (!atEnd() && peek() != u'\n')
                advance();
            continue;
        }
        if (c == u'<' || c == u'>' || (c == u'&' && peek(1) == u'>')) {
            if (!readRedirect())
                return m_script;
            continue;
        }
        if (c.isDigit()) {
            qsizetype ahead = 0;
            while (peek(ahead).isDigit())
                ++ahead;
            if (peek(ahead) == u'<' || peek(ahead) == u'>') {
                if (!readRedirect())
                    return m_script;
                continue;
            }
        }
        if (c == u';' || c == u'&' || c == u'|' || c == u'(' || c == u')') {
            advance();
            if ((c == u'&' || c == u'|' || c == u';') && peek() == c)
                advance();
            endCommand();
            continue;
        }
        ShellWord word;
        word.line = m_line;
        word.column = m_column;
        if (m_command.words.isEmpty() && m_command.redirects.isEmpty())
            m_command.line = m_line;
        if (!readWord(word.text))
            return m_script;
        m_command.words.append(word);
    }
    endCommand();
    if (!m_hereDocuments.isEmpty()) {
        const PendingHereDocument &pending = m_hereDocuments.first();
        const ShellRedirect &redirect = m_script.commands[pending.command].redirects[pending.redirect];
        fail(redirect.line, redirect.column,
            QStringLiteral("the here-document ends before its delimiter line “%1”")
                .arg(QString::fromUtf8(pending.delimiter)));
    }
    return m_script;
}

bool Parser::readHereDocuments()
{
    while (!m_hereDocuments.isEmpty()) {
        const PendingHereDocument pending = m_hereDocuments.takeFirst();
        QByteArray body;
        bool closed = false;
        while (!atEnd()) {
            QString line;
            while (!atEnd() && peek() != u'\n') {
                line += peek();
                advance();
            }
            if (!atEnd())
                advance();
            if (pending.stripTabs) {
                while (line.startsWith(u'\t'))
                    line.remove(0, 1);
            }
            if (line.toUtf8() == pending.delimiter) {
                closed = true;
                break;
            }
            body += line.toUtf8() + '\n';
        }
        ShellRedirect &redirect = m_script.commands[pending.command].redirects[pending.redirect];
        redirect.hereDocument = body;
        if (!closed)
            return fail(redirect.line, redirect.column,
                QStringLiteral("the here-document ends before its delimiter line “%1”")
                    .arg(QString::fromUtf8(pending.delimiter)));
    }
    return true;
}

bool Parser::readRedirect()
{
    ShellRedirect redirect;
    redirect.line = m_line;
    redirect.column = m_column;
    while (peek().isDigit() || peek() == u'&') {
        redirect.op += peek();
        advance();
    }
    const QChar first = peek();
    redirect.op += first;
    advance();
    if (first == u'<' && peek() == u'<') {
        redirect.op += u'<';
        advance();
        if (peek() == u'<' || peek() == u'-') {
            redirect.op += peek();
            advance();
        }
    } else if (peek() == u'>' || peek() == u'&' || peek() == u'|' || (first == u'<' && peek() == u'>')) {
        redirect.op += peek();
        advance();
    }
    while (peek() == u' ' || peek() == u'\t' || skipContinuation()) {
        if (!atEnd() && (peek() == u' ' || peek() == u'\t'))
            advance();
    }
    if (atEnd() || isMeta(peek()))
        return fail(redirect.line, redirect.column,
            QStringLiteral("the redirection “%1” is not followed by a file name").arg(redirect.op));
    if (!readWord(redirect.target))
        return false;
    if (m_command.words.isEmpty() && m_command.redirects.isEmpty())
        m_command.line = redirect.line;
    if (redirect.op == u"<<" || redirect.op == u"<<-") {
        // The delimiter line is compared with the word, quotes removed; the body is never expanded here.
        m_hereDocuments.append(
            {m_script.commands.size(), m_command.redirects.size(), redirect.target, redirect.op == u"<<-"});
    }
    m_command.redirects.append(redirect);
    return true;
}

bool Parser::readWord(QByteArray &out)
{
    while (!atEnd()) {
        if (skipContinuation())
            continue;
        const QChar c = peek();
        if (isMeta(c))
            break;
        if (c == u'\\') {
            advance();
            if (atEnd()) {
                out += '\\';
                break;
            }
            out += QString(peek()).toUtf8();
            advance();
        } else if (c == u'\'') {
            if (!readSingleQuoted(out))
                return false;
        } else if (c == u'"') {
            if (!readDoubleQuoted(out))
                return false;
        } else if (c == u'$') {
            if (!readDollar(out))
                return false;
        } else if (c == u'`') {
            if (!readBackquoted(out))
                return false;
        } else {
            if (c.isHighSurrogate() && peek(1).isLowSurrogate()) {
                {
                    const QChar pair[] = {c, peek(1)};
                    out += QString(pair, 2).toUtf8();
                }
                advance();
            } else {
                out += QString(c).toUtf8();
            }
            advance();
        }
    }
    return true;
}

bool Parser::readSingleQuoted(QByteArray &out)
{
    const int line = m_line;
    const int column = m_column;
    advance();
    const qsizetype start = m_pos;
    while (!atEnd() && peek() != u'\'')
        advance();
    if (atEnd())
        return fail(line, column, QStringLiteral("the single quote opened here is never closed"));
    out += m_text.mid(start, m_pos - start).toUtf8();
    advance();
    return true;
}

bool Parser::readDoubleQuoted(QByteArray &out)
{
    const int line = m_line;
    const int column = m_column;
    advance();
    while (!atEnd() && peek() != u'"') {
        const QChar c = peek();
        if (c == u'\\') {
            const QChar next = peek(1);
            if (next == u'\n') {
                advance();
                advance();
                continue;
            }
            if (next == u'$' || next == u'`' || next == u'"' || next == u'\\') {
                advance();
                out += QString(next).toUtf8();
                advance();
                continue;
            }
            out += '\\';
            advance();
        } else if (c == u'$' && peek(1) != u'\'' && peek(1) != u'"') {
            if (!readDollar(out))
                return false;
        } else if (c == u'`') {
            if (!readBackquoted(out))
                return false;
        } else {
            if (c.isHighSurrogate() && peek(1).isLowSurrogate()) {
                {
                    const QChar pair[] = {c, peek(1)};
                    out += QString(pair, 2).toUtf8();
                }
                advance();
            } else {
                out += QString(c).toUtf8();
            }
            advance();
        }
    }
    if (atEnd())
        return fail(line, column, QStringLiteral("the double quote opened here is never closed"));
    advance();
    return true;
}

bool Parser::readAnsiC(QByteArray &out)
{
    const int line = m_line;
    const int column = m_column;
    advance(); // $
    advance(); // '
    while (!atEnd() && peek() != u'\'') {
        const QChar c = peek();
        if (c != u'\\') {
            out += QString(c).toUtf8();
            advance();
            continue;
        }
        advance();
        if (atEnd())
            break;
        const QChar e = peek();
        advance();
        switch (e.unicode()) {
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'e':
        case 'E':
            out += '\x1b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '"':
            out += '"';
            break;
        case '?':
            out += '?';
            break;
        case 'c':
            if (!atEnd()) {
                out += char(peek().toLatin1() & 0x1f);
                advance();
            }
            break;
        case 'x':
        case 'u':
        case 'U': {
            const int maxDigits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
            char32_t value = 0;
            int digits = 0;
            while (digits < maxDigits && hexValue(peek()) >= 0) {
                value = value * 16 + char32_t(hexValue(peek()));
                advance();
                ++digits;
            }
            if (digits == 0) {
                out += '\\';
                out += QString(e).toUtf8();
            } else if (e == u'x') {
                out += char(value);
            } else {
                appendCodePoint(out, value);
            }
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                int value = e.unicode() - u'0';
                for (int digits = 1; digits < 3 && peek() >= u'0' && peek() <= u'7'; ++digits) {
                    value = value * 8 + (peek().unicode() - u'0');
                    advance();
                }
                out += char(value & 0xff);
            } else {
                out += '\\';
                out += QString(e).toUtf8();
            }
        }
    }
    if (atEnd())
        return fail(line, column, QStringLiteral("the $' quote opened here is never closed"));
    advance();
    return true;
}

bool Parser::readDollar(QByteArray &out)
{
    const int line = m_line;
    const int column = m_column;
    const QChar next = peek(1);
    if (next == u'\'')
        return readAnsiC(out);
    if (next == u'"') {
        advance(); // $"…" is a double-quoted string translated by the locale: read it as "…".
        return readDoubleQuoted(out);
    }
    if (isNameStart(next)) {
        advance();
        QString name;
        while (isNameChar(peek())) {
            name += peek();
            advance();
        }
        addVariable(name, out);
        return true;
    }
    if (next == u'{') {
        const qsizetype close = m_text.indexOf(u'}', m_pos + 2);
        if (close < 0)
            return fail(line, column, QStringLiteral("the ${ opened here is never closed"));
        const QString inside = m_text.mid(m_pos + 2, close - m_pos - 2);
        const bool plainName = !inside.isEmpty() && isNameStart(inside.at(0))
            && std::all_of(inside.cbegin(), inside.cend(), isNameChar);
        if (plainName) {
            addVariable(inside, out);
        } else {
            out += QStringLiteral("${%1}").arg(inside).toUtf8();
            m_script.notes.append(QStringLiteral("line %1, column %2: ${%3} is kept as written")
                                      .arg(line)
                                      .arg(column)
                                      .arg(inside));
        }
        while (m_pos <= close)
            advance();
        return true;
    }
    if (next == u'(') {
        // Command substitution: kept as written, parentheses balanced.
        const qsizetype start = m_pos;
        advance();
        advance();
        int depth = 1;
        while (!atEnd() && depth > 0) {
            if (peek() == u'(')
                ++depth;
            else if (peek() == u')')
                --depth;
            advance();
        }
        if (depth > 0)
            return fail(line, column, QStringLiteral("the $( opened here is never closed"));
        const QString written = m_text.mid(start, m_pos - start);
        out += written.toUtf8();
        m_script.notes.append(QStringLiteral(
            "line %1, column %2: the command substitution %3 is not run; it is kept as written")
                                  .arg(line)
                                  .arg(column)
                                  .arg(written));
        return true;
    }
    out += '$';
    advance();
    return true;
}

bool Parser::readBackquoted(QByteArray &out)
{
    const int line = m_line;
    const int column = m_column;
    const qsizetype start = m_pos;
    advance();
    while (!atEnd() && peek() != u'`') {
        if (peek() == u'\\')
            advance();
        if (!atEnd())
            advance();
    }
    if (atEnd())
        return fail(line, column, QStringLiteral("the backquote opened here is never closed"));
    advance();
    const QString written = m_text.mid(start, m_pos - start);
    out += written.toUtf8();
    m_script.notes.append(
        QStringLiteral("line %1, column %2: the command substitution %3 is not run; it is kept as written")
            .arg(line)
            .arg(column)
            .arg(written));
    return true;
}

/// The length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one.
int utf8SequenceLength(const QByteArray &bytes, qsizetype i)
{
    const auto byte = [&bytes](qsizetype at) {
        return static_cast<unsigned char>(bytes.at(at));
    };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t code = 0;
    if (lead < 0x80)
        return 1;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        code = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        code = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        code = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3f);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return 0;
    return length;
}

bool isSafe(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("@%+=:,./-_").contains(c);
}

} // namespace

ShellScript parse(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return Parser(normalized).run();
}

QStringList split(const QString &text, QString *error)
{
    const ShellScript script = parse(text);
    if (error)
        *error = script.error;
    QStringList words;
    if (!script.ok() || script.commands.isEmpty())
        return words;
    for (const ShellWord &word : script.commands.first().words)
        words.append(QString::fromUtf8(word.text));
    return words;
}

QString quote(const QByteArray &word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    if (std::all_of(word.cbegin(), word.cend(), isSafe))
        return QString::fromLatin1(word);
    bool plain = true;
    for (qsizetype i = 0; i < word.size() && plain;) {
        const auto c = static_cast<unsigned char>(word.at(i));
        const int length = utf8SequenceLength(word, i);
        if (length == 0 || c < 0x20 || c == 0x7f)
            plain = false;
        i += std::max(length, 1);
    }
    if (plain) {
        QString quoted = QString::fromUtf8(word);
        quoted.replace(u'\'', QStringLiteral("'\\''"));
        return u'\'' + quoted + u'\'';
    }
    QString quoted = QStringLiteral("$'");
    for (qsizetype i = 0; i < word.size();) {
        const auto c = static_cast<unsigned char>(word.at(i));
        const int length = utf8SequenceLength(word, i);
        if (length > 1) {
            quoted += QString::fromUtf8(word.mid(i, length));
            i += length;
            continue;
        }
        ++i;
        switch (c) {
        case '\n':
            quoted += QStringLiteral("\\n");
            break;
        case '\r':
            quoted += QStringLiteral("\\r");
            break;
        case '\t':
            quoted += QStringLiteral("\\t");
            break;
        case '\\':
            quoted += QStringLiteral("\\\\");
            break;
        case '\'':
            quoted += QStringLiteral("\\'");
            break;
        default:
            if (c < 0x20 || c >= 0x7f)
                quoted += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
            else
                quoted += QLatin1Char(char(c));
        }
    }
    return quoted + u'\'';
}

} // namespace Sonde::ShellWords
