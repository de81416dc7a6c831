// The token cache and the sending path against the real OpenID provider (see provider.mjs): a token
// that expired is refreshed before the request, the rotated refresh token is stored, a 401 is answered
// with one refresh and one retry, and the provider's JWKS verifies its RS256 and ES256 tokens.
#include "OidcTestProvider.h"
#include "RecordingLauncher.h"
#include "auth/BrowserLauncher.h"
#include "auth/JwksFetcher.h"
#include "auth/JwsVerifier.h"
#include "auth/OAuth2Flow.h"
#include "auth/OAuth2Send.h"
#include "auth/OidcDiscovery.h"
#include "auth/TokenCache.h"
#include "auth/TokenSource.h"
#include "http/HttpEngine.h"
#include "storage/SecretStore.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace Qt::Literals::StringLiterals;
using SondeTest::RecordingLauncher;

namespace {

constexpr int WaitMs = 30000;

QString storeError(TokenCache &cache, const OAuth2 &config, const TokenResponse &token)
{
    QString result = QStringLiteral("not called");
    QObject context;
    cache.store(config, token, &context, [&result](const QString &error) { result = error; });
    if (!QTest::qWaitFor([&result] { return result != u"not called"; }, WaitMs))
        return QStringLiteral("the secret store did not answer");
    return result;
}

} // namespace

class TestOAuth2Tokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void expiredTokenIsRefreshedBeforeSending();
    void unauthorizedIsRefreshedAndRetriedOnce();
    void unauthorizedWithoutRefreshTokenStands();
    void noTokenYetSaysSo();
    void signaturesCheckAgainstTheProviderKeys_data();
    void signaturesCheckAgainstTheProviderKeys();

private:
    /// Signs in through the authorization code grant with the scripted browser.
    TokenResponse signIn();
    Exchange sendMe(bool *retried = nullptr);

    QNetworkAccessManager m_network;
    SondeTest::OidcTestProvider m_provider;
    OidcConfiguration m_endpoints;
    OAuth2 m_config;
    QTemporaryDir m_dir;
    std::unique_ptr<FileSecretStore> m_store;
    std::unique_ptr<TokenCache> m_cache;
    std::unique_ptr<TokenSource> m_tokens;
    std::unique_ptr<HttpEngine> m_engine;
};

void TestOAuth2Tokens::initTestCase()
{
    const QString directory = QStringLiteral(SONDE_OIDC_DIR);
    if (const QString why = SondeTest::OidcTestProvider::unavailable(directory); !why.isEmpty())
        QSKIP(qPrintable(why));
    QString error;
    QVERIFY2(m_provider.start(directory, &error), qPrintable(error));
    OidcDiscovery discovery(&m_network);
    QSignalSpy finished(&discovery, &OidcDiscovery::finished);
    QSignalSpy failed(&discovery, &OidcDiscovery::failed);
    discovery.start(m_provider.issuer());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    m_endpoints = finished.first().first().value<OidcConfiguration>();
    m_config.grant = OAuth2::Grant::AuthorizationCode;
    m_config.issuer = m_endpoints.issuer;
    m_config.clientId = QStringLiteral("sonde-native");
    m_config.scope = QStringLiteral("openid");
    m_config = m_endpoints.appliedTo(m_config);
    m_engine = std::make_unique<HttpEngine>(&m_network);
}

