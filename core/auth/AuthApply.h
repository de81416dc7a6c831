#pragma once

#include "auth/AuthConfig.h"

#include <QByteArray>
#include <QPair>
#include <QUrl>

/// What an auth config adds to a request before it is sent, for the schemes that need no exchange with
/// the server: Basic, Bearer, API key and an OAuth 2.0 token already obtained. (AWS SigV4 signs the
/// finished request, see SigV4; Digest and NTLM answer the server's challenge, see Transfer.)
namespace Sonde::AuthApply {

/// Why `auth` (resolved) cannot be sent as it is, in words — an API key without a name, OAuth 2.0
/// without a token, AWS without keys, a line break in a header value; empty when it can.
QString problem(const AuthConfig &auth);

/// The header `auth` adds to each hop to the request's own origin (Basic, Bearer, API key in a header,
/// OAuth 2.0): its name and value, or an empty name for none. A header of that name the user set
/// themselves wins over it.
QPair<QByteArray, QByteArray> header(const AuthConfig &auth);

/// `url` with the API key of `auth` (in the query) appended, name and value percent-encoded
/// (RFC 3986: everything but unreserved characters); unchanged when `auth` puts no key in the query or
/// the URL already has a parameter of that name (the user's own wins).
QUrl withApiKeyQuery(const QUrl &url, const AuthConfig &auth);

/// `Basic <base64(user ":" password)>` with both in UTF-8 (RFC 7617 §2.1, charset="UTF-8").
QByteArray basicAuthorization(const QString &user, const QString &password);

} // namespace Sonde::AuthApply
