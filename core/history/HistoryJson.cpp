#include "history/HistoryJson.h"

#include "model/ExchangeJson.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace Sonde::HistoryJson {

namespace {

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject bodyToJson(const StoredBody &body)
{
    QJsonObject object;
    object.insert(QStringLiteral("contentType"), body.contentType);
    object.insert(QStringLiteral("bodySize"), body.size);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body.data);
    if (!decoder.hasError())
        object.insert(QStringLiteral("body"), text);
    else
        object.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.data.toBase64()));
    object.insert(QStringLiteral("bodyTruncated"), body.truncated);
    return object;
}

} // namespace

QJsonObject entryToJson(const HistoryEntry &entry)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), entry.id);
    object.insert(QStringLiteral("startedAt"), entry.startedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("method"), entry.method);
    object.insert(QStringLiteral("url"), entry.url);
    object.insert(QStringLiteral("host"), entry.host);
    object.insert(QStringLiteral("status"), entry.hasResponse() ? QJsonValue(entry.status) : QJsonValue());
    object.insert(QStringLiteral("durationMs"),
        entry.durationMs < 0 ? QJsonValue() : QJsonValue(qRound64(entry.durationMs * 1000) / 1000.0));
    object.insert(QStringLiteral("responseSize"), entry.responseSize);
    object.insert(QStringLiteral("error"),
        entry.hasError() ? QJsonValue(QJsonObject {
            {QStringLiteral("kind"), entry.errorKind}, {QStringLiteral("message"), entry.errorMessage}})
                         : QJsonValue());
    object.insert(QStringLiteral("workspaceRequest"), orNull(entry.workspaceRequest));
    return object;
}

QJsonObject recordToJson(const HistoryRecord &record)
{
    QJsonObject object = entryToJson(record.entry);
    object.insert(QStringLiteral("reason"), record.reason);
    object.insert(QStringLiteral("httpVersion"), record.httpVersion);
    object.insert(QStringLiteral("finalUrl"), record.finalUrl);
    object.insert(QStringLiteral("redirectCount"), record.redirectCount);
    object.insert(QStringLiteral("environment"), orNull(record.environment));

    QJsonObject request = bodyToJson(record.requestBody);
    request.insert(QStringLiteral("headers"), ExchangeJson::headersToJson(record.requestHeaders));
    if (record.request && !record.request->name.isEmpty())
        object.insert(QStringLiteral("name"), record.request->name);
    object.insert(QStringLiteral("request"), request);
    if (record.entry.hasResponse()) {
        QJsonObject response = bodyToJson(record.responseBody);
        response.insert(QStringLiteral("headers"), ExchangeJson::headersToJson(record.responseHeaders));
        response.insert(QStringLiteral("wireBodySize"), record.responseWireSize);
        object.insert(QStringLiteral("response"), response);
    } else {
        object.insert(QStringLiteral("response"), QJsonValue());
    }
    return object;
}

QString headersToText(const HeaderList &headers)
{
    return compact(ExchangeJson::headersToJson(headers));
}

HeaderList headersFromText(const QString &text)
{
    HeaderList headers;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonArray pair = value.toArray();
        headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    return headers;
}

} // namespace Sonde::HistoryJson
