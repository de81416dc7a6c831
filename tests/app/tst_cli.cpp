// End-to-end tests of sonde-cli: the real binary, run with QProcess, against the echo server it runs itself.
#include "ScriptedServer.h"
#include "WireText.h"
#include "echo/EchoServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include "CliRunner.h"
#include "HttpTestProxy.h"
#include "Socks5TestProxy.h"
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <optional>
#include <signal.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int RunTimeoutMs = 30000;
constexpr int StartTimeoutMs = 10000;

using Sonde::CliResult;

/// Runs sonde-cli to the end with `input` on its standard input.
CliResult runCli(const QStringList &arguments, const QByteArray &input = {})
{
    return Sonde::runProgram(QStringLiteral(SONDE_CLI), arguments, input, QProcessEnvironment::systemEnvironment(),
                             RunTimeoutMs);
}

/// A port nothing listens on right now: bound, then released.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

/// `sonde-cli echo --port N` on a free port, running until stop().
class EchoProcess
{
public:
    EchoProcess() = default;
    EchoProcess(const EchoProcess &) = delete;
    EchoProcess &operator=(const EchoProcess &) = delete;

    ~EchoProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(StartTimeoutMs);
        }
    }

    /// Starts it and waits for its "listening on" line. Another program may take the free port between
    /// the probe and the start: then it exits with 2, and another port is tried.
    bool start(QString *error)
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = freePort();
            m_process.start(QStringLiteral(SONDE_CLI), {u"echo"_s, u"--port"_s, QString::number(m_port)});
            if (!m_process.waitForStarted(StartTimeoutMs)) {
                *error = m_process.errorString();
                return false;
            }
            if (waitForListening())
                return true;
            m_process.waitForFinished(StartTimeoutMs);
            *error
                = QStringLiteral("no \"listening on\" line; exit %1, stdout “%2”, stderr “%3”")
                      .arg(m_process.exitCode())
                      .arg(QString::fromUtf8(m_output), QString::fromUtf8(m_process.readAllStandardError()));
            m_output.clear();
        }
        return false;
    }

    /// Sends `signal` and waits for the exit code.
    std::optional<int> stop(int signal)
    {
        ::kill(static_cast<pid_t>(m_process.processId()), signal);
        if (!m_process.waitForFinished(StartTimeoutMs) || m_process.exitStatus() != QProcess::NormalExit)
            return std::nullopt;
        return m_process.exitCode();
    }

    quint16 port() const { return m_port; }
    QByteArray output() const { return m_output; }
    /// `http://127.0.0.1:PORT`, without the trailing slash.
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    bool waitForListening()
    {
        const QDeadlineTimer deadline(StartTimeoutMs);
        while (!m_output.contains('\n')) {
            if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
                return false;
            m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()));
            m_output += m_process.readAllStandardOutput();
        }
        return m_output.contains("listening on");
    }

    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

/// Splits the plain output of `send`: status line, header lines, body.
struct PrintedResponse
{
    QByteArray statusLine;
    QList<QByteArray> headerLines;
    QByteArray body;
};

PrintedResponse splitPrinted(const QByteArray &out)
{
    PrintedResponse printed;
    const qsizetype headEnd = out.indexOf("\n\n");
    const QList<QByteArray> lines = out.left(headEnd < 0 ? out.size() : headEnd).split('\n');
    printed.statusLine = lines.value(0);
    printed.headerLines = lines.mid(1);
    if (headEnd >= 0)
        printed.body = out.mid(headEnd + 2);
    return printed;
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/// The echo server's description of the request, from the body of `send --json` output.
QJsonObject echoedRequest(const QJsonObject &exchange)
{
    return parseObject(exchange.value("response"_L1).toObject().value("body"_L1).toString().toUtf8());
}

QStringList headerNames(const QJsonArray &headers)
{
    QStringList names;
    for (const QJsonValue &header : headers)
        names.append(header.toArray().at(0).toString());
    return names;
}

/// Every file below `root` with its bytes, by relative path.
QMap<QString, QByteArray> filesBelow(const QString &root)
{
    QMap<QString, QByteArray> files;
    const QDir dir(root);
    for (QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(dir.relativeFilePath(file.fileName()), file.readAll());
    }
    return files;
}

bool writeFiles(const QString &root, const QMap<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = QDir(root).filePath(it.key());
        QFile file(path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)
            || file.write(it.value()) != it.value().size())
            return false;
    }
    return true;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void echoServesUntilSignal_data();
    void echoServesUntilSignal();
    void echoRefusesBadStart_data();
    void echoRefusesBadStart();

    void sendPrintsResponse_data();
    void sendPrintsResponse();
    void sendJsonShape();
    void sendRequestOptions_data();
    void sendRequestOptions();
    void sendExitStatus_data();
    void sendExitStatus();
    void sendJsonError_data();
    void sendJsonError();

    void sendWorkspace_data();
    void sendWorkspace();
    void sendWorkspaceFails_data();
    void sendWorkspaceFails();
    void sendCookieJar();
    void sendCookieJarInvalid();
    void sendThroughProxy_data();
    void sendThroughProxy();
    void sendProxyInvalid_data();
    void sendProxyInvalid();

    void query_data();
    void query();

private:
    /// `arguments` with %base% replaced by the echo URL (no trailing slash), %closed% by a URL nothing
    /// listens on, and %dir% by the temporary folder.
    QStringList expand(QStringList arguments) const;

    EchoProcess m_echo;
    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_closedBase;
};

