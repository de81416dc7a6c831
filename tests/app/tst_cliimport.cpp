// sonde-cli import and export, end to end: the real binary, run with QProcess on files in a temporary folder.
#include "CliRunner.h"
#include "storage/WorkspaceStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Sonde::CliResult;

CliResult runCli(const QStringList &arguments, const QByteArray &input = {})
{
    return Sonde::runProgram(QStringLiteral(SONDE_CLI), arguments, input);
}

const QByteArray Commands = "# two requests\n"
                            "curl -X POST 'https://api.example.com/v1/items?draft=1' \\\n"
                            "  -H 'Accept: application/json' -u me:secret \\\n"
                            "  --json '{\"name\": \"x\"}'\n"
                            "curl -F a=1 -F 'f=@photo.jpg;type=image/jpeg' -L https://x.test/up\n";

const QByteArray Har
    = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"test\", \"version\": \"1\"}, \"entries\": "
      "[\n"
      "  {\"startedDateTime\": \"2026-11-24T10:00:00.000Z\", \"time\": 12,\n"
      "   \"request\": {\"method\": \"GET\", \"url\": \"https://x.test/a?b=1\", \"httpVersion\": "
      "\"HTTP/1.1\",\n"
      "     \"headers\": [{\"name\": \"Host\", \"value\": \"x.test\"}, {\"name\": \"Accept\", \"value\": "
      "\"*/*\"}], \"cookies\": [], \"queryString\": [], \"headersSize\": -1, \"bodySize\": 0},\n"
      "   \"response\": {\"status\": 200, \"statusText\": \"OK\", \"httpVersion\": \"HTTP/1.1\", "
      "\"headers\": [{\"name\": \"Content-Type\", \"value\": \"text/plain\"}],\n"
      "     \"cookies\": [], \"content\": {\"size\": 5, \"mimeType\": \"text/plain\", \"text\": \"hello\"}, "
      "\"redirectURL\": \"\", \"headersSize\": -1, \"bodySize\": 5},\n"
      "   \"cache\": {}, \"timings\": {\"send\": 1, \"wait\": 10, \"receive\": 1}}]}}";

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importCurlPrintsJson();
    void importHarKeepsTheResponse();
    void importFromStdin();
    void badInputImportsNothing_data();
    void badInputImportsNothing();
    void partialOnlyWhenAsked_data();
    void partialOnlyWhenAsked();
    void partialPrintsTheProblemAmongWarnings();
    void unknownFormat();
    void importIntoWorkspace();
    void refusesAFolderThatIsNotAWorkspace();
    void exportCurlImportsBackTheSame();
    void exportHar();
    void postmanRoundTrip();
    void postmanEnvironmentIntoWorkspace();
    void autoDetects_data();
    void autoDetects();
    void openApiFollowsReferencesBesideTheFile();
    void openApiIntoWorkspace();
    void insomniaIntoWorkspace();
    void help();

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCliImport::importCurlPrintsJson()
{
    const CliResult result = runCli({u"import"_s, write(u"cmds.sh"_s, Commands)});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"curl"_s);
    QCOMPARE(json.value(u"name"_s).toString(), u"cmds"_s);
    QCOMPARE(json.value(u"folders"_s).toArray().size(), 0);
    const QJsonArray requests = json.value(u"requests"_s).toArray();
    QCOMPARE(requests.size(), 2);
    const QJsonObject first = requests.at(0).toObject();
    QCOMPARE(first.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(first.value(u"url"_s).toString(), u"https://api.example.com/v1/items?draft=1"_s);
    QCOMPARE(first.value(u"headers"_s).toArray().at(0).toObject(),
        (QJsonObject {{u"name"_s, u"Accept"_s}, {u"value"_s, u"application/json"_s}}));
    QCOMPARE(first.value(u"body"_s).toObject(),
        (QJsonObject {{u"kind"_s, u"raw"_s}, {u"contentType"_s, u"application/json"_s},
            {u"text"_s, u"{\"name\": \"x\"}"_s}}));
    QCOMPARE(first.value(u"auth"_s).toObject(),
        (QJsonObject {{u"type"_s, u"basic"_s}, {u"user"_s, u"me"_s}, {u"password"_s, u"secret"_s}}));
    QCOMPARE(first.value(u"settings"_s).toObject().value(u"followRedirects"_s).toBool(), false);
    QVERIFY(first.value(u"example"_s).isNull());
    const QJsonObject second = requests.at(1).toObject();
    const QJsonArray parts = second.value(u"body"_s).toObject().value(u"parts"_s).toArray();
    QCOMPARE(parts.at(1).toObject().value(u"file"_s).toString(), m_dir->filePath(u"photo.jpg"_s));
    QCOMPARE(parts.at(1).toObject().value(u"contentType"_s).toString(), u"image/jpeg"_s);
    QCOMPARE(second.value(u"settings"_s).toObject().value(u"followRedirects"_s).toBool(), true);
    const QJsonArray warnings = json.value(u"warnings"_s).toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).toObject().value(u"where"_s).toString(), u"line 5, column 13"_s);
}

