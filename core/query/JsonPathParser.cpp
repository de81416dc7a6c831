#include "JsonPathParser.h"

#include "JsonPathFunctions.h"
#include "JsonPathLexer.h"

namespace Sonde {

namespace {

using namespace JsonPathAst;
using JsonPathFunctions::Signature;
using JsonPathFunctions::Type;

// Deep enough for any hand-written filter, shallow enough that the recursion cannot exhaust the stack.
constexpr int MaxNesting = 200;

// What a parsed filter operand stands for; it decides where the operand may appear (§2.4.3).
enum class Category { Literal, Query, ValueFunction, LogicalFunction, NodesFunction, Logical };

struct Operand
{
    FilterExpr expr;
    Category category = Category::Logical;
    qsizetype offset = 0;
};

QString functionName(const FilterExpr &expr)
{
    return JsonPathFunctions::signature(expr.function).name.toString();
}

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_in(text)
    { }

    std::optional<Query> parseQuery()
    {
        if (!m_in.consume(u"$")) {
            m_in.failUnexpected();
            return std::nullopt;
        }
        Query query;
        if (!parseSegments(query))
            return std::nullopt;
        if (!m_in.atEnd()) {
            m_in.failUnexpected();
            return std::nullopt;
        }
        return query;
    }

    const QString &error() const { return m_in.error(); }

private:
    // segments = *(S segment); blank space before something that is not a segment is left unread.
    bool parseSegments(Query &query)
    {
        while (true) {
            const qsizetype save = m_in.position();
            m_in.skipBlank();
            Segment segment;
            if (m_in.peek() == u'[') {
                if (!parseBracketed(segment))
                    return false;
            } else if (m_in.peek() == u'.') {
                segment.descendant = m_in.consume(u"..");
                if (!segment.descendant)
                    m_in.consume(u".");
                if (segment.descendant && m_in.peek() == u'[') {
                    if (!parseBracketed(segment))
                        return false;
                } else if (m_in.consume(u"*")) {
                    segment.selectors.push_back(Selector {});
                } else if (m_in.atNameStart()) {
                    Selector selector;
                    selector.kind = Selector::Kind::Name;
                    selector.name = *m_in.readMemberName();
                    segment.selectors.push_back(std::move(selector));
                    segment.singularForm = !segment.descendant;
                } else {
                    return m_in.failUnexpected();
                }
            } else {
                m_in.setPosition(save);
                return true;
            }
            query.segments.push_back(std::move(segment));
        }
    }

    // "[" S selector *(S "," S selector) S "]"
    bool parseBracketed(Segment &segment)
    {
        m_in.consume(u"[");
        bool blank = m_in.skipBlank();
        while (true) {
            Selector selector;
            if (!parseSelector(selector))
                return false;
            segment.selectors.push_back(std::move(selector));
            blank = m_in.skipBlank() || blank;
            if (m_in.consume(u",")) {
                m_in.skipBlank();
                continue;
            }
            if (m_in.consume(u"]"))
                break;
            return m_in.failUnexpected();
        }
        const auto kind = segment.selectors.front().kind;
        segment.singularForm = !segment.descendant && !blank && segment.selectors.size() == 1
            && (kind == Selector::Kind::Name || kind == Selector::Kind::Index);
        return true;
    }

    bool parseSelector(Selector &selector)
    {
        const char16_t c = m_in.peek();
        if (c == u'\'' || c == u'"') {
            std::optional<QString> name = m_in.readStringLiteral();
            if (!name)
                return false;
            selector.kind = Selector::Kind::Name;
            selector.name = std::move(*name);
            return true;
        }
        if (m_in.consume(u"*")) {
            selector.kind = Selector::Kind::Wildcard;
            return true;
        }
        if (m_in.consume(u"?")) {
            m_in.skipBlank();
            std::optional<Operand> filter = parseOr();
            if (!filter || !requireLogical(*filter))
                return false;
            selector.kind = Selector::Kind::Filter;
            selector.filter = std::make_shared<const FilterExpr>(std::move(filter->expr));
            return true;
        }
        if (c == u'-' || c == u':' || JsonPathLexer::isDigit(c))
            return parseIndexOrSlice(selector);
        return m_in.failUnexpected();
    }

