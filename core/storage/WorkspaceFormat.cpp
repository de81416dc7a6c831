#include "storage/WorkspaceFormat.h"

#include "model/QueryParams.h"
#include "storage/YamlWriter.h"

#include <QSet>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

namespace Sonde::WorkspaceFormat {

namespace {

// ---- writing ---------------------------------------------------------------------------------

YamlNode keyValuesNode(const KeyValueList &rows)
{
    YamlNode list = YamlNode::sequence();
    for (const KeyValue &row : rows) {
        YamlNode item;
        item.insert(QStringLiteral("key"), YamlNode::string(row.key));
        item.insert(QStringLiteral("value"), YamlNode::string(row.value));
        if (!row.enabled)
            item.insert(QStringLiteral("enabled"), YamlNode::boolean(false));
        list.append(item);
    }
    return list;
}

YamlNode variablesNode(const VariableList &variables)
{
    YamlNode list = YamlNode::sequence();
    for (const Variable &variable : variables) {
        YamlNode item;
        item.insert(QStringLiteral("name"), YamlNode::string(variable.name));
        // A secret's value lives in the keychain: the file only says that there is one.
        if (variable.secret)
            item.insert(QStringLiteral("secret"), YamlNode::boolean(true));
        else
            item.insert(QStringLiteral("value"), YamlNode::string(variable.value));
        if (!variable.enabled)
            item.insert(QStringLiteral("enabled"), YamlNode::boolean(false));
        list.append(item);
    }
    return list;
}

QString captureSourceName(ResponseCapture::Source source)
{
    switch (source) {
    case ResponseCapture::Source::JsonPath: return QStringLiteral("jsonpath");
    case ResponseCapture::Source::Header: return QStringLiteral("header");
    case ResponseCapture::Source::Status: return QStringLiteral("status");
    }
    return QStringLiteral("jsonpath");
}

QString httpVersionName(HttpVersionPolicy policy)
{
    switch (policy) {
    case HttpVersionPolicy::Automatic: return QStringLiteral("auto");
    case HttpVersionPolicy::Http1Only: return QStringLiteral("http1.1");
    case HttpVersionPolicy::Http2PriorKnowledge: return QStringLiteral("http2-prior-knowledge");
    }
    return QStringLiteral("auto");
}

void insertIfAny(YamlNode &map, const QString &key, const YamlNode &value)
{
    if (!value.isEmptyCollection())
        map.insert(key, value);
}

// ---- reading ---------------------------------------------------------------------------------

/// Thrown inside the parsers; turned into a FormatProblem at the boundary.
struct ReadError
{
    QString message;
    YAML::Mark mark;
};

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

QString describe(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("a mapping");
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsNull())
        return QStringLiteral("nothing");
    return QStringLiteral("“%1”").arg(text(node));
}

class Reader
{
public:
    explicit Reader(FormatProblems *warnings) : m_warnings(warnings) { }

    void expectMap(const YAML::Node &node, const QString &what) const
    {
        if (!node.IsMap())
            throw ReadError {QStringLiteral("%1 must be a mapping of keys to values, not %2").arg(what, describe(node)),
                             node.Mark()};
    }

    /// Warns about keys this version does not know, so a typo does not vanish silently.
    void checkKeys(const YAML::Node &map, std::initializer_list<const char *> known, const QString &where) const
    {
        for (const auto &entry : map) {
            const std::string key = entry.first.Scalar();
            if (std::none_of(known.begin(), known.end(), [&key](const char *k) { return key == k; }) && m_warnings)
                m_warnings->append({QString(), entry.first.Mark().line + 1, entry.first.Mark().column + 1,
                                    QStringLiteral("unknown key “%1” in %2 ignored").arg(QString::fromStdString(key), where),
                                    true});
        }
    }

    QString string(const YAML::Node &map, const char *key, const QString &fallback = QString()) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        if (!node.IsScalar())
            throw ReadError {QStringLiteral("“%1” must be text, not %2").arg(QLatin1String(key), describe(node)),
                             node.Mark()};
        return text(node);
    }

