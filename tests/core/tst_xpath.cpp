#include "query/XPathQuery.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

namespace {

const char Catalog[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<catalog>
  <book id="b1" lang="en"><title>Dune</title><price>9.99</price></book>
  <book id="b2" lang="fr"><title>Vol de nuit</title><price>12</price></book>
  <note>Fish &amp; chips</note>
</catalog>
)";

const char Feed[] = R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <entry><title>One</title><media:thumbnail url="a.png"/></entry>
  <entry><title>Two</title></entry>
</feed>)";

// "kind:text" per item, so a failing comparison shows both the kind and the text.
QStringList describe(const XPathResult &result)
{
    QStringList items;
    for (const XPathItem &item : result.items) {
        switch (item.kind) {
        case XPathItem::Kind::Node:
            items.append(u"node:" + item.text);
            break;
        case XPathItem::Kind::String:
            items.append(u"string:" + item.text);
            break;
        case XPathItem::Kind::Number:
            items.append(u"number:" + item.text);
            break;
        case XPathItem::Kind::Boolean:
            items.append(u"boolean:" + item.text);
            break;
        }
    }
    return items;
}

// The billion-laughs document: ten levels of ten references, 10^9 "lol"s once expanded.
QByteArray billionLaughs(bool inAttribute)
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        xml += " <!ENTITY lol" + QByteArray::number(level) + " \"";
        const QByteArray previous = level == 1 ? QByteArray("lol") : "lol" + QByteArray::number(level - 1);
        for (int i = 0; i < 10; ++i)
            xml += '&' + previous + ';';
        xml += "\">\n";
    }
    xml += "]>\n";
    xml += inAttribute ? "<lolz a=\"&lol9;\"/>" : "<lolz>&lol9;</lolz>";
    return xml;
}

} // namespace

class TestXPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void errors_data();
    void errors();
    void internalEntitiesStillWork();
    void externalEntitiesAreNeverRead();
    void externalResourcesAreNeverFetched();
    void entityExpansionIsRefused_data();
    void entityExpansionIsRefused();
};

void TestXPath::evaluate_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("defaultPrefix");
    QTest::addColumn<QStringList>("expected");

    const QByteArray catalog(Catalog);
    QTest::newRow("elements") << catalog << "/catalog/book/title" << QString()
                              << QStringList {"node:<title>Dune</title>", "node:<title>Vol de nuit</title>"};
    QTest::newRow("element with children")
        << catalog << "//book[@id='b2']" << QString()
        << QStringList {R"(node:<book id="b2" lang="fr"><title>Vol de nuit</title><price>12</price></book>)"};
    QTest::newRow("attributes") << catalog << "//book/@id" << QString()
                                << QStringList {R"(node:id="b1")", R"(node:id="b2")"};
    QTest::newRow("text nodes stay XML text")
        << catalog << "//note/text()" << QString() << QStringList {"node:Fish &amp; chips"};
    QTest::newRow("string value") << catalog << "string(//note)" << QString()
                                  << QStringList {"string:Fish & chips"};
    QTest::newRow("count") << catalog << "count(//book)" << QString() << QStringList {"number:2"};
    QTest::newRow("sum") << catalog << "sum(//price)" << QString() << QStringList {"number:21.99"};
    QTest::newRow("not a number") << catalog << "number(//title)" << QString() << QStringList {"number:NaN"};
    QTest::newRow("boolean") << catalog << "//book/@lang = 'fr'" << QString() << QStringList {"boolean:true"};
    QTest::newRow("string-length") << catalog << "string-length(//book[1]/title)" << QString()
                                   << QStringList {"number:4"};
    QTest::newRow("normalize-space and concat")
        << catalog << "concat(normalize-space('  a   b '), '|', //book[2]/@lang)" << QString()
        << QStringList {"string:a b|fr"};
    QTest::newRow("substring and translate")
        << catalog << "translate(substring(//book[1]/title, 1, 3), 'Du', 'du')" << QString()
        << QStringList {"string:dun"};
    QTest::newRow("contains in a predicate")
        << catalog << "//book[contains(title, 'nuit')]/@id" << QString() << QStringList {R"(node:id="b2")"};
    QTest::newRow("no match is not an error") << catalog << "//magazine" << QString() << QStringList();
    QTest::newRow("default namespace through a prefix") << QByteArray(Feed) << "//a:entry/a:title/text()"
                                                        << "a" << QStringList {"node:One", "node:Two"};
    QTest::newRow("declared prefix") << QByteArray(Feed) << "//media:thumbnail/@url" << QString()
                                     << QStringList {R"(node:url="a.png")"};
    QTest::newRow("without the prefix nothing matches")
        << QByteArray(Feed) << "//entry" << QString() << QStringList();
    QTest::newRow("local-name works without a prefix")
        << QByteArray(Feed) << "count(//*[local-name()='entry'])" << QString() << QStringList {"number:2"};
    QTest::newRow("namespace node") << QByteArray(Feed) << "/*/namespace::media" << QString()
                                    << QStringList {R"(node:xmlns:media="http://search.yahoo.com/mrss/")"};
}

