#include "storage/WorkspaceWatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace Sonde {

namespace {

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

/// The hash of a file's content; an empty array when it cannot be read (gone).
QByteArray hashOfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    return hash.result();
}

} // namespace

WorkspaceWatcher::WorkspaceWatcher(QObject *parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &WorkspaceWatcher::report);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &WorkspaceWatcher::onDirectoryChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &WorkspaceWatcher::onFileChanged);
}

QHash<QString, QByteArray> WorkspaceWatcher::snapshotDirectory(const QString &path) const
{
    QHash<QString, QByteArray> state;
    const QFileInfoList entries = QDir(path).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        // Folders count by name.
        // A file counts by its content: a replacement of the same size within the same millisecond
        // (a rename over it) must still show.
        state.insert(entry.fileName(), entry.isDir() ? QByteArray("dir") : hashOfFile(entry.filePath()));
    }
    return state;
}

void WorkspaceWatcher::setRoot(const QString &root)
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_directoryState.clear();
    m_root = QDir(root).absolutePath();
    QStringList directories {m_root};
    QDirIterator it(m_root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!QFileInfo(path).fileName().startsWith(u'.') && !path.contains(QStringLiteral("/.")))
            directories.append(path);
    }
    for (const QString &directory : std::as_const(directories))
        m_directoryState.insert(directory, snapshotDirectory(directory));
    m_watcher.addPaths(directories);
}

void WorkspaceWatcher::watchFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.insert(absolute);
    if (QFileInfo::exists(absolute))
        m_watcher.addPath(absolute);
}

void WorkspaceWatcher::unwatchFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.remove(absolute);
    m_watcher.removePath(absolute);
}

void WorkspaceWatcher::noteOwnWrite(const QString &path, const QByteArray &bytes)
{
    m_ownWrites.insert(QFileInfo(path).absoluteFilePath(), hashOf(bytes));
}

void WorkspaceWatcher::noteOwnRemoval(const QString &path)
{
    m_ownWrites.insert(QFileInfo(path).absoluteFilePath(), QByteArray());
}

bool WorkspaceWatcher::isOwnChange(const QString &path) const
{
    const auto own = m_ownWrites.constFind(path);
    return own != m_ownWrites.cend() && *own == hashOfFile(path);
}

void WorkspaceWatcher::onDirectoryChanged(const QString &directory)
{
    const QHash<QString, QByteArray> before = m_directoryState.value(directory);
    const QHash<QString, QByteArray> after = snapshotDirectory(directory);
    m_directoryState.insert(directory, after);
    QSet<QString> names;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        names.insert(it.key());
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        names.insert(it.key());
    bool external = false;
    for (const QString &name : std::as_const(names)) {
        if (before.value(name) == after.value(name))
            continue;
        const QString path = QDir(directory).filePath(name);
        if (after.value(name) == "dir" || before.value(name) == "dir") {
            external = true; // a folder came or went: Sonde's own folder changes are reloaded too
            continue;
        }
        if (isOwnChange(path))
            continue;
        external = true;
        if (m_files.contains(path))
            m_changedFiles.insert(path);
    }
    if (external) {
        m_treeChanged = true;
        m_debounce.start();
    }
}

void WorkspaceWatcher::onFileChanged(const QString &path)
{
    // A file replaced by rename drops out of the watch list: add it back while it exists.
    if (m_files.contains(path) && QFileInfo::exists(path) && !m_watcher.files().contains(path))
        m_watcher.addPath(path);
    if (isOwnChange(path))
        return;
    m_changedFiles.insert(path);
    m_debounce.start();
}

void WorkspaceWatcher::report()
{
    const QSet<QString> files = std::exchange(m_changedFiles, {});
    for (const QString &path : files) {
        if (!isOwnChange(path))
            Q_EMIT fileChanged(path);
    }
    if (std::exchange(m_treeChanged, false))
        Q_EMIT treeChanged();
}

} // namespace Sonde
