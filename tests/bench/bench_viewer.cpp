// bench_viewer: the response viewer with 100 MB bodies, as they arrive from the network (kept in a
// temporary file, since they are over the in-memory threshold).
//
// For a generated 100 MB JSON document and a 100 MB XML document, in a shown window (offscreen or
// under xvfb-run), from showExchange() — the moment the last byte has arrived:
//   first_screen_100mb_<type>_ms     until the first screen of text is painted
//   pretty_visible_100mb_<type>_ms   until the pretty-printed, highlighted first screen is painted
//                                    (the preview of the body's start, while the whole is formatted)
//   pretty_complete_100mb_<type>_ms  until the whole body is pretty-printed and on screen
//   max_ui_stall_100mb_<type>_ms     the longest the UI thread went without serving its event loop,
//                                    over the whole sequence: showing, formatting, scrolling to the
//                                    middle and the end, searching, switching Raw/Pretty, clearing
//   rss_over_body_100mb_<type>       peak resident memory during the sequence above what the process
//                                    held before it, divided by the body size
// and the worse of the two types as first_screen_100mb_ms, pretty_visible_100mb_ms, max_ui_stall_ms
// and rss_over_body. `bench_viewer json` (or `xml`) measures one type. Output lines read "BENCH <name>
// <value> <unit>".

#include "editor/CodeEditor.h"
#include "editor/FindBar.h"
#include "model/Exchange.h"
#include "response/BodyView.h"
#include "response/ResponseViewer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <vector>

using namespace Sonde;

namespace {

constexpr qsizetype BodyBytes = 100LL * 1024 * 1024;

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
            + "\",\"name\":\"User " + id + "\",\"email\":\"user" + id
            + "@example.com\",\"active\":" + (i % 3 ? "true" : "false")
            + ",\"score\":" + QByteArray::number(random.generateDouble() * 1000, 'f', 3)
            + ",\"tags\":[\"alpha\",\"beta\",\"gamma\"],\"address\":{\"street\":\""
            + QByteArray::number(i % 999) + " Main Street\",\"city\":\"" + cities[i % 6]
            + "\",\"geo\":{\"lat\":" + QByteArray::number(random.generateDouble() * 180 - 90, 'f', 6)
            + ",\"lng\":" + QByteArray::number(random.generateDouble() * 360 - 180, 'f', 6)
            + "}},\"bio\":\"Lorem ipsum dolor sit amet, consectetur adipiscing elit. \\\"Quoted\\\" \\u00e9 "
              "caf\xc3\xa9.\""
            + ",\"manager\":null,\"history\":[{\"at\":\"2024-01-0" + QByteArray::number(1 + i % 9)
            + "T10:00:00Z\",\"event\":\"login\"}]}";
    }
    json += ']';
    return json;
}

/// The same records as XML, on one line per record as many APIs send it.
QByteArray generateXml(qsizetype targetBytes)
{
    static const char *const cities[] = {"London", "Paris", "Zürich", "São Paulo", "Tokyo", "New York"};
    QRandomGenerator random(20240601);
    QByteArray xml;
    xml.reserve(targetBytes + 4096);
    xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users xmlns=\"urn:example:users\">";
    for (int i = 0; xml.size() < targetBytes; ++i) {
        const QByteArray id = QByteArray::number(i);
        xml += "<user id=\"" + id + "\" active=\"" + (i % 3 ? "true" : "false") + "\"><uuid>"
            + QByteArray::number(random.generate64(), 16) + "</uuid><name>User " + id + "</name><email>user"
            + id + "@example.com</email><score>" + QByteArray::number(random.generateDouble() * 1000, 'f', 3)
            + "</score><tags><tag>alpha</tag><tag>beta</tag><tag>gamma</tag></tags><address><street>"
            + QByteArray::number(i % 999) + " Main Street</street><city>" + cities[i % 6]
            + "</city><geo lat=\"" + QByteArray::number(random.generateDouble() * 180 - 90, 'f', 6)
            + "\" lng=\"" + QByteArray::number(random.generateDouble() * 360 - 180, 'f', 6)
            + "\"/></address><bio>Lorem ipsum dolor sit amet &amp; &quot;quoted&quot; caf\xc3\xa9.</bio>"
              "<!-- record "
            + id + " --><history><event at=\"2024-01-0" + QByteArray::number(1 + i % 9)
            + "T10:00:00Z\">login</event></history></user>\n";
    }
    xml += "</users>\n";
    return xml;
}

