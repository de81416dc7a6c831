#pragma once

#include "model/Folder.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sonde {

/// The files a collection, a folder or a request is exported as.
enum class ExportFormat {
    Postman, ///< a Postman collection v2.1 (a collection or a folder only)
    Har, ///< a HAR 1.2 log of requests never sent
    Curl, ///< curl commands, each under a "# Collection/Folder/Request" comment line
};

/// A request as it leaves the workspace, with where it was ("Collection/Folder/Request").
struct ExportedRequest
{
    QString path;
    Request request;
};

struct ExportOptions
{
    /// curl: one option per line, with ` \` continuations.
    bool curlMultiline = false;
    /// HAR: the version written as `creator.version`.
    QString creatorVersion;
};

/// What an export wrote, and what the format could not hold ("Folder/Request: …"), in words.
struct ExportResult
{
    QByteArray bytes;
    int requestCount = 0;
    QStringList warnings;
};

/// What `sonde-cli export` and the window's Export menu write: one place, so both give the same file.
///
/// Requests leave the workspace as they are sent: with the default headers of their folders and the
/// auth they inherit written into each (a HAR file or a curl command has no folders to hold them).
/// A Postman export keeps the folders, so it writes the folder it is given as it is.
namespace CollectionExport {

/// `request` as exported from below `chain` (the folders above it, collection first).
ExportedRequest exportedRequest(const Request &request, const QList<const Folder *> &chain);
/// Every request in the last folder of `chain` and below it, in tree order.
QList<ExportedRequest> requestsIn(const QList<const Folder *> &chain);

/// The folder at the end of `chain` (the collection down to it) in `format`.
ExportResult exportFolder(
    const QList<const Folder *> &chain, ExportFormat format, const ExportOptions &options = {});
/// `requests` as a HAR log or curl commands; `format` Postman needs a folder and gives nothing.
ExportResult exportRequests(
    const QList<ExportedRequest> &requests, ExportFormat format, const ExportOptions &options = {});

/// The file name an export of `name` is offered under ("Name.postman_collection.json", "Name.har",
/// "Name.sh"), with characters file systems refuse replaced.
QString suggestedFileName(const QString &name, ExportFormat format);

} // namespace CollectionExport

} // namespace Sonde
