// OAuth 2.0 flows against scripted loopback providers: token endpoint errors in words (never a hang),
// client authentication, PKCE, the loopback redirect's state and issuer checks, cancel, device polling
// with slow_down, OIDC discovery, and secrets kept out of the log.
#include "RecordingLauncher.h"
#include "ScriptedServer.h"
#include "auth/BrowserLauncher.h"
#include "auth/OAuth2Flow.h"
#include "auth/OidcDiscovery.h"
#include "auth/Pkce.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Sonde;
using namespace Qt::Literals::StringLiterals;
using SondeTest::RecordingLauncher;

namespace {

constexpr int WaitMs = 20000;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray jsonResponse(int status, const QJsonObject &object)
{
    return ScriptedServer::response(status, json(object), {{"Content-Type", "application/json"}});
}

QByteArray tokenBody()
{
    return jsonResponse(200,
        {{"access_token", "AT-secret-value"}, {"token_type", "Bearer"}, {"expires_in", 3600},
            {"refresh_token", "RT-secret-value"}, {"scope", "read"}});
}

OAuth2 clientCredentials(const ScriptedServer &server)
{
    OAuth2 config;
    config.grant = OAuth2::Grant::ClientCredentials;
    config.tokenUrl = server.url(QStringLiteral("/token")).toString();
    config.clientId = QStringLiteral("my client");
    config.clientSecret = QStringLiteral("s3cr:t&");
    config.scope = QStringLiteral("read write");
    return config;
}

QUrlQuery bodyForm(const QByteArray &body)
{
    QUrlQuery form;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        form.addQueryItem(
            QUrl::fromPercentEncoding(pair.left(equals)), QUrl::fromPercentEncoding(pair.mid(equals + 1)));
    }
    return form;
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

/// GETs `url` like a browser following the provider's redirect; returns the HTTP status.
int browse(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(WaitMs);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

class TestOAuth2Flow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pkceRfc7636Vector();
    void pkceVerifierShape();
    void tokenErrors_data();
    void tokenErrors();
    void connectionDropped();
    void clientAuthentication_data();
    void clientAuthentication();
    void passwordAndRefresh();
    void authorizationCodeWithPkce_data();
    void authorizationCodeWithPkce();
    void callbackRejected_data();
    void callbackRejected();
    void cancelClosesListener();
    void deviceSlowDown();
    void deviceEnds_data();
    void deviceEnds();
    void discovery_data();
    void discovery();

private:
    QNetworkAccessManager m_network;
};

void TestOAuth2Flow::pkceRfc7636Vector()
{
    // RFC 7636 appendix B.
    const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    QCOMPARE(Pkce::challenge(verifier, OAuth2::Pkce::S256),
        QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    QCOMPARE(Pkce::challenge(verifier, OAuth2::Pkce::Plain), verifier);
    QCOMPARE(Pkce::methodName(OAuth2::Pkce::S256), QStringLiteral("S256"));
    QCOMPARE(Pkce::methodName(OAuth2::Pkce::Plain), QStringLiteral("plain"));
}

void TestOAuth2Flow::pkceVerifierShape()
{
    const QString verifier = Pkce::makeVerifier();
    QCOMPARE(verifier.size(), 43);
    for (const QChar c : verifier)
        QVERIFY2(c.isLetterOrNumber() || c == u'-' || c == u'_', qPrintable(verifier));
    QVERIFY(Pkce::makeVerifier() != verifier);
}

void TestOAuth2Flow::tokenErrors_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("invalid_client with description")
        << jsonResponse(401,
               {{"error", "invalid_client"}, {"error_description", "client authentication failed"},
                   {"error_uri", "https://example.com/errors/client"}})
        << QStringList {u"could not be authenticated"_s, u"invalid_client"_s,
               u"client authentication failed"_s, u"https://example.com/errors/client"_s};
    QTest::newRow("unknown error code")
        << jsonResponse(400, {{"error", "weird_thing"}}) << QStringList {u"“weird_thing”"_s};
    QTest::newRow("500 with HTML") << ScriptedServer::response(
        500, "<html>Internal trouble</html>", {{"Content-Type", "text/html"}})
                                   << QStringList {u"HTTP 500"_s, u"Internal trouble"_s};
    QTest::newRow("200 not JSON") << ScriptedServer::response(
        200, "access_token=abc", {{"Content-Type", "text/plain"}})
                                  << QStringList {u"not a JSON object"_s};
    QTest::newRow("200 without access_token")
        << jsonResponse(200, {{"token_type", "Bearer"}}) << QStringList {u"no access_token"_s};
}

void TestOAuth2Flow::tokenErrors()
{
    QFETCH(QByteArray, response);
    QFETCH(QStringList, expected);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(response);
    OAuth2Flow flow(&m_network);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    flow.start(clientCredentials(server));
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    for (const QString &part : expected)
        QVERIFY2(message.contains(part), qPrintable(message));
    QCOMPARE(succeeded.count(), 0);
    QVERIFY(!flow.isRunning());
}

void TestOAuth2Flow::connectionDropped()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(tokenBody());
    server.setCloseAfterBytes(0);
    OAuth2Flow flow(&m_network);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(clientCredentials(server));
    QVERIFY(failed.wait(WaitMs));
    QVERIFY2(
        failed.first().first().toString().contains(u"failed"), qPrintable(failed.first().first().toString()));
}