void tst_Cli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(SONDE_CLI)), SONDE_CLI);
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_echo.start(&error), qPrintable(error));
    m_closedBase = QStringLiteral("http://127.0.0.1:%1").arg(freePort());

    m_workspace = m_dir.filePath(u"workspace"_s);
    const QString sample = qEnvironmentVariable("SONDE_TEST_DATA") + u"/workspace/sample"_s;
    const QMap<QString, QByteArray> files = filesBelow(sample);
    QVERIFY2(files.contains(u"collections/Echo/Get with query.yaml"_s), qPrintable(sample));
    QVERIFY(writeFiles(m_workspace, files));

    QVERIFY(writeFiles(m_dir.path(),
        {{u"body.json"_s, R"({"from": "file", "n": [1, 2]})"},
            {u"body.bin"_s, QByteArray("\x00\xff\x01 raw", 8)},
            {u"doc.json"_s, R"({"store": {"book": [{"title": "Dune", "price": 8.99},
                                                   {"title": "Emma", "price": 12}]}})"},
            {u"doc.xml"_s, R"(<?xml version="1.0"?>
<feed xmlns="urn:feed"><entry id="a">One &amp; two</entry><entry id="b">Three</entry></feed>
)"},
            {u"broken.json"_s, "{\"a\": [1, 2,\n  }"}, {u"broken.xml"_s, "<a><b></a>\n"}}));
}

void tst_Cli::cleanupTestCase()
{
    const std::optional<int> exitCode = m_echo.stop(SIGTERM);
    QVERIFY2(exitCode, "sonde-cli echo did not exit normally on SIGTERM");
    QCOMPARE(*exitCode, 0);
}

QStringList tst_Cli::expand(QStringList arguments) const
{
    for (QString &argument : arguments) {
        argument.replace(u"%base%"_s, m_echo.base());
        argument.replace(u"%closed%"_s, m_closedBase);
        argument.replace(u"%dir%"_s, m_dir.path());
    }
    return arguments;
}

void tst_Cli::echoServesUntilSignal_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_Cli::echoServesUntilSignal()
{
    QFETCH(int, signal);
    EchoProcess echo;
    QString error;
    QVERIFY2(echo.start(&error), qPrintable(error));
    QCOMPARE(echo.output(),
        QByteArray(
            "Sonde echo server listening on http://127.0.0.1:" + QByteArray::number(echo.port()) + "/\n"));

    const CliResult sent = runCli({u"send"_s, echo.base() + u"/get?x=1"_s});
    QCOMPARE(sent.exitCode, 0);
    QCOMPARE(splitPrinted(sent.out).statusLine, "HTTP/1.1 200 OK");

    const std::optional<int> exitCode = echo.stop(signal);
    QVERIFY2(exitCode, "sonde-cli echo did not exit normally");
    QCOMPARE(*exitCode, 0);
}

void tst_Cli::echoRefusesBadStart_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    // The shared echo server holds its port for the whole test.
    QTest::newRow("port taken") << QStringList {u"--port"_s, u"%port%"_s}
                                << u"sonde-cli echo: cannot listen on 127.0.0.1:%port%"_s;
    QTest::newRow("port not a number")
        << QStringList {u"--port"_s, u"http"_s} << u"--port takes a number from 0 to 65535"_s;
    QTest::newRow("port too large") << QStringList {u"-p"_s, u"65536"_s}
                                    << u"--port takes a number from 0 to 65535"_s;
    QTest::newRow("extra argument") << QStringList {u"now"_s} << u"unexpected argument “now”"_s;
    QTest::newRow("unknown option") << QStringList {u"--verbose"_s} << u"Unknown option 'verbose'"_s;
}

void tst_Cli::echoRefusesBadStart()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString port = QString::number(m_echo.port());
    arguments.replaceInStrings(u"%port%"_s, port);
    message.replace(u"%port%"_s, port);

    const CliResult result = runCli(QStringList {u"echo"_s} + arguments);
    QVERIFY(!result.timedOut);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

