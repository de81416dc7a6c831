#include "echo/EchoServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QStringDecoder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>
#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace Sonde {
namespace {

// Streamed bodies are generated only while the socket has less than this queued.
constexpr qint64 MaxQueuedBytes = 1024 * 1024;
constexpr qint64 StreamPieceSize = 64 * 1024;
constexpr qint64 ChunkedPieceSize = 16 * 1024;
// Streamed bodies cost no memory, so only time bounds them.
constexpr qint64 MaxStreamSize = qint64(1) << 40;
constexpr qsizetype MaxChunkLineSize = 4096;
constexpr qint64 MaxRedirects = 1000;
constexpr int IdleTimeoutMs = 120000;
// After an error response, unread input is drained for a while before closing: closing a socket with
// unread data makes the kernel send a reset, which can destroy the response before the client reads it.
constexpr int LingerQuietMs = 300;
constexpr int LingerMaxMs = 3000;

struct HeaderField
{
    QByteArray name;
    QByteArray value;
};
using HeaderList = QList<HeaderField>;

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [name](const HeaderField &field) { return field.name.compare(name, Qt::CaseInsensitive) == 0; });
}

// Repeated fields joined with ", " (RFC 9110 §5.3).
QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    QByteArray result;
    bool found = false;
    for (const HeaderField &field : headers) {
        if (field.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            result += ", ";
        result += field.value;
        found = true;
    }
    return result;
}

