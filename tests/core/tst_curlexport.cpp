// CurlExport: requests → curl commands. Golden files (tests/data/curl-export/*.sh) pin the text;
// the round trip through CurlImport pins the meaning. `SONDE_REGENERATE=1 tst_curlexport golden`
// rewrites the golden files.
#include "formats/CurlExport.h"
#include "formats/CurlImport.h"
#include "http/RequestBuilder.h"
#include "model/QueryParams.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

QString describe(const Request &r)
{
    QStringList lines;
    lines << u"method="_s + r.method << u"url="_s + r.url;
    for (const KeyValue &p : r.params)
        lines << u"param %1=%2"_s.arg(p.key, p.value);
    for (const KeyValue &h : r.headers)
        lines << u"header %1: %2"_s.arg(h.key, h.value);
    const AuthConfig &a = r.auth;
    lines << u"auth %1 basic=%2:%3 digest=%4:%5 ntlm=%6\\%7:%8 bearer=%9"_s.arg(AuthConfig::typeName(a.type),
        a.basic.username, a.basic.password, a.digest.username, a.digest.password, a.ntlm.domain,
        a.ntlm.username, a.ntlm.password, a.bearer.prefix + u' ' + a.bearer.token);
    lines << u"aws %1 %2 %3 %4 %5"_s.arg(
        a.aws.accessKey, a.aws.secretKey, a.aws.sessionToken, a.aws.region, a.aws.service);
    const Body &b = r.body;
    lines << u"body kind=%1 type=%2 data=%3 file=%4"_s.arg(int(b.kind))
                 .arg(b.contentType, QString::fromLatin1(b.data.toPercentEncoding()), b.filePath);
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

Request make(
    const QString &method, const QString &url, const QList<std::pair<QString, QString>> &headers = {})
{
    Request r;
    r.method = method;
    r.url = url;
    r.params = QueryParams::parse(url);
    for (const auto &[name, value] : headers)
        r.headers.append({name, value, true});
    return r;
}

Request withAuth(Request r, const std::function<void(AuthConfig &)> &set)
{
    set(r.auth);
    return r;
}

Request withBody(Request r, Body body)
{
    r.body = std::move(body);
    return r;
}

Body raw(const QString &type, const QByteArray &data)
{
    return Body {Body::Kind::Raw, type, data};
}

Body form(const KeyValueList &fields)
{
    Body body;
    body.kind = Body::Kind::FormUrlEncoded;
    body.fields = fields;
    return body;
}

Body multipart(const QList<MultipartPart> &parts)
{
    Body body;
    body.kind = Body::Kind::Multipart;
    body.parts = parts;
    return body;
}

Body binary(const QString &path, const QString &type)
{
    Body body;
    body.kind = Body::Kind::Binary;
    body.filePath = path;
    body.contentType = type;
    return body;
}

Body graphql(bool useGet)
{
    Body body;
    body.kind = Body::Kind::GraphQL;
    body.graphqlQuery = u"query Q($id: ID!) { user(id: $id) { name } }"_s;
    body.graphqlVariables = u"{\"id\": \"42\"}"_s;
    body.graphqlOperationName = u"Q"_s;
    body.graphqlUseGet = useGet;
    return body;
}

Request settingsRequest()
{
    Request r = make(u"GET"_s, u"https://x/"_s);
    r.settings.followRedirects = false;
    r.settings.maxRedirects = 3;
    r.settings.timeoutMs = 1500;
    r.settings.ignoreTlsErrors = true;
    r.settings.httpVersion = HttpVersionPolicy::Http1Only;
    r.settings.proxy = {ProxySettings::Mode::Custom, u"http://proxy:3128"_s, u"me"_s, u"{{proxyPassword}}"_s};
    return r;
}

/// The requests of the round trip and golden tests, by name.
QList<std::pair<QString, Request>> requests()
{
    QList<std::pair<QString, Request>> list;
    list.append({u"get"_s,
        make(u"GET"_s, u"https://api.example.com/users?page=2&q=a%20b"_s,
            {{u"Accept"_s, u"application/json"_s}})});
    list.append({u"get-with-variables"_s,
        make(u"GET"_s, u"{{base}}/users/{{id}}"_s, {{u"Authorization"_s, u"Bearer {{token}}"_s}})});
    list.append({u"head"_s, make(u"HEAD"_s, u"http://x/"_s)});
    list.append({u"custom-method"_s, make(u"PURGE"_s, u"http://x/cache"_s)});
    list.append({u"header-empty-and-quotes"_s,
        make(u"GET"_s, u"http://x/"_s,
            {{u"X-Empty"_s, QString()}, {u"X-Quote"_s, u"it's \"quoted\" $HOME `x`"_s},
                {u"X-Tab"_s, u"a\tb"_s}})});
    list.append({u"json-post"_s,
        withBody(make(u"POST"_s, u"https://x/items"_s),
            raw(u"application/json"_s, "{\"name\": \"Zo\xc3\xab's\", \"tags\": [\"a\", \"b\"]}"))});
    list.append({u"raw-put-text"_s,
        withBody(make(u"PUT"_s, u"http://x/doc"_s),
            raw(u"text/plain; charset=utf-8"_s, "line 1\nline 2 'quoted'\n"))});
    list.append({u"raw-no-type"_s, withBody(make(u"POST"_s, u"http://x/"_s), raw(QString(), "plain"))});
    list.append({u"raw-form-type-not-a-form"_s,
        withBody(
            make(u"POST"_s, u"http://x/"_s), raw(u"application/x-www-form-urlencoded"_s, "a=hello world"))});
    list.append({u"raw-binary-bytes"_s,
        withBody(
            make(u"POST"_s, u"http://x/"_s), raw(u"application/octet-stream"_s, "\x89PNG\r\n\x1a\n\xff"))});
    list.append(
        {u"raw-get"_s, withBody(make(u"GET"_s, u"http://x/search"_s), raw(u"application/json"_s, "{}"))});
    list.append(
        {u"raw-delete"_s, withBody(make(u"DELETE"_s, u"http://x/a"_s), raw(u"application/json"_s, "[1]"))});
    list.append({u"form"_s,
        withBody(make(u"POST"_s, u"http://x/login"_s),
            form({{u"user"_s, u"zoë & co"_s, true}, {u"pass"_s, u"a=b+c"_s, true},
                {u"empty"_s, QString(), true}}))});
    list.append({u"form-charset-header"_s,
        withBody(make(u"PATCH"_s, u"http://x/"_s,
                     {{u"Content-Type"_s, u"application/x-www-form-urlencoded; charset=UTF-8"_s}}),
            form({{u"a"_s, u"1"_s, true}}))});
    list.append({u"multipart"_s,
        withBody(make(u"POST"_s, u"http://x/upload"_s),
            multipart({{u"title"_s, u"Holiday"_s, {}, {}, {}, true},
                {u"photo"_s, {}, u"/home/me/Pictures/beach 1.jpg"_s, u"image/jpeg"_s, u"beach.jpg"_s, true},
                {u"doc"_s, {}, u"/tmp/a;b,c.txt"_s, {}, {}, true},
                {u"meta"_s, u"{\"a\": \"x;y\"}"_s, {}, u"application/json"_s, {}, true},
                {u"at"_s, u"@not-a-file"_s, {}, {}, {}, true}, {u"semi"_s, u"a;type=b"_s, {}, {}, {}, true},
                {u"spaces"_s, u" padded "_s, {}, {}, {}, true}}))});
    list.append({u"binary-upload"_s,
        withBody(make(u"PUT"_s, u"http://x/files/a.bin"_s), binary(u"/data/a b.bin"_s, QString()))});
    list.append({u"binary-post-upload"_s,
        withBody(make(u"POST"_s, u"http://x/"_s), binary(u"/data/a.bin"_s, QString()))});
    list.append({u"binary-typed"_s,
        withBody(make(u"POST"_s, u"http://x/"_s), binary(u"/data/photo.png"_s, u"image/png"_s))});
    list.append({u"settings"_s, settingsRequest()});
    Request h2 = make(u"GET"_s, u"https://x/"_s);
    h2.settings.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
    h2.settings.timeoutMs = 0;
    list.append({u"http2-no-timeout"_s, h2});
    Request noFollow = make(u"GET"_s, u"https://x/"_s);
    noFollow.settings.followRedirects = false;
    list.append({u"no-follow"_s, noFollow});
    Request direct = make(u"GET"_s, u"https://x/"_s);
    direct.settings.proxy.mode = ProxySettings::Mode::None;
    list.append({u"no-proxy"_s, direct});
    list.append({u"auth-basic"_s, withAuth(make(u"GET"_s, u"https://x/"_s), [](AuthConfig &a) {
                     a.type = AuthConfig::Type::Basic;
                     a.basic = {u"me"_s, u"{{password}}"_s};
                 })});
    list.append({u"auth-digest"_s, withAuth(make(u"GET"_s, u"https://x/"_s), [](AuthConfig &a) {
                     a.type = AuthConfig::Type::Digest;
                     a.digest = {u"me"_s, u"p:w d"_s};
                 })});
    list.append({u"auth-ntlm"_s, withAuth(make(u"GET"_s, u"https://x/"_s), [](AuthConfig &a) {
                     a.type = AuthConfig::Type::Ntlm;
                     a.ntlm = {u"me"_s, u"pw"_s, u"CORP"_s};
                 })});
    list.append(
        {u"auth-aws-sigv4"_s, withAuth(make(u"GET"_s, u"https://s3.amazonaws.com/b"_s), [](AuthConfig &a) {
             a.type = AuthConfig::Type::AwsSigV4;
             a.aws = {u"AKID"_s, u"{{secret}}"_s, u"tok"_s, u"eu-west-1"_s, u"s3"_s};
         })});
    list.append({u"auth-bearer"_s, withAuth(make(u"GET"_s, u"https://x/"_s), [](AuthConfig &a) {
                     a.type = AuthConfig::Type::Bearer;
                     a.bearer.token = u"{{token}}"_s;
                 })});
    return list;
}

/// What a request reads back as: curl knows no GraphQL, so that body comes back as what is sent.
Request expectedAfterRoundTrip(const Request &r)
{
    if (r.body.kind != Body::Kind::GraphQL)
        return r;
    Request expected = r;
    QString problem;
    const QByteArray json = RequestBuilder::graphqlJson(r.body, &problem);
    if (!r.body.graphqlUseGet) {
        expected.method = u"POST"_s;
        expected.body = raw(u"application/json"_s, json);
        return expected;
    }
    expected.method = u"GET"_s;
    expected.body = Body();
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QStringList query;
    for (const QString &key : {u"query"_s, u"variables"_s, u"operationName"_s}) {
        const QJsonValue value = object.value(key);
        const QString text = value.isString()
            ? value.toString()
            : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        query.append(key + u'=' + QString::fromLatin1(RequestBuilder::formEncode(text)));
    }
    expected.url = r.url + (r.url.contains(u'?') ? u'&' : u'?') + query.join(u'&');
    expected.params = QueryParams::parse(expected.url);
    return expected;
}

bool regenerate()
{
    return qEnvironmentVariableIntValue("SONDE_REGENERATE") == 1;
}

} // namespace

class TestCurlExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void golden_data();
    void golden();
    void disabledRowsAreLeftOut();
    void warnings();
};

void TestCurlExport::roundTrip_data()
{
    QTest::addColumn<Request>("request");
    QTest::addColumn<bool>("multiline");
    for (const auto &[name, request] : requests()) {
        QTest::newRow(qPrintable(name)) << request << false;
        QTest::newRow(qPrintable(name + u" multiline"_s)) << request << true;
    }
    Request post = make(u"POST"_s, u"https://x/graphql"_s);
    QTest::newRow("graphql post") << withBody(post, graphql(false)) << false;
    QTest::newRow("graphql get") << withBody(make(u"GET"_s, u"https://x/graphql?v=1"_s), graphql(true))
                                 << true;
}

void TestCurlExport::roundTrip()
{
    QFETCH(Request, request);
    QFETCH(bool, multiline);
    const QString command = CurlExport::toCommand(request, {multiline});
    const ImportResult result = CurlImport::parse(command);
    QVERIFY2(result.ok(), qPrintable(result.error.toString() + u"\n"_s + command));
    QCOMPARE(result.collection.requests.size(), 1);
    Request back = result.collection.requests.first();
    Request expected = expectedAfterRoundTrip(request);
    back.name = expected.name;
    QVERIFY2(describe(back) == describe(expected),
        qPrintable(
            command + u"\n--- got:\n"_s + describe(back) + u"\n--- expected:\n"_s + describe(expected)));
    QVERIFY(back == expected);
    if (!multiline)
        QVERIFY(!command.contains(u'\n'));
}

