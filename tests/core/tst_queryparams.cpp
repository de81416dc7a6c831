#include "model/QueryParams.h"

#include <QTest>

using namespace Sonde;

namespace QTest {
template<>
char *toString(const KeyValueList &rows)
{
    QStringList parts;
    for (const KeyValue &row : rows)
        parts.append(QStringLiteral("%1%2=%3").arg(row.enabled ? u"" : u"#", row.key, row.value));
    return qstrdup(qPrintable(u'[' + parts.join(u", ") + u']'));
}
} // namespace QTest

class TestQueryParams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void apply_data();
    void apply();
    void mergeKeepsDisabledRows();
    void roundTrip_data();
    void roundTrip();
};

void TestQueryParams::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<KeyValueList>("expected");
    QTest::newRow("no query") << "http://h/p" << KeyValueList {};
    QTest::newRow("empty query") << "http://h/p?" << KeyValueList {};
    QTest::newRow("two") << "http://h/p?a=1&b=2" << KeyValueList {{"a", "1"}, {"b", "2"}};
    QTest::newRow("repeated keys") << "http://h/?a=1&a=2" << KeyValueList {{"a", "1"}, {"a", "2"}};
    QTest::newRow("no value") << "http://h/?flag&x=" << KeyValueList {{"flag", ""}, {"x", ""}};
    QTest::newRow("fragment ignored") << "http://h/?a=1#frag?b=2" << KeyValueList {{"a", "1"}};
    QTest::newRow("kept as typed") << "http://h/?q=a%20b&r=c+d" << KeyValueList {{"q", "a%20b"}, {"r", "c+d"}};
    QTest::newRow("equals in value") << "http://h/?e=a=b" << KeyValueList {{"e", "a=b"}};
    QTest::newRow("variables") << "{{base}}/x?k={{v}}" << KeyValueList {{"k", "{{v}}"}};
    QTest::newRow("trailing ampersand") << "http://h/?a=1&" << KeyValueList {{"a", "1"}, {"", ""}};
}

void TestQueryParams::parse()
{
    QFETCH(QString, url);
    QFETCH(KeyValueList, expected);
    QCOMPARE(QueryParams::parse(url), expected);
}

void TestQueryParams::apply_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<KeyValueList>("params");
    QTest::addColumn<QString>("expected");
    QTest::newRow("add") << "http://h/p" << KeyValueList {{"a", "1"}} << "http://h/p?a=1";
    QTest::newRow("replace") << "http://h/p?x=9" << KeyValueList {{"a", "1"}, {"b", "2"}} << "http://h/p?a=1&b=2";
    QTest::newRow("disabled left out")
        << "http://h/p" << KeyValueList {{"a", "1"}, {"b", "2", false}} << "http://h/p?a=1";
    QTest::newRow("all removed") << "http://h/p?a=1" << KeyValueList {} << "http://h/p";
    QTest::newRow("fragment kept") << "http://h/p?a=1#top" << KeyValueList {{"b", "2"}} << "http://h/p?b=2#top";
    QTest::newRow("empty value") << "http://h/" << KeyValueList {{"flag", ""}} << "http://h/?flag";
    QTest::newRow("blank row skipped") << "http://h/" << KeyValueList {{"", ""}, {"a", "1"}} << "http://h/?a=1";
}

void TestQueryParams::apply()
{
    QFETCH(QString, url);
    QFETCH(KeyValueList, params);
    QFETCH(QString, expected);
    QCOMPARE(QueryParams::applyToUrl(url, params), expected);
}

void TestQueryParams::mergeKeepsDisabledRows()
{
    const KeyValueList previous {{"a", "1"}, {"off", "x", false}, {"b", "2"}};
    const KeyValueList merged = QueryParams::mergeFromUrl(previous, QStringLiteral("http://h/?a=10&b=20&c=30"));
    const KeyValueList expected {{"a", "10"}, {"off", "x", false}, {"b", "20"}, {"c", "30"}};
    QCOMPARE(merged, expected);
    // Removing a parameter from the URL removes its row but not the disabled one.
    QCOMPARE(QueryParams::mergeFromUrl(merged, QStringLiteral("http://h/?a=10")),
             (KeyValueList {{"a", "10"}, {"off", "x", false}}));
}

void TestQueryParams::roundTrip_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("plain") << "http://h/p?a=1&b=2";
    QTest::newRow("repeated") << "http://h/p?a=1&a=2&a=3";
    QTest::newRow("encoded") << "http://h/p?q=caf%C3%A9&sp=a%20b";
    QTest::newRow("fragment") << "http://h/p?a=1#section";
    QTest::newRow("no value") << "http://h/p?flag&a=1";
}

void TestQueryParams::roundTrip()
{
    QFETCH(QString, url);
    QCOMPARE(QueryParams::applyToUrl(url, QueryParams::parse(url)), url);
}

QTEST_GUILESS_MAIN(TestQueryParams)
#include "tst_queryparams.moc"
