// CurlImport: curl command lines → requests, one row per option and quoting form.
#include "formats/CurlImport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

/// Every field of a request as text, so a failing comparison shows where the requests differ.
QString describe(const Request &r)
{
    QStringList lines;
    lines << u"method="_s + r.method << u"url="_s + r.url;
    for (const KeyValue &p : r.params)
        lines << u"param %1=%2 %3"_s.arg(p.key, p.value).arg(p.enabled);
    for (const KeyValue &h : r.headers)
        lines << u"header %1: %2 %3"_s.arg(h.key, h.value).arg(h.enabled);
    const AuthConfig &a = r.auth;
    lines << u"auth %1 basic=%2:%3 digest=%4:%5 ntlm=%6\\%7:%8 bearer=%9"_s.arg(AuthConfig::typeName(a.type),
        a.basic.username, a.basic.password, a.digest.username, a.digest.password, a.ntlm.domain,
        a.ntlm.username, a.ntlm.password, a.bearer.prefix + u' ' + a.bearer.token);
    lines << u"aws %1 %2 %3 %4 %5"_s.arg(
        a.aws.accessKey, a.aws.secretKey, a.aws.sessionToken, a.aws.region, a.aws.service);
    const Body &b = r.body;
    lines << u"body kind=%1 type=%2 data=%3 file=%4"_s.arg(int(b.kind))
                 .arg(b.contentType, QString::fromUtf8(b.data.toPercentEncoding()), b.filePath);
    for (const KeyValue &f : b.fields)
        lines << u"field %1=%2"_s.arg(f.key, f.value);
    for (const MultipartPart &p : b.parts)
        lines << u"part %1 value=%2 file=%3 type=%4 filename=%5"_s.arg(
            p.name, p.value, p.filePath, p.contentType, p.fileName);
    const RequestSettings &s = r.settings;
    lines << u"settings timeout=%1 follow=%2 max=%3 insecure=%4 http=%5 proxy=%6 %7 %8 %9"_s.arg(s.timeoutMs)
                 .arg(s.followRedirects)
                 .arg(s.maxRedirects)
                 .arg(s.ignoreTlsErrors)
                 .arg(int(s.httpVersion))
                 .arg(int(s.proxy.mode))
                 .arg(s.proxy.url, s.proxy.user, s.proxy.password);
    return lines.join(u'\n');
}

/// A request as the importer makes it for `url` with curl's defaults: no redirect following.
Request request(const QString &method, const QString &url)
{
    Request r;
    r.method = method;
    r.url = url;
    r.settings.followRedirects = false;
    const qsizetype q = url.indexOf(u'?');
    if (q >= 0) {
        for (const QString &pair : url.mid(q + 1).split(u'&')) {
            const qsizetype eq = pair.indexOf(u'=');
            r.params.append({eq < 0 ? pair : pair.left(eq), eq < 0 ? QString() : pair.mid(eq + 1), true});
        }
    }
    return r;
}

Request withHeaders(Request r, const QList<std::pair<QString, QString>> &headers)
{
    for (const auto &[name, value] : headers)
        r.headers.append({name, value, true});
    return r;
}

Request withAuth(Request r, const std::function<void(AuthConfig &)> &set)
{
    set(r.auth);
    return r;
}

Request withRaw(Request r, const QString &type, const QByteArray &data)
{
    r.body = Body {Body::Kind::Raw, type, data};
    return r;
}

Request withForm(Request r, const QList<std::pair<QString, QString>> &fields)
{
    r.body.kind = Body::Kind::FormUrlEncoded;
    for (const auto &[name, value] : fields)
        r.body.fields.append({name, value, true});
    return r;
}

const QString Form = u"application/x-www-form-urlencoded"_s;
const QString X = u"http://x/"_s;

} // namespace

class TestCurlImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imports_data();
    void imports();
    void multipart();
    void files();
    void standardInput();
    void severalRequests();
    void naming();
    void warnings_data();
    void warnings();
    void errors_data();
    void errors();
    void looksLikeCurl_data();
    void looksLikeCurl();
};

void TestCurlImport::imports_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<Request>("expected");

    QTest::newRow("url only, scheme added")
        << u"curl example.com/a"_s << request(u"GET"_s, u"http://example.com/a"_s);
    QTest::newRow("https kept") << u"curl https://example.com"_s
                                << request(u"GET"_s, u"https://example.com"_s);
    QTest::newRow("--url") << u"curl --url http://x/"_s << request(u"GET"_s, X);
    QTest::newRow("query into params")
        << u"curl 'http://x/?a=1&b&c=%20'"_s << request(u"GET"_s, u"http://x/?a=1&b&c=%20"_s);
    QTest::newRow("-X") << u"curl -X DELETE http://x/"_s << request(u"DELETE"_s, X);
    QTest::newRow("-X attached") << u"curl -XPATCH http://x/"_s << request(u"PATCH"_s, X);
    QTest::newRow("--request custom") << u"curl --request PURGE http://x/"_s << request(u"PURGE"_s, X);
    QTest::newRow("-I") << u"curl -I http://x/"_s << request(u"HEAD"_s, X);
    QTest::newRow("--head") << u"curl --head http://x/"_s << request(u"HEAD"_s, X);
    QTest::newRow("-d implies POST, form fields")
        << u"curl http://x/ -d a=1"_s << withForm(request(u"POST"_s, X), {{u"a"_s, u"1"_s}});
    QTest::newRow("several -d joined with &")
        << u"curl http://x/ -d a=1 --data b=2 --data-ascii c=%C3%A9"_s
        << withForm(request(u"POST"_s, X), {{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {u"c"_s, u"é"_s}});
    QTest::newRow("-d that is not exactly a form stays raw")
        << u"curl http://x/ -d 'a=hello world'"_s << withRaw(request(u"POST"_s, X), Form, "a=hello world");
    QTest::newRow("--data-raw keeps @")
        << u"curl http://x/ --data-raw @notafile"_s << withRaw(request(u"POST"_s, X), Form, "@notafile");
    QTest::newRow("--data-binary text")
        << u"curl http://x/ --data-binary '{\"a\":1}'"_s << withRaw(request(u"POST"_s, X), Form, "{\"a\":1}");
    QTest::newRow("-H content type moves to the body")
        << u"curl http://x/ -H 'Content-Type: application/json' -d '{\"a\":1}'"_s
        << withRaw(request(u"POST"_s, X), u"application/json"_s, "{\"a\":1}");
    QTest::newRow("-H content type removed") << u"curl http://x/ -H 'Content-Type:' -d 'text'"_s
                                             << withRaw(request(u"POST"_s, X), QString(), "text");
    QTest::newRow("form with charset keeps its header")
        << u"curl http://x/ -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -d a=1"_s
        << withForm(withHeaders(request(u"POST"_s, X),
                        {{u"Content-Type"_s, u"application/x-www-form-urlencoded; charset=UTF-8"_s}}),
               {{u"a"_s, u"1"_s}});
    QTest::newRow("--json") << u"curl --json '{\"a\":1}' http://x/"_s
                            << withRaw(
                                   withHeaders(request(u"POST"_s, X), {{u"Accept"_s, u"application/json"_s}}),
                                   u"application/json"_s, "{\"a\":1}");
    QTest::newRow("--json pieces concatenated")
        << u"curl --json '{\"a\":' --json '1}' http://x/"_s
        << withRaw(withHeaders(request(u"POST"_s, X), {{u"Accept"_s, u"application/json"_s}}),
               u"application/json"_s, "{\"a\":1}");
    QTest::newRow("--json with own Accept")
        << u"curl --json '[]' -H 'Accept: text/plain' http://x/"_s
        << withRaw(withHeaders(request(u"POST"_s, X), {{u"Accept"_s, u"text/plain"_s}}),
               u"application/json"_s, "[]");
    QTest::newRow("--data-urlencode name=content") << u"curl http://x/ --data-urlencode 'q=a&b'"_s
                                                   << withForm(request(u"POST"_s, X), {{u"q"_s, u"a&b"_s}});
    QTest::newRow("--data-urlencode encodes space as %20")
        << u"curl http://x/ --data-urlencode 'q=a b'"_s << withRaw(request(u"POST"_s, X), Form, "q=a%20b");
    QTest::newRow("--data-urlencode =content")
        << u"curl http://x/ --data-urlencode '=a=b'"_s << withRaw(request(u"POST"_s, X), Form, "a%3Db");
    QTest::newRow("--data-urlencode content")
        << u"curl http://x/ --data-urlencode 'ü'"_s << withRaw(request(u"POST"_s, X), Form, "%C3%BC");
    QTest::newRow("-G moves data to the query")
        << u"curl -G http://x/p?z=0 -d a=1 -d b=2"_s << request(u"GET"_s, u"http://x/p?z=0&a=1&b=2"_s);
    QTest::newRow("--get without query")
        << u"curl --get http://x/ --data-urlencode 'q=a b'"_s << request(u"GET"_s, u"http://x/?q=a%20b"_s);
    QTest::newRow("-G -I is HEAD") << u"curl -G -I http://x/ -d a=1"_s
                                   << request(u"HEAD"_s, u"http://x/?a=1"_s);
    QTest::newRow("-X GET keeps the body")
        << u"curl -X GET http://x/ -d a=1"_s << withForm(request(u"GET"_s, X), {{u"a"_s, u"1"_s}});
    QTest::newRow("--url-query") << u"curl http://x/ --url-query 'a=b c' --url-query '+d=e f'"_s
                                 << request(u"GET"_s, u"http://x/?a=b%20c&d=e f"_s);
    QTest::newRow("-H") << u"curl -H 'Accept: */*' --header 'X-A:1' -H 'X-B:   two words ' http://x/"_s
                        << withHeaders(request(u"GET"_s, X),
                               {{u"Accept"_s, u"*/*"_s}, {u"X-A"_s, u"1"_s}, {u"X-B"_s, u"two words "_s}});
    QTest::newRow("-H value with colons")
        << u"curl -H 'X: a: b:c' http://x/"_s << withHeaders(request(u"GET"_s, X), {{u"X"_s, u"a: b:c"_s}});
    QTest::newRow("-H name; empty value") << u"curl -H 'X-Empty;' http://x/"_s
                                          << withHeaders(request(u"GET"_s, X), {{u"X-Empty"_s, QString()}});
    QTest::newRow("-H repeated names kept")
        << u"curl -H 'A: 1' -H 'a: 2' http://x/"_s
        << withHeaders(request(u"GET"_s, X), {{u"A"_s, u"1"_s}, {u"a"_s, u"2"_s}});
    QTest::newRow("-u basic") << u"curl -u user:pa:ss http://x/"_s
                              << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
                                     a.type = AuthConfig::Type::Basic;
                                     a.basic = {u"user"_s, u"pa:ss"_s};
                                 });
    QTest::newRow("--user without password")
        << u"curl --user me http://x/"_s << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
               a.type = AuthConfig::Type::Basic;
               a.basic = {u"me"_s, QString()};
           });
    QTest::newRow("-u loses to -H Authorization")
        << u"curl -u a:b -H 'Authorization: Bearer t' http://x/"_s
        << withHeaders(request(u"GET"_s, X), {{u"Authorization"_s, u"Bearer t"_s}});
    QTest::newRow("--oauth2-bearer") << u"curl --oauth2-bearer tok http://x/"_s
                                     << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
                                            a.type = AuthConfig::Type::Bearer;
                                            a.bearer.token = u"tok"_s;
                                        });
    QTest::newRow("--digest") << u"curl --digest -u a:b http://x/"_s
                              << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
                                     a.type = AuthConfig::Type::Digest;
                                     a.digest = {u"a"_s, u"b"_s};
                                 });
    QTest::newRow("--digest then --basic")
        << u"curl --digest --basic -u a:b http://x/"_s << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
               a.type = AuthConfig::Type::Basic;
               a.basic = {u"a"_s, u"b"_s};
           });
    QTest::newRow("--ntlm with a domain")
        << u"curl --ntlm -u 'CORP\\me:pw' http://x/"_s << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
               a.type = AuthConfig::Type::Ntlm;
               a.ntlm = {u"me"_s, u"pw"_s, u"CORP"_s};
           });
    QTest::newRow("--aws-sigv4")
        << u"curl --aws-sigv4 aws:amz:eu-west-1:s3 -u K:S -H 'x-amz-security-token: T' http://x/"_s
        << withAuth(request(u"GET"_s, X), [](AuthConfig &a) {
               a.type = AuthConfig::Type::AwsSigV4;
               a.aws = {u"K"_s, u"S"_s, u"T"_s, u"eu-west-1"_s, u"s3"_s};
           });
    QTest::newRow("--negotiate leaves -u out")
        << u"curl --negotiate -u a:b http://x/"_s << request(u"GET"_s, X);
    QTest::newRow("-b cookies") << u"curl -b 'a=1; b=2' --cookie c=3 http://x/"_s
                                << withHeaders(request(u"GET"_s, X), {{u"Cookie"_s, u"a=1; b=2; c=3"_s}});
    QTest::newRow("-b file is not a header") << u"curl -b cookies.txt http://x/"_s << request(u"GET"_s, X);
    QTest::newRow("-A and -e") << u"curl -A 'Agent/1.0' -e 'http://ref/;auto' http://x/"_s
                               << withHeaders(request(u"GET"_s, X),
                                      {{u"User-Agent"_s, u"Agent/1.0"_s}, {u"Referer"_s, u"http://ref/"_s}});
    QTest::newRow("-A loses to -H") << u"curl --user-agent a -H 'User-Agent: b' http://x/"_s
                                    << withHeaders(request(u"GET"_s, X), {{u"User-Agent"_s, u"b"_s}});
    QTest::newRow("--compressed adds nothing") << u"curl --compressed http://x/"_s << request(u"GET"_s, X);

    Request settings = request(u"GET"_s, X);
    settings.settings.ignoreTlsErrors = true;
    settings.settings.followRedirects = true;
    settings.settings.maxRedirects = 3;
    settings.settings.timeoutMs = 2500;
    settings.settings.httpVersion = HttpVersionPolicy::Http1Only;
    QTest::newRow("settings") << u"curl -k -L --max-redirs 3 -m 2.5 --http1.1 http://x/"_s << settings;
    QTest::newRow("settings, long and clustered")
        << u"curl -sSLk --max-time 2.5 --max-redirs 3 --http1.1 http://x/"_s << settings;
    Request insecureOff = request(u"GET"_s, X);
    QTest::newRow("--no- negation") << u"curl -k --no-insecure -L --no-location http://x/"_s << insecureOff;
    Request noTimeout = request(u"GET"_s, X);
    noTimeout.settings.timeoutMs = 0;
    QTest::newRow("-m 0 is no limit") << u"curl -m 0 http://x/"_s << noTimeout;
    Request h2 = request(u"GET"_s, X);
    h2.settings.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
    QTest::newRow("--http2-prior-knowledge") << u"curl --http2-prior-knowledge http://x/"_s << h2;
    Request proxy = request(u"GET"_s, X);
    proxy.settings.proxy = {ProxySettings::Mode::Custom, u"http://proxy:8080"_s, u"u"_s, u"p"_s};
    QTest::newRow("-x and -U") << u"curl -x proxy:8080 -U u:p http://x/"_s << proxy;
    Request socks = request(u"GET"_s, X);
    socks.settings.proxy = {ProxySettings::Mode::Custom, u"socks5://h:1080"_s, {}, {}};
    QTest::newRow("--socks5") << u"curl --socks5 h:1080 http://x/"_s << socks;
    Request direct = request(u"GET"_s, X);
    direct.settings.proxy.mode = ProxySettings::Mode::None;
    QTest::newRow("--noproxy *") << u"curl --noproxy '*' http://x/"_s << direct;

    Request upload = request(u"PUT"_s, X);
    upload.body.kind = Body::Kind::Binary;
    upload.body.filePath = u"file.bin"_s;
    QTest::newRow("-T") << u"curl -T file.bin http://x/"_s << upload;
    Request binary = request(u"POST"_s, X);
    binary.body.kind = Body::Kind::Binary;
    binary.body.filePath = u"photo.jpg"_s;
    binary.body.contentType = u"image/jpeg"_s;
    QTest::newRow("--data-binary @file streams the file")
        << u"curl --data-binary @photo.jpg -H 'content-type: image/jpeg' http://x/"_s << binary;

    QTest::newRow("ANSI-C header") << uR"(curl -H $'X: it\'s\tok' http://x/)"_s
                                   << withHeaders(request(u"GET"_s, X), {{u"X"_s, u"it's\tok"_s}});
    QTest::newRow("ANSI-C body bytes")
        << uR"(curl --data-binary $'\x00\xff' -H 'Content-Type: application/octet-stream' http://x/)"_s
        << withRaw(request(u"POST"_s, X), u"application/octet-stream"_s, QByteArray("\0\xff", 2));
    QTest::newRow("double-quoted escapes") << uR"(curl "http://x/" -d "a=\"b\"&c=\$d")"_s
                                           << withRaw(request(u"POST"_s, X), Form, "a=\"b\"&c=$d");
    QTest::newRow("continuations, Chrome style")
        << u"curl 'http://x/' \\\n  -H 'A: 1' \\\n  --data-raw 'b=2' \\\n  --compressed"_s
        << withForm(withHeaders(request(u"POST"_s, X), {{u"A"_s, u"1"_s}}), {{u"b"_s, u"2"_s}});
    QTest::newRow("Windows continuations")
        << u"curl http://x/ ^\r\n  -H \"A: 1\""_s << withHeaders(request(u"GET"_s, X), {{u"A"_s, u"1"_s}});
    QTest::newRow("shell variables become Sonde variables")
        << u"curl -H \"Authorization: Bearer $TOKEN\" \"${BASE}/items\""_s
        << withHeaders(request(u"GET"_s, u"{{BASE}}/items"_s), {{u"Authorization"_s, u"Bearer {{TOKEN}}"_s}});
    QTest::newRow("prompt and curl.exe") << u"$ curl.exe http://x/"_s << request(u"GET"_s, X);
    QTest::newRow("-- ends the options") << u"curl -- -weird"_s << request(u"GET"_s, u"http://-weird"_s);
    QTest::newRow("output options ignored")
        << u"curl -s -o out.txt -w '%{http_code}' --retry 3 -v -i http://x/"_s << request(u"GET"_s, X);
}

