#include "formats/HarImport.h"

#include "formats/ImportSupport.h"
#include "model/QueryParams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace Sonde::HarImport {

namespace {

using namespace Qt::StringLiterals;

/// Reads a HAR document, remembering the first problem with its JSON path.
class Reader
{
public:
    bool failed() const { return !m_error.message.isEmpty(); }
    const ImportMessage &error() const { return m_error; }

    bool fail(const QString &path, const QString &message)
    {
        if (!failed())
            m_error = {path, message};
        return false;
    }
    /// The member `key` of `object` when it has type `type`; a missing member is an error only when
    /// `required`. Returns Undefined when missing or wrong.
    QJsonValue member(const QJsonObject &object, const QString &path, const QString &key,
        QJsonValue::Type type, bool required)
    {
        const QJsonValue value = object.value(key);
        const QString at = path.isEmpty() ? key : path + u'.' + key;
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required)
                fail(at, u"missing"_s);
            return QJsonValue::Undefined;
        }
        if (value.type() != type) {
            fail(at,
                u"must be %1, not %2"_s.arg(
                    ImportSupport::jsonTypeName(type), ImportSupport::jsonTypeName(value.type())));
            return QJsonValue::Undefined;
        }
        return value;
    }
    QString string(const QJsonObject &object, const QString &path, const QString &key, bool required = false)
    {
        return member(object, path, key, QJsonValue::String, required).toString();
    }
    double number(const QJsonObject &object, const QString &path, const QString &key, double fallback,
        bool required = false)
    {
        const QJsonValue value = member(object, path, key, QJsonValue::Double, required);
        return value.isUndefined() ? fallback : value.toDouble();
    }
    /// `[{name, value}, …]` (headers, cookies, query strings).
    HeaderList pairs(const QJsonObject &object, const QString &path, const QString &key)
    {
        HeaderList list;
        const QJsonArray array = member(object, path, key, QJsonValue::Array, false).toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString at = u"%1.%2[%3]"_s.arg(path, key).arg(i);
            if (!array.at(i).isObject()) {
                fail(at, u"must be an object, not %1"_s.arg(ImportSupport::jsonTypeName(array.at(i).type())));
                return {};
            }
            const QJsonObject pair = array.at(i).toObject();
            const QString name = string(pair, at, u"name"_s, true);
            const QString value = string(pair, at, u"value"_s, true);
            if (failed())
                return {};
            list.append({name.toUtf8(), value.toUtf8()});
        }
        return list;
    }

private:
    ImportMessage m_error;
};

QString lineAndColumn(const QByteArray &data, qsizetype offset)
{
    int line = 1;
    int column = 1;
    const QByteArray before = data.left(offset);
    for (const char c : before) {
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) {
            ++column;
        }
    }
    return u"line %1, column %2"_s.arg(line).arg(column);
}

/// The request target (path and query) of a URL as written, without the fragment.
QByteArray targetOf(const QString &url)
{
    const qsizetype scheme = url.indexOf(u"://");
    const qsizetype slash = url.indexOf(u'/', scheme < 0 ? 0 : scheme + 3);
    QString target = slash < 0 ? u"/"_s : url.mid(slash);
    const qsizetype hash = target.indexOf(u'#');
    if (hash >= 0)
        target.truncate(hash);
    return target.toUtf8();
}

QByteArray decodeContent(Reader &reader, const QJsonObject &object, const QString &path)
{
    const QString text = reader.string(object, path, u"text"_s);
    const QString encoding = reader.string(object, path, u"encoding"_s);
    if (encoding.isEmpty())
        return text.toUtf8();
    if (encoding.compare(u"base64", Qt::CaseInsensitive) != 0) {
        reader.fail(path + u".encoding"_s, u"unknown encoding “%1” (only base64 is defined)"_s.arg(encoding));
        return {};
    }
    const auto decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        reader.fail(path + u".text"_s, u"is not valid base64"_s);
    return decoded.decoded;
}

