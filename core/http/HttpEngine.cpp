#include "http/HttpEngine.h"

#include "http/ProxyRoute.h"
#include "http/Transfer.h"

namespace Sonde {

HttpEngine::HttpEngine(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    , m_proxyRoute(ProxyRoute::install(network))
}

Transfer *HttpEngine::send(const Request &request, QObject *owner)
{
    Transfer::Options options;
    options.memoryThreshold = m_memoryThreshold;
    options.readBufferSize = ReadBufferSize;
    options.temporaryDirectory = m_temporaryDirectory;
    return new Transfer(m_network, request, options, owner);
    options.proxyRoute = m_proxyRoute;
}

} // namespace Sonde
