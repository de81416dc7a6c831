#pragma once

#include "formats/ImportResult.h"

#include <QByteArray>
#include <QString>

/// Reads Insomnia v4 exports (`_type: export`, `__export_format: 4`), JSON or YAML: the workspace
/// becomes the collection (several workspaces: one folder each), request groups folders (with their
/// environment as variables, their auth and headers), requests with their query, headers, path
/// parameters, body (text, JSON, form, multipart, file, GraphQL), auth and settings, and the
/// environments: the base environment's values apply always (collection variables), each sub
/// environment becomes a Sonde environment. Insomnia's `{{ _.name }}` becomes `{{name}}`, and its
/// uuid and timestamp template tags Sonde's dynamic values.
///
/// Left out with a warning: cookie jars, gRPC and WebSocket requests, API design documents, unit
/// tests, mocks; scripts are kept as text in the description. Errors name the JSON path
/// (`resources[3].body.params`), or the line and column of a YAML or JSON syntax error.
namespace Sonde::InsomniaImport {

/// True when `data` is an Insomnia export (any version): `_type: export` with `__export_format`.
bool looksLikeInsomnia(const QByteArray &data);

/// `fallbackName` names the collection when the export holds several workspaces or none.
ImportResult parse(const QByteArray &data, const QString &fallbackName = {});

/// Insomnia's template text with Sonde's syntax: `{{ _.name }}` → `{{name}}`, `{% uuid %}` →
/// `{{$uuid}}`, `{% now 'iso-8601' %}` → `{{$isoTimestamp}}`, `{% now 'millis' %}` / `'unix'` →
/// `{{$timestamp}}`. Other template tags stay as written; `unknownTag`, when given, is set to the
/// first of them.
QString convertTemplate(const QString &text, QString *unknownTag = nullptr);

} // namespace Sonde::InsomniaImport
