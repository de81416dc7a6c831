#include "formats/SnippetText.h"

#include "formats/ShellWords.h"

#include <QStringDecoder>

namespace Sonde::SnippetText {

namespace {

using namespace Qt::StringLiterals;

QString hex2(uint value)
{
    return QString::number(value, 16).rightJustified(2, u'0');
}

QString hex4(uint value)
{
    return QString::number(value, 16).rightJustified(4, u'0');
}

QString octal3(uint value)
{
    return QString::number(value, 8).rightJustified(3, u'0');
}

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7f;
}

/// The common escapes of C-like languages, or an empty string when `c` needs none of them.
QString commonEscape(char16_t c)
{
    switch (c) {
    case u'\\':
        return u"\\\\"_s;
    case u'"':
        return u"\\\""_s;
    case u'\n':
        return u"\\n"_s;
    case u'\r':
        return u"\\r"_s;
    case u'\t':
        return u"\\t"_s;
    default:
        return {};
    }
}

/// A double-quoted literal: the common escapes, then `escapeOther` for any other character (an empty
/// result keeps the character as it is).
template<typename Escape> QString quoted(const QString &text, Escape escapeOther)
{
    QString out = u"\""_s;
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (const QString escape = commonEscape(c); !escape.isEmpty())
            out += escape;
        else if (const QString other = escapeOther(c); !other.isEmpty())
            out += other;
        else
            out += ch;
    }
    return out + u'"';
}

/// The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one.
qsizetype utf8Sequence(const QByteArray &bytes, qsizetype i)
{
    const auto byte = uchar(bytes.at(i));
    qsizetype length = 0;
    if (byte < 0x80)
        return 1;
    if (byte >= 0xc2 && byte <= 0xdf)
        length = 2;
    else if (byte >= 0xe0 && byte <= 0xef)
        length = 3;
    else if (byte >= 0xf0 && byte <= 0xf4)
        length = 4;
    else
        return 0;
    if (i + length > bytes.size())
        return 0;
    QStringDecoder decoder(QStringDecoder::Utf8);
    [[maybe_unused]] const QString decoded = decoder(bytes.mid(i, length));
    return decoder.hasError() ? 0 : length;
}

/// A byte-oriented literal: ASCII through `escapeAscii`, valid UTF-8 kept, other bytes through `escapeByte`.
template<typename AsciiEscape, typename ByteEscape>
QString byteLiteral(const QByteArray &bytes, AsciiEscape escapeAscii, ByteEscape escapeByte)
{
    QString out;
    for (qsizetype i = 0; i < bytes.size();) {
        const qsizetype length = utf8Sequence(bytes, i);
        if (length == 0) {
            out += escapeByte(uchar(bytes.at(i)));
            ++i;
        } else if (length == 1) {
            out += escapeAscii(char16_t(bytes.at(i)));
            ++i;
        } else {
            out += QString::fromUtf8(bytes.mid(i, length));
            i += length;
        }
    }
    return out;
}

} // namespace

QString python(const QString &text)
{
    return quoted(text, [](char16_t c) -> QString { return isControl(c) ? u"\\x"_s + hex2(c) : QString(); });
}

QString pythonBytes(const QByteArray &bytes)
{
    QString out = u"b\""_s;
    for (const char byte : bytes) {
        const auto c = uchar(byte);
        if (const QString escape = commonEscape(c); !escape.isEmpty())
            out += escape;
        else if (c < 0x20 || c >= 0x7f)
            out += u"\\x"_s + hex2(c);
        else
            out += QChar(c);
    }
    return out + u'"';
}

QString javaScript(const QString &text)
{
    return quoted(text, [](char16_t c) -> QString {
        return isControl(c) || c == 0x2028 || c == 0x2029 ? u"\\u"_s + hex4(c) : QString();
    });
}

QString go(const QByteArray &bytes)
{
    const auto ascii = [](char16_t c) -> QString {
        if (const QString escape = commonEscape(c); !escape.isEmpty())
            return escape;
        return isControl(c) ? u"\\x"_s + hex2(c) : QString(QChar(c));
    };
    return u'"' + byteLiteral(bytes, ascii, [](uint byte) -> QString { return u"\\x"_s + hex2(byte); })
        + u'"';
}

QString java(const QString &text)
{
    return quoted(text, [](char16_t c) -> QString {
        if (isControl(c))
            return u'\\' + octal3(c);
        return c > 0x7e ? u"\\u"_s + hex4(c) : QString();
    });
}

QString csharp(const QString &text)
{
    return quoted(text, [](char16_t c) -> QString { return isControl(c) ? u"\\u"_s + hex4(c) : QString(); });
}

QString php(const QByteArray &bytes)
{
    bool plain = true;
    for (qsizetype i = 0; i < bytes.size() && plain;) {
        const qsizetype length = utf8Sequence(bytes, i);
        plain = length > 0 && (length > 1 || !isControl(char16_t(bytes.at(i))) || bytes.at(i) == '\n');
        i += std::max<qsizetype>(length, 1);
    }
    if (plain) {
        QString text = QString::fromUtf8(bytes);
        text.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
        return u'\'' + text + u'\'';
    }
    const auto ascii = [](char16_t c) -> QString {
        if (c == u'$')
            return u"\\$"_s;
        if (const QString escape = commonEscape(c); !escape.isEmpty())
            return escape;
        return isControl(c) ? u"\\x"_s + hex2(c) : QString(QChar(c));
    };
    return u'"' + byteLiteral(bytes, ascii, [](uint byte) -> QString { return u"\\x"_s + hex2(byte); })
        + u'"';
}

QString powerShell(const QString &text)
{
    const bool plain = std::none_of(
        text.cbegin(), text.cend(), [](QChar c) { return isControl(c.unicode()) && c != u'\n'; });
    if (plain) {
        QString out = u"'"_s;
        for (const QChar c : text) {
            out += c;
            // ' and the typographic single quotes all close a PowerShell single-quoted string.
            if (c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201a)
                || c == QChar(0x201b))
                out += c;
        }
        return out + u'\'';
    }
    QString out = u"\""_s;
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'`':
            out += u"``"_s;
            break;
        case u'$':
            out += u"`$"_s;
            break;
        case u'"':
            out += u"`\""_s;
            break;
        case 0x201c:
        case 0x201d:
        case 0x201e:
            out += u'`' + ch;
            break;
        case u'\n':
            out += u"`n"_s;
            break;
        case u'\r':
            out += u"`r"_s;
            break;
        case u'\t':
            out += u"`t"_s;
            break;
        case 0:
            out += u"`0"_s;
            break;
        default:
            out += isControl(c) ? u"`u{"_s + QString::number(c, 16) + u'}' : QString(ch);
        }
    }
    return out + u'"';
}

QString cpp(const QByteArray &bytes)
{
    const auto ascii = [](char16_t c) -> QString {
        if (const QString escape = commonEscape(c); !escape.isEmpty())
            return escape;
        return isControl(c) ? u'\\' + octal3(c) : QString(QChar(c));
    };
    return u'"' + byteLiteral(bytes, ascii, [](uint byte) -> QString { return u'\\' + octal3(byte); }) + u'"';
}

QString shell(const QString &text)
{
    return ShellWords::quote(text);
}

} // namespace Sonde::SnippetText
