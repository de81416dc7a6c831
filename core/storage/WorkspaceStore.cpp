#include "storage/WorkspaceStore.h"

#include "storage/AtomicFile.h"
#include "storage/WorkspaceFormat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace Sonde::WorkspaceStore {

namespace {

constexpr auto YamlSuffix = ".yaml";

QByteArray readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

void addProblem(FormatProblems &problems, const QString &path, FormatProblem problem)
{
    problem.path = path;
    problems.append(problem);
}

void addWarnings(FormatProblems &problems, const QString &path, FormatProblems warnings)
{
    for (FormatProblem &warning : warnings) {
        warning.path = path;
        problems.append(warning);
    }
}

template<typename T>
void sortSiblings(QList<T> &items)
{
    std::stable_sort(items.begin(), items.end(), [](const T &a, const T &b) {
        if (a.sortKey != b.sortKey)
            return a.sortKey < b.sortKey;
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
}

Folder loadFolder(const QString &path, FormatProblems &problems)
{
    Folder folder;
    const QDir dir(path);
    folder.directoryName = dir.dirName();
    folder.name = folder.directoryName;

    const QString settingsPath = dir.filePath(QLatin1String(FolderFile));
    if (QFileInfo::exists(settingsPath)) {
        QString error;
        const QByteArray bytes = readAll(settingsPath, &error);
        FormatProblem problem;
        FormatProblems warnings;
        if (!error.isEmpty())
            addProblem(problems, settingsPath, {QString(), 0, 0, QStringLiteral("Could not read: %1").arg(error)});
        else if (!WorkspaceFormat::folderFromYaml(bytes, &folder, &problem, &warnings))
            addProblem(problems, settingsPath, problem);
        addWarnings(problems, settingsPath, warnings);
    }

    const QFileInfoList entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            if (!entry.fileName().startsWith(u'.'))
                folder.folders.append(loadFolder(entry.filePath(), problems));
            continue;
        }
        const QString fileName = entry.fileName();
        if (fileName == QLatin1String(FolderFile) || fileName.startsWith(u'.'))
            continue;
        if (!fileName.endsWith(QLatin1String(YamlSuffix))) {
            addProblem(problems, entry.filePath(),
                       {QString(), 0, 0, QStringLiteral("Not a Sonde file (requests end in .yaml); skipped"), true});
            continue;
        }
        QString error;
        const QByteArray bytes = readAll(entry.filePath(), &error);
        if (!error.isEmpty()) {
            addProblem(problems, entry.filePath(), {QString(), 0, 0, QStringLiteral("Could not read: %1").arg(error)});
            continue;
        }
        FormatProblem problem;
        FormatProblems warnings;
        std::optional<Request> request = WorkspaceFormat::requestFromYaml(bytes, &problem, &warnings);
        addWarnings(problems, entry.filePath(), warnings);
        if (!request) {
            addProblem(problems, entry.filePath(), problem);
            continue;
        }
        request->fileName = fileName;
        if (request->name.isEmpty())
            request->name = entry.completeBaseName();
        folder.requests.append(*request);
    }
    sortSiblings(folder.requests);
    sortSiblings(folder.folders);
    return folder;
}

void assignNames(Folder &folder)
{
    QStringList takenDirs;
    for (const Folder &child : std::as_const(folder.folders))
        if (!child.directoryName.isEmpty())
            takenDirs.append(child.directoryName);
    for (Folder &child : folder.folders) {
        if (child.directoryName.isEmpty()) {
            child.directoryName = uniqueName(WorkspaceFormat::fileNameFor(child.name), takenDirs);
            takenDirs.append(child.directoryName);
        }
        assignNames(child);
    }
    QStringList takenFiles {QLatin1String(FolderFile)};
    for (const Request &request : std::as_const(folder.requests))
        if (!request.fileName.isEmpty())
            takenFiles.append(request.fileName);
    for (Request &request : folder.requests) {
        if (!request.fileName.isEmpty())
            continue;
        QStringList takenStems;
        for (const QString &file : std::as_const(takenFiles))
            takenStems.append(file.endsWith(QLatin1String(YamlSuffix)) ? file.chopped(5) : file);
        request.fileName = uniqueName(WorkspaceFormat::fileNameFor(request.name), takenStems) + QLatin1String(YamlSuffix);
        takenFiles.append(request.fileName);
    }
}

void write(const QString &path, const QByteArray &bytes, FormatProblems &problems)
{
    QString error;
    if (AtomicFile::write(path, bytes, &error) == AtomicFile::WriteResult::Failed)
        problems.append({path, 0, 0, error});
}

void saveFolder(const QString &path, const Folder &folder, FormatProblems &problems)
{
    write(QDir(path).filePath(QLatin1String(FolderFile)), WorkspaceFormat::folderToYaml(folder), problems);
    for (const Request &request : folder.requests)
        write(QDir(path).filePath(request.fileName), WorkspaceFormat::requestToYaml(request), problems);
    for (const Folder &child : folder.folders)
        saveFolder(QDir(path).filePath(child.directoryName), child, problems);
}

bool removeRecursively(const QString &path, QString *error)
{
    QDir dir(path);
    if (!dir.exists())
        return true;
    if (!dir.removeRecursively()) {
        *error = QStringLiteral("Could not delete %1 completely").arg(path);
        return false;
    }
    return true;
}

} // namespace

