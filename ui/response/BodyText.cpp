#include "response/BodyText.h"

#include <QStringDecoder>
#include <QStringList>

#include <cstring>

namespace Sonde::BodyText {

using namespace Qt::Literals::StringLiterals;

namespace {

QString mediaType(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

bool isTextualContentType(const QString &contentType)
{
    const QString type = mediaType(contentType);
    if (type.startsWith("text/"_L1))
        return true;
    static const QLatin1StringView suffixes[] = {"+json"_L1, "+xml"_L1, "+yaml"_L1, "/json"_L1, "/xml"_L1,
                                                 "/javascript"_L1, "/ecmascript"_L1, "/x-javascript"_L1,
                                                 "/yaml"_L1, "/x-yaml"_L1, "/x-www-form-urlencoded"_L1,
                                                 "/graphql"_L1, "/x-ndjson"_L1, "/csv"_L1, "/sql"_L1};
    for (const QLatin1StringView suffix : suffixes) {
        if (type.endsWith(suffix))
            return true;
    }
    return false;
}

bool looksLikeText(QByteArrayView sample, const QString &contentType, bool sampleIsWholeBody)
{
    if (isTextualContentType(contentType))
        return true;
    if (sample.first(std::min<qsizetype>(sample.size(), 8192)).contains('\0'))
        return false;
    if (sampleIsWholeBody)
        return sample.isValidUtf8();
    // A sample may end inside a UTF-8 sequence: judge it without its last three bytes.
    return sample.first(std::max<qsizetype>(0, sample.size() - 3)).isValidUtf8();
}

QByteArray charset(const QString &contentType)
{
    const QStringList parameters = contentType.split(u';');
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QString parameter = parameters.at(i).trimmed();
        if (parameter.startsWith("charset="_L1, Qt::CaseInsensitive)) {
            QString value = parameter.mid(8).trimmed();
            if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            return value.toLower().toLatin1();
        }
    }
    return {};
}

QByteArray toUtf8(const QByteArray &bytes, const QString &contentType, QString *note)
{
    const QByteArray name = charset(contentType);
    if (name.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii")
        return bytes;
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid()) {
        if (note)
            *note = u"Unknown charset “%1”: shown as UTF-8"_s.arg(QString::fromLatin1(name));
        return bytes;
    }
    const QString text = decoder(bytes);
    return text.toUtf8();
}

QByteArray hexDump(QByteArrayView bytes)
{
    // "00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|"
    static constexpr char digits[] = "0123456789abcdef";
    constexpr qsizetype HexStart = 10;
    constexpr qsizetype AsciiBar = HexStart + 16 * 3 + 1 + 1;
    constexpr qsizetype LineLength = AsciiBar + 1 + 16 + 1;
    QByteArray out;
    out.reserve((bytes.size() / 16 + 1) * (LineLength + 1));
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        char line[LineLength];
        std::memset(line, ' ', sizeof line);
        for (int i = 0; i < 8; ++i)
            line[i] = digits[(offset >> (28 - 4 * i)) & 0xF];
        const qsizetype count = std::min<qsizetype>(16, bytes.size() - offset);
        line[AsciiBar] = '|';
        for (qsizetype i = 0; i < count; ++i) {
            const auto byte = static_cast<unsigned char>(bytes[offset + i]);
            const qsizetype column = HexStart + i * 3 + (i >= 8 ? 1 : 0);
            line[column] = digits[byte >> 4];
            line[column + 1] = digits[byte & 0xF];
            line[AsciiBar + 1 + i] = byte >= 0x20 && byte < 0x7f ? char(byte) : '.';
        }
        line[AsciiBar + 1 + count] = '|';
        out.append(line, AsciiBar + 2 + count);
        out.append('\n');
    }
    if (out.endsWith('\n'))
        out.chop(1);
    return out;
}

LongLineBreaker::LongLineBreaker(qsizetype limit)
    : m_limit(limit)
{
}

QByteArray LongLineBreaker::process(const QByteArray &chunk)
{
    // Fast path: no line in this chunk grows past the limit, so it passes unchanged.
    QByteArray out;
    qsizetype copiedUpTo = 0;
    const char *data = chunk.data();
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        const auto *newline = static_cast<const char *>(std::memchr(data + pos, '\n', size_t(chunk.size() - pos)));
        const qsizetype lineEnd = newline ? newline - data : chunk.size();
        qsizetype room = m_limit - m_column;
        while (lineEnd - pos > room) {
            qsizetype cut = pos + room;
            while (cut < lineEnd && isContinuationByte(data[cut]))
                ++cut;
            if (cut >= lineEnd)
                break;
            if (out.isEmpty())
                out.reserve(chunk.size() + chunk.size() / m_limit + 16);
            out.append(data + copiedUpTo, cut - copiedUpTo);
            out.append('\n');
            copiedUpTo = cut;
            m_broke = true;
            pos = cut;
            m_column = 0;
            room = m_limit;
        }
        if (newline) {
            pos = lineEnd + 1;
            m_column = 0;
        } else {
            m_column += lineEnd - pos;
            pos = lineEnd;
        }
    }
    if (copiedUpTo == 0)
        return chunk;
    out.append(data + copiedUpTo, chunk.size() - copiedUpTo);
    return out;
}

} // namespace Sonde::BodyText
