// HAR 1.2: HarExport writes exchanges, HarImport reads them back as requests with their responses
// as examples. A golden file pins the export (SONDE_REGENERATE=1 tst_har exportGolden rewrites it).
#include "Golden.h"
#include "PartialImport.h"
#include "formats/HarExport.h"
#include "formats/HarImport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

const QDateTime Start = QDateTime(QDate(2026, 11, 24), QTime(10, 0, 0, 125), QTimeZone::utc());

SentRequest sentRequest(
    const QByteArray &method, const QString &url, const HeaderList &headers, const QByteArray &body = {})
{
    SentRequest sent;
    sent.method = method;
    sent.url = QUrl(url);
    sent.target = sent.url.path(QUrl::FullyEncoded).toUtf8()
        + (sent.url.hasQuery() ? "?" + sent.url.query(QUrl::FullyEncoded).toUtf8() : QByteArray());
    sent.httpVersion = "HTTP/1.1";
    sent.headers = headers;
    sent.body = body;
    sent.bodySize = body.size();
    return sent;
}

Exchange jsonGet()
{
    Exchange e;
    e.startedAt = Start;
    e.request.method = u"GET"_s;
    e.request.url = u"https://api.example.com/users?page=2&q=a%20b"_s;
    e.sent = sentRequest("GET", e.request.url,
        {{"Host", "api.example.com"}, {"User-Agent", "Sonde/0.1.0"}, {"Accept", "*/*"},
            {"Cookie", "sid=abc; theme=dark"}});
    e.sent.httpVersion = "HTTP/2";
    ResponseHead head {200, "OK", "HTTP/2",
        {{"content-type", "application/json"}, {"set-cookie", "sid=def; Path=/; HttpOnly; Secure"},
            {"content-encoding", "gzip"}}};
    e.response = head;
    const QByteArray body = R"({"users": [{"name": "Zoë"}]})";
    e.body = BodyData::fromBytes(body);
    e.sizes = {120, 20, body.size(), "gzip"};
    e.timings = {1.5, 10.25, 0.5, 30, 2, 44.75, false};
    e.tls.used = true;
    return e;
}

Exchange formPostWithBinaryResponse()
{
    Exchange e;
    e.startedAt = Start.addSecs(1);
    e.request.method = u"POST"_s;
    e.request.url = u"http://127.0.0.1:8080/upload"_s;
    e.sent = sentRequest("POST", e.request.url,
        {{"Host", "127.0.0.1:8080"}, {"Content-Type", "application/x-www-form-urlencoded"},
            {"Content-Length", "13"}},
        "a=1&b=zo%C3%AB");
    ResponseHead head {201, "Created", "HTTP/1.1", {{"Content-Type", "image/png"}, {"Content-Length", "8"}}};
    e.response = head;
    e.body = BodyData::fromBytes(QByteArray("\x89PNG\r\n\x1a\n", 8));
    e.sizes = {64, 8, 8, {}};
    e.timings = {-1, 0.75, -1, 3, 0.25, 4, false};
    return e;
}

Exchange refused()
{
    Exchange e;
    e.startedAt = Start.addSecs(2);
    e.request.method = u"DELETE"_s;
    e.request.url = u"http://127.0.0.1:1/item/7"_s;
    e.sent = sentRequest("DELETE", e.request.url, {{"Host", "127.0.0.1:1"}});
    e.error = {TransportError::Kind::ConnectionRefused, u"Connection refused"_s, {}};
    e.timings.total = 1;
    return e;
}

Exchange redirected()
{
    Exchange e;
    e.startedAt = Start.addSecs(3);
    e.request.method = u"GET"_s;
    e.request.url = u"http://x.test/old"_s;
    RedirectHop hop {sentRequest("GET", u"http://x.test/old"_s, {{"Host", "x.test"}}),
        {301, "Moved Permanently", "HTTP/1.1", {{"Location", "/new"}}}};
    e.redirects.append(hop);
    e.sent = sentRequest("GET", u"http://x.test/new"_s, {{"Host", "x.test"}});
    e.response = ResponseHead {200, "OK", "HTTP/1.1", {{"Content-Type", "text/plain"}}};
    e.body = BodyData::fromBytes("moved here\n");
    e.sizes = {40, 11, 11, {}};
    e.timings.total = 5;
    return e;
}