void TestCliImport::importHarKeepsTheResponse()
{
    const CliResult result = runCli({u"import"_s, write(u"session.json"_s, Har)});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"har"_s);
    const QJsonObject request = json.value(u"requests"_s).toArray().at(0).toObject();
    QCOMPARE(request.value(u"name"_s).toString(), u"GET /a"_s);
    QCOMPARE(request.value(u"headers"_s).toArray().size(), 1); // Host repeated the URL's
    const QJsonObject example = request.value(u"example"_s).toObject();
    QCOMPARE(example.value(u"response"_s).toObject().value(u"status"_s).toInt(), 200);
    QCOMPARE(example.value(u"response"_s).toObject().value(u"body"_s).toString(), u"hello"_s);
    QCOMPARE(example.value(u"request"_s).toObject().value(u"headers"_s).toArray().size(), 2);
}

void TestCliImport::importFromStdin()
{
    const CliResult result = runCli({u"import"_s, u"-"_s, u"--name"_s, u"Pasted"_s}, "curl http://x.test/\n");
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"name"_s).toString(), u"Pasted"_s);
    QCOMPARE(
        json.value(u"requests"_s).toArray().at(0).toObject().value(u"url"_s).toString(), u"http://x.test/"_s);
}

void TestCliImport::badInputImportsNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken HAR") << u"broken.har"_s << QByteArray("{\"log\":\n[\n    2,1,3\n]\n\"request:\"}")
                                << QStringList()
                                << u"broken.har: line 5, column 2: not valid JSON: unterminated object"_s;
    QTest::newRow("HAR of the wrong shape")
        << u"shape.har"_s << QByteArray("{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\"}}]}}")
        << QStringList() << u"shape.har: log.entries[0].request.url: missing"_s;
    QTest::newRow("curl with an open quote")
        << u"c.sh"_s << QByteArray("curl 'http://x/\n") << QStringList()
        << u"c.sh: line 1, column 6: the single quote opened here is never closed"_s;
    QTest::newRow("curl claimed, JSON given")
        << u"x.json"_s << QByteArray("{\"a\": 1}") << QStringList {u"--format"_s, u"curl"_s}
        << u"x.json: no curl command found"_s;
    QTest::newRow("Postman v1") << u"old.json"_s
                                << QByteArray(R"({"id": "x", "name": "n", "order": [], "requests": []})")
                                << QStringList()
                                << u"old.json: Postman collection v1 is not supported; export it as v2.1"_s;
    QTest::newRow("Postman item of a wrong type")
        << u"bad.json"_s << QByteArray(R"({"info": {"name": "n"}, "item": [{"request": 5}]})")
        << QStringList() << u"bad.json: item[0].request: the request is neither a URL nor an object"_s;
    QTest::newRow("OpenAPI with a cycle of references")
        << u"cycle.yaml"_s
        << QByteArray("openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {$ref: '#/paths/~1a'}\n")
        << QStringList() << u"cycle.yaml: paths./a: cyclic $ref: #/paths/~1a → #/paths/~1a"_s;
    QTest::newRow("OpenAPI YAML syntax")
        << u"broken.yaml"_s << QByteArray("openapi: 3.0.0\ninfo: [\n") << QStringList()
        << u"broken.yaml: line 3, column 1: not valid YAML"_s;
    QTest::newRow("Swagger 1.2") << u"old.json"_s << QByteArray(R"({"swagger": "1.2", "info": {}})")
                                 << QStringList() << u"old.json: swagger: Swagger “1.2” is not a version"_s;
    QTest::newRow("openapi claimed, Postman given")
        << u"p.json"_s << QByteArray(R"({"info": {"name": "n"}, "item": []})")
        << QStringList {u"--format"_s, u"openapi"_s}
        << u"p.json: neither “openapi” nor “swagger” is at the top"_s;
    QTest::newRow("Insomnia v3") << u"old.yaml"_s
                                 << QByteArray("_type: export\n__export_format: 3\nresources: []\n")
                                 << QStringList()
                                 << u"old.yaml: __export_format: Insomnia export format 3 is not supported"_s;
    QTest::newRow("Insomnia resource of a wrong type")
        << u"bad.json"_s << QByteArray(R"({"_type": "export", "__export_format": 4, "resources": [7]})")
        << QStringList() << u"bad.json: resources[0]: a resource is an object"_s;
    QTest::newRow("neither") << u"notes.txt"_s << QByteArray("hello") << QStringList()
                             << u"cannot tell the format of"_s;
}

