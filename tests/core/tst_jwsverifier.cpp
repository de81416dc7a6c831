// JwsVerifier without a network: what cannot be checked says why. (Valid and altered RS256 and ES256
// tokens are checked against a real provider's key set in tests/oidc/tst_oauth2_tokens.)
#include "auth/JwsVerifier.h"

#include <QJsonArray>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::JwsVerification::Result)

namespace {

QString segment(const QByteArray &json)
{
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString token(const QByteArray &header)
{
    return segment(header) + u'.' + segment("{\"sub\":\"ada\"}") + u'.' + segment("signature");
}

} // namespace

class TestJwsVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unverifiable_data();
    void unverifiable();
};

void TestJwsVerifier::unverifiable_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<JwsVerification::Result>("result");
    QTest::addColumn<QString>("words");
    QTest::newRow("not a JWT") << u"opaque"_qs << JwsVerification::Result::Malformed << u"three parts"_qs;
    QTest::newRow("HMAC") << token("{\"alg\":\"HS256\"}") << JwsVerification::Result::Unsupported
                          << u"HS256"_qs;
    QTest::newRow("unsigned") << token("{\"alg\":\"none\"}") << JwsVerification::Result::Unsupported
                              << u"none"_qs;
    QTest::newRow("no alg") << token("{\"typ\":\"JWT\"}") << JwsVerification::Result::Unsupported
                            << u"no signature algorithm"_qs;
    QTest::newRow("unknown kid") << token("{\"alg\":\"RS256\",\"kid\":\"gone\"}")
                                 << JwsVerification::Result::NoKey << u"“gone”"_qs;
    QTest::newRow("no EC key") << token("{\"alg\":\"ES256\"}") << JwsVerification::Result::NoKey << u"EC"_qs;
}

void TestJwsVerifier::unverifiable()
{
    QFETCH(QString, token);
    QFETCH(JwsVerification::Result, result);
    QFETCH(QString, words);
    // One RSA key of another id: nothing here can verify these tokens.
    const QJsonObject jwks {{u"keys"_qs,
        QJsonArray {QJsonObject {
            {u"kty"_qs, u"RSA"_qs}, {u"kid"_qs, u"k1"_qs}, {u"n"_qs, u"AQAB"_qs}, {u"e"_qs, u"AQAB"_qs}}}}};
    const JwsVerification verification = JwsVerifier::verify(token, jwks);
    QCOMPARE(verification.result, result);
    QVERIFY2(verification.message.contains(words), qPrintable(verification.message));
    QVERIFY(!verification.isValid());
}

QTEST_GUILESS_MAIN(TestJwsVerifier)
#include "tst_jwsverifier.moc"
