#include "auth/AuthConfig.h"
#include "model/Folder.h"
#include "model/QueryParams.h"
#include "storage/WorkspaceFormat.h"
#include "template/RequestLocator.h"
#include "template/TemplateResolver.h"

#include <QFile>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::AuthConfig)
Q_DECLARE_METATYPE(Sonde::Request)
Q_DECLARE_METATYPE(QList<Sonde::AuthConfig>)

namespace {

QString goldenDir()
{
    return QStringLiteral(SONDE_TEST_DATA_DIR "/auth");
}

QByteArray readGolden(const QString &name)
{
    QFile file(goldenDir() + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

AuthConfig ofType(AuthConfig::Type type)
{
    AuthConfig auth;
    auth.type = type;
    return auth;
}

AuthConfig bearer(const QString &token)
{
    AuthConfig auth = ofType(AuthConfig::Type::Bearer);
    auth.bearer.token = token;
    return auth;
}

Request request(const QString &name, const QString &method, const QString &url, const AuthConfig &auth)
{
    Request r;
    r.name = name;
    r.method = method;
    r.url = url;
    r.params = QueryParams::parse(url);
    r.auth = auth;
    return r;
}

/// The requests the golden files in tests/data/auth hold.
QList<std::pair<QString, Request>> goldenCases()
{
    using Type = AuthConfig::Type;
    QList<std::pair<QString, Request>> list;
    list.append({QStringLiteral("none.yaml"),
        request(QStringLiteral("Public status"), QStringLiteral("GET"), QStringLiteral("{{base}}/status"),
            ofType(Type::None))});

    AuthConfig basic = ofType(Type::Basic);
    basic.basic = {QStringLiteral("José"), QStringLiteral("{{basicPassword}}")};
    list.append({QStringLiteral("basic.yaml"),
        request(
            QStringLiteral("Basic"), QStringLiteral("GET"), QStringLiteral("{{base}}/basic-auth"), basic)});

    AuthConfig token = bearer(QStringLiteral("{{token}}"));
    token.bearer.prefix = QStringLiteral("Token");
    Request me = request(QStringLiteral("Bearer with its own word"), QStringLiteral("GET"),
        QStringLiteral("{{base}}/me"), token);
    me.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json")}};
    list.append({QStringLiteral("bearer.yaml"), me});

    AuthConfig headerKey = ofType(Type::ApiKey);
    headerKey.apiKey = {QStringLiteral("X-Api-Key"), QStringLiteral("{{apiKey}}"), ApiKey::Location::Header};
    list.append({QStringLiteral("apikey-header.yaml"),
        request(QStringLiteral("API key in a header"), QStringLiteral("GET"),
            QStringLiteral("{{base}}/reports"), headerKey)});
    AuthConfig queryKey = ofType(Type::ApiKey);
    queryKey.apiKey = {QStringLiteral("api_key"), QStringLiteral("{{apiKey}}"), ApiKey::Location::Query};
    list.append({QStringLiteral("apikey-query.yaml"),
        request(QStringLiteral("API key in the query"), QStringLiteral("GET"),
            QStringLiteral("{{base}}/search?q=sonde"), queryKey)});

    AuthConfig digest = ofType(Type::Digest);
    digest.digest = {QStringLiteral("Mufasa"), QStringLiteral("{{digestPassword}}")};
    list.append({QStringLiteral("digest.yaml"),
        request(QStringLiteral("Digest"), QStringLiteral("GET"), QStringLiteral("{{base}}/digest"), digest)});

    AuthConfig ntlm = ofType(Type::Ntlm);
    ntlm.ntlm = {QStringLiteral("ada"), QStringLiteral("{{ntlmPassword}}"), QStringLiteral("EXAMPLE")};
    list.append({QStringLiteral("ntlm.yaml"),
        request(QStringLiteral("Intranet"), QStringLiteral("GET"),
            QStringLiteral("http://intranet.example.test/"), ntlm)});

    AuthConfig aws = ofType(Type::AwsSigV4);
    aws.aws = {QStringLiteral("{{awsAccessKey}}"), QStringLiteral("{{awsSecretKey}}"),
        QStringLiteral("{{awsSessionToken}}"), QStringLiteral("eu-west-1"), QStringLiteral("s3")};
    list.append({QStringLiteral("awsv4.yaml"),
        request(QStringLiteral("List buckets"), QStringLiteral("GET"),
            QStringLiteral("https://s3.eu-west-1.amazonaws.com/"), aws)});

    AuthConfig code = ofType(Type::OAuth2);
    OAuth2 &o = code.oauth2;
    o.grant = OAuth2::Grant::AuthorizationCode;
    o.authUrl = QStringLiteral("https://id.example.test/authorize");
    o.tokenUrl = QStringLiteral("https://id.example.test/token");
    o.clientId = QStringLiteral("sonde-desktop");
    o.clientSecret = QStringLiteral("{{clientSecret}}");
    o.scope = QStringLiteral("openid profile");
    o.audience = QStringLiteral("https://api.example.test");
    o.resource = QStringLiteral("https://api.example.test/v2");
    o.pkce = OAuth2::Pkce::Plain;
    o.redirectPort = 8765;
    o.redirectPath = QStringLiteral("/oauth/done");
    o.clientAuth = OAuth2::ClientAuth::Post;
    o.extraParams = {{QStringLiteral("prompt"), QStringLiteral("consent")},
        {QStringLiteral("login_hint"), QStringLiteral("ada@example.test"), false}};
    o.headerPrefix = QStringLiteral("DPoP");
    o.accessToken = QStringLiteral("{{accessToken}}");
    list.append({QStringLiteral("oauth2-code.yaml"),
        request(
            QStringLiteral("Profile"), QStringLiteral("GET"), QStringLiteral("{{base}}/userinfo"), code)});

    AuthConfig machine = ofType(Type::OAuth2);
    machine.oauth2.grant = OAuth2::Grant::ClientCredentials;
    machine.oauth2.tokenUrl = QStringLiteral("https://id.example.test/token");
    machine.oauth2.clientId = QStringLiteral("worker");
    machine.oauth2.clientSecret = QStringLiteral("{{workerSecret}}");
    machine.oauth2.accessToken = QStringLiteral("{{workerToken}}");
    list.append({QStringLiteral("oauth2-client-credentials.yaml"),
        request(QStringLiteral("Machine to machine"), QStringLiteral("POST"), QStringLiteral("{{base}}/jobs"),
            machine)});

    AuthConfig legacy = ofType(Type::OAuth2);
    legacy.oauth2.grant = OAuth2::Grant::Password;
    legacy.oauth2.tokenUrl = QStringLiteral("https://id.example.test/token");
    legacy.oauth2.clientId = QStringLiteral("legacy");
    legacy.oauth2.pkce = OAuth2::Pkce::None;
    legacy.oauth2.username = QStringLiteral("ada");
    legacy.oauth2.password = QStringLiteral("{{adaPassword}}");
    legacy.oauth2.accessToken = QStringLiteral("{{legacyToken}}");
    list.append({QStringLiteral("oauth2-password.yaml"),
        request(QStringLiteral("Legacy login"), QStringLiteral("GET"), QStringLiteral("{{base}}/legacy"),
            legacy)});

    AuthConfig device = ofType(Type::OAuth2);
    device.oauth2.grant = OAuth2::Grant::DeviceCode;
    device.oauth2.tokenUrl = QStringLiteral("https://id.example.test/token");
    device.oauth2.deviceAuthUrl = QStringLiteral("https://id.example.test/device");
    device.oauth2.clientId = QStringLiteral("tv");
    device.oauth2.scope = QStringLiteral("offline_access");
    device.oauth2.accessToken = QStringLiteral("{{tvToken}}");
    list.append({QStringLiteral("oauth2-device.yaml"),
        request(QStringLiteral("TV login"), QStringLiteral("GET"), QStringLiteral("{{base}}/tv"), device)});

    AuthConfig refresh = ofType(Type::OAuth2);
    refresh.oauth2.grant = OAuth2::Grant::RefreshToken;
    refresh.oauth2.issuer = QStringLiteral("https://id.example.test");
    refresh.oauth2.tokenUrl = QStringLiteral("https://id.example.test/token");
    refresh.oauth2.clientId = QStringLiteral("reports");
    refresh.oauth2.clientSecret = QStringLiteral("{{reportsSecret}}");
    refresh.oauth2.refreshToken = QStringLiteral("{{reportsRefreshToken}}");
    list.append({QStringLiteral("oauth2-refresh.yaml"),
        request(QStringLiteral("Nightly job"), QStringLiteral("GET"), QStringLiteral("{{base}}/reports"),
            refresh)});
    return list;
}

Folder folder(const QString &name, const AuthConfig &auth)
{
    Folder f;
    f.name = name;
    f.auth = auth;
    return f;
}

} // namespace

namespace QTest {
template<> char *toString(const AuthConfig::Type &type)
{
    return qstrdup(qPrintable(AuthConfig::typeName(type)));
}
} // namespace QTest

class TestAuthConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void typeNames();
    void inheritance_data();
    void inheritance();
    void withInheritedAuthForSending();
    void resolvesTheActiveTypeOnly();
    void secrets_data();
    void secrets();
    void goldenRequests_data();
    void goldenRequests();
    void goldenFolder();
    void defaultsAreNotWritten();
    void inactiveFieldsAreNotWritten();
    void malformed_data();
    void malformed();
    void unknownKeysWarn();
};

void TestAuthConfig::defaults()
{
    QCOMPARE(Request().auth.type, AuthConfig::Type::Inherit);
    QCOMPARE(Folder().auth.type, AuthConfig::Type::Inherit);
    // A collection has nothing above it: inheriting there is None.
    QCOMPARE(effectiveAuth(AuthConfig(), {}).type, AuthConfig::Type::None);
    QCOMPARE(AuthConfig().bearer.prefix, QStringLiteral("Bearer"));
    QCOMPARE(AuthConfig().oauth2.pkce, OAuth2::Pkce::S256);
    QCOMPARE(AuthConfig().oauth2.clientAuth, OAuth2::ClientAuth::Basic);
}

void TestAuthConfig::typeNames()
{
    using Type = AuthConfig::Type;
    for (Type type : {Type::Inherit, Type::None, Type::Basic, Type::Bearer, Type::ApiKey, Type::Digest,
             Type::Ntlm, Type::AwsSigV4, Type::OAuth2}) {
        Type read = Type::Inherit;
        QVERIFY(AuthConfig::typeFromName(AuthConfig::typeName(type), &read));
        QCOMPARE(read, type);
        QVERIFY(AuthConfig::typeFromName(AuthConfig::typeName(type).toUpper(), &read));
    }
    AuthConfig::Type unknown = Type::Basic;
    QVERIFY(!AuthConfig::typeFromName(QStringLiteral("kerberos"), &unknown));
    QCOMPARE(unknown, Type::Basic);
}

void TestAuthConfig::inheritance_data()
{
    using Type = AuthConfig::Type;
    QTest::addColumn<AuthConfig>("own");
    QTest::addColumn<QList<AuthConfig>>("folders"); // the folders' auth, collection first
    QTest::addColumn<AuthConfig>("expected");

    const AuthConfig inherit;
    const AuthConfig none = ofType(Type::None);
    const AuthConfig collectionToken = bearer(QStringLiteral("collection"));
    const AuthConfig folderToken = bearer(QStringLiteral("folder"));
    AuthConfig own = ofType(Type::Basic);
    own.basic = {QStringLiteral("ada"), QStringLiteral("pw")};
    using Chain = QList<AuthConfig>;

    QTest::newRow("own wins") << own << Chain {collectionToken} << own;
    QTest::newRow("own None wins") << none << Chain {collectionToken} << none;
    QTest::newRow("from the collection") << inherit << Chain {collectionToken} << collectionToken;
    QTest::newRow("inner folder first") << inherit << Chain {collectionToken, folderToken} << folderToken;
    QTest::newRow("through inheriting folders")
        << inherit << Chain {collectionToken, inherit, inherit} << collectionToken;
    QTest::newRow("a folder's None stops it") << inherit << Chain {collectionToken, none} << none;
    QTest::newRow("nothing anywhere") << inherit << Chain {inherit} << none;
    QTest::newRow("no folders") << inherit << Chain {} << none;
}

void TestAuthConfig::inheritance()
{
    QFETCH(AuthConfig, own);
    QFETCH(QList<AuthConfig>, folders);
    QFETCH(AuthConfig, expected);
    QList<Folder> tree;
    for (const AuthConfig &auth : std::as_const(folders))
        tree.append(folder(QStringLiteral("f%1").arg(tree.size()), auth));
    QList<const Folder *> chain;
    for (const Folder &f : std::as_const(tree))
        chain.append(&f);
    QCOMPARE(effectiveAuth(own, chain), expected);
}

void TestAuthConfig::withInheritedAuthForSending()
{
    Folder collection = folder(QStringLiteral("API"), bearer(QStringLiteral("{{token}}")));
    collection.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json")}};
    Request r
        = request(QStringLiteral("r"), QStringLiteral("GET"), QStringLiteral("{{base}}/x"), AuthConfig());
    const QList<const Folder *> chain {&collection};
    const Request sent = withInheritedAuth(withFolderHeaders(r, chain), chain);
    QCOMPARE(sent.auth, collection.auth);
    QCOMPARE(sent.headers.size(), 1);

    // Then the variables: the inherited token is resolved like the rest of the request.
    const TemplateResolver resolver({{QStringLiteral("environment"),
        {{QStringLiteral("token"), QStringLiteral("t0k3n")},
            {QStringLiteral("base"), QStringLiteral("http://127.0.0.1")}}}});
    const ResolvedRequest resolved = resolveRequest(sent, resolver);
    QVERIFY(resolved.unresolved.isEmpty());
    QCOMPARE(resolved.request.auth.bearer.token, QStringLiteral("t0k3n"));
}

void TestAuthConfig::resolvesTheActiveTypeOnly()
{
    AuthConfig auth = ofType(AuthConfig::Type::AwsSigV4);
    auth.aws = {QStringLiteral("{{key}}"), QStringLiteral("{{secret}}"), QString(),
        QStringLiteral("{{region}}"), QStringLiteral("s3")};
    // What the user typed for another type stays, and is not resolved (or reported) while unused.
    auth.basic.password = QStringLiteral("{{neverDefined}}");
    Request r = request(QStringLiteral("r"), QStringLiteral("GET"), QStringLiteral("http://h/"), auth);
    const TemplateResolver resolver({{QStringLiteral("env"),
        {{QStringLiteral("key"), QStringLiteral("AKID")},
            {QStringLiteral("secret"), QStringLiteral("s3cr3t")}}}});
    const ResolvedRequest resolved = resolveRequest(r, resolver);
    QCOMPARE(resolved.request.auth.aws.accessKey, QStringLiteral("AKID"));
    QCOMPARE(resolved.request.auth.aws.secretKey, QStringLiteral("s3cr3t"));
    QCOMPARE(resolved.request.auth.basic.password, QStringLiteral("{{neverDefined}}"));
    QCOMPARE(resolved.unresolved, QStringList {QStringLiteral("region")});
}

void TestAuthConfig::secrets_data()
{
    using Type = AuthConfig::Type;
    QTest::addColumn<AuthConfig>("auth");
    QTest::addColumn<QStringList>("secrets");

    AuthConfig basic = ofType(Type::Basic);
    basic.basic = {QStringLiteral("ada"), QStringLiteral("pw-basic")};
    QTest::newRow("basic") << basic << QStringList {QStringLiteral("pw-basic")};
    QTest::newRow("bearer") << bearer(QStringLiteral("tok")) << QStringList {QStringLiteral("tok")};
    AuthConfig key = ofType(Type::ApiKey);
    key.apiKey = {QStringLiteral("X-Key"), QStringLiteral("k3y"), ApiKey::Location::Query};
    QTest::newRow("api key") << key << QStringList {QStringLiteral("k3y")};
    AuthConfig aws = ofType(Type::AwsSigV4);
    aws.aws = {QStringLiteral("AKID"), QStringLiteral("secret"), QStringLiteral("session"),
        QStringLiteral("r"), QStringLiteral("s")};
    QTest::newRow("aws") << aws << QStringList {QStringLiteral("secret"), QStringLiteral("session")};
    AuthConfig oauth = ofType(Type::OAuth2);
    oauth.oauth2.clientSecret = QStringLiteral("client-secret-1");
    oauth.oauth2.password = QStringLiteral("owner-password-2");
    oauth.oauth2.refreshToken = QStringLiteral("refresh-token-4");
    oauth.oauth2.accessToken = QStringLiteral("access-token-3");
    QTest::newRow("oauth2") << oauth
                            << QStringList {QStringLiteral("client-secret-1"),
                                   QStringLiteral("owner-password-2"), QStringLiteral("refresh-token-4"),
                                   QStringLiteral("access-token-3")};
    QTest::newRow("none") << ofType(Type::None) << QStringList {};
}

void TestAuthConfig::secrets()
{
    QFETCH(AuthConfig, auth);
    QFETCH(QStringList, secrets);
    QCOMPARE(auth.secretValues(), secrets);
    const AuthConfig scrubbed = auth.withoutSecrets();
    QCOMPARE(scrubbed.type, auth.type);
    QVERIFY(scrubbed.secretValues().isEmpty());
    const QByteArray yaml = WorkspaceFormat::requestToYaml(
        request(QStringLiteral("r"), QStringLiteral("GET"), QStringLiteral("http://h/"), scrubbed));
    for (const QString &secret : std::as_const(secrets))
        QVERIFY2(!yaml.contains(secret.toUtf8()), yaml.constData());
}

void TestAuthConfig::goldenRequests_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Request>("expected");
    for (const auto &[file, expected] : goldenCases())
        QTest::newRow(qPrintable(file)) << file << expected;
}

