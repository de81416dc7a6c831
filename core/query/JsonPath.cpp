#include "JsonPath.h"

#include "JsonPathEvaluator.h"
#include "JsonPathParser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Sonde {

JsonPath::JsonPath(QString query, std::shared_ptr<const JsonPathAst::Query> ast)
    : m_query(std::move(query))
    , m_ast(std::move(ast))
{ }

std::optional<JsonPath> JsonPath::compile(const QString &query, QString *error)
{
    std::optional<JsonPathAst::Query> ast = parseJsonPath(query, error);
    if (!ast)
        return std::nullopt;
    return JsonPath(query, std::make_shared<const JsonPathAst::Query>(std::move(*ast)));
}

JsonPathResult JsonPath::evaluate(const QJsonValue &root) const
{
    JsonPathEvaluator evaluator(root);
    const JsonPathEvaluator::NodeList nodes = evaluator.select(*m_ast);
    JsonPathResult result;
    result.values.reserve(nodes.size());
    result.paths.reserve(nodes.size());
    for (const JsonPathEvaluator::Node &node : nodes) {
        result.values.append(node.value);
        result.paths.append(JsonPathEvaluator::normalizedPath(node.path));
    }
    return result;
}

JsonPathResult JsonPath::evaluate(const QJsonDocument &document) const
{
    if (document.isArray())
        return evaluate(QJsonValue(document.array()));
    if (document.isObject())
        return evaluate(QJsonValue(document.object()));
    return {};
}

} // namespace Sonde
