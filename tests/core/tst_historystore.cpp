#include "HistoryTestSupport.h"
#include "history/HistorySchema.h"
#include "history/HistoryStore.h"
#include "history/Redaction.h"
#include "model/QueryParams.h"

#include <QTimeZone>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace HistoryTest;

namespace {

/// Runs `sql` on a connection of its own (not the store's), returning the first column of each row.
QVariantList query(const QString &path, const QString &sql)
{
    QVariantList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next())
                    values.append(q.value(0));
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return values;
}

/// Every byte of the database, its WAL and its shared-memory file.
QByteArray databaseBytes(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

// The v1 schema exactly as released: the migration test must start from it, whatever the code says now.
const QStringList version1Schema = {
    QStringLiteral(
        "CREATE TABLE exchanges (id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, method TEXT NOT "
        "NULL, url TEXT NOT NULL, host TEXT NOT NULL DEFAULT '', status INTEGER NOT NULL DEFAULT 0, "
        "error_message TEXT NOT NULL DEFAULT '', duration_ms REAL NOT NULL DEFAULT -1, request_headers "
        "TEXT NOT NULL DEFAULT '[]', request_body BLOB, response_headers TEXT NOT NULL DEFAULT '[]', "
        "response_body BLOB, response_body_truncated INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX exchanges_started ON exchanges(started_at)"),
    QStringLiteral(
        "INSERT INTO exchanges VALUES (7, 1700000000000, 'POST', 'https://old.example.org/v1/things', "
        "'old.example.org', 201, '', 42.5, '[[\"Content-Type\",\"application/json\"]]', "
        "CAST('{\"name\":\"ancient\"}' AS BLOB), '[[\"Content-Type\",\"application/json\"]]', "
        "CAST('{\"id\":\"fossil\"}' AS BLOB), 0)"),
    QStringLiteral("INSERT INTO exchanges VALUES (8, 1700000001000, 'GET', 'https://old.example.org/down', "
                   "'old.example.org', 0, 'Connection refused', 3, '[]', NULL, '[]', NULL, 0)"),
    QStringLiteral("PRAGMA user_version = 1"),
};

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void createsTheSchema();
    void migratesFromVersion1();
    void refusesANewerSchema();
    void roundTrip();
    void toRequestRestoresTheRequest_data();
    void toRequestRestoresTheRequest();
    void noSecretReachesTheFile_data();
    void noSecretReachesTheFile();
    void retentionByAge();
    void retentionBySize();
    void removeAndClear();
    void withoutFullTextSearch();

private:
    std::unique_ptr<HistoryStore> openStore(
        HistoryStore::FullText fullText = HistoryStore::FullText::IfAvailable);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("data/history.sqlite"));
}

std::unique_ptr<HistoryStore> TestHistoryStore::openStore(HistoryStore::FullText fullText)
{
    QString error;
    auto store = HistoryStore::open(m_path, &error, fullText);
    if (!store)
        qWarning("%s", qPrintable(error));
    return store;
}

void TestHistoryStore::createsTheSchema()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->hasFullTextSearch()); // Debian's SQLite has FTS5
    QVERIFY(store->fullTextNote().isEmpty());
    QVERIFY(HistoryStore::defaultPath().endsWith(QStringLiteral("/Sonde/history.sqlite")));
    QCOMPARE(
        query(m_path, QStringLiteral("PRAGMA user_version")).value(0).toInt(), HistorySchema::CurrentVersion);
    QCOMPARE(query(m_path, QStringLiteral("PRAGMA journal_mode")).value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(query(m_path, QStringLiteral("PRAGMA auto_vacuum")).value(0).toInt(), 2);
    const QVariantList tables
        = query(m_path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    for (const char *table : {"exchanges", "exchange_data", "exchange_fts", "history_meta"})
        QVERIFY2(tables.contains(QString::fromLatin1(table)), table);
    // Opening again changes nothing.
    store.reset();
    QVERIFY(openStore());
}

void TestHistoryStore::migratesFromVersion1()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    for (const QString &statement : version1Schema)
        query(m_path, statement);
    QCOMPARE(query(m_path, QStringLiteral("PRAGMA user_version")).value(0).toInt(), 1);

    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(
        query(m_path, QStringLiteral("PRAGMA user_version")).value(0).toInt(), HistorySchema::CurrentVersion);
    const auto old = store->record(7);
    QVERIFY(old);
    QCOMPARE(old->entry.method, QStringLiteral("POST"));
    QCOMPARE(old->entry.url, QStringLiteral("https://old.example.org/v1/things"));
    QCOMPARE(old->entry.startedAt, QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::utc()));
    QCOMPARE(old->entry.status, 201);
    QCOMPARE(old->entry.durationMs, 42.5);
    QCOMPARE(old->requestBody.data, QByteArray(R"({"name":"ancient"})"));
    QCOMPARE(old->requestBody.contentType, QStringLiteral("application/json"));
    QCOMPARE(old->responseBody.data, QByteArray(R"({"id":"fossil"})"));
    QCOMPARE(old->responseBody.size, old->responseBody.data.size());
    QCOMPARE(old->responseHeaders.value(0).second, QByteArray("application/json"));
    const auto failed = store->record(8);
    QVERIFY(failed);
    QCOMPARE(failed->entry.errorKind, QStringLiteral("other"));
    QCOMPARE(failed->entry.errorMessage, QStringLiteral("Connection refused"));
    // The old rows are in the new search index, bodies included.
    QCOMPARE(urls(store->search(matching(QStringLiteral("fossil")))), QStringList {old->entry.url});
    QCOMPARE(store->search(matching(QStringLiteral("refused"))).value(0).id, 8);
    // New entries go on after the old ones.
    const auto id
        = store->insert(record(exchange(QStringLiteral("GET"), QStringLiteral("http://a.test/"), 200)));
    QVERIFY2(id && *id > 8, qPrintable(store->lastError()));
}

