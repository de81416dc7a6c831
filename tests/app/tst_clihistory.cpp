// sonde-cli history, end to end: `send` records into the database SONDE_HISTORY_DB names, and
// `history search` / `show` / `clear` read it back. The real binary, against its own echo server.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void sendRecordsWhatSearchAndShowFind();
    void noHistoryRecordsNothing();
    void transportErrorsAreRecorded();
    void workspaceRequestsNameTheirPath();
    void secretVariablesNeverReachTheDatabase();
    void filters();
    void usageErrors_data();
    void usageErrors();
    void missingDatabaseIsEmptyAndNotCreated();
    void clear();
    void exportHar();

private:
    CliResult run(const QStringList &arguments, const QString &database = {}) const;
    QJsonArray searchJson(const QStringList &arguments) const;

    QTemporaryDir m_dir;
    QProcess m_echo;
    QString m_base;
    QString m_database;
};

void TestCliHistory::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(SONDE_CLI)), SONDE_CLI);
    m_echo.start(QStringLiteral(SONDE_CLI), {QStringLiteral("echo")});
    QVERIFY(m_echo.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_echo.canReadLine(), 10000);
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)/"))
                                              .match(QString::fromUtf8(m_echo.readLine()));
    QVERIFY(match.hasMatch());
    m_base = match.captured(1);
}

void TestCliHistory::cleanupTestCase()
{
    m_echo.terminate();
    m_echo.waitForFinished();
}

void TestCliHistory::init()
{
    // A fresh database per test function.
    m_database = m_dir.filePath(QStringLiteral("%1/history.sqlite").arg(QTest::currentTestFunction()));
}

CliResult TestCliHistory::run(const QStringList &arguments, const QString &database) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SONDE_HISTORY_DB"), database.isEmpty() ? m_database : database);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SONDE_CLI), arguments);
    CliResult result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonArray TestCliHistory::searchJson(const QStringList &arguments) const
{
    const CliResult result
        = run(QStringList {QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("--json")}
            + arguments);
    if (result.exitCode != 0)
        qWarning("%s", result.err.constData());
    return QJsonDocument::fromJson(result.out).array();
}