    // index-selector = int; slice-selector = [start S] ":" S [end S] [":" [S step]]
    bool parseIndexOrSlice(Selector &selector)
    {
        const auto atInteger = [this] {
            return m_in.peek() == u'-' || JsonPathLexer::isDigit(m_in.peek());
        };
        std::optional<qint64> start;
        if (m_in.peek() != u':') {
            start = m_in.readInteger();
            if (!start)
                return false;
        }
        const qsizetype save = m_in.position();
        m_in.skipBlank();
        if (!m_in.consume(u":")) {
            m_in.setPosition(save);
            selector.kind = Selector::Kind::Index;
            selector.index = *start;
            return true;
        }
        selector.kind = Selector::Kind::Slice;
        selector.start = start;
        m_in.skipBlank();
        if (atInteger()) {
            selector.end = m_in.readInteger();
            if (!selector.end)
                return false;
            m_in.skipBlank();
        }
        if (m_in.consume(u":")) {
            m_in.skipBlank();
            if (atInteger()) {
                const std::optional<qint64> step = m_in.readInteger();
                if (!step)
                    return false;
                selector.step = *step;
            }
        }
        return true;
    }

    // logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)
    std::optional<Operand> parseOr() { return parseChain(u"||", FilterExpr::Kind::Or, &Parser::parseAnd); }

    // logical-and-expr = basic-expr *(S "&&" S basic-expr)
    std::optional<Operand> parseAnd()
    {
        return parseChain(u"&&", FilterExpr::Kind::And, &Parser::parseBasic);
    }

    std::optional<Operand> parseChain(
        QStringView op, FilterExpr::Kind kind, std::optional<Operand> (Parser::*next)())
    {
        std::optional<Operand> first = (this->*next)();
        if (!first)
            return std::nullopt;
        Operand chain;
        chain.expr.kind = kind;
        chain.offset = first->offset;
        while (true) {
            const qsizetype save = m_in.position();
            m_in.skipBlank();
            if (!m_in.consume(op)) {
                m_in.setPosition(save);
                break;
            }
            if (chain.expr.operands.empty()) {
                if (!requireLogical(*first))
                    return std::nullopt;
                chain.expr.operands.push_back(std::move(first->expr));
            }
            m_in.skipBlank();
            std::optional<Operand> operand = (this->*next)();
            if (!operand || !requireLogical(*operand))
                return std::nullopt;
            chain.expr.operands.push_back(std::move(operand->expr));
        }
        if (chain.expr.operands.empty())
            return first;
        return chain;
    }

    // basic-expr = paren-expr / comparison-expr / test-expr
    std::optional<Operand> parseBasic()
    {
        struct DepthGuard
        {
            int &depth;
            ~DepthGuard() { --depth; }
        } guard {++m_depth};
        const qsizetype start = m_in.position();
        if (m_depth > MaxNesting) {
            m_in.fail(QStringLiteral("Filter expression nested too deeply"), start);
            return std::nullopt;
        }
        if (m_in.consume(u"!")) {
            m_in.skipBlank();
            std::optional<Operand> operand = m_in.peek() == u'(' ? parseParen() : parsePrimary();
            if (!operand || !requireLogical(*operand))
                return std::nullopt;
            Operand negation {FilterExpr {}, Category::Logical, start};
            negation.expr.kind = FilterExpr::Kind::Not;
            negation.expr.operands.push_back(std::move(operand->expr));
            return negation;
        }
        if (m_in.peek() == u'(')
            return parseParen();
        std::optional<Operand> left = parsePrimary();
        if (!left)
            return std::nullopt;
        const qsizetype save = m_in.position();
        m_in.skipBlank();
        const std::optional<CompareOp> op = readCompareOp();
        if (!op) {
            m_in.setPosition(save);
            return left;
        }
        if (!requireComparable(*left))
            return std::nullopt;
        m_in.skipBlank();
        std::optional<Operand> right = parsePrimary();
        if (!right || !requireComparable(*right))
            return std::nullopt;
        Operand comparison {FilterExpr {}, Category::Logical, start};
        comparison.expr.kind = FilterExpr::Kind::Comparison;
        comparison.expr.op = *op;
        comparison.expr.operands.push_back(std::move(left->expr));
        comparison.expr.operands.push_back(std::move(right->expr));
        return comparison;
    }

