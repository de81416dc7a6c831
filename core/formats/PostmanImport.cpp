#include "formats/PostmanImport.h"

#include "formats/ImportSupport.h"
#include "model/PathParams.h"
#include "model/QueryParams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <utility>

namespace Sonde::PostmanImport {

namespace {

using namespace Qt::StringLiterals;

const QString Format = u"postman"_s;

/// A scalar as Postman's own code reads it: strings as they are, numbers and booleans as text.
QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() || value.isBool())
        return value.toVariant().toString();
    return {};
}

/// A description is a string, or an object with `content` (v2.1 and v2.0).
QString description(const QJsonValue &value)
{
    if (value.isObject())
        return text(value.toObject().value(u"content"_s));
    return text(value);
}

QString schemaOf(const QJsonObject &root)
{
    return root.value(u"info"_s).toObject().value(u"schema"_s).toString();
}

/// The media type of a raw body in Postman's language menu.
QString rawLanguageType(const QString &language)
{
    static const QList<std::pair<QString, QString>> types {{u"json"_s, u"application/json"_s},
        {u"xml"_s, u"application/xml"_s}, {u"html"_s, u"text/html"_s},
        {u"javascript"_s, u"application/javascript"_s}, {u"text"_s, u"text/plain"_s}};
    for (const auto &[name, type] : types) {
        if (language.compare(name, Qt::CaseInsensitive) == 0)
            return type;
    }
    return {};
}

class Reader
{
public:
    explicit Reader(ImportResult &result)
        : m_result(result)
    { }

    bool collection(const QJsonObject &root, const QString &fallbackName);
    void environment(const QJsonObject &root, const QString &fallbackName);

private:
    void warn(const QString &where, const QString &message) { m_result.warnings.append({where, message}); }
    /// Keeps the first problem: later ones are in items that are left out as well.
    bool fail(const QString &where, const QString &message)
    {
        if (m_result.ok())
            m_result.error = {where, message};
        return false;
    }

    bool items(
        const QJsonValue &value, const QString &path, Folder &folder, const QList<qsizetype> &location);
    bool folder(
        const QJsonObject &item, const QString &path, Folder &folder, const QList<qsizetype> &location);
    bool request(const QJsonObject &item, const QString &path, Request &request);
    bool requestFields(const QJsonValue &value, const QString &path, Request &request);
    bool url(const QJsonValue &value, const QString &path, Request &request);
    KeyValueList headers(const QJsonValue &value, const QString &path);
    void body(const QJsonObject &body, const QString &path, Request &request);
    AuthConfig auth(const QJsonValue &value, const QString &path);
    VariableList variables(const QJsonValue &value, const QString &path);
    QString scripts(const QJsonValue &events, const QString &path);
    void settings(const QJsonValue &value, RequestSettings &settings);
    void examples(const QJsonValue &value, const QString &path, const Request &request,
        const RequestLocation &location);

    ImportResult &m_result;
};

VariableList Reader::variables(const QJsonValue &value, const QString &path)
{
    VariableList list;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QString name = text(object.value(u"key"_s)).isEmpty() ? text(object.value(u"id"_s))
                                                                    : text(object.value(u"key"_s));
        if (name.isEmpty()) {
            warn(u"%1[%2]"_s.arg(path).arg(i), u"a variable without a name is left out"_s);
            continue;
        }
        Variable variable {name, text(object.value(u"value"_s)), true, false};
        // Collections say "disabled": true; environments "enabled": false.
        variable.enabled = !object.value(u"disabled"_s).toBool() && object.value(u"enabled"_s).toBool(true);
        variable.secret = object.value(u"type"_s).toString() == u"secret";
        list.append(variable);
    }
    return list;
}

