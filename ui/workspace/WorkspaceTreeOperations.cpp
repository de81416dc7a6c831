// WorkspaceController's edits of the tree that rename, copy, delete or move files and folders on disk.
#include "workspace/WorkspaceController.h"

#include "storage/SecretStore.h"
#include "storage/WorkspaceFormat.h"
#include "storage/WorkspaceStore.h"
#include "storage/WorkspaceWatcher.h"

#include <QDir>
#include <QFileInfo>

namespace Sonde {

namespace {

constexpr auto YamlSuffix = ".yaml";

template<typename T>
QStringList siblingNames(const QList<T> &items, const T *except)
{
    QStringList names;
    for (const T &item : items) {
        if (&item != except)
            names.append(item.name);
    }
    return names;
}

QString directoryNameFor(const QList<Folder> &siblings, const QString &name, const Folder *except)
{
    QStringList taken;
    for (const Folder &folder : siblings) {
        if (&folder != except)
            taken.append(folder.directoryName);
    }
    return WorkspaceStore::uniqueName(WorkspaceFormat::fileNameFor(name), taken);
}

QString fileNameFor(const Folder &folder, const QString &name, const Request *except)
{
    QStringList stems;
    for (const Request &request : folder.requests) {
        if (&request != except)
            stems.append(QFileInfo(request.fileName).completeBaseName());
    }
    return WorkspaceStore::uniqueName(WorkspaceFormat::fileNameFor(name), stems) + QLatin1String(YamlSuffix);
}

qsizetype indexOf(const QList<Request> &requests, const QString &fileName)
{
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (requests.at(i).fileName == fileName)
            return i;
    }
    return -1;
}

qsizetype indexOf(const QList<Folder> &folders, const QString &directoryName)
{
    for (qsizetype i = 0; i < folders.size(); ++i) {
        if (folders.at(i).directoryName == directoryName)
            return i;
    }
    return -1;
}

/// Where to insert an item taken out at `from` so that it lands at `row` of the list it was in.
qsizetype insertionRow(qsizetype row, qsizetype from, qsizetype size, bool sameList)
{
    if (row < 0)
        return size;
    if (sameList && from >= 0 && row > from)
        --row;
    return std::min(row, size);
}

int lastSortKey(const auto &siblings)
{
    int key = 0;
    for (const auto &item : siblings)
        key = std::max(key, item.sortKey);
    return key;
}

QString checkedName(const QString &name)
{
    return name.trimmed();
}

} // namespace

ItemResult WorkspaceController::newCollection(const QString &name)
{
    return newFolder({}, name);
}

ItemResult WorkspaceController::newFolder(const QStringList &parent, const QString &name)
{
    QList<Folder> *siblings = childFolders(parent);
    if (!siblings)
        return {{}, QStringLiteral("The folder no longer exists")};
    Folder folder;
    folder.name = WorkspaceStore::uniqueName(name.trimmed().isEmpty() ? QStringLiteral("New folder") : name.trimmed(),
                                             siblingNames<Folder>(*siblings, nullptr));
    folder.directoryName = directoryNameFor(*siblings, folder.name, nullptr);
    folder.sortKey = lastSortKey(*siblings);
    const ItemRef ref {parent + QStringList {folder.directoryName}, {}};
    if (const QString error = writeFolderTree(ref.directories, folder); !error.isEmpty())
        return {{}, error};
    siblings->append(folder);
    Q_EMIT treeChanged();
    return {ref, {}};
}

ItemResult WorkspaceController::newRequest(const QStringList &parent, const Request &request)
{
    Folder *target = findFolder(parent);
    if (!target)
        return {{}, QStringLiteral("Requests belong in a collection or folder")};
    Request created = request;
    created.name = WorkspaceStore::uniqueName(request.name.trimmed().isEmpty() ? QStringLiteral("New request") : request.name.trimmed(),
                                              siblingNames<Request>(target->requests, nullptr));
    created.fileName = fileNameFor(*target, created.name, nullptr);
    created.sortKey = lastSortKey(target->requests);
    const ItemRef ref {parent, created.fileName};
    if (const QString error = writeFile(pathOf(ref), WorkspaceFormat::requestToYaml(created)); !error.isEmpty())
        return {{}, error};
    storeSecrets(QStringLiteral("request/") + ref.key(), created.variables);
    target->requests.append(created);
    Q_EMIT treeChanged();
    return {ref, {}};
}

