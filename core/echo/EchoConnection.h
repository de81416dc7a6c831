#pragma once

#include "echo/ByteStream.h"
#include "echo/EchoEndpoints.h"
#include "echo/EchoResponse.h"
#include "echo/HttpRequestParser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QTcpSocket;

namespace Sonde::Echo {

/// One client connection of the echo server: reads requests, answers them in order, one at a time.
///
/// Keeps the connection alive as the client asks, holds pipelined input in the socket while a response
/// is in progress, generates streamed bodies only as fast as the client reads them (bytesWritten flow
/// control), answers a malformed request with an error and closes, and closes after two minutes of
/// idleness. It owns the socket and deletes itself when the client disconnects; a delayed or streamed
/// response stops there too.
class EchoConnection final : public QObject
{
    Q_OBJECT
public:
    EchoConnection(QTcpSocket *socket, quint16 localPort, QObject *parent);

    /// Drops the connection at once (the object is deleted on the disconnection that follows).
    void abort();

private:
    void onReadyRead();
    void processInput();
    void dispatch(HttpRequest request);
    void send(Response response);
    void pumpStream();
    void finishResponse();
    void failAndClose(int status, const QByteArray &message);
    void onIdleTimeout();

    QPointer<QTcpSocket> m_socket;
    RequestInfo m_info;
    QByteArray m_buffer;
    HttpRequestParser m_parser;
    std::optional<Response> m_delayed;
    std::optional<ByteStream> m_stream;
    QTimer m_delayTimer;
    QTimer m_idleTimer;
    QTimer m_lingerTimer;
    QElapsedTimer m_lingerClock;
    bool m_streamChunked = false;
    bool m_headRequest = false;
    bool m_closeAfterResponse = false;
    bool m_announceKeepAlive = false;
    bool m_continueSent = false;
    bool m_busy = false;
    bool m_processing = false;
    bool m_closing = false;
};

} // namespace Sonde::Echo
