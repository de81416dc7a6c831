#include "auth/TokenSource.h"

#include "auth/TokenCache.h"

#include <QRegularExpression>

namespace Sonde {

TokenSource::TokenSource(QNetworkAccessManager *network, TokenCache *cache, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_cache(cache)
{ }

QString TokenSource::headerPrefix(const OAuth2 &config, const TokenResponse &token)
{
    if (config.headerPrefix != OAuth2().headerPrefix && !config.headerPrefix.isEmpty())
        return config.headerPrefix;
    static const QRegularExpression word(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
    if (token.tokenType.isEmpty() || token.tokenType.compare(u"bearer", Qt::CaseInsensitive) == 0
        || !word.match(token.tokenType).hasMatch())
        return QStringLiteral("Bearer");
    return token.tokenType;
}

void TokenSource::acquire(const OAuth2 &config, bool forceRefresh, QObject *context, Callback callback)
{
    const QPointer<QObject> guard(context);
    m_cache->load(config, this, [=, this](std::optional<TokenResponse> token, const QString &error) {
        if (!guard)
            return;
        if (!error.isEmpty()) {
            callback({},
                QStringLiteral("The OAuth 2.0 token could not be read from %1: %2")
                    .arg(QStringLiteral("the secret store"), error));
            return;
        }
        if (!token) {
            callback({},
                QStringLiteral("There is no OAuth 2.0 token for this auth yet: press “Get New Token” in "
                               "the Auth tab."));
            return;
        }
        const bool expiring = token->expiresAt.isValid()
            && QDateTime::currentDateTimeUtc().secsTo(token->expiresAt) <= m_marginSeconds;
        if (!forceRefresh && !expiring) {
            callback(*token, QString());
            return;
        }
        if (token->refreshToken.isEmpty()) {
            if (forceRefresh || QDateTime::currentDateTimeUtc() >= token->expiresAt)
                callback({},
                    forceRefresh ? QStringLiteral("The server refused the OAuth 2.0 token and there is no "
                                                  "refresh token: get a new token.")
                                 : QStringLiteral("The OAuth 2.0 token expired and there is no refresh "
                                                  "token: get a new token."));
            else
                callback(*token, QString());
            return;
        }
        const QString key = TokenCache::configKey(config);
        const bool running = m_waiting.contains(key);
        m_waiting[key].append({guard, callback});
        if (!running)
            startRefresh(config, *token);
    });
}

void TokenSource::refresh(const OAuth2 &config, QObject *context, Callback callback)
{
    acquire(config, true, context, std::move(callback));
}

void TokenSource::startRefresh(const OAuth2 &config, const TokenResponse &current)
{
    const QString key = TokenCache::configKey(config);
    auto *flow = new OAuth2Flow(m_network, this);
    connect(flow, &OAuth2Flow::logged, this, &TokenSource::logged);
    connect(flow, &OAuth2Flow::succeeded, this, [=, this](const TokenResponse &answer) {
        flow->deleteLater();
        TokenResponse token = answer;
        // A provider that does not rotate refresh tokens sends none back: the old one stays valid.
        if (token.refreshToken.isEmpty())
            token.refreshToken = current.refreshToken;
        if (token.idToken.isEmpty())
            token.idToken = current.idToken;
        m_cache->store(config, token, this, [=, this](const QString &error) {
            // The token is good for this session even when the store refused it.
            if (!error.isEmpty())
                Q_EMIT logged({QDateTime::currentDateTimeUtc(), QStringLiteral("Token not stored"), error});
            finishRefresh(key, token, QString());
        });
    });
    connect(flow, &OAuth2Flow::failed, this, [=, this](const QString &message) {
        flow->deleteLater();
        finishRefresh(key, {}, QStringLiteral("The OAuth 2.0 token could not be refreshed: %1").arg(message));
    });
    flow->refresh(config, current.refreshToken);
}

void TokenSource::finishRefresh(const QString &key, const TokenResponse &token, const QString &error)
{
    const QList<Waiter> waiters = m_waiting.take(key);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(error.isEmpty() ? token : TokenResponse(), error);
    }
}

} // namespace Sonde
