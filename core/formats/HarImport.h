#pragma once

#include "formats/ImportResult.h"

#include <QByteArray>
#include <QString>

namespace Sonde {

/// Reads HAR 1.2 files (browser developer tools, proxies, other API clients) as requests.
///
/// Each entry becomes one request of the collection, in file order, named "METHOD /path". What the
/// browser sent is kept as is, except the HTTP/2 pseudo-headers (`:authority` …), `Content-Length`
/// and a `Host` that only repeats the URL's, which the engine writes itself. A body that is exactly a
/// form becomes a form body, else a raw body with the entry's media type. The entry's response (and
/// the request exactly as recorded, with every header) is kept as an example exchange: status,
/// headers, body (base64 content decoded), sizes and timings.
///
/// Input that is not JSON, or not a HAR log, or has a field of the wrong type, imports nothing; the
/// error names the place: "line 3, column 5" for JSON syntax, else a path such as
/// "log.entries[3].request.url". A UTF-8 byte order mark is allowed.
namespace HarImport {

/// `name` becomes the collection's name.
ImportResult parse(const QByteArray &data, const QString &name = QStringLiteral("HAR import"));

/// True when `data` is a JSON object with `log.entries`: what `--format auto` takes for HAR.
bool looksLikeHar(const QByteArray &data);

/// The HTTP version as Sonde writes it ("HTTP/1.1", "HTTP/2", "HTTP/3") from the spellings tools use
/// ("http/2.0", "h2", "h3", "HTTP/1.1"); other text is kept as written.
QByteArray normalizeHttpVersion(const QString &version);

} // namespace HarImport
} // namespace Sonde