QList<Exchange> exchanges()
{
    return {jsonGet(), formPostWithBinaryResponse(), refused(), redirected()};
}

QList<Request> savedRequests()
{
    Request raw;
    raw.name = u"Create"_s;
    raw.method = u"POST"_s;
    raw.url = u"https://x.test/items"_s;
    raw.headers = {{u"Accept"_s, u"application/json"_s, true}, {u"X-Off"_s, u"no"_s, false}};
    raw.body = Body {Body::Kind::Raw, u"application/json"_s, "{\"a\": 1}"};
    Request multipart;
    multipart.method = u"POST"_s;
    multipart.url = u"https://x.test/upload"_s;
    multipart.body.kind = Body::Kind::Multipart;
    multipart.body.parts = {{u"title"_s, u"Beach"_s, {}, {}, {}, true},
        {u"photo"_s, {}, u"/pictures/beach.jpg"_s, u"image/jpeg"_s, {}, true}};
    Request get;
    get.url = u"https://x.test/items/:id?full=1"_s;
    get.pathParams = {{u"id"_s, u"7"_s, true}};
    return {raw, multipart, get};
}

QString headersText(const HeaderList &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines.append(QString::fromUtf8(name + ": " + value));
    return lines.join(u'\n');
}

} // namespace

class TestHar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void exportIsHar12();
    void exportGolden();
    void savedRequests();
    void importsBrowserEntries();
    void importsMultipartParams();
    void importsWithBomAndEmptyLog();
    void errors_data();
    void errors();
    void partial_data();
    void partial();
    void sniffing_data();
    void sniffing();
};

void TestHar::roundTrip()
{
    const QList<Exchange> original = exchanges();
    const ImportResult result = HarImport::parse(HarExport::toJson(original), u"trip"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.format, u"har"_s);
    QCOMPARE(result.collection.name, u"trip"_s);
    // The redirect gives an entry of its own.
    QCOMPARE(result.collection.requests.size(), 5);
    QCOMPARE(result.examples.size(), 5);
    const QList<int> entryOf {0, 1, 2, 4};
    for (qsizetype i = 0; i < original.size(); ++i) {
        const Exchange &want = original.at(i);
        const Exchange *got = result.exampleAt({{}, entryOf.at(i)});
        QVERIFY(got);
        QCOMPARE(got->startedAt, want.startedAt);
        QCOMPARE(got->sent.method, want.sent.method);
        QCOMPARE(got->sent.url, want.sent.url);
        QCOMPARE(got->sent.target, want.sent.target);
        QCOMPARE(got->sent.httpVersion, want.sent.httpVersion);
        QCOMPARE(headersText(got->sent.headers), headersText(want.sent.headers));
        QCOMPARE(got->sent.body, want.sent.body);
        QCOMPARE(got->sent.bodySize, want.sent.bodySize);
        QCOMPARE(got->hasResponse(), want.hasResponse());
        QCOMPARE(got->timings.total, want.timings.total);
        if (!want.hasResponse()) {
            QCOMPARE(got->error.message, want.error.message);
            continue;
        }
        QCOMPARE(got->response->statusCode, want.response->statusCode);
        QCOMPARE(got->response->reasonPhrase, want.response->reasonPhrase);
        QCOMPARE(got->response->httpVersion, want.response->httpVersion);
        QCOMPARE(headersText(got->response->headers), headersText(want.response->headers));
        QCOMPARE(got->body.bytes(), want.body.bytes());
        QCOMPARE(got->sizes.headerBytes, want.sizes.headerBytes);
        QCOMPARE(got->sizes.wireBodyBytes, want.sizes.wireBodyBytes);
        QCOMPARE(got->sizes.decodedBodyBytes, want.sizes.decodedBodyBytes);
        QCOMPARE(got->sizes.contentEncoding, want.sizes.contentEncoding);
        if (i < 2) {
            QCOMPARE(got->timings.dns, want.timings.dns);
            QCOMPARE(got->timings.connect, want.timings.connect);
            QCOMPARE(got->timings.wait, want.timings.wait);
            QCOMPARE(got->timings.download, want.timings.download);
            QCOMPARE(got->timings.send, std::max(want.timings.send, 0.0));
        }
    }
    const Exchange *hop = result.exampleAt({{}, 3});
    QCOMPARE(hop->response->statusCode, 301);
    QCOMPARE(headerValue(hop->response->headers, "Location"), QByteArray("/new"));

    // The editable requests: what the engine writes itself is gone, a form is a form.
    const Request &get = result.collection.requests.at(0);
    QCOMPARE(get.name, u"GET /users"_s);
    QCOMPARE(get.params, (KeyValueList {{u"page"_s, u"2"_s, true}, {u"q"_s, u"a%20b"_s, true}}));
    QCOMPARE(get.headers,
        (KeyValueList {{u"User-Agent"_s, u"Sonde/0.1.0"_s, true}, {u"Accept"_s, u"*/*"_s, true},
            {u"Cookie"_s, u"sid=abc; theme=dark"_s, true}}));
    const Request &post = result.collection.requests.at(1);
    QVERIFY(post.headers.isEmpty());
    QCOMPARE(post.body.kind, Body::Kind::FormUrlEncoded);
    QCOMPARE(post.body.fields, (KeyValueList {{u"a"_s, u"1"_s, true}, {u"b"_s, u"zoë"_s, true}}));
}

