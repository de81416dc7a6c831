#include "template/TemplateResolver.h"

#include <QRegularExpression>
#include <QTest>

using namespace Sonde;

class TestTemplateResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolve_data();
    void resolve();
    void scopePrecedence_data();
    void scopePrecedence();
    void dynamicValues_data();
    void dynamicValues();
    void cycleIsReportedNotFollowed();
    void resolveRequestFields();
    void references();
};

namespace {

TemplateResolver sampleResolver()
{
    return TemplateResolver({{QStringLiteral("request"), {{"id", "42"}}},
                             {QStringLiteral("environment"),
                              {{"base", "http://127.0.0.1:8080"}, {"api", "{{base}}/api"}, {"off", "x", false},
                               {"empty", ""}}}});
}

} // namespace

void TestTemplateResolver::resolve_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("unresolved");
    QTest::newRow("no template") << "http://h/p" << "http://h/p" << QStringList {};
    QTest::newRow("one") << "{{base}}/get" << "http://127.0.0.1:8080/get" << QStringList {};
    QTest::newRow("blanks inside") << "{{ base }}/x/{{  id}}" << "http://127.0.0.1:8080/x/42" << QStringList {};
    QTest::newRow("nested value") << "{{api}}/users/{{id}}" << "http://127.0.0.1:8080/api/users/42" << QStringList {};
    QTest::newRow("unresolved kept") << "{{base}}/{{missing}}/{{missing}}" << "http://127.0.0.1:8080/{{missing}}/{{missing}}"
                                     << QStringList {"missing"};
    QTest::newRow("disabled is unresolved") << "{{off}}" << "{{off}}" << QStringList {"off"};
    QTest::newRow("empty value resolves") << "a{{empty}}b" << "ab" << QStringList {};
    QTest::newRow("not a reference") << "{base} {{ }} {{a b}}" << "{base} {{ }} {{a b}}" << QStringList {};
    QTest::newRow("adjacent") << "{{id}}{{id}}" << "4242" << QStringList {};
}

void TestTemplateResolver::resolve()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, unresolved);
    QStringList actualUnresolved;
    QCOMPARE(sampleResolver().resolve(text, &actualUnresolved), expected);
    QCOMPARE(actualUnresolved, unresolved);
}

void TestTemplateResolver::scopePrecedence_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("scope");
    QTest::newRow("request wins") << "v" << "request" << "request";
    QTest::newRow("inner folder over collection") << "f" << "inner" << "folder “Inner”";
    QTest::newRow("collection over environment") << "c" << "collection" << "collection “API”";
    QTest::newRow("environment over globals") << "e" << "environment" << "environment “dev”";
    QTest::newRow("globals last") << "g" << "global" << "globals";
}

void TestTemplateResolver::scopePrecedence()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, scope);
    Request request;
    request.variables = {{"v", "request"}};
    Folder collection;
    collection.name = QStringLiteral("API");
    collection.variables = {{"v", "collection"}, {"f", "collection"}, {"c", "collection"}};
    Folder inner;
    inner.name = QStringLiteral("Inner");
    inner.variables = {{"v", "inner"}, {"f", "inner"}};
    const Environment environment {QStringLiteral("dev"), {{"v", "environment"}, {"c", "environment"}, {"e", "environment"}}};
    const VariableList globals {{"v", "global"}, {"e", "global"}, {"g", "global"}};
    const TemplateResolver resolver = TemplateResolver::forRequest(request, {&collection, &inner}, &environment, globals);
    const auto found = resolver.lookup(name);
    QVERIFY(found);
    QCOMPARE(found->value, value);
    QCOMPARE(found->scopeLabel, scope);
}

void TestTemplateResolver::dynamicValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("uuid") << "{{$uuid}}" << "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    QTest::newRow("timestamp") << "{{$timestamp}}" << "^1[0-9]{9}$|^[2-9][0-9]{9}$";
    QTest::newRow("iso timestamp") << "{{$isoTimestamp}}" << "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$";
    QTest::newRow("random int") << "{{$randomInt}}" << "^(?:[0-9]|[1-9][0-9]{1,2}|1000)$";
}

void TestTemplateResolver::dynamicValues()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QStringList unresolved;
    const QString value = TemplateResolver().resolve(text, &unresolved);
    QVERIFY(unresolved.isEmpty());
    QVERIFY2(QRegularExpression(pattern).match(value).hasMatch(), qPrintable(value));
    QVERIFY(TemplateResolver::isDynamic(text.mid(2, text.size() - 4)));
}

void TestTemplateResolver::cycleIsReportedNotFollowed()
{
    const TemplateResolver resolver({{QStringLiteral("env"), {{"a", "{{b}}"}, {"b", "{{a}}"}}}});
    QStringList unresolved;
    const QString result = resolver.resolve(QStringLiteral("x{{a}}"), &unresolved);
    QVERIFY(!unresolved.isEmpty());
    QVERIFY(result.startsWith(u'x'));
}

void TestTemplateResolver::resolveRequestFields()
{
    Request request;
    request.url = QStringLiteral("{{base}}/users/{{id}}?q={{id}}");
    request.params = {{"q", "{{id}}"}, {"off", "{{nothere}}", false}};
    request.headers = {{"Authorization", "Bearer {{token}}"}, {"X-Off", "{{alsonot}}", false}};
    request.body = {Body::Kind::Raw, QStringLiteral("application/json"), "{\"id\": {{id}}}"};
    const ResolvedRequest resolved = resolveRequest(request, sampleResolver());
    QCOMPARE(resolved.request.url, QStringLiteral("http://127.0.0.1:8080/users/42?q=42"));
    QCOMPARE(resolved.request.params.first(), (KeyValue {"q", "42"}));
    QCOMPARE(resolved.request.params.last().value, QStringLiteral("{{nothere}}")); // disabled: not sent
    QCOMPARE(resolved.request.body.data, QByteArray("{\"id\": 42}"));
    QCOMPARE(resolved.unresolved, QStringList {"token"});
}

void TestTemplateResolver::references()
{
    const auto refs = TemplateResolver::references(QStringLiteral("a {{x}} b {{ y.z }}"));
    QCOMPARE(refs.size(), 2);
    QCOMPARE(refs.at(0).start, 2);
    QCOMPARE(refs.at(0).length, 5);
    QCOMPARE(refs.at(1).name, QStringLiteral("y.z"));
    QCOMPARE(TemplateResolver::referencedNames(QStringLiteral("{{a}}{{b}}{{a}}")), (QStringList {"a", "b"}));
}

QTEST_GUILESS_MAIN(TestTemplateResolver)
#include "tst_templateresolver.moc"