QString Reader::scripts(const QJsonValue &events, const QString &path)
{
    QStringList kept;
    const QJsonArray array = events.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject event = array.at(i).toObject();
        const QJsonValue exec = event.value(u"script"_s).toObject().value(u"exec"_s);
        QString code;
        if (exec.isArray()) {
            QStringList lines;
            for (const QJsonValue &line : exec.toArray())
                lines.append(line.toString());
            code = lines.join(u'\n');
        } else {
            code = exec.toString();
        }
        if (code.trimmed().isEmpty())
            continue;
        const QString listen = event.value(u"listen"_s).toString();
        const QString what = listen == u"prerequest" ? u"pre-request script"_s
            : listen == u"test"                      ? u"test script"_s
                                                     : u"“%1” script"_s.arg(listen);
        warn(u"%1[%2]"_s.arg(path).arg(i),
            u"the Postman %1 is kept as text in the description; Sonde does not run it"_s.arg(what));
        kept.append(u"Postman %1 (not run by Sonde):\n\n```javascript\n%2\n```"_s.arg(what, code));
    }
    return kept.join(u"\n\n"_s);
}

/// Postman's auth parameters: v2.1 writes `[{"key", "value"}]`, v2.0 an object of the values.
QString authParam(const QJsonValue &params, const QString &key)
{
    if (params.isObject())
        return text(params.toObject().value(key));
    for (const QJsonValue &entry : params.toArray()) {
        const QJsonObject object = entry.toObject();
        if (object.value(u"key"_s).toString() == key)
            return text(object.value(u"value"_s));
    }
    return {};
}

AuthConfig Reader::auth(const QJsonValue &value, const QString &path)
{
    AuthConfig auth;
    if (value.isUndefined() || value.isNull())
        return auth;
    const QJsonObject object = value.toObject();
    const QString type = object.value(u"type"_s).toString();
    const QJsonValue params = object.value(type);
    const auto param = [&params](const QString &key) {
        return authParam(params, key);
    };
    if (type == u"noauth") {
        auth.type = AuthConfig::Type::None;
    } else if (type == u"basic") {
        auth.type = AuthConfig::Type::Basic;
        auth.basic = {param(u"username"_s), param(u"password"_s)};
    } else if (type == u"digest") {
        auth.type = AuthConfig::Type::Digest;
        auth.digest = {param(u"username"_s), param(u"password"_s)};
    } else if (type == u"ntlm") {
        auth.type = AuthConfig::Type::Ntlm;
        auth.ntlm = {param(u"username"_s), param(u"password"_s), param(u"domain"_s)};
    } else if (type == u"bearer") {
        auth.type = AuthConfig::Type::Bearer;
        auth.bearer.token = param(u"token"_s);
    } else if (type == u"apikey") {
        auth.type = AuthConfig::Type::ApiKey;
        auth.apiKey.name = param(u"key"_s);
        auth.apiKey.value = param(u"value"_s);
        auth.apiKey.in = param(u"in"_s) == u"query" ? ApiKey::Location::Query : ApiKey::Location::Header;
    } else if (type == u"awsv4") {
        auth.type = AuthConfig::Type::AwsSigV4;
        auth.aws = {param(u"accessKey"_s), param(u"secretKey"_s), param(u"sessionToken"_s),
            param(u"region"_s), param(u"service"_s)};
    } else if (type == u"oauth2") {
        auth.type = AuthConfig::Type::OAuth2;
        OAuth2 &o = auth.oauth2;
        const QString grant = param(u"grant_type"_s);
        if (grant == u"client_credentials")
            o.grant = OAuth2::Grant::ClientCredentials;
        else if (grant == u"password_credentials")
            o.grant = OAuth2::Grant::Password;
        else if (grant == u"implicit")
            o.grant = OAuth2::Grant::Implicit;
        o.authUrl = param(u"authUrl"_s);
        o.tokenUrl = param(u"accessTokenUrl"_s);
        o.clientId = param(u"clientId"_s);
        o.clientSecret = param(u"clientSecret"_s);
        o.scope = param(u"scope"_s);
        o.username = param(u"username"_s);
        o.password = param(u"password"_s);
        o.accessToken = param(u"accessToken"_s);
        if (const QString prefix = param(u"headerPrefix"_s); !prefix.isEmpty())
            o.headerPrefix = prefix;
        if (param(u"client_authentication"_s) == u"body")
            o.clientAuth = OAuth2::ClientAuth::Post;
        if (param(u"addTokenTo"_s) == u"queryParams")
            warn(path, u"the OAuth 2.0 token is sent in the Authorization header, not in the query"_s);
    } else {
        auth.type = AuthConfig::Type::None;
        warn(path,
            u"“%1” authentication is not supported by Sonde: the requests it covers are sent without auth"_s
                .arg(type));
    }
    return auth;
}

