#include "CopyTree.h"
#include "storage/SecretStore.h"
#include "storage/WorkspaceStore.h"
#include "storage/WorkspaceWatcher.h"
#include "workspace/WorkspaceController.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

namespace Sonde {
inline char *toString(const ItemRef &ref)
{
    return QTest::toString(ref.key());
}
} // namespace Sonde

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList requestNames(const Folder *folder)
{
    QStringList names;
    for (const Request &request : folder->requests)
        names.append(request.name);
    return names;
}

const ItemRef UsersApi {{QStringLiteral("Users API")}, {}};
const ItemRef Admin {{QStringLiteral("Users API"), QStringLiteral("Admin")}, {}};
const ItemRef Echo {{QStringLiteral("Echo")}, {}};
const ItemRef ListUsers {{QStringLiteral("Users API")}, QStringLiteral("List users.yaml")};

} // namespace

class TestWorkspaceController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void opensTheSample();
    void refusesAFolderThatIsNoWorkspace();
    void newItemsAreWritten();
    void renameRequestRenamesItsFile();
    void renameFolderRenamesItsDirectory();
    void duplicateAndDelete();
    void moveRequestToAnotherFolder();
    void reorderWithinAFolder();
    void moveFolder();
    void saveRequestIsNotReportedAsExternal();
    void externalChanges();
    void environmentSecretsGoToTheStore();
    void capturesUpdateEnvironmentOrRuntime();
    void resolverScopes();
    void welcomeCollectionFromResources();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileSecretStore> m_secrets;
    std::unique_ptr<WorkspaceController> m_controller;
};

void TestWorkspaceController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(copyTree(qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/workspace/sample"),
                     m_dir->filePath(QStringLiteral("ws"))));
    m_secrets = std::make_unique<FileSecretStore>(m_dir->filePath(QStringLiteral("secrets.json")));
    m_controller = std::make_unique<WorkspaceController>(m_secrets.get());
    m_controller->watcher()->setDebounceInterval(30);
    QCOMPARE(m_controller->open(m_dir->filePath(QStringLiteral("ws"))), QString());
}

void TestWorkspaceController::opensTheSample()
{
    const Workspace &workspace = m_controller->workspace();
    QCOMPARE(workspace.collections.size(), 2);
    QCOMPARE(workspace.environments.size(), 2);
    QVERIFY(m_controller->request(ListUsers));
    QVERIFY(m_controller->folder(Admin.directories));
    QCOMPARE(m_controller->folderChain(Admin.directories).size(), 2);
    QCOMPARE(m_controller->refForPath(m_controller->pathOf(ListUsers)), ListUsers);
    QCOMPARE(ItemRef::fromKey(ListUsers.key()), ListUsers);
}

void TestWorkspaceController::refusesAFolderThatIsNoWorkspace()
{
    WorkspaceController controller(nullptr);
    QVERIFY(!controller.open(m_dir->filePath(QStringLiteral("nothing"))).isEmpty());
    QVERIFY(!controller.isOpen());
    const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
    QCOMPARE(WorkspaceController::create(fresh, QStringLiteral("Fresh")), QString());
    QCOMPARE(controller.open(fresh), QString());
    QCOMPARE(controller.workspace().name, QStringLiteral("Fresh"));
    QVERIFY(!WorkspaceController::create(fresh, QStringLiteral("Again")).isEmpty());
}

void TestWorkspaceController::newItemsAreWritten()
{
    QSignalSpy changed(m_controller.get(), &WorkspaceController::treeChanged);
    const ItemResult collection = m_controller->newCollection(QStringLiteral("Echo"));
    QVERIFY(collection.ok());
    QCOMPARE(collection.item.directories, QStringList {QStringLiteral("Echo 2")});
    const ItemResult folder = m_controller->newFolder(collection.item.directories, QStringLiteral("Sub: one"));
    QVERIFY(folder.ok());
    Request request;
    request.name = QStringLiteral("Ping");
    request.url = QStringLiteral("{{base}}/ping");
    const ItemResult made = m_controller->newRequest(folder.item.directories, request);
    QVERIFY2(made.ok(), qPrintable(made.error));
    QVERIFY(m_controller->newRequest({}, request).error.contains(QStringLiteral("collection")));
    QCOMPARE(changed.size(), 3);
    QVERIFY(QFileInfo::exists(m_controller->pathOf(made.item)));
    QCOMPARE(m_controller->newRequest(folder.item.directories, request).item.fileName, QStringLiteral("Ping 2.yaml"));

    const LoadedWorkspace loaded = WorkspaceStore::load(m_controller->root());
    QVERIFY(WorkspaceController::sameFolders(loaded.workspace.collections, m_controller->workspace().collections));
}

