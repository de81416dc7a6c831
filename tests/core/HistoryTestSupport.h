#pragma once

// Exchanges and printers shared by the history tests.

#include "history/ExchangeRecord.h"
#include "history/HistoryRecord.h"
#include "history/HistoryStore.h"

#include <QTimeZone>
#include <QTest>

namespace Sonde {

inline QString describe(const HistoryEntry &entry)
{
    return QStringLiteral("#%1 %2 %3 %4 status=%5 error=%6")
        .arg(entry.id)
        .arg(entry.startedAt.toString(Qt::ISODateWithMs), entry.method, entry.url)
        .arg(entry.status)
        .arg(entry.errorKind);
}

inline char *toString(const HistoryEntry &entry)
{
    return QTest::toString(describe(entry));
}

inline char *toString(const HistoryRecord &record)
{
    QString text = QStringLiteral("{%1; reason=%2 final=%3 env=%4 request=%5 B%6 response=%7 B%8 headers=%9}")
                       .arg(describe(record.entry), record.reason, record.finalUrl, record.environment)
                       .arg(record.requestBody.data.size())
                       .arg(record.requestBody.truncated ? QStringLiteral(" (cut)") : QString())
                       .arg(record.responseBody.data.size())
                       .arg(record.responseBody.truncated ? QStringLiteral(" (cut)") : QString())
                       .arg(record.requestHeaders.size() + record.responseHeaders.size());
    return QTest::toString(text);
}

} // namespace Sonde

namespace HistoryTest {

/// A finished exchange as the engine would report it.
inline Sonde::Exchange exchange(const QString &method, const QString &url, int status,
    const QByteArray &responseBody = {}, const QByteArray &responseType = "application/json")
{
    Sonde::Exchange exchange;
    exchange.id = QUuid::createUuid();
    exchange.startedAt = QDateTime::currentDateTimeUtc();
    exchange.request.method = method;
    exchange.request.url = url;
    exchange.sent.method = method.toLatin1();
    exchange.sent.url = QUrl(url);
    exchange.sent.target = exchange.sent.url.path(QUrl::FullyEncoded).toLatin1();
    exchange.sent.httpVersion = "HTTP/1.1";
    exchange.sent.headers = {{"Host", exchange.sent.url.host().toLatin1()}, {"User-Agent", "Sonde/0.1.0"},
        {"Accept", "*/*"}, {"Accept-Encoding", "gzip, deflate"}, {"Connection", "Keep-Alive"}};
    exchange.timings.total = 12.5;
    if (status > 0) {
        Sonde::ResponseHead head;
        head.statusCode = status;
        head.reasonPhrase = status == 404 ? "Not Found" : status == 201 ? "Created" : "OK";
        head.httpVersion = "HTTP/1.1";
        head.headers
            = {{"Content-Type", responseType}, {"Content-Length", QByteArray::number(responseBody.size())}};
        exchange.response = head;
        exchange.body = Sonde::BodyData::fromBytes(responseBody);
        exchange.sizes.wireBodyBytes = exchange.sizes.decodedBodyBytes = responseBody.size();
    }
    return exchange;
}

/// Adds a request header, both as the user wrote it and as it was sent.
inline void addHeader(Sonde::Exchange &exchange, const QByteArray &name, const QByteArray &value)
{
    exchange.request.headers.append({QString::fromLatin1(name), QString::fromUtf8(value), true});
    exchange.sent.headers.append({name, value});
}

/// Gives the exchange a request body, as the user wrote it and as it was sent.
inline void setRequestBody(Sonde::Exchange &exchange, const QByteArray &body, const QString &type)
{
    exchange.request.body.kind = Sonde::Body::Kind::Raw;
    exchange.request.body.contentType = type;
    exchange.request.body.data = body;
    exchange.sent.headers.append({"Content-Type", type.toLatin1()});
    exchange.sent.headers.append({"Content-Length", QByteArray::number(body.size())});
    exchange.sent.body = body;
    exchange.sent.bodySize = body.size();
}

inline Sonde::HistoryRecord record(const Sonde::Exchange &exchange, const Sonde::RecordContext &context = {},
    const Sonde::RecordOptions &options = {})
{
    return Sonde::toHistoryRecord(exchange, context, options);
}

inline Sonde::HistoryFilter matching(const QString &text)
{
    Sonde::HistoryFilter filter;
    filter.text = text;
    return filter;
}

inline QStringList urls(const QList<Sonde::HistoryEntry> &entries)
{
    QStringList result;
    for (const Sonde::HistoryEntry &entry : entries)
        result.append(entry.url);
    return result;
}

/// Five exchanges an hour apart from 2024-05-01 12:00 UTC, each findable in its own way.
inline void insertSearchSample(Sonde::HistoryStore &store)
{
    const QDateTime start = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    QList<Sonde::Exchange> sample;
    sample << exchange(QStringLiteral("GET"), QStringLiteral("https://api.example.com/users/42"), 200,
        R"({"name":"Ada Lovelace","role":"analyst"})");
    addHeader(sample.last(), "X-Request-Id", "abc123");
    sample << exchange(
        QStringLiteral("POST"), QStringLiteral("https://shop.test/orders"), 201, R"({"order":1})");
    setRequestBody(sample.last(), R"({"sku":"widget-9","qty":2})", QStringLiteral("application/json"));
    sample << exchange(QStringLiteral("DELETE"), QStringLiteral("http://internal.local/items/7"), 404,
        "no such item", "text/plain");
    sample << exchange(QStringLiteral("GET"), QStringLiteral("https://api.example.com/health"), 0);
    sample.last().error
        = {Sonde::TransportError::Kind::Timeout, QStringLiteral("The server did not answer in time"), {}};
    sample << exchange(QStringLiteral("GET"), QStringLiteral("https://cdn.test/blob.bin"), 200,
        "binaryword inside", "application/octet-stream");
    for (int i = 0; i < sample.size(); ++i) {
        sample[i].startedAt = start.addSecs(3600 * i);
        QVERIFY(store.insert(record(sample[i])));
    }
}

} // namespace HistoryTest
