#include "formats/HarExport.h"

#include "http/RequestBuilder.h"
#include "model/PathParams.h"
#include "storage/AtomicFile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkCookie>
#include <QStringDecoder>

namespace Sonde::HarExport {

namespace {

using namespace Qt::StringLiterals;

QJsonArray pairs(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(
            QJsonObject {{u"name"_s, QString::fromUtf8(name)}, {u"value"_s, QString::fromUtf8(value)}});
    return array;
}

bool isText(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

/// Writes `bytes` into `object` as "text", with "encoding": "base64" when they are not UTF-8 text.
void putContent(QJsonObject &object, const QByteArray &bytes)
{
    if (isText(bytes)) {
        object.insert(u"text"_s, QString::fromUtf8(bytes));
    } else {
        object.insert(u"text"_s, QString::fromLatin1(bytes.toBase64()));
        object.insert(u"encoding"_s, u"base64"_s);
    }
}

QJsonArray queryString(const QString &url)
{
    QJsonArray array;
    const qsizetype question = url.indexOf(u'?');
    if (question < 0)
        return array;
    QString query = url.mid(question + 1);
    const qsizetype hash = query.indexOf(u'#');
    if (hash >= 0)
        query.truncate(hash);
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const auto decode = [](const QString &text) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
        };
        array.append(QJsonObject {{u"name"_s, decode(equals < 0 ? pair : pair.left(equals))},
            {u"value"_s, equals < 0 ? QString() : decode(pair.mid(equals + 1))}});
    }
    return array;
}

QJsonArray requestCookies(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
        if (name.compare("Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &cookie : value.split(';')) {
            const QByteArray trimmed = cookie.trimmed();
            if (trimmed.isEmpty())
                continue;
            const qsizetype equals = trimmed.indexOf('=');
            array.append(
                QJsonObject {{u"name"_s, QString::fromUtf8(equals < 0 ? trimmed : trimmed.left(equals))},
                    {u"value"_s, equals < 0 ? QString() : QString::fromUtf8(trimmed.mid(equals + 1))}});
        }
    }
    return array;
}

QJsonArray responseCookies(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
        if (name.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QNetworkCookie &cookie : QNetworkCookie::parseCookies(value)) {
            QJsonObject object {{u"name"_s, QString::fromUtf8(cookie.name())},
                {u"value"_s, QString::fromUtf8(cookie.value())}};
            if (!cookie.path().isEmpty())
                object.insert(u"path"_s, cookie.path());
            if (!cookie.domain().isEmpty())
                object.insert(u"domain"_s, cookie.domain());
            if (cookie.expirationDate().isValid())
                object.insert(u"expires"_s, cookie.expirationDate().toUTC().toString(Qt::ISODateWithMs));
            object.insert(u"httpOnly"_s, cookie.isHttpOnly());
            object.insert(u"secure"_s, cookie.isSecure());
            array.append(object);
        }
    }
    return array;
}

QString mimeTypeOf(const HeaderList &headers)
{
    return QString::fromUtf8(headerValue(headers, "Content-Type"));
}

QJsonObject requestObject(const SentRequest &sent)
{
    const QString url = sent.url.toString(QUrl::FullyEncoded);
    QJsonObject request {{u"method"_s, QString::fromUtf8(sent.method)}, {u"url"_s, url},
        {u"httpVersion"_s, sent.httpVersion.isEmpty() ? u"HTTP/1.1"_s : QString::fromUtf8(sent.httpVersion)},
        {u"cookies"_s, requestCookies(sent.headers)}, {u"headers"_s, pairs(sent.headers)},
        {u"queryString"_s, queryString(url)}, {u"headersSize"_s, qint64(sent.headText().size())},
        {u"bodySize"_s, sent.bodySize}};
    if (sent.bodySize > 0 || !sent.body.isEmpty()) {
        QJsonObject postData {{u"mimeType"_s, mimeTypeOf(sent.headers)}};
        putContent(postData, sent.body);
        request.insert(u"postData"_s, postData);
    }
    return request;
}

