// The HTTP engine against real loopback servers: the built-in echo server, and scripted servers the
// tests control byte by byte.
#include "HttpTestProxy.h"
#include "WireText.h"
#include "ScriptedServer.h"
#include "Socks5TestProxy.h"
#include "echo/EchoServer.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::Exchange)

namespace {

qint64 residentKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestHttpEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wireRecordMatchesReceivedBytes_data();
    void wireRecordMatchesReceivedBytes();
    void statusClasses_data();
    void statusClasses();
    void headHasNoBody();
    void redirectsFollowed();
    void redirectsNotFollowed();
    void redirectMaximum();
    void redirectLoop();
    void seeOtherTurnsPostIntoGet();
    void credentialsDroppedAcrossOrigins();
    void cancelMidFlight();
    void cancelBeforeStart();
    void timeout();
    void gzipDecodedWithBothSizes();
    void chunkedBody();
    void largeBodyGoesToTemporaryFile();
    void tlsSelfSignedRejectedByDefault();
    void tlsSelfSignedAcceptedWithToggle();
    void tlsTrustsExtraCertificateAuthorities();
    void connectionResetMidBody();
    void connectionRefused();
    void invalidRequestsCaughtBeforeSending_data();
    void invalidRequestsCaughtBeforeSending();
    void reusedConnectionHasNoConnectPhase();
    void httpProxy_data();
    void httpProxy();
    void urlAsABrowserTakesIt_data();
    void urlAsABrowserTakesIt();
    void defaultProxyAppliesUnlessOverridden_data();
    void defaultProxyAppliesUnlessOverridden();
    void httpsThroughHttpProxy();
    void httpProxyAuthenticationRequired_data();
    void httpProxyAuthenticationRequired();
    void socks5ProxyWithAuthentication();
    void socks5ProxyRejectsCredentials();
    void proxyRefused();
    void invalidProxyUrl();
    void concurrentRequestsUseTheirOwnProxies();
    void pathParametersSubstituted();

private:
    Exchange run(const Request &request, std::function<void(Transfer *)> whileRunning = {});
    Request request(const QString &path, const QString &method = QStringLiteral("GET")) const;

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    EchoServer m_echo;
};

void TestHttpEngine::initTestCase()
{
    qRegisterMetaType<Sonde::Exchange>();
    QVERIFY2(m_echo.listen(), qPrintable(m_echo.errorString()));
}

Exchange TestHttpEngine::run(const Request &request, std::function<void(Transfer *)> whileRunning)
{
    Transfer *transfer = m_engine.send(request, this);
    QSignalSpy finished(transfer, &Transfer::finished);
    if (whileRunning)
        whileRunning(transfer);
    if (finished.isEmpty())
        finished.wait(60000);
    transfer->deleteLater();
    if (finished.size() != 1) {
        qWarning("transfer did not finish exactly once (%lld)", static_cast<long long>(finished.size()));
        return {};
    }
    return finished.takeFirst().at(0).value<Exchange>();
}

Request TestHttpEngine::request(const QString &path, const QString &method) const
{
    Request r;
    r.method = method;
    r.url = m_echo.baseUrl().resolved(QUrl(path)).toString();
    return r;
}

void TestHttpEngine::wireRecordMatchesReceivedBytes_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<KeyValueList>("headers");
    const KeyValueList none;
    QTest::newRow("GET") << "GET" << QByteArray() << none;
    QTest::newRow("GET with body") << "GET" << QByteArray(R"({"q":1})") << none;
    QTest::newRow("HEAD") << "HEAD" << QByteArray() << none;
    QTest::newRow("POST JSON") << "POST" << QByteArray(R"({"name":"Sonde"})") << none;
    QTest::newRow("PUT") << "PUT" << QByteArray("plain text\n") << none;
    QTest::newRow("DELETE with body") << "DELETE" << QByteArray("gone") << none;
    QTest::newRow("DELETE") << "DELETE" << QByteArray() << none;
    QTest::newRow("OPTIONS") << "OPTIONS" << QByteArray() << none;
    QTest::newRow("custom method") << "PURGE" << QByteArray() << none;
    QTest::newRow("repeated and disabled headers")
        << "GET" << QByteArray()
        << KeyValueList {{"X-Trace", "a"}, {"X-Off", "no", false}, {"x-trace", "b"}, {"Accept", "text/xml"}};
    QTest::newRow("user agent and host overridden")
        << "POST" << QByteArray("x")
        << KeyValueList {{"User-Agent", "curl/8"}, {"Host", "example.test"}, {"Content-Type", "text/csv"}};
    QTest::newRow("user Accept-Encoding") << "GET" << QByteArray() << KeyValueList {{"Accept-Encoding", "identity"}};
}