void TestCurlImport::imports()
{
    QFETCH(QString, command);
    QFETCH(Request, expected);
    const ImportResult result = CurlImport::parse(command);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.format, u"curl"_s);
    QCOMPARE(result.collection.requests.size(), 1);
    Request actual = result.collection.requests.first();
    expected.name = actual.name;
    QCOMPARE(describe(actual), describe(expected));
    QVERIFY(actual == expected);
}

void TestCurlImport::multipart()
{
    const ImportResult result = CurlImport::parse(
        uR"(curl http://x/ -F a=1 -F 'f=@dir/file.txt;type=text/plain;filename=x.txt' -F 'q="x;y \"z\"";type=text/csv' --form-string 'l=@not;a=file' -F ' b = 2 ' -F 'g=@"a;b.txt"')"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Request &r = result.collection.requests.first();
    QCOMPARE(r.method, u"POST"_s);
    QCOMPARE(r.body.kind, Body::Kind::Multipart);
    const QList<MultipartPart> expected {
        {u"a"_s, u"1"_s, {}, {}, {}, true},
        {u"f"_s, {}, u"dir/file.txt"_s, u"text/plain"_s, u"x.txt"_s, true},
        {u"q"_s, u"x;y \"z\""_s, {}, u"text/csv"_s, {}, true},
        {u"l"_s, u"@not;a=file"_s, {}, {}, {}, true},
        {u" b "_s, u"2"_s, {}, {}, {}, true},
        {u"g"_s, {}, u"a;b.txt"_s, {}, {}, true},
    };
    QCOMPARE(r.body.parts.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(r.body.parts.at(i).name, expected.at(i).name);
        QCOMPARE(r.body.parts.at(i).value, expected.at(i).value);
        QCOMPARE(r.body.parts.at(i).filePath, expected.at(i).filePath);
        QCOMPARE(r.body.parts.at(i).contentType, expected.at(i).contentType);
        QCOMPARE(r.body.parts.at(i).fileName, expected.at(i).fileName);
    }
    // A multipart/form-data header without a boundary says nothing the body does not.
    const ImportResult typed
        = CurlImport::parse(u"curl -H 'Content-Type: multipart/form-data' -F a=1 http://x/"_s);
    QVERIFY(typed.collection.requests.first().headers.isEmpty());
    QVERIFY(typed.warnings.isEmpty());
}

void TestCurlImport::files()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(u"body.txt"_s, "a=1\r\n&b=2\n");
    write(u"value.txt"_s, "x y");
    write(u"headers.txt"_s, "X-A: 1\nX-B: 2\n");
    write(u"part.txt"_s, "text part");
    write(u"upload.bin"_s, "bytes");
    CurlImportOptions options;
    options.baseDirectory = dir.path();

    ImportResult result = CurlImport::parse(u"curl -d @body.txt http://x/"_s, options);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.first().body.fields,
        (KeyValueList {{u"a"_s, u"1"_s, true}, {u"b"_s, u"2"_s, true}}));

    result = CurlImport::parse(
        u"curl --data-urlencode name@value.txt -H @headers.txt -F 't=<part.txt' http://x/"_s, options);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Request &r = result.collection.requests.first();
    QCOMPARE(r.headers, (KeyValueList {{u"X-A"_s, u"1"_s, true}, {u"X-B"_s, u"2"_s, true}}));
    QCOMPARE(r.body.kind, Body::Kind::Multipart);
    QCOMPARE(r.body.parts.first().value, u"text part"_s);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.first().message.contains(u"-d together with -F"_s),
        qPrintable(result.warnings.first().toString()));

    result = CurlImport::parse(u"curl --data-urlencode name@value.txt http://x/"_s, options);
    QCOMPARE(result.collection.requests.first().body.data, QByteArray("name=x%20y"));

    result = CurlImport::parse(u"curl -T upload.bin -F 'f=@upload.bin' http://x/"_s, options);
    QVERIFY(result.ok());
    QCOMPARE(result.collection.requests.first().body.parts.first().filePath,
        QDir(dir.path()).filePath(u"upload.bin"_s));
    QVERIFY(result.warnings.isEmpty());

    result = CurlImport::parse(u"curl -T /abs/upload.bin http://x/"_s, options);
    QCOMPARE(result.collection.requests.first().body.filePath, u"/abs/upload.bin"_s);
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().toString(),
        u"line 1, column 6: the file “/abs/upload.bin” does not exist yet; the request sends it when it is sent"_s);
}

