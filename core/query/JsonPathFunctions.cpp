#include "JsonPathFunctions.h"

#include "IRegexp.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Sonde::JsonPathFunctions {

namespace {

using JsonPathAst::Function;

const std::array<Signature, 5> Signatures = {{
    {Function::Length, u"length", Type::Value, 1, {Type::Value, Type::Value}},
    {Function::Count, u"count", Type::Value, 1, {Type::Nodes, Type::Nodes}},
    {Function::Match, u"match", Type::Logical, 2, {Type::Value, Type::Value}},
    {Function::Search, u"search", Type::Logical, 2, {Type::Value, Type::Value}},
    {Function::Value, u"value", Type::Value, 1, {Type::Nodes, Type::Nodes}},
}};

} // namespace

const Signature *find(QStringView name)
{
    for (const Signature &candidate : Signatures) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const Signature &signature(JsonPathAst::Function function)
{
    for (const Signature &candidate : Signatures) {
        if (candidate.function == function)
            return candidate;
    }
    Q_UNREACHABLE();
}

Value length(const Value &argument)
{
    if (!argument)
        return std::nullopt;
    if (argument->isString()) {
        // Unicode scalar values, not UTF-16 code units: a surrogate pair counts once.
        const QString text = argument->toString();
        qsizetype count = 0;
        for (const QChar c : text)
            count += c.isLowSurrogate() ? 0 : 1;
        return QJsonValue(qint64(count));
    }
    if (argument->isArray())
        return QJsonValue(qint64(argument->toArray().size()));
    if (argument->isObject())
        return QJsonValue(qint64(argument->toObject().size()));
    return std::nullopt;
}

bool RegexMatcher::match(const Value &text, const Value &pattern)
{
    return run(text, pattern, true);
}

bool RegexMatcher::search(const Value &text, const Value &pattern)
{
    return run(text, pattern, false);
}

bool RegexMatcher::run(const Value &text, const Value &pattern, bool fullMatch)
{
    if (!text || !pattern || !text->isString() || !pattern->isString())
        return false;
    const QString source = pattern->toString();
    auto &cache = fullMatch ? m_full : m_search;
    auto it = cache.find(source);
    if (it == cache.end()) {
        std::optional<QRegularExpression> compiled;
        const std::optional<QString> pcre
            = IRegexp::toPcre(source, fullMatch ? IRegexp::Mode::FullMatch : IRegexp::Mode::Search);
        if (pcre) {
            QRegularExpression expression(*pcre);
            if (expression.isValid()) {
                expression.optimize();
                compiled = expression;
            }
        }
        it = cache.insert(source, compiled);
    }
    if (!*it)
        return false;
    return (*it)->match(text->toString()).hasMatch();
}

} // namespace Sonde::JsonPathFunctions