bool isEngineHeader(const QByteArray &name)
{
    return name.startsWith(':') || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
}

/// The request the user edits: the entry's request without what the engine writes itself.
Request requestOf(Reader &reader, const QJsonObject &entryRequest, const QString &path,
    const HeaderList &headers, const QByteArray &bodyBytes, bool hasText, QList<ImportMessage> &warnings)
{
    Request request;
    request.method = reader.string(entryRequest, path, u"method"_s, true);
    request.url = reader.string(entryRequest, path, u"url"_s, true);
    request.params = QueryParams::parse(request.url);
    const QUrl url(request.url);
    const QString authority = url.port() < 0 ? url.host() : url.host() + u':' + QString::number(url.port());
    for (const auto &[name, value] : headers) {
        if (isEngineHeader(name))
            continue;
        if (name.compare("Host", Qt::CaseInsensitive) == 0
            && QString::fromUtf8(value).compare(authority, Qt::CaseInsensitive) == 0)
            continue;
        request.headers.append({QString::fromUtf8(name), QString::fromUtf8(value), true});
    }
    const QJsonObject postData = entryRequest.value(u"postData"_s).toObject();
    if (!entryRequest.contains(u"postData"_s))
        return request;
    const QString postPath = path + u".postData"_s;
    QString mimeType = reader.string(postData, postPath, u"mimeType"_s);
    if (mimeType.isEmpty())
        mimeType = QString::fromUtf8(headerValue(headers, "Content-Type"));
    const QJsonArray params
        = reader.member(postData, postPath, u"params"_s, QJsonValue::Array, false).toArray();
    Body &body = request.body;
    if (hasText || params.isEmpty()) {
        if (!hasText && bodyBytes.isEmpty())
            return request;
        const auto fields = ImportSupport::mediaType(mimeType) == u"application/x-www-form-urlencoded"
            ? ImportSupport::exactFormFields(bodyBytes)
            : std::nullopt;
        if (fields) {
            body.kind = Body::Kind::FormUrlEncoded;
            body.fields = *fields;
        } else {
            body = Body {Body::Kind::Raw, mimeType, bodyBytes};
        }
        ImportSupport::adoptContentTypeHeader(request);
        return request;
    }
    const bool multipart = ImportSupport::mediaType(mimeType) == u"multipart/form-data";
    body.kind = multipart ? Body::Kind::Multipart : Body::Kind::FormUrlEncoded;
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QString at = u"%1.params[%2]"_s.arg(postPath).arg(i);
        const QJsonObject param = params.at(i).toObject();
        if (!params.at(i).isObject()) {
            reader.fail(
                at, u"must be an object, not %1"_s.arg(ImportSupport::jsonTypeName(params.at(i).type())));
            return request;
        }
        const QString name = reader.string(param, at, u"name"_s, true);
        const QString value = reader.string(param, at, u"value"_s);
        const QString fileName = reader.string(param, at, u"fileName"_s);
        const QString contentType = reader.string(param, at, u"contentType"_s);
        if (!multipart) {
            body.fields.append({name, value, true});
            continue;
        }
        MultipartPart part;
        part.name = name;
        part.value = value;
        part.contentType = contentType;
        if (!fileName.isEmpty())
            warnings.append({at,
                u"the file “%1” is not in the HAR: the part is imported as text; choose the file before sending"_s
                    .arg(fileName)});
        body.parts.append(part);
    }
    // The recorded boundary belongs to the recorded body, not to the one Sonde will write.
    request.headers.removeIf(
        [](const KeyValue &row) { return row.key.compare(u"Content-Type", Qt::CaseInsensitive) == 0; });
    ImportSupport::adoptContentTypeHeader(request);
    return request;
}

double timing(Reader &reader, const QJsonObject &timings, const QString &path, const QString &key)
{
    const double value = reader.number(timings, path, key, -1);
    return value < 0 ? -1 : value;
}

