#pragma once

#include "history/ExchangeRecord.h"

#include <QObject>
#include <memory>

class QTimer;

namespace Sonde {

class HistoryStore;

/// The write side of history, meant to live on a worker thread (HistoryRecorder runs it there).
///
/// Exchanges handed to enqueue() are turned into redacted, capped records at once and written in
/// batches: one transaction per BatchSize records, or BatchDelayMs after the first one waiting, so a
/// burst of requests costs one disk sync. The database is opened on first use, on the writer's thread;
/// if it cannot be opened (or written), each batch that cannot be written is reported by failed() and
/// dropped, and opening is tried again for the next one.
///
/// Every function is to be called on the writer's thread.
class HistoryWriter final : public QObject
{
    Q_OBJECT
public:
    static constexpr int BatchSize = 100;
    static constexpr int BatchDelayMs = 100;

    explicit HistoryWriter(
        const QString &databasePath, const RecordOptions &options = {}, QObject *parent = nullptr);
    ~HistoryWriter() override;

    void setOptions(const RecordOptions &options) { m_options = options; }
    void enqueue(const Exchange &exchange, const RecordContext &context);
    /// Writes everything queued now. Returns what went wrong with any write since the last flush() in
    /// words, or an empty string when all of it is stored.
    QString flush();
    void remove(qint64 id);
    void clear();
    void applyRetention(int days, qint64 maxBytes);
    /// Writes what is queued and closes the database.
    QString close();

Q_SIGNALS:
    /// Records were committed; their ids, in the order they were enqueued.
    void stored(const QList<qint64> &ids);
    void failed(const QString &message);
    /// Entries were removed (remove, clear, retention).
    void changed();

private:
    /// The database, opened on first use; nullptr with the reason in `error` when it cannot be.
    HistoryStore *store(QString *error);
    void writeBatch();
    void report(const QString &message);

    QString m_path;
    RecordOptions m_options;
    std::unique_ptr<HistoryStore> m_store;
    QList<HistoryRecord> m_pending;
    QTimer *m_timer;
    QString m_unreported;
};

} // namespace Sonde
