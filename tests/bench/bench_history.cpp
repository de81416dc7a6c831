// bench_history: the history store with 100,000 realistic exchanges.
//
// Inserts the exchanges the way the recorder does (converted and redacted, batches of 100 per
// transaction), then runs a set of searches — words from URLs, header values and bodies, with and
// without filters, filters alone — each several times:
//   history_insert_100k_s           wall time of all the inserts
//   history_search_100k_median_ms   median time of a search (first page of 100 entries)
//   history_search_100k_p95_ms      95th percentile
//   history_db_mb                   size of the database on disk afterwards
// Output lines read "BENCH <name> <value> <unit>"; `--rows N` for a smaller run, `--db PATH` to keep
// the database, `--verbose` for each search's times.

#include "history/ExchangeRecord.h"
#include "history/HistoryStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Sonde;

namespace {

const QStringList hosts = {QStringLiteral("api.github.com"), QStringLiteral("api.stripe.com"),
    QStringLiteral("jsonplaceholder.typicode.com"), QStringLiteral("localhost:8080"),
    QStringLiteral("127.0.0.1:3000"), QStringLiteral("api.example.com"),
    QStringLiteral("staging.api.example.com"), QStringLiteral("auth.example.com"),
    QStringLiteral("graph.microsoft.com"), QStringLiteral("api.openweathermap.org"),
    QStringLiteral("hooks.slack.com"), QStringLiteral("api.twilio.com"),
    QStringLiteral("petstore.swagger.io"), QStringLiteral("httpbin.org"), QStringLiteral("api.spotify.com"),
    QStringLiteral("billing.internal.corp"), QStringLiteral("inventory.internal.corp"),
    QStringLiteral("search.internal.corp"), QStringLiteral("api.shopify.com"),
    QStringLiteral("maps.googleapis.com")};
const QStringList resources = {QStringLiteral("users"), QStringLiteral("orders"), QStringLiteral("items"),
    QStringLiteral("invoices"), QStringLiteral("products"), QStringLiteral("sessions"),
    QStringLiteral("payments"), QStringLiteral("customers"), QStringLiteral("repos"),
    QStringLiteral("issues"), QStringLiteral("weather"), QStringLiteral("tracks"), QStringLiteral("webhooks"),
    QStringLiteral("reports"), QStringLiteral("pets"), QStringLiteral("accounts")};
const QList<QByteArray> words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
    "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
    "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "pending", "active", "archived",
    "shipped", "delivered", "refunded", "premium", "standard", "express", "warehouse", "invoice", "receipt",
    "customer", "supplier", "discount", "coupon", "lovelace", "hopper", "turing", "dijkstra", "knuth",
    "ritchie", "thompson", "torvalds", "berners", "cerf", "lisbon", "porto", "madrid", "paris", "berlin",
    "tokyo", "osaka", "nairobi", "lima", "quito", "oslo", "red", "green", "blue", "amber", "violet",
    "crimson", "teal", "ochre", "ivory", "onyx", "quartz", "basalt"};

QByteArray pick(const QList<QByteArray> &list, QRandomGenerator &random)
{
    return list.at(int(random.bounded(quint32(list.size()))));
}

/// A JSON document of about `size` bytes: a page of records with words, numbers and nesting.
QByteArray jsonBody(qsizetype size, QRandomGenerator &random)
{
    QByteArray body = "{\"page\":" + QByteArray::number(random.bounded(50)) + ",\"data\":[";
    int id = int(random.bounded(100000));
    while (body.size() < size - 2) {
        QByteArray description;
        for (int i = 0; i < 6; ++i)
            description += pick(words, random) + ' ';
        body += "{\"id\":" + QByteArray::number(id++) + ",\"name\":\"" + pick(words, random) + ' '
            + pick(words, random) + "\",\"status\":\"" + pick(words, random) + "\",\"amount\":"
            + QByteArray::number(random.bounded(100000) / 100.0) + ",\"tags\":[\"" + pick(words, random)
            + "\",\"" + pick(words, random) + "\"],\"description\":\"" + description.trimmed() + "\"},";
    }
    body.chop(1);
    return body + "]}";
}

int weighted(const QList<std::pair<int, int>> &choices, QRandomGenerator &random)
{
    int roll = int(random.bounded(100));
    for (const auto &[value, weight] : choices) {
        if ((roll -= weight) < 0)
            return value;
    }
    return choices.constLast().first;
}

