// Code snippets: every target for every case of SnippetCases, against golden files
// tests/data/snippets/<target>/<case>.<ext>; string literals of each language; what a snippet says it
// cannot do. tests/data/snippets/regenerate.sh (SONDE_REGENERATE=1 tst_snippets golden) rewrites the
// golden files.
#include "SnippetCases.h"
#include "formats/CurlExport.h"
#include "formats/SnippetRequest.h"
#include "formats/SnippetText.h"
#include "formats/Snippets.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

bool regenerate()
{
    return qEnvironmentVariableIntValue("SONDE_REGENERATE") == 1;
}

} // namespace

class TestSnippets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targets();
    void golden_data();
    void golden();
    void curlIsCurlExport();
    void model_data();
    void model();
    void literals_data();
    void literals();
    void liveAuthIsSaid_data();
    void liveAuthIsSaid();
    void textPartTypeIsSaidWhenLost_data();
    void textPartTypeIsSaidWhenLost();
    void unknownTarget();
};

void TestSnippets::targets()
{
    const QList<SnippetTarget> targets = Snippets::targets();
    QStringList ids;
    for (const SnippetTarget &target : targets)
        ids << target.id;
    QCOMPARE(ids,
        QStringList({u"curl"_s, u"httpie"_s, u"wget"_s, u"python-requests"_s, u"javascript-fetch"_s,
            u"node-axios"_s, u"go"_s, u"java"_s, u"csharp"_s, u"php-curl"_s, u"powershell"_s, u"qt"_s}));
    QVERIFY(Snippets::target(u"Python-Requests"_s));
    QCOMPARE(Snippets::target(u"python-requests"_s)->language, u"python"_s);
    QVERIFY(!Snippets::target(u"cobol"_s));
}

void TestSnippets::golden_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    QTest::addColumn<Request>("request");
    for (const SnippetTarget &target : Snippets::targets()) {
        for (const SnippetCases::Case &c :
            SnippetCases::cases(u"https://api.example.com"_s, u"/home/ada/files"_s)) {
            const QString file = target.id + u'/' + c.name + u'.' + target.extension;
            QTest::newRow(qPrintable(file)) << target.id << file << c.request;
        }
    }
}

void TestSnippets::golden()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    QFETCH(Request, request);
    const QString snippet = Snippets::generate(target, request);
    QVERIFY(snippet.endsWith(u'\n'));
    QFile golden(QStringLiteral(SONDE_TEST_DATA_DIR "/snippets/") + file);
    if (regenerate()) {
        QVERIFY(QDir().mkpath(QFileInfo(golden).absolutePath()));
        QVERIFY(golden.open(QIODevice::WriteOnly | QIODevice::Truncate));
        golden.write(snippet.toUtf8());
        return;
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
    QCOMPARE(snippet, QString::fromUtf8(golden.readAll()));
}

void TestSnippets::curlIsCurlExport()
{
    for (const SnippetCases::Case &c : SnippetCases::cases(u"https://x"_s, u"/f"_s)) {
        QStringList exportWarnings;
        QStringList snippetWarnings;
        QCOMPARE(Snippets::generate(u"curl"_s, c.request, &snippetWarnings),
            CurlExport::toCommand(c.request, {true}, &exportWarnings) + u'\n');
        QCOMPARE(snippetWarnings, exportWarnings);
    }
}

