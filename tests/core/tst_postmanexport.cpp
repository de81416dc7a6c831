// PostmanExport: a collection → Postman collection v2.1. The round trip through PostmanImport pins the
// meaning, a golden file (tests/data/postman-export/shop.postman_collection.json) the text, and the
// required keys and enumerations of the official v2.1 schema (read from the shared corpus when it is
// here) are checked on every object of the kinds the exporter writes.
// `SONDE_REGENERATE=1 tst_postmanexport golden` rewrites the golden file.
#include "ConformanceCorpus.h"
#include "Golden.h"
#include "formats/PostmanExport.h"
#include "formats/PostmanImport.h"
#include "model/PathParams.h"
#include "model/QueryParams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

Request make(const QString &name, const QString &method, const QString &url)
{
    Request r;
    r.name = name;
    r.method = method;
    r.url = url;
    r.params = QueryParams::parse(url);
    r.pathParams = PathParams::mergeFromUrl({}, url);
    return r;
}

/// A collection with every kind of thing Postman can hold, written as PostmanImport reads it back.
Folder sample()
{
    Folder collection;
    collection.name = u"Shop API"_s;
    collection.description = u"Orders and products."_s;
    collection.auth.type = AuthConfig::Type::Bearer;
    collection.auth.bearer.token = u"{{token}}"_s;
    collection.variables = {{u"base"_s, u"https://shop.example.com"_s, true, false},
        {u"apiKey"_s, u"k-123"_s, true, true}, {u"old"_s, u"x"_s, false, false}};

    Folder orders;
    orders.name = u"Orders"_s;
    orders.description = u"Everything about orders."_s;
    orders.auth.type = AuthConfig::Type::Basic;
    orders.auth.basic = {u"me"_s, u"{{pw}}"_s};
    orders.variables = {{u"page"_s, u"1"_s, true, false}};
    Request get = make(u"Get order"_s, u"GET"_s, u"{{base}}/orders/:id?expand=items"_s);
    get.pathParams = {{u"id"_s, u"42"_s, true}};
    get.params.append({u"trace"_s, u"on"_s, false});
    get.headers = {{u"Accept"_s, u"application/json"_s, true}, {u"X-Debug"_s, u"1"_s, false}};
    get.description = u"One order."_s;
    orders.requests.append(get);
    Folder nested;
    nested.name = u"Nested"_s;
    Request create = make(u"Create order"_s, u"POST"_s, u"{{base}}/orders"_s);
    create.auth.type = AuthConfig::Type::None;
    create.body = Body {Body::Kind::Raw, u"application/json"_s, "{\"sku\": \"A1\"}"};
    nested.requests.append(create);
    Request patch = make(u"Patch order"_s, u"PATCH"_s, u"{{base}}/orders/1"_s);
    patch.body = Body {Body::Kind::Raw, u"application/merge-patch+json"_s, "{}"};
    nested.requests.append(patch);
    orders.folders.append(nested);
    collection.folders.append(orders);

    Request login = make(u"Login"_s, u"POST"_s, u"https://auth.example.com:8443/login"_s);
    login.body.kind = Body::Kind::FormUrlEncoded;
    login.body.fields = {{u"user"_s, u"me"_s, true}, {u"remember"_s, u"1"_s, false}};
    login.auth.type = AuthConfig::Type::Digest;
    login.auth.digest = {u"d"_s, u"p"_s};
    collection.requests.append(login);
    Request upload = make(u"Upload"_s, u"POST"_s, u"{{base}}/upload"_s);
    upload.body.kind = Body::Kind::Multipart;
    upload.body.parts = {{u"title"_s, u"Photo"_s, {}, {}, {}, true},
        {u"photo"_s, {}, u"/home/me/photo.jpg"_s, u"image/jpeg"_s, {}, true},
        {u"note"_s, u"off"_s, {}, {}, {}, false}};
    upload.auth.type = AuthConfig::Type::ApiKey;
    upload.auth.apiKey = {u"key"_s, u"{{apiKey}}"_s, ApiKey::Location::Query};
    upload.settings.followRedirects = false;
    upload.settings.ignoreTlsErrors = true;
    upload.settings.sendCookies = false;
    upload.settings.maxRedirects = 3;
    collection.requests.append(upload);
    Request put = make(u"Put file"_s, u"PUT"_s, u"https://bucket.s3.amazonaws.com/a.png"_s);
    put.body.kind = Body::Kind::Binary;
    put.body.filePath = u"/data/a.png"_s;
    put.body.contentType = u"image/png"_s;
    put.auth.type = AuthConfig::Type::AwsSigV4;
    put.auth.aws = {u"AKID"_s, u"{{secret}}"_s, u"{{session}}"_s, u"eu-west-1"_s, u"s3"_s};
    collection.requests.append(put);
    Request graphql = make(u"Query products"_s, u"POST"_s, u"{{base}}/graphql"_s);
    graphql.body.kind = Body::Kind::GraphQL;
    graphql.body.graphqlQuery = u"query { products { id } }"_s;
    graphql.body.graphqlVariables = u"{\"first\": 10}"_s;
    graphql.auth.type = AuthConfig::Type::OAuth2;
    graphql.auth.oauth2.grant = OAuth2::Grant::ClientCredentials;
    graphql.auth.oauth2.tokenUrl = u"https://auth.example.com/token"_s;
    graphql.auth.oauth2.clientId = u"shop"_s;
    graphql.auth.oauth2.accessToken = u"{{oauthToken}}"_s;
    collection.requests.append(graphql);
    Request windows = make(u"Windows"_s, u"GET"_s, u"{{base}}/win"_s);
    windows.auth.type = AuthConfig::Type::Ntlm;
    windows.auth.ntlm = {u"u"_s, u"p"_s, u"CORP"_s};
    windows.variables = {{u"local"_s, u"1"_s, true, false}};
    collection.requests.append(windows);
    collection.requests.append(make(u"Plain text"_s, u"PUT"_s, u"{{base}}/note"_s));
    collection.requests.last().body = Body {Body::Kind::Raw, u"text/plain"_s, "hello"};
    return collection;
}

