#include "IRegexp.h"

#include <string>

namespace Sonde::IRegexp {

namespace {

constexpr int MaxGroupDepth = 200;

// A recursive-descent reader of RFC 9485's ABNF that writes the equivalent PCRE2 pattern as it
// goes. Every character is written as \x{…} unless it is an ASCII letter or digit, so no character
// of the input can take on a PCRE meaning it did not have in I-Regexp.
class Translator
{
public:
    explicit Translator(std::u32string text)
        : m_in(std::move(text))
    { }

    std::optional<QString> translate()
    {
        if (!regexp() || m_pos != m_in.size())
            return std::nullopt;
        return m_out;
    }

private:
    char32_t peek(size_t ahead = 0) const
    {
        return m_pos + ahead < m_in.size() ? m_in[m_pos + ahead] : char32_t(0);
    }
    bool atEnd() const { return m_pos >= m_in.size(); }

    void emitLiteral(char32_t c)
    {
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'))
            m_out.append(QChar(char16_t(c)));
        else
            m_out += QStringLiteral("\\x{") + QString::number(uint(c), 16) + u'}';
    }

    bool regexp()
    {
        if (!branch())
            return false;
        while (peek() == U'|' && !atEnd()) {
            ++m_pos;
            m_out.append(u'|');
            if (!branch())
                return false;
        }
        return true;
    }

    bool branch()
    {
        while (!atEnd() && peek() != U'|' && peek() != U')') {
            if (!piece())
                return false;
        }
        return true;
    }

    bool piece()
    {
        // An unescaped ^ or $ is an assertion (see the header), and an assertion takes no quantifier.
        const char32_t c = peek();
        if (c == U'^' || c == U'$') {
            ++m_pos;
            m_out += c == U'^' ? QStringLiteral("\\A") : QStringLiteral("\\z");
            const char32_t next = peek();
            return atEnd() || (next != U'*' && next != U'+' && next != U'?' && next != U'{');
        }
        if (!atom())
            return false;
        return quantifier();
    }

    bool quantifier()
    {
        const char32_t c = peek();
        if (c == U'*' || c == U'+' || c == U'?') {
            ++m_pos;
            m_out.append(QChar(char16_t(c)));
            return true;
        }
        if (c != U'{')
            return true;
        ++m_pos;
        m_out.append(u'{');
        if (!digits())
            return false;
        if (peek() == U',') {
            ++m_pos;
            m_out.append(u',');
            if (peek() != U'}' && !digits())
                return false;
        }
        if (peek() != U'}')
            return false;
        ++m_pos;
        m_out.append(u'}');
        return true;
    }

    bool digits()
    {
        if (!(peek() >= U'0' && peek() <= U'9'))
            return false;
        while (peek() >= U'0' && peek() <= U'9' && !atEnd()) {
            m_out.append(QChar(char16_t(peek())));
            ++m_pos;
        }
        return true;
    }

    static bool isNormalChar(char32_t c)
    {
        switch (c) {
        case U'(':
        case U')':
        case U'*':
        case U'+':
        case U'.':
        case U'?':
        case U'[':
        case U'\\':
        case U']':
        case U'{':
        case U'|':
        case U'}':
            return false;
        default:
            return !(c >= 0xD800 && c <= 0xDFFF) && c <= 0x10FFFF;
        }
    }

    bool atom()
    {
        const char32_t c = peek();
        if (atEnd())
            return false;
        if (c == U'(') {
            if (++m_depth > MaxGroupDepth)
                return false;
            ++m_pos;
            m_out += QStringLiteral("(?:");
            if (!regexp() || peek() != U')' || atEnd())
                return false;
            ++m_pos;
            m_out.append(u')');
            --m_depth;
            return true;
        }
        if (c == U'.') {
            ++m_pos;
            m_out += QStringLiteral("[^\\n\\r]");
            return true;
        }
        if (c == U'[')
            return charClassExpr();
        if (c == U'\\') {
            if (peek(1) == U'p' || peek(1) == U'P')
                return categoryEscape();
            const std::optional<char32_t> escaped = singleCharEscape();
            if (!escaped)
                return false;
            emitLiteral(*escaped);
            return true;
        }
        if (!isNormalChar(c))
            return false;
        ++m_pos;
        emitLiteral(c);
        return true;
    }