void TestSnippets::model_data()
{
    QTest::addColumn<Request>("request");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("headers");

    Request pathParams = SnippetCases::make(u"get"_s, u"api.example.com/users/:id?x=1#top"_s);
    pathParams.pathParams = {{u"id"_s, u"42"_s, true}};
    QTest::newRow("path params, scheme, fragment")
        << pathParams << u"http://api.example.com/users/42?x=1"_s << QStringList();

    Request repeated = SnippetCases::make(u"GET"_s, u"https://x/"_s, {{u"A"_s, u"1"_s}, {u"a"_s, u"2"_s}});
    repeated.headers.append({u"B"_s, u"off"_s, false});
    QTest::newRow("repeated header joined, disabled left out")
        << repeated << u"https://x/"_s << QStringList {u"A: 1, 2"_s};

    Request apiKey = SnippetCases::make(u"GET"_s, u"https://x/?key=mine"_s);
    apiKey.auth.type = AuthConfig::Type::ApiKey;
    apiKey.auth.apiKey = {u"key"_s, u"theirs"_s, ApiKey::Location::Query};
    QTest::newRow("the user's query parameter wins") << apiKey << u"https://x/?key=mine"_s << QStringList();

    Request variable = SnippetCases::make(u"GET"_s, u"{{base}}/x"_s);
    variable.auth.type = AuthConfig::Type::ApiKey;
    variable.auth.apiKey = {u"key"_s, u"{{apiKey}}"_s, ApiKey::Location::Query};
    QTest::newRow("variables kept readable") << variable << u"{{base}}/x?key={{apiKey}}"_s << QStringList();

    Request userType = SnippetCases::make(u"POST"_s, u"https://x/"_s, {{u"content-type"_s, u"text/csv"_s}});
    userType.body = Body {Body::Kind::Raw, u"application/json"_s, "a,b"};
    QTest::newRow("the user's Content-Type wins")
        << userType << u"https://x/"_s << QStringList {u"content-type: text/csv"_s};

    Request multipart
        = SnippetCases::make(u"POST"_s, u"https://x/"_s, {{u"Content-Type"_s, u"multipart/form-data"_s}});
    multipart.body.kind = Body::Kind::Multipart;
    multipart.body.parts = {{u"a"_s, u"1"_s}};
    QTest::newRow("multipart leaves the type to the library")
        << multipart << u"https://x/"_s << QStringList();

    Request graphqlGet = SnippetCases::make(u"POST"_s, u"https://x/graphql?v=1"_s);
    graphqlGet.body.kind = Body::Kind::GraphQL;
    graphqlGet.body.graphqlQuery = u"{ me }"_s;
    graphqlGet.body.graphqlUseGet = true;
    QTest::newRow("graphql get") << graphqlGet << u"https://x/graphql?v=1&query=%7B+me+%7D"_s
                                 << QStringList();

    Request oauth = SnippetCases::make(u"GET"_s, u"https://x/"_s);
    oauth.auth.type = AuthConfig::Type::OAuth2;
    oauth.auth.oauth2.accessToken = u"tok"_s;
    QTest::newRow("oauth2 token") << oauth << u"https://x/"_s << QStringList {u"Authorization: Bearer tok"_s};
}

void TestSnippets::model()
{
    QFETCH(Request, request);
    QFETCH(QString, url);
    QFETCH(QStringList, headers);
    const SnippetRequest snippet = SnippetRequest::fromRequest(request);
    QCOMPARE(snippet.url, url);
    QStringList got;
    for (const auto &[name, value] : snippet.headers)
        got << name + u": "_s + value;
    QCOMPARE(got, headers);
}

void TestSnippets::literals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("literal");

    const QByteArray mixed = "a\"b\\c\nd$e";
    QTest::newRow("python") << u"python"_s << mixed << uR"("a\"b\\c\nd$e")"_s;
    QTest::newRow("python control") << u"python"_s << QByteArray("\x01\x7f") << uR"("\x01\x7f")"_s;
    QTest::newRow("javascript separators")
        << u"javascript"_s << QString(u"a\u2028b"_s).toUtf8() << uR"("a\u2028b")"_s;
    QTest::newRow("go invalid utf-8") << u"go"_s << QByteArray("é\xff") << u"\"é\\xff\""_s;
    QTest::newRow("java non-ascii and control")
        << u"java"_s << QByteArray("é\x01\n") << uR"("\u00e9\001\n")"_s;
    QTest::newRow("java backslash u") << u"java"_s << QByteArray("\\u0041") << uR"("\\u0041")"_s;
    QTest::newRow("csharp") << u"csharp"_s << QByteArray("a\"\\\x01") << uR"("a\"\\\u0001")"_s;
    QTest::newRow("php single quotes keep $")
        << u"php"_s << QByteArray("it's $x\\\n") << u"'it\\'s $x\\\\\n'"_s;
    QTest::newRow("php control: double quotes")
        << u"php"_s << QByteArray("$x\t{$y}\r") << uR"("\$x\t{\$y}\r")"_s;
    QTest::newRow("powershell single")
        << u"powershell"_s << QString(u"it's ‘$x’\n"_s).toUtf8() << u"'it''s ‘‘$x’’\n'"_s;
    QTest::newRow("powershell double")
        << u"powershell"_s << QByteArray("$x \"`\t\r") << u"\"`$x `\"```t`r\""_s;
    QTest::newRow("cpp") << u"cpp"_s
                         << QByteArray("é\x01"
                                       "1\"\xff",
                                6)
                         << uR"("é\0011\"\377")"_s;
    QTest::newRow("shell") << u"shell"_s << QByteArray("it's") << uR"('it'\''s')"_s;
}