/// Folder's own == cannot be defaulted through QList<Folder>: compared field by field, recursively.
bool same(const Folder &a, const Folder &b)
{
    if (a.name != b.name || a.description != b.description || a.variables != b.variables
        || a.headers != b.headers || !(a.auth == b.auth) || a.requests != b.requests
        || a.folders.size() != b.folders.size())
        return false;
    for (qsizetype i = 0; i < a.folders.size(); ++i) {
        if (!same(a.folders.at(i), b.folders.at(i)))
            return false;
    }
    return true;
}

QJsonObject exported(const Folder &collection)
{
    return QJsonDocument::fromJson(PostmanExport::toJson(collection)).object();
}

/// Every object of the kinds the schema constrains, with its kind: "item-group", "item", "header",
/// "auth", "auth-attribute", "variable", "request", "url", "body".
void collect(const QJsonObject &object, const QString &kind, QList<std::pair<QString, QJsonObject>> &found)
{
    found.append({kind, object});
    const auto each = [&found](const QJsonValue &array, const QString &of) {
        for (const QJsonValue &entry : array.toArray())
            collect(entry.toObject(), of, found);
    };
    if (object.contains(u"auth"_s) && kind != u"auth")
        collect(object.value(u"auth"_s).toObject(), u"auth"_s, found);
    each(object.value(u"variable"_s), kind == u"url" ? u"url-variable"_s : u"variable"_s);
    if (kind == u"collection" || kind == u"item-group") {
        for (const QJsonValue &entry : object.value(u"item"_s).toArray()) {
            const QJsonObject item = entry.toObject();
            collect(item, item.contains(u"item"_s) ? u"item-group"_s : u"item"_s, found);
        }
    } else if (kind == u"item") {
        collect(object.value(u"request"_s).toObject(), u"request"_s, found);
    } else if (kind == u"request") {
        each(object.value(u"header"_s), u"header"_s);
        collect(object.value(u"url"_s).toObject(), u"url"_s, found);
        if (object.contains(u"body"_s))
            collect(object.value(u"body"_s).toObject(), u"body"_s, found);
    } else if (kind == u"auth") {
        const QString type = object.value(u"type"_s).toString();
        if (object.contains(type))
            each(object.value(type), u"auth-attribute"_s);
    }
}

} // namespace

class TestPostmanExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void golden();
    void warnings_data();
    void warnings();
    void schemaRequiredKeys();
};

void TestPostmanExport::roundTrip()
{
    const Folder collection = sample();
    const ImportResult result = PostmanImport::parse(PostmanExport::toJson(collection));
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY(result.warnings.isEmpty());
    const Folder &back = result.collection;
    // Compared part by part first, so that a failure says where.
    QCOMPARE(back.name, collection.name);
    // Postman collection v2.1 has no secret variables: a secret one comes back as a plain one.
    VariableList plain = collection.variables;
    for (Variable &variable : plain)
        variable.secret = false;
    QCOMPARE(back.variables, plain);
    QVERIFY(back.auth == collection.auth);
    QCOMPARE(back.folders.size(), collection.folders.size());
    QVERIFY(back.folders.first().auth == collection.folders.first().auth);
    for (qsizetype i = 0; i < collection.requests.size(); ++i) {
        const Request &want = collection.requests.at(i);
        const Request &got = back.requests.at(i);
        QVERIFY2(got.body == want.body, qPrintable(want.name));
        QVERIFY2(got.auth == want.auth, qPrintable(want.name));
        QVERIFY2(got.settings == want.settings, qPrintable(want.name));
        QVERIFY2(got == want, qPrintable(want.name));
    }
    QVERIFY(back.folders.first().requests == collection.folders.first().requests);
    QVERIFY(same(back.folders.first().folders.first(), collection.folders.first().folders.first()));
    Folder expected = collection;
    expected.variables = plain;
    QVERIFY(same(back, expected));
}

void TestPostmanExport::golden()
{
    const QByteArray json = PostmanExport::toJson(sample());
    SONDE_COMPARE_GOLDEN(
        json, QStringLiteral(SONDE_TEST_DATA_DIR "/postman-export/shop.postman_collection.json"));
}

namespace {

/// The collections of the warnings test, by row name (a Folder cannot be a test data column: its
/// == is deleted).
Folder warningCase(const QString &name)
{
    Folder folder;
    folder.name = u"C"_s;
    if (name == u"graphql") {
        Request graphql = make(u"G"_s, u"POST"_s, u"http://x/"_s);
        graphql.body.kind = Body::Kind::GraphQL;
        graphql.body.graphqlQuery = u"query Q { a }"_s;
        graphql.body.graphqlOperationName = u"Q"_s;
        graphql.body.graphqlUseGet = true;
        folder.requests.append(graphql);
    } else if (name == u"settings") {
        Request settings = make(u"S"_s, u"GET"_s, u"http://x/"_s);
        settings.settings.timeoutMs = 0;
        settings.settings.proxy.mode = ProxySettings::Mode::None;
        settings.captures.append({u"token"_s, ResponseCapture::Source::JsonPath, u"$.token"_s, true});
        folder.requests.append(settings);
    } else if (name == u"secret variable") {
        folder.variables = {{u"token"_s, u"t-1"_s, true, true}, {u"page"_s, u"1"_s, true, false}};
    } else if (name == u"folder headers") {
        Folder child;
        child.name = u"F"_s;
        child.headers = {{u"X-Team"_s, u"a"_s, true}};
        folder.folders.append(child);
    }
    return folder;
}

} // namespace

void TestPostmanExport::warnings_data()
{
    QTest::addColumn<QStringList>("warnings");
    QTest::newRow("graphql") << QStringList {
        u"C/G: the GraphQL operation name is left out: Postman has no place for it"_s,
        u"C/G: the GraphQL query is written as a POST body: Postman has no GET mode for it"_s};
    QTest::newRow("settings") << QStringList {
        u"C/S: the time limit is left out: Postman sets it for all requests"_s,
        u"C/S: the proxy is left out: Postman sets it for all requests"_s,
        u"C/S: the response captures are left out: Postman does that in test scripts"_s};
    QTest::newRow("secret variable") << QStringList {
        u"C: the variable “token” is written as a plain string: Postman collection v2.1 has no secret variables"_s};
    QTest::newRow("folder headers") << QStringList {
        u"C/F: the folder's default headers are left out: Postman folders have none"_s};
}

