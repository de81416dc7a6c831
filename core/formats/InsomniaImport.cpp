#include "formats/InsomniaImport.h"

#include "formats/ImportSupport.h"
#include "formats/StructuredText.h"
#include "model/PathParams.h"
#include "model/QueryParams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <algorithm>

namespace Sonde::InsomniaImport {

namespace {

using namespace Qt::StringLiterals;

const QString Format = u"insomnia"_s;

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() || value.isBool())
        return value.toVariant().toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

/// What each kind of resource Sonde leaves out is called in a warning.
QString leftOutName(const QString &type)
{
    static const QHash<QString, QString> names {{u"cookie_jar"_s, u"cookie jar"_s},
        {u"grpc_request"_s, u"gRPC request"_s}, {u"proto_file"_s, u"proto file"_s},
        {u"proto_directory"_s, u"proto folder"_s}, {u"websocket_request"_s, u"WebSocket request"_s},
        {u"websocket_payload"_s, u"WebSocket payload"_s}, {u"api_spec"_s, u"API design document"_s},
        {u"unit_test_suite"_s, u"unit test suite"_s}, {u"unit_test"_s, u"unit test"_s},
        {u"mock"_s, u"mock server"_s}, {u"mock_route"_s, u"mock route"_s},
        {u"socketio_request"_s, u"Socket.IO request"_s}, {u"socketio_payload"_s, u"Socket.IO payload"_s}};
    return names.value(type, u"“%1” resource"_s.arg(type));
}

QString leftOutReason(const QString &type)
{
    if (type == u"cookie_jar")
        return u"Sonde keeps its own cookie jar, filled by responses"_s;
    if (type == u"api_spec")
        return u"import the document itself as OpenAPI"_s;
    if (type.startsWith(u"grpc") || type.startsWith(u"proto"))
        return u"Sonde has no gRPC requests"_s;
    if (type.startsWith(u"websocket") || type.startsWith(u"socketio"))
        return u"Sonde has no WebSocket requests"_s;
    return u"Sonde has no such thing"_s;
}

struct Resource
{
    QJsonObject object;
    QString where;
};

class Reader
{
public:
    Reader(ImportResult &result, const QString &fallbackName)
        : m_result(result)
        , m_fallbackName(fallbackName)
    { }

    bool read(const QJsonArray &resources);

private:
    void warn(const QString &where, const QString &message) { m_result.warnings.append({where, message}); }
    /// Keeps the first problem: the resources with later ones are left out as well.
    bool fail(const QString &where, const QString &message)
    {
        if (m_result.ok())
            m_result.error = {where, message};
        return false;
    }
    QString convert(const QString &value, const QString &where);
    void fill(Folder &folder, const QString &parentId);
    Request request(const Resource &resource);
    void body(const QJsonObject &object, const QString &where, Request &request);
    AuthConfig auth(const QJsonValue &value, const QString &where);
    KeyValueList rows(const QJsonValue &value, const QString &where);
    VariableList variables(const QJsonValue &data, const QString &where);
    void environments(const QString &workspaceId, Folder &collection);
    QString scripts(const QJsonObject &object, const QString &where);

    ImportResult &m_result;
    QString m_fallbackName;
    QMultiMap<QString, Resource> m_children; // parentId → resources, for the tree
    QSet<QString> m_warnedTags;
};

QString Reader::convert(const QString &value, const QString &where)
{
    QString unknown;
    const QString converted = convertTemplate(value, &unknown);
    if (!unknown.isEmpty() && !m_warnedTags.contains(unknown.section(u' ', 0, 0))) {
        m_warnedTags.insert(unknown.section(u' ', 0, 0));
        warn(where,
            u"the Insomnia template tag “%1” is not understood by Sonde: it stays as written"_s.arg(unknown));
    }
    return converted;
}

KeyValueList Reader::rows(const QJsonValue &value, const QString &where)
{
    KeyValueList list;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject row = array.at(i).toObject();
        const QString name = convert(text(row.value(u"name"_s)), where);
        if (name.isEmpty() && text(row.value(u"value"_s)).isEmpty())
            continue; // Insomnia keeps an empty row at the end of its tables
        list.append({name, convert(text(row.value(u"value"_s)), u"%1[%2]"_s.arg(where).arg(i)),
            !row.value(u"disabled"_s).toBool()});
    }
    return list;
}