bool hasToken(const HeaderList &headers, QByteArrayView name, QByteArrayView token)
{
    const QList<QByteArray> tokens = headerValue(headers, name).split(',');
    return std::any_of(tokens.cbegin(), tokens.cend(), [token](const QByteArray &candidate) {
        return candidate.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

// The part before the first `separator`, or all of `text` (QByteArray::left(-1) would be empty).
QByteArray beforeFirst(const QByteArray &text, char separator)
{
    const qsizetype index = text.indexOf(separator);
    return index < 0 ? text : text.left(index);
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Header values and URLs are bytes; show them as UTF-8 when they are, Latin-1 otherwise.
QString toText(const QByteArray &bytes)
{
    if (std::optional<QString> text = decodeUtf8(bytes))
        return *text;
    return QString::fromLatin1(bytes);
}

std::optional<qint64> parseCount(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

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

bool isFieldValue(QByteArrayView text)
{
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
}

struct ReasonPhrase
{
    int status;
    const char *phrase;
};

constexpr ReasonPhrase ReasonPhrases[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Content"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

QByteArray reasonPhrase(int status)
{
    for (const ReasonPhrase &reason : ReasonPhrases) {
        if (reason.status == status)
            return reason.phrase;
    }
    return "Unknown Status";
}

bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'")
        .toLatin1();
}

// SplitMix64: tiny, fast and fully specified, so tests can reproduce the bytes anywhere.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    { }

    void fill(char *out, qint64 size)
    {
        while (size > 0) {
            if (m_available == 0 && size >= 8) {
                qToLittleEndian(nextWord(), out);
                out += 8;
                size -= 8;
                continue;
            }
            if (m_available == 0) {
                m_word = nextWord();
                m_available = 8;
            }
            *out++ = static_cast<char>(m_word & 0xff);
            m_word >>= 8;
            --m_available;
            --size;
        }
    }

private:
    quint64 nextWord()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    quint64 m_state;
    quint64 m_word = 0;
    int m_available = 0;
};

// A body generated piece by piece while it is sent.
class ByteStream
{
public:
    ByteStream(qint64 size, quint64 seed, qint64 pieceSize)
        : m_random(seed)
        , m_remaining(size)
        , m_pieceSize(pieceSize)
    { }

    qint64 remaining() const { return m_remaining; }

    QByteArray next()
    {
        const qint64 size = std::min(m_remaining, m_pieceSize);
        QByteArray piece(size, Qt::Uninitialized);
        m_random.fill(piece.data(), size);
        m_remaining -= size;
        return piece;
    }

private:
    SplitMix64 m_random;
    qint64 m_remaining;
    qint64 m_pieceSize;
};

struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    HeaderList headers;
    QByteArray body;

    bool isHttp10() const { return version == "HTTP/1.0"; }

    bool keepAlive() const
    {
        if (isHttp10())
            return hasToken(headers, "Connection", "keep-alive");
        return !hasToken(headers, "Connection", "close");
    }
};

// Incremental HTTP/1.1 request parser (RFC 9112): request line, header fields, then a body framed by
// Content-Length or chunked transfer coding.
class RequestParser
{
public:
    enum class Result { NeedMore, Complete, Failed };

    /// Consumes what it can from `buffer`.
    Result parse(QByteArray &buffer)
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

    /// True once the head of the current request has been parsed and its body is being read.
    bool readingBody() const { return m_state != State::Head && m_state != State::Done; }
    const HttpRequest &request() const { return m_request; }

    HttpRequest takeRequest()
    {
        HttpRequest request = std::move(m_request);
        m_request = {};
        m_state = State::Head;
        m_trailerSize = 0;
        return request;
    }

    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }

private:
    enum class State { Head, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };
    enum class Step { Progress, NeedMore, Complete, Failed };

    Step parseStep(const QByteArray &buffer, qsizetype &pos)
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

    Step fail(int status, QByteArray message)
    {
        m_errorStatus = status;
        m_errorMessage = std::move(message);
        return Step::Failed;
    }

    static qsizetype findHeadEnd(const QByteArray &buffer, qsizetype from)
    {
        for (qsizetype i = buffer.indexOf('\n', from); i >= 0; i = buffer.indexOf('\n', i + 1)) {
            if (i + 1 < buffer.size() && buffer.at(i + 1) == '\n')
                return i + 2;
            if (i + 2 < buffer.size() && buffer.at(i + 1) == '\r' && buffer.at(i + 2) == '\n')
                return i + 3;
        }
        return -1;
    }

    Step parseHead(const QByteArray &buffer, qsizetype &pos)
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

    Step parseRequestLine(const QByteArray &line)
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

    Step parseHeaderLine(const QByteArray &line)
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

    Step startBody()
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

    Step readBodyBytes(const QByteArray &buffer, qsizetype &pos)
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

    // One line ending in LF (CR optional) starting at `pos`, or nullopt when incomplete.
    static std::optional<QByteArray> takeLine(const QByteArray &buffer, qsizetype &pos)
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

    Step parseChunkSize(const QByteArray &buffer, qsizetype &pos)
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

    Step parseChunkDataEnd(const QByteArray &buffer, qsizetype &pos)
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

    Step parseTrailer(const QByteArray &buffer, qsizetype &pos)
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

    State m_state = State::Head;
    HttpRequest m_request;
    qint64 m_remaining = 0;
    qsizetype m_trailerSize = 0;
    int m_errorStatus = 400;
    QByteArray m_errorMessage;
};

struct Response
{
    int status = 200;
    HeaderList headers; // besides Date, Server, Content-Length, Transfer-Encoding and Connection
    QByteArray body;
    std::optional<ByteStream> stream; // a body generated while sending, instead of `body`
    qint64 announcedLength = -1; // Content-Length when it is not the real length (/drop)
    bool chunked = false;
    bool closeAfter = false;
    int delayMs = 0;
};

Response textResponse(int status, const QByteArray &text)
{
    Response response;
    response.status = status;
    response.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    response.body = text + '\n';
    return response;
}

Response documentResponse(QByteArray contentType, QByteArray body)
{
    Response response;
    response.headers = {{"Content-Type", std::move(contentType)}};
    response.body = std::move(body);
    return response;
}

Response jsonResponse(const QJsonObject &object)
{
    return documentResponse("application/json", QJsonDocument(object).toJson(QJsonDocument::Indented));
}

Response redirectResponse(int status, QByteArray location)
{
    Response response = textResponse(status, "Redirecting to " + location);
    response.headers.append(HeaderField {"Location", std::move(location)});
    return response;
}

QByteArray compress(const QByteArray &data, int windowBits)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))) + 32,
        Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

struct Target
{
    QByteArray path;
    QByteArray query;
};

Target splitTarget(const QByteArray &target)
{
    QByteArray rest = target;
    // Absolute-form (as sent to proxies): keep only path and query.
    const qsizetype scheme = rest.indexOf("://");
    if (!rest.startsWith('/') && scheme > 0) {
        const qsizetype slash = rest.indexOf('/', scheme + 3);
        const qsizetype question = rest.indexOf('?', scheme + 3);
        if (slash >= 0 && (question < 0 || slash < question))
            rest = rest.mid(slash);
        else
            rest = '/' + (question >= 0 ? rest.mid(question) : QByteArray());
    }
    const qsizetype question = rest.indexOf('?');
    if (question < 0)
        return {rest, {}};
    return {rest.left(question), rest.mid(question + 1)};
}

// application/x-www-form-urlencoded decoding, as httpbin does: '+' is a space.
QString decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return toText(QByteArray::fromPercentEncoding(part));
}

