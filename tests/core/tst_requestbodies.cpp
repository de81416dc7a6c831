// Form, multipart, binary and GraphQL bodies against loopback servers: what the engine records as sent
// is what arrived, and what arrived is what the body kind says.
#include "CountingServer.h"
#include "ScriptedServer.h"
#include "http/HttpEngine.h"
#include "http/RequestBuilder.h"
#include "http/Transfer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::Exchange)

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QByteArray headerOf(const QByteArray &head, QByteArrayView name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

struct ReceivedPart
{
    QByteArray headers;
    QByteArray content;
};

/// Splits a multipart body the way a server does: by the boundary its Content-Type announces.
QList<ReceivedPart> parseMultipart(const QByteArray &contentType, const QByteArray &body, QString *problem)
{
    const qsizetype at = contentType.indexOf("boundary=");
    if (at < 0) {
        *problem = QStringLiteral("no boundary in the Content-Type");
        return {};
    }
    const QByteArray delimiter = "--" + contentType.mid(at + 9);
    if (!body.startsWith(QByteArray(delimiter + "\r\n")) || !body.endsWith(QByteArray("\r\n" + delimiter + "--\r\n"))) {
        *problem = QStringLiteral("the body does not start and end with the boundary");
        return {};
    }
    QList<ReceivedPart> parts;
    qsizetype pos = delimiter.size() + 2;
    for (;;) {
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), pos);
        const QByteArray raw = body.mid(pos, next - pos);
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        parts.append({raw.left(headEnd), raw.mid(headEnd + 4)});
        pos = next + 2 + delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts;
        pos += 2;
    }
}

} // namespace

class TestRequestBodies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void formEncoding_data();
    void formEncoding();
    void formBodyOnWire();
    void userContentTypeWins();
    void multipartOnWire();
    void multipartTextOnlyRecordedWhole();
    void multipartUserContentTypeGetsBoundary();
    void binaryStreamedFromFile();
    void missingFileCaughtBeforeSending_data();
    void missingFileCaughtBeforeSending();
    void graphqlPost();
    void graphqlGet();
    void graphqlBadVariables();
    void redirect307ResendsStreamedBody();
    void largeUploadStaysOutOfMemory();

private:
    Exchange run(const Request &request, Transfer **transferOut = nullptr);
    QString writeFile(const QString &name, const QByteArray &contents);

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    QTemporaryDir m_dir;
};

void TestRequestBodies::initTestCase()
{
    qRegisterMetaType<Sonde::Exchange>();
    QVERIFY(m_dir.isValid());
}

Exchange TestRequestBodies::run(const Request &request, Transfer **transferOut)
{
    Transfer *transfer = m_engine.send(request, this);
    QSignalSpy finished(transfer, &Transfer::finished);
    if (transferOut)
        *transferOut = transfer;
    finished.wait(120000);
    transfer->deleteLater();
    if (finished.size() != 1)
        return {};
    return finished.takeFirst().at(0).value<Exchange>();
}

QString TestRequestBodies::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

void TestRequestBodies::formEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("plain") << "abcXYZ019" << QByteArray("abcXYZ019");
    QTest::newRow("space") << "a b" << QByteArray("a+b");
    QTest::newRow("plus") << "1+1" << QByteArray("1%2B1");
    QTest::newRow("ampersand") << "a&b" << QByteArray("a%26b");
    QTest::newRow("equals") << "a=b" << QByteArray("a%3Db");
    QTest::newRow("percent") << "100%" << QByteArray("100%25");
    QTest::newRow("kept") << "*-._" << QByteArray("*-._");
    // The WHATWG urlencoded percent-encode set includes '~' (unlike RFC 3986's unreserved set).
    QTest::newRow("tilde") << "~" << QByteArray("%7E");
    QTest::newRow("unicode") << QStringLiteral("café") << QByteArray("caf%C3%A9");
    QTest::newRow("emoji") << QStringLiteral("🚀") << QByteArray("%F0%9F%9A%80");
    QTest::newRow("reserved") << "/?#[]@!$'()," << QByteArray("%2F%3F%23%5B%5D%40%21%24%27%28%29%2C");
    QTest::newRow("newline") << "a\r\nb" << QByteArray("a%0D%0Ab");
    QTest::newRow("empty") << "" << QByteArray();
}

void TestRequestBodies::formEncoding()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(RequestBuilder::formEncode(text), encoded);
}