void TestHttpEngine::wireRecordMatchesReceivedBytes()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, body);
    QFETCH(KeyValueList, headers);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "ok"));
    Request r;
    r.method = method;
    r.url = server.url(QStringLiteral("/path/to?x=1&y=a%20b&z=caf%C3%A9")).toString() + QStringLiteral("#frag");
    r.headers = headers;
    if (!body.isNull()) {
        r.body.kind = Body::Kind::Raw;
        r.body.contentType = QStringLiteral("application/json");
        r.body.data = body;
    }
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(server.requestCount(), 1);
    // What the engine says it sent is exactly what arrived, byte for byte.
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(exchange.sent.body, server.lastRequestBody());
    QCOMPARE(exchange.sent.target, QByteArray("/path/to?x=1&y=a%20b&z=caf%C3%A9"));
    QVERIFY(!server.lastRequestHead().contains("frag"));
}

void TestHttpEngine::statusClasses_data()
{
    QTest::addColumn<int>("status");
    for (int status : {200, 201, 202, 204, 301, 302, 400, 401, 403, 404, 418, 429, 500, 502, 503})
        QTest::addRow("%d", status) << status;
}

void TestHttpEngine::statusClasses()
{
    QFETCH(int, status);
    Request r = request(QStringLiteral("/status/%1").arg(status));
    r.settings.followRedirects = false;
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY(exchange.hasResponse());
    QCOMPARE(exchange.response->statusCode, status);
    QVERIFY(!exchange.response->reasonPhrase.isEmpty());
}

void TestHttpEngine::headHasNoBody()
{
    const Exchange exchange = run(request(QStringLiteral("/json"), QStringLiteral("HEAD")));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QVERIFY(headerValue(exchange.response->headers, "Content-Length").toInt() > 0);
    QCOMPARE(exchange.body.size(), 0);
}

void TestHttpEngine::redirectsFollowed()
{
    const Exchange exchange = run(request(QStringLiteral("/redirect/3")));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QCOMPARE(exchange.redirects.size(), 3);
    QCOMPARE(exchange.redirects.at(0).sent.target, QByteArray("/redirect/3"));
    QCOMPARE(exchange.redirects.at(0).response.statusCode, 302);
    QCOMPARE(exchange.redirects.at(2).sent.target, QByteArray("/redirect/1"));
    QCOMPARE(exchange.sent.target, QByteArray("/get"));
}

void TestHttpEngine::redirectsNotFollowed()
{
    Request r = request(QStringLiteral("/redirect/2"));
    r.settings.followRedirects = false;
    const Exchange exchange = run(r);
    QVERIFY(!exchange.error.isError());
    QCOMPARE(exchange.response->statusCode, 302);
    QCOMPARE(headerValue(exchange.response->headers, "Location"), QByteArray("/redirect/1"));
    QVERIFY(exchange.redirects.isEmpty());
}

void TestHttpEngine::redirectMaximum()
{
    Request r = request(QStringLiteral("/redirect/5"));
    r.settings.maxRedirects = 2;
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::TooManyRedirects);
    QVERIFY(exchange.error.message.contains(u"2 redirects"));
    QCOMPARE(exchange.redirects.size(), 2);
}

void TestHttpEngine::redirectLoop()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(302, {}, {{"Location", "/again"}}));
    Request r;
    r.url = server.url(QStringLiteral("/again")).toString();
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::TooManyRedirects);
    QVERIFY2(exchange.error.message.contains(u"loop"), qPrintable(exchange.error.message));
}

