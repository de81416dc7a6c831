#include "formats/OpenApiImport.h"

#include "formats/ImportSupport.h"
#include "formats/OpenApiExample.h"
#include "formats/OpenApiRefs.h"
#include "formats/OpenApiSecurity.h"
#include "formats/StructuredText.h"
#include "model/PathParams.h"
#include "model/QueryParams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace Sonde::OpenApiImport {

namespace {

using namespace Qt::StringLiterals;

const QString Format = u"openapi"_s;

/// The HTTP methods a Path Item object may hold, in the order requests are made for one path.
const QStringList Methods {
    u"get"_s, u"put"_s, u"post"_s, u"delete"_s, u"options"_s, u"head"_s, u"patch"_s, u"trace"_s, u"query"_s};

/// What a document is, once its version field has been read.
enum class Dialect { Swagger2, OpenApi30, OpenApi31 };

QString versionText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', 1);
    return value.toString();
}

QString describe(const QJsonValue &value)
{
    return ImportSupport::jsonTypeName(value.type());
}

/// Thrown inside the reader; becomes the import's error.
struct Failure
{
    QString where;
    QString message;
};

class Reader
{
public:
    Reader(ImportResult &result, const QJsonObject &root, const Options &options)
        : m_result(result)
        , m_root(root)
        , m_refs(root, options.baseDirectory)
        , m_examples(m_refs, result.warnings)
        , m_security(m_refs, result)
        , m_options(options)
    { }

    void read();

private:
    void warn(const QString &where, const QString &message) { m_result.warnings.append({where, message}); }
    /// `node` with its `$ref`s followed; a reference that cannot be followed is an error.
    SpecNode follow(const SpecNode &node);

    void validate();
    void readServers();
    QString serverUrl(const SpecNode &server, bool defineVariables);
    void readTags();
    void readPaths();
    void readOperation(
        const QString &path, const SpecNode &pathItem, const QString &method, const SpecNode &operation);
    QList<SpecNode> parametersOf(const SpecNode &pathItem, const SpecNode &operation);
    void applyParameter(const SpecNode &parameter, Request &request, QString &url, QStringList &cookies);
    void requestBody(const SpecNode &body, Request &request);
    void swaggerBody(const QList<SpecNode> &parameters, const SpecNode &operation, Request &request);
    void bodyFromMedia(const QString &mediaType, const SpecNode &media, Request &request);
    QStringList consumes(const SpecNode &operation) const;
    Folder &folderFor(const QString &tag);

    ImportResult &m_result;
    QJsonObject m_root;
    OpenApiRefs m_refs;
    OpenApiExample m_examples;
    OpenApiSecurity m_security;
    Options m_options;
    Dialect m_dialect = Dialect::OpenApi30;
    /// The base URL of requests: "{{baseUrl}}", or empty when the spec names no server.
    QString m_base = u"{{baseUrl}}"_s;
    QHash<QString, qsizetype> m_folderIndex;
};

SpecNode Reader::follow(const SpecNode &node)
{
    const OpenApiRefs::Result resolved = m_refs.resolve(node);
    if (resolved.problem != OpenApiRefs::Problem::None)
        throw Failure {resolved.node.where, resolved.message};
    return resolved.node;
}

