#include "history/ExchangeRecord.h"

#include "history/Redaction.h"

namespace Sonde {

namespace {

/// The first `cap` bytes of a body with secrets scrubbed. The part read goes past the cap by the
/// longest secret, so one lying across the cut is replaced before cutting.
StoredBody storedBody(
    const BodyData &body, const QString &contentType, const Redaction &redaction, qint64 cap)
{
    StoredBody stored;
    stored.size = body.size();
    stored.contentType = contentType;
    stored.data = redaction.bytes(body.head(cap + redaction.longestSecret()));
    if (stored.size > cap) {
        stored.truncated = true;
        stored.data.truncate(cap);
    }
    return stored;
}

} // namespace

HistoryRecord toHistoryRecord(
    const Exchange &exchange, const RecordContext &context, const RecordOptions &options)
{
    const Request &request = exchange.request;
    // The first request sent: the one the user asked for, before any redirect.
    const bool wasSent = !exchange.sent.method.isEmpty();
    const SentRequest &first
        = exchange.redirects.isEmpty() ? exchange.sent : exchange.redirects.constFirst().sent;
    // Credentials sent or set in headers are scrubbed wherever else they appear, like secret values.
    QStringList secrets = context.secretValues;
    // The auth's secrets (resolved) wherever they went, such as an API key in a header or the query; as
    // with credentials in headers, short values are left alone (scrubbing "ab" everywhere would mangle the
    // record, and a secret variable's value is in `secretValues` at any length).
    for (const QString &value : request.auth.secretValues()) {
        if (value.size() >= 8)
            secrets += value;
    }
    secrets += Redaction::credentialsIn(first.headers);
    for (const RedirectHop &hop : exchange.redirects)
        secrets += Redaction::credentialsIn(hop.response.headers);
    secrets += Redaction::credentialsIn(exchange.sent.headers);
    if (exchange.response)
        secrets += Redaction::credentialsIn(exchange.response->headers);
    HeaderList written;
    for (const KeyValue &row : request.headers)
        written.append({row.key.trimmed().toLatin1(), row.value.toUtf8()});
    secrets += Redaction::credentialsIn(written);
    const Redaction redaction(secrets, options.keepSecrets);
    const qint64 cap = qMax<qint64>(0, options.bodyCap);

    HistoryRecord record;
    HistoryEntry &entry = record.entry;
    entry.startedAt
        = exchange.startedAt.isValid() ? exchange.startedAt.toUTC() : QDateTime::currentDateTimeUtc();
    entry.method = wasSent ? QString::fromLatin1(first.method) : request.method.trimmed();
    const QUrl firstUrl = wasSent ? first.url : QUrl::fromUserInput(request.url);
    entry.url = redaction.url(wasSent ? first.url.toString(QUrl::FullyEncoded) : request.url);
    entry.host = firstUrl.host().toLower();
    entry.durationMs = exchange.timings.total;
    entry.workspaceRequest = context.workspaceRequest;
    if (exchange.error.isError()) {
        entry.errorKind = errorKindName(exchange.error.kind);
        entry.errorMessage = redaction.text(exchange.error.message);
    }
    record.environment = context.environment;
    record.redirectCount = int(exchange.redirects.size());
    record.finalUrl = wasSent ? redaction.url(exchange.sent.url.toString(QUrl::FullyEncoded)) : entry.url;
    record.requestHeaders = redaction.headers(first.headers);
    record.request = redaction.request(request);
    // A raw body is kept up to the cap, like the body as sent.
    if (record.request->body.data.size() > cap)
        record.request->body.data.truncate(cap);

    QString requestType = request.body.contentType;
    if (requestType.isEmpty())
        requestType = QString::fromLatin1(headerValue(first.headers, "Content-Type"));
    const QByteArray requestBody = wasSent ? first.body : request.body.data;
    record.requestBody = storedBody(BodyData::fromBytes(requestBody), requestType, redaction, cap);
    if (wasSent)
        record.requestBody.size = first.bodySize;

    if (exchange.response) {
        const ResponseHead &head = *exchange.response;
        entry.status = head.statusCode;
        record.reason = QString::fromLatin1(head.reasonPhrase);
        record.httpVersion = QString::fromLatin1(head.httpVersion);
        record.responseHeaders = redaction.headers(head.headers);
        const QString responseType = QString::fromLatin1(headerValue(head.headers, "Content-Type"));
        record.responseBody = storedBody(exchange.body, responseType, redaction, cap);
        record.responseWireSize = exchange.sizes.wireBodyBytes;
    }
    entry.responseSize = record.responseBody.size;
    return record;
}

} // namespace Sonde
