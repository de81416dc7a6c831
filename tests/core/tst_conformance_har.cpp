// Conformance of HarImport with the HAR files of the shared corpus: each entry of the mitmproxy HAR
// files must equal the flow mitmproxy's own importer made of it (har_files/X.json, listed in
// har/PAIRS.tsv): method, scheme, host, port, path, request and response headers in order, request
// and response bodies (by SHA-256), status and reason. Not compared: `content-length`, which
// mitmproxy adds to every flow itself; the HTTP version, which mitmproxy turns into HTTP/1.1 when it
// does not know the spelling ("h3", "HTTP/2.0"); an empty reason, which mitmproxy fills from the
// status; a request without answer (status 0), which Sonde keeps as an exchange without response and
// mitmproxy as an empty response of status 0. Broken files of the corpus must be refused.
#include "ConformanceCorpus.h"
#include "formats/HarImport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

QJsonArray withoutContentLength(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) != 0)
            array.append(QJsonArray {QString::fromUtf8(name), QString::fromUtf8(value)});
    }
    return array;
}

QJsonArray withoutContentLength(const QJsonArray &headers)
{
    QJsonArray array;
    for (const QJsonValue &header : headers) {
        if (header.toArray().at(0).toString().compare(u"content-length", Qt::CaseInsensitive) != 0)
            array.append(header);
    }
    return array;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// Why the imported entry differs from mitmproxy's flow; empty when it does not.
QString difference(const Exchange &got, const QJsonObject &flow)
{
    QStringList problems;
    const auto check = [&problems](const QString &field, const QJsonValue &mine, const QJsonValue &theirs) {
        if (mine != theirs)
            problems.append(u"%1: got %2, want %3"_s.arg(field,
                QString::fromUtf8(QJsonDocument(QJsonArray {mine}).toJson(QJsonDocument::Compact)),
                QString::fromUtf8(QJsonDocument(QJsonArray {theirs}).toJson(QJsonDocument::Compact))));
    };
    const QJsonObject request = flow.value(u"request"_s).toObject();
    const QUrl &url = got.sent.url;
    check(u"method"_s, QString::fromUtf8(got.sent.method), request.value(u"method"_s));
    check(u"scheme"_s, url.scheme(), request.value(u"scheme"_s));
    check(u"host"_s, url.host(), request.value(u"host"_s));
    check(u"port"_s, url.port(url.scheme() == u"https" ? 443 : 80), request.value(u"port"_s));
    check(u"path"_s, QString::fromUtf8(got.sent.target), request.value(u"path"_s));
    check(u"request headers"_s, withoutContentLength(got.sent.headers),
        withoutContentLength(request.value(u"headers"_s).toArray()));
    check(u"request body"_s, sha256(got.sent.body), request.value(u"contentHash"_s));
    const QJsonObject response = flow.value(u"response"_s).toObject();
    if (!got.response) {
        // Status 0 is how browsers record a request that got no answer: Sonde keeps no response (and
        // the error), mitmproxy an empty response of status 0.
        const bool empty = response.value(u"status_code"_s).toInt() == 0
            && response.value(u"headers"_s).toArray().isEmpty()
            && response.value(u"contentLength"_s).toInt() == 0;
        if (!empty || !got.error.isError())
            problems.append(u"no response"_s);
        return problems.join(u"; "_s);
    }
    check(u"status"_s, got.response->statusCode, response.value(u"status_code"_s));
    if (!got.response->reasonPhrase.isEmpty())
        check(u"reason"_s, QString::fromUtf8(got.response->reasonPhrase), response.value(u"reason"_s));
    check(u"response headers"_s, withoutContentLength(got.response->headers),
        withoutContentLength(response.value(u"headers"_s).toArray()));
    check(u"response body"_s, sha256(got.body.bytes()), response.value(u"contentHash"_s));
    return problems.join(u"; "_s);
}

} // namespace

class TestConformanceHar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mitmproxy();
    void brokenFilesAreRefused_data();
    void brokenFilesAreRefused();
    void validatorExample();