void TestWorkspaceController::renameRequestRenamesItsFile()
{
    QSignalSpy moved(m_controller.get(), &WorkspaceController::itemMoved);
    const ItemResult result = m_controller->rename(ListUsers, QStringLiteral("All users"));
    QVERIFY(result.ok());
    QCOMPARE(result.item.fileName, QStringLiteral("All users.yaml"));
    QVERIFY(!QFileInfo::exists(m_controller->pathOf(ListUsers)));
    QVERIFY(readFile(m_controller->pathOf(result.item)).startsWith("name: All users\n"));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.first().at(1).value<ItemRef>(), result.item);
    QVERIFY(!m_controller->rename(result.item, QStringLiteral("  ")).ok());
}

void TestWorkspaceController::renameFolderRenamesItsDirectory()
{
    const ItemRef inside {Admin.directories, QStringLiteral("Purge cache.yaml")};
    QSignalSpy moved(m_controller.get(), &WorkspaceController::itemMoved);
    const ItemResult result = m_controller->rename(Admin, QStringLiteral("Operations"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.item.directories, (QStringList {QStringLiteral("Users API"), QStringLiteral("Operations")}));
    QVERIFY(QFileInfo(m_controller->pathOf(result.item)).isDir());
    QVERIFY(!QFileInfo::exists(m_controller->pathOf(Admin)));
    const ItemRef followed = inside.rebased(moved.first().at(0).value<ItemRef>(), moved.first().at(1).value<ItemRef>());
    QVERIFY(m_controller->request(followed));
    QVERIFY(WorkspaceController::sameFolders(WorkspaceStore::load(m_controller->root()).workspace.collections, m_controller->workspace().collections));
}

void TestWorkspaceController::duplicateAndDelete()
{
    const ItemResult copy = m_controller->duplicate(ListUsers);
    QVERIFY(copy.ok());
    QCOMPARE(m_controller->request(copy.item)->name, QStringLiteral("List users copy"));
    const ItemResult folderCopy = m_controller->duplicate(Admin);
    QVERIFY(folderCopy.ok());
    QCOMPARE(m_controller->folder(folderCopy.item.directories)->requests.size(), 2);
    QVERIFY(WorkspaceController::sameFolders(WorkspaceStore::load(m_controller->root()).workspace.collections, m_controller->workspace().collections));

    QSignalSpy removed(m_controller.get(), &WorkspaceController::itemRemoved);
    QCOMPARE(m_controller->remove(copy.item), QString());
    QCOMPARE(m_controller->remove(folderCopy.item), QString());
    QCOMPARE(removed.size(), 2);
    QVERIFY(!QFileInfo::exists(m_controller->pathOf(copy.item)));
    QVERIFY(!QFileInfo::exists(m_controller->pathOf(folderCopy.item)));
    QVERIFY(!m_controller->remove(copy.item).isEmpty());
}

void TestWorkspaceController::moveRequestToAnotherFolder()
{
    const ItemResult moved = m_controller->move(ListUsers, Echo.directories, 0);
    QVERIFY2(moved.ok(), qPrintable(moved.error));
    QCOMPARE(moved.item.directories, Echo.directories);
    QCOMPARE(requestNames(m_controller->folder(Echo.directories)).first(), QStringLiteral("List users"));
    QVERIFY(!QFileInfo::exists(m_controller->pathOf(ListUsers)));
    QVERIFY(WorkspaceController::sameFolders(WorkspaceStore::load(m_controller->root()).workspace.collections, m_controller->workspace().collections));
}

void TestWorkspaceController::reorderWithinAFolder()
{
    const QStringList before = requestNames(m_controller->folder(UsersApi.directories));
    QVERIFY(before.size() >= 3);
    const ItemRef last {UsersApi.directories, m_controller->folder(UsersApi.directories)->requests.constLast().fileName};
    QVERIFY(m_controller->move(last, UsersApi.directories, 0).ok());
    QStringList expected = before;
    expected.move(expected.size() - 1, 0);
    QCOMPARE(requestNames(m_controller->folder(UsersApi.directories)), expected);
    const ItemRef first {UsersApi.directories, m_controller->folder(UsersApi.directories)->requests.constFirst().fileName};
    QVERIFY(m_controller->move(first, UsersApi.directories, 2).ok()); // dropped before the third row
    expected.move(0, 1);
    QCOMPARE(requestNames(m_controller->folder(UsersApi.directories)), expected);
    // The order survives a reload: it is in the files' sort keys.
    QVERIFY(WorkspaceController::sameFolders(WorkspaceStore::load(m_controller->root()).workspace.collections, m_controller->workspace().collections));
}

void TestWorkspaceController::moveFolder()
{
    QVERIFY(!m_controller->move(UsersApi, Admin.directories, -1).ok());
    const ItemResult moved = m_controller->move(Admin, Echo.directories, -1);
    QVERIFY2(moved.ok(), qPrintable(moved.error));
    QCOMPARE(moved.item.directories, (QStringList {QStringLiteral("Echo"), QStringLiteral("Admin")}));
    const ItemResult top = m_controller->move(moved.item, {}, 0);
    QVERIFY2(top.ok(), qPrintable(top.error));
    QCOMPARE(m_controller->workspace().collections.first().directoryName, QStringLiteral("Admin"));
    QVERIFY(WorkspaceController::sameFolders(WorkspaceStore::load(m_controller->root()).workspace.collections, m_controller->workspace().collections));
}

void TestWorkspaceController::saveRequestIsNotReportedAsExternal()
{
    QSignalSpy external(m_controller.get(), &WorkspaceController::requestChangedOnDisk);
    QSignalSpy tree(m_controller.get(), &WorkspaceController::treeChanged);
    m_controller->watcher()->watchFile(m_controller->pathOf(ListUsers));
    Request edited = *m_controller->request(ListUsers);
    edited.url = QStringLiteral("{{base}}/users?page=2");
    QCOMPARE(m_controller->saveRequest(ListUsers, edited), QString());
    QVERIFY(readFile(m_controller->pathOf(ListUsers)).contains("page=2"));
    QTest::qWait(150);
    QCOMPARE(external.size(), 0);
    QCOMPARE(tree.size(), 0);
    QCOMPARE(m_controller->request(ListUsers)->url, edited.url);
}

void TestWorkspaceController::externalChanges()
{
    QSignalSpy external(m_controller.get(), &WorkspaceController::requestChangedOnDisk);
    QSignalSpy tree(m_controller.get(), &WorkspaceController::treeChanged);
    const QString path = m_controller->pathOf(ListUsers);
    m_controller->watcher()->watchFile(path);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("name: List users\nmethod: HEAD\nurl: http://127.0.0.1/users\n");
    }
    QTRY_COMPARE(external.size(), 1);
    QCOMPARE(external.first().at(0).value<ItemRef>(), ListUsers);
    QCOMPARE(external.first().at(1).toBool(), false);
    {
        QFile file(m_controller->pathOf({Echo.directories, QStringLiteral("New.yaml")}));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name: From git\nmethod: GET\nurl: http://127.0.0.1/\n");
    }
    QTRY_VERIFY(requestNames(m_controller->folder(Echo.directories)).contains(QStringLiteral("From git")));
    QVERIFY(tree.size() >= 1);
    QCOMPARE(m_controller->request(ListUsers)->method, QStringLiteral("HEAD"));
}