    bool boolean(const YAML::Node &map, const char *key, bool fallback) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        bool value = fallback;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
            throw ReadError {QStringLiteral("“%1” must be true or false, not %2").arg(QLatin1String(key), describe(node)),
                             node.Mark()};
        return value;
    }

    qint64 integer(const YAML::Node &map, const char *key, qint64 fallback, qint64 minimum, qint64 maximum) const
    {
        const YAML::Node node = map[key];
        if (!node.IsDefined() || node.IsNull())
            return fallback;
        bool ok = false;
        const qint64 value = node.IsScalar() ? text(node).toLongLong(&ok) : 0;
        if (!ok || value < minimum || value > maximum)
            throw ReadError {QStringLiteral("“%1” must be a whole number from %2 to %3, not %4")
                                 .arg(QLatin1String(key))
                                 .arg(minimum)
                                 .arg(maximum)
                                 .arg(describe(node)),
                             node.Mark()};
        return value;
    }

    YAML::Node list(const YAML::Node &map, const char *key) const
    {
        const YAML::Node node = map[key];
        if (node.IsDefined() && !node.IsNull() && !node.IsSequence())
            throw ReadError {QStringLiteral("“%1” must be a list, not %2").arg(QLatin1String(key), describe(node)),
                             node.Mark()};
        return node;
    }

    KeyValueList keyValues(const YAML::Node &map, const char *key) const
    {
        KeyValueList rows;
        const YAML::Node items = list(map, key);
        if (!items.IsDefined() || items.IsNull())
            return rows;
        for (const YAML::Node &item : items) {
            expectMap(item, QStringLiteral("Each entry of “%1”").arg(QLatin1String(key)));
            checkKeys(item, {"key", "value", "enabled"}, QLatin1String(key));
            rows.append({string(item, "key"), string(item, "value"), boolean(item, "enabled", true)});
        }
        return rows;
    }

    VariableList variables(const YAML::Node &map, const char *key) const
    {
        VariableList result;
        const YAML::Node items = list(map, key);
        if (!items.IsDefined() || items.IsNull())
            return result;
        for (const YAML::Node &item : items) {
            expectMap(item, QStringLiteral("Each entry of “%1”").arg(QLatin1String(key)));
            checkKeys(item, {"name", "value", "secret", "enabled"}, QLatin1String(key));
            Variable variable;
            variable.name = string(item, "name");
            if (variable.name.isEmpty())
                throw ReadError {QStringLiteral("A variable needs a name"), item.Mark()};
            variable.secret = boolean(item, "secret", false);
            variable.value = variable.secret ? QString() : string(item, "value");
            variable.enabled = boolean(item, "enabled", true);
            result.append(variable);
        }
        return result;
    }

private:
    FormatProblems *m_warnings;
};

/// Runs `parse` on the YAML document in `bytes`, turning every failure into `problem`.
template<typename Parse>
bool readDocument(const QByteArray &bytes, FormatProblem *problem, Parse parse)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString decoded = decoder.decode(bytes); // decode() is lazy: converting runs it
    if (decoder.hasError() || decoded.size() < 0) {
        if (problem)
            *problem = {QString(), 0, 0, QStringLiteral("The file is not valid UTF-8 text"), false};
        return false;
    }
    try {
        const YAML::Node root = YAML::Load(bytes.toStdString());
        parse(root);
        return true;
    } catch (const ReadError &error) {
        if (problem)
            *problem = {QString(), error.mark.line + 1, error.mark.column + 1, error.message, false};
    } catch (const YAML::Exception &error) {
        if (problem)
            *problem = {QString(), error.mark.line + 1, error.mark.column + 1,
                        QStringLiteral("Not valid YAML: %1").arg(QString::fromStdString(error.msg)), false};
    }
    return false;
}

} // namespace

// ---- requests --------------------------------------------------------------------------------

