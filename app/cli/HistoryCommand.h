#pragma once

#include "history/ExchangeRecord.h"

#include <QStringList>

/// `sonde-cli history search [QUERY…] [--limit N] [--offset N] [--method M]… [--status S]… [--host H]
/// [--since WHEN] [--until WHEN] [--json]`, `sonde-cli history show ID [--json]`, and
/// `sonde-cli history clear`; each takes `--db PATH`. Returns the process exit code: 0 on success,
/// 1 when `show` finds no such entry, 2 on a usage error, 3 when the history database cannot be
/// opened or read.
int runHistoryCommand(const QStringList &arguments);

/// The history database of sonde-cli: $SONDE_HISTORY_DB when set, else HistoryStore::defaultPath()
/// (the application's own).
QString historyDatabasePath();

/// For `sonde-cli send`: records the exchange and waits until it is written. A request that was sent
/// does not fail because history could not keep it: problems are printed to stderr as warnings.
void recordInHistory(const Sonde::Exchange &exchange, const Sonde::RecordContext &context);
