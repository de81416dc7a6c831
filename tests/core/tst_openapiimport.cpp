// OpenApiImport: OpenAPI 3.0, 3.1 and Swagger 2.0 documents → the model. Golden files
// (tests/data/openapi/X → X.expected.json, the `sonde-cli import` JSON of the import) pin every
// field; `SONDE_REGENERATE=1 tst_openapiimport golden` rewrites them.
#include "Golden.h"
#include "PartialImport.h"
#include "formats/ImportJson.h"
#include "formats/OpenApiImport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/openapi/") + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ImportResult importFile(const QString &name)
{
    return OpenApiImport::parse(
        readData(name), {QStringLiteral(SONDE_TEST_DATA_DIR "/openapi"), u"fallback"_s});
}

QByteArray toJson(const ImportResult &result)
{
    return QJsonDocument(ImportJson::toJson(result)).toJson(QJsonDocument::Indented);
}

} // namespace

class TestOpenApiImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void detect_data();
    void detect();
    void errors_data();
    void errors();
    void partial_data();
    void partial();
    void jsonAndYamlAgree();
    void recursiveSchemaStops();
    void referenceToAnotherFileNeedsAFolder();
    void missingFileIsNamed();
};

void TestOpenApiImport::golden_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : {"features-3.0.yaml", "features-3.1.yaml", "swagger-2.0.json"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestOpenApiImport::golden()
{
    QFETCH(QString, file);
    const ImportResult result = importFile(file);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const QByteArray json = toJson(result);
    SONDE_COMPARE_GOLDEN(json, dataPath(file.section(u'.', 0, -2) + u".expected.json"_s));
}

void TestOpenApiImport::detect_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("openapi");
    QTest::newRow("YAML 3.0") << readData(u"features-3.0.yaml"_s) << true;
    QTest::newRow("JSON Swagger 2") << readData(u"swagger-2.0.json"_s) << true;
    QTest::newRow("quoted YAML key") << QByteArray("# spec\n'openapi': '3.1.0'\n") << true;
    QTest::newRow("JSON with BOM") << QByteArray("\xEF\xBB\xBF{\"openapi\": \"3.0.0\"}") << true;
    QTest::newRow("indented key") << QByteArray("info:\n  openapi: 3\n") << false;
    QTest::newRow("Postman") << QByteArray(R"({"info": {"name": "n"}, "item": []})") << false;
    QTest::newRow("curl") << QByteArray("curl https://example.com") << false;
}

void TestOpenApiImport::detect()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, openapi);
    QCOMPARE(OpenApiImport::looksLikeOpenApi(data), openapi);
}

void TestOpenApiImport::errors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    const QByteArray info = "info: {title: T, version: '1'}\n";
    QTest::newRow("empty") << QByteArray("") << u"the document is empty"_s;
    QTest::newRow("not an object") << QByteArray("- a\n- b\n")
                                   << u"an OpenAPI document is an object, not a list"_s;
    QTest::newRow("neither")
        << QByteArray("info: {title: T}\n")
        << u"neither “openapi” nor “swagger” is at the top: this is not an OpenAPI or Swagger document"_s;
    QTest::newRow("YAML syntax") << QByteArray("openapi: 3.0.0\ninfo:\n  title: [T\n")
                                 << u"line 4, column 1: not valid YAML: end of sequence flow not found"_s;
    QTest::newRow("JSON syntax") << QByteArray("{\"openapi\": \"3.0.0\",\n \"info\": }")
                                 << u"line 2, column 11: not valid JSON: object is missing after a comma"_s;
    QTest::newRow("duplicate key") << QByteArray("openapi: 3.0.0\n" + info + "paths: {}\ninfo: {}\n")
                                   << u"line 4, column 1: the key “info” appears twice in the document"_s;
    QTest::newRow("Swagger 3")
        << QByteArray("swagger: '3.0'\n" + info + "paths: {}\n")
        << u"swagger: Swagger “3.0” is not a version Sonde reads (2.0; OpenAPI 3 documents say “openapi”)"_s;
    QTest::newRow("OpenAPI 4") << QByteArray("openapi: 4.0.0\n" + info + "paths: {}\n")
                               << u"openapi: OpenAPI “4.0.0” is not a version Sonde reads (3.0, 3.1, 3.2)"_s;
    QTest::newRow("no info")
        << QByteArray("openapi: 3.0.0\npaths: {}\n")
        << u"info: missing: every document has an info object with a title and a version"_s;
    QTest::newRow("null title") << QByteArray(
        "openapi: 3.0.0\ninfo: {title: null, version: '1'}\npaths: {}\n")
                                << u"info.title: must be text, not null"_s;
    QTest::newRow("no version") << QByteArray("openapi: 3.0.0\ninfo: {title: T}\npaths: {}\n")
                                << u"info.version: missing"_s;
    QTest::newRow("no paths in 3.0") << QByteArray("openapi: 3.0.0\n" + info)
                                     << u"paths: missing: the document describes no operation"_s;
    QTest::newRow("nothing in 3.1") << QByteArray("openapi: 3.1.0\n"
        + info) << u"an OpenAPI 3.1 document holds at least one of paths, components and webhooks"_s;
    QTest::newRow("servers object") << QByteArray(
        "openapi: 3.1.0\n" + info + "paths: {}\nservers: {url: /v1}\n")
                                    << u"servers: must be a list of servers, not an object"_s;
    QTest::newRow("empty enum")
        << QByteArray("openapi: 3.1.0\n" + info
               + "paths: {}\nservers:\n  - url: https://x/{v}\n    variables: {v: {default: a, enum: []}}\n")
        << u"servers[0].variables.v.enum: a server variable's enum must not be empty"_s;
    QTest::newRow("schema of a wrong type")
        << QByteArray("openapi: 3.1.0\n" + info + "components: {schemas: {Bad: 0}}\n")
        << u"components.schemas.Bad: a schema is an object or a boolean, not a number"_s;
    QTest::newRow("cyclic path items") << QByteArray(
        "openapi: 3.0.0\n" + info + "paths:\n  /a: {$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n")
                                       << u"paths./a: cyclic $ref: #/paths/~1b → #/paths/~1a → #/paths/~1b"_s;
    QTest::newRow("dangling path item")
        << QByteArray("openapi: 3.0.0\n" + info + "paths:\n  /a: {$ref: '#/components/pathItems/A'}\n")
        << u"paths./a: the reference “#/components/pathItems/A” names nothing"_s;
}