void TestHistoryStore::refusesANewerSchema()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    query(m_path, QStringLiteral("PRAGMA user_version = 99"));
    QString error;
    QVERIFY(!HistoryStore::open(m_path, &error));
    QVERIFY2(error.contains(QStringLiteral("newer version of Sonde")), qPrintable(error));
}

void TestHistoryStore::roundTrip()
{
    auto store = openStore();
    QVERIFY(store);
    Exchange sent
        = exchange(QStringLiteral("PUT"), QStringLiteral("https://api.example.com/items/1?x=%C3%A9"), 200,
            QByteArray(5000, 'r') + "{\"ok\":true}");
    addHeader(sent, "X-Trace", "t-1");
    setRequestBody(sent, QByteArray(3000, 'q'), QStringLiteral("text/plain"));
    sent.request.params = QueryParams::parse(sent.request.url); // as the editor keeps them
    sent.error = {TransportError::Kind::ConnectionClosed, QStringLiteral("Closed early"), {}};
    sent.redirects.append({sent.sent, *sent.response});
    sent.sent.url = QUrl(QStringLiteral("https://api.example.com/items/1/v2"));
    HistoryRecord original
        = record(sent, {QStringLiteral("Shop/Items/Update"), QStringLiteral("staging"), {}});
    const auto id = store->insert(original);
    QVERIFY(id);
    original.entry.id = *id;
    const auto stored = store->record(*id);
    QVERIFY(stored);
    QCOMPARE(*stored, original);
    QCOMPARE(stored->entry.host, QStringLiteral("api.example.com"));
    QCOMPARE(stored->entry.errorKind, QStringLiteral("connection-closed"));
    QCOMPARE(stored->finalUrl, QStringLiteral("https://api.example.com/items/1/v2"));
    QCOMPARE(stored->redirectCount, 1);
    QCOMPARE(stored->entry.workspaceRequest, QStringLiteral("Shop/Items/Update"));
    QCOMPARE(store->search({}).value(0), original.entry);

    // What a reopened entry shows: the response as kept, the error, the request as sent.
    const Exchange shown = stored->toExchange();
    QCOMPARE(shown.response->statusCode, 200);
    QCOMPARE(shown.response->headers, sent.response->headers);
    QCOMPARE(shown.body.bytes(), sent.body.bytes());
    QCOMPARE(shown.error.kind, TransportError::Kind::ConnectionClosed);
    QCOMPARE(shown.error.message, QStringLiteral("Closed early"));
    QCOMPARE(shown.request, stored->toRequest());
    QCOMPARE(shown.sent.headers, stored->requestHeaders);
    QCOMPARE(shown.timings.total, stored->entry.durationMs);
    QCOMPARE(shown.startedAt, stored->entry.startedAt);

    // A capped body keeps its flag and its real size.
    Exchange big = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/big"), 200,
        QByteArray(2 * RecordOptions::DefaultBodyCap, 'b'), "text/plain");
    const auto bigId = store->insert(record(big));
    QVERIFY(bigId);
    const auto capped = store->record(*bigId);
    QVERIFY(capped->responseBody.truncated);
    QCOMPARE(capped->responseBody.data, QByteArray(RecordOptions::DefaultBodyCap, 'b'));
    QCOMPARE(capped->responseBody.size, 2 * RecordOptions::DefaultBodyCap);
    QVERIFY(!store->record(*bigId + 1));
    QVERIFY(store->lastError().isEmpty());
}

