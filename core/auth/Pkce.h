#pragma once

#include "auth/AuthConfig.h"

#include <QString>

/// Proof Key for Code Exchange (RFC 7636): the verifier the client keeps and the challenge it sends.
namespace Sonde::Pkce {

/// A fresh verifier: 32 random bytes from the system's secure generator, base64url without padding
/// (43 characters of the unreserved set, as RFC 7636 §4.1 recommends).
QString makeVerifier();

/// The code_challenge for `verifier`: BASE64URL(SHA256(verifier)) for S256, the verifier itself for
/// plain, empty for None.
QString challenge(const QString &verifier, OAuth2::Pkce method);

/// "S256", "plain", or empty for None: the code_challenge_method parameter.
QString methodName(OAuth2::Pkce method);

} // namespace Sonde::Pkce