void TestAuthConfig::goldenRequests()
{
    QFETCH(QString, file);
    QFETCH(Request, expected);
    const QByteArray golden = readGolden(file);
    QVERIFY2(!golden.isEmpty(), qPrintable(file));
    FormatProblem problem;
    FormatProblems warnings;
    const std::optional<Request> read = WorkspaceFormat::requestFromYaml(golden, &problem, &warnings);
    QVERIFY2(read, qPrintable(problem.toString()));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.value(0).toString()));
    QCOMPARE(read->auth, expected.auth);
    QVERIFY(*read == expected);
    QCOMPARE(WorkspaceFormat::requestToYaml(expected), golden);
}

void TestAuthConfig::goldenFolder()
{
    const QByteArray golden = readGolden(QStringLiteral("folder.yaml"));
    Folder expected = folder(QStringLiteral("Admin"), bearer(QStringLiteral("{{adminToken}}")));
    expected.headers = {{QStringLiteral("X-Admin"), QStringLiteral("yes")}};
    expected.variables = {{QStringLiteral("adminToken"), QString(), true, true}};
    Folder read;
    FormatProblem problem;
    QVERIFY2(WorkspaceFormat::folderFromYaml(golden, &read, &problem), qPrintable(problem.toString()));
    QCOMPARE(read.name, expected.name);
    QCOMPARE(read.headers, expected.headers);
    QCOMPARE(read.variables, expected.variables);
    QCOMPARE(read.auth, expected.auth);
    QCOMPARE(WorkspaceFormat::folderToYaml(expected), golden);

    // Reading a folder file again forgets an auth the file no longer has.
    QVERIFY(WorkspaceFormat::folderFromYaml("name: Admin\n", &read, &problem));
    QCOMPARE(read.auth.type, AuthConfig::Type::Inherit);
}