void tst_Cli::sendPrintsResponse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QList<QByteArray>>("headerLines");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("exactBody"); // else `body` is a part of it

    QTest::newRow("echo") << QStringList {u"%base%/get?x=1"_s} << QByteArray("HTTP/1.1 200 OK")
                          << QList<QByteArray> {"Server: Sonde-Echo", "Content-Type: application/json"}
                          << QByteArray(R"("url": "%base%/get?x=1")") << false;
    QTest::newRow("no scheme") << QStringList {u"127.0.0.1:%port%/get"_s} << QByteArray("HTTP/1.1 200 OK")
                               << QList<QByteArray> {} << QByteArray(R"("path": "/get")") << false;
    QTest::newRow("404 text") << QStringList {u"%base%/status/404"_s} << QByteArray("HTTP/1.1 404 Not Found")
                              << QList<QByteArray> {"Content-Type: text/plain; charset=utf-8",
                                     "Content-Length: 14"}
                              << QByteArray("404 Not Found\n") << true;
    QTest::newRow("204 no body") << QStringList {u"%base%/status/204"_s}
                                 << QByteArray("HTTP/1.1 204 No Content") << QList<QByteArray> {}
                                 << QByteArray() << true;
    QTest::newRow("HEAD") << QStringList {u"-X"_s, u"HEAD"_s, u"%base%/get"_s}
                          << QByteArray("HTTP/1.1 200 OK")
                          << QList<QByteArray> {"Content-Type: application/json"} << QByteArray() << true;
    QTest::newRow("gzip decoded") << QStringList {u"%base%/gzip"_s} << QByteArray("HTTP/1.1 200 OK")
                                  << QList<QByteArray> {"Content-Encoding: gzip"}
                                  << QByteArray(R"("gzipped": true)") << false;
    QTest::newRow("binary body") << QStringList {u"%base%/bytes/1000?seed=7"_s}
                                 << QByteArray("HTTP/1.1 200 OK")
                                 << QList<QByteArray> {"Content-Type: application/octet-stream",
                                        "Content-Length: 1000"}
                                 << Sonde::EchoServer::pseudoRandomBytes(1000, 7) << true;
    QTest::newRow("chunked") << QStringList {u"%base%/chunked/100"_s} << QByteArray("HTTP/1.1 200 OK")
                             << QList<QByteArray> {"Transfer-Encoding: chunked"}
                             << Sonde::EchoServer::pseudoRandomBytes(100, 100) << true;
    QTest::newRow("redirects followed")
        << QStringList {u"%base%/redirect/2"_s} << QByteArray("HTTP/1.1 200 OK") << QList<QByteArray> {}
        << QByteArray(R"("path": "/get")") << false;
    QTest::newRow("--no-follow") << QStringList {u"--no-follow"_s, u"%base%/redirect/2"_s}
                                 << QByteArray("HTTP/1.1 302 Found")
                                 << QList<QByteArray> {"Location: /redirect/1"}
                                 << QByteArray("Redirecting to /redirect/1\n") << true;
}

void tst_Cli::sendPrintsResponse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, statusLine);
    QFETCH(QList<QByteArray>, headerLines);
    QFETCH(QByteArray, body);
    QFETCH(bool, exactBody);
    arguments.replaceInStrings(u"%port%"_s, QString::number(m_echo.port()));
    body.replace("%base%", m_echo.base().toUtf8());

    const CliResult result = runCli(QStringList {u"send"_s} + expand(arguments));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const PrintedResponse printed = splitPrinted(result.out);
    QCOMPARE(printed.statusLine, statusLine);
    // Header names are case-insensitive, and Qt 6.8 reports them in lower case.
    const auto hasLine = [&printed](const QByteArray &line) {
        const qsizetype colon = line.indexOf(':');
        return std::any_of(printed.headerLines.cbegin(), printed.headerLines.cend(), [&](const QByteArray &printedLine) {
            return printedLine.left(colon).compare(line.left(colon), Qt::CaseInsensitive) == 0
                && printedLine.mid(colon) == line.mid(colon);
        });
    };
    QVERIFY(hasLine("Server: Sonde-Echo"));
    QVERIFY(std::any_of(printed.headerLines.cbegin(), printed.headerLines.cend(),
        [](const QByteArray &line) { return line.toLower().startsWith("date: "); }));
    for (const QByteArray &line : std::as_const(headerLines))
        QVERIFY2(hasLine(line), line.constData());
    if (exactBody)
        QCOMPARE(printed.body, body);
    else
        QVERIFY2(printed.body.contains(body), printed.body.constData());
}

void tst_Cli::sendJsonShape()
{
    const CliResult result = runCli({u"send"_s, u"--json"_s, m_echo.base() + u"/get?a=1"_s});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject exchange = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    for (const char *key :
        {"id", "startedAt", "request", "redirects", "response", "timings", "sizes", "error"})
        QVERIFY2(exchange.contains(QLatin1String(key)), key);
    QVERIFY(!exchange.contains("tls"_L1)); // plain HTTP
    QVERIFY(exchange.value("error"_L1).isNull());
    QCOMPARE(exchange.value("redirects"_L1).toArray().size(), 0);

    const QJsonObject request = exchange.value("request"_L1).toObject();
    QCOMPARE(request.value("method"_L1).toString(), u"GET"_s);
    QCOMPARE(request.value("url"_L1).toString(), m_echo.base() + u"/get?a=1"_s);
    QCOMPARE(request.value("target"_L1).toString(), u"/get?a=1"_s);
    QCOMPARE(request.value("httpVersion"_L1).toString(), u"HTTP/1.1"_s);
    QCOMPARE(request.value("bodySize"_L1).toInt(-1), 0);
    const QStringList sent = headerNames(request.value("headers"_L1).toArray());
    for (const QString &name : {u"Host"_s, u"User-Agent"_s, u"Accept"_s, u"Accept-Encoding"_s,
             u"Connection"_s, u"Accept-Language"_s})
        QVERIFY2(sent.contains(name, Qt::CaseInsensitive), qPrintable(sent.join(u", "_s)));
    QVERIFY(request.value("headers"_L1)
                .toArray()
                .contains(QJsonArray {QString::fromLatin1(asSent("User-Agent")), u"Sonde/" SONDE_VERSION ""_s}));
    // What the engine says it sent is what arrived, in that order.
    QStringList received = headerNames(echoedRequest(exchange).value("headerList"_L1).toArray());
    QCOMPARE(sent, received);

    const QJsonObject response = exchange.value("response"_L1).toObject();
    QCOMPARE(response.value("status"_L1).toInt(), 200);
    QCOMPARE(response.value("reason"_L1).toString(), u"OK"_s);
    QCOMPARE(response.value("httpVersion"_L1).toString(), u"HTTP/1.1"_s);
    QVERIFY(headerNames(response.value("headers"_L1).toArray()).contains(u"Content-Type"_s, Qt::CaseInsensitive));
    QCOMPARE(response.value("bodyTruncated"_L1).toBool(true), false);

    const QJsonObject timings = exchange.value("timings"_L1).toObject();
    const QStringList timingKeys {u"connectMs"_s, u"connectionReused"_s, u"dnsMs"_s, u"downloadMs"_s,
        u"sendMs"_s, u"totalMs"_s, u"waitMs"_s};
    QCOMPARE(timings.keys(), timingKeys);
    QVERIFY(timings.value("dnsMs"_L1).isNull()); // an IP address: no lookup
    QVERIFY(timings.value("totalMs"_L1).toDouble() > 0);
    QCOMPARE(timings.value("connectionReused"_L1).toBool(true), false);

    const QJsonObject sizes = exchange.value("sizes"_L1).toObject();
    QCOMPARE(
        sizes.value("decodedBodyBytes"_L1).toInt(), response.value("body"_L1).toString().toUtf8().size());
}

