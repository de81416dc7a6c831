#pragma once

#include "model/Exchange.h"
#include "model/Folder.h"

#include <QList>
#include <QString>

namespace Sonde {

/// A message about imported input, with its place: "line 3, column 12" for text formats, a JSON path
/// such as "log.entries[3].request.url" for JSON ones; empty when the whole input is meant.
struct ImportMessage
{
    QString where;
    QString message;

    /// "where: message", or the message alone.
    QString toString() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
    friend bool operator==(const ImportMessage &, const ImportMessage &) = default;
};

/// Where a request sits in an imported collection: the indexes of its folders from the collection
/// down (empty for a request at the top), then its index among that folder's requests.
struct RequestLocation
{
    QList<qsizetype> folders;
    qsizetype request = 0;

    friend bool operator==(const RequestLocation &, const RequestLocation &) = default;
};

/// A response that came with an imported request (a HAR entry's response, a saved example): the
/// request model has no place for examples yet, so they travel next to the collection.
struct ImportedExample
{
    RequestLocation location;
    Exchange exchange;
    /// The example's own name, when the format gives one (Postman's saved responses).
    QString name {};
};

/// What every importer produces: one collection of folders and requests (the model's own types, ready
/// to be saved into a workspace), environments when the format has them, the examples, and warnings
/// about what could not be carried over. When `error` is set the import failed and its message names
/// the place of the problem; nothing is imported unless the user accepts a partial result: the
/// collection then holds what was read around the problem (the entries, items, resources or
/// operations that read well; the bad one left out), empty when the input is not the format at all or
/// does not even parse.
struct ImportResult
{
    /// The format read: "curl", "har", "postman" (the names `sonde-cli import --format` takes).
    QString format;
    Folder collection;
    QList<Environment> environments;
    /// Global variables (a Postman globals file), for the workspace's globals.
    VariableList globals;
    QList<ImportedExample> examples;
    QList<ImportMessage> warnings;
    ImportMessage error;

    bool ok() const { return error.message.isEmpty(); }
    /// The import failed but some requests were read: a partial result the user may accept.
    bool hasPartial() const { return !ok() && requestCount() > 0; }
    /// The partial result as an import to save: the error becomes the first warning.
    ImportResult acceptedPartial() const;
    /// The request at `location`, or nullptr when there is none.
    const Request *requestAt(const RequestLocation &location) const;
    /// The example kept for the request at `location`, or nullptr.
    const Exchange *exampleAt(const RequestLocation &location) const;
    /// Every request of the collection, sub-folders included.
    qsizetype requestCount() const;

    /// A failed import with nothing read: no collection, only the error.
    static ImportResult failure(const QString &format, const QString &where, const QString &message);
};

} // namespace Sonde
