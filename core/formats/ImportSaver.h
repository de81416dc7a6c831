#pragma once

#include "formats/ImportResult.h"
#include "storage/FormatProblem.h"

namespace Sonde {

/// Where an import went on disk.
struct SavedImport
{
    /// The collection's name in the workspace (made unique among its collections); empty when the
    /// import held only environments or globals.
    QString collectionName;
    /// The names the imported environments got (made unique among the workspace's).
    QStringList environmentNames;
    /// Why nothing was written; empty on success.
    QString error;
    /// Files that could not be written or read back (the rest was written).
    FormatProblems problems;
};

/// Writes an import into a workspace folder as a new collection (and its environments; its globals
/// replace the workspace's globals of the same name, the others are added), with the workspace storage
/// code: into the workspace in `root`, or a new workspace named after the folder when `root` does not
/// exist or is empty. A folder that holds other things is refused. An import of environments or
/// globals alone adds no collection. Examples are not written: the workspace format has no place for
/// them. Secret variables keep only their names in the files: their values belong in the keychain.
SavedImport saveImport(const QString &root, const ImportResult &result);

} // namespace Sonde
