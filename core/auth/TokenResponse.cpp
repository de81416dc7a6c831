#include "auth/TokenResponse.h"

#include <QJsonDocument>

namespace Sonde {

namespace {

QString meaning(const QString &error)
{
    static const QHash<QString, QString> meanings {
        {QStringLiteral("invalid_request"), QStringLiteral("The request is missing a parameter or is malformed")},
        {QStringLiteral("invalid_client"),
            QStringLiteral("The client could not be authenticated (unknown client, wrong secret or wrong "
                           "client authentication method)")},
        {QStringLiteral("invalid_grant"),
            QStringLiteral("The code, refresh token or credentials are invalid, expired or revoked, or were "
                           "issued to another client")},
        {QStringLiteral("unauthorized_client"), QStringLiteral("This client may not use this grant")},
        {QStringLiteral("unsupported_grant_type"), QStringLiteral("The provider does not support this grant")},
        {QStringLiteral("invalid_scope"), QStringLiteral("The requested scope is invalid or unknown")},
        {QStringLiteral("access_denied"), QStringLiteral("The user or the provider denied the request")},
        {QStringLiteral("unsupported_response_type"),
            QStringLiteral("The provider does not support this response type")},
        {QStringLiteral("server_error"), QStringLiteral("The provider had an internal error")},
        {QStringLiteral("temporarily_unavailable"), QStringLiteral("The provider is temporarily unavailable")},
        {QStringLiteral("expired_token"),
            QStringLiteral("The device code expired before the user approved it: start again")},
        {QStringLiteral("invalid_target"), QStringLiteral("The requested resource is invalid or unknown")},
    };
    return meanings.value(error);
}

QString snippet(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QStringLiteral("…");
    return text;
}

} // namespace

std::optional<OAuthError> OAuthError::fromJson(const QJsonObject &object)
{
    const QString error = object.value(QStringLiteral("error")).toString();
    if (error.isEmpty())
        return std::nullopt;
    return OAuthError {error, object.value(QStringLiteral("error_description")).toString(),
        object.value(QStringLiteral("error_uri")).toString()};
}

QString OAuthError::message() const
{
    const QString known = meaning(error);
    QString text = known.isEmpty() ? QStringLiteral("The provider answered with the error “%1”").arg(error)
                                   : QStringLiteral("%1 (%2)").arg(known, error);
    if (!description.isEmpty())
        text += QStringLiteral(": %1").arg(description);
    text += u'.';
    if (!uri.isEmpty())
        text += QStringLiteral(" See %1").arg(uri);
    return text;
}

std::optional<TokenResponse> TokenResponse::parse(
    int httpStatus, const QByteArray &body, const QDateTime &received, QString *problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    if (const auto error = OAuthError::fromJson(object)) {
        *problem = error->message();
        return std::nullopt;
    }
    if (httpStatus < 200 || httpStatus > 299) {
        *problem = QStringLiteral("The token endpoint answered HTTP %1 without an OAuth error%2")
                       .arg(httpStatus)
                       .arg(body.isEmpty() ? QStringLiteral(".") : QStringLiteral(": “%1”").arg(snippet(body)));
        return std::nullopt;
    }
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = QStringLiteral("The token endpoint's answer is not a JSON object: “%1”").arg(snippet(body));
        return std::nullopt;
    }
    TokenResponse token;
    token.raw = object;
    token.accessToken = object.value(QStringLiteral("access_token")).toString();
    if (token.accessToken.isEmpty()) {
        *problem = QStringLiteral("The token endpoint's answer has no access_token.");
        return std::nullopt;
    }
    token.tokenType = object.value(QStringLiteral("token_type")).toString();
    token.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    token.idToken = object.value(QStringLiteral("id_token")).toString();
    token.scope = object.value(QStringLiteral("scope")).toString();
    // Some providers send expires_in as a string.
    const QJsonValue expires = object.value(QStringLiteral("expires_in"));
    bool ok = expires.isDouble();
    qint64 seconds = ok ? static_cast<qint64>(expires.toDouble()) : expires.toString().toLongLong(&ok);
    if (ok && seconds >= 0) {
        token.expiresIn = seconds;
        token.expiresAt = received.addSecs(seconds);
    }
    return token;
}

} // namespace Sonde
