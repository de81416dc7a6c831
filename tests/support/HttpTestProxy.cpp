#include "HttpTestProxy.h"

#include <QPointer>
#include <QTcpSocket>

namespace Sonde {

namespace {

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

HttpTestProxy::HttpTestProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpTestProxy::accept);
}

bool HttpTestProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QString HttpTestProxy::url(const QString &user, const QString &password) const
{
    const QString credentials = user.isEmpty() ? QString() : user + u':' + password + u'@';
    return u"http://" + credentials + u"127.0.0.1:" + QString::number(port());
}

void HttpTestProxy::setCredentials(const QString &user, const QString &password)
{
    m_expectedAuthorization = user.isEmpty() ? QByteArray()
                                             : "Basic " + (user + u':' + password).toUtf8().toBase64();
}

void HttpTestProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            *buffer += client->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end + 4);
            const qint64 length = headerValue(head, "Content-Length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            const QByteArray body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            m_heads.append(head);

            if (!m_expectedAuthorization.isEmpty()
                && headerValue(head, "Proxy-Authorization") != m_expectedAuthorization) {
                client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"test proxy\"\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
            if (requestLine.value(0) == "CONNECT") {
                openTunnel(client, requestLine.value(1), *buffer);
                return;
            }
            const QUrl target = QUrl::fromEncoded(requestLine.value(1));
            if (requestLine.size() != 3 || target.host() != u"127.0.0.1") {
                client->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            // Origin form, without the hop-by-hop fields meant for the proxy.
            QByteArray forwarded = requestLine[0] + ' '
                + target.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment) + ' '
                + requestLine[2] + "\r\n";
            for (const QByteArray &line : head.mid(head.indexOf("\r\n") + 2).split('\n')) {
                const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
                if (line.trimmed().isEmpty() || name == "proxy-authorization" || name == "proxy-connection"
                    || name == "connection")
                    continue;
                forwarded += line.trimmed() + "\r\n";
            }
            forwarded += "Connection: close\r\n\r\n" + body;
            ++m_forwarded;

            auto *upstream = new QTcpSocket(client);
            QPointer<QTcpSocket> guardedClient(client);
            connect(upstream, &QTcpSocket::connected, upstream, [upstream, forwarded] { upstream->write(forwarded); });
            connect(upstream, &QTcpSocket::readyRead, client, [upstream, client] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            upstream->connectToHost(QHostAddress::LocalHost, quint16(target.port(80)));
        });
    }
}

void HttpTestProxy::openTunnel(QTcpSocket *client, const QByteArray &authority, const QByteArray &early)
{
    m_connects.append(authority);
    const qsizetype colon = authority.lastIndexOf(':');
    const QByteArray host = authority.left(colon);
    bool portOk = false;
    const quint16 port = authority.mid(colon + 1).toUShort(&portOk);
    if (colon <= 0 || !portOk || (host != "127.0.0.1" && host != "localhost")) {
        client->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
        return;
    }
    // From here on the client's bytes are the tunnel's: no more parsing.
    client->disconnect(this);
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
        client->write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (!early.isEmpty())
            upstream->write(early);
    });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream] {
        if (upstream->state() != QAbstractSocket::ConnectedState && !upstream->property("opened").toBool()) {
            client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            client->disconnectFromHost();
        }
    });
    connect(upstream, &QTcpSocket::connected, upstream, [upstream] { upstream->setProperty("opened", true); });
    connect(upstream, &QTcpSocket::readyRead, client, [upstream, client] { client->write(upstream->readAll()); });
    connect(client, &QTcpSocket::readyRead, upstream, [upstream, client] { upstream->write(client->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    upstream->connectToHost(QHostAddress::LocalHost, port);
}

} // namespace Sonde