QList<std::pair<QString, QString>> parseQuery(const QByteArray &query)
{
    QList<std::pair<QString, QString>> items;
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        if (equals < 0)
            items.append({decodeQueryPart(item), QString()});
        else
            items.append({decodeQueryPart(item.left(equals)), decodeQueryPart(item.mid(equals + 1))});
    }
    return items;
}

QString queryItem(const QByteArray &query, const QString &key)
{
    for (const auto &[name, value] : parseQuery(query)) {
        if (name == key)
            return value;
    }
    return {};
}

QJsonObject headersObject(const HeaderList &headers)
{
    QJsonObject object;
    QHash<QByteArray, QString> displayNames; // lower-case name → the case first received
    for (const HeaderField &field : headers) {
        const QByteArray lower = field.name.toLower();
        const auto known = displayNames.constFind(lower);
        if (known == displayNames.cend()) {
            const QString name = toText(field.name);
            displayNames.insert(lower, name);
            object.insert(name, toText(field.value));
        } else {
            object.insert(*known, QString(object.value(*known).toString() + u", "_s + toText(field.value)));
        }
    }
    return object;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mediaType = beforeFirst(contentType, ';').trimmed().toLower();
    return mediaType == "application/json" || mediaType == "text/json" || mediaType.endsWith("+json");
}

// QJsonDocument accepts only objects and arrays at the top: wrapping the body in an array also accepts
// scalars, and anything that is not exactly one JSON value yields more or fewer than one element.
std::optional<QJsonValue> parseJsonValue(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

struct RequestInfo
{
    QString origin;
    quint16 localPort = 0;
};

QJsonObject echoObject(const HttpRequest &request, const Target &target, const RequestInfo &info)
{
    QJsonObject echo;
    echo.insert(u"method"_s, toText(request.method));
    const bool absolute = !request.target.startsWith('/') && request.target.contains("://");
    QByteArray host = headerValue(request.headers, "Host");
    if (host.isEmpty())
        host = "127.0.0.1:" + QByteArray::number(info.localPort);
    echo.insert(u"url"_s, toText(absolute ? request.target : QByteArray("http://" + host + request.target)));
    echo.insert(u"path"_s, toText(target.path));

    QJsonObject query;
    for (const auto &[name, value] : parseQuery(target.query)) {
        QJsonArray values = query.value(name).toArray();
        values.append(value);
        query.insert(name, values);
    }
    QJsonObject args;
    for (auto it = query.constBegin(); it != query.constEnd(); ++it) {
        const QJsonArray values = it.value().toArray();
        args.insert(it.key(), values.size() == 1 ? values.at(0) : QJsonValue(values));
    }
    echo.insert(u"query"_s, query);
    echo.insert(u"args"_s, args);

    echo.insert(u"headers"_s, headersObject(request.headers));
    QJsonArray headerList;
    for (const HeaderField &field : request.headers)
        headerList.append(QJsonArray {toText(field.name), toText(field.value)});
    echo.insert(u"headerList"_s, headerList);

    if (!request.body.isEmpty()) {
        if (std::optional<QString> text = decodeUtf8(request.body))
            echo.insert(u"body"_s, *text);
        else
            echo.insert(u"bodyBase64"_s, QString::fromLatin1(request.body.toBase64()));
        if (isJsonContentType(headerValue(request.headers, "Content-Type"))) {
            if (std::optional<QJsonValue> json = parseJsonValue(request.body))
                echo.insert(u"json"_s, *json);
        }
    }
    echo.insert(u"origin"_s, info.origin);
    return echo;
}

const char SampleJson[] = R"({
    "slideshow": {
        "author": "Yours Truly",
        "date": "2024-05-01",
        "title": "Sample Slide Show",
        "published": true,
        "rating": 4.5,
        "views": 1024,
        "editor": null,
        "tags": ["sample", "json", "démonstration", "例え"],
        "slides": [
            {
                "title": "Wake up to WonderWidgets!",
                "type": "all"
            },
            {
                "title": "Overview",
                "type": "all",
                "items": [
                    "Why <em>WonderWidgets</em> are great",
                    "Who <em>buys</em> WonderWidgets"
                ]
            },
            {
                "title": "Unicode: Grüße, こんにちは, Здравствуйте, 🎉",
                "type": "i18n",
                "notes": {"escaped": "\u00e9\u4f8b \ud83d\ude80", "quote": "\"quoted\"", "tab": "a\tb"}
            }
        ]
    }
}
)";

