#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace Sonde::HistorySchema {

/// The schema version this build writes, kept in PRAGMA user_version.
constexpr int CurrentVersion = 2;

/// The SQL that takes a database from version i to version i + 1, for each i from 0: applied in
/// order, each migration in one transaction with the version bump. Never edit a released step; add one.
///
/// 1: one `exchanges` table holding everything.
/// 2: summaries (`exchanges`) split from headers and bodies (`exchange_data`, bodies optionally
///    compressed), transport error kinds, sizes, content types, the workspace request and environment,
///    the user's own header rows, and `history_meta`.
const QList<QStringList> &migrations();

/// Brings `db` to CurrentVersion. A new database gets incremental auto-vacuum and every step; an older
/// one the steps it lacks, keeping its data. Safe against another connection migrating at the same
/// time. Returns what went wrong in words, or an empty string.
QString migrate(QSqlDatabase &db);

/// Runs one statement; on failure returns the statement's error in words, else an empty string.
QString exec(QSqlDatabase &db, const QString &sql);

} // namespace Sonde::HistorySchema
