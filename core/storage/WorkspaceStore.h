#pragma once

#include "model/Folder.h"
#include "storage/FormatProblem.h"

namespace Sonde {

/// A workspace as read from disk: what loaded, and what did not (each problem with its file and line).
struct LoadedWorkspace
{
    Workspace workspace;
    FormatProblems problems;
    /// False when the folder is not a workspace at all (no readable workspace.yaml).
    bool ok = false;
};

/// Reads and writes a workspace folder (layout in docs/workspace-format.md):
///
///     workspace.yaml                     format version, name, global variables
///     environments/<name>.yaml           one file per environment
///     collections/<collection>/          a collection is a folder…
///         _folder.yaml                   …with its settings (also in every sub-folder)
///         <request>.yaml                 one file per request
///         <sub-folder>/…
///
/// Plain functions on values: no state, no event loop, usable from any thread.
namespace WorkspaceStore {

constexpr auto WorkspaceFile = "workspace.yaml";
constexpr auto FolderFile = "_folder.yaml";
constexpr auto CollectionsDir = "collections";
constexpr auto EnvironmentsDir = "environments";

/// Loads the workspace in `root`. A malformed or unknown file is reported and skipped; the rest loads.
LoadedWorkspace load(const QString &root);

/// True when `root` holds a workspace.yaml.
bool isWorkspace(const QString &root);

/// Writes every file of `workspace` whose content differs from what is on disk, atomically; files that
/// already match are not touched, so loading and saving with no edit changes no byte. Items without a
/// file or directory name get one from their name (unique among their siblings) — `workspace` is
/// updated with them. Nothing is deleted: use the remove functions for that.
FormatProblems save(const QString &root, Workspace &workspace);

/// The path of the folder `directories` (collection first) below `root`.
QString folderPath(const QString &root, const QStringList &directories);

/// Deletes a request's file. Returns an error message, empty on success.
QString removeRequest(const QString &root, const QStringList &directories, const QString &fileName);
/// Deletes a folder (or collection) with everything in it.
QString removeFolder(const QString &root, const QStringList &directories);
/// Deletes an environment's file.
QString removeEnvironment(const QString &root, const QString &environmentName);

/// A name not yet used by `taken` (case-insensitively): `base`, else "base 2", "base 3", …
QString uniqueName(const QString &base, const QStringList &taken);

} // namespace WorkspaceStore
} // namespace Sonde