Exchange makeExchange(int n, const QDateTime &at, QRandomGenerator &random)
{
    static const QList<std::pair<int, int>> statuses
        = {{200, 66}, {201, 8}, {204, 3}, {304, 2}, {400, 4}, {401, 3}, {404, 6}, {500, 3}, {503, 2}, {0, 3}};
    static const QStringList methods = {QStringLiteral("GET"), QStringLiteral("GET"), QStringLiteral("GET"),
        QStringLiteral("GET"), QStringLiteral("GET"), QStringLiteral("GET"), QStringLiteral("POST"),
        QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE")};
    const QString host = hosts.at(int(random.bounded(quint32(hosts.size()))));
    const QString resource = resources.at(int(random.bounded(quint32(resources.size()))));
    const QString method = methods.at(int(random.bounded(quint32(methods.size()))));
    QString url = QStringLiteral("https://%1/v%2/%3").arg(host).arg(1 + random.bounded(3)).arg(resource);
    if (random.bounded(2))
        url += u'/' + QString::number(random.bounded(100000));
    if (method == u"GET" && random.bounded(3) == 0)
        url += QStringLiteral("?page=%1&sort=%2")
                   .arg(random.bounded(20))
                   .arg(QString::fromLatin1(pick(words, random)));

    Exchange exchange;
    exchange.startedAt = at;
    exchange.request.method = method;
    exchange.request.url = url;
    const QByteArray requestId = QByteArray::number(random.generate64(), 16);
    exchange.request.headers
        = {{QStringLiteral("Authorization"), QStringLiteral("Bearer tok_") + QString::number(n), true},
            {QStringLiteral("X-Request-Id"), QString::fromLatin1(requestId), true}};
    exchange.sent.method = method.toLatin1();
    exchange.sent.url = QUrl(url);
    exchange.sent.httpVersion = "HTTP/1.1";
    exchange.sent.headers
        = {{"Host", host.toLatin1()}, {"Authorization", "Bearer tok_" + QByteArray::number(n)},
            {"X-Request-Id", requestId}, {"User-Agent", "Sonde/0.1.0"}, {"Accept", "*/*"},
            {"Accept-Encoding", "gzip, deflate"}, {"Connection", "Keep-Alive"}};
    if (method != u"GET" && method != u"DELETE") {
        const QByteArray body = jsonBody(100 + random.bounded(1900), random);
        exchange.request.body = {Body::Kind::Raw, QStringLiteral("application/json"), body};
        exchange.sent.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        exchange.sent.body = body;
        exchange.sent.bodySize = body.size();
    }
    exchange.timings.total = 5 + random.bounded(2000) * random.generateDouble();
    const int status = weighted(statuses, random);
    if (status == 0) {
        exchange.error
            = {random.bounded(2) ? TransportError::Kind::Timeout : TransportError::Kind::ConnectionRefused,
                QStringLiteral("The server did not answer in time"), {}};
        return exchange;
    }
    // Log-uniform between 200 B and 20 KB: mostly small, some large.
    const qsizetype size = qsizetype(200 * std::pow(100.0, random.generateDouble()));
    const QByteArray body = status == 204 || status == 304 ? QByteArray() : jsonBody(size, random);
    ResponseHead head;
    head.statusCode = status;
    head.reasonPhrase = status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    head.httpVersion = "HTTP/1.1";
    head.headers = {{"Date", at.toString(Qt::RFC2822Date).toLatin1()},
        {"Content-Type", "application/json; charset=utf-8"},
        {"Content-Length", QByteArray::number(body.size())},
        {"Server", random.bounded(2) ? "nginx" : "envoy"},
        {"Cache-Control", random.bounded(2) ? "no-cache" : "max-age=60"},
        {"ETag", '"' + QByteArray::number(random.generate(), 16) + '"'}};
    exchange.response = head;
    exchange.body = BodyData::fromBytes(body);
    exchange.sizes.wireBodyBytes = exchange.sizes.decodedBodyBytes = body.size();
    return exchange;
}

void report(const char *name, double value, const char *unit, int decimals)
{
    std::printf("BENCH %s %.*f %s\n", name, decimals, value, unit);
    std::fflush(stdout);
}

HistoryFilter filter(const QString &text)
{
    HistoryFilter f;
    f.text = text;
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Exchanges to insert."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Keep the database at this path."), QStringLiteral("path"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("Print each search's times."));
    parser.addOptions({rowsOption, dbOption, verboseOption});
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    QTemporaryDir dir;
    const QString path
        = parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("history.sqlite"));
    QString error;
    auto store = HistoryStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
        return 1;
    }

    QRandomGenerator random(20261124);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-90);
    const qint64 spanMs = qint64(90) * 24 * 3600 * 1000;
    QElapsedTimer clock;
    clock.start();
    QList<HistoryRecord> batch;
    for (int n = 0; n < rows; ++n) {
        const Exchange exchange = makeExchange(n, start.addMSecs(spanMs * n / rows), random);
        batch.append(toHistoryRecord(exchange, {}, {}));
        if (batch.size() == 100 || n == rows - 1) {
            if (!store->insert(batch)) {
                std::fprintf(stderr, "bench_history: %s\n", qPrintable(store->lastError()));
                return 1;
            }
            batch.clear();
        }
    }
    const double insertSeconds = clock.elapsed() / 1000.0;

    // Words of URLs, header values, bodies (common and rare), with and without filters, filters alone.
    QList<std::pair<QString, HistoryFilter>> searches;
    for (const char *text : {"users", "invoices", "api.stripe.com", "graph.microsoft", "nginx", "no-cache",
             "lovelace", "dijkstra turing", "shipped premium", "quebec", "nairobi osaka", "tok_", "timeout",
             "404", "page=3", "v2/orders", "zzzz-no-match"})
        searches.append({QString::fromLatin1(text), filter(QString::fromLatin1(text))});
    HistoryFilter f = filter(QStringLiteral("orders"));
    f.statusClasses = {4, 5};
    searches.append({QStringLiteral("orders + 4xx/5xx"), f});
    f = filter(QStringLiteral("lovelace"));
    f.methods = {QStringLiteral("POST"), QStringLiteral("PUT")};
    searches.append({QStringLiteral("lovelace + POST/PUT"), f});
    f = filter(QStringLiteral("payments"));
    f.host = QStringLiteral("example.com");
    searches.append({QStringLiteral("payments + host example.com"), f});
    f = filter(QStringLiteral("customer"));
    f.from = QDateTime::currentDateTimeUtc().addDays(-60);
    f.to = QDateTime::currentDateTimeUtc().addDays(-30);
    searches.append({QStringLiteral("customer + 30 days"), f});
    searches.append({QStringLiteral("(all, newest)"), HistoryFilter()});
    f = HistoryFilter();
    f.statusClasses = {5};
    searches.append({QStringLiteral("(5xx)"), f});
    f = HistoryFilter();
    f.host = QStringLiteral("billing.internal.corp");
    f.methods = {QStringLiteral("DELETE")};
    searches.append({QStringLiteral("(DELETE on billing)"), f});
    f = HistoryFilter();
    f.statusClasses = {0};
    f.from = QDateTime::currentDateTimeUtc().addDays(-7);
    searches.append({QStringLiteral("(errors, last 7 days)"), f});

    QList<double> times;
    for (const auto &[name, search] : searches) {
        store->search(search); // warm
        QList<double> own;
        qsizetype found = 0;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            found = store->search(search).size();
            own.append(timer.nsecsElapsed() / 1e6);
        }
        if (!store->lastError().isEmpty())
            std::fprintf(stderr, "bench_history: %s: %s\n", qPrintable(name), qPrintable(store->lastError()));
        if (parser.isSet(verboseOption)) {
            std::sort(own.begin(), own.end());
            std::fprintf(stderr, "  %-32s %4lld found  median %.2f ms\n", qPrintable(name),
                static_cast<long long>(found), own.at(own.size() / 2));
        }
        times += own;
    }
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    const double p95 = times.at(std::min(times.size() - 1, qsizetype(std::ceil(times.size() * 0.95)) - 1));
    const double megabytes = store->databaseSize() / (1024.0 * 1024.0);

    report("history_insert_100k_s", insertSeconds, "s", 1);
    report("history_search_100k_median_ms", median, "ms", 2);
    report("history_search_100k_p95_ms", p95, "ms", 2);
    report("history_db_mb", megabytes, "MB", 0);
    std::fprintf(
        stderr, "bench_history: %d exchanges, %lld searches\n", rows, static_cast<long long>(times.size()));
    return 0;
}
