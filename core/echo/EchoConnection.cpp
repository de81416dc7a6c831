#include "echo/EchoConnection.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <utility>

namespace Sonde::Echo {
namespace {

// Streamed bodies are generated only while the socket has less than this queued.
constexpr qint64 MaxQueuedBytes = 1024 * 1024;
constexpr int IdleTimeoutMs = 120000;
// After an error response, unread input is drained for a while before closing: closing a socket with
// unread data makes the kernel send a reset, which can destroy the response before the client reads it.
constexpr int LingerQuietMs = 300;
constexpr int LingerMaxMs = 3000;

} // namespace

EchoConnection::EchoConnection(QTcpSocket *socket, quint16 localPort, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    // Bounds what a client can make us buffer while a response is in progress (pipelining).
    socket->setReadBufferSize(MaxQueuedBytes);
    m_info.origin = socket->peerAddress().toString();
    m_info.localPort = localPort;

    m_delayTimer.setSingleShot(true);
    // A coarse timer may fire 5% early; /delay/{ms} promises at least ms.
    m_delayTimer.setTimerType(Qt::PreciseTimer);
    m_idleTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);
    connect(&m_delayTimer, &QTimer::timeout, this, [this] {
        if (std::optional<Response> response = std::exchange(m_delayed, std::nullopt))
            send(std::move(*response));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, &EchoConnection::onIdleTimeout);
    connect(&m_lingerTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->disconnectFromHost();
    });

    connect(socket, &QTcpSocket::readyRead, this, &EchoConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        m_idleTimer.start(IdleTimeoutMs);
        if (m_stream)
            pumpStream();
        else if (!m_busy && !m_closing)
            processInput();
    });
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QTcpSocket::errorOccurred, this, [this] {
        if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    });
    m_idleTimer.start(IdleTimeoutMs);
    // Bytes may have arrived before the connection was accepted: no readyRead will announce them.
    QMetaObject::invokeMethod(this, &EchoConnection::onReadyRead, Qt::QueuedConnection);
}

void EchoConnection::abort()
{
    if (m_socket)
        m_socket->abort();
}

void EchoConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_idleTimer.start(IdleTimeoutMs);
    if (m_closing) {
        m_socket->readAll();
        if (m_lingerTimer.isActive() && m_lingerClock.elapsed() < LingerMaxMs)
            m_lingerTimer.start(LingerQuietMs);
        return;
    }
    // While busy, input stays in the socket (bounded by its read buffer) until the response is done.
    if (!m_busy)
        processInput();
}

void EchoConnection::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    // A client that pipelines requests without reading the answers must not make us queue them all.
    while (m_socket && !m_busy && !m_closing && m_socket->bytesToWrite() < MaxQueuedBytes) {
        m_buffer += m_socket->readAll();
        const HttpRequestParser::Result result = m_parser.parse(m_buffer);
        if (result == HttpRequestParser::Result::Failed) {
            failAndClose(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (result == HttpRequestParser::Result::NeedMore) {
            if (m_parser.readingBody() && !m_continueSent && !m_parser.request().isHttp10()
                && hasToken(m_parser.request().headers, "Expect", "100-continue")) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_continueSent = true;
            }
            break;
        }
        m_continueSent = false;
        dispatch(m_parser.takeRequest());
    }
    m_processing = false;
}

void EchoConnection::dispatch(HttpRequest request)
{
    m_busy = true;
    m_headRequest = request.method == "HEAD";
    m_closeAfterResponse = !request.keepAlive();
    m_announceKeepAlive = request.isHttp10() && !m_closeAfterResponse;
    Response response = route(request, m_info);
    if (response.delayMs > 0) {
        m_delayTimer.start(response.delayMs);
        m_delayed = std::move(response);
        return;
    }
    send(std::move(response));
}

void EchoConnection::send(Response response)
{
    if (!m_socket)
        return;
    m_closeAfterResponse = m_closeAfterResponse || response.closeAfter;
    qint64 length = response.stream ? response.stream->remaining() : response.body.size();
    if (response.announcedLength >= 0)
        length = response.announcedLength;
    m_socket->write(serializeHead(response, length, m_closeAfterResponse, m_announceKeepAlive));
    if (m_headRequest || !statusHasBody(response.status)) {
        finishResponse();
        return;
    }
    if (response.stream) {
        m_stream = std::move(response.stream);
        m_streamChunked = response.chunked;
        pumpStream();
        return;
    }
    m_socket->write(response.body);
    finishResponse();
}

void EchoConnection::pumpStream()
{
    while (m_socket && m_stream && m_socket->bytesToWrite() < MaxQueuedBytes) {
        if (m_stream->remaining() == 0) {
            if (m_streamChunked)
                m_socket->write("0\r\n\r\n");
            m_stream.reset();
            finishResponse();
            return;
        }
        const QByteArray piece = m_stream->next();
        if (m_streamChunked)
            m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        else
            m_socket->write(piece);
    }
}

void EchoConnection::finishResponse()
{
    m_busy = false;
    if (!m_socket)
        return;
    if (m_closeAfterResponse) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    processInput();
}

void EchoConnection::failAndClose(int status, const QByteArray &message)
{
    if (!m_socket)
        return;
    m_closing = true;
    m_busy = false;
    m_stream.reset();
    m_delayed.reset();
    m_delayTimer.stop();
    m_buffer.clear();
    m_socket->readAll();
    Response response
        = textResponse(status, QByteArray::number(status) + ' ' + reasonPhrase(status) + ": " + message);
    m_socket->write(serializeHead(response, response.body.size(), true, false) + response.body);
    m_lingerClock.start();
    m_lingerTimer.start(LingerQuietMs);
}

void EchoConnection::onIdleTimeout()
{
    // A delayed response is activity in progress, not idleness.
    if (m_delayTimer.isActive()) {
        m_idleTimer.start(IdleTimeoutMs);
        return;
    }
    abort();
}

} // namespace Sonde::Echo