const char SampleXml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- A sample slideshow from Sonde's echo server -->
<slideshow title="Sample Slide Show" date="2024-05-01" author="Yours Truly">
    <slide type="all">
        <title>Wake up to WonderWidgets!</title>
    </slide>
    <slide type="all">
        <title>Overview</title>
        <item>Why <em>WonderWidgets</em> are great</item>
        <item/>
        <item>Who <em>buys</em> WonderWidgets</item>
    </slide>
    <slide type="i18n">
        <title>Unicode: Grüße, こんにちは, 🎉</title>
        <item><![CDATA[Raw <markup> & ampersands]]></item>
    </slide>
</slideshow>
)";

const char SampleHtml[] = R"(<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Sonde echo server</title>
</head>
<body>
    <h1>Sonde echo server</h1>
    <p>This page is served by Sonde's built-in echo server. Try <a href="/get">/get</a>,
       <a href="/json">/json</a> or <a href="/status/418">/status/418</a>.</p>
</body>
</html>
)";

struct RouteArgs
{
    const HttpRequest &request;
    const Target &target;
    const RequestInfo &info;
    const QByteArray &argument; // the path segment after the route name, if any
};

Response echoRoute(const RouteArgs &args)
{
    return jsonResponse(echoObject(args.request, args.target, args.info));
}

Response headersRoute(const RouteArgs &args)
{
    return jsonResponse({{u"headers"_s, headersObject(args.request.headers)}});
}

Response statusRoute(const RouteArgs &args)
{
    const std::optional<qint64> status = parseCount(args.argument);
    if (!status || *status < 100 || *status > 599)
        return textResponse(400, "Invalid status code: expected /status/{200..599}.");
    if (*status < 200)
        return textResponse(400, "Informational (1xx) status codes cannot be sent as a final response.");
    const int code = static_cast<int>(*status);
    Response response = textResponse(code, QByteArray::number(code) + ' ' + reasonPhrase(code));
    if (code >= 300 && code < 400 && code != 304)
        response.headers.append(HeaderField {"Location", "/get"});
    return response;
}

Response delayRoute(const RouteArgs &args)
{
    const std::optional<qint64> delay = parseCount(args.argument);
    if (!delay)
        return textResponse(400, "Invalid delay: expected /delay/{milliseconds}.");
    Response response = echoRoute(args);
    response.delayMs = static_cast<int>(std::min<qint64>(*delay, EchoServer::MaxDelayMs));
    return response;
}

std::optional<qint64> streamSize(const QByteArray &argument)
{
    const std::optional<qint64> size = parseCount(argument);
    if (!size || *size > MaxStreamSize)
        return std::nullopt;
    return size;
}

