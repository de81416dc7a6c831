#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Sonde {

/// An OAuth 2.0 error response (RFC 6749 §5.2, §4.1.2.1; RFC 8628 §3.5): the code, the provider's
/// description and the page it points to.
struct OAuthError
{
    QString error;
    QString description;
    QString uri;

    /// The `error` member of `object` and its companions; nullopt when there is no `error`.
    static std::optional<OAuthError> fromJson(const QJsonObject &object);

    /// The error in words: what the code means, then the provider's own description and page.
    QString message() const;
};

/// A successful token endpoint response (RFC 6749 §5.1), with the time the access token expires.
struct TokenResponse
{
    QString accessToken;
    QString tokenType;
    QString refreshToken;
    QString idToken;
    QString scope;
    /// expires_in as sent, in seconds; -1 when the provider did not say.
    qint64 expiresIn = -1;
    /// When the access token expires (received + expires_in), invalid when unknown.
    QDateTime expiresAt;
    /// The whole JSON object the endpoint answered.
    QJsonObject raw;

    /// Parses a token endpoint answer received at `received`: an error response becomes `error`'s
    /// message, and so does an answer that is not JSON, has no access token, or has a non-2xx status.
    /// Returns nullopt with `*problem` set when it is not a token.
    static std::optional<TokenResponse> parse(int httpStatus, const QByteArray &body, const QDateTime &received,
                                              QString *problem);
};

} // namespace Sonde
