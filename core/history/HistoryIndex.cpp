#include "history/HistoryIndex.h"

#include "history/BodyCompressor.h"
#include "history/HistoryRecord.h"
#include "history/HistorySchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Sonde {

namespace {

constexpr auto StaleKey = "fts_stale";

QString createStatement()
{
    // Contentless: the rows hold the text already; the index only needs the tokens.
    return QStringLiteral("CREATE VIRTUAL TABLE exchange_fts USING fts5(url, method, status, headers, body,"
                          " content='', columnsize=0, tokenize='unicode61 remove_diacritics 2')");
}

void appendHeaderText(QString &text, const QString &json)
{
    const QJsonArray headers = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &header : headers) {
        const QJsonArray pair = header.toArray();
        text += pair.at(0).toString() + u": " + pair.at(1).toString() + u'\n';
    }
}

void appendBodyText(QString &text, const QByteArray &body, const QString &contentType)
{
    if (!body.isEmpty() && isTextualContentType(contentType))
        text += QString::fromUtf8(body) + u'\n';
}

QString errorText(const QSqlQuery &query)
{
    return query.lastError().text();
}

} // namespace

HistoryIndex::HistoryIndex(QSqlDatabase db)
    : m_db(std::move(db))
{ }

bool HistoryIndex::isSupported(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")))
        return false;
    query.exec(QStringLiteral("DROP TABLE temp.fts5_probe"));
    return true;
}

QString HistoryIndex::markStale(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO history_meta (key, value) VALUES (?, 1)"));
    query.addBindValue(QLatin1StringView(StaleKey));
    return query.exec() ? QString() : errorText(query);
}

QString HistoryIndex::ensure()
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM history_meta WHERE key = ?"));
    query.addBindValue(QLatin1StringView(StaleKey));
    const bool stale = query.exec() && query.next() && query.value(0).toInt() != 0;
    const bool exists = m_db.tables().contains(QStringLiteral("exchange_fts"));
    if (exists && !stale)
        return {};
    if (QString error = HistorySchema::exec(m_db, QStringLiteral("BEGIN IMMEDIATE")); !error.isEmpty())
        return error;
    QString error;
    if (!m_db.tables().contains(QStringLiteral("exchange_fts")))
        error = HistorySchema::exec(m_db, createStatement());
    if (error.isEmpty())
        error = rebuild();
    if (error.isEmpty()) {
        query.prepare(QStringLiteral("DELETE FROM history_meta WHERE key = ?"));
        query.addBindValue(QLatin1StringView(StaleKey));
        if (!query.exec())
            error = errorText(query);
    }
    if (error.isEmpty())
        error = HistorySchema::exec(m_db, QStringLiteral("COMMIT"));
    if (!error.isEmpty()) {
        HistorySchema::exec(m_db, QStringLiteral("ROLLBACK"));
        return QStringLiteral("Could not build the search index: %1").arg(error);
    }
    return {};
}

QString HistoryIndex::write(const Row &row, bool remove)
{
    const QString status = row.status > 0 ? QString(QString::number(row.status) + u' ' + row.reason)
                                          : QString(row.errorKind + u' ' + row.errorMessage);
    QString headers;
    appendHeaderText(headers, row.requestHeadersJson);
    appendHeaderText(headers, row.responseHeadersJson);
    QString body;
    appendBodyText(body, row.requestBody, row.requestContentType);
    appendBodyText(body, row.responseBody, row.responseContentType);

    QSqlQuery query(m_db);
    // A contentless index forgets a document when given the same values it indexed.
    query.prepare(remove
            ? QStringLiteral("INSERT INTO exchange_fts (exchange_fts, rowid, url, method, status,"
                             " headers, body) VALUES ('delete', ?, ?, ?, ?, ?, ?)")
            : QStringLiteral("INSERT INTO exchange_fts (rowid, url, method, status, headers, body)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(row.id);
    query.addBindValue(row.url);
    query.addBindValue(row.method);
    query.addBindValue(status);
    query.addBindValue(headers);
    query.addBindValue(body);
    return query.exec() ? QString() : errorText(query);
}

QString HistoryIndex::add(const Row &row)
{
    return write(row, false);
}

QString HistoryIndex::forEachRow(
    const QString &condition, const QVariantList &values, const std::function<QString(const Row &)> &visit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT e.id, e.url, e.method, e.status, d.reason, e.error_kind, e.error_message,"
                       " d.request_headers, d.response_headers, d.request_body, d.request_body_zlib,"
                       " d.request_content_type, d.response_body, d.response_body_zlib,"
                       " d.response_content_type FROM exchanges e JOIN exchange_data d ON d.id = e.id"
                       " WHERE ")
        + condition);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return errorText(query);
    while (query.next()) {
        Row row;
        row.id = query.value(0).toLongLong();
        row.url = query.value(1).toString();
        row.method = query.value(2).toString();
        row.status = query.value(3).toInt();
        row.reason = query.value(4).toString();
        row.errorKind = query.value(5).toString();
        row.errorMessage = query.value(6).toString();
        row.requestHeadersJson = query.value(7).toString();
        row.responseHeadersJson = query.value(8).toString();
        row.requestBody = BodyCompressor::unpack(query.value(9).toByteArray(), query.value(10).toBool());
        row.requestContentType = query.value(11).toString();
        row.responseBody = BodyCompressor::unpack(query.value(12).toByteArray(), query.value(13).toBool());
        row.responseContentType = query.value(14).toString();
        if (QString error = visit(row); !error.isEmpty())
            return error;
    }
    return {};
}

QString HistoryIndex::remove(const QString &condition, const QVariantList &values)
{
    return forEachRow(condition, values, [this](const Row &row) { return write(row, true); });
}

QString HistoryIndex::removeAll()
{
    return HistorySchema::exec(
        m_db, QStringLiteral("INSERT INTO exchange_fts (exchange_fts) VALUES ('delete-all')"));
}

QString HistoryIndex::rebuild()
{
    if (QString error = removeAll(); !error.isEmpty())
        return error;
    return forEachRow(QStringLiteral("1"), {}, [this](const Row &row) { return add(row); });
}

} // namespace Sonde
