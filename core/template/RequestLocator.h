#pragma once

#include "model/Exchange.h"
#include "model/Folder.h"

#include <optional>

namespace Sonde {

/// A request found in a workspace, with the folders above it (collection first).
struct LocatedRequest
{
    QList<const Folder *> folders;
    const Request *request = nullptr;

    /// "Collection/Folder/Request".
    QString path() const;
};

/// Finds "Collection/Folder/…/Request" in `workspace`; each part matches a name (or a directory or
/// file name without .yaml). On failure says what was not found and what exists there.
std::optional<LocatedRequest> locateRequest(const Workspace &workspace, const QString &path, QString *error);

/// `request` with the default headers of its folders added (outer folders first); a header the request
/// or an inner folder sets itself wins.
Request withFolderHeaders(const Request &request, const QList<const Folder *> &folders);

/// `request` with its auth replaced by the one that applies: its own, or the nearest folder's when it
/// inherits (see effectiveAuth), so what is sent never says Inherit.
Request withInheritedAuth(const Request &request, const QList<const Folder *> &folders);

/// A value a request stored from its response (see ResponseCapture).
struct CapturedValue
{
    QString variable;
    QString value;
    /// Why nothing was captured (no match, not JSON, no such header); empty on success.
    QString error;
};

/// Evaluates the enabled captures of a request against its exchange. A JSONPath result that is a
/// string is taken as is; other JSON values as compact JSON text; the first match counts.
QList<CapturedValue> applyCaptures(const QList<ResponseCapture> &captures, const Exchange &exchange);

} // namespace Sonde
