#include "response/BodyFilter.h"

#include "format/JsonFormatter.h"
#include "query/JsonPath.h"
#include "query/XPathQuery.h"
#include "response/BodyText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sonde {

using namespace Qt::Literals::StringLiterals;

namespace {

bool cancelled(const BodyFilterRequest &request)
{
    return request.cancel && request.cancel->load(std::memory_order_relaxed);
}

BodyFilterResult failure(const QString &error)
{
    BodyFilterResult result;
    result.error = error;
    return result;
}

BodyFilterResult cancelledResult()
{
    BodyFilterResult result;
    result.cancelled = true;
    return result;
}

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

QByteArray bodyText(const BodyFilterRequest &request)
{
    QByteArray bytes = request.body.bytes();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return BodyText::toUtf8(bytes, request.contentType, nullptr);
}

BodyFilterResult filterJson(BodyFilterRequest &request)
{
    QString compileError;
    const std::optional<JsonPath> path = JsonPath::compile(request.expression.trimmed(), &compileError);
    if (!path)
        return failure(u"Invalid JSONPath: "_s + lowerFirst(compileError));
    const QByteArray text = bodyText(request);
    if (cancelled(request))
        return cancelledResult();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(u"The body is not valid JSON (%1 at offset %2)"_s.arg(parseError.errorString()).arg(parseError.offset));
    if (cancelled(request))
        return cancelledResult();
    const JsonPathResult matched = path->evaluate(document);
    if (cancelled(request))
        return cancelledResult();
    QJsonArray values;
    for (const QJsonValue &value : matched.values)
        values.append(value);
    // QJsonDocument indents by four spaces; the body view shows JSON with two, as JsonFormatter does.
    const FormatResult pretty = formatJson(QJsonDocument(values).toJson(QJsonDocument::Compact), request.cancel.get());
    if (pretty.cancelled)
        return cancelledResult();
    BodyFilterResult result;
    if (!request.document.append(pretty.output))
        return failure(u"Not enough memory to show the matches"_s);
    result.ok = true;
    result.matches = matched.values.size();
    result.document = request.document;
    return result;
}

BodyFilterResult filterXml(BodyFilterRequest &request)
{
    const QByteArray text = bodyText(request);
    if (cancelled(request))
        return cancelledResult();
    const XPathResult matched = XPathQuery::evaluate(text, request.expression.trimmed());
    if (cancelled(request))
        return cancelledResult();
    if (matched.error == XPathResult::Error::InvalidExpression)
        return failure(u"Invalid XPath: "_s + lowerFirst(matched.errorMessage));
    if (!matched.ok())
        return failure(u"The body is not valid XML: "_s + lowerFirst(matched.errorMessage));
    QByteArray out;
    for (const XPathItem &item : matched.items) {
        if (!out.isEmpty())
            out += '\n';
        out += item.text.toUtf8();
    }
    if (!request.document.append(out))
        return failure(u"Not enough memory to show the matches"_s);
    BodyFilterResult result;
    result.ok = true;
    result.matches = matched.items.size();
    result.document = request.document;
    return result;
}

} // namespace

BodyFilterResult filterBody(BodyFilterRequest request)
{
    if (cancelled(request))
        return cancelledResult();
    return request.syntax == BodyFilterRequest::Syntax::JsonPath ? filterJson(request) : filterXml(request);
}

} // namespace Sonde
