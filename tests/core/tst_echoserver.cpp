#include "echo/EchoServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QXmlStreamReader>
#include <memory>
#include <optional>

using namespace Sonde;

#if defined(__SANITIZE_ADDRESS__)
#define SONDE_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SONDE_ADDRESS_SANITIZER 1
#endif
#endif

namespace {

#ifdef SONDE_ADDRESS_SANITIZER
constexpr bool AddressSanitizer = true;
#else
constexpr bool AddressSanitizer = false;
#endif

struct HttpResult
{
    int status = 0;
    QByteArray reason;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    QUrl finalUrl;
    int redirects = 0;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

int statusOf(const QByteArray &head)
{
    return head.mid(9, 3).toInt();
}

qint64 contentLengthOf(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            return line.mid(15).trimmed().toLongLong();
    }
    return 0;
}

// A raw HTTP/1.1 client over QTcpSocket, waiting with the event loop running (the server shares the thread).
class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    void write(const QByteArray &bytes) { m_socket.write(bytes); }

    /// Reads one response framed by Content-Length (no body for HEAD, 1xx, 204, 304).
    std::optional<RawResponse> readResponse(bool headRequest = false)
    {
        RawResponse response;
        const bool complete = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                response.head = m_buffer.left(end + 4);
                response.status = statusOf(response.head);
                const bool bodyless = headRequest || response.status < 200 || response.status == 204
                    || response.status == 304;
                const qint64 length = bodyless ? 0 : contentLengthOf(response.head);
                if (m_buffer.size() < end + 4 + length)
                    return false;
                response.body = m_buffer.mid(end + 4, length);
                m_buffer.remove(0, end + 4 + length);
                return true;
            },
            10000);
        return complete ? std::optional<RawResponse>(response) : std::nullopt;
    }

    /// Everything until the server closes the connection.
    QByteArray readUntilClosed()
    {
        [[maybe_unused]] const bool closed = QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            10000);
        m_buffer += m_socket.readAll();
        return std::exchange(m_buffer, {});
    }

    bool waitForBytes(qint64 count)
    {
        return QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_buffer.size() >= count;
            },
            10000);
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

std::optional<QByteArray> decodeChunked(const QByteArray &data, int *chunkCount)
{
    QByteArray body;
    qsizetype pos = 0;
    *chunkCount = 0;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qint64 size = data.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
        if (!ok)
            return std::nullopt;
        pos = lineEnd + 2;
        if (size == 0)
            return data.mid(pos) == "\r\n" ? std::optional<QByteArray>(body) : std::nullopt;
        body += data.mid(pos, size);
        pos += size;
        if (data.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        ++*chunkCount;
    }
}

qint64 residentMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

class tst_EchoServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void baseUrl();
    void getEchoesQuery();
    void postJsonBody();
    void repeatedHeadersKeepOrderAndCase();
    void binaryBodyIsBase64();
    void chunkedRequestBody();
    void expectContinue();
    void headHasNoBody();
    void status_data();
    void status();
    void delay();
    void delayCancelledWhenClientLeaves();
    void bytesAreDeterministic();
    void bytesStreamWithoutBuffering();
    void compressed_data();
    void compressed();
    void redirectChain();
    void redirectTo();
    void chunkedResponse();
    void documents_data();
    void documents();
    void headersOnly();
    void dropClosesMidBody();
    void keepAliveAndPipelining();
    void malformed_data();
    void malformed();
    void clientDisconnectMidStream();
    void takenPortFails();

private:
    QUrl url(const QString &path) const { return m_server.baseUrl().resolved(QUrl(path)); }
    // Closes the connections QNetworkAccessManager keeps alive and waits until the server has none left.
    void dropNetworkConnections();
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
        const QList<std::pair<QByteArray, QByteArray>> &headers = {}, bool followRedirects = false);

    EchoServer m_server;
    QNetworkAccessManager m_network;
};