KeyValueList Reader::headers(const QJsonValue &value, const QString &path)
{
    KeyValueList list;
    if (value.isString()) {
        // v2.0 allows the headers as one "Name: value" line each.
        for (const QString &line : value.toString().split(u'\n', Qt::SkipEmptyParts)) {
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                list.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), true});
        }
        return list;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject row = array.at(i).toObject();
        const QString key = text(row.value(u"key"_s));
        if (key.isEmpty()) {
            warn(u"%1[%2]"_s.arg(path).arg(i), u"a header without a name is left out"_s);
            continue;
        }
        list.append({key, text(row.value(u"value"_s)), !row.value(u"disabled"_s).toBool()});
    }
    return list;
}

/// The URL text of a v2 URL object without `raw`: what Postman would show for its parts.
QString urlFromParts(const QJsonObject &object)
{
    const auto joined = [](const QJsonValue &value, QChar separator) {
        if (!value.isArray())
            return text(value);
        QStringList parts;
        for (const QJsonValue &part : value.toArray())
            parts.append(part.isObject() ? text(part.toObject().value(u"value"_s)) : text(part));
        return parts.join(separator);
    };
    QString url;
    if (const QString protocol = text(object.value(u"protocol"_s)); !protocol.isEmpty())
        url += protocol + u"://"_s;
    url += joined(object.value(u"host"_s), u'.');
    if (const QString port = text(object.value(u"port"_s)); !port.isEmpty())
        url += u':' + port;
    const QString path = joined(object.value(u"path"_s), u'/');
    if (!path.isEmpty())
        url += (path.startsWith(u'/') ? QString() : u"/"_s) + path;
    QStringList query;
    for (const QJsonValue &entry : object.value(u"query"_s).toArray()) {
        const QJsonObject param = entry.toObject();
        if (param.value(u"disabled"_s).toBool())
            continue;
        const QJsonValue value = param.value(u"value"_s);
        query.append(
            value.isNull() ? text(param.value(u"key"_s)) : text(param.value(u"key"_s)) + u'=' + text(value));
    }
    if (!query.isEmpty())
        url += u'?' + query.join(u'&');
    if (const QString hash = text(object.value(u"hash"_s)); !hash.isEmpty())
        url += u'#' + hash;
    return url;
}

bool Reader::url(const QJsonValue &value, const QString &path, Request &request)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isString()) {
        request.url = value.toString();
        request.params = QueryParams::parse(request.url);
        request.pathParams = PathParams::mergeFromUrl({}, request.url);
        return true;
    }
    if (!value.isObject())
        return fail(path, u"the URL is neither text nor an object"_s);
    const QJsonObject object = value.toObject();
    request.url = object.contains(u"raw"_s) ? text(object.value(u"raw"_s)) : urlFromParts(object);
    request.params = QueryParams::parse(request.url);
    // The disabled query rows are only in `query`; they go after the enabled ones.
    for (const QJsonValue &entry : object.value(u"query"_s).toArray()) {
        const QJsonObject param = entry.toObject();
        if (param.value(u"disabled"_s).toBool())
            request.params.append({text(param.value(u"key"_s)), text(param.value(u"value"_s)), false});
    }
    KeyValueList values;
    for (const QJsonValue &entry : object.value(u"variable"_s).toArray()) {
        const QJsonObject variable = entry.toObject();
        values.append({text(variable.value(u"key"_s)), text(variable.value(u"value"_s)),
            !variable.value(u"disabled"_s).toBool()});
    }
    request.pathParams = PathParams::mergeFromUrl(values, request.url);
    return true;
}

