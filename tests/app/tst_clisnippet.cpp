// sonde-cli snippet, end to end: the real binary on a workspace made by `sonde-cli import`.
#include "CliRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Sonde::CliResult;

CliResult runCli(const QStringList &arguments)
{
    return Sonde::runProgram(QStringLiteral(SONDE_CLI), arguments);
}

const QByteArray Collection = R"({"info": {"name": "Shop",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "auth": {"type": "basic", "basic": [{"key": "username", "value": "me"}, {"key": "password", "value": "{{pw}}"}]},
  "variable": [{"key": "base", "value": "https://x.test"}],
  "item": [{"name": "Orders", "item": [
    {"name": "List", "request": {"method": "GET", "url": "{{base}}/orders?page=1",
      "header": [{"key": "Accept", "value": "application/json"}]}},
    {"name": "Create", "request": {"method": "POST", "auth": {"type": "noauth"},
      "body": {"mode": "raw", "raw": "{\"sku\": \"price $5\"}", "options": {"raw": {"language": "json"}}},
      "url": "{{base}}/orders"}}]}]})";

const QByteArray Environment
    = "{\"name\": \"Staging\", \"values\": [{\"key\": \"pw\", \"value\": \"hunter2\", \"enabled\": true}]}";

} // namespace

class TestCliSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listTargets();
    void printsTheSavedRequest();
    void everyTargetPrints();
    void resolvesWhenAsked();
    void errors_data();
    void errors();
    void help();

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }
    QTemporaryDir m_dir;
    QString m_workspace;
};

void TestCliSnippet::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(u"ws"_s);
    QCOMPARE(runCli({u"import"_s, write(u"shop.json"_s, Collection), u"--out"_s, m_workspace}).exitCode, 0);
    QCOMPARE(
        runCli({u"import"_s, write(u"staging.json"_s, Environment), u"--out"_s, m_workspace}).exitCode, 0);
}