void TestCurlImport::standardInput()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"in.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n\"a\": 1\n}\n");
    file.close();
    CurlImportOptions options;
    options.baseDirectory = dir.path();
    ImportResult result = CurlImport::parse(u"curl --json @- http://x/ < in.json"_s, options);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.first().body.data, QByteArray("{\n\"a\": 1\n}\n"));
    // A file given as standard input to -T - or --data-binary @- is sent unchanged: streamed, not read now.
    result = CurlImport::parse(u"curl -T - http://x/ < in.json"_s, options);
    QCOMPARE(result.collection.requests.first().method, u"PUT"_s);
    QCOMPARE(result.collection.requests.first().body.kind, Body::Kind::Binary);
    QCOMPARE(result.collection.requests.first().body.filePath, QDir(dir.path()).filePath(u"in.json"_s));
    result = CurlImport::parse(u"curl --data-binary @- http://x/ < missing.bin"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.collection.requests.first().body.kind, Body::Kind::Binary);
    QCOMPARE(result.collection.requests.first().body.filePath, u"missing.bin"_s);
    QCOMPARE(result.warnings.size(), 1);
    result = CurlImport::parse(u"curl -d @- http://x/ <<< 'a=1'"_s);
    QCOMPARE(result.collection.requests.first().body.fields, (KeyValueList {{u"a"_s, u"1"_s, true}}));
    result = CurlImport::parse(
        u"curl -H 'Content-Type: application/json' --data-binary @- http://x/ <<'EOF'\n{\"a\": 1}\nEOF\n"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.collection.requests.first().body.data, QByteArray("{\"a\": 1}\n"));
}

