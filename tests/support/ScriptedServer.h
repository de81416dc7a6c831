#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace Sonde {

class TlsTcpServer;

/// A throw-away self-signed certificate for CN=localhost (and IP 127.0.0.1), valid two days, made with
/// the `openssl` command line tool. generate() returns nullopt when openssl is missing or fails; the
/// first successful result is reused by later calls in the same process.
struct TestCertificate
{
    static std::optional<TestCertificate> generate();

    QSslCertificate cert;
    QSslKey key;
};

/// A raw HTTP/1.x loopback server that tests control byte by byte.
///
/// Listens on 127.0.0.1 (free port), records everything every connection sends, splits it into requests
/// (head up to the blank line, body by Content-Length or chunked coding) and answers each request from a
/// script: a queued raw response if any is left, else the fixed raw response, or a callback that gets the
/// socket. Answers can be delayed, cut after N bytes, followed by a close, or never sent at all.
class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    using Handler
        = std::function<void(QTcpSocket *socket, const QByteArray &requestHead, const QByteArray &body)>;
    using HeaderPairs = QList<std::pair<QByteArray, QByteArray>>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    /// Starts listening on 127.0.0.1 on a free port.
    bool listen();
    quint16 port() const;
    /// `http://127.0.0.1:<port>` (https for TlsScriptedServer) resolved with `path`, which may carry a query.
    QUrl url(const QString &path = QStringLiteral("/")) const;

    /// The raw bytes answered to every request once the queue is empty. Default: an empty 200 response.
    void setResponse(const QByteArray &raw);
    /// Appends a raw response for the next request not yet answered from the queue.
    void queueResponse(const QByteArray &raw);
    void queueResponses(const QList<QByteArray> &raws);
    /// Replaces the raw responses: the handler answers every request itself (and decides about closing).
    void setHandler(Handler handler);
    /// Closes the connection (FIN) after each raw response.
    void setCloseAfterResponse(bool close);
    /// Sends only the first `bytes` of each raw response, then closes: a connection dropped mid-response.
    /// Negative turns it off.
    void setCloseAfterBytes(qint64 bytes);
    /// Waits this long (on a timer) before answering each request.
    void setResponseDelay(int milliseconds);
    /// Records requests but never answers them, for timeout tests.
    void setNeverAnswer(bool never);
    /// Aborts every open connection.
    void closeConnections();

    /// Builds a raw HTTP/1.1 response with a Content-Length and the standard reason phrase for common codes.
    static QByteArray response(int status, const QByteArray &body = {}, const HeaderPairs &headers = {});

    /// Connections accepted since construction.
    int connectionCount() const;
    /// Connections currently open.
    int openConnectionCount() const;
    /// Complete requests received, over all connections.
    int requestCount() const;
    /// Raw bytes received on connection `connection` (0-based, in accept order); -1 = all connections
    /// concatenated in accept order.
    QByteArray received(int connection = -1) const;
    /// Heads (request line and fields up to and including the blank line) of all requests, in order.
    QList<QByteArray> requestHeads() const;
    QByteArray lastRequestHead() const;
    /// The body of the last request, de-chunked when it was sent chunked.
    QByteArray lastRequestBody() const;

Q_SIGNALS:
    void connectionAccepted();
    void requestReceived();

protected:
    /// For subclasses providing their own server (TLS); takes ownership of `server`.
    ScriptedServer(QTcpServer *server, const QString &scheme, QObject *parent);

private:
    struct Connection
    {
        QPointer<QTcpSocket> socket;
        QByteArray received;
        QByteArray unparsed;
    };

    void acceptConnections();
    void readFrom(int index);
    void answer(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);

    QTcpServer *m_server;
    QString m_scheme;
    QList<Connection> m_connections;
    QList<QByteArray> m_heads;
    QList<QByteArray> m_bodies;
    QByteArray m_response;
    QQueue<QByteArray> m_queue;
    Handler m_handler;
    qint64 m_closeAfterBytes = -1;
    int m_delayMs = 0;
    bool m_closeAfterResponse = false;
    bool m_neverAnswer = false;
};

/// ScriptedServer over TLS with a TestCertificate. Clients must accept the self-signed certificate
/// (ignore the errors, or add the certificate as a CA for `localhost`/127.0.0.1).
class TlsScriptedServer final : public ScriptedServer
{
    Q_OBJECT
public:
    explicit TlsScriptedServer(const TestCertificate &certificate, QObject *parent = nullptr);
    /// Mutual TLS: every client must present a certificate issued by one of `clientAuthorities`, or the
    /// server ends the connection in the handshake. A handler gets the QSslSocket, with the client's
    /// peerCertificate().
    TlsScriptedServer(const TestCertificate &certificate, const QList<QSslCertificate> &clientAuthorities,
        QObject *parent = nullptr);

    /// Connections whose server-side TLS handshake completed.
    int encryptedCount() const;

private:
    TlsScriptedServer(TlsTcpServer *server, QObject *parent);

    TlsTcpServer *m_tlsServer;
};

} // namespace Sonde
