#pragma once

#include "formats/ImportResult.h"

#include <QStringList>

/// "METHOD URL" of every request of `folder`, sub-folders after the folder's own requests, to compare
/// what a partial import kept.
inline QStringList requestLines(const Sonde::Folder &folder)
{
    QStringList lines;
    for (const Sonde::Request &request : folder.requests)
        lines.append(request.method + u' ' + request.url);
    for (const Sonde::Folder &child : folder.folders)
        lines += requestLines(child);
    return lines;
}
