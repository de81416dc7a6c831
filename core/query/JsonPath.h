#pragma once

#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Sonde {

namespace JsonPathAst {
struct Query;
}

/// The nodelist a JSONPath query selects: the values, and in the same order the location of each
/// as a normalized path (RFC 9535 §2.7), e.g. `$['store']['book'][0]`.
struct JsonPathResult
{
    QList<QJsonValue> values;
    QStringList paths;
};

/// A compiled JSONPath query, conforming to RFC 9535.
///
/// compile() parses the query and checks it is well-typed (function arguments and comparisons,
/// §2.4.3); an invalid query yields no JsonPath and a message naming the offset of the problem,
/// e.g. "Unexpected ']' at offset 7". evaluate() applies the query to a JSON value; it cannot fail,
/// a query that matches nothing gives an empty result. Numbers compare as doubles; `match()` and
/// `search()` take I-Regexp patterns (RFC 9485). A JsonPath is an immutable value, cheap to copy
/// and safe to evaluate from several threads at once.
class JsonPath
{
public:
    /// Compiles `query`; on failure returns std::nullopt and, when `error` is given, sets it.
    static std::optional<JsonPath> compile(const QString &query, QString *error = nullptr);

    JsonPathResult evaluate(const QJsonValue &root) const;
    /// Evaluates against the array or object a document holds (an empty document selects nothing).
    JsonPathResult evaluate(const QJsonDocument &document) const;

    /// The query text this was compiled from.
    const QString &query() const { return m_query; }

private:
    JsonPath(QString query, std::shared_ptr<const JsonPathAst::Query> ast);

    QString m_query;
    std::shared_ptr<const JsonPathAst::Query> m_ast;
};

} // namespace Sonde
