#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace Sonde::Echo {

/// One header field as received: name in its original case, value without surrounding whitespace.
struct HeaderField
{
    QByteArray name;
    QByteArray value;
};
using HeaderList = QList<HeaderField>;

bool hasHeader(const HeaderList &headers, QByteArrayView name);
/// The values of every field named `name` (case-insensitive), joined with ", " (RFC 9110 §5.3).
QByteArray headerValue(const HeaderList &headers, QByteArrayView name);
/// True when the comma-separated list in the `name` fields contains `token` (case-insensitive).
bool hasToken(const HeaderList &headers, QByteArrayView name, QByteArrayView token);

/// A request as the echo server received it; the target and header values are the bytes on the wire.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    HeaderList headers;
    QByteArray body;

    bool isHttp10() const { return version == "HTTP/1.0"; }

    bool keepAlive() const
    {
        if (isHttp10())
            return hasToken(headers, "Connection", "keep-alive");
        return !hasToken(headers, "Connection", "close");
    }
};

/// The part before the first `separator`, or all of `text` (QByteArray::left(-1) would be empty).
QByteArray beforeFirst(const QByteArray &text, char separator);
/// `bytes` as UTF-8, or nullopt when they are not valid UTF-8.
std::optional<QString> decodeUtf8(const QByteArray &bytes);
/// Header values and URLs are bytes: shown as UTF-8 when they are, Latin-1 otherwise.
QString toText(const QByteArray &bytes);
/// A decimal count of at most 18 digits, nothing else (no sign, no whitespace).
std::optional<qint64> parseCount(QByteArrayView digits);
/// True when `text` has no control characters but tab (a valid field value, RFC 9110 §5.5).
bool isFieldValue(QByteArrayView text);

} // namespace Sonde::Echo