    // SingleCharEsc: the cursor is on the backslash.
    std::optional<char32_t> singleCharEscape()
    {
        const char32_t e = peek(1);
        switch (e) {
        case U'n':
            m_pos += 2;
            return U'\n';
        case U'r':
            m_pos += 2;
            return U'\r';
        case U't':
            m_pos += 2;
            return U'\t';
        case U'(':
        case U')':
        case U'*':
        case U'+':
        case U'-':
        case U'.':
        case U'?':
        case U'[':
        case U'\\':
        case U']':
        case U'^':
        case U'{':
        case U'|':
        case U'}':
            m_pos += 2;
            return e;
        default:
            return std::nullopt;
        }
    }

    // catEsc / complEsc: \p{Prop} or \P{Prop} with a general category from RFC 9485 §5.
    bool categoryEscape()
    {
        const char32_t kind = peek(1);
        if (peek(2) != U'{')
            return false;
        m_pos += 3;
        const char32_t major = peek();
        std::u32string_view minors;
        switch (major) {
        case U'L':
            minors = U"lmotu";
            break;
        case U'M':
            minors = U"cen";
            break;
        case U'N':
            minors = U"dlo";
            break;
        case U'P':
            minors = U"cdefios";
            break;
        case U'Z':
            minors = U"lps";
            break;
        case U'S':
            minors = U"ckmo";
            break;
        case U'C':
            minors = U"cfno";
            break;
        default:
            return false;
        }
        ++m_pos;
        QString property {QChar(char16_t(major))};
        if (peek() != U'}') {
            if (atEnd() || minors.find(peek()) == std::u32string_view::npos)
                return false;
            property.append(QChar(char16_t(peek())));
            ++m_pos;
        }
        if (peek() != U'}')
            return false;
        ++m_pos;
        m_out += (kind == U'p' ? QStringLiteral("\\p{") : QStringLiteral("\\P{")) + property + u'}';
        return true;
    }

    // CCchar: any character but - [ \ ], or a SingleCharEsc.
    std::optional<char32_t> classChar()
    {
        const char32_t c = peek();
        if (atEnd() || c == U'-' || c == U'[' || c == U']' || (c >= 0xD800 && c <= 0xDFFF))
            return std::nullopt;
        if (c == U'\\')
            return singleCharEscape();
        ++m_pos;
        return c;
    }

    // charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"
    bool charClassExpr()
    {
        ++m_pos;
        m_out.append(u'[');
        if (peek() == U'^' && !atEnd()) {
            ++m_pos;
            m_out.append(u'^');
        }
        bool first = true;
        while (true) {
            if (atEnd())
                return false;
            const char32_t c = peek();
            if (c == U']' && !first)
                break;
            if (c == U'-') {
                ++m_pos;
                emitLiteral(U'-');
                if (!first) {
                    if (peek() != U']' || atEnd())
                        return false;
                    break;
                }
                first = false;
                continue;
            }
            first = false;
            if (c == U'\\' && (peek(1) == U'p' || peek(1) == U'P')) {
                if (!categoryEscape())
                    return false;
                continue;
            }
            const std::optional<char32_t> low = classChar();
            if (!low)
                return false;
            emitLiteral(*low);
            if (peek() == U'-' && peek(1) != U']') {
                ++m_pos;
                const std::optional<char32_t> high = classChar();
                if (!high || *high < *low)
                    return false;
                m_out.append(u'-');
                emitLiteral(*high);
            }
        }
        ++m_pos;
        m_out.append(u']');
        return true;
    }

    std::u32string m_in;
    size_t m_pos = 0;
    int m_depth = 0;
    QString m_out;
};

} // namespace

std::optional<QString> toPcre(QStringView pattern, Mode mode)
{
    std::u32string codePoints;
    codePoints.reserve(size_t(pattern.size()));
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const char16_t c = pattern[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < pattern.size()
            && QChar::isLowSurrogate(pattern[i + 1].unicode())) {
            codePoints.push_back(QChar::surrogateToUcs4(c, pattern[i + 1].unicode()));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            return std::nullopt;
        } else {
            codePoints.push_back(c);
        }
    }
    const std::optional<QString> body = Translator(std::move(codePoints)).translate();
    if (!body)
        return std::nullopt;
    if (mode == Mode::FullMatch)
        return QStringLiteral("\\A(?:") + *body + QStringLiteral(")\\z");
    return QStringLiteral("(?:") + *body + u')';
}

} // namespace Sonde::IRegexp
