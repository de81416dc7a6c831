#include "storage/AtomicFile.h"
#include "storage/WorkspaceWatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

namespace {

void writeInPlace(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestWorkspaceWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void externalEditOfAnOpenFile();
    void externalReplaceByRename();
    void ownWritesAreNotReported();
    void newFilesAndFolders();
    void removedFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_request;
};

void TestWorkspaceWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QDir(m_dir->path()).mkpath(QStringLiteral("collections/API/Sub"));
    m_request = m_dir->filePath(QStringLiteral("collections/API/Get.yaml"));
    writeInPlace(m_request, "name: Get\nmethod: GET\nurl: http://127.0.0.1/\n");
}

void TestWorkspaceWatcher::externalEditOfAnOpenFile()
{
    WorkspaceWatcher watcher;
    watcher.setDebounceInterval(50);
    watcher.setRoot(m_dir->path());
    watcher.watchFile(m_request);
    QSignalSpy changed(&watcher, &WorkspaceWatcher::fileChanged);
    writeInPlace(m_request, "name: Get\nmethod: POST\nurl: http://127.0.0.1/\n");
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), QFileInfo(m_request).absoluteFilePath());
}

void TestWorkspaceWatcher::externalReplaceByRename()
{
    WorkspaceWatcher watcher;
    watcher.setDebounceInterval(50);
    watcher.setRoot(m_dir->path());
    watcher.watchFile(m_request);
    QSignalSpy changed(&watcher, &WorkspaceWatcher::fileChanged);
    QSignalSpy tree(&watcher, &WorkspaceWatcher::treeChanged);
    // As git and most editors do: write a new file and rename it over the old one.
    QString error;
    QCOMPARE(AtomicFile::write(m_request, "name: Get\nmethod: PUT\nurl: http://127.0.0.1/\n", &error),
             AtomicFile::WriteResult::Written);
    QTRY_VERIFY(changed.size() >= 1);
    QTRY_COMPARE(tree.size(), 1);
    // And a second external change is still seen (the watch survived the rename).
    changed.clear();
    writeInPlace(m_request, "name: Get\nmethod: PATCH\nurl: http://127.0.0.1/\n");
    QTRY_VERIFY(changed.size() >= 1);
}

void TestWorkspaceWatcher::ownWritesAreNotReported()
{
    WorkspaceWatcher watcher;
    watcher.setDebounceInterval(50);
    watcher.setRoot(m_dir->path());
    watcher.watchFile(m_request);
    QSignalSpy changed(&watcher, &WorkspaceWatcher::fileChanged);
    QSignalSpy tree(&watcher, &WorkspaceWatcher::treeChanged);
    const QByteArray mine = "name: Get\nmethod: DELETE\nurl: http://127.0.0.1/\n";
    watcher.noteOwnWrite(m_request, mine);
    QString error;
    QCOMPARE(AtomicFile::write(m_request, mine, &error), AtomicFile::WriteResult::Written);
    // Give the watcher several debounce intervals to (wrongly) report it.
    QTest::qWait(400);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(tree.size(), 0);
}

void TestWorkspaceWatcher::newFilesAndFolders()
{
    WorkspaceWatcher watcher;
    watcher.setDebounceInterval(50);
    watcher.setRoot(m_dir->path());
    QSignalSpy tree(&watcher, &WorkspaceWatcher::treeChanged);
    writeInPlace(m_dir->filePath(QStringLiteral("collections/API/Sub/New.yaml")), "method: GET\nurl: x\n");
    QTRY_COMPARE(tree.size(), 1);
    QDir(m_dir->path()).mkpath(QStringLiteral("collections/Other"));
    QTRY_COMPARE(tree.size(), 2);
}

void TestWorkspaceWatcher::removedFile()
{
    WorkspaceWatcher watcher;
    watcher.setDebounceInterval(50);
    watcher.setRoot(m_dir->path());
    watcher.watchFile(m_request);
    QSignalSpy changed(&watcher, &WorkspaceWatcher::fileChanged);
    QSignalSpy tree(&watcher, &WorkspaceWatcher::treeChanged);
    QVERIFY(QFile::remove(m_request));
    QTRY_VERIFY(changed.size() >= 1);
    QTRY_COMPARE(tree.size(), 1);
}

QTEST_GUILESS_MAIN(TestWorkspaceWatcher)
#include "tst_workspacewatcher.moc"