VariableList Reader::variables(const QJsonValue &data, const QString &where)
{
    VariableList list;
    const QJsonObject object = data.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isObject()) {
            // Nested values are written {{ _.parent.child }} in Insomnia: flattened to that name.
            const VariableList nested = variables(it.value(), where + u'.' + it.key());
            for (const Variable &variable : nested)
                list.append({it.key() + u'.' + variable.name, variable.value, true, false});
            continue;
        }
        list.append({it.key(), convert(text(it.value()), where + u'.' + it.key()), true, false});
    }
    return list;
}

AuthConfig Reader::auth(const QJsonValue &value, const QString &where)
{
    AuthConfig auth;
    const QJsonObject object = value.toObject();
    const QString type = object.value(u"type"_s).toString();
    if (type.isEmpty())
        return auth; // {}: inherit
    const auto field = [this, &object, &where](const char *key) {
        return convert(text(object.value(QLatin1StringView(key))), where + u'.' + QLatin1StringView(key));
    };
    if (object.value(u"disabled"_s).toBool() || type == u"none") {
        auth.type = AuthConfig::Type::None;
        return auth;
    }
    if (type == u"basic") {
        auth.type = AuthConfig::Type::Basic;
        auth.basic = {field("username"), field("password")};
    } else if (type == u"digest") {
        auth.type = AuthConfig::Type::Digest;
        auth.digest = {field("username"), field("password")};
    } else if (type == u"ntlm") {
        auth.type = AuthConfig::Type::Ntlm;
        auth.ntlm = {field("username"), field("password"), {}};
    } else if (type == u"bearer") {
        auth.type = AuthConfig::Type::Bearer;
        auth.bearer.token = field("token");
        if (const QString prefix = field("prefix"); !prefix.isEmpty())
            auth.bearer.prefix = prefix;
    } else if (type == u"apikey") {
        auth.type = AuthConfig::Type::ApiKey;
        auth.apiKey = {field("key"), field("value"),
            field("addTo") == u"queryParams" ? ApiKey::Location::Query : ApiKey::Location::Header};
        if (field("addTo") == u"cookie") {
            auth.type = AuthConfig::Type::None;
            warn(where,
                u"the API key goes in a cookie, which Sonde's API key auth cannot do: the requests are sent without it"_s);
        }
    } else if (type == u"iam") {
        auth.type = AuthConfig::Type::AwsSigV4;
        auth.aws = {field("accessKeyId"), field("secretAccessKey"), field("sessionToken"), field("region"),
            field("service")};
    } else if (type == u"oauth2") {
        auth.type = AuthConfig::Type::OAuth2;
        OAuth2 &o = auth.oauth2;
        const QString grant = field("grantType");
        o.grant = grant == u"client_credentials" ? OAuth2::Grant::ClientCredentials
            : grant == u"password"               ? OAuth2::Grant::Password
            : grant == u"implicit"               ? OAuth2::Grant::Implicit
                                                 : OAuth2::Grant::AuthorizationCode;
        if (grant == u"refresh_token")
            warn(where,
                u"the refresh token grant is read as authorization code: Sonde refreshes tokens itself"_s);
        o.authUrl = field("authorizationUrl");
        o.tokenUrl = field("accessTokenUrl");
        o.clientId = field("clientId");
        o.clientSecret = field("clientSecret");
        o.scope = field("scope");
        o.audience = field("audience");
        o.resource = field("resource");
        o.username = field("username");
        o.password = field("password");
        if (object.contains(u"usePkce"_s))
            o.pkce = !object.value(u"usePkce"_s).toBool() ? OAuth2::Pkce::None
                : field("pkceMethod") == u"plain"         ? OAuth2::Pkce::Plain
                                                          : OAuth2::Pkce::S256;
        if (object.value(u"credentialsInBody"_s).toBool())
            o.clientAuth = OAuth2::ClientAuth::Post;
        if (const QString prefix = field("tokenPrefix"); !prefix.isEmpty())
            o.headerPrefix = prefix;
    } else {
        auth.type = AuthConfig::Type::None;
        warn(where,
            u"“%1” authentication is not supported by Sonde: the requests it covers are sent without auth"_s
                .arg(type));
    }
    return auth;
}

