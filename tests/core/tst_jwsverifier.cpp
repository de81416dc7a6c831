// JwsVerifier without a network: what cannot be checked says why. (Valid and altered RS256 and ES256
// tokens are checked against a real provider's key set in tests/oidc/tst_oauth2_tokens.)
#include "auth/JwsVerifier.h"

#include <QJsonArray>
#include <QTest>

using namespace Sonde;
using namespace Qt::Literals::StringLiterals;

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
    QTest::newRow("not a JWT") << u"opaque"_s << JwsVerification::Result::Malformed << u"three parts"_s;
    QTest::newRow("HMAC") << token("{\"alg\":\"HS256\"}") << JwsVerification::Result::Unsupported
                          << u"HS256"_s;
    QTest::newRow("unsigned") << token("{\"alg\":\"none\"}") << JwsVerification::Result::Unsupported
                              << u"none"_s;
    QTest::newRow("no alg") << token("{\"typ\":\"JWT\"}") << JwsVerification::Result::Unsupported
                            << u"no signature algorithm"_s;
    QTest::newRow("unknown kid") << token("{\"alg\":\"RS256\",\"kid\":\"gone\"}")
                                 << JwsVerification::Result::NoKey << u"“gone”"_s;
    QTest::newRow("no EC key") << token("{\"alg\":\"ES256\"}") << JwsVerification::Result::NoKey << u"EC"_s;
}

void TestJwsVerifier::unverifiable()
{
    QFETCH(QString, token);
    QFETCH(JwsVerification::Result, result);
    QFETCH(QString, words);
    // One RSA key of another id: nothing here can verify these tokens.
    const QJsonObject jwks {{u"keys"_s,
        QJsonArray {QJsonObject {
            {u"kty"_s, u"RSA"_s}, {u"kid"_s, u"k1"_s}, {u"n"_s, u"AQAB"_s}, {u"e"_s, u"AQAB"_s}}}}};
    const JwsVerification verification = JwsVerifier::verify(token, jwks);
    QCOMPARE(verification.result, result);
    QVERIFY2(verification.message.contains(words), qPrintable(verification.message));
    QVERIFY(!verification.isValid());
}

QTEST_GUILESS_MAIN(TestJwsVerifier)
#include "tst_jwsverifier.moc"