void TestAuthConfig::defaultsAreNotWritten()
{
    const QByteArray requestYaml = WorkspaceFormat::requestToYaml(
        request(QStringLiteral("r"), QStringLiteral("GET"), QStringLiteral("http://h/"), AuthConfig()));
    QVERIFY(!requestYaml.contains("auth"));
    QVERIFY(!WorkspaceFormat::folderToYaml(folder(QStringLiteral("f"), AuthConfig())).contains("auth"));
    // An explicit Inherit reads back as the default.
    FormatProblem problem;
    const std::optional<Request> read = WorkspaceFormat::requestFromYaml(
        "name: r\nmethod: GET\nurl: http://h/\nauth:\n  type: inherit\n", &problem);
    QVERIFY(read);
    QCOMPARE(read->auth, AuthConfig());
}

void TestAuthConfig::inactiveFieldsAreNotWritten()
{
    AuthConfig auth = bearer(QStringLiteral("{{token}}"));
    auth.basic = {QStringLiteral("ada"), QStringLiteral("typed before switching")};
    const QByteArray yaml = WorkspaceFormat::requestToYaml(
        request(QStringLiteral("r"), QStringLiteral("GET"), QStringLiteral("http://h/"), auth));
    QVERIFY(!yaml.contains("typed before switching"));
    QVERIFY(yaml.contains("auth:\n  type: bearer\n  token: \"{{token}}\"\n"));
}

