#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <functional>

namespace Sonde {

/// The full-text index of history (SQLite FTS5): url, method, status (with the reason, or the
/// transport error), request and response header text, and the text of textual bodies.
///
/// The index is contentless (it stores no copy of the text) and derived: each document is computed
/// from the stored row, so it can be deleted by recomputing it and rebuilt from the rows at any time.
/// Works on the connection it is given, inside the caller's transaction.
class HistoryIndex
{
public:
    /// The stored values of one exchange that its document is derived from (bodies uncompressed).
    struct Row
    {
        qint64 id = 0;
        QString url;
        QString method;
        int status = 0;
        QString reason;
        QString errorKind;
        QString errorMessage;
        QString requestHeadersJson;
        QString responseHeadersJson;
        QByteArray requestBody;
        QString requestContentType;
        QByteArray responseBody;
        QString responseContentType;
    };

    explicit HistoryIndex(QSqlDatabase db);

    /// True when this SQLite has FTS5.
    static bool isSupported(QSqlDatabase &db);

    /// Creates the index when missing and (re)fills it when it is missing or marked stale. Opens its
    /// own transaction. Returns an error in words, or an empty string.
    QString ensure();
    /// Marks the index stale, for writes made without it: the next ensure() rebuilds it.
    static QString markStale(QSqlDatabase &db);

    /// Indexes one stored exchange.
    QString add(const Row &row);
    /// Takes the rows `condition` selects out of the index (a WHERE clause on `e`, the exchanges).
    /// Call before deleting them: their stored values are needed to find their entries.
    QString remove(const QString &condition, const QVariantList &values);
    /// Empties the index.
    QString removeAll();
    /// Empties the index and indexes every row.
    QString rebuild();

    /// Reads the rows `condition` selects and calls `visit` with each; stops at the first error.
    QString forEachRow(const QString &condition, const QVariantList &values,
        const std::function<QString(const Row &)> &visit);

private:
    QString write(const Row &row, bool remove);

    QSqlDatabase m_db;
};

} // namespace Sonde
