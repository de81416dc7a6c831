#include "HistoryTestSupport.h"
#include "history/HistoryRecorder.h"
#include "history/HistoryStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace HistoryTest;

class TestHistoryRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void recordsInBatchesOffTheCallersThread();
    void appliesOptionsAndContext();
    void removeClearAndRetention();
    void reportsWhatCannotBeWritten();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryRecorder::recordsInBatchesOffTheCallersThread()
{
    HistoryRecorder recorder(path());
    QSignalSpy recorded(&recorder, &HistoryRecorder::recorded);
    for (int i = 0; i < 250; ++i)
        recorder.record(
            exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/%1").arg(i), 200, "{}"));
    QCOMPARE(recorder.flush(), QString());
    QTRY_COMPARE(recorded.count(), 250);
    QList<qint64> ids;
    for (const QList<QVariant> &arguments : std::as_const(recorded))
        ids.append(arguments.at(0).toLongLong());
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));
    QCOMPARE(ids.first() + 249, ids.last());

    // A reader on the same file sees them while the recorder is alive.
    QString error;
    auto reader = HistoryStore::open(path(), &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->count({}), 250);
    QCOMPARE(reader->search({}).value(0).url, QStringLiteral("https://a.test/249"));

    // Without flush(), the batch timer writes what waits.
    recorder.record(exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/late"), 200));
    QTRY_COMPARE(recorded.count(), 251);
    QCOMPARE(reader->count({}), 251);
}

void TestHistoryRecorder::appliesOptionsAndContext()
{
    HistoryRecorder recorder(path());
    Exchange sent = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/?token=SeCrEt1"), 200);
    addHeader(sent, "Authorization", "Bearer SeCrEt1");
    recorder.record(sent, {QStringLiteral("Coll/Req"), QStringLiteral("prod"), {QStringLiteral("SeCrEt1")}});
    recorder.setOptions({RecordOptions::DefaultBodyCap, true});
    QCOMPARE(recorder.options().keepSecrets, true);
    recorder.record(sent);
    QCOMPARE(recorder.flush(), QString());

    QString error;
    auto store = HistoryStore::open(path(), &error);
    QVERIFY(store);
    const QList<HistoryEntry> entries = store->search({});
    QCOMPARE(entries.size(), 2);
    const auto kept = store->record(entries.at(0).id);
    const auto redacted = store->record(entries.at(1).id);
    QCOMPARE(redacted->entry.url, QStringLiteral("https://a.test/?token=[redacted]"));
    QCOMPARE(headerValue(redacted->requestHeaders, "Authorization"), QByteArray("Bearer [redacted]"));
    QCOMPARE(redacted->entry.workspaceRequest, QStringLiteral("Coll/Req"));
    QCOMPARE(redacted->environment, QStringLiteral("prod"));
    QCOMPARE(headerValue(kept->requestHeaders, "Authorization"), QByteArray("Bearer SeCrEt1"));
}

void TestHistoryRecorder::removeClearAndRetention()
{
    HistoryRecorder recorder(path());
    QSignalSpy recorded(&recorder, &HistoryRecorder::recorded);
    QSignalSpy changed(&recorder, &HistoryRecorder::changed);
    for (int age : {30, 20, 1, 0}) {
        Exchange sent = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/%1").arg(age), 200);
        sent.startedAt = QDateTime::currentDateTimeUtc().addDays(-age);
        recorder.record(sent);
    }
    QCOMPARE(recorder.flush(), QString());
    QTRY_COMPARE(recorded.count(), 4);
    recorder.remove(recorded.at(3).at(0).toLongLong());
    QTRY_COMPARE(changed.count(), 1);
    recorder.applyRetention(10, 0);
    QTRY_COMPARE(changed.count(), 2);
    QString error;
    auto store = HistoryStore::open(path(), &error);
    QCOMPARE(store->search({}).value(0).url, QStringLiteral("https://a.test/1"));
    QCOMPARE(store->count({}), 1);
    recorder.clear();
    QTRY_COMPARE(changed.count(), 3);
    QCOMPARE(store->count({}), 0);
}

void TestHistoryRecorder::reportsWhatCannotBeWritten()
{
    // The database's folder would have to be inside a regular file.
    QFile blocker(m_dir->filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    HistoryRecorder recorder(blocker.fileName() + QStringLiteral("/history.sqlite"));
    QSignalSpy failed(&recorder, &HistoryRecorder::failed);
    recorder.record(exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/"), 200));
    const QString error = recorder.flush();
    QVERIFY2(error.contains(QStringLiteral("Could not create the folder")), qPrintable(error));
    QTRY_COMPARE(failed.count(), 1);
    // Reported once: the next flush has nothing new to say.
    QCOMPARE(recorder.flush(), QString());
}

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