void Reader::validate()
{
    static const QStringList fields30 {u"openapi"_s, u"info"_s, u"servers"_s, u"paths"_s, u"components"_s,
        u"security"_s, u"tags"_s, u"externalDocs"_s};
    static const QStringList fields31
        = fields30 + QStringList {u"webhooks"_s, u"jsonSchemaDialect"_s, u"$self"_s};
    static const QStringList fieldsSwagger {u"swagger"_s, u"info"_s, u"host"_s, u"basePath"_s, u"schemes"_s,
        u"consumes"_s, u"produces"_s, u"paths"_s, u"definitions"_s, u"parameters"_s, u"responses"_s,
        u"securityDefinitions"_s, u"security"_s, u"tags"_s, u"externalDocs"_s};
    const QStringList &fields = m_dialect == Dialect::Swagger2 ? fieldsSwagger
        : m_dialect == Dialect::OpenApi30                      ? fields30
                                                               : fields31;
    for (auto it = m_root.constBegin(); it != m_root.constEnd(); ++it) {
        if (!it.key().startsWith(u"x-") && !fields.contains(it.key()))
            warn(it.key(),
                u"“%1” is not a field of %2 documents: it is ignored"_s.arg(
                    it.key(), m_dialect == Dialect::Swagger2 ? u"Swagger 2.0"_s : u"OpenAPI 3"_s));
    }
    const SpecNode root {m_root, {}, {}};
    if (!m_root.contains(u"info"_s))
        throw Failure {u"info"_s, u"missing: every document has an info object with a title and a version"_s};
    const SpecNode info = follow(root.child(u"info"_s));
    if (!info.value.isObject())
        throw Failure {u"info"_s, u"must be an object, not %1"_s.arg(describe(info.value))};
    for (const auto *field : {"title", "version"}) {
        const QJsonValue value = info[QLatin1StringView(field)];
        if (!value.isString() && !value.isDouble())
            throw Failure {info.child(QLatin1StringView(field)).where,
                value.isUndefined() ? u"missing"_s : u"must be text, not %1"_s.arg(describe(value))};
    }
    const bool hasPaths = m_root.contains(u"paths"_s);
    if (m_dialect == Dialect::OpenApi31) {
        if (!hasPaths && !m_root.contains(u"components"_s) && !m_root.contains(u"webhooks"_s))
            throw Failure {
                {}, u"an OpenAPI 3.1 document holds at least one of paths, components and webhooks"_s};
    } else if (!hasPaths) {
        throw Failure {u"paths"_s, u"missing: the document describes no operation"_s};
    }
    if (hasPaths && !follow(root.child(u"paths"_s)).value.isObject())
        throw Failure {
            u"paths"_s, u"must be an object of paths, not %1"_s.arg(describe(m_root.value(u"paths"_s)))};
    if (m_root.contains(u"servers"_s) && !m_root.value(u"servers"_s).isArray())
        throw Failure {
            u"servers"_s, u"must be a list of servers, not %1"_s.arg(describe(m_root.value(u"servers"_s)))};
    const SpecNode schemas = m_dialect == Dialect::Swagger2 ? root.child(u"definitions"_s)
                                                            : root.child(u"components"_s).child(u"schemas"_s);
    const OpenApiRefs::Result schemasTarget = m_refs.resolve(schemas);
    if (schemasTarget.problem != OpenApiRefs::Problem::None)
        warn(schemas.where, schemasTarget.message);
    const QJsonObject schemaMap = schemasTarget.problem == OpenApiRefs::Problem::None
        ? schemasTarget.node.value.toObject()
        : QJsonObject();
    for (auto it = schemaMap.constBegin(); it != schemaMap.constEnd(); ++it) {
        if (!it.value().isObject() && !(it.value().isBool() && m_dialect == Dialect::OpenApi31))
            throw Failure {schemasTarget.node.child(it.key()).where,
                u"a schema is an object%1, not %2"_s.arg(
                    m_dialect == Dialect::OpenApi31 ? u" or a boolean"_s : QString(), describe(it.value()))};
    }
}

QString Reader::serverUrl(const SpecNode &server, bool defineVariables)
{
    if (!server.value.isObject() || !server[QLatin1StringView("url")].isString())
        throw Failure {server.where, u"a server is an object with a url"_s};
    QString url = server[QLatin1StringView("url")].toString();
    const SpecNode variables = server.child(u"variables"_s);
    const QJsonObject map = variables.value.toObject();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const SpecNode variable = variables.child(it.key());
        const QJsonValue values = variable[QLatin1StringView("enum")];
        if (values.isArray() && values.toArray().isEmpty())
            throw Failure {variable.child(u"enum"_s).where, u"a server variable's enum must not be empty"_s};
        const QString value = OpenApiExample::toText(variable[QLatin1StringView("default")]);
        if (values.isArray() && !values.toArray().contains(variable[QLatin1StringView("default")]))
            warn(variable.child(u"default"_s).where,
                u"the default “%1” is not one of the enum's values"_s.arg(value));
        if (defineVariables) {
            url.replace(u'{' + it.key() + u'}', u"{{"_s + it.key() + u"}}"_s);
            m_result.collection.variables.append({it.key(), value, true, false});
        } else {
            url.replace(u'{' + it.key() + u'}', value);
        }
    }
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