void TestHistoryStore::toRequestRestoresTheRequest_data()
{
    QTest::addColumn<Body>("body");
    QTest::newRow("json") << Body {
        Body::Kind::Raw, QStringLiteral("application/json"), R"({"name":"Grace"})"};
    Body form {Body::Kind::FormUrlEncoded, {}, {}};
    form.fields = {{QStringLiteral("a"), QStringLiteral("1"), true},
        {QStringLiteral("b"), QStringLiteral("x y"), false}};
    QTest::newRow("form") << form;
    Body graphql {Body::Kind::GraphQL, {}, {}};
    graphql.graphqlQuery = QStringLiteral("query { user(id: 7) { name } }");
    graphql.graphqlVariables = QStringLiteral("{\"id\": 7}");
    QTest::newRow("graphql") << graphql;
}

void TestHistoryStore::toRequestRestoresTheRequest()
{
    QFETCH(Body, body);
    Exchange sent
        = exchange(QStringLiteral("PATCH"), QStringLiteral("https://api.example.com/users/7?full=1"), 200);
    sent.request.name = QStringLiteral("Update user");
    sent.request.params = {{QStringLiteral("full"), QStringLiteral("1"), true},
        {QStringLiteral("debug"), QStringLiteral("on"), false}};
    addHeader(sent, "X-Custom", "yes");
    sent.request.headers.append({QStringLiteral("X-Off"), QStringLiteral("1"), false});
    setRequestBody(sent, "body as sent", QStringLiteral("application/json"));
    sent.request.body = body;
    sent.request.settings.timeoutMs = 5000;
    sent.request.variables = {{QStringLiteral("id"), QStringLiteral("7"), true, false},
        {QStringLiteral("token"), QStringLiteral("t0k"), true, true}};
    auto store = openStore();
    QVERIFY(store);
    const auto id = store->insert(record(sent));
    QVERIFY(id);
    Request expected = sent.request;
    expected.variables[1].value.clear(); // a secret variable's value is never stored
    QCOMPARE(store->record(*id)->toRequest(), expected);

    // Entries without the request (from older versions): the wire headers minus those Sonde adds.
    HistoryRecord wireOnly = record(sent);
    wireOnly.request.reset();
    const Request fromWire = wireOnly.toRequest();
    QCOMPARE(fromWire.method, QStringLiteral("PATCH"));
    QCOMPARE(fromWire.url, QStringLiteral("https://api.example.com/users/7?full=1"));
    QCOMPARE(fromWire.headers, (KeyValueList {{QStringLiteral("X-Custom"), QStringLiteral("yes"), true}}));
    QCOMPARE(fromWire.body, (Body {Body::Kind::Raw, QStringLiteral("application/json"), "body as sent"}));
}

void TestHistoryStore::noSecretReachesTheFile_data()
{
    QTest::addColumn<bool>("keepSecrets");
    QTest::newRow("redacted") << false;
    // The check itself: with secrets kept, the same search of the file does find them.
    QTest::newRow("kept") << true;
}

void TestHistoryStore::noSecretReachesTheFile()
{
    QFETCH(bool, keepSecrets);
    const QString secret = QStringLiteral("Zq7SecretValue9Xk");
    const QByteArray token = "tok3nInAuthHeader";
    {
        auto store = openStore();
        QVERIFY(store);
        QList<HistoryRecord> records;
        for (int i = 0; i < 50; ++i) {
            Exchange sent = exchange(QStringLiteral("POST"),
                QStringLiteral("https://api.example.com/v1/items?key=%1&n=%2").arg(secret).arg(i), 200,
                "{\"value\":\"" + secret.toUtf8() + "\",\"pad\":\"" + QByteArray(i * 40, 'z') + "\"}");
            addHeader(sent, "Authorization", "Bearer " + token);
            addHeader(sent, "X-Secret", secret.toUtf8());
            setRequestBody(
                sent, "{\"password\":\"" + secret.toUtf8() + "\"}", QStringLiteral("application/json"));
            sent.response->headers.append({"Set-Cookie", "session=" + token + "; Path=/"});
            records.append(record(sent, {{}, {}, {secret}}, {RecordOptions::DefaultBodyCap, keepSecrets}));
        }
        QVERIFY(store->insert(records));
        QCOMPARE(store->search(matching(QStringLiteral("items"))).size(), 50);
    }
    const QByteArray bytes = databaseBytes(m_path).toLower();
    QVERIFY(bytes.size() > 0);
    QCOMPARE(bytes.contains(secret.toLower().toUtf8()), keepSecrets);
    QCOMPARE(bytes.contains(token.toLower()), keepSecrets);
}