void TestHttpEngine::seeOtherTurnsPostIntoGet()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponse(ScriptedServer::response(303, {}, {{"Location", "/result"}}));
    server.setResponse(ScriptedServer::response(200, "done"));
    Request r;
    r.method = QStringLiteral("POST");
    r.url = server.url(QStringLiteral("/submit")).toString();
    r.body = {Body::Kind::Raw, QStringLiteral("text/plain"), "payload"};
    const Exchange exchange = run(r);
    QVERIFY(!exchange.error.isError());
    QCOMPARE(server.requestCount(), 2);
    QVERIFY(server.requestHeads().at(1).startsWith("GET /result HTTP/1.1"));
    QVERIFY(!server.requestHeads().at(1).contains(asSent("Content-Length")));
    QCOMPARE(exchange.sent.method, QByteArray("GET"));
    QCOMPARE(exchange.sent.headText(), server.requestHeads().at(1));
    QCOMPARE(exchange.body.bytes(), QByteArray("done"));
}

void TestHttpEngine::credentialsDroppedAcrossOrigins()
{
    ScriptedServer target;
    QVERIFY(target.listen());
    target.setResponse(ScriptedServer::response(200, "there"));
    ScriptedServer origin;
    QVERIFY(origin.listen());
    origin.setResponse(ScriptedServer::response(307, {}, {{"Location", target.url(QStringLiteral("/x")).toEncoded()}}));
    Request r;
    r.url = origin.url(QStringLiteral("/start")).toString();
    r.headers = {{"Authorization", "Bearer secret"}, {"X-Keep", "1"}};
    const Exchange exchange = run(r);
    QVERIFY(!exchange.error.isError());
    QVERIFY(origin.lastRequestHead().contains(asSent("Authorization: Bearer secret")));
    QVERIFY(!target.lastRequestHead().contains(asSent("Authorization")));
    QVERIFY(target.lastRequestHead().contains(asSent("X-Keep: 1")));
}

void TestHttpEngine::cancelMidFlight()
{
    const Exchange exchange = run(request(QStringLiteral("/delay/10000")), [](Transfer *transfer) {
        QSignalSpy spy(transfer, &Transfer::finished);
        QTest::qWait(100);
        QVERIFY(!transfer->isFinished());
        transfer->cancel();
    });
    QCOMPARE(exchange.error.kind, TransportError::Kind::Cancelled);
    QVERIFY(exchange.error.message.startsWith(u"Cancelled"));
}

void TestHttpEngine::cancelBeforeStart()
{
    Transfer *transfer = m_engine.send(request(QStringLiteral("/get")), this);
    QSignalSpy finished(transfer, &Transfer::finished);
    transfer->cancel();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<Exchange>().error.kind, TransportError::Kind::Cancelled);
    QTest::qWait(50); // the queued start must not send anything after a cancel
    QCOMPARE(finished.size(), 1);
    delete transfer;
}

void TestHttpEngine::timeout()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setNeverAnswer(true);
    Request r;
    r.url = server.url().toString();
    r.settings.timeoutMs = 300;
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Timeout);
    QVERIFY(exchange.error.message.contains(u"300 ms"));
    QVERIFY(!exchange.hasResponse());
}

void TestHttpEngine::gzipDecodedWithBothSizes()
{
    const Exchange exchange = run(request(QStringLiteral("/gzip")));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.sizes.contentEncoding, QByteArray("gzip"));
    const QJsonObject echo = QJsonDocument::fromJson(exchange.body.bytes()).object();
    QCOMPARE(echo.value(u"method").toString(), QStringLiteral("GET"));
    QCOMPARE(exchange.sizes.decodedBodyBytes, exchange.body.size());
    QCOMPARE(exchange.sizes.wireBodyBytes, headerValue(exchange.response->headers, "Content-Length").toLongLong());
    QVERIFY(exchange.sizes.wireBodyBytes < exchange.sizes.decodedBodyBytes);
}

