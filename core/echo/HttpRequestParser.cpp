#include "echo/HttpRequestParser.h"

#include "echo/EchoServer.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace Sonde::Echo {
namespace {

constexpr qsizetype MaxChunkLineSize = 4096;

std::optional<qint64> parseHex(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 15)
        return std::nullopt;
    qint64 value = 0;
    for (char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return std::nullopt;
        value = value * 16 + digit;
    }
    return value;
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

qsizetype findHeadEnd(const QByteArray &buffer, qsizetype from)
{
    for (qsizetype i = buffer.indexOf('\n', from); i >= 0; i = buffer.indexOf('\n', i + 1)) {
        if (i + 1 < buffer.size() && buffer.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < buffer.size() && buffer.at(i + 1) == '\r' && buffer.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

// One line ending in LF (CR optional) starting at `pos`, or nullopt when incomplete.
std::optional<QByteArray> takeLine(const QByteArray &buffer, qsizetype &pos)
{
    const qsizetype newline = buffer.indexOf('\n', pos);
    if (newline < 0)
        return std::nullopt;
    QByteArray line = buffer.mid(pos, newline - pos);
    pos = newline + 1;
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

HttpRequestParser::Result HttpRequestParser::parse(QByteArray &buffer)
{
    qsizetype pos = 0;
    Step step = Step::Progress;
    while (step == Step::Progress)
        step = parseStep(buffer, pos);
    buffer.remove(0, pos);
    if (step == Step::Failed)
        return Result::Failed;
    return step == Step::Complete ? Result::Complete : Result::NeedMore;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = {};
    m_state = State::Head;
    m_trailerSize = 0;
    return request;
}

HttpRequestParser::Step HttpRequestParser::parseStep(const QByteArray &buffer, qsizetype &pos)
{
    switch (m_state) {
    case State::Head:
        return parseHead(buffer, pos);
    case State::FixedBody:
    case State::ChunkData:
        return readBodyBytes(buffer, pos);
    case State::ChunkSize:
        return parseChunkSize(buffer, pos);
    case State::ChunkDataEnd:
        return parseChunkDataEnd(buffer, pos);
    case State::Trailers:
        return parseTrailer(buffer, pos);
    case State::Done:
        return Step::Complete;
    }
    return Step::Failed;
}

HttpRequestParser::Step HttpRequestParser::fail(int status, QByteArray message)
{
    m_errorStatus = status;
    m_errorMessage = std::move(message);
    return Step::Failed;
}

HttpRequestParser::Step HttpRequestParser::parseHead(const QByteArray &buffer, qsizetype &pos)
{
    // Empty lines before a request line are ignored (RFC 9112 §2.2).
    while (pos < buffer.size() && (buffer.at(pos) == '\r' || buffer.at(pos) == '\n'))
        ++pos;
    const qsizetype end = findHeadEnd(buffer, pos);
    if ((end < 0 ? buffer.size() : end) - pos > EchoServer::MaxHeadSize)
        return fail(431, "The request head is larger than 64 KiB.");
    if (end < 0)
        return Step::NeedMore;
    QList<QByteArray> lines = buffer.mid(pos, end - pos).split('\n');
    pos = end;
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return fail(400, "Empty request.");
    if (Step step = parseRequestLine(lines.constFirst()); step == Step::Failed)
        return step;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (Step step = parseHeaderLine(lines.at(i)); step == Step::Failed)
            return step;
    }
    return startBody();
}

HttpRequestParser::Step HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts.at(1).isEmpty() || !isFieldValue(line) || line.contains('\t'))
        return fail(400, "Malformed request line: expected \"METHOD target HTTP/1.1\".");
    if (!isToken(parts.at(0)))
        return fail(400, "Malformed request line: the method is not a token.");
    const QByteArray &version = parts.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/")
            && std::isdigit(static_cast<unsigned char>(version.at(5))) && version.at(6) == '.'
            && std::isdigit(static_cast<unsigned char>(version.at(7)));
        if (looksLikeHttp)
            return fail(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
        return fail(400, "Malformed request line: unknown protocol version.");
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);
    m_request.version = version;
    return Step::Progress;
}

HttpRequestParser::Step HttpRequestParser::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, "Obsolete header line folding is not accepted.");
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(400, "Malformed header line: no colon.");
    const QByteArray name = line.left(colon);
    if (!isToken(name))
        return fail(400, "Malformed header line: the field name is empty or contains whitespace.");
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isFieldValue(value))
        return fail(400, "Malformed header line: control characters in the field value.");
    m_request.headers.append(HeaderField {name, value});
    return Step::Progress;
}

