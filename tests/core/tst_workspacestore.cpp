#include "storage/AtomicFile.h"
#include "storage/WorkspaceStore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Sonde;

namespace {

QString sampleWorkspace()
{
    return qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/workspace/sample");
}

/// Every file below `root` with its bytes, by relative path.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        files.insert(QDir(root).relativeFilePath(path), file.readAll());
    }
    return files;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return false;
    }
    return true;
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
}

} // namespace

class TestWorkspaceStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsTheSample();
    void loadAndSaveChangesNoByte();
    void malformedFilesAreReportedAndSkipped();
    void notAWorkspace();
    void newItemsGetUniqueFileNames();
    void secretsNeverReachTheFiles();
    void removeFunctions();
    void interruptedSaveLeavesTheFileIntact();
};

void TestWorkspaceStore::initTestCase()
{
    QVERIFY2(QFileInfo::exists(sampleWorkspace() + QStringLiteral("/workspace.yaml")), qPrintable(sampleWorkspace()));
}

void TestWorkspaceStore::loadsTheSample()
{
    const LoadedWorkspace loaded = WorkspaceStore::load(sampleWorkspace());
    QVERIFY(loaded.ok);
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.value(0).toString()));
    const Workspace &w = loaded.workspace;
    QCOMPARE(w.name, QStringLiteral("Sample"));
    QCOMPARE(w.globals.size(), 1);
    QCOMPARE(w.environments.size(), 2);
    QCOMPARE(w.collections.size(), 2);
    const Folder &api = w.collections.at(0);
    QCOMPARE(api.name, QStringLiteral("Users API"));
    QCOMPARE(api.folders.size(), 1);
    QCOMPARE(api.folders.at(0).name, QStringLiteral("Admin"));
    // Sort keys first, then names.
    QCOMPARE(api.requests.size(), 3);
    QCOMPARE(api.requests.at(0).name, QStringLiteral("List users"));
    QCOMPARE(api.requests.at(1).name, QStringLiteral("Create user"));
    QCOMPARE(api.requests.at(1).body.kind, Body::Kind::Raw);
    QVERIFY(api.requests.at(1).body.data.contains("\"name\""));
    QCOMPARE(api.requests.at(0).fileName, QStringLiteral("List users.yaml"));
}

void TestWorkspaceStore::loadAndSaveChangesNoByte()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(sampleWorkspace(), dir.path()));
    const QMap<QString, QByteArray> before = snapshot(dir.path());
    QMap<QString, QDateTime> mtimes;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        mtimes.insert(it.key(), QFileInfo(dir.filePath(it.key())).lastModified());
    LoadedWorkspace loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok);
    const FormatProblems problems = WorkspaceStore::save(dir.path(), loaded.workspace);
    QVERIFY(problems.isEmpty());
    const QMap<QString, QByteArray> after = snapshot(dir.path());
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QCOMPARE(after.value(it.key()), it.value());
        QCOMPARE(QFileInfo(dir.filePath(it.key())).lastModified(), mtimes.value(it.key()));
    }
    // Saved into an empty folder, the same workspace writes the same bytes: the sample is canonical.
    QTemporaryDir fresh;
    Workspace copy = loaded.workspace;
    QVERIFY(WorkspaceStore::save(fresh.path(), copy).isEmpty());
    QCOMPARE(snapshot(fresh.path()), before);
}

void TestWorkspaceStore::malformedFilesAreReportedAndSkipped()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(sampleWorkspace(), dir.path()));
    const QString broken = dir.filePath(QStringLiteral("collections/Users API/Broken.yaml"));
    write(broken, "name: Broken\nmethod: GET\nurl: [oops\n");
    write(dir.filePath(QStringLiteral("collections/Users API/notes.txt")), "not a request");
    write(dir.filePath(QStringLiteral("environments/bad.yaml")), "variables: []\n");
    const LoadedWorkspace loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.workspace.collections.at(0).requests.size(), 3); // the rest loads
    QCOMPARE(loaded.workspace.environments.size(), 2);
    QStringList messages;
    for (const FormatProblem &problem : loaded.problems)
        messages.append(problem.toString());
    const QString all = messages.join(u'\n');
    QVERIFY2(all.contains(broken + QStringLiteral(":4:")), qPrintable(all));
    QVERIFY2(all.contains(u"notes.txt"), qPrintable(all));
    QVERIFY2(all.contains(u"bad.yaml") && all.contains(u"name"), qPrintable(all));
}

void TestWorkspaceStore::notAWorkspace()
{
    QTemporaryDir dir;
    const LoadedWorkspace loaded = WorkspaceStore::load(dir.path());
    QVERIFY(!loaded.ok);
    QVERIFY(loaded.problems.first().message.contains(u"workspace.yaml"));
    write(dir.filePath(QStringLiteral("workspace.yaml")), "sonde: 99\nname: future\n");
    const LoadedWorkspace future = WorkspaceStore::load(dir.path());
    QVERIFY(!future.ok);
    QVERIFY(future.problems.first().message.contains(u"format 99"));
}

