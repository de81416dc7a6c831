#pragma once

#include "history/HistoryRecord.h"

#include <QJsonArray>
#include <QJsonObject>

/// History entries and records as JSON (the shape `sonde-cli history … --json` prints, documented in
/// docs/cli.md), and the JSON forms the store keeps header lists in.
namespace Sonde::HistoryJson {

QJsonObject entryToJson(const HistoryEntry &entry);
QJsonObject recordToJson(const HistoryRecord &record);

/// [["Name", "value"], …] ⇄ a header list.
QString headersToText(const HeaderList &headers);
HeaderList headersFromText(const QString &text);

} // namespace Sonde::HistoryJson
