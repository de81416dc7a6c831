#pragma once

#include "model/Request.h"
#include "model/Variable.h"

namespace Sonde {

/// A folder of requests and sub-folders. A collection is a top-level folder of a workspace.
///
/// Settings here apply to everything below: variables (wider than the request's, narrower than the
/// parent folder's), default headers (a request's own header of the same name wins) and auth (for the
/// requests and folders below that inherit theirs).
struct Folder
{
    QString name;
    QString description;
    VariableList variables;
    KeyValueList headers;
    /// Inherit (the default) passes the parent folder's auth down; a collection's Inherit means None.
    AuthConfig auth {};
    int sortKey = 0;
    QList<Folder> folders;
    QList<Request> requests;
    /// The folder's directory name on disk, empty until it is saved.
    QString directoryName;

    /// The requests in this folder and every folder below it.
    qsizetype requestCount() const
    {
        qsizetype count = requests.size();
        for (const Folder &child : folders)
            count += child.requestCount();
        return count;
    }

    friend bool operator==(const Folder &, const Folder &) = default;
};

/// Everything a user keeps in one workspace folder.
struct Workspace
{
    QString name;
    VariableList globals;
    QList<Folder> collections;
    QList<Environment> environments;

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

} // namespace Sonde
