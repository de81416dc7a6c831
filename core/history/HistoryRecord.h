#pragma once

#include "model/Exchange.h"
#include "model/KeyValue.h"
#include "model/Request.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace Sonde {

/// One row of the history list: what a list shows, read without touching headers or bodies.
struct HistoryEntry
{
    qint64 id = 0;
    /// When the exchange started, in UTC.
    QDateTime startedAt;
    QString method;
    /// The URL of the first request sent (before any redirect), fully encoded.
    QString url;
    /// The URL's host in lower case; empty when the URL has none.
    QString host;
    /// The final response's status code; 0 when no response arrived.
    int status = 0;
    /// The whole exchange, redirects included; negative when unknown.
    double durationMs = -1;
    /// Size of the decoded response body, whole (not only the stored part).
    qint64 responseSize = 0;
    /// errorKindName() of the transport error ("timeout", …); empty when there was none.
    QString errorKind;
    QString errorMessage;
    /// "Collection/Folder/Request" when sent from a saved request; empty otherwise.
    QString workspaceRequest;

    bool hasResponse() const { return status > 0; }
    bool hasError() const { return !errorKind.isEmpty(); }

    friend bool operator==(const HistoryEntry &, const HistoryEntry &) = default;
};

/// A body as history keeps it: its first bytes up to the cap, and its real size.
struct StoredBody
{
    /// The body, or its first part when `truncated`.
    QByteArray data;
    /// The size of the whole body.
    qint64 size = 0;
    bool truncated = false;
    /// The media type from Content-Type, e.g. "application/json; charset=utf-8"; may be empty.
    QString contentType;

    friend bool operator==(const StoredBody &, const StoredBody &) = default;
};

/// Everything history keeps of one exchange, after redaction. Can be turned back into a Request.
struct HistoryRecord
{
    HistoryEntry entry;
    QString reason;
    /// "HTTP/1.1" or "HTTP/2" of the final response.
    QString httpVersion;
    /// The URL the last response came from; the same as entry.url without redirects.
    QString finalUrl;
    int redirectCount = 0;
    /// The environment active when it was sent; empty for none.
    QString environment;
    /// The first request's headers exactly as they went on the wire.
    HeaderList requestHeaders;
    /// The request as the user defined it, variables resolved, redacted (secret variables without
    /// their values): what a restore brings back, every kind of body included. Missing for entries
    /// recorded before it was kept.
    std::optional<Request> request;
    StoredBody requestBody;
    /// The final response's headers as received.
    HeaderList responseHeaders;
    /// The final response's decoded body.
    StoredBody responseBody;
    /// Response body bytes as received, before content decoding.
    qint64 responseWireSize = 0;

    /// A request that sends this again: `request`; for entries without it, one made of the method, the
    /// URL, the wire headers minus those the network stack adds by itself, and the body as sent.
    Request toRequest() const;
    /// The exchange as far as history kept it, to show again: the request, the response's status line
    /// and headers, its stored body (only the first part when `responseBody.truncated`), the total time,
    /// the sizes and the error. Timings other than the total, TLS details and redirect hops are not kept.
    Exchange toExchange() const;

    friend bool operator==(const HistoryRecord &, const HistoryRecord &) = default;
};

/// True for media types whose bodies are text worth searching (JSON, XML, HTML, text/*, forms, …).
bool isTextualContentType(QStringView contentType);

} // namespace Sonde
