#include "echo/EchoEndpoints.h"

#include "echo/EchoServer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <optional>
#include <utility>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace Sonde::Echo {
namespace {

constexpr qint64 StreamPieceSize = 64 * 1024;
constexpr qint64 ChunkedPieceSize = 16 * 1024;
// Streamed bodies cost no memory, so only time bounds them.
constexpr qint64 MaxStreamSize = qint64(1) << 40;
constexpr qint64 MaxRedirects = 1000;

Response documentResponse(QByteArray contentType, QByteArray body)
{
    Response response;
    response.headers = {{"Content-Type", std::move(contentType)}};
    response.body = std::move(body);
    return response;
}

Response jsonResponse(const QJsonObject &object)
{
    return documentResponse("application/json", QJsonDocument(object).toJson(QJsonDocument::Indented));
}

Response redirectResponse(int status, QByteArray location)
{
    Response response = textResponse(status, "Redirecting to " + location);
    response.headers.append(HeaderField {"Location", std::move(location)});
    return response;
}

QByteArray compress(const QByteArray &data, int windowBits)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))) + 32,
        Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

struct Target
{
    QByteArray path;
    QByteArray query;
};

Target splitTarget(const QByteArray &target)
{
    QByteArray rest = target;
    // Absolute-form (as sent to proxies): keep only path and query.
    const qsizetype scheme = rest.indexOf("://");
    if (!rest.startsWith('/') && scheme > 0) {
        const qsizetype slash = rest.indexOf('/', scheme + 3);
        const qsizetype question = rest.indexOf('?', scheme + 3);
        if (slash >= 0 && (question < 0 || slash < question))
            rest = rest.mid(slash);
        else
            rest = '/' + (question >= 0 ? rest.mid(question) : QByteArray());
    }
    const qsizetype question = rest.indexOf('?');
    if (question < 0)
        return {rest, {}};
    return {rest.left(question), rest.mid(question + 1)};
}

// application/x-www-form-urlencoded decoding, as httpbin does: '+' is a space.
QString decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return toText(QByteArray::fromPercentEncoding(part));
}

QList<std::pair<QString, QString>> parseQuery(const QByteArray &query)
{
    QList<std::pair<QString, QString>> items;
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        if (equals < 0)
            items.append({decodeQueryPart(item), QString()});
        else
            items.append({decodeQueryPart(item.left(equals)), decodeQueryPart(item.mid(equals + 1))});
    }
    return items;
}

QString queryItem(const QByteArray &query, const QString &key)
{
    for (const auto &[name, value] : parseQuery(query)) {
        if (name == key)
            return value;
    }
    return {};
}

/// "content-TYPE" → "Content-Type": names are case-insensitive, and clients differ (Qt 6.8 and HTTP/2
/// send them in lower case), so the object uses one spelling, as httpbin does; headerList keeps the bytes.
QString canonicalName(const QByteArray &name)
{
    QByteArray canonical = name.toLower();
    bool startOfWord = true;
    for (char &c : canonical) {
        if (startOfWord && c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        startOfWord = c == '-';
    }
    return toText(canonical);
}

QJsonObject headersObject(const HeaderList &headers)
{
    QJsonObject object;
    for (const HeaderField &field : headers) {
        const QString name = canonicalName(field.name);
        const auto known = object.constFind(name);
        object.insert(name, known == object.constEnd() ? toText(field.value)
                                                       : QString(known->toString() + u", "_s + toText(field.value)));
    }
    return object;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mediaType = beforeFirst(contentType, ';').trimmed().toLower();
    return mediaType == "application/json" || mediaType == "text/json" || mediaType.endsWith("+json");
}

// QJsonDocument accepts only objects and arrays at the top: wrapping the body in an array also accepts
// scalars, and anything that is not exactly one JSON value yields more or fewer than one element.
std::optional<QJsonValue> parseJsonValue(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

QJsonObject echoObject(const HttpRequest &request, const Target &target, const RequestInfo &info)
{
    QJsonObject echo;
    echo.insert(u"method"_s, toText(request.method));
    const bool absolute = !request.target.startsWith('/') && request.target.contains("://");
    QByteArray host = headerValue(request.headers, "Host");
    if (host.isEmpty())
        host = "127.0.0.1:" + QByteArray::number(info.localPort);
    echo.insert(u"url"_s, toText(absolute ? request.target : QByteArray("http://" + host + request.target)));
    echo.insert(u"path"_s, toText(target.path));

    QJsonObject query;
    for (const auto &[name, value] : parseQuery(target.query)) {
        QJsonArray values = query.value(name).toArray();
        values.append(value);
        query.insert(name, values);
    }
    QJsonObject args;
    for (auto it = query.constBegin(); it != query.constEnd(); ++it) {
        const QJsonArray values = it.value().toArray();
        args.insert(it.key(), values.size() == 1 ? values.at(0) : QJsonValue(values));
    }
    echo.insert(u"query"_s, query);
    echo.insert(u"args"_s, args);

    echo.insert(u"headers"_s, headersObject(request.headers));
    QJsonArray headerList;
    for (const HeaderField &field : request.headers)
        headerList.append(QJsonArray {toText(field.name), toText(field.value)});
    echo.insert(u"headerList"_s, headerList);

    if (!request.body.isEmpty()) {
        if (std::optional<QString> text = decodeUtf8(request.body))
            echo.insert(u"body"_s, *text);
        else
            echo.insert(u"bodyBase64"_s, QString::fromLatin1(request.body.toBase64()));
        if (isJsonContentType(headerValue(request.headers, "Content-Type"))) {
            if (std::optional<QJsonValue> json = parseJsonValue(request.body))
                echo.insert(u"json"_s, *json);
        }
    }
    echo.insert(u"origin"_s, info.origin);
    return echo;
}

const char SampleJson[] = R"({
    "slideshow": {
        "author": "Yours Truly",
        "date": "2024-05-01",
        "title": "Sample Slide Show",
        "published": true,
        "rating": 4.5,
        "views": 1024,
        "editor": null,
        "tags": ["sample", "json", "démonstration", "例え"],
        "slides": [
            {
                "title": "Wake up to WonderWidgets!",
                "type": "all"
            },
            {
                "title": "Overview",
                "type": "all",
                "items": [
                    "Why <em>WonderWidgets</em> are great",
                    "Who <em>buys</em> WonderWidgets"
                ]
            },
            {
                "title": "Unicode: Grüße, こんにちは, Здравствуйте, 🎉",
                "type": "i18n",
                "notes": {"escaped": "\u00e9\u4f8b \ud83d\ude80", "quote": "\"quoted\"", "tab": "a\tb"}
            }
        ]
    }
}
)";