void Reader::body(const QJsonObject &object, const QString &where, Request &request)
{
    Body &body = request.body;
    const QString mimeType = object.value(u"mimeType"_s).toString();
    const QString media = ImportSupport::mediaType(mimeType);
    if (object.isEmpty()
        || (mimeType.isEmpty() && !object.contains(u"text"_s) && !object.contains(u"params"_s)
            && !object.contains(u"fileName"_s)))
        return;
    if (media == u"application/x-www-form-urlencoded") {
        body.kind = Body::Kind::FormUrlEncoded;
        body.fields = rows(object.value(u"params"_s), where + u".params"_s);
    } else if (media.startsWith(u"multipart/")) {
        body.kind = Body::Kind::Multipart;
        const QJsonArray params = object.value(u"params"_s).toArray();
        for (qsizetype i = 0; i < params.size(); ++i) {
            const QJsonObject param = params.at(i).toObject();
            const QString place = u"%1.params[%2]"_s.arg(where).arg(i);
            MultipartPart part;
            part.name = convert(text(param.value(u"name"_s)), place);
            part.enabled = !param.value(u"disabled"_s).toBool();
            if (param.value(u"type"_s).toString() == u"file") {
                part.filePath = text(param.value(u"fileName"_s));
                if (part.filePath.isEmpty())
                    warn(place, u"the file part names no file: choose the file to send"_s);
            } else {
                part.value = convert(text(param.value(u"value"_s)), place);
            }
            if (part.name.isEmpty() && part.value.isEmpty() && part.filePath.isEmpty())
                continue;
            body.parts.append(part);
        }
    } else if (media == u"application/graphql") {
        body.kind = Body::Kind::GraphQL;
        const QJsonObject graphql = QJsonDocument::fromJson(text(object.value(u"text"_s)).toUtf8()).object();
        body.graphqlQuery = convert(text(graphql.value(u"query"_s)), where + u".text"_s);
        const QJsonValue variables = graphql.value(u"variables"_s);
        body.graphqlVariables = convert(variables.isObject()
                ? QString::fromUtf8(QJsonDocument(variables.toObject()).toJson(QJsonDocument::Indented))
                : text(variables),
            where + u".text"_s);
        body.graphqlOperationName = text(graphql.value(u"operationName"_s));
    } else if (object.contains(u"fileName"_s) && !object.contains(u"text"_s)) {
        body.kind = Body::Kind::Binary;
        body.filePath = text(object.value(u"fileName"_s));
        body.contentType = mimeType;
        if (body.filePath.isEmpty())
            warn(where, u"the file body names no file: choose the file to send"_s);
    } else {
        body.kind = Body::Kind::Raw;
        body.contentType = mimeType.isEmpty() ? u"text/plain"_s : mimeType;
        body.data = convert(text(object.value(u"text"_s)), where + u".text"_s).toUtf8();
    }
}

QString Reader::scripts(const QJsonObject &object, const QString &where)
{
    QStringList kept;
    for (const auto &[key, what] : {std::pair {"preRequestScript", "pre-request script"},
             std::pair {"afterResponseScript", "after-response script"}}) {
        const QString code = text(object.value(QLatin1StringView(key)));
        if (code.trimmed().isEmpty())
            continue;
        warn(where + u'.' + QLatin1StringView(key),
            u"the Insomnia %1 is kept as text in the description; Sonde does not run it"_s.arg(
                QLatin1StringView(what)));
        kept.append(u"Insomnia %1 (not run by Sonde):\n\n```javascript\n%2\n```"_s.arg(
            QLatin1StringView(what), code));
    }
    return kept.join(u"\n\n"_s);
}