void Reader::readServers()
{
    QString base;
    if (m_dialect == Dialect::Swagger2) {
        const QJsonArray schemes = m_root.value(u"schemes"_s).toArray();
        const QString scheme = schemes.isEmpty() ? u"https"_s : schemes.first().toString();
        const QString host = m_root.value(u"host"_s).toString();
        QString basePath = m_root.value(u"basePath"_s).toString();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        if (host.isEmpty())
            warn(u"host"_s, u"the spec names no host: set the baseUrl variable to the API's address"_s);
        base = host.isEmpty() ? basePath : scheme + u"://"_s + host + basePath;
    } else {
        const SpecNode servers {m_root.value(u"servers"_s), {}, u"servers"_s};
        const QJsonArray list = servers.value.toArray();
        for (qsizetype i = 1; i < list.size(); ++i)
            serverUrl(servers.at(i), false); // checked, not used
        if (list.isEmpty()) {
            warn(u"servers"_s, u"the spec names no server: set the baseUrl variable to the API's address"_s);
        } else {
            base = serverUrl(servers.at(0), true);
            if (!base.contains(u"://"_s) && !base.startsWith(u"{{"_s))
                warn(u"servers[0].url"_s,
                    u"the server “%1” is relative to where the spec is served: put the API's address in front of it in the baseUrl variable"_s
                        .arg(base));
            if (list.size() > 1) {
                QStringList others;
                for (qsizetype i = 0; i < list.size(); ++i) {
                    const QJsonObject server = list.at(i).toObject();
                    const QString description = server.value(u"description"_s).toString();
                    others.append(u"- %1%2"_s.arg(server.value(u"url"_s).toString(),
                        description.isEmpty() ? QString() : u" (%1)"_s.arg(description)));
                }
                m_result.collection.description
                    += (m_result.collection.description.isEmpty() ? QString() : u"\n\n"_s)
                    + u"Servers (baseUrl is the first):\n"_s + others.join(u'\n');
            }
        }
    }
    m_result.collection.variables.prepend({u"baseUrl"_s, base, true, false});
}

void Reader::readTags()
{
    const SpecNode tags {m_root.value(u"tags"_s), {}, u"tags"_s};
    const QJsonArray list = tags.value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject tag = list.at(i).toObject();
        const QString name = tag.value(u"name"_s).toString();
        if (name.isEmpty() || m_folderIndex.contains(name))
            continue;
        Folder folder;
        folder.name = name;
        folder.description = tag.value(u"description"_s).toString();
        folder.sortKey = int(m_result.collection.folders.size());
        m_folderIndex.insert(name, m_result.collection.folders.size());
        m_result.collection.folders.append(folder);
    }
}

Folder &Reader::folderFor(const QString &tag)
{
    if (tag.isEmpty())
        return m_result.collection;
    if (!m_folderIndex.contains(tag)) {
        Folder folder;
        folder.name = tag;
        folder.sortKey = int(m_result.collection.folders.size());
        m_folderIndex.insert(tag, m_result.collection.folders.size());
        m_result.collection.folders.append(folder);
    }
    return m_result.collection.folders[m_folderIndex.value(tag)];
}

QList<SpecNode> Reader::parametersOf(const SpecNode &pathItem, const SpecNode &operation)
{
    // Operation parameters override path item ones with the same name and location.
    QList<SpecNode> parameters;
    QStringList keys;
    for (const SpecNode &owner : {operation, pathItem}) {
        if (!owner.value.toObject().contains(u"parameters"_s))
            continue;
        const SpecNode list = follow(owner.child(u"parameters"_s));
        if (list.value.isNull())
            continue;
        if (!list.value.isArray()) {
            warn(list.where,
                u"parameters must be a list, not %1: they are left out"_s.arg(describe(list.value)));
            continue;
        }
        for (qsizetype i = 0; i < list.value.toArray().size(); ++i) {
            const OpenApiRefs::Result resolved = m_refs.resolve(list.at(i));
            if (resolved.problem != OpenApiRefs::Problem::None) {
                warn(resolved.node.where, resolved.message + u": the parameter is left out"_s);
                continue;
            }
            const SpecNode parameter = resolved.node;
            if (!parameter.value.isObject()) {
                warn(parameter.where,
                    u"a parameter is an object, not %1: it is left out"_s.arg(describe(parameter.value)));
                continue;
            }
            const QString key = parameter[QLatin1StringView("in")].toString() + u'/'
                + parameter[QLatin1StringView("name")].toString();
            if (keys.contains(key))
                continue;
            keys.append(key);
            parameters.append(parameter);
        }
    }
    return parameters;
}