void TestHttpEngine::chunkedBody()
{
    const Exchange exchange = run(request(QStringLiteral("/chunked/100000")));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(headerValue(exchange.response->headers, "Transfer-Encoding").toLower(), QByteArray("chunked"));
    QCOMPARE(exchange.body.size(), 100000);
}

void TestHttpEngine::largeBodyGoesToTemporaryFile()
{
    const qint64 size = 200 * 1024 * 1024;
    qint64 peakKiB = 0;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&peakKiB] { peakKiB = qMax(peakKiB, residentKiB("VmRSS")); });
    sampler.start(20);
    const qint64 before = residentKiB("VmRSS");
    QString path;
    {
        const Exchange exchange = run(request(QStringLiteral("/bytes/%1").arg(size)));
        sampler.stop();
        QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
        QCOMPARE(exchange.body.size(), size);
        QVERIFY(!exchange.body.isInMemory());
        path = exchange.body.filePath();
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFileInfo(path).size(), size);
        QCOMPARE(exchange.body.head(4096), EchoServer::pseudoRandomBytes(4096, quint64(size)));
    }
    // The transfer keeps its copy until it is deleted (deleteLater): then the file must go.
    QTRY_VERIFY2(!QFile::exists(path), "the temporary body file outlives its last handle");
    qInfo("RSS before %lld MiB, peak while receiving 200 MiB %lld MiB", before / 1024, peakKiB / 1024);
    QVERIFY2(peakKiB < 100 * 1024, qPrintable(QStringLiteral("peak RSS %1 MiB").arg(peakKiB / 1024)));
}

void TestHttpEngine::tlsSelfSignedRejectedByDefault()
{
    const auto certificate = TestCertificate::generate();
    if (!certificate)
        QSKIP("openssl is not available to make a test certificate");
    TlsScriptedServer server(*certificate);
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "secret"));
    Request r;
    r.url = server.url(QStringLiteral("/")).toString();
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Tls);
    QVERIFY(!exchange.error.details.isEmpty());
    QVERIFY2(exchange.error.details.join(u'\n').contains(u"self signed", Qt::CaseInsensitive)
                 || exchange.error.details.join(u'\n').contains(u"self-signed", Qt::CaseInsensitive),
             qPrintable(exchange.error.details.join(u'\n')));
    QVERIFY(!exchange.hasResponse());
}

void TestHttpEngine::tlsTrustsExtraCertificateAuthorities()
{
    const auto certificate = TestCertificate::generate();
    if (!certificate)
        QSKIP("openssl is not available to make a test certificate");
    TlsScriptedServer server(*certificate);
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "verified"));
    QTemporaryDir directory;
    const QString pem = directory.filePath(QStringLiteral("ca.pem"));
    QFile file(pem);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(certificate->cert.toPem());
    file.close();
    QString problem;
    const QList<QSslCertificate> authorities = HttpEngine::loadCertificates({pem}, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(authorities.size(), 1);
    m_engine.setExtraCaCertificates(authorities);
    const auto restore = qScopeGuard([this] { m_engine.setExtraCaCertificates({}); });
    Request r;
    r.url = server.url(QStringLiteral("/ca")).toString();
    const Exchange exchange = run(r); // verification on
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.body.bytes(), QByteArray("verified"));

    QVERIFY(HttpEngine::loadCertificates({directory.filePath(QStringLiteral("missing.pem"))}, &problem).isEmpty());
    QVERIFY2(problem.contains(u"cannot be read"), qPrintable(problem));
    QFile notPem(directory.filePath(QStringLiteral("not.pem")));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("hello");
    notPem.close();
    QVERIFY(HttpEngine::loadCertificates({notPem.fileName()}, &problem).isEmpty());
    QVERIFY2(problem.contains(u"holds no certificate"), qPrintable(problem));
}

void TestHttpEngine::tlsSelfSignedAcceptedWithToggle()
{
    const auto certificate = TestCertificate::generate();
    if (!certificate)
        QSKIP("openssl is not available to make a test certificate");
    TlsScriptedServer server(*certificate);
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "secret"));
    Request r;
    r.url = server.url(QStringLiteral("/tls")).toString();
    r.settings.ignoreTlsErrors = true;
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.body.bytes(), QByteArray("secret"));
    QVERIFY(exchange.tls.used);
    QVERIFY(exchange.tls.protocol.startsWith(u"TLS"));
    QVERIFY(exchange.tls.peerSubject.contains(u"localhost"));
    QVERIFY(exchange.timings.connect >= 0);
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
}