void TestCurlImport::severalRequests()
{
    ImportResult result = CurlImport::parse(
        u"# two\ncurl http://a/\n\ncurl -X POST http://b/ ;echo done && curl http://c/ http://d/ --next -d x=1 http://e/"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QStringList summary;
    for (const Request &r : result.collection.requests)
        summary.append(r.method + u' ' + r.url);
    QCOMPARE(summary,
        (QStringList {u"GET http://a/"_s, u"POST http://b/"_s, u"GET http://c/"_s, u"GET http://d/"_s,
            u"POST http://e/"_s}));
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().toString(),
        u"line 4, column 25: the command “echo” is not curl; it is skipped"_s);
}

void TestCurlImport::naming()
{
    const ImportResult result = CurlImport::parse(
        u"curl https://api.example.com/v1/users?page=2\ncurl -X POST https://api.example.com"_s);
    QCOMPARE(result.collection.requests.at(0).name, u"GET /v1/users"_s);
    QCOMPARE(result.collection.requests.at(1).name, u"POST api.example.com"_s);
}

void TestCurlImport::warnings_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("warnings");
    QTest::newRow("unknown long option")
        << u"curl --frobnicate http://x/"_s
        << QStringList {u"line 1, column 6: unknown option --frobnicate is left out"_s};
    QTest::newRow("unknown short option")
        << u"curl -W http://x/"_s << QStringList {u"line 1, column 6: unknown option -W is left out"_s};
    QTest::newRow("unsupported option")
        << u"curl --resolve x:80:127.0.0.1 http://x/"_s
        << QStringList {u"line 1, column 6: --resolve is not imported: Sonde has no such setting"_s};
    QTest::newRow("client certificate")
        << u"curl --cert c.pem --key c.key http://x/"_s
        << QStringList {
               u"line 1, column 6: --cert is not imported: client certificates are set per host in Settings ▸ Certificates"_s,
               u"line 1, column 19: --key is not imported: client certificates are set per host in Settings ▸ Certificates"_s};
    QTest::newRow("negotiate")
        << u"curl --negotiate -u a:b http://x/"_s
        << QStringList {
               u"line 1, column 6: --negotiate authentication is not imported: Sonde has no such scheme"_s};
    QTest::newRow("aws-sigv4 without a region")
        << u"curl --aws-sigv4 aws -u k:s http://x/"_s
        << QStringList {
               u"line 1, column 29: --aws-sigv4 names no region or service (curl takes them from the host): fill them in"_s};
    QTest::newRow("cookie file")
        << u"curl -b jar.txt http://x/"_s
        << QStringList {
               u"line 1, column 6: cookies from the file “jar.txt” are not imported; Sonde keeps cookies in the workspace's cookie jar"_s};
    QTest::newRow("variable") << u"curl $HOST"_s
                              << QStringList {u"$HOST is not expanded: it became the variable {{HOST}}"_s};
    QTest::newRow("http3")
        << u"curl --http3 http://x/"_s
        << QStringList {
               u"line 1, column 6: HTTP/3 is not available: the request lets Sonde choose the version"_s};
    QTest::newRow("missing -F file")
        << u"curl -F f=@nope.bin http://x/"_s
        << QStringList {
               u"line 1, column 6: the file “nope.bin” does not exist yet; the request sends it when it is sent"_s};
}