void TestCliImport::badInputImportsNothing()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString path = write(file, content);
    const QString out = m_dir->filePath(u"ws"_s);
    const CliResult result = runCli(QStringList {u"import"_s, path, u"--out"_s, out} + options);
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliImport::partialOnlyWhenAsked_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("requests");
    QTest::newRow("HAR with a bad entry")
        << u"s.har"_s
        << QByteArray(
               R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/a"}}, {"request": {"method": "GET"}}, {"request": {"method": "POST", "url": "http://x/c"}}]}})")
        << u"log.entries[1].request.url: missing"_s << 2;
    QTest::newRow("Postman with a bad item")
        << u"p.json"_s
        << QByteArray(
               R"({"info": {"name": "P", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"request": "http://x/a"}, {"request": 5}]})")
        << u"item[1].request: the request is neither a URL nor an object"_s << 1;
    QTest::newRow("Insomnia with a bad resource")
        << u"i.yaml"_s
        << QByteArray(
               "_type: export\n__export_format: 4\nresources:\n  - {_id: w, _type: workspace, name: W}\n"
               "  - 3\n  - {_id: r, _type: request, parentId: w, name: A, method: GET, url: 'http://x/a'}\n")
        << u"resources[1]: a resource is an object"_s << 1;
    QTest::newRow("OpenAPI with a cyclic $ref")
        << u"o.yaml"_s
        << QByteArray("openapi: 3.0.0\ninfo: {title: O, version: '1'}\npaths:\n  /a: {$ref: '#/paths/~1a'}\n"
                      "  /b:\n    get: {summary: B}\n")
        << u"paths./a: cyclic $ref: #/paths/~1a → #/paths/~1a"_s << 1;
}

void TestCliImport::partialOnlyWhenAsked()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QFETCH(int, requests);
    const QString path = write(file, content);
    const QString out = m_dir->filePath(u"ws"_s);

    // Without --partial: it fails as any bad input does, says what was read and writes nothing.
    CliResult result = runCli({u"import"_s, path, u"--out"_s, out});
    QCOMPARE(result.exitCode, 5);
    const QString refused = QString::fromUtf8(result.err);
    QVERIFY2(refused.contains(path + u": "_s + problem), result.err.constData());
    QVERIFY2(
        refused.contains(u"%1 requests were read around the problem: --partial imports them"_s.arg(requests)),
        result.err.constData());
    QVERIFY(!QFileInfo::exists(out));

    // With it: the requests that were read are written, the problem is a warning.
    result = runCli({u"import"_s, path, u"--out"_s, out, u"--partial"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(
        QString::fromUtf8(result.err)
            .contains(
                u"sonde-cli import: warning: %1: %2; only the %3 requests that were read are imported"_s.arg(
                    path, problem, QString::number(requests))),
        result.err.constData());
    QCOMPARE(QString::fromUtf8(result.err).count(problem), 1);
    const Sonde::LoadedWorkspace loaded = Sonde::WorkspaceStore::load(out);
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.workspace.collections.size(), 1);
    qsizetype written = loaded.workspace.collections.first().requests.size();
    for (const Sonde::Folder &folder : loaded.workspace.collections.first().folders)
        written += folder.requests.size();
    QCOMPARE(written, requests);
}

void TestCliImport::partialPrintsTheProblemAmongWarnings()
{
    const QString path = write(u"s.har"_s,
        R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/a"}}, {"request": {"method": "GET"}}]}})");
    CliResult result = runCli({u"import"_s, path, u"--partial"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"requests"_s).toArray().size(), 1);
    QCOMPARE(json.value(u"warnings"_s).toArray().at(0).toObject().value(u"where"_s).toString(),
        u"log.entries[1].request.url"_s);
    QVERIFY(result.err.contains("warning: "));

    // Nothing read (a syntax error): --partial does not make it a success.
    result = runCli({u"import"_s, write(u"b.har"_s, "{\"log\": {"), u"--partial"_s});
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(result.err.contains("b.har: line 1, column 10: not valid JSON"), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

void TestCliImport::unknownFormat()
{
    const CliResult result = runCli({u"import"_s, write(u"c.json"_s, "{}"), u"--format"_s, u"wsdl"_s});
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err,
        QByteArray(
            "sonde-cli import: unknown format 'wsdl' (auto, curl, har, postman, insomnia or openapi)\n"));
}

void TestCliImport::importIntoWorkspace()
{
    const QString ws = m_dir->filePath(u"new/ws"_s);
    CliResult result = runCli({u"import"_s, write(u"cmds.sh"_s, Commands), u"--out"_s, ws});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(
        result.out, QByteArray("Imported 2 requests into the collection “cmds” in ") + ws.toUtf8() + '\n');
    QVERIFY(result.err.contains("warning: line 5, column 13: the file “photo.jpg” does not exist yet"));
    result = runCli({u"import"_s, write(u"session.har"_s, Har), u"--out"_s, ws, u"--name"_s, u"cmds"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.contains("the 1 recorded responses are not saved"));
    const Sonde::LoadedWorkspace loaded = Sonde::WorkspaceStore::load(ws);
    QVERIFY(loaded.ok);
    QVERIFY(loaded.problems.isEmpty());
    QCOMPARE(loaded.workspace.name, u"ws"_s);
    QCOMPARE(loaded.workspace.collections.size(), 2);
    const Sonde::Folder &curl = loaded.workspace.collections.at(0);
    QCOMPARE(curl.name, u"cmds"_s);
    QCOMPARE(curl.requests.size(), 2);
    QCOMPARE(curl.requests.at(0).name, u"POST /v1/items"_s);
    QCOMPARE(curl.requests.at(0).body.data, QByteArray("{\"name\": \"x\"}"));
    QCOMPARE(curl.requests.at(1).body.kind, Sonde::Body::Kind::Multipart);
    QCOMPARE(loaded.workspace.collections.at(1).name, u"cmds 2"_s);
    QCOMPARE(loaded.workspace.collections.at(1).requests.at(0).url, u"https://x.test/a?b=1"_s);
}

void TestCliImport::refusesAFolderThatIsNotAWorkspace()
{
    write(u"other.txt"_s, "mine");
    const CliResult result = runCli({u"import"_s, write(u"cmds.sh"_s, Commands), u"--out"_s, m_dir->path()});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains("is not a Sonde workspace"), result.err.constData());
}

void TestCliImport::exportCurlImportsBackTheSame()
{
    const QString ws = m_dir->filePath(u"ws"_s);
    const QString commands = write(u"cmds.sh"_s, Commands);
    QCOMPARE(runCli({u"import"_s, commands, u"--out"_s, ws}).exitCode, 0);
    const CliResult exported
        = runCli({u"export"_s, u"--workspace"_s, ws, u"--format"_s, u"curl"_s, u"--multiline"_s});
    QCOMPARE(exported.exitCode, 0);
    QVERIFY2(exported.out.startsWith(
                 "# cmds/POST /v1/items\ncurl 'https://api.example.com/v1/items?draft=1' \\\n"),
        exported.out.constData());
    const CliResult again = runCli({u"import"_s, write(u"exported.sh"_s, exported.out)});
    const CliResult first = runCli({u"import"_s, commands});
    QCOMPARE(again.exitCode, 0);
    const QJsonArray back = QJsonDocument::fromJson(again.out).object().value(u"requests"_s).toArray();
    const QJsonArray original = QJsonDocument::fromJson(first.out).object().value(u"requests"_s).toArray();
    QCOMPARE(back, original);

    const CliResult one
        = runCli({u"export"_s, u"--workspace"_s, ws, u"cmds/POST /up"_s, u"--format"_s, u"curl"_s});
    QCOMPARE(one.exitCode, 0);
    QCOMPARE(one.out,
        "# cmds/POST /up\ncurl https://x.test/up -F a=1 -F 'f=@" + m_dir->filePath(u"photo.jpg"_s).toUtf8()
            + ";type=image/jpeg' -L\n");
    const CliResult missing
        = runCli({u"export"_s, u"--workspace"_s, ws, u"cmds/nothing"_s, u"--format"_s, u"curl"_s});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err, QByteArray("sonde-cli export: nothing named “nothing” in cmds\n"));
}

void TestCliImport::exportHar()
{
    const QString ws = m_dir->filePath(u"ws"_s);
    QCOMPARE(runCli({u"import"_s, write(u"cmds.sh"_s, Commands), u"--out"_s, ws}).exitCode, 0);
    const CliResult exported
        = runCli({u"export"_s, u"--workspace"_s, ws, u"cmds"_s, u"--format"_s, u"har"_s});
    QCOMPARE(exported.exitCode, 0);
    const QJsonObject log = QJsonDocument::fromJson(exported.out).object().value(u"log"_s).toObject();
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value(u"response"_s).toObject().value(u"status"_s).toInt(), 0);
    QCOMPARE(entries.at(0)
                 .toObject()
                 .value(u"request"_s)
                 .toObject()
                 .value(u"postData"_s)
                 .toObject()
                 .value(u"text"_s)
                 .toString(),
        u"{\"name\": \"x\"}"_s);
    // The HAR reads back in.
    const CliResult back = runCli({u"import"_s, write(u"back.har"_s, exported.out)});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(back.out).object().value(u"requests"_s).toArray().size(), 2);
    QCOMPARE(runCli({u"export"_s, u"--workspace"_s, ws, u"--format"_s, u"yaml"_s}).exitCode, 2);
}

