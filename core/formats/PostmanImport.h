#pragma once

#include "formats/ImportResult.h"

#include <QByteArray>
#include <QString>

/// Reads Postman files: collections v2.0 and v2.1 (folders, requests, bodies, auth, variables,
/// descriptions, saved responses as examples), environments and globals.
///
/// Scripts (pre-request and test) are kept as text in the description of what holds them, with a
/// warning: Sonde does not run them. Auth schemes Sonde does not have (OAuth 1.0, Hawk, Akamai
/// EdgeGrid, …) become None with a warning. Errors and warnings name the JSON path of their place
/// ("item[2].request.url"). Collections v1 are refused with a message that says how to convert them.
namespace Sonde::PostmanImport {

/// What kind of Postman file `data` holds.
enum class FileKind { NotPostman, CollectionV1, Collection, Environment, Globals };

FileKind detect(const QByteArray &data);

/// Imports a collection, an environment (into `environments`) or a globals file (into `globals`).
/// `fallbackName` names a collection or environment that has no name of its own.
ImportResult parse(const QByteArray &data, const QString &fallbackName = {});

} // namespace Sonde::PostmanImport