Exchange makeExchange(const BodyData &body, const QByteArray &contentType)
{
    Exchange exchange;
    exchange.sent.method = "GET";
    exchange.sent.url = QUrl(QStringLiteral("https://api.example.com/users"));
    exchange.sent.target = "/users";
    ResponseHead head;
    head.statusCode = 200;
    head.reasonPhrase = "OK";
    head.httpVersion = "HTTP/1.1";
    head.headers = {{"Content-Type", contentType}, {"Content-Length", QByteArray::number(body.size())}};
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
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            note(gap);
        });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_timer.start();
    }
    void setPhase(const char *phase)
    {
        // A gap ending in the next phase started in this one: count it here.
        note(m_clock.elapsed());
        m_phase = phase;
    }
    qint64 stop()
    {
        setPhase("");
        m_timer.stop();
        return m_longest;
    }
    const char *where() const { return m_where; }
    /// The longest stall of each phase, in the order the phases came: "show 12, format 40, …".
    QByteArray byPhase() const
    {
        QByteArray text;
        for (const auto &[phase, longest] : m_phases)
            text += (text.isEmpty() ? "" : ", ") + QByteArray(phase) + ' ' + QByteArray::number(longest);
        return text;
    }

private:
    void note(qint64 gap)
    {
        if (gap > m_longest) {
            m_longest = gap;
            m_where = m_phase;
        }
        if (m_phases.empty() || m_phases.back().first != m_phase)
            m_phases.emplace_back(m_phase, 0);
        m_phases.back().second = std::max(m_phases.back().second, gap);
    }
    std::vector<std::pair<const char *, qint64>> m_phases;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
    const char *m_phase = "";
    const char *m_where = "";
};

void report(const QByteArray &name, double value, const char *unit, int decimals = 0)
{
    std::printf("BENCH %s %.*f %s\n", name.constData(), decimals, value, unit);
    std::fflush(stdout);
}

double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

/// Resets the kernel's peak-RSS mark (VmHWM) to the current RSS.
void resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