    // "(" S logical-expr S ")"
    std::optional<Operand> parseParen()
    {
        const qsizetype start = m_in.position();
        m_in.consume(u"(");
        m_in.skipBlank();
        std::optional<Operand> inner = parseOr();
        if (!inner || !requireLogical(*inner))
            return std::nullopt;
        m_in.skipBlank();
        if (!m_in.consume(u")")) {
            m_in.failUnexpected();
            return std::nullopt;
        }
        return Operand {std::move(inner->expr), Category::Logical, start};
    }

    std::optional<CompareOp> readCompareOp()
    {
        if (m_in.consume(u"=="))
            return CompareOp::Equal;
        if (m_in.consume(u"!="))
            return CompareOp::NotEqual;
        if (m_in.consume(u"<="))
            return CompareOp::LessEqual;
        if (m_in.consume(u">="))
            return CompareOp::GreaterEqual;
        if (m_in.consume(u"<"))
            return CompareOp::Less;
        if (m_in.consume(u">"))
            return CompareOp::Greater;
        return std::nullopt;
    }

    // A literal, a filter query (`@…` or `$…`) or a function call.
    std::optional<Operand> parsePrimary()
    {
        const qsizetype start = m_in.position();
        Operand operand {FilterExpr {}, Category::Literal, start};
        const char16_t c = m_in.peek();
        if (c == u'@' || c == u'$') {
            m_in.consume(c == u'@' ? u"@" : u"$");
            operand.expr.kind = FilterExpr::Kind::Query;
            operand.expr.query.absolute = c == u'$';
            if (!parseSegments(operand.expr.query))
                return std::nullopt;
            operand.category = Category::Query;
            return operand;
        }
        if (c == u'\'' || c == u'"') {
            std::optional<QString> text = m_in.readStringLiteral();
            if (!text)
                return std::nullopt;
            operand.expr.literal = QJsonValue(*text);
            return operand;
        }
        if (c == u'-' || JsonPathLexer::isDigit(c)) {
            const std::optional<double> number = m_in.readNumber();
            if (!number)
                return std::nullopt;
            operand.expr.literal = QJsonValue(*number);
            return operand;
        }
        const QString name = m_in.readIdentifier();
        if (name.isEmpty()) {
            m_in.failUnexpected();
            return std::nullopt;
        }
        if (m_in.peek() == u'(')
            return parseFunction(start, name);
        if (name == u"true" || name == u"false")
            operand.expr.literal = QJsonValue(name == u"true");
        else if (name == u"null")
            operand.expr.literal = QJsonValue(QJsonValue::Null);
        else {
            m_in.fail(QStringLiteral("Unknown name '%1'").arg(name), start);
            return std::nullopt;
        }
        return operand;
    }

