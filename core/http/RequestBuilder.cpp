#include "http/RequestBuilder.h"

#include "auth/AuthApply.h"
#include "http/BodyStream.h"
#include "model/PathParams.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMimeDatabase>
#include <QRandomGenerator>

namespace Sonde {

namespace {

/// The enabled header `name` the user set, or a null QByteArray.
QByteArray userHeader(const Request &request, QByteArrayView name)
{
    for (const KeyValue &row : request.headers) {
        if (row.enabled && row.key.trimmed().toLatin1().compare(name, Qt::CaseInsensitive) == 0)
            return row.value.toUtf8();
    }
    return {};
}

/// The boundary parameter of a Content-Type value, or an empty QByteArray.
QByteArray boundaryOf(const QByteArray &contentType)
{
    for (const QByteArray &parameter : contentType.split(';')) {
        const QByteArray trimmed = parameter.trimmed();
        if (trimmed.size() > 9 && trimmed.first(9).compare("boundary=", Qt::CaseInsensitive) == 0) {
            QByteArray value = trimmed.mid(9);
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return {};
}

QByteArray newBoundary()
{
    static constexpr char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QByteArray boundary = "----SondeFormBoundary";
    for (int i = 0; i < 24; ++i)
        boundary += alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet) - 1)];
    return boundary;
}

/// A name or file name inside a Content-Disposition quoted string, escaped as browsers do (WHATWG).
QByteArray dispositionQuoted(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    utf8.replace('\r', "%0D").replace('\n', "%0A").replace('"', "%22");
    return '"' + utf8 + '"';
}

/// Checks that `path` names a readable regular file and returns its size, or -1 with `problem` set.
qint64 fileSize(const QString &path, QString *problem)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *problem = QStringLiteral("The file “%1” does not exist.").arg(path);
        return -1;
    }
    if (!info.isFile() || !info.isReadable()) {
        *problem = QStringLiteral("The file “%1” cannot be read.").arg(path);
        return -1;
    }
    return info.size();
}

void appendBytes(QList<BodySegment> &segments, const QByteArray &bytes)
{
    if (!segments.isEmpty() && segments.constLast().filePath.isEmpty()) {
        segments.last().bytes += bytes;
        segments.last().size += bytes.size();
        return;
    }
    segments.append({bytes, QString(), bytes.size()});
}

bool prepareMultipart(const Request &request, PreparedBody &prepared, QString *problem)
{
    const QByteArray userType = userHeader(request, "Content-Type");
    prepared.boundary = boundaryOf(userType);
    if (prepared.boundary.isEmpty())
        prepared.boundary = newBoundary();
    prepared.contentType = "multipart/form-data; boundary=" + prepared.boundary;

    QList<BodySegment> segments;
    bool hasFile = false;
    for (const MultipartPart &part : request.body.parts) {
        if (!part.enabled)
            continue;
        QByteArray head = "--" + prepared.boundary + "\r\nContent-Disposition: form-data; name="
            + dispositionQuoted(part.name);
        QString type = part.contentType;
        if (part.isFile()) {
            const qint64 size = fileSize(part.filePath, problem);
            if (size < 0)
                return false;
            const QString fileName = part.fileName.isEmpty() ? QFileInfo(part.filePath).fileName() : part.fileName;
            head += "; filename=" + dispositionQuoted(fileName);
            if (type.isEmpty())
                type = RequestBuilder::guessContentType(part.filePath);
            if (!type.isEmpty())
                head += "\r\nContent-Type: " + type.toUtf8();
            appendBytes(segments, head + "\r\n\r\n");
            segments.append({QByteArray(), part.filePath, size});
            appendBytes(segments, "\r\n");
            hasFile = true;
        } else {
            if (!type.isEmpty())
                head += "\r\nContent-Type: " + type.toUtf8();
            appendBytes(segments, head + "\r\n\r\n" + part.value.toUtf8() + "\r\n");
        }
    }
    appendBytes(segments, "--" + prepared.boundary + "--\r\n");
    for (const BodySegment &segment : std::as_const(segments))
        prepared.size += segment.size;
    // Without a file the whole body is small: it is sent (and recorded) from memory.
    if (hasFile)
        prepared.segments = segments;
    else
        prepared.bytes = segments.constFirst().bytes;
    return true;
}

