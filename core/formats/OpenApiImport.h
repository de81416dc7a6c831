#pragma once

#include "formats/ImportResult.h"

#include <QByteArray>
#include <QString>

/// Reads OpenAPI 3.0, 3.1 (and 3.2) and Swagger 2.0 documents, JSON or YAML, into a collection: one
/// request per operation, in folders named after each operation's first tag, with `{{baseUrl}}` (a
/// collection variable made from the first server, or Swagger's schemes, host and basePath) in front
/// of the path, `{name}` path parameters as Sonde's `:name` ones, query and header parameters with
/// their examples or defaults, a body from the spec's example or made from the schema, and the
/// security schemes as auth settings. `$ref`s are followed within the document and into files beside
/// it; a cycle of references is an error naming its place.
///
/// A document that breaks the specification's required structure (no `info.title`, `servers` that is
/// not a list, a schema that is neither an object nor a boolean, …) is refused with a message naming
/// the JSON path of the problem; YAML and JSON syntax errors name the line and column.
namespace Sonde::OpenApiImport {

struct Options
{
    /// The folder of the document, for `$ref`s to other files; empty when it was not read from a file.
    QString baseDirectory;
    /// The collection's name when the document's `info.title` is empty.
    QString fallbackName;
};

/// True when `data` is a JSON or YAML mapping with an `openapi` or `swagger` field at the top.
bool looksLikeOpenApi(const QByteArray &data);

ImportResult parse(const QByteArray &data, const Options &options = {});

} // namespace Sonde::OpenApiImport