QByteArray requestToYaml(const Request &request)
{
    YamlNode root;
    root.insert(QStringLiteral("name"), YamlNode::string(request.name));
    root.insert(QStringLiteral("method"), YamlNode::string(request.method));
    root.insert(QStringLiteral("url"), YamlNode::string(request.url));
    if (!request.description.isEmpty())
        root.insert(QStringLiteral("description"), YamlNode::string(request.description));
    if (request.sortKey != 0)
        root.insert(QStringLiteral("sort"), YamlNode::integer(request.sortKey));
    // Disabled query rows are not in the URL: the file keeps them so they can be switched back on.
    KeyValueList disabledParams;
    for (const KeyValue &param : request.params) {
        if (!param.enabled)
            disabledParams.append(param);
    }
    insertIfAny(root, QStringLiteral("disabledParams"), keyValuesNode(disabledParams));
    insertIfAny(root, QStringLiteral("headers"), keyValuesNode(request.headers));
    if (request.body.kind == Body::Kind::Raw) {
        YamlNode body;
        body.insert(QStringLiteral("type"), YamlNode::string(QStringLiteral("raw")));
        if (!request.body.contentType.isEmpty())
            body.insert(QStringLiteral("contentType"), YamlNode::string(request.body.contentType));
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        const QString bodyText = decoder.decode(request.body.data);
        if (decoder.hasError())
            body.insert(QStringLiteral("base64"), YamlNode::string(QString::fromLatin1(request.body.data.toBase64())));
        else
            body.insert(QStringLiteral("text"), YamlNode::string(bodyText));
        root.insert(QStringLiteral("body"), body);
    }
    const RequestSettings defaults;
    const RequestSettings &s = request.settings;
    YamlNode settings;
    if (s.timeoutMs != defaults.timeoutMs)
        settings.insert(QStringLiteral("timeoutMs"), YamlNode::integer(s.timeoutMs));
    if (s.followRedirects != defaults.followRedirects)
        settings.insert(QStringLiteral("followRedirects"), YamlNode::boolean(s.followRedirects));
    if (s.maxRedirects != defaults.maxRedirects)
        settings.insert(QStringLiteral("maxRedirects"), YamlNode::integer(s.maxRedirects));
    if (s.ignoreTlsErrors != defaults.ignoreTlsErrors)
        settings.insert(QStringLiteral("ignoreTlsErrors"), YamlNode::boolean(s.ignoreTlsErrors));
    if (s.httpVersion != defaults.httpVersion)
        settings.insert(QStringLiteral("httpVersion"), YamlNode::string(httpVersionName(s.httpVersion)));
    insertIfAny(root, QStringLiteral("settings"), settings);
    insertIfAny(root, QStringLiteral("variables"), variablesNode(request.variables));
    YamlNode captures = YamlNode::sequence();
    for (const ResponseCapture &capture : request.captures) {
        YamlNode item;
        item.insert(QStringLiteral("variable"), YamlNode::string(capture.variable));
        item.insert(QStringLiteral("from"), YamlNode::string(captureSourceName(capture.source)));
        if (capture.source != ResponseCapture::Source::Status)
            item.insert(QStringLiteral("expression"), YamlNode::string(capture.expression));
        if (!capture.enabled)
            item.insert(QStringLiteral("enabled"), YamlNode::boolean(false));
        captures.append(item);
    }
    insertIfAny(root, QStringLiteral("captures"), captures);
    return root.toYaml();
}