void TestRequestBodies::formBodyOnWire()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url(QStringLiteral("/form")).toString();
    r.body.kind = Body::Kind::FormUrlEncoded;
    r.body.fields = {{"name", "Ada Lovelace"}, {"off", "x", false}, {"q", "a+b&c=d%"}, {"city", QStringLiteral("Zürich 🚀")},
                     {"empty", ""}};
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    const QByteArray expected = "name=Ada+Lovelace&q=a%2Bb%26c%3Dd%25&city=Z%C3%BCrich+%F0%9F%9A%80&empty=";
    QCOMPARE(server.lastRequestBody(), expected);
    QCOMPARE(exchange.sent.body, expected);
    QCOMPARE(headerOf(server.lastRequestHead(), "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    // And a server decodes it back to the fields.
    const QUrlQuery decoded(QString::fromLatin1(QByteArray(expected).replace('+', ' ')));
    QCOMPARE(decoded.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded), QStringLiteral("a+b&c=d%"));
    QCOMPARE(decoded.queryItemValue(QStringLiteral("city"), QUrl::FullyDecoded), QStringLiteral("Zürich 🚀"));
}

void TestRequestBodies::userContentTypeWins()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url().toString();
    r.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}};
    r.body.kind = Body::Kind::FormUrlEncoded;
    r.body.fields = {{"a", "1"}};
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(headerOf(server.lastRequestHead(), "Content-Type"),
             QByteArray("application/x-www-form-urlencoded; charset=utf-8"));
    QCOMPARE(server.lastRequestHead().count("ontent-"), 2); // Content-Type once, Content-Length once
}

void TestRequestBodies::multipartOnWire()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QByteArray binary;
    for (int i = 0; i < 70000; ++i)
        binary += char(i % 251);
    binary += "\r\n--not-a-boundary\r\n";
    const QString dataPath = writeFile(QStringLiteral("blob.bin"), binary);
    const QString jsonPath = writeFile(QStringLiteral("doc.json"), "{\"a\": 1}\n");
    QVERIFY(!dataPath.isEmpty() && !jsonPath.isEmpty());

    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url(QStringLiteral("/upload")).toString();
    r.body.kind = Body::Kind::Multipart;
    r.body.parts = {
        {QStringLiteral("title"), QStringLiteral("Zoë \"quoted\""), {}, {}, {}, true},
        {QStringLiteral("skipped"), QStringLiteral("no"), {}, {}, {}, false},
        {QStringLiteral("blob"), {}, dataPath, QStringLiteral("application/x-custom"), QStringLiteral("renamed.dat"), true},
        {QStringLiteral("doc"), {}, jsonPath, {}, {}, true},
        {QStringLiteral("note"), QStringLiteral("line1\r\nline2"), {}, QStringLiteral("text/plain; charset=utf-8"), {}, true},
    };
    Transfer *transfer = nullptr;
    QList<qint64> progress;
    Transfer *started = m_engine.send(r, this);
    connect(started, &Transfer::uploadProgress, this, [&progress](qint64 sent, qint64) { progress.append(sent); });
    QSignalSpy finished(started, &Transfer::finished);
    QVERIFY(finished.wait(30000));
    transfer = started;
    transfer->deleteLater();
    const Exchange exchange = finished.takeFirst().at(0).value<Exchange>();
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));

    const QByteArray head = server.lastRequestHead();
    QCOMPARE(exchange.sent.headText(), head);
    const QByteArray body = server.lastRequestBody();
    QCOMPARE(exchange.sent.bodySize, body.size());
    QCOMPARE(headerOf(head, "Content-Length").toLongLong(), body.size());
    QVERIFY(exchange.sent.body.isEmpty()); // streamed: recorded by size
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast(), body.size());

    const QByteArray contentType = headerOf(head, "Content-Type");
    QVERIFY(contentType.startsWith("multipart/form-data; boundary="));
    QString problem;
    const QList<ReceivedPart> parts = parseMultipart(contentType, body, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0).headers, QByteArray("Content-Disposition: form-data; name=\"title\""));
    QCOMPARE(parts.at(0).content, QStringLiteral("Zoë \"quoted\"").toUtf8());
    QCOMPARE(parts.at(1).headers, QByteArray("Content-Disposition: form-data; name=\"blob\"; filename=\"renamed.dat\"\r\n"
                                             "Content-Type: application/x-custom"));
    QCOMPARE(parts.at(1).content, binary);
    QCOMPARE(parts.at(2).headers, QByteArray("Content-Disposition: form-data; name=\"doc\"; filename=\"doc.json\"\r\n"
                                             "Content-Type: application/json"));
    QCOMPARE(parts.at(2).content, QByteArray("{\"a\": 1}\n"));
    QCOMPARE(parts.at(3).headers, QByteArray("Content-Disposition: form-data; name=\"note\"\r\n"
                                             "Content-Type: text/plain; charset=utf-8"));
    QCOMPARE(parts.at(3).content, QByteArray("line1\r\nline2"));
}