const char SampleXml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- A sample slideshow from Sonde's echo server -->
<slideshow title="Sample Slide Show" date="2024-05-01" author="Yours Truly">
    <slide type="all">
        <title>Wake up to WonderWidgets!</title>
    </slide>
    <slide type="all">
        <title>Overview</title>
        <item>Why <em>WonderWidgets</em> are great</item>
        <item/>
        <item>Who <em>buys</em> WonderWidgets</item>
    </slide>
    <slide type="i18n">
        <title>Unicode: Grüße, こんにちは, 🎉</title>
        <item><![CDATA[Raw <markup> & ampersands]]></item>
    </slide>
</slideshow>
)";

const char SampleHtml[] = R"(<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Sonde echo server</title>
</head>
<body>
    <h1>Sonde echo server</h1>
    <p>This page is served by Sonde's built-in echo server. Try <a href="/get">/get</a>,
       <a href="/json">/json</a> or <a href="/status/418">/status/418</a>.</p>
</body>
</html>
)";

struct RouteArgs
{
    const HttpRequest &request;
    const Target &target;
    const RequestInfo &info;
    const QByteArray &argument; // the path segment after the route name, if any
};

Response echoRoute(const RouteArgs &args)
{
    return jsonResponse(echoObject(args.request, args.target, args.info));
}

Response headersRoute(const RouteArgs &args)
{
    return jsonResponse({{u"headers"_s, headersObject(args.request.headers)}});
}

Response statusRoute(const RouteArgs &args)
{
    const std::optional<qint64> status = parseCount(args.argument);
    if (!status || *status < 100 || *status > 599)
        return textResponse(400, "Invalid status code: expected /status/{200..599}.");
    if (*status < 200)
        return textResponse(400, "Informational (1xx) status codes cannot be sent as a final response.");
    const int code = static_cast<int>(*status);
    Response response = textResponse(code, QByteArray::number(code) + ' ' + reasonPhrase(code));
    if (code >= 300 && code < 400 && code != 304)
        response.headers.append(HeaderField {"Location", "/get"});
    return response;
}

Response delayRoute(const RouteArgs &args)
{
    const std::optional<qint64> delay = parseCount(args.argument);
    if (!delay)
        return textResponse(400, "Invalid delay: expected /delay/{milliseconds}.");
    Response response = echoRoute(args);
    response.delayMs = static_cast<int>(std::min<qint64>(*delay, EchoServer::MaxDelayMs));
    return response;
}

std::optional<qint64> streamSize(const QByteArray &argument)
{
    const std::optional<qint64> size = parseCount(argument);
    if (!size || *size > MaxStreamSize)
        return std::nullopt;
    return size;
}