void TestAuthConfig::malformed_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray head = "name: r\nmethod: GET\nurl: http://h/\n";
    QTest::newRow("unknown type") << head + "auth:\n  type: kerberos\n"
                                  << 5 << QStringLiteral("Unknown auth type “kerberos”");
    QTest::newRow("no type") << head + "auth:\n  token: x\n" << 5 << QStringLiteral("“auth” needs a “type”");
    QTest::newRow("not a mapping") << head + "auth: basic\n"
                                   << 4 << QStringLiteral("“auth” must be a mapping");
    QTest::newRow("bad grant") << head + "auth:\n  type: oauth2\n  grant: magic\n"
                               << 6
                               << QStringLiteral(
                                      "“grant” must be one of authorization_code, client_credentials");
    QTest::newRow("bad location") << head + "auth:\n  type: apikey\n  name: k\n  in: cookie\n"
                                  << 7 << QStringLiteral("“in” must be one of header, query, not “cookie”");
    QTest::newRow("port out of range")
        << head + "auth:\n  type: oauth2\n  redirectPort: 70000\n"
        << 6 << QStringLiteral("“redirectPort” must be a whole number from 0 to 65535");
    QTest::newRow("password not text") << head + "auth:\n  type: basic\n  password: [a]\n"
                                       << 6 << QStringLiteral("“password” must be text");
}

void TestAuthConfig::malformed()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, message);
    FormatProblem problem;
    QVERIFY(!WorkspaceFormat::requestFromYaml(yaml, &problem));
    QVERIFY2(problem.message.startsWith(message), qPrintable(problem.message));
    QCOMPARE(problem.line, line);
}

void TestAuthConfig::unknownKeysWarn()
{
    FormatProblem problem;
    FormatProblems warnings;
    const std::optional<Request> read = WorkspaceFormat::requestFromYaml(
        "name: r\nmethod: GET\nurl: http://h/\nauth:\n  type: bearer\n  token: t\n  username: ada\n",
        &problem, &warnings);
    QVERIFY(read);
    QCOMPARE(read->auth.bearer.token, QStringLiteral("t"));
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().line, 7);
    QVERIFY2(warnings.first().message.contains(QStringLiteral("“username” in the bearer auth")),
        qPrintable(warnings.first().message));
}

QTEST_GUILESS_MAIN(TestAuthConfig)
#include "tst_authconfig.moc"