/// One entry: the request, and the exchange it was part of.
bool readEntry(Reader &reader, const QJsonValue &value, const QString &path, ImportResult &result)
{
    if (!value.isObject())
        return reader.fail(
            path, u"must be an object, not %1"_s.arg(ImportSupport::jsonTypeName(value.type())));
    const QJsonObject entry = value.toObject();
    const QJsonObject harRequest
        = reader.member(entry, path, u"request"_s, QJsonValue::Object, true).toObject();
    if (reader.failed())
        return false;
    const QString requestPath = path + u".request"_s;
    const HeaderList requestHeaders = reader.pairs(harRequest, requestPath, u"headers"_s);
    const QJsonObject postData
        = reader.member(harRequest, requestPath, u"postData"_s, QJsonValue::Object, false).toObject();
    const QByteArray postBytes = decodeContent(reader, postData, requestPath + u".postData"_s);
    const bool hasText = postData.contains(u"text"_s);
    Exchange exchange;
    exchange.id = QUuid::createUuid();
    exchange.request
        = requestOf(reader, harRequest, requestPath, requestHeaders, postBytes, hasText, result.warnings);
    if (reader.failed())
        return false;
    if (exchange.request.method.isEmpty())
        return reader.fail(requestPath + u".method"_s, u"is empty"_s);

    exchange.startedAt
        = QDateTime::fromString(reader.string(entry, path, u"startedDateTime"_s), Qt::ISODateWithMs);
    SentRequest &sent = exchange.sent;
    sent.method = exchange.request.method.toUtf8();
    sent.url = QUrl(exchange.request.url);
    sent.target = targetOf(exchange.request.url);
    sent.httpVersion = normalizeHttpVersion(reader.string(harRequest, requestPath, u"httpVersion"_s));
    sent.headers = requestHeaders;
    sent.body = postBytes;
    const double requestBodySize = reader.number(harRequest, requestPath, u"bodySize"_s, -1);
    sent.bodySize = requestBodySize >= 0 ? qint64(requestBodySize) : postBytes.size();

    const QJsonObject timings
        = reader.member(entry, path, u"timings"_s, QJsonValue::Object, false).toObject();
    const QString timingsPath = path + u".timings"_s;
    exchange.timings.dns = timing(reader, timings, timingsPath, u"dns"_s);
    exchange.timings.connect = timing(reader, timings, timingsPath, u"connect"_s);
    exchange.timings.send = timing(reader, timings, timingsPath, u"send"_s);
    exchange.timings.wait = timing(reader, timings, timingsPath, u"wait"_s);
    exchange.timings.download = timing(reader, timings, timingsPath, u"receive"_s);
    exchange.timings.total = reader.number(entry, path, u"time"_s, -1);
    exchange.tls.used = exchange.request.url.startsWith(u"https:", Qt::CaseInsensitive);

    const QString responsePath = path + u".response"_s;
    const QJsonObject harResponse
        = reader.member(entry, path, u"response"_s, QJsonValue::Object, false).toObject();
    const int status
        = int(reader.number(harResponse, responsePath, u"status"_s, 0, entry.contains(u"response"_s)));
    if (reader.failed())
        return false;
    if (status > 0) {
        ResponseHead head;
        head.statusCode = status;
        head.reasonPhrase = reader.string(harResponse, responsePath, u"statusText"_s).toUtf8();
        head.httpVersion = normalizeHttpVersion(reader.string(harResponse, responsePath, u"httpVersion"_s));
        head.headers = reader.pairs(harResponse, responsePath, u"headers"_s);
        const QString contentPath = responsePath + u".content"_s;
        const QJsonObject content
            = reader.member(harResponse, responsePath, u"content"_s, QJsonValue::Object, false).toObject();
        const QByteArray body = decodeContent(reader, content, contentPath);
        const double contentSize = reader.number(content, contentPath, u"size"_s, -1);
        const double headersSize = reader.number(harResponse, responsePath, u"headersSize"_s, -1);
        const double bodySize = reader.number(harResponse, responsePath, u"bodySize"_s, -1);
        if (reader.failed())
            return false;
        exchange.response = head;
        exchange.body = BodyData::fromBytes(body);
        exchange.sizes.headerBytes = headersSize >= 0 ? qint64(headersSize) : head.headSize();
        exchange.sizes.decodedBodyBytes = contentSize >= 0 ? qint64(contentSize) : body.size();
        exchange.sizes.wireBodyBytes = bodySize >= 0 ? qint64(bodySize) : exchange.sizes.decodedBodyBytes;
        exchange.sizes.contentEncoding = headerValue(head.headers, "Content-Encoding");
    } else {
        exchange.error.kind = TransportError::Kind::Other;
        // Chrome writes why there is no response as `_error`, on the response or on the entry.
        QString message = reader.string(harResponse, responsePath, u"_error"_s);
        if (message.isEmpty())
            message = reader.string(entry, path, u"_error"_s);
        exchange.error.message = message.isEmpty() ? u"No response was recorded"_s : message;
    }
    if (reader.failed())
        return false;
    exchange.request.name = ImportSupport::requestName(exchange.request.method, exchange.request.url);
    result.collection.requests.append(exchange.request);
    result.examples.append({RequestLocation {{}, result.collection.requests.size() - 1}, exchange});
    return true;
}