QByteArray jsonString(const QString &text)
{
    // A one-element array is the simplest way to have QJsonDocument escape a lone string.
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

std::unique_ptr<QIODevice> PreparedBody::open() const
{
    std::unique_ptr<QIODevice> device;
    if (isStreamed()) {
        device = std::make_unique<BodyStream>(segments);
    } else {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(bytes);
        device = std::move(buffer);
    }
    device->open(QIODevice::ReadOnly);
    return device;
}

namespace RequestBuilder {

QUrl parseUrl(const QString &text, QString *problem)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *problem = QStringLiteral("The URL is empty.");
        return {};
    }
    // Like a browser's address bar: "example.com/x" means http://example.com/x.
    if (!trimmed.contains(QStringLiteral("://")))
        trimmed.prepend(QStringLiteral("http://"));
    QUrl url(trimmed, QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()) {
        *problem = QStringLiteral("“%1” is not a valid URL: %2").arg(text, url.errorString());
        return {};
    }
    if (scheme != u"http" && scheme != u"https") {
        *problem = QStringLiteral("Sonde sends HTTP and HTTPS requests; “%1” uses %2:.").arg(text, url.scheme());
        return {};
    }
    if (url.host().isEmpty()) {
        *problem = QStringLiteral("“%1” has no host name.").arg(text);
        return {};
    }
    // The fragment stays in the browser: it is never sent. User info is sent as Basic authorization
    // (see headers()), never as part of the URL.
    url.setFragment(QString());
    return url;
}

QByteArray formEncode(const QString &text)
{
    return text.toUtf8().toPercentEncoding("* ", "~").replace(' ', '+');
}

QByteArray formEncode(const KeyValueList &fields)
{
    QByteArray encoded;
    for (const KeyValue &field : fields) {
        if (!field.enabled)
            continue;
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += formEncode(field.key) + '=' + formEncode(field.value);
    }
    return encoded;
}

QByteArray graphqlJson(const Body &body, QString *problem)
{
    QByteArray json = "{\"query\":" + jsonString(body.graphqlQuery);
    if (!body.graphqlVariables.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument variables = QJsonDocument::fromJson(body.graphqlVariables.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !variables.isObject()) {
            *problem = error.error != QJsonParseError::NoError
                ? QStringLiteral("The GraphQL variables are not valid JSON: %1 (at character %2).")
                      .arg(error.errorString())
                      .arg(error.offset)
                : QStringLiteral("The GraphQL variables must be a JSON object.");
            return {};
        }
        json += ",\"variables\":" + variables.toJson(QJsonDocument::Compact);
    }
    if (!body.graphqlOperationName.isEmpty())
        json += ",\"operationName\":" + jsonString(body.graphqlOperationName);
    return json + '}';
}

QString guessContentType(const QString &filePath)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(filePath);
    return type.isValid() && !type.isDefault() ? type.name() : QStringLiteral("application/octet-stream");
}

QByteArray graphqlQuery(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QByteArrayList items;
    for (const char *key : {"query", "variables", "operationName"}) {
        const QJsonValue value = object.value(QLatin1StringView(key));
        if (value.isUndefined())
            continue;
        const QString text = value.isString()
            ? value.toString()
            : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        items.append(key + QByteArray("=") + formEncode(text));
    }
    return items.join('&');
}

