#include "storage/WorkspaceFormat.h"

#include "model/PathParams.h"
#include "model/QueryParams.h"
#include "storage/AuthYaml.h"
#include "storage/RequestYaml.h"
#include "storage/YamlReader.h"
#include "storage/YamlWriter.h"

#include <QSet>
#include <QStringDecoder>

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace Sonde::WorkspaceFormat {

namespace {

// ---- writing ---------------------------------------------------------------------------------

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

void insertIfAny(YamlNode &map, const QString &key, const YamlNode &value)
{
    if (!value.isEmptyCollection())
        map.insert(key, value);
}

// ---- reading ---------------------------------------------------------------------------------

using namespace YamlRead;

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
    insertIfAny(root, QStringLiteral("disabledParams"), RequestYaml::keyValuesNode(disabledParams));
    // Only the rows of names still in the URL are worth keeping, and only when one holds a value: the
    // reader makes the empty rows again from the URL.
    const KeyValueList pathParams = PathParams::mergeFromUrl(request.pathParams, request.url);
    if (std::any_of(pathParams.cbegin(), pathParams.cend(), [](const KeyValue &row) { return !row.value.isEmpty() || !row.enabled; }))
        insertIfAny(root, QStringLiteral("pathParams"), RequestYaml::keyValuesNode(pathParams));
    insertIfAny(root, QStringLiteral("headers"), RequestYaml::keyValuesNode(request.headers));
    insertIfAny(root, QStringLiteral("auth"), AuthYaml::authNode(request.auth));
    insertIfAny(root, QStringLiteral("body"), RequestYaml::bodyNode(request.body));
    insertIfAny(root, QStringLiteral("settings"), RequestYaml::settingsNode(request.settings));
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
        reader.checkKeys(root,
                         {"name", "method", "url", "description", "sort", "disabledParams", "pathParams", "headers",
                          "auth", "body", "settings", "variables", "captures"},
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
        request.pathParams = PathParams::mergeFromUrl(reader.keyValues(root, "pathParams"), request.url);
        request.headers = reader.keyValues(root, "headers");
        AuthYaml::readAuth(reader, root["auth"], request.auth);

        RequestYaml::readBody(reader, root["body"], request.body);
        RequestYaml::readSettings(reader, root["settings"], request.settings);
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
    insertIfAny(root, QStringLiteral("headers"), RequestYaml::keyValuesNode(folder.headers));
    insertIfAny(root, QStringLiteral("auth"), AuthYaml::authNode(folder.auth));
    insertIfAny(root, QStringLiteral("variables"), variablesNode(folder.variables));
    return root.toYaml();
}

bool folderFromYaml(const QByteArray &bytes, Folder *folder, FormatProblem *problem, FormatProblems *warnings)
{
    Folder read = *folder;
    const Reader reader(warnings);
    const bool ok = readDocument(bytes, problem, [&](const YAML::Node &root) {
        reader.expectMap(root, QStringLiteral("A folder file"));
        reader.checkKeys(root, {"name", "description", "sort", "headers", "auth", "variables"}, QStringLiteral("the folder"));
        read.name = reader.string(root, "name", folder->name);
        read.description = reader.string(root, "description");
        read.sortKey = int(reader.integer(root, "sort", 0, -1'000'000'000, 1'000'000'000));
        read.headers = reader.keyValues(root, "headers");
        read.auth = AuthConfig();
        AuthYaml::readAuth(reader, root["auth"], read.auth);
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
