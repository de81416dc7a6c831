#include "query/JsonPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sonde;

namespace {

// A typical API response: a page of products with nested prices.
const char ResponseBody[] = R"({
  "data": [
    {"id": 7, "name": "Pen", "price": 2.5, "tags": ["office"]},
    {"id": 8, "name": "Lamp", "price": 24, "tags": []},
    {"id": 9, "name": "Notebook", "price": 4.75, "tags": ["office", "paper"]}
  ],
  "meta": {"page": 1, "total": 3, "price": 0},
  "links": {"next": null}
})";

QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonArray values(const JsonPathResult &result)
{
    QJsonArray array;
    for (const QJsonValue &value : result.values)
        array.append(value);
    return array;
}

} // namespace

namespace QTest {
template<> char *toString(const QJsonArray &array)
{
    return qstrdup(QJsonDocument(array).toJson(QJsonDocument::Compact).constData());
}
} // namespace QTest

class TestJsonPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void select_data();
    void select();
    void invalid_data();
    void invalid();
    void regex_data();
    void regex();
    void normalizedPaths();
    void documentOverload();
};

void TestJsonPath::select_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("all ids") << "$.data[*].id" << QByteArray("[7,8,9]");
    QTest::newRow("every price") << "$..price" << QByteArray("[2.5,24,4.75,0]");
    QTest::newRow("cheap names") << "$.items[?@.price < 10].name" << QByteArray("[]");
    QTest::newRow("cheap products") << "$.data[?@.price < 10].name" << QByteArray(R"(["Pen","Notebook"])");
    QTest::newRow("last product") << "$.data[-1].id" << QByteArray("[9]");
    QTest::newRow("first two") << "$.data[:2].name" << QByteArray(R"(["Pen","Lamp"])");
    QTest::newRow("reversed") << "$.data[::-1].id" << QByteArray("[9,8,7]");
    QTest::newRow("has tags") << "$.data[?length(@.tags) > 0].id" << QByteArray("[7,9]");
    QTest::newRow("tag count") << "$.data[?count(@.tags[*]) == 2].name" << QByteArray(R"(["Notebook"])");
    QTest::newRow("name match") << "$.data[?match(@.name, 'N.*')].id" << QByteArray("[9]");
    QTest::newRow("name search") << "$.data[?search(@.name, 'am')].id" << QByteArray("[8]");
    QTest::newRow("null is a value") << "$.links.next" << QByteArray("[null]");
    QTest::newRow("missing member") << "$.links.prev" << QByteArray("[]");
    QTest::newRow("no arithmetic") << "$.data[?@.id == $.meta.total + 0]" << QByteArray();
    QTest::newRow("and or not") << "$.data[?@.price > 3 && !(@.name == 'Lamp') || @.id == 7].id"
                                << QByteArray("[7,9]");
    QTest::newRow("bracket names") << "$['meta']['page','total']" << QByteArray("[1,3]");
}

void TestJsonPath::select()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, expected);
    QString error;
    const std::optional<JsonPath> path = JsonPath::compile(query, &error);
    if (expected.isEmpty()) {
        QVERIFY2(!path, "an arithmetic expression is not JSONPath");
        return;
    }
    QVERIFY2(path, qPrintable(error));
    QCOMPARE(values(path->evaluate(parse(ResponseBody))), QJsonDocument::fromJson(expected).array());
}

void TestJsonPath::invalid_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error");
    QTest::newRow("stray bracket") << "$.data[]]"
                                   << "Unexpected ']' at offset 7";
    QTest::newRow("no root") << "data.id"
                             << "Unexpected 'd' at offset 0";
    QTest::newRow("trailing blank") << "$.data "
                                    << "Unexpected blank space at offset 6";
    QTest::newRow("unterminated") << "$['data"
                                  << "Unterminated string literal at offset 2";
    QTest::newRow("leading zero") << "$.data[01]"
                                  << "Leading zeros are not allowed at offset 7";
    QTest::newRow("minus zero") << "$.data[-0]"
                                << "-0 is not a valid integer at offset 7";
    QTest::newRow("index too large") << "$[9007199254740992]"
                                     << "Integer out of range ±(2^53−1) at offset 2";
    QTest::newRow("unknown function") << "$[?foo(@)]"
                                      << "Unknown function 'foo' at offset 3";
    QTest::newRow("non-singular length") << "$[?length(@.*) > 1]"
                                         << "Argument 1 of function 'length' must be a value: a literal, a "
                                            "singular query or a function returning a value at offset 10";
    QTest::newRow("count of literal") << "$[?count(1) > 1]"
                                      << "Argument 1 of function 'count' must be a query at offset 9";
    QTest::newRow("compared match") << "$[?match(@.a, 'x') == true]"
                                    << "The result of function 'match' cannot be compared at offset 3";
    QTest::newRow("bare literal") << "$[?true]"
                                  << "A literal must be compared with something at offset 3";
    QTest::newRow("non-singular comparison") << "$[?@..a == 1]"
                                             << "Only singular queries (names and indexes, no blank space "
                                                "inside brackets) can be compared at offset 3";
    QTest::newRow("bad escape") << R"($['a\q'])"
                                << R"(Invalid escape '\q' in string literal at offset 4)";
}

