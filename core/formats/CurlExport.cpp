#include "formats/CurlExport.h"

#include "formats/ImportSupport.h"
#include "formats/ShellWords.h"
#include "http/RequestBuilder.h"
#include "model/PathParams.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Sonde::CurlExport {

namespace {

using namespace Qt::StringLiterals;

constexpr int DefaultTimeoutMs = 30000;
constexpr int DefaultMaxRedirects = 10;

/// A word of a -F value: as is when curl reads it back unchanged, else in double quotes with `\"`
/// and `\\` escaped (curl's own form syntax).
QString formWord(const QString &text, bool forceQuotes = false)
{
    const bool plain = !forceQuotes && !text.isEmpty() && text.trimmed() == text && !text.contains(u';')
        && !text.contains(u',') && !text.contains(u'"') && !text.contains(u'\\');
    if (plain)
        return text;
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

QString formPart(const MultipartPart &part, QString *option)
{
    if (part.isFile()) {
        *option = u"-F"_s;
        QString value = part.name + u"=@"_s + formWord(part.filePath);
        if (!part.contentType.isEmpty())
            value += u";type="_s + formWord(part.contentType);
        if (!part.fileName.isEmpty())
            value += u";filename="_s + formWord(part.fileName);
        return value;
    }
    if (part.contentType.isEmpty()) {
        const bool plain = !part.value.startsWith(u'@') && !part.value.startsWith(u'<')
            && formWord(part.value) == part.value;
        *option = plain ? u"-F"_s : u"--form-string"_s;
        return part.name + u'=' + part.value;
    }
    *option = u"-F"_s;
    return part.name + u'=' + formWord(part.value, true) + u";type="_s + formWord(part.contentType);
}

QString seconds(int milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'g', 12);
}

} // namespace

