// A process killed (SIGKILL) while it writes history leaves a readable database holding every entry
// it had committed. The child is this test binary, started with SONDE_TEST_HISTORY_CHILD set.
#include "HistoryTestSupport.h"
#include "history/HistoryRecorder.h"
#include "history/HistoryStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <cstdio>

using namespace Sonde;

namespace {

constexpr auto ChildPath = "SONDE_TEST_HISTORY_CHILD";
constexpr auto ChildMode = "SONDE_TEST_HISTORY_MODE";

Exchange sampleExchange(int n)
{
    QByteArray body = "{\"n\":" + QByteArray::number(n) + ",\"items\":[";
    for (int i = 0; i < 20 + n % 200; ++i)
        body += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item number " + QByteArray::number(i)
            + "\"},";
    body += "{}]}";
    return HistoryTest::exchange(
        QStringLiteral("POST"), QStringLiteral("https://crash.test/items/%1").arg(n), 200 + n % 3, body);
}

void printCommitted(const QList<qint64> &ids)
{
    for (qint64 id : ids)
        std::printf("committed %lld\n", static_cast<long long>(id));
    std::fflush(stdout);
}

/// The child: writes until it is killed, printing each id once its transaction has committed.
int runChild(const QString &path, const QString &mode)
{
    if (mode == u"recorder") {
        // The application's path: a worker thread batching writes; recorded() comes after the commit.
        HistoryRecorder recorder(path);
        QObject::connect(
            &recorder, &HistoryRecorder::recorded, &recorder, [](qint64 id) { printCommitted({id}); });
        QTimer feed;
        int n = 0;
        QObject::connect(&feed, &QTimer::timeout, &recorder, [&] {
            for (int i = 0; i < 20; ++i)
                recorder.record(sampleExchange(n++));
        });
        feed.start(5);
        QTimer::singleShot(60000, &recorder, [] { QCoreApplication::exit(1); });
        return QCoreApplication::exec();
    }
    QString error;
    auto store = HistoryStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    for (int n = 0; n < 1000000; n += 7) {
        QList<HistoryRecord> batch;
        for (int i = 0; i < 7; ++i)
            batch.append(HistoryTest::record(sampleExchange(n + i)));
        const auto ids = store->insert(batch);
        if (!ids) {
            std::fprintf(stderr, "%s\n", qPrintable(store->lastError()));
            return 1;
        }
        printCommitted(*ids);
    }
    return 0;
}

} // namespace

class TestHistoryCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedMidWriteKeepsEveryCommittedEntry_data();
    void killedMidWriteKeepsEveryCommittedEntry();
};

void TestHistoryCrash::killedMidWriteKeepsEveryCommittedEntry_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("store, batches") << QStringLiteral("store");
    QTest::newRow("recorder, worker thread") << QStringLiteral("recorder");
}

void TestHistoryCrash::killedMidWriteKeepsEveryCommittedEntry()
{
    QFETCH(QString, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    QList<qint64> committed;
    // Three kills on the same file: each child starts from what the previous one left.
    for (int round = 0; round < 3; ++round) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1StringView(ChildPath), path);
        environment.insert(QLatin1StringView(ChildMode), mode);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        const auto seen = [&] {
            output += child.readAllStandardOutput();
            return output.count("committed ");
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen() >= 300, 30000);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        output += child.readAllStandardOutput();
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("committed "))
                committed.append(line.mid(10).toLongLong());
        }
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        query.finish();
        QVERIFY(
            query.exec(QStringLiteral("INSERT INTO exchange_fts (exchange_fts) VALUES ('integrity-check')")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    for (qint64 id : std::as_const(committed)) {
        const auto stored = store->record(id);
        QVERIFY2(stored, qPrintable(QStringLiteral("committed entry %1 is missing").arg(id)));
        QVERIFY(stored->entry.url.startsWith(QStringLiteral("https://crash.test/items/")));
        QVERIFY(stored->responseBody.data.startsWith("{\"n\":"));
    }
    HistoryFilter filter;
    filter.text = QStringLiteral("crash.test");
    QVERIFY(store->count(filter) >= committed.size());
    // And the database takes new entries.
    QVERIFY(store->insert(HistoryTest::record(sampleExchange(1))));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString childPath = qEnvironmentVariable(ChildPath);
    if (!childPath.isEmpty())
        return runChild(childPath, qEnvironmentVariable(ChildMode));
    TestHistoryCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historycrash.moc"
