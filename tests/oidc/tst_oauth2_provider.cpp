// OAuth 2.0 flows against a real OpenID provider (oidc-provider 8.8.1 under Node.js, see provider.mjs):
// discovery, client credentials with both client authentication methods, a wrong secret, authorization
// code with PKCE through a scripted browser and the loopback redirect, cancel at the login page,
// refresh, and the device flow approved through the provider's /device pages.
#include "OidcTestProvider.h"
#include "RecordingLauncher.h"
#include "auth/BrowserLauncher.h"
#include "auth/OAuth2Flow.h"
#include "auth/OidcDiscovery.h"
#include "auth/Pkce.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Sonde;
using namespace Qt::Literals::StringLiterals;
using SondeTest::RecordingLauncher;

namespace {

constexpr int WaitMs = 30000;

} // namespace

class TestOAuth2Provider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discovery();
    void clientCredentials_data();
    void clientCredentials();
    void wrongSecret();
    void authorizationCodeAndRefresh_data();
    void authorizationCodeAndRefresh();
    void cancelAtLogin();
    void tamperedAuthorizationRequestRejected_data();
    void tamperedAuthorizationRequestRejected();
    void deviceCode();
    void implicitFormPost();
    void refreshTokenGrant();

private:
    OAuth2 withEndpoints(OAuth2::Grant grant, const QString &clientId) const;

    QNetworkAccessManager m_network;
    SondeTest::OidcTestProvider m_provider;
    OidcConfiguration m_endpoints;
};

void TestOAuth2Provider::initTestCase()
{
    const QString directory = QStringLiteral(SONDE_OIDC_DIR);
    if (const QString why = SondeTest::OidcTestProvider::unavailable(directory); !why.isEmpty())
        QSKIP(qPrintable(why));
    QString error;
    QVERIFY2(m_provider.start(directory, &error), qPrintable(error));
}

OAuth2 TestOAuth2Provider::withEndpoints(OAuth2::Grant grant, const QString &clientId) const
{
    OAuth2 config;
    config.grant = grant;
    config.clientId = clientId;
    return m_endpoints.appliedTo(config);
}

void TestOAuth2Provider::discovery()
{
    OidcDiscovery discovery(&m_network);
    QSignalSpy finished(&discovery, &OidcDiscovery::finished);
    QSignalSpy failed(&discovery, &OidcDiscovery::failed);
    discovery.start(m_provider.issuer());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    m_endpoints = finished.first().first().value<OidcConfiguration>();
    QCOMPARE(m_endpoints.issuer, m_provider.issuer());
    QCOMPARE(m_endpoints.authorizationEndpoint, m_provider.issuer() + u"/auth");
    QCOMPARE(m_endpoints.tokenEndpoint, m_provider.issuer() + u"/token");
    QCOMPARE(m_endpoints.deviceAuthorizationEndpoint, m_provider.issuer() + u"/device/auth");
}

void TestOAuth2Provider::clientCredentials_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("method");
    QTest::newRow("client_secret_basic")
        << u"sonde-service"_s << u"service-secret"_s << int(OAuth2::ClientAuth::Basic);
    QTest::newRow("client_secret_post")
        << u"sonde-service-post"_s << u"post-secret"_s << int(OAuth2::ClientAuth::Post);
}

void TestOAuth2Provider::clientCredentials()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(int, method);
    OAuth2 config = withEndpoints(OAuth2::Grant::ClientCredentials, clientId);
    config.clientSecret = secret;
    config.clientAuth = OAuth2::ClientAuth(method);
    config.scope = QStringLiteral("api:read");
    OAuth2Flow flow(&m_network);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const auto token = succeeded.first().first().value<TokenResponse>();
    QCOMPARE(token.accessToken.count(u'.'), 2); // a JWT, see provider.mjs
    QCOMPARE(token.tokenType, u"Bearer"_s);
    QCOMPARE(token.expiresIn, 600);
    QCOMPARE(token.scope, u"api:read"_s);
}