std::optional<Request> requestFromYaml(const QByteArray &bytes, FormatProblem *problem, FormatProblems *warnings)
{
    Request request;
    const Reader reader(warnings);
    const bool ok = readDocument(bytes, problem, [&](const YAML::Node &root) {
        reader.expectMap(root, QStringLiteral("A request file"));
        reader.checkKeys(root, {"name", "method", "url", "description", "sort", "disabledParams", "headers", "body",
                                "settings", "variables", "captures"},
                         QStringLiteral("the request"));
        if (!root["method"].IsDefined() || !root["url"].IsDefined())
            throw ReadError {QStringLiteral("A request file needs “method” and “url”"), root.Mark()};
        request.name = reader.string(root, "name");
        request.method = reader.string(root, "method", QStringLiteral("GET"));
        request.url = reader.string(root, "url");
        request.description = reader.string(root, "description");
        request.sortKey = int(reader.integer(root, "sort", 0, -1'000'000'000, 1'000'000'000));
        // The enabled query rows are the URL's; the disabled ones follow them.
        request.params = QueryParams::parse(request.url);
        for (KeyValue row : reader.keyValues(root, "disabledParams")) {
            row.enabled = false;
            request.params.append(row);
        }
        request.headers = reader.keyValues(root, "headers");

        const YAML::Node body = root["body"];
        if (body.IsDefined() && !body.IsNull()) {
            reader.expectMap(body, QStringLiteral("“body”"));
            reader.checkKeys(body, {"type", "contentType", "text", "base64"}, QStringLiteral("the body"));
            const QString type = reader.string(body, "type", QStringLiteral("raw"));
            if (type != u"raw")
                throw ReadError {QStringLiteral("Unknown body type “%1”").arg(type), body["type"].Mark()};
            request.body.kind = Body::Kind::Raw;
            request.body.contentType = reader.string(body, "contentType");
            if (body["base64"].IsDefined())
                request.body.data = QByteArray::fromBase64(reader.string(body, "base64").toLatin1());
            else
                request.body.data = reader.string(body, "text").toUtf8();
        }

        const YAML::Node settings = root["settings"];
        if (settings.IsDefined() && !settings.IsNull()) {
            reader.expectMap(settings, QStringLiteral("“settings”"));
            reader.checkKeys(settings, {"timeoutMs", "followRedirects", "maxRedirects", "ignoreTlsErrors", "httpVersion"},
                             QStringLiteral("the settings"));
            RequestSettings &s = request.settings;
            s.timeoutMs = int(reader.integer(settings, "timeoutMs", s.timeoutMs, 0, 24 * 3600 * 1000));
            s.followRedirects = reader.boolean(settings, "followRedirects", s.followRedirects);
            s.maxRedirects = int(reader.integer(settings, "maxRedirects", s.maxRedirects, 0, 1000));
            s.ignoreTlsErrors = reader.boolean(settings, "ignoreTlsErrors", s.ignoreTlsErrors);
            const QString version = reader.string(settings, "httpVersion", QStringLiteral("auto"));
            if (version == u"auto")
                s.httpVersion = HttpVersionPolicy::Automatic;
            else if (version == u"http1.1")
                s.httpVersion = HttpVersionPolicy::Http1Only;
            else if (version == u"http2-prior-knowledge")
                s.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
            else
                throw ReadError {QStringLiteral("“httpVersion” must be auto, http1.1 or http2-prior-knowledge, not “%1”")
                                     .arg(version),
                                 settings["httpVersion"].Mark()};
        }
        request.variables = reader.variables(root, "variables");

        const YAML::Node captures = reader.list(root, "captures");
        if (captures.IsDefined() && !captures.IsNull()) {
            for (const YAML::Node &item : captures) {
                reader.expectMap(item, QStringLiteral("Each entry of “captures”"));
                reader.checkKeys(item, {"variable", "from", "expression", "enabled"}, QStringLiteral("captures"));
                ResponseCapture capture;
                capture.variable = reader.string(item, "variable");
                const QString from = reader.string(item, "from", QStringLiteral("jsonpath"));
                if (from == u"jsonpath")
                    capture.source = ResponseCapture::Source::JsonPath;
                else if (from == u"header")
                    capture.source = ResponseCapture::Source::Header;
                else if (from == u"status")
                    capture.source = ResponseCapture::Source::Status;
                else
                    throw ReadError {QStringLiteral("“from” must be jsonpath, header or status, not “%1”").arg(from),
                                     item["from"].Mark()};
                capture.expression = reader.string(item, "expression");
                capture.enabled = reader.boolean(item, "enabled", true);
                request.captures.append(capture);
            }
        }
    });
    if (!ok)
        return std::nullopt;
    return request;
}

// ---- folders, environments, the workspace ------------------------------------------------------

QByteArray folderToYaml(const Folder &folder)
{
    YamlNode root;
    root.insert(QStringLiteral("name"), YamlNode::string(folder.name));
    if (!folder.description.isEmpty())
        root.insert(QStringLiteral("description"), YamlNode::string(folder.description));
    if (folder.sortKey != 0)
        root.insert(QStringLiteral("sort"), YamlNode::integer(folder.sortKey));
    insertIfAny(root, QStringLiteral("headers"), keyValuesNode(folder.headers));
    insertIfAny(root, QStringLiteral("variables"), variablesNode(folder.variables));
    return root.toYaml();
}

