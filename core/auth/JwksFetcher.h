#pragma once

#include "auth/OidcDiscovery.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Sonde {

/// Fetches an OpenID provider's public signing keys: discovery of `issuer`, then its `jwks_uri`, both
/// through the injected QNetworkAccessManager. Ends with one finished() or failed().
class JwksFetcher final : public QObject
{
    Q_OBJECT
public:
    explicit JwksFetcher(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~JwksFetcher() override;

    void start(const QString &issuer);

Q_SIGNALS:
    /// The key set (a JSON object with "keys") and where it came from.
    void finished(const QJsonObject &jwks, const QString &jwksUri);
    void failed(const QString &message);

private:
    void fetchKeys(const QString &uri);

    QNetworkAccessManager *m_network;
    OidcDiscovery *m_discovery;
    QPointer<QNetworkReply> m_reply;
};

} // namespace Sonde