void TestOpenApiImport::errors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const ImportResult result = OpenApiImport::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(), error);
    QCOMPARE(result.requestCount(), 0);
    QCOMPARE(result.format, u"openapi"_s);
}

void TestOpenApiImport::jsonAndYamlAgree()
{
    // The same document as YAML and as JSON gives the same collection.
    const ImportResult fromJson = importFile(u"swagger-2.0.json"_s);
    const ImportResult fromYaml = importFile(u"swagger-2.0.yaml"_s);
    QVERIFY2(fromYaml.ok(), qPrintable(fromYaml.error.toString()));
    QCOMPARE(toJson(fromYaml), toJson(fromJson));
}

void TestOpenApiImport::recursiveSchemaStops()
{
    const QByteArray spec = "openapi: 3.0.0\ninfo: {title: T, version: '1'}\nservers: [{url: "
                            "'http://x'}]\npaths:\n  /nodes:\n    post:\n"
                            "      requestBody:\n        content:\n          application/json:\n"
                            "            schema: {$ref: '#/components/schemas/Node'}\n"
                            "components:\n  schemas:\n    Node:\n      type: object\n      properties:\n"
                            "        name: {type: string}\n        children: {type: array, items: {$ref: "
                            "'#/components/schemas/Node'}}\n";
    const ImportResult result = OpenApiImport::parse(spec);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(result.collection.requests.first().body.data).object();
    QCOMPARE(body.value(u"name"_s).toString(), u"string"_s);
    QCOMPARE(body.value(u"children"_s).toArray().size(), 0);
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.constLast().toString(),
        u"#/components/schemas/Node/properties/children/items: the schema #/components/schemas/Node contains "
        "itself: the example stops where it comes back"_s);
}

void TestOpenApiImport::referenceToAnotherFileNeedsAFolder()
{
    // Read from stdin, a document has no folder: a reference to another file cannot be followed.
    const ImportResult result = OpenApiImport::parse(
        "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {$ref: 'paths.yaml#/a'}\n");
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(),
        u"paths./a: the reference “paths.yaml#/a” names another file, and the document has no folder to find it in"_s);
}

void TestOpenApiImport::missingFileIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ImportResult result = OpenApiImport::parse(
        "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {$ref: 'gone.yaml'}\n",
        {dir.path(), {}});
    QVERIFY(!result.ok());
    QCOMPARE(result.error.where, u"paths./a"_s);
    QVERIFY2(result.error.message.startsWith(u"the reference “gone.yaml” cannot be followed: cannot read "_s),
        qPrintable(result.error.message));
}

void TestOpenApiImport::partial_data()
{
    // An operation (or path item) that cannot be read is left out; the others are read, and the
    // first problem is the error.
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("requests");
    const QByteArray head
        = "openapi: 3.0.0\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://api.test'}]\n";
    // (A cyclic reference in a parameter list only leaves out the parameter, with a warning.)
    QTest::newRow("cyclic request body $ref")
        << QByteArray(head
               + "paths:\n  /a:\n    post:\n      requestBody: {$ref: '#/components/requestBodies/P'}\n"
                 "  /b:\n    get: {summary: B}\n    post: {summary: C}\n"
                 "components:\n  requestBodies:\n    P: {$ref: '#/components/requestBodies/Q'}\n"
                 "    Q: {$ref: '#/components/requestBodies/P'}\n")
        << u"paths./a.post.requestBody: cyclic $ref: #/components/requestBodies/P → #/components/requestBodies/Q → #/components/requestBodies/P"_s
        << QStringList {u"GET {{baseUrl}}/b"_s, u"POST {{baseUrl}}/b"_s};
    QTest::newRow("dangling request body $ref")
        << QByteArray(head
               + "paths:\n  /a:\n    get: {summary: A}\n    put:\n      requestBody: {$ref: "
                 "'#/components/requestBodies/Gone'}\n")
        << u"paths./a.put.requestBody: the reference “#/components/requestBodies/Gone” names nothing"_s
        << QStringList {u"GET {{baseUrl}}/a"_s};
    QTest::newRow("cyclic path item among good ones")
        << QByteArray(head + "paths:\n  /a: {$ref: '#/paths/~1a'}\n  /b:\n    delete: {summary: D}\n")
        << u"paths./a: cyclic $ref: #/paths/~1a → #/paths/~1a"_s << QStringList {u"DELETE {{baseUrl}}/b"_s};
    QTest::newRow("parameter without a name")
        << QByteArray(
               head + "paths:\n  /a:\n    get:\n      parameters: [{in: query}]\n    head: {summary: H}\n")
        << u"paths./a.get.parameters[0]: a parameter has no name"_s << QStringList {u"HEAD {{baseUrl}}/a"_s};
}

void TestOpenApiImport::partial()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QFETCH(QStringList, requests);
    const ImportResult result = OpenApiImport::parse(data);
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

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "tst_openapiimport.moc"
