// Conformance of InsomniaImport with the Insomnia v4 exports of the shared corpus: Insomnia's own
// exports (smoke-test fixtures, inso's fixtures, the importer's v4 input) and the expected outputs of
// Insomnia's importers (expected-json/importers/*, each an Insomnia v4 export of what Insomnia made of
// a curl, HAR, Postman, OpenAPI, … file). For every export, the import must give:
//   - one request per `request` resource, with its method, and its URL (query parameters added, the
//     template syntax converted) in the same order within each parent;
//   - one folder per `request_group` (plus one per workspace when there are several);
//   - one environment per sub environment.
// Exports of Insomnia 1 to 3 must be refused with a message (Sonde reads v4), and so must inso's
// negative fixtures (malformed, empty, no export format, a v3 export).
#include "ConformanceCorpus.h"
#include "formats/InsomniaImport.h"
#include "model/QueryParams.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

struct Expected
{
    int requests = 0;
    int folders = 0;
    int environments = 0;
    QStringList methods;
    QStringList urls;
};

void collect(const Folder &folder, int &folders, QStringList &methods, QStringList &urls)
{
    for (const Request &request : folder.requests) {
        methods.append(request.method);
        urls.append(request.url);
    }
    for (const Folder &child : folder.folders) {
        ++folders;
        collect(child, folders, methods, urls);
    }
}

} // namespace

class TestConformanceInsomnia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exports();
    void negativeFixturesAreRefused_data();
    void negativeFixturesAreRefused();

private:
    QString m_corpus;
};

void TestConformanceInsomnia::initTestCase()
{
    m_corpus = conformanceCorpus();
    if (m_corpus.isEmpty())
        QSKIP("The conformance corpus is not here: set SONDE_CORPUS to the folder that holds _derived/.");
}

