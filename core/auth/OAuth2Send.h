#pragma once

#include "model/Exchange.h"

#include <QObject>
#include <QPointer>

namespace Sonde {

class HttpEngine;
class TokenSource;
class Transfer;

/// Sends a request whose auth is OAuth 2.0 without a token of its own: the token comes from the
/// TokenSource (refreshed first when it is about to expire), and when the server answers 401 while a
/// refresh token exists, the token is refreshed once and the request sent again. Ends with one
/// finished(): the last exchange, or one carrying the reason no token could be had.
class OAuth2Send final : public QObject
{
    Q_OBJECT
public:
    OAuth2Send(HttpEngine *engine, TokenSource *tokens, QObject *parent = nullptr);

    /// Whether `request` (resolved) takes its token from the cache: OAuth 2.0 with an empty token field.
    static bool applies(const Request &request);

    void start(const Request &request);
    void cancel();
    /// The request was sent again after a refresh.
    bool retried() const { return m_retried; }

Q_SIGNALS:
    /// A transfer started (the first send, and the retry): for progress.
    void transferStarted(Sonde::Transfer *transfer);
    void finished(const Sonde::Exchange &exchange);

private:
    void sendWith(const QString &prefix, const QString &token);
    void onTransferFinished(Transfer *transfer, const Exchange &exchange);
    void failWith(const QString &message, TransportError::Kind kind);

    HttpEngine *m_engine;
    TokenSource *m_tokens;
    QPointer<Transfer> m_transfer;
    Request m_request;
    bool m_retried = false;
    bool m_done = false;
};

} // namespace Sonde
