#include "history/HistoryRecorder.h"

#include "history/HistoryWriter.h"

namespace Sonde {

HistoryRecorder::HistoryRecorder(const QString &databasePath, const RecordOptions &options, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_options(options)
    , m_writer(new HistoryWriter(databasePath, options))
{
    m_thread.setObjectName(QStringLiteral("sonde-history"));
    m_writer->moveToThread(&m_thread);
    // Emitted on the worker thread, delivered queued on this one.
    connect(m_writer, &HistoryWriter::stored, this, [this](const QList<qint64> &ids) {
        for (qint64 id : ids)
            Q_EMIT recorded(id);
    });
    connect(m_writer, &HistoryWriter::failed, this, &HistoryRecorder::failed);
    connect(m_writer, &HistoryWriter::changed, this, &HistoryRecorder::changed);
    m_thread.start();
}

HistoryRecorder::~HistoryRecorder()
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    // The thread has ended: nothing else can touch the writer now.
    delete m_writer;
}

void HistoryRecorder::setOptions(const RecordOptions &options)
{
    m_options = options;
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, options] { writer->setOptions(options); }, Qt::QueuedConnection);
}

void HistoryRecorder::record(const Exchange &exchange, const RecordContext &context)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, exchange, context] { writer->enqueue(exchange, context); }, Qt::QueuedConnection);
}

QString HistoryRecorder::flush()
{
    HistoryWriter *writer = m_writer;
    QString error;
    QMetaObject::invokeMethod(
        writer, [writer, &error] { error = writer->flush(); }, Qt::BlockingQueuedConnection);
    return error;
}

void HistoryRecorder::remove(qint64 id)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, id] { writer->remove(id); }, Qt::QueuedConnection);
}

void HistoryRecorder::clear()
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer] { writer->clear(); }, Qt::QueuedConnection);
}

void HistoryRecorder::applyRetention(int days, qint64 maxBytes)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, days, maxBytes] { writer->applyRetention(days, maxBytes); }, Qt::QueuedConnection);
}

} // namespace Sonde