bool isWorkspace(const QString &root)
{
    return QFileInfo(QDir(root).filePath(QLatin1String(WorkspaceFile))).isFile();
}

LoadedWorkspace load(const QString &root)
{
    LoadedWorkspace result;
    const QDir dir(root);
    const QString workspacePath = dir.filePath(QLatin1String(WorkspaceFile));
    if (!QFileInfo(workspacePath).isFile()) {
        result.problems.append({root, 0, 0, QStringLiteral("Not a Sonde workspace: there is no workspace.yaml")});
        return result;
    }
    QString error;
    const QByteArray bytes = readAll(workspacePath, &error);
    FormatProblem problem;
    FormatProblems warnings;
    if (!error.isEmpty()) {
        result.problems.append({workspacePath, 0, 0, QStringLiteral("Could not read: %1").arg(error)});
        return result;
    }
    if (!WorkspaceFormat::workspaceFromYaml(bytes, &result.workspace, &problem, &warnings)) {
        addProblem(result.problems, workspacePath, problem);
        return result;
    }
    addWarnings(result.problems, workspacePath, warnings);
    result.ok = true;

    const QDir environments(dir.filePath(QLatin1String(EnvironmentsDir)));
    for (const QFileInfo &entry : environments.entryInfoList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        const QByteArray text = readAll(entry.filePath(), &error);
        FormatProblems environmentWarnings;
        std::optional<Environment> environment =
            error.isEmpty() ? WorkspaceFormat::environmentFromYaml(text, &problem, &environmentWarnings) : std::nullopt;
        addWarnings(result.problems, entry.filePath(), environmentWarnings);
        if (environment)
            result.workspace.environments.append(*environment);
        else
            addProblem(result.problems, entry.filePath(),
                       error.isEmpty() ? problem : FormatProblem {QString(), 0, 0, QStringLiteral("Could not read: %1").arg(error)});
        error.clear();
    }

    // Collections are read in parallel: parsing YAML is the cost, and the files are independent.
    const QDir collections(dir.filePath(QLatin1String(CollectionsDir)));
    QStringList collectionPaths;
    for (const QFileInfo &entry : collections.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!entry.fileName().startsWith(u'.'))
            collectionPaths.append(entry.filePath());
    }
    const QList<std::pair<Folder, FormatProblems>> loadedCollections =
        QtConcurrent::blockingMapped(collectionPaths, [](const QString &path) {
            FormatProblems problems;
            Folder folder = loadFolder(path, problems);
            return std::pair<Folder, FormatProblems> {std::move(folder), std::move(problems)};
        });
    for (const auto &[collection, problems] : loadedCollections) {
        result.workspace.collections.append(collection);
        result.problems += problems;
    }
    sortSiblings(result.workspace.collections);
    return result;
}

FormatProblems save(const QString &root, Workspace &workspace)
{
    FormatProblems problems;
    const QDir dir(root);
    write(dir.filePath(QLatin1String(WorkspaceFile)), WorkspaceFormat::workspaceToYaml(workspace), problems);
    for (const Environment &environment : std::as_const(workspace.environments))
        write(dir.filePath(QLatin1String(EnvironmentsDir) + u'/' + WorkspaceFormat::fileNameFor(environment.name)
                           + QLatin1String(YamlSuffix)),
              WorkspaceFormat::environmentToYaml(environment), problems);
    Folder top;
    top.folders = workspace.collections;
    assignNames(top);
    workspace.collections = top.folders;
    for (const Folder &collection : std::as_const(workspace.collections))
        saveFolder(dir.filePath(QLatin1String(CollectionsDir) + u'/' + collection.directoryName), collection, problems);
    return problems;
}

QString folderPath(const QString &root, const QStringList &directories)
{
    return QDir(root).filePath(QLatin1String(CollectionsDir) + u'/' + directories.join(u'/'));
}

QString removeRequest(const QString &root, const QStringList &directories, const QString &fileName)
{
    const QString path = QDir(folderPath(root, directories)).filePath(fileName);
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return QStringLiteral("Could not delete %1").arg(path);
    return {};
}

QString removeFolder(const QString &root, const QStringList &directories)
{
    if (directories.isEmpty())
        return QStringLiteral("No folder given");
    QString error;
    removeRecursively(folderPath(root, directories), &error);
    return error;
}

QString removeEnvironment(const QString &root, const QString &environmentName)
{
    const QString path = QDir(root).filePath(QLatin1String(EnvironmentsDir) + u'/'
                                             + WorkspaceFormat::fileNameFor(environmentName) + QLatin1String(YamlSuffix));
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return QStringLiteral("Could not delete %1").arg(path);
    return {};
}

QString uniqueName(const QString &base, const QStringList &taken)
{
    const auto isTaken = [&taken](const QString &candidate) {
        return std::any_of(taken.cbegin(), taken.cend(), [&candidate](const QString &name) {
            return name.compare(candidate, Qt::CaseInsensitive) == 0;
        });
    };
    if (!isTaken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!isTaken(candidate))
            return candidate;
    }
}

} // namespace Sonde::WorkspaceStore
