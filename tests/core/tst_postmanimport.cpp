// PostmanImport: Postman collections (v2.0, v2.1), environments and globals → the model. Golden files
// (tests/data/postman/X.json → X.expected.json, the `sonde-cli import` JSON of the import) pin every
// field; `SONDE_REGENERATE=1 tst_postmanimport golden` rewrites them.
#include "Golden.h"
#include "PartialImport.h"
#include "formats/ImportJson.h"
#include "formats/PostmanImport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/postman/") + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ImportResult importFile(const QString &name)
{
    return PostmanImport::parse(readData(name), u"fallback"_s);
}

} // namespace

class TestPostmanImport : public QObject
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
    void versionsAgree();
    void model();
    void scriptsAreKeptAsText();
};

void TestPostmanImport::golden_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : {"features-v2.1", "environment", "globals"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestPostmanImport::golden()
{
    QFETCH(QString, file);
    const ImportResult result = importFile(file + u".json"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const QByteArray json = QJsonDocument(ImportJson::toJson(result)).toJson(QJsonDocument::Indented);
    SONDE_COMPARE_GOLDEN(json, dataPath(file + u".expected.json"_s));
}

void TestPostmanImport::detect_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("kind");
    QTest::newRow("v2.1") << readData(u"features-v2.1.json"_s) << int(PostmanImport::FileKind::Collection);
    QTest::newRow("v2.0") << readData(u"features-v2.0.json"_s) << int(PostmanImport::FileKind::Collection);
    QTest::newRow("environment") << readData(u"environment.json"_s)
                                 << int(PostmanImport::FileKind::Environment);
    QTest::newRow("globals") << readData(u"globals.json"_s) << int(PostmanImport::FileKind::Globals);
    QTest::newRow("v1 by schema") << QByteArray(
        R"({"info": {"schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}})")
                                  << int(PostmanImport::FileKind::CollectionV1);
    QTest::newRow("v1 by shape") << QByteArray(R"({"id": "x", "name": "n", "order": [], "requests": []})")
                                 << int(PostmanImport::FileKind::CollectionV1);
    QTest::newRow("HAR") << QByteArray(R"({"log": {"entries": []}})")
                         << int(PostmanImport::FileKind::NotPostman);
    QTest::newRow("not JSON") << QByteArray("curl http://x/") << int(PostmanImport::FileKind::NotPostman);
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"info\": {\"name\": \"n\"}, \"item\": []}")
                                     << int(PostmanImport::FileKind::Collection);
}

void TestPostmanImport::detect()
{
    QFETCH(QByteArray, data);
    QFETCH(int, kind);
    QCOMPARE(int(PostmanImport::detect(data)), kind);
}

void TestPostmanImport::errors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::newRow("v1") << QByteArray(R"({"id": "x", "name": "n", "order": [], "requests": []})")
                        << u"Postman collection v1 is not supported; export it as v2.1 from Postman"_s;
    QTest::newRow("not JSON") << QByteArray("{") << u"not JSON: unterminated object at offset 1"_s;
    QTest::newRow("array") << QByteArray("[]") << u"a Postman file is a JSON object"_s;
    QTest::newRow("item not a list")
        << QByteArray(R"({"info": {"name": "n"}, "item": {}})")
        << u"this is not a Postman collection, environment or globals file (no info.schema, no values)"_s;
    const QByteArray schema
        = R"("info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"})";
    QTest::newRow("nested item not a list")
        << QByteArray("{" + schema + R"(, "item": [{"name": "f", "item": 3}]})")
        << u"item[0].item: “item” is not a list"_s;
    QTest::newRow("url of a wrong type")
        << QByteArray("{" + schema + R"(, "item": [{"item": [{}, {"request": {"url": 5}}]}]})")
        << u"item[0].item[1].request.url: the URL is neither text nor an object"_s;
    QTest::newRow("request of a wrong type")
        << QByteArray("{" + schema + R"(, "item": [{"request": []}]})")
        << u"item[0].request: the request is neither a URL nor an object"_s;
}

void TestPostmanImport::errors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const ImportResult result = PostmanImport::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(), error);
    QCOMPARE(result.requestCount(), 0);
}

void TestPostmanImport::versionsAgree()
{
    // v2.0 writes auth parameters as an object, v2.1 as a list: the same collection either way.
    const ImportResult v21 = importFile(u"features-v2.1.json"_s);
    const ImportResult v20 = importFile(u"features-v2.0.json"_s);
    QVERIFY(v21.ok() && v20.ok());
    QVERIFY(v21.collection == v20.collection);
    QCOMPARE(v20.warnings, v21.warnings);
}