void TestOAuth2Flow::clientAuthentication_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("client_secret_basic") << int(OAuth2::ClientAuth::Basic);
    QTest::newRow("client_secret_post") << int(OAuth2::ClientAuth::Post);
}

void TestOAuth2Flow::clientAuthentication()
{
    QFETCH(int, method);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(tokenBody());
    OAuth2 config = clientCredentials(server);
    config.clientAuth = OAuth2::ClientAuth(method);
    config.audience = QStringLiteral("https://api.example.com");
    config.resource = QStringLiteral("https://api.example.com/v1");
    config.extraParams = {{QStringLiteral("tenant"), QStringLiteral("a b")},
        {QStringLiteral("off"), QStringLiteral("x"), false}};
    OAuth2Flow flow(&m_network);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    flow.start(config);
    QVERIFY(succeeded.wait(WaitMs));
    const auto token = succeeded.first().first().value<TokenResponse>();
    QCOMPARE(token.accessToken, QStringLiteral("AT-secret-value"));
    QCOMPARE(token.refreshToken, QStringLiteral("RT-secret-value"));
    QCOMPARE(token.expiresIn, 3600);
    QVERIFY(token.expiresAt >= before.addSecs(3600));

    const QUrlQuery form = bodyForm(server.lastRequestBody());
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"client_credentials"_s);
    QCOMPARE(form.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"read write"_s);
    QCOMPARE(form.queryItemValue(u"audience"_s, QUrl::FullyDecoded), config.audience);
    QCOMPARE(form.queryItemValue(u"resource"_s, QUrl::FullyDecoded), config.resource);
    QCOMPARE(form.queryItemValue(u"tenant"_s, QUrl::FullyDecoded), u"a b"_s);
    QVERIFY(!form.hasQueryItem(u"off"_s));
    const QByteArray authorization = headerValue(server.lastRequestHead(), "Authorization");
    if (OAuth2::ClientAuth(method) == OAuth2::ClientAuth::Basic) {
        // RFC 6749 §2.3.1: id and secret form-encoded before Base64.
        QCOMPARE(authorization, "Basic " + QByteArray("my%20client:s3cr%3At%26").toBase64());
        QVERIFY(!form.hasQueryItem(u"client_secret"_s));
    } else {
        QVERIFY(authorization.isEmpty());
        QCOMPARE(form.queryItemValue(u"client_id"_s, QUrl::FullyDecoded), u"my client"_s);
        QCOMPARE(form.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded), u"s3cr:t&"_s);
    }
    // The log shows every step, but no secret.
    QStringList steps;
    for (const OAuthLogEntry &entry : flow.log()) {
        steps.append(entry.step);
        QVERIFY2(!entry.detail.contains(u"s3cr:t&") && !entry.detail.contains(u"AT-secret-value")
                && !entry.detail.contains(u"RT-secret-value"),
            qPrintable(entry.detail));
    }
    QCOMPARE(steps, (QStringList {u"Token request (client credentials)"_s, u"Token response"_s}));
}