bool folderFromYaml(const QByteArray &bytes, Folder *folder, FormatProblem *problem, FormatProblems *warnings)
{
    Folder read = *folder;
    const Reader reader(warnings);
    const bool ok = readDocument(bytes, problem, [&](const YAML::Node &root) {
        reader.expectMap(root, QStringLiteral("A folder file"));
        reader.checkKeys(root, {"name", "description", "sort", "headers", "variables"}, QStringLiteral("the folder"));
        read.name = reader.string(root, "name", folder->name);
        read.description = reader.string(root, "description");
        read.sortKey = int(reader.integer(root, "sort", 0, -1'000'000'000, 1'000'000'000));
        read.headers = reader.keyValues(root, "headers");
        read.variables = reader.variables(root, "variables");
    });
    if (ok)
        *folder = read;
    return ok;
}

QByteArray environmentToYaml(const Environment &environment)
{
    YamlNode root;
    root.insert(QStringLiteral("name"), YamlNode::string(environment.name));
    insertIfAny(root, QStringLiteral("variables"), variablesNode(environment.variables));
    return root.toYaml();
}

std::optional<Environment> environmentFromYaml(const QByteArray &bytes, FormatProblem *problem,
                                               FormatProblems *warnings)
{
    Environment environment;
    const Reader reader(warnings);
    const bool ok = readDocument(bytes, problem, [&](const YAML::Node &root) {
        reader.expectMap(root, QStringLiteral("An environment file"));
        reader.checkKeys(root, {"name", "variables"}, QStringLiteral("the environment"));
        environment.name = reader.string(root, "name");
        if (environment.name.isEmpty())
            throw ReadError {QStringLiteral("An environment needs a “name”"), root.Mark()};
        environment.variables = reader.variables(root, "variables");
    });
    if (!ok)
        return std::nullopt;
    return environment;
}

QByteArray workspaceToYaml(const Workspace &workspace)
{
    YamlNode root;
    root.insert(QStringLiteral("sonde"), YamlNode::integer(Version));
    root.insert(QStringLiteral("name"), YamlNode::string(workspace.name));
    insertIfAny(root, QStringLiteral("globals"), variablesNode(workspace.globals));
    return root.toYaml();
}

bool workspaceFromYaml(const QByteArray &bytes, Workspace *workspace, FormatProblem *problem, FormatProblems *warnings)
{
    Workspace read = *workspace;
    const Reader reader(warnings);
    const bool ok = readDocument(bytes, problem, [&](const YAML::Node &root) {
        reader.expectMap(root, QStringLiteral("workspace.yaml"));
        reader.checkKeys(root, {"sonde", "name", "globals"}, QStringLiteral("the workspace"));
        const qint64 version = reader.integer(root, "sonde", 0, 0, 1'000'000);
        if (version < 1)
            throw ReadError {QStringLiteral("workspace.yaml must say which format it uses (“sonde: %1”)").arg(Version),
                             root.Mark()};
        if (version > Version)
            throw ReadError {QStringLiteral("This workspace uses format %1; this version of Sonde reads up to %2")
                                 .arg(version)
                                 .arg(Version),
                             root["sonde"].Mark()};
        read.name = reader.string(root, "name");
        read.globals = reader.variables(root, "globals");
    });
    if (ok)
        *workspace = read;
    return ok;
}

QString fileNameFor(const QString &name)
{
    QString result;
    for (const QChar c : name.trimmed()) {
        if (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c))
            result += u'-';
        else
            result += c;
    }
    while (result.startsWith(u'.') || result.startsWith(u'_'))
        result.remove(0, 1);
    if (result.size() > 80)
        result.truncate(80);
    result = result.trimmed();
    return result.isEmpty() ? QStringLiteral("Untitled") : result;
}

} // namespace Sonde::WorkspaceFormat
