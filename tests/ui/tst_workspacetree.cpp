#include "CopyTree.h"
#include "formats/FileImport.h"
#include "workspace/MethodBadgeDelegate.h"
#include "workspace/WorkspaceController.h"
#include "workspace/WorkspaceSidebar.h"
#include "workspace/WorkspaceTreeModel.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Sonde;

namespace {

QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names.append(model->index(row, 0, parent).data().toString());
    return names;
}

QModelIndex find(const QAbstractItemModel *model, const QStringList &names)
{
    QModelIndex index;
    for (const QString &name : names) {
        const int row = int(childNames(model, index).indexOf(name));
        if (row < 0)
            return {};
        index = model->index(row, 0, index);
    }
    return index;
}

} // namespace

class TestWorkspaceTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void structure();
    void operationsUnderTheModelTester();
    void renameThroughSetData();
    void dragAndDropMoves();
    void dropIsRefusedWhereItMakesNoSense();
    void filterKeepsParents();
    void sidebarNewRenameDuplicateDelete();
    void sidebarKeepsExpansionAcrossRebuilds();
    void sidebarExports_data();
    void sidebarExports();
    void sidebarExportSaysWhyNot();
    void badges();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceController> m_controller;
};

void TestWorkspaceTree::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(copyTree(qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/workspace/sample"), m_dir->path()));
    m_controller = std::make_unique<WorkspaceController>(nullptr);
    QCOMPARE(m_controller->open(m_dir->path()), QString());
}

void TestWorkspaceTree::structure()
{
    WorkspaceTreeModel model(m_controller.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(childNames(&model, {}), (QStringList {QStringLiteral("Users API"), QStringLiteral("Echo")})); // by sort key
    const QModelIndex users = find(&model, {QStringLiteral("Users API")});
    QCOMPARE(childNames(&model, users).first(), QStringLiteral("Admin")); // folders first
    const QModelIndex list = find(&model, {QStringLiteral("Users API"), QStringLiteral("List users")});
    QVERIFY(list.isValid());
    QCOMPARE(list.data(WorkspaceTreeModel::MethodRole).toString(), QStringLiteral("GET"));
    QCOMPARE(model.refAt(list).fileName, QStringLiteral("List users.yaml"));
    QCOMPARE(model.indexOf(model.refAt(list)), list);
    QCOMPARE(users.data(WorkspaceTreeModel::KindRole).toInt(), int(WorkspaceTreeModel::Kind::Collection));
}

void TestWorkspaceTree::operationsUnderTheModelTester()
{
    WorkspaceTreeModel model(m_controller.get());
    WorkspaceFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const ItemResult collection = m_controller->newCollection(QStringLiteral("Payments"));
    QVERIFY(m_controller->newRequest(collection.item.directories, Request()).ok());
    QTRY_COMPARE(reset.size(), 1); // two changes, one rebuild
    QVERIFY(find(&model, {QStringLiteral("Payments"), QStringLiteral("New request")}).isValid());
    proxy.setFilterFixedString(QStringLiteral("new"));
    QVERIFY(m_controller->duplicate(collection.item).ok());
    QTRY_COMPARE(reset.size(), 2);
    QCOMPARE(childNames(&proxy, {}), (QStringList {QStringLiteral("Payments"), QStringLiteral("Payments copy")}));
    QCOMPARE(m_controller->remove(collection.item), QString());
    QTRY_COMPARE(reset.size(), 3);
}

void TestWorkspaceTree::renameThroughSetData()
{
    WorkspaceTreeModel model(m_controller.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex list = find(&model, {QStringLiteral("Users API"), QStringLiteral("List users")});
    QVERIFY(model.setData(list, QStringLiteral("Every user")));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("collections/Users API/Every user.yaml"))));
    QTRY_VERIFY(find(&model, {QStringLiteral("Users API"), QStringLiteral("Every user")}).isValid());
    QSignalSpy failed(&model, &WorkspaceTreeModel::operationFailed);
    QVERIFY(!model.setData(find(&model, {QStringLiteral("Echo")}), QStringLiteral("   ")));
    QCOMPARE(failed.size(), 1);
}

