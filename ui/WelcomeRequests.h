#pragma once

#include "model/Request.h"

#include <QList>
#include <QUrl>

namespace Sonde {

/// The ready-made requests shown on first start, against the built-in echo server at `echoBaseUrl`:
/// a GET with a query, a POST with a JSON body, a 404 and an XML response.
QList<Request> welcomeRequests(const QUrl &echoBaseUrl);

} // namespace Sonde