void Reader::applyParameter(const SpecNode &parameter, Request &request, QString &url, QStringList &cookies)
{
    const QString name = parameter[QLatin1StringView("name")].toString();
    const QString in = parameter[QLatin1StringView("in")].toString();
    if (name.isEmpty())
        throw Failure {parameter.where, u"a parameter has no name"_s};
    const QJsonValue declared = m_examples.declared(parameter);
    const QString value = OpenApiExample::toText(declared);
    const bool required = parameter[QLatin1StringView("required")].toBool() || in == u"path";
    const bool enabled = required || !declared.isUndefined();
    if (in == u"path") {
        static const QRegularExpression simpleName(u"^[A-Za-z0-9_-]+$"_s);
        const QString placeholder = u'{' + name + u'}';
        // A whole segment becomes Sonde's :name parameter; a name inside a segment, a variable.
        const QRegularExpression segment(
            u"(?<=/)"_s + QRegularExpression::escape(placeholder) + u"(?=/|$)"_s);
        if (simpleName.match(name).hasMatch() && url.contains(segment)) {
            url.replace(segment, u':' + name);
            request.pathParams.append({name, value, true});
        } else if (url.contains(placeholder)) {
            url.replace(placeholder, u"{{"_s + name + u"}}"_s);
            request.variables.append({name, value, true, false});
        }
    } else if (in == u"query") {
        request.params.append({name, QString::fromUtf8(QUrl::toPercentEncoding(value, "{}:/,")), enabled});
    } else if (in == u"header") {
        // OpenAPI: Accept, Content-Type and Authorization header parameters are ignored.
        if (name.compare(u"Accept", Qt::CaseInsensitive) == 0
            || name.compare(u"Content-Type", Qt::CaseInsensitive) == 0
            || name.compare(u"Authorization", Qt::CaseInsensitive) == 0)
            return;
        request.headers.append({name, value, enabled});
    } else if (in == u"cookie") {
        if (enabled)
            cookies.append(name + u'=' + value);
    } else if (in != u"body" && in != u"formData") {
        warn(parameter.child(u"in"_s).where,
            u"“%1” is not a parameter location: the parameter is left out"_s.arg(in));
    }
}

QStringList Reader::consumes(const SpecNode &operation) const
{
    QJsonArray list = operation[QLatin1StringView("consumes")].toArray();
    if (list.isEmpty())
        list = m_root.value(u"consumes"_s).toArray();
    QStringList types;
    for (const QJsonValue &type : list)
        types.append(type.toString());
    return types;
}

/// The media type a body is made for, among those the operation accepts: JSON first.
QString preferredType(const QStringList &types)
{
    for (const QString &type : types) {
        if (type.startsWith(u"application/json"))
            return type;
    }
    for (const QString &type : types) {
        if (type.contains(u"+json"_s) || type.contains(u"/json"_s))
            return type;
    }
    return types.value(0);
}

bool isJsonType(const QString &type)
{
    const QString media = type.section(u';', 0, 0).trimmed().toLower();
    return media.endsWith(u"/json"_s) || media.endsWith(u"+json"_s) || media == u"*/*";
}

