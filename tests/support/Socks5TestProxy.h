#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace Sonde {

/// A SOCKS5 proxy on 127.0.0.1 for the tests (RFC 1928 CONNECT, RFC 1929 username/password): it
/// accepts "no authentication" unless credentials are set, connects only to loopback targets, relays
/// both ways, and records what clients asked for.
class Socks5TestProxy final : public QObject
{
    Q_OBJECT
public:
    explicit Socks5TestProxy(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    /// Requires username/password authentication with these; empty user: no authentication.
    void setCredentials(const QByteArray &user, const QByteArray &password);

    /// Every CONNECT, as `host:port` (a name for ATYP 3, an address otherwise).
    QList<QByteArray> connects() const { return m_connects; }
    /// The user names clients authenticated with (also the rejected ones).
    QList<QByteArray> users() const { return m_users; }
    /// Bytes clients sent through the tunnels, all connections concatenated.
    QByteArray relayed() const { return m_relayed; }

private:
    void accept();

    QTcpServer m_server;
    QByteArray m_user;
    QByteArray m_password;
    QList<QByteArray> m_connects;
    QList<QByteArray> m_users;
    QByteArray m_relayed;
};

} // namespace Sonde
