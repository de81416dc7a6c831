#include "storage/RequestYaml.h"

#include <QStringDecoder>

namespace Sonde::RequestYaml {

namespace {

QString proxyModeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::Default: return QStringLiteral("default");
    case ProxySettings::Mode::None: return QStringLiteral("none");
    case ProxySettings::Mode::System: return QStringLiteral("system");
    case ProxySettings::Mode::Custom: return QStringLiteral("custom");
    }
    return QStringLiteral("none");
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

void insertText(YamlNode &map, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        map.insert(key, YamlNode::string(value));
}

YamlNode rawBody(const Body &body)
{
    YamlNode node;
    node.insert(QStringLiteral("type"), YamlNode::string(QStringLiteral("raw")));
    insertText(node, QStringLiteral("contentType"), body.contentType);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString bodyText = decoder.decode(body.data);
    if (decoder.hasError())
        node.insert(QStringLiteral("base64"), YamlNode::string(QString::fromLatin1(body.data.toBase64())));
    else
        node.insert(QStringLiteral("text"), YamlNode::string(bodyText));
    return node;
}

YamlNode partsNode(const QList<MultipartPart> &parts)
{
    YamlNode list = YamlNode::sequence();
    for (const MultipartPart &part : parts) {
        YamlNode item;
        item.insert(QStringLiteral("name"), YamlNode::string(part.name));
        if (part.isFile())
            item.insert(QStringLiteral("file"), YamlNode::string(part.filePath));
        else
            item.insert(QStringLiteral("value"), YamlNode::string(part.value));
        insertText(item, QStringLiteral("contentType"), part.contentType);
        insertText(item, QStringLiteral("fileName"), part.fileName);
        if (!part.enabled)
            item.insert(QStringLiteral("enabled"), YamlNode::boolean(false));
        list.append(item);
    }
    return list;
}

} // namespace

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

YamlNode bodyNode(const Body &body)
{
    YamlNode node;
    const auto type = [&node](const char *name) { node.insert(QStringLiteral("type"), YamlNode::string(QLatin1String(name))); };
    switch (body.kind) {
    case Body::Kind::None:
        return node;
    case Body::Kind::Raw:
        return rawBody(body);
    case Body::Kind::FormUrlEncoded:
        type("form");
        node.insert(QStringLiteral("fields"), keyValuesNode(body.fields));
        return node;
    case Body::Kind::Multipart:
        type("multipart");
        node.insert(QStringLiteral("parts"), partsNode(body.parts));
        return node;
    case Body::Kind::Binary:
        type("binary");
        insertText(node, QStringLiteral("contentType"), body.contentType);
        node.insert(QStringLiteral("file"), YamlNode::string(body.filePath));
        return node;
    case Body::Kind::GraphQL:
        type("graphql");
        node.insert(QStringLiteral("query"), YamlNode::string(body.graphqlQuery));
        insertText(node, QStringLiteral("variables"), body.graphqlVariables);
        insertText(node, QStringLiteral("operationName"), body.graphqlOperationName);
        if (body.graphqlUseGet)
            node.insert(QStringLiteral("useGet"), YamlNode::boolean(true));
        return node;
    }
    return node;
}

YamlNode settingsNode(const RequestSettings &s)
{
    const RequestSettings defaults;
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
    if (s.sendCookies != defaults.sendCookies)
        settings.insert(QStringLiteral("sendCookies"), YamlNode::boolean(s.sendCookies));
    if (s.proxy != defaults.proxy) {
        YamlNode proxy;
        proxy.insert(QStringLiteral("mode"), YamlNode::string(proxyModeName(s.proxy.mode)));
        insertText(proxy, QStringLiteral("url"), s.proxy.url);
        insertText(proxy, QStringLiteral("user"), s.proxy.user);
        insertText(proxy, QStringLiteral("password"), s.proxy.password);
        settings.insert(QStringLiteral("proxy"), proxy);
    }
    return settings;
}

