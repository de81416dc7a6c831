#include "model/ExchangeJson.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace Sonde::ExchangeJson {

namespace {

QJsonValue milliseconds(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qRound64(value * 1000) / 1000.0);
}

void putBody(QJsonObject &object, const QByteArray &bytes, bool truncated)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        object.insert(QStringLiteral("body"), text);
    else
        object.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(bytes.toBase64()));
    object.insert(QStringLiteral("bodyTruncated"), truncated);
}

QJsonObject sentToJson(const SentRequest &sent)
{
    QJsonObject object;
    object.insert(QStringLiteral("method"), QString::fromLatin1(sent.method));
    object.insert(QStringLiteral("url"), sent.url.toString(QUrl::FullyEncoded));
    object.insert(QStringLiteral("target"), QString::fromLatin1(sent.target));
    object.insert(QStringLiteral("httpVersion"), QString::fromLatin1(sent.httpVersion));
    object.insert(QStringLiteral("headers"), headersToJson(sent.headers));
    object.insert(QStringLiteral("bodySize"), sent.bodySize);
    if (sent.bodySize > 0)
        putBody(object, sent.body, false);
    return object;
}

QJsonObject headToJson(const ResponseHead &head)
{
    QJsonObject object;
    object.insert(QStringLiteral("status"), head.statusCode);
    object.insert(QStringLiteral("reason"), QString::fromLatin1(head.reasonPhrase));
    object.insert(QStringLiteral("httpVersion"), QString::fromLatin1(head.httpVersion));
    object.insert(QStringLiteral("headers"), headersToJson(head.headers));
    return object;
}

} // namespace

QJsonArray headersToJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &header : headers)
        array.append(QJsonArray {QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
    return array;
}

QJsonObject toJson(const Exchange &exchange, qint64 bodyLimit)
{
    QJsonObject root;
    root.insert(QStringLiteral("id"), exchange.id.toString(QUuid::WithoutBraces));
    root.insert(QStringLiteral("startedAt"), exchange.startedAt.toString(Qt::ISODateWithMs));
    root.insert(QStringLiteral("request"), sentToJson(exchange.sent));

    QJsonArray redirects;
    for (const RedirectHop &hop : exchange.redirects)
        redirects.append(QJsonObject {{QStringLiteral("request"), sentToJson(hop.sent)},
                                      {QStringLiteral("response"), headToJson(hop.response)}});
    root.insert(QStringLiteral("redirects"), redirects);

    if (exchange.response) {
        QJsonObject response = headToJson(*exchange.response);
        const qint64 size = exchange.body.size();
        putBody(response, exchange.body.head(bodyLimit), size > bodyLimit);
        root.insert(QStringLiteral("response"), response);
    } else {
        root.insert(QStringLiteral("response"), QJsonValue::Null);
    }

    const Timings &t = exchange.timings;
    root.insert(QStringLiteral("timings"),
                QJsonObject {{QStringLiteral("dnsMs"), milliseconds(t.dns)},
                             {QStringLiteral("connectMs"), milliseconds(t.connect)},
                             {QStringLiteral("sendMs"), milliseconds(t.send)},
                             {QStringLiteral("waitMs"), milliseconds(t.wait)},
                             {QStringLiteral("downloadMs"), milliseconds(t.download)},
                             {QStringLiteral("totalMs"), milliseconds(t.total)},
                             {QStringLiteral("connectionReused"), t.connectionReused}});
    const Sizes &s = exchange.sizes;
    root.insert(QStringLiteral("sizes"),
                QJsonObject {{QStringLiteral("headerBytes"), s.headerBytes},
                             {QStringLiteral("wireBodyBytes"), s.wireBodyBytes},
                             {QStringLiteral("decodedBodyBytes"), s.decodedBodyBytes},
                             {QStringLiteral("contentEncoding"), QString::fromLatin1(s.contentEncoding)}});
    if (exchange.tls.used || !exchange.tls.clientCertificate.isEmpty()) {
        QJsonObject tls;
        if (exchange.tls.used)
            tls = QJsonObject {{QStringLiteral("protocol"), exchange.tls.protocol},
                {QStringLiteral("cipher"), exchange.tls.cipher},
                {QStringLiteral("peerSubject"), exchange.tls.peerSubject},
                {QStringLiteral("peerIssuer"), exchange.tls.peerIssuer},
                {QStringLiteral("peerExpiry"), exchange.tls.peerExpiry.toString(Qt::ISODate)}};
        if (!exchange.tls.clientCertificate.isEmpty()) {
            tls.insert(QStringLiteral("clientCertificate"), exchange.tls.clientCertificate);
            tls.insert(QStringLiteral("clientCertificateHost"), exchange.tls.clientCertificatePattern);
        }
        root.insert(QStringLiteral("tls"), tls);
    }
    if (exchange.error.isError()) {
        root.insert(QStringLiteral("error"),
                    QJsonObject {{QStringLiteral("kind"), errorKindName(exchange.error.kind)},
                                 {QStringLiteral("message"), exchange.error.message},
                                 {QStringLiteral("details"), QJsonArray::fromStringList(exchange.error.details)}});
    } else {
        root.insert(QStringLiteral("error"), QJsonValue::Null);
    }
    return root;
}

} // namespace Sonde::ExchangeJson
