#include "storage/WorkspaceFormat.h"
#include "storage/YamlWriter.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Sonde;

class TestWorkspaceFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalarsReadBackUnchanged_data();
    void scalarsReadBackUnchanged();
    void requestRoundTrip_data();
    void requestRoundTrip();
    void canonicalRequestText();
    void secretValuesAreNeverWritten();
    void malformedFilesNameTheLine_data();
    void malformedFilesNameTheLine();
    void unknownKeysWarn();
    void fileNames_data();
    void fileNames();
};

void TestWorkspaceFormat::scalarsReadBackUnchanged_data()
{
    QTest::addColumn<QString>("value");
    const QStringList values {
        QString(), QStringLiteral("plain"), QStringLiteral("two words"), QStringLiteral(" leading"),
        QStringLiteral("trailing "), QStringLiteral("true"), QStringLiteral("no"), QStringLiteral("null"),
        QStringLiteral("~"), QStringLiteral("123"), QStringLiteral("1.5e3"), QStringLiteral("0x1F"),
        QStringLiteral("-1"), QStringLiteral("- item"), QStringLiteral("key: value"), QStringLiteral("a #comment"),
        QStringLiteral("#hash"), QStringLiteral("{{base}}/users/{{id}}"), QStringLiteral("[1, 2]"),
        QStringLiteral("*alias"), QStringLiteral("&anchor"), QStringLiteral("!tag"), QStringLiteral("%percent"),
        QStringLiteral("@at"), QStringLiteral("`tick"), QStringLiteral("'single'"), QStringLiteral("\"double\""),
        QStringLiteral("ends with colon:"), QStringLiteral("tab\tinside"), QStringLiteral("café ☕ 😀"),
        QStringLiteral("line one\nline two"), QStringLiteral("line\n"), QStringLiteral("two newlines\n\n"),
        QStringLiteral("  indented first\nsecond"), QStringLiteral("\nstarts with newline"),
        QStringLiteral("{\n  \"name\": \"Sonde\",\n  \"tags\": [\"fast\"]\n}\n"), QStringLiteral("cr\r\nlf"),
        QStringLiteral("bell\x07"), QStringLiteral("trailing spaces   \nnext"), QStringLiteral("   \nblank first"),
        QStringLiteral("http://h/p?a=1&b=2#frag"), QStringLiteral("=") , QStringLiteral("<<"),
        QStringLiteral("1:30"), QStringLiteral(".inf"), QStringLiteral("?"), QStringLiteral(":"), QStringLiteral("-"),
    };
    for (const QString &value : values)
        QTest::newRow(qPrintable(QString(value).replace(u'\n', QStringLiteral("\\n")))) << value;
}

void TestWorkspaceFormat::scalarsReadBackUnchanged()
{
    QFETCH(QString, value);
    YamlNode root;
    root.insert(QStringLiteral("value"), YamlNode::string(value));
    YamlNode list = YamlNode::sequence();
    YamlNode item;
    item.insert(QStringLiteral("key"), YamlNode::string(value));
    list.append(item);
    root.insert(QStringLiteral("list"), list);
    const QByteArray text = root.toYaml();
    QVERIFY(text.endsWith('\n'));
    const YAML::Node parsed = YAML::Load(text.toStdString());
    QCOMPARE(QString::fromStdString(parsed["value"].Scalar()), value);
    QCOMPARE(QString::fromStdString(parsed["list"][0]["key"].Scalar()), value);
    QVERIFY(parsed["value"].Tag() != "tag:yaml.org,2002:null");
}

