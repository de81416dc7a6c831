// ShellWords: POSIX word splitting of pasted command lines, and quoting words back.
#include "formats/ShellWords.h"

#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

class TestShellWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splits_data();
    void splits();
    void ansiCBytes();
    void commandsAndComments();
    void redirections();
    void hereDocument();
    void variables();
    void commandSubstitutionIsNoted();
    void errors_data();
    void errors();
    void quoteRoundTrip_data();
    void quoteRoundTrip();
    void quoteForms_data();
    void quoteForms();
};

void TestShellWords::splits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("plain") << u"curl -X POST http://x"_s
                           << QStringList {u"curl"_s, u"-X"_s, u"POST"_s, u"http://x"_s};
    QTest::newRow("tabs and spaces") << u"  a\t\tb  "_s << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("single quotes keep everything")
        << uR"(a 'b "c" \d $e')"_s << QStringList {u"a"_s, uR"(b "c" \d $e)"_s};
    QTest::newRow("empty single quotes") << u"a '' b"_s << QStringList {u"a"_s, QString(), u"b"_s};
    QTest::newRow("double quotes escapes")
        << uR"(a "x \" \\ \$ \` \n")"_s << QStringList {u"a"_s, uR"(x " \ $ ` \n)"_s};
    QTest::newRow("adjacent quotes join") << uR"('a'"b"c)"_s << QStringList {u"abc"_s};
    QTest::newRow("unquoted backslash") << uR"(a\ b \'c\")"_s << QStringList {u"a b"_s, uR"('c")"_s};
    QTest::newRow("backslash newline continuation")
        << u"curl \\\n  -H x \\\n  url"_s << QStringList {u"curl"_s, u"-H"_s, u"x"_s, u"url"_s};
    QTest::newRow("continuation inside a word") << u"ab\\\ncd"_s << QStringList {u"abcd"_s};
    QTest::newRow("continuation inside double quotes") << u"\"ab\\\ncd\""_s << QStringList {u"abcd"_s};
    QTest::newRow("newline inside single quotes kept") << u"'a\nb'"_s << QStringList {u"a\nb"_s};
    QTest::newRow("CRLF continuation") << u"curl \\\r\n  url\r\n"_s << QStringList {u"curl"_s, u"url"_s};
    QTest::newRow("windows caret continuation") << u"curl ^\n  url"_s << QStringList {u"curl"_s, u"url"_s};
    QTest::newRow("caret elsewhere is a character") << u"a^b"_s << QStringList {u"a^b"_s};
    QTest::newRow("ansi-c") << uR"($'a\tb\'c\nd\\')"_s << QStringList {u"a\tb'c\nd\\"_s};
    QTest::newRow("ansi-c unicode") << uR"($'\u00e9\U0001F600\x41\101')"_s << QStringList {u"é😀AA"_s};
    QTest::newRow("ansi-c in the middle of a word") << uR"(-H$'x: \'y\'')"_s << QStringList {u"-Hx: 'y'"_s};
    QTest::newRow("locale string") << uR"($"a b")"_s << QStringList {u"a b"_s};
    QTest::newRow("lone dollar") << u"a $ b$"_s << QStringList {u"a"_s, u"$"_s, u"b$"_s};
    QTest::newRow("hash inside a word") << u"a#b #comment"_s << QStringList {u"a#b"_s};
    QTest::newRow("unicode") << u"curl 'https://例え.jp/ü' -d ü"_s
                             << QStringList {u"curl"_s, u"https://例え.jp/ü"_s, u"-d"_s, u"ü"_s};
    QTest::newRow("first command only") << u"a b; c d"_s << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("escaped operator")
        << uR"(a \; b \| c)"_s << QStringList {u"a"_s, u";"_s, u"b"_s, u"|"_s, u"c"_s};
}

void TestShellWords::splits()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QString error;
    QCOMPARE(ShellWords::split(text, &error), words);
    QCOMPARE(error, QString());
}

void TestShellWords::ansiCBytes()
{
    const ShellScript script = ShellWords::parse(uR"(x $'\x89PNG\r\n\x1a\x00\377')"_s);
    QVERIFY(script.ok());
    QCOMPARE(script.commands.size(), 1);
    QCOMPARE(script.commands.first().words.at(1).text, QByteArray("\x89PNG\r\n\x1a\0\xff", 9));
}

