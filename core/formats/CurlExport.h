#pragma once

#include "model/Request.h"

#include <QString>
#include <QStringList>

namespace Sonde {

struct CurlExportOptions
{
    /// One option per line, lines ending with ` \` (as browsers' "Copy as cURL" writes); else one line.
    bool multiline = false;
};

/// Writes a request as a curl command ("Copy as cURL"), POSIX-quoted, such that CurlImport reads it
/// back as the same request for everything curl can say: method, URL, enabled headers, every body kind
/// (a GraphQL body as the JSON POST — or GET query — it is sent as), the request's own auth (Basic,
/// Digest, NTLM, AWS SigV4 and Bearer with curl's options; an API key and an OAuth 2.0 access token as
/// the header or query parameter they send), and the settings redirects (`-L`, `--max-redirs`), time
/// limit (`-m`), TLS verification (`-k`), HTTP version and proxy (custom, or none).
///
/// Only enabled rows are written. Variables stay as written (`{{name}}`). What curl cannot say is
/// listed in `warnings`: a body byte 0 (a command line cannot carry it), a request kept from the
/// workspace's cookie jar, a system proxy (curl uses the environment's proxy by itself), an OAuth 2.0
/// token flow (curl sends the token it is given).
namespace CurlExport {

QString toCommand(
    const Request &request, const CurlExportOptions &options = {}, QStringList *warnings = nullptr);

} // namespace CurlExport
} // namespace Sonde