std::optional<quint64> seedFor(const RouteArgs &args, qint64 size)
{
    const QString seed = queryItem(args.target.query, u"seed"_s);
    if (seed.isEmpty())
        return static_cast<quint64>(size);
    bool ok = false;
    const quint64 value = seed.toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

Response streamRoute(const RouteArgs &args, qint64 pieceSize)
{
    const std::optional<qint64> size = streamSize(args.argument);
    if (!size)
        return textResponse(400, "Invalid byte count: expected a number up to 2^40.");
    const std::optional<quint64> seed = seedFor(args, *size);
    if (!seed)
        return textResponse(400, "Invalid seed: expected an unsigned 64-bit number.");
    Response response;
    response.headers = {{"Content-Type", "application/octet-stream"}};
    response.stream.emplace(*size, *seed, pieceSize);
    return response;
}

Response bytesRoute(const RouteArgs &args)
{
    return streamRoute(args, StreamPieceSize);
}

Response chunkedRoute(const RouteArgs &args)
{
    // At least four chunks when there are four bytes, so that clients see a real chunked body.
    const qint64 size = streamSize(args.argument).value_or(0);
    Response response = streamRoute(args, std::clamp<qint64>((size + 3) / 4, 1, ChunkedPieceSize));
    response.chunked = response.stream.has_value();
    return response;
}

Response dropRoute(const RouteArgs &args)
{
    Response response = streamRoute(args, StreamPieceSize);
    if (!response.stream)
        return response;
    response.announcedLength = 2 * response.stream->remaining();
    response.closeAfter = true;
    return response;
}

Response compressedRoute(const RouteArgs &args, const char *coding, const QString &flag, int windowBits)
{
    QJsonObject echo = echoObject(args.request, args.target, args.info);
    echo.insert(flag, true);
    Response response = jsonResponse(echo);
    response.body = compress(response.body, windowBits);
    response.headers.append(HeaderField {"Content-Encoding", coding});
    return response;
}

Response gzipRoute(const RouteArgs &args)
{
    return compressedRoute(args, "gzip", u"gzipped"_s, MAX_WBITS + 16);
}

Response deflateRoute(const RouteArgs &args)
{
    return compressedRoute(args, "deflate", u"deflated"_s, MAX_WBITS);
}

Response redirectRoute(const RouteArgs &args)
{
    const std::optional<qint64> count = parseCount(args.argument);
    if (!count || *count < 1 || *count > MaxRedirects)
        return textResponse(400, "Invalid redirect count: expected /redirect/{1..1000}.");
    return redirectResponse(
        302, *count == 1 ? QByteArray("/get") : QByteArray("/redirect/" + QByteArray::number(*count - 1)));
}

Response redirectToRoute(const RouteArgs &args)
{
    const QByteArray location = queryItem(args.target.query, u"url"_s).toUtf8();
    if (location.isEmpty() || !isFieldValue(location))
        return textResponse(400, "Missing or invalid url parameter: expected /redirect-to?url=X.");
    const QString statusText = queryItem(args.target.query, u"status_code"_s);
    const std::optional<qint64> status
        = statusText.isEmpty() ? std::optional<qint64>(302) : parseCount(statusText.toLatin1());
    if (!status || *status < 300 || *status > 399 || *status == 304)
        return textResponse(400, "Invalid status_code: expected a redirection status (3xx, not 304).");
    // Non-ASCII bytes are not allowed in a header value: percent-encode them.
    return redirectResponse(static_cast<int>(*status), location.toPercentEncoding("!#$&'()*+,/:;=?@[]~%"));
}

Response fixedRoute(const char *contentType, const char *document)
{
    return documentResponse(contentType, QByteArray(document));
}

struct Route
{
    const char *name;
    bool takesArgument;
    Response (*handler)(const RouteArgs &);
};

const Route Routes[] = {
    {"get", false, echoRoute},
    {"headers", false, headersRoute},
    {"json", false,
        [](const RouteArgs &) {
            return fixedRoute("application/json", SampleJson);
        }},
    {"xml", false,
        [](const RouteArgs &) {
            return fixedRoute("application/xml", SampleXml);
        }},
    {"html", false,
        [](const RouteArgs &) {
            return fixedRoute("text/html; charset=utf-8", SampleHtml);
        }},
    {"gzip", false, gzipRoute},
    {"deflate", false, deflateRoute},
    {"redirect-to", false, redirectToRoute},
    {"status", true, statusRoute},
    {"delay", true, delayRoute},
    {"bytes", true, bytesRoute},
    {"chunked", true, chunkedRoute},
    {"drop", true, dropRoute},
    {"redirect", true, redirectRoute},
};

} // namespace

Response route(const HttpRequest &request, const RequestInfo &info)
{
    const Target target = splitTarget(request.target);
    const QList<QByteArray> segments = QByteArray::fromPercentEncoding(target.path).split('/');
    const QByteArray name = segments.value(1);
    const QByteArray argument = segments.value(2);
    for (const Route &candidate : Routes) {
        const qsizetype expected = candidate.takesArgument ? 3 : 2;
        if (segments.size() == expected && segments.constFirst().isEmpty() && name == candidate.name)
            return candidate.handler({request, target, info, argument});
    }
    return echoRoute({request, target, info, argument});
}

} // namespace Sonde::Echo