HttpResult tst_EchoServer::send(const QByteArray &verb, const QString &path, const QByteArray &body,
    const QList<std::pair<QByteArray, QByteArray>> &headers, bool followRedirects)
{
    QNetworkRequest request(url(path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy : QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply;
    if (verb == "GET")
        reply.reset(m_network.get(request));
    else if (verb == "HEAD")
        reply.reset(m_network.head(request));
    else
        reply.reset(m_network.sendCustomRequest(request, verb, body));
    QSignalSpy redirected(reply.get(), &QNetworkReply::redirected);
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    HttpResult result;
    if (!finished.wait(30000)) {
        result.error = QNetworkReply::TimeoutError;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    result.body = reply->readAll();
    result.error = reply->error();
    result.headers = reply->rawHeaderPairs();
    result.finalUrl = reply->url();
    result.redirects = static_cast<int>(redirected.count());
    return result;
}

void tst_EchoServer::dropNetworkConnections()
{
    m_network.clearConnectionCache();
    QTRY_COMPARE(m_server.connectionCount(), 0);
}

void tst_EchoServer::initTestCase()
{
    QVERIFY2(m_server.listen(), qPrintable(m_server.errorString()));
    QVERIFY(m_server.isListening());
    QVERIFY(m_server.port() != 0);
}

void tst_EchoServer::baseUrl()
{
    QCOMPARE(m_server.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.port())));
    EchoServer idle;
    QVERIFY(idle.baseUrl().isEmpty());
    QCOMPARE(idle.port(), quint16(0));
}

void tst_EchoServer::getEchoesQuery()
{
    const HttpResult result = send("GET", QStringLiteral("/anything/here?a=1&a=2&b=x%20y&c=plus+sign&empty"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(result.header("Server"), QByteArray("Sonde-Echo"));
    QVERIFY(!result.header("Date").isEmpty());
    QVERIFY(result.body.contains("\n    \"")); // pretty-printed
    const QJsonObject echo = result.json();
    QCOMPARE(echo.value(u"method").toString(), QStringLiteral("GET"));
    QCOMPARE(echo.value(u"path").toString(), QStringLiteral("/anything/here"));
    QCOMPARE(echo.value(u"url").toString(),
        QString::fromLatin1(
            url(QStringLiteral("/anything/here?a=1&a=2&b=x%20y&c=plus+sign&empty")).toEncoded()));
    QCOMPARE(echo.value(u"origin").toString(), QStringLiteral("127.0.0.1"));
    const QJsonObject query = echo.value(u"query").toObject();
    QCOMPARE(query.value(u"a").toArray(), (QJsonArray {QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(query.value(u"b").toArray(), QJsonArray {QStringLiteral("x y")});
    QCOMPARE(query.value(u"c").toArray(), QJsonArray {QStringLiteral("plus sign")});
    QCOMPARE(query.value(u"empty").toArray(), QJsonArray {QString()});
    const QJsonObject args = echo.value(u"args").toObject();
    QCOMPARE(args.value(u"a").toArray(), (QJsonArray {QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(args.value(u"b").toString(), QStringLiteral("x y"));
    QVERIFY(echo.value(u"headers").toObject().contains(u"Host"));
    QVERIFY(!echo.contains(u"body"));
    QVERIFY(!echo.contains(u"bodyBase64"));
}

void tst_EchoServer::postJsonBody()
{
    const QByteArray body = R"({"name": "Sonde", "list": [1, 2.5, true, null], "nested": {"é": "ü"}})";
    const HttpResult result
        = send("POST", QStringLiteral("/post"), body, {{"Content-Type", "application/json; charset=utf-8"}});
    QCOMPARE(result.status, 200);
    const QJsonObject echo = result.json();
    QCOMPARE(echo.value(u"method").toString(), QStringLiteral("POST"));
    QCOMPARE(echo.value(u"body").toString(), QString::fromUtf8(body));
    QCOMPARE(echo.value(u"json").toObject(), QJsonDocument::fromJson(body).object());
    QCOMPARE(
        echo.value(u"headers").toObject().value(u"Content-Length").toString(), QString::number(body.size()));

    // A scalar JSON body parses too; broken JSON is echoed as text only.
    QCOMPARE(
        send("PUT", QStringLiteral("/"), "42", {{"Content-Type", "application/json"}}).json().value(u"json"),
        QJsonValue(42));
    const QJsonObject broken
        = send("PUT", QStringLiteral("/"), "{nope", {{"Content-Type", "application/json"}}).json();
    QVERIFY(!broken.contains(u"json"));
    QCOMPARE(broken.value(u"body").toString(), QStringLiteral("{nope"));
}

void tst_EchoServer::repeatedHeadersKeepOrderAndCase()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write("GET /get HTTP/1.1\r\nHost: example.test\r\nX-Multi: a\r\nX-Other: c\r\nx-multi: b\r\n\r\n");
    const std::optional<RawResponse> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    const QJsonObject echo = QJsonDocument::fromJson(response->body).object();
    const QJsonObject headers = echo.value(u"headers").toObject();
    QCOMPARE(headers.value(u"X-Multi").toString(), QStringLiteral("a, b"));
    QVERIFY(!headers.contains(u"x-multi"));
    QCOMPARE(headers.value(u"X-Other").toString(), QStringLiteral("c"));
    const QJsonArray expectedList {
        QJsonArray {QStringLiteral("Host"), QStringLiteral("example.test")},
        QJsonArray {QStringLiteral("X-Multi"), QStringLiteral("a")},
        QJsonArray {QStringLiteral("X-Other"), QStringLiteral("c")},
        QJsonArray {QStringLiteral("x-multi"), QStringLiteral("b")},
    };
    QCOMPARE(echo.value(u"headerList").toArray(), expectedList);
    QCOMPARE(echo.value(u"url").toString(), QStringLiteral("http://example.test/get"));
}

void tst_EchoServer::binaryBodyIsBase64()
{
    const QByteArray body("\xff\xfe\x00\x01\x80 binary", 12);
    const HttpResult result
        = send("POST", QStringLiteral("/post"), body, {{"Content-Type", "application/octet-stream"}});
    const QJsonObject echo = result.json();
    QCOMPARE(echo.value(u"bodyBase64").toString(), QString::fromLatin1(body.toBase64()));
    QVERIFY(!echo.contains(u"body"));

    // Truncated UTF-8 at the end is not text either.
    const QJsonObject truncated
        = send("POST", QStringLiteral("/post"), "euro \xe2\x82", {{"Content-Type", "text/plain"}}).json();
    QVERIFY(truncated.contains(u"bodyBase64"));
}

void tst_EchoServer::chunkedRequestBody()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write("POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n");
    const std::optional<RawResponse> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(QJsonDocument::fromJson(response->body).object().value(u"body").toString(),
        QStringLiteral("Wikipedia"));
}

void tst_EchoServer::expectContinue()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write("PUT /put HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    const std::optional<RawResponse> interim = client.readResponse();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.write("hello");
    const std::optional<RawResponse> response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(
        QJsonDocument::fromJson(response->body).object().value(u"body").toString(), QStringLiteral("hello"));
}

void tst_EchoServer::headHasNoBody()
{
    const HttpResult result = send("HEAD", QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.isEmpty());
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(result.header("Content-Length").toLongLong() > 0);

    // On the wire: no body bytes, and the connection carries on with the next request.
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write("HEAD /bytes/5000 HTTP/1.1\r\nHost: h\r\n\r\nGET /status/201 HTTP/1.1\r\nHost: h\r\n\r\n");
    const std::optional<RawResponse> head = client.readResponse(true);
    QVERIFY(head);
    QCOMPARE(contentLengthOf(head->head), 5000);
    const std::optional<RawResponse> next = client.readResponse();
    QVERIFY(next);
    QCOMPARE(next->status, 201);
}

void tst_EchoServer::status_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<bool>("hasBody");

    QTest::newRow("200") << QStringLiteral("/status/200") << 200 << QByteArray("OK") << QByteArray() << true;
    QTest::newRow("201") << QStringLiteral("/status/201") << 201 << QByteArray("Created") << QByteArray()
                         << true;
    QTest::newRow("204") << QStringLiteral("/status/204") << 204 << QByteArray("No Content") << QByteArray()
                         << false;
    QTest::newRow("301") << QStringLiteral("/status/301") << 301 << QByteArray("Moved Permanently")
                         << QByteArray("/get") << true;
    QTest::newRow("404") << QStringLiteral("/status/404") << 404 << QByteArray("Not Found") << QByteArray()
                         << true;
    QTest::newRow("418") << QStringLiteral("/status/418") << 418 << QByteArray("I'm a teapot") << QByteArray()
                         << true;
    QTest::newRow("500") << QStringLiteral("/status/500") << 500 << QByteArray("Internal Server Error")
                         << QByteArray() << true;
    QTest::newRow("503") << QStringLiteral("/status/503") << 503 << QByteArray("Service Unavailable")
                         << QByteArray() << true;
    QTest::newRow("1xx rejected") << QStringLiteral("/status/101") << 400 << QByteArray("Bad Request")
                                  << QByteArray() << true;
    QTest::newRow("not a number") << QStringLiteral("/status/abc") << 400 << QByteArray("Bad Request")
                                  << QByteArray() << true;
    QTest::newRow("out of range") << QStringLiteral("/status/600") << 400 << QByteArray("Bad Request")
                                  << QByteArray() << true;
}

void tst_EchoServer::status()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, location);
    QFETCH(bool, hasBody);

    const HttpResult result = send("GET", path);
    QCOMPARE(result.status, status);
    QCOMPARE(result.reason, reason);
    QCOMPARE(result.header("Location"), location);
    QCOMPARE(result.header("Server"), QByteArray("Sonde-Echo"));
    QCOMPARE(!result.body.isEmpty(), hasBody);
    if (hasBody && status != 400)
        QCOMPARE(result.body, QByteArray(QByteArray::number(status) + ' ' + reason + '\n'));
}

void tst_EchoServer::delay()
{
    QElapsedTimer clock;
    clock.start();
    const HttpResult result = send("GET", QStringLiteral("/delay/300?x=1"));
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(u"args").toObject().value(u"x").toString(), QStringLiteral("1"));
    QCOMPARE(send("GET", QStringLiteral("/delay/soon")).status, 400);
}

void tst_EchoServer::delayCancelledWhenClientLeaves()
{
    dropNetworkConnections();
    {
        RawClient client;
        QVERIFY(client.connectTo(m_server.port()));
        client.write("GET /delay/60000 HTTP/1.1\r\nHost: h\r\n\r\n");
        QTRY_COMPARE(m_server.connectionCount(), 1);
        client.socket().abort();
    }
    QTRY_COMPARE(m_server.connectionCount(), 0);
    QCOMPARE(send("GET", QStringLiteral("/get")).status, 200);
}

void tst_EchoServer::bytesAreDeterministic()
{
    const HttpResult first = send("GET", QStringLiteral("/bytes/100000"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.header("Content-Type"), QByteArray("application/octet-stream"));
    QCOMPARE(first.body.size(), 100000);
    QCOMPARE(first.body, EchoServer::pseudoRandomBytes(100000, 100000));
    QCOMPARE(send("GET", QStringLiteral("/bytes/100000")).body, first.body);

    const HttpResult seeded = send("GET", QStringLiteral("/bytes/1001?seed=7"));
    QCOMPARE(seeded.body, EchoServer::pseudoRandomBytes(1001, 7));
    QVERIFY(seeded.body != EchoServer::pseudoRandomBytes(1001, 1001));
    // A prefix of a longer stream is the shorter stream: the generator does not depend on piece sizes.
    QCOMPARE(EchoServer::pseudoRandomBytes(13, 5), EchoServer::pseudoRandomBytes(1000, 5).left(13));

    QCOMPARE(send("GET", QStringLiteral("/bytes/0")).body, QByteArray());
    QCOMPARE(send("GET", QStringLiteral("/bytes/-1")).status, 400);
    QCOMPARE(send("GET", QStringLiteral("/bytes/10?seed=x")).status, 400);
}

void tst_EchoServer::bytesStreamWithoutBuffering()
{
    constexpr qint64 size = 200 * 1024 * 1024;
    const qint64 baseline = residentMemory();
    if (baseline < 0)
        QSKIP("needs /proc/self/status");
    std::unique_ptr<QNetworkReply> reply(
        m_network.get(QNetworkRequest(url(QStringLiteral("/bytes/%1").arg(size)))));
    reply->setReadBufferSize(1024 * 1024);
    qint64 received = 0;
    qint64 peak = baseline;
    qint64 nextSample = 0;
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] {
        received += reply->readAll().size();
        if (received >= nextSample) {
            peak = std::max(peak, residentMemory());
            nextSample = received + 8 * 1024 * 1024;
        }
    });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(120000));
    received += reply->readAll().size();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(received, size);
    if (AddressSanitizer)
        QSKIP("AddressSanitizer keeps freed memory in quarantine: resident memory tells nothing here");
    // Buffering the body anywhere would cost 200 MB; streaming costs a few.
    QVERIFY2(peak - baseline < 64 * 1024 * 1024,
        qPrintable(QStringLiteral("grew by %1 bytes").arg(peak - baseline)));
}

void tst_EchoServer::compressed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("coding");
    QTest::addColumn<QByteArray>("magic");
    QTest::addColumn<QString>("flag");

    QTest::newRow("gzip") << QStringLiteral("/gzip") << QByteArray("gzip") << QByteArray("\x1f\x8b")
                          << QStringLiteral("gzipped");
    QTest::newRow("deflate") << QStringLiteral("/deflate") << QByteArray("deflate") << QByteArray("\x78")
                             << QStringLiteral("deflated");
}