void TestHar::exportIsHar12()
{
    const QJsonObject har = HarExport::toHar(exchanges(), {u"Sonde"_s, u"9.9"_s, Start});
    const QJsonObject log = har.value(u"log"_s).toObject();
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    QCOMPARE(log.value(u"creator"_s).toObject().value(u"version"_s).toString(), u"9.9"_s);
    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 5);
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        for (const QString &key :
            {u"startedDateTime"_s, u"time"_s, u"request"_s, u"response"_s, u"cache"_s, u"timings"_s})
            QVERIFY2(entry.contains(key), qPrintable(key));
        const QJsonObject request = entry.value(u"request"_s).toObject();
        for (const QString &key : {u"method"_s, u"url"_s, u"httpVersion"_s, u"cookies"_s, u"headers"_s,
                 u"queryString"_s, u"headersSize"_s, u"bodySize"_s})
            QVERIFY2(request.contains(key), qPrintable(key));
        const QJsonObject response = entry.value(u"response"_s).toObject();
        for (const QString &key : {u"status"_s, u"statusText"_s, u"httpVersion"_s, u"cookies"_s, u"headers"_s,
                 u"content"_s, u"redirectURL"_s, u"headersSize"_s, u"bodySize"_s})
            QVERIFY2(response.contains(key), qPrintable(key));
        const QJsonObject timings = entry.value(u"timings"_s).toObject();
        for (const QString &key : {u"send"_s, u"wait"_s, u"receive"_s})
            QVERIFY(timings.value(key).toDouble() >= 0);
    }
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first.value(u"startedDateTime"_s).toString(), u"2026-11-24T10:00:00.125Z"_s);
    const QJsonObject firstRequest = first.value(u"request"_s).toObject();
    QCOMPARE(firstRequest.value(u"queryString"_s).toArray().at(1).toObject().value(u"value"_s).toString(),
        u"a b"_s);
    QCOMPARE(firstRequest.value(u"cookies"_s).toArray().size(), 2);
    const QJsonObject cookie
        = first.value(u"response"_s).toObject().value(u"cookies"_s).toArray().at(0).toObject();
    QCOMPARE(cookie.value(u"value"_s).toString(), u"def"_s);
    QCOMPARE(cookie.value(u"httpOnly"_s).toBool(), true);
    const QJsonObject content = first.value(u"response"_s).toObject().value(u"content"_s).toObject();
    QCOMPARE(content.value(u"compression"_s).toInteger(),
        QByteArray(R"({"users": [{"name": "Zoë"}]})").size() - 20);
    const QJsonObject png
        = entries.at(1).toObject().value(u"response"_s).toObject().value(u"content"_s).toObject();
    QCOMPARE(png.value(u"encoding"_s).toString(), u"base64"_s);
    QCOMPARE(png.value(u"text"_s).toString(), u"iVBORw0KGgo="_s);
    const QJsonObject failed = entries.at(2).toObject();
    QCOMPARE(failed.value(u"_error"_s).toString(), u"Connection refused"_s);
    QCOMPARE(failed.value(u"response"_s).toObject().value(u"status"_s).toInt(), 0);
}

