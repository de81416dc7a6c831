// Golden-file tests of the JSON, XML and HTML pretty-printers: tests/data/format/input/* is formatted and
// compared with tests/data/format/reference/* (the formatted text, or "error: <message>" for
// malformed input). `tst_formatters --regenerate` (or SONDE_REGENERATE=1) rewrites the references.

#include "format/HtmlFormatter.h"
#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

#include <cstring>

using namespace Sonde;

namespace {

bool regenerate = false;

QString dataDir()
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/format");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// What a reference file holds for a result.
QByteArray referenceText(const FormatResult &result)
{
    return result.ok ? result.output : QByteArrayLiteral("error: ") + result.error.toUtf8() + '\n';
}

void addGoldenRows(const QString &suffix)
{
    QTest::addColumn<QString>("name");
    const QDir inputs(dataDir() + QStringLiteral("/input"));
    const QStringList names = inputs.entryList({QStringLiteral("*.") + suffix}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(inputs.path()));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void checkGolden(const QString &name, const FormatResult &result, const QByteArray &input)
{
    if (!result.ok)
        QCOMPARE(result.output, input); // the caller shows the raw body next to the message
    const QString referencePath = dataDir() + QStringLiteral("/reference/") + name;
    if (regenerate) {
        QFile file(referencePath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(referenceText(result));
        return;
    }
    QCOMPARE(referenceText(result), readFile(referencePath));
}

template<typename Formatter> FormatResult formatInChunks(const QByteArray &input, qsizetype chunkSize)
{
    Formatter formatter;
    QByteArray output;
    for (qsizetype pos = 0; pos < input.size(); pos += chunkSize) {
        formatter.feed(QByteArrayView(input).sliced(pos, std::min(chunkSize, input.size() - pos)));
        output += formatter.takeOutput();
    }
    FormatResult result = formatter.finish();
    if (result.ok)
        result.output = output + result.output;
    return result;
}

void addChunkRows(const QString &pattern)
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qsizetype>("chunkSize");
    const QDir inputs(dataDir() + QStringLiteral("/input"));
    for (const QString &name : inputs.entryList({pattern}, QDir::Files, QDir::Name)) {
        for (const qsizetype chunkSize : {1, 2, 3, 7, 64})
            QTest::addRow("%s/%lld", qPrintable(name), qlonglong(chunkSize)) << name << chunkSize;
    }
}

} // namespace

class TestFormatters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenJson_data() { addGoldenRows(QStringLiteral("json")); }
    void goldenJson()
    {
        QFETCH(QString, name);
        const QByteArray input = readFile(dataDir() + QStringLiteral("/input/") + name);
        const FormatResult result = formatJson(input);
        QCOMPARE(result.ok, !name.startsWith(QStringLiteral("malformed_")));
        checkGolden(name, result, input);
    }

    void goldenXml_data() { addGoldenRows(QStringLiteral("xml")); }
    void goldenXml()
    {
        QFETCH(QString, name);
        const QByteArray input = readFile(dataDir() + QStringLiteral("/input/") + name);
        const FormatResult result = formatXml(input);
        QCOMPARE(result.ok, !name.startsWith(QStringLiteral("malformed_")));
        checkGolden(name, result, input);
    }

    void goldenHtml_data() { addGoldenRows(QStringLiteral("html")); }
    void goldenHtml()
    {
        QFETCH(QString, name);
        const QByteArray input = readFile(dataDir() + QStringLiteral("/input/") + name);
        const FormatResult result = formatHtml(input);
        QVERIFY(result.ok); // HTML has no malformed input
        checkGolden(name, result, input);
    }

    void htmlChunksMatchWhole_data() { addChunkRows(QStringLiteral("*.html")); }
    void htmlChunksMatchWhole()
    {
        QFETCH(QString, name);
        QFETCH(qsizetype, chunkSize);
        const QByteArray input = readFile(dataDir() + QStringLiteral("/input/") + name);
        const FormatResult chunked = formatInChunks<HtmlFormatter>(input, chunkSize);
        QVERIFY(chunked.ok);
        QCOMPARE(chunked.output, formatHtml(input).output);
    }

    void htmlCancel()
    {
        std::atomic_bool cancel = true;
        const FormatResult result = formatHtml("<p>x</p>", &cancel);
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
    }

    void jsonChunksMatchWhole_data() { addChunkRows(QStringLiteral("*.json")); }
    void jsonChunksMatchWhole()
    {
        QFETCH(QString, name);
        QFETCH(qsizetype, chunkSize);
        const QByteArray input = readFile(dataDir() + QStringLiteral("/input/") + name);
        const FormatResult whole = formatJson(input);
        const FormatResult chunked = formatInChunks<JsonFormatter>(input, chunkSize);
        QCOMPARE(chunked.ok, whole.ok);
        QCOMPARE(chunked.error, whole.error);
        QCOMPARE(chunked.errorOffset, whole.errorOffset);
        if (whole.ok)
            QCOMPARE(chunked.output, whole.output);
    }

