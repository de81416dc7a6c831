#include "history/HistoryWriter.h"

#include "history/HistoryStore.h"

#include <QTimer>
#include <optional>

namespace Sonde {

HistoryWriter::HistoryWriter(const QString &databasePath, const RecordOptions &options, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_options(options)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(BatchDelayMs);
    connect(m_timer, &QTimer::timeout, this, &HistoryWriter::writeBatch);
}

HistoryWriter::~HistoryWriter() = default;

HistoryStore *HistoryWriter::store(QString *error)
{
    if (!m_store)
        m_store = HistoryStore::open(m_path, error);
    return m_store.get();
}

void HistoryWriter::report(const QString &message)
{
    m_unreported = message;
    Q_EMIT failed(message);
}

void HistoryWriter::enqueue(const Exchange &exchange, const RecordContext &context)
{
    m_pending.append(toHistoryRecord(exchange, context, m_options));
    if (m_pending.size() >= BatchSize)
        writeBatch();
    else if (!m_timer->isActive())
        m_timer->start();
}

void HistoryWriter::writeBatch()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    const QList<HistoryRecord> batch = std::exchange(m_pending, {});
    QString error;
    HistoryStore *history = store(&error);
    std::optional<QList<qint64>> ids;
    if (history) {
        ids = history->insert(batch);
        error = history->lastError();
    }
    if (ids)
        Q_EMIT stored(*ids);
    else
        report(batch.size() == 1
                ? QStringLiteral("An exchange could not be recorded in the history. %1").arg(error)
                : QStringLiteral("%1 exchanges could not be recorded in the history. %2")
                      .arg(batch.size())
                      .arg(error));
}

QString HistoryWriter::flush()
{
    writeBatch();
    return std::exchange(m_unreported, {});
}

void HistoryWriter::remove(qint64 id)
{
    writeBatch();
    QString error;
    if (HistoryStore *history = store(&error)) {
        if (history->remove(id))
            Q_EMIT changed();
        else
            error = history->lastError();
    }
    if (!error.isEmpty())
        report(error);
}

void HistoryWriter::clear()
{
    m_pending.clear();
    m_timer->stop();
    QString error;
    if (HistoryStore *history = store(&error)) {
        if (history->clear())
            Q_EMIT changed();
        else
            error = history->lastError();
    }
    if (!error.isEmpty())
        report(error);
}

void HistoryWriter::applyRetention(int days, qint64 maxBytes)
{
    writeBatch();
    QString error;
    if (HistoryStore *history = store(&error)) {
        const qint64 removed = history->applyRetention(days, maxBytes);
        if (removed > 0)
            Q_EMIT changed();
        else if (removed < 0)
            error = history->lastError();
    }
    if (!error.isEmpty())
        report(error);
}

QString HistoryWriter::close()
{
    const QString error = flush();
    m_store.reset();
    return error;
}

} // namespace Sonde
