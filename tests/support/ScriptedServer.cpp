#include "ScriptedServer.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>

namespace Sonde {

namespace {

struct ParsedRequest
{
    QByteArray head;
    QByteArray body;
    qsizetype consumed = 0;
};

std::optional<qint64> parseHex(QByteArrayView digits)
{
    bool ok = false;
    const qint64 value = digits.toByteArray().toLongLong(&ok, 16);
    return ok && value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

// Decodes a chunked body starting at `pos`; nullopt until the whole body (and trailers) arrived.
std::optional<QByteArray> takeChunkedBody(const QByteArray &buffer, qsizetype &pos)
{
    QByteArray body;
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        const QByteArray line = buffer.mid(pos, lineEnd - pos);
        const qsizetype extension = line.indexOf(';');
        const std::optional<qint64> size = parseHex((extension < 0 ? line : line.left(extension)).trimmed());
        pos = lineEnd + 2;
        if (!size || *size == 0)
            break;
        if (buffer.size() < pos + *size + 2)
            return std::nullopt;
        body += buffer.mid(pos, *size);
        pos += *size + 2;
    }
    // Trailer fields, up to the empty line.
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        const bool empty = lineEnd == pos;
        pos = lineEnd + 2;
        if (empty)
            return body;
    }
}

std::optional<ParsedRequest> takeRequest(const QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    ParsedRequest request;
    request.head = buffer.left(headEnd + 4);
    qint64 contentLength = 0;
    bool chunked = false;
    for (const QByteArray &line : request.head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLength = value.toLongLong();
        else if (name == "transfer-encoding")
            chunked = value.toLower().contains("chunked");
    }
    qsizetype pos = headEnd + 4;
    if (chunked) {
        std::optional<QByteArray> body = takeChunkedBody(buffer, pos);
        if (!body)
            return std::nullopt;
        request.body = *body;
    } else {
        if (buffer.size() - pos < contentLength)
            return std::nullopt;
        request.body = buffer.mid(pos, contentLength);
        pos += contentLength;
    }
    request.consumed = pos;
    return request;
}

struct ReasonPhrase
{
    int status;
    const char *phrase;
};

constexpr ReasonPhrase ReasonPhrases[] = {
    {200, "OK"},
    {201, "Created"},
    {204, "No Content"},
    {206, "Partial Content"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {407, "Proxy Authentication Required"},
    {500, "Internal Server Error"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
};

QByteArray reasonPhrase(int status)
{
    for (const ReasonPhrase &reason : ReasonPhrases) {
        if (reason.status == status)
            return reason.phrase;
    }
    return "Status";
}

} // namespace

// Accepts connections as QSslSocket in server mode and starts the handshake at once.
class TlsTcpServer final : public QTcpServer
{
public:
    TlsTcpServer(TestCertificate certificate, QList<QSslCertificate> clientAuthorities, QObject *parent)
        : QTcpServer(parent)
        , m_certificate(std::move(certificate))
        , m_clientAuthorities(std::move(clientAuthorities))
    { }

    int encryptedCount() const { return m_encryptedCount; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate.cert);
        socket->setPrivateKey(m_certificate.key);
        if (m_clientAuthorities.isEmpty()) {
            socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        } else {
            QSslConfiguration tls = socket->sslConfiguration();
            tls.setCaCertificates(m_clientAuthorities);
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
            socket->setSslConfiguration(tls);
        }
        connect(socket, &QSslSocket::encrypted, this, [this] { ++m_encryptedCount; });
        addPendingConnection(socket);
        socket->startServerEncryption();
    }

private:
    TestCertificate m_certificate;
    QList<QSslCertificate> m_clientAuthorities;
    int m_encryptedCount = 0;
};

std::optional<TestCertificate> TestCertificate::generate()
{
    static std::optional<TestCertificate> cached;
    if (cached)
        return cached;
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QTemporaryDir directory;
    if (openssl.isEmpty() || !directory.isValid())
        return std::nullopt;
    const QString keyPath = directory.filePath(QStringLiteral("key.pem"));
    const QString certPath = directory.filePath(QStringLiteral("cert.pem"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
            QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("2"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
            QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
    // A test helper: blocking here is fine, nothing else runs yet.
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        return std::nullopt;
    }
    QFile keyFile(keyPath);
    QFile certFile(certPath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    TestCertificate certificate;
    certificate.cert = QSslCertificate(certFile.readAll(), QSsl::Pem);
    certificate.key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (certificate.cert.isNull() || certificate.key.isNull())
        return std::nullopt;
    cached = certificate;
    return certificate;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : ScriptedServer(new QTcpServer, QStringLiteral("http"), parent)
{ }

ScriptedServer::ScriptedServer(QTcpServer *server, const QString &scheme, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_scheme(scheme)
    , m_response(response(200))
{
    m_server->setParent(this);
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedServer::acceptConnections);
}

ScriptedServer::~ScriptedServer()
{
    closeConnections();
}

bool ScriptedServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedServer::port() const
{
    return m_server->serverPort();
}

QUrl ScriptedServer::url(const QString &path) const
{
    QUrl base;
    base.setScheme(m_scheme);
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port());
    base.setPath(QStringLiteral("/"));
    return base.resolved(QUrl(path));
}

void ScriptedServer::setResponse(const QByteArray &raw)
{
    m_response = raw;
}

void ScriptedServer::queueResponse(const QByteArray &raw)
{
    m_queue.enqueue(raw);
}

void ScriptedServer::queueResponses(const QList<QByteArray> &raws)
{
    for (const QByteArray &raw : raws)
        m_queue.enqueue(raw);
}

void ScriptedServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void ScriptedServer::setCloseAfterResponse(bool close)
{
    m_closeAfterResponse = close;
}

void ScriptedServer::setCloseAfterBytes(qint64 bytes)
{
    m_closeAfterBytes = bytes;
}

void ScriptedServer::setResponseDelay(int milliseconds)
{
    m_delayMs = milliseconds;
}

void ScriptedServer::setNeverAnswer(bool never)
{
    m_neverAnswer = never;
}

void ScriptedServer::closeConnections()
{
    for (const Connection &connection : std::as_const(m_connections)) {
        if (connection.socket)
            connection.socket->abort();
    }
}

QByteArray ScriptedServer::response(int status, const QByteArray &body, const HeaderPairs &headers)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        raw += name + ": " + value + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    raw += body;
    return raw;
}

int ScriptedServer::connectionCount() const
{
    return static_cast<int>(m_connections.size());
}

int ScriptedServer::openConnectionCount() const
{
    return static_cast<int>(
        std::count_if(m_connections.cbegin(), m_connections.cend(), [](const Connection &c) {
            return c.socket && c.socket->state() == QAbstractSocket::ConnectedState;
        }));
}

int ScriptedServer::requestCount() const
{
    return static_cast<int>(m_heads.size());
}

QByteArray ScriptedServer::received(int connection) const
{
    if (connection >= 0)
        return connection < m_connections.size() ? m_connections.at(connection).received : QByteArray();
    QByteArray all;
    for (const Connection &c : m_connections)
        all += c.received;
    return all;
}

QList<QByteArray> ScriptedServer::requestHeads() const
{
    return m_heads;
}

QByteArray ScriptedServer::lastRequestHead() const
{
    return m_heads.isEmpty() ? QByteArray() : m_heads.constLast();
}

QByteArray ScriptedServer::lastRequestBody() const
{
    return m_bodies.isEmpty() ? QByteArray() : m_bodies.constLast();
}

void ScriptedServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const auto index = static_cast<int>(m_connections.size());
        m_connections.append({socket, {}, {}});
        connect(socket, &QTcpSocket::readyRead, this, [this, index] { readFrom(index); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        Q_EMIT connectionAccepted();
        // Data may have arrived before the socket was handed over.
        if (socket->bytesAvailable() > 0)
            readFrom(index);
    }
}

void ScriptedServer::readFrom(int index)
{
    Connection &connection = m_connections[index];
    if (!connection.socket)
        return;
    const QByteArray data = connection.socket->readAll();
    connection.received += data;
    connection.unparsed += data;
    while (std::optional<ParsedRequest> request = takeRequest(m_connections.at(index).unparsed)) {
        m_connections[index].unparsed.remove(0, request->consumed);
        m_heads.append(request->head);
        m_bodies.append(request->body);
        Q_EMIT requestReceived();
        if (QTcpSocket *socket = m_connections.at(index).socket)
            answer(socket, request->head, request->body);
    }
}

void ScriptedServer::answer(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    if (m_neverAnswer)
        return;
    // The script is read now, so that delayed answers still follow the order of the requests.
    std::function<void()> reply;
    if (m_handler) {
        reply = [socket = QPointer<QTcpSocket>(socket), handler = m_handler, head, body] {
            if (socket)
                handler(socket, head, body);
        };
    } else {
        const QByteArray raw = m_queue.isEmpty() ? m_response : m_queue.dequeue();
        reply = [socket = QPointer<QTcpSocket>(socket), raw, cut = m_closeAfterBytes,
                    close = m_closeAfterResponse] {
            if (!socket)
                return;
            socket->write(cut >= 0 ? raw.left(cut) : raw);
            if (cut >= 0 || close)
                socket->disconnectFromHost();
        };
    }
    if (m_delayMs > 0)
        QTimer::singleShot(m_delayMs, socket, reply);
    else
        reply();
}

TlsScriptedServer::TlsScriptedServer(const TestCertificate &certificate, QObject *parent)
    : TlsScriptedServer(new TlsTcpServer(certificate, {}, nullptr), parent)
{ }

TlsScriptedServer::TlsScriptedServer(
    const TestCertificate &certificate, const QList<QSslCertificate> &clientAuthorities, QObject *parent)
    : TlsScriptedServer(new TlsTcpServer(certificate, clientAuthorities, nullptr), parent)
{ }

TlsScriptedServer::TlsScriptedServer(TlsTcpServer *server, QObject *parent)
    : ScriptedServer(server, QStringLiteral("https"), parent)
    , m_tlsServer(server)
{ }

int TlsScriptedServer::encryptedCount() const
{
    return m_tlsServer ? m_tlsServer->encryptedCount() : 0;
}

} // namespace Sonde
