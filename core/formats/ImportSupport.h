#pragma once

#include "model/Request.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <optional>

/// Helpers the importers share, so that every format turns the same input into the same request.
namespace Sonde::ImportSupport {

/// "GET /users/42" (the host when the path is empty), at most 80 characters: a request's default name.
QString requestName(const QString &method, const QString &url);

/// The media type of a Content-Type value in lower case, parameters dropped: "application/json".
QString mediaType(const QString &contentType);

/// The fields of an application/x-www-form-urlencoded body, when the body is exactly what
/// RequestBuilder::formEncode writes for them (so a FormUrlEncoded body sends the same bytes);
/// nullopt otherwise.
std::optional<KeyValueList> exactFormFields(const QByteArray &data);

/// Gives a request with a body one source for its media type: the last Content-Type header becomes the
/// type of a raw or binary body (and leaves the headers); for form and multipart bodies, whose type
/// is implied, a Content-Type header stays only when it says more than the implied type (a charset,
/// a boundary). A request without a body keeps its headers.
void adoptContentTypeHeader(Request &request);

/// A JSON type in words for error messages: "an object", "a list", "text", "a number", "a boolean",
/// "null"; "missing" for an undefined value.
QString jsonTypeName(QJsonValue::Type type);

/// The index of the last enabled header named `name` (case-insensitive), or -1.
qsizetype findHeader(const KeyValueList &headers, QStringView name);

} // namespace Sonde::ImportSupport
