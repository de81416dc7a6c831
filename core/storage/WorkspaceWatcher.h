#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Sonde {

/// Notices changes made to a workspace from outside Sonde (git checkout, another editor) and says so,
/// debounced; changes Sonde made itself (announced with noteOwnWrite) are not reported back.
///
/// Watches every folder of the workspace (for files added, removed, renamed — also how git and most
/// editors replace a file) and, individually, the files the user has open (edits in place).
class WorkspaceWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceWatcher(QObject *parent = nullptr);

    /// Starts watching `root` and all folders below it; call again after a reload.
    void setRoot(const QString &root);
    QString root() const { return m_root; }

    /// Also watch this file's content (an open request).
    void watchFile(const QString &path);
    void unwatchFile(const QString &path);

    /// Sonde is about to write (or has written) `bytes` to `path`: do not report that as a change.
    void noteOwnWrite(const QString &path, const QByteArray &bytes);
    /// Sonde removed `path` itself.
    void noteOwnRemoval(const QString &path);

    /// How long changes are collected before they are reported.
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }

Q_SIGNALS:
    /// The content of a watched file changed, or it was replaced or removed, from outside.
    void fileChanged(const QString &path);
    /// Files or folders were added, removed or changed from outside: the tree should be reloaded.
    void treeChanged();

private:
    void onDirectoryChanged(const QString &path);
    void onFileChanged(const QString &path);
    void report();
    bool isOwnChange(const QString &path) const;
    QHash<QString, QByteArray> snapshotDirectory(const QString &path) const;

    QFileSystemWatcher m_watcher;
    QString m_root;
    QSet<QString> m_files;
    QHash<QString, QByteArray> m_ownWrites;     // path → hash of what Sonde wrote
    QHash<QString, QHash<QString, QByteArray>> m_directoryState; // dir → file name → hash
    QSet<QString> m_changedFiles;
    bool m_treeChanged = false;
    QTimer m_debounce;
};

} // namespace Sonde