void TestWorkspaceFormat::requestRoundTrip_data()
{
    QTest::addColumn<Request>("request");
    Request minimal;
    minimal.name = QStringLiteral("Minimal");
    minimal.url = QStringLiteral("http://127.0.0.1/get");
    QTest::newRow("minimal") << minimal;

    Request full;
    full.name = QStringLiteral("Create user: “full”");
    full.method = QStringLiteral("POST");
    full.url = QStringLiteral("{{base}}/users?source=sonde&debug");
    full.params = {{"source", "sonde"}, {"debug", ""}, {"draft", "1", false}};
    full.headers = {{"Content-Type", "application/json"}, {"X-Off", "x", false}, {"Authorization", "Bearer {{token}}"}};
    full.body = {Body::Kind::Raw, QStringLiteral("application/json"), "{\n  \"name\": \"Ada\"\n}\n"};
    full.settings.timeoutMs = 5000;
    full.settings.followRedirects = false;
    full.settings.maxRedirects = 3;
    full.settings.ignoreTlsErrors = true;
    full.settings.httpVersion = HttpVersionPolicy::Http1Only;
    full.variables = {{"id", "42"}, {"apiKey", "", true, true}, {"off", "x", false}};
    full.captures = {{"token", ResponseCapture::Source::JsonPath, "$.access_token", true},
                     {"etag", ResponseCapture::Source::Header, "ETag", false},
                     {"code", ResponseCapture::Source::Status, QString(), true}};
    full.description = QStringLiteral("Creates a user.\n\nNeeds a token.");
    full.sortKey = 20;
    QTest::newRow("everything") << full;

    Request cookiesOff = minimal;
    cookiesOff.settings.sendCookies = false;
    QTest::newRow("cookie jar off") << cookiesOff;

    Request binary = minimal;
    binary.body = {Body::Kind::Raw, QStringLiteral("application/octet-stream"), QByteArray("\x00\xff\xfe binary", 10)};
    QTest::newRow("binary body") << binary;

    Request noTrailingNewline = minimal;
    noTrailingNewline.body = {Body::Kind::Raw, QStringLiteral("text/plain"), "a\nb"};
    QTest::newRow("body without final newline") << noTrailingNewline;

    Request form = minimal;
    form.body.kind = Body::Kind::FormUrlEncoded;
    form.body.fields = {{"name", "Ada Lovelace"}, {"q", "a+b&c=d"}, {"off", "x", false}};
    QTest::newRow("form body") << form;

    Request multipart = minimal;
    multipart.body.kind = Body::Kind::Multipart;
    multipart.body.parts = {{QStringLiteral("title"), QStringLiteral("Zoë"), {}, {}, {}, true},
                            {QStringLiteral("avatar"), {}, QStringLiteral("/home/ada/me.png"), QStringLiteral("image/png"),
                             QStringLiteral("ada.png"), true},
                            {QStringLiteral("off"), QStringLiteral("x"), {}, QStringLiteral("text/plain"), {}, false}};
    QTest::newRow("multipart body") << multipart;

    Request upload = minimal;
    upload.method = QStringLiteral("PUT");
    upload.body.kind = Body::Kind::Binary;
    upload.body.filePath = QStringLiteral("data/dump.tar.gz");
    upload.body.contentType = QStringLiteral("application/gzip");
    QTest::newRow("binary file body") << upload;

    Request graphql = minimal;
    graphql.body.kind = Body::Kind::GraphQL;
    graphql.body.graphqlQuery = QStringLiteral("query Hero($ep: Episode) {\n  hero(episode: $ep) { name }\n}\n");
    graphql.body.graphqlVariables = QStringLiteral("{\"ep\": \"JEDI\"}");
    graphql.body.graphqlOperationName = QStringLiteral("Hero");
    graphql.body.graphqlUseGet = true;
    QTest::newRow("graphql body") << graphql;

    Request pathParams = minimal;
    pathParams.url = QStringLiteral("{{base}}/users/:userId/posts/:postId");
    pathParams.pathParams = {{"userId", "42"}, {"postId", "a b/c", false}};
    QTest::newRow("path parameters") << pathParams;

    Request proxied = minimal;
    proxied.settings.proxy = {ProxySettings::Mode::Custom, QStringLiteral("socks5://127.0.0.1:1080"), QStringLiteral("ada"),
                              QStringLiteral("{{proxyPassword}}")};
    QTest::newRow("custom proxy") << proxied;

    Request systemProxy = minimal;
    systemProxy.settings.proxy.mode = ProxySettings::Mode::System;
    QTest::newRow("system proxy") << systemProxy;

    Request direct = minimal;
    direct.settings.proxy.mode = ProxySettings::Mode::None;
    QTest::newRow("no proxy, whatever the application's") << direct;
}

void TestWorkspaceFormat::requestRoundTrip()
{
    QFETCH(Request, request);
    const QByteArray text = WorkspaceFormat::requestToYaml(request);
    FormatProblem problem;
    FormatProblems warnings;
    const std::optional<Request> read = WorkspaceFormat::requestFromYaml(text, &problem, &warnings);
    QVERIFY2(read, qPrintable(problem.toString() + u'\n' + QString::fromUtf8(text)));
    QVERIFY(warnings.isEmpty());
    Request expected = request;
    for (Variable &variable : expected.variables) {
        if (variable.secret)
            variable.value.clear();
    }
    QCOMPARE(read->name, expected.name);
    QCOMPARE(read->method, expected.method);
    QCOMPARE(read->url, expected.url);
    QCOMPARE(read->params, expected.params);
    QCOMPARE(read->pathParams, expected.pathParams);
    QCOMPARE(read->headers, expected.headers);
    QCOMPARE(read->body, expected.body);
    QCOMPARE(read->settings, expected.settings);
    QCOMPARE(read->variables, expected.variables);
    QCOMPARE(read->captures, expected.captures);
    QCOMPARE(read->description, expected.description);
    QCOMPARE(read->sortKey, expected.sortKey);
    // Canonical: writing what was read gives the same bytes.
    QCOMPARE(WorkspaceFormat::requestToYaml(*read), text);
}