void tst_EchoServer::compressed()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, coding);
    QFETCH(QByteArray, magic);
    QFETCH(QString, flag);

    // QNetworkAccessManager asks for and decodes gzip/deflate by itself.
    const HttpResult result = send("GET", path + QStringLiteral("?k=v"));
    QCOMPARE(result.status, 200);
    const QJsonObject echo = result.json();
    QCOMPARE(echo.value(u"method").toString(), QStringLiteral("GET"));
    QCOMPARE(echo.value(u"args").toObject().value(u"k").toString(), QStringLiteral("v"));
    QVERIFY(echo.value(flag).toBool());

    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write(
        "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: h\r\nAccept-Encoding: " + coding + "\r\n\r\n");
    const std::optional<RawResponse> raw = client.readResponse();
    QVERIFY(raw);
    QVERIFY(raw->head.contains(QByteArray("\r\nContent-Encoding: " + coding + "\r\n")));
    QVERIFY(raw->body.startsWith(magic));
    QVERIFY(!raw->body.contains("\"method\""));
}

void tst_EchoServer::redirectChain()
{
    const HttpResult followed = send("GET", QStringLiteral("/redirect/3"), {}, {}, true);
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.redirects, 3);
    QCOMPARE(followed.finalUrl, url(QStringLiteral("/get")));
    QCOMPARE(followed.json().value(u"path").toString(), QStringLiteral("/get"));

    const HttpResult first = send("GET", QStringLiteral("/redirect/3"));
    QCOMPARE(first.status, 302);
    QCOMPARE(first.header("Location"), QByteArray("/redirect/2"));
    QCOMPARE(send("GET", QStringLiteral("/redirect/1")).header("Location"), QByteArray("/get"));
    QCOMPARE(send("GET", QStringLiteral("/redirect/0")).status, 400);
}

