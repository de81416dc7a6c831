// PostmanExport against the official Postman collection v2.1 JSON Schema of the shared corpus
// (postman-schemas/bundled/collection-v2.1.0-draft-04.json, equivalent to the published
// https://schema.getpostman.com/json/collection/v2.1.0/collection.json), checked by python3-jsonschema.
//
// Exported and validated: the welcome collection Sonde ships (resources/welcome), the test collection
// whose export is the golden file tests/data/postman-export/shop.postman_collection.json (read back and
// exported again), and every Postman v2.0/v2.1 collection of the corpus listed in
// _derived/postman-collection-structure.tsv after PostmanImport. Every export must be valid; a score
// line says how many are. Skipped, with a message, without the corpus or without python3-jsonschema.
#include "ConformanceCorpus.h"
#include "formats/PostmanExport.h"
#include "formats/PostmanImport.h"
#include "storage/FormatProblem.h"
#include "storage/WorkspaceFormat.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

/// Validates each file given after the schema; prints "valid\tFILE" or
/// "invalid\tFILE\tERRORS\tPLACE: MESSAGE" (the first error by place) per file.
const char *const Validator = R"(
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
validator = jsonschema.validators.validator_for(schema)(schema)
for path in sys.argv[2:]:
    document = json.load(open(path, encoding='utf-8'))
    errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        first = errors[0]
        where = '.'.join(str(p) for p in first.absolute_path) or '(root)'
        print('invalid\t%s\t%d\t%s: %s' % (path, len(errors), where, first.message[:300].replace('\n', ' ')))
    else:
        print('valid\t%s' % path)
)";

/// The Debian interpreter first: python3-jsonschema is installed for it.
QString python()
{
    if (QFileInfo(u"/usr/bin/python3"_s).isExecutable())
        return u"/usr/bin/python3"_s;
    return QStandardPaths::findExecutable(u"python3"_s);
}

/// The welcome collection as the application loads it from its resources.
Folder welcomeCollection(QString *error)
{
    const QDir dir(QStringLiteral(SONDE_SOURCE_DIR "/resources/welcome"));
    Folder folder;
    FormatProblem problem;
    if (!WorkspaceFormat::folderFromYaml(readCorpusFile(dir.filePath(u"_folder.yaml"_s)), &folder, &problem)) {
        *error = problem.toString();
        return {};
    }
    for (const QString &name : dir.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name)) {
        if (name == u"_folder.yaml")
            continue;
        const std::optional<Request> request = WorkspaceFormat::requestFromYaml(readCorpusFile(dir.filePath(name)), &problem);
        if (!request) {
            *error = name + u": "_s + problem.toString();
            return {};
        }
        folder.requests.append(*request);
    }
    return folder;
}

} // namespace

class TestConformancePostmanExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsValidate();

private:
    QString m_corpus;
    QString m_schema;
    QString m_python;
};

void TestConformancePostmanExport::initTestCase()
{
    m_corpus = conformanceCorpus();
    if (m_corpus.isEmpty())
        QSKIP("The conformance corpus is not here: set SONDE_CORPUS to the folder that holds "
              "postman-schemas/.");
    m_schema = m_corpus + u"/postman-schemas/bundled/collection-v2.1.0-draft-04.json"_s;
    if (!QFileInfo::exists(m_schema))
        QSKIP(qPrintable(u"The Postman v2.1 schema is not in the corpus: %1"_s.arg(m_schema)));
    m_python = python();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed: the schema check needs python3 and python3-jsonschema.");
    QProcess probe;
    probe.start(m_python, {u"-c"_s, u"import jsonschema"_s});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("python3-jsonschema is not installed (apt-get install python3-jsonschema): the schema check "
              "needs it.");
}

void TestConformancePostmanExport::exportsValidate()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    QStringList files;
    QHash<QString, QString> sources; // exported file → what it was exported from
    int exportNumber = 0;
    const auto keep = [&](const Folder &collection, const QString &source) {
        const QString path = out.filePath(u"%1.json"_s.arg(++exportNumber));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(PostmanExport::toJson(collection)) < 0)
            qFatal("cannot write %s", qPrintable(path));
        files.append(path);
        sources.insert(path, source);
    };

    QString error;
    const Folder welcome = welcomeCollection(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!welcome.requests.isEmpty());
    keep(welcome, u"resources/welcome"_s);

    bool ok = false;
    const QString golden
        = QStringLiteral(SONDE_SOURCE_DIR "/tests/data/postman-export/shop.postman_collection.json");
    const ImportResult shop = PostmanImport::parse(readCorpusFile(golden, &ok), u"shop"_s);
    QVERIFY2(ok && shop.ok(), qPrintable(shop.error.toString()));
    keep(shop.collection, u"tests/data/postman-export/shop.postman_collection.json"_s);

    const QByteArray table = readCorpusFile(m_corpus + u"/_derived/postman-collection-structure.tsv"_s, &ok);
    QVERIFY2(ok, "_derived/postman-collection-structure.tsv is missing");
    QStringList notImported;
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList columns = QString::fromUtf8(lines.at(i)).split(u'\t');
        if (columns.size() < 3 || columns.at(2) == u"v1.0.0")
            continue; // v1 collections are refused by the importer (tst_conformance_postman)
        const QString file = columns.at(1);
        const QByteArray data = readCorpusFile(m_corpus + u'/' + file, &ok);
        QVERIFY2(ok, qPrintable(u"missing from the corpus: "_s + file));
        const ImportResult result = PostmanImport::parse(data, QFileInfo(file).completeBaseName());
        if (!result.ok()) {
            notImported.append(file + u": "_s + result.error.toString());
            continue;
        }
        keep(result.collection, file);
    }
    QVERIFY2(notImported.isEmpty(), qPrintable(notImported.join(u'\n')));

    QProcess validator;
    validator.start(m_python, QStringList {u"-c"_s, QString::fromUtf8(Validator), m_schema} + files);
    QVERIFY(validator.waitForFinished(600000));
    const QByteArray errors = validator.readAllStandardError();
    QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0, errors.constData());

    int valid = 0;
    QStringList invalid;
    for (const QByteArray &line : validator.readAllStandardOutput().split('\n')) {
        const QStringList fields = QString::fromUtf8(line).split(u'\t');
        if (fields.size() >= 2 && fields.at(0) == u"valid") {
            ++valid;
        } else if (fields.size() >= 4 && fields.at(0) == u"invalid") {
            invalid.append(u"  invalid: %1 (%2 errors; first at %3)"_s.arg(
                sources.value(fields.at(1)), fields.at(2), fields.at(3)));
        }
    }
    const QString score = u"postman export schema: %1/%2 valid"_s.arg(valid).arg(files.size());
    for (const QString &line : std::as_const(invalid))
        qInfo().noquote() << line;
    qInfo().noquote() << score;
    QVERIFY2(
        valid + invalid.size() == files.size(), qPrintable(u"the validator did not answer for every file"_s));
    QVERIFY2(invalid.isEmpty(), qPrintable(score + u'\n' + invalid.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestConformancePostmanExport)
#include "tst_conformance_postmanexport.moc"
