#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

class QTcpServer;

namespace Sonde {

/// Sonde's built-in httpbin-style HTTP/1.1 echo server, bound to 127.0.0.1 only.
///
/// Answers every path with a JSON description of the request it received (method, URL, query, headers
/// in received order, body as text or Base64, parsed JSON), plus a few endpoints that produce specific
/// responses for exploring and testing clients: `/status/{code}`, `/delay/{ms}`, `/bytes/{n}` (streamed,
/// never buffered), `/gzip`, `/deflate`, `/redirect/{n}`, `/redirect-to`, `/chunked/{n}`, `/drop/{n}`,
/// `/json`, `/xml`, `/html`, `/headers`. docs/echo-server.md lists them all.
///
/// Built on QTcpServer so that it needs nothing beyond QtCore and QtNetwork. Connections are kept alive
/// and pipelined requests are answered in order; malformed requests get a 400 and the connection is
/// closed. Everything is asynchronous: a delayed or streamed response never blocks the thread.
class EchoServer final : public QObject
{
    Q_OBJECT
public:
    /// Header block (request line and header fields) limit; larger heads get a 431.
    static constexpr qsizetype MaxHeadSize = 64 * 1024;
    /// Request body limit; larger bodies get a 413.
    static constexpr qint64 MaxBodySize = 64 * 1024 * 1024;
    /// Longest delay `/delay/{ms}` accepts; larger values are clamped.
    static constexpr int MaxDelayMs = 60000;

    explicit EchoServer(QObject *parent = nullptr);
    ~EchoServer() override;

    /// Starts listening on 127.0.0.1:`port`; 0 picks a free port. Returns false and sets errorString()
    /// when the port cannot be bound (typically because it is taken).
    bool listen(quint16 port = 0);
    /// Stops listening and drops every open connection.
    void close();
    bool isListening() const;
    /// The port listened on, 0 when not listening.
    quint16 port() const;
    /// `http://127.0.0.1:<port>/`, or an empty URL when not listening.
    QUrl baseUrl() const;
    QString errorString() const;
    /// Number of client connections currently open.
    int connectionCount() const;

    /// The deterministic bytes `/bytes/{n}` sends: `size` bytes of a SplitMix64 stream seeded with `seed`
    /// (the default seed of `/bytes/{n}` is n).
    static QByteArray pseudoRandomBytes(qint64 size, quint64 seed);

private:
    void acceptConnections();

    QTcpServer *m_server;
    QSet<QObject *> m_connections;
    QString m_errorString;
};

} // namespace Sonde
