#include "storage/AuthYaml.h"

#include "storage/RequestYaml.h"

#include <span>

namespace Sonde::AuthYaml {

namespace {

using YamlRead::ReadError;

void insertText(YamlNode &map, const char *key, const QString &value)
{
    if (!value.isEmpty())
        map.insert(QLatin1String(key), YamlNode::string(value));
}

/// A choice written by name: `names` lists the enum's values in order.
template<typename Enum> QString enumName(Enum value, std::span<const char *const> names)
{
    const auto index = std::size_t(value);
    return index < names.size() ? QLatin1String(names[index]) : QString();
}

template<typename Enum>
Enum readEnum(const YamlRead::Reader &reader, const YAML::Node &map, const char *key, Enum fallback,
    std::span<const char *const> names)
{
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull())
        return fallback;
    const QString text = reader.string(map, key);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (text.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return Enum(i);
    }
    QStringList allowed;
    for (const char *name : names)
        allowed.append(QLatin1String(name));
    throw ReadError {QStringLiteral("“%1” must be one of %2, not “%3”")
                         .arg(QLatin1String(key), allowed.join(QStringLiteral(", ")), text),
        node.Mark()};
}

constexpr const char *grantNames[]
    = {"authorization_code", "client_credentials", "password", "device_code", "implicit", "refresh_token"};
constexpr const char *pkceNames[] = {"none", "S256", "plain"};
constexpr const char *clientAuthNames[] = {"basic", "post"};
constexpr const char *keyLocationNames[] = {"header", "query"};

YamlNode oauth2Node(YamlNode node, const OAuth2 &o)
{
    const OAuth2 defaults;
    node.insert(QStringLiteral("grant"), YamlNode::string(enumName(o.grant, grantNames)));
    insertText(node, "issuer", o.issuer);
    insertText(node, "authUrl", o.authUrl);
    insertText(node, "tokenUrl", o.tokenUrl);
    insertText(node, "deviceAuthUrl", o.deviceAuthUrl);
    insertText(node, "clientId", o.clientId);
    insertText(node, "clientSecret", o.clientSecret);
    insertText(node, "scope", o.scope);
    insertText(node, "audience", o.audience);
    insertText(node, "resource", o.resource);
    if (o.pkce != defaults.pkce)
        node.insert(QStringLiteral("pkce"), YamlNode::string(enumName(o.pkce, pkceNames)));
    if (o.redirectPort != defaults.redirectPort)
        node.insert(QStringLiteral("redirectPort"), YamlNode::integer(o.redirectPort));
    if (o.redirectPath != defaults.redirectPath)
        node.insert(QStringLiteral("redirectPath"), YamlNode::string(o.redirectPath));
    if (o.clientAuth != defaults.clientAuth)
        node.insert(QStringLiteral("clientAuth"), YamlNode::string(enumName(o.clientAuth, clientAuthNames)));
    insertText(node, "username", o.username);
    insertText(node, "password", o.password);
    insertText(node, "refreshToken", o.refreshToken);
    const YamlNode extra = RequestYaml::keyValuesNode(o.extraParams);
    if (!extra.isEmptyCollection())
        node.insert(QStringLiteral("extraParams"), extra);
    if (o.headerPrefix != defaults.headerPrefix)
        node.insert(QStringLiteral("headerPrefix"), YamlNode::string(o.headerPrefix));
    insertText(node, "token", o.accessToken);
    return node;
}

void readOAuth2(const YamlRead::Reader &reader, const YAML::Node &node, OAuth2 &o)
{
    reader.checkKeys(node,
        {"type", "grant", "issuer", "authUrl", "tokenUrl", "deviceAuthUrl", "clientId", "clientSecret",
            "scope", "audience", "resource", "pkce", "redirectPort", "redirectPath", "clientAuth", "username",
            "password", "refreshToken", "extraParams", "headerPrefix", "token"},
        QStringLiteral("the OAuth 2.0 auth"));
    o.grant = readEnum(reader, node, "grant", o.grant, grantNames);
    o.issuer = reader.string(node, "issuer");
    o.authUrl = reader.string(node, "authUrl");
    o.tokenUrl = reader.string(node, "tokenUrl");
    o.deviceAuthUrl = reader.string(node, "deviceAuthUrl");
    o.clientId = reader.string(node, "clientId");
    o.clientSecret = reader.string(node, "clientSecret");
    o.scope = reader.string(node, "scope");
    o.audience = reader.string(node, "audience");
    o.resource = reader.string(node, "resource");
    o.pkce = readEnum(reader, node, "pkce", o.pkce, pkceNames);
    o.redirectPort = int(reader.integer(node, "redirectPort", o.redirectPort, 0, 65535));
    o.redirectPath = reader.string(node, "redirectPath", o.redirectPath);
    o.clientAuth = readEnum(reader, node, "clientAuth", o.clientAuth, clientAuthNames);
    o.username = reader.string(node, "username");
    o.password = reader.string(node, "password");
    o.refreshToken = reader.string(node, "refreshToken");
    o.extraParams = reader.keyValues(node, "extraParams");
    o.headerPrefix = reader.string(node, "headerPrefix", o.headerPrefix);
    o.accessToken = reader.string(node, "token");
}

} // namespace

