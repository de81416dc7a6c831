#pragma once

#include "model/Request.h"

#include <QHash>
#include <QMutex>
#include <QNetworkProxy>
#include <QUrl>

#include <atomic>
#include <memory>

class QNetworkAccessManager;

namespace Sonde {

/// The proxy each request in flight goes through, for the one QNetworkAccessManager all requests share.
///
/// QNAM asks its QNetworkProxyFactory with nothing but the URL, and it asks later than the request is
/// created when the request has a body, so neither "the proxy of the request being created" nor "the
/// proxy for this URL" would tell two concurrent requests apart. Instead each hop registers its proxy
/// under a tag, the tag goes into the URL's fragment (which QNAM never sends, nor uses to pick a
/// connection), and the factory installed on the manager looks the tag up. Requests without a tag (sent
/// by others on the same manager) get what the manager gave them before: the application's proxy.
class ProxyRoute final
{
public:
    /// The registry installed on `network`, installing one (and its factory, owned by the manager)
    /// unless one is already there; engines sharing a manager share its registry.
    static std::shared_ptr<ProxyRoute> install(QNetworkAccessManager *network);

    /// Registers `proxy` and returns the tag to put in the fragment of the request's URL.
    QString add(const QNetworkProxy &proxy);
    void remove(const QString &tag);
    /// The proxy registered under `tag`, if any. Thread-safe: QNAM may ask from its HTTP thread.
    std::optional<QNetworkProxy> find(const QString &tag) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QNetworkProxy> m_proxies;
    std::atomic<quint64> m_next {0};
};

/// A proxy to use for a request, or why there is none.
struct ProxyChoice
{
    QNetworkProxy proxy {QNetworkProxy::NoProxy};
    /// Set when the settings do not describe a usable proxy (bad URL, unknown scheme, no port).
    QString problem;
};

/// The proxy `settings` (already resolved: no {{variables}} left) choose for `target`: none, the
/// system's for that URL, or the custom HTTP or SOCKS5 proxy with its credentials.
ProxyChoice chooseProxy(const ProxySettings &settings, const QUrl &target);

/// Custom proxy settings from a URL as given on a command line, `http://user:pass@host:port` or
/// `socks5://…`; the user and password may be left out. `problem` says why the text is no proxy URL.
ProxySettings proxyFromUrl(const QString &text, QString *problem);

/// `proxy` as `scheme://host:port` (no credentials), for messages.
QString proxyDisplayName(const QNetworkProxy &proxy);

} // namespace Sonde
