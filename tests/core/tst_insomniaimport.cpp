// InsomniaImport: Insomnia v4 exports (JSON and YAML) → the model. Golden files
// (tests/data/insomnia/X.yaml → X.expected.json, the `sonde-cli import` JSON of the import) pin every
// field; `SONDE_REGENERATE=1 tst_insomniaimport golden` rewrites them.
#include "Golden.h"
#include "PartialImport.h"
#include "formats/ImportJson.h"
#include "formats/InsomniaImport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/insomnia/") + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray toJson(const ImportResult &result)
{
    return QJsonDocument(ImportJson::toJson(result)).toJson(QJsonDocument::Indented);
}

const QByteArray Header = "_type: export\n__export_format: 4\n";

} // namespace

class TestInsomniaImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void jsonAndYamlAgree();
    void detect_data();
    void detect();
    void errors_data();
    void errors();
    void partial_data();
    void partial();
    void templates_data();
    void templates();
    void severalWorkspacesBecomeFolders();
    void requestWithoutParentGoesAtTheTop();
};

void TestInsomniaImport::golden_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("features-v4") << u"features-v4"_s;
}

void TestInsomniaImport::golden()
{
    QFETCH(QString, file);
    const ImportResult result = InsomniaImport::parse(readData(file + u".yaml"_s), u"fallback"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const QByteArray json = toJson(result);
    SONDE_COMPARE_GOLDEN(json, dataPath(file + u".expected.json"_s));
}

void TestInsomniaImport::jsonAndYamlAgree()
{
    const ImportResult yaml = InsomniaImport::parse(readData(u"features-v4.yaml"_s));
    const ImportResult json = InsomniaImport::parse(readData(u"features-v4.json"_s));
    QVERIFY2(json.ok(), qPrintable(json.error.toString()));
    QCOMPARE(toJson(json), toJson(yaml));
}

void TestInsomniaImport::detect_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("insomnia");
    QTest::newRow("YAML") << readData(u"features-v4.yaml"_s) << true;
    QTest::newRow("JSON") << readData(u"features-v4.json"_s) << true;
    QTest::newRow("YAML flow style") << QByteArray("{_type: export, __export_format: 4, resources: []}")
                                     << true;
    QTest::newRow("v3 (refused later)") << QByteArray(R"({"_type": "export", "__export_format": 3})") << true;
    QTest::newRow("no format") << QByteArray("_type: export\n") << false;
    QTest::newRow("OpenAPI") << QByteArray("openapi: 3.0.0\n") << false;
    QTest::newRow("Postman") << QByteArray(R"({"info": {"name": "n"}, "item": []})") << false;
}

void TestInsomniaImport::detect()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, insomnia);
    QCOMPARE(InsomniaImport::looksLikeInsomnia(data), insomnia);
}

void TestInsomniaImport::errors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray("\n") << u"the file is empty"_s;
    QTest::newRow("not an export") << QByteArray("abc: 123\n")
                                   << u"this is not an Insomnia export (no “_type: export” at the top)"_s;
    QTest::newRow("no version") << QByteArray("_type: export\nresources: []\n")
                                << u"__export_format: missing: the export does not say its version"_s;
    QTest::newRow("v3")
        << QByteArray("_type: export\n__export_format: 3\nresources: []\n")
        << u"__export_format: Insomnia export format 3 is not supported; export as v4 (Insomnia v4 JSON or YAML) from Insomnia"_s;
    QTest::newRow("resources not a list")
        << QByteArray(Header + "resources: {}\n") << u"resources: must be a list of resources"_s;
    QTest::newRow("resource not an object")
        << QByteArray(Header + "resources: [{_id: a, _type: workspace}, 3]\n")
        << u"resources[1]: a resource is an object"_s;
    QTest::newRow("no type") << QByteArray(Header + "resources: [{_id: a}]\n")
                             << u"resources[0]: a resource without “_type”"_s;
    QTest::newRow("no id") << QByteArray(Header + "resources: [{_type: request}]\n")
                           << u"resources[0]._id: missing: every resource has an id"_s;
    QTest::newRow("duplicate key")
        << QByteArray("duplicateKey: 123\nduplicateKey: 123\n")
        << u"line 2, column 1: the key “duplicateKey” appears twice in the document"_s;
    QTest::newRow("YAML syntax") << QByteArray(Header + "resources: [\n")
                                 << u"line 4, column 1: not valid YAML: end of sequence flow not found"_s;
    QTest::newRow("JSON syntax") << QByteArray("{\"_type\": \"export\",}")
                                 << u"line 1, column 21: not valid JSON: object is missing after a comma"_s;
}

void TestInsomniaImport::errors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const ImportResult result = InsomniaImport::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(), error);
    QCOMPARE(result.requestCount(), 0);
    QCOMPARE(result.format, u"insomnia"_s);
}

