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
    case ProxySettings::Mode::None:
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
