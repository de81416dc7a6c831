#include "HistoryTestSupport.h"
#include "history/HistoryQuery.h"

#include <QTimeZone>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace HistoryTest;

// What a search finds and in which order: the FTS5 query built from the words, and the filters.
class TestHistoryQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchExpression_data();
    void matchExpression();
    void search_data();
    void search();
    void filters_data();
    void filters();
    void newestFirstWithLimitAndOffset();

private:
    std::unique_ptr<HistoryStore> openStore();

    QTemporaryDir m_dir;
    int m_stores = 0;
};

std::unique_ptr<HistoryStore> TestHistoryQuery::openStore()
{
    QString error;
    auto store = HistoryStore::open(m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_stores)), &error);
    if (!store)
        qWarning("%s", qPrintable(error));
    return store;
}

void TestHistoryQuery::matchExpression_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one word, a prefix") << QStringLiteral("users") << QStringLiteral("\"users\"*");
    QTest::newRow("earlier words whole")
        << QStringLiteral("ada  lovel") << QStringLiteral("\"ada\" AND \"lovel\"*");
    QTest::newRow("short last word whole") << QStringLiteral("ab") << QStringLiteral("\"ab\"");
    QTest::newRow("punctuation kept in the phrase")
        << QStringLiteral("api.example.com") << QStringLiteral("\"api.example.com\"*");
    QTest::newRow("ends in short part") << QStringLiteral("page=3") << QStringLiteral("\"page=3\"");
    QTest::newRow("quotes doubled") << QStringLiteral("say\"hi\"") << QStringLiteral("\"say\"\"hi\"\"\"");
    QTest::newRow("operators are words")
        << QStringLiteral("NOT near") << QStringLiteral("\"NOT\" AND \"near\"*");
    QTest::newRow("punctuation only dropped") << QStringLiteral("users ***") << QStringLiteral("\"users\"*");
    QTest::newRow("blank") << QStringLiteral(" \t ") << QString();
}

void TestHistoryQuery::matchExpression()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(HistoryQuery::matchExpression(text), expected);
}

void TestHistoryQuery::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // newest first
    const QString users = QStringLiteral("https://api.example.com/users/42");
    const QString orders = QStringLiteral("https://shop.test/orders");
    const QString items = QStringLiteral("http://internal.local/items/7");
    const QString health = QStringLiteral("https://api.example.com/health");
    const QString blob = QStringLiteral("https://cdn.test/blob.bin");
    QTest::newRow("url word") << QStringLiteral("users") << QStringList {users};
    QTest::newRow("prefix") << QStringLiteral("ord") << QStringList {orders};
    QTest::newRow("host as written") << QStringLiteral("api.example.com") << QStringList {health, users};
    QTest::newRow("response body") << QStringLiteral("lovelace") << QStringList {users};
    QTest::newRow("two words, any order") << QStringLiteral("analyst Ada") << QStringList {users};
    QTest::newRow("the last word as you type") << QStringLiteral("analyst lovel") << QStringList {users};
    QTest::newRow("earlier words are whole") << QStringLiteral("lovel analyst") << QStringList {};
    QTest::newRow("request body") << QStringLiteral("widget-9") << QStringList {orders};
    QTest::newRow("request header") << QStringLiteral("abc123") << QStringList {users};
    QTest::newRow("response header") << QStringLiteral("octet-stream") << QStringList {blob};
    QTest::newRow("method") << QStringLiteral("delete") << QStringList {items};
    QTest::newRow("status") << QStringLiteral("404") << QStringList {items};
    QTest::newRow("reason") << QStringLiteral("not found") << QStringList {items};
    QTest::newRow("error kind") << QStringLiteral("timeout") << QStringList {health};
    QTest::newRow("text body") << QStringLiteral("such") << QStringList {items};
    QTest::newRow("binary body is not indexed") << QStringLiteral("binaryword") << QStringList {};
    QTest::newRow("no match") << QStringLiteral("zebra") << QStringList {};
    QTest::newRow("all words must match") << QStringLiteral("users zebra") << QStringList {};
    QTest::newRow("quotes are text") << QStringLiteral("\"users") << QStringList {users};
    QTest::newRow("punctuation only") << QStringLiteral("*** ()") << QStringList {};
    QTest::newRow("blank lists everything")
        << QStringLiteral("  ") << QStringList {blob, health, items, orders, users};
}