void TestInsomniaImport::templates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("unknown");
    QTest::newRow("underscore") << u"{{ _.base_url }}/x"_s << u"{{base_url}}/x"_s << QString();
    QTest::newRow("old style") << u"{{host}}:{{ port }}"_s << u"{{host}}:{{port}}"_s << QString();
    QTest::newRow("nested") << u"{{ _.a.b }}"_s << u"{{a.b}}"_s << QString();
    QTest::newRow("uuid") << u"{% uuid 'v4' %}"_s << u"{{$uuid}}"_s << QString();
    QTest::newRow("now iso") << u"{% now 'iso-8601', '' %}"_s << u"{{$isoTimestamp}}"_s << QString();
    QTest::newRow("now millis") << u"{% now 'millis' %}"_s << u"{{$timestamp}}"_s << QString();
    QTest::newRow("other tag") << u"a {% base64 'encode', 'normal', 'x' %} b"_s
                               << u"a {% base64 'encode', 'normal', 'x' %} b"_s
                               << u"base64 'encode', 'normal', 'x'"_s;
    QTest::newRow("no template") << u"plain text"_s << u"plain text"_s << QString();
}

void TestInsomniaImport::templates()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QFETCH(QString, unknown);
    QString tag;
    QCOMPARE(InsomniaImport::convertTemplate(input, &tag), output);
    QCOMPARE(tag, unknown);
}

void TestInsomniaImport::severalWorkspacesBecomeFolders()
{
    const ImportResult result = InsomniaImport::parse(Header
            + "resources:\n"
              "  - {_id: wrk_a, _type: workspace, name: A}\n"
              "  - {_id: wrk_b, _type: workspace, name: B}\n"
              "  - {_id: req_1, _type: request, parentId: wrk_b, name: one, method: GET, url: "
              "'https://b/'}\n",
        u"export"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.name, u"export"_s);
    QCOMPARE(result.collection.folders.size(), 2);
    QCOMPARE(result.collection.folders.at(0).name, u"A"_s);
    QCOMPARE(result.collection.folders.at(1).requests.size(), 1);
    QCOMPARE(result.collection.folders.at(1).requests.first().url, u"https://b/"_s);
}

void TestInsomniaImport::requestWithoutParentGoesAtTheTop()
{
    const ImportResult result = InsomniaImport::parse(Header
        + "resources:\n"
          "  - {_id: wrk_a, _type: workspace, name: A}\n"
          "  - {_id: req_1, _type: request, parentId: fld_gone, name: one, method: post, url: "
          "'https://a/'}\n");
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.size(), 1);
    QCOMPARE(result.collection.requests.first().method, u"POST"_s);
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().toString(),
        u"resources[1].parentId: the parent “fld_gone” is not in the export: the request goes at the top of the collection"_s);
}

void TestInsomniaImport::partial_data()
{
    // A bad resource is left out; the others are read, and the first problem is the error.
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("requests");
    const QByteArray workspace = "  - {_id: w, _type: workspace, name: W}\n";
    QTest::newRow("resource not an object") << QByteArray(Header + "resources:\n" + workspace
        + "  - {_id: r1, _type: request, parentId: w, name: A, method: GET, url: 'http://x/a'}\n  - 3\n"
          "  - {_id: r2, _type: request, parentId: w, name: B, method: POST, url: 'http://x/b'}\n")
                                            << u"resources[2]: a resource is an object"_s
                                            << QStringList {u"GET http://x/a"_s, u"POST http://x/b"_s};
    QTest::newRow("folder without id: its requests go at the top")
        << QByteArray(Header + "resources:\n" + workspace
               + "  - {_type: request_group, parentId: w, name: F}\n"
                 "  - {_id: r1, _type: request, parentId: w, name: A, method: GET, url: 'http://x/a'}\n")
        << u"resources[1]._id: missing: every resource has an id"_s << QStringList {u"GET http://x/a"_s};
    QTest::newRow("only a bad resource") << QByteArray(Header + "resources: [{_id: a}]\n")
                                         << u"resources[0]: a resource without “_type”"_s << QStringList();
}

void TestInsomniaImport::partial()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QFETCH(QStringList, requests);
    const ImportResult result = InsomniaImport::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(), error);
    QCOMPARE(requestLines(result.collection), requests);
    QCOMPARE(result.requestCount(), requests.size());
    QCOMPARE(result.hasPartial(), !requests.isEmpty());
    // Accepted, the problem is the first warning and the import is whole again.
    const ImportResult accepted = result.acceptedPartial();
    QVERIFY(accepted.ok());
    QCOMPARE(accepted.warnings.constFirst().toString(), error);
    QCOMPARE(accepted.requestCount(), requests.size());
}

QTEST_GUILESS_MAIN(TestInsomniaImport)
#include "tst_insomniaimport.moc"