void TestWorkspaceController::environmentSecretsGoToTheStore()
{
    QList<Environment> environments = m_controller->workspace().environments;
    environments.append({QStringLiteral("prod"), {{QStringLiteral("base"), QStringLiteral("https://api.example.test")},
                                                  {QStringLiteral("apiKey"), QStringLiteral("s3cr3t-value"), true, true}}});
    environments.removeIf([](const Environment &e) { return e.name == u"staging"; });
    QSignalSpy changed(m_controller.get(), &WorkspaceController::environmentsChanged);
    QCOMPARE(m_controller->saveEnvironments(environments), QString());
    QCOMPARE(changed.size(), 1);
    const QString file = m_controller->root() + QStringLiteral("/environments/prod.yaml");
    QVERIFY(readFile(file).contains("apiKey"));
    QVERIFY(!readFile(file).contains("s3cr3t-value"));
    QVERIFY(!QFileInfo::exists(m_controller->root() + QStringLiteral("/environments/staging.yaml")));

    // A fresh controller reads the value back from the store.
    WorkspaceController reopened(m_secrets.get());
    QSignalSpy variables(&reopened, &WorkspaceController::variablesChanged);
    QCOMPARE(reopened.open(m_controller->root()), QString());
    reopened.setActiveEnvironment(QStringLiteral("prod"));
    QTRY_COMPARE(reopened.resolverFor(ListUsers, Request()).resolve(QStringLiteral("{{apiKey}}")),
                 QStringLiteral("s3cr3t-value"));
}