void TestSnippets::literals()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, text);
    QFETCH(QString, literal);
    const QString string = QString::fromUtf8(text);
    QString got;
    if (language == u"python")
        got = SnippetText::python(string);
    else if (language == u"javascript")
        got = SnippetText::javaScript(string);
    else if (language == u"go")
        got = SnippetText::go(text);
    else if (language == u"java")
        got = SnippetText::java(string);
    else if (language == u"csharp")
        got = SnippetText::csharp(string);
    else if (language == u"php")
        got = SnippetText::php(text);
    else if (language == u"powershell")
        got = SnippetText::powerShell(string);
    else if (language == u"cpp")
        got = SnippetText::cpp(text);
    else
        got = SnippetText::shell(string);
    QCOMPARE(got, literal);
}

void TestSnippets::liveAuthIsSaid_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<AuthConfig::Type>("type");
    QTest::addColumn<bool>("warned");
    QTest::addColumn<QString>("native");

    QTest::newRow("requests digest") << u"python-requests"_s << AuthConfig::Type::Digest << false
                                     << u"HTTPDigestAuth(\"ada\", \"pw\")"_s;
    QTest::newRow("fetch digest") << u"javascript-fetch"_s << AuthConfig::Type::Digest << true
                                  << u"// Digest"_s;
    QTest::newRow("c# ntlm") << u"csharp"_s << AuthConfig::Type::Ntlm << false
                             << u"new NetworkCredential(\"ada\", \"pw\", \"CORP\")"_s;
    QTest::newRow("qt ntlm") << u"qt"_s << AuthConfig::Type::Ntlm << false
                             << u"QStringLiteral(\"CORP\\\\ada\")"_s;
    QTest::newRow("php digest") << u"php-curl"_s << AuthConfig::Type::Digest << false << u"CURLAUTH_DIGEST"_s;
    QTest::newRow("wget ntlm") << u"wget"_s << AuthConfig::Type::Ntlm << false << u"--user='CORP\\ada'"_s;
    QTest::newRow("go sigv4") << u"go"_s << AuthConfig::Type::AwsSigV4 << true
                              << u"// AWS Signature Version 4"_s;
    QTest::newRow("httpie ntlm") << u"httpie"_s << AuthConfig::Type::Ntlm << true << u"# NTLM"_s;
    QTest::newRow("axios oauth2") << u"node-axios"_s << AuthConfig::Type::OAuth2 << true
                                  << u"\"Authorization\": \"Bearer tok\""_s;
    QTest::newRow("powershell digest") << u"powershell"_s << AuthConfig::Type::Digest << false
                                       << u"Credential = [pscredential]::new('ada'"_s;
}

void TestSnippets::liveAuthIsSaid()
{
    QFETCH(QString, target);
    QFETCH(AuthConfig::Type, type);
    QFETCH(bool, warned);
    QFETCH(QString, native);
    Request request = SnippetCases::make(u"GET"_s, u"http://x/"_s);
    request.auth.type = type;
    request.auth.digest = {u"ada"_s, u"pw"_s};
    request.auth.ntlm = {u"ada"_s, u"pw"_s, u"CORP"_s};
    request.auth.aws = {u"AK"_s, u"SK"_s, {}, u"eu-west-1"_s, u"s3"_s};
    request.auth.oauth2.accessToken = u"tok"_s;
    QStringList warnings;
    const QString snippet = Snippets::generate(target, request, &warnings);
    QVERIFY2(snippet.contains(native), qPrintable(snippet));
    QCOMPARE(!warnings.isEmpty(), warned);
}

void TestSnippets::textPartTypeIsSaidWhenLost_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("lost");
    const QStringList lost {
        u"httpie"_s, u"javascript-fetch"_s, u"node-axios"_s, u"php-curl"_s, u"powershell"_s};
    for (const SnippetTarget &target : Snippets::targets()) {
        if (target.id != u"curl" && target.id != u"wget")
            QTest::newRow(qPrintable(target.id)) << target.id << lost.contains(target.id);
    }
}

void TestSnippets::textPartTypeIsSaidWhenLost()
{
    QFETCH(QString, target);
    QFETCH(bool, lost);
    Request request = SnippetCases::make(u"POST"_s, u"http://x/"_s);
    request.body.kind = Body::Kind::Multipart;
    request.body.parts = {{u"meta"_s, u"{}"_s, {}, u"application/json"_s, {}}};
    QStringList warnings;
    const QString snippet = Snippets::generate(target, request, &warnings);
    QCOMPARE(warnings.size(), lost ? 1 : 0);
    // Either the code sends the type, or a comment says it does not.
    QVERIFY2(snippet.contains(u"application/json"_s), qPrintable(snippet));
}

void TestSnippets::unknownTarget()
{
    QVERIFY(Snippets::generate(u"cobol"_s, SnippetCases::make(u"GET"_s, u"http://x/"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestSnippets)
#include "tst_snippets.moc"
