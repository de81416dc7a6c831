#include "model/Exchange.h"

namespace Sonde {

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray SentRequest::headText() const
{
    QByteArray text = method + ' ' + target + ' ' + (httpVersion.isEmpty() ? "HTTP/1.1" : httpVersion) + "\r\n";
    for (const auto &header : headers)
        text += header.first + ": " + header.second + "\r\n";
    return text + "\r\n";
}

qint64 ResponseHead::headSize() const
{
    // "HTTP/1.1 200 OK\r\n" + "Name: value\r\n"... + "\r\n"
    qint64 size = httpVersion.size() + 1 + 3 + 1 + reasonPhrase.size() + 2;
    for (const auto &header : headers)
        size += header.first.size() + 2 + header.second.size() + 2;
    return size + 2;
}

QString errorKindName(TransportError::Kind kind)
{
    switch (kind) {
    case TransportError::Kind::None: return QStringLiteral("none");
    case TransportError::Kind::InvalidUrl: return QStringLiteral("invalid-url");
    case TransportError::Kind::HostNotFound: return QStringLiteral("host-not-found");
    case TransportError::Kind::ConnectionRefused: return QStringLiteral("connection-refused");
    case TransportError::Kind::Timeout: return QStringLiteral("timeout");
    case TransportError::Kind::Tls: return QStringLiteral("tls");
    case TransportError::Kind::Cancelled: return QStringLiteral("cancelled");
    case TransportError::Kind::ConnectionClosed: return QStringLiteral("connection-closed");
    case TransportError::Kind::TooManyRedirects: return QStringLiteral("too-many-redirects");
    case TransportError::Kind::Proxy: return QStringLiteral("proxy");
    case TransportError::Kind::Protocol: return QStringLiteral("protocol");
    case TransportError::Kind::Authentication: return QStringLiteral("authentication");
    case TransportError::Kind::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

} // namespace Sonde