void TestConformanceInsomnia::exports()
{
    QStringList files;
    const QString root = m_corpus + u"/insomnia"_s;
    QDirIterator it(root, {u"*.json"_s, u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    int scored = 0;
    int matched = 0;
    int requests = 0;
    int older = 0;
    int olderRefused = 0;
    QStringList failures;
    for (const QString &path : std::as_const(files)) {
        const QByteArray data = readCorpusFile(path);
        if (!InsomniaImport::looksLikeInsomnia(data))
            continue;
        const QString relative = QDir(m_corpus).relativeFilePath(path);
        if (relative.contains(u"insomnia-inso/src/db/fixtures/insomnia-v4/"_s)
            && !relative.contains(u"insomnia_v4."_s))
            continue; // the negative fixtures, below
        const ImportResult result = InsomniaImport::parse(data, u"export"_s);
        if (!YAML::Load(data.toStdString())["__export_format"].as<std::string>().starts_with('4')) {
            // Exports of Insomnia 1 to 3: refused with a message saying to export as v4, not scored.
            ++older;
            if (!result.ok() && result.error.message.contains(u"is not supported"_s))
                ++olderRefused;
            else
                failures.append(u"%1: an export older than v4 is not refused"_s.arg(relative));
            continue;
        }
        ++scored;
        if (!result.ok()) {
            failures.append(u"%1: refused: %2"_s.arg(relative, result.error.toString()));
            continue;
        }
        // What the export holds, read here with yaml-cpp (JSON is YAML): independent of the importer.
        const YAML::Node document = YAML::Load(data.toStdString());
        Expected want;
        QHash<QString, QString> types;
        int workspaces = 0;
        for (const auto &resource : document["resources"]) {
            types.insert(QString::fromStdString(resource["_id"].as<std::string>()),
                QString::fromStdString(resource["_type"].as<std::string>()));
        }
        QMultiHash<QString, std::pair<double, std::pair<QString, QString>>> requestsByParent;
        for (const auto &resource : document["resources"]) {
            const std::string type = resource["_type"].as<std::string>();
            const QString parent = resource["parentId"] && !resource["parentId"].IsNull()
                ? QString::fromStdString(resource["parentId"].as<std::string>())
                : QString();
            if (type == "workspace") {
                ++workspaces;
            } else if (type == "request_group") {
                ++want.folders;
            } else if (type == "environment" && types.value(parent) == u"environment") {
                ++want.environments;
            } else if (type == "request") {
                ++want.requests;
                QString url = InsomniaImport::convertTemplate(
                    resource["url"] ? QString::fromStdString(resource["url"].as<std::string>()) : QString());
                KeyValueList params = QueryParams::parse(url);
                for (const auto &parameter : resource["parameters"]) {
                    const QString name = parameter["name"]
                        ? QString::fromStdString(parameter["name"].as<std::string>())
                        : QString();
                    const QString value = parameter["value"]
                        ? QString::fromStdString(parameter["value"].as<std::string>())
                        : QString();
                    if (name.isEmpty() && value.isEmpty())
                        continue;
                    params.append(
                        {InsomniaImport::convertTemplate(name), InsomniaImport::convertTemplate(value),
                            !(parameter["disabled"] && parameter["disabled"].as<bool>())});
                }
                url = QueryParams::applyToUrl(url, params);
                const double key = resource["metaSortKey"] ? resource["metaSortKey"].as<double>() : 0;
                requestsByParent.insert(parent,
                    {key, {QString::fromStdString(resource["method"].as<std::string>()).toUpper(), url}});
            }
        }
        if (workspaces > 1)
            want.folders += workspaces;
        int gotFolders = 0;
        QStringList gotMethods;
        QStringList gotUrls;
        collect(result.collection, gotFolders, gotMethods, gotUrls);
        requests += int(gotMethods.size());
        QStringList wantMethods;
        QStringList wantUrls;
        for (const auto &[key, request] : requestsByParent.values()) {
            wantMethods.append(request.first);
            wantUrls.append(request.second);
        }
        gotMethods.sort();
        wantMethods.sort();
        gotUrls.sort();
        wantUrls.sort();
        QStringList differences;
        if (gotMethods.size() != want.requests)
            differences.append(u"%1 requests (expected %2)"_s.arg(gotMethods.size()).arg(want.requests));
        if (gotFolders != want.folders)
            differences.append(u"%1 folders (expected %2)"_s.arg(gotFolders).arg(want.folders));
        if (result.environments.size() != want.environments)
            differences.append(
                u"%1 environments (expected %2)"_s.arg(result.environments.size()).arg(want.environments));
        if (gotMethods != wantMethods)
            differences.append(
                u"methods %1 (expected %2)"_s.arg(gotMethods.join(u','), wantMethods.join(u',')));
        if (gotUrls != wantUrls)
            differences.append(u"URLs %1 (expected %2)"_s.arg(gotUrls.join(u' '), wantUrls.join(u' ')));
        if (differences.isEmpty()) {
            ++matched;
        } else {
            failures.append(relative + u": "_s + differences.join(u"; "_s));
        }
    }
    for (const QString &failure : std::as_const(failures))
        qInfo().noquote() << "  differs:" << failure;
    const QString score
        = u"insomnia v4: %1/%2 exports match (%3 requests); v1-v3: %4/%5 refused as unsupported"_s
              .arg(matched)
              .arg(scored)
              .arg(requests)
              .arg(olderRefused)
              .arg(older);
    qInfo().noquote() << score;
    QVERIFY2(scored > 0, "no Insomnia exports were found");
    QVERIFY2(failures.isEmpty(), qPrintable(score));
}

void TestConformanceInsomnia::negativeFixturesAreRefused_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name :
        {"malformed.yaml", "empty.yaml", "no-export-format.yaml", "v3-export-format.yaml"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestConformanceInsomnia::negativeFixturesAreRefused()
{
    QFETCH(QString, file);
    bool ok = false;
    const QByteArray data = readCorpusFile(
        m_corpus + u"/insomnia/packages/insomnia-inso/src/db/fixtures/insomnia-v4/"_s + file, &ok);
    QVERIFY2(ok, qPrintable(file + u" is missing"_s));
    const ImportResult result = InsomniaImport::parse(data);
    QVERIFY(!result.ok());
    QVERIFY(!result.error.message.isEmpty());
    qInfo().noquote() << file << "refused:" << result.error.toString();
}

QTEST_GUILESS_MAIN(TestConformanceInsomnia)
#include "tst_conformance_insomnia.moc"