Request Reader::request(const Resource &resource)
{
    const QJsonObject &object = resource.object;
    const QString &where = resource.where;
    Request request;
    request.method = text(object.value(u"method"_s)).trimmed().toUpper();
    if (request.method.isEmpty())
        request.method = u"GET"_s;
    const QString url = convert(text(object.value(u"url"_s)), where + u".url"_s);
    KeyValueList params = QueryParams::parse(url);
    params += rows(object.value(u"parameters"_s), where + u".parameters"_s);
    request.url = QueryParams::applyToUrl(url, params);
    request.params = params;
    request.pathParams = PathParams::mergeFromUrl(
        rows(object.value(u"pathParameters"_s), where + u".pathParameters"_s), request.url);
    request.headers = rows(object.value(u"headers"_s), where + u".headers"_s);
    body(object.value(u"body"_s).toObject(), where + u".body"_s, request);
    ImportSupport::adoptContentTypeHeader(request);
    request.auth = auth(object.value(u"authentication"_s), where + u".authentication"_s);
    request.name = text(object.value(u"name"_s));
    if (request.name.isEmpty())
        request.name = ImportSupport::requestName(request.method, request.url);
    request.description = text(object.value(u"description"_s));
    if (const QString code = scripts(object, where); !code.isEmpty())
        request.description += (request.description.isEmpty() ? QString() : u"\n\n"_s) + code;
    const QString follow = text(object.value(u"settingFollowRedirects"_s));
    if (follow == u"off")
        request.settings.followRedirects = false;
    else if (follow == u"on")
        request.settings.followRedirects = true;
    if (object.value(u"settingSendCookies"_s).isBool() && !object.value(u"settingSendCookies"_s).toBool())
        request.settings.sendCookies = false;
    return request;
}

/// Resources are shown by metaSortKey, smaller first; those without one after, in file order.
void sortByKey(QList<Resource> &resources)
{
    std::stable_sort(resources.begin(), resources.end(), [](const Resource &a, const Resource &b) {
        const QJsonValue ka = a.object.value(u"metaSortKey"_s);
        const QJsonValue kb = b.object.value(u"metaSortKey"_s);
        if (ka.isDouble() != kb.isDouble())
            return ka.isDouble();
        return ka.toDouble() < kb.toDouble();
    });
}

void Reader::fill(Folder &folder, const QString &parentId)
{
    QList<Resource> children = m_children.values(parentId);
    std::reverse(children.begin(), children.end()); // QMultiMap returns the latest inserted first
    sortByKey(children);
    for (const Resource &child : std::as_const(children)) {
        const QString type = child.object.value(u"_type"_s).toString();
        if (type == u"request") {
            Request request = this->request(child);
            request.sortKey = int(folder.requests.size() + folder.folders.size());
            folder.requests.append(request);
        } else if (type == u"request_group") {
            Folder sub;
            sub.name = text(child.object.value(u"name"_s));
            sub.description = text(child.object.value(u"description"_s));
            if (const QString code = scripts(child.object, child.where); !code.isEmpty())
                sub.description += (sub.description.isEmpty() ? QString() : u"\n\n"_s) + code;
            sub.variables = variables(child.object.value(u"environment"_s), child.where + u".environment"_s);
            sub.auth = auth(child.object.value(u"authentication"_s), child.where + u".authentication"_s);
            sub.headers = rows(child.object.value(u"headers"_s), child.where + u".headers"_s);
            sub.sortKey = int(folder.requests.size() + folder.folders.size());
            fill(sub, text(child.object.value(u"_id"_s)));
            folder.folders.append(sub);
        }
    }
}

