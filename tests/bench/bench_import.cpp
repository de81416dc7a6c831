// bench_import: importing a generated Postman collection of 10,000 requests, and the largest OpenAPI
// document of the conformance corpus (when it is here). Prints BENCH lines (the median of a few runs);
// not a test.
#include "../core/ConformanceCorpus.h"
#include "formats/OpenApiImport.h"
#include "formats/PostmanImport.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

void bench(const char *metric, double value, const char *unit)
{
    std::printf("BENCH %s %.1f %s\n", metric, value, unit);
    std::fflush(stdout);
}

/// The median of `runs` timings of `work`, in milliseconds.
double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

/// A Postman collection v2.1 of `folders` × `perFolder` requests with headers, query, bodies and auth.
QByteArray postmanCollection(int folders, int perFolder)
{
    const QStringList methods {u"GET"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s};
    QJsonArray items;
    for (int f = 0; f < folders; ++f) {
        QJsonArray requests;
        for (int r = 0; r < perFolder; ++r) {
            const QString method = methods.at(r % methods.size());
            QJsonObject request {{u"method"_s, method},
                {u"header"_s,
                    QJsonArray {QJsonObject {{u"key"_s, u"Accept"_s}, {u"value"_s, u"application/json"_s}},
                        QJsonObject {{u"key"_s, u"X-Request"_s}, {u"value"_s, QString::number(r)}}}},
                {u"url"_s,
                    QJsonObject {
                        {u"raw"_s, u"{{base}}/v1/resource%1/items/%2?page=1&limit=20"_s.arg(f).arg(r)},
                        {u"host"_s, QJsonArray {u"{{base}}"_s}},
                        {u"path"_s,
                            QJsonArray {u"v1"_s, u"resource%1"_s.arg(f), u"items"_s, QString::number(r)}},
                        {u"query"_s,
                            QJsonArray {QJsonObject {{u"key"_s, u"page"_s}, {u"value"_s, u"1"_s}},
                                QJsonObject {{u"key"_s, u"limit"_s}, {u"value"_s, u"20"_s}}}}}},
                {u"auth"_s,
                    QJsonObject {{u"type"_s, u"bearer"_s},
                        {u"bearer"_s,
                            QJsonArray {
                                QJsonObject {{u"key"_s, u"token"_s}, {u"value"_s, u"{{token}}"_s}}}}}}};
            if (method == u"POST" || method == u"PUT")
                request.insert(u"body"_s,
                    QJsonObject {{u"mode"_s, u"raw"_s},
                        {u"raw"_s, u"{\n  \"name\": \"item\",\n  \"count\": 3\n}"_s},
                        {u"options"_s, QJsonObject {{u"raw"_s, QJsonObject {{u"language"_s, u"json"_s}}}}}});
            requests.append(QJsonObject {{u"name"_s, u"Operation %1"_s.arg(r)}, {u"request"_s, request}});
        }
        items.append(QJsonObject {{u"name"_s, u"Resource %1"_s.arg(f)}, {u"item"_s, requests}});
    }
    const QJsonObject collection {
        {u"info"_s,
            QJsonObject {{u"name"_s, u"Bench"_s},
                {u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s}}},
        {u"item"_s, items}};
    return QJsonDocument(collection).toJson(QJsonDocument::Compact);
}

/// The largest OpenAPI or Swagger document of the corpus (by size on disk), or an empty string.
QString largestSpec(const QString &corpus)
{
    QString largest;
    qint64 size = -1;
    for (const QString &folder : {u"/openapi-specs"_s, u"/openapi-to-postman/test/data"_s}) {
        QDirIterator it(corpus + folder, {u"*.json"_s, u"*.yaml"_s, u"*.yml"_s}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(u"/schemas/"_s) || path.contains(u"/invalid_"_s)
                || path.contains(u"generated-by-"_s))
                continue;
            const qint64 bytes = QFileInfo(path).size();
            if (bytes > size && OpenApiImport::looksLikeOpenApi(readCorpusFile(path))) {
                size = bytes;
                largest = path;
            }
        }
    }
    return largest;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    const QByteArray postman = postmanCollection(100, 100);
    qsizetype requests = 0;
    const double postmanMs
        = medianMs(5, [&postman, &requests] { requests = PostmanImport::parse(postman).requestCount(); });
    std::fprintf(
        stderr, "Postman: %lld requests from %.1f MiB\n", qlonglong(requests), postman.size() / 1048576.0);
    bench("import_postman_10k_ms", postmanMs, "ms");

    const QString corpus = conformanceCorpus();
    if (corpus.isEmpty()) {
        std::fprintf(stderr,
            "import_largest_openapi_ms skipped: the conformance corpus is not here (set SONDE_CORPUS)\n");
        return requests == 10000 ? 0 : 1;
    }
    const QString spec = largestSpec(corpus);
    const QByteArray data = readCorpusFile(spec);
    qsizetype operations = 0;
    bool ok = true;
    const double openApiMs = medianMs(5, [&] {
        const ImportResult result = OpenApiImport::parse(data, {QFileInfo(spec).absolutePath(), {}});
        ok = result.ok();
        operations = result.requestCount();
    });
    std::fprintf(stderr, "OpenAPI: %s, %.1f MiB, %lld requests%s\n",
        qPrintable(QDir(corpus).relativeFilePath(spec)), data.size() / 1048576.0, qlonglong(operations),
        ok ? "" : " (refused)");
    bench("import_largest_openapi_ms", openApiMs, "ms");
    return requests == 10000 && ok ? 0 : 1;
}