void TestCliImport::postmanRoundTrip()
{
    const QByteArray collection = R"({"info": {"name": "Shop",
        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "auth": {"type": "basic", "basic": [{"key": "username", "value": "me"}, {"key": "password", "value": "{{pw}}"}]},
      "variable": [{"key": "base", "value": "https://x.test"}],
      "item": [{"name": "Orders", "item": [
        {"name": "List", "request": {"method": "GET", "url": "{{base}}/orders?page=1"}},
        {"name": "Create", "request": {"method": "POST", "auth": {"type": "noauth"},
          "body": {"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}},
          "url": "{{base}}/orders"}}]}]})";
    const QString file = write(u"shop.postman_collection.json"_s, collection);
    const CliResult printed = runCli({u"import"_s, file});
    QCOMPARE(printed.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(printed.out).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"postman"_s);
    QCOMPARE(json.value(u"name"_s).toString(), u"Shop"_s);
    QCOMPARE(json.value(u"auth"_s).toObject().value(u"type"_s).toString(), u"basic"_s);

    const QString ws = m_dir->filePath(u"ws"_s);
    const CliResult saved = runCli({u"import"_s, file, u"--out"_s, ws});
    QCOMPARE(saved.exitCode, 0);
    QCOMPARE(
        saved.out, QByteArray("Imported 2 requests into the collection “Shop” in ") + ws.toUtf8() + '\n');
    const CliResult exported = runCli({u"export"_s, u"--workspace"_s, ws, u"--format"_s, u"postman"_s});
    QCOMPARE(exported.exitCode, 0);
    const CliResult back = runCli({u"import"_s, write(u"back.json"_s, exported.out)});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(back.out).object(), json);
    // The curl export sends what the request inherits from the collection.
    const CliResult curl
        = runCli({u"export"_s, u"--workspace"_s, ws, u"Shop/Orders/List"_s, u"--format"_s, u"curl"_s});
    QCOMPARE(curl.out, QByteArray("# Shop/Orders/List\ncurl '{{base}}/orders?page=1' -u 'me:{{pw}}' -L\n"));
    const CliResult missing
        = runCli({u"export"_s, u"--workspace"_s, ws, u"Nope"_s, u"--format"_s, u"postman"_s});
    QCOMPARE(missing.exitCode, 1);
}