void tst_EchoServer::redirectTo()
{
    const HttpResult result = send("GET", QStringLiteral("/redirect-to?url=%2Fjson%3Fa%3D1&status_code=307"));
    QCOMPARE(result.status, 307);
    QCOMPARE(result.header("Location"), QByteArray("/json?a=1"));
    const HttpResult absolute = send("GET", QStringLiteral("/redirect-to?url=http%3A%2F%2Fexample.test%2Fx"));
    QCOMPARE(absolute.status, 302);
    QCOMPARE(absolute.header("Location"), QByteArray("http://example.test/x"));
    QCOMPARE(send("GET", QStringLiteral("/redirect-to")).status, 400);
    QCOMPARE(send("GET", QStringLiteral("/redirect-to?url=/get&status_code=200")).status, 400);
    QCOMPARE(send("GET", QStringLiteral("/redirect-to?url=%2Fa%0D%0AX-Injected%3A%201")).status, 400);
}

void tst_EchoServer::chunkedResponse()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write("GET /chunked/10000 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    const QByteArray all = client.readUntilClosed();
    const qsizetype headEnd = all.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = all.left(headEnd + 4);
    QVERIFY(head.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(head.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY(!head.contains("Content-Length"));
    int chunks = 0;
    const std::optional<QByteArray> body = decodeChunked(all.mid(headEnd + 4), &chunks);
    QVERIFY(body);
    QVERIFY2(chunks >= 4, qPrintable(QString::number(chunks)));
    QCOMPARE(*body, EchoServer::pseudoRandomBytes(10000, 10000));

    const HttpResult viaNetwork = send("GET", QStringLiteral("/chunked/7"));
    QCOMPARE(viaNetwork.body, EchoServer::pseudoRandomBytes(7, 7));
}

void tst_EchoServer::documents_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("json") << QStringLiteral("/json") << QByteArray("application/json");
    QTest::newRow("xml") << QStringLiteral("/xml") << QByteArray("application/xml");
    QTest::newRow("html") << QStringLiteral("/html") << QByteArray("text/html; charset=utf-8");
}

void tst_EchoServer::documents()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);

    const HttpResult result = send("GET", path);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), contentType);
    if (path == u"/json") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.object().value(u"slideshow").toObject().value(u"slides").isArray());
        QVERIFY(QString::fromUtf8(result.body).contains(QStringLiteral("こんにちは")));
    } else if (path == u"/xml") {
        QXmlStreamReader reader(result.body);
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    } else {
        QVERIFY(result.body.contains("<html"));
    }
}

