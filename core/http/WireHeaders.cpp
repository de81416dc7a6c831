#include "http/WireHeaders.h"

#include <QLibraryInfo>
#include <QVersionNumber>

#include <QHostAddress>
#include <QLocale>

namespace Sonde::WireHeaders {

namespace {

bool has(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray hostValue(const QUrl &url)
{
    const QString hostName = url.host();
    QByteArray host;
    QHostAddress address;
    if (address.setAddress(hostName))
        host = address.protocol() == QAbstractSocket::IPv6Protocol ? '[' + hostName.toLatin1() + ']'
                                                                   : hostName.toLatin1();
    else
        host = QUrl::toAce(hostName);
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray defaultAcceptLanguage()
{
    const QString locale = QLocale::system().name().replace(u'_', u'-');
    if (locale == u"C")
        return "en,*";
    if (locale.startsWith(u"en-"))
        return locale.toLatin1() + ",*";
    return locale.toLatin1() + ",en,*";
}

QByteArray requestTarget(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

HeaderList forHttp1(const HeaderList &explicitHeaders, const QUrl &url, qint64 bodySize)
{
    HeaderList headers = explicitHeaders;
    const auto addMissing = [&headers](QByteArrayView name, const QByteArray &value) {
        if (!has(headers, name))
            headers.append({name.toByteArray(), value});
    };
    if (bodySize >= 0)
        addMissing("Content-Length", QByteArray::number(bodySize));
    addMissing("Connection", "Keep-Alive");
    addMissing("Accept-Encoding", "gzip, deflate");
    addMissing("Accept-Language", defaultAcceptLanguage());
    addMissing("User-Agent", "Mozilla/5.0");
    if (!has(headers, "Host"))
        headers.prepend({"Host", hostValue(url)});
    return headers;
}

HeaderList forHttp2(const HeaderList &http1Headers, const QByteArray &method, const QUrl &url)
{
    HeaderList fields;
    QByteArray authority = hostValue(url);
    const QByteArray explicitHost = headerValue(http1Headers, "Host");
    if (!explicitHost.isEmpty())
        authority = explicitHost;
    fields.append({":authority", authority});
    fields.append({":method", method});
    fields.append({":path", requestTarget(url)});
    fields.append({":scheme", url.scheme().toLatin1()});
    static const QList<QByteArray> connectionSpecific = {"host", "connection", "keep-alive", "proxy-connection",
                                                         "transfer-encoding", "upgrade", "http2-settings"};
    for (const auto &header : http1Headers) {
        const QByteArray name = header.first.toLower();
        if (!connectionSpecific.contains(name))
            fields.append({name, header.second});
    }
    return fields;
}

bool qtLowercasesNames()
{
    static const bool lowercases = QLibraryInfo::version() >= QVersionNumber(6, 8);
    return lowercases;
}

HeaderList withNamesAsSent(HeaderList headers)
{
    if (qtLowercasesNames()) {
        for (auto &header : headers)
            header.first = header.first.toLower();
    }
    return headers;
}

} // namespace Sonde::WireHeaders