QByteArray withoutBom(const QByteArray &data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

} // namespace

QByteArray normalizeHttpVersion(const QString &version)
{
    const QString v = version.trimmed().toLower();
    if (v.isEmpty())
        return {};
    if (v == u"h2" || v == u"http/2" || v == u"http/2.0" || v == u"h2c")
        return "HTTP/2";
    if (v == u"h3" || v == u"http/3" || v == u"http/3.0" || v.startsWith(u"h3-"))
        return "HTTP/3";
    if (v == u"http/1.1")
        return "HTTP/1.1";
    if (v == u"http/1.0")
        return "HTTP/1.0";
    return version.trimmed().toUtf8();
}

bool looksLikeHar(const QByteArray &data)
{
    const QJsonDocument document = QJsonDocument::fromJson(withoutBom(data));
    return document.isObject() && document.object().value(u"log"_s).toObject().value(u"entries"_s).isArray();
}

ImportResult parse(const QByteArray &data, const QString &name)
{
    const QString format = u"har"_s;
    const QByteArray json = withoutBom(data);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ImportResult::failure(format, lineAndColumn(json, parseError.offset),
            u"not valid JSON: %1"_s.arg(parseError.errorString()));
    if (!document.isObject())
        return ImportResult::failure(
            format, QString(), u"not a HAR file: the JSON is not an object with a “log”"_s);
    Reader reader;
    const QJsonObject log
        = reader.member(document.object(), QString(), u"log"_s, QJsonValue::Object, true).toObject();
    const QJsonArray entries = reader.member(log, u"log"_s, u"entries"_s, QJsonValue::Array, true).toArray();
    if (reader.failed())
        return ImportResult::failure(format, reader.error().where, reader.error().message);
    ImportResult result;
    result.format = format;
    result.collection.name = name;
    // A bad entry is left out and the others are still read: the first problem is the import's error,
    // and what was read is a partial result the user may accept.
    for (qsizetype i = 0; i < entries.size(); ++i) {
        Reader entryReader;
        const qsizetype warnings = result.warnings.size();
        if (!readEntry(entryReader, entries.at(i), u"log.entries[%1]"_s.arg(i), result)) {
            result.warnings.resize(warnings);
            if (result.ok())
                result.error = entryReader.error();
        }
    }
    if (entries.isEmpty() && result.ok())
        result.warnings.append({u"log.entries"_s, u"the HAR file holds no requests"_s});
    return result;
}

} // namespace Sonde::HarImport
