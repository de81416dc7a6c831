#include "echo/HttpMessage.h"

#include <QStringDecoder>
#include <algorithm>

namespace Sonde::Echo {

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [name](const HeaderField &field) { return field.name.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    QByteArray result;
    bool found = false;
    for (const HeaderField &field : headers) {
        if (field.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            result += ", ";
        result += field.value;
        found = true;
    }
    return result;
}

bool hasToken(const HeaderList &headers, QByteArrayView name, QByteArrayView token)
{
    const QList<QByteArray> tokens = headerValue(headers, name).split(',');
    return std::any_of(tokens.cbegin(), tokens.cend(), [token](const QByteArray &candidate) {
        return candidate.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

QByteArray beforeFirst(const QByteArray &text, char separator)
{
    const qsizetype index = text.indexOf(separator);
    return index < 0 ? text : text.left(index);
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString toText(const QByteArray &bytes)
{
    if (std::optional<QString> text = decodeUtf8(bytes))
        return *text;
    return QString::fromLatin1(bytes);
}

std::optional<qint64> parseCount(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isFieldValue(QByteArrayView text)
{
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
}

} // namespace Sonde::Echo