void TestHistoryStore::retentionByAge()
{
    auto store = openStore();
    QVERIFY(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int age : {10, 8, 5, 1}) {
        Exchange sent = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/age%1").arg(age), 200,
            "{\"age\":\"days" + QByteArray::number(age) + "\"}");
        sent.startedAt = now.addDays(-age);
        QVERIFY(store->insert(record(sent)));
    }
    QCOMPARE(store->applyRetention(7, 0), 2);
    QCOMPARE(urls(store->search({})),
        (QStringList {QStringLiteral("https://a.test/age1"), QStringLiteral("https://a.test/age5")}));
    QCOMPARE(store->search(matching(QStringLiteral("days10"))).size(), 0);
    QCOMPARE(store->search(matching(QStringLiteral("days5"))).size(), 1);
    QCOMPARE(store->applyRetention(7, 0), 0);
    QCOMPARE(store->applyRetention(0, 0), 0);
    store.reset();
    QCOMPARE(
        query(m_path, QStringLiteral("PRAGMA integrity_check")).value(0).toString(), QStringLiteral("ok"));
}

void TestHistoryStore::retentionBySize()
{
    auto store = openStore();
    QVERIFY(store);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    QList<HistoryRecord> records;
    for (int i = 0; i < 200; ++i) {
        // Random hex compresses only to about half: ~10 KB stored per entry.
        QByteArray body;
        for (int j = 0; j < 2500; ++j)
            body += QByteArray::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, '0');
        Exchange sent = exchange(QStringLiteral("GET"), QStringLiteral("https://a.test/%1").arg(i), 200, body,
            "application/octet-stream");
        sent.startedAt = start.addSecs(i);
        records.append(record(sent));
    }
    QVERIFY(store->insert(records));
    const qint64 before = store->databaseSize();
    QVERIFY2(before > 2 * 1024 * 1024, qPrintable(QString::number(before)));
    const qint64 limit = 512 * 1024;
    const qint64 removed = store->applyRetention(0, limit);
    QVERIFY2(removed > 100 && removed < 200, qPrintable(QString::number(removed)));
    QVERIFY2(store->databaseSize() <= limit * 5 / 4, qPrintable(QString::number(store->databaseSize())));
    const QList<HistoryEntry> kept = store->search({});
    QCOMPARE(kept.size(), 200 - removed);
    QCOMPARE(kept.first().url, QStringLiteral("https://a.test/199")); // the newest stay
    QCOMPARE(kept.last().url, QStringLiteral("https://a.test/%1").arg(removed));
}

void TestHistoryStore::removeAndClear()
{
    auto store = openStore();
    QVERIFY(store);
    insertSearchSample(*store);
    const qint64 id = store->search(matching(QStringLiteral("users"))).value(0).id;
    QVERIFY(store->remove(id));
    QVERIFY(!store->record(id));
    QVERIFY(store->search(matching(QStringLiteral("lovelace"))).isEmpty());
    QVERIFY(!store->remove(id));
    QVERIFY(store->lastError().isEmpty());
    QCOMPARE(store->count({}), 4);

    QVERIFY(store->clear());
    QCOMPARE(store->count({}), 0);
    QVERIFY(store->search(matching(QStringLiteral("orders"))).isEmpty());
    QVERIFY(store->insert(
        record(exchange(QStringLiteral("GET"), QStringLiteral("https://shop.test/orders"), 200))));
    QCOMPARE(store->search(matching(QStringLiteral("orders"))).size(), 1);
}

void TestHistoryStore::withoutFullTextSearch()
{
    QVERIFY(openStore()); // the index exists, and goes stale while it is not used
    {
        auto store = openStore(HistoryStore::FullText::Off);
        QVERIFY(store);
        QVERIFY(!store->hasFullTextSearch());
        QVERIFY(!store->fullTextNote().isEmpty());
        insertSearchSample(*store);
        // LIKE over URLs, methods, statuses and headers; not bodies.
        QCOMPARE(store->search(matching(QStringLiteral("users"))).size(), 1);
        QCOMPARE(store->search(matching(QStringLiteral("abc123"))).size(), 1);
        QCOMPARE(store->search(matching(QStringLiteral("404"))).size(), 1);
        QCOMPARE(store->search(matching(QStringLiteral("100%_"))).size(), 0);
        QCOMPARE(store->search(matching(QStringLiteral("lovelace"))).size(), 0);
    }
    // Rows written without the index are indexed when full-text search is back.
    auto store = openStore();
    QVERIFY(store && store->hasFullTextSearch());
    QCOMPARE(store->search(matching(QStringLiteral("lovelace"))).size(), 1);
    QCOMPARE(store->search(matching(QStringLiteral("widget-9"))).size(), 1);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