void tst_EchoServer::headersOnly()
{
    const QJsonObject object = send("GET", QStringLiteral("/headers"), {}, {{"X-Test", "1"}}).json();
    QCOMPARE(object.keys(), QStringList {QStringLiteral("headers")});
    QCOMPARE(object.value(u"headers").toObject().value(u"X-Test").toString(), QStringLiteral("1"));
}

void tst_EchoServer::dropClosesMidBody()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write("GET /drop/1000 HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray all = client.readUntilClosed();
    const qsizetype headEnd = all.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    QCOMPARE(contentLengthOf(all.left(headEnd + 4)), 2000);
    QCOMPARE(all.size() - headEnd - 4, 1000);

    const HttpResult result = send("GET", QStringLiteral("/drop/1000"));
    QVERIFY(result.error != QNetworkReply::NoError);
}

void tst_EchoServer::keepAliveAndPipelining()
{
    dropNetworkConnections();
    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    // Two requests in one write: pipelined, answered in order on the same connection.
    client.write("GET /get?n=1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /post?n=2 HTTP/1.1\r\nHost: "
                 "h\r\nContent-Length: 3\r\n\r\nabc");
    const std::optional<RawResponse> first = client.readResponse();
    const std::optional<RawResponse> second = client.readResponse();
    QVERIFY(first && second);
    QCOMPARE(QJsonDocument::fromJson(first->body).object().value(u"args").toObject().value(u"n").toString(),
        QStringLiteral("1"));
    const QJsonObject secondEcho = QJsonDocument::fromJson(second->body).object();
    QCOMPARE(secondEcho.value(u"args").toObject().value(u"n").toString(), QStringLiteral("2"));
    QCOMPARE(secondEcho.value(u"body").toString(), QStringLiteral("abc"));
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_server.connectionCount(), 1);

    // A third one after a pause, then Connection: close ends it.
    client.write("GET /status/204 HTTP/1.1\r\nHost: h\r\n\r\n");
    const std::optional<RawResponse> third = client.readResponse();
    QVERIFY(third);
    QCOMPARE(third->status, 204);
    client.write("GET /get HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    const std::optional<RawResponse> last = client.readResponse();
    QVERIFY(last);
    QVERIFY(last->head.contains("\r\nConnection: close\r\n"));
    QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(m_server.connectionCount(), 0);

    // HTTP/1.0 closes unless asked to keep alive.
    RawClient old;
    QVERIFY(old.connectTo(m_server.port()));
    old.write("GET /get HTTP/1.0\r\n\r\n");
    QVERIFY(old.readUntilClosed().startsWith("HTTP/1.1 200 OK\r\n"));
}