void TestOAuth2Provider::wrongSecret()
{
    OAuth2 config = withEndpoints(OAuth2::Grant::ClientCredentials, u"sonde-service"_s);
    config.clientSecret = QStringLiteral("not the secret");
    OAuth2Flow flow(&m_network);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(u"could not be authenticated") && message.contains(u"invalid_client")
            && message.contains(u"client authentication failed"),
        qPrintable(message));
}

void TestOAuth2Provider::authorizationCodeAndRefresh_data()
{
    QTest::addColumn<int>("pkce");
    QTest::newRow("S256") << int(OAuth2::Pkce::S256);
    QTest::newRow("plain") << int(OAuth2::Pkce::Plain);
}

void TestOAuth2Provider::authorizationCodeAndRefresh()
{
    QFETCH(int, pkce);
    OAuth2 config = withEndpoints(OAuth2::Grant::AuthorizationCode, u"sonde-native"_s);
    config.scope = QStringLiteral("openid");
    config.pkce = OAuth2::Pkce(pkce);
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(m_endpoints.issuer);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QVERIFY2(launcher.opened.isValid(), qPrintable(failed.value(0).value(0).toString()));

    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(launcher.opened, flow.redirectUri(), &status);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString() + u'\n' + trace));
    QCOMPARE(status, 200);
    const auto token = succeeded.first().first().value<TokenResponse>();
    QVERIFY(!token.accessToken.isEmpty());
    QCOMPARE(token.idToken.count(u'.'), 2);
    QVERIFY(!token.refreshToken.isEmpty());

    flow.refresh(config, token.refreshToken);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 2, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const auto refreshed = succeeded.last().first().value<TokenResponse>();
    QVERIFY(!refreshed.accessToken.isEmpty());
    QVERIFY(refreshed.accessToken != token.accessToken);

    // An old refresh token is rotated away for public clients: it no longer works, and says so.
    flow.refresh(config, token.refreshToken);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
    QVERIFY2(failed.first().first().toString().contains(u"invalid_grant"),
        qPrintable(failed.first().first().toString()));
}

void TestOAuth2Provider::tamperedAuthorizationRequestRejected_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    // A challenge made from another verifier: the provider refuses the flow's verifier.
    QTest::newRow("wrong PKCE verifier")
        << u"code_challenge"_s << Pkce::challenge(Pkce::makeVerifier(), OAuth2::Pkce::S256)
        << u"invalid_grant"_s;
    // The redirect comes back with a state the flow did not send: the flow refuses the code.
    QTest::newRow("state mismatch") << u"state"_s << u"forged-state"_s << u"state does not match"_s;
}

void TestOAuth2Provider::tamperedAuthorizationRequestRejected()
{
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    OAuth2 config = withEndpoints(OAuth2::Grant::AuthorizationCode, u"sonde-native"_s);
    config.scope = QStringLiteral("openid");
    config.pkce = OAuth2::Pkce::S256;
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(m_endpoints.issuer);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QVERIFY2(launcher.opened.isValid(), qPrintable(failed.value(0).value(0).toString()));

    QUrl url = launcher.opened;
    QUrlQuery query(url);
    QVERIFY(query.hasQueryItem(parameter));
    query.removeQueryItem(parameter);
    query.addQueryItem(parameter, value);
    url.setQuery(query);
    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(url, flow.redirectUri(), &status);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(succeeded.isEmpty(), qPrintable(trace));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message + u'\n' + trace));
}

void TestOAuth2Provider::cancelAtLogin()
{
    OAuth2 config = withEndpoints(OAuth2::Grant::AuthorizationCode, u"sonde-native"_s);
    config.scope = QStringLiteral("openid");
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(m_endpoints.issuer);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    SondeTest::ScriptedBrowser browser;
    browser.setCancelAtLogin(true);
    int status = 0;
    const QString trace = browser.visit(launcher.opened, flow.redirectUri(), &status);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(u"access_denied") && message.contains(u"End-User aborted interaction"),
        qPrintable(message + u'\n' + trace));
    QCOMPARE(status, 400);
}