void TestCliHistory::sendRecordsWhatSearchAndShowFind()
{
    const QString url = m_base + QStringLiteral("/anything/history-probe?x=1");
    CliResult sent = run({QStringLiteral("send"), url, QStringLiteral("-H"),
        QStringLiteral("Authorization: Bearer tok-abcdefgh"), QStringLiteral("-d"),
        QStringLiteral("{\"greeting\":\"hello\"}")});
    QCOMPARE(sent.exitCode, 0);
    QVERIFY2(sent.err.isEmpty(), sent.err.constData());

    const CliResult listed
        = run({QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("probe")});
    QCOMPARE(listed.exitCode, 0);
    const QList<QByteArray> lines = listed.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  POST     200  +\\d+ ms  "))
                 .match(QString::fromUtf8(lines.first()))
                 .hasMatch(),
        lines.first().constData());
    QVERIFY(lines.first().endsWith(url.toUtf8()));

    const QJsonArray entries = searchJson({QStringLiteral("hello")}); // a word of the request body
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("url")).toString(), url);
    QCOMPARE(entry.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(entry.value(QStringLiteral("error")), QJsonValue());

    const CliResult shown = run(
        {QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject record = QJsonDocument::fromJson(shown.out).object();
    QCOMPARE(record.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    const QJsonObject request = record.value(QStringLiteral("request")).toObject();
    QCOMPARE(request.value(QStringLiteral("body")).toString(), QStringLiteral("{\"greeting\":\"hello\"}"));
    // Header names are case-insensitive (Qt 6.8 sends them in lower case).
    const QJsonArray headers = request.value(QStringLiteral("headers")).toArray();
    QVERIFY(std::any_of(headers.cbegin(), headers.cend(), [](const QJsonValue &header) {
        const QJsonArray pair = header.toArray();
        return pair.at(0).toString().compare(QStringLiteral("Authorization"), Qt::CaseInsensitive) == 0
            && pair.at(1).toString() == QStringLiteral("Bearer [redacted]");
    }));
    const QJsonObject response = record.value(QStringLiteral("response")).toObject();
    QVERIFY(response.value(QStringLiteral("body")).toString().contains(QStringLiteral("history-probe")));
    // The echo sent the token back in its body: it is scrubbed there too.
    QVERIFY(!shown.out.contains("tok-abcdefgh"));

    const CliResult text = run({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1")});
    QVERIFY(text.out.contains(QByteArray("> POST " + url.toUtf8() + '\n')));
    QVERIFY(text.out.contains("< HTTP/1.1 200 OK\n"));
}

void TestCliHistory::noHistoryRecordsNothing()
{
    QCOMPARE(run({QStringLiteral("send"), QStringLiteral("--no-history"), m_base + QStringLiteral("/get")})
                 .exitCode,
        0);
    QVERIFY(!QFile::exists(m_database));
    QCOMPARE(run({QStringLiteral("send"), m_base + QStringLiteral("/get")}).exitCode, 0);
    QCOMPARE(searchJson({}).size(), 1);
}

void TestCliHistory::transportErrorsAreRecorded()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1/nobody").arg(probe.serverPort());
    probe.close();
    QCOMPARE(run({QStringLiteral("send"), closed}).exitCode, 3);
    const QJsonArray entries = searchJson({QStringLiteral("--status"), QStringLiteral("error")});
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("status")), QJsonValue());
    QCOMPARE(entry.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("connection-refused"));
    const CliResult listed
        = run({QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("refused")});
    QVERIFY2(
        listed.out.contains("ERR") && listed.out.contains("(connection-refused: "), listed.out.constData());
}

void TestCliHistory::workspaceRequestsNameTheirPath()
{
    const QString workspace = qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/workspace/sample");
    const CliResult sent = run({QStringLiteral("send"), QStringLiteral("--workspace"), workspace,
        QStringLiteral("--var"), QStringLiteral("base=") + m_base, QStringLiteral("Echo/Get with query")});
    QCOMPARE(sent.exitCode, 0);
    const QJsonArray entries = searchJson({QStringLiteral("lisbon")});
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().toObject().value(QStringLiteral("workspaceRequest")).toString(),
        QStringLiteral("Echo/Get with query"));
}

void TestCliHistory::secretVariablesNeverReachTheDatabase()
{
    // A workspace whose environment marks apiKey secret; the value comes from --var (no keychain here),
    // and is sent in the query, a header that is not a credential header, and the body, which the echo
    // server sends back.
    const QString workspace = m_dir.filePath(QStringLiteral("secret-workspace"));
    const QByteArray secret = "s3cr3t-VALUE-91";
    const QList<std::pair<QString, QByteArray>> files = {
        {QStringLiteral("workspace.yaml"), "sonde: 1\nname: Secrets\n"},
        {QStringLiteral("environments/vault.yaml"),
            "name: vault\nvariables:\n  - name: apiKey\n    secret: true\n"},
        {QStringLiteral("collections/Vault/_folder.yaml"), "name: Vault\n"},
        {QStringLiteral("collections/Vault/Echo key.yaml"),
            "name: Echo key\nmethod: POST\nurl: \"{{base}}/anything/vault?key={{apiKey}}\"\n"
            "headers:\n  - key: X-Api-Key\n    value: \"{{apiKey}}\"\n"
            "body:\n  type: raw\n  contentType: application/json\n  text: '{\"key\": \"{{apiKey}}\"}'\n"},
    };
    for (const auto &[path, content] : files) {
        QVERIFY(QDir().mkpath(QFileInfo(QDir(workspace).filePath(path)).absolutePath()));
        QFile file(QDir(workspace).filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    const CliResult sent = run({QStringLiteral("send"), QStringLiteral("--workspace"), workspace,
        QStringLiteral("--env"), QStringLiteral("vault"), QStringLiteral("--var"),
        QStringLiteral("base=") + m_base, QStringLiteral("--var"),
        QStringLiteral("apiKey=") + QString::fromLatin1(secret), QStringLiteral("Vault/Echo key")});
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    // It was really sent and echoed: the secret is in the response printed on stdout.
    QVERIFY(sent.out.contains(secret));

    const QJsonArray entries = searchJson({QStringLiteral("vault")});
    QCOMPARE(entries.size(), 1);
    const CliResult shown = run(
        {QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains("[redacted]"));
    QVERIFY2(!shown.out.contains(secret), shown.out.constData());

    // Nothing in the database files either, the write-ahead log included.
    const QDir folder = QFileInfo(m_database).absoluteDir();
    const QStringList databaseFiles = folder.entryList(QDir::Files);
    QVERIFY(!databaseFiles.isEmpty());
    for (const QString &name : databaseFiles) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(secret), qPrintable(name));
    }
}

void TestCliHistory::filters()
{
    for (const QString &path :
        {QStringLiteral("/get"), QStringLiteral("/status/404"), QStringLiteral("/status/201")})
        QCOMPARE(run({QStringLiteral("send"), m_base + path}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("send"), QStringLiteral("-X"), QStringLiteral("DELETE"),
                     m_base + QStringLiteral("/x")})
                 .exitCode,
        0);
    QCOMPARE(searchJson({}).size(), 4);
    QCOMPARE(searchJson({QStringLiteral("--status"), QStringLiteral("4xx")}).size(), 1);
    QCOMPARE(searchJson({QStringLiteral("--status"), QStringLiteral("2xx,404")}).size(), 4);
    QCOMPARE(searchJson({QStringLiteral("--status"), QStringLiteral("201")}).size(), 1);
    QCOMPARE(searchJson({QStringLiteral("--method"), QStringLiteral("delete")}).size(), 1);
    QCOMPARE(searchJson({QStringLiteral("--host"), QStringLiteral("127.0.0.1")}).size(), 4);
    QCOMPARE(searchJson({QStringLiteral("--host"), QStringLiteral("example.com")}).size(), 0);
    QCOMPARE(searchJson({QStringLiteral("--since"), QStringLiteral("1h")}).size(), 4);
    QCOMPARE(searchJson({QStringLiteral("--until"), QStringLiteral("2000-01-01")}).size(), 0);
    const QJsonArray newest = searchJson({QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(newest.size(), 1);
    QCOMPARE(newest.first().toObject().value(QStringLiteral("method")).toString(), QStringLiteral("DELETE"));
    QCOMPARE(searchJson({QStringLiteral("--offset"), QStringLiteral("3")})
                 .first()
                 .toObject()
                 .value(QStringLiteral("url")),
        QJsonValue(m_base + QStringLiteral("/get")));
}

void TestCliHistory::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList {} << 2 << QStringLiteral("Usage: sonde-cli history");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("list")} << 2
                                     << QStringLiteral("unknown command");
    QTest::newRow("bad status") << QStringList {QStringLiteral("search"), QStringLiteral("--status"),
        QStringLiteral("7xx")} << 2
                                << QStringLiteral("--status “7xx”");
    QTest::newRow("bad since") << QStringList {QStringLiteral("search"), QStringLiteral("--since"),
        QStringLiteral("soon")} << 2
                               << QStringLiteral("--since and --until take");
    QTest::newRow("bad limit") << QStringList {QStringLiteral("search"), QStringLiteral("--limit"),
        QStringLiteral("0")} << 2
                               << QStringLiteral("--limit takes");
    QTest::newRow("show without id") << QStringList {QStringLiteral("show")} << 2
                                     << QStringLiteral("expected one entry id");
    QTest::newRow("show no such entry") << QStringList {QStringLiteral("show"), QStringLiteral("42")} << 1
                                        << QStringLiteral("no entry 42 in the history");
}

void TestCliHistory::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliResult result = run(QStringList {QStringLiteral("history")} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
}

void TestCliHistory::missingDatabaseIsEmptyAndNotCreated()
{
    const CliResult result
        = run({QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 0);
    QVERIFY(!QFile::exists(m_database));
    // A file that is not a database is an error in words.
    QDir().mkpath(QFileInfo(m_database).absolutePath());
    QFile junk(m_database);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'j'));
    junk.close();
    const CliResult broken = run({QStringLiteral("history"), QStringLiteral("search")});
    QCOMPARE(broken.exitCode, 3);
    QVERIFY2(broken.err.contains(m_database.toUtf8()), broken.err.constData());
}

