#include "formats/ImportSaver.h"

#include "storage/WorkspaceStore.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace Sonde {

namespace {

/// Keeps the imported order on disk: the workspace sorts siblings by sort key, then by name.
void numberInOrder(Folder &folder)
{
    for (qsizetype i = 0; i < folder.requests.size(); ++i)
        folder.requests[i].sortKey = int(i);
    for (qsizetype i = 0; i < folder.folders.size(); ++i) {
        folder.folders[i].sortKey = int(i);
        numberInOrder(folder.folders[i]);
    }
}

} // namespace

SavedImport saveImport(const QString &root, const ImportResult &result)
{
    using namespace Qt::StringLiterals;
    SavedImport saved;
    Workspace workspace;
    const QDir dir(root);
    if (WorkspaceStore::isWorkspace(root)) {
        LoadedWorkspace loaded = WorkspaceStore::load(root);
        if (!loaded.ok) {
            saved.error = loaded.problems.isEmpty() ? u"cannot load the workspace in %1"_s.arg(root)
                                                    : loaded.problems.first().toString();
            return saved;
        }
        workspace = loaded.workspace;
    } else if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        saved.error = u"%1 is not a Sonde workspace (it has no workspace.yaml) and is not empty"_s.arg(root);
        return saved;
    } else {
        workspace.name = QFileInfo(QDir::cleanPath(dir.absolutePath())).fileName();
    }
    QStringList taken;
    for (const Folder &collection : std::as_const(workspace.collections))
        taken.append(collection.name);
    Folder collection = result.collection;
    const bool onlyVariables = collection.requests.isEmpty() && collection.folders.isEmpty()
        && (!result.environments.isEmpty() || !result.globals.isEmpty());
    if (!onlyVariables) {
        collection.name
            = WorkspaceStore::uniqueName(collection.name.isEmpty() ? u"Imported"_s : collection.name, taken);
        collection.directoryName.clear();
        collection.sortKey = workspace.collections.isEmpty() ? 0 : workspace.collections.last().sortKey + 1;
        numberInOrder(collection);
        workspace.collections.append(collection);
        saved.collectionName = collection.name;
    }
    for (const Variable &global : result.globals) {
        const auto same = std::find_if(workspace.globals.begin(), workspace.globals.end(),
            [&global](const Variable &existing) { return existing.name == global.name; });
        if (same == workspace.globals.end())
            workspace.globals.append(global);
        else
            *same = global;
    }
    QStringList environments;
    for (const Environment &environment : std::as_const(workspace.environments))
        environments.append(environment.name);
    for (Environment environment : result.environments) {
        environment.name = WorkspaceStore::uniqueName(environment.name, environments);
        environments.append(environment.name);
        saved.environmentNames.append(environment.name);
        workspace.environments.append(environment);
    }
    if (!dir.exists() && !QDir().mkpath(root)) {
        saved.error = u"cannot create the folder %1"_s.arg(root);
        return saved;
    }
    saved.problems = WorkspaceStore::save(root, workspace);
    return saved;
}

} // namespace Sonde