void TestOAuth2Provider::deviceCode()
{
    OAuth2 config = withEndpoints(OAuth2::Grant::DeviceCode, u"sonde-device"_s);
    config.scope = QStringLiteral("openid");
    OAuth2Flow flow(&m_network);
    // The provider asks for 5 s between polls; a tenth of that keeps the test short, and the provider's
    // slow_down answers to the faster polls are part of what is tested.
    flow.setDeviceClockUnit(100);
    QSignalSpy ready(&flow, &OAuth2Flow::deviceAuthorizationReady);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const auto device = ready.first().first().value<DeviceAuthorization>();
    QVERIFY(!device.userCode.isEmpty());
    QCOMPARE(device.verificationUri, m_provider.issuer() + u"/device");
    QVERIFY(device.verificationUriComplete.contains(u"user_code="));

    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(QUrl(device.verificationUriComplete), QString(), &status);
    QCOMPARE(status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString() + u'\n' + trace));
    const auto token = succeeded.first().first().value<TokenResponse>();
    QVERIFY(!token.accessToken.isEmpty());
    QCOMPARE(token.idToken.count(u'.'), 2);
    QVERIFY(flow.pollCount() >= 1);
}

void TestOAuth2Provider::implicitFormPost()
{
    // oidc-provider offers the implicit grant as "id_token token" only; the answer comes by form_post,
    // which the scripted browser submits to the loopback receiver as a browser would.
    OAuth2 config = withEndpoints(OAuth2::Grant::Implicit, u"sonde-implicit"_s);
    config.scope = QStringLiteral("openid");
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(m_endpoints.issuer);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QVERIFY2(launcher.opened.isValid(), qPrintable(failed.value(0).value(0).toString()));
    const QUrlQuery query(launcher.opened);
    QCOMPARE(query.queryItemValue(u"response_type"_s, QUrl::FullyDecoded), u"id_token token"_s);
    QCOMPARE(query.queryItemValue(u"response_mode"_s), u"form_post"_s);
    QVERIFY(!query.queryItemValue(u"nonce"_s).isEmpty());

    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(launcher.opened, flow.redirectUri(), &status);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString() + u'\n' + trace));
    const auto token = succeeded.first().first().value<TokenResponse>();
    QVERIFY(!token.accessToken.isEmpty());
    QCOMPARE(token.idToken.count(u'.'), 2);
    QVERIFY(token.expiresAt.isValid());
    QCOMPARE(token.tokenType, u"Bearer"_s);
    const QStringList steps = [&flow] {
        QStringList list;
        for (const OAuthLogEntry &entry : flow.log())
            list.append(entry.step);
        return list;
    }();
    QVERIFY2(steps.contains(u"Callback received"_s), qPrintable(steps.join(u", ")));
    for (const OAuthLogEntry &entry : flow.log())
        QVERIFY2(!entry.detail.contains(token.accessToken), qPrintable(entry.detail));
}

void TestOAuth2Provider::refreshTokenGrant()
{
    // The "refresh" grant: a refresh token the user already holds, exchanged for an access token.
    OAuth2 config = withEndpoints(OAuth2::Grant::DeviceCode, u"sonde-device"_s);
    config.scope = QStringLiteral("openid");
    OAuth2Flow flow(&m_network);
    flow.setDeviceClockUnit(100);
    QSignalSpy ready(&flow, &OAuth2Flow::deviceAuthorizationReady);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    SondeTest::ScriptedBrowser browser;
    int status = 0;
    browser.visit(
        QUrl(ready.first().first().value<DeviceAuthorization>().verificationUriComplete), QString(), &status);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const auto first = succeeded.first().first().value<TokenResponse>();

    config.grant = OAuth2::Grant::RefreshToken;
    config.refreshToken = first.refreshToken;
    flow.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 2, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(succeeded.last().first().value<TokenResponse>().accessToken != first.accessToken);
}

QTEST_GUILESS_MAIN(TestOAuth2Provider)
#include "tst_oauth2_provider.moc"
