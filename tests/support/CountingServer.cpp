#include "CountingServer.h"

#include <QTcpSocket>

namespace Sonde {

CountingServer::CountingServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CountingServer::accept);
}

bool CountingServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl CountingServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())).resolved(QUrl(path));
}

void CountingServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        auto expected = std::make_shared<qint64>(-1);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, expected] {
            if (*expected < 0) {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                m_head = buffer->left(end + 4);
                m_bodyBytes = buffer->size() - (end + 4);
                *expected = 0;
                for (const QByteArray &line : m_head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        *expected = line.mid(15).trimmed().toLongLong();
                }
                buffer->clear();
            } else {
                m_bodyBytes += socket->skip(socket->bytesAvailable());
            }
            if (m_bodyBytes >= *expected) {
                const QByteArray count = QByteArray::number(m_bodyBytes);
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(count.size())
                              + "\r\nConnection: close\r\n\r\n" + count);
                socket->disconnectFromHost();
            }
        });
    }
}

} // namespace Sonde
