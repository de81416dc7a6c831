#include "http/HttpEngine.h"

#include "http/CookieJar.h"
#include "http/ProxyRoute.h"
#include "http/Transfer.h"

#include <QFile>
#include <QNetworkAccessManager>

namespace Sonde {

HttpEngine::HttpEngine(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_proxyRoute(ProxyRoute::install(network))
{
}

void HttpEngine::setCookieJar(CookieJar *jar)
{
    m_cookieJar = jar;
}

CookieJar *HttpEngine::cookieJar() const
{
    return m_cookieJar;
}

QList<QSslCertificate> HttpEngine::loadCertificates(const QStringList &paths, QString *problem)
{
    QList<QSslCertificate> all;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *problem = QStringLiteral("The certificate file %1 cannot be read: %2").arg(path, file.errorString());
            return {};
        }
        const QByteArray bytes = file.readAll();
        QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
        if (certificates.isEmpty())
            certificates = QSslCertificate::fromData(bytes, QSsl::Der);
        if (certificates.isEmpty()) {
            *problem = QStringLiteral("%1 holds no certificate (PEM or DER).").arg(path);
            return {};
        }
        all += certificates;
    }
    return all;
}

void HttpEngine::setClientCertificates(const QList<ClientCertificate> &certificates)
{
    if (certificates == clientCertificates())
        return;
    m_clientCertificates.clear();
    for (const ClientCertificate &certificate : certificates)
        m_clientCertificates.append({certificate, loadClientIdentity(certificate)});
    // QNAM reuses a kept-alive connection whatever certificate a request asks for.
    m_network->clearConnectionCache();
}

QList<ClientCertificate> HttpEngine::clientCertificates() const
{
    QList<ClientCertificate> entries;
    for (const LoadedClientCertificate &loaded : m_clientCertificates)
        entries.append(loaded.entry);
    return entries;
}

QStringList HttpEngine::clientCertificateProblems() const
{
    QStringList problems;
    for (const LoadedClientCertificate &loaded : m_clientCertificates) {
        if (!loaded.result.ok())
            problems.append(QStringLiteral("%1: %2").arg(loaded.entry.host, loaded.result.error));
    }
    return problems;
}

void HttpEngine::setDefaultProxy(const ProxySettings &proxy)
{
    Q_ASSERT(proxy.mode != ProxySettings::Mode::Default);
    m_defaultProxy = proxy;
    if (m_defaultProxy.mode == ProxySettings::Mode::Default)
        m_defaultProxy.mode = ProxySettings::Mode::None;
}

Transfer *HttpEngine::send(const Request &request, QObject *owner)
{
    if (request.settings.proxy.mode == ProxySettings::Mode::Default) {
        // The exchange records the proxy really used.
        Request withProxy = request;
        withProxy.settings.proxy = m_defaultProxy;
        return send(withProxy, owner);
    }
    Transfer::Options options;
    options.memoryThreshold = m_memoryThreshold;
    options.readBufferSize = ReadBufferSize;
    options.temporaryDirectory = m_temporaryDirectory;
    options.proxyRoute = m_proxyRoute;
    options.cookieJar = m_cookieJar;
    options.caCertificates = m_caCertificates;
    options.clientCertificates = m_clientCertificates;
    return new Transfer(m_network, request, options, owner);
}

} // namespace Sonde
