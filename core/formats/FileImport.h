#pragma once

#include "formats/ImportResult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// One door for every importer, shared by `sonde-cli import` and File ▸ Import (and drops on the
/// window): tells the format of a file's content and runs the importer it needs.
namespace Sonde::FileImport {

/// The formats, by the names `sonde-cli import --format` takes: curl, har, postman, insomnia, openapi.
const QStringList &formats();

/// The format of `data`, or an empty string when it is none of them. `fileName` (may be empty) helps
/// where the content alone does not tell (a `.har` file). Checked in this order: HAR, Postman,
/// Insomnia, OpenAPI/Swagger, curl.
QString detect(const QByteArray &data, const QString &fileName = {});

/// What cannot be told from a format's own content.
struct Options
{
    /// The file's folder, for what it names relative to itself (curl's `@file`, OpenAPI's `$ref`s);
    /// empty when the data was not read from a file.
    QString baseDirectory;
    /// The collection's name: the file's name, or what the user chose.
    QString name;
    /// The user chose `name`: it also wins over the name a format gives itself (and a Postman
    /// environment's).
    bool nameChosen = false;
};

/// Imports `data` as `format` (one of formats()).
ImportResult parse(const QString &format, const QByteArray &data, const Options &options);

} // namespace Sonde::FileImport