void TestHar::exportGolden()
{
    const QByteArray har = HarExport::toJson(
        exchanges() + HarExport::unsentExchanges(::savedRequests()), {u"Sonde"_s, u"0.1.0"_s, Start});
    SONDE_COMPARE_GOLDEN(har, QStringLiteral(SONDE_TEST_DATA_DIR "/har-export/exchanges.har"));
}

void TestHar::savedRequests()
{
    const QByteArray har
        = HarExport::toJson(HarExport::unsentExchanges(::savedRequests()), {u"Sonde"_s, {}, Start});
    const ImportResult result = HarImport::parse(har);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.size(), 3);
    const Request &raw = result.collection.requests.at(0);
    QCOMPARE(raw.method, u"POST"_s);
    QCOMPARE(raw.headers, (KeyValueList {{u"Accept"_s, u"application/json"_s, true}}));
    QCOMPARE(raw.body.kind, Body::Kind::Raw);
    QCOMPARE(raw.body.contentType, u"application/json"_s);
    QCOMPARE(raw.body.data, QByteArray("{\"a\": 1}"));
    QVERIFY(!result.examples.first().exchange.hasResponse());
    const Request &multipart = result.collection.requests.at(1);
    QCOMPARE(multipart.body.kind, Body::Kind::Multipart);
    QCOMPARE(multipart.body.parts.size(), 2);
    QCOMPARE(multipart.body.parts.at(0).value, u"Beach"_s);
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().toString(),
        u"log.entries[1].request.postData.params[1]: the file “beach.jpg” is not in the HAR: the part is imported as text; choose the file before sending"_s);
    QCOMPARE(result.collection.requests.at(2).url, u"https://x.test/items/7?full=1"_s);
}

