#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace Sonde {

/// A loopback HTTP/1.1 server for large uploads: it reads one request per connection, counts the body
/// bytes (by Content-Length) without keeping them, and answers `200 OK` with the count as the body.
class CountingServer final : public QObject
{
    Q_OBJECT
public:
    explicit CountingServer(QObject *parent = nullptr);

    bool listen();
    QUrl url(const QString &path = QStringLiteral("/")) const;

    /// The head of the last request, up to and including the blank line.
    QByteArray lastHead() const { return m_head; }
    /// Body bytes received for the last request.
    qint64 bodyBytes() const { return m_bodyBytes; }

private:
    void accept();

    QTcpServer m_server;
    QByteArray m_head;
    qint64 m_bodyBytes = 0;
};

} // namespace Sonde