void TestCliHistory::clear()
{
    QCOMPARE(run({QStringLiteral("send"), m_base + QStringLiteral("/get")}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("send"), m_base + QStringLiteral("/get")}).exitCode, 0);
    const CliResult cleared = run({QStringLiteral("history"), QStringLiteral("clear")});
    QCOMPARE(cleared.exitCode, 0);
    QCOMPARE(cleared.out, QByteArray("Cleared the history: 2 entries deleted.\n"));
    QCOMPARE(searchJson({}).size(), 0);
    // --db wins over the environment.
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    QCOMPARE(run({QStringLiteral("send"), m_base + QStringLiteral("/get")}, other).exitCode, 0);
    QCOMPARE(searchJson({QStringLiteral("--db"), other}).size(), 1);
    QCOMPARE(searchJson({}).size(), 0);
}

void TestCliHistory::exportHar()
{
    for (const QString &path : {QStringLiteral("/anything/first"), QStringLiteral("/anything/second")})
        QCOMPARE(run({QStringLiteral("send"), m_base + path}).exitCode, 0);
    const CliResult all = run({QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("--har")});
    QCOMPARE(all.exitCode, 0);
    const QJsonArray entries
        = QJsonDocument::fromJson(all.out).object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    // Oldest first, as HAR files are.
    const auto urlOf = [](const QJsonValue &entry) {
        return entry.toObject().value(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString();
    };
    QCOMPARE(urlOf(entries.at(0)), m_base + QStringLiteral("/anything/first"));
    QCOMPARE(urlOf(entries.at(1)), m_base + QStringLiteral("/anything/second"));
    const QJsonObject response = entries.at(0).toObject().value(QStringLiteral("response")).toObject();
    QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(response.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("/anything/first")));

    const CliResult one = run({QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("--har"), QStringLiteral("2")});
    QCOMPARE(one.exitCode, 0);
    const QJsonArray single
        = QJsonDocument::fromJson(one.out).object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray();
    QCOMPARE(single.size(), 1);
    QCOMPARE(urlOf(single.at(0)), m_base + QStringLiteral("/anything/second"));

    QCOMPARE(run({QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("--har"), QStringLiteral("99")}).exitCode, 1);
    QCOMPARE(run({QStringLiteral("history"), QStringLiteral("export")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_clihistory.moc"
