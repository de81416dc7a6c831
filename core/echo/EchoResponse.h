#pragma once

#include "echo/ByteStream.h"
#include "echo/HttpMessage.h"

#include <optional>

namespace Sonde::Echo {

/// A response an endpoint built, with what the connection needs to send it: a body in memory or
/// generated while it is sent, a delay, and whether the connection closes after it.
struct Response
{
    int status = 200;
    HeaderList headers; // besides Date, Server, Content-Length, Transfer-Encoding and Connection
    QByteArray body;
    std::optional<ByteStream> stream; // a body generated while sending, instead of `body`
    qint64 announcedLength = -1; // Content-Length when it is not the real length (/drop)
    bool chunked = false;
    bool closeAfter = false;
    int delayMs = 0;
};

/// `status` with `text` and a newline as a UTF-8 plain-text body.
Response textResponse(int status, const QByteArray &text);

/// The standard reason phrase of `status`, or "Unknown Status".
QByteArray reasonPhrase(int status);
/// False for 1xx, 204 and 304, which never carry a body (RFC 9110 §6.4.1).
bool statusHasBody(int status);

/// The status line and header section of `response`, with Date and Server, Content-Length
/// `contentLength` (or chunked), and a Connection field when the connection closes after it (`close`)
/// or when an HTTP/1.0 client must be told it stays open (`announceKeepAlive`).
QByteArray serializeHead(const Response &response, qint64 contentLength, bool close, bool announceKeepAlive);

} // namespace Sonde::Echo