void TestShellWords::commandsAndComments()
{
    const ShellScript script = ShellWords::parse(
        u"# heading\ncurl a; curl b && curl c || x | y & z\n\n  # note\ncurl d # end\n"_s);
    QVERIFY(script.ok());
    QStringList firstWords;
    QList<int> lines;
    for (const ShellCommand &command : script.commands) {
        firstWords.append(QString::fromUtf8(command.words.last().text));
        lines.append(command.line);
    }
    QCOMPARE(firstWords, (QStringList {u"a"_s, u"b"_s, u"c"_s, u"x"_s, u"y"_s, u"z"_s, u"d"_s}));
    QCOMPARE(lines, (QList<int> {2, 2, 2, 2, 2, 2, 5}));
    const ShellWord &d = script.commands.last().words.last();
    QCOMPARE(d.line, 5);
    QCOMPARE(d.column, 6);
}

void TestShellWords::redirections()
{
    const ShellScript script = ShellWords::parse(u"curl -d @- url < 'in put.json' > out 2>&1 <<< here"_s);
    QVERIFY2(script.ok(), qPrintable(script.error));
    QCOMPARE(script.commands.size(), 1);
    const ShellCommand &command = script.commands.first();
    QCOMPARE(command.words.size(), 4);
    QCOMPARE(command.redirects.size(), 4);
    QCOMPARE(command.redirects.at(0).op, u"<"_s);
    QCOMPARE(command.redirects.at(0).target, QByteArray("in put.json"));
    QCOMPARE(command.redirects.at(1).op, u">"_s);
    QCOMPARE(command.redirects.at(2).op, u"2>&"_s);
    QCOMPARE(command.redirects.at(2).target, QByteArray("1"));
    QCOMPARE(command.redirects.at(3).op, u"<<<"_s);
    QCOMPARE(command.redirects.at(3).target, QByteArray("here"));
}

void TestShellWords::hereDocument()
{
    const ShellScript script
        = ShellWords::parse(u"curl -d @- url <<EOF\n{\"a\": 1}\n  $x\nEOF\ncurl next\n"_s);
    QVERIFY2(script.ok(), qPrintable(script.error));
    QCOMPARE(script.commands.size(), 2);
    QCOMPARE(script.commands.first().redirects.first().hereDocument, QByteArray("{\"a\": 1}\n  $x\n"));
    QCOMPARE(script.commands.at(1).words.last().text, QByteArray("next"));
    const ShellScript tabs = ShellWords::parse(u"cat <<-END\n\tline\n\tEND\n"_s);
    QVERIFY(tabs.ok());
    QCOMPARE(tabs.commands.first().redirects.first().hereDocument, QByteArray("line\n"));
}

void TestShellWords::variables()
{
    const ShellScript script
        = ShellWords::parse(uR"(curl "Bearer $TOKEN" ${BASE}/x '$NOT' $1 "${A}${TOKEN}")"_s);
    QVERIFY(script.ok());
    QStringList words;
    for (const ShellWord &word : script.commands.first().words)
        words.append(QString::fromUtf8(word.text));
    QCOMPARE(words,
        (QStringList {
            u"curl"_s, u"Bearer {{TOKEN}}"_s, u"{{BASE}}/x"_s, u"$NOT"_s, u"$1"_s, u"{{A}}{{TOKEN}}"_s}));
    QCOMPARE(script.variables, (QStringList {u"TOKEN"_s, u"BASE"_s, u"A"_s}));
}

void TestShellWords::commandSubstitutionIsNoted()
{
    const ShellScript script = ShellWords::parse(u"curl -H \"X: $(date +%s)\" `hostname`"_s);
    QVERIFY(script.ok());
    QCOMPARE(script.commands.first().words.at(2).text, QByteArray("X: $(date +%s)"));
    QCOMPARE(script.commands.first().words.at(3).text, QByteArray("`hostname`"));
    QCOMPARE(script.notes.size(), 2);
    QVERIFY2(script.notes.first().startsWith(u"line 1, column 13: the command substitution $(date +%s)"_s),
        qPrintable(script.notes.first()));
}