void tst_Cli::sendRequestOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantMap>("headers"); // expected among the headers that arrived
    QTest::addColumn<QString>("body"); // null: no body
    QTest::addColumn<QJsonValue>("json"); // the parsed body the echo reports, undefined: none

    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("default GET") << QStringList {} << u"GET"_s
                                 << QVariantMap {{u"Accept"_s, u"*/*"_s},
                                        {u"Accept-Encoding"_s, u"gzip, deflate"_s}}
                                 << QString() << none;
    QTest::newRow("-X PUT") << QStringList {u"-X"_s, u"PUT"_s} << u"PUT"_s << QVariantMap {} << QString()
                            << none;
    QTest::newRow("--request PURGE") << QStringList {u"--request"_s, u"PURGE"_s} << u"PURGE"_s
                                     << QVariantMap {} << QString() << none;
    QTest::newRow("repeated -H") << QStringList {u"-H"_s, u"X-One: 1"_s, u"-H"_s, u"X-Two:two words "_s}
                                 << u"GET"_s
                                 << QVariantMap {{u"X-One"_s, u"1"_s}, {u"X-Two"_s, u"two words"_s}}
                                 << QString() << none;
    QTest::newRow("same name twice") << QStringList {u"-H"_s, u"X-Tag: a"_s, u"--header"_s, u"x-tag: b"_s}
                                     << u"GET"_s << QVariantMap {{u"X-Tag"_s, u"a, b"_s}} << QString()
                                     << none;
    QTest::newRow("-H replaces a default")
        << QStringList {u"-H"_s, u"User-Agent: probe/1"_s} << u"GET"_s
        << QVariantMap {{u"User-Agent"_s, u"probe/1"_s}} << QString() << none;
    QTest::newRow("-d JSON") << QStringList {u"-d"_s, uR"({"a": [1, true]})"_s} << u"POST"_s
                             << QVariantMap {{u"Content-Type"_s, u"application/json"_s},
                                    {u"Content-Length"_s, u"16"_s}}
                             << uR"({"a": [1, true]})"_s
                             << QJsonValue(QJsonObject {{u"a"_s, QJsonArray {1, true}}});
    QTest::newRow("-d text") << QStringList {u"--data"_s, u"plain words"_s} << u"POST"_s
                             << QVariantMap {{u"Content-Type"_s, u"text/plain"_s}} << u"plain words"_s
                             << none;
    QTest::newRow("-d with -H Content-Type")
        << QStringList {u"-d"_s, u"{}"_s, u"-H"_s, u"Content-Type: application/vnd.api+json"_s} << u"POST"_s
        << QVariantMap {{u"Content-Type"_s, u"application/vnd.api+json"_s}} << u"{}"_s
        << QJsonValue(QJsonObject {});
    QTest::newRow("-X with -d") << QStringList {u"-X"_s, u"PATCH"_s, u"-d"_s, u"[1]"_s} << u"PATCH"_s
                                << QVariantMap {{u"Content-Type"_s, u"application/json"_s}} << u"[1]"_s
                                << QJsonValue(QJsonArray {1});
    QTest::newRow("--data-file JSON")
        << QStringList {u"--data-file"_s, u"%dir%/body.json"_s} << u"POST"_s
        << QVariantMap {{u"Content-Type"_s, u"application/json"_s}} << uR"({"from": "file", "n": [1, 2]})"_s
        << QJsonValue(QJsonObject {{u"from"_s, u"file"_s}, {u"n"_s, QJsonArray {1, 2}}});
}

