#include "formats/OpenApiSecurity.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Sonde {

using namespace Qt::StringLiterals;

OpenApiSecurity::OpenApiSecurity(OpenApiRefs &refs, ImportResult &result)
    : m_refs(refs)
    , m_result(result)
{ }

QString OpenApiSecurity::variable(const QString &name, bool secret, const QString &value)
{
    VariableList &variables = m_result.collection.variables;
    const bool known = std::any_of(
        variables.cbegin(), variables.cend(), [&name](const Variable &v) { return v.name == name; });
    if (!known)
        variables.append({name, value, true, secret});
    return u"{{"_s + name + u"}}"_s;
}

void OpenApiSecurity::read(const QJsonObject &root, bool swagger2)
{
    m_swagger2 = swagger2;
    m_schemes = swagger2 ? SpecNode {root.value(u"securityDefinitions"_s), {}, u"securityDefinitions"_s}
                         : SpecNode {root.value(u"components"_s).toObject().value(u"securitySchemes"_s), {},
                             u"components.securitySchemes"_s};
    if (!root.contains(u"security"_s))
        return;
    const AuthConfig auth = fromRequirements({root.value(u"security"_s), {}, u"security"_s});
    if (auth.type != AuthConfig::Type::None)
        m_result.collection.auth = auth;
}

AuthConfig OpenApiSecurity::requestAuth(const SpecNode &security)
{
    AuthConfig auth = fromRequirements(security);
    if (auth == m_result.collection.auth && auth.type != AuthConfig::Type::None)
        return {};
    if (auth.type == AuthConfig::Type::None && m_result.collection.auth.type == AuthConfig::Type::Inherit)
        return {};
    return auth;
}

AuthConfig OpenApiSecurity::fromRequirements(const SpecNode &security)
{
    AuthConfig none;
    none.type = AuthConfig::Type::None;
    const QJsonArray requirements = security.value.toArray();
    if (requirements.isEmpty())
        return none;
    // An empty requirement ({}) among the alternatives makes auth optional: the first one still applies.
    for (qsizetype i = 0; i < requirements.size(); ++i) {
        const QJsonObject requirement = requirements.at(i).toObject();
        if (requirement.isEmpty())
            continue;
        const QStringList names = requirement.keys();
        if (names.size() > 1)
            m_result.warnings.append({security.at(i).where,
                u"the operation needs %1 at once; a request has one auth scheme: “%2” is set, add the others as headers or parameters"_s
                    .arg(names.join(u" and "_s), names.first())});
        QStringList scopes;
        for (const QJsonValue &scope : requirement.value(names.first()).toArray())
            scopes.append(scope.toString());
        return fromScheme(names.first(), scopes, security.at(i).where);
    }
    return none;
}

