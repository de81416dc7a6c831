#pragma once

#include "model/Exchange.h"

#include <QJsonObject>

namespace Sonde::ExchangeJson {

/// The exchange as JSON: request as sent, redirects, response head, body, timings, sizes, TLS, error.
/// The body is included as text when it is valid UTF-8 ("body"), else base64 ("bodyBase64"); bodies
/// over `bodyLimit` bytes are cut there and "bodyTruncated" is true. The shape is documented in
/// docs/cli.md and is stable.
QJsonObject toJson(const Exchange &exchange, qint64 bodyLimit = 64 * 1024 * 1024);

QJsonArray headersToJson(const HeaderList &headers);

} // namespace Sonde::ExchangeJson