void tst_Cli::sendRequestOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, method);
    QFETCH(QVariantMap, headers);
    QFETCH(QString, body);
    QFETCH(QJsonValue, json);

    const CliResult result = runCli(QStringList {u"send"_s, u"--json"_s} + expand(arguments)
        + QStringList {m_echo.base() + u"/anything"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject echo = echoedRequest(parseObject(result.out));
    QCOMPARE(echo.value("method"_L1).toString(), method);
    const QJsonObject received = echo.value("headers"_L1).toObject();
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        QCOMPARE(received.value(it.key()).toString(), it.value().toString());
    if (body.isNull())
        QVERIFY(!echo.contains("body"_L1) && !echo.contains("bodyBase64"_L1));
    else
        QCOMPARE(echo.value("body"_L1).toString(), body);
    QCOMPARE(echo.value("json"_L1), json);
}

void tst_Cli::sendExitStatus_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // on stderr; empty: stderr is empty

    QTest::newRow("200") << QStringList {u"%base%/get"_s} << 0 << QString();
    QTest::newRow("404 is an answer") << QStringList {u"%base%/status/404"_s} << 0 << QString();
    QTest::newRow("503 is an answer") << QStringList {u"%base%/status/503"_s} << 0 << QString();
    QTest::newRow("connection refused")
        << QStringList {u"%closed%/get"_s} << 3 << u"sonde-cli send: Connection refused by 127.0.0.1:"_s;
    QTest::newRow("timeout") << QStringList {u"--timeout"_s, u"200"_s, u"%base%/delay/5000"_s} << 3
                             << u"within 200 ms"_s;
    QTest::newRow("cut mid-body") << QStringList {u"%base%/drop/10"_s} << 3 << u"closed after 10 bytes"_s;
    QTest::newRow("URL without host") << QStringList {u"http://"_s} << 3 << u"has no host name"_s;
    QTest::newRow("no URL") << QStringList {} << 2 << u"sonde-cli send: expected exactly one URL"_s;
    QTest::newRow("two URLs") << QStringList {u"%base%/a"_s, u"%base%/b"_s} << 2
                              << u"expected exactly one URL"_s;
    QTest::newRow("header without colon") << QStringList {u"-H"_s, u"X-Broken"_s, u"%base%/get"_s} << 2
                                          << u"header “X-Broken” is not of the form 'Name: value'"_s;
    QTest::newRow("header without name")
        << QStringList {u"-H"_s, u": value"_s, u"%base%/get"_s} << 2 << u"is not of the form 'Name: value'"_s;
    QTest::newRow("-d and --data-file")
        << QStringList {u"-d"_s, u"x"_s, u"--data-file"_s, u"%dir%/body.json"_s, u"%base%/post"_s} << 2
        << u"give one kind of body"_s;
    QTest::newRow("unreadable --data-file") << QStringList {u"--data-file"_s, u"%dir%/missing"_s,
        u"%base%/post"_s} << 2 << u"cannot read %dir%/missing"_s;
    QTest::newRow("bad --timeout") << QStringList {u"--timeout"_s, u"soon"_s, u"%base%/get"_s} << 2
                                   << u"--timeout takes a number of milliseconds"_s;
    QTest::newRow("negative --timeout") << QStringList {u"--timeout=-1"_s, u"%base%/get"_s} << 2
                                        << u"--timeout takes a number of milliseconds"_s;
    QTest::newRow("--var without --workspace") << QStringList {u"--var"_s, u"a=b"_s, u"%base%/get"_s} << 2
                                               << u"--env and --var go with --workspace"_s;
    QTest::newRow("unknown option") << QStringList {u"--frobnicate"_s, u"%base%/get"_s} << 2
                                    << u"Unknown option 'frobnicate'"_s;
}

void tst_Cli::sendExitStatus()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    const CliResult result = runCli(QStringList {u"send"_s} + expand(arguments));
    QVERIFY(!result.timedOut && !result.crashed);
    QCOMPARE(result.exitCode, exitCode);
    const QString err = QString::fromUtf8(result.err);
    if (message.isEmpty())
        QVERIFY2(err.isEmpty(), qPrintable(err));
    else
        QVERIFY2(err.contains(expand({message}).constFirst()), qPrintable(err));
    if (exitCode != 0)
        QVERIFY2(result.out.isEmpty(), result.out.constData()); // no response printed without one
}

void tst_Cli::sendJsonError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("hasResponse");

    QTest::newRow("timeout") << QStringList {u"--timeout"_s, u"200"_s, u"%base%/delay/5000"_s} << u"timeout"_s
                             << false;
    QTest::newRow("connection refused")
        << QStringList {u"%closed%/get"_s} << u"connection-refused"_s << false;
    QTest::newRow("invalid URL") << QStringList {u"http://"_s} << u"invalid-url"_s << false;
    QTest::newRow("cut mid-body") << QStringList {u"%base%/drop/10"_s} << u"connection-closed"_s << true;
}

void tst_Cli::sendJsonError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, kind);
    QFETCH(bool, hasResponse);

    QElapsedTimer clock;
    clock.start();
    const CliResult result = runCli(QStringList {u"send"_s, u"--json"_s} + expand(arguments));
    QCOMPARE(result.exitCode, 3);
    // /delay/5000 with --timeout 200 must not wait for the answer.
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    const QJsonObject exchange = parseObject(result.out);
    const QJsonObject error = exchange.value("error"_L1).toObject();
    QCOMPARE(error.value("kind"_L1).toString(), kind);
    const QString message = error.value("message"_L1).toString();
    QVERIFY(!message.isEmpty());
    QVERIFY(error.value("details"_L1).isArray());
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QCOMPARE(exchange.value("response"_L1).isObject(), hasResponse);
    if (!hasResponse)
        QVERIFY(exchange.value("response"_L1).isNull());
}