void TestOAuth2Flow::passwordAndRefresh()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(tokenBody());
    OAuth2 config = clientCredentials(server);
    config.grant = OAuth2::Grant::Password;
    config.username = QStringLiteral("alice");
    config.password = QStringLiteral("pa ss");
    OAuth2Flow flow(&m_network);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    flow.start(config);
    QVERIFY(succeeded.wait(WaitMs));
    QUrlQuery form = bodyForm(server.lastRequestBody());
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"password"_s);
    QCOMPARE(form.queryItemValue(u"username"_s), u"alice"_s);
    QCOMPARE(form.queryItemValue(u"password"_s, QUrl::FullyDecoded), u"pa ss"_s);
    QVERIFY(!flow.log().first().detail.contains(u"pa ss"));

    flow.refresh(config, QStringLiteral("RT-secret-value"));
    QVERIFY(succeeded.wait(WaitMs));
    form = bodyForm(server.lastRequestBody());
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"refresh_token"_s);
    QCOMPARE(form.queryItemValue(u"refresh_token"_s), u"RT-secret-value"_s);
    QCOMPARE(flow.log().first().step, u"Refresh request"_s);
    QVERIFY(!flow.log().first().detail.contains(u"RT-secret-value"));
}

void TestOAuth2Flow::authorizationCodeWithPkce_data()
{
    QTest::addColumn<int>("pkce");
    QTest::newRow("S256") << int(OAuth2::Pkce::S256);
    QTest::newRow("plain") << int(OAuth2::Pkce::Plain);
    QTest::newRow("none") << int(OAuth2::Pkce::None);
}

void TestOAuth2Flow::authorizationCodeWithPkce()
{
    QFETCH(int, pkce);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(tokenBody());
    OAuth2 config;
    config.grant = OAuth2::Grant::AuthorizationCode;
    config.authUrl = server.url(QStringLiteral("/authorize?prompt=login")).toString();
    config.tokenUrl = server.url(QStringLiteral("/token")).toString();
    config.clientId = QStringLiteral("native");
    config.scope = QStringLiteral("openid a+b");
    config.pkce = OAuth2::Pkce(pkce);
    config.redirectPath = QStringLiteral("/cb");
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(QStringLiteral("https://issuer.example"));
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    flow.start(config);
    QVERIFY(flow.isRunning());
    QVERIFY(launcher.opened.isValid());
    const QUrlQuery query(launcher.opened);
    QCOMPARE(query.queryItemValue(u"prompt"_s), u"login"_s);
    QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
    QCOMPARE(query.queryItemValue(u"client_id"_s), u"native"_s);
    QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"openid a+b"_s);
    const QString redirect = query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
    QVERIFY2(redirect.startsWith(u"http://127.0.0.1:") && redirect.endsWith(u"/cb"), qPrintable(redirect));
    QCOMPARE(redirect, flow.redirectUri());
    const QString state = query.queryItemValue(u"state"_s);
    QVERIFY(!state.isEmpty());
    const QString challenge = query.queryItemValue(u"code_challenge"_s);
    QCOMPARE(query.hasQueryItem(u"code_challenge_method"_s), OAuth2::Pkce(pkce) != OAuth2::Pkce::None);

    QUrl callback(redirect);
    callback.setQuery(u"code=the%2Bcode&state="_s + state + u"&iss=https%3A%2F%2Fissuer.example"_s);
    QCOMPARE(browse(m_network, callback), 200);
    QVERIFY(succeeded.wait(WaitMs));
    const QUrlQuery form = bodyForm(server.lastRequestBody());
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"authorization_code"_s);
    QCOMPARE(form.queryItemValue(u"code"_s, QUrl::FullyDecoded), u"the+code"_s);
    QCOMPARE(form.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), redirect);
    QCOMPARE(form.queryItemValue(u"client_id"_s), u"native"_s);
    const QString verifier = form.queryItemValue(u"code_verifier"_s);
    QCOMPARE(Pkce::challenge(verifier, OAuth2::Pkce(pkce)), challenge);
    // The listener is closed after the callback.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, callback.port());
    QVERIFY(!probe.waitForConnected(WaitMs));
    QStringList steps;
    for (const OAuthLogEntry &entry : flow.log()) {
        steps.append(entry.step);
        // With plain PKCE the challenge sent in the authorization URL is the verifier itself.
        const bool verifierPublic
            = OAuth2::Pkce(pkce) == OAuth2::Pkce::Plain && entry.step == u"Authorization URL opened";
        QVERIFY2(!entry.detail.contains(u"the+code") && !entry.detail.contains(u"the%2Bcode")
                && (verifier.isEmpty() || verifierPublic || !entry.detail.contains(verifier)),
            qPrintable(entry.detail));
    }
    QCOMPARE(steps,
        (QStringList {u"Listening for the redirect"_s, u"Authorization URL opened"_s, u"Callback received"_s,
            u"Token request (authorization code)"_s, u"Token response"_s}));
}