void TestWorkspaceTree::dragAndDropMoves()
{
    WorkspaceTreeModel model(m_controller.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex list = find(&model, {QStringLiteral("Users API"), QStringLiteral("List users")});
    std::unique_ptr<QMimeData> data(model.mimeData({list}));
    QVERIFY(data);
    const QModelIndex echo = find(&model, {QStringLiteral("Echo")});
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, echo));
    model.dropMimeData(data.get(), Qt::MoveAction, 0, 0, echo);
    QTRY_COMPARE(childNames(&model, find(&model, {QStringLiteral("Echo")})).first(), QStringLiteral("List users"));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("collections/Echo/List users.yaml"))));

    // A folder dropped at the top level becomes a collection.
    const QModelIndex admin = find(&model, {QStringLiteral("Users API"), QStringLiteral("Admin")});
    data.reset(model.mimeData({admin}));
    model.dropMimeData(data.get(), Qt::MoveAction, -1, 0, {});
    QTRY_VERIFY(find(&model, {QStringLiteral("Admin")}).isValid());
    QVERIFY(QFileInfo(m_dir->filePath(QStringLiteral("collections/Admin"))).isDir());
}

void TestWorkspaceTree::dropIsRefusedWhereItMakesNoSense()
{
    WorkspaceTreeModel model(m_controller.get());
    const QModelIndex users = find(&model, {QStringLiteral("Users API")});
    const QModelIndex admin = find(&model, {QStringLiteral("Users API"), QStringLiteral("Admin")});
    const QModelIndex list = find(&model, {QStringLiteral("Users API"), QStringLiteral("List users")});
    std::unique_ptr<QMimeData> request(model.mimeData({list}));
    std::unique_ptr<QMimeData> folder(model.mimeData({users}));
    QVERIFY(!model.canDropMimeData(request.get(), Qt::MoveAction, 0, 0, {}));     // a request at the top
    QVERIFY(!model.canDropMimeData(folder.get(), Qt::MoveAction, 0, 0, admin));   // a folder into itself
    QVERIFY(!model.canDropMimeData(request.get(), Qt::CopyAction, 0, 0, admin));
    QVERIFY(!(model.flags(list) & Qt::ItemIsDropEnabled));
}

void TestWorkspaceTree::filterKeepsParents()
{
    WorkspaceTreeModel model(m_controller.get());
    WorkspaceFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterFixedString(QStringLiteral("purge"));
    QCOMPARE(childNames(&proxy, {}), QStringList {QStringLiteral("Users API")});
    QCOMPARE(childNames(&proxy, find(&proxy, {QStringLiteral("Users API")})), QStringList {QStringLiteral("Admin")});
    QVERIFY(find(&proxy, {QStringLiteral("Users API"), QStringLiteral("Admin"), QStringLiteral("Purge cache")}).isValid());
    proxy.setFilterFixedString(QStringLiteral("delete"));
    QVERIFY(proxy.rowCount() >= 1); // the method matches too
}