void tst_Cli::sendWorkspace_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariantMap>("args");
    QTest::addColumn<QString>("warning"); // on stderr; empty: stderr is empty

    const QVariantMap lisbon {{u"city"_s, u"Lisbon"_s}, {u"units"_s, u"metric"_s}};
    QTest::newRow("by names") << QStringList {u"Echo/Get with query"_s} << u"GET"_s << u"/get"_s << lisbon
                              << QString();
    QTest::newRow("case-insensitive")
        << QStringList {u"echo/GET WITH QUERY"_s} << u"GET"_s << u"/get"_s << lisbon << QString();
    QTest::newRow("--var wins over --env") << QStringList {u"--env"_s, u"staging"_s, u"Echo/Get with query"_s}
                                           << u"GET"_s << u"/get"_s << lisbon << QString();
    QTest::newRow("-X wins over the saved method")
        << QStringList {u"-X"_s, u"OPTIONS"_s, u"Echo/Get with query"_s} << u"OPTIONS"_s << u"/get"_s
        << lisbon << QString();
    QTest::newRow("--allow-unresolved sends")
        << QStringList {u"--allow-unresolved"_s, u"Users API/Delete user: by id"_s} << u"DELETE"_s
        << u"/v1/users/%7B%7BuserId%7D%7D"_s << QVariantMap {}
        << u"sonde-cli send: warning: {{userId}} is unresolved and sent as written"_s;
}

void tst_Cli::sendWorkspace()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QVariantMap, args);
    QFETCH(QString, warning);

    const QMap<QString, QByteArray> before = filesBelow(m_workspace);
    const CliResult result = runCli(QStringList {u"send"_s, u"--json"_s, u"--workspace"_s, m_workspace,
                                        u"--var"_s, u"base="_s + m_echo.base()}
        + arguments);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject exchange = parseObject(result.out);
    QCOMPARE(exchange.value("response"_L1).toObject().value("status"_L1).toInt(), 200);
    const QJsonObject echo = echoedRequest(exchange);
    QCOMPARE(echo.value("method"_L1).toString(), method);
    QCOMPARE(echo.value("path"_L1).toString(), path);
    QCOMPARE(echo.value("args"_L1).toObject().toVariantMap(), args);
    const QString err = QString::fromUtf8(result.err);
    if (warning.isEmpty())
        QVERIFY2(err.isEmpty(), qPrintable(err));
    else
        QVERIFY2(err.contains(warning), qPrintable(err));
    QVERIFY(filesBelow(m_workspace) == before); // nothing is written back
}

void tst_Cli::sendWorkspaceFails_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("messages"); // each on stderr

    QTest::newRow("unknown request")
        << QStringList {u"--var"_s, u"base=%base%"_s, u"Echo/Nope"_s} << 2
        << QStringList {u"sonde-cli send: No request “Nope” in “Echo” (it has: Get with query)"_s};
    QTest::newRow("unknown collection")
        << QStringList {u"Nope/Get with query"_s} << 2
        << QStringList {u"No request “Nope” in the workspace (it has: "_s, u"Echo/"_s, u"Users API/"_s};
    QTest::newRow("not a request path")
        << QStringList {u"Echo"_s} << 2 << QStringList {u"“Echo” is not a request path"_s};
    QTest::newRow("missing variable")
        << QStringList {u"Echo/Get with query"_s} << 2
        << QStringList {u"sonde-cli send: unresolved variables: base ("_s, u"--allow-unresolved"_s};
    QTest::newRow("missing variable, others given") << QStringList {u"--var"_s, u"base=%base%"_s,
        u"Users API/Delete user: by id"_s} << 2 << QStringList {u"unresolved variables: userId ("_s};
    QTest::newRow("unknown environment")
        << QStringList {u"--env"_s, u"prod"_s, u"Echo/Get with query"_s} << 2
        << QStringList {u"No environment “prod” in the workspace (it has: local, staging)"_s};
    QTest::newRow("bad --var") << QStringList {u"--var"_s, u"=x"_s, u"Echo/Get with query"_s} << 2
                               << QStringList {u"--var “=x” is not of the form name=value"_s};
    QTest::newRow("no request path")
        << QStringList {} << 2
        << QStringList {u"expected exactly one request path, COLLECTION/FOLDER/REQUEST"_s};
    QTest::newRow("not a workspace") << QStringList {u"--workspace"_s, u"%dir%"_s, u"Echo/Get with query"_s}
                                     << 2 << QStringList {u"no workspace.yaml"_s};
    // Sent as written: "{{base}}/get…" is no URL.
    QTest::newRow("--allow-unresolved, unsendable")
        << QStringList {u"--allow-unresolved"_s, u"Echo/Get with query"_s} << 3
        << QStringList {u"warning: {{base}} is unresolved and sent as written"_s, u"is not a valid URL"_s};
}

void tst_Cli::sendWorkspaceFails()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, messages);

    // A later --workspace wins, for the "not a workspace" row.
    const CliResult result
        = runCli(QStringList {u"send"_s, u"--workspace"_s, m_workspace} + expand(arguments));
    QVERIFY(!result.timedOut && !result.crashed);
    QCOMPARE(result.exitCode, exitCode);
    const QString err = QString::fromUtf8(result.err);
    for (const QString &message : std::as_const(messages))
        QVERIFY2(err.contains(expand({message}).constFirst()), qPrintable(err));
    QVERIFY2(result.out.isEmpty(), result.out.constData());
}