void TestRequestBodies::multipartTextOnlyRecordedWhole()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url().toString();
    r.body.kind = Body::Kind::Multipart;
    r.body.parts = {{QStringLiteral("a\"b"), QStringLiteral("1"), {}, {}, {}, true}};
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(exchange.sent.body, server.lastRequestBody());
    QVERIFY(server.lastRequestBody().contains("name=\"a%22b\""));
}

void TestRequestBodies::multipartUserContentTypeGetsBoundary()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url().toString();
    r.headers = {{"Content-Type", "multipart/form-data"}};
    r.body.kind = Body::Kind::Multipart;
    r.body.parts = {{QStringLiteral("a"), QStringLiteral("1"), {}, {}, {}, true}};
    Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QString problem;
    QCOMPARE(parseMultipart(headerOf(server.lastRequestHead(), "Content-Type"), server.lastRequestBody(), &problem).size(), 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // A boundary the user gives is the one used.
    r.headers = {{"Content-Type", "multipart/form-data; boundary=XyZ"}};
    exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(headerOf(server.lastRequestHead(), "Content-Type"), QByteArray("multipart/form-data; boundary=XyZ"));
    QVERIFY(server.lastRequestBody().startsWith("--XyZ\r\n"));
}

void TestRequestBodies::binaryStreamedFromFile()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QByteArray contents(200000, '\0');
    for (int i = 0; i < contents.size(); ++i)
        contents[i] = char((i * 7) % 256);
    const QString path = writeFile(QStringLiteral("picture.png"), contents);
    Request r;
    r.method = QStringLiteral("PUT");
    r.url = server.url(QStringLiteral("/files/picture.png")).toString();
    r.body.kind = Body::Kind::Binary;
    r.body.filePath = path;
    Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(server.lastRequestBody(), contents);
    QCOMPARE(exchange.sent.bodySize, contents.size());
    QCOMPARE(headerOf(server.lastRequestHead(), "Content-Type"), QByteArray("image/png"));

    r.body.contentType = QStringLiteral("application/vnd.sonde.test");
    exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(headerOf(server.lastRequestHead(), "Content-Type"), QByteArray("application/vnd.sonde.test"));
}

void TestRequestBodies::missingFileCaughtBeforeSending_data()
{
    QTest::addColumn<bool>("multipart");
    QTest::newRow("binary") << false;
    QTest::newRow("multipart") << true;
}

void TestRequestBodies::missingFileCaughtBeforeSending()
{
    QFETCH(bool, multipart);
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url().toString();
    const QString missing = m_dir.filePath(QStringLiteral("nope.bin"));
    if (multipart) {
        r.body.kind = Body::Kind::Multipart;
        r.body.parts = {{QStringLiteral("f"), {}, missing, {}, {}, true}};
    } else {
        r.body.kind = Body::Kind::Binary;
        r.body.filePath = missing;
    }
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Other);
    QCOMPARE(exchange.error.message, QStringLiteral("The file “%1” does not exist.").arg(missing));
    QCOMPARE(server.connectionCount(), 0);
}

void TestRequestBodies::graphqlPost()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("GET"); // GraphQL decides: a JSON POST
    r.url = server.url(QStringLiteral("/graphql")).toString();
    r.body.kind = Body::Kind::GraphQL;
    r.body.graphqlQuery = QStringLiteral("query Hero($ep: Episode) {\n  hero(episode: $ep) { name \"x\" }\n}");
    r.body.graphqlVariables = QStringLiteral("{ \"ep\": \"JEDI\", \"n\": [1, 2] }");
    r.body.graphqlOperationName = QStringLiteral("Hero");
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QVERIFY(server.lastRequestHead().startsWith("POST /graphql HTTP/1.1\r\n"));
    QCOMPARE(headerOf(server.lastRequestHead(), "Content-Type"), QByteArray("application/json"));
    const QByteArray body = server.lastRequestBody();
    QCOMPARE(exchange.sent.body, body);
    QCOMPARE(body, QByteArray("{\"query\":\"query Hero($ep: Episode) {\\n  hero(episode: $ep) { name \\\"x\\\" }\\n}\","
                              "\"variables\":{\"ep\":\"JEDI\",\"n\":[1,2]},\"operationName\":\"Hero\"}"));
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QCOMPARE(json.value(QStringLiteral("query")).toString(), r.body.graphqlQuery);
    QCOMPARE(json.value(QStringLiteral("variables")).toObject().value(QStringLiteral("ep")).toString(), QStringLiteral("JEDI"));
}