void tst_EchoServer::malformed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nBad Header\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nName : v\r\n\r\n") << 400;
    QTest::newRow("obsolete folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n  c\r\n\r\n") << 400;
    QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!") << 400;
    QTest::newRow("length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << 400;
    QTest::newRow("bad chunk size") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 400;
    QTest::newRow("chunk too long") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n")
                                    << 400;
    QTest::newRow("unsupported coding")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n") << 501;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("unknown protocol") << QByteArray("GET / FTP/1.0\r\n\r\n") << 400;
    QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n")
                                    << 413;
    QTest::newRow("chunked too large")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5000000\r\n") << 413;
    QTest::newRow("head too large") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a')
        + "\r\n\r\n") << 431;
    QTest::newRow("endless head") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a')) << 431;
}

void tst_EchoServer::malformed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    RawClient client;
    QVERIFY(client.connectTo(m_server.port()));
    client.write(request);
    const QByteArray answer = client.readUntilClosed();
    QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
        answer.left(200).constData());
    QVERIFY(answer.contains("\r\nConnection: close\r\n"));
    const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    QVERIFY2(body.size() > 20, body.constData()); // says what was wrong
    QCOMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
    dropNetworkConnections();
    QCOMPARE(send("GET", QStringLiteral("/get")).status, 200);
}

void tst_EchoServer::clientDisconnectMidStream()
{
    for (int round = 0; round < 3; ++round) {
        RawClient client;
        QVERIFY(client.connectTo(m_server.port()));
        client.write("GET /bytes/100000000 HTTP/1.1\r\nHost: h\r\n\r\n");
        QVERIFY(client.waitForBytes(2 * 1024 * 1024));
        client.socket().abort();
    }
    dropNetworkConnections();
    const HttpResult result = send("GET", QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(u"method").toString(), QStringLiteral("GET"));
}

void tst_EchoServer::takenPortFails()
{
    EchoServer second;
    QVERIFY(!second.listen(m_server.port()));
    QVERIFY(!second.errorString().isEmpty());
    QVERIFY(!second.isListening());
}

QTEST_GUILESS_MAIN(tst_EchoServer)
#include "tst_echoserver.moc"
