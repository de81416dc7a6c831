#include "formats/PostmanExport.h"

#include "formats/ImportSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace Sonde::PostmanExport {

namespace {

using namespace Qt::StringLiterals;

const QString Schema = u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s;

QJsonObject attribute(const QString &key, const QString &value)
{
    return {{u"key"_s, key}, {u"value"_s, value}, {u"type"_s, u"string"_s}};
}

/// Postman's auth object: `{"type": T, T: [{"key", "value", "type"}]}`; null for Inherit.
QJsonValue authToJson(const AuthConfig &auth)
{
    const auto make = [](const QString &type, const QList<std::pair<QString, QString>> &values) {
        QJsonArray params;
        for (const auto &[key, value] : values)
            params.append(attribute(key, value));
        return QJsonObject {{u"type"_s, type}, {type, params}};
    };
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
        return QJsonValue::Null;
    case AuthConfig::Type::None:
        return QJsonObject {{u"type"_s, u"noauth"_s}};
    case AuthConfig::Type::Basic:
        return make(u"basic"_s, {{u"username"_s, auth.basic.username}, {u"password"_s, auth.basic.password}});
    case AuthConfig::Type::Digest:
        return make(
            u"digest"_s, {{u"username"_s, auth.digest.username}, {u"password"_s, auth.digest.password}});
    case AuthConfig::Type::Ntlm:
        return make(u"ntlm"_s,
            {{u"username"_s, auth.ntlm.username}, {u"password"_s, auth.ntlm.password},
                {u"domain"_s, auth.ntlm.domain}});
    case AuthConfig::Type::Bearer:
        return make(u"bearer"_s, {{u"token"_s, auth.bearer.token}});
    case AuthConfig::Type::ApiKey:
        return make(u"apikey"_s,
            {{u"key"_s, auth.apiKey.name}, {u"value"_s, auth.apiKey.value},
                {u"in"_s, auth.apiKey.in == ApiKey::Location::Query ? u"query"_s : u"header"_s}});
    case AuthConfig::Type::AwsSigV4:
        return make(u"awsv4"_s,
            {{u"accessKey"_s, auth.aws.accessKey}, {u"secretKey"_s, auth.aws.secretKey},
                {u"sessionToken"_s, auth.aws.sessionToken}, {u"region"_s, auth.aws.region},
                {u"service"_s, auth.aws.service}});
    case AuthConfig::Type::OAuth2: {
        const OAuth2 &o = auth.oauth2;
        QString grant = u"authorization_code"_s;
        if (o.grant == OAuth2::Grant::ClientCredentials)
            grant = u"client_credentials"_s;
        else if (o.grant == OAuth2::Grant::Password)
            grant = u"password_credentials"_s;
        else if (o.grant == OAuth2::Grant::Implicit)
            grant = u"implicit"_s;
        return make(u"oauth2"_s,
            {{u"grant_type"_s, grant}, {u"authUrl"_s, o.authUrl}, {u"accessTokenUrl"_s, o.tokenUrl},
                {u"clientId"_s, o.clientId}, {u"clientSecret"_s, o.clientSecret}, {u"scope"_s, o.scope},
                {u"username"_s, o.username}, {u"password"_s, o.password}, {u"accessToken"_s, o.accessToken},
                {u"headerPrefix"_s, o.headerPrefix},
                {u"client_authentication"_s,
                    o.clientAuth == OAuth2::ClientAuth::Post ? u"body"_s : u"header"_s},
                {u"addTokenTo"_s, u"header"_s}});
    }
    }
    return QJsonValue::Null;
}

/// `where` names the owner in warnings ("Collection/Folder").
QJsonArray variablesToJson(const VariableList &variables, const QString &where, QStringList *warnings)
{
    QJsonArray array;
    for (const Variable &variable : variables) {
        // The v2.1 schema's variable types are string, boolean, any and number: a secret one is a
        // string there (Postman's own "secret" type does not validate).
        QJsonObject object {{u"key"_s, variable.name}, {u"value"_s, variable.value}, {u"type"_s, u"string"_s}};
        if (variable.secret && warnings)
            warnings->append(where
                + u": the variable “%1” is written as a plain string: Postman collection v2.1 has no secret variables"_s
                      .arg(variable.name));
        if (!variable.enabled)
            object.insert(u"disabled"_s, true);
        array.append(object);
    }
    return array;
}

QJsonObject row(const KeyValue &row)
{
    QJsonObject object {{u"key"_s, row.key}, {u"value"_s, row.value}};
    if (!row.enabled)
        object.insert(u"disabled"_s, true);
    return object;
}