    // The streaming XML formatter gives the same text, or the same error, however the input is cut.
    void xmlChunksMatchWhole_data() { addChunkRows(QStringLiteral("*.xml")); }
    void xmlChunksMatchWhole()
    {
        QFETCH(QString, name);
        QFETCH(qsizetype, chunkSize);
        const QByteArray input = readFile(dataDir() + QStringLiteral("/input/") + name);
        const FormatResult whole = formatXml(input);
        const FormatResult chunked = formatInChunks<XmlFormatter>(input, chunkSize);
        QCOMPARE(chunked.ok, whole.ok);
        if (whole.ok)
            QCOMPARE(chunked.output, whole.output);
        else
            QVERIFY2(!chunked.error.isEmpty(), qPrintable(whole.error));
    }

    void jsonErrorPosition_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        QTest::newRow("brace") << QByteArray("{\n  \"a\": 1,\n    }")
                               << u"Unexpected '}' at line 3, column 5"_s << qint64(16) << 3 << 5;
        QTest::newRow("end") << QByteArray("[1,") << u"Unexpected end of input at line 1, column 4"_s
                             << qint64(3) << 1 << 4;
        QTest::newRow("columns count characters")
            << QByteArray("[\"é日\" 1]") << u"Unexpected '1' at line 1, column 7"_s << qint64(9) << 1 << 7;
        QTest::newRow("escape") << QByteArray("[\"a\\qb\"]")
                                << u"Invalid escape sequence '\\q' at line 1, column 4"_s << qint64(3) << 1
                                << 4;
        QTest::newRow("after document")
            << QByteArray("{} x") << u"Unexpected 'x' after the end of the document at line 1, column 4"_s
            << qint64(3) << 1 << 4;
        QTest::newRow("lone minus") << QByteArray("[-]")
                                    << u"Invalid number: unexpected ']' at line 1, column 3"_s << qint64(2)
                                    << 1 << 3;
        QTest::newRow("exponent") << QByteArray("1e") << u"Unexpected end of input at line 1, column 3"_s
                                  << qint64(2) << 1 << 3;
        QTest::newRow("raw newline in string")
            << QByteArray("\"a\nb\"")
            << u"control character U+000A must be escaped in a string at line 1, column 3"_s << qint64(2) << 1
            << 3;
    }
    void jsonErrorPosition()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        QFETCH(qint64, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        const FormatResult result = formatJson(input);
        QVERIFY(!result.ok);
        QCOMPARE(result.error, error);
        QCOMPARE(result.errorOffset, offset);
        QCOMPARE(result.errorLine, line);
        QCOMPARE(result.errorColumn, column);
        QCOMPARE(result.output, input);
    }

    void jsonCancelled()
    {
        QByteArray input = "[";
        for (int i = 0; i < 2'000'000; ++i)
            input += "1,";
        input += "1]";
        std::atomic_bool cancel = true;
        const FormatResult result = formatJson(input, &cancel);
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QCOMPARE(result.output, input);
    }

    void jsonTakeOutputStreams()
    {
        JsonFormatter formatter;
        QVERIFY(formatter.feed("{\"a\":[1,"));
        const QByteArray first = formatter.takeOutput();
        QCOMPARE(first, QByteArray("{\n  \"a\": [\n    1,\n    "));
        QVERIFY(formatter.feed("2]}"));
        const FormatResult result = formatter.finish();
        QVERIFY(result.ok);
        QCOMPARE(first + result.output, QByteArray("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
    }

    void xmlErrorPosition()
    {
        const QByteArray input = "<a>\n  <b>é</c>\n</a>";
        const FormatResult result = formatXml(input);
        QVERIFY(!result.ok);
        QCOMPARE(result.errorLine, 2);
        QVERIFY2(result.error.endsWith(QStringLiteral(" at line 2, column %1").arg(result.errorColumn)),
            qPrintable(result.error));
        QCOMPARE(result.output, input);
    }
};

int main(int argc, char **argv)
{
    // `--regenerate` is ours, not QTest's: take it out before QTest parses the arguments.
    std::vector<char *> arguments;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--regenerate") == 0)
            regenerate = true;
        else
            arguments.push_back(argv[i]);
    }
    regenerate = regenerate || qEnvironmentVariableIntValue("SONDE_REGENERATE") == 1;
    QCoreApplication app(argc, argv);
    TestFormatters test;
    return QTest::qExec(&test, int(arguments.size()), arguments.data());
}

#include "tst_formatters.moc"
