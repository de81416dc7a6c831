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
/// leave it listening (browsers ask for /favicon.ico).
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
    /// Gives up after this long (0 = never); starts counting at listen().
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    /// Stops waiting: closes the listener and emits failed().
    void cancel();

Q_SIGNALS:
    /// The callback arrived with an authorization code; the listener is closed. `query` is the whole query.
    void codeReceived(const QString &code, const QString &query);
    /// The callback carried an error, a wrong state or issuer, or the wait was cancelled or timed out.
    void failed(const QString &message);

private:
    void accept();
    void read(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void finish();

    QTcpServer *m_server;
    QTimer m_timer;
    QString m_path;
    QString m_state;
    QString m_issuer;
    int m_timeoutMs = 0;
    bool m_done = false;
};

} // namespace Sonde
