#include "auth/AuthApply.h"

namespace Sonde::AuthApply {

namespace {

bool hasLineBreak(const QString &text)
{
    return text.contains(u'\r') || text.contains(u'\n') || text.contains(QChar(0));
}

/// The first of `fields` (label, value) with a character that cannot go into a header value.
QString lineBreakProblem(std::initializer_list<std::pair<const char *, const QString *>> fields)
{
    for (const auto &[label, value] : fields) {
        if (hasLineBreak(*value))
            return QStringLiteral("The %1 contains a line break, which cannot be sent in a header.")
                .arg(QLatin1String(label));
    }
    return {};
}

bool isToken(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (c.unicode() > 0x7e || c.unicode() <= 0x20 || QStringView(u"\"(),/:;<=>?@[\\]{}").contains(c))
            return false;
    }
    return true;
}

} // namespace

QString problem(const AuthConfig &auth)
{
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
    case AuthConfig::Type::None:
        return {};
    case AuthConfig::Type::Basic:
        if (auth.basic.username.contains(u':'))
            return QStringLiteral("A Basic auth user name cannot contain a colon (RFC 7617).");
        return lineBreakProblem({{"user name", &auth.basic.username}, {"password", &auth.basic.password}});
    case AuthConfig::Type::Digest:
        if (auth.digest.username.isEmpty())
            return QStringLiteral("Digest auth needs a user name.");
        return {};
    case AuthConfig::Type::Ntlm:
        if (auth.ntlm.username.isEmpty())
            return QStringLiteral("NTLM auth needs a user name.");
        return {};
    case AuthConfig::Type::Bearer:
        if (auth.bearer.token.isEmpty())
            return QStringLiteral("The bearer token is empty.");
        if (!isToken(auth.bearer.prefix))
            return QStringLiteral(
                "“%1” cannot be the word before the token: it must be a single word such as "
                "Bearer.")
                .arg(auth.bearer.prefix);
        return lineBreakProblem({{"bearer token", &auth.bearer.token}});
    case AuthConfig::Type::ApiKey:
        if (auth.apiKey.name.trimmed().isEmpty())
            return QStringLiteral("The API key has no name: say which header or query parameter carries it.");
        if (auth.apiKey.in == ApiKey::Location::Header && !isToken(auth.apiKey.name.trimmed()))
            return QStringLiteral("“%1” is not a valid header name for the API key.").arg(auth.apiKey.name);
        if (auth.apiKey.in == ApiKey::Location::Header)
            return lineBreakProblem({{"API key", &auth.apiKey.value}});
        return {};
    case AuthConfig::Type::AwsSigV4:
        if (auth.aws.accessKey.isEmpty() || auth.aws.secretKey.isEmpty())
            return QStringLiteral("AWS Signature Version 4 needs an access key and a secret key.");
        if (auth.aws.region.isEmpty() || auth.aws.service.isEmpty())
            return QStringLiteral("AWS Signature Version 4 needs a region (such as us-east-1) and a service "
                                  "name (such as s3 or execute-api).");
        return lineBreakProblem({{"AWS session token", &auth.aws.sessionToken}});
    case AuthConfig::Type::OAuth2:
        if (auth.oauth2.accessToken.isEmpty())
            return QStringLiteral("There is no OAuth 2.0 access token yet: get one first.");
        if (!isToken(auth.oauth2.headerPrefix))
            return QStringLiteral(
                "“%1” cannot be the word before the token: it must be a single word such as "
                "Bearer.")
                .arg(auth.oauth2.headerPrefix);
        return lineBreakProblem({{"OAuth 2.0 access token", &auth.oauth2.accessToken}});
    }
    return {};
}

QPair<QByteArray, QByteArray> header(const AuthConfig &auth)
{
    switch (auth.type) {
    case AuthConfig::Type::Basic:
        return {"Authorization", basicAuthorization(auth.basic.username, auth.basic.password)};
    case AuthConfig::Type::Bearer:
        return {"Authorization", auth.bearer.prefix.toLatin1() + ' ' + auth.bearer.token.toUtf8()};
    case AuthConfig::Type::ApiKey:
        if (auth.apiKey.in == ApiKey::Location::Header)
            return {auth.apiKey.name.trimmed().toLatin1(), auth.apiKey.value.toUtf8()};
        return {};
    case AuthConfig::Type::OAuth2:
        return {
            "Authorization", auth.oauth2.headerPrefix.toLatin1() + ' ' + auth.oauth2.accessToken.toUtf8()};
    default:
        return {};
    }
}

QUrl withApiKeyQuery(const QUrl &url, const AuthConfig &auth)
{
    if (auth.type != AuthConfig::Type::ApiKey || auth.apiKey.in != ApiKey::Location::Query)
        return url;
    const QByteArray name = auth.apiKey.name.trimmed().toUtf8().toPercentEncoding();
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &pair : query.split('&')) {
        const QByteArray key = pair.left(pair.indexOf('=') < 0 ? pair.size() : pair.indexOf('='));
        if (QByteArray::fromPercentEncoding(key) == auth.apiKey.name.trimmed().toUtf8())
            return url;
    }
    if (!query.isEmpty())
        query += '&';
    query += name + '=' + auth.apiKey.value.toUtf8().toPercentEncoding();
    QUrl result = url;
    result.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return result;
}

QByteArray basicAuthorization(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

} // namespace Sonde::AuthApply
