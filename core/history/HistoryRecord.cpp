#include "history/HistoryRecord.h"

namespace Sonde {

namespace {

/// Headers the engine or the network stack adds by themselves: a restored request gets them again
/// when it is sent, so they are not part of what the user wrote.
bool isAddedBySonde(const QByteArray &name, const QByteArray &value)
{
    static const QList<QByteArrayView> stack = {"Host", "Content-Length", "Connection", "Accept-Language"};
    if (name.startsWith(':')) // HTTP/2 pseudo-headers
        return true;
    for (QByteArrayView added : stack) {
        if (name.compare(added, Qt::CaseInsensitive) == 0)
            return true;
    }
    if (name.compare("User-Agent", Qt::CaseInsensitive) == 0)
        return value.startsWith("Sonde/");
    if (name.compare("Accept", Qt::CaseInsensitive) == 0)
        return value == "*/*";
    if (name.compare("Accept-Encoding", Qt::CaseInsensitive) == 0)
        return value == "gzip, deflate";
    return false;
}

} // namespace

Request HistoryRecord::toRequest() const
{
    if (this->request)
        return *this->request;
    Request request;
    request.method = entry.method;
    request.url = entry.url;
    const bool hasBody = requestBody.size > 0 || !requestBody.contentType.isEmpty();
    for (const auto &[name, value] : requestHeaders) {
        if (isAddedBySonde(name, value))
            continue;
        // The body's media type travels with the body.
        if (hasBody && name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            continue;
        request.headers.append({QString::fromLatin1(name), QString::fromUtf8(value), true});
    }
    if (hasBody) {
        request.body.kind = Body::Kind::Raw;
        request.body.contentType = requestBody.contentType;
        request.body.data = requestBody.data;
    }
    return request;
}

Exchange HistoryRecord::toExchange() const
{
    Exchange exchange;
    exchange.startedAt = entry.startedAt;
    exchange.request = toRequest();
    exchange.sent.method = entry.method.toLatin1();
    exchange.sent.url = QUrl(entry.url);
    exchange.sent.target = exchange.sent.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    exchange.sent.httpVersion = httpVersion.toLatin1();
    exchange.sent.headers = requestHeaders;
    exchange.sent.body = requestBody.data;
    exchange.sent.bodySize = requestBody.size;
    if (entry.hasResponse()) {
        ResponseHead head;
        head.statusCode = entry.status;
        head.reasonPhrase = reason.toLatin1();
        head.httpVersion = httpVersion.toLatin1();
        head.headers = responseHeaders;
        exchange.response = head;
    }
    exchange.body = BodyData::fromBytes(responseBody.data);
    exchange.sizes.wireBodyBytes = responseWireSize;
    exchange.sizes.decodedBodyBytes = responseBody.size;
    exchange.timings.total = entry.durationMs;
    if (entry.hasError()) {
        exchange.error.message = entry.errorMessage;
        exchange.error.kind = TransportError::Kind::Other;
        for (int kind = int(TransportError::Kind::InvalidUrl); kind <= int(TransportError::Kind::Other); ++kind) {
            if (errorKindName(TransportError::Kind(kind)) == entry.errorKind)
                exchange.error.kind = TransportError::Kind(kind);
        }
    }
    return exchange;
}

bool isTextualContentType(QStringView contentType)
{
    const QStringView type = contentType.left(contentType.indexOf(u';')).trimmed();
    if (type.isEmpty())
        return false;
    if (type.startsWith(u"text/", Qt::CaseInsensitive))
        return true;
    if (type.endsWith(u"+json", Qt::CaseInsensitive) || type.endsWith(u"+xml", Qt::CaseInsensitive))
        return true;
    static const QList<QStringView> textual
        = {u"application/json", u"application/xml", u"application/javascript", u"application/ecmascript",
            u"application/x-www-form-urlencoded", u"application/graphql", u"application/yaml",
            u"application/x-yaml", u"application/x-ndjson", u"application/sql", u"application/csv"};
    for (QStringView candidate : textual) {
        if (type.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Sonde
