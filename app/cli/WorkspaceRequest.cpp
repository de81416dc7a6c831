#include "WorkspaceRequest.h"

#include "storage/WorkspaceStore.h"
#include "template/RequestLocator.h"
#include "template/TemplateResolver.h"

#include <QDir>
#include <QHash>
#include <memory>

using namespace Sonde;

namespace {

/// The workspace and the request being prepared, shared by the secret reads in flight.
struct Preparation
{
    LoadedWorkspace loaded;
    LocatedRequest located;
    Request request;
    QList<const Folder *> folders;
    Environment environment;
    bool hasEnvironment = false;
    VariableList globals;
    QList<Folder> folderCopies;
    QHash<QString, QString> secretErrors; // by variable name
    int pending = 0;
};

/// Every secret variable in the scopes of the request, with its keychain key.
QList<std::pair<QString, Variable *>> secretSlots(const QString &root, Preparation &p)
{
    QList<std::pair<QString, Variable *>> slots;
    QStringList directories;
    for (Folder &folder : p.folderCopies) {
        directories.append(folder.directoryName);
        for (Variable &variable : folder.variables) {
            if (variable.secret)
                slots.append({SecretStore::keyFor(
                                  root, QStringLiteral("folder/") + directories.join(u'/'), variable.name),
                    &variable});
        }
    }
    for (Variable &variable : p.request.variables) {
        if (variable.secret)
            slots.append({SecretStore::keyFor(root,
                              QStringLiteral("request/") + directories.join(u'/') + u'/' + p.request.fileName,
                              variable.name),
                &variable});
    }
    if (p.hasEnvironment) {
        for (Variable &variable : p.environment.variables) {
            if (variable.secret)
                slots.append({SecretStore::keyFor(
                                  root, QStringLiteral("environment/") + p.environment.name, variable.name),
                    &variable});
        }
    }
    for (Variable &variable : p.globals) {
        if (variable.secret)
            slots.append({SecretStore::keyFor(root, QStringLiteral("globals"), variable.name), &variable});
    }
    return slots;
}

/// See PreparedRequest::secretValues.
QStringList secretValuesOf(const Preparation &p, const VariableList &overrides)
{
    QStringList names;
    QStringList values;
    const auto collect = [&](const VariableList &variables) {
        for (const Variable &variable : variables) {
            if (!variable.secret)
                continue;
            names.append(variable.name);
            if (variable.enabled && !variable.value.isEmpty() && !values.contains(variable.value))
                values.append(variable.value);
        }
    };
    for (const Folder &folder : p.folderCopies)
        collect(folder.variables);
    collect(p.request.variables);
    if (p.hasEnvironment)
        collect(p.environment.variables);
    collect(p.globals);
    for (const Variable &given : overrides) {
        if (names.contains(given.name) && !given.value.isEmpty() && !values.contains(given.value))
            values.append(given.value);
    }
    return values;
}

void finish(const WorkspaceRequestOptions &options, Preparation &p,
    const std::function<void(const PreparedRequest &)> &done)
{
    PreparedRequest prepared;
    for (const FormatProblem &problem : std::as_const(p.loaded.problems))
        prepared.notes.append(problem.toString());
    QList<const Folder *> folders;
    for (const Folder &folder : std::as_const(p.folderCopies))
        folders.append(&folder);
    // --var values are the narrowest scope of all.
    VariableList overrides;
    for (const auto &[name, value] : options.overrides)
        overrides.append({name, value});
    const TemplateResolver resolver = TemplateResolver::forRequest(
        p.request, folders, p.hasEnvironment ? &p.environment : nullptr, p.globals, overrides);
    const ResolvedRequest resolved
        = resolveRequest(withInheritedAuth(withFolderHeaders(p.request, folders), folders), resolver);
    prepared.request = resolved.request;
    prepared.unresolved = resolved.unresolved;
    prepared.secretValues = secretValuesOf(p, overrides);
    // A secret that could not be read matters only when its name is left unresolved.
    for (const QString &name : std::as_const(prepared.unresolved)) {
        if (p.secretErrors.contains(name))
            prepared.notes.append(p.secretErrors.value(name));
    }
    done(prepared);
}

} // namespace

void prepareWorkspaceRequest(const WorkspaceRequestOptions &options, SecretStore *secrets, QObject *context,
    std::function<void(const PreparedRequest &)> done)
{
    auto p = std::make_shared<Preparation>();
    p->loaded = WorkspaceStore::load(options.workspace);
    if (!p->loaded.ok) {
        PreparedRequest failed;
        failed.error = p->loaded.problems.isEmpty()
            ? QStringLiteral("Could not load the workspace %1").arg(options.workspace)
            : p->loaded.problems.first().toString();
        done(failed);
        return;
    }
    QString error;
    const std::optional<LocatedRequest> located
        = locateRequest(p->loaded.workspace, options.requestPath, &error);
    if (!located) {
        PreparedRequest failed;
        failed.error = error;
        done(failed);
        return;
    }
    p->request = *located->request;
    for (const Folder *folder : located->folders)
        p->folderCopies.append(*folder);
    p->globals = p->loaded.workspace.globals;
    if (!options.environment.isEmpty()) {
        QStringList names;
        for (const Environment &environment : std::as_const(p->loaded.workspace.environments)) {
            names.append(environment.name);
            if (environment.name.compare(options.environment, Qt::CaseInsensitive) == 0) {
                p->environment = environment;
                p->hasEnvironment = true;
            }
        }
        if (!p->hasEnvironment) {
            PreparedRequest failed;
            failed.error
                = QStringLiteral("No environment “%1” in the workspace (it has: %2)")
                      .arg(options.environment,
                          names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
            done(failed);
            return;
        }
    }

    const auto slots = secretSlots(QDir(options.workspace).absolutePath(), *p);
    if (slots.isEmpty() || !secrets) {
        finish(options, *p, done);
        return;
    }
    p->pending = int(slots.size());
    for (const auto &[key, variable] : slots) {
        Variable *target = variable;
        secrets->read(
            key, context, [p, target, options, done](std::optional<QString> value, const QString &readError) {
                if (value)
                    target->value = *value;
                else if (!readError.isEmpty())
                    p->secretErrors.insert(
                        target->name, QStringLiteral("secret “%1”: %2").arg(target->name, readError));
                else
                    p->secretErrors.insert(target->name,
                        QStringLiteral("secret “%1” has no value in the keychain yet").arg(target->name));
                if (--p->pending == 0)
                    finish(options, *p, done);
            });
    }
}
