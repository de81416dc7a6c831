#pragma once

#include <QJsonValue>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

/// The syntax tree of a compiled JSONPath query (RFC 9535). Built by JsonPathParser, read by
/// JsonPathEvaluator; internal to core/query.
namespace Sonde::JsonPathAst {

struct FilterExpr;

struct Selector
{
    enum class Kind { Name, Wildcard, Index, Slice, Filter };
    Kind kind = Kind::Wildcard;
    QString name;
    qint64 index = 0;
    std::optional<qint64> start;
    std::optional<qint64> end;
    qint64 step = 1;
    std::shared_ptr<const FilterExpr> filter;
};

struct Segment
{
    bool descendant = false;
    /// True when written as `.name` or as `[sel]` with one name or index selector and no blank space
    /// inside the brackets: the only forms the RFC's singular-query grammar accepts.
    bool singularForm = false;
    std::vector<Selector> selectors;
};

struct Query
{
    /// `$` (the root) when true, `@` (the current node of a filter) when false.
    bool absolute = true;
    std::vector<Segment> segments;

    bool isSingular() const
    {
        for (const Segment &segment : segments) {
            if (!segment.singularForm)
                return false;
        }
        return true;
    }
};

/// The function extensions of RFC 9535 §2.4.
enum class Function { Length, Count, Match, Search, Value };

enum class CompareOp { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

struct FilterExpr
{
    enum class Kind { Or, And, Not, Comparison, Query, Function, Literal };
    Kind kind = Kind::Literal;
    CompareOp op = CompareOp::Equal;
    /// Or/And: two or more operands; Not: one; Comparison: two; Function: the arguments.
    std::vector<FilterExpr> operands;
    Query query;
    Function function = Function::Length;
    QJsonValue literal;
};

} // namespace Sonde::JsonPathAst