void TestRequestBodies::graphqlGet()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url(QStringLiteral("/graphql?v=1")).toString();
    r.body.kind = Body::Kind::GraphQL;
    r.body.graphqlUseGet = true;
    r.body.graphqlQuery = QStringLiteral("{ a(x: \"1 & 2+3\") }");
    r.body.graphqlVariables = QStringLiteral("{\"k\": \"é\"}");
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(exchange.sent.target,
             QByteArray("/graphql?v=1&query=%7B+a%28x%3A+%221+%26+2%2B3%22%29+%7D&variables=%7B%22k%22%3A%22%C3%A9%22%7D"));
    QVERIFY(server.lastRequestHead().startsWith(QByteArray("GET " + exchange.sent.target + " HTTP/1.1\r\n")));
    QVERIFY(server.lastRequestBody().isEmpty());
    QVERIFY(headerOf(server.lastRequestHead(), "Content-Type").isNull());
}

void TestRequestBodies::graphqlBadVariables()
{
    Request r;
    r.url = QStringLiteral("http://127.0.0.1:9/graphql");
    r.body.kind = Body::Kind::GraphQL;
    r.body.graphqlQuery = QStringLiteral("{ a }");
    r.body.graphqlVariables = QStringLiteral("[1]");
    const PreparedRequest prepared = RequestBuilder::prepare(r);
    QCOMPARE(prepared.error.kind, TransportError::Kind::Other);
    QCOMPARE(prepared.error.message, QStringLiteral("The GraphQL variables must be a JSON object."));
}

void TestRequestBodies::redirect307ResendsStreamedBody()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponse(ScriptedServer::response(307, {}, {{"Location", "/again"}}));
    const QString path = writeFile(QStringLiteral("again.txt"), QByteArray(50000, 'z'));
    Request r;
    r.method = QStringLiteral("PUT");
    r.url = server.url(QStringLiteral("/first")).toString();
    r.body.kind = Body::Kind::Binary;
    r.body.filePath = path;
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(server.lastRequestBody(), QByteArray(50000, 'z'));
}

void TestRequestBodies::largeUploadStaysOutOfMemory()
{
    CountingServer server;
    QVERIFY(server.listen());
    const QString path = m_dir.filePath(QStringLiteral("large.bin"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(300LL * 1024 * 1024)); // sparse: takes no disk space
    }
    Request r;
    r.method = QStringLiteral("PUT");
    r.url = server.url(QStringLiteral("/large")).toString();
    r.settings.timeoutMs = 0;
    r.body.kind = Body::Kind::Binary;
    r.body.filePath = path;

    const qint64 before = residentKiB();
    qint64 peak = before;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&peak] { peak = std::max(peak, residentKiB()); });
    sampler.start(20);
    Transfer *transfer = m_engine.send(r, this);
    qint64 lastSent = 0;
    qint64 lastTotal = 0;
    connect(transfer, &Transfer::uploadProgress, this, [&](qint64 sent, qint64 total) {
        lastSent = sent;
        lastTotal = total;
    });
    QSignalSpy finished(transfer, &Transfer::finished);
    QVERIFY(finished.wait(120000));
    sampler.stop();
    transfer->deleteLater();
    const Exchange exchange = finished.takeFirst().at(0).value<Exchange>();
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(server.bodyBytes(), 300LL * 1024 * 1024);
    QCOMPARE(headerOf(server.lastHead(), "Content-Length"), QByteArray("314572800"));
    QCOMPARE(exchange.sent.headText(), server.lastHead());
    QCOMPARE(exchange.sent.bodySize, 300LL * 1024 * 1024);
    QCOMPARE(lastTotal, 300LL * 1024 * 1024);
    QCOMPARE(lastSent, lastTotal);
    qInfo("RSS before %lld KiB, peak %lld KiB", before, peak);
    QVERIFY2(peak < 100 * 1024, qPrintable(QStringLiteral("peak RSS %1 KiB").arg(peak)));
}

QTEST_GUILESS_MAIN(TestRequestBodies)
#include "tst_requestbodies.moc"
