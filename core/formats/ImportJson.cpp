#include "formats/ImportJson.h"

#include "formats/ImportSupport.h"
#include "model/ExchangeJson.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace Sonde::ImportJson {

namespace {

using namespace Qt::StringLiterals;

QJsonArray rows(const KeyValueList &list)
{
    QJsonArray array;
    for (const KeyValue &row : list) {
        QJsonObject object {{u"name"_s, row.key}, {u"value"_s, row.value}};
        if (!row.enabled)
            object.insert(u"enabled"_s, false);
        array.append(object);
    }
    return array;
}

void putBytes(QJsonObject &object, const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError() || bytes.contains('\0'))
        object.insert(u"base64"_s, QString::fromLatin1(bytes.toBase64()));
    else
        object.insert(u"text"_s, text);
}

QJsonValue bodyToJson(const Body &body)
{
    QJsonObject object;
    switch (body.kind) {
    case Body::Kind::None:
        return QJsonValue::Null;
    case Body::Kind::Raw:
        object = {{u"kind"_s, u"raw"_s}, {u"contentType"_s, body.contentType}};
        putBytes(object, body.data);
        break;
    case Body::Kind::FormUrlEncoded:
        object = {{u"kind"_s, u"form"_s}, {u"fields"_s, rows(body.fields)}};
        break;
    case Body::Kind::Multipart: {
        QJsonArray parts;
        for (const MultipartPart &part : body.parts) {
            QJsonObject p {{u"name"_s, part.name}};
            if (part.isFile()) {
                p.insert(u"file"_s, part.filePath);
                if (!part.fileName.isEmpty())
                    p.insert(u"fileName"_s, part.fileName);
            } else {
                p.insert(u"value"_s, part.value);
            }
            if (!part.contentType.isEmpty())
                p.insert(u"contentType"_s, part.contentType);
            if (!part.enabled)
                p.insert(u"enabled"_s, false);
            parts.append(p);
        }
        object = {{u"kind"_s, u"multipart"_s}, {u"parts"_s, parts}};
        break;
    }
    case Body::Kind::Binary:
        object = {{u"kind"_s, u"binary"_s}, {u"file"_s, body.filePath}, {u"contentType"_s, body.contentType}};
        break;
    case Body::Kind::GraphQL:
        object = {{u"kind"_s, u"graphql"_s}, {u"query"_s, body.graphqlQuery},
            {u"variables"_s, body.graphqlVariables}, {u"operationName"_s, body.graphqlOperationName},
            {u"useGet"_s, body.graphqlUseGet}};
        break;
    }
    return object;
}

QString versionName(HttpVersionPolicy policy)
{
    switch (policy) {
    case HttpVersionPolicy::Automatic:
        return u"auto"_s;
    case HttpVersionPolicy::Http1Only:
        return u"http1.1"_s;
    case HttpVersionPolicy::Http2PriorKnowledge:
        return u"http2-prior-knowledge"_s;
    }
    return u"auto"_s;
}

QJsonObject settingsToJson(const RequestSettings &settings)
{
    QJsonValue proxy = QJsonValue::Null;
    if (settings.proxy.mode == ProxySettings::Mode::System)
        proxy = u"system"_s;
    else if (settings.proxy.mode == ProxySettings::Mode::Custom)
        proxy = QJsonObject {{u"url"_s, settings.proxy.url}, {u"user"_s, settings.proxy.user}};
    return {{u"timeoutMs"_s, settings.timeoutMs}, {u"followRedirects"_s, settings.followRedirects},
        {u"maxRedirects"_s, settings.maxRedirects}, {u"ignoreTlsErrors"_s, settings.ignoreTlsErrors},
        {u"httpVersion"_s, versionName(settings.httpVersion)}, {u"proxy"_s, proxy}};
}

QJsonObject folderToJson(const ImportResult &result, const Folder &folder, const QList<qsizetype> &path)
{
    QJsonArray folders;
    for (qsizetype i = 0; i < folder.folders.size(); ++i)
        folders.append(folderToJson(result, folder.folders.at(i), QList<qsizetype>(path) << i));
    QJsonArray requests;
    for (qsizetype i = 0; i < folder.requests.size(); ++i)
        requests.append(requestToJson(folder.requests.at(i), result.exampleAt({path, i})));
    return {{u"name"_s, folder.name}, {u"folders"_s, folders}, {u"requests"_s, requests}};
}

} // namespace

QJsonValue authToJson(const KeyValueList &headers)
{
    const qsizetype index = ImportSupport::findHeader(headers, u"Authorization");
    if (index < 0)
        return QJsonValue::Null;
    const QString value = headers.at(index).value.trimmed();
    const QString scheme = value.section(u' ', 0, 0);
    const QString credentials = value.section(u' ', 1).trimmed();
    if (scheme.compare(u"Basic", Qt::CaseInsensitive) == 0) {
        const QString pair = QString::fromUtf8(QByteArray::fromBase64(credentials.toLatin1()));
        const qsizetype colon = pair.indexOf(u':');
        return QJsonObject {{u"type"_s, u"basic"_s}, {u"user"_s, colon < 0 ? pair : pair.left(colon)},
            {u"password"_s, colon < 0 ? QString() : pair.mid(colon + 1)}};
    }
    if (scheme.compare(u"Bearer", Qt::CaseInsensitive) == 0)
        return QJsonObject {{u"type"_s, u"bearer"_s}, {u"token"_s, credentials}};
    return QJsonObject {{u"type"_s, u"other"_s}, {u"scheme"_s, scheme}};
}

QJsonObject requestToJson(const Request &request, const Exchange *example)
{
    return {{u"name"_s, request.name}, {u"method"_s, request.method}, {u"url"_s, request.url},
        {u"headers"_s, rows(request.headers)}, {u"body"_s, bodyToJson(request.body)},
        {u"auth"_s, authToJson(request.headers)}, {u"settings"_s, settingsToJson(request.settings)},
        {u"example"_s, example ? QJsonValue(ExchangeJson::toJson(*example)) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject toJson(const ImportResult &result)
{
    QJsonObject object = folderToJson(result, result.collection, {});
    object.insert(u"format"_s, result.format);
    QJsonArray warnings;
    for (const ImportMessage &warning : result.warnings)
        warnings.append(QJsonObject {{u"where"_s, warning.where}, {u"message"_s, warning.message}});
    object.insert(u"warnings"_s, warnings);
    return object;
}

} // namespace Sonde::ImportJson