void Reader::body(const QJsonObject &object, const QString &path, Request &request)
{
    Body &body = request.body;
    const QString mode = object.value(u"mode"_s).toString();
    if (object.value(u"disabled"_s).toBool()) {
        warn(path, u"the “%1” body is disabled in Postman: it is left out"_s.arg(mode));
        return;
    }
    if (mode == u"raw") {
        body.kind = Body::Kind::Raw;
        body.data = text(object.value(u"raw"_s)).toUtf8();
        const QString language = object.value(u"options"_s)
                                     .toObject()
                                     .value(u"raw"_s)
                                     .toObject()
                                     .value(u"language"_s)
                                     .toString();
        body.contentType = rawLanguageType(language);
        if (body.contentType.isEmpty())
            body.contentType = u"text/plain"_s;
    } else if (mode == u"urlencoded") {
        body.kind = Body::Kind::FormUrlEncoded;
        for (const QJsonValue &entry : object.value(u"urlencoded"_s).toArray()) {
            const QJsonObject field = entry.toObject();
            body.fields.append({text(field.value(u"key"_s)), text(field.value(u"value"_s)),
                !field.value(u"disabled"_s).toBool()});
        }
    } else if (mode == u"formdata") {
        body.kind = Body::Kind::Multipart;
        const QJsonArray parts = object.value(u"formdata"_s).toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QJsonObject entry = parts.at(i).toObject();
            MultipartPart part;
            part.name = text(entry.value(u"key"_s));
            part.contentType = text(entry.value(u"contentType"_s));
            part.enabled = !entry.value(u"disabled"_s).toBool();
            if (entry.value(u"type"_s).toString() == u"file") {
                QJsonValue src = entry.value(u"src"_s);
                if (src.isArray()) {
                    const QJsonArray files = src.toArray();
                    if (files.size() > 1)
                        warn(u"%1.formdata[%2].src"_s.arg(path).arg(i),
                            u"the part names several files; only the first is kept"_s);
                    src = files.isEmpty() ? QJsonValue() : files.first();
                }
                part.filePath = text(src);
                if (part.filePath.isEmpty())
                    warn(u"%1.formdata[%2]"_s.arg(path).arg(i),
                        u"the file part names no file: it is kept as an empty text part"_s);
            } else {
                part.value = text(entry.value(u"value"_s));
            }
            body.parts.append(part);
        }
    } else if (mode == u"file") {
        body.kind = Body::Kind::Binary;
        body.filePath = text(object.value(u"file"_s).toObject().value(u"src"_s));
        if (body.filePath.isEmpty())
            warn(path, u"the file body names no file"_s);
    } else if (mode == u"graphql") {
        body.kind = Body::Kind::GraphQL;
        const QJsonObject graphql = object.value(u"graphql"_s).toObject();
        body.graphqlQuery = text(graphql.value(u"query"_s));
        const QJsonValue variables = graphql.value(u"variables"_s);
        body.graphqlVariables = variables.isObject()
            ? QString::fromUtf8(QJsonDocument(variables.toObject()).toJson(QJsonDocument::Indented))
            : text(variables);
        body.graphqlOperationName = text(graphql.value(u"operationName"_s));
    } else if (!mode.isEmpty()) {
        warn(path, u"the body mode “%1” is unknown: the body is left out"_s.arg(mode));
    }
}

void Reader::settings(const QJsonValue &value, RequestSettings &settings)
{
    const QJsonObject object = value.toObject();
    if (object.value(u"followRedirects"_s).isBool())
        settings.followRedirects = object.value(u"followRedirects"_s).toBool();
    if (object.value(u"maxRedirects"_s).isDouble())
        settings.maxRedirects = object.value(u"maxRedirects"_s).toInt();
    if (object.value(u"strictSSL"_s).isBool())
        settings.ignoreTlsErrors = !object.value(u"strictSSL"_s).toBool();
    if (object.value(u"disableCookies"_s).isBool())
        settings.sendCookies = !object.value(u"disableCookies"_s).toBool();
}

bool Reader::requestFields(const QJsonValue &value, const QString &path, Request &request)
{
    if (value.isString()) {
        // A request may be only its URL: a GET.
        request.method = u"GET"_s;
        return url(value, path, request);
    }
    if (!value.isObject())
        return fail(path, u"the request is neither a URL nor an object"_s);
    const QJsonObject object = value.toObject();
    const QString method = text(object.value(u"method"_s)).trimmed().toUpper();
    request.method = method.isEmpty() ? u"GET"_s : method;
    if (!url(object.value(u"url"_s), path + u".url"_s, request))
        return false;
    request.headers = headers(object.value(u"header"_s), path + u".header"_s);
    if (object.value(u"body"_s).isObject())
        body(object.value(u"body"_s).toObject(), path + u".body"_s, request);
    ImportSupport::adoptContentTypeHeader(request);
    request.auth = auth(object.value(u"auth"_s), path + u".auth"_s);
    request.description = description(object.value(u"description"_s));
    return true;
}