PreparedRequest prepare(const Request &request)
{
    PreparedRequest prepared;
    const auto failed = [&prepared](TransportError::Kind kind, const QString &message) {
        prepared.error.kind = kind;
        prepared.error.message = message;
        return prepared;
    };
    const QString method = request.method.trimmed();
    if (!isValidMethod(method))
        return failed(TransportError::Kind::Other, QStringLiteral("“%1” is not a valid HTTP method.").arg(request.method));
    if (const QString headers = headerProblem(request.headers); !headers.isEmpty())
        return failed(TransportError::Kind::Other, headers);
    QString problem;
    prepared.url = parseUrl(PathParams::substitute(request.url, request.pathParams), &problem);
    if (!prepared.url.isValid())
        return failed(TransportError::Kind::InvalidUrl, problem);
    prepared.url.setUserInfo(QString());
    prepared.method = method.toLatin1();

    const Body &body = request.body;
    PreparedBody &out = prepared.body;
    out.present = body.kind != Body::Kind::None;
    switch (body.kind) {
    case Body::Kind::None:
        break;
    case Body::Kind::Raw:
        out.contentType = body.contentType.toUtf8();
        out.bytes = body.data;
        break;
    case Body::Kind::FormUrlEncoded:
        out.contentType = "application/x-www-form-urlencoded";
        out.bytes = formEncode(body.fields);
        break;
    case Body::Kind::Multipart:
        if (!prepareMultipart(request, out, &problem))
            return failed(TransportError::Kind::Other, problem);
        break;
    case Body::Kind::Binary: {
        if (body.filePath.isEmpty()) {
            problem = QStringLiteral("No file is chosen for the binary body.");
            return failed(TransportError::Kind::Other, problem);
        }
        const qint64 size = fileSize(body.filePath, &problem);
        if (size < 0)
            return failed(TransportError::Kind::Other, problem);
        out.contentType = (body.contentType.isEmpty() ? guessContentType(body.filePath) : body.contentType).toUtf8();
        out.segments.append({QByteArray(), body.filePath, size});
        out.size = size;
        break;
    }
    case Body::Kind::GraphQL: {
        const QByteArray json = graphqlJson(body, &problem);
        if (json.isEmpty())
            return failed(TransportError::Kind::Other, problem);
        if (!body.graphqlUseGet) {
            prepared.method = "POST";
            out.contentType = "application/json";
            out.bytes = json;
            break;
        }
        // GraphQL over HTTP: the same members as query parameters, the variables as JSON text.
        prepared.method = "GET";
        out.present = false;
        QByteArray query = prepared.url.query(QUrl::FullyEncoded).toLatin1();
        const QByteArray members = graphqlQuery(json);
        query += QByteArray(query.isEmpty() || members.isEmpty() ? "" : "&") + members;
        prepared.url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
        break;
    }
    }
    if (const QString authProblem = AuthApply::problem(request.auth); !authProblem.isEmpty())
        return failed(TransportError::Kind::Other, authProblem);
    prepared.url = AuthApply::withApiKeyQuery(prepared.url, request.auth);
    if (out.present && !out.isStreamed())
        out.size = out.bytes.size();
    return prepared;
}

HeaderList headers(const Request &request, const PreparedBody &body, bool sendBody, bool crossOriginHop)
{
    // The user's headers, in order; a repeated name is sent once with the values joined (RFC 9110 §5.3).
    HeaderList headers;
    for (const KeyValue &row : request.headers) {
        if (!row.enabled || row.key.trimmed().isEmpty())
            continue;
        const QByteArray name = row.key.trimmed().toLatin1();
        // Credentials are not carried to another origin on a redirect, as browsers and curl do.
        if (crossOriginHop && (name.compare("Authorization", Qt::CaseInsensitive) == 0
                               || name.compare("Cookie", Qt::CaseInsensitive) == 0))
            continue;
        const QByteArray value = row.value.toUtf8();
        auto existing = std::find_if(headers.begin(), headers.end(), [&name](const auto &header) {
            return header.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (existing != headers.end())
            existing->second += (name.compare("Cookie", Qt::CaseInsensitive) == 0 ? "; " : ", ") + value;
        else
            headers.append({name, value});
    }
    const auto addDefault = [&headers](QByteArrayView name, const QByteArray &value) {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return;
        }
        headers.append({name.toByteArray(), value});
    };
    // The auth's header, unless the user wrote one of that name; like the user's Authorization it is
    // not carried to another origin.
    if (!crossOriginHop) {
        const auto [authName, authValue] = AuthApply::header(request.auth);
        if (!authName.isEmpty())
            addDefault(authName, authValue);
    }
    if (sendBody && !body.boundary.isEmpty()) {
        // The user's multipart Content-Type wins, but the server cannot split the parts without a boundary.
        for (auto &header : headers) {
            if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0 && boundaryOf(header.second).isEmpty())
                header.second += "; boundary=" + body.boundary;
        }
    }
    if (sendBody && !body.contentType.isEmpty())
        addDefault("Content-Type", body.contentType);
    // `http://user:password@host/` means Basic credentials, sent at once as curl does; a user's own
    // Authorization header wins, and they stay with their origin on redirects.
    if (!crossOriginHop) {
        QString ignored;
        const QUrl url = parseUrl(request.url, &ignored);
        if (!url.userInfo().isEmpty()) {
            const QString credentials = url.userName(QUrl::FullyDecoded) + u':' + url.password(QUrl::FullyDecoded);
            addDefault("Authorization", "Basic " + credentials.toUtf8().toBase64());
        }
    }
    addDefault("User-Agent", QByteArrayLiteral("Sonde/" SONDE_VERSION));
    addDefault("Accept", "*/*");
    addDefault("Accept-Encoding", "gzip, deflate");
    return headers;
}

} // namespace RequestBuilder

} // namespace Sonde