void TestHttpEngine::connectionResetMidBody()
{
    const Exchange exchange = run(request(QStringLiteral("/drop/1000")));
    QCOMPARE(exchange.error.kind, TransportError::Kind::ConnectionClosed);
    QVERIFY2(exchange.error.message.contains(u"closed"), qPrintable(exchange.error.message));
    QVERIFY(exchange.hasResponse());
}

void TestHttpEngine::connectionRefused()
{
    quint16 port = 0;
    {
        ScriptedServer closed;
        QVERIFY(closed.listen());
        port = closed.port();
    }
    Request r;
    r.url = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::ConnectionRefused);
    QVERIFY(exchange.error.message.contains(QString::number(port)));
}

void TestHttpEngine::invalidRequestsCaughtBeforeSending_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    const int invalidUrl = int(TransportError::Kind::InvalidUrl);
    QTest::newRow("empty") << "GET" << "" << invalidUrl;
    QTest::newRow("blank") << "GET" << "   " << invalidUrl;
    QTest::newRow("ftp") << "GET" << "ftp://127.0.0.1/file" << invalidUrl;
    QTest::newRow("no host") << "GET" << "http:///path" << invalidUrl;
    QTest::newRow("bad port") << "GET" << "http://127.0.0.1:99999/" << invalidUrl;
    QTest::newRow("method with space") << "GE T" << "http://127.0.0.1/" << int(TransportError::Kind::Other);
    QTest::newRow("empty method") << "" << "http://127.0.0.1/" << int(TransportError::Kind::Other);
    QTest::newRow("header injection") << "GET" << "http://127.0.0.1/" << int(TransportError::Kind::Other);
    QTest::newRow("header name with space") << "GET" << "http://127.0.0.1/" << int(TransportError::Kind::Other);
}

void TestHttpEngine::invalidRequestsCaughtBeforeSending()
{
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(int, kind);
    Request r;
    r.method = method;
    r.url = url;
    if (QByteArray(QTest::currentDataTag()) == "header injection")
        r.headers = {{"X-Ok", "a\r\nX-Injected: yes"}};
    else if (QByteArray(QTest::currentDataTag()) == "header name with space")
        r.headers = {{"Bad Name", "x"}};
    const Exchange exchange = run(r);
    QCOMPARE(int(exchange.error.kind), kind);
    QVERIFY(!exchange.error.message.isEmpty());
    QVERIFY(exchange.sent.method.isEmpty()); // nothing went out
}

void TestHttpEngine::reusedConnectionHasNoConnectPhase()
{
    const Exchange first = run(request(QStringLiteral("/get")));
    const Exchange second = run(request(QStringLiteral("/get?again")));
    QVERIFY(!first.error.isError() && !second.error.isError());
    QVERIFY(second.timings.connectionReused);
    QVERIFY(second.timings.connect < 0);
    QVERIFY(second.timings.wait >= 0);
    QVERIFY(second.timings.total >= second.timings.wait);
}

namespace {

ProxySettings customProxy(const QString &url, const QString &user = {}, const QString &password = {})
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode::Custom;
    proxy.url = url;
    proxy.user = user;
    proxy.password = password;
    return proxy;
}

} // namespace

void TestHttpEngine::httpProxy_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("method");
    QTest::newRow("no authentication") << QString() << "GET";
    QTest::newRow("Basic authentication") << "alice" << "GET";
    QTest::newRow("POST with authentication") << "alice" << "POST";
}