void TestCliImport::postmanEnvironmentIntoWorkspace()
{
    const QString ws = m_dir->filePath(u"ws"_s);
    const QByteArray environment = R"({"name": "Staging", "_postman_variable_scope": "environment",
        "values": [{"key": "base", "value": "https://staging.test", "enabled": true},
                   {"key": "token", "value": "t0k", "type": "secret", "enabled": true}]})";
    const CliResult result = runCli({u"import"_s, write(u"staging.json"_s, environment), u"--out"_s, ws});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("Imported the environment “Staging” into ") + ws.toUtf8() + '\n');
    QVERIFY2(result.err.contains("the values of 1 secret variables are not written"), result.err.constData());
    const Sonde::LoadedWorkspace loaded = Sonde::WorkspaceStore::load(ws);
    QVERIFY(loaded.ok);
    QVERIFY(loaded.workspace.collections.isEmpty());
    QCOMPARE(loaded.workspace.environments.size(), 1);
    QCOMPARE(loaded.workspace.environments.first().name, u"Staging"_s);
    QCOMPARE(loaded.workspace.environments.first().variables.at(0).value, u"https://staging.test"_s);
    QVERIFY(loaded.workspace.environments.first().variables.at(1).secret);
}

void TestCliImport::autoDetects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("requests");
    const QByteArray spec
        = "openapi: 3.1.0\ninfo: {title: Pets, version: '1'}\nservers: [{url: 'https://pets.test'}]\n"
          "paths:\n  /pets: {get: {summary: List}, post: {summary: Add}}\n";
    QTest::newRow("OpenAPI YAML") << u"pets.yaml"_s << spec << u"openapi"_s << 2;
    QTest::newRow("OpenAPI YAML, .txt") << u"pets.txt"_s << spec << u"openapi"_s << 2;
    QTest::newRow("Swagger JSON")
        << u"pets.json"_s
        << QByteArray(R"({"swagger": "2.0", "info": {"title": "P", "version": "1"}, "host": "p.test",)"
                      R"( "paths": {"/a": {"get": {}}}})")
        << u"openapi"_s << 1;
    const QByteArray insomnia
        = "_type: export\n__export_format: 4\nresources:\n"
          "  - {_id: wrk_1, _type: workspace, name: W}\n"
          "  - {_id: req_1, _type: request, parentId: wrk_1, name: A, method: GET, url: 'https://w.test/'}\n";
    QTest::newRow("Insomnia YAML") << u"export.yaml"_s << insomnia << u"insomnia"_s << 1;
    QTest::newRow("Insomnia JSON")
        << u"export.json"_s
        << QByteArray(
               R"({"_type": "export", "__export_format": 4, "resources": [{"_id": "wrk_1", "_type": "workspace", "name": "W"},)"
               R"( {"_id": "req_1", "_type": "request", "parentId": "wrk_1", "method": "GET", "url": "https://w.test/"}]})")
        << u"insomnia"_s << 1;
}