void TestHar::importsBrowserEntries()
{
    const QByteArray har
        = R"({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [
      {"startedDateTime": "2023-07-15T13:37:26.093Z", "time": 169.8,
       "request": {"method": "POST", "url": "https://h.test/metrics", "httpVersion": "http/2.0",
         "headers": [{"name": ":authority", "value": "h.test"}, {"name": ":method", "value": "POST"},
                     {"name": "content-type", "value": "text/plain;charset=UTF-8"}, {"name": "content-length", "value": "5"},
                     {"name": "origin", "value": "https://o.test"}],
         "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 5,
         "postData": {"mimeType": "text/plain;charset=UTF-8", "text": "hello"}},
       "response": {"status": 204, "statusText": "", "httpVersion": "http/2.0", "headers": [{"name": "date", "value": "x"}],
         "cookies": [], "content": {"size": 0, "mimeType": "x-unknown"}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
       "cache": {}, "timings": {"blocked": 1, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": 160, "receive": 0.5}},
      {"startedDateTime": "2023-07-15T13:37:27.000Z", "time": 0,
       "request": {"method": "GET", "url": "https://h.test/blocked", "httpVersion": "", "headers": [{"name": "Host", "value": "other.test"}]},
       "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "content": {"size": 0, "mimeType": "x-unknown"},
         "_error": "net::ERR_BLOCKED_BY_CLIENT"}}
    ]}})";
    const ImportResult result = HarImport::parse(har);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.size(), 2);
    const Request &post = result.collection.requests.first();
    QCOMPARE(post.headers, (KeyValueList {{u"origin"_s, u"https://o.test"_s, true}}));
    QCOMPARE(post.body.kind, Body::Kind::Raw);
    QCOMPARE(post.body.contentType, u"text/plain;charset=UTF-8"_s);
    QCOMPARE(post.body.data, QByteArray("hello"));
    const Exchange &first = result.examples.first().exchange;
    QCOMPARE(first.sent.headers.size(), 5);
    QCOMPARE(first.sent.httpVersion, QByteArray("HTTP/2"));
    QCOMPARE(first.response->statusCode, 204);
    QCOMPARE(first.timings.wait, 160.0);
    QCOMPARE(first.timings.dns, -1.0);
    // A Host that differs from the URL's is the user's (virtual hosts): it stays.
    QCOMPARE(result.collection.requests.at(1).headers, (KeyValueList {{u"Host"_s, u"other.test"_s, true}}));
    const Exchange &blocked = result.examples.at(1).exchange;
    QVERIFY(!blocked.hasResponse());
    QCOMPARE(blocked.error.message, u"net::ERR_BLOCKED_BY_CLIENT"_s);
}

void TestHar::importsMultipartParams()
{
    const QByteArray har = R"({"log": {"entries": [{"request": {"method": "POST", "url": "http://x/f",
        "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded"}],
        "postData": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "a", "value": "1"}, {"name": "b"}]}}}]}})";
    const ImportResult result = HarImport::parse(har);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Request &r = result.collection.requests.first();
    QCOMPARE(r.body.kind, Body::Kind::FormUrlEncoded);
    QCOMPARE(r.body.fields, (KeyValueList {{u"a"_s, u"1"_s, true}, {u"b"_s, QString(), true}}));
    QVERIFY(r.headers.isEmpty());
    QVERIFY(!result.examples.first().exchange.hasResponse());
}

void TestHar::importsWithBomAndEmptyLog()
{
    ImportResult result = HarImport::parse("\xEF\xBB\xBF{\"log\": {\"entries\": []}}");
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.requestCount(), 0);
    QCOMPARE(result.warnings.first().toString(), u"log.entries: the HAR file holds no requests"_s);
}

void TestHar::errors_data()
{
    QTest::addColumn<QByteArray>("har");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{\n  \"log\": [2,1,3]\n\"request:\"}")
                              << u"line 3, column 2: not valid JSON: unterminated object"_s;
    QTest::newRow("truncated") << QByteArray("{\"log\": {")
                               << u"line 1, column 10: not valid JSON: unterminated object"_s;
    QTest::newRow("array") << QByteArray("[]") << u"not a HAR file: the JSON is not an object with a “log”"_s;
    QTest::newRow("no log") << QByteArray(R"({"headers": [["Content-Type"]]})") << u"log: missing"_s;
    QTest::newRow("log not an object")
        << QByteArray(R"({"log": [2, 1, 3]})") << u"log: must be an object, not a list"_s;
    QTest::newRow("no entries") << QByteArray(R"({"log": {"version": "1.2"}})") << u"log.entries: missing"_s;
    QTest::newRow("entry not an object")
        << QByteArray(R"({"log": {"entries": [3]}})") << u"log.entries[0]: must be an object, not a number"_s;
    QTest::newRow("no request") << QByteArray(R"({"log": {"entries": [{}]}})")
                                << u"log.entries[0].request: missing"_s;
    QTest::newRow("url a number") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "GET", "url": 3}}]}})")
                                  << u"log.entries[0].request.url: must be text, not a number"_s;
    QTest::newRow("no url") << QByteArray(R"({"log": {"entries": [{"request": {"method": "GET"}}]}})")
                            << u"log.entries[0].request.url: missing"_s;
    QTest::newRow("empty method") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "", "url": "http://x/"}}]}})")
                                  << u"log.entries[0].request.method: is empty"_s;
    QTest::newRow("header without value") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/", "headers": [{"name": "a", "value": "b"}, {"name": "c"}]}}]}})")
                                          << u"log.entries[0].request.headers[1].value: missing"_s;
    QTest::newRow("response without status") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/"}, "response": {}}]}})")
                                             << u"log.entries[0].response.status: missing"_s;
    QTest::newRow("bad base64") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/"}, "response": {"status": 200, "content": {"text": "%%%", "encoding": "base64"}}}]}})")
                                << u"log.entries[0].response.content.text: is not valid base64"_s;
    QTest::newRow("unknown encoding")
        << QByteArray(
               R"({"log": {"entries": [{"request": {"method": "POST", "url": "http://x/", "postData": {"text": "x", "encoding": "rot13"}}}]}})")
        << u"log.entries[0].request.postData.encoding: unknown encoding “rot13” (only base64 is defined)"_s;
}