void tst_Cli::sendCookieJar()
{
    // The server lives in this process, so the command runs without blocking the event loop.
    Sonde::ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponse(Sonde::ScriptedServer::response(200, "in", {{"Set-Cookie", "session=abc; Path=/"}}));
    server.setResponse(Sonde::ScriptedServer::response(200, "again"));
    const QString jar = m_dir.filePath(u"cookies.json"_s);
    QVERIFY(writeFiles(m_dir.path(), {{u"cookies.json"_s, R"({"version": 1, "cookies": [
        {"name": "seed", "value": "1", "domain": "127.0.0.1", "path": "/", "expires": "2099-01-01T00:00:00Z"},
        {"name": "old", "value": "1", "domain": "127.0.0.1", "path": "/", "expires": "2001-01-01T00:00:00Z"}]})"}}));
    const auto send = [&](const QString &path) {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SONDE_CLI),
            {u"send"_s, u"--no-history"_s, u"--cookie-jar"_s, jar, server.url(path).toString()});
        return finished.wait(RunTimeoutMs) && process.exitCode() == 0;
    };
    QVERIFY(send(u"/login"_s));
    QVERIFY2(server.lastRequestHead().contains(asSent("\r\nCookie: seed=1\r\n")), server.lastRequestHead().constData());

    QFile file(jar);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cookies = QJsonDocument::fromJson(file.readAll()).object().value(u"cookies"_s).toArray();
    file.close();
    QStringList names;
    for (const QJsonValue &cookie : cookies)
        names.append(cookie.toObject().value(u"name"_s).toString());
    // The expired cookie is gone; the session cookie is kept for the next run.
    QCOMPARE(names, (QStringList {u"seed"_s, u"session"_s}));

    QVERIFY(send(u"/me"_s));
    QVERIFY2(server.lastRequestHead().contains(asSent("\r\nCookie: seed=1; session=abc\r\n")),
        server.lastRequestHead().constData());
}

void tst_Cli::sendCookieJarInvalid()
{
    QVERIFY(writeFiles(m_dir.path(), {{u"bad-cookies.json"_s, "[1, 2]"}}));
    const CliResult result = runCli(
        {u"send"_s, u"--no-history"_s, u"--cookie-jar"_s, m_dir.filePath(u"bad-cookies.json"_s), m_closedBase});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("bad-cookies.json is not valid"), result.err.constData());
}

void tst_Cli::query_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input"); // standard input
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("message"); // on stderr; empty: stderr is empty

    const QByteArray json = R"({"a": [1, "two", {"b": null}]})";
    QTest::newRow("JSONPath on a file")
        << QStringList {u"$.store.book[*].title"_s, u"%dir%/doc.json"_s} << QByteArray() << 0
        << QByteArray("\"Dune\"\n\"Emma\"\n") << QString();
    QTest::newRow("JSONPath filter") << QStringList {u"$..book[?@.price < 10]"_s, u"%dir%/doc.json"_s}
                                     << QByteArray() << 0
                                     << QByteArray("{\"price\":8.99,\"title\":\"Dune\"}\n") << QString();
    QTest::newRow("--paths")
        << QStringList {u"--paths"_s, u"$..price"_s, u"%dir%/doc.json"_s} << QByteArray() << 0
        << QByteArray("\"$['store']['book'][0]['price']\"\n\"$['store']['book'][1]['price']\"\n")
        << QString();
    QTest::newRow("nothing selected") << QStringList {u"$.missing"_s, u"%dir%/doc.json"_s} << QByteArray()
                                      << 0 << QByteArray() << QString();
    QTest::newRow("stdin as -") << QStringList {u"$.a[*]"_s, u"-"_s} << json << 0
                                << QByteArray("1\n\"two\"\n{\"b\":null}\n") << QString();
    QTest::newRow("stdin by default")
        << QStringList {u"$.a[2].b"_s} << json << 0 << QByteArray("null\n") << QString();
    QTest::newRow("scalar document") << QStringList {u"$"_s, u"-"_s} << QByteArray("\"just text\"") << 0
                                     << QByteArray("\"just text\"\n") << QString();
    QTest::newRow("XPath nodes") << QStringList {u"--default-ns"_s, u"f"_s, u"//f:entry/@id"_s,
        u"%dir%/doc.xml"_s} << QByteArray()
                                 << 0 << QByteArray("\"id=\\\"a\\\"\"\n\"id=\\\"b\\\"\"\n") << QString();
    QTest::newRow("XPath text") << QStringList {u"--ns"_s, u"x=urn:feed"_s, u"string(//x:entry[1])"_s,
        u"%dir%/doc.xml"_s} << QByteArray()
                                << 0 << QByteArray("\"One & two\"\n") << QString();
    QTest::newRow("XPath number") << QStringList {u"count(//*[local-name()='entry'])"_s, u"%dir%/doc.xml"_s}
                                  << QByteArray() << 0 << QByteArray("2\n") << QString();
    QTest::newRow("XPath on stdin") << QStringList {u"/r/i/text()"_s, u"-"_s} << QByteArray("<r><i>x</i></r>")
                                    << 0 << QByteArray("\"x\"\n") << QString();
    QTest::newRow("invalid JSONPath")
        << QStringList {u"$.data[]]"_s, u"%dir%/doc.json"_s} << QByteArray() << 4 << QByteArray()
        << u"sonde-cli query: invalid JSONPath expression: Unexpected ']' at offset 7"_s;
    QTest::newRow("invalid XPath") << QStringList {u"//entry["_s, u"%dir%/doc.xml"_s} << QByteArray() << 4
                                   << QByteArray() << u"sonde-cli query: invalid XPath expression:"_s;
    QTest::newRow("undefined prefix") << QStringList {u"//f:entry"_s, u"%dir%/doc.xml"_s} << QByteArray() << 4
                                      << QByteArray() << u"--default-ns"_s;
    QTest::newRow("malformed JSON file")
        << QStringList {u"$.a"_s, u"%dir%/broken.json"_s} << QByteArray() << 5 << QByteArray()
        << u"sonde-cli query: malformed JSON at line 2"_s;
    QTest::newRow("malformed JSON on stdin") << QStringList {u"$.a"_s, u"-"_s} << QByteArray("{\"a\": ") << 5
                                             << QByteArray() << u"malformed JSON at line 1"_s;
    QTest::newRow("empty input") << QStringList {u"$"_s} << QByteArray() << 5 << QByteArray()
                                 << u"malformed JSON: the input is empty"_s;
    QTest::newRow("malformed XML") << QStringList {u"//b"_s, u"%dir%/broken.xml"_s} << QByteArray() << 5
                                   << QByteArray() << u"sonde-cli query: malformed XML at line 1"_s;
    QTest::newRow("--type json on XML") << QStringList {u"--type"_s, u"json"_s, u"$"_s, u"%dir%/doc.xml"_s}
                                        << QByteArray() << 5 << QByteArray() << u"malformed JSON"_s;
    QTest::newRow("no expression") << QStringList {} << QByteArray() << 2 << QByteArray()
                                   << u"expected an expression and at most one file"_s;
    QTest::newRow("missing file") << QStringList {u"$"_s, u"%dir%/missing.json"_s} << QByteArray() << 2
                                  << QByteArray() << u"cannot read %dir%/missing.json"_s;
    QTest::newRow("bad --type") << QStringList {u"--type"_s, u"yaml"_s, u"$"_s, u"%dir%/doc.json"_s}
                                << QByteArray() << 2 << QByteArray() << u"--type takes json or xml"_s;
    QTest::newRow("--paths on XML") << QStringList {u"--paths"_s, u"//*"_s, u"%dir%/doc.xml"_s}
                                    << QByteArray() << 2 << QByteArray()
                                    << u"--paths applies to JSON input"_s;
}