void TestCurlExport::golden_data()
{
    QTest::addColumn<Request>("request");
    QTest::addColumn<QString>("file");
    for (const auto &[name, request] : requests())
        QTest::newRow(qPrintable(name)) << request << name;
    QTest::newRow("graphql") << withBody(make(u"POST"_s, u"https://x/graphql"_s), graphql(false))
                             << u"graphql"_s;
}

void TestCurlExport::golden()
{
    QFETCH(Request, request);
    QFETCH(QString, file);
    // One line and multi-line forms, separated by an empty line.
    const QString text
        = CurlExport::toCommand(request) + u"\n\n"_s + CurlExport::toCommand(request, {true}) + u'\n';
    QFile golden(QStringLiteral(SONDE_TEST_DATA_DIR "/curl-export/") + file + u".sh"_s);
    if (regenerate()) {
        QVERIFY(golden.open(QIODevice::WriteOnly | QIODevice::Truncate));
        golden.write(text.toUtf8());
        return;
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
    QCOMPARE(text, QString::fromUtf8(golden.readAll()));
}

void TestCurlExport::disabledRowsAreLeftOut()
{
    Request r = make(u"POST"_s, u"http://x/"_s, {{u"A"_s, u"1"_s}});
    r.headers.append({u"B"_s, u"2"_s, false});
    r.body = form({{u"a"_s, u"1"_s, true}, {u"b"_s, u"2"_s, false}});
    QCOMPARE(CurlExport::toCommand(r), u"curl http://x/ -H 'A: 1' --data-raw a=1 -L"_s);
}

void TestCurlExport::warnings()
{
    Request r = withBody(
        make(u"POST"_s, u"http://x/"_s), raw(u"application/octet-stream"_s, QByteArray("a\0b", 3)));
    r.settings.sendCookies = false;
    r.settings.proxy.mode = ProxySettings::Mode::System;
    QStringList warnings;
    CurlExport::toCommand(r, {}, &warnings);
    QCOMPARE(warnings,
        (QStringList {
            u"the body holds a byte 0, which a command line cannot carry: curl sends the body up to it"_s,
            u"the system proxy is not written: curl uses the proxy of the environment by itself"_s,
            u"the request does not use the cookie jar; curl has none unless told, so nothing is written"_s}));
}

QTEST_GUILESS_MAIN(TestCurlExport)
#include "tst_curlexport.moc"