void TestWorkspaceTree::sidebarNewRenameDuplicateDelete()
{
    WorkspaceSidebar sidebar(m_controller.get());
    sidebar.resize(300, 500);
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
    sidebar.setCurrentItem({{QStringLiteral("Echo")}, {}});
    QCOMPARE(sidebar.currentItem().directories, QStringList {QStringLiteral("Echo")});
    sidebar.newRequest();
    QTRY_COMPARE(sidebar.currentItem().fileName, QStringLiteral("New request.yaml"));
    QLineEdit *editor = nullptr; // the new item is named right away
    QTRY_VERIFY((editor = sidebar.view()->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
    editor->setText(QStringLiteral("Ping"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(sidebar.currentItem().fileName, QStringLiteral("Ping.yaml"));

    sidebar.duplicateCurrent();
    QTRY_COMPARE(sidebar.currentItem().fileName, QStringLiteral("Ping copy.yaml"));
    sidebar.deleteCurrent();
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("collections/Echo/Ping copy.yaml"))));
    QTRY_COMPARE(sidebar.currentItem().directories, QStringList {QStringLiteral("Echo")});

    QSignalSpy activated(&sidebar, &WorkspaceSidebar::requestActivated);
    const QModelIndex ping = find(sidebar.view()->model(), {QStringLiteral("Echo"), QStringLiteral("Ping")});
    QVERIFY(ping.isValid());
    QTest::mouseClick(sidebar.view()->viewport(), Qt::LeftButton, {}, sidebar.view()->visualRect(ping).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<ItemRef>().fileName, QStringLiteral("Ping.yaml"));

    sidebar.setCurrentItem({{QStringLiteral("Echo")}, {}});
    sidebar.newFolder();
    QTRY_COMPARE(sidebar.currentItem().directories.size(), 2);
    QVERIFY(sidebar.message().isEmpty());
}

void TestWorkspaceTree::sidebarExports_data()
{
    QTest::addColumn<ItemRef>("item");
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QStringList>("names"); // of the requests read back, in order
    QTest::addColumn<QString>("line"); // a line the file holds

    const ItemRef users {{QStringLiteral("Users API")}, {}};
    const ItemRef admin {{QStringLiteral("Users API"), QStringLiteral("Admin")}, {}};
    const ItemRef purge {{QStringLiteral("Users API"), QStringLiteral("Admin")}, QStringLiteral("Purge cache.yaml")};
    const QStringList all {QStringLiteral("List users"), QStringLiteral("Create user"),
        QStringLiteral("Delete user: by id"), QStringLiteral("Report (XML)"), QStringLiteral("Purge cache")};
    QTest::newRow("collection as Postman") << users << ExportFormat::Postman << all
                                           << QStringLiteral("\"name\": \"Users API\",");
    QTest::newRow("folder as Postman") << admin << ExportFormat::Postman
                                       << QStringList {QStringLiteral("Report (XML)"), QStringLiteral("Purge cache")}
                                       << QStringLiteral("\"name\": \"Admin\",");
    // A HAR file has no folders: the folders' headers are written into each request.
    QTest::newRow("folder as HAR") << admin << ExportFormat::Har
                                   << QStringList {QStringLiteral("Report (XML)"), QStringLiteral("Purge cache")}
                                   << QStringLiteral("\"name\": \"X-Admin\",");
    QTest::newRow("request as curl") << purge << ExportFormat::Curl << QStringList {QStringLiteral("Purge cache")}
                                     << QStringLiteral("# Users API/Admin/Purge cache");
}

void TestWorkspaceTree::sidebarExports()
{
    QFETCH(ItemRef, item);
    QFETCH(ExportFormat, format);
    QFETCH(QStringList, names);
    QFETCH(QString, line);

    WorkspaceSidebar sidebar(m_controller.get());
    sidebar.setCurrentItem(item);
    QCOMPARE(sidebar.currentItem(), item);
    QVERIFY(sidebar.exportMenu()->isEnabled());
    const QString path = m_dir->filePath(QStringLiteral("out/export"));
    QCOMPARE(sidebar.exportCurrent(format, path), QString());
    QVERIFY2(sidebar.message().startsWith(names.size() == 1
                     ? QStringLiteral("Exported 1 request to export")
                     : QStringLiteral("Exported %1 requests to export").arg(names.size())),
        qPrintable(sidebar.message()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains(line.toUtf8()), bytes.constData());
    const ImportResult back = FileImport::parse(FileImport::detect(bytes, path), bytes, {});
    QVERIFY2(back.ok(), qPrintable(back.error.message));
    QCOMPARE(back.requestCount(), names.size());
    if (format != ExportFormat::Postman)
        return; // HAR entries and curl commands carry no names
    QStringList read;
    const auto collect = [&read](auto &self, const Folder &folder) -> void {
        for (const Request &request : folder.requests)
            read.append(request.name);
        for (const Folder &child : folder.folders)
            self(self, child);
    };
    collect(collect, back.collection);
    read.sort();
    names.sort();
    QCOMPARE(read, names);
}

void TestWorkspaceTree::sidebarExportSaysWhyNot()
{
    WorkspaceSidebar sidebar(m_controller.get());
    QVERIFY(!sidebar.exportMenu()->isEnabled()); // nothing selected

    // A Postman collection holds folders, not a lone request.
    sidebar.setCurrentItem({{QStringLiteral("Echo")}, QStringLiteral("Get with query.yaml")});
    const QString path = m_dir->filePath(QStringLiteral("request.json"));
    QVERIFY(!sidebar.exportCurrent(ExportFormat::Postman, path).isEmpty());
    QVERIFY(sidebar.message().startsWith(QStringLiteral("Not exported: a Postman collection holds")));
    QVERIFY(!QFileInfo::exists(path));

    // A file that cannot be written leaves what was there.
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("taken")));
    sidebar.setCurrentItem({{QStringLiteral("Echo")}, {}});
    QVERIFY(!sidebar.exportCurrent(ExportFormat::Har, m_dir->filePath(QStringLiteral("taken"))).isEmpty());
    QVERIFY2(sidebar.message().startsWith(QStringLiteral("Not exported: ")), qPrintable(sidebar.message()));
    QVERIFY(QFileInfo(m_dir->filePath(QStringLiteral("taken"))).isDir());
}

