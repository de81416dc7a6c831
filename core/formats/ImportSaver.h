#pragma once

#include "formats/ImportResult.h"
#include "storage/FormatProblem.h"

namespace Sonde {

/// Where an import went on disk.
struct SavedImport
{
    /// The collection's name in the workspace (made unique among its collections).
    QString collectionName;
    /// Why nothing was written; empty on success.
    QString error;
    /// Files that could not be written or read back (the rest was written).
    FormatProblems problems;
};

/// Writes an import into a workspace folder as a new collection (and its environments), with the
/// workspace storage code: into the workspace in `root`, or a new workspace named after the folder
/// when `root` does not exist or is empty. A folder that holds other things is refused. Examples are
/// not written: the workspace format has no place for them.
SavedImport saveImport(const QString &root, const ImportResult &result);

} // namespace Sonde
