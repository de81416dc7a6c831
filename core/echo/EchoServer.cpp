#include "echo/EchoServer.h"

#include "echo/ByteStream.h"
#include "echo/EchoConnection.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Sonde {

EchoServer::EchoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &EchoServer::acceptConnections);
}

EchoServer::~EchoServer()
{
    close();
}

bool EchoServer::listen(quint16 port)
{
    close();
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_errorString = m_server->errorString();
        return false;
    }
    m_errorString.clear();
    return true;
}

void EchoServer::close()
{
    m_server->close();
    const QSet<QObject *> connections = std::exchange(m_connections, {});
    for (QObject *connection : connections) {
        static_cast<Echo::EchoConnection *>(connection)->abort();
        connection->deleteLater();
    }
}

bool EchoServer::isListening() const
{
    return m_server->isListening();
}

quint16 EchoServer::port() const
{
    return m_server->isListening() ? m_server->serverPort() : 0;
}

QUrl EchoServer::baseUrl() const
{
    if (!m_server->isListening())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server->serverPort());
    url.setPath(u"/"_s);
    return url;
}

QString EchoServer::errorString() const
{
    return m_errorString;
}

int EchoServer::connectionCount() const
{
    return static_cast<int>(m_connections.size());
}

QByteArray EchoServer::pseudoRandomBytes(qint64 size, quint64 seed)
{
    QByteArray bytes(std::max<qint64>(size, 0), Qt::Uninitialized);
    Echo::SplitMix64(seed).fill(bytes.data(), bytes.size());
    return bytes;
}

void EchoServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new Echo::EchoConnection(socket, m_server->serverPort(), this);
        m_connections.insert(connection);
        connect(
            connection, &QObject::destroyed, this, [this](QObject *object) { m_connections.remove(object); });
    }
}

} // namespace Sonde