void TestHttpEngine::httpProxy()
{
    QFETCH(QString, user);
    QFETCH(QString, method);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "through the proxy"));
    HttpTestProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setCredentials(user, QStringLiteral("s3cret:pw"));

    Request r = request(QString(), method);
    r.url = server.url(QStringLiteral("/via?x=1")).toString();
    if (method == u"POST")
        r.body = Body {Body::Kind::Raw, QStringLiteral("text/plain"), "hello"};
    r.settings.proxy = customProxy(proxy.url(), user, user.isEmpty() ? QString() : QStringLiteral("s3cret:pw"));
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message + u'\n' + QString::fromLatin1(proxy.requestHeads().join("----"))));
    QCOMPARE(exchange.response->statusCode, 200);
    QCOMPARE(exchange.body.bytes(), QByteArray("through the proxy"));
    QCOMPARE(proxy.forwardedCount(), 1);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(server.lastRequestHead().startsWith(QByteArray(method.toLatin1() + " /via?x=1 HTTP/1.1\r\n")));
    // What the Request tab shows is what reached the proxy: the absolute URI, and the credentials.
    QCOMPARE(exchange.sent.headText(), proxy.requestHeads().constLast());
    QCOMPARE(exchange.sent.target, server.url(QStringLiteral("/via?x=1")).toEncoded());
}

void TestHttpEngine::urlAsABrowserTakesIt_data()
{
    QTest::addColumn<QString>("userInfo");
    QTest::addColumn<QString>("ownAuthorization");
    QTest::addColumn<QByteArray>("expectedAuthorization"); // empty: none sent
    QTest::newRow("fragment only") << QString() << QString() << QByteArray();
    QTest::newRow("user and password") << QStringLiteral("ada:p%40ss%3Aw%C3%B6rd@") << QString()
                                       << QByteArray("Basic " + QByteArray("ada:p@ss:w\xc3\xb6rd").toBase64());
    QTest::newRow("user only") << QStringLiteral("ada@") << QString() << QByteArray("Basic " + QByteArray("ada:").toBase64());
    QTest::newRow("own header wins") << QStringLiteral("ada:x@") << QStringLiteral("Bearer mine") << QByteArray("Bearer mine");
}

void TestHttpEngine::urlAsABrowserTakesIt()
{
    QFETCH(QString, userInfo);
    QFETCH(QString, ownAuthorization);
    QFETCH(QByteArray, expectedAuthorization);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "ok"));
    Request r;
    r.url = u"http://" + userInfo + u"127.0.0.1:" + QString::number(server.url(QStringLiteral("/")).port())
        + u"/page?x=1#section-2";
    if (!ownAuthorization.isEmpty())
        r.headers = {{QStringLiteral("Authorization"), ownAuthorization}};
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    const QByteArray head = server.lastRequestHead();
    // The fragment stays in the browser; user info never travels in the URL.
    QVERIFY2(head.startsWith("GET /page?x=1 HTTP/1.1\r\n"), head.constData());
    QVERIFY(!head.contains("section-2"));
    QVERIFY(!exchange.sent.url.toString().contains(u'@'));
    if (expectedAuthorization.isEmpty())
        QVERIFY(!head.contains(asSent("Authorization")));
    else
        QVERIFY2(head.contains(asSent("\r\nAuthorization: " + expectedAuthorization + "\r\n")), head.constData());
}

void TestHttpEngine::defaultProxyAppliesUnlessOverridden_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("viaProxy");
    QTest::newRow("default: the application's proxy") << int(ProxySettings::Mode::Default) << true;
    QTest::newRow("none: directly") << int(ProxySettings::Mode::None) << false;
}

void TestHttpEngine::defaultProxyAppliesUnlessOverridden()
{
    QFETCH(int, mode);
    QFETCH(bool, viaProxy);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "ok"));
    HttpTestProxy proxy;
    QVERIFY(proxy.listen());
    m_engine.setDefaultProxy(customProxy(proxy.url()));
    const auto restore = qScopeGuard([this] { m_engine.setDefaultProxy({ProxySettings::Mode::None}); });
    Request r;
    r.url = server.url(QStringLiteral("/x")).toString();
    r.settings.proxy.mode = ProxySettings::Mode(mode);
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(proxy.forwardedCount(), viaProxy ? 1 : 0);
    // The exchange tells which proxy was really used.
    QCOMPARE(exchange.request.settings.proxy.mode, viaProxy ? ProxySettings::Mode::Custom : ProxySettings::Mode::None);
}