void TestCurlImport::warnings()
{
    QFETCH(QString, command);
    QFETCH(QStringList, warnings);
    const ImportResult result = CurlImport::parse(command);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QStringList actual;
    for (const ImportMessage &warning : result.warnings)
        actual.append(warning.toString());
    QCOMPARE(actual, warnings);
}

void TestCurlImport::errors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("no URL") << u"curl -X POST"_s << u"line 1, column 1: the curl command has no URL"_s;
    QTest::newRow("option without value")
        << u"curl http://x/ \\\n  -H"_s << u"line 2, column 3: the option -H needs a value"_s;
    QTest::newRow("long option without value")
        << u"curl http://x/ --data"_s << u"line 1, column 16: the option --data needs a value"_s;
    QTest::newRow("open quote") << u"curl 'http://x/"_s
                                << u"line 1, column 6: the single quote opened here is never closed"_s;
    QTest::newRow("not curl") << u"wget http://x/"_s << u"no curl command found"_s;
    QTest::newRow("empty") << QString() << u"no curl command found"_s;
    QTest::newRow("unreadable -d file")
        << u"curl -d @/nonexistent/body.txt http://x/"_s
        << u"line 1, column 6: cannot read the file “/nonexistent/body.txt” given to -d: No such file or directory"_s;
    QTest::newRow("stdin without input")
        << u"curl --data-binary @- http://x/"_s
        << u"line 1, column 6: --data-binary reads standard input, and the command gives it none (no < file, <<< or here-document)"_s;
    QTest::newRow("form part without =")
        << u"curl -F novalue http://x/"_s
        << u"line 1, column 6: the form part “novalue” has no '=': write name=value or name=@file"_s;
    QTest::newRow("second command broken")
        << u"curl http://x/\ncurl -H"_s << u"line 2, column 6: the option -H needs a value"_s;
}

void TestCurlImport::errors()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    const ImportResult result = CurlImport::parse(command);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.toString(), error);
    QVERIFY(result.collection.requests.isEmpty());
}

void TestCurlImport::looksLikeCurl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("curl");
    QTest::newRow("curl") << u"curl http://x/"_s << true;
    QTest::newRow("after comments") << u"\n# get it\n\ncurl \\\n http://x/"_s << true;
    QTest::newRow("prompt") << u"$ curl http://x/"_s << true;
    QTest::newRow("json") << u"{\"log\": {}}"_s << false;
    QTest::newRow("curly word") << u"curlew"_s << false;
}

void TestCurlImport::looksLikeCurl()
{
    QFETCH(QString, text);
    QFETCH(bool, curl);
    QCOMPARE(CurlImport::looksLikeCurl(text), curl);
}

QTEST_GUILESS_MAIN(TestCurlImport)
#include "tst_curlimport.moc"