    // function-name "(" S [function-argument *(S "," S function-argument)] S ")"
    std::optional<Operand> parseFunction(qsizetype start, const QString &name)
    {
        const Signature *signature = JsonPathFunctions::find(name);
        if (!signature) {
            m_in.fail(QStringLiteral("Unknown function '%1'").arg(name), start);
            return std::nullopt;
        }
        m_in.consume(u"(");
        m_in.skipBlank();
        Operand call {FilterExpr {}, Category::ValueFunction, start};
        call.expr.kind = FilterExpr::Kind::Function;
        call.expr.function = signature->function;
        if (m_in.peek() != u')') {
            while (true) {
                const qsizetype argumentStart = m_in.position();
                const int index = int(call.expr.operands.size());
                if (index >= signature->parameterCount) {
                    m_in.fail(
                        QStringLiteral("Too many arguments for function '%1'").arg(name), argumentStart);
                    return std::nullopt;
                }
                std::optional<Operand> argument = parseOr();
                if (!argument || !requireArgument(*argument, *signature, index))
                    return std::nullopt;
                call.expr.operands.push_back(std::move(argument->expr));
                m_in.skipBlank();
                if (!m_in.consume(u","))
                    break;
                m_in.skipBlank();
            }
        }
        if (!m_in.consume(u")")) {
            m_in.failUnexpected();
            return std::nullopt;
        }
        if (int(call.expr.operands.size()) != signature->parameterCount) {
            m_in.fail(QStringLiteral("Function '%1' takes %2 argument(s), not %3")
                          .arg(name)
                          .arg(signature->parameterCount)
                          .arg(call.expr.operands.size()),
                start);
            return std::nullopt;
        }
        switch (signature->result) {
        case Type::Value:
            call.category = Category::ValueFunction;
            break;
        case Type::Logical:
            call.category = Category::LogicalFunction;
            break;
        case Type::Nodes:
            call.category = Category::NodesFunction;
            break;
        }
        return call;
    }

    // Where a logical value is needed (a filter, an operand of ! && ||): a test or a logical expression.
    bool requireLogical(const Operand &operand)
    {
        if (operand.category == Category::Literal)
            return m_in.fail(QStringLiteral("A literal must be compared with something"), operand.offset);
        if (operand.category == Category::ValueFunction)
            return m_in.fail(QStringLiteral("The result of function '%1' must be compared with something")
                                 .arg(functionName(operand.expr)),
                operand.offset);
        return true;
    }

    // comparable = literal / singular-query / function-expr (of ValueType)
    bool requireComparable(const Operand &operand)
    {
        switch (operand.category) {
        case Category::Literal:
        case Category::ValueFunction:
            return true;
        case Category::Query:
            if (operand.expr.query.isSingular())
                return true;
            return m_in.fail(QStringLiteral("Only singular queries (names and indexes, no blank space inside "
                                            "brackets) can be compared"),
                operand.offset);
        case Category::LogicalFunction:
        case Category::NodesFunction:
            return m_in.fail(QStringLiteral("The result of function '%1' cannot be compared")
                                 .arg(functionName(operand.expr)),
                operand.offset);
        case Category::Logical:
            break;
        }
        return m_in.fail(QStringLiteral("A logical expression cannot be compared"), operand.offset);
    }

    bool requireArgument(const Operand &operand, const Signature &signature, int index)
    {
        const QString where
            = QStringLiteral("Argument %1 of function '%2'").arg(index + 1).arg(signature.name);
        switch (signature.parameters[size_t(index)]) {
        case Type::Value:
            if (operand.category == Category::Literal || operand.category == Category::ValueFunction
                || (operand.category == Category::Query && operand.expr.query.isSingular()))
                return true;
            return m_in.fail(where
                    + QStringLiteral(" must be a value: a literal, a singular query or a "
                                     "function returning a value"),
                operand.offset);
        case Type::Nodes:
            if (operand.category == Category::Query || operand.category == Category::NodesFunction)
                return true;
            return m_in.fail(where + QStringLiteral(" must be a query"), operand.offset);
        case Type::Logical:
            if (operand.category != Category::Literal && operand.category != Category::ValueFunction)
                return true;
            return m_in.fail(where + QStringLiteral(" must be a logical expression"), operand.offset);
        }
        return false;
    }

    JsonPathLexer m_in;
    int m_depth = 0;
};

} // namespace

std::optional<JsonPathAst::Query> parseJsonPath(QStringView text, QString *error)
{
    Parser parser(text);
    std::optional<Query> query = parser.parseQuery();
    if (!query && error)
        *error = parser.error();
    return query;
}

} // namespace Sonde
