#pragma once

#include "history/ExchangeRecord.h"

#include <QObject>
#include <QThread>

namespace Sonde {

class HistoryWriter;

/// Records exchanges into history without making the sender wait on the disk.
///
/// record() only copies the exchange (its bytes are shared, not duplicated) and hands it to a worker
/// thread, which redacts it, caps its bodies and writes it in batched transactions (HistoryWriter).
/// recorded() follows, on the recorder's thread, once the entry is committed. The application creates
/// one recorder for its history database and passes it to whatever sends requests.
///
/// Searching does not go through the recorder: open a HistoryStore on the same path for reading (the
/// database is in WAL mode, so reads and the recorder's writes do not block each other).
class HistoryRecorder final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryRecorder(
        const QString &databasePath, const RecordOptions &options = {}, QObject *parent = nullptr);
    /// Writes what is still queued, then stops the worker.
    ~HistoryRecorder() override;

    QString databasePath() const { return m_path; }
    RecordOptions options() const { return m_options; }
    /// Applies to exchanges recorded from now on.
    void setOptions(const RecordOptions &options);

    void record(const Exchange &exchange, const RecordContext &context = {});
    /// Waits until everything recorded so far is committed: for shutdown and the command line, not for
    /// the UI thread in normal operation. Returns what could not be written, in words; empty when all was.
    QString flush();

    /// Deletes one entry; changed() follows.
    void remove(qint64 id);
    /// Deletes every entry, and anything still queued; changed() follows.
    void clear();
    /// See HistoryStore::applyRetention(); changed() follows when entries were deleted.
    void applyRetention(int days, qint64 maxBytes);

Q_SIGNALS:
    void recorded(qint64 id);
    /// Something could not be written or deleted; the message is for the user.
    void failed(const QString &message);
    void changed();

private:
    QString m_path;
    RecordOptions m_options;
    QThread m_thread;
    HistoryWriter *m_writer;
};

} // namespace Sonde
