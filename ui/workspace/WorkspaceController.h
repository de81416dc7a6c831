#pragma once

#include "model/Exchange.h"
#include "model/Folder.h"
#include "storage/FormatProblem.h"
#include "template/RequestLocator.h"
#include "template/TemplateResolver.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace Sonde {

class SecretStore;
class WorkspaceWatcher;

/// Where an item lives in a workspace: its folder's directory names (collection first) and, for a
/// request, its file name. Stable across reloads, since it is what is on disk.
struct ItemRef
{
    QStringList directories;
    QString fileName;

    bool isValid() const { return !directories.isEmpty(); }
    bool isRequest() const { return !fileName.isEmpty(); }
    bool isCollection() const { return !isRequest() && directories.size() == 1; }
    /// The folder that holds the item (for a collection: the workspace, no directories).
    QStringList parentDirectories() const { return isRequest() ? directories : directories.mid(0, directories.size() - 1); }
    /// "dir/dir/file.yaml": a key for hashes and for drag and drop.
    QString key() const;
    static ItemRef fromKey(const QString &key);
    /// Where this item is after `from` moved to `to` (itself, or an item inside a moved folder).
    ItemRef rebased(const ItemRef &from, const ItemRef &to) const;

    friend bool operator==(const ItemRef &, const ItemRef &) = default;
};

/// What an operation on the tree produced: the item it made or moved, or why it failed.
struct ItemResult
{
    ItemRef item;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

/// The open workspace, and every change to it: the one place where the UI edits the tree, the
/// environments and the variables. No widgets.
///
/// Each operation edits the in-memory Workspace and writes the files it touches atomically at once
/// (announcing them to the WorkspaceWatcher first, so they do not come back as external changes).
/// Changes made outside Sonde reload the tree; a request the user has open and changed on disk is
/// reported with requestChangedOnDisk so the UI can ask before anything is replaced. Secret values
/// are read from and written to the SecretStore, never to files. Captured values that no
/// environment variable holds live in memory only (runtime values), like the `echo` base URL.
class WorkspaceController final : public QObject
{
    Q_OBJECT
public:
    /// `secrets` may be null (secret values are then neither read nor stored).
    explicit WorkspaceController(SecretStore *secrets, QObject *parent = nullptr);

    /// Loads the workspace in `root` and starts watching it. Returns an error, empty on success.
    QString open(const QString &root);
    /// Creates an empty workspace named `name` in `root` (which may exist but must hold no workspace).
    static QString create(const QString &root, const QString &name);
    /// Copies the collection in folder `source` (a directory or a resource path such as ":/welcome")
    /// into the workspace in `root` as the collection directory `directoryName`.
    static QString addCollection(const QString &root, const QString &source, const QString &directoryName);
    /// True when two trees of folders hold the same values (Folder's own == cannot be instantiated:
    /// it holds a QList of itself).
    static bool sameFolders(const QList<Folder> &a, const QList<Folder> &b);
    /// Re-reads the workspace from disk (what an external change does).
    void reload();

    QString root() const { return m_root; }
    bool isOpen() const { return !m_root.isEmpty(); }
    const Workspace &workspace() const { return m_workspace; }
    /// Files that could not be read at the last load.
    FormatProblems problems() const { return m_problems; }
    WorkspaceWatcher *watcher() const { return m_watcher; }
    SecretStore *secretStore() const { return m_secrets; }
    /// Uses another store from now on (the file fallback the user chose); secrets are read again.
    void setSecretStore(SecretStore *secrets);

    const Folder *folder(const QStringList &directories) const;
    const Request *request(const ItemRef &ref) const;
    /// The folders from the collection down to `directories`.
    QList<const Folder *> folderChain(const QStringList &directories) const;
    /// The file of a request, or the directory of a folder.
    QString pathOf(const ItemRef &ref) const;
    /// The request whose file is `path`, if any.
    ItemRef refForPath(const QString &path) const;

