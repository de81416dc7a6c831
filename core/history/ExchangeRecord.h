#pragma once

#include "history/HistoryRecord.h"

#include <QStringList>

namespace Sonde {

/// What the sender knows about an exchange that the exchange itself does not say.
struct RecordContext
{
    /// "Collection/Folder/Request" when the request came from a workspace; empty otherwise.
    QString workspaceRequest;
    /// The active environment's name; empty for none.
    QString environment;
    /// Values of the secret variables the request used: scrubbed from everything stored.
    QStringList secretValues;
};

/// How history stores exchanges (user settings).
struct RecordOptions
{
    static constexpr qint64 DefaultBodyCap = 1024 * 1024;

    /// Bodies larger than this keep their first `bodyCap` bytes and are flagged truncated.
    qint64 bodyCap = DefaultBodyCap;
    /// Store credentials and secret values as they were. Off by default.
    bool keepSecrets = false;

    friend bool operator==(const RecordOptions &, const RecordOptions &) = default;
};

/// The record history stores for `exchange`: redacted (unless options.keepSecrets), bodies cut at the
/// cap. Reads at most the cap (plus the longest secret) of a body kept in a temporary file.
HistoryRecord toHistoryRecord(
    const Exchange &exchange, const RecordContext &context, const RecordOptions &options = {});

} // namespace Sonde
