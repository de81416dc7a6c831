#include "template/TemplateResolver.h"

#include "model/QueryParams.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace Sonde {

namespace {

constexpr int MaxDepth = 10;

const QRegularExpression &referencePattern()
{
    // {{name}} with optional blanks inside; names are letters, digits and _ . - $
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.\\-$]+)\\s*\\}\\}"));
    return pattern;
}

void addOnce(QStringList *list, const QString &name)
{
    if (list && !list->contains(name))
        list->append(name);
}

} // namespace

TemplateResolver::TemplateResolver(QList<VariableScope> scopes)
    : m_scopes(std::move(scopes))
{
}

TemplateResolver TemplateResolver::forRequest(const Request &request, const QList<const Folder *> &folderPath,
                                              const Environment *environment, const VariableList &globals,
                                              const VariableList &overrides)
{
    QList<VariableScope> scopes;
    if (!overrides.isEmpty())
        scopes.append({QStringLiteral("command line"), overrides});
    scopes.append({QStringLiteral("request"), request.variables});
    for (auto it = folderPath.crbegin(); it != folderPath.crend(); ++it) {
        const bool isCollection = it == std::prev(folderPath.crend());
        scopes.append({(isCollection ? QStringLiteral("collection “%1”") : QStringLiteral("folder “%1”")).arg((*it)->name),
                       (*it)->variables});
    }
    if (environment)
        scopes.append({QStringLiteral("environment “%1”").arg(environment->name), environment->variables});
    scopes.append({QStringLiteral("globals"), globals});
    return TemplateResolver(std::move(scopes));
}

bool TemplateResolver::isDynamic(const QString &name)
{
    return name == u"$uuid" || name == u"$timestamp" || name == u"$isoTimestamp" || name == u"$randomInt";
}

std::optional<VariableLookup> TemplateResolver::lookup(const QString &name) const
{
    if (name == u"$uuid")
        return VariableLookup {QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("dynamic")};
    if (name == u"$timestamp")
        return VariableLookup {QString::number(QDateTime::currentSecsSinceEpoch()), QStringLiteral("dynamic")};
    if (name == u"$isoTimestamp")
        return VariableLookup {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QStringLiteral("dynamic")};
    if (name == u"$randomInt")
        return VariableLookup {QString::number(QRandomGenerator::global()->bounded(1001)), QStringLiteral("dynamic")};
    for (const VariableScope &scope : m_scopes) {
        for (const Variable &variable : scope.variables) {
            if (variable.enabled && variable.name == name)
                return VariableLookup {variable.value, scope.label};
        }
    }
    return std::nullopt;
}

QString TemplateResolver::resolve(const QString &text, QStringList *unresolved) const
{
    return resolve(text, unresolved, 0);
}

QString TemplateResolver::resolve(const QString &text, QStringList *unresolved, int depth) const
{
    if (!text.contains(QStringLiteral("{{")))
        return text;
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const QString name = match.captured(1);
        const std::optional<VariableLookup> found = lookup(name);
        if (!found) {
            addOnce(unresolved, name);
            result += match.captured(0);
            continue;
        }
        if (depth >= MaxDepth) {
            // A value that keeps expanding: a cycle such as a = {{b}}, b = {{a}}.
            addOnce(unresolved, name);
            result += match.captured(0);
            continue;
        }
        result += resolve(found->value, unresolved, depth + 1);
    }
    result += QStringView(text).mid(last);
    return result;
}

QStringList TemplateResolver::referencedNames(const QString &text)
{
    QStringList names;
    for (const Reference &reference : references(text))
        addOnce(&names, reference.name);
    return names;
}

QList<TemplateResolver::Reference> TemplateResolver::references(const QString &text)
{
    QList<Reference> found;
    QRegularExpressionMatchIterator it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        found.append({match.capturedStart(), match.capturedLength(), match.captured(1)});
    }
    return found;
}

ResolvedRequest resolveRequest(const Request &request, const TemplateResolver &resolver)
{
    ResolvedRequest resolved;
    resolved.request = request;
    Request &r = resolved.request;
    QStringList *unresolved = &resolved.unresolved;
    r.url = resolver.resolve(request.url, unresolved);
    // Query rows come from the URL; disabled rows are not sent, so they are left alone.
    r.params = QueryParams::mergeFromUrl(request.params, r.url);
    // Path parameters are substituted when sent, after the variables: their values may hold {{names}}.
    for (KeyValue &param : r.pathParams) {
        if (param.enabled)
            param.value = resolver.resolve(param.value, unresolved);
    }
    ProxySettings &proxy = r.settings.proxy;
    if (proxy.mode == ProxySettings::Mode::Custom) {
        proxy.url = resolver.resolve(proxy.url, unresolved);
        proxy.user = resolver.resolve(proxy.user, unresolved);
        proxy.password = resolver.resolve(proxy.password, unresolved);
    }
    for (KeyValue &header : r.headers) {
        if (!header.enabled)
            continue;
        header.key = resolver.resolve(header.key, unresolved);
        header.value = resolver.resolve(header.value, unresolved);
    }
    r.auth = request.auth.mapped(
        [&resolver, unresolved](const QString &text) { return resolver.resolve(text, unresolved); });
    if (r.body.kind == Body::Kind::Raw && r.body.data.contains("{{"))
        r.body.data = resolver.resolve(QString::fromUtf8(request.body.data), unresolved).toUtf8();
    return resolved;
}

} // namespace Sonde