void TestJsonPath::invalid()
{
    QFETCH(QString, query);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!JsonPath::compile(query, &message));
    QCOMPARE(message, error);
}

void TestJsonPath::regex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<bool>("found");
    QTest::newRow("literal") << "abc"
                             << "abc" << true << true;
    QTest::newRow("match is anchored") << "b"
                                       << "abc" << false << true;
    QTest::newRow("dot skips newline") << "a.c"
                                       << "a\nc" << false << false;
    QTest::newRow("dot takes a surrogate pair") << "a.c"
                                                << "a\U0001F600c" << true << true;
    QTest::newRow("class and range") << "[a-c]+[^0-9]"
                                     << "abcx" << true << true;
    QTest::newRow("leading and trailing dash") << "[-a-]+"
                                               << "-a-" << true << true;
    QTest::newRow("category") << "\\\\p{Lu}\\\\p{Ll}*"
                              << "Émile" << true << true;
    QTest::newRow("bounded quantifier") << "x{2,3}"
                                        << "xxxx" << false << true;
    QTest::newRow("group and alternation") << "(ab|cd)+"
                                           << "abcdab" << true << true;
    QTest::newRow("caret asserts the start") << "^b"
                                             << "ab" << false << false;
    QTest::newRow("escaped caret is literal") << "\\\\^b"
                                              << "^b" << true << true;
    QTest::newRow("PCRE digit class is not I-Regexp") << "\\\\d"
                                                      << "1" << false << false;
    QTest::newRow("back-reference is not I-Regexp") << "(a)\\\\1"
                                                    << "aa" << false << false;
    QTest::newRow("lazy quantifier is not I-Regexp") << "a+?"
                                                     << "a" << false << false;
    QTest::newRow("unbalanced group") << "(a"
                                      << "a" << false << false;
    QTest::newRow("dollar in a class is literal") << "[$]"
                                                  << "$" << true << true;
}

void TestJsonPath::regex()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QFETCH(bool, found);
    const QJsonValue document = QJsonArray {text};
    for (const auto &[function, expected] : {std::pair {u"match", matches}, std::pair {u"search", found}}) {
        const QString query = QStringLiteral("$[?%1(@, \"%2\")]").arg(function, pattern);
        QString error;
        const std::optional<JsonPath> path = JsonPath::compile(query, &error);
        QVERIFY2(path, qPrintable(query + u": " + error));
        QCOMPARE(path->evaluate(document).values.size(), expected ? 1 : 0);
    }
}

void TestJsonPath::normalizedPaths()
{
    const QJsonValue document = QJsonDocument::fromJson(R"({"a": [{"it's": 1, "b\nc": 2}]})").object();
    const std::optional<JsonPath> path = JsonPath::compile(QStringLiteral("$..*"));
    QVERIFY(path);
    const JsonPathResult result = path->evaluate(document);
    QCOMPARE(
        result.paths, (QStringList {"$['a']", "$['a'][0]", R"($['a'][0]['b\nc'])", R"($['a'][0]['it\'s'])"}));
    QCOMPARE(result.values.size(), result.paths.size());
}

void TestJsonPath::documentOverload()
{
    const std::optional<JsonPath> path = JsonPath::compile(QStringLiteral("$[1]"));
    QVERIFY(path);
    QCOMPARE(path->evaluate(QJsonDocument::fromJson("[10, 20]")).values, QList<QJsonValue> {QJsonValue(20)});
    QVERIFY(path->evaluate(QJsonDocument()).values.isEmpty());
    QCOMPARE(path->query(), QStringLiteral("$[1]"));
}

QTEST_GUILESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"
