#include "history/HistoryStore.h"

#include "history/HistoryIndex.h"
#include "history/HistoryJson.h"
#include "history/HistorySchema.h"
#include "storage/WorkspaceFormat.h"

#include <QTimeZone>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace Sonde {

namespace {

constexpr auto EntryColumns
    = "e.id, e.started_at, e.method, e.url, e.host, e.status, e.duration_ms, e.response_size,"
      " e.error_kind, e.error_message, e.workspace_request";

/// NULL for nullable columns when there is nothing.
QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(bytes);
}

/// Binds `values` in order. A null QString would bind as SQL NULL: text goes in as text, empty or not.
void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
}

HistoryEntry entryFrom(const QSqlQuery &query)
{
    HistoryEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), QTimeZone::utc());
    entry.method = query.value(2).toString();
    entry.url = query.value(3).toString();
    entry.host = query.value(4).toString();
    entry.status = query.value(5).toInt();
    entry.durationMs = query.value(6).toDouble();
    entry.responseSize = query.value(7).toLongLong();
    entry.errorKind = query.value(8).toString();
    entry.errorMessage = query.value(9).toString();
    entry.workspaceRequest = query.value(10).toString();
    return entry;
}

} // namespace

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Sonde/history.sqlite");
}

std::unique_ptr<HistoryStore> HistoryStore::open(const QString &path, QString *error, FullText fullText)
{
    const QString name
        = QStringLiteral("sonde-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<HistoryStore> store(new HistoryStore(path, name));
    const QString problem = store->initialize(fullText);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return nullptr;
    return store;
}

HistoryStore::HistoryStore(const QString &path, const QString &connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
{ }

HistoryStore::~HistoryStore()
{
    m_index.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString HistoryStore::initialize(FullText fullText)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return QStringLiteral("Could not create the folder %1 for the history.")
            .arg(QFileInfo(m_path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return QStringLiteral("Qt's SQLite driver is not installed (on Debian: libqt6sql6-sqlite).");
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return QStringLiteral("Could not open the history database %1: %2")
            .arg(m_path, m_db.lastError().text());

    QSqlQuery journal(m_db);
    if (!journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !journal.next()
        || journal.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        return QStringLiteral(
            "The history database %1 cannot use a write-ahead log (is it on a network drive?).")
            .arg(m_path);
    journal.finish();
    for (const char *pragma : {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        if (const QString error = HistorySchema::exec(m_db, QLatin1StringView(pragma)); !error.isEmpty())
            return QStringLiteral("Could not set up the history database %1: %2").arg(m_path, error);
    }
    if (const QString error = HistorySchema::migrate(m_db); !error.isEmpty())
        return QStringLiteral("%1 (%2)").arg(error, m_path);

    if (fullText == FullText::Off) {
        m_fullTextNote = QStringLiteral("Full-text search is turned off: searches look at URLs, methods, "
                                        "statuses and headers, not bodies.");
    } else if (!HistoryIndex::isSupported(m_db)) {
        m_fullTextNote = QStringLiteral("This SQLite has no full-text search (FTS5): searches look at URLs, "
                                        "methods, statuses and headers, not bodies.");
    } else {
        m_index = std::make_unique<HistoryIndex>(m_db);
        if (const QString error = m_index->ensure(); !error.isEmpty())
            return error;
        m_fullText = true;
    }
    return {};
}

bool HistoryStore::fail(const QString &message)
{
    m_lastError = message;
    return false;
}

std::optional<QList<qint64>> HistoryStore::insert(const QList<HistoryRecord> &records)
{
    m_lastError.clear();
    if (const QString error = HistorySchema::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        !error.isEmpty()) {
        fail(QStringLiteral("Could not write to the history: %1").arg(error));
        return std::nullopt;
    }
    QSqlQuery exchange(m_db);
    exchange.prepare(QStringLiteral("INSERT INTO exchanges (started_at, method, url, host, status, error_kind,"
                                    " error_message, duration_ms, response_size, workspace_request,"
                                    " stored_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery data(m_db);
    data.prepare(QStringLiteral(
        "INSERT INTO exchange_data (id, reason, http_version, final_url, redirect_count, environment,"
        " request_headers, request_yaml, request_yaml_zlib, request_content_type, request_size, request_body,"
        " request_body_zlib, request_body_truncated, response_headers, response_content_type,"
        " response_wire_size, response_body, response_body_zlib, response_body_truncated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QList<qint64> ids;
    QString error;
    for (const HistoryRecord &record : records) {
        const HistoryEntry &entry = record.entry;
        HistoryIndex::Row row {0, entry.url, entry.method, entry.status, record.reason, entry.errorKind,
            entry.errorMessage, HistoryJson::headersToText(record.requestHeaders),
            HistoryJson::headersToText(record.responseHeaders), record.requestBody.data,
            record.requestBody.contentType, record.responseBody.data, record.responseBody.contentType};
        bool requestZlib = false;
        bool responseZlib = false;
        const QByteArray requestBody = m_compressor.pack(record.requestBody.data, &requestZlib);
        const QByteArray responseBody = m_compressor.pack(record.responseBody.data, &responseZlib);
        bool yamlZlib = false;
        const QByteArray requestYaml = record.request
            ? m_compressor.pack(WorkspaceFormat::requestToYaml(*record.request), &yamlZlib)
            : QByteArray();
        const qint64 storedBytes = 200 + entry.url.size() + row.requestHeadersJson.size()
            + row.responseHeadersJson.size() + requestYaml.size() + requestBody.size() + responseBody.size();

        const QVariantList summary = {entry.startedAt.toMSecsSinceEpoch(), entry.method, entry.url,
            entry.host, entry.status, entry.errorKind, entry.errorMessage, entry.durationMs,
            record.responseBody.size, nullable(entry.workspaceRequest), storedBytes};
        bindAll(exchange, summary);
        if (!exchange.exec()) {
            error = exchange.lastError().text();
            break;
        }
        row.id = exchange.lastInsertId().toLongLong();
        const QVariantList details = {row.id, record.reason, record.httpVersion, record.finalUrl,
            record.redirectCount, nullable(record.environment), row.requestHeadersJson, nullable(requestYaml),
            yamlZlib, record.requestBody.contentType, record.requestBody.size, requestBody, requestZlib,
            record.requestBody.truncated, row.responseHeadersJson, record.responseBody.contentType,
            record.responseWireSize, responseBody, responseZlib, record.responseBody.truncated};
        bindAll(data, details);
        if (!data.exec()) {
            error = data.lastError().text();
            break;
        }
        error = m_index ? m_index->add(row) : QString();
        if (!error.isEmpty())
            break;
        ids.append(row.id);
    }
    // Written without the index (FTS5 off or missing): it must be rebuilt before it is used again.
    if (error.isEmpty() && !m_index && !ids.isEmpty()
        && m_db.tables().contains(QStringLiteral("exchange_fts")))
        error = HistoryIndex::markStale(m_db);
    if (error.isEmpty())
        error = HistorySchema::exec(m_db, QStringLiteral("COMMIT"));
    if (!error.isEmpty()) {
        HistorySchema::exec(m_db, QStringLiteral("ROLLBACK"));
        fail(QStringLiteral("Could not write to the history: %1").arg(error));
        return std::nullopt;
    }
    return ids;
}

std::optional<qint64> HistoryStore::insert(const HistoryRecord &record)
{
    const auto ids = insert(QList<HistoryRecord> {record});
    if (!ids || ids->isEmpty())
        return std::nullopt;
    return ids->constFirst();
}

QList<HistoryEntry> HistoryStore::search(const HistoryFilter &filter)
{
    m_lastError.clear();
    const HistoryQuery::Condition condition = HistoryQuery::condition(filter, m_fullText);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?")
                      .arg(QLatin1StringView(EntryColumns), condition.from, condition.sql, condition.order));
    for (const QVariant &value : condition.values)
        query.addBindValue(value);
    query.addBindValue(filter.limit < 0 ? -1 : filter.limit);
    query.addBindValue(qMax(0, filter.offset));
    QList<HistoryEntry> entries;
    if (!query.exec()) {
        fail(QStringLiteral("Could not search the history: %1").arg(query.lastError().text()));
        return entries;
    }
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

qint64 HistoryStore::count(const HistoryFilter &filter)
{
    m_lastError.clear();
    const HistoryQuery::Condition condition = HistoryQuery::condition(filter, m_fullText);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(condition.from, condition.sql));
    for (const QVariant &value : condition.values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        fail(QStringLiteral("Could not search the history: %1").arg(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}

std::optional<HistoryRecord> HistoryStore::record(qint64 id)
{
    m_lastError.clear();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT %1, d.reason, d.http_version, d.final_url, d.redirect_count, d.environment, d.request_headers,"
        " d.request_yaml, d.request_yaml_zlib, d.request_content_type, d.request_size, d.request_body,"
        " d.request_body_zlib, d.request_body_truncated, d.response_headers, d.response_content_type,"
        " d.response_wire_size,"
        " d.response_body, d.response_body_zlib, d.response_body_truncated"
        " FROM exchanges e JOIN exchange_data d ON d.id = e.id WHERE e.id = ?")
                      .arg(QLatin1StringView(EntryColumns)));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(QStringLiteral("Could not read the history: %1").arg(query.lastError().text()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    HistoryRecord record;
    record.entry = entryFrom(query);
    const auto value = [&query](int column) {
        return query.value(11 + column);
    };
    record.reason = value(0).toString();
    record.httpVersion = value(1).toString();
    record.finalUrl = value(2).toString();
    record.redirectCount = value(3).toInt();
    record.environment = value(4).toString();
    record.requestHeaders = HistoryJson::headersFromText(value(5).toString());
    if (const QByteArray yaml = BodyCompressor::unpack(value(6).toByteArray(), value(7).toBool());
        !yaml.isEmpty())
        record.request = WorkspaceFormat::requestFromYaml(yaml, nullptr);
    record.requestBody.contentType = value(8).toString();
    record.requestBody.size = value(9).toLongLong();
    record.requestBody.data = BodyCompressor::unpack(value(10).toByteArray(), value(11).toBool());
    record.requestBody.truncated = value(12).toBool();
    record.responseHeaders = HistoryJson::headersFromText(value(13).toString());
    record.responseBody.contentType = value(14).toString();
    record.responseWireSize = value(15).toLongLong();
    record.responseBody.data = BodyCompressor::unpack(value(16).toByteArray(), value(17).toBool());
    record.responseBody.truncated = value(18).toBool();
    record.responseBody.size = record.entry.responseSize;
    return record;
}

QString HistoryStore::deleteWhere(const QString &condition, const QVariantList &values, qint64 *deleted)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*), (SELECT count(*) FROM exchanges) FROM exchanges e WHERE ")
        + condition);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return query.lastError().text();
    const qint64 matching = query.value(0).toLongLong();
    const qint64 total = query.value(1).toLongLong();
    query.finish();
    *deleted = matching;
    if (matching == 0)
        return {};
    // Forgetting a document means recomputing it; past half of the rows, reindexing the rest is cheaper.
    const bool reindex = m_index && matching * 2 > total;
    if (m_index && !reindex) {
        if (QString error = m_index->remove(condition, values); !error.isEmpty())
            return error;
    }
    // Without the index, its entries for deleted rows stay behind: harmless, as searches join the rows.
    query.prepare(QStringLiteral("DELETE FROM exchanges WHERE id IN (SELECT e.id FROM exchanges e WHERE ")
        + condition + u')');
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    return reindex ? m_index->rebuild() : QString();
}

bool HistoryStore::remove(qint64 id)
{
    m_lastError.clear();
    if (const QString error = HistorySchema::exec(m_db, QStringLiteral("BEGIN IMMEDIATE")); !error.isEmpty())
        return fail(QStringLiteral("Could not delete from the history: %1").arg(error));
    qint64 deleted = 0;
    QString error = deleteWhere(QStringLiteral("e.id = ?"), {id}, &deleted);
    if (error.isEmpty())
        error = HistorySchema::exec(m_db, QStringLiteral("COMMIT"));
    if (!error.isEmpty()) {
        HistorySchema::exec(m_db, QStringLiteral("ROLLBACK"));
        return fail(QStringLiteral("Could not delete from the history: %1").arg(error));
    }
    return deleted > 0;
}

bool HistoryStore::clear()
{
    m_lastError.clear();
    if (const QString error = HistorySchema::exec(m_db, QStringLiteral("BEGIN IMMEDIATE")); !error.isEmpty())
        return fail(QStringLiteral("Could not clear the history: %1").arg(error));
    QString error = HistorySchema::exec(m_db, QStringLiteral("DELETE FROM exchange_data"));
    if (error.isEmpty())
        error = HistorySchema::exec(m_db, QStringLiteral("DELETE FROM exchanges"));
    if (error.isEmpty() && m_index)
        error = m_index->removeAll();
    if (error.isEmpty())
        error = HistorySchema::exec(m_db, QStringLiteral("COMMIT"));
    if (!error.isEmpty()) {
        HistorySchema::exec(m_db, QStringLiteral("ROLLBACK"));
        return fail(QStringLiteral("Could not clear the history: %1").arg(error));
    }
    reclaimSpace();
    return true;
}

qint64 HistoryStore::usedBytes()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT (SELECT page_count FROM pragma_page_count())"
                                   " - (SELECT freelist_count FROM pragma_freelist_count()),"
                                   " (SELECT page_size FROM pragma_page_size())"))
        || !query.next())
        return 0;
    return query.value(0).toLongLong() * query.value(1).toLongLong();
}

qint64 HistoryStore::applyRetention(int days, qint64 maxBytes)
{
    m_lastError.clear();
    if (const QString error = HistorySchema::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        !error.isEmpty()) {
        fail(QStringLiteral("Could not trim the history: %1").arg(error));
        return -1;
    }
    qint64 removed = 0;
    QString error;
    if (days > 0) {
        const qint64 cutoff = QDateTime::currentDateTimeUtc().addDays(-days).toMSecsSinceEpoch();
        error = deleteWhere(QStringLiteral("e.started_at < ?"), {cutoff}, &removed);
    }
    const qint64 used = maxBytes > 0 && error.isEmpty() ? usedBytes() : 0;
    if (used > maxBytes) {
        // Keep the newest entries whose share of the stored bytes fits: the index and the page overhead
        // grow and shrink with the data, so the share is taken of what the rows themselves account for.
        QSqlQuery query(m_db);
        query.prepare(
            QStringLiteral("SELECT started_at, id FROM (SELECT started_at, id, sum(stored_bytes) OVER (ORDER "
                           "BY started_at DESC,"
                           " id DESC) AS running, sum(stored_bytes) OVER () AS total FROM exchanges)"
                           " WHERE running > total * ? ORDER BY started_at DESC, id DESC LIMIT 1"));
        query.addBindValue(double(maxBytes) / double(used));
        if (!query.exec()) {
            error = query.lastError().text();
        } else if (query.next()) {
            const QVariantList boundary = {query.value(0), query.value(1)};
            query.finish();
            qint64 trimmed = 0;
            error = deleteWhere(QStringLiteral("(e.started_at, e.id) <= (?, ?)"), boundary, &trimmed);
            removed += trimmed;
        }
    }
    if (error.isEmpty() && removed > 0 && m_index)
        error = HistorySchema::exec(
            m_db, QStringLiteral("INSERT INTO exchange_fts (exchange_fts) VALUES ('optimize')"));
    if (error.isEmpty())
        error = HistorySchema::exec(m_db, QStringLiteral("COMMIT"));
    if (!error.isEmpty()) {
        HistorySchema::exec(m_db, QStringLiteral("ROLLBACK"));
        fail(QStringLiteral("Could not trim the history: %1").arg(error));
        return -1;
    }
    if (removed > 0)
        reclaimSpace();
    return removed;
}

QString HistoryStore::reclaimSpace()
{
    // Best effort: the rows are gone either way; space not given back now is reused by new entries.
    QSqlQuery query(m_db);
    QString error;
    if (query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next() && query.value(0).toInt() == 2) {
        query.finish();
        const qint64 freePages = query.exec(QStringLiteral("PRAGMA freelist_count")) && query.next()
            ? query.value(0).toLongLong()
            : 0;
        query.finish();
        // Each step of incremental_vacuum frees one page, and QtSql steps a statement without result
        // columns once: run it once per free page, in one transaction.
        error = HistorySchema::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        if (error.isEmpty()) {
            query.prepare(QStringLiteral("PRAGMA incremental_vacuum"));
            for (qint64 page = 0; page < freePages && error.isEmpty(); ++page) {
                if (!query.exec())
                    error = query.lastError().text();
            }
            query.finish();
            if (error.isEmpty())
                error = HistorySchema::exec(m_db, QStringLiteral("COMMIT"));
            if (!error.isEmpty())
                HistorySchema::exec(m_db, QStringLiteral("ROLLBACK"));
        }
    } else {
        query.finish();
        error = HistorySchema::exec(m_db, QStringLiteral("VACUUM"));
    }
    HistorySchema::exec(m_db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return error;
}

qint64 HistoryStore::databaseSize() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

} // namespace Sonde