void TestHistoryQuery::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    auto store = openStore();
    QVERIFY(store);
    insertSearchSample(*store);
    HistoryFilter filter;
    filter.text = text;
    QCOMPARE(urls(store->search(filter)), expected);
    QVERIFY2(store->lastError().isEmpty(), qPrintable(store->lastError()));
    QCOMPARE(store->count(filter), expected.size());
}

void TestHistoryQuery::filters_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QList<int>>("expected"); // positions in the sample, newest first
    const QDateTime start = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    HistoryFilter f;
    QTest::newRow("none") << f << QList<int> {4, 3, 2, 1, 0};
    f = {};
    f.statusClasses = {2};
    QTest::newRow("2xx") << f << QList<int> {4, 1, 0};
    f.statusClasses = {4, 0};
    QTest::newRow("4xx or no response") << f << QList<int> {3, 2};
    f = {};
    f.statuses = {201, 404};
    QTest::newRow("exact codes") << f << QList<int> {2, 1};
    f = {};
    f.methods = {QStringLiteral("post"), QStringLiteral("DELETE")};
    QTest::newRow("methods") << f << QList<int> {2, 1};
    f = {};
    f.host = QStringLiteral("example.com");
    QTest::newRow("host and subdomains") << f << QList<int> {3, 0};
    f.host = QStringLiteral("SHOP.test");
    QTest::newRow("host, any case") << f << QList<int> {1};
    f.host = QStringLiteral("test");
    QTest::newRow("top-level host") << f << QList<int> {4, 1};
    f.host = QStringLiteral("ple.com");
    QTest::newRow("host is not a substring") << f << QList<int> {};
    f = {};
    f.from = start.addSecs(3600);
    f.to = start.addSecs(3 * 3600);
    QTest::newRow("date range, inclusive") << f << QList<int> {3, 2, 1};
    f.to = {};
    QTest::newRow("from only") << f << QList<int> {4, 3, 2, 1};
    f = {};
    f.text = QStringLiteral("example");
    f.statusClasses = {2};
    QTest::newRow("text and status") << f << QList<int> {0};
}

void TestHistoryQuery::filters()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(QList<int>, expected);
    auto store = openStore();
    QVERIFY(store);
    insertSearchSample(*store);
    const QList<HistoryEntry> all = store->search({});
    QStringList expectedUrls;
    for (int position : expected)
        expectedUrls.append(all.at(all.size() - 1 - position).url);
    QCOMPARE(urls(store->search(filter)), expectedUrls);
}

void TestHistoryQuery::newestFirstWithLimitAndOffset()
{
    auto store = openStore();
    QVERIFY(store);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QList<HistoryRecord> records;
    for (int i = 0; i < 10; ++i) {
        Exchange sent = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/%1").arg(i), 200);
        // Two entries per second: equal times list the later insert first.
        sent.startedAt = start.addSecs(i / 2);
        records.append(record(sent));
    }
    QVERIFY(store->insert(records));
    HistoryFilter filter;
    filter.limit = 3;
    QCOMPARE(urls(store->search(filter)),
        (QStringList {QStringLiteral("https://a.test/9"), QStringLiteral("https://a.test/8"),
            QStringLiteral("https://a.test/7")}));
    filter.offset = 8;
    QCOMPARE(urls(store->search(filter)),
        (QStringList {QStringLiteral("https://a.test/1"), QStringLiteral("https://a.test/0")}));
    QCOMPARE(store->count(filter), 10);
}

QTEST_GUILESS_MAIN(TestHistoryQuery)
#include "tst_historyquery.moc"