private:
    QString m_har;
};

void TestConformanceHar::initTestCase()
{
    const QString corpus = conformanceCorpus();
    if (corpus.isEmpty())
        QSKIP("The conformance corpus is not here: set SONDE_CORPUS to the folder that holds har/.");
    m_har = corpus + u"/har"_s;
}

void TestConformanceHar::mitmproxy()
{
    bool ok = false;
    const QByteArray pairs = readCorpusFile(m_har + u"/PAIRS.tsv"_s, &ok);
    QVERIFY2(ok, "har/PAIRS.tsv is missing");
    int files = 0;
    int passed = 0;
    int total = 0;
    for (const QByteArray &line : pairs.split('\n')) {
        const QList<QByteArray> columns = line.split('\t');
        if (columns.size() < 3 || columns.at(0) != "mitmproxy har->flow")
            continue;
        const QString input = m_har + u'/' + QString::fromUtf8(columns.at(1));
        const QByteArray har = readCorpusFile(input, &ok);
        if (!ok) {
            qInfo().noquote() << "  not in the corpus, not scored:" << QString::fromUtf8(columns.at(1));
            continue;
        }
        ++files;
        const QJsonArray flows
            = QJsonDocument::fromJson(readCorpusFile(m_har + u'/' + QString::fromUtf8(columns.at(2))))
                  .array();
        const ImportResult result = HarImport::parse(har);
        total += int(flows.size());
        if (!result.ok()) {
            qInfo().noquote() << "  differs:" << QString::fromUtf8(columns.at(1)) << result.error.toString();
            continue;
        }
        if (result.examples.size() != flows.size()) {
            qInfo().noquote() << "  differs:" << QString::fromUtf8(columns.at(1)) << "has"
                              << result.examples.size() << "entries, mitmproxy" << flows.size();
            continue;
        }
        for (qsizetype i = 0; i < flows.size(); ++i) {
            const QString problem = difference(result.examples.at(i).exchange, flows.at(i).toObject());
            if (problem.isEmpty())
                ++passed;
            else
                qInfo().noquote() << "  differs:" << QString::fromUtf8(columns.at(1)) << u"entry %1:"_s.arg(i)
                                  << problem;
        }
    }
    const QString score
        = u"mitmproxy: %1/%2 entries of %3 files (%4%)"_s.arg(passed).arg(total).arg(files).arg(
            total == 0 ? 0.0 : 100.0 * passed / total, 0, 'f', 1);
    qInfo().noquote() << score;
    QVERIFY2(total > 0, "no HAR files with expected flows were found");
    QVERIFY2(passed == total, qPrintable(score));
}

void TestConformanceHar::brokenFilesAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("where");
    QTest::newRow("brokenfile.har") << u"mitmproxy/test/mitmproxy/data/corrupted_har/brokenfile.har"_s
                                    << u"line 5, column 2"_s;
    QTest::newRow("broken_headers.json")
        << u"mitmproxy/test/mitmproxy/data/corrupted_har/broken_headers.json"_s << u"log"_s;
}

void TestConformanceHar::brokenFilesAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QString, where);
    bool ok = false;
    const QByteArray data = readCorpusFile(m_har + u'/' + file, &ok);
    if (!ok)
        QSKIP("not in the corpus");
    const ImportResult result = HarImport::parse(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.where, where);
    QCOMPARE(result.requestCount(), 0);
}

void TestConformanceHar::validatorExample()
{
    bool ok = false;
    const QByteArray data = readCorpusFile(m_har + u"/har-validator/test/fixtures/har/valid.json"_s, &ok);
    if (!ok)
        QSKIP("not in the corpus");
    const ImportResult result = HarImport::parse(data);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QVERIFY(result.requestCount() > 0);
    QCOMPARE(result.examples.size(), result.requestCount());
}

QTEST_GUILESS_MAIN(TestConformanceHar)
#include "tst_conformance_har.moc"