void tst_Cli::query()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, output);
    QFETCH(QString, message);

    const CliResult result = runCli(QStringList {u"query"_s} + expand(arguments), input);
    QVERIFY(!result.timedOut && !result.crashed);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.out, output);
    const QString err = QString::fromUtf8(result.err);
    if (message.isEmpty())
        QVERIFY2(err.isEmpty(), qPrintable(err));
    else
        QVERIFY2(err.contains(expand({message}).constFirst()), qPrintable(err));
}

void tst_Cli::sendThroughProxy_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("credentials");
    QTest::newRow("http") << u"http"_s << false;
    QTest::newRow("http with credentials") << u"http"_s << true;
    QTest::newRow("socks5") << u"socks5"_s << false;
    QTest::newRow("socks5 with credentials") << u"socks5"_s << true;
}

void tst_Cli::sendThroughProxy()
{
    QFETCH(QString, scheme);
    QFETCH(bool, credentials);
    Sonde::HttpTestProxy httpProxy;
    Sonde::Socks5TestProxy socksProxy;
    const QString userInfo = credentials ? u"ada:p%40ss@"_s : QString();
    QString proxyUrl;
    if (scheme == u"http") {
        QVERIFY(httpProxy.listen());
        if (credentials)
            httpProxy.setCredentials(u"ada"_s, u"p@ss"_s);
        proxyUrl = u"http://"_s + userInfo + u"127.0.0.1:"_s + QString::number(httpProxy.port());
    } else {
        QVERIFY(socksProxy.listen());
        if (credentials)
            socksProxy.setCredentials("ada", "p@ss");
        proxyUrl = u"socks5://"_s + userInfo + u"127.0.0.1:"_s + QString::number(socksProxy.port());
    }
    const CliResult result = runCli({u"send"_s, u"--json"_s, u"--proxy"_s, proxyUrl, m_echo.base() + u"/get?via=proxy"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject exchange = parseObject(result.out);
    QCOMPARE(exchange.value("response"_L1).toObject().value("status"_L1).toInt(), 200);
    QCOMPARE(echoedRequest(exchange).value("args"_L1).toObject().value("via"_L1).toString(), u"proxy"_s);
    if (scheme == u"http") {
        // Through an HTTP proxy the request line carries the absolute URI.
        QCOMPARE(httpProxy.forwardedCount(), 1);
        QVERIFY(httpProxy.requestHeads().last().startsWith(QByteArray("GET " + m_echo.base().toUtf8() + "/get?via=proxy HTTP/1.1")));
    } else {
        QCOMPARE(socksProxy.connects().size(), 1);
        QVERIFY(socksProxy.relayed().startsWith("GET /get?via=proxy HTTP/1.1"));
        if (credentials)
            QCOMPARE(socksProxy.users(), QList<QByteArray> {"ada"});
    }
}

void tst_Cli::sendProxyInvalid_data()
{
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scheme") << u"ftp://127.0.0.1:21"_s << u"HTTP and SOCKS5"_s;
    QTest::newRow("nobody listens") << u"http://127.0.0.1:%port%"_s << u"proxy"_s;
}

void tst_Cli::sendProxyInvalid()
{
    QFETCH(QString, proxy);
    QFETCH(QString, message);
    proxy.replace(u"%port%"_s, QString::number(freePort()));
    const CliResult result = runCli({u"send"_s, u"--proxy"_s, proxy, m_echo.base() + u"/get"_s});
    QVERIFY(result.exitCode != 0);
    QVERIFY2(QString::fromUtf8(result.err).contains(message, Qt::CaseInsensitive), result.err.constData());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
