#include "history/HistorySchema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Sonde::HistorySchema {

namespace {

const QStringList version1 = {
    QStringLiteral("CREATE TABLE exchanges ("
                   " id INTEGER PRIMARY KEY,"
                   " started_at INTEGER NOT NULL,"
                   " method TEXT NOT NULL,"
                   " url TEXT NOT NULL,"
                   " host TEXT NOT NULL DEFAULT '',"
                   " status INTEGER NOT NULL DEFAULT 0,"
                   " error_message TEXT NOT NULL DEFAULT '',"
                   " duration_ms REAL NOT NULL DEFAULT -1,"
                   " request_headers TEXT NOT NULL DEFAULT '[]',"
                   " request_body BLOB,"
                   " response_headers TEXT NOT NULL DEFAULT '[]',"
                   " response_body BLOB,"
                   " response_body_truncated INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX exchanges_started ON exchanges(started_at)"),
};

// The Content-Type value in a JSON header list ([["Name", "value"], …]) of column `column`.
QString contentTypeOf(const char *column)
{
    return QStringLiteral("coalesce((SELECT json_extract(h.value, '$[1]') FROM json_each(%1) h"
                          " WHERE lower(json_extract(h.value, '$[0]')) = 'content-type' LIMIT 1), '')")
        .arg(QLatin1StringView(column));
}

QStringList version2()
{
    return {
        QStringLiteral("ALTER TABLE exchanges RENAME TO exchanges_v1"),
        QStringLiteral("DROP INDEX exchanges_started"),
        QStringLiteral("CREATE TABLE exchanges ("
                       " id INTEGER PRIMARY KEY,"
                       " started_at INTEGER NOT NULL,"
                       " method TEXT NOT NULL,"
                       " url TEXT NOT NULL,"
                       " host TEXT NOT NULL DEFAULT '',"
                       " status INTEGER NOT NULL DEFAULT 0,"
                       " error_kind TEXT NOT NULL DEFAULT '',"
                       " error_message TEXT NOT NULL DEFAULT '',"
                       " duration_ms REAL NOT NULL DEFAULT -1,"
                       " response_size INTEGER NOT NULL DEFAULT 0,"
                       " workspace_request TEXT,"
                       " stored_bytes INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE exchange_data ("
                       " id INTEGER PRIMARY KEY REFERENCES exchanges(id) ON DELETE CASCADE,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " http_version TEXT NOT NULL DEFAULT '',"
                       " final_url TEXT NOT NULL DEFAULT '',"
                       " redirect_count INTEGER NOT NULL DEFAULT 0,"
                       " environment TEXT,"
                       " request_headers TEXT NOT NULL DEFAULT '[]',"
                       " request_yaml BLOB,"
                       " request_yaml_zlib INTEGER NOT NULL DEFAULT 0,"
                       " request_content_type TEXT NOT NULL DEFAULT '',"
                       " request_size INTEGER NOT NULL DEFAULT 0,"
                       " request_body BLOB,"
                       " request_body_zlib INTEGER NOT NULL DEFAULT 0,"
                       " request_body_truncated INTEGER NOT NULL DEFAULT 0,"
                       " response_headers TEXT NOT NULL DEFAULT '[]',"
                       " response_content_type TEXT NOT NULL DEFAULT '',"
                       " response_wire_size INTEGER NOT NULL DEFAULT 0,"
                       " response_body BLOB,"
                       " response_body_zlib INTEGER NOT NULL DEFAULT 0,"
                       " response_body_truncated INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("INSERT INTO exchanges (id, started_at, method, url, host, status, error_kind,"
                       " error_message, duration_ms, response_size, stored_bytes)"
                       " SELECT id, started_at, method, url, host, status,"
                       " CASE WHEN error_message <> '' THEN 'other' ELSE '' END, error_message, duration_ms,"
                       " coalesce(length(CAST(response_body AS BLOB)), 0),"
                       " 200 + length(url) + length(request_headers) + length(response_headers)"
                       " + coalesce(length(CAST(request_body AS BLOB)), 0)"
                       " + coalesce(length(CAST(response_body AS BLOB)), 0)"
                       " FROM exchanges_v1"),
        QStringLiteral(
            "INSERT INTO exchange_data (id, final_url, request_headers, request_content_type,"
            " request_size, request_body, response_headers, response_content_type,"
            " response_wire_size, response_body, response_body_truncated)"
            " SELECT id, url, request_headers, %1, coalesce(length(CAST(request_body AS BLOB)), 0),"
            " CAST(request_body AS BLOB), response_headers, %2,"
            " coalesce(length(CAST(response_body AS BLOB)), 0), CAST(response_body AS BLOB),"
            " response_body_truncated FROM exchanges_v1")
            .arg(contentTypeOf("request_headers"), contentTypeOf("response_headers")),
        QStringLiteral("DROP TABLE exchanges_v1"),
        QStringLiteral("CREATE INDEX exchanges_started ON exchanges(started_at)"),
        QStringLiteral("CREATE INDEX exchanges_host ON exchanges(host)"),
        QStringLiteral("CREATE TABLE history_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID"),
    };
}

int userVersion(QSqlDatabase &db, bool *ok)
{
    QSqlQuery query(db);
    *ok = query.exec(QStringLiteral("PRAGMA user_version")) && query.next();
    return *ok ? query.value(0).toInt() : 0;
}

int pragmaNumber(QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("PRAGMA ") + pragma) && query.next() ? query.value(0).toInt() : -1;
}

// A database from before incremental auto-vacuum gets it, so retention can give space back. Best
// effort: VACUUM needs the database to itself, and the next open tries again.
void ensureIncrementalVacuum(QSqlDatabase &db)
{
    if (pragmaNumber(db, QStringLiteral("auto_vacuum")) == 2)
        return;
    exec(db, QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"));
    exec(db, QStringLiteral("VACUUM"));
}

} // namespace

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {version1, version2()};
    static_assert(CurrentVersion == 2, "add the new step to the list");
    return steps;
}