HttpRequestParser::Step HttpRequestParser::startBody()
{
    const HeaderList &headers = m_request.headers;
    const bool hasLength = hasHeader(headers, "Content-Length");
    if (hasHeader(headers, "Transfer-Encoding")) {
        // Both framings at once is the classic request-smuggling vector: refuse it.
        if (hasLength)
            return fail(400, "Both Content-Length and Transfer-Encoding are present.");
        if (m_request.isHttp10())
            return fail(400, "Transfer-Encoding is not allowed in HTTP/1.0 requests.");
        const QByteArray coding = headerValue(headers, "Transfer-Encoding").trimmed().toLower();
        if (coding != "chunked")
            return fail(
                coding.endsWith("chunked") ? 501 : 400, "Only the chunked transfer coding is supported.");
        m_state = State::ChunkSize;
        return Step::Progress;
    }
    if (!hasLength) {
        m_state = State::Done;
        return Step::Complete;
    }
    std::optional<qint64> length;
    for (const QByteArray &item : headerValue(headers, "Content-Length").split(',')) {
        const std::optional<qint64> value = parseCount(item.trimmed());
        if (!value || (length && *length != *value))
            return fail(400, "Invalid Content-Length.");
        length = value;
    }
    if (*length > EchoServer::MaxBodySize)
        return fail(413, "The request body is larger than 64 MiB.");
    m_remaining = *length;
    m_state = m_remaining > 0 ? State::FixedBody : State::Done;
    return m_remaining > 0 ? Step::Progress : Step::Complete;
}

HttpRequestParser::Step HttpRequestParser::readBodyBytes(const QByteArray &buffer, qsizetype &pos)
{
    const qint64 size = std::min<qint64>(m_remaining, buffer.size() - pos);
    if (size == 0)
        return Step::NeedMore;
    m_request.body.append(buffer.constData() + pos, size);
    pos += size;
    m_remaining -= size;
    if (m_remaining > 0)
        return Step::NeedMore;
    if (m_state == State::ChunkData) {
        m_state = State::ChunkDataEnd;
        return Step::Progress;
    }
    m_state = State::Done;
    return Step::Complete;
}

HttpRequestParser::Step HttpRequestParser::parseChunkSize(const QByteArray &buffer, qsizetype &pos)
{
    std::optional<QByteArray> line = takeLine(buffer, pos);
    if (!line) {
        if (buffer.size() - pos > MaxChunkLineSize)
            return fail(400, "Chunk size line too long.");
        return Step::NeedMore;
    }
    const std::optional<qint64> size = parseHex(beforeFirst(*line, ';').trimmed());
    if (!size)
        return fail(400, "Invalid chunk size.");
    if (m_request.body.size() + *size > EchoServer::MaxBodySize)
        return fail(413, "The request body is larger than 64 MiB.");
    m_remaining = *size;
    m_state = *size > 0 ? State::ChunkData : State::Trailers;
    return Step::Progress;
}

HttpRequestParser::Step HttpRequestParser::parseChunkDataEnd(const QByteArray &buffer, qsizetype &pos)
{
    if (pos >= buffer.size())
        return Step::NeedMore;
    if (buffer.at(pos) == '\r') {
        if (pos + 1 >= buffer.size())
            return Step::NeedMore;
        ++pos;
    }
    if (buffer.at(pos) != '\n')
        return fail(400, "Chunk data is longer than its announced size.");
    ++pos;
    m_state = State::ChunkSize;
    return Step::Progress;
}

HttpRequestParser::Step HttpRequestParser::parseTrailer(const QByteArray &buffer, qsizetype &pos)
{
    const qsizetype start = pos;
    std::optional<QByteArray> line = takeLine(buffer, pos);
    const qsizetype lineSize = (line ? pos : buffer.size()) - start;
    if (m_trailerSize + lineSize > EchoServer::MaxHeadSize)
        return fail(431, "The chunked trailer section is larger than 64 KiB.");
    if (!line)
        return Step::NeedMore;
    m_trailerSize += lineSize;
    if (!line->isEmpty())
        return Step::Progress; // trailer fields are accepted and ignored
    m_state = State::Done;
    return Step::Complete;
}

} // namespace Sonde::Echo
