#include "template/RequestLocator.h"

#include "query/JsonPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Sonde {

namespace {

bool matches(const QString &part, const QString &name, const QString &diskName)
{
    if (part.compare(name, Qt::CaseInsensitive) == 0)
        return true;
    if (diskName.isEmpty())
        return false;
    QString stem = diskName;
    if (stem.endsWith(QLatin1String(".yaml")))
        stem.chop(5);
    return part.compare(diskName, Qt::CaseInsensitive) == 0 || part.compare(stem, Qt::CaseInsensitive) == 0;
}

QString namesOf(const QList<Folder> &folders, const QList<Request> &requests)
{
    QStringList names;
    for (const Folder &folder : folders)
        names.append(folder.name + u'/');
    for (const Request &request : requests)
        names.append(request.name);
    return names.isEmpty() ? QStringLiteral("nothing") : names.join(QStringLiteral(", "));
}

} // namespace

QString LocatedRequest::path() const
{
    QStringList parts;
    for (const Folder *folder : folders)
        parts.append(folder->name);
    if (request)
        parts.append(request->name);
    return parts.join(u'/');
}

std::optional<LocatedRequest> locateRequest(const Workspace &workspace, const QString &path, QString *error)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2) {
        *error = QStringLiteral("“%1” is not a request path: give COLLECTION/REQUEST or COLLECTION/FOLDER/…/REQUEST").arg(path);
        return std::nullopt;
    }
    LocatedRequest located;
    const QList<Folder> *folders = &workspace.collections;
    const QList<Request> *requests = nullptr;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        const bool last = i == parts.size() - 1;
        if (last && requests) {
            for (const Request &request : *requests) {
                if (matches(part, request.name, request.fileName)) {
                    located.request = &request;
                    return located;
                }
            }
        }
        const Folder *next = nullptr;
        for (const Folder &folder : *folders) {
            if (matches(part, folder.name, folder.directoryName)) {
                next = &folder;
                break;
            }
        }
        if (!next || last) {
            const QString where = located.folders.isEmpty() ? QStringLiteral("the workspace")
                                                           : QStringLiteral("“%1”").arg(LocatedRequest {located.folders, nullptr}.path());
            *error = QStringLiteral("No request “%1” in %2 (it has: %3)")
                         .arg(part, where, namesOf(*folders, requests ? *requests : QList<Request>()));
            return std::nullopt;
        }
        located.folders.append(next);
        folders = &next->folders;
        requests = &next->requests;
    }
    return std::nullopt;
}

Request withFolderHeaders(const Request &request, const QList<const Folder *> &folders)
{
    Request result = request;
    // Innermost folder first, so an inner folder's header shadows an outer one's.
    for (auto it = folders.crbegin(); it != folders.crend(); ++it) {
        for (const KeyValue &header : (*it)->headers) {
            if (!header.enabled || header.key.isEmpty())
                continue;
            const bool present = std::any_of(result.headers.cbegin(), result.headers.cend(), [&header](const KeyValue &own) {
                return own.enabled && own.key.compare(header.key, Qt::CaseInsensitive) == 0;
            });
            if (!present)
                result.headers.append(header);
        }
    }
    return result;
}

Request withInheritedAuth(const Request &request, const QList<const Folder *> &folders)
{
    Request result = request;
    result.auth = effectiveAuth(request.auth, folders);
    return result;
}

QList<CapturedValue> applyCaptures(const QList<ResponseCapture> &captures, const Exchange &exchange)
{
    QList<CapturedValue> values;
    std::optional<QJsonDocument> json;
    for (const ResponseCapture &capture : captures) {
        if (!capture.enabled || capture.variable.isEmpty())
            continue;
        CapturedValue value {capture.variable, QString(), QString()};
        if (!exchange.hasResponse()) {
            value.error = QStringLiteral("no response");
        } else if (capture.source == ResponseCapture::Source::Status) {
            value.value = QString::number(exchange.response->statusCode);
        } else if (capture.source == ResponseCapture::Source::Header) {
            const QByteArray header = headerValue(exchange.response->headers, capture.expression.toLatin1());
            if (header.isNull())
                value.error = QStringLiteral("the response has no header “%1”").arg(capture.expression);
            else
                value.value = QString::fromUtf8(header);
        } else {
            QString problem;
            const std::optional<JsonPath> query = JsonPath::compile(capture.expression, &problem);
            if (!json) {
                QJsonParseError parseError;
                json = QJsonDocument::fromJson(exchange.body.bytes(), &parseError);
                if (parseError.error != QJsonParseError::NoError)
                    json = QJsonDocument();
            }
            if (!query) {
                value.error = QStringLiteral("invalid JSONPath: %1").arg(problem);
            } else if (json->isNull()) {
                value.error = QStringLiteral("the response body is not JSON");
            } else {
                const JsonPathResult result = query->evaluate(*json);
                if (result.values.isEmpty()) {
                    value.error = QStringLiteral("“%1” matched nothing").arg(capture.expression);
                } else {
                    const QJsonValue first = result.values.first();
                    if (first.isString())
                        value.value = first.toString();
                    else if (first.isObject() || first.isArray())
                        value.value = QString::fromUtf8(
                            first.isObject() ? QJsonDocument(first.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(first.toArray()).toJson(QJsonDocument::Compact));
                    else if (first.isDouble())
                        value.value = QString::number(first.toDouble(), 'g', QLocale::FloatingPointShortest);
                    else if (first.isBool())
                        value.value = first.toBool() ? QStringLiteral("true") : QStringLiteral("false");
                    else
                        value.value = QStringLiteral("null");
                }
            }
        }
        values.append(value);
    }
    return values;
}

} // namespace Sonde