void TestCliSnippet::listTargets()
{
    const CliResult result = runCli({u"snippet"_s, u"--list-targets"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
        QByteArray("curl              cURL\n"
                   "httpie            HTTPie\n"
                   "wget              Wget\n"
                   "python-requests   Python (requests)\n"
                   "javascript-fetch  JavaScript (fetch)\n"
                   "node-axios        Node.js (axios)\n"
                   "go                Go (net/http)\n"
                   "java              Java (HttpClient)\n"
                   "csharp            C# (HttpClient)\n"
                   "php-curl          PHP (cURL)\n"
                   "powershell        PowerShell\n"
                   "qt                Qt C++ (QNetworkAccessManager)\n"));
}

void TestCliSnippet::printsTheSavedRequest()
{
    // Variables as written; the auth the request inherits from the collection.
    const CliResult curl = runCli(
        {u"snippet"_s, u"--target"_s, u"curl"_s, u"--workspace"_s, m_workspace, u"Shop/Orders/List"_s});
    QCOMPARE(curl.exitCode, 0);
    QCOMPARE(curl.out,
        QByteArray("curl '{{base}}/orders?page=1' \\\n  -u 'me:{{pw}}' \\\n  -H 'Accept: application/json' "
                   "\\\n  -L\n"));
    QVERIFY(curl.err.isEmpty());

    const CliResult python = runCli({u"snippet"_s, u"--target"_s, u"python-requests"_s, u"--workspace"_s,
        m_workspace, u"shop/orders/create"_s});
    QCOMPARE(python.exitCode, 0);
    QVERIFY2(python.out.contains("url = \"{{base}}/orders\"\n"), python.out.constData());
    QVERIFY(python.out.contains("payload = \"{\\\"sku\\\": \\\"price $5\\\"}\"\n"));
    QVERIFY(python.out.contains("    \"Content-Type\": \"application/json\",\n"));
    QVERIFY(!python.out.contains("auth="));
}

void TestCliSnippet::everyTargetPrints()
{
    const CliResult list = runCli({u"snippet"_s, u"--list-targets"_s});
    for (const QByteArray &line : list.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QString target = QString::fromLatin1(line.left(line.indexOf(' ')));
        const CliResult result = runCli(
            {u"snippet"_s, u"--target"_s, target, u"--workspace"_s, m_workspace, u"Shop/Orders/List"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(target + u": "_s + QString::fromUtf8(result.err)));
        QVERIFY2(result.out.contains("{{base}}/orders?page=1"), qPrintable(target));
    }
}

void TestCliSnippet::resolvesWhenAsked()
{
    const CliResult noEnvironment = runCli({u"snippet"_s, u"--target"_s, u"python-requests"_s,
        u"--workspace"_s, m_workspace, u"Shop/Orders/List"_s, u"--resolve"_s});
    QCOMPARE(noEnvironment.exitCode, 0);
    QVERIFY2(noEnvironment.out.contains("url = \"https://x.test/orders?page=1\"\n"),
        noEnvironment.out.constData());
    QVERIFY(noEnvironment.out.contains("auth=(\"me\", \"{{pw}}\")"));
    QCOMPARE(noEnvironment.err,
        QByteArray("sonde-cli snippet: warning: {{pw}} is unresolved and written as it is\n"));

    const CliResult staging = runCli({u"snippet"_s, u"--target"_s, u"python-requests"_s, u"--workspace"_s,
        m_workspace, u"Shop/Orders/List"_s, u"--resolve"_s, u"--env"_s, u"staging"_s});
    QCOMPARE(staging.exitCode, 0);
    QVERIFY2(staging.out.contains("auth=(\"me\", \"hunter2\")"), staging.out.constData());
    QVERIFY(staging.err.isEmpty());
}

void TestCliSnippet::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("no target") << QStringList {u"--workspace"_s, u"ws"_s, u"Shop/Orders/List"_s} << 2
                               << QByteArray(
                                      "sonde-cli snippet: --target NAME is required (curl, httpie, wget, "
                                      "python-requests, javascript-fetch, node-axios, go, java, csharp, "
                                      "php-curl, powershell, qt)\n");
    QTest::newRow("unknown target") << QStringList {u"--target"_s, u"cobol"_s, u"--workspace"_s, u"ws"_s,
        u"x"_s} << 2
                                    << QByteArray(
                                           "sonde-cli snippet: unknown target 'cobol' (curl, httpie, wget, "
                                           "python-requests, javascript-fetch, node-axios, go, java, csharp, "
                                           "php-curl, powershell, qt)\n");
    QTest::newRow("no workspace") << QStringList {u"--target"_s, u"go"_s, u"Shop/Orders/List"_s} << 2
                                  << QByteArray("sonde-cli snippet: --workspace DIR is required\n");
    QTest::newRow("env without resolve")
        << QStringList {u"--target"_s, u"go"_s, u"--workspace"_s, u"ws"_s, u"--env"_s, u"x"_s,
               u"Shop/Orders/List"_s}
        << 2 << QByteArray("sonde-cli snippet: --env only means something with --resolve\n");
    QTest::newRow("no path") << QStringList {u"--target"_s, u"go"_s, u"--workspace"_s, u"ws"_s} << 2
                             << QByteArray("sonde-cli snippet: give the PATH of one saved request\n");
    QTest::newRow("no such request") << QStringList {u"--target"_s, u"go"_s, u"--workspace"_s, u"ws"_s,
        u"Shop/Orders/Nope"_s} << 1 << QByteArray();
    QTest::newRow("no such environment")
        << QStringList {u"--target"_s, u"go"_s, u"--workspace"_s, u"ws"_s, u"Shop/Orders/List"_s,
               u"--resolve"_s, u"--env"_s, u"Prod"_s}
        << 1 << QByteArray("sonde-cli snippet: No environment “Prod” in the workspace (it has: Staging)\n");
    QTest::newRow("not a workspace") << QStringList {u"--target"_s, u"go"_s, u"--workspace"_s, u"missing"_s,
        u"Shop/Orders/List"_s} << 3 << QByteArray();
}

void TestCliSnippet::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    arguments.replaceInStrings(QRegularExpression(u"^ws$"_s), m_workspace);
    arguments.replaceInStrings(QRegularExpression(u"^missing$"_s), m_dir.filePath(u"missing"_s));
    const CliResult result = runCli(QStringList {u"snippet"_s} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(result.out.isEmpty());
    if (message.isEmpty())
        QVERIFY2(result.err.startsWith("sonde-cli snippet: "), result.err.constData());
    else
        QCOMPARE(result.err, message);
}

void TestCliSnippet::help()
{
    const CliResult result = runCli({u"snippet"_s, u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("--list-targets"));
    const CliResult usage = runCli({u"--help"_s});
    QVERIFY(usage.out.contains("snippet PATH"));
}

QTEST_GUILESS_MAIN(TestCliSnippet)
#include "tst_clisnippet.moc"
