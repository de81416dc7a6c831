// Path parameters: which `:name` segments a URL has, and how values are substituted.
#include "model/PathParams.h"

#include <QTest>

using namespace Sonde;

class TestPathParams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void substitute_data();
    void substitute();
    void mergeKeepsValuesByName();
};

void TestPathParams::names_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("two") << "https://api.test/users/:id/posts/:postId" << QStringList {"id", "postId"};
    QTest::newRow("port is no parameter") << "http://localhost:8080/:a" << QStringList {"a"};
    QTest::newRow("query and fragment ignored") << "http://h/x?y=:q#:f" << QStringList {};
    QTest::newRow("variable base") << "{{baseUrl}}/users/:id" << QStringList {"id"};
    QTest::newRow("variable with port") << "{{host}}:8080/:id" << QStringList {"id"};
    QTest::newRow("colon inside segment") << "http://h/v1/jobs/42:cancel" << QStringList {};
    QTest::newRow("bare colon") << "http://h/:/x" << QStringList {};
    QTest::newRow("variable segment untouched") << "http://h/:{{x}}" << QStringList {};
    QTest::newRow("encoded colon") << "http://h/%3Aid" << QStringList {};
    QTest::newRow("repeated once") << "http://h/:id/:id" << QStringList {"id"};
    QTest::newRow("no scheme") << "h/:id" << QStringList {"id"};
}

void TestPathParams::names()
{
    QFETCH(QString, url);
    QFETCH(QStringList, expected);
    QCOMPARE(PathParams::names(url), expected);
}

void TestPathParams::substitute_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<KeyValueList>("params");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "http://h/users/:id" << KeyValueList {{"id", "42"}} << "http://h/users/42";
    QTest::newRow("slash and space") << "http://h/f/:name/x" << KeyValueList {{"name", "a b/c"}} << "http://h/f/a%20b%2Fc/x";
    QTest::newRow("unicode") << "http://h/:n" << KeyValueList {{"n", QStringLiteral("café")}} << "http://h/caf%C3%A9";
    QTest::newRow("percent") << "http://h/:n" << KeyValueList {{"n", "100%"}} << "http://h/100%25";
    QTest::newRow("dot dot") << "http://h/a/:n/b" << KeyValueList {{"n", ".."}} << "http://h/a/%2E%2E/b";
    QTest::newRow("missing row kept") << "http://h/:a/:b" << KeyValueList {{"a", "1"}} << "http://h/1/:b";
    QTest::newRow("disabled row kept") << "http://h/:a" << KeyValueList {{"a", "1", false}} << "http://h/:a";
    QTest::newRow("query untouched") << "http://h/:a?x=:a" << KeyValueList {{"a", "1"}} << "http://h/1?x=:a";
    QTest::newRow("repeated") << "http://h/:a/:a" << KeyValueList {{"a", "z"}} << "http://h/z/z";
    QTest::newRow("empty value stays as written") << "http://h/users/:id/x" << KeyValueList {{"id", ""}} << "http://h/users/:id/x";
}

void TestPathParams::substitute()
{
    QFETCH(QString, url);
    QFETCH(KeyValueList, params);
    QFETCH(QString, expected);
    QCOMPARE(PathParams::substitute(url, params), expected);
}

void TestPathParams::mergeKeepsValuesByName()
{
    const KeyValueList previous {{"b", "2"}, {"a", "1"}, {"gone", "x"}};
    const KeyValueList merged = PathParams::mergeFromUrl(previous, QStringLiteral("http://h/:a/:c/:b"));
    QCOMPARE(merged, (KeyValueList {{"a", "1"}, {"c", ""}, {"b", "2"}}));
}

QTEST_GUILESS_MAIN(TestPathParams)
#include "tst_pathparams.moc"
