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
    if (settings.proxy.mode == ProxySettings::Mode::None)
        proxy = u"none"_s;
    else if (settings.proxy.mode == ProxySettings::Mode::System)
        proxy = u"system"_s;
    else if (settings.proxy.mode == ProxySettings::Mode::Custom)
        proxy = QJsonObject {{u"url"_s, settings.proxy.url}, {u"user"_s, settings.proxy.user}};
    return {{u"timeoutMs"_s, settings.timeoutMs}, {u"followRedirects"_s, settings.followRedirects},
        {u"maxRedirects"_s, settings.maxRedirects}, {u"ignoreTlsErrors"_s, settings.ignoreTlsErrors},
        {u"httpVersion"_s, versionName(settings.httpVersion)}, {u"proxy"_s, proxy}};
}

QJsonArray variablesToJson(const VariableList &variables)
{
    QJsonArray array;
    for (const Variable &variable : variables) {
        QJsonObject object {{u"name"_s, variable.name}, {u"value"_s, variable.value}};
        if (!variable.enabled)
            object.insert(u"enabled"_s, false);
        if (variable.secret)
            object.insert(u"secret"_s, true);
        array.append(object);
    }
    return array;
}

QJsonValue authConfigToJson(const AuthConfig &auth);

QJsonObject folderToJson(const ImportResult &result, const Folder &folder, const QList<qsizetype> &path)
{
    QJsonArray folders;
    for (qsizetype i = 0; i < folder.folders.size(); ++i)
        folders.append(folderToJson(result, folder.folders.at(i), QList<qsizetype>(path) << i));
    QJsonArray requests;
    for (qsizetype i = 0; i < folder.requests.size(); ++i)
        requests.append(requestToJson(folder.requests.at(i), result.exampleAt({path, i})));
    QJsonObject object {{u"name"_s, folder.name}, {u"folders"_s, folders}, {u"requests"_s, requests}};
    if (!folder.description.isEmpty())
        object.insert(u"description"_s, folder.description);
    if (!folder.variables.isEmpty())
        object.insert(u"variables"_s, variablesToJson(folder.variables));
    if (folder.auth.type != AuthConfig::Type::Inherit)
        object.insert(u"auth"_s, authConfigToJson(folder.auth));
    return object;
}

QJsonValue authConfigToJson(const AuthConfig &auth)
{
    QJsonObject object {{u"type"_s, AuthConfig::typeName(auth.type)}};
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
    case AuthConfig::Type::None:
        break;
    case AuthConfig::Type::Basic:
        object.insert(u"user"_s, auth.basic.username);
        object.insert(u"password"_s, auth.basic.password);
        break;
    case AuthConfig::Type::Digest:
        object.insert(u"user"_s, auth.digest.username);
        object.insert(u"password"_s, auth.digest.password);
        break;
    case AuthConfig::Type::Ntlm:
        object.insert(u"user"_s, auth.ntlm.username);
        object.insert(u"password"_s, auth.ntlm.password);
        object.insert(u"domain"_s, auth.ntlm.domain);
        break;
    case AuthConfig::Type::Bearer:
        object.insert(u"token"_s, auth.bearer.token);
        object.insert(u"prefix"_s, auth.bearer.prefix);
        break;
    case AuthConfig::Type::ApiKey:
        object.insert(u"name"_s, auth.apiKey.name);
        object.insert(u"value"_s, auth.apiKey.value);
        object.insert(u"in"_s, auth.apiKey.in == ApiKey::Location::Header ? u"header"_s : u"query"_s);
        break;
    case AuthConfig::Type::AwsSigV4:
        object.insert(u"accessKey"_s, auth.aws.accessKey);
        object.insert(u"secretKey"_s, auth.aws.secretKey);
        object.insert(u"sessionToken"_s, auth.aws.sessionToken);
        object.insert(u"region"_s, auth.aws.region);
        object.insert(u"service"_s, auth.aws.service);
        break;
    case AuthConfig::Type::OAuth2: {
        static const QStringList grants {
            u"authorization_code"_s, u"client_credentials"_s, u"password"_s, u"device_code"_s, u"implicit"_s};
        const OAuth2 &o = auth.oauth2;
        object.insert(u"grant"_s, grants.value(int(o.grant)));
        object.insert(u"tokenUrl"_s, o.tokenUrl);
        object.insert(u"accessToken"_s, o.accessToken);
        // The other settings only when set, so that the output of formats without them stays as it was.
        const std::pair<QString, QString> optional[] {{u"authUrl"_s, o.authUrl},
            {u"deviceAuthUrl"_s, o.deviceAuthUrl}, {u"clientId"_s, o.clientId},
            {u"clientSecret"_s, o.clientSecret}, {u"scope"_s, o.scope}, {u"username"_s, o.username},
            {u"password"_s, o.password}};
        for (const auto &[key, value] : optional) {
            if (!value.isEmpty())
                object.insert(key, value);
        }
        break;
    }
    }
    return object;
}

} // namespace

QJsonValue authToJson(const Request &request)
{
    if (request.auth.type != AuthConfig::Type::Inherit)
        return authConfigToJson(request.auth);
    const KeyValueList &headers = request.headers;
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
    QJsonObject object {{u"name"_s, request.name}, {u"method"_s, request.method}, {u"url"_s, request.url},
        {u"headers"_s, rows(request.headers)}, {u"body"_s, bodyToJson(request.body)},
        {u"auth"_s, authToJson(request)}, {u"settings"_s, settingsToJson(request.settings)},
        {u"example"_s, example ? QJsonValue(ExchangeJson::toJson(*example)) : QJsonValue(QJsonValue::Null)}};
    // Shown only when set, so that the output of formats without them stays as it was.
    KeyValueList disabledParams;
    for (const KeyValue &param : request.params) {
        if (!param.enabled)
            disabledParams.append(param);
    }
    if (!disabledParams.isEmpty())
        object.insert(u"disabledParams"_s, rows(disabledParams));
    if (!request.pathParams.isEmpty())
        object.insert(u"pathParams"_s, rows(request.pathParams));
    if (!request.variables.isEmpty())
        object.insert(u"variables"_s, variablesToJson(request.variables));
    if (!request.description.isEmpty())
        object.insert(u"description"_s, request.description);
    return object;
}

QJsonObject toJson(const ImportResult &result)
{
    QJsonObject object = folderToJson(result, result.collection, {});
    object.insert(u"format"_s, result.format);
    if (!result.environments.isEmpty()) {
        QJsonArray environments;
        for (const Environment &environment : result.environments)
            environments.append(QJsonObject {
                {u"name"_s, environment.name}, {u"variables"_s, variablesToJson(environment.variables)}});
        object.insert(u"environments"_s, environments);
    }
    if (!result.globals.isEmpty())
        object.insert(u"globals"_s, variablesToJson(result.globals));

    QJsonArray warnings;
    for (const ImportMessage &warning : result.warnings)
        warnings.append(QJsonObject {{u"where"_s, warning.where}, {u"message"_s, warning.message}});
    object.insert(u"warnings"_s, warnings);
    return object;
}

} // namespace Sonde::ImportJson
