#include "ScriptedServer.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace Sonde;

namespace {

bool connectTo(QTcpSocket &socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}

// Reads until `buffer` holds at least `size` bytes or the peer closes.
bool readAtLeast(QTcpSocket &socket, QByteArray &buffer, qsizetype size)
{
    return QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            return buffer.size() >= size;
        },
        5000);
}

QByteArray readUntilClosed(QTcpSocket &socket)
{
    QByteArray buffer;
    [[maybe_unused]] const bool closed = QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    return buffer + socket.readAll();
}

const QByteArray GetRequest = "GET /x?y=1 HTTP/1.1\r\nHost: h\r\n\r\n";

} // namespace

class tst_ScriptedServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void url();
    void fixedResponse();
    void requestBodies_data();
    void requestBodies();
    void queuedResponses();
    void handler();
    void closeAfterResponse();
    void closeMidBody();
    void delayedAnswer();
    void neverAnswer();
    void tlsHandshake();
};

void tst_ScriptedServer::url()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    QCOMPARE(server.url(), QUrl(base + u'/'));
    QCOMPARE(server.url(QStringLiteral("/a/b?c=d")), QUrl(base + QStringLiteral("/a/b?c=d")));
}

void tst_ScriptedServer::fixedResponse()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QByteArray raw = ScriptedServer::response(200, "hello", {{"X-Test", "1"}});
    QCOMPARE(raw, QByteArray("HTTP/1.1 200 OK\r\nX-Test: 1\r\nContent-Length: 5\r\n\r\nhello"));
    server.setResponse(raw);

    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    socket.write(GetRequest);
    QByteArray answer;
    QVERIFY(readAtLeast(socket, answer, raw.size()));
    QCOMPARE(answer, raw);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(server.openConnectionCount(), 1);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.received(0), GetRequest);
    QCOMPARE(server.received(), GetRequest);
    QCOMPARE(server.lastRequestHead(), GetRequest);
    QCOMPARE(server.lastRequestBody(), QByteArray());

    // Same connection, byte by byte: still one request at a time.
    for (char c : GetRequest)
        socket.write(&c, 1);
    answer.clear();
    QVERIFY(readAtLeast(socket, answer, raw.size()));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.received(0), QByteArray(GetRequest + GetRequest));
}

void tst_ScriptedServer::requestBodies_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
                                    << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n")
                                    << QByteArray("hello");
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n")
                             << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << QByteArray("Wikipedia");
    QTest::newRow("no body") << QByteArray("DELETE /item HTTP/1.1\r\nHost: h\r\n\r\n")
                             << QByteArray("DELETE /item HTTP/1.1\r\nHost: h\r\n\r\n") << QByteArray();
}

void tst_ScriptedServer::requestBodies()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);

    ScriptedServer server;
    QVERIFY(server.listen());
    QSignalSpy requests(&server, &ScriptedServer::requestReceived);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    // In two halves, so the server has to wait for the rest of the body.
    socket.write(request.left(request.size() - 3));
    QVERIFY(QTest::qWaitFor([&] { return server.received().size() == request.size() - 3; }, 5000));
    QCOMPARE(server.requestCount(), 0);
    socket.write(request.right(3));
    QVERIFY(requests.wait(5000));
    QCOMPARE(server.lastRequestHead(), head);
    QCOMPARE(server.lastRequestBody(), body);
    QCOMPARE(server.requestHeads(), QList<QByteArray> {head});
}

void tst_ScriptedServer::queuedResponses()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QByteArray first = ScriptedServer::response(201, "first");
    const QByteArray second = ScriptedServer::response(404, "second");
    const QByteArray fallback = ScriptedServer::response(500, "fallback");
    server.queueResponses({first, second});
    server.setResponse(fallback);

    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    socket.write(GetRequest + GetRequest + GetRequest); // pipelined
    const QByteArray expected = first + second + fallback;
    QByteArray answer;
    QVERIFY(readAtLeast(socket, answer, expected.size()));
    QCOMPARE(answer, expected);
    QCOMPARE(server.requestCount(), 3);
}

void tst_ScriptedServer::handler()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setHandler([](QTcpSocket *socket, const QByteArray &head, const QByteArray &body) {
        socket->write(ScriptedServer::response(200, head.left(head.indexOf(' ')) + ':' + body));
    });
    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    socket.write("PUT / HTTP/1.1\r\nContent-Length: 2\r\n\r\nok");
    const QByteArray expected = ScriptedServer::response(200, "PUT:ok");
    QByteArray answer;
    QVERIFY(readAtLeast(socket, answer, expected.size()));
    QCOMPARE(answer, expected);
}

void tst_ScriptedServer::closeAfterResponse()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setCloseAfterResponse(true);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    socket.write(GetRequest);
    QCOMPARE(readUntilClosed(socket), ScriptedServer::response(200));
    QTRY_COMPARE(server.openConnectionCount(), 0);
}

void tst_ScriptedServer::closeMidBody()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QByteArray raw = ScriptedServer::response(200, QByteArray(10000, 'x'));
    server.setResponse(raw);
    server.setCloseAfterBytes(raw.size() - 9000);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    socket.write(GetRequest);
    QCOMPARE(readUntilClosed(socket), raw.left(raw.size() - 9000));
}

void tst_ScriptedServer::delayedAnswer()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponseDelay(300);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    QElapsedTimer clock;
    clock.start();
    socket.write(GetRequest);
    QByteArray answer;
    QVERIFY(readAtLeast(socket, answer, ScriptedServer::response(200).size()));
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(answer, ScriptedServer::response(200));
}

void tst_ScriptedServer::neverAnswer()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setNeverAnswer(true);
    QTcpSocket socket;
    QVERIFY(connectTo(socket, server.port()));
    socket.write(GetRequest);
    QTRY_COMPARE(server.requestCount(), 1);
    // Nothing comes back while the request is being held.
    QVERIFY(!QTest::qWaitFor([&] { return socket.bytesAvailable() > 0; }, 300));
    server.closeConnections();
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(socket.readAll(), QByteArray());
}

void tst_ScriptedServer::tlsHandshake()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    const std::optional<TestCertificate> certificate = TestCertificate::generate();
    if (!certificate)
        QSKIP("the openssl command line tool is not available");
    QVERIFY(certificate->cert.isSelfSigned());
    QCOMPARE(certificate->cert.subjectInfo(QSslCertificate::CommonName),
        QStringList {QStringLiteral("localhost")});

    TlsScriptedServer server(*certificate);
    QVERIFY(server.listen());
    QCOMPARE(server.url().scheme(), QStringLiteral("https"));
    server.setResponse(ScriptedServer::response(200, "secret"));

    QSslSocket client;
    // Exactly the self-signed error is accepted, nothing else.
    client.ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, certificate->cert)});
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port(), QStringLiteral("localhost"));
    QVERIFY(encrypted.wait(10000));
    QCOMPARE(client.peerCertificate(), certificate->cert);
    QTRY_COMPARE(server.encryptedCount(), 1);

    client.write(GetRequest);
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += client.readAll();
            return answer.endsWith("secret");
        },
        5000));
    QCOMPARE(answer, ScriptedServer::response(200, "secret"));
    QCOMPARE(server.lastRequestHead(), GetRequest);
    QCOMPARE(server.received(0), GetRequest);
}

QTEST_GUILESS_MAIN(tst_ScriptedServer)
#include "tst_scriptedserver.moc"
