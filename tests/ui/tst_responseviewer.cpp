// ResponseViewer fed with constructed exchanges (no network): body rendering (pretty, raw,
// malformed, binary, on disk, charsets), errors, headers model, timeline and the sent request.

#include "editor/CodeEditor.h"
#include "format/JsonFormatter.h"
#include "formats/HarImport.h"
#include "response/BodyText.h"
#include "response/BodyView.h"
#include "response/DisplayFormat.h"
#include "response/ErrorPanel.h"
#include "response/HeadersTableModel.h"
#include "response/InFlightView.h"
#include "response/ResponseSummary.h"
#include "response/ResponseViewer.h"
#include "response/SentRequestView.h"
#include "response/TimelinePhases.h"
#include "response/TimelineView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Sonde;

namespace {

Exchange makeExchange(const QByteArray &body, const QByteArray &contentType, int status = 200)
{
    Exchange exchange;
    exchange.request.method = QStringLiteral("GET");
    exchange.request.url = QStringLiteral("https://api.example.com/items?page=2");
    exchange.sent.method = "GET";
    exchange.sent.url = QUrl(QStringLiteral("https://api.example.com/items?page=2"));
    exchange.sent.target = "/items?page=2";
    exchange.sent.httpVersion = "HTTP/1.1";
    exchange.sent.headers = {{"Host", "api.example.com"}, {"Accept", "*/*"}, {"User-Agent", "Sonde/0.1"}};
    ResponseHead head;
    head.statusCode = status;
    head.reasonPhrase = status == 200 ? "OK" : status == 404 ? "Not Found" : "Internal Server Error";
    head.httpVersion = "HTTP/1.1";
    head.headers = {{"Content-Type", contentType}, {"Content-Length", QByteArray::number(body.size())},
                    {"X-Request-Id", "abc-123"}};
    exchange.response = head;
    exchange.body = BodyData::fromBytes(body);
    exchange.sizes.decodedBodyBytes = body.size();
    exchange.sizes.wireBodyBytes = body.size();
    exchange.sizes.headerBytes = head.headSize();
    exchange.timings = Timings{.dns = 2.5, .connect = 12, .send = 0.4, .wait = 80, .download = 5, .total = 99.9};
    return exchange;
}

QByteArray editorText(const ResponseViewer &viewer)
{
    return viewer.bodyView()->editor()->utf8Text();
}

/// Shows an exchange and waits until its body is on screen.
void showAndWait(ResponseViewer &viewer, const Exchange &exchange)
{
    QSignalSpy rendered(&viewer, &ResponseViewer::bodyRendered);
    viewer.showExchange(exchange);
    QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 1, 20000);
}

} // namespace

class TestResponseViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndInFlight()
    {
        ResponseViewer viewer;
        viewer.showEmpty();
        viewer.showInFlight(QStringLiteral("POST"), QUrl(QStringLiteral("https://example.com/upload")));
        auto *inFlight = viewer.findChild<InFlightView *>();
        QVERIFY(inFlight);
        // A body going out first, then the response coming in.
        viewer.showUploadProgress(512 * 1024, 2 * 1024 * 1024);
        QCOMPARE(inFlight->progressText(), QStringLiteral("Sent 512 KB of 2.0 MB"));
        viewer.showUploadProgress(2 * 1024 * 1024, 2 * 1024 * 1024);
        QCOMPARE(inFlight->progressText(), QStringLiteral("Sent 2.0 MB; waiting for the response"));
        viewer.showProgress(1536, 4096);
        QCOMPARE(inFlight->progressText(), QStringLiteral("Received 1.5 KB of 4.0 KB"));
        viewer.showProgress(2048, -1);
        QCOMPARE(inFlight->progressText(), QStringLiteral("Received 2.0 KB"));
    }

    void prettyJsonThenRaw()
    {
        ResponseViewer viewer;
        const QByteArray raw = R"({"id":7,"tags":["a","b"],"empty":{},"nested":{"ok":true}})";
        showAndWait(viewer, makeExchange(raw, "application/json; charset=utf-8"));
        QCOMPARE(editorText(viewer), formatJson(raw).output);
        QCOMPARE(viewer.bodyView()->shown(), BodyRendering::Shown::Pretty);
        QCOMPARE(viewer.bodyView()->editor()->language(), CodeEditor::Language::Json);
        QVERIFY(viewer.bodyView()->notice().isEmpty());
        QVERIFY(viewer.bodyView()->editor()->isReadOnly());

        viewer.bodyView()->setPrettyPreferred(false);
        QTRY_COMPARE(editorText(viewer), raw);
        QCOMPARE(viewer.bodyView()->shown(), BodyRendering::Shown::Raw);
        // Back to pretty: the document built before is shown again at once.
        viewer.bodyView()->setPrettyPreferred(true);
        QCOMPARE(editorText(viewer), formatJson(raw).output);

        // The choice stays for the next exchange.
        viewer.bodyView()->setPrettyPreferred(false);
        showAndWait(viewer, makeExchange("[1,2]", "application/json"));
        QCOMPARE(editorText(viewer), QByteArray("[1,2]"));
        viewer.bodyView()->setPrettyPreferred(true);
    }

    void prettyXml()
    {
        ResponseViewer viewer;
        showAndWait(viewer, makeExchange("<a><b x=\"1\">t</b><c/></a>", "application/xml"));
        QCOMPARE(editorText(viewer), QByteArray("<a>\n  <b x=\"1\">t</b>\n  <c/>\n</a>"));
        QCOMPARE(viewer.bodyView()->editor()->language(), CodeEditor::Language::Xml);
    }

    void prettyHtml()
    {
        ResponseViewer viewer;
        showAndWait(viewer,
            makeExchange("<html><body><ul><li>a<li><b>b</b></ul><pre> x  y</pre></body></html>",
                "text/html; charset=utf-8"));
        QCOMPARE(viewer.bodyView()->shown(), BodyRendering::Shown::Pretty);
        QCOMPARE(editorText(viewer),
            QByteArray("<html>\n  <body>\n    <ul>\n      <li>a\n      <li>\n        <b>b</b>\n    </ul>\n"
                       "    <pre> x  y</pre>\n  </body>\n</html>"));
        QCOMPARE(viewer.bodyView()->editor()->language(), CodeEditor::Language::Html);
        viewer.bodyView()->setPrettyPreferred(false); // the source as it came
        QTRY_COMPARE(editorText(viewer), QByteArray("<html><body><ul><li>a<li><b>b</b></ul><pre> x  y</pre></body></html>"));
        viewer.bodyView()->setPrettyPreferred(true);
    }

    void malformedJsonShowsRawWithNotice()
    {
        ResponseViewer viewer;
        const QByteArray raw = "{\n  \"a\": 1,\n    }";
        showAndWait(viewer, makeExchange(raw, "application/problem+json"));
        QCOMPARE(editorText(viewer), raw);
        QCOMPARE(viewer.bodyView()->shown(), BodyRendering::Shown::Raw);
        QCOMPARE(viewer.bodyView()->notice(), QStringLiteral("Not valid JSON: unexpected '}' at line 3, column 5"));
    }

    void jsonSniffedFromPlainText()
    {
        ResponseViewer viewer;
        showAndWait(viewer, makeExchange("  {\"a\":1}", "text/plain"));
        QCOMPARE(editorText(viewer), QByteArray("{\n  \"a\": 1\n}"));
    }

    void binaryBodyAsHex()
    {
        ResponseViewer viewer;
        QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        showAndWait(viewer, makeExchange(png, "image/png"));
        QCOMPARE(viewer.bodyView()->shown(), BodyRendering::Shown::Hex);
        QVERIFY2(editorText(viewer).startsWith("00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|"),
                 editorText(viewer).constData());
        QCOMPARE(viewer.bodyView()->notice(), QStringLiteral("Binary body (16 B) shown as hex"));
    }

    void bodyOnDisk()
    {
        QTemporaryFile file(QDir::tempPath() + QStringLiteral("/sonde-body-XXXXXX"));
        file.setAutoRemove(false);
        QVERIFY(file.open());
        file.write("[{\"k\":\"v\"}]");
        file.close();
        Exchange exchange = makeExchange({}, "application/json");
        exchange.body = BodyData::fromTemporaryFile(file.fileName(), 11);
        ResponseViewer viewer;
        showAndWait(viewer, exchange);
        QCOMPARE(editorText(viewer), QByteArray("[\n  {\n    \"k\": \"v\"\n  }\n]"));
    }

    void charsetDecoding()
    {
        ResponseViewer viewer;
        showAndWait(viewer, makeExchange("caf\xe9", "text/plain; charset=ISO-8859-1"));
        QCOMPARE(editorText(viewer), QByteArray("caf\xc3\xa9"));
    }

    void emptyBody()
    {
        ResponseViewer viewer;
        showAndWait(viewer, makeExchange({}, "application/json", 404));
        QCOMPARE(editorText(viewer), QByteArray());
        QCOMPARE(viewer.bodyView()->notice(), QStringLiteral("The response has no body."));
        QCOMPARE(viewer.summary()->statusText(), QStringLiteral("404 Not Found"));
    }

    void summary()
    {
        ResponseViewer viewer;
        Exchange exchange = makeExchange(QByteArray(1229, 'x'), "text/plain");
        exchange.sizes.contentEncoding = "gzip";
        exchange.sizes.wireBodyBytes = 400;
        showAndWait(viewer, exchange);
        QCOMPARE(viewer.summary()->statusText(), QStringLiteral("200 OK"));
        QCOMPARE(viewer.summary()->timeText(), QStringLiteral("100 ms"));
        QCOMPARE(viewer.summary()->sizeText(), QStringLiteral("1.2 KB (gzip 400 B on the wire)"));
        QVERIFY(statusColor(200, false) != statusColor(404, false));
        QVERIFY(statusColor(500, true) != statusColor(500, false));
    }

    void errorWithoutResponse()
    {
        Exchange exchange = makeExchange({}, {});
        exchange.response.reset();
        exchange.error.kind = TransportError::Kind::Tls;
        exchange.error.message = QStringLiteral("The server's certificate could not be verified.");
        exchange.error.details = {QStringLiteral("The certificate is self-signed, and untrusted"),
                                  QStringLiteral("The host name did not match any of the valid hosts for this certificate")};
        ResponseViewer viewer;
        viewer.show();
        showAndWait(viewer, exchange);
        QVERIFY(viewer.errorPanel()->isVisible());
        QVERIFY(!viewer.tabs()->isVisible());
        QCOMPARE(viewer.errorPanel()->title(), QStringLiteral("Could not get a response"));
        QCOMPARE(viewer.errorPanel()->message(), exchange.error.message);
        QCOMPARE(viewer.errorPanel()->details(), exchange.error.details);
        QCOMPARE(viewer.summary()->statusText(), QStringLiteral("No response"));
    }

    void errorWithPartialResponse()
    {
        Exchange exchange = makeExchange("{\"partial\":", "application/json");
        exchange.error.kind = TransportError::Kind::ConnectionClosed;
        exchange.error.message = QStringLiteral("The server closed the connection before the body was complete.");
        ResponseViewer viewer;
        viewer.show();
        showAndWait(viewer, exchange);
        QVERIFY(viewer.errorPanel()->isVisible());
        QVERIFY(viewer.tabs()->isVisible());
        QCOMPARE(viewer.errorPanel()->title(), QStringLiteral("The response is incomplete"));
        QCOMPARE(editorText(viewer), QByteArray("{\"partial\":"));
    }

    void headersModel()
    {
        ResponseViewer viewer;
        showAndWait(viewer, makeExchange("{}", "application/json"));
        HeadersTableModel *model = viewer.headersModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), int(HeadersTableModel::ColumnCount));
        QCOMPARE(model->index(0, HeadersTableModel::NameColumn).data().toString(), QStringLiteral("Content-Type"));
        QCOMPARE(model->index(0, HeadersTableModel::ValueColumn).data().toString(), QStringLiteral("application/json"));
        QCOMPARE(model->headerData(HeadersTableModel::ValueColumn, Qt::Horizontal).toString(), QStringLiteral("Value"));
        QCOMPARE(model->rowsAsText({0, 2}), QStringLiteral("Content-Type: application/json\nX-Request-Id: abc-123"));
        model->setHeaders({{"Set-Cookie", "a=1"}});
        QCOMPARE(model->rowCount(), 1);
    }

    void timelineRows()
    {
        Timings timings{.dns = 2.5, .connect = 12, .send = 0.4, .wait = 80, .download = 5, .total = 99.9};
        const QList<TimelinePhase> phases = timelinePhases(timings, true);
        QCOMPARE(phases.size(), 6);
        QCOMPARE(phases.at(1).name, QStringLiteral("Connect + TLS"));
        QCOMPARE(phases.at(3).start, 2.5 + 12 + 0.4);
        QCOMPARE(phases.last().duration, 99.9);

        timings.dns = -1;
        timings.connect = -1;
        timings.connectionReused = true;
        Exchange exchange = makeExchange("x", "text/plain");
        exchange.timings = timings;
        exchange.tls = {true, QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384"),
            QStringLiteral("CN=api.example.com"), QStringLiteral("CN=Example CA"),
            QDateTime::currentDateTimeUtc().addDays(30), {}, {}};
        ResponseViewer viewer;
        showAndWait(viewer, exchange);
        const QStringList rows = viewer.timelineView()->rowTexts();
        QCOMPARE(rows,
                 QStringList({QStringLiteral("DNS lookup\t–"), QStringLiteral("Connect + TLS\t–"),
                              QStringLiteral("Send\t0.4 ms"), QStringLiteral("Waiting (TTFB)\t80 ms"),
                              QStringLiteral("Download\t5.0 ms"), QStringLiteral("Total\t100 ms")}));
    }

    void sentRequestWithRedirects()
    {
        Exchange exchange = makeExchange("ok", "text/plain");
        RedirectHop hop;
        hop.sent.method = "POST";
        hop.sent.target = "/old";
        hop.sent.httpVersion = "HTTP/1.1";
        hop.sent.headers = {{"Host", "example.com"}};
        hop.sent.body = QByteArray("\x01\x02\xff", 3);
        hop.sent.bodySize = 3;
        hop.response.statusCode = 301;
        hop.response.reasonPhrase = "Moved Permanently";
        exchange.redirects = {hop};
        QCOMPARE(sentRequestText(exchange),
                 QByteArray("# Request 1 of 2: redirected by 301 Moved Permanently\n"
                            "POST /old HTTP/1.1\nHost: example.com\n\n(3 bytes binary)\n\n"
                            "# Request 2 of 2\n"
                            "GET /items?page=2 HTTP/1.1\nHost: api.example.com\nAccept: */*\nUser-Agent: Sonde/0.1\n\n"));
        ResponseViewer viewer;
        showAndWait(viewer, exchange);
        QCOMPARE(viewer.sentRequestView()->editor()->utf8Text(), sentRequestText(exchange));
    }

    void saveExchangeAsHar()
    {
        ResponseViewer viewer;
        QVERIFY(!viewer.saveHarAction()->isEnabled());
        Exchange exchange = makeExchange(R"({"items":[1,2]})", "application/json");
        exchange.request.method = QStringLiteral("POST");
        exchange.sent.method = "POST";
        exchange.sent.body = R"({"q":"x"})";
        exchange.sent.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        showAndWait(viewer, exchange);
        QVERIFY(viewer.saveHarAction()->isEnabled());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("exchange.har"));
        QSignalSpy saved(&viewer, &ResponseViewer::harSaved);
        viewer.saveExchangeAsHar(path);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(1).toString(), QString());
        QCOMPARE(viewer.harMessage(), QStringLiteral("Saved as exchange.har"));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ImportResult back = HarImport::parse(file.readAll());
        QVERIFY2(back.ok(), qPrintable(back.error.toString()));
        QCOMPARE(back.requestCount(), 1);
        const Request &request = back.collection.requests.first();
        QCOMPARE(request.method, QStringLiteral("POST"));
        QCOMPARE(request.url, QStringLiteral("https://api.example.com/items?page=2"));
        QCOMPARE(request.body.data, QByteArray(R"({"q":"x"})"));
        const Exchange *example = back.exampleAt({{}, 0});
        QVERIFY(example);
        QCOMPARE(example->response->statusCode, 200);
        QCOMPARE(example->body.bytes(), QByteArray(R"({"items":[1,2]})"));
        QCOMPARE(headerValue(example->response->headers, "X-Request-Id"), QByteArray("abc-123"));

        // A folder in the way: not saved, said in words.
        const QString taken = dir.filePath(QStringLiteral("taken.har"));
        QVERIFY(QDir().mkpath(taken));
        viewer.saveExchangeAsHar(taken);
        QTRY_COMPARE(saved.size(), 2);
        const QString error = saved.at(1).at(1).toString();
        QVERIFY(!error.isEmpty());
        QCOMPARE(viewer.harMessage(), QStringLiteral("Not saved: ") + error);

        viewer.showEmpty();
        QVERIFY(!viewer.saveHarAction()->isEnabled());
    }

    void newExchangeCancelsThePrevious()
    {
        ResponseViewer viewer;
        QByteArray big = "[";
        for (int i = 0; i < 200000; ++i)
            big += "{\"i\":" + QByteArray::number(i) + "},";
        big += "0]";
        QSignalSpy rendered(&viewer, &ResponseViewer::bodyRendered);
        viewer.showExchange(makeExchange(big, "application/json"));
        viewer.showExchange(makeExchange("[1]", "application/json"));
        QTRY_COMPARE(rendered.count(), 1);
        QCOMPARE(editorText(viewer), QByteArray("[\n  1\n]"));
        QTest::qWait(200);
        QCOMPARE(rendered.count(), 1);
    }

    void bodyTextHelpers()
    {
        BodyText::LongLineBreaker breaker(4);
        QCOMPARE(breaker.process("abcdefghij\nxy"), QByteArray("abcd\nefgh\nij\nxy"));
        QCOMPARE(breaker.process("zzz"), QByteArray("zz\nz"));
        QVERIFY(breaker.brokeLines());
        BodyText::LongLineBreaker utf8(2);
        QCOMPARE(utf8.process("\xc3\xa9\xc3\xa9"), QByteArray("\xc3\xa9\n\xc3\xa9"));
        QCOMPARE(BodyText::charset(QStringLiteral("text/html; Charset=\"Windows-1252\"")), QByteArray("windows-1252"));
        QVERIFY(BodyText::looksLikeText("plain", QString(), true));
        QVERIFY(!BodyText::looksLikeText(QByteArray("a\0b", 3), QString(), true));
        QCOMPARE(DisplayFormat::byteSize(1229), QStringLiteral("1.2 KB"));
        QCOMPARE(DisplayFormat::byteSize(52428800), QStringLiteral("50 MB"));
    }

    void screenshot()
    {
        const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
        if (directory.isEmpty())
            QSKIP("set SONDE_SCREENSHOT_DIR to save screenshots");
        for (const bool dark : {false, true}) {
            QPalette palette = QApplication::style()->standardPalette();
            if (dark) {
                palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
                palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
                palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
                palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
                palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
                palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
                palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
                palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
            }
            QApplication::setPalette(palette);
            ResponseViewer viewer;
            viewer.resize(900, 560);
            viewer.show();
            Exchange exchange = makeExchange(
                R"({"id":42,"name":"Ada Lovelace","email":"ada@example.com","active":true,"score":98.5,"manager":null,"roles":["admin","editor"],"address":{"city":"London","geo":{"lat":51.5072,"lng":-0.1276}},"bio":"First programmer \u2014 caf\u00e9","tags":[]})",
                "application/json");
            exchange.sizes.contentEncoding = "gzip";
            exchange.sizes.wireBodyBytes = 190;
            exchange.tls = {true, QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384"),
                QStringLiteral("CN=api.example.com"), QStringLiteral("CN=R3,O=Let's Encrypt,C=US"),
                QDateTime::currentDateTimeUtc().addDays(61), QStringLiteral("CN=Ada Lovelace, O=Example"),
                QStringLiteral("*.example.com")};
            RedirectHop hop;
            hop.sent.method = "GET";
            hop.sent.url = QUrl(QStringLiteral("http://api.example.com/items?page=2"));
            hop.response.statusCode = 301;
            hop.response.reasonPhrase = "Moved Permanently";
            hop.response.headers = {{"Location", "https://api.example.com/items?page=2"}};
            exchange.redirects = {hop};
            showAndWait(viewer, exchange);
            QTest::qWait(50);
            QVERIFY(viewer.grab().save(directory + (dark ? QStringLiteral("/viewer-dark.png") : QStringLiteral("/viewer.png"))));
            viewer.tabs()->setCurrentWidget(viewer.timelineView());
            QTest::qWait(50);
            QVERIFY(viewer.grab().save(directory + (dark ? QStringLiteral("/timeline-dark.png") : QStringLiteral("/timeline.png"))));
        }
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
};

QTEST_MAIN(TestResponseViewer)

#include "tst_responseviewer.moc"
