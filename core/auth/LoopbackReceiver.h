#pragma once

#include "auth/TokenResponse.h"

#include <QObject>
#include <QString>
#include <QTimer>

class QTcpServer;
class QTcpSocket;

namespace Sonde {

/// The redirect target of the authorization code flow for native apps (RFC 8252 §7.3): an HTTP listener
/// on 127.0.0.1 only, on a free port or a given one, that waits for one request on its path.
///
/// The callback must carry the expected `state` (and the expected issuer in `iss` when it sends one,
/// RFC 9207); the browser gets a small page saying the user can close the tab, and the listener closes
/// after the callback, on cancel() or when the time limit passes. Requests for other paths get a 404 and
/// leave it listening (browsers ask for /favicon.ico). The implicit grant's token arrives by POST or
/// from the URL fragment (see setAcceptTokens()).
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    /// Listens on 127.0.0.1:`port` (0 = a free port) for `path`; false with `*problem` when it cannot.
    bool listen(quint16 port, const QString &path, QString *problem);
    /// `http://127.0.0.1:<port><path>`, the redirect_uri to send.
    QString redirectUri() const;
    bool isListening() const;

    void setExpectedState(const QString &state) { m_state = state; }
    /// The issuer the `iss` parameter must name when present; empty accepts any.
    void setExpectedIssuer(const QString &issuer) { m_issuer = issuer; }
    /// Implicit grant: accept an access token instead of a code, sent as a form POST (response_mode
    /// form_post) or in the URL fragment, which the page served for a bare GET posts back.
    void setAcceptTokens(bool accept) { m_acceptTokens = accept; }
    /// Gives up after this long (0 = never); starts counting at listen().
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    /// Stops waiting: closes the listener and emits failed().
    void cancel();

Q_SIGNALS:
    /// The callback arrived with an authorization code; the listener is closed. `query` is the whole query.
    void codeReceived(const QString &code, const QString &query);
    /// Implicit grant: the callback carried an access token; `parameters` are all it carried, form-encoded.
    void tokenReceived(const QString &parameters);
    /// The callback carried an error, a wrong state or issuer, or the wait was cancelled or timed out.
    void failed(const QString &message);

private:
    void accept();
    void read(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QUrl &target, const QByteArray &body);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void answerRelayPage(QTcpSocket *socket);
    void finish();

    QTcpServer *m_server;
    QTimer m_timer;
    QString m_path;
    QString m_state;
    QString m_issuer;
    int m_timeoutMs = 0;
    bool m_acceptTokens = false;
    bool m_done = false;
};

} // namespace Sonde