AuthConfig OpenApiSecurity::fromScheme(const QString &name, const QStringList &scopes, const QString &where)
{
    AuthConfig auth;
    auth.type = AuthConfig::Type::None;
    const OpenApiRefs::Result resolved = m_refs.resolve(m_schemes.child(name));
    const SpecNode scheme = resolved.node;
    if (resolved.problem != OpenApiRefs::Problem::None || !scheme.value.isObject()) {
        if (!m_warned.contains(name)) {
            m_warned.insert(name);
            m_result.warnings.append({where,
                resolved.problem != OpenApiRefs::Problem::None
                    ? resolved.message
                    : u"the security scheme “%1” is not defined: the requests are sent without auth"_s.arg(
                        name)});
        }
        return auth;
    }
    const QJsonObject object = scheme.value.toObject();
    const QString type = object.value(u"type"_s).toString();
    const auto warnOnce = [this, &name, &scheme](const QString &message) {
        if (!m_warned.contains(name)) {
            m_warned.insert(name);
            m_result.warnings.append({scheme.where, message});
        }
    };
    if (type == u"basic"
        || (type == u"http"
            && object.value(u"scheme"_s).toString().compare(u"basic", Qt::CaseInsensitive) == 0)) {
        auth.type = AuthConfig::Type::Basic;
        auth.basic = {variable(u"username"_s, false), variable(u"password"_s, true)};
    } else if (type == u"http"
        && object.value(u"scheme"_s).toString().compare(u"bearer", Qt::CaseInsensitive) == 0) {
        auth.type = AuthConfig::Type::Bearer;
        auth.bearer.token = variable(u"bearerToken"_s, true);
    } else if (type == u"http"
        && object.value(u"scheme"_s).toString().compare(u"digest", Qt::CaseInsensitive) == 0) {
        auth.type = AuthConfig::Type::Digest;
        auth.digest = {variable(u"username"_s, false), variable(u"password"_s, true)};
    } else if (type == u"apiKey") {
        const QString in = object.value(u"in"_s).toString();
        auth.type = AuthConfig::Type::ApiKey;
        auth.apiKey.name = object.value(u"name"_s).toString();
        auth.apiKey.value = variable(name, true);
        auth.apiKey.in = in == u"query" ? ApiKey::Location::Query : ApiKey::Location::Header;
        if (in == u"cookie") {
            auth.type = AuthConfig::Type::None;
            warnOnce(
                u"the API key “%1” goes in a cookie, which Sonde's API key auth cannot do: add a Cookie header %1={{%2}}"_s
                    .arg(auth.apiKey.name, name));
        }
    } else if (type == u"oauth2") {
        auth.type = AuthConfig::Type::OAuth2;
        OAuth2 &oauth = auth.oauth2;
        QJsonObject flow;
        QStringList flowScopes;
        if (m_swagger2) {
            flow = object;
            const QString kind = object.value(u"flow"_s).toString();
            oauth.grant = kind == u"implicit" ? OAuth2::Grant::Implicit
                : kind == u"password"         ? OAuth2::Grant::Password
                : kind == u"application"      ? OAuth2::Grant::ClientCredentials
                                              : OAuth2::Grant::AuthorizationCode;
        } else {
            const QJsonObject flows = object.value(u"flows"_s).toObject();
            static const QList<std::pair<QString, OAuth2::Grant>> kinds {
                {u"authorizationCode"_s, OAuth2::Grant::AuthorizationCode},
                {u"clientCredentials"_s, OAuth2::Grant::ClientCredentials},
                {u"password"_s, OAuth2::Grant::Password},
                {u"deviceAuthorization"_s, OAuth2::Grant::DeviceCode},
                {u"implicit"_s, OAuth2::Grant::Implicit}};
            for (const auto &[key, grant] : kinds) {
                if (flows.contains(key)) {
                    flow = flows.value(key).toObject();
                    oauth.grant = grant;
                    break;
                }
            }
        }
        oauth.authUrl = flow.value(u"authorizationUrl"_s).toString();
        oauth.tokenUrl = flow.value(u"tokenUrl"_s).toString();
        oauth.deviceAuthUrl = flow.value(u"deviceAuthorizationUrl"_s).toString();
        flowScopes = flow.value(u"scopes"_s).toObject().keys();
        oauth.scope = (scopes.isEmpty() ? flowScopes : scopes).join(u' ');
        oauth.clientId = variable(u"clientId"_s, false);
        if (oauth.grant != OAuth2::Grant::Implicit)
            oauth.clientSecret = variable(u"clientSecret"_s, true);
        if (oauth.grant == OAuth2::Grant::Password) {
            oauth.username = variable(u"username"_s, false);
            oauth.password = variable(u"password"_s, true);
        }
    } else if (type == u"openIdConnect") {
        auth.type = AuthConfig::Type::OAuth2;
        auth.oauth2.grant = OAuth2::Grant::AuthorizationCode;
        auth.oauth2.scope = (scopes.isEmpty() ? QStringList {u"openid"_s} : scopes).join(u' ');
        auth.oauth2.clientId = variable(u"clientId"_s, false);
        auth.oauth2.clientSecret = variable(u"clientSecret"_s, true);
        const QString url = object.value(u"openIdConnectUrl"_s).toString();
        variable(u"openIdConnectUrl"_s, false, url);
        warnOnce(
            u"OpenID Connect: Sonde's OAuth 2.0 settings take the authorization and token URLs, not a discovery document: copy them from %1 (kept in the openIdConnectUrl variable)"_s
                .arg(url));
    } else {
        warnOnce(
            u"the “%1” security scheme is not supported by Sonde: the requests it covers are sent without auth"_s
                .arg(type == u"http" ? u"http "_s + object.value(u"scheme"_s).toString() : type));
    }
    return auth;
}

} // namespace Sonde