void Reader::environments(const QString &workspaceId, Folder &collection)
{
    const QList<Resource> children = m_children.values(workspaceId);
    for (const Resource &base : children) {
        if (base.object.value(u"_type"_s).toString() != u"environment")
            continue;
        const VariableList baseValues = variables(base.object.value(u"data"_s), base.where + u".data"_s);
        QList<Resource> subs;
        for (const Resource &sub : m_children.values(text(base.object.value(u"_id"_s)))) {
            if (sub.object.value(u"_type"_s).toString() == u"environment")
                subs.append(sub);
        }
        std::reverse(subs.begin(), subs.end());
        sortByKey(subs);
        QList<Environment> made;
        QSet<QString> overridden;
        for (const Resource &sub : std::as_const(subs)) {
            Environment environment;
            environment.name = text(sub.object.value(u"name"_s));
            environment.variables = variables(sub.object.value(u"data"_s), sub.where + u".data"_s);
            for (const Variable &variable : std::as_const(environment.variables))
                overridden.insert(variable.name);
            if (sub.object.value(u"isPrivate"_s).toBool()) {
                for (Variable &variable : environment.variables)
                    variable.secret = true;
            }
            made.append(environment);
        }
        // The base environment always applies in Insomnia: its values become collection variables,
        // except those a sub environment overrides (a collection variable would hide the
        // environment's), which go into every sub environment that does not set them.
        for (const Variable &variable : baseValues) {
            if (!overridden.contains(variable.name)) {
                collection.variables.append(variable);
                continue;
            }
            for (Environment &environment : made) {
                const bool has = std::any_of(environment.variables.cbegin(), environment.variables.cend(),
                    [&variable](const Variable &v) { return v.name == variable.name; });
                if (!has)
                    environment.variables.append(variable);
            }
        }
        m_result.environments += made;
    }
}

bool Reader::read(const QJsonArray &resources)
{
    QList<Resource> workspaces;
    QSet<QString> ids;
    QMap<QString, int> leftOut;
    QMap<QString, QString> leftOutWhere;
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const QString where = u"resources[%1]"_s.arg(i);
        // A bad resource is left out and the others are still read (what sat in a left-out folder
        // goes at the top): the import fails with the first problem, the rest is a partial result.
        if (!resources.at(i).isObject()) {
            fail(where, u"a resource is an object"_s);
            continue;
        }
        const QJsonObject object = resources.at(i).toObject();
        const QString type = object.value(u"_type"_s).toString();
        if (type.isEmpty()) {
            fail(where, u"a resource without “_type”"_s);
            continue;
        }
        const QString id = text(object.value(u"_id"_s));
        if (id.isEmpty()) {
            fail(where + u"._id"_s, u"missing: every resource has an id"_s);
            continue;
        }
        ids.insert(id);
        if (type == u"workspace") {
            workspaces.append({object, where});
        } else if (type == u"request" || type == u"request_group" || type == u"environment") {
            m_children.insert(text(object.value(u"parentId"_s)), {object, where});
        } else {
            ++leftOut[type];
            if (!leftOutWhere.contains(type))
                leftOutWhere.insert(type, where);
        }
    }
    for (auto it = leftOut.cbegin(); it != leftOut.cend(); ++it)
        warn(leftOutWhere.value(it.key()),
            u"%1 %2%3 left out: %4"_s.arg(it.value())
                .arg(leftOutName(it.key()), it.value() > 1 ? u"s are"_s : u" is"_s, leftOutReason(it.key())));
    // Requests whose parent is in no workspace (a partial export) go at the top.
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
        if (!ids.contains(it.key()) && it.value().object.value(u"_type"_s).toString() != u"environment")
            warn(it.value().where + u".parentId"_s,
                u"the parent “%1” is not in the export: the %2 goes at the top of the collection"_s.arg(
                    it.key(),
                    it.value().object.value(u"_type"_s).toString() == u"request" ? u"request"_s
                                                                                 : u"folder"_s));
    }
    Folder &collection = m_result.collection;
    if (workspaces.size() == 1) {
        const QJsonObject &workspace = workspaces.first().object;
        collection.name = text(workspace.value(u"name"_s));
        collection.description = text(workspace.value(u"description"_s));
        fill(collection, text(workspace.value(u"_id"_s)));
        environments(text(workspace.value(u"_id"_s)), collection);
    } else {
        collection.name = m_fallbackName;
        for (const Resource &workspace : std::as_const(workspaces)) {
            Folder folder;
            folder.name = text(workspace.object.value(u"name"_s));
            folder.description = text(workspace.object.value(u"description"_s));
            folder.sortKey = int(collection.folders.size());
            fill(folder, text(workspace.object.value(u"_id"_s)));
            environments(text(workspace.object.value(u"_id"_s)), folder);
            collection.folders.append(folder);
        }
    }
    if (collection.name.isEmpty())
        collection.name = m_fallbackName;
    for (const QString &parent : m_children.uniqueKeys()) {
        if (!ids.contains(parent))
            fill(collection, parent);
    }
    return m_result.ok();
}

} // namespace

