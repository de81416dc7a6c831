#include "http/ProxyRoute.h"

#include <QAuthenticator>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

namespace Sonde {

namespace {

class TaggedProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit TaggedProxyFactory(std::shared_ptr<ProxyRoute> route)
        : m_route(std::move(route))
    {
    }

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (const std::optional<QNetworkProxy> proxy = m_route->find(query.url().fragment()))
            return {*proxy};
        return QNetworkProxyFactory::proxyForQuery(query);
    }

    std::shared_ptr<ProxyRoute> route() const { return m_route; }

private:
    std::shared_ptr<ProxyRoute> m_route;
};

} // namespace

std::shared_ptr<ProxyRoute> ProxyRoute::install(QNetworkAccessManager *network)
{
    if (auto *factory = dynamic_cast<TaggedProxyFactory *>(network->proxyFactory()))
        return factory->route();
    auto route = std::make_shared<ProxyRoute>();
    network->setProxyFactory(new TaggedProxyFactory(route));
    // QNAM does not answer a proxy's challenge with the credentials the proxy carries: it asks. The
    // proxy it asks about is the request's, credentials included. Given once; a second challenge means
    // they were refused, and the request then fails with ProxyAuthenticationRequiredError.
    QObject::connect(network, &QNetworkAccessManager::proxyAuthenticationRequired, network,
                     [](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
                         // SOCKS5 uses the proxy's credentials by itself; answering would retry forever.
                         if (proxy.type() != QNetworkProxy::HttpProxy || proxy.user().isEmpty()
                             || (authenticator->user() == proxy.user() && authenticator->password() == proxy.password()))
                             return;
                         authenticator->setUser(proxy.user());
                         authenticator->setPassword(proxy.password());
                     });
    return route;
}

QString ProxyRoute::add(const QNetworkProxy &proxy)
{
    const QString tag = QStringLiteral("sonde-proxy-%1").arg(++m_next);
    const QMutexLocker lock(&m_mutex);
    m_proxies.insert(tag, proxy);
    return tag;
}

void ProxyRoute::remove(const QString &tag)
{
    const QMutexLocker lock(&m_mutex);
    m_proxies.remove(tag);
}

std::optional<QNetworkProxy> ProxyRoute::find(const QString &tag) const
{
    if (tag.isEmpty())
        return std::nullopt;
    const QMutexLocker lock(&m_mutex);
    const auto it = m_proxies.constFind(tag);
    if (it == m_proxies.constEnd())
        return std::nullopt;
    return *it;
}

ProxyChoice chooseProxy(const ProxySettings &settings, const QUrl &target)
{
    ProxyChoice choice;
    switch (settings.mode) {
    case ProxySettings::Mode::Default: // HttpEngine puts the application's proxy in its place
    case ProxySettings::Mode::None:
        return choice;
    case ProxySettings::Mode::System: {
        const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(target));
        if (!proxies.isEmpty())
            choice.proxy = proxies.constFirst();
        return choice;
    }
    case ProxySettings::Mode::Custom:
        break;
    }
    const QString text = settings.url.trimmed();
    const QUrl url(text.contains(QStringLiteral("://")) ? text : QStringLiteral("http://") + text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (text.isEmpty()) {
        choice.problem = QStringLiteral("The request is set to use a custom proxy, but no proxy URL is given.");
        return choice;
    }
    if (!url.isValid() || url.host().isEmpty()) {
        choice.problem = QStringLiteral("“%1” is not a valid proxy URL (http://host:port or socks5://host:port).").arg(text);
        return choice;
    }
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    if (scheme == u"socks5" || scheme == u"socks5h")
        type = QNetworkProxy::Socks5Proxy;
    else if (scheme != u"http") {
        choice.problem = QStringLiteral("Sonde supports HTTP and SOCKS5 proxies; “%1” uses %2:.").arg(text, url.scheme());
        return choice;
    }
    const int port = url.port(type == QNetworkProxy::HttpProxy ? 8080 : 1080);
    const QString user = settings.user.isEmpty() ? url.userName() : settings.user;
    const QString password = settings.password.isEmpty() ? url.password() : settings.password;
    choice.proxy = QNetworkProxy(type, url.host(), quint16(port), user, password);
    return choice;
}

ProxySettings proxyFromUrl(const QString &text, QString *problem)
{
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Custom;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    settings.user = url.userName();
    settings.password = url.password();
    QUrl withoutCredentials = url;
    withoutCredentials.setUserInfo(QString());
    settings.url = withoutCredentials.toString();
    const ProxyChoice choice = chooseProxy(settings, QUrl());
    if (!choice.problem.isEmpty())
        *problem = choice.problem;
    return settings;
}

QString proxyDisplayName(const QNetworkProxy &proxy)
{
    const QString scheme = proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5") : QStringLiteral("http");
    return QStringLiteral("%1://%2:%3").arg(scheme, proxy.hostName()).arg(proxy.port());
}

} // namespace Sonde