    // Tree operations. Names are made unique among siblings; files follow the names.
    ItemResult newCollection(const QString &name);
    ItemResult newFolder(const QStringList &parent, const QString &name);
    ItemResult newRequest(const QStringList &parent, const Request &request);
    ItemResult rename(const ItemRef &ref, const QString &name);
    ItemResult duplicate(const ItemRef &ref);
    QString remove(const ItemRef &ref);
    /// Moves an item into the folder `parent` (no directories: the top level, for folders only) at
    /// `row` among the siblings of its kind (-1: last); siblings are renumbered with sort keys.
    ItemResult move(const ItemRef &ref, const QStringList &parent, int row);
    /// Writes an edited request over the saved one (its file name stays).
    QString saveRequest(const ItemRef &ref, const Request &request);

    /// Writes the settings of the folder or collection `directories`: its variables (secret values to
    /// the SecretStore), default headers, auth and description.
    QString saveFolderSettings(const QStringList &directories, const VariableList &variables,
        const KeyValueList &headers, const AuthConfig &auth, const QString &description);

    // Environments and variables.
    QString activeEnvironment() const { return m_activeEnvironment; }
    const Environment *activeEnvironmentValue() const;
    void setActiveEnvironment(const QString &name);
    /// Replaces all environments: files of removed ones are deleted, secret values go to the SecretStore.
    QString saveEnvironments(const QList<Environment> &environments);
    /// Writes the global variables (workspace.yaml; secret values to the SecretStore).
    QString saveGlobals(const VariableList &globals);
    VariableList runtimeValues() const { return m_runtime; }
    void setRuntimeValue(const QString &name, const QString &value);

    /// The resolver for `request` (as edited) at `ref`: runtime values, request, folders, the active
    /// environment, globals.
    TemplateResolver resolverFor(const ItemRef &ref, const Request &request) const;
    /// The values of every secret variable `request` at `ref` can see (its own, its folders', the active
    /// environment's, the globals'): what history must scrub from an exchange it records.
    QStringList secretValuesFor(const ItemRef &ref, const Request &request) const;
    /// Stores the captures of `request` from `exchange`: into the active environment's variable of that
    /// name if there is one (saved), else into the runtime values. Returns what was captured.
    QList<CapturedValue> applyCaptures(const Request &request, const Exchange &exchange);

Q_SIGNALS:
    /// The tree changed (an operation, or a reload found a difference).
    void treeChanged();
    /// A request or folder moved or was renamed: open tabs follow it with ItemRef::rebased.
    void itemMoved(const Sonde::ItemRef &from, const Sonde::ItemRef &to);
    void itemRemoved(const Sonde::ItemRef &ref);
    /// A watched request changed on disk from outside (`removed`: it is gone).
    void requestChangedOnDisk(const Sonde::ItemRef &ref, bool removed);
    void environmentsChanged();
    void activeEnvironmentChanged(const QString &name);
    void variablesChanged();
    /// The SecretStore failed (no keychain, locked, denied): the message, in words.
    void secretStoreFailed(const QString &error);
    /// A write no operation could return (a captured value saved into an environment) failed.
    void writeFailed(const QString &error);

private:
    Folder *findFolder(const QStringList &directories);
    QList<Folder> *childFolders(const QStringList &parent);
    QString writeFile(const QString &path, const QByteArray &bytes);
    QString removeFile(const QString &path);
    QString writeFolderTree(const QStringList &directories, const Folder &folder);
    QString writeEnvironment(const Environment &environment);
    void storeSecrets(const QString &scope, const VariableList &variables);
    void readSecrets();
    void applySecretCache(Workspace &workspace) const;
    QString renumber(const QStringList &parent, bool folders);
    void onFileChanged(const QString &path);

    SecretStore *m_secrets;
    WorkspaceWatcher *m_watcher;
    QString m_root;
    Workspace m_workspace;
    FormatProblems m_problems;
    QString m_activeEnvironment;
    VariableList m_runtime;
    QHash<QString, QString> m_secretCache; // keychain key → value
    int m_secretGeneration = 0;
};

} // namespace Sonde
