#pragma once

#include "history/BodyCompressor.h"
#include "history/HistoryQuery.h"
#include "history/HistoryRecord.h"

#include <QSqlDatabase>
#include <memory>
#include <optional>

namespace Sonde {

class HistoryIndex;

/// The history database: every exchange the user sent, in SQLite, searchable.
///
/// Each store owns one connection, in WAL mode, so several stores on the same file (a writer on a
/// worker thread, a reader on the UI thread) work side by side, and a store killed at any moment leaves
/// every committed entry readable. Full-text search uses FTS5; without it (an SQLite built without
/// FTS5) searches fall back to LIKE over URLs, methods, statuses and headers, and fullTextNote() says so.
///
/// QtSql connections belong to the thread that opened them: use a store on that thread only.
/// Failures return false, an empty result or std::nullopt, and lastError() says what went wrong.
class HistoryStore final
{
public:
    enum class FullText { IfAvailable, Off };

    /// "<generic data location>/Sonde/history.sqlite", shared by the application and sonde-cli.
    static QString defaultPath();

    /// Opens the database at `path`, creating it (and its folder) or bringing an older schema up to
    /// date. Returns nullptr when it cannot, with the reason in `error`.
    static std::unique_ptr<HistoryStore> open(
        const QString &path, QString *error, FullText fullText = FullText::IfAvailable);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    QString path() const { return m_path; }
    bool hasFullTextSearch() const { return m_fullText; }
    /// Why searches do not look into bodies, in words; empty when full-text search works.
    QString fullTextNote() const { return m_fullTextNote; }
    /// What the last failed call ran into, in words.
    QString lastError() const { return m_lastError; }

    /// Stores records in one transaction; returns their new ids in order. Ids in the records are ignored.
    std::optional<QList<qint64>> insert(const QList<HistoryRecord> &records);
    std::optional<qint64> insert(const HistoryRecord &record);

    /// Entries matching `filter`, newest first (the most recently recorded first), `filter.limit` at most
    /// from `filter.offset`.
    QList<HistoryEntry> search(const HistoryFilter &filter);
    /// How many entries match `filter` (limit and offset ignored); -1 on failure.
    qint64 count(const HistoryFilter &filter);
    /// The entry `id` with everything stored; nullopt when there is none (lastError() empty) or on failure.
    std::optional<HistoryRecord> record(qint64 id);

    /// Deletes one entry. False when there is none (lastError() empty) or on failure.
    bool remove(qint64 id);
    /// Deletes every entry and gives the space back.
    bool clear();
    /// Deletes entries older than `days` (0: no age limit), then the oldest until the data takes at most
    /// `maxBytes` (0: no size limit), and gives the space back. Returns how many were deleted, -1 on failure.
    qint64 applyRetention(int days, qint64 maxBytes);
    /// The bytes the database takes on disk (with its write-ahead log).
    qint64 databaseSize() const;

private:
    HistoryStore(const QString &path, const QString &connectionName);
    QString initialize(FullText fullText);
    bool fail(const QString &message);
    QString deleteWhere(const QString &condition, const QVariantList &values, qint64 *deleted);
    QString reclaimSpace();
    qint64 usedBytes();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<HistoryIndex> m_index;
    BodyCompressor m_compressor;
    bool m_fullText = false;
    QString m_fullTextNote;
    QString m_lastError;
};

} // namespace Sonde