YamlNode authNode(const AuthConfig &auth)
{
    YamlNode node;
    if (auth.type == AuthConfig::Type::Inherit)
        return node;
    node.insert(QStringLiteral("type"), YamlNode::string(AuthConfig::typeName(auth.type)));
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
    case AuthConfig::Type::None:
        break;
    case AuthConfig::Type::Basic:
    case AuthConfig::Type::Digest: {
        const UserPassword &credentials = auth.type == AuthConfig::Type::Basic ? auth.basic : auth.digest;
        insertText(node, "username", credentials.username);
        insertText(node, "password", credentials.password);
        break;
    }
    case AuthConfig::Type::Bearer:
        insertText(node, "token", auth.bearer.token);
        if (auth.bearer.prefix != BearerToken().prefix)
            node.insert(QStringLiteral("prefix"), YamlNode::string(auth.bearer.prefix));
        break;
    case AuthConfig::Type::ApiKey:
        insertText(node, "name", auth.apiKey.name);
        insertText(node, "value", auth.apiKey.value);
        if (auth.apiKey.in != ApiKey::Location::Header)
            node.insert(QStringLiteral("in"), YamlNode::string(enumName(auth.apiKey.in, keyLocationNames)));
        break;
    case AuthConfig::Type::Ntlm:
        insertText(node, "username", auth.ntlm.username);
        insertText(node, "password", auth.ntlm.password);
        insertText(node, "domain", auth.ntlm.domain);
        break;
    case AuthConfig::Type::AwsSigV4:
        insertText(node, "accessKey", auth.aws.accessKey);
        insertText(node, "secretKey", auth.aws.secretKey);
        insertText(node, "sessionToken", auth.aws.sessionToken);
        insertText(node, "region", auth.aws.region);
        insertText(node, "service", auth.aws.service);
        break;
    case AuthConfig::Type::OAuth2:
        return oauth2Node(node, auth.oauth2);
    }
    return node;
}

void readAuth(const YamlRead::Reader &reader, const YAML::Node &node, AuthConfig &auth)
{
    if (!node.IsDefined() || node.IsNull())
        return;
    reader.expectMap(node, QStringLiteral("“auth”"));
    const QString typeText = reader.string(node, "type");
    if (!AuthConfig::typeFromName(typeText, &auth.type))
        throw ReadError {typeText.isEmpty()
                ? QStringLiteral("“auth” needs a “type” (none, basic, bearer, apikey, digest, ntlm, "
                                 "awsv4, oauth2 or inherit)")
                : QStringLiteral("Unknown auth type “%1” (none, basic, bearer, apikey, digest, ntlm, "
                                 "awsv4, oauth2 or inherit)")
                      .arg(typeText),
            node["type"].IsDefined() ? node["type"].Mark() : node.Mark()};
    const QString where = QStringLiteral("the %1 auth").arg(AuthConfig::typeName(auth.type));
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
    case AuthConfig::Type::None:
        reader.checkKeys(node, {"type"}, where);
        break;
    case AuthConfig::Type::Basic:
    case AuthConfig::Type::Digest: {
        reader.checkKeys(node, {"type", "username", "password"}, where);
        UserPassword &credentials = auth.type == AuthConfig::Type::Basic ? auth.basic : auth.digest;
        credentials.username = reader.string(node, "username");
        credentials.password = reader.string(node, "password");
        break;
    }
    case AuthConfig::Type::Bearer:
        reader.checkKeys(node, {"type", "token", "prefix"}, where);
        auth.bearer.token = reader.string(node, "token");
        auth.bearer.prefix = reader.string(node, "prefix", BearerToken().prefix);
        break;
    case AuthConfig::Type::ApiKey:
        reader.checkKeys(node, {"type", "name", "value", "in"}, where);
        auth.apiKey.name = reader.string(node, "name");
        auth.apiKey.value = reader.string(node, "value");
        auth.apiKey.in = readEnum(reader, node, "in", ApiKey::Location::Header, keyLocationNames);
        break;
    case AuthConfig::Type::Ntlm:
        reader.checkKeys(node, {"type", "username", "password", "domain"}, where);
        auth.ntlm.username = reader.string(node, "username");
        auth.ntlm.password = reader.string(node, "password");
        auth.ntlm.domain = reader.string(node, "domain");
        break;
    case AuthConfig::Type::AwsSigV4:
        reader.checkKeys(
            node, {"type", "accessKey", "secretKey", "sessionToken", "region", "service"}, where);
        auth.aws.accessKey = reader.string(node, "accessKey");
        auth.aws.secretKey = reader.string(node, "secretKey");
        auth.aws.sessionToken = reader.string(node, "sessionToken");
        auth.aws.region = reader.string(node, "region");
        auth.aws.service = reader.string(node, "service");
        break;
    case AuthConfig::Type::OAuth2:
        readOAuth2(reader, node, auth.oauth2);
        break;
    }
}

} // namespace Sonde::AuthYaml