void TestPostmanExport::warnings()
{
    QFETCH(QStringList, warnings);
    QStringList got;
    PostmanExport::toJson(warningCase(QString::fromLatin1(QTest::currentDataTag())), &got);
    QCOMPARE(got, warnings);
}

void TestPostmanExport::schemaRequiredKeys()
{
    const QString corpus = conformanceCorpus();
    if (corpus.isEmpty())
        QSKIP("The conformance corpus is not here: the Postman schema is read from postman-schemas/bundled.");
    const QJsonObject schema = QJsonDocument::fromJson(
        readCorpusFile(corpus + u"/postman-schemas/bundled/collection-v2.1.0-draft-07.json"_s))
                                   .object();
    QVERIFY2(!schema.isEmpty(), "postman-schemas/bundled/collection-v2.1.0-draft-07.json is missing");
    const QJsonObject definitions = schema.value(u"definitions"_s).toObject();
    const auto strings = [](const QJsonValue &array) {
        QStringList list;
        for (const QJsonValue &value : array.toArray())
            list.append(value.toString());
        return list;
    };
    const QJsonObject root = exported(sample());
    for (const QString &key : strings(schema.value(u"required"_s)))
        QVERIFY2(root.contains(key), qPrintable(u"the collection lacks “%1”"_s.arg(key)));
    for (const QString &key : strings(definitions.value(u"info"_s).toObject().value(u"required"_s)))
        QVERIFY2(root.value(u"info"_s).toObject().value(key).isString(),
            qPrintable(u"info lacks “%1”"_s.arg(key)));
    const QStringList authTypes = strings(definitions.value(u"auth"_s)
                                              .toObject()
                                              .value(u"properties"_s)
                                              .toObject()
                                              .value(u"type"_s)
                                              .toObject()
                                              .value(u"enum"_s));
    QVERIFY(!authTypes.isEmpty());
    const QStringList bodyModes = strings(definitions.value(u"request"_s)
                                              .toObject()
                                              .value(u"oneOf"_s)
                                              .toArray()
                                              .at(0)
                                              .toObject()
                                              .value(u"properties"_s)
                                              .toObject()
                                              .value(u"body"_s)
                                              .toObject()
                                              .value(u"oneOf"_s)
                                              .toArray()
                                              .at(0)
                                              .toObject()
                                              .value(u"properties"_s)
                                              .toObject()
                                              .value(u"mode"_s)
                                              .toObject()
                                              .value(u"enum"_s));
    QVERIFY2(!bodyModes.isEmpty(), "the schema's body modes were not found");

    QList<std::pair<QString, QJsonObject>> objects;
    collect(root, u"collection"_s, objects);
    int checked = 0;
    for (const auto &[kind, object] : std::as_const(objects)) {
        if (kind == u"auth") {
            QVERIFY2(authTypes.contains(object.value(u"type"_s).toString()),
                qPrintable(object.value(u"type"_s).toString()));
        } else if (kind == u"body") {
            QVERIFY2(bodyModes.contains(object.value(u"mode"_s).toString()),
                qPrintable(object.value(u"mode"_s).toString()));
        } else if (kind == u"variable") {
            // The schema asks for an id or a key.
            QVERIFY(object.value(u"key"_s).isString() || object.value(u"id"_s).isString());
        }
        const QJsonObject definition = definitions.value(kind).toObject();
        for (const QString &key : strings(definition.value(u"required"_s))) {
            QVERIFY2(object.contains(key), qPrintable(u"a %1 lacks “%2”"_s.arg(kind, key)));
            ++checked;
        }
        // Every property the schema types as a string must be one here.
        const QJsonObject properties = definition.value(u"properties"_s).toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (properties.value(it.key()).toObject().value(u"type"_s).toString() == u"string")
                QVERIFY2(it.value().isString(), qPrintable(u"%1.%2 is not a string"_s.arg(kind, it.key())));
        }
    }
    QVERIFY(checked > 20);
}

QTEST_GUILESS_MAIN(TestPostmanExport)
#include "tst_postmanexport.moc"