/// A JSON body's text: objects and arrays indented; a string that holds JSON as it is.
QByteArray jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented).trimmed();
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented).trimmed();
    if (value.isString()) {
        QJsonParseError error {};
        QJsonDocument::fromJson(value.toString().toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            return value.toString().toUtf8();
    }
    // A scalar: written as the only element of an array, without the brackets.
    return QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

void Reader::bodyFromMedia(const QString &mediaType, const SpecNode &media, Request &request)
{
    Body &body = request.body;
    const QString type = mediaType.section(u';', 0, 0).trimmed().toLower();
    const QJsonValue example = m_examples.fromMediaType(media);
    if (type == u"application/x-www-form-urlencoded" || type.startsWith(u"multipart/")) {
        const bool multipart = type.startsWith(u"multipart/");
        body.kind = multipart ? Body::Kind::Multipart : Body::Kind::FormUrlEncoded;
        const OpenApiRefs::Result schema = m_refs.resolve(media.child(u"schema"_s));
        const QJsonObject fields = example.toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QJsonObject property
                = m_refs.resolve(schema.node.child(u"properties"_s).child(it.key())).node.value.toObject();
            const bool file = property.value(u"format"_s).toString() == u"binary"
                || property.value(u"type"_s).toString() == u"file";
            if (multipart) {
                MultipartPart part;
                part.name = it.key();
                part.value = file ? QString() : OpenApiExample::toText(it.value());
                if (file)
                    warn(media.where, u"“%1” is a file: choose the file to send in the form"_s.arg(it.key()));
                body.parts.append(part);
            } else {
                body.fields.append({it.key(), OpenApiExample::toText(it.value()), true});
            }
        }
        return;
    }
    const OpenApiRefs::Result schema = m_refs.resolve(media.child(u"schema"_s));
    if (type == u"application/octet-stream"
        || schema.node[QLatin1StringView("format")].toString() == u"binary") {
        body.kind = Body::Kind::Binary;
        body.contentType = mediaType;
        warn(media.where, u"the body is a file: choose the file to send"_s);
        return;
    }
    body.kind = Body::Kind::Raw;
    body.contentType = mediaType == u"*/*" ? u"application/json"_s : mediaType;
    if (example.isUndefined() || (example.isNull() && !isJsonType(type)))
        return;
    if (isJsonType(type))
        body.data = jsonText(example);
    else if (example.isString())
        body.data = example.toString().toUtf8();
    else
        warn(media.where, u"the spec gives no %1 example: the body is left empty"_s.arg(type));
}

void Reader::requestBody(const SpecNode &input, Request &request)
{
    const SpecNode body = follow(input);
    const SpecNode content = body.child(u"content"_s);
    const QJsonObject map = content.value.toObject();
    if (map.isEmpty())
        return;
    const QString type = preferredType(map.keys());
    bodyFromMedia(type, content.child(type), request);
    const QString description = body[QLatin1StringView("description")].toString();
    if (!description.isEmpty())
        request.description
            += (request.description.isEmpty() ? QString() : u"\n\n"_s) + u"Body: "_s + description;
}

void Reader::swaggerBody(const QList<SpecNode> &parameters, const SpecNode &operation, Request &request)
{
    QList<SpecNode> form;
    bool hasFile = false;
    for (const SpecNode &parameter : parameters) {
        const QString in = parameter[QLatin1StringView("in")].toString();
        if (in == u"body") {
            const QString type = preferredType(consumes(operation));
            const SpecNode media {QJsonObject {{u"schema"_s, parameter[QLatin1StringView("schema")]}},
                parameter.file, parameter.where};
            bodyFromMedia(type.isEmpty() ? u"application/json"_s : type, media, request);
            if (!request.body.contentType.isEmpty() && type.isEmpty() && request.body.kind == Body::Kind::Raw)
                request.body.contentType = u"application/json"_s;
            return;
        }
        if (in == u"formData") {
            form.append(parameter);
            hasFile = hasFile || parameter[QLatin1StringView("type")].toString() == u"file";
        }
    }
    if (form.isEmpty())
        return;
    const bool multipart = hasFile || consumes(operation).contains(u"multipart/form-data"_s);
    request.body.kind = multipart ? Body::Kind::Multipart : Body::Kind::FormUrlEncoded;
    for (const SpecNode &parameter : std::as_const(form)) {
        const QString name = parameter[QLatin1StringView("name")].toString();
        const QJsonValue declared = m_examples.declared(parameter);
        const bool enabled = parameter[QLatin1StringView("required")].toBool() || !declared.isUndefined();
        if (multipart) {
            MultipartPart part;
            part.name = name;
            part.value = OpenApiExample::toText(declared);
            part.enabled = enabled;
            if (parameter[QLatin1StringView("type")].toString() == u"file")
                warn(parameter.where, u"“%1” is a file: choose the file to send in the form"_s.arg(name));
            request.body.parts.append(part);
        } else {
            request.body.fields.append({name, OpenApiExample::toText(declared), enabled});
        }
    }
}