void TestOAuth2Flow::callbackRejected_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("state mismatch") << u"code=abc&state=forged"_s << u"state does not match"_s;
    QTest::newRow("no state") << u"code=abc"_s << u"state does not match"_s;
    QTest::newRow("issuer mismatch") << u"code=abc&state=STATE&iss=https%3A%2F%2Fevil.example"_s
                                     << u"https://evil.example"_s;
    QTest::newRow("provider error") << u"error=access_denied&error_description=End-User+aborted&state=STATE"_s
                                    << u"denied the request (access_denied): End-User aborted"_s;
}

void TestOAuth2Flow::callbackRejected()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    ScriptedServer server;
    QVERIFY(server.listen());
    OAuth2 config;
    config.authUrl = server.url(QStringLiteral("/authorize")).toString();
    config.tokenUrl = server.url(QStringLiteral("/token")).toString();
    config.clientId = QStringLiteral("native");
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(QStringLiteral("https://issuer.example"));
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    const QString state = QUrlQuery(launcher.opened).queryItemValue(u"state"_s);
    QUrl callback(flow.redirectUri());
    callback.setQuery(QString(query).replace(u"STATE"_s, state));
    QCOMPARE(browse(m_network, callback), 400);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(
        failed.first().first().toString().contains(expected), qPrintable(failed.first().first().toString()));
    QCOMPARE(server.requestCount(), 0);
}

void TestOAuth2Flow::cancelClosesListener()
{
    OAuth2 config;
    config.authUrl = QStringLiteral("http://127.0.0.1:9/authorize");
    config.tokenUrl = QStringLiteral("http://127.0.0.1:9/token");
    config.clientId = QStringLiteral("native");
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QUrl callback(flow.redirectUri());
    // A stray request (the browser's favicon) is answered 404 and does not end the wait.
    QCOMPARE(browse(m_network, callback.resolved(QUrl(u"/favicon.ico"_s))), 404);
    QCOMPARE(failed.count(), 0);
    flow.cancel();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(u"cancelled"));
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, callback.port());
    QVERIFY(!probe.waitForConnected(WaitMs));
}

void TestOAuth2Flow::deviceSlowDown()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponses(
        {jsonResponse(200,
             {{"device_code", "DC-secret"}, {"user_code", "ABCD-EFGH"},
                 {"verification_uri", "https://id.example/device"},
                 {"verification_uri_complete", "https://id.example/device?user_code=ABCD-EFGH"},
                 {"expires_in", 600}, {"interval", 1}}),
            jsonResponse(400, {{"error", "authorization_pending"}}),
            jsonResponse(400, {{"error", "slow_down"}}),
            jsonResponse(400, {{"error", "authorization_pending"}}), tokenBody()});
    OAuth2 config;
    config.grant = OAuth2::Grant::DeviceCode;
    config.deviceAuthUrl = server.url(QStringLiteral("/device/auth")).toString();
    config.tokenUrl = server.url(QStringLiteral("/token")).toString();
    config.clientId = QStringLiteral("tv");
    config.scope = QStringLiteral("openid");
    OAuth2Flow flow(&m_network);
    flow.setDeviceClockUnit(5);
    QSignalSpy ready(&flow, &OAuth2Flow::deviceAuthorizationReady);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    flow.start(config);
    QVERIFY(succeeded.wait(WaitMs));
    QCOMPARE(ready.count(), 1);
    const auto device = ready.first().first().value<DeviceAuthorization>();
    QCOMPARE(device.userCode, u"ABCD-EFGH"_s);
    QCOMPARE(device.verificationUriComplete, u"https://id.example/device?user_code=ABCD-EFGH"_s);
    QCOMPARE(flow.pollCount(), 4);
    QCOMPARE(flow.pollInterval(), 6);
    QCOMPARE(server.requestCount(), 5);
    const QUrlQuery form = bodyForm(server.lastRequestBody());
    QCOMPARE(form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded),
        u"urn:ietf:params:oauth:grant-type:device_code"_s);
    QCOMPARE(form.queryItemValue(u"device_code"_s), u"DC-secret"_s);
    for (const OAuthLogEntry &entry : flow.log())
        QVERIFY2(!entry.detail.contains(u"DC-secret"), qPrintable(entry.detail));
}