ItemResult WorkspaceController::rename(const ItemRef &ref, const QString &name)
{
    const QString wanted = checkedName(name);
    if (wanted.isEmpty())
        return {ref, QStringLiteral("A name cannot be empty")};
    if (ref.isRequest()) {
        Folder *parent = findFolder(ref.directories);
        const qsizetype index = parent ? indexOf(parent->requests, ref.fileName) : -1;
        if (index < 0)
            return {ref, QStringLiteral("The request is no longer in the workspace")};
        Request renamed = parent->requests.at(index);
        renamed.name = WorkspaceStore::uniqueName(wanted, siblingNames(parent->requests, &parent->requests.at(index)));
        renamed.fileName = fileNameFor(*parent, renamed.name, &parent->requests.at(index));
        const ItemRef to {ref.directories, renamed.fileName};
        if (const QString error = writeFile(pathOf(to), WorkspaceFormat::requestToYaml(renamed)); !error.isEmpty())
            return {ref, error};
        if (to != ref)
            removeFile(pathOf(ref));
        storeSecrets(QStringLiteral("request/") + to.key(), renamed.variables);
        parent->requests[index] = renamed;
        Q_EMIT treeChanged();
        if (to != ref)
            Q_EMIT itemMoved(ref, to);
        return {to, {}};
    }
    QList<Folder> *siblings = childFolders(ref.parentDirectories());
    const qsizetype index = siblings ? indexOf(*siblings, ref.directories.constLast()) : -1;
    if (index < 0)
        return {ref, QStringLiteral("The folder is no longer in the workspace")};
    Folder &folder = (*siblings)[index];
    const QString newName = WorkspaceStore::uniqueName(wanted, siblingNames(*siblings, &folder));
    const QString directory = directoryNameFor(*siblings, newName, &folder);
    const ItemRef to {ref.parentDirectories() + QStringList {directory}, {}};
    if (to != ref && !QDir().rename(pathOf(ref), pathOf(to)))
        return {ref, QStringLiteral("Could not rename %1").arg(QDir::toNativeSeparators(pathOf(ref)))};
    folder.name = newName;
    folder.directoryName = directory;
    const QString error = writeFolderTree(to.directories, folder);
    Q_EMIT treeChanged();
    if (to != ref)
        Q_EMIT itemMoved(ref, to);
    return {to, error};
}

ItemResult WorkspaceController::duplicate(const ItemRef &ref)
{
    if (ref.isRequest()) {
        Folder *parent = findFolder(ref.directories);
        const qsizetype index = parent ? indexOf(parent->requests, ref.fileName) : -1;
        if (index < 0)
            return {ref, QStringLiteral("The request is no longer in the workspace")};
        Request copy = parent->requests.at(index);
        copy.name = WorkspaceStore::uniqueName(copy.name + QStringLiteral(" copy"), siblingNames<Request>(parent->requests, nullptr));
        copy.fileName = fileNameFor(*parent, copy.name, nullptr);
        const ItemRef to {ref.directories, copy.fileName};
        if (const QString error = writeFile(pathOf(to), WorkspaceFormat::requestToYaml(copy)); !error.isEmpty())
            return {ref, error};
        storeSecrets(QStringLiteral("request/") + to.key(), copy.variables);
        parent->requests.insert(index + 1, copy);
        Q_EMIT treeChanged();
        return {to, {}};
    }
    QList<Folder> *siblings = childFolders(ref.parentDirectories());
    const qsizetype index = siblings ? indexOf(*siblings, ref.directories.constLast()) : -1;
    if (index < 0)
        return {ref, QStringLiteral("The folder is no longer in the workspace")};
    Folder copy = siblings->at(index);
    copy.name = WorkspaceStore::uniqueName(copy.name + QStringLiteral(" copy"), siblingNames<Folder>(*siblings, nullptr));
    copy.directoryName = directoryNameFor(*siblings, copy.name, nullptr);
    const ItemRef to {ref.parentDirectories() + QStringList {copy.directoryName}, {}};
    if (const QString error = writeFolderTree(to.directories, copy); !error.isEmpty())
        return {ref, error};
    siblings->insert(index + 1, copy);
    Q_EMIT treeChanged();
    return {to, {}};
}