void TestWorkspaceFormat::canonicalRequestText()
{
    Request request;
    request.name = QStringLiteral("Post JSON");
    request.method = QStringLiteral("POST");
    request.url = QStringLiteral("{{echo}}/post");
    request.headers = {{"Accept", "application/json"}};
    request.body = {Body::Kind::Raw, QStringLiteral("application/json"), "{\"name\": \"Sonde\"}\n"};
    request.settings.timeoutMs = 5000;
    QCOMPARE(WorkspaceFormat::requestToYaml(request),
             QByteArray("name: Post JSON\n"
                        "method: POST\n"
                        "url: \"{{echo}}/post\"\n"
                        "headers:\n"
                        "  - key: Accept\n"
                        "    value: application/json\n"
                        "body:\n"
                        "  type: raw\n"
                        "  contentType: application/json\n"
                        "  text: |\n"
                        "    {\"name\": \"Sonde\"}\n"
                        "settings:\n"
                        "  timeoutMs: 5000\n"));
}

void TestWorkspaceFormat::secretValuesAreNeverWritten()
{
    Environment environment {QStringLiteral("prod"), {{"token", "s3cr3t-value", true, true}, {"base", "http://x"}}};
    const QByteArray text = WorkspaceFormat::environmentToYaml(environment);
    QVERIFY(!text.contains("s3cr3t-value"));
    QVERIFY(text.contains("secret: true"));
    Request request;
    request.url = QStringLiteral("http://x");
    request.variables = {{"password", "hunter2", true, true}};
    QVERIFY(!WorkspaceFormat::requestToYaml(request).contains("hunter2"));
    Folder folder;
    folder.variables = {{"key", "abc123secret", true, true}};
    QVERIFY(!WorkspaceFormat::folderToYaml(folder).contains("abc123secret"));
}

void TestWorkspaceFormat::malformedFilesNameTheLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("words");
    QTest::newRow("not yaml") << QByteArray("name: a\nmethod: GET\nurl: [unclosed\n") << 4 << "Not valid YAML";
    QTest::newRow("a list") << QByteArray("- a\n- b\n") << 1 << "mapping";
    QTest::newRow("no url") << QByteArray("name: a\nmethod: GET\n") << 1 << "url";
    QTest::newRow("bad timeout") << QByteArray("method: GET\nurl: x\nsettings:\n  timeoutMs: soon\n") << 4 << "timeoutMs";
    QTest::newRow("headers not a list") << QByteArray("method: GET\nurl: x\nheaders: yes\n") << 3 << "headers";
    QTest::newRow("bad boolean") << QByteArray("method: GET\nurl: x\nheaders:\n  - key: a\n    enabled: maybe\n") << 5
                                 << "true or false";
    QTest::newRow("bad proxy mode") << QByteArray("method: GET\nurl: x\nsettings:\n  proxy:\n    mode: pac\n") << 5
                                    << "default, none, system or custom";
    QTest::newRow("custom proxy without url") << QByteArray("method: GET\nurl: x\nsettings:\n  proxy:\n    mode: custom\n")
                                              << 5 << "needs a “url”";
    QTest::newRow("not utf-8") << QByteArray("method: GET\nurl: \xff\xfe\n") << 0 << "UTF-8";
}

void TestWorkspaceFormat::malformedFilesNameTheLine()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, words);
    FormatProblem problem;
    QVERIFY(!WorkspaceFormat::requestFromYaml(text, &problem));
    QVERIFY2(problem.message.contains(words), qPrintable(problem.message));
    QCOMPARE(problem.line, line);
}

void TestWorkspaceFormat::unknownKeysWarn()
{
    FormatProblem problem;
    FormatProblems warnings;
    const auto request = WorkspaceFormat::requestFromYaml("method: GET\nurl: x\nheadres: []\n", &problem, &warnings);
    QVERIFY(request);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().message.contains(u"headres"));
    QCOMPARE(warnings.first().line, 3);
    QVERIFY(warnings.first().warning);
}

void TestWorkspaceFormat::fileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Get users" << "Get users";
    QTest::newRow("slashes") << "a/b\\c" << "a-b-c";
    QTest::newRow("reserved") << "what? *now* <x>|\"y\":" << "what- -now- -x---y--";
    QTest::newRow("leading dot") << ".hidden" << "hidden";
    QTest::newRow("leading underscore") << "_folder" << "folder";
    QTest::newRow("empty") << "" << "Untitled";
    QTest::newRow("unicode") << "Café ☕" << "Café ☕";
}

void TestWorkspaceFormat::fileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(WorkspaceFormat::fileNameFor(name), expected);
}

QTEST_GUILESS_MAIN(TestWorkspaceFormat)
#include "tst_workspaceformat.moc"
