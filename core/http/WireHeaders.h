#pragma once

#include "model/Exchange.h"

namespace Sonde::WireHeaders {

/// The headers QNetworkAccessManager puts on the wire for a request carrying `explicitHeaders`:
/// those headers in their order, then the ones it adds by itself when absent (Content-Length for a
/// body, Connection, Accept-Encoding, Accept-Language, User-Agent, Host).
///
/// QNAM does not report what it sent, so the engine records this; tst_httpengine checks it byte for
/// byte against what a loopback server received.
HeaderList forHttp1(const HeaderList &explicitHeaders, const QUrl &url, qint64 bodySize);

/// True when the Qt in use writes every HTTP/1 header name in lower case (Qt 6.8 and later normalize
/// names, QTBUG-131474), whatever case the request gave; it reports response header names in lower
/// case too.
bool qtLowercasesNames();
/// `headers` with their names as Qt puts them on the wire: lower-cased when qtLowercasesNames().
HeaderList withNamesAsSent(HeaderList headers);

/// The same request as HTTP/2 fields: pseudo-headers first, names in lower case, no
/// connection-specific fields (RFC 9113 §8.2.2).
HeaderList forHttp2(const HeaderList &http1Headers, const QByteArray &method, const QUrl &url);

/// The Host header's value for `url`: the host (IDNA-encoded, IPv6 in brackets) and a port given in it.
QByteArray hostValue(const QUrl &url);

/// The Accept-Language value QNAM derives from the system locale.
QByteArray defaultAcceptLanguage();

/// The request target as sent: path (at least "/") and query, percent-encoded.
QByteArray requestTarget(const QUrl &url);

} // namespace Sonde::WireHeaders
