#include "auth/AuthConfig.h"

#include "model/Folder.h"

namespace Sonde {

namespace {

struct TypeName
{
    AuthConfig::Type type;
    const char *name;
};

constexpr TypeName typeNames[] = {
    {AuthConfig::Type::Inherit, "inherit"},
    {AuthConfig::Type::None, "none"},
    {AuthConfig::Type::Basic, "basic"},
    {AuthConfig::Type::Bearer, "bearer"},
    {AuthConfig::Type::ApiKey, "apikey"},
    {AuthConfig::Type::Digest, "digest"},
    {AuthConfig::Type::Ntlm, "ntlm"},
    {AuthConfig::Type::AwsSigV4, "awsv4"},
    {AuthConfig::Type::OAuth2, "oauth2"},
};

void addIfAny(QStringList &list, const QString &value)
{
    if (!value.isEmpty())
        list.append(value);
}

} // namespace

QString AuthConfig::typeName(Type type)
{
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("inherit");
}

bool AuthConfig::typeFromName(const QString &name, Type *type)
{
    for (const TypeName &entry : typeNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0) {
            *type = entry.type;
            return true;
        }
    }
    return false;
}

AuthConfig AuthConfig::mapped(const std::function<QString(const QString &)> &map) const
{
    AuthConfig result = *this;
    const auto apply = [&map](QString &text) {
        text = map(text);
    };
    switch (type) {
    case Type::Inherit:
    case Type::None:
        break;
    case Type::Basic:
        apply(result.basic.username);
        apply(result.basic.password);
        break;
    case Type::Digest:
        apply(result.digest.username);
        apply(result.digest.password);
        break;
    case Type::Bearer:
        apply(result.bearer.token);
        apply(result.bearer.prefix);
        break;
    case Type::ApiKey:
        apply(result.apiKey.name);
        apply(result.apiKey.value);
        break;
    case Type::Ntlm:
        apply(result.ntlm.username);
        apply(result.ntlm.password);
        apply(result.ntlm.domain);
        break;
    case Type::AwsSigV4:
        apply(result.aws.accessKey);
        apply(result.aws.secretKey);
        apply(result.aws.sessionToken);
        apply(result.aws.region);
        apply(result.aws.service);
        break;
    case Type::OAuth2: {
        OAuth2 &o = result.oauth2;
        for (QString *text : {&o.issuer, &o.authUrl, &o.tokenUrl, &o.deviceAuthUrl, &o.clientId,
                 &o.clientSecret, &o.scope, &o.audience, &o.resource, &o.redirectPath, &o.username,
                 &o.password, &o.refreshToken, &o.headerPrefix, &o.accessToken})
            apply(*text);
        for (KeyValue &param : o.extraParams) {
            if (param.enabled)
                apply(param.value);
        }
        break;
    }
    }
    return result;
}

QStringList AuthConfig::secretValues() const
{
    QStringList values;
    switch (type) {
    case Type::Inherit:
    case Type::None:
        break;
    case Type::Basic:
        addIfAny(values, basic.password);
        break;
    case Type::Digest:
        addIfAny(values, digest.password);
        break;
    case Type::Bearer:
        addIfAny(values, bearer.token);
        break;
    case Type::ApiKey:
        addIfAny(values, apiKey.value);
        break;
    case Type::Ntlm:
        addIfAny(values, ntlm.password);
        break;
    case Type::AwsSigV4:
        addIfAny(values, aws.secretKey);
        addIfAny(values, aws.sessionToken);
        break;
    case Type::OAuth2:
        addIfAny(values, oauth2.clientSecret);
        addIfAny(values, oauth2.password);
        addIfAny(values, oauth2.refreshToken);
        addIfAny(values, oauth2.accessToken);
        break;
    }
    return values;
}

AuthConfig AuthConfig::withoutSecrets() const
{
    AuthConfig result = *this;
    result.basic.password.clear();
    result.digest.password.clear();
    result.bearer.token.clear();
    result.apiKey.value.clear();
    result.ntlm.password.clear();
    result.aws.secretKey.clear();
    result.aws.sessionToken.clear();
    result.oauth2.clientSecret.clear();
    result.oauth2.password.clear();
    result.oauth2.refreshToken.clear();
    result.oauth2.accessToken.clear();
    return result;
}

AuthConfig effectiveAuth(const AuthConfig &own, const QList<const Folder *> &folders)
{
    if (own.type != AuthConfig::Type::Inherit)
        return own;
    for (auto it = folders.crbegin(); it != folders.crend(); ++it) {
        if ((*it)->auth.type != AuthConfig::Type::Inherit)
            return (*it)->auth;
    }
    AuthConfig none;
    none.type = AuthConfig::Type::None;
    return none;
}

} // namespace Sonde
