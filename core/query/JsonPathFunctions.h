#pragma once

#include "JsonPathAst.h"

#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringView>
#include <array>
#include <optional>

/// The function extensions of RFC 9535 §2.4: their signatures in the RFC's type system, used by the
/// parser to check well-typedness, and their implementations, used by the evaluator. Internal to
/// core/query.
namespace Sonde::JsonPathFunctions {

/// The declared types of RFC 9535 §2.4.1.
enum class Type { Value, Logical, Nodes };

struct Signature
{
    JsonPathAst::Function function;
    QStringView name;
    Type result;
    int parameterCount;
    std::array<Type, 2> parameters;
};

/// The signature of the function called `name`, or nullptr when there is no such function.
const Signature *find(QStringView name);
const Signature &signature(JsonPathAst::Function function);

/// A ValueType value: a JSON value, or Nothing (std::nullopt).
using Value = std::optional<QJsonValue>;

/// `length()`: characters (Unicode scalar values) of a string, elements of an array, members of an
/// object; Nothing for anything else.
Value length(const Value &argument);

/// `match()` and `search()` with I-Regexp (RFC 9485) patterns, compiled once per pattern.
class RegexMatcher
{
public:
    /// False when either argument is not a string or the pattern is not a valid I-Regexp.
    bool match(const Value &text, const Value &pattern);
    bool search(const Value &text, const Value &pattern);

private:
    bool run(const Value &text, const Value &pattern, bool fullMatch);

    QHash<QString, std::optional<QRegularExpression>> m_full;
    QHash<QString, std::optional<QRegularExpression>> m_search;
};

} // namespace Sonde::JsonPathFunctions