void TestWorkspaceController::capturesUpdateEnvironmentOrRuntime()
{
    m_controller->setActiveEnvironment(QStringLiteral("local"));
    Request request;
    request.captures = {{QStringLiteral("base"), ResponseCapture::Source::JsonPath, QStringLiteral("$.next")},
                        {QStringLiteral("userId"), ResponseCapture::Source::JsonPath, QStringLiteral("$.id")},
                        {QStringLiteral("missing"), ResponseCapture::Source::Header, QStringLiteral("X-None")}};
    Exchange exchange;
    ResponseHead head;
    head.statusCode = 200;
    exchange.response = head;
    exchange.body = BodyData::fromBytes(R"({"id": 42, "next": "http://127.0.0.1:9999"})");
    const QList<CapturedValue> captured = m_controller->applyCaptures(request, exchange);
    QCOMPARE(captured.size(), 3);
    QVERIFY(!captured.at(2).error.isEmpty());
    const TemplateResolver resolver = m_controller->resolverFor(ListUsers, Request());
    QCOMPARE(resolver.resolve(QStringLiteral("{{base}}/{{userId}}")), QStringLiteral("http://127.0.0.1:9999/42"));
    QCOMPARE(resolver.lookup(QStringLiteral("userId"))->scopeLabel, QStringLiteral("runtime values"));
    QVERIFY(readFile(m_controller->root() + QStringLiteral("/environments/local.yaml")).contains("http://127.0.0.1:9999"));
}

void TestWorkspaceController::resolverScopes()
{
    m_controller->setActiveEnvironment(QStringLiteral("local"));
    m_controller->setRuntimeValue(QStringLiteral("echo"), QStringLiteral("http://127.0.0.1:1"));
    const ItemRef purge {Admin.directories, QStringLiteral("Purge cache.yaml")};
    const TemplateResolver resolver = m_controller->resolverFor(purge, *m_controller->request(purge));
    QCOMPARE(resolver.lookup(QStringLiteral("echo"))->value, QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(resolver.lookup(QStringLiteral("base"))->scopeLabel, QStringLiteral("environment “local”"));
    QCOMPARE(resolver.lookup(QStringLiteral("version"))->scopeLabel, QStringLiteral("collection “Users API”"));
    QVERIFY(!resolver.lookup(QStringLiteral("nope")));
}

void TestWorkspaceController::welcomeCollectionFromResources()
{
    const QString root = m_dir->filePath(QStringLiteral("first-start"));
    QCOMPARE(WorkspaceController::create(root, QStringLiteral("My workspace")), QString());
    QCOMPARE(WorkspaceController::addCollection(root, QStringLiteral(":/welcome"), QStringLiteral("Welcome")), QString());
    const LoadedWorkspace loaded = WorkspaceStore::load(root);
    QVERIFY(loaded.problems.isEmpty());
    QCOMPARE(loaded.workspace.collections.size(), 1);
    const Folder &welcome = loaded.workspace.collections.first();
    QCOMPARE(welcome.name, QStringLiteral("Welcome"));
    QStringList names;
    for (const Request &request : welcome.requests) {
        names.append(request.name);
        QVERIFY(request.url.startsWith(QStringLiteral("{{echo}}/")));
    }
    QCOMPARE(names, (QStringList {QStringLiteral("GET with query"), QStringLiteral("POST JSON"), QStringLiteral("404"),
                                  QStringLiteral("XML")}));
}

QTEST_GUILESS_MAIN(TestWorkspaceController)
#include "tst_workspacecontroller.moc"
