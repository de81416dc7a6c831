// The JSONPath Compliance Test Suite (RFC 9535), one row per case. The suite is read from
// $SONDE_CORPUS/jsonpath-cts/cts.json, or from $SONDE_CORPUS_DEFAULT (set by CTest) when
// SONDE_CORPUS is unset.
#include "query/JsonPath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <optional>

using namespace Sonde;

namespace {

constexpr double RequiredShare = 0.99;

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray toArray(const JsonPathResult &result)
{
    QJsonArray array;
    for (const QJsonValue &value : result.values)
        array.append(value);
    return array;
}

QString ctsPath()
{
    QString corpus = qEnvironmentVariable("SONDE_CORPUS");
    if (corpus.isEmpty())
        corpus = qEnvironmentVariable("SONDE_CORPUS_DEFAULT");
    if (corpus.isEmpty())
        return {};
    return corpus + QStringLiteral("/jsonpath-cts/cts.json");
}

// Whether the result is one of the acceptable (values, paths) alternatives of a case.
bool matchesAlternative(const QJsonArray &values, const QStringList &paths, const QJsonValue &expectedValues,
    const QJsonValue &expectedPaths)
{
    if (expectedValues.isArray() && values != expectedValues.toArray())
        return false;
    if (expectedPaths.isArray()) {
        QStringList wanted;
        for (const QJsonValue &path : expectedPaths.toArray())
            wanted.append(path.toString());
        if (paths != wanted)
            return false;
    }
    return true;
}

// std::nullopt when the case passes, otherwise what went wrong.
std::optional<QString> runCase(const QJsonObject &test)
{
    const QString selector = test.value(u"selector").toString();
    QString error;
    const std::optional<JsonPath> path = JsonPath::compile(selector, &error);
    if (test.value(u"invalid_selector").toBool()) {
        if (path)
            return QStringLiteral("accepted an invalid selector");
        return std::nullopt;
    }
    if (!path)
        return QStringLiteral("rejected a valid selector: ") + error;
    const JsonPathResult result = path->evaluate(test.value(u"document"));
    const QJsonArray values = toArray(result);
    if (test.contains(u"result") || test.contains(u"result_paths")) {
        if (matchesAlternative(values, result.paths, test.value(u"result"), test.value(u"result_paths")))
            return std::nullopt;
    } else {
        const QJsonArray alternatives = test.value(u"results").toArray();
        const QJsonArray pathAlternatives = test.value(u"results_paths").toArray();
        const qsizetype count = std::max(alternatives.size(), pathAlternatives.size());
        for (qsizetype i = 0; i < count; ++i) {
            if (matchesAlternative(values, result.paths, alternatives.at(i), pathAlternatives.at(i)))
                return std::nullopt;
        }
    }
    return QStringLiteral("got %1 at %2").arg(compact(values), result.paths.join(u", "));
}

} // namespace

class TestJsonPathCts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void conformance_data();
    void conformance();
    void cleanupTestCase();

private:
    QJsonArray m_cases;
    QString m_problem;
    int m_run = 0;
    int m_passed = 0;
    QStringList m_failures;
};

void TestJsonPathCts::initTestCase()
{
    const QString fileName = ctsPath();
    if (fileName.isEmpty()) {
        m_problem = QStringLiteral("neither SONDE_CORPUS nor SONDE_CORPUS_DEFAULT is set");
        return;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QVERIFY2(!document.isNull(), qPrintable(fileName + u": " + parseError.errorString()));
    m_cases = document.object().value(u"tests").toArray();
    QVERIFY2(!m_cases.isEmpty(), qPrintable(fileName + u" holds no tests"));
}

void TestJsonPathCts::conformance_data()
{
    if (!m_problem.isEmpty())
        QSKIP(qPrintable(u"JSONPath compliance test suite not found: " + m_problem));
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < m_cases.size(); ++i) {
        const QString name = m_cases.at(i).toObject().value(u"name").toString();
        QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(i, 3, 10, QLatin1Char('0')).arg(name)))
            << int(i);
    }
}

void TestJsonPathCts::conformance()
{
    QFETCH(int, index);
    const QJsonObject test = m_cases.at(index).toObject();
    ++m_run;
    const std::optional<QString> failure = runCase(test);
    if (!failure) {
        ++m_passed;
        return;
    }
    const QString selector = test.value(u"selector").toString();
    m_failures.append(test.value(u"name").toString() + u": " + selector);
    QFAIL(qPrintable(QStringLiteral("selector %1: %2").arg(selector, *failure)));
}

void TestJsonPathCts::cleanupTestCase()
{
    if (m_run == 0)
        return;
    qInfo("CTS: %d/%d passed", m_passed, m_run);
    for (const QString &failure : std::as_const(m_failures))
        qInfo("  failed: %s", qPrintable(failure));
    QVERIFY2(m_passed >= RequiredShare * m_run,
        qPrintable(QStringLiteral("CTS score %1/%2 is below 99%").arg(m_passed).arg(m_run)));
}

QTEST_GUILESS_MAIN(TestJsonPathCts)
#include "tst_jsonpath_cts.moc"