QString exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return {};
    return query.lastError().text();
}

QString migrate(QSqlDatabase &db)
{
    bool ok = false;
    int version = userVersion(db, &ok);
    if (!ok)
        return QStringLiteral("The file is not a readable SQLite database.");
    if (version == CurrentVersion) {
        ensureIncrementalVacuum(db);
        return {};
    }
    const bool fresh = version == 0 && db.tables().isEmpty();
    // Incremental auto-vacuum can only be chosen before the first table exists.
    if (fresh)
        exec(db, QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"));

    if (const QString error = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !error.isEmpty())
        return QStringLiteral("Could not lock the history database to update it: %1").arg(error);
    // Another connection may have migrated while this one waited for the lock.
    version = userVersion(db, &ok);
    QString error;
    if (version > CurrentVersion) {
        error = QStringLiteral("This history database was written by a newer version of Sonde (schema %1; "
                               "this version knows up to %2).")
                    .arg(version)
                    .arg(CurrentVersion);
    }
    for (int step = version; error.isEmpty() && step < CurrentVersion; ++step) {
        for (const QString &statement : migrations().at(step)) {
            if (const QString failure = exec(db, statement); !failure.isEmpty()) {
                error = QStringLiteral("Could not update the history database to schema %1: %2")
                            .arg(step + 1)
                            .arg(failure);
                break;
            }
        }
    }
    if (error.isEmpty())
        error = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(CurrentVersion));
    if (!error.isEmpty()) {
        exec(db, QStringLiteral("ROLLBACK"));
        return error;
    }
    if (const QString failure = exec(db, QStringLiteral("COMMIT")); !failure.isEmpty()) {
        exec(db, QStringLiteral("ROLLBACK"));
        return QStringLiteral("Could not save the updated history database: %1").arg(failure);
    }
    ensureIncrementalVacuum(db);
    return {};
}

} // namespace Sonde::HistorySchema
