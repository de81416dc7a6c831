#include "auth/OidcDiscovery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Sonde {

OAuth2 OidcConfiguration::appliedTo(OAuth2 config) const
{
    if (!authorizationEndpoint.isEmpty())
        config.authUrl = authorizationEndpoint;
    if (!tokenEndpoint.isEmpty())
        config.tokenUrl = tokenEndpoint;
    if (!deviceAuthorizationEndpoint.isEmpty())
        config.deviceAuthUrl = deviceAuthorizationEndpoint;
    return config;
}

OidcDiscovery::OidcDiscovery(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

OidcDiscovery::~OidcDiscovery()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString OidcDiscovery::documentUrl(const QString &issuer)
{
    QString base = issuer.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + QStringLiteral("/.well-known/openid-configuration");
}

void OidcDiscovery::start(const QString &issuer)
{
    const QUrl url(documentUrl(issuer));
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        QTimer::singleShot(0, this, [this, issuer] {
            Q_EMIT failed(QStringLiteral("“%1” is not an http or https issuer URL.").arg(issuer));
        });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, issuer, url] {
        reply->deleteLater();
        m_reply = nullptr;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            Q_EMIT failed(QStringLiteral("Cannot read %1: %2").arg(url.toString(), reply->errorString()));
            return;
        }
        if (status.toInt() != 200) {
            Q_EMIT failed(QStringLiteral("%1 answered HTTP %2: is “%3” an OpenID Connect issuer?")
                              .arg(url.toString())
                              .arg(status.toInt())
                              .arg(issuer));
            return;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            Q_EMIT failed(QStringLiteral("%1 is not a JSON object.").arg(url.toString()));
            return;
        }
        const QJsonObject object = document.object();
        OidcConfiguration configuration;
        configuration.issuer = object.value(QStringLiteral("issuer")).toString();
        configuration.authorizationEndpoint = object.value(QStringLiteral("authorization_endpoint")).toString();
        configuration.tokenEndpoint = object.value(QStringLiteral("token_endpoint")).toString();
        configuration.deviceAuthorizationEndpoint
            = object.value(QStringLiteral("device_authorization_endpoint")).toString();
        configuration.userinfoEndpoint = object.value(QStringLiteral("userinfo_endpoint")).toString();
        configuration.jwksUri = object.value(QStringLiteral("jwks_uri")).toString();
        QString expected = issuer.trimmed();
        QString named = configuration.issuer;
        while (expected.endsWith(u'/'))
            expected.chop(1);
        while (named.endsWith(u'/'))
            named.chop(1);
        if (named != expected) {
            Q_EMIT failed(QStringLiteral("The discovery document names the issuer “%1”, not “%2”: it was rejected.")
                              .arg(configuration.issuer, issuer));
            return;
        }
        if (configuration.tokenEndpoint.isEmpty()) {
            Q_EMIT failed(QStringLiteral("The discovery document of “%1” names no token endpoint.").arg(issuer));
            return;
        }
        Q_EMIT finished(configuration);
    });
}

} // namespace Sonde
