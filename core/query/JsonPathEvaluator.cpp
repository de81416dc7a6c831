#include "JsonPathEvaluator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace Sonde {

namespace {

using namespace JsonPathAst;
using JsonPathFunctions::Value;

JsonPathEvaluator::Path childPath(const JsonPathEvaluator::Node &parent, const QString &name, bool withPaths)
{
    if (!withPaths)
        return {};
    return std::make_shared<const JsonPathEvaluator::PathLink>(
        JsonPathEvaluator::PathLink {parent.path, name, 0, false});
}

JsonPathEvaluator::Path childPath(const JsonPathEvaluator::Node &parent, qint64 index, bool withPaths)
{
    if (!withPaths)
        return {};
    return std::make_shared<const JsonPathEvaluator::PathLink>(
        JsonPathEvaluator::PathLink {parent.path, QString(), index, true});
}

// Strings compare by Unicode scalar values (§2.3.5.2.2). UTF-16 code units order the same way
// except that surrogates (D800–DFFF) must sort after E000–FFFF.
int codePointOrder(char16_t unit)
{
    if (unit >= 0xD800 && unit <= 0xDFFF)
        return unit + 0x2000;
    if (unit >= 0xE000)
        return unit - 0x800;
    return unit;
}

bool stringLess(const QString &a, const QString &b)
{
    return std::lexicographical_compare(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
        [](QChar x, QChar y) { return codePointOrder(x.unicode()) < codePointOrder(y.unicode()); });
}

bool valuesEqual(const Value &a, const Value &b)
{
    if (!a || !b)
        return !a && !b;
    return jsonPathEqual(*a, *b);
}

bool valuesLess(const Value &a, const Value &b)
{
    if (!a || !b)
        return false;
    if (a->isDouble() && b->isDouble())
        return a->toDouble() < b->toDouble();
    if (a->isString() && b->isString())
        return stringLess(a->toString(), b->toString());
    return false;
}

bool compare(CompareOp op, const Value &a, const Value &b)
{
    switch (op) {
    case CompareOp::Equal:
        return valuesEqual(a, b);
    case CompareOp::NotEqual:
        return !valuesEqual(a, b);
    case CompareOp::Less:
        return valuesLess(a, b);
    case CompareOp::LessEqual:
        return valuesLess(a, b) || valuesEqual(a, b);
    case CompareOp::Greater:
        return valuesLess(b, a);
    case CompareOp::GreaterEqual:
        return valuesLess(b, a) || valuesEqual(a, b);
    }
    return false;
}

void appendEscapedName(QString &out, const QString &name)
{
    for (const QChar c : name) {
        switch (c.unicode()) {
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\'':
            out += QStringLiteral("\\'");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out.append(c);
        }
    }
}

} // namespace

bool jsonPathEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonPathEqual(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            const auto other = y.constFind(it.key());
            if (other == y.constEnd() || !jsonPathEqual(it.value(), other.value()))
                return false;
        }
        return true;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    }
    return false;
}

JsonPathEvaluator::JsonPathEvaluator(const QJsonValue &root)
    : m_root(root)
{ }

JsonPathEvaluator::NodeList JsonPathEvaluator::select(const Query &query)
{
    return evaluate(query, m_root, true);
}

QString JsonPathEvaluator::normalizedPath(const Path &path)
{
    std::vector<const PathLink *> links;
    for (const PathLink *link = path.get(); link; link = link->parent.get())
        links.push_back(link);
    QString out = QStringLiteral("$");
    for (auto it = links.rbegin(); it != links.rend(); ++it) {
        if ((*it)->isIndex) {
            out += u'[' + QString::number((*it)->index) + u']';
        } else {
            out += QStringLiteral("['");
            appendEscapedName(out, (*it)->name);
            out += QStringLiteral("']");
        }
    }
    return out;
}

JsonPathEvaluator::NodeList JsonPathEvaluator::evaluate(
    const Query &query, const QJsonValue &current, bool withPaths)
{
    NodeList nodes {Node {query.absolute ? m_root : current, {}}};
    for (const Segment &segment : query.segments) {
        NodeList next;
        for (const Node &node : std::as_const(nodes))
            applySegment(segment, node, next, withPaths);
        nodes = std::move(next);
        if (nodes.isEmpty())
            break;
    }
    return nodes;
}

void JsonPathEvaluator::applySegment(const Segment &segment, const Node &node, NodeList &out, bool withPaths)
{
    applySelectors(segment, node, out, withPaths);
    if (!segment.descendant)
        return;
    // A descendant segment visits the node, then its children in document order, depth first.
    if (node.value.isArray()) {
        const QJsonArray array = node.value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            applySegment(segment, Node {array.at(i), childPath(node, i, withPaths)}, out, withPaths);
    } else if (node.value.isObject()) {
        const QJsonObject object = node.value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            applySegment(segment, Node {it.value(), childPath(node, it.key(), withPaths)}, out, withPaths);
    }
}

void JsonPathEvaluator::applySelectors(
    const Segment &segment, const Node &node, NodeList &out, bool withPaths)
{
    for (const Selector &selector : segment.selectors)
        applySelector(selector, node, out, withPaths);
}

