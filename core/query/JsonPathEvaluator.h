#pragma once

#include "JsonPathAst.h"
#include "JsonPathFunctions.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <memory>

namespace Sonde {

/// Applies a parsed JSONPath query to a JSON value (RFC 9535 §2.3–2.6). One evaluator serves one
/// document; it keeps the regular expressions of match()/search() compiled for its lifetime.
/// Internal to core/query.
class JsonPathEvaluator
{
public:
    /// One step of a node's location; a null pointer stands for the root `$`.
    struct PathLink
    {
        std::shared_ptr<const PathLink> parent;
        QString name;
        qint64 index = 0;
        bool isIndex = false;
    };
    using Path = std::shared_ptr<const PathLink>;

    struct Node
    {
        QJsonValue value;
        Path path;
    };
    using NodeList = QList<Node>;

    explicit JsonPathEvaluator(const QJsonValue &root);

    /// The nodelist selected by `query`, with the location of each node.
    NodeList select(const JsonPathAst::Query &query);

    /// The normalized path of RFC 9535 §2.7, e.g. `$['store']['book'][0]`.
    static QString normalizedPath(const Path &path);

private:
    NodeList evaluate(const JsonPathAst::Query &query, const QJsonValue &current, bool withPaths);
    void applySegment(const JsonPathAst::Segment &segment, const Node &node, NodeList &out, bool withPaths);
    void applySelectors(const JsonPathAst::Segment &segment, const Node &node, NodeList &out, bool withPaths);
    void applySelector(
        const JsonPathAst::Selector &selector, const Node &node, NodeList &out, bool withPaths);
    void applySlice(const JsonPathAst::Selector &selector, const Node &node, NodeList &out, bool withPaths);

    bool test(const JsonPathAst::FilterExpr &expr, const QJsonValue &current);
    JsonPathFunctions::Value valueOf(const JsonPathAst::FilterExpr &expr, const QJsonValue &current);

    QJsonValue m_root;
    JsonPathFunctions::RegexMatcher m_regex;
};

/// RFC 9535 equality of two JSON values: numbers by value, arrays and objects deeply.
bool jsonPathEqual(const QJsonValue &a, const QJsonValue &b);

} // namespace Sonde