void readBody(const YamlRead::Reader &reader, const YAML::Node &node, Body &body)
{
    using YamlRead::ReadError;
    if (!node.IsDefined() || node.IsNull())
        return;
    reader.expectMap(node, QStringLiteral("“body”"));
    const QString type = reader.string(node, "type", QStringLiteral("raw"));
    if (type == u"raw") {
        reader.checkKeys(node, {"type", "contentType", "text", "base64"}, QStringLiteral("the body"));
        body.kind = Body::Kind::Raw;
        body.contentType = reader.string(node, "contentType");
        if (node["base64"].IsDefined())
            body.data = QByteArray::fromBase64(reader.string(node, "base64").toLatin1());
        else
            body.data = reader.string(node, "text").toUtf8();
    } else if (type == u"form") {
        reader.checkKeys(node, {"type", "fields"}, QStringLiteral("the body"));
        body.kind = Body::Kind::FormUrlEncoded;
        body.fields = reader.keyValues(node, "fields");
    } else if (type == u"multipart") {
        reader.checkKeys(node, {"type", "parts"}, QStringLiteral("the body"));
        body.kind = Body::Kind::Multipart;
        const YAML::Node parts = reader.list(node, "parts");
        if (!parts.IsDefined() || parts.IsNull())
            return;
        for (const YAML::Node &item : parts) {
            reader.expectMap(item, QStringLiteral("Each entry of “parts”"));
            reader.checkKeys(item, {"name", "value", "file", "contentType", "fileName", "enabled"}, QStringLiteral("parts"));
            if (item["value"].IsDefined() && item["file"].IsDefined())
                throw ReadError {QStringLiteral("A part has a “value” or a “file”, not both"), item.Mark()};
            body.parts.append({reader.string(item, "name"), reader.string(item, "value"), reader.string(item, "file"),
                               reader.string(item, "contentType"), reader.string(item, "fileName"),
                               reader.boolean(item, "enabled", true)});
        }
    } else if (type == u"binary") {
        reader.checkKeys(node, {"type", "contentType", "file"}, QStringLiteral("the body"));
        body.kind = Body::Kind::Binary;
        body.contentType = reader.string(node, "contentType");
        body.filePath = reader.string(node, "file");
    } else if (type == u"graphql") {
        reader.checkKeys(node, {"type", "query", "variables", "operationName", "useGet"}, QStringLiteral("the body"));
        body.kind = Body::Kind::GraphQL;
        body.graphqlQuery = reader.string(node, "query");
        body.graphqlVariables = reader.string(node, "variables");
        body.graphqlOperationName = reader.string(node, "operationName");
        body.graphqlUseGet = reader.boolean(node, "useGet", false);
    } else {
        throw ReadError {QStringLiteral("Unknown body type “%1” (raw, form, multipart, binary or graphql)").arg(type),
                         node["type"].Mark()};
    }
}

void readSettings(const YamlRead::Reader &reader, const YAML::Node &node, RequestSettings &s)
{
    using YamlRead::ReadError;
    if (!node.IsDefined() || node.IsNull())
        return;
    reader.expectMap(node, QStringLiteral("“settings”"));
    reader.checkKeys(node, {"timeoutMs", "followRedirects", "maxRedirects", "ignoreTlsErrors", "httpVersion",
                                "sendCookies", "proxy"},
                     QStringLiteral("the settings"));
    s.timeoutMs = int(reader.integer(node, "timeoutMs", s.timeoutMs, 0, 24 * 3600 * 1000));
    s.followRedirects = reader.boolean(node, "followRedirects", s.followRedirects);
    s.maxRedirects = int(reader.integer(node, "maxRedirects", s.maxRedirects, 0, 1000));
    s.ignoreTlsErrors = reader.boolean(node, "ignoreTlsErrors", s.ignoreTlsErrors);
    s.sendCookies = reader.boolean(node, "sendCookies", s.sendCookies);
    const QString version = reader.string(node, "httpVersion", QStringLiteral("auto"));
    if (version == u"auto")
        s.httpVersion = HttpVersionPolicy::Automatic;
    else if (version == u"http1.1")
        s.httpVersion = HttpVersionPolicy::Http1Only;
    else if (version == u"http2-prior-knowledge")
        s.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
    else
        throw ReadError {QStringLiteral("“httpVersion” must be auto, http1.1 or http2-prior-knowledge, not “%1”").arg(version),
                         node["httpVersion"].Mark()};
    readProxy(reader, node["proxy"], s.proxy);
}

void readProxy(const YamlRead::Reader &reader, const YAML::Node &node, ProxySettings &proxy)
{
    using YamlRead::ReadError;
    if (!node.IsDefined() || node.IsNull())
        return;
    reader.expectMap(node, QStringLiteral("“proxy”"));
    reader.checkKeys(node, {"mode", "url", "user", "password"}, QStringLiteral("the proxy"));
    const QString mode = reader.string(node, "mode", QStringLiteral("custom"));
    if (mode == u"default")
        proxy.mode = ProxySettings::Mode::Default;
    else if (mode == u"none")
        proxy.mode = ProxySettings::Mode::None;
    else if (mode == u"system")
        proxy.mode = ProxySettings::Mode::System;
    else if (mode == u"custom")
        proxy.mode = ProxySettings::Mode::Custom;
    else
        throw ReadError {QStringLiteral("“mode” must be default, none, system or custom, not “%1”").arg(mode), node["mode"].Mark()};
    proxy.url = reader.string(node, "url");
    proxy.user = reader.string(node, "user");
    proxy.password = reader.string(node, "password");
    if (proxy.mode == ProxySettings::Mode::Custom && proxy.url.isEmpty())
        throw ReadError {QStringLiteral("A custom proxy needs a “url” (http://host:port or socks5://host:port)"), node.Mark()};
}

} // namespace Sonde::RequestYaml
