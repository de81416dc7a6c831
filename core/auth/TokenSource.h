#pragma once

#include "auth/AuthConfig.h"
#include "auth/OAuth2Flow.h"
#include "auth/TokenResponse.h"

#include <QHash>
#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace Sonde {

class TokenCache;

/// Hands out the access token to send for an OAuth 2.0 configuration: the cached one, refreshed first
/// when it expires within the margin and a refresh token exists. A refresh that rotates the refresh
/// token stores the new one; one that sends none keeps the old. Requests for the same configuration
/// while a refresh runs wait for it rather than starting another.
class TokenSource final : public QObject
{
    Q_OBJECT
public:
    /// `token` is empty with `error` in words when there is none to send.
    using Callback = std::function<void(const TokenResponse &token, const QString &error)>;

    TokenSource(QNetworkAccessManager *network, TokenCache *cache, QObject *parent = nullptr);

    TokenCache *cache() const { return m_cache; }
    /// A token expiring within this many seconds is refreshed before it is sent (default 60).
    void setRefreshMargin(int seconds) { m_marginSeconds = seconds; }

    /// The token to send for `config` (variables resolved). With `forceRefresh` (the server refused the
    /// token) it is refreshed even when it has not expired.
    void acquire(const OAuth2 &config, bool forceRefresh, QObject *context, Callback callback);
    /// Exchanges the cached refresh token now and stores the result.
    void refresh(const OAuth2 &config, QObject *context, Callback callback);

    /// The header word for `token`: the configuration's prefix when the user changed it, else the
    /// token type the provider gave ("Bearer", "DPoP"), "Bearer" when it gave none.
    static QString headerPrefix(const OAuth2 &config, const TokenResponse &token);

Q_SIGNALS:
    /// A step of a refresh, for the OAuth log (secrets masked).
    void logged(const Sonde::OAuthLogEntry &entry);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };
    void startRefresh(const OAuth2 &config, const TokenResponse &current);
    void finishRefresh(const QString &key, const TokenResponse &token, const QString &error);

    QNetworkAccessManager *m_network;
    TokenCache *m_cache;
    int m_marginSeconds = 60;
    /// Refreshes in progress by config key, with who waits for them.
    QHash<QString, QList<Waiter>> m_waiting;
};

} // namespace Sonde