std::optional<quint64> seedFor(const RouteArgs &args, qint64 size)
{
    const QString seed = queryItem(args.target.query, u"seed"_s);
    if (seed.isEmpty())
        return static_cast<quint64>(size);
    bool ok = false;
    const quint64 value = seed.toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

Response streamRoute(const RouteArgs &args, qint64 pieceSize)
{
    const std::optional<qint64> size = streamSize(args.argument);
    if (!size)
        return textResponse(400, "Invalid byte count: expected a number up to 2^40.");
    const std::optional<quint64> seed = seedFor(args, *size);
    if (!seed)
        return textResponse(400, "Invalid seed: expected an unsigned 64-bit number.");
    Response response;
    response.headers = {{"Content-Type", "application/octet-stream"}};
    response.stream.emplace(*size, *seed, pieceSize);
    return response;
}

Response bytesRoute(const RouteArgs &args)
{
    return streamRoute(args, StreamPieceSize);
}

Response chunkedRoute(const RouteArgs &args)
{
    // At least four chunks when there are four bytes, so that clients see a real chunked body.
    const qint64 size = streamSize(args.argument).value_or(0);
    Response response = streamRoute(args, std::clamp<qint64>((size + 3) / 4, 1, ChunkedPieceSize));
    response.chunked = response.stream.has_value();
    return response;
}

Response dropRoute(const RouteArgs &args)
{
    Response response = streamRoute(args, StreamPieceSize);
    if (!response.stream)
        return response;
    response.announcedLength = 2 * response.stream->remaining();
    response.closeAfter = true;
    return response;
}

Response compressedRoute(const RouteArgs &args, const char *coding, const QString &flag, int windowBits)
{
    QJsonObject echo = echoObject(args.request, args.target, args.info);
    echo.insert(flag, true);
    Response response = jsonResponse(echo);
    response.body = compress(response.body, windowBits);
    response.headers.append(HeaderField {"Content-Encoding", coding});
    return response;
}

Response gzipRoute(const RouteArgs &args)
{
    return compressedRoute(args, "gzip", u"gzipped"_s, MAX_WBITS + 16);
}

Response deflateRoute(const RouteArgs &args)
{
    return compressedRoute(args, "deflate", u"deflated"_s, MAX_WBITS);
}

Response redirectRoute(const RouteArgs &args)
{
    const std::optional<qint64> count = parseCount(args.argument);
    if (!count || *count < 1 || *count > MaxRedirects)
        return textResponse(400, "Invalid redirect count: expected /redirect/{1..1000}.");
    return redirectResponse(
        302, *count == 1 ? QByteArray("/get") : QByteArray("/redirect/" + QByteArray::number(*count - 1)));
}

Response redirectToRoute(const RouteArgs &args)
{
    const QByteArray location = queryItem(args.target.query, u"url"_s).toUtf8();
    if (location.isEmpty() || !isFieldValue(location))
        return textResponse(400, "Missing or invalid url parameter: expected /redirect-to?url=X.");
    const QString statusText = queryItem(args.target.query, u"status_code"_s);
    const std::optional<qint64> status
        = statusText.isEmpty() ? std::optional<qint64>(302) : parseCount(statusText.toLatin1());
    if (!status || *status < 300 || *status > 399 || *status == 304)
        return textResponse(400, "Invalid status_code: expected a redirection status (3xx, not 304).");
    // Non-ASCII bytes are not allowed in a header value: percent-encode them.
    return redirectResponse(static_cast<int>(*status), location.toPercentEncoding("!#$&'()*+,/:;=?@[]~%"));
}

Response fixedRoute(const char *contentType, const char *document)
{
    return documentResponse(contentType, QByteArray(document));
}

struct Route
{
    const char *name;
    bool takesArgument;
    Response (*handler)(const RouteArgs &);
};

const Route Routes[] = {
    {"get", false, echoRoute},
    {"headers", false, headersRoute},
    {"json", false,
        [](const RouteArgs &) {
            return fixedRoute("application/json", SampleJson);
        }},
    {"xml", false,
        [](const RouteArgs &) {
            return fixedRoute("application/xml", SampleXml);
        }},
    {"html", false,
        [](const RouteArgs &) {
            return fixedRoute("text/html; charset=utf-8", SampleHtml);
        }},
    {"gzip", false, gzipRoute},
    {"deflate", false, deflateRoute},
    {"redirect-to", false, redirectToRoute},
    {"status", true, statusRoute},
    {"delay", true, delayRoute},
    {"bytes", true, bytesRoute},
    {"chunked", true, chunkedRoute},
    {"drop", true, dropRoute},
    {"redirect", true, redirectRoute},
};

Response route(const HttpRequest &request, const RequestInfo &info)
{
    const Target target = splitTarget(request.target);
    const QList<QByteArray> segments = QByteArray::fromPercentEncoding(target.path).split('/');
    const QByteArray name = segments.value(1);
    const QByteArray argument = segments.value(2);
    for (const Route &candidate : Routes) {
        const qsizetype expected = candidate.takesArgument ? 3 : 2;
        if (segments.size() == expected && segments.constFirst().isEmpty() && name == candidate.name)
            return candidate.handler({request, target, info, argument});
    }
    return echoRoute({request, target, info, argument});
}

QByteArray serializeHead(const Response &response, qint64 contentLength, bool close, bool announceKeepAlive)
{
    QByteArray head
        = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    head += "Server: Sonde-Echo\r\n";
    for (const HeaderField &field : response.headers)
        head += field.name + ": " + field.value + "\r\n";
    if (response.chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (statusHasBody(response.status))
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    else if (announceKeepAlive)
        head += "Connection: keep-alive\r\n";
    head += "\r\n";
    return head;
}

// One client connection: reads requests, answers them in order, one at a time.
class EchoConnection final : public QObject
{
public:
    EchoConnection(QTcpSocket *socket, quint16 localPort, QObject *parent);

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
    RequestParser m_parser;
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
        const RequestParser::Result result = m_parser.parse(m_buffer);
        if (result == RequestParser::Result::Failed) {
            failAndClose(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (result == RequestParser::Result::NeedMore) {
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

} // namespace

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
        static_cast<EchoConnection *>(connection)->abort();
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
    SplitMix64(seed).fill(bytes.data(), bytes.size());
    return bytes;
}

void EchoServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new EchoConnection(socket, m_server->serverPort(), this);
        m_connections.insert(connection);
        connect(
            connection, &QObject::destroyed, this, [this](QObject *object) { m_connections.remove(object); });
    }
}

} // namespace Sonde