void JsonPathEvaluator::applySelector(
    const Selector &selector, const Node &node, NodeList &out, bool withPaths)
{
    switch (selector.kind) {
    case Selector::Kind::Name: {
        if (!node.value.isObject())
            return;
        const QJsonObject object = node.value.toObject();
        const auto it = object.constFind(selector.name);
        if (it != object.constEnd())
            out.append(Node {it.value(), childPath(node, selector.name, withPaths)});
        return;
    }
    case Selector::Kind::Index: {
        if (!node.value.isArray())
            return;
        const QJsonArray array = node.value.toArray();
        const qint64 index = selector.index < 0 ? array.size() + selector.index : selector.index;
        if (index >= 0 && index < array.size())
            out.append(Node {array.at(index), childPath(node, index, withPaths)});
        return;
    }
    case Selector::Kind::Slice:
        applySlice(selector, node, out, withPaths);
        return;
    case Selector::Kind::Wildcard:
    case Selector::Kind::Filter:
        break;
    }
    const bool filter = selector.kind == Selector::Kind::Filter;
    if (node.value.isArray()) {
        const QJsonArray array = node.value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!filter || test(*selector.filter, array.at(i)))
                out.append(Node {array.at(i), childPath(node, i, withPaths)});
        }
    } else if (node.value.isObject()) {
        const QJsonObject object = node.value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!filter || test(*selector.filter, it.value()))
                out.append(Node {it.value(), childPath(node, it.key(), withPaths)});
        }
    }
}

// RFC 9535 §2.3.4.2.2, including its defaults for a negative step.
void JsonPathEvaluator::applySlice(const Selector &selector, const Node &node, NodeList &out, bool withPaths)
{
    if (!node.value.isArray() || selector.step == 0)
        return;
    const QJsonArray array = node.value.toArray();
    const qint64 length = array.size();
    const qint64 step = selector.step;
    const qint64 start = selector.start.value_or(step > 0 ? 0 : length - 1);
    const qint64 end = selector.end.value_or(step > 0 ? length : -length - 1);
    const auto normalize = [length](qint64 i) {
        return i >= 0 ? i : length + i;
    };
    if (step > 0) {
        const qint64 lower = std::min(std::max(normalize(start), qint64(0)), length);
        const qint64 upper = std::min(std::max(normalize(end), qint64(0)), length);
        for (qint64 i = lower; i < upper; i += step)
            out.append(Node {array.at(i), childPath(node, i, withPaths)});
    } else {
        const qint64 upper = std::min(std::max(normalize(start), qint64(-1)), length - 1);
        const qint64 lower = std::min(std::max(normalize(end), qint64(-1)), length - 1);
        for (qint64 i = upper; lower < i; i += step)
            out.append(Node {array.at(i), childPath(node, i, withPaths)});
    }
}

bool JsonPathEvaluator::test(const FilterExpr &expr, const QJsonValue &current)
{
    switch (expr.kind) {
    case FilterExpr::Kind::Or:
        return std::any_of(expr.operands.cbegin(), expr.operands.cend(),
            [&](const FilterExpr &operand) { return test(operand, current); });
    case FilterExpr::Kind::And:
        return std::all_of(expr.operands.cbegin(), expr.operands.cend(),
            [&](const FilterExpr &operand) { return test(operand, current); });
    case FilterExpr::Kind::Not:
        return !test(expr.operands.front(), current);
    case FilterExpr::Kind::Comparison:
        return compare(expr.op, valueOf(expr.operands[0], current), valueOf(expr.operands[1], current));
    case FilterExpr::Kind::Query:
        return !evaluate(expr.query, current, false).isEmpty();
    case FilterExpr::Kind::Function:
        if (expr.function == Function::Match)
            return m_regex.match(valueOf(expr.operands[0], current), valueOf(expr.operands[1], current));
        if (expr.function == Function::Search)
            return m_regex.search(valueOf(expr.operands[0], current), valueOf(expr.operands[1], current));
        break;
    case FilterExpr::Kind::Literal:
        break;
    }
    Q_UNREACHABLE();
    return false;
}

Value JsonPathEvaluator::valueOf(const FilterExpr &expr, const QJsonValue &current)
{
    switch (expr.kind) {
    case FilterExpr::Kind::Literal:
        return expr.literal;
    case FilterExpr::Kind::Query: {
        const NodeList nodes = evaluate(expr.query, current, false);
        return nodes.size() == 1 ? Value(nodes.front().value) : std::nullopt;
    }
    case FilterExpr::Kind::Function:
        switch (expr.function) {
        case Function::Length:
            return JsonPathFunctions::length(valueOf(expr.operands[0], current));
        case Function::Count:
            return QJsonValue(qint64(evaluate(expr.operands[0].query, current, false).size()));
        case Function::Value: {
            const NodeList nodes = evaluate(expr.operands[0].query, current, false);
            return nodes.size() == 1 ? Value(nodes.front().value) : std::nullopt;
        }
        case Function::Match:
        case Function::Search:
            break;
        }
        break;
    case FilterExpr::Kind::Or:
    case FilterExpr::Kind::And:
    case FilterExpr::Kind::Not:
    case FilterExpr::Kind::Comparison:
        break;
    }
    Q_UNREACHABLE();
    return std::nullopt;
}

} // namespace Sonde