QString toCommand(const Request &request, const CurlExportOptions &options, QStringList *warnings)
{
    QStringList items;
    const auto add = [&items](const QString &option, const QByteArray &value) {
        items.append(option + u' ' + ShellWords::quote(value));
    };
    const auto warn = [warnings](const QString &message) {
        if (warnings)
            warnings->append(message);
    };
    const Body &body = request.body;
    QString url = PathParams::substitute(request.url, request.pathParams);
    QString method = request.method.trimmed();
    bool hasContentTypeHeader = ImportSupport::findHeader(request.headers, u"Content-Type") >= 0;

    // The body's options, and the method curl infers from them.
    QStringList bodyItems;
    QString impliedMethod = u"GET"_s;
    QString bodyType; // the Content-Type the body kind calls for, when curl would not send it by itself
    const QString formType = u"application/x-www-form-urlencoded"_s;
    switch (body.kind) {
    case Body::Kind::None:
        break;
    case Body::Kind::Raw:
        impliedMethod = u"POST"_s;
        bodyType = body.contentType;
        if (body.data.contains('\0'))
            warn(
                u"the body holds a byte 0, which a command line cannot carry: curl sends the body up to it"_s);
        bodyItems.append(u"--data-raw "_s + ShellWords::quote(body.data));
        break;
    case Body::Kind::FormUrlEncoded:
        impliedMethod = u"POST"_s;
        bodyType = formType;
        bodyItems.append(u"--data-raw "_s + ShellWords::quote(RequestBuilder::formEncode(body.fields)));
        break;
    case Body::Kind::Multipart:
        impliedMethod = u"POST"_s;
        for (const MultipartPart &part : body.parts) {
            if (!part.enabled)
                continue;
            QString option;
            const QString value = formPart(part, &option);
            bodyItems.append(option + u' ' + ShellWords::quote(value));
        }
        break;
    case Body::Kind::Binary:
        if (body.contentType.isEmpty()) {
            impliedMethod = u"PUT"_s;
            bodyItems.append(u"-T "_s + ShellWords::quote(body.filePath));
        } else {
            impliedMethod = u"POST"_s;
            bodyType = body.contentType;
            bodyItems.append(u"--data-binary "_s + ShellWords::quote(u'@' + body.filePath));
        }
        break;
    case Body::Kind::GraphQL: {
        QString problem;
        const QByteArray json = RequestBuilder::graphqlJson(body, &problem);
        if (!problem.isEmpty())
            warn(problem);
        if (body.graphqlUseGet) {
            method = u"GET"_s;
            const QString query = QString::fromLatin1(RequestBuilder::graphqlQuery(json));
            const qsizetype hash = url.indexOf(u'#');
            const QString fragment = hash < 0 ? QString() : url.mid(hash);
            url = (hash < 0 ? url : url.left(hash)) + (url.contains(u'?') ? u'&' : u'?') + query
                + fragment;
        } else {
            method = u"POST"_s;
            impliedMethod = u"POST"_s;
            bodyType = u"application/json"_s;
            bodyItems.append(u"--data-raw "_s + ShellWords::quote(json));
        }
        break;
    }
    }

    if (method == u"HEAD" && body.kind == Body::Kind::None)
        items.append(u"--head"_s);
    else if (method != impliedMethod)
        add(u"-X"_s, method.toUtf8());

    // The request's own auth: curl's options for the schemes it has, a header or query row otherwise.
    const AuthConfig &auth = request.auth;
    const auto credentials = [](const QString &user, const QString &password) {
        return (user + u':' + password).toUtf8();
    };
    switch (auth.type) {
    case AuthConfig::Type::Inherit:
    case AuthConfig::Type::None:
        break;
    case AuthConfig::Type::Basic:
        add(u"-u"_s, credentials(auth.basic.username, auth.basic.password));
        break;
    case AuthConfig::Type::Digest:
        items.append(u"--digest"_s);
        add(u"-u"_s, credentials(auth.digest.username, auth.digest.password));
        break;
    case AuthConfig::Type::Ntlm:
        items.append(u"--ntlm"_s);
        add(u"-u"_s,
            credentials(auth.ntlm.domain.isEmpty() ? auth.ntlm.username
                                                   : auth.ntlm.domain + u'\\' + auth.ntlm.username,
                auth.ntlm.password));
        break;
    case AuthConfig::Type::AwsSigV4:
        add(u"--aws-sigv4"_s, (u"aws:amz:"_s + auth.aws.region + u':' + auth.aws.service).toUtf8());
        add(u"-u"_s, credentials(auth.aws.accessKey, auth.aws.secretKey));
        if (!auth.aws.sessionToken.isEmpty())
            add(u"-H"_s, "X-Amz-Security-Token: " + auth.aws.sessionToken.toUtf8());
        break;
    case AuthConfig::Type::Bearer:
        if (auth.bearer.prefix == u"Bearer")
            add(u"--oauth2-bearer"_s, auth.bearer.token.toUtf8());
        else
            add(u"-H"_s, "Authorization: " + (auth.bearer.prefix + u' ' + auth.bearer.token).toUtf8());
        break;
    case AuthConfig::Type::ApiKey:
        if (auth.apiKey.in == ApiKey::Location::Header) {
            add(u"-H"_s, (auth.apiKey.name + u": "_s + auth.apiKey.value).toUtf8());
        } else {
            const qsizetype hash = url.indexOf(u'#');
            const QString fragment = hash < 0 ? QString() : url.mid(hash);
            const QString base = hash < 0 ? url : url.left(hash);
            url = base + (base.contains(u'?') ? u'&' : u'?')
                + QString::fromLatin1(auth.apiKey.name.toUtf8().toPercentEncoding() + '='
                    + auth.apiKey.value.toUtf8().toPercentEncoding("{}"))
                + fragment;
        }
        break;
    case AuthConfig::Type::OAuth2:
        add(u"-H"_s,
            "Authorization: " + (auth.oauth2.headerPrefix + u' ' + auth.oauth2.accessToken).toUtf8());
        warn(
            u"OAuth 2.0 is written as the Authorization header of its access token; curl does not run the token flow"_s);
        break;
    }

    for (const KeyValue &header : request.headers) {
        if (!header.enabled || header.key.trimmed().isEmpty())
            continue;
        const QString name = header.key.trimmed();
        add(u"-H"_s,
            (header.value.isEmpty() ? QString(name + u';') : QString(name + u": "_s + header.value))
                .toUtf8());
    }
    if (!hasContentTypeHeader && body.kind != Body::Kind::None && body.kind != Body::Kind::Multipart) {
        if (bodyType.isEmpty() && !(body.kind == Body::Kind::Binary))
            add(u"-H"_s, "Content-Type:");
        else if (!bodyType.isEmpty() && bodyType != formType)
            add(u"-H"_s, "Content-Type: " + bodyType.toUtf8());
    }
    items += bodyItems;

    const RequestSettings &settings = request.settings;
    if (settings.followRedirects)
        items.append(u"-L"_s);
    if (settings.maxRedirects != DefaultMaxRedirects)
        items.append(u"--max-redirs "_s + QString::number(settings.maxRedirects));
    if (settings.timeoutMs != DefaultTimeoutMs)
        items.append(u"-m "_s + seconds(settings.timeoutMs));
    if (settings.ignoreTlsErrors)
        items.append(u"-k"_s);
    if (settings.httpVersion == HttpVersionPolicy::Http1Only)
        items.append(u"--http1.1"_s);
    else if (settings.httpVersion == HttpVersionPolicy::Http2PriorKnowledge)
        items.append(u"--http2-prior-knowledge"_s);
    switch (settings.proxy.mode) {
    case ProxySettings::Mode::Default: // the application's proxy: curl has its own (the environment's)
        break;
    case ProxySettings::Mode::None:
        items.append(u"--noproxy '*'"_s);
        break;
    case ProxySettings::Mode::System:
        warn(u"the system proxy is not written: curl uses the proxy of the environment by itself"_s);
        break;
    case ProxySettings::Mode::Custom:
        add(u"-x"_s, settings.proxy.url.toUtf8());
        if (!settings.proxy.user.isEmpty())
            add(u"-U"_s,
                (settings.proxy.password.isEmpty()
                        ? settings.proxy.user
                        : QString(settings.proxy.user + u':' + settings.proxy.password))
                    .toUtf8());
        break;
    }
    if (!settings.sendCookies)
        warn(u"the request does not use the cookie jar; curl has none unless told, so nothing is written"_s);

    const QString head = u"curl "_s + ShellWords::quote(url.toUtf8());
    if (items.isEmpty())
        return head;
    return head + (options.multiline ? u" \\\n  "_s : u" "_s)
        + items.join(options.multiline ? u" \\\n  "_s : u" "_s);
}

} // namespace Sonde::CurlExport
