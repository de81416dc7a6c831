#include "auth/SigV4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>

namespace Sonde::SigV4 {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

/// A header value as AWS signs it: surrounding spaces trimmed, runs of spaces inside made one (the
/// folded lines of an obsolete multi-line value are joined the same way).
QByteArray trimmedValue(const QByteArray &value)
{
    return value.simplified();
}

} // namespace

QByteArray amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray hexSha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        }
    }
    return out;
}

QByteArray canonicalUri(const QByteArray &path, bool normalize)
{
    if (path.isEmpty())
        return "/";
    if (!normalize)
        return uriEncode(path, true);
    // RFC 3986 §5.2.4 dot-segment removal, with empty segments dropped as AWS's services do.
    QList<QByteArray> segments;
    const QList<QByteArray> parts = path.split('/');
    for (const QByteArray &part : parts) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(part);
    }
    QByteArray result = "/";
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            result += '/';
        result += uriEncode(segments.at(i), false);
    }
    const bool trailingSlash = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..");
    if (trailingSlash && !segments.isEmpty())
        result += '/';
    return result;
}

QByteArray canonicalQuery(const QByteArray &query)
{
    if (query.isEmpty())
        return {};
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        const QByteArray name = equals < 0 ? item : item.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : item.mid(equals + 1);
        pairs.append({uriEncode(QByteArray::fromPercentEncoding(name), false),
            uriEncode(QByteArray::fromPercentEncoding(value), false)});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray result;
    for (const auto &[name, value] : std::as_const(pairs)) {
        if (!result.isEmpty())
            result += '&';
        result += name + '=' + value;
    }
    return result;
}

QByteArray canonicalRequest(const Input &input, QByteArray *signedHeaders)
{
    // Names in lower case, sorted; the values of repeated names joined in order.
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto &[name, value] : input.headers) {
        const QByteArray lower = name.trimmed().toLower();
        auto existing = std::find_if(
            headers.begin(), headers.end(), [&lower](const auto &h) { return h.first == lower; });
        if (existing != headers.end())
            existing->second += ',' + trimmedValue(value);
        else
            headers.append({lower, trimmedValue(value)});
    }
    std::stable_sort(
        headers.begin(), headers.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray canonicalHeaders;
    QByteArray names;
    for (const auto &[name, value] : std::as_const(headers)) {
        canonicalHeaders += name + ':' + value + '\n';
        if (!names.isEmpty())
            names += ';';
        names += name;
    }
    if (signedHeaders)
        *signedHeaders = names;
    return input.method + '\n' + canonicalUri(input.path, input.normalizePath) + '\n'
        + canonicalQuery(input.query) + '\n' + canonicalHeaders + '\n' + names + '\n' + input.payloadHash;
}

QByteArray signingKey(
    const QString &secretKey, const QByteArray &date, const QString &region, const QString &service)
{
    const QByteArray dateKey = hmac("AWS4" + secretKey.toUtf8(), date);
    const QByteArray regionKey = hmac(dateKey, region.toUtf8());
    const QByteArray serviceKey = hmac(regionKey, service.toUtf8());
    return hmac(serviceKey, "aws4_request");
}

Signature sign(const Input &input, const AwsSigV4 &credentials, const QDateTime &time)
{
    Signature result;
    const QByteArray timestamp = amzDate(time);
    const QByteArray date = timestamp.left(8);
    const QByteArray scope
        = date + '/' + credentials.region.toUtf8() + '/' + credentials.service.toUtf8() + "/aws4_request";
    result.canonicalRequest = canonicalRequest(input, &result.signedHeaders);
    result.stringToSign
        = "AWS4-HMAC-SHA256\n" + timestamp + '\n' + scope + '\n' + hexSha256(result.canonicalRequest);
    result.signature = hmac(
        signingKey(credentials.secretKey, date, credentials.region, credentials.service), result.stringToSign)
                           .toHex();
    result.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey.toUtf8() + '/' + scope
        + ", SignedHeaders=" + result.signedHeaders + ", Signature=" + result.signature;
    return result;
}

} // namespace Sonde::SigV4
