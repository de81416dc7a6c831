#pragma once

#include "model/BodyData.h"
#include "model/Request.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace Sonde {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// The value of the first header named `name` (case-insensitive), or a null QByteArray.
QByteArray headerValue(const HeaderList &headers, QByteArrayView name);

/// A request exactly as it went on the wire, including the headers the network stack added itself.
struct SentRequest
{
    QByteArray method;
    QUrl url;
    /// The request target: path and query, percent-encoded as sent.
    QByteArray target;
    /// "HTTP/1.1" or "HTTP/2".
    QByteArray httpVersion;
    HeaderList headers;
    /// The body bytes sent (raw bodies); bodySize is always set.
    QByteArray body;
    qint64 bodySize = 0;

    /// The request head as HTTP/1.1 text (for HTTP/2, the equivalent fields in HTTP/1.1 form).
    QByteArray headText() const;
};

/// Status line and headers of a response.
struct ResponseHead
{
    int statusCode = 0;
    QByteArray reasonPhrase;
    QByteArray httpVersion;
    HeaderList headers;

    /// Size of the head on the wire (status line, headers, empty line) for HTTP/1.x.
    qint64 headSize() const;
};

/// One redirect the engine followed: what was sent and what came back.
struct RedirectHop
{
    SentRequest sent;
    ResponseHead response;
};

/// Timing of one exchange, in milliseconds. A phase that did not happen is negative
/// (no DNS lookup for an IP literal, no connect phase on a reused connection, no TLS on plain HTTP).
struct Timings
{
    double dns = -1;
    /// From starting to connect until the connection can carry the request: TCP, plus the TLS
    /// handshake for HTTPS. For plain HTTP QNAM reports no "connected" mark, so this phase also holds
    /// writing the request and `send` is negative.
    double connect = -1;
    double send = -1;      ///< writing the request (after the TLS handshake, or on a reused connection)
    double wait = -1;      ///< request sent to first byte of the response
    double download = -1;  ///< first byte to last byte
    double total = -1;
    bool connectionReused = false;
};

/// Byte counts of the response.
struct Sizes
{
    qint64 headerBytes = 0;
    qint64 wireBodyBytes = 0;    ///< body bytes as received, before content decoding
    qint64 decodedBodyBytes = 0; ///< body bytes after content decoding
    QByteArray contentEncoding;  ///< e.g. "gzip"; empty when the body was not encoded
};

/// Details of the TLS session, for HTTPS.
struct TlsInfo
{
    bool used = false;
    QString protocol;
    QString cipher;
    QString peerSubject;
    QString peerIssuer;
    QDateTime peerExpiry;
    /// The client certificate offered for mutual TLS ("CN=…, O=…"), and the host pattern of its entry
    /// in the settings; empty when none was set for the host.
    QString clientCertificate;
    QString clientCertificatePattern;
};

/// Why an exchange produced no (complete) response.
struct TransportError
{
    enum class Kind {
        None,
        InvalidUrl,
        HostNotFound,
        ConnectionRefused,
        Timeout,
        Tls,
        Cancelled,
        ConnectionClosed,
        TooManyRedirects,
        Proxy,
        Protocol,
        /// The server refused the credentials of the request's auth, or asked for a scheme it cannot answer.
        Authentication,
        Other,
    };
    Kind kind = Kind::None;
    /// The error in words, for the user.
    QString message;
    /// TLS: every certificate problem, in words.
    QStringList details;

    bool isError() const { return kind != Kind::None; }
};

/// The machine-readable name of an error kind ("timeout", "tls", …), stable for scripts.
QString errorKindName(TransportError::Kind kind);

/// One request and its response: what every viewer, store and exporter reads.
struct Exchange
{
    QUuid id;
    QDateTime startedAt;
    /// The request as the user defined it (after variables were resolved).
    Request request;
    /// The last request sent (after redirects).
    SentRequest sent;
    QList<RedirectHop> redirects;
    std::optional<ResponseHead> response;
    /// The decoded body.
    BodyData body;
    Sizes sizes;
    Timings timings;
    TlsInfo tls;
    TransportError error;

    bool hasResponse() const { return response.has_value(); }
};

} // namespace Sonde