void TestOAuth2Flow::deviceEnds_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("expiresIn");
    QTest::addColumn<QString>("expected");
    QTest::newRow("access_denied") << jsonResponse(400, {{"error", "access_denied"}}) << 600 << u"denied"_s;
    QTest::newRow("expired_token") << jsonResponse(400, {{"error", "expired_token"}}) << 600 << u"expired"_s;
    // Pending forever: the flow stops by itself once expires_in has passed.
    QTest::newRow("expiry while pending") << jsonResponse(400, {{"error", "authorization_pending"}}) << 3
                                          << u"expired before the user approved"_s;
}

void TestOAuth2Flow::deviceEnds()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, expiresIn);
    QFETCH(QString, expected);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.queueResponse(jsonResponse(200,
        {{"device_code", "DC"}, {"user_code", "U"}, {"verification_uri", "https://id.example/device"},
            {"expires_in", expiresIn}, {"interval", 1}}));
    server.setResponse(answer);
    OAuth2 config;
    config.grant = OAuth2::Grant::DeviceCode;
    config.deviceAuthUrl = server.url(QStringLiteral("/device/auth")).toString();
    config.tokenUrl = server.url(QStringLiteral("/token")).toString();
    config.clientId = QStringLiteral("tv");
    OAuth2Flow flow(&m_network);
    flow.setDeviceClockUnit(5);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QVERIFY(failed.wait(WaitMs));
    QVERIFY2(
        failed.first().first().toString().contains(expected), qPrintable(failed.first().first().toString()));
    QVERIFY(!flow.isRunning());
}

void TestOAuth2Flow::discovery_data()
{
    QTest::addColumn<bool>("sameIssuer");
    QTest::addColumn<int>("status");
    QTest::newRow("ok") << true << 200;
    QTest::newRow("other issuer") << false << 200;
    QTest::newRow("404") << true << 404;
}

void TestOAuth2Flow::discovery()
{
    QFETCH(bool, sameIssuer);
    QFETCH(int, status);
    ScriptedServer server;
    QVERIFY(server.listen());
    const QString issuer = server.url(QStringLiteral("/realm")).toString();
    server.setResponse(jsonResponse(status,
        QJsonObject {{"issuer", sameIssuer ? issuer : u"https://other.example"_s},
            {"authorization_endpoint", QString(issuer + u"/auth")},
            {"token_endpoint", QString(issuer + u"/token")},
            {"device_authorization_endpoint", QString(issuer + u"/device/auth")}}));
    OidcDiscovery discovery(&m_network);
    QSignalSpy finished(&discovery, &OidcDiscovery::finished);
    QSignalSpy failed(&discovery, &OidcDiscovery::failed);
    discovery.start(issuer + u'/');
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, WaitMs);
    QVERIFY(server.lastRequestHead().startsWith("GET /realm/.well-known/openid-configuration "));
    if (!sameIssuer || status != 200) {
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(
            sameIssuer ? u"HTTP 404"_s : u"https://other.example"_s));
        return;
    }
    const auto configuration = finished.first().first().value<OidcConfiguration>();
    const OAuth2 config = configuration.appliedTo(OAuth2 {});
    QCOMPARE(config.authUrl, issuer + u"/auth");
    QCOMPARE(config.tokenUrl, issuer + u"/token");
    QCOMPARE(config.deviceAuthUrl, issuer + u"/device/auth");
}

QTEST_GUILESS_MAIN(TestOAuth2Flow)
#include "tst_oauth2flow.moc"