QString convertTemplate(const QString &input, QString *unknownTag)
{
    static const QRegularExpression variable(u"\\{\\{\\s*(?:_\\.)?([^{}\\s]+)\\s*\\}\\}"_s);
    static const QRegularExpression tag(u"\\{%\\s*(.*?)\\s*%\\}"_s);
    if (!input.contains(u'{'))
        return input;
    QString output = input;
    output.replace(variable, u"{{\\1}}"_s);
    QString result;
    qsizetype last = 0;
    for (auto it = tag.globalMatch(output); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(output).mid(last, match.capturedStart() - last);
        const QString body = match.captured(1);
        const QString name = body.section(u' ', 0, 0);
        // Arguments are separated by commas: only the first one matters here.
        const QString argument
            = body.section(u' ', 1).section(u',', 0, 0).remove(u'\'').remove(u'"').trimmed();
        if (name == u"uuid")
            result += u"{{$uuid}}"_s;
        else if (name == u"now" && (argument.isEmpty() || argument == u"iso-8601"))
            result += u"{{$isoTimestamp}}"_s;
        else if (name == u"now" && (argument == u"millis" || argument == u"unix"))
            result += u"{{$timestamp}}"_s;
        else {
            result += match.captured(0);
            if (unknownTag && unknownTag->isEmpty())
                *unknownTag = body.left(60);
        }
        last = match.capturedEnd();
    }
    result += QStringView(output).mid(last);
    return result;
}

bool looksLikeInsomnia(const QByteArray &data)
{
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith("\xEF\xBB\xBF{")) {
        QJsonParseError error {};
        const QJsonDocument document
            = QJsonDocument::fromJson(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data, &error);
        if (error.error == QJsonParseError::NoError)
            return document.object().value(u"_type"_s).toString() == u"export"
                && document.object().contains(u"__export_format"_s);
    }
    static const QRegularExpression type(
        u"(^|[{,]\\s*)[\"']?_type[\"']?\\s*:\\s*[\"']?export\\b"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression format(
        u"(^|[{,]\\s*)[\"']?__export_format[\"']?\\s*:"_s, QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(data.left(4096));
    return type.match(text).hasMatch() && format.match(text).hasMatch();
}

ImportResult parse(const QByteArray &data, const QString &fallbackName)
{
    const StructuredText::Parsed parsed = StructuredText::parse(data);
    if (!parsed.ok())
        return ImportResult::failure(Format, parsed.where, parsed.error);
    const QJsonObject root = parsed.value.toObject();
    if (!parsed.value.isObject() || root.value(u"_type"_s).toString() != u"export")
        return ImportResult::failure(Format, {},
            data.trimmed().isEmpty() ? u"the file is empty"_s
                                     : u"this is not an Insomnia export (no “_type: export” at the top)"_s);
    const QJsonValue version = root.value(u"__export_format"_s);
    if (version.isUndefined())
        return ImportResult::failure(
            Format, u"__export_format"_s, u"missing: the export does not say its version"_s);
    if (version.toInt() != 4)
        return ImportResult::failure(Format, u"__export_format"_s,
            u"Insomnia export format %1 is not supported; export as v4 (Insomnia v4 JSON or YAML) from Insomnia"_s
                .arg(text(version)));
    if (!root.value(u"resources"_s).isArray())
        return ImportResult::failure(Format, u"resources"_s, u"must be a list of resources"_s);
    ImportResult result;
    result.format = Format;
    Reader reader(result, fallbackName);
    // On a failure the resources that read well stay: a partial result.
    reader.read(root.value(u"resources"_s).toArray());
    return result;
}

} // namespace Sonde::InsomniaImport