void TestOAuth2Tokens::init()
{
    // Tokens go through a real SecretStore (the file one, so no keychain is needed).
    m_tokens.reset();
    m_cache.reset();
    m_store = std::make_unique<FileSecretStore>(m_dir.filePath(QStringLiteral("secrets-%1.json"))
                                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_cache = std::make_unique<TokenCache>(m_store.get());
    m_cache->setSecretStore(m_store.get(), m_dir.path());
    m_tokens = std::make_unique<TokenSource>(&m_network, m_cache.get());
}

TokenResponse TestOAuth2Tokens::signIn()
{
    RecordingLauncher launcher;
    OAuth2Flow flow(&m_network);
    flow.setBrowserLauncher(&launcher);
    flow.setIssuer(m_endpoints.issuer);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(m_config);
    SondeTest::ScriptedBrowser browser;
    int status = 0;
    const QString trace = browser.visit(launcher.opened, flow.redirectUri(), &status);
    if (!QTest::qWaitFor([&] { return succeeded.count() + failed.count() > 0; }, WaitMs)
        || !failed.isEmpty()) {
        qWarning(
            "sign-in failed: %s\n%s", qPrintable(failed.value(0).value(0).toString()), qPrintable(trace));
        return {};
    }
    return succeeded.first().first().value<TokenResponse>();
}

Exchange TestOAuth2Tokens::sendMe(bool *retried)
{
    Request request;
    request.method = QStringLiteral("GET");
    request.url = m_endpoints.userinfoEndpoint;
    request.auth.type = AuthConfig::Type::OAuth2;
    request.auth.oauth2 = m_config;
    OAuth2Send send(m_engine.get(), m_tokens.get());
    QSignalSpy finished(&send, &OAuth2Send::finished);
    send.start(request);
    if (!finished.wait(WaitMs))
        return {};
    if (retried)
        *retried = send.retried();
    return finished.first().first().value<Exchange>();
}

void TestOAuth2Tokens::expiredTokenIsRefreshedBeforeSending()
{
    TokenResponse token = signIn();
    QVERIFY(!token.accessToken.isEmpty());
    QVERIFY(!token.refreshToken.isEmpty());
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QCOMPARE(storeError(*m_cache, m_config, token), QString());

    bool retried = true;
    const Exchange exchange = sendMe(&retried);
    QVERIFY2(exchange.hasResponse(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QVERIFY(!retried);

    // What was sent and what is stored is the refreshed token, with the rotated refresh token.
    TokenCache reread(m_store.get());
    reread.setSecretStore(m_store.get(), m_dir.path());
    std::optional<TokenResponse> stored;
    bool loaded = false;
    reread.load(m_config, this, [&](std::optional<TokenResponse> value, const QString &) {
        stored = value;
        loaded = true;
    });
    QTRY_VERIFY(loaded);
    QVERIFY(stored.has_value());
    QVERIFY(stored->accessToken != token.accessToken);
    QVERIFY(stored->refreshToken != token.refreshToken);
    QVERIFY(stored->expiresAt > QDateTime::currentDateTimeUtc());
    QCOMPARE(headerValue(exchange.sent.headers, "Authorization"), "Bearer " + stored->accessToken.toUtf8());

    // The old refresh token was rotated away.
    OAuth2Flow flow(&m_network);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.refresh(m_config, token.refreshToken);
    QVERIFY(failed.wait(WaitMs));
    QVERIFY2(failed.first().first().toString().contains(u"invalid_grant"),
        qPrintable(failed.first().first().toString()));
}

void TestOAuth2Tokens::unauthorizedIsRefreshedAndRetriedOnce()
{
    TokenResponse token = signIn();
    QVERIFY(!token.refreshToken.isEmpty());
    // Not expired as far as Sonde knows, but the provider does not know it: revoked, say.
    token.accessToken = QStringLiteral("revoked-access-token");
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    QCOMPARE(storeError(*m_cache, m_config, token), QString());
    QSignalSpy logged(m_tokens.get(), &TokenSource::logged);

    bool retried = false;
    const Exchange exchange = sendMe(&retried);
    QVERIFY2(exchange.hasResponse(), qPrintable(exchange.error.message));
    QVERIFY(retried);
    QCOMPARE(exchange.response->statusCode, 200);
    const auto stored = m_cache->cached(m_config);
    QVERIFY(stored.has_value());
    QVERIFY(stored->accessToken != token.accessToken);
    QCOMPARE(headerValue(exchange.sent.headers, "Authorization"), "Bearer " + stored->accessToken.toUtf8());
    QStringList steps;
    for (const QVariantList &entry : std::as_const(logged))
        steps.append(entry.first().value<OAuthLogEntry>().step);
    QVERIFY2(steps.contains(u"Refresh request"_s), qPrintable(steps.join(u", ")));
}

void TestOAuth2Tokens::unauthorizedWithoutRefreshTokenStands()
{
    TokenResponse token;
    token.accessToken = QStringLiteral("revoked-access-token");
    token.tokenType = QStringLiteral("Bearer");
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    QCOMPARE(storeError(*m_cache, m_config, token), QString());
    bool retried = false;
    const Exchange exchange = sendMe(&retried);
    QVERIFY2(exchange.hasResponse(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 401);
    QVERIFY(retried); // tried to refresh, had nothing to refresh with
}

void TestOAuth2Tokens::noTokenYetSaysSo()
{
    const Exchange exchange = sendMe();
    QVERIFY(!exchange.hasResponse());
    QCOMPARE(exchange.error.kind, TransportError::Kind::Authentication);
    QVERIFY2(exchange.error.message.contains(u"Get New Token"), qPrintable(exchange.error.message));
}

void TestOAuth2Tokens::signaturesCheckAgainstTheProviderKeys_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("alg");
    QTest::newRow("RS256") << u"sonde-service"_s << u"service-secret"_s << int(OAuth2::ClientAuth::Basic)
                           << u"RS256"_s;
    QTest::newRow("ES256") << u"sonde-service-post"_s << u"post-secret"_s << int(OAuth2::ClientAuth::Post)
                           << u"ES256"_s;
}

void TestOAuth2Tokens::signaturesCheckAgainstTheProviderKeys()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(int, method);
    QFETCH(QString, alg);
    OAuth2 config = m_endpoints.appliedTo({});
    config.grant = OAuth2::Grant::ClientCredentials;
    config.clientId = clientId;
    config.clientSecret = secret;
    config.clientAuth = OAuth2::ClientAuth(method);
    config.scope = QStringLiteral("api:read");
    OAuth2Flow flow(&m_network);
    QSignalSpy succeeded(&flow, &OAuth2Flow::succeeded);
    QSignalSpy failed(&flow, &OAuth2Flow::failed);
    flow.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count() + failed.count(), 1, WaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const QString token = succeeded.first().first().value<TokenResponse>().accessToken;

    JwksFetcher fetcher(&m_network);
    QSignalSpy keys(&fetcher, &JwksFetcher::finished);
    QSignalSpy keysFailed(&fetcher, &JwksFetcher::failed);
    fetcher.start(m_provider.issuer());
    QTRY_COMPARE_WITH_TIMEOUT(keys.count() + keysFailed.count(), 1, WaitMs);
    QVERIFY2(keysFailed.isEmpty(), qPrintable(keysFailed.value(0).value(0).toString()));
    const QJsonObject jwks = keys.first().first().toJsonObject();
    QCOMPARE(keys.first().at(1).toString(), m_endpoints.jwksUri);

    const JwsVerification valid = JwsVerifier::verify(token, jwks);
    QVERIFY2(valid.isValid(), qPrintable(valid.message));
    QVERIFY2(valid.message.contains(alg), qPrintable(valid.message));

    // One changed character in the claims breaks the signature.
    QStringList parts = token.split(u'.');
    QString claims = parts[1];
    claims[4] = claims[4] == u'A' ? u'B' : u'A';
    parts[1] = claims;
    const JwsVerification tampered = JwsVerifier::verify(parts.join(u'.'), jwks);
    QCOMPARE(tampered.result, JwsVerification::Result::Invalid);

    // Another provider's key set does not know the key.
    QJsonObject other = jwks;
    QJsonArray renamed;
    for (const QJsonValue &key : jwks.value(u"keys"_s).toArray()) {
        QJsonObject object = key.toObject();
        object.insert(u"kid"_s, u"someone-else"_s);
        renamed.append(object);
    }
    other.insert(u"keys"_s, renamed);
    QCOMPARE(JwsVerifier::verify(token, other).result, JwsVerification::Result::NoKey);
}

QTEST_GUILESS_MAIN(TestOAuth2Tokens)
#include "tst_oauth2_tokens.moc"