void TestWorkspaceTree::sidebarKeepsExpansionAcrossRebuilds()
{
    WorkspaceSidebar sidebar(m_controller.get());
    sidebar.show();
    const QModelIndex users = find(sidebar.view()->model(), {QStringLiteral("Users API")});
    sidebar.view()->expand(users);
    sidebar.view()->expand(sidebar.view()->model()->index(0, 0, users));
    QSignalSpy reset(sidebar.model(), &QAbstractItemModel::modelReset);
    QVERIFY(m_controller->newCollection(QStringLiteral("Another")).ok());
    QTRY_COMPARE(reset.size(), 1);
    const QModelIndex after = find(sidebar.view()->model(), {QStringLiteral("Users API")});
    QVERIFY(sidebar.view()->isExpanded(after));
    QVERIFY(sidebar.view()->isExpanded(find(sidebar.view()->model(), {QStringLiteral("Users API"), QStringLiteral("Admin")})));

    sidebar.filterEdit()->setText(QStringLiteral("report"));
    QCOMPARE(childNames(sidebar.view()->model(), {}), QStringList {QStringLiteral("Users API")});
    QVERIFY(sidebar.view()->isExpanded(find(sidebar.view()->model(), {QStringLiteral("Users API"), QStringLiteral("Admin")})));
}

void TestWorkspaceTree::badges()
{
    const QPalette palette;
    QCOMPARE(MethodBadgeDelegate::badgeText(QStringLiteral("DELETE")), QStringLiteral("DEL"));
    QCOMPARE(MethodBadgeDelegate::badgeText(QStringLiteral("PROPFIND")), QStringLiteral("PROPF"));
    QVERIFY(MethodBadgeDelegate::colorFor(QStringLiteral("GET"), palette)
            != MethodBadgeDelegate::colorFor(QStringLiteral("DELETE"), palette));
    WorkspaceSidebar sidebar(m_controller.get());
    sidebar.view()->expandAll();
    sidebar.resize(260, 400);
    QVERIFY(!sidebar.grab().isNull()); // paints every kind of row
}

QTEST_MAIN(TestWorkspaceTree)
#include "tst_workspacetree.moc"