QString WorkspaceController::remove(const ItemRef &ref)
{
    if (ref.isRequest()) {
        Folder *parent = findFolder(ref.directories);
        const qsizetype index = parent ? indexOf(parent->requests, ref.fileName) : -1;
        if (index < 0)
            return QStringLiteral("The request is no longer in the workspace");
        m_watcher->noteOwnRemoval(pathOf(ref));
        if (const QString error = WorkspaceStore::removeRequest(m_root, ref.directories, ref.fileName); !error.isEmpty())
            return error;
        for (const Variable &variable : parent->requests.at(index).variables) {
            if (variable.secret && m_secrets)
                m_secrets->remove(SecretStore::keyFor(m_root, QStringLiteral("request/") + ref.key(), variable.name), this,
                                  [](const QString &) {});
        }
        parent->requests.removeAt(index);
    } else {
        QList<Folder> *siblings = childFolders(ref.parentDirectories());
        const qsizetype index = siblings ? indexOf(*siblings, ref.directories.constLast()) : -1;
        if (index < 0)
            return QStringLiteral("The folder is no longer in the workspace");
        if (const QString error = WorkspaceStore::removeFolder(m_root, ref.directories); !error.isEmpty())
            return error;
        siblings->removeAt(index);
    }
    Q_EMIT itemRemoved(ref);
    Q_EMIT treeChanged();
    return {};
}

ItemResult WorkspaceController::move(const ItemRef &ref, const QStringList &parent, int row)
{
    if (ref.isRequest()) {
        Folder *source = findFolder(ref.directories);
        Folder *target = findFolder(parent);
        if (!target)
            return {ref, QStringLiteral("Requests belong in a collection or folder")};
        const qsizetype from = source ? indexOf(source->requests, ref.fileName) : -1;
        if (from < 0)
            return {ref, QStringLiteral("The request is no longer in the workspace")};
        const bool same = source == target;
        Request moved = source->requests.at(from);
        ItemRef to = ref;
        if (!same) {
            moved.fileName = fileNameFor(*target, moved.name, nullptr);
            to = {parent, moved.fileName};
            if (const QString error = writeFile(pathOf(to), WorkspaceFormat::requestToYaml(moved)); !error.isEmpty())
                return {ref, error};
            removeFile(pathOf(ref));
            storeSecrets(QStringLiteral("request/") + to.key(), moved.variables);
        }
        source->requests.removeAt(from);
        target->requests.insert(insertionRow(row, from, target->requests.size(), same), moved);
        const QString error = renumber(parent, false);
        Q_EMIT treeChanged();
        if (to != ref)
            Q_EMIT itemMoved(ref, to);
        return {to, error};
    }
    if (parent.mid(0, ref.directories.size()) == ref.directories)
        return {ref, QStringLiteral("A folder cannot be moved into itself")};
    QList<Folder> *sources = childFolders(ref.parentDirectories());
    const qsizetype from = sources ? indexOf(*sources, ref.directories.constLast()) : -1;
    if (from < 0 || !childFolders(parent))
        return {ref, QStringLiteral("The folder is no longer in the workspace")};
    const bool same = ref.parentDirectories() == parent;
    Folder moved = sources->at(from);
    ItemRef to = ref;
    if (!same) {
        moved.directoryName = directoryNameFor(*childFolders(parent), moved.name, nullptr);
        to = {parent + QStringList {moved.directoryName}, {}};
        if (!QDir().rename(pathOf(ref), pathOf(to)))
            return {ref, QStringLiteral("Could not move %1").arg(QDir::toNativeSeparators(pathOf(ref)))};
    }
    sources->removeAt(from);
    QList<Folder> *targets = childFolders(parent); // looked up again: removing may have moved it in memory
    targets->insert(insertionRow(row, from, targets->size(), same), moved);
    QString error = renumber(parent, true);
    if (!same && error.isEmpty())
        error = writeFolderTree(to.directories, moved);
    Q_EMIT treeChanged();
    if (to != ref)
        Q_EMIT itemMoved(ref, to);
    return {to, error};
}

QString WorkspaceController::renumber(const QStringList &parent, bool folders)
{
    QString error;
    const auto keep = [&error](const QString &result) {
        if (error.isEmpty())
            error = result;
    };
    if (folders) {
        QList<Folder> &siblings = *childFolders(parent);
        for (qsizetype i = 0; i < siblings.size(); ++i) {
            Folder &folder = siblings[i];
            if (std::exchange(folder.sortKey, int(i + 1) * 10) != folder.sortKey) {
                const QString directory = WorkspaceStore::folderPath(m_root, parent + QStringList {folder.directoryName});
                keep(writeFile(QDir(directory).filePath(QLatin1String(WorkspaceStore::FolderFile)),
                               WorkspaceFormat::folderToYaml(folder)));
            }
        }
        return error;
    }
    Folder *target = findFolder(parent);
    for (qsizetype i = 0; i < target->requests.size(); ++i) {
        Request &request = target->requests[i];
        if (std::exchange(request.sortKey, int(i + 1) * 10) != request.sortKey)
            keep(writeFile(pathOf({parent, request.fileName}), WorkspaceFormat::requestToYaml(request)));
    }
    return error;
}

} // namespace Sonde