void TestWorkspaceStore::newItemsGetUniqueFileNames()
{
    QTemporaryDir dir;
    Workspace workspace;
    workspace.name = QStringLiteral("New");
    Folder collection;
    collection.name = QStringLiteral("My/API");
    Request a;
    a.name = QStringLiteral("Get thing");
    a.url = QStringLiteral("http://127.0.0.1/");
    collection.requests = {a, a};
    Folder sub;
    sub.name = QStringLiteral("_folder");
    collection.folders = {sub};
    workspace.collections = {collection};
    QVERIFY(WorkspaceStore::save(dir.path(), workspace).isEmpty());
    const Folder &saved = workspace.collections.first();
    QCOMPARE(saved.directoryName, QStringLiteral("My-API"));
    QCOMPARE(saved.requests.at(0).fileName, QStringLiteral("Get thing.yaml"));
    QCOMPARE(saved.requests.at(1).fileName, QStringLiteral("Get thing 2.yaml"));
    QCOMPARE(saved.folders.at(0).directoryName, QStringLiteral("folder"));
    const LoadedWorkspace loaded = WorkspaceStore::load(dir.path());
    QVERIFY(loaded.ok);
    QCOMPARE(loaded.workspace.collections.first().name, QStringLiteral("My/API"));
    QCOMPARE(loaded.workspace.collections.first().requests.size(), 2);
    QCOMPARE(loaded.workspace.collections.first().folders.first().name, QStringLiteral("_folder"));
}

void TestWorkspaceStore::secretsNeverReachTheFiles()
{
    QTemporaryDir dir;
    Workspace workspace;
    workspace.name = QStringLiteral("Secrets");
    workspace.globals = {{"globalKey", "G-SECRET-1111", true, true}};
    workspace.environments = {{QStringLiteral("prod"), {{"token", "E-SECRET-2222", true, true}}}};
    Folder collection;
    collection.name = QStringLiteral("C");
    collection.variables = {{"clientSecret", "F-SECRET-3333", true, true}};
    Request request;
    request.name = QStringLiteral("R");
    request.url = QStringLiteral("http://127.0.0.1/{{token}}");
    request.variables = {{"password", "R-SECRET-4444", true, true}};
    collection.requests = {request};
    workspace.collections = {collection};
    QVERIFY(WorkspaceStore::save(dir.path(), workspace).isEmpty());
    const QMap<QString, QByteArray> files = snapshot(dir.path());
    QVERIFY(files.size() >= 4);
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QVERIFY2(!it.value().contains("SECRET-"), qPrintable(it.key()));
}

void TestWorkspaceStore::removeFunctions()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(sampleWorkspace(), dir.path()));
    QVERIFY(WorkspaceStore::removeRequest(dir.path(), {QStringLiteral("Users API")}, QStringLiteral("List users.yaml")).isEmpty());
    QVERIFY(WorkspaceStore::removeFolder(dir.path(), {QStringLiteral("Users API"), QStringLiteral("Admin")}).isEmpty());
    QVERIFY(WorkspaceStore::removeEnvironment(dir.path(), QStringLiteral("staging")).isEmpty());
    const LoadedWorkspace loaded = WorkspaceStore::load(dir.path());
    QCOMPARE(loaded.workspace.collections.first().requests.size(), 2);
    QVERIFY(loaded.workspace.collections.first().folders.isEmpty());
    QCOMPARE(loaded.workspace.environments.size(), 1);
}

void TestWorkspaceStore::interruptedSaveLeavesTheFileIntact()
{
    // A child process saves a large file over an existing one and is killed (SIGKILL) in the middle.
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("request.yaml"));
    const QByteArray original = "name: Original\nmethod: GET\nurl: http://127.0.0.1/\n";
    write(target, original);

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SONDE_TEST_SLOW_SAVE"), target);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    // QSaveFile may write to an unnamed temporary file (O_TMPFILE): watch the child's written bytes
    // instead, and kill it once it is well into the save.
    const QString io = QStringLiteral("/proc/%1/io").arg(child.processId());
    const auto writtenBytes = [&io] {
        QFile file(io);
        if (!file.open(QIODevice::ReadOnly))
            return qint64(0);
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith("wchar:"))
                return line.mid(6).trimmed().toLongLong();
        }
        return qint64(0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(writtenBytes() > 64 * 1024 * 1024, 120000);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished());
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
}

int main(int argc, char *argv[])
{
    // The child of interruptedSaveLeavesTheFileIntact: one slow, large save, then wait to be killed.
    const QString slowSave = qEnvironmentVariable("SONDE_TEST_SLOW_SAVE");
    if (!slowSave.isEmpty()) {
        QByteArray huge(qsizetype(1024) * 1024 * 1024, 'x');
        QString error;
        AtomicFile::write(slowSave, huge, &error);
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestWorkspaceStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_workspacestore.moc"
