#include "formats/ImportSupport.h"

#include "http/RequestBuilder.h"

#include <QUrl>

namespace Sonde::ImportSupport {

using namespace Qt::StringLiterals;

QString requestName(const QString &method, const QString &url)
{
    const QUrl parsed(url);
    QString place = parsed.path();
    if (place.isEmpty() || place == u"/")
        place = parsed.host().isEmpty() ? url : parsed.host() + place;
    QString name = method + u' ' + place;
    if (name.size() > 80)
        name = name.left(79) + u'…';
    return name;
}

QString mediaType(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

std::optional<KeyValueList> exactFormFields(const QByteArray &data)
{
    if (data.isEmpty())
        return std::nullopt;
    KeyValueList fields;
    const auto decode = [](QByteArray part) {
        return QString::fromUtf8(QByteArray::fromPercentEncoding(part.replace('+', ' ')));
    };
    for (const QByteArray &pair : data.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            return std::nullopt;
        fields.append({decode(pair.left(equals)), decode(pair.mid(equals + 1)), true});
    }
    if (RequestBuilder::formEncode(fields) != data)
        return std::nullopt;
    return fields;
}

qsizetype findHeader(const KeyValueList &headers, QStringView name)
{
    for (qsizetype i = headers.size() - 1; i >= 0; --i) {
        if (headers.at(i).enabled && headers.at(i).key.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void adoptContentTypeHeader(Request &request)
{
    Body &body = request.body;
    if (body.kind == Body::Kind::None || body.kind == Body::Kind::GraphQL)
        return;
    const qsizetype index = findHeader(request.headers, u"Content-Type");
    if (index < 0)
        return;
    const QString value = request.headers.at(index).value.trimmed();
    switch (body.kind) {
    case Body::Kind::Raw:
    case Body::Kind::Binary:
        body.contentType = value;
        break;
    case Body::Kind::FormUrlEncoded:
        if (value.compare(u"application/x-www-form-urlencoded", Qt::CaseInsensitive) != 0)
            return;
        break;
    case Body::Kind::Multipart:
        if (value.compare(u"multipart/form-data", Qt::CaseInsensitive) != 0)
            return;
        break;
    default:
        return;
    }
    // Every Content-Type row goes: the body now says it.
    request.headers.erase(std::remove_if(request.headers.begin(), request.headers.end(),
                              [](const KeyValue &row) {
                                  return row.enabled
                                      && row.key.trimmed().compare(u"Content-Type", Qt::CaseInsensitive) == 0;
                              }),
        request.headers.end());
}

QString jsonTypeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"text"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

} // namespace Sonde::ImportSupport