void Reader::readOperation(
    const QString &path, const SpecNode &pathItem, const QString &method, const SpecNode &operation)
{
    if (!operation.value.isObject())
        throw Failure {
            operation.where, u"an operation is an object, not %1"_s.arg(describe(operation.value))};
    Request request;
    request.method = method.toUpper();
    const QString summary = operation[QLatin1StringView("summary")].toString().trimmed();
    const QString operationId = operation[QLatin1StringView("operationId")].toString();
    request.name = !summary.isEmpty() ? summary.section(u'\n', 0, 0)
        : !operationId.isEmpty()      ? operationId
                                      : request.method + u' ' + path;
    request.description = operation[QLatin1StringView("description")].toString();
    if (summary.contains(u'\n'))
        request.description
            = summary + (request.description.isEmpty() ? QString() : u"\n\n"_s + request.description);
    if (operation[QLatin1StringView("deprecated")].toBool())
        request.description = u"Deprecated."_s
            + (request.description.isEmpty() ? QString() : u"\n\n"_s + request.description);

    // An operation or path item may name its own servers.
    QString base = m_base;
    if (m_dialect != Dialect::Swagger2) {
        for (const SpecNode &owner : {operation, pathItem}) {
            const SpecNode servers = owner.child(u"servers"_s);
            if (servers.value.isArray() && !servers.value.toArray().isEmpty()) {
                base = serverUrl(servers.at(0), false);
                break;
            }
        }
    }
    QString url = base + path;
    const QList<SpecNode> parameters = parametersOf(pathItem, operation);
    QStringList cookies;
    for (const SpecNode &parameter : parameters)
        applyParameter(parameter, request, url, cookies);
    if (!cookies.isEmpty())
        request.headers.append({u"Cookie"_s, cookies.join(u"; "_s), true});
    request.url = QueryParams::applyToUrl(url, request.params);
    request.pathParams = PathParams::mergeFromUrl(request.pathParams, request.url);

    if (m_dialect == Dialect::Swagger2)
        swaggerBody(parameters, operation, request);
    else if (operation.value.toObject().contains(u"requestBody"_s))
        requestBody(operation.child(u"requestBody"_s), request);

    const SpecNode security = operation.child(u"security"_s);
    if (!security.value.isUndefined())
        request.auth = m_security.requestAuth(security);

    const QJsonArray tags = operation[QLatin1StringView("tags")].toArray();
    Folder &folder = folderFor(tags.isEmpty() ? QString() : tags.first().toString());
    request.sortKey = int(folder.requests.size());
    folder.requests.append(request);
}

void Reader::readPaths()
{
    const SpecNode root {m_root, {}, {}};
    if (!m_root.contains(u"paths"_s))
        return;
    const SpecNode paths = follow(root.child(u"paths"_s));
    const QJsonObject map = paths.value.toObject();
    // An operation that cannot be read (a broken or cyclic $ref, a parameter without a name) is left
    // out, and so is a path item that cannot be followed; the others are still read. The first
    // problem is the import's error, and what was read is a partial result.
    const auto leftOut = [this](const Failure &failure, qsizetype warnings) {
        m_result.warnings.resize(warnings);
        if (m_result.ok())
            m_result.error = {failure.where, failure.message};
    };
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (it.key().startsWith(u"x-"))
            continue;
        SpecNode pathItem;
        try {
            pathItem = follow(paths.child(it.key()));
        } catch (const Failure &failure) {
            leftOut(failure, m_result.warnings.size());
            continue;
        }
        if (!pathItem.value.isObject()) {
            warn(pathItem.where,
                u"a path item is an object, not %1: the path is left out"_s.arg(describe(pathItem.value)));
            continue;
        }
        QList<std::pair<QString, SpecNode>> operations;
        for (const QString &method : Methods) {
            if (pathItem.value.toObject().contains(method))
                operations.append({method, pathItem.child(method)});
        }
        // OpenAPI 3.2: operations with other methods.
        const SpecNode more = pathItem.child(u"additionalOperations"_s);
        const QJsonObject extra = more.value.toObject();
        for (auto op = extra.constBegin(); op != extra.constEnd(); ++op)
            operations.append({op.key(), more.child(op.key())});
        for (const auto &[method, operation] : std::as_const(operations)) {
            const qsizetype warnings = m_result.warnings.size();
            try {
                readOperation(it.key(), pathItem, method, operation);
            } catch (const Failure &failure) {
                leftOut(failure, warnings);
            }
        }
    }
    if (m_root.value(u"webhooks"_s).isObject() && !m_root.value(u"webhooks"_s).toObject().isEmpty())
        warn(u"webhooks"_s,
            u"the %1 webhooks are requests the API sends, not ones to send to it: they are not imported"_s
                .arg(m_root.value(u"webhooks"_s).toObject().size()));
}

