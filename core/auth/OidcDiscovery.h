#pragma once

#include "auth/AuthConfig.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace Sonde {

/// The endpoints an OpenID provider publishes (OpenID Connect Discovery 1.0 §3).
struct OidcConfiguration
{
    QString issuer;
    QString authorizationEndpoint;
    QString tokenEndpoint;
    QString deviceAuthorizationEndpoint;
    QString userinfoEndpoint;
    QString jwksUri;

    /// `config` with its authorization, token and device endpoints taken from here (empty ones kept).
    OAuth2 appliedTo(OAuth2 config) const;
};

/// Reads `<issuer>/.well-known/openid-configuration` through the injected QNetworkAccessManager and
/// checks that the document names the same issuer (§4.3). Ends with one finished() or failed().
class OidcDiscovery final : public QObject
{
    Q_OBJECT
public:
    explicit OidcDiscovery(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OidcDiscovery() override;

    void start(const QString &issuer);

    /// The discovery document's URL for `issuer`: the issuer with any trailing slash removed, then
    /// `/.well-known/openid-configuration`.
    static QString documentUrl(const QString &issuer);

Q_SIGNALS:
    void finished(const Sonde::OidcConfiguration &configuration);
    void failed(const QString &message);

private:
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace Sonde
