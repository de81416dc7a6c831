#include "http/HttpEngine.h"

#include "http/CookieJar.h"
#include "http/ProxyRoute.h"
#include "http/Transfer.h"

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
    return new Transfer(m_network, request, options, owner);
}

} // namespace Sonde
