#pragma once

#include "echo/HttpMessage.h"

namespace Sonde::Echo {

/// Incremental HTTP/1.1 request parser (RFC 9112): request line, header fields, then a body framed by
/// Content-Length or chunked transfer coding (extensions and trailers accepted and ignored).
///
/// Feed it whatever has arrived; it consumes what it can and keeps its state across calls. It enforces
/// EchoServer::MaxHeadSize (431) and EchoServer::MaxBodySize (413), and refuses malformed or ambiguous
/// framing (400, 501 for a transfer coding other than chunked, 505 for another HTTP version).
class HttpRequestParser
{
public:
    enum class Result { NeedMore, Complete, Failed };

    /// Consumes what it can from `buffer`.
    Result parse(QByteArray &buffer);

    /// True once the head of the current request has been parsed and its body is being read.
    bool readingBody() const { return m_state != State::Head && m_state != State::Done; }
    const HttpRequest &request() const { return m_request; }
    /// The complete request; the parser is ready for the next one.
    HttpRequest takeRequest();

    /// After Result::Failed: the status to answer with, and what is wrong.
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }

private:
    enum class State { Head, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };
    enum class Step { Progress, NeedMore, Complete, Failed };

    Step parseStep(const QByteArray &buffer, qsizetype &pos);
    Step fail(int status, QByteArray message);
    Step parseHead(const QByteArray &buffer, qsizetype &pos);
    Step parseRequestLine(const QByteArray &line);
    Step parseHeaderLine(const QByteArray &line);
    Step startBody();
    Step readBodyBytes(const QByteArray &buffer, qsizetype &pos);
    Step parseChunkSize(const QByteArray &buffer, qsizetype &pos);
    Step parseChunkDataEnd(const QByteArray &buffer, qsizetype &pos);
    Step parseTrailer(const QByteArray &buffer, qsizetype &pos);

    State m_state = State::Head;
    HttpRequest m_request;
    qint64 m_remaining = 0;
    qsizetype m_trailerSize = 0;
    int m_errorStatus = 400;
    QByteArray m_errorMessage;
};

} // namespace Sonde::Echo