void TestHttpEngine::httpsThroughHttpProxy()
{
    const auto certificate = TestCertificate::generate();
    if (!certificate)
        QSKIP("openssl is not available to make a test certificate");
    TlsScriptedServer server(*certificate);
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "tunnelled over TLS"));
    HttpTestProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setCredentials(QStringLiteral("alice"), QStringLiteral("right"));
    Request r;
    r.url = server.url(QStringLiteral("/secure?x=1")).toString();
    r.settings.ignoreTlsErrors = true;
    r.settings.proxy = customProxy(proxy.url(), QStringLiteral("alice"), QStringLiteral("right"));
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.body.bytes(), QByteArray("tunnelled over TLS"));
    QVERIFY(exchange.tls.used);
    // The proxy saw only the CONNECT: the request itself went end to end encrypted.
    QCOMPARE(proxy.connects(), QList<QByteArray> {"127.0.0.1:" + QByteArray::number(server.url(QStringLiteral("/")).port())});
    QCOMPARE(proxy.forwardedCount(), 0);
    QVERIFY(proxy.requestHeads().constLast().contains("Proxy-Authorization: Basic"));
    QVERIFY(server.lastRequestHead().startsWith("GET /secure?x=1 HTTP/1.1\r\n"));
}

void TestHttpEngine::httpProxyAuthenticationRequired_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("message");
    QTest::newRow("no credentials") << QString() << QString() << "asks for a user name and password (407";
    QTest::newRow("wrong password") << "alice" << "wrong" << "rejected the user name “alice”";
}

void TestHttpEngine::httpProxyAuthenticationRequired()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, message);
    ScriptedServer server;
    QVERIFY(server.listen());
    HttpTestProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setCredentials(QStringLiteral("alice"), QStringLiteral("right"));
    Request r;
    r.url = server.url(QStringLiteral("/x")).toString();
    r.settings.proxy = customProxy(proxy.url(), user, password);
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Proxy);
    QVERIFY2(exchange.error.message.contains(message), qPrintable(exchange.error.message));
    QCOMPARE(proxy.forwardedCount(), 0);
    QCOMPARE(server.requestCount(), 0);
}

void TestHttpEngine::socks5ProxyWithAuthentication()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "tunnelled"));
    Socks5TestProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setCredentials("bob", "pa55");
    Request r;
    r.url = QStringLiteral("http://localhost:%1/socks").arg(server.port());
    r.settings.proxy = customProxy(QStringLiteral("socks5://127.0.0.1:%1").arg(proxy.port()), QStringLiteral("bob"),
                                   QStringLiteral("pa55"));
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.body.bytes(), QByteArray("tunnelled"));
    QCOMPARE(proxy.users(), QList<QByteArray> {"bob"});
    // The proxy resolves the name: Sonde sends it as is.
    QCOMPARE(proxy.connects(), QList<QByteArray> {"localhost:" + QByteArray::number(server.port())});
    QCOMPARE(exchange.timings.dns, -1.0);
    QCOMPARE(exchange.sent.headText(), server.lastRequestHead());
    QCOMPARE(proxy.relayed(), server.received());
}

void TestHttpEngine::socks5ProxyRejectsCredentials()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Socks5TestProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setCredentials("bob", "pa55");
    Request r;
    r.url = server.url(QStringLiteral("/x")).toString();
    r.settings.proxy = customProxy(QStringLiteral("socks5://127.0.0.1:%1").arg(proxy.port()), QStringLiteral("bob"),
                                   QStringLiteral("nope"));
    const Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Proxy);
    QVERIFY2(exchange.error.message.contains(u"rejected the user name “bob”"), qPrintable(exchange.error.message));
    QCOMPARE(server.connectionCount(), 0);
}

