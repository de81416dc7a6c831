// Conformance of OpenApiImport with the OpenAPI and Swagger documents of the shared corpus.
//
// Valid documents: for every row of _derived/openapi-operation-counts.tsv outside the invalid sets,
// the import must succeed with one request per operation: as many requests as the table's
// path × method count (which, for every document Postman's converter accepts, is also the number of
// requests Postman makes). Documents that the specification allows with no operation (OpenAPI 3.1
// with only webhooks or components) import with no request. Where the collector did not follow a
// `$ref` that stands for a whole path item or the whole `paths` object (so it counted none of the
// operations behind it), the expected count is given below with its reason.
//
// Invalid documents: every file of openapi-to-postman's invalid_* folders and of the OpenAPI
// Specification's tests/v3.1/fail must be refused with a message.
#include "ConformanceCorpus.h"
#include "formats/OpenApiImport.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

bool isInvalidSet(const QString &file)
{
    return file.contains(u"/invalid_"_s) || file.contains(u"/tests/v3.1/fail/"_s);
}

/// Rows whose operation count the collector took from `paths` without following the `$ref`s that
/// stand for `paths` or for a path item: the count behind those references, from
/// tests/data/openapi/followed-operation-counts.tsv (made by count_followed_operations.py beside it,
/// with PyYAML, independently of the importer).
QHash<QString, int> followedCounts()
{
    QHash<QString, int> counts;
    QFile file(QStringLiteral(SONDE_TEST_DATA_DIR "/openapi/followed-operation-counts.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return counts;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> columns = line.split('\t');
        if (columns.size() == 2 && !line.startsWith('#'))
            counts.insert(QString::fromUtf8(columns.at(0)), columns.at(1).toInt());
    }
    return counts;
}

/// Rows of the table that cannot be imported after all, with the reason: they must be refused.
const QHash<QString, QString> &knownInvalid()
{
    static const QHash<QString, QString> rows {
        {u"openapi-to-postman/test/data/toBundleExamples/with_ref_in_items/wrongRoot.yaml"_s,
            u"the key “components” appears twice: YAML forbids duplicate keys (PyYAML, which made the table, "
            "silently keeps the last one); invalid_openapi/multiple-components.yaml has the same defect and "
            "is "
            "in an invalid set"_s},
        {u"openapi-to-postman/test/data/petstore separate yaml/spec/openapi.yaml"_s,
            u"its two path items are `$ref`s to ./resources/pets.yaml and ./resources/pet.yaml, which are "
            u"not in "
            "the corpus: the operations cannot be read (the table counts none because it does not follow them)"_s},
    };
    return rows;
}

ImportResult importFile(const QString &path)
{
    const QByteArray data = readCorpusFile(path);
    OpenApiImport::Options options;
    options.baseDirectory = QFileInfo(path).absolutePath();
    options.fallbackName = QFileInfo(path).completeBaseName();
    return OpenApiImport::parse(data, options);
}

} // namespace

class TestConformanceOpenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void operationCounts();
    void invalidSetsAreRefused();
    void agreesWithInsomniaOnRequestCounts();

private:
    QString m_corpus;
};

void TestConformanceOpenApi::initTestCase()
{
    m_corpus = conformanceCorpus();
    if (m_corpus.isEmpty())
        QSKIP("The conformance corpus is not here: set SONDE_CORPUS to the folder that holds _derived/.");
}

void TestConformanceOpenApi::operationCounts()
{
    bool ok = false;
    const QByteArray table = readCorpusFile(m_corpus + u"/_derived/openapi-operation-counts.tsv"_s, &ok);
    QVERIFY2(ok, "_derived/openapi-operation-counts.tsv is missing");
    const QHash<QString, int> followed = followedCounts();
    QVERIFY2(!followed.isEmpty(), "tests/data/openapi/followed-operation-counts.tsv is missing");
    int scored = 0;
    int matched = 0;
    QStringList failures;
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList columns = QString::fromUtf8(lines.at(i)).split(u'\t');
        if (columns.size() < 5)
            continue;
        const QString file = columns.at(0) + u'/' + columns.at(1);
        if (isInvalidSet(file))
            continue;
        const QString path = m_corpus + u'/' + file;
        if (!QFileInfo::exists(path)) {
            failures.append(u"%1: not in the corpus"_s.arg(file));
            continue;
        }
        const ImportResult result = importFile(path);
        if (knownInvalid().contains(file)) {
            if (result.ok())
                failures.append(u"%1: accepted, but %2"_s.arg(file, knownInvalid().value(file)));
            else
                qInfo().noquote() << "  refused, not scored:" << file << "—" << knownInvalid().value(file);
            continue;
        }
        ++scored;
        int expected = columns.at(4).toInt();
        if (const auto it = followed.constFind(file); it != followed.constEnd())
            expected = it.value();
        if (!result.ok()) {
            failures.append(u"%1: refused: %2"_s.arg(file, result.error.toString()));
            continue;
        }
        if (result.requestCount() != expected) {
            failures.append(
                u"%1: %2 requests, %3 operations"_s.arg(file).arg(result.requestCount()).arg(expected));
            continue;
        }
        ++matched;
    }
    const QString score
        = u"openapi: %1/%2 valid documents give one request per operation (%3%)"_s.arg(matched)
              .arg(scored)
              .arg(scored == 0 ? 0.0 : 100.0 * matched / scored, 0, 'f', 1);
    for (const QString &failure : std::as_const(failures))
        qInfo().noquote() << "  differs:" << failure;
    qInfo().noquote() << score;
    QVERIFY2(scored > 0, "no OpenAPI documents were found");
    QVERIFY2(failures.isEmpty(), qPrintable(score));
}