/// The URL object: `raw` is what PostmanImport reads; host, path and query are there for Postman.
QJsonObject urlToJson(const Request &request)
{
    QJsonObject url {{u"raw"_s, request.url}};
    QString rest = request.url.section(u'#', 0, 0).section(u'?', 0, 0);
    if (const qsizetype scheme = rest.indexOf(u"://"); scheme > 0) {
        url.insert(u"protocol"_s, rest.left(scheme));
        rest = rest.mid(scheme + 3);
    }
    const qsizetype slash = rest.indexOf(u'/');
    QString host = slash < 0 ? rest : rest.left(slash);
    if (const qsizetype colon = host.lastIndexOf(u':'); colon > 0 && !host.endsWith(u"}}")) {
        url.insert(u"port"_s, host.mid(colon + 1));
        host = host.left(colon);
    }
    url.insert(u"host"_s, QJsonArray::fromStringList(host.split(u'.')));
    if (slash >= 0)
        url.insert(u"path"_s, QJsonArray::fromStringList(rest.mid(slash + 1).split(u'/')));
    QJsonArray query;
    for (const KeyValue &param : request.params)
        query.append(row(param));
    if (!query.isEmpty())
        url.insert(u"query"_s, query);
    QJsonArray variables;
    for (const KeyValue &param : request.pathParams)
        variables.append(row(param));
    if (!variables.isEmpty())
        url.insert(u"variable"_s, variables);
    return url;
}

/// Postman's language for a raw body's media type; empty when it has none for it.
QString rawLanguage(const QString &contentType)
{
    const QString type = ImportSupport::mediaType(contentType);
    if (type == u"application/json")
        return u"json"_s;
    if (type == u"application/xml")
        return u"xml"_s;
    if (type == u"text/html")
        return u"html"_s;
    if (type == u"application/javascript")
        return u"javascript"_s;
    if (type == u"text/plain")
        return u"text"_s;
    return {};
}

class Writer
{
public:
    explicit Writer(QStringList *warnings)
        : m_warnings(warnings)
    { }

    QJsonArray items(const Folder &folder, const QString &path);

private:
    void warn(const QString &where, const QString &message)
    {
        if (m_warnings)
            m_warnings->append(where + u": "_s + message);
    }
    QJsonObject request(const Request &request, const QString &path);
    QJsonValue body(const Request &request, QJsonArray &headers, const QString &path);

    QStringList *m_warnings;
};

QJsonValue Writer::body(const Request &request, QJsonArray &headers, const QString &path)
{
    const Body &body = request.body;
    // The body's type travels as a Content-Type header when Postman has no language for it.
    const auto typeHeader = [&headers](const QString &type) {
        if (!type.isEmpty())
            headers.append(QJsonObject {{u"key"_s, u"Content-Type"_s}, {u"value"_s, type}});
    };
    switch (body.kind) {
    case Body::Kind::None:
        return QJsonValue::Null;
    case Body::Kind::Raw: {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(body.data);
        if (decoder.hasError())
            warn(path, u"the body is not UTF-8 text: its bytes are not written faithfully"_s);
        QJsonObject object {{u"mode"_s, u"raw"_s}, {u"raw"_s, text}};
        const QString language = rawLanguage(body.contentType);
        if (!language.isEmpty() && ImportSupport::mediaType(body.contentType) == body.contentType)
            object.insert(u"options"_s, QJsonObject {{u"raw"_s, QJsonObject {{u"language"_s, language}}}});
        else
            typeHeader(body.contentType);
        return object;
    }
    case Body::Kind::FormUrlEncoded: {
        QJsonArray fields;
        for (const KeyValue &field : body.fields)
            fields.append(row(field));
        return QJsonObject {{u"mode"_s, u"urlencoded"_s}, {u"urlencoded"_s, fields}};
    }
    case Body::Kind::Multipart: {
        QJsonArray parts;
        for (const MultipartPart &part : body.parts) {
            QJsonObject object {{u"key"_s, part.name}};
            if (part.isFile()) {
                object.insert(u"type"_s, u"file"_s);
                object.insert(u"src"_s, part.filePath);
                if (!part.fileName.isEmpty())
                    warn(path,
                        u"the file name “%1” announced for the part “%2” is left out: Postman sends the file's own"_s
                            .arg(part.fileName, part.name));
            } else {
                object.insert(u"type"_s, u"text"_s);
                object.insert(u"value"_s, part.value);
            }
            if (!part.contentType.isEmpty())
                object.insert(u"contentType"_s, part.contentType);
            if (!part.enabled)
                object.insert(u"disabled"_s, true);
            parts.append(object);
        }
        return QJsonObject {{u"mode"_s, u"formdata"_s}, {u"formdata"_s, parts}};
    }
    case Body::Kind::Binary:
        typeHeader(body.contentType);
        return QJsonObject {{u"mode"_s, u"file"_s}, {u"file"_s, QJsonObject {{u"src"_s, body.filePath}}}};
    case Body::Kind::GraphQL:
        if (!body.graphqlOperationName.isEmpty())
            warn(path, u"the GraphQL operation name is left out: Postman has no place for it"_s);
        if (body.graphqlUseGet)
            warn(path, u"the GraphQL query is written as a POST body: Postman has no GET mode for it"_s);
        return QJsonObject {{u"mode"_s, u"graphql"_s},
            {u"graphql"_s,
                QJsonObject {{u"query"_s, body.graphqlQuery}, {u"variables"_s, body.graphqlVariables}}}};
    }
    return QJsonValue::Null;
}