void TestShellWords::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("single") << u"curl 'abc"_s
                            << u"line 1, column 6: the single quote opened here is never closed"_s << 1 << 6;
    QTest::newRow("double on line 2")
        << u"curl \\\n  -H \"x: y"_s << u"line 2, column 6: the double quote opened here is never closed"_s
        << 2 << 6;
    QTest::newRow("ansi-c") << u"a $'x"_s << u"line 1, column 3: the $' quote opened here is never closed"_s
                            << 1 << 3;
    QTest::newRow("braces") << u"a ${x"_s << u"line 1, column 3: the ${ opened here is never closed"_s << 1
                            << 3;
    QTest::newRow("substitution") << u"a $(x"_s << u"line 1, column 3: the $( opened here is never closed"_s
                                  << 1 << 3;
    QTest::newRow("backquote") << u"a `x"_s
                               << u"line 1, column 3: the backquote opened here is never closed"_s << 1 << 3;
    QTest::newRow("redirect without file")
        << u"a >"_s << u"line 1, column 3: the redirection “>” is not followed by a file name"_s << 1 << 3;
    QTest::newRow("here-document without end")
        << u"a <<EOF\nline"_s << u"line 1, column 3: the here-document ends before its delimiter line “EOF”"_s
        << 1 << 3;
}

void TestShellWords::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(int, line);
    QFETCH(int, column);
    const ShellScript script = ShellWords::parse(text);
    QVERIFY(!script.ok());
    QCOMPARE(script.error, error);
    QCOMPARE(script.errorLine, line);
    QCOMPARE(script.errorColumn, column);
}

void TestShellWords::quoteRoundTrip_data()
{
    QTest::addColumn<QByteArray>("word");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("safe") << QByteArray("https://example.com/a-b_c.d?x=1%20");
    QTest::newRow("space") << QByteArray("a b");
    QTest::newRow("single quote") << QByteArray("it's");
    QTest::newRow("double quote and dollar") << QByteArray("\"$HOME\" `x` \\");
    QTest::newRow("json") << QByteArray(R"({"a": [1, "two's"], "b": null})");
    QTest::newRow("newline") << QByteArray("line 1\nline 2\r\n");
    QTest::newRow("tab and escape") << QByteArray("a\tb\x1b[0m'");
    QTest::newRow("utf-8") << QByteArray("naïve ☕ 😀");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\xff\xfe", 10);
    QTest::newRow("braces") << QByteArray("{{token}}");
    QTest::newRow("hash and tilde") << QByteArray("#x ~y");
}

void TestShellWords::quoteRoundTrip()
{
    QFETCH(QByteArray, word);
    const QString quoted = ShellWords::quote(word);
    const ShellScript script = ShellWords::parse(u"cmd "_s + quoted + u" end"_s);
    QVERIFY2(script.ok(), qPrintable(script.error));
    QCOMPARE(script.commands.size(), 1);
    QCOMPARE(script.commands.first().words.size(), 3);
    QCOMPARE(script.commands.first().words.at(1).text, word);
    QVERIFY(script.variables.isEmpty());
}

void TestShellWords::quoteForms_data()
{
    QTest::addColumn<QByteArray>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("safe") << QByteArray("-H") << u"-H"_s;
    QTest::newRow("empty") << QByteArray() << u"''"_s;
    QTest::newRow("text") << QByteArray("a b") << u"'a b'"_s;
    QTest::newRow("apostrophe") << QByteArray("it's") << u"'it'\\''s'"_s;
    QTest::newRow("control") << QByteArray("a\nb's") << u"$'a\\nb\\'s'"_s;
    QTest::newRow("invalid utf-8") << QByteArray("\xff") << u"$'\\xff'"_s;
}

void TestShellWords::quoteForms()
{
    QFETCH(QByteArray, word);
    QFETCH(QString, quoted);
    QCOMPARE(ShellWords::quote(word), quoted);
}

QTEST_GUILESS_MAIN(TestShellWords)
#include "tst_shellwords.moc"