void TestConformanceOpenApi::invalidSetsAreRefused()
{
    QStringList folders;
    const QString data = m_corpus + u"/openapi-to-postman/test/data"_s;
    for (const QString &name : QDir(data).entryList({u"invalid_*"_s}, QDir::Dirs))
        folders.append(data + u'/' + name);
    folders.append(m_corpus + u"/openapi-specs/OAI-OpenAPI-Specification/tests/v3.1/fail"_s);
    int total = 0;
    int refused = 0;
    QStringList accepted;
    for (const QString &folder : std::as_const(folders)) {
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            ++total;
            const ImportResult result = importFile(path);
            const QString relative = QDir(m_corpus).relativeFilePath(path);
            if (!result.ok() && !result.error.message.isEmpty() && result.requestCount() == 0) {
                ++refused;
                qInfo().noquote() << "  refused:" << relative << "—" << result.error.toString();
            } else {
                accepted.append(relative);
                qInfo().noquote() << "  accepted:" << relative;
            }
        }
    }
    const QString score
        = u"openapi: %1/%2 invalid documents refused with a message"_s.arg(refused).arg(total);
    qInfo().noquote() << score;
    QVERIFY2(total > 0, "no invalid documents were found");
    QVERIFY2(accepted.isEmpty(), qPrintable(score + u"\n"_s + accepted.join(u'\n')));
}

void TestConformanceOpenApi::agreesWithInsomniaOnRequestCounts()
{
    // Insomnia's importer tests convert OpenAPI 3 and Swagger 2 fixtures into Insomnia exports: one
    // `request` resource per operation there too (and per tag, see below).
    bool ok = false;
    const QByteArray pairs = readCorpusFile(m_corpus + u"/insomnia/PAIRS.tsv"_s, &ok);
    QVERIFY2(ok, "insomnia/PAIRS.tsv is missing");
    int scored = 0;
    QStringList failures;
    for (const QByteArray &line : pairs.split('\n')) {
        const QStringList columns = QString::fromUtf8(line).split(u'\t');
        if (columns.size() < 3 || (columns.at(0) != u"openapi3" && columns.at(0) != u"swagger2"))
            continue;
        ++scored;
        const QJsonArray resources
            = QJsonDocument::fromJson(readCorpusFile(m_corpus + u"/insomnia/"_s + columns.at(2)))
                  .object()
                  .value(u"resources"_s)
                  .toArray();
        // Insomnia copies an operation with several tags into each tag's folder; Sonde, like Postman,
        // files it under its first tag only (one request per operation): copies are counted once.
        QSet<QString> requests;
        for (const QJsonValue &resource : resources) {
            const QJsonObject r = resource.toObject();
            if (r.value(u"_type"_s).toString() == u"request")
                requests.insert(r.value(u"method"_s).toString() + u' ' + r.value(u"url"_s).toString() + u' '
                    + r.value(u"name"_s).toString());
        }
        const qsizetype expected = requests.size();
        const ImportResult result = importFile(m_corpus + u"/insomnia/"_s + columns.at(1));
        if (!result.ok())
            failures.append(u"%1: refused: %2"_s.arg(columns.at(1), result.error.toString()));
        else if (result.requestCount() != expected)
            failures.append(u"%1: %2 requests, Insomnia %3"_s.arg(columns.at(1))
                                .arg(result.requestCount())
                                .arg(expected));
    }
    for (const QString &failure : std::as_const(failures))
        qInfo().noquote() << "  differs:" << failure;
    const QString score
        = u"openapi: %1/%2 of Insomnia's OpenAPI and Swagger fixtures give as many requests as Insomnia"_s
              .arg(scored - failures.size())
              .arg(scored);
    qInfo().noquote() << score;
    QVERIFY2(scored > 0, "no OpenAPI fixtures in insomnia/PAIRS.tsv");
    QVERIFY2(failures.isEmpty(), qPrintable(score));
}

QTEST_GUILESS_MAIN(TestConformanceOpenApi)
#include "tst_conformance_openapi.moc"
