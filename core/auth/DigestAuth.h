#pragma once

#include "model/Exchange.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

/// HTTP Digest access authentication (RFC 7616): reading the server's challenges and computing the
/// Authorization header that answers one.
///
/// Sonde answers Digest itself instead of through QAuthenticator: Qt 6.4's QAuthenticator hashes with
/// MD5 whatever algorithm the server names (so SHA-256 challenges always fail) and sends the user name
/// and password in Latin-1.
namespace Sonde::DigestAuth {

/// One authentication challenge of a WWW-Authenticate field: its scheme and parameters (names in lower
/// case, quoted values unquoted).
struct Challenge
{
    QByteArray scheme;
    QList<std::pair<QByteArray, QByteArray>> params;

    QByteArray param(QByteArrayView name) const;
};

/// Every challenge in the WWW-Authenticate fields of `headers`, in order (a field may hold several).
QList<Challenge> parseChallenges(const HeaderList &headers);

/// True for the algorithms Sonde computes: MD5, MD5-sess, SHA-256, SHA-256-sess (case-insensitive;
/// no algorithm means MD5).
bool supportsAlgorithm(const QByteArray &algorithm);

/// The Digest challenge to answer among `challenges`: the first with the strongest supported algorithm
/// (SHA-256 before MD5) and a usable qop ("auth", or none as in RFC 2069); nullopt when there is none.
std::optional<Challenge> choose(const QList<Challenge> &challenges);

/// The Authorization header value answering `challenge` for `method` on `uri` (the request target),
/// with client nonce `cnonce` and nonce count 1. User name and password are taken in UTF-8; a user name
/// that is not plain ASCII is sent as `username*` (RFC 7616 §3.4.4), or hashed when the server asks for
/// `userhash`.
QByteArray authorization(const Challenge &challenge, const QString &user, const QString &password,
    const QByteArray &method, const QByteArray &uri, const QByteArray &cnonce);

/// A fresh client nonce: 16 random bytes in hex.
QByteArray newClientNonce();

} // namespace Sonde::DigestAuth
