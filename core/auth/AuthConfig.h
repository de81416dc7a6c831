#pragma once

#include "model/KeyValue.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace Sonde {

struct Folder;

/// A user name and password (Basic and Digest).
struct UserPassword
{
    QString username;
    QString password;

    friend bool operator==(const UserPassword &, const UserPassword &) = default;
};

/// NTLM credentials; the domain may also be given as `DOMAIN\user` in the user name.
struct NtlmCredentials
{
    QString username;
    QString password;
    QString domain;

    friend bool operator==(const NtlmCredentials &, const NtlmCredentials &) = default;
};

/// A token sent as `Authorization: <prefix> <token>`.
struct BearerToken
{
    QString token;
    /// The scheme word before the token; "Bearer" unless a service wants another ("Token", "JWT").
    QString prefix = QStringLiteral("Bearer");

    friend bool operator==(const BearerToken &, const BearerToken &) = default;
};

/// A key sent in a header or in the query string under a name the service chooses.
struct ApiKey
{
    enum class Location { Header, Query };

    QString name;
    QString value;
    Location in = Location::Header;

    friend bool operator==(const ApiKey &, const ApiKey &) = default;
};

/// AWS Signature Version 4 credentials and scope.
struct AwsSigV4
{
    QString accessKey;
    QString secretKey;
    /// Temporary credentials (STS) come with a session token, sent as X-Amz-Security-Token; empty for none.
    QString sessionToken;
    QString region;
    QString service;

    friend bool operator==(const AwsSigV4 &, const AwsSigV4 &) = default;
};

/// OAuth 2.0: how to get a token, and the token to send.
struct OAuth2
{
    /// RefreshToken exchanges a refresh token the user already has (`refreshToken`) for an access token.
    enum class Grant { AuthorizationCode, ClientCredentials, Password, DeviceCode, Implicit, RefreshToken };
    enum class Pkce { None, S256, Plain };
    /// client_secret_basic (HTTP Basic with the client id and secret) or client_secret_post (in the form).
    enum class ClientAuth { Basic, Post };

    Grant grant = Grant::AuthorizationCode;
    /// The OpenID provider's issuer URL: discovery fills the endpoints from it, the authorization
    /// response's `iss` must name it, and its JWKS verifies ID tokens. Empty when not known.
    QString issuer;
    QString authUrl;
    QString tokenUrl;
    /// Device code grant: the device authorization endpoint (RFC 8628).
    QString deviceAuthUrl;
    QString clientId;
    QString clientSecret;
    QString scope;
    QString audience;
    QString resource;
    Pkce pkce = Pkce::S256;
    /// The loopback listener's port for the authorization code redirect; 0 picks a free one.
    int redirectPort = 0;
    QString redirectPath = QStringLiteral("/callback");
    ClientAuth clientAuth = ClientAuth::Basic;
    /// Password grant: the resource owner's credentials.
    QString username;
    QString password;
    /// Refresh token grant: the refresh token to exchange (a secret: usually a `{{variable}}`).
    QString refreshToken;
    /// Extra parameters sent to the authorization and token endpoints.
    KeyValueList extraParams;
    /// The scheme word before the token in the Authorization header.
    QString headerPrefix = QStringLiteral("Bearer");
    /// The access token sent with the request: usually a `{{variable}}` that the token flow fills.
    QString accessToken;

    friend bool operator==(const OAuth2 &, const OAuth2 &) = default;
};

/// How a request proves who sends it: the auth settings of a request, a folder or a collection.
///
/// `type` says which member is in use; the others keep what the user typed so switching back and forth
/// loses nothing (only the active one is saved). Secret fields (passwords, tokens, keys, client secrets)
/// are plain text that may hold `{{variable}}` references: a workspace should reference secret variables
/// there, so that no secret is written into its files; they are resolved when the request is sent.
struct AuthConfig
{
    enum class Type { Inherit, None, Basic, Bearer, ApiKey, Digest, Ntlm, AwsSigV4, OAuth2 };

    /// Inherit takes the auth of the nearest folder above that sets one; at the collection, Inherit means
    /// None. A request's and a folder's auth inherit by default.
    Type type = Type::Inherit;
    UserPassword basic;
    BearerToken bearer;
    ApiKey apiKey;
    UserPassword digest;
    NtlmCredentials ntlm;
    AwsSigV4 aws;
    OAuth2 oauth2;

    /// The name used in workspace files ("inherit", "none", "basic", "bearer", "apikey", "digest",
    /// "ntlm", "awsv4", "oauth2").
    static QString typeName(Type type);
    /// The type named `name` (as written by typeName(), case-insensitive); false when there is none.
    static bool typeFromName(const QString &name, Type *type);

    /// A copy whose text fields of the active type went through `map` (template resolution).
    AuthConfig mapped(const std::function<QString(const QString &)> &map) const;
    /// The non-empty values of the active type's secret fields (passwords, tokens, keys, secrets).
    QStringList secretValues() const;
    /// A copy with every secret field emptied, for what is stored after sending (history).
    AuthConfig withoutSecrets() const;

    friend bool operator==(const AuthConfig &, const AuthConfig &) = default;
};

/// The auth that applies to a request whose own auth is `own`, inside `folders` (collection first): its
/// own unless it inherits, else the nearest folder's that does not inherit, else None.
AuthConfig effectiveAuth(const AuthConfig &own, const QList<const Folder *> &folders);

} // namespace Sonde
