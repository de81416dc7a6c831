#pragma once

#include "model/Folder.h"

#include <QStringList>

#include <optional>

namespace Sonde {

/// The variables of one scope, with a label for the user ("environment “dev”").
struct VariableScope
{
    QString label;
    VariableList variables;
};

/// Where a name was found, for hover text and diagnostics.
struct VariableLookup
{
    QString value;
    QString scopeLabel;
};

/// Replaces {{name}} in text with values from scopes searched narrow to wide (request, folders,
/// collection, environment, globals), and the dynamic values {{$uuid}}, {{$timestamp}},
/// {{$isoTimestamp}} and {{$randomInt}}. Values may themselves hold {{names}} (resolved up to a depth,
/// so a cycle is reported, not followed forever). Disabled variables do not count.
class TemplateResolver
{
public:
    TemplateResolver() = default;
    explicit TemplateResolver(QList<VariableScope> scopes);

    /// The scopes for a request in a folder path (collection first, then sub-folders), with the
    /// active environment (may be null) and the globals. `overrides` (values given for one run, such
    /// as sonde-cli's --var) are narrower than everything.
    static TemplateResolver forRequest(const Request &request, const QList<const Folder *> &folderPath,
                                       const Environment *environment, const VariableList &globals,
                                       const VariableList &overrides = {});

    /// `text` with every resolvable {{name}} replaced; names that could not be resolved are appended to
    /// `unresolved` (once each) and left as written.
    QString resolve(const QString &text, QStringList *unresolved = nullptr) const;

    /// The value and scope of `name`, or nullopt; dynamic names give a fresh value.
    std::optional<VariableLookup> lookup(const QString &name) const;

    /// The names written as {{name}} in `text`, in order of first appearance.
    static QStringList referencedNames(const QString &text);

    /// Character ranges of every {{…}} in `text` (for highlighting), with the name inside.
    struct Reference
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QString name;
    };
    static QList<Reference> references(const QString &text);

    /// True for the dynamic names ($uuid, $timestamp, $isoTimestamp, $randomInt).
    static bool isDynamic(const QString &name);

private:
    QString resolve(const QString &text, QStringList *unresolved, int depth) const;

    QList<VariableScope> m_scopes;
};

/// A request with every templated field resolved, and the names that could not be.
struct ResolvedRequest
{
    Request request;
    QStringList unresolved;
};

/// Resolves URL, query rows, headers, body text, the active auth's fields and the request's own variable
/// values.
ResolvedRequest resolveRequest(const Request &request, const TemplateResolver &resolver);

} // namespace Sonde