/// The body of a request that was never sent, as Sonde would send it: bytes for raw, form and
/// GraphQL bodies; the parts' names for multipart (HAR `params`); the file's name for binary.
void putUnsentBody(QJsonObject &postData, const Request &request)
{
    const Body &body = request.body;
    switch (body.kind) {
    case Body::Kind::None:
        break;
    case Body::Kind::Raw:
        putContent(postData, body.data);
        break;
    case Body::Kind::FormUrlEncoded:
        putContent(postData, RequestBuilder::formEncode(body.fields));
        break;
    case Body::Kind::GraphQL: {
        QString problem;
        putContent(postData, RequestBuilder::graphqlJson(body, &problem));
        break;
    }
    case Body::Kind::Multipart: {
        QJsonArray params;
        for (const MultipartPart &part : body.parts) {
            if (!part.enabled)
                continue;
            QJsonObject param {{u"name"_s, part.name}};
            if (part.isFile())
                param.insert(u"fileName"_s,
                    part.fileName.isEmpty() ? QFileInfo(part.filePath).fileName() : part.fileName);
            else
                param.insert(u"value"_s, part.value);
            if (!part.contentType.isEmpty())
                param.insert(u"contentType"_s, part.contentType);
            params.append(param);
        }
        postData.insert(u"params"_s, params);
        break;
    }
    case Body::Kind::Binary:
        // The file's content is read only when sent: HAR gets its name, not its bytes.
        postData.insert(u"text"_s, QString());
        postData.insert(u"comment"_s, u"the content of the file %1"_s.arg(body.filePath));
        break;
    }
}

/// The media type Sonde sends for a body kind when the request sets none.
QByteArray unsentContentType(const Body &body)
{
    switch (body.kind) {
    case Body::Kind::None:
        return {};
    case Body::Kind::Raw:
        return body.contentType.toUtf8();
    case Body::Kind::FormUrlEncoded:
        return "application/x-www-form-urlencoded";
    case Body::Kind::Multipart:
        return "multipart/form-data";
    case Body::Kind::GraphQL:
        return body.graphqlUseGet ? QByteArray() : QByteArray("application/json");
    case Body::Kind::Binary:
        return (
            body.contentType.isEmpty() ? RequestBuilder::guessContentType(body.filePath) : body.contentType)
            .toUtf8();
    }
    return {};
}

/// A request that was never sent, as Sonde would send it (without the headers the network adds).
QJsonObject unsentRequestObject(const Request &request)
{
    QString url = PathParams::substitute(request.url, request.pathParams);
    QString method = request.method;
    const Body &body = request.body;
    if (body.kind == Body::Kind::GraphQL) {
        method = body.graphqlUseGet ? u"GET"_s : u"POST"_s;
        if (body.graphqlUseGet) {
            QString problem;
            const QJsonObject json
                = QJsonDocument::fromJson(RequestBuilder::graphqlJson(body, &problem)).object();
            QStringList query;
            for (auto it = json.begin(); it != json.end(); ++it) {
                const QString text = it->isString()
                    ? it->toString()
                    : QString::fromUtf8(QJsonDocument(it->toObject()).toJson(QJsonDocument::Compact));
                query.append(it.key() + u'=' + QString::fromLatin1(RequestBuilder::formEncode(text)));
            }
            url += (url.contains(u'?') ? u'&' : u'?') + query.join(u'&');
        }
    }
    HeaderList headers;
    for (const KeyValue &row : request.headers) {
        if (row.enabled && !row.key.trimmed().isEmpty())
            headers.append({row.key.trimmed().toUtf8(), row.value.toUtf8()});
    }
    const bool hasBody
        = body.kind != Body::Kind::None && !(body.kind == Body::Kind::GraphQL && body.graphqlUseGet);
    const QByteArray type = unsentContentType(body);
    if (hasBody && !type.isEmpty() && headerValue(headers, "Content-Type").isNull())
        headers.append({"Content-Type", type});
    QJsonObject object {{u"method"_s, method}, {u"url"_s, url}, {u"httpVersion"_s, u"HTTP/1.1"_s},
        {u"cookies"_s, requestCookies(headers)}, {u"headers"_s, pairs(headers)},
        {u"queryString"_s, queryString(url)}, {u"headersSize"_s, -1}, {u"bodySize"_s, hasBody ? -1 : 0}};
    if (!hasBody)
        return object;
    QJsonObject postData {{u"mimeType"_s, mimeTypeOf(headers)}};
    putUnsentBody(postData, request);
    if (postData.contains(u"text"_s) && !postData.contains(u"encoding"_s) && body.kind != Body::Kind::Binary)
        object.insert(u"bodySize"_s, qint64(postData.value(u"text"_s).toString().toUtf8().size()));
    object.insert(u"postData"_s, postData);
    return object;
}

