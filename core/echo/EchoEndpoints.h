#pragma once

#include "echo/EchoResponse.h"
#include "echo/HttpMessage.h"

#include <QString>

namespace Sonde::Echo {

/// What the connection knows about a request besides the request itself.
struct RequestInfo
{
    QString origin; // the client address
    quint16 localPort = 0; // for the echoed URL when the request has no Host
};

/// The echo server's endpoints: picks the one the request's path names (docs/echo-server.md lists
/// them) and builds its response; every other path gets the JSON echo of the request. A bad parameter
/// gives a 400 with a plain-text explanation. Pure: no I/O, no timers (a delay is only requested).
Response route(const HttpRequest &request, const RequestInfo &info);

} // namespace Sonde::Echo