void TestCliImport::autoDetects()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(int, requests);
    for (const bool fromStdin : {false, true}) {
        const CliResult result = fromStdin ? runCli({u"import"_s, u"-"_s}, content)
                                           : runCli({u"import"_s, write(file, content)});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json.value(u"format"_s).toString(), format);
        qsizetype count = json.value(u"requests"_s).toArray().size();
        for (const QJsonValue &folder : json.value(u"folders"_s).toArray())
            count += folder.toObject().value(u"requests"_s).toArray().size();
        QCOMPARE(count, requests);
    }
}

void TestCliImport::openApiFollowsReferencesBesideTheFile()
{
    write(u"schemas.yaml"_s, "Pet: {type: object, properties: {name: {type: string, example: Rex}}}\n");
    const QString spec = write(u"api.yaml"_s,
        "openapi: 3.0.0\ninfo: {title: Pets, version: '1'}\nservers: [{url: "
        "'https://pets.test/v1'}]\npaths:\n"
        "  /pets/{id}:\n    put:\n      tags: [pets]\n      parameters: [{name: id, in: path, required: "
        "true, example: 7}]\n"
        "      requestBody: {content: {application/json: {schema: {$ref: 'schemas.yaml#/Pet'}}}}\n");
    const CliResult result = runCli({u"import"_s, spec});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"name"_s).toString(), u"Pets"_s);
    QCOMPARE(json.value(u"variables"_s).toArray().at(0).toObject(),
        (QJsonObject {{u"name"_s, u"baseUrl"_s}, {u"value"_s, u"https://pets.test/v1"_s}}));
    const QJsonObject folder = json.value(u"folders"_s).toArray().at(0).toObject();
    QCOMPARE(folder.value(u"name"_s).toString(), u"pets"_s);
    const QJsonObject request = folder.value(u"requests"_s).toArray().at(0).toObject();
    QCOMPARE(request.value(u"url"_s).toString(), u"{{baseUrl}}/pets/:id"_s);
    QCOMPARE(request.value(u"pathParams"_s).toArray().at(0).toObject(),
        (QJsonObject {{u"name"_s, u"id"_s}, {u"value"_s, u"7"_s}}));
    QCOMPARE(
        request.value(u"body"_s).toObject().value(u"text"_s).toString(), u"{\n    \"name\": \"Rex\"\n}"_s);
}