void TestHttpEngine::proxyRefused()
{
    quint16 closedPort = 0;
    {
        HttpTestProxy closed;
        QVERIFY(closed.listen());
        closedPort = closed.port();
    }
    for (const QString &scheme : {QStringLiteral("http"), QStringLiteral("socks5")}) {
        Request r = request(QStringLiteral("/status/200"));
        r.settings.proxy = customProxy(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(closedPort));
        const Exchange exchange = run(r);
        QVERIFY2(exchange.error.kind == TransportError::Kind::Proxy, qPrintable(exchange.error.message));
        QVERIFY2(exchange.error.message.contains(QStringLiteral("proxy %1://127.0.0.1:%2")
                                                        .arg(scheme)
                                                        .arg(closedPort)),
                 qPrintable(exchange.error.message));
    }
}

void TestHttpEngine::invalidProxyUrl()
{
    Request r = request(QStringLiteral("/status/200"));
    r.settings.proxy = customProxy(QStringLiteral("ftp://127.0.0.1:21"));
    Exchange exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Proxy);
    QVERIFY2(exchange.error.message.contains(u"HTTP and SOCKS5 proxies"), qPrintable(exchange.error.message));
    r.settings.proxy = customProxy(QString());
    exchange = run(r);
    QCOMPARE(exchange.error.kind, TransportError::Kind::Proxy);
}

void TestHttpEngine::concurrentRequestsUseTheirOwnProxies()
{
    // Same URL, started in the same turn of the event loop: one through each proxy, one direct. A POST
    // starts later inside QNAM than a GET, so the POST goes first to catch a mix-up.
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, "ok"));
    HttpTestProxy httpProxy;
    QVERIFY(httpProxy.listen());
    Socks5TestProxy socksProxy;
    QVERIFY(socksProxy.listen());

    Request viaHttp;
    viaHttp.method = QStringLiteral("POST");
    viaHttp.url = server.url(QStringLiteral("/same")).toString();
    viaHttp.body = Body {Body::Kind::Raw, QStringLiteral("text/plain"), "via http"};
    viaHttp.settings.proxy = customProxy(httpProxy.url());
    Request viaSocks = viaHttp;
    viaSocks.body.data = "via socks";
    viaSocks.settings.proxy = customProxy(QStringLiteral("socks5://127.0.0.1:%1").arg(socksProxy.port()));
    Request direct = viaHttp;
    direct.method = QStringLiteral("GET");
    direct.body = Body();
    direct.settings.proxy = ProxySettings();

    QList<Transfer *> transfers;
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (const Request &r : {viaHttp, viaSocks, direct}) {
        transfers.append(m_engine.send(r, this));
        spies.append(std::make_shared<QSignalSpy>(transfers.constLast(), &Transfer::finished));
    }
    for (const auto &spy : std::as_const(spies))
        QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 60000);
    for (int i = 0; i < 3; ++i) {
        const Exchange exchange = spies[i]->at(0).at(0).value<Exchange>();
        QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
        transfers[i]->deleteLater();
    }
    QCOMPARE(httpProxy.requestHeads().size(), 1);
    QVERIFY(httpProxy.requestHeads().constFirst().startsWith("POST http://"));
    QCOMPARE(socksProxy.connects().size(), 1);
    QVERIFY(socksProxy.relayed().endsWith("via socks"));
    QCOMPARE(server.requestCount(), 3);
    const QList<QByteArray> heads = server.requestHeads();
    QCOMPARE(std::count_if(heads.cbegin(), heads.cend(), [](const QByteArray &head) { return head.startsWith("GET /same"); }),
             1);
}

void TestHttpEngine::pathParametersSubstituted()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Request r;
    r.url = server.url(QStringLiteral("/users/:id/files/:name?q=:id")).toString();
    r.pathParams = {{QStringLiteral("id"), QStringLiteral("42")}, {QStringLiteral("name"), QStringLiteral("a b/ü")}};
    const Exchange exchange = run(r);
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QVERIFY2(server.lastRequestHead().startsWith("GET /users/42/files/a%20b%2F%C3%BC?q=:id HTTP/1.1"),
             server.lastRequestHead().constData());
    QCOMPARE(exchange.sent.target, QByteArray("/users/42/files/a%20b%2F%C3%BC?q=:id"));
}

QTEST_GUILESS_MAIN(TestHttpEngine)
#include "tst_httpengine.moc"
