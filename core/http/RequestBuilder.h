#pragma once

#include "model/Exchange.h"

#include <QIODevice>
#include <QUrl>

#include <memory>

namespace Sonde {

/// A piece of a request body: bytes held in memory, or a whole file read from disk when sent.
struct BodySegment
{
    QByteArray bytes;
    QString filePath;
    qint64 size = 0;
};

/// A request's body ready to go on the wire.
///
/// Raw, form and GraphQL bodies are bytes in memory. Multipart and binary bodies are a list of segments
/// whose files are only opened (and streamed) when sent, so a 1 GiB upload never sits in memory.
struct PreparedBody
{
    bool present = false;
    /// The Content-Type the body kind calls for (multipart: with its boundary); empty for none.
    QByteArray contentType;
    /// The multipart boundary, empty for other kinds.
    QByteArray boundary;
    /// The body when it is held in memory (everything but file contents); recorded as sent.
    QByteArray bytes;
    /// The body when it names files: streamed, and recorded by size only.
    QList<BodySegment> segments;
    qint64 size = 0;

    bool isStreamed() const { return !segments.isEmpty(); }
    /// A new device reading the whole body from its start (one per hop: redirects may send it again).
    std::unique_ptr<QIODevice> open() const;
};

/// What Transfer sends for a Request: method, URL, headers (without the network stack's own) and body.
struct PreparedRequest
{
    QByteArray method;
    QUrl url;
    PreparedBody body;
    /// Why the request cannot be sent (invalid URL or method, missing file, …); no error when it can.
    TransportError error;
};

/// Turns a Request into what goes on the wire. Everything here is a plain function of the request
/// (and the files its body names), so it is checked before anything is sent.
namespace RequestBuilder {

/// Turns the text of the URL field into the URL to request, or explains in `problem` why it cannot be one.
QUrl parseUrl(const QString &text, QString *problem);

/// The method, URL (with an API key the auth puts in the query) and body for `request`, or the error (a
/// missing file, bad GraphQL variables, incomplete auth, …) that keeps it from being sent.
PreparedRequest prepare(const Request &request);

/// The request's own headers for one hop, in order, with the defaults Sonde adds (Content-Type for the
/// body kind, User-Agent, Accept, Accept-Encoding), the auth's header (Basic, Bearer, API key, OAuth
/// 2.0; see AuthApply) and Basic authorization from user info in the URL. A user's header of the same
/// name wins; for multipart a user's Content-Type gets the boundary added when it has none.
/// Authorization, Cookie and the auth's header are left out on a cross-origin hop.
HeaderList headers(const Request &request, const PreparedBody &body, bool sendBody, bool crossOriginHop);

/// One name or value encoded by the WHATWG application/x-www-form-urlencoded serializer:
/// `*-._` and alphanumerics kept, space as '+', every other byte of the UTF-8 as %XX.
QByteArray formEncode(const QString &text);
/// The enabled fields as `name=value&…`.
QByteArray formEncode(const KeyValueList &fields);

/// The GraphQL request as JSON `{"query":…,"variables":…,"operationName":…}` (variables and operation
/// only when given); `problem` is set when the variables are not a JSON object.
QByteArray graphqlJson(const Body &body, QString *problem);
/// The members of graphqlJson()'s `json` as an encoded query, `query=…&variables=…&operationName=…`
/// (GraphQL over HTTP GET: variables as JSON text; absent members left out).
QByteArray graphqlQuery(const QByteArray &json);

/// The media type QMimeDatabase guesses for a file, application/octet-stream when it cannot tell.
QString guessContentType(const QString &filePath);

} // namespace RequestBuilder

} // namespace Sonde