void TestHar::errors()
{
    QFETCH(QByteArray, har);
    QFETCH(QString, error);
    const ImportResult result = HarImport::parse(har);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(), error);
    QCOMPARE(result.requestCount(), 0);
    QVERIFY(result.examples.isEmpty());
}

void TestHar::sniffing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("har");
    QTest::newRow("har") << QByteArray(R"({"log": {"entries": []}})") << true;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{\"log\": {\"entries\": []}}") << true;
    QTest::newRow("other json") << QByteArray(R"({"info": {}, "item": []})") << false;
    QTest::newRow("curl") << QByteArray("curl http://x/") << false;
}

void TestHar::sniffing()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, har);
    QCOMPARE(HarImport::looksLikeHar(data), har);
}

void TestHar::partial_data()
{
    // A bad entry is left out; the others are read, and the first problem is the error.
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("requests");
    QTest::newRow("status a string") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/"}}, {"request": {"method": "GET", "url": "http://x/"}, "response": {"status": "200"}}]}})")
                                     << u"log.entries[1].response.status: must be a number, not text"_s
                                     << QStringList {u"GET http://x/"_s};
    QTest::newRow("middle entry without url") << QByteArray(
        R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/a"}}, {"request": {"method": "GET"}}, {"request": {"method": "POST", "url": "http://x/c"}}]}})")
                                              << u"log.entries[1].request.url: missing"_s
                                              << QStringList {u"GET http://x/a"_s, u"POST http://x/c"_s};
    QTest::newRow("two bad entries: the first is named") << QByteArray(
        R"({"log": {"entries": [7, {"request": {"method": "GET", "url": "http://x/b"}, "response": {"status": 200, "content": {"text": "%%%", "encoding": "base64"}}}, {"request": {"method": "PUT", "url": "http://x/c"}}]}})")
                                                         << u"log.entries[0]: must be an object, not a number"_s
                                                         << QStringList {u"PUT http://x/c"_s};
    QTest::newRow("multipart file warning of a bad entry is dropped")
        << QByteArray(
               R"({"log": {"entries": [{"request": {"method": "POST", "url": "http://x/up", "postData": {"mimeType": "multipart/form-data", "params": [{"name": "f", "fileName": "a.png"}, 3]}}}, {"request": {"method": "GET", "url": "http://x/b"}}]}})")
        << u"log.entries[0].request.postData.params[1]: must be an object, not a number"_s
        << QStringList {u"GET http://x/b"_s};
    QTest::newRow("only bad entries") << QByteArray(R"({"log": {"entries": [{}]}})")
                                      << u"log.entries[0].request: missing"_s << QStringList();
}

void TestHar::partial()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QFETCH(QStringList, requests);
    const ImportResult result = HarImport::parse(data);
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

QTEST_GUILESS_MAIN(TestHar)
#include "tst_har.moc"