bool Reader::request(const QJsonObject &item, const QString &path, Request &request)
{
    if (!requestFields(item.value(u"request"_s), path + u".request"_s, request))
        return false;
    request.name = text(item.value(u"name"_s));
    if (request.name.isEmpty())
        request.name = ImportSupport::requestName(request.method, request.url);
    settings(item.value(u"protocolProfileBehavior"_s), request.settings);
    request.variables = variables(item.value(u"variable"_s), path + u".variable"_s);
    if (const QString code = scripts(item.value(u"event"_s), path + u".event"_s); !code.isEmpty())
        request.description += (request.description.isEmpty() ? QString() : u"\n\n"_s) + code;
    return true;
}

void Reader::examples(
    const QJsonValue &value, const QString &path, const Request &request, const RequestLocation &location)
{
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"%1[%2]"_s.arg(path).arg(i);
        const QJsonObject response = array.at(i).toObject();
        ImportedExample example;
        example.location = location;
        example.name = text(response.value(u"name"_s));
        example.exchange.request = request;
        const QJsonValue original = response.value(u"originalRequest"_s);
        if (!original.isUndefined() && !original.isNull()) {
            Request sent;
            // The original request repeats the request: its warnings would only say the same again.
            const qsizetype warnings = m_result.warnings.size();
            // A broken original request only costs the example its own request, so its problem is
            // a warning; an earlier error of the import stays.
            const ImportMessage earlier = std::exchange(m_result.error, {});
            const bool read = requestFields(original, where + u".originalRequest"_s, sent);
            m_result.warnings.resize(warnings);
            if (read) {
                sent.name = request.name;
                example.exchange.request = sent;
            } else {
                warn(m_result.error.where,
                    m_result.error.message + u"; the example keeps the request's own"_s);
            }
            m_result.error = earlier;
        }
        ResponseHead head;
        head.statusCode = response.value(u"code"_s).toInt();
        head.reasonPhrase = text(response.value(u"status"_s)).toUtf8();
        for (const QJsonValue &entry : response.value(u"header"_s).toArray()) {
            const QJsonObject row = entry.toObject();
            head.headers.append({text(row.value(u"key"_s)).toUtf8(), text(row.value(u"value"_s)).toUtf8()});
        }
        example.exchange.response = head;
        example.exchange.body = BodyData::fromBytes(text(response.value(u"body"_s)).toUtf8());
        m_result.examples.append(example);
    }
}

bool Reader::folder(
    const QJsonObject &item, const QString &path, Folder &folder, const QList<qsizetype> &location)
{
    folder.name = text(item.value(u"name"_s));
    folder.description = description(item.value(u"description"_s));
    folder.auth = auth(item.value(u"auth"_s), path + u".auth"_s);
    folder.variables = variables(item.value(u"variable"_s), path + u".variable"_s);
    if (const QString code = scripts(item.value(u"event"_s), path + u".event"_s); !code.isEmpty())
        folder.description += (folder.description.isEmpty() ? QString() : u"\n\n"_s) + code;
    return items(item.value(u"item"_s), path + u".item"_s, folder, location);
}

bool Reader::items(
    const QJsonValue &value, const QString &path, Folder &folder, const QList<qsizetype> &location)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return fail(path, u"“item” is not a list"_s);
    // A bad item is left out and its siblings are still read (a folder keeps the items of its own
    // that read well): the import fails with the first problem, and the rest is a partial result.
    bool good = true;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"%1[%2]"_s.arg(path).arg(i);
        if (!array.at(i).isObject()) {
            good = fail(where, u"an item is not an object"_s);
            continue;
        }
        const QJsonObject item = array.at(i).toObject();
        if (item.contains(u"item"_s)) {
            Folder child;
            if (!this->folder(item, where, child, QList<qsizetype>(location) << folder.folders.size()))
                good = false;
            folder.folders.append(child);
        } else if (item.contains(u"request"_s)) {
            Request request;
            const qsizetype warnings = m_result.warnings.size();
            if (!this->request(item, where, request)) {
                m_result.warnings.resize(warnings);
                good = false;
                continue;
            }
            folder.requests.append(request);
            examples(item.value(u"response"_s), where + u".response"_s, request,
                {location, folder.requests.size() - 1});
        } else {
            warn(where, u"an item with neither “request” nor “item” is left out"_s);
        }
    }
    return good;
}