void TestXPath::evaluate()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expression);
    QFETCH(QString, defaultPrefix);
    QFETCH(QStringList, expected);
    XPathOptions options;
    options.defaultNamespacePrefix = defaultPrefix;
    const XPathResult result = XPathQuery::evaluate(xml, expression, options);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(describe(result), expected);
}

void TestXPath::errors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<XPathResult::Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");

    QTest::newRow("mismatched tag")
        << QByteArray("<a>\n<b>\n</a>") << "/a" << XPathResult::Error::MalformedDocument
        << "Malformed XML at line 3, column 5: Opening and ending tag mismatch: b line 2 and a" << 3;
    QTest::newRow("empty document") << QByteArray() << "/a" << XPathResult::Error::MalformedDocument
                                    << "Malformed XML at line 1, column 1: Document is empty" << 1;
    QTest::newRow("JSON is not XML") << QByteArray(R"({"a": 1})") << "/a"
                                     << XPathResult::Error::MalformedDocument
                                     << "Malformed XML at line 1, column 1: Start tag expected, '<' not found"
                                     << 1;
    QTest::newRow("invalid expression")
        << QByteArray("<a/>") << "//a[" << XPathResult::Error::InvalidExpression
        << "Invalid expression at offset 4" << 0;
    QTest::newRow("unknown prefix") << QByteArray("<a/>") << "//x:a" << XPathResult::Error::InvalidExpression
                                    << "Undefined namespace prefix" << 0;
    QTest::newRow("unknown function")
        << QByteArray("<a/>") << "frobnicate(1)" << XPathResult::Error::InvalidExpression
        << "Unknown function (function frobnicate not found)" << 0;
    QTest::newRow("empty expression") << QByteArray("<a/>") << " " << XPathResult::Error::InvalidExpression
                                      << "The XPath expression is empty" << 0;
}

void TestXPath::errors()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expression);
    QFETCH(XPathResult::Error, error);
    QFETCH(QString, message);
    QFETCH(int, line);
    const XPathResult result = XPathQuery::evaluate(xml, expression);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorMessage, message);
    QCOMPARE(result.errorLine, line);
    QVERIFY(result.items.isEmpty());
}

void TestXPath::internalEntitiesStillWork()
{
    const QByteArray xml = R"(<!DOCTYPE r [<!ENTITY co "ACME">]><r>&co; Inc</r>)";
    const XPathResult result = XPathQuery::evaluate(xml, QStringLiteral("string(/r)"));
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(describe(result), QStringList {"string:ACME Inc"});
}

void TestXPath::externalEntitiesAreNeverRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString secretPath = dir.filePath(QStringLiteral("secret.txt"));
    QFile secret(secretPath);
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("TOP-SECRET");
    secret.close();
    const QByteArray url = QUrl::fromLocalFile(secretPath).toEncoded();
    const QByteArray xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + url + "\">]><r a=\"1\">&x;</r>";
    for (const QString &expression : {QStringLiteral("string(/r)"), QStringLiteral("/r")}) {
        const XPathResult result = XPathQuery::evaluate(xml, expression);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage));
        QCOMPARE(result.items.size(), 1);
        QVERIFY2(!result.items.front().text.contains(u"TOP-SECRET"), qPrintable(result.items.front().text));
    }
}

void TestXPath::externalResourcesAreNeverFetched()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(server.serverPort());
    const QByteArray xml = "<!DOCTYPE r SYSTEM \"" + base
        + "/r.dtd\" [\n"
          "  <!ENTITY % remote SYSTEM \""
        + base
        + "/p.ent\"> %remote;\n"
          "  <!ENTITY x SYSTEM \""
        + base
        + "/x.ent\">\n"
          "]><r>&x;</r>";
    const XPathResult result = XPathQuery::evaluate(xml, QStringLiteral("string(/r)"));
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(describe(result), QStringList {"string:"});
    QVERIFY2(!server.waitForNewConnection(200), "the parser connected to the server");
}

void TestXPath::entityExpansionIsRefused_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("in content") << billionLaughs(false);
    QTest::newRow("in an attribute") << billionLaughs(true);
    QByteArray many = "<!DOCTYPE r [<!ENTITY big \"" + QByteArray(1024 * 1024, 'x') + "\">]><r>";
    for (int i = 0; i < 100; ++i)
        many += "&big;";
    QTest::newRow("many references to a big entity") << many + "</r>";
}

void TestXPath::entityExpansionIsRefused()
{
    QFETCH(QByteArray, xml);
    QElapsedTimer timer;
    timer.start();
    const XPathResult result = XPathQuery::evaluate(xml, QStringLiteral("string(/*)"));
    QCOMPARE(result.error, XPathResult::Error::MalformedDocument);
    QVERIFY2(result.errorMessage.contains(u"entity-expansion attack"), qPrintable(result.errorMessage));
    QVERIFY2(timer.elapsed() < 5000, "refusing took too long");
}

QTEST_GUILESS_MAIN(TestXPath)
#include "tst_xpath.moc"
