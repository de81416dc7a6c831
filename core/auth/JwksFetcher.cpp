#include "auth/JwksFetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Sonde {

JwksFetcher::JwksFetcher(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_discovery(new OidcDiscovery(network, this))
{
    connect(m_discovery, &OidcDiscovery::failed, this, &JwksFetcher::failed);
    connect(m_discovery, &OidcDiscovery::finished, this, [this](const OidcConfiguration &configuration) {
        if (configuration.jwksUri.isEmpty()) {
            Q_EMIT failed(
                QStringLiteral("The provider %1 publishes no jwks_uri: its signatures cannot be checked.")
                    .arg(configuration.issuer));
            return;
        }
        fetchKeys(configuration.jwksUri);
    });
}

JwksFetcher::~JwksFetcher()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void JwksFetcher::start(const QString &issuer)
{
    m_discovery->start(issuer);
}

void JwksFetcher::fetchKeys(const QString &uri)
{
    QNetworkRequest request {QUrl(uri)};
    request.setTransferTimeout(30000);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, uri] {
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            Q_EMIT failed(
                QStringLiteral("The key set at %1 could not be fetched: %2").arg(uri, reply->errorString()));
            return;
        }
        const QJsonObject jwks = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200 || !jwks.value(QStringLiteral("keys")).isArray()) {
            Q_EMIT failed(QStringLiteral("The key set at %1 answered HTTP %2 without a JSON key set.")
                              .arg(uri)
                              .arg(status));
            return;
        }
        Q_EMIT finished(jwks, uri);
    });
}

} // namespace Sonde