void TestPostmanImport::model()
{
    const ImportResult result = importFile(u"features-v2.1.json"_s);
    QVERIFY(result.ok());
    const Folder &collection = result.collection;
    QCOMPARE(collection.name, u"Shop API"_s);
    QCOMPARE(collection.auth.type, AuthConfig::Type::Bearer);
    QCOMPARE(collection.variables.size(), 3);
    QVERIFY(collection.variables.at(1).secret);
    QVERIFY(!collection.variables.at(2).enabled);
    const Folder &orders = collection.folders.at(0);
    QCOMPARE(orders.auth.basic, (UserPassword {u"me"_s, u"{{pw}}"_s}));
    const Request &get = orders.requests.at(0);
    QCOMPARE(get.auth.type, AuthConfig::Type::Inherit);
    QCOMPARE(get.pathParams, (KeyValueList {{u"id"_s, u"42"_s, true}}));
    QCOMPARE(get.params, (KeyValueList {{u"expand"_s, u"items"_s, true}, {u"trace"_s, u"on"_s, false}}));
    QCOMPARE(get.headers.at(1).enabled, false);
    const Request &create = orders.folders.at(0).requests.at(0);
    QCOMPARE(create.auth.type, AuthConfig::Type::None);
    QCOMPARE(create.body.contentType, u"application/json"_s);
    QVERIFY(create.headers.isEmpty());
    QCOMPARE(result.examples.size(), 1);
    QCOMPARE(result.examples.first().location, (RequestLocation {{0}, 0}));
    QCOMPARE(result.examples.first().name, u"Found"_s);
    QCOMPARE(result.examples.first().exchange.response->statusCode, 200);
    QCOMPARE(result.examples.first().exchange.request.url, u"{{base}}/orders/42?expand=items"_s);
    const Request &upload = collection.requests.at(1);
    QCOMPARE(upload.body.parts.at(1).filePath, u"/home/me/photo.jpg"_s);
    QCOMPARE(upload.body.parts.at(1).contentType, u"image/jpeg"_s);
    QVERIFY(!upload.body.parts.at(2).enabled);
    QVERIFY(!upload.settings.followRedirects);
    QVERIFY(upload.settings.ignoreTlsErrors);
    QCOMPARE(collection.requests.at(2).body.contentType, u"image/png"_s);
    QCOMPARE(collection.requests.at(3).auth.oauth2.grant, OAuth2::Grant::ClientCredentials);
    QCOMPARE(collection.requests.last().url, u"https://example.com/ping"_s);
    QCOMPARE(collection.requests.last().name, u"Just a URL"_s);

    const ImportResult environment = importFile(u"environment.json"_s);
    QCOMPARE(environment.environments.size(), 1);
    QCOMPARE(
        environment.environments.first().variables.at(1), (Variable {u"token"_s, u"s3cr3t"_s, true, true}));
    QCOMPARE(
        environment.environments.first().variables.at(2), (Variable {u"retries"_s, u"3"_s, false, false}));
    QCOMPARE(environment.requestCount(), 0);
    const ImportResult globals = importFile(u"globals.json"_s);
    QCOMPARE(globals.globals.size(), 2);
    QVERIFY(globals.environments.isEmpty());
}

void TestPostmanImport::scriptsAreKeptAsText()
{
    const ImportResult result = importFile(u"features-v2.1.json"_s);
    const Request &get = result.collection.folders.at(0).requests.at(0);
    QVERIFY(get.description.startsWith(u"One order.\n\nPostman test script (not run by Sonde):"_s));
    QVERIFY(get.description.contains(u"pm.test('ok'"_s));
    QVERIFY(result.warnings.contains(ImportMessage {u"item[0].item[0].event[0]"_s,
        u"the Postman test script is kept as text in the description; Sonde does not run it"_s}));
}

void TestPostmanImport::partial_data()
{
    // A bad item is left out; its siblings (and a folder's good items) are read, and the first
    // problem is the error.
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("requests");
    const QByteArray schema
        = R"("info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"})";
    QTest::newRow("item not an object")
        << QByteArray("{" + schema + R"(, "item": [{"request": "http://x/"}, 2]})")
        << u"item[1]: an item is not an object"_s << QStringList {u"GET http://x/"_s};
    QTest::newRow("bad request in a folder") << QByteArray("{" + schema
        + R"(, "item": [{"name": "f", "item": [{"name": "a", "request": "http://x/a"}, {"name": "b", "request": {"url": 5}}, {"name": "c", "request": {"method": "POST", "url": "http://x/c"}}]}, {"name": "d", "request": "http://x/d"}]})")
                                             << u"item[0].item[1].request.url: the URL is neither text nor an object"_s
                                             << QStringList {u"GET http://x/d"_s, u"GET http://x/a"_s,
                                                    u"POST http://x/c"_s};
    QTest::newRow("a broken example later does not hide the error")
        << QByteArray("{" + schema
               + R"(, "item": [{"request": []}, {"request": "http://x/b", "response": [{"originalRequest": 5}]}]})")
        << u"item[0].request: the request is neither a URL nor an object"_s
        << QStringList {u"GET http://x/b"_s};
    QTest::newRow("folder items not a list")
        << QByteArray("{" + schema + R"(, "item": [{"name": "f", "item": 3}, {"request": "http://x/e"}]})")
        << u"item[0].item: “item” is not a list"_s << QStringList {u"GET http://x/e"_s};
}

void TestPostmanImport::partial()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QFETCH(QStringList, requests);
    const ImportResult result = PostmanImport::parse(data);
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

QTEST_GUILESS_MAIN(TestPostmanImport)
#include "tst_postmanimport.moc"