QJsonObject Writer::request(const Request &request, const QString &path)
{
    QJsonArray headers;
    for (const KeyValue &header : request.headers)
        headers.append(row(header));
    QJsonObject object {{u"method"_s, request.method}};
    const QJsonValue body = this->body(request, headers, path);
    object.insert(u"header"_s, headers);
    if (!body.isNull())
        object.insert(u"body"_s, body);
    object.insert(u"url"_s, urlToJson(request));
    if (const QJsonValue auth = authToJson(request.auth); !auth.isNull())
        object.insert(u"auth"_s, auth);
    if (!request.description.isEmpty())
        object.insert(u"description"_s, request.description);

    QJsonObject item {{u"name"_s, request.name}, {u"request"_s, object}, {u"response"_s, QJsonArray()}};
    if (!request.variables.isEmpty())
        item.insert(u"variable"_s, variablesToJson(request.variables, path, m_warnings));
    const RequestSettings &settings = request.settings;
    const RequestSettings defaults;
    QJsonObject behavior;
    if (settings.followRedirects != defaults.followRedirects)
        behavior.insert(u"followRedirects"_s, settings.followRedirects);
    if (settings.maxRedirects != defaults.maxRedirects)
        behavior.insert(u"maxRedirects"_s, settings.maxRedirects);
    if (settings.ignoreTlsErrors)
        behavior.insert(u"strictSSL"_s, false);
    if (!settings.sendCookies)
        behavior.insert(u"disableCookies"_s, true);
    if (!behavior.isEmpty())
        item.insert(u"protocolProfileBehavior"_s, behavior);
    if (settings.timeoutMs != defaults.timeoutMs)
        warn(path, u"the time limit is left out: Postman sets it for all requests"_s);
    if (!(settings.proxy == defaults.proxy))
        warn(path, u"the proxy is left out: Postman sets it for all requests"_s);
    if (settings.httpVersion != defaults.httpVersion)
        warn(path, u"the HTTP version is left out"_s);
    if (!request.captures.isEmpty())
        warn(path, u"the response captures are left out: Postman does that in test scripts"_s);
    return item;
}

QJsonArray Writer::items(const Folder &folder, const QString &path)
{
    QJsonArray array;
    for (const Folder &child : folder.folders) {
        const QString where = path + child.name;
        QJsonObject object {{u"name"_s, child.name}, {u"item"_s, items(child, where + u'/')}};
        if (!child.description.isEmpty())
            object.insert(u"description"_s, child.description);
        if (const QJsonValue auth = authToJson(child.auth); !auth.isNull())
            object.insert(u"auth"_s, auth);
        if (!child.variables.isEmpty())
            object.insert(u"variable"_s, variablesToJson(child.variables, where, m_warnings));
        if (!child.headers.isEmpty())
            warn(where, u"the folder's default headers are left out: Postman folders have none"_s);
        array.append(object);
    }
    for (const Request &request : folder.requests)
        array.append(this->request(request, path + request.name));
    return array;
}

} // namespace

QByteArray toJson(const Folder &collection, QStringList *warnings)
{
    Writer writer(warnings);
    QJsonObject info {{u"name"_s, collection.name}, {u"schema"_s, Schema}};
    if (!collection.description.isEmpty())
        info.insert(u"description"_s, collection.description);
    QJsonObject root {{u"info"_s, info}, {u"item"_s, writer.items(collection, collection.name + u'/')}};
    if (const QJsonValue auth = authToJson(collection.auth); !auth.isNull())
        root.insert(u"auth"_s, auth);
    if (!collection.variables.isEmpty())
        root.insert(u"variable"_s, variablesToJson(collection.variables, collection.name, warnings));
    if (!collection.headers.isEmpty() && warnings)
        warnings->append(collection.name
            + u": the collection's default headers are left out: Postman collections have none"_s);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Sonde::PostmanExport