/// Waits, serving the event loop, until the body view shows `shown`; false after two minutes.
bool waitUntilShown(BodyView *view, BodyRendering::Shown shown)
{
    QElapsedTimer clock;
    clock.start();
    while (view->shown() != shown || view->isBusy()) {
        if (clock.elapsed() > 120'000)
            return false;
        QTest::qWait(1);
    }
    return true;
}

struct Figures
{
    double firstScreen = 0;
    double prettyVisible = 0;
    double prettyComplete = 0;
    double maxStall = 0;
    double rssOverBody = 0;
};

Figures measure(
    ResponseViewer &viewer, const QByteArray &body, const QByteArray &contentType, const char *type)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/sonde-bench-XXXXXX"));
    file.setAutoRemove(false); // BodyData owns and removes it
    if (!file.open() || file.write(body) != body.size()) {
        std::fprintf(stderr, "bench_viewer: cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    file.close();
    const Exchange exchange
        = makeExchange(BodyData::fromTemporaryFile(file.fileName(), body.size()), contentType);
    BodyView *view = viewer.bodyView();
    CodeEditor *editor = view->editor();
    view->setPrettyPreferred(true);

    Figures figures;
    StallMeter stalls;
    const double before = statusMb("VmRSS:");
    resetPeakRss();
    stalls.start();
    QElapsedTimer clock;
    clock.start();

    stalls.setPhase("show");
    viewer.showExchange(exchange);
    QElapsedTimer waited;
    waited.start();
    while (editor->length() == 0) {
        if (waited.elapsed() > 120'000) {
            std::fprintf(stderr, "bench_viewer: no text on screen after 120 s\n");
            std::exit(1);
        }
        QTest::qWait(1);
    }
    viewer.repaint();
    figures.firstScreen = double(clock.nsecsElapsed()) / 1e6;

    while (!view->showsPreview() && view->shown() != BodyRendering::Shown::Pretty) {
        if (waited.elapsed() > 120'000) {
            std::fprintf(stderr, "bench_viewer: no pretty text on screen after 120 s\n");
            std::exit(1);
        }
        QTest::qWait(1);
    }
    viewer.repaint();
    figures.prettyVisible = double(clock.nsecsElapsed()) / 1e6;

    stalls.setPhase("format");
    if (!waitUntilShown(view, BodyRendering::Shown::Pretty)) {
        std::fprintf(stderr, "bench_viewer: the %s body was not pretty-printed within 120 s (%s)\n", type,
            qPrintable(view->notice()));
        std::exit(1);
    }
    viewer.repaint();
    figures.prettyComplete = double(clock.nsecsElapsed()) / 1e6;

    // What a user does next: scroll, search, switch to Raw and back.
    stalls.setPhase("scroll");
    for (const double fraction : {0.5, 1.0, 0.25, 0.0}) {
        editor->setFirstVisibleLine(int(editor->lines() * fraction));
        viewer.repaint();
        QTest::qWait(20);
    }
    // Through the find bar, as a user searches: a match near the middle, then one that is not there.
    stalls.setPhase("search");
    FindBar *findBar = view->findBar();
    findBar->open();
    for (const QString &pattern :
        {QStringLiteral("User 98765\""), QStringLiteral("User 98765</"), QStringLiteral("no such text")}) {
        findBar->lineEdit()->setText(pattern);
        while (findBar->countText().isEmpty())
            QTest::qWait(1);
        findBar->findNext();
        viewer.repaint();
        QTest::qWait(20);
    }
    findBar->close();
    stalls.setPhase("raw");
    view->setPrettyPreferred(false);
    waitUntilShown(view, BodyRendering::Shown::Raw);
    viewer.repaint();
    stalls.setPhase("pretty again");
    view->setPrettyPreferred(true);
    waitUntilShown(view, BodyRendering::Shown::Pretty);
    viewer.repaint();
    QTest::qWait(50);
    figures.rssOverBody = (statusMb("VmHWM:") - before) / (double(body.size()) / (1024 * 1024));

    stalls.setPhase("clear");
    view->clear();
    QTest::qWait(200); // documents are freed in a worker; let the UI thread run meanwhile
    figures.maxStall = double(stalls.stop());
    std::fprintf(stderr, "bench_viewer: %s: longest stall during '%s'; longest per phase (ms): %s\n", type,
        stalls.where(), stalls.byPhase().constData());
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ResponseViewer viewer;
    viewer.resize(1100, 800);
    viewer.show();

    // A small exchange first, so widget creation and first-paint costs are not counted below.
    viewer.showExchange(makeExchange(BodyData::fromBytes("{\"warm\":true}"), "application/json"));
    waitUntilShown(viewer.bodyView(), BodyRendering::Shown::Pretty);
    viewer.repaint();

    Figures worst;
    const std::pair<const char *, QByteArray> types[]
        = {{"json", "application/json"}, {"xml", "application/xml"}};
    const QStringList only = app.arguments().mid(1); // "json" or "xml": measure that type only
    for (const auto &[type, contentType] : types) {
        if (!only.isEmpty() && !only.contains(QLatin1StringView(type)))
            continue;
        const QByteArray body = qstrcmp(type, "json") == 0 ? generateJson(BodyBytes) : generateXml(BodyBytes);
        const Figures figures = measure(viewer, body, contentType, type);
        const QByteArray suffix = QByteArray("_100mb_") + type;
        report("first_screen" + suffix + "_ms", figures.firstScreen, "ms");
        report("pretty_visible" + suffix + "_ms", figures.prettyVisible, "ms");
        report("pretty_complete" + suffix + "_ms", figures.prettyComplete, "ms");
        report("max_ui_stall" + suffix + "_ms", figures.maxStall, "ms");
        report("rss_over_body" + suffix, figures.rssOverBody, "ratio", 2);
        worst.firstScreen = std::max(worst.firstScreen, figures.firstScreen);
        worst.prettyVisible = std::max(worst.prettyVisible, figures.prettyVisible);
        worst.prettyComplete = std::max(worst.prettyComplete, figures.prettyComplete);
        worst.maxStall = std::max(worst.maxStall, figures.maxStall);
        worst.rssOverBody = std::max(worst.rssOverBody, figures.rssOverBody);
    }
    report("first_screen_100mb_ms", worst.firstScreen, "ms");
    report("pretty_visible_100mb_ms", worst.prettyVisible, "ms");
    report("pretty_complete_100mb_ms", worst.prettyComplete, "ms");
    report("max_ui_stall_ms", worst.maxStall, "ms");
    report("rss_over_body", worst.rssOverBody, "ratio", 2);
    return 0;
}