void TestCliImport::openApiIntoWorkspace()
{
    const QString spec = write(u"api.yaml"_s,
        "openapi: 3.0.0\ninfo: {title: Shop, version: '1'}\nservers: [{url: 'https://shop.test'}]\n"
        "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\nsecurity: [{key: "
        "[]}]\n"
        "paths:\n  /a: {get: {tags: [x]}}\n  /b: {post: {tags: [y]}}\n  /c: {delete: {}}\n");
    const QString ws = m_dir->filePath(u"ws"_s);
    const CliResult result = runCli({u"import"_s, spec, u"--out"_s, ws});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(
        result.out, QByteArray("Imported 3 requests into the collection “Shop” in ") + ws.toUtf8() + '\n');
    // The API key is a secret variable: its (empty) value is not written, as with any secret.
    const Sonde::LoadedWorkspace loaded = Sonde::WorkspaceStore::load(ws);
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.workspace.collections.size(), 1);
    const Sonde::Folder &collection = loaded.workspace.collections.first();
    QCOMPARE(collection.folders.size(), 2);
    QCOMPARE(collection.requests.size(), 1);
    QCOMPARE(collection.requests.first().url, u"{{baseUrl}}/c"_s);
    QCOMPARE(collection.auth.type, Sonde::AuthConfig::Type::ApiKey);
    QCOMPARE(collection.auth.apiKey.value, u"{{key}}"_s);
    QCOMPARE(collection.variables.first().name, u"baseUrl"_s);
}

void TestCliImport::insomniaIntoWorkspace()
{
    const QString file = write(u"export.yaml"_s,
        "_type: export\n__export_format: 4\nresources:\n"
        "  - {_id: wrk_1, _type: workspace, name: Team}\n"
        "  - {_id: env_1, _type: environment, parentId: wrk_1, name: Base, data: {url: 'https://t.test'}}\n"
        "  - {_id: env_2, _type: environment, parentId: env_1, name: Staging, data: {url: "
        "'https://s.t.test'}}\n"
        "  - {_id: fld_1, _type: request_group, parentId: wrk_1, name: Users}\n"
        "  - {_id: req_1, _type: request, parentId: fld_1, name: List, method: GET, url: '{{ _.url "
        "}}/users'}\n"
        "  - {_id: jar_1, _type: cookie_jar, parentId: wrk_1, name: Jar}\n");
    const QString ws = m_dir->filePath(u"ws"_s);
    const CliResult result = runCli({u"import"_s, file, u"--out"_s, ws});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
        QByteArray("Imported 1 requests into the collection “Team” in ") + ws.toUtf8()
            + "\nImported the environment “Staging” into " + ws.toUtf8() + '\n');
    QVERIFY2(result.err.contains("warning: resources[5]: 1 cookie jar is left out"), result.err.constData());
    const Sonde::LoadedWorkspace loaded = Sonde::WorkspaceStore::load(ws);
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.workspace.collections.first().folders.first().requests.first().url, u"{{url}}/users"_s);
    QCOMPARE(loaded.workspace.environments.size(), 1);
    QCOMPARE(loaded.workspace.environments.first().variables.first().value, u"https://s.t.test"_s);
}

void TestCliImport::help()
{
    const CliResult result = runCli({u"import"_s, u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("insomnia or openapi"));
    const CliResult usage = runCli({u"--help"_s});
    QVERIFY(usage.out.contains("import FILE"));
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cliimport.moc"
