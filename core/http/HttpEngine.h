#pragma once

#include "http/ClientCertificate.h"
#include "model/Request.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <memory>

class QNetworkAccessManager;

namespace Sonde {

class CookieJar;
class ProxyRoute;
class Transfer;

/// Sends requests through one injected QNetworkAccessManager and records each as an Exchange.
///
/// The engine owns nothing global: the application creates one QNetworkAccessManager and passes it in.
/// Each request's proxy is applied per request through a proxy factory the engine installs on that
/// manager (see ProxyRoute); the manager's own proxy settings then only apply to requests sent by others.
class HttpEngine final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMemoryThreshold = 8 * 1024 * 1024;
    static constexpr qint64 ReadBufferSize = 1024 * 1024;

    explicit HttpEngine(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// Bodies larger than this go to a temporary file instead of memory.
    void setMemoryThreshold(qint64 bytes) { m_memoryThreshold = bytes; }
    qint64 memoryThreshold() const { return m_memoryThreshold; }

    /// Where temporary body files go; the system temporary folder by default.
    void setTemporaryDirectory(const QString &path) { m_temporaryDirectory = path; }
    QString temporaryDirectory() const { return m_temporaryDirectory; }

    /// The jar requests send cookies from and responses store them in (unless a request turns it off);
    /// none by default. The engine does not own it.
    void setCookieJar(CookieJar *jar);
    CookieJar *cookieJar() const;

    /// Certificate authorities trusted for HTTPS besides the system's (a company's own CA, a local one).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    QList<QSslCertificate> extraCaCertificates() const { return m_caCertificates; }
    /// The certificates in the PEM or DER files `paths`; `problem` names a file that holds none.
    static QList<QSslCertificate> loadCertificates(const QStringList &paths, QString *problem);

    /// Client certificates for mutual TLS, the first whose host pattern matches an HTTPS request's host
    /// being presented. Their files are read here, once; a request to a host whose entry could not be
    /// read fails with that reason. Open connections are dropped when the set changes, so the next
    /// request presents the new certificate.
    void setClientCertificates(const QList<ClientCertificate> &certificates);
    QList<ClientCertificate> clientCertificates() const;
    /// The entries that could not be read, each with why, in words.
    QStringList clientCertificateProblems() const;

    /// The proxy of requests whose proxy mode is Default (the application's setting); no proxy unless set.
    /// Must not be Default itself.
    void setDefaultProxy(const ProxySettings &proxy);
    ProxySettings defaultProxy() const { return m_defaultProxy; }

    /// Starts sending `request` and returns the transfer, parented to `owner` (the caller deletes it,
    /// typically with deleteLater() after Transfer::finished). Invalid requests finish at once, queued,
    /// with an error.
    Transfer *send(const Request &request, QObject *owner);

    QNetworkAccessManager *network() const { return m_network; }

private:
    QNetworkAccessManager *m_network;
    std::shared_ptr<ProxyRoute> m_proxyRoute;
    qint64 m_memoryThreshold = DefaultMemoryThreshold;
    QString m_temporaryDirectory;
    QPointer<CookieJar> m_cookieJar;
    ProxySettings m_defaultProxy {ProxySettings::Mode::None};
    QList<QSslCertificate> m_caCertificates;
    QList<LoadedClientCertificate> m_clientCertificates;
};

} // namespace Sonde
