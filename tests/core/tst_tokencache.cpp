// TokenCache: the key of a configuration is stable and changes with what identifies a token (not with
// secrets), tokens survive a round trip through JSON and through a real (file) SecretStore, and clear()
// forgets them.
#include "auth/TokenCache.h"
#include "storage/SecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::OAuth2)

namespace {

OAuth2 base()
{
    OAuth2 config;
    config.grant = OAuth2::Grant::ClientCredentials;
    config.issuer = QStringLiteral("https://id.example.test");
    config.tokenUrl = QStringLiteral("https://id.example.test/token");
    config.clientId = QStringLiteral("worker");
    config.scope = QStringLiteral("api:read");
    return config;
}

} // namespace

class TestTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyIsStable();
    void keyChanges_data();
    void keyChanges();
    void json();
    void storeLoadClear();
};

void TestTokenCache::keyIsStable()
{
    QCOMPARE(TokenCache::configKey(base()), TokenCache::configKey(base()));
    QCOMPARE(TokenCache::configKey(base()).size(), 32);
    OAuth2 secretChanged = base();
    secretChanged.clientSecret = QStringLiteral("another secret");
    secretChanged.pkce = OAuth2::Pkce::Plain;
    secretChanged.headerPrefix = QStringLiteral("DPoP");
    QCOMPARE(TokenCache::configKey(secretChanged), TokenCache::configKey(base()));
}

void TestTokenCache::keyChanges_data()
{
    QTest::addColumn<OAuth2>("config");
    OAuth2 c = base();
    c.scope = QStringLiteral("api:write");
    QTest::newRow("scope") << c;
    c = base();
    c.clientId = QStringLiteral("other");
    QTest::newRow("client id") << c;
    c = base();
    c.grant = OAuth2::Grant::Password;
    QTest::newRow("grant") << c;
    c = base();
    c.audience = QStringLiteral("api");
    QTest::newRow("audience") << c;
    c = base();
    c.extraParams = {{QStringLiteral("tenant"), QStringLiteral("a")}};
    QTest::newRow("extra parameter") << c;
}

void TestTokenCache::keyChanges()
{
    QFETCH(OAuth2, config);
    QVERIFY(TokenCache::configKey(config) != TokenCache::configKey(base()));
}

void TestTokenCache::json()
{
    TokenResponse token;
    token.accessToken = QStringLiteral("access");
    token.tokenType = QStringLiteral("Bearer");
    token.refreshToken = QStringLiteral("refresh");
    token.idToken = QStringLiteral("a.b.c");
    token.scope = QStringLiteral("api:read");
    token.expiresIn = 600;
    token.expiresAt = QDateTime(QDate(2026, 11, 24), QTime(15, 42, 10), QTimeZone::utc());
    const auto back = TokenCache::fromJson(TokenCache::toJson(token));
    QVERIFY(back.has_value());
    QCOMPARE(back->accessToken, token.accessToken);
    QCOMPARE(back->tokenType, token.tokenType);
    QCOMPARE(back->refreshToken, token.refreshToken);
    QCOMPARE(back->idToken, token.idToken);
    QCOMPARE(back->scope, token.scope);
    QCOMPARE(back->expiresIn, 600);
    QCOMPARE(back->expiresAt, token.expiresAt);
    QVERIFY(!TokenCache::fromJson("{}").has_value());
    QVERIFY(!TokenCache::fromJson("not json").has_value());
}

void TestTokenCache::storeLoadClear()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    FileSecretStore store(path);
    TokenCache cache(&store);
    cache.setSecretStore(&store, dir.filePath(QStringLiteral("ws")));
    TokenResponse token;
    token.accessToken = QStringLiteral("cached-access-token");
    QString error = QStringLiteral("pending");
    cache.store(base(), token, this, [&error](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());

    // Another cache (the next start) reads it from the store.
    TokenCache next(&store);
    next.setSecretStore(&store, dir.filePath(QStringLiteral("ws")));
    QVERIFY(!next.cached(base()).has_value());
    std::optional<TokenResponse> loaded;
    bool done = false;
    next.load(base(), this, [&](std::optional<TokenResponse> value, const QString &) {
        loaded = value;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->accessToken, token.accessToken);

    error = QStringLiteral("pending");
    next.clear(base(), this, [&error](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("cached-access-token"));
}

QTEST_GUILESS_MAIN(TestTokenCache)
#include "tst_tokencache.moc"
