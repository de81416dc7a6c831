#pragma once

#include "model/Exchange.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace Sonde {

struct HarExportOptions
{
    QString creatorName = QStringLiteral("Sonde");
    QString creatorVersion;
    /// The time written for requests that were never sent (no `startedAt`); the current time when
    /// not set.
    QDateTime exportTime;
};

/// Writes exchanges as a HAR 1.2 log, readable by browsers' developer tools and other clients.
///
/// Each exchange gives one entry per hop: the redirects it followed (request and response heads),
/// then its last request with the response. The request is written as it went on the wire (headers
/// the network stack added included); an exchange that was never sent (a saved request) is written
/// from the request with Sonde's body encoding, and a response of status 0, as browsers write a
/// request that got no answer. Bodies that are UTF-8 text are written as text, others in base64
/// (`"encoding": "base64"`, for request bodies too). Timings that did not happen are written as -1
/// where HAR allows it and 0 where it requires a number (`send`, `wait`, `receive`). A transport
/// error is written as `_error` on the entry, as Chrome does.
namespace HarExport {

QJsonObject toHar(const QList<Exchange> &exchanges, const HarExportOptions &options = {});
/// toHar() as indented JSON text.
QByteArray toJson(const QList<Exchange> &exchanges, const HarExportOptions &options = {});
/// Writes toJson() to `path` atomically (a file that is complete or not there, never half written);
/// returns why it could not, in words, or an empty string. Safe to run on a worker thread.
QString writeFile(
    const QString &path, const QList<Exchange> &exchanges, const HarExportOptions &options = {});

/// Saved requests as exchanges that were never sent, for exporting a collection.
QList<Exchange> unsentExchanges(const QList<Request> &requests);

} // namespace HarExport
} // namespace Sonde