bool Reader::collection(const QJsonObject &root, const QString &fallbackName)
{
    const QJsonObject info = root.value(u"info"_s).toObject();
    Folder &collection = m_result.collection;
    collection.name = text(info.value(u"name"_s));
    if (collection.name.isEmpty())
        collection.name = fallbackName;
    collection.description = description(info.value(u"description"_s));
    collection.auth = auth(root.value(u"auth"_s), u"auth"_s);
    collection.variables = variables(root.value(u"variable"_s), u"variable"_s);
    if (const QString code = scripts(root.value(u"event"_s), u"event"_s); !code.isEmpty())
        collection.description += (collection.description.isEmpty() ? QString() : u"\n\n"_s) + code;
    return items(root.value(u"item"_s), u"item"_s, collection, {});
}

void Reader::environment(const QJsonObject &root, const QString &fallbackName)
{
    const VariableList values = variables(root.value(u"values"_s), u"values"_s);
    if (root.value(u"_postman_variable_scope"_s).toString() == u"globals") {
        m_result.globals = values;
        return;
    }
    Environment environment;
    environment.name = text(root.value(u"name"_s));
    if (environment.name.isEmpty())
        environment.name = fallbackName;
    environment.variables = values;
    m_result.environments.append(environment);
}

FileKind detectObject(const QJsonObject &root)
{
    const QString schema = schemaOf(root);
    if (schema.contains(u"getpostman.com/json/collection/v2"_s)
        || (root.value(u"info"_s).isObject() && root.value(u"item"_s).isArray()))
        return FileKind::Collection;
    if (schema.contains(u"getpostman.com/json/collection/v1"_s)
        || (root.value(u"requests"_s).isArray() && root.contains(u"order"_s)))
        return FileKind::CollectionV1;
    const QString scope = root.value(u"_postman_variable_scope"_s).toString();
    if (scope == u"globals")
        return FileKind::Globals;
    if (scope == u"environment" || (root.value(u"values"_s).isArray() && root.value(u"name"_s).isString()))
        return FileKind::Environment;
    return FileKind::NotPostman;
}

QJsonObject rootOf(const QByteArray &data, QJsonParseError *error)
{
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return QJsonDocument::fromJson(bytes, error).object();
}

} // namespace

FileKind detect(const QByteArray &data)
{
    QJsonParseError error {};
    const QJsonObject root = rootOf(data, &error);
    if (error.error != QJsonParseError::NoError)
        return FileKind::NotPostman;
    return detectObject(root);
}

ImportResult parse(const QByteArray &data, const QString &fallbackName)
{
    QJsonParseError error {};
    const QJsonDocument document
        = QJsonDocument::fromJson(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data, &error);
    if (error.error != QJsonParseError::NoError)
        return ImportResult::failure(
            Format, {}, u"not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return ImportResult::failure(Format, {}, u"a Postman file is a JSON object"_s);
    const QJsonObject root = document.object();
    ImportResult result;
    result.format = Format;
    Reader reader(result);
    switch (detectObject(root)) {
    case FileKind::NotPostman:
        return ImportResult::failure(Format, {},
            u"this is not a Postman collection, environment or globals file (no info.schema, no values)"_s);
    case FileKind::CollectionV1:
        return ImportResult::failure(
            Format, {}, u"Postman collection v1 is not supported; export it as v2.1 from Postman"_s);
    case FileKind::Collection:
        // On a failure the items that read well stay: a partial result.
        reader.collection(root, fallbackName);
        break;
    case FileKind::Environment:
    case FileKind::Globals:
        reader.environment(root, fallbackName);
        break;
    }
    return result;
}

} // namespace Sonde::PostmanImport