QJsonObject responseObject(
    const ResponseHead &head, const QByteArray &body, const Sizes &sizes, bool withBody)
{
    QJsonObject content {
        {u"size"_s, withBody ? std::max(sizes.decodedBodyBytes, qint64(body.size())) : qint64(0)},
        {u"mimeType"_s, mimeTypeOf(head.headers)}};
    if (withBody) {
        if (sizes.wireBodyBytes > 0 && sizes.wireBodyBytes < sizes.decodedBodyBytes)
            content.insert(u"compression"_s, sizes.decodedBodyBytes - sizes.wireBodyBytes);
        putContent(content, body);
    }
    return {{u"status"_s, head.statusCode}, {u"statusText"_s, QString::fromUtf8(head.reasonPhrase)},
        {u"httpVersion"_s, head.httpVersion.isEmpty() ? u"HTTP/1.1"_s : QString::fromUtf8(head.httpVersion)},
        {u"cookies"_s, responseCookies(head.headers)}, {u"headers"_s, pairs(head.headers)},
        {u"content"_s, content}, {u"redirectURL"_s, QString::fromUtf8(headerValue(head.headers, "Location"))},
        {u"headersSize"_s, sizes.headerBytes > 0 ? sizes.headerBytes : head.headSize()},
        {u"bodySize"_s, withBody ? sizes.wireBodyBytes : qint64(0)}};
}

QJsonObject noResponse()
{
    return {{u"status"_s, 0}, {u"statusText"_s, QString()}, {u"httpVersion"_s, QString()},
        {u"cookies"_s, QJsonArray()}, {u"headers"_s, QJsonArray()},
        {u"content"_s, QJsonObject {{u"size"_s, 0}, {u"mimeType"_s, u"x-unknown"_s}}},
        {u"redirectURL"_s, QString()}, {u"headersSize"_s, -1}, {u"bodySize"_s, -1}};
}

double orMinusOne(double value)
{
    return value < 0 ? -1 : value;
}

double orZero(double value)
{
    return value < 0 ? 0 : value;
}

QJsonObject timingsObject(const Timings &t)
{
    return {{u"blocked"_s, -1}, {u"dns"_s, orMinusOne(t.dns)}, {u"connect"_s, orMinusOne(t.connect)},
        {u"send"_s, orZero(t.send)}, {u"wait"_s, orZero(t.wait)}, {u"receive"_s, orZero(t.download)},
        {u"ssl"_s, -1}};
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject toHar(const QList<Exchange> &exchanges, const HarExportOptions &options)
{
    const QDateTime now = options.exportTime.isValid() ? options.exportTime : QDateTime::currentDateTimeUtc();
    QJsonArray entries;
    for (const Exchange &exchange : exchanges) {
        const QString started = timeText(exchange.startedAt.isValid() ? exchange.startedAt : now);
        const bool sent = !exchange.sent.method.isEmpty();
        for (const RedirectHop &hop : exchange.redirects) {
            entries.append(QJsonObject {{u"startedDateTime"_s, started}, {u"time"_s, 0},
                {u"request"_s, requestObject(hop.sent)},
                {u"response"_s, responseObject(hop.response, {}, {}, false)}, {u"cache"_s, QJsonObject()},
                {u"timings"_s, timingsObject({})}});
        }
        QJsonObject entry {{u"startedDateTime"_s, started}, {u"time"_s, orZero(exchange.timings.total)},
            {u"request"_s, sent ? requestObject(exchange.sent) : unsentRequestObject(exchange.request)},
            {u"response"_s,
                exchange.response
                    ? responseObject(*exchange.response, exchange.body.bytes(), exchange.sizes, true)
                    : noResponse()},
            {u"cache"_s, QJsonObject()}, {u"timings"_s, timingsObject(exchange.timings)}};
        if (exchange.error.isError())
            entry.insert(u"_error"_s, exchange.error.message);
        entries.append(entry);
    }
    const QJsonObject creator {{u"name"_s, options.creatorName}, {u"version"_s, options.creatorVersion}};
    return {{u"log"_s,
        QJsonObject {{u"version"_s, u"1.2"_s}, {u"creator"_s, creator}, {u"pages"_s, QJsonArray()},
            {u"entries"_s, entries}}}};
}

QByteArray toJson(const QList<Exchange> &exchanges, const HarExportOptions &options)
{
    return QJsonDocument(toHar(exchanges, options)).toJson(QJsonDocument::Indented);
}

QString writeFile(const QString &path, const QList<Exchange> &exchanges, const HarExportOptions &options)
{
    QString error;
    if (AtomicFile::write(path, toJson(exchanges, options), &error) == AtomicFile::WriteResult::Failed)
        return error;
    return {};
}

QList<Exchange> unsentExchanges(const QList<Request> &requests)
{
    QList<Exchange> exchanges;
    for (const Request &request : requests) {
        Exchange exchange;
        exchange.request = request;
        exchanges.append(exchange);
    }
    return exchanges;
}

} // namespace Sonde::HarExport
