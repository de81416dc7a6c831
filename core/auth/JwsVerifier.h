#pragma once

#include <QJsonObject>
#include <QString>

namespace Sonde {

/// The outcome of checking a JWT's signature against a key set.
struct JwsVerification
{
    enum class Result {
        /// The signature matches a key of the set.
        Valid,
        /// A key of the set fits but the signature does not match it: the token was altered or forged.
        Invalid,
        /// No key of the set fits the token (its `kid` is not there, or no key of its type).
        NoKey,
        /// The token's algorithm is not one Sonde checks (HS256 needs a shared secret, `none` has no
        /// signature).
        Unsupported,
        /// Not a signed JWT at all.
        Malformed,
    };
    Result result = Result::Malformed;
    /// What happened, in words.
    QString message;
    /// The key that verified it (its `kid`), when it is valid.
    QString keyId;

    bool isValid() const { return result == Result::Valid; }
};

/// Checks the signature of JWS compact tokens (RFC 7515) against a JSON Web Key Set (RFC 7517) with
/// OpenSSL: RS256/384/512, PS256/384/512 (RSA keys) and ES256/384/512 (P-256, P-384, P-521 keys). The key
/// is the one named by the token's `kid`, else every key of the right type is tried.
namespace JwsVerifier {

JwsVerification verify(const QString &token, const QJsonObject &jwks);

} // namespace JwsVerifier

} // namespace Sonde
