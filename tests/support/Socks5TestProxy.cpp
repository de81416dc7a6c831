#include "Socks5TestProxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QtEndian>

namespace Sonde {

namespace {

enum class Stage { Greeting, Authentication, Request, Relaying };

struct Session
{
    Stage stage = Stage::Greeting;
    QByteArray buffer;
    QTcpSocket *upstream = nullptr;
};

} // namespace

Socks5TestProxy::Socks5TestProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &Socks5TestProxy::accept);
}

bool Socks5TestProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

void Socks5TestProxy::setCredentials(const QByteArray &user, const QByteArray &password)
{
    m_user = user;
    m_password = password;
}

void Socks5TestProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto session = std::make_shared<Session>();
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client, session] {
            Session &s = *session;
            s.buffer += client->readAll();
            const QByteArray &b = s.buffer;
            if (s.stage == Stage::Greeting) {
                if (b.size() < 2 || b.size() < 2 + quint8(b[1]))
                    return;
                const bool version5 = b[0] == '\x05';
                const QByteArray methods = b.mid(2, quint8(b[1]));
                const char wanted = m_user.isEmpty() ? '\x00' : '\x02';
                s.buffer.remove(0, 2 + methods.size());
                if (!version5 || !methods.contains(wanted)) {
                    client->write(QByteArray("\x05\xff", 2));
                    client->disconnectFromHost();
                    return;
                }
                client->write(QByteArray("\x05", 1) + wanted);
                s.stage = m_user.isEmpty() ? Stage::Request : Stage::Authentication;
            }
            if (s.stage == Stage::Authentication) {
                if (b.size() < 2 || b.size() < 3 + quint8(b[1]))
                    return;
                const int userLength = quint8(b[1]);
                const int passwordLength = quint8(b[2 + userLength]);
                if (b.size() < 3 + userLength + passwordLength)
                    return;
                const QByteArray user = b.mid(2, userLength);
                const QByteArray password = b.mid(3 + userLength, passwordLength);
                s.buffer.remove(0, 3 + userLength + passwordLength);
                m_users.append(user);
                if (user != m_user || password != m_password) {
                    client->write(QByteArray("\x01\x01", 2));
                    client->disconnectFromHost();
                    return;
                }
                client->write(QByteArray("\x01\x00", 2));
                s.stage = Stage::Request;
            }
            if (s.stage == Stage::Request) {
                if (b.size() < 5)
                    return;
                const char type = b[3];
                int addressLength = type == '\x01' ? 4 : type == '\x04' ? 16 : 1 + quint8(b[4]);
                if (b.size() < 4 + addressLength + 2)
                    return;
                QByteArray host;
                if (type == '\x03')
                    host = b.mid(5, addressLength - 1);
                else if (type == '\x04') {
                    Q_IPV6ADDR address;
                    memcpy(address.c, b.constData() + 4, 16);
                    host = QHostAddress(address).toString().toLatin1();
                } else if (type == '\x01') {
                    host = QHostAddress(qFromBigEndian<quint32>(b.constData() + 4)).toString().toLatin1();
                }
                const quint16 port = qFromBigEndian<quint16>(b.constData() + 4 + addressLength);
                s.buffer.remove(0, 4 + addressLength + 2);
                m_connects.append(host + ':' + QByteArray::number(port));
                const QHostAddress target(QString::fromLatin1(host) == u"localhost" ? QStringLiteral("127.0.0.1")
                                                                                       : QString::fromLatin1(host));
                if (!target.isLoopback()) {
                    client->write(QByteArray("\x05\x02\x00\x01\0\0\0\0\0\0", 10)); // not allowed
                    client->disconnectFromHost();
                    return;
                }
                s.stage = Stage::Relaying;
                s.upstream = new QTcpSocket(client);
                QTcpSocket *upstream = s.upstream;
                connect(upstream, &QTcpSocket::connected, client, [this, client, session] {
                    client->write(QByteArray("\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00", 10));
                    if (!session->buffer.isEmpty()) {
                        m_relayed += session->buffer;
                        session->upstream->write(std::exchange(session->buffer, QByteArray()));
                    }
                });
                connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream] {
                    if (upstream->state() != QAbstractSocket::ConnectedState) {
                        client->write(QByteArray("\x05\x05\x00\x01\0\0\0\0\0\0", 10)); // refused
                        client->disconnectFromHost();
                    }
                });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
                connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
                upstream->connectToHost(target, port);
                return;
            }
            if (s.stage == Stage::Relaying && s.upstream->state() == QAbstractSocket::ConnectedState) {
                m_relayed += s.buffer;
                s.upstream->write(std::exchange(s.buffer, QByteArray()));
            }
        });
    }
}

} // namespace Sonde
