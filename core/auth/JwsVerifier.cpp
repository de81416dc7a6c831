#include "auth/JwsVerifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace Sonde::JwsVerifier {

namespace {

struct Algorithm
{
    const char *name;
    const char *keyType; // "RSA" or "EC"
    const EVP_MD *(*digest)();
    bool pss;
    const char *curve; // JWK "crv" for EC
    int coordinateBytes;
};

constexpr Algorithm algorithms[] = {
    {"RS256", "RSA", EVP_sha256, false, nullptr, 0},
    {"RS384", "RSA", EVP_sha384, false, nullptr, 0},
    {"RS512", "RSA", EVP_sha512, false, nullptr, 0},
    {"PS256", "RSA", EVP_sha256, true, nullptr, 0},
    {"PS384", "RSA", EVP_sha384, true, nullptr, 0},
    {"PS512", "RSA", EVP_sha512, true, nullptr, 0},
    {"ES256", "EC", EVP_sha256, false, "P-256", 32},
    {"ES384", "EC", EVP_sha384, false, "P-384", 48},
    {"ES512", "EC", EVP_sha512, false, "P-521", 66},
};

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

QByteArray base64Url(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1(), QByteArray::Base64UrlEncoding);
}

/// An OpenSSL public key from a JWK; null when the JWK is not a usable key of `algorithm`'s type.
Pkey publicKey(const QJsonObject &jwk, const Algorithm &algorithm)
{
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(
        OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> n(nullptr, BN_free), e(nullptr, BN_free);
    QByteArray point;
    const char *type = nullptr;
    if (qstrcmp(algorithm.keyType, "RSA") == 0) {
        const QByteArray modulus = base64Url(jwk.value(QStringLiteral("n")));
        const QByteArray exponent = base64Url(jwk.value(QStringLiteral("e")));
        if (modulus.isEmpty() || exponent.isEmpty())
            return nullptr;
        n.reset(BN_bin2bn(
            reinterpret_cast<const unsigned char *>(modulus.constData()), int(modulus.size()), nullptr));
        e.reset(BN_bin2bn(
            reinterpret_cast<const unsigned char *>(exponent.constData()), int(exponent.size()), nullptr));
        if (!n || !e || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get())
            || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()))
            return nullptr;
        type = "RSA";
    } else {
        if (jwk.value(QStringLiteral("crv")).toString() != QLatin1String(algorithm.curve))
            return nullptr;
        const QByteArray x = base64Url(jwk.value(QStringLiteral("x")));
        const QByteArray y = base64Url(jwk.value(QStringLiteral("y")));
        if (x.size() != algorithm.coordinateBytes || y.size() != algorithm.coordinateBytes)
            return nullptr;
        point = '\x04' + x + y;
        const char *group = algorithm.coordinateBytes == 32 ? "prime256v1"
            : algorithm.coordinateBytes == 48               ? "secp384r1"
                                                            : "secp521r1";
        if (!OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
            || !OSSL_PARAM_BLD_push_octet_string(
                builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), point.size()))
            return nullptr;
        type = "EC";
    }
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(
        OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(
        EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *key = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) <= 0
        || EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return nullptr;
    return Pkey(key);
}

/// A JWS ECDSA signature (r and s, fixed width) in the DER form OpenSSL verifies.
QByteArray ecdsaDer(const QByteArray &signature, int coordinateBytes)
{
    if (signature.size() != 2 * coordinateBytes)
        return {};
    const auto *raw = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(raw, coordinateBytes, nullptr);
    BIGNUM *s = BN_bin2bn(raw + coordinateBytes, coordinateBytes, nullptr);
    if (!sig || !r || !s || !ECDSA_SIG_set0(sig, r, s)) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return {};
    }
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (length <= 0)
        return {};
    QByteArray result(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return result;
}

bool verifyWith(
    EVP_PKEY *key, const Algorithm &algorithm, const QByteArray &input, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_PKEY_CTX *keyContext = nullptr;
    if (!context || EVP_DigestVerifyInit(context.get(), &keyContext, algorithm.digest(), nullptr, key) <= 0)
        return false;
    if (algorithm.pss
        && (EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) <= 0
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) <= 0))
        return false;
    const QByteArray sig = algorithm.curve ? ecdsaDer(signature, algorithm.coordinateBytes) : signature;
    if (sig.isEmpty())
        return false;
    return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(sig.constData()),
               sig.size(), reinterpret_cast<const unsigned char *>(input.constData()), input.size())
        == 1;
}

JwsVerification outcome(JwsVerification::Result result, const QString &message, const QString &keyId = {})
{
    return {result, message, keyId};
}

} // namespace

JwsVerification verify(const QString &tokenText, const QJsonObject &jwks)
{
    using Result = JwsVerification::Result;
    QString token = tokenText.trimmed();
    if (token.startsWith(QStringLiteral("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3)
        return outcome(
            Result::Malformed, QStringLiteral("The token is not a signed JWT (three parts joined by dots)."));
    const QJsonObject header = QJsonDocument::fromJson(
        QByteArray::fromBase64(parts.at(0).toLatin1(), QByteArray::Base64UrlEncoding))
                                   .object();
    const QString alg = header.value(QStringLiteral("alg")).toString();
    const QString kid = header.value(QStringLiteral("kid")).toString();
    const Algorithm *algorithm = nullptr;
    for (const Algorithm &candidate : algorithms) {
        if (alg == QLatin1String(candidate.name))
            algorithm = &candidate;
    }
    if (!algorithm)
        return outcome(Result::Unsupported,
            alg.isEmpty()
                ? QStringLiteral("The token's header names no signature algorithm.")
                : QStringLiteral("The signature algorithm “%1” is not one Sonde can check against the "
                                 "provider's public keys.")
                      .arg(alg));
    const QByteArray input = (parts.at(0) + u'.' + parts.at(1)).toLatin1();
    const QByteArray signature
        = QByteArray::fromBase64(parts.at(2).toLatin1(), QByteArray::Base64UrlEncoding);
    bool tried = false;
    for (const QJsonValue &value : jwks.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject jwk = value.toObject();
        const QString keyId = jwk.value(QStringLiteral("kid")).toString();
        if (jwk.value(QStringLiteral("kty")).toString() != QLatin1String(algorithm->keyType))
            continue;
        if (!kid.isEmpty() && keyId != kid)
            continue;
        if (jwk.contains(QStringLiteral("use")) && jwk.value(QStringLiteral("use")).toString() != u"sig")
            continue;
        if (jwk.contains(QStringLiteral("alg")) && jwk.value(QStringLiteral("alg")).toString() != alg)
            continue;
        const Pkey key = publicKey(jwk, *algorithm);
        if (!key)
            continue;
        tried = true;
        if (verifyWith(key.get(), *algorithm, input, signature))
            return outcome(Result::Valid,
                keyId.isEmpty() ? QStringLiteral("The %1 signature is valid.").arg(alg)
                                : QStringLiteral("The %1 signature is valid (key “%2”).").arg(alg, keyId),
                keyId);
    }
    if (!tried)
        return outcome(Result::NoKey,
            kid.isEmpty() ? QStringLiteral("The provider's key set has no %1 key to check this token with.")
                                .arg(QLatin1String(algorithm->keyType))
                          : QStringLiteral("The provider's key set has no key “%1” for %2: the token was not "
                                           "signed by this provider, or its keys have changed.")
                                .arg(kid, alg));
    return outcome(Result::Invalid,
        QStringLiteral("The %1 signature does not match the provider's key: the token was altered or not "
                       "issued by this provider.")
            .arg(alg));
}

} // namespace Sonde::JwsVerifier
