#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace Sonde {

/// A tiny HTTP forward proxy on 127.0.0.1 for the tests: it takes absolute-URI requests
/// (`GET http://127.0.0.1:1234/x HTTP/1.1`), checks Basic `Proxy-Authorization` when credentials are
/// set (407 otherwise), forwards the request in origin form to a loopback host only, and relays the
/// answer. One request per client connection; everything received is recorded. `CONNECT host:port`
/// to a loopback port opens a tunnel (how HTTPS goes through a proxy).
class HttpTestProxy final : public QObject
{
    Q_OBJECT
public:
    explicit HttpTestProxy(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// `http://127.0.0.1:<port>`, with `user:password@` when given.
    QString url(const QString &user = {}, const QString &password = {}) const;

    /// Requires these Basic credentials; empty user: no authentication.
    void setCredentials(const QString &user, const QString &password);

    /// Heads of all requests received (request line and fields, up to the blank line), in order.
    QList<QByteArray> requestHeads() const { return m_heads; }
    /// Requests forwarded to their target (not answered with 407).
    int forwardedCount() const { return m_forwarded; }
    /// The authorities of the CONNECT requests accepted (after authentication), e.g. "127.0.0.1:4433".
    QList<QByteArray> connects() const { return m_connects; }

private:
    void accept();
    void openTunnel(QTcpSocket *client, const QByteArray &authority, const QByteArray &early);

    QTcpServer m_server;
    QByteArray m_expectedAuthorization;
    QList<QByteArray> m_heads;
    int m_forwarded = 0;
    QList<QByteArray> m_connects;
};

} // namespace Sonde
