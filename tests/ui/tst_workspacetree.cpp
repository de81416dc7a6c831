#include "CopyTree.h"
#include "workspace/MethodBadgeDelegate.h"
#include "workspace/WorkspaceController.h"
#include "workspace/WorkspaceSidebar.h"
#include "workspace/WorkspaceTreeModel.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QLineEdit>
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
