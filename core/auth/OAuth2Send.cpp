#include "auth/OAuth2Send.h"

#include "auth/TokenSource.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"

#include <QUuid>

namespace Sonde {

OAuth2Send::OAuth2Send(HttpEngine *engine, TokenSource *tokens, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_tokens(tokens)
{ }

bool OAuth2Send::applies(const Request &request)
{
    return request.auth.type == AuthConfig::Type::OAuth2
        && request.auth.oauth2.accessToken.trimmed().isEmpty();
}

void OAuth2Send::start(const Request &request)
{
    m_request = request;
    m_tokens->acquire(
        request.auth.oauth2, false, this, [this](const TokenResponse &token, const QString &error) {
            if (m_done)
                return;
            if (!error.isEmpty()) {
                failWith(error, TransportError::Kind::Authentication);
                return;
            }
            sendWith(TokenSource::headerPrefix(m_request.auth.oauth2, token), token.accessToken);
        });
}

void OAuth2Send::cancel()
{
    if (m_done)
        return;
    if (m_transfer) {
        m_transfer->cancel();
        return;
    }
    failWith(QStringLiteral("The request was cancelled."), TransportError::Kind::Cancelled);
}

void OAuth2Send::sendWith(const QString &prefix, const QString &token)
{
    Request request = m_request;
    request.auth.oauth2.headerPrefix = prefix;
    request.auth.oauth2.accessToken = token;
    Transfer *transfer = m_engine->send(request, this);
    m_transfer = transfer;
    connect(transfer, &Transfer::finished, this,
        [this, transfer](const Exchange &exchange) { onTransferFinished(transfer, exchange); });
    Q_EMIT transferStarted(transfer);
}

void OAuth2Send::onTransferFinished(Transfer *transfer, const Exchange &exchange)
{
    transfer->disconnect(this);
    transfer->deleteLater();
    m_transfer = nullptr;
    if (m_done)
        return;
    if (!m_retried && exchange.hasResponse() && exchange.response->statusCode == 401) {
        m_retried = true;
        m_tokens->refresh(
            m_request.auth.oauth2, this, [this, exchange](const TokenResponse &token, const QString &error) {
                if (m_done)
                    return;
                if (!error.isEmpty()) {
                    // Nothing better to send: the 401 stands, and the log says why no retry happened.
                    m_done = true;
                    Q_EMIT finished(exchange);
                    return;
                }
                sendWith(TokenSource::headerPrefix(m_request.auth.oauth2, token), token.accessToken);
            });
        return;
    }
    m_done = true;
    Q_EMIT finished(exchange);
}

void OAuth2Send::failWith(const QString &message, TransportError::Kind kind)
{
    m_done = true;
    Exchange exchange;
    exchange.id = QUuid::createUuid();
    exchange.startedAt = QDateTime::currentDateTimeUtc();
    exchange.request = m_request;
    exchange.error.kind = kind;
    exchange.error.message = message;
    Q_EMIT finished(exchange);
}

} // namespace Sonde
