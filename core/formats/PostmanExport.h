#pragma once

#include "model/Folder.h"

#include <QByteArray>
#include <QStringList>

/// Writes a collection as a Postman collection v2.1 (what Postman's "Import" reads): its folders and
/// requests in order, with method, URL (raw, host, path, query rows including disabled ones, path
/// parameter values), headers, bodies, auth, variables, descriptions and the redirect, TLS and cookie
/// settings Postman has. PostmanImport reads the file back as the same collection.
///
/// What Postman cannot hold is left out and listed in `warnings` ("Folder/Request: …"): a folder's
/// default headers, response captures, time limits and proxies, a GraphQL operation name or GET mode,
/// a multipart file part's announced file name, a raw body that is not UTF-8 text.
namespace Sonde::PostmanExport {

QByteArray toJson(const Folder &collection, QStringList *warnings = nullptr);

} // namespace Sonde::PostmanExport
