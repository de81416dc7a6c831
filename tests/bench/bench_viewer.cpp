// bench_response: how fast the response viewer shows a 50 MB JSON body.
//
// Generates a realistic 50 MB JSON document (an array of objects with strings, numbers, nesting),
// then measures, in a shown window (offscreen or under xvfb-run):
//   format_50mb_json_ms        formatJson() alone
//   display_50mb_json_ms       showExchange() → bodyRendered + first screen painted, pretty, body in memory
//   display_50mb_json_raw_ms   the same, raw
//   display_50mb_json_disk_ms  pretty, body in a temporary file (BodyData::fromTemporaryFile)
//   display_50mb_max_ui_stall_ms  the longest the UI thread went without serving its event loop
//   display_50mb_peak_rss_mb   peak resident memory of the process (VmHWM)
// Output lines read "BENCH <name> <value> <unit>".

#include "editor/CodeEditor.h"
#include "format/JsonFormatter.h"
#include "model/Exchange.h"
#include "response/BodyView.h"
#include "response/ResponseViewer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTemporaryFile>
#include <QTimer>

#include <cstdio>

using namespace Sonde;

namespace {

QByteArray generateJson(qsizetype targetBytes)
{
    static const char *const cities[] = {"London", "Paris", "Zürich", "São Paulo", "Tokyo", "New York"};
    QRandomGenerator random(20240601);
    QByteArray json;
    json.reserve(targetBytes + 4096);
    json += '[';
    for (int i = 0; json.size() < targetBytes; ++i) {
        if (i > 0)
            json += ',';
        const QByteArray id = QByteArray::number(i);
        json += "{\"id\":" + id + ",\"uuid\":\"" + QByteArray::number(random.generate64(), 16)
                + "\",\"name\":\"User " + id + "\",\"email\":\"user" + id + "@example.com\",\"active\":"
                + (i % 3 ? "true" : "false") + ",\"score\":" + QByteArray::number(random.generateDouble() * 1000, 'f', 3)
                + ",\"tags\":[\"alpha\",\"beta\",\"gamma\"],\"address\":{\"street\":\"" + QByteArray::number(i % 999)
                + " Main Street\",\"city\":\"" + cities[i % 6] + "\",\"geo\":{\"lat\":"
                + QByteArray::number(random.generateDouble() * 180 - 90, 'f', 6)
                + ",\"lng\":" + QByteArray::number(random.generateDouble() * 360 - 180, 'f', 6)
                + "}},\"bio\":\"Lorem ipsum dolor sit amet, consectetur adipiscing elit. \\\"Quoted\\\" \\u00e9 caf\xc3\xa9.\""
                + ",\"manager\":null,\"history\":[{\"at\":\"2024-01-0" + QByteArray::number(1 + i % 9)
                + "T10:00:00Z\",\"event\":\"login\"}]}";
    }
    json += ']';
    return json;
}

Exchange makeExchange(const BodyData &body)
{
    Exchange exchange;
    exchange.sent.method = "GET";
    exchange.sent.url = QUrl(QStringLiteral("https://api.example.com/users"));
    exchange.sent.target = "/users";
    ResponseHead head;
    head.statusCode = 200;
    head.reasonPhrase = "OK";
    head.httpVersion = "HTTP/1.1";
    head.headers = {{"Content-Type", "application/json"}, {"Content-Length", QByteArray::number(body.size())}};
    exchange.response = head;
    exchange.body = body;
    exchange.sizes.decodedBodyBytes = body.size();
    exchange.sizes.wireBodyBytes = body.size();
    exchange.timings.total = 1234;
    return exchange;
}

/// The longest gap between ticks of a 5 ms timer: how long the UI thread was busy at a stretch.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            m_longest = std::max(m_longest, gap);
        });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_longest;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.0f %s\n", name, value, unit);
    std::fflush(stdout);
}

/// showExchange() → bodyRendered → first screen painted, in milliseconds; also the longest stall.
double timeDisplay(ResponseViewer &viewer, const Exchange &exchange, StallMeter &stalls, qint64 *longestStall)
{
    QSignalSpy rendered(&viewer, &ResponseViewer::bodyRendered);
    QElapsedTimer clock;
    stalls.start();
    clock.start();
    viewer.showExchange(exchange);
    if (!rendered.wait(120'000)) {
        std::fprintf(stderr, "bench_response: the body was not rendered within 120 s\n");
        std::exit(1);
    }
    viewer.repaint(); // the first screen, painted now rather than at the next event loop turn
    const double elapsed = double(clock.nsecsElapsed()) / 1e6;
    QTest::qWait(20); // let the stall meter see the paint
    *longestStall = std::max(*longestStall, stalls.stop());
    return elapsed;
}

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QByteArray json = generateJson(50 * 1024 * 1024);
    std::printf("bench_response: %lld bytes of JSON\n", qlonglong(json.size()));

    formatJson(QByteArrayView(json).first(1024 * 1024)); // warm up
    QElapsedTimer clock;
    clock.start();
    const FormatResult formatted = formatJson(json);
    report("format_50mb_json_ms", double(clock.nsecsElapsed()) / 1e6, "ms");
    if (!formatted.ok) {
        std::fprintf(stderr, "bench_response: generated JSON did not format: %s\n", qPrintable(formatted.error));
        return 1;
    }

    ResponseViewer viewer;
    viewer.resize(1100, 800);
    viewer.show();
    StallMeter stalls;
    qint64 longestStall = 0;

    // A small exchange first, so widget creation and first-paint costs are not counted below.
    timeDisplay(viewer, makeExchange(BodyData::fromBytes("{\"warm\":true}")), stalls, &longestStall);
    longestStall = 0;

    const Exchange inMemory = makeExchange(BodyData::fromBytes(json));
    report("display_50mb_json_ms", timeDisplay(viewer, inMemory, stalls, &longestStall), "ms");

    viewer.bodyView()->setPrettyPreferred(false);
    report("display_50mb_json_raw_ms", timeDisplay(viewer, inMemory, stalls, &longestStall), "ms");
    viewer.bodyView()->setPrettyPreferred(true);

    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/sonde-bench-XXXXXX.json"));
    file.setAutoRemove(false); // BodyData owns and removes it
    if (!file.open() || file.write(json) != json.size())
        return 1;
    file.close();
    const Exchange onDisk = makeExchange(BodyData::fromTemporaryFile(file.fileName(), json.size()));
    report("display_50mb_json_disk_ms", timeDisplay(viewer, onDisk, stalls, &longestStall), "ms");

    report("display_50mb_max_ui_stall_ms", double(longestStall), "ms");
    report("display_50mb_peak_rss_mb", peakRssMb(), "MB");
    return 0;
}
