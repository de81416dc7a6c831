// sonde-cli format: JSON streamed through JsonFormatter, XML, type selection, malformed input.

#include "../../app/cli/FormatCommand.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QByteArray &stdinBytes = {})
{
    QByteArray inBytes = stdinBytes;
    QBuffer in(&inBytes);
    in.open(QIODevice::ReadOnly);
    Run result;
    QBuffer out(&result.out);
    QBuffer err(&result.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    result.exitCode = runFormatCommand(arguments, in, out, err);
    return result;
}

} // namespace

class TestFormatCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("json from stdin")
            << QStringList() << QByteArray(R"({"a":[1,2],"b":{}})")
            << QByteArray("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}\n");
        QTest::newRow("json, dash") << QStringList {QStringLiteral("-")} << QByteArray("[true]")
                                    << QByteArray("[\n  true\n]\n");
        QTest::newRow("xml sniffed") << QStringList() << QByteArray("  <a><b>t</b></a>")
                                     << QByteArray("<a>\n  <b>t</b>\n</a>\n");
        QTest::newRow("xml by --type") << QStringList {QStringLiteral("--type"), QStringLiteral("xml")}
                                       << QByteArray("<r/>") << QByteArray("<r/>\n");
        QTest::newRow("html sniffed")
            << QStringList() << QByteArray("<!DOCTYPE html><html><body><p>Hi<br>there</p></body></html>")
            << QByteArray("<!DOCTYPE html>\n<html>\n  <body>\n    <p>\n      Hi\n      <br>\n      there\n   "
                          " </p>\n  </body>\n</html>\n");
        QTest::newRow("html by --type")
            << QStringList {QStringLiteral("--type"), QStringLiteral("html")}
            << QByteArray("<ul><li>a<li>b</ul>") << QByteArray("<ul>\n  <li>a\n  <li>b\n</ul>\n");
    }

    void formats()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, output);
        const Run result = run(arguments, input);
        QCOMPARE(result.err, QByteArray());
        QCOMPARE(result.out, output);
        QCOMPARE(result.exitCode, 0);
    }

    void bigJsonFileInChunks()
    {
        QTemporaryDir dir;
        QByteArray json = "[";
        for (int i = 0; i < 300000; ++i)
            json += "{\"id\":" + QByteArray::number(i) + ",\"s\":\"x\"},";
        json += "null]";
        QVERIFY(json.size() > 4 * 1024 * 1024); // several chunks
        QFile file(dir.filePath(QStringLiteral("big.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        const Run result = run({file.fileName()});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("[\n  {\n    \"id\": 0,\n    \"s\": \"x\"\n  },\n"));
        QVERIFY(result.out.endsWith("  null\n]\n"));
    }

    void malformedJsonIsPrintedRaw()
    {
        const QByteArray raw = "{\n  \"a\": 1,\n    }";
        const Run fromStdin = run({}, raw);
        QCOMPARE(fromStdin.exitCode, 5);
        QCOMPARE(fromStdin.out, raw);
        QCOMPARE(fromStdin.err,
            QByteArray("sonde-cli format: not valid JSON: unexpected '}' at line 3, column 5\n"));

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(raw);
        file.close();
        const Run fromFile = run({file.fileName()});
        QCOMPARE(fromFile.exitCode, 5);
        QCOMPARE(fromFile.out, raw);
    }

    void malformedXml()
    {
        const Run result = run({QStringLiteral("--type"), QStringLiteral("XML")}, "<a>\n<b></a>");
        QCOMPARE(result.exitCode, 5);
        QCOMPARE(result.out, QByteArray("<a>\n<b></a>"));
        QVERIFY2(result.err.startsWith("sonde-cli format: not valid XML: ") && result.err.contains("line 2"),
            result.err.constData());
    }

    void usageErrors()
    {
        QCOMPARE(run({QStringLiteral("--type"), QStringLiteral("yaml")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("a"), QStringLiteral("b")}).exitCode, 2);
        const Run missing = run({QStringLiteral("/nonexistent/file.json")});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.startsWith("sonde-cli format: cannot read /nonexistent/file.json"));
    }
};

QTEST_GUILESS_MAIN(TestFormatCommand)

#include "tst_formatcommand.moc"