void Reader::read()
{
    const QString swagger
        = m_root.contains(u"swagger"_s) ? versionText(m_root.value(u"swagger"_s)) : QString();
    const QString openapi = versionText(m_root.value(u"openapi"_s));
    if (m_root.contains(u"swagger"_s)) {
        if (swagger != u"2.0")
            throw Failure {u"swagger"_s,
                u"Swagger “%1” is not a version Sonde reads (2.0; OpenAPI 3 documents say “openapi”)"_s.arg(
                    swagger)};
        m_dialect = Dialect::Swagger2;
    } else if (openapi.startsWith(u"3.0")) {
        m_dialect = Dialect::OpenApi30;
    } else if (openapi.startsWith(u"3.")) {
        m_dialect = Dialect::OpenApi31;
    } else {
        throw Failure {
            u"openapi"_s, u"OpenAPI “%1” is not a version Sonde reads (3.0, 3.1, 3.2)"_s.arg(openapi)};
    }
    validate();
    const SpecNode info = follow(SpecNode {m_root, {}, {}}.child(u"info"_s));
    m_result.collection.name = OpenApiExample::toText(info[QLatin1StringView("title")]).trimmed();
    if (m_result.collection.name.isEmpty())
        m_result.collection.name = m_options.fallbackName;
    m_result.collection.description = info[QLatin1StringView("description")].toString();
    readServers();
    m_security.read(m_root, m_dialect == Dialect::Swagger2);
    readTags();
    readPaths();
    // Tags declared but used by no operation make no folder.
    for (qsizetype i = m_result.collection.folders.size() - 1; i >= 0; --i) {
        if (m_result.collection.folders.at(i).requests.isEmpty())
            m_result.collection.folders.removeAt(i);
    }
    for (qsizetype i = 0; i < m_result.collection.folders.size(); ++i)
        m_result.collection.folders[i].sortKey = int(i);
}

} // namespace

bool looksLikeOpenApi(const QByteArray &data)
{
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith("\xEF\xBB\xBF{")) {
        QJsonParseError error {};
        const QJsonDocument document
            = QJsonDocument::fromJson(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data, &error);
        if (error.error == QJsonParseError::NoError)
            return document.object().contains(u"openapi"_s) || document.object().contains(u"swagger"_s);
    }
    // YAML: a key at the start of a line, or in a flow mapping ({openapi: 3.0.0, …}).
    static const QRegularExpression field(
        u"(^|^\\{\\s*)[\"']?(openapi|swagger)[\"']?[ \\t]*:"_s, QRegularExpression::MultilineOption);
    return field.match(QString::fromUtf8(data)).hasMatch();
}

ImportResult parse(const QByteArray &data, const Options &options)
{
    const StructuredText::Parsed parsed = StructuredText::parse(data);
    if (!parsed.ok())
        return ImportResult::failure(Format, parsed.where, parsed.error);
    if (!parsed.value.isObject())
        return ImportResult::failure(Format, {},
            data.trimmed().isEmpty()
                ? u"the document is empty"_s
                : u"an OpenAPI document is an object, not %1"_s.arg(describe(parsed.value)));
    const QJsonObject root = parsed.value.toObject();
    if (!root.contains(u"openapi"_s) && !root.contains(u"swagger"_s))
        return ImportResult::failure(Format, {},
            u"neither “openapi” nor “swagger” is at the top: this is not an OpenAPI or Swagger document"_s);
    ImportResult result;
    result.format = Format;
    try {
        Reader reader(result, root, options);
        reader.read();
    } catch (const Failure &failure) {
        return ImportResult::failure(Format, failure.where, failure.message);
    }
    return result;
}

} // namespace Sonde::OpenApiImport
