// The main window with a workspace: saved requests in tabs, saving, unsaved edits, changes made
// outside Sonde, environments and {{variables}}, captures, the Welcome collection and history.

#include "MainWindow.h"
#include "RequestTab.h"
#include "echo/EchoServer.h"
#include "formats/CurlImport.h"
#include "history/HistoryListModel.h"
#include "history/HistoryPanel.h"
#include "history/HistoryRecorder.h"
#include "history/HistoryStore.h"
#include "http/HttpEngine.h"
#include "request/RequestEditor.h"
#include "response/ResponseSummary.h"
#include "response/ResponseViewer.h"
#include "storage/SecretStore.h"
#include "storage/WorkspaceFormat.h"
#include "storage/WorkspaceStore.h"
#include "workspace/EnvironmentSelector.h"
#include "workspace/QuickOpen.h"
#include "workspace/WorkspaceSidebar.h"
#include "workspace/WorkspaceTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <memory>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

class TestWorkspaceWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void openFromSidebarAndSave();
    void closingModifiedTabAsks_data();
    void closingModifiedTabAsks();
    void saveScratchRequestAs();
    void outsideChangeReloadsCleanTab();
    void outsideChangeWhileModifiedAsks_data();
    void outsideChangeWhileModifiedAsks();
    void outsideDeleteDetachesTab();
    void renameFollowsOpenTab();
    void environmentSwitchResolvesVariables();
    void unresolvedVariablesAreAskedAbout();
    void capturesStoreValues();
    void welcomeCollectionSends();
    void historyRecordsWithoutSecrets();
    void quitWithModifiedTabsAsks();
    void historyPanelReopensAndSaves();
    void autosaveWritesSavedRequests();
    void openAnotherWorkspace();
    void quickOpenFindsRequestsByName();
    void keyboardNavigation();
    void f2RenamesTheCurrentRequest();
    void importCurlAndHarFiles();
    void importOpenApiAndInsomniaFiles();
    void partialImportOnlyWhenAccepted_data();
    void partialImportOnlyWhenAccepted();
    void partialImportDialogOffersTheRequests();
    void dropFileOnWindowImportsIt();
    void pasteCurlAndCopyAsCurl();
    void fileMenuExportsTheSelectedItem();

private:
    ItemRef addRequest(const QString &name, const QString &url);
    RequestTab *sendAndWait(RequestTab *tab, Exchange *exchange);
    QString echoBase() const { return m_echo.baseUrl().toString().chopped(1); }

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    EchoServer m_echo;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileSecretStore> m_secrets;
    std::unique_ptr<WorkspaceController> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_asked;
    QStringList m_askedTexts;
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
    ItemRef m_collection;
};

void TestWorkspaceWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_echo.listen(), qPrintable(m_echo.errorString()));
}

void TestWorkspaceWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString root = m_dir->filePath(QStringLiteral("ws"));
    QCOMPARE(WorkspaceController::create(root, QStringLiteral("Test")), QString());
    m_secrets = std::make_unique<FileSecretStore>(m_dir->filePath(QStringLiteral("secrets.json")));
    m_workspace = std::make_unique<WorkspaceController>(m_secrets.get());
    QCOMPARE(m_workspace->open(root), QString());
    const ItemResult collection = m_workspace->newCollection(QStringLiteral("API"));
    QVERIFY(collection.ok());
    m_collection = collection.item;

    m_window = std::make_unique<MainWindow>(&m_engine, &m_echo);
    m_window->setWorkspace(m_workspace.get());
    m_asked.clear();
    m_answer = QMessageBox::Cancel;
    m_window->setAsk([this](const QString &title, const QString &text, QMessageBox::StandardButtons) {
        m_asked.append(title);
        m_askedTexts.append(text);
        return m_answer;
    });
}

void TestWorkspaceWindow::cleanup()
{
    m_window.reset();
    m_workspace.reset();
    m_secrets.reset();
    m_dir.reset();
}

ItemRef TestWorkspaceWindow::addRequest(const QString &name, const QString &url)
{
    Request request;
    request.name = name;
    request.url = url;
    const ItemResult result = m_workspace->newRequest(m_collection.directories, request);
    return result.ok() ? result.item : ItemRef();
}

RequestTab *TestWorkspaceWindow::sendAndWait(RequestTab *tab, Exchange *exchange)
{
    QSignalSpy finished(tab, &RequestTab::exchangeFinished);
    tab->send();
    if (!finished.wait(10000) && finished.isEmpty())
        return nullptr;
    *exchange = finished.at(0).at(0).value<Exchange>();
    return tab;
}

void TestWorkspaceWindow::openFromSidebarAndSave()
{
    const ItemRef ref = addRequest(QStringLiteral("List"), QStringLiteral("http://127.0.0.1:1/list"));
    QVERIFY(ref.isRequest());

    // Activating the request in the tree opens it; activating it again shows the same tab.
    WorkspaceSidebar *sidebar = m_window->sidebar();
    QVERIFY(sidebar);
    Q_EMIT sidebar->requestActivated(ref);
    RequestTab *tab = m_window->currentRequestTab();
    QVERIFY(tab);
    QCOMPARE(tab->itemRef(), ref);
    QCOMPARE(m_window->tabWidget()->tabText(0), QStringLiteral("List"));
    QVERIFY(!tab->isModified());
    Q_EMIT sidebar->requestActivated(ref);
    QCOMPARE(m_window->tabWidget()->count(), 1);

    // Typing marks the tab; Ctrl+S writes the file and clears the mark.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QLineEdit *url = tab->editor()->urlEdit();
    url->setFocus();
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("?page=2"));
    QVERIFY(tab->isModified());
    QCOMPARE(m_window->tabWidget()->tabText(0), QStringLiteral("List •"));
    QTest::keyClick(url, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!tab->isModified());
    QCOMPARE(m_window->tabWidget()->tabText(0), QStringLiteral("List"));
    const QByteArray onDisk = readFile(m_workspace->pathOf(ref));
    QVERIFY2(onDisk.contains("http://127.0.0.1:1/list?page=2"), onDisk.constData());
    QCOMPARE(m_workspace->request(ref)->url, QStringLiteral("http://127.0.0.1:1/list?page=2"));
    QVERIFY(m_asked.isEmpty());
}

void TestWorkspaceWindow::closingModifiedTabAsks_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<bool>("saved");
    QTest::newRow("cancel keeps the tab") << QMessageBox::Cancel << false << false;
    QTest::newRow("discard closes, file unchanged") << QMessageBox::Discard << true << false;
    QTest::newRow("save closes, file written") << QMessageBox::Save << true << true;
}

void TestWorkspaceWindow::closingModifiedTabAsks()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, closed);
    QFETCH(bool, saved);

    const ItemRef ref = addRequest(QStringLiteral("Edit me"), QStringLiteral("http://127.0.0.1:1/a"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    QVERIFY(tab);
    const QByteArray before = readFile(m_workspace->pathOf(ref));
    tab->editor()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/b"));
    Q_EMIT tab->editor()->urlEdit()->textEdited(tab->editor()->urlEdit()->text());
    QVERIFY(tab->isModified());

    const QPointer<RequestTab> watched(tab);
    m_answer = answer;
    QCOMPARE(m_window->closeTab(m_window->tabWidget()->indexOf(tab)), closed);
    QCOMPARE(m_asked, QStringList {QStringLiteral("Unsaved Changes")});
    if (closed)
        QTRY_VERIFY(watched.isNull());
    else
        QCOMPARE(m_window->currentRequestTab(), tab);
    const QByteArray after = readFile(m_workspace->pathOf(ref));
    QCOMPARE(after != before, saved);
    QCOMPARE(after.contains("http://127.0.0.1:1/b"), saved);

    // An unmodified tab closes without a question.
    m_asked.clear();
    RequestTab *fresh = m_window->newRequestTab();
    QVERIFY(m_window->closeTab(m_window->tabWidget()->indexOf(fresh)));
    QVERIFY(m_asked.isEmpty());
}

void TestWorkspaceWindow::saveScratchRequestAs()
{
    Request request;
    request.method = QStringLiteral("POST");
    request.url = QStringLiteral("http://127.0.0.1:1/items");
    RequestTab *tab = m_window->newRequestTab(request);
    QVERIFY(!tab->itemRef().isValid());
    QVERIFY(m_window->saveTabAs(tab, m_collection.directories, QStringLiteral("Create item")));
    QVERIFY(tab->itemRef().isRequest());
    QCOMPARE(tab->itemRef().directories, m_collection.directories);
    QVERIFY(!tab->isModified());
    QCOMPARE(m_window->tabWidget()->tabText(m_window->tabWidget()->indexOf(tab)), QStringLiteral("Create item"));
    const QByteArray onDisk = readFile(m_workspace->pathOf(tab->itemRef()));
    QVERIFY(onDisk.contains("name: Create item"));
    QVERIFY(onDisk.contains("method: POST"));
    QCOMPARE(m_window->tabFor(tab->itemRef()), tab);
}

void TestWorkspaceWindow::outsideChangeReloadsCleanTab()
{
    const ItemRef ref = addRequest(QStringLiteral("Outside"), QStringLiteral("http://127.0.0.1:1/old"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    Request changed = *m_workspace->request(ref);
    changed.url = QStringLiteral("http://127.0.0.1:1/new");
    QVERIFY(writeFile(m_workspace->pathOf(ref), WorkspaceFormat::requestToYaml(changed)));
    QTRY_COMPARE(tab->editor()->request().url, QStringLiteral("http://127.0.0.1:1/new"));
    QVERIFY(!tab->isModified());
    QVERIFY(m_asked.isEmpty());
}

void TestWorkspaceWindow::outsideChangeWhileModifiedAsks_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<QString>("expectedUrl");
    QTest::newRow("keep my edits") << QMessageBox::Ignore << QStringLiteral("http://127.0.0.1:1/mine");
    QTest::newRow("reload from disk") << QMessageBox::Reset << QStringLiteral("http://127.0.0.1:1/theirs");
}

void TestWorkspaceWindow::outsideChangeWhileModifiedAsks()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(QString, expectedUrl);

    const ItemRef ref = addRequest(QStringLiteral("Contested"), QStringLiteral("http://127.0.0.1:1/base"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    tab->editor()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/mine"));
    Q_EMIT tab->editor()->urlEdit()->textEdited(tab->editor()->urlEdit()->text());
    QVERIFY(tab->isModified());

    m_answer = answer;
    Request theirs = *m_workspace->request(ref);
    theirs.url = QStringLiteral("http://127.0.0.1:1/theirs");
    QVERIFY(writeFile(m_workspace->pathOf(ref), WorkspaceFormat::requestToYaml(theirs)));
    QTRY_COMPARE(m_asked, QStringList {QStringLiteral("Request Changed on Disk")});
    QCOMPARE(tab->editor()->request().url, expectedUrl);
    QCOMPARE(tab->isModified(), answer == QMessageBox::Ignore);
    // Nothing was written over the other program's change.
    QVERIFY(readFile(m_workspace->pathOf(ref)).contains("/theirs"));
}

void TestWorkspaceWindow::outsideDeleteDetachesTab()
{
    const ItemRef ref = addRequest(QStringLiteral("Doomed"), QStringLiteral("http://127.0.0.1:1/d"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    QVERIFY(QFile::remove(m_workspace->pathOf(ref)));
    QTRY_VERIFY(!tab->itemRef().isValid());
    // The request is still there to be saved elsewhere.
    QVERIFY(tab->isModified());
    QCOMPARE(tab->editor()->request().url, QStringLiteral("http://127.0.0.1:1/d"));
}

void TestWorkspaceWindow::renameFollowsOpenTab()
{
    const ItemRef ref = addRequest(QStringLiteral("Before"), QStringLiteral("http://127.0.0.1:1/r"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    const ItemResult renamed = m_workspace->rename(ref, QStringLiteral("After"));
    QVERIFY2(renamed.ok(), qPrintable(renamed.error));
    QCOMPARE(tab->itemRef(), renamed.item);
    QCOMPARE(tab->editor()->request().name, QStringLiteral("After"));
    QCOMPARE(m_window->tabWidget()->tabText(m_window->tabWidget()->indexOf(tab)), QStringLiteral("After"));
    QVERIFY(!tab->isModified());
}

void TestWorkspaceWindow::environmentSwitchResolvesVariables()
{
    Environment dev {QStringLiteral("dev"), {{QStringLiteral("base"), echoBase() + QStringLiteral("/anything/dev")}}};
    Environment prod {QStringLiteral("prod"), {{QStringLiteral("base"), echoBase() + QStringLiteral("/anything/prod")}}};
    QCOMPARE(m_workspace->saveEnvironments({dev, prod}), QString());
    const ItemRef ref = addRequest(QStringLiteral("Where"), QStringLiteral("{{base}}/x"));
    RequestTab *tab = m_window->openSavedRequest(ref);

    EnvironmentSelector *selector = m_window->environmentSelector();
    QVERIFY(selector);
    for (const QString &name : {QStringLiteral("dev"), QStringLiteral("prod")}) {
        const int index = selector->findText(name);
        QVERIFY(index >= 0);
        selector->setCurrentIndex(index);
        Q_EMIT selector->activated(index);
        QCOMPARE(m_workspace->activeEnvironment(), name);
        Exchange exchange;
        QVERIFY(sendAndWait(tab, &exchange));
        QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
        QCOMPARE(exchange.request.url, echoBase() + QStringLiteral("/anything/") + name + QStringLiteral("/x"));
        QVERIFY(exchange.body.bytes().contains(QByteArray("/anything/" + name.toUtf8() + "/x")));
    }
    QVERIFY(m_asked.isEmpty());
}

void TestWorkspaceWindow::unresolvedVariablesAreAskedAbout()
{
    RequestTab *tab = m_window->newRequestTab();
    Request request;
    request.url = echoBase() + QStringLiteral("/anything/{{missing}}");
    tab->editor()->setRequest(request);
    QStringList asked;
    bool sendAnyway = false;
    tab->setUnresolvedPrompt([&](const QStringList &names) {
        asked = names;
        return sendAnyway;
    });
    QSignalSpy declined(tab, &RequestTab::sendDeclined);
    tab->send();
    QCOMPARE(asked, QStringList {QStringLiteral("missing")});
    QCOMPARE(declined.count(), 1);
    QVERIFY(!tab->isInFlight());

    sendAnyway = true;
    Exchange exchange;
    QVERIFY(sendAndWait(tab, &exchange));
    QVERIFY(exchange.body.bytes().contains("{{missing}}") || exchange.body.bytes().contains("%7B%7Bmissing%7D%7D"));
}

void TestWorkspaceWindow::capturesStoreValues()
{
    Environment dev {QStringLiteral("dev"), {{QStringLiteral("method"), QString()}}};
    QCOMPARE(m_workspace->saveEnvironments({dev}), QString());
    m_workspace->setActiveEnvironment(QStringLiteral("dev"));

    Request request;
    request.name = QStringLiteral("Capture");
    request.url = echoBase() + QStringLiteral("/anything?who=sonde");
    request.captures = {{QStringLiteral("method"), ResponseCapture::Source::JsonPath, QStringLiteral("$.method")},
        {QStringLiteral("who"), ResponseCapture::Source::JsonPath, QStringLiteral("$.args.who")},
        {QStringLiteral("nothing"), ResponseCapture::Source::JsonPath, QStringLiteral("$.no.such.thing")}};
    const ItemResult saved = m_workspace->newRequest(m_collection.directories, request);
    QVERIFY(saved.ok());
    RequestTab *tab = m_window->openSavedRequest(saved.item);
    QSignalSpy captured(tab, &RequestTab::valuesCaptured);
    Exchange exchange;
    QVERIFY(sendAndWait(tab, &exchange));
    QCOMPARE(captured.count(), 1);

    // Into the environment's variable of that name (saved), else a runtime value.
    QCOMPARE(m_workspace->activeEnvironmentValue()->variables.value(0).value, QStringLiteral("GET"));
    QVERIFY(readFile(m_workspace->root() + QStringLiteral("/environments/dev.yaml")).contains("GET"));
    const auto runtime = m_workspace->runtimeValues();
    const auto who = std::find_if(runtime.cbegin(), runtime.cend(), [](const Variable &v) { return v.name == u"who"; });
    QVERIFY(who != runtime.cend());
    QCOMPARE(who->value, QStringLiteral("sonde"));
    const auto values = captured.at(0).at(0).value<QList<CapturedValue>>();
    QCOMPARE(values.size(), 3);
    QVERIFY(!values.at(2).error.isEmpty());
}

void TestWorkspaceWindow::welcomeCollectionSends()
{
    QCOMPARE(WorkspaceController::addCollection(m_workspace->root(), QStringLiteral(":/welcome"), QStringLiteral("Welcome")),
        QString());
    m_workspace->reload();
    QVERIFY(m_window->openWelcomeRequests());
    QTabWidget *tabs = m_window->tabWidget();
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(0), QStringLiteral("GET with query"));
    RequestTab *tab = m_window->currentRequestTab();
    QCOMPARE(tab, qobject_cast<RequestTab *>(tabs->widget(0)));
    QVERIFY(tab->itemRef().isRequest());
    QCOMPARE(tab->itemRef().directories, QStringList {QStringLiteral("Welcome")});
    QCOMPARE(tab->editor()->request().url, QStringLiteral("{{echo}}/get?city=Lisbon&units=metric"));

    Exchange exchange;
    QVERIFY(sendAndWait(tab, &exchange));
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QCOMPARE(exchange.request.url, echoBase() + QStringLiteral("/get?city=Lisbon&units=metric"));
    QVERIFY(m_asked.isEmpty());
}

void TestWorkspaceWindow::historyRecordsWithoutSecrets()
{
    const QString database = m_dir->filePath(QStringLiteral("history.sqlite"));
    HistoryRecorder recorder(database);
    MainWindow window(&m_engine, &m_echo);
    window.setWorkspace(m_workspace.get());
    window.setHistoryRecorder(&recorder);

    const QString secret = QStringLiteral("s3cr3t-t0ken-value");
    Environment dev {QStringLiteral("dev"), {{QStringLiteral("token"), secret, true, true}}};
    QCOMPARE(m_workspace->saveEnvironments({dev}), QString());
    m_workspace->setActiveEnvironment(QStringLiteral("dev"));
    Request request;
    request.name = QStringLiteral("Secret call");
    request.url = echoBase() + QStringLiteral("/anything?key={{token}}");
    request.headers = {{QStringLiteral("X-Token"), QStringLiteral("{{token}}"), true}};
    const ItemResult saved = m_workspace->newRequest(m_collection.directories, request);
    QVERIFY(saved.ok());
    RequestTab *tab = window.openSavedRequest(saved.item);
    Exchange exchange;
    QVERIFY(sendAndWait(tab, &exchange));
    QVERIFY(exchange.body.bytes().contains(secret.toUtf8())); // it really was sent
    QCOMPARE(recorder.flush(), QString());

    {
        QString error;
        const auto store = HistoryStore::open(database, &error);
        QVERIFY2(store, qPrintable(error));
        const QList<HistoryEntry> entries = store->search({});
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).workspaceRequest, QStringLiteral("API/Secret call"));
        const auto record = store->record(entries.at(0).id);
        QVERIFY(record);
        QCOMPARE(record->environment, QStringLiteral("dev"));
        QVERIFY(!record->entry.url.contains(secret));
        QVERIFY(!record->responseBody.data.contains(secret.toUtf8()));
    }
    // Not anywhere in the database's files either.
    const QDir folder(m_dir->path());
    for (const QString &file : folder.entryList({QStringLiteral("history.sqlite*")}, QDir::Files))
        QVERIFY2(!readFile(folder.filePath(file)).contains(secret.toUtf8()), qPrintable(file));
}

void TestWorkspaceWindow::quitWithModifiedTabsAsks()
{
    const ItemRef ref = addRequest(QStringLiteral("Unsaved"), QStringLiteral("http://127.0.0.1:1/q"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    tab->editor()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/q2"));
    Q_EMIT tab->editor()->urlEdit()->textEdited(tab->editor()->urlEdit()->text());
    m_window->show();
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_window->close());
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_window->isVisible());
    m_answer = QMessageBox::SaveAll;
    QVERIFY(m_window->close());
    QVERIFY(readFile(m_workspace->pathOf(ref)).contains("/q2"));
}

void TestWorkspaceWindow::historyPanelReopensAndSaves()
{
    const QString database = m_dir->filePath(QStringLiteral("panel.sqlite"));
    HistoryRecorder recorder(database);
    QString error;
    const auto store = HistoryStore::open(database, &error);
    QVERIFY2(store, qPrintable(error));
    MainWindow window(&m_engine, &m_echo);
    window.setWorkspace(m_workspace.get());
    window.setHistoryRecorder(&recorder);
    window.setHistoryStore(store.get());
    HistoryPanel *panel = window.historyPanel();
    QVERIFY(panel && panel->isAvailable());

    Request request;
    request.method = QStringLiteral("PUT");
    request.url = echoBase() + QStringLiteral("/anything/history-restore?x=1");
    request.headers = {{QStringLiteral("X-Trace"), QStringLiteral("abc"), true}};
    request.body.kind = Body::Kind::Raw;
    request.body.contentType = QStringLiteral("application/json");
    request.body.data = QByteArrayLiteral("{\"restore\": true}");
    RequestTab *sent = window.newRequestTab(request);
    Exchange exchange;
    QVERIFY(sendAndWait(sent, &exchange));
    QCOMPARE(recorder.flush(), QString());

    // The panel hears of the new entry and lists it; opening it gives a tab with the request and the
    // stored response.
    QTRY_VERIFY(panel->setCurrentId(store->search({}).value(0).id));
    const int tabsBefore = window.tabWidget()->count();
    QSignalSpy opened(panel, &HistoryPanel::openRequested);
    panel->openCurrent();
    QCOMPARE(opened.count(), 1);
    QCOMPARE(window.tabWidget()->count(), tabsBefore + 1);
    RequestTab *restored = window.currentRequestTab();
    const Request again = restored->editor()->request();
    QCOMPARE(again.method, QStringLiteral("PUT"));
    QCOMPARE(again.url, request.url);
    QCOMPARE(again.headers.value(0).key, QStringLiteral("X-Trace"));
    QCOMPARE(again.body.data, request.body.data);
    QTRY_VERIFY(restored->viewer()->summary()->statusText().startsWith(QStringLiteral("200")));

    // Saving it into a collection without a dialog: the request lands in the workspace.
    QVERIFY(window.saveTabAs(restored, m_collection.directories, QStringLiteral("From history")));
    QVERIFY(readFile(m_workspace->pathOf(restored->itemRef())).contains("history-restore"));
}

void TestWorkspaceWindow::autosaveWritesSavedRequests()
{
    const ItemRef ref = addRequest(QStringLiteral("Auto"), QStringLiteral("http://127.0.0.1:1/v1"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    QAction *autosave = m_window->autosaveAction();
    QVERIFY(autosave && autosave->isCheckable());
    autosave->setChecked(true);
    tab->editor()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/v2"));
    Q_EMIT tab->editor()->urlEdit()->textEdited(tab->editor()->urlEdit()->text());
    QVERIFY(tab->isModified());
    QTRY_VERIFY(!tab->isModified());
    QVERIFY(readFile(m_workspace->pathOf(ref)).contains("/v2"));

    // Scratch requests are not autosaved anywhere: they have no file yet.
    RequestTab *scratch = m_window->newRequestTab();
    scratch->editor()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/scratch"));
    Q_EMIT scratch->editor()->urlEdit()->textEdited(scratch->editor()->urlEdit()->text());
    QTest::qWait(1500);
    QVERIFY(scratch->isModified());
    autosave->setChecked(false);
}

void TestWorkspaceWindow::openAnotherWorkspace()
{
    const ItemRef ref = addRequest(QStringLiteral("Old"), QStringLiteral("http://127.0.0.1:1/old"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    tab->editor()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/edited"));
    Q_EMIT tab->editor()->urlEdit()->textEdited(tab->editor()->urlEdit()->text());

    // A folder without a workspace: asked whether to make one; Cancel changes nothing.
    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_window->openWorkspace(other));
    QCOMPARE(m_workspace->root(), m_dir->filePath(QStringLiteral("ws")));
    QCOMPARE(m_window->currentRequestTab(), tab);

    // Yes makes it; the edited tab asks too (Discard), then everything of the old workspace closes.
    m_asked.clear();
    m_answer = QMessageBox::Yes;
    m_window->setAsk([this](const QString &title, const QString &, QMessageBox::StandardButtons buttons) {
        m_asked.append(title);
        return buttons.testFlag(QMessageBox::Yes) ? QMessageBox::Yes : QMessageBox::Discard;
    });
    QVERIFY(m_window->openWorkspace(other));
    QCOMPARE(m_asked, (QStringList {QStringLiteral("Open Workspace"), QStringLiteral("Unsaved Changes")}));
    QCOMPARE(QDir(m_workspace->root()).canonicalPath(), QDir(other).canonicalPath());
    QVERIFY(WorkspaceStore::isWorkspace(other));
    QCOMPARE(m_window->tabWidget()->count(), 1);
    QVERIFY(!m_window->currentRequestTab()->itemRef().isValid());
    QTRY_COMPARE(m_window->sidebar()->model()->rowCount(), 0);
    // The old file kept what was saved.
    QVERIFY(readFile(m_dir->filePath(QStringLiteral("ws/collections/API/Old.yaml"))).contains("/old"));
}

void TestWorkspaceWindow::quickOpenFindsRequestsByName()
{
    addRequest(QStringLiteral("List users"), QStringLiteral("http://127.0.0.1:1/users"));
    const ItemRef create = addRequest(QStringLiteral("Create user"), QStringLiteral("http://127.0.0.1:1/users"));
    const ItemResult folder = m_workspace->newFolder(m_collection.directories, QStringLiteral("Admin"));
    QVERIFY(folder.ok());
    Request purge;
    purge.name = QStringLiteral("Purge cache");
    purge.method = QStringLiteral("DELETE");
    purge.url = QStringLiteral("http://127.0.0.1:1/cache");
    const ItemResult purged = m_workspace->newRequest(folder.item.directories, purge);
    QVERIFY(purged.ok());

    // The model ranks: subsequences of the name, words matching the folder or the method.
    QuickOpenModel model;
    model.setEntries(quickOpenEntries(m_workspace->workspace()));
    QCOMPARE(model.rowCount(), 3);
    model.setQuery(QStringLiteral("ue"));
    QCOMPARE(model.rowCount(), 3); // a subsequence of every name
    model.setQuery(QStringLiteral("cu"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).name, QStringLiteral("Create user"));
    model.setQuery(QStringLiteral("u"));
    QCOMPARE(model.rowCount(), 3);
    // Word starts rank first: "List users" and "Create user" before "Purge cache".
    QCOMPARE(model.entry(2).name, QStringLiteral("Purge cache"));
    model.setQuery(QStringLiteral("admin"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).ref, purged.item);
    QCOMPARE(model.data(model.index(0), QuickOpenModel::LocationRole).toString(), QStringLiteral("API / Admin"));
    model.setQuery(QStringLiteral("delete"));
    QCOMPARE(model.rowCount(), 1);
    model.setQuery(QStringLiteral("zzz"));
    QCOMPARE(model.rowCount(), 0);

    // Ctrl+P, type, Enter: the request opens in a tab.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    auto *dialog = m_window->findChild<QuickOpenDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->searchField(), QStringLiteral("creat"));
    QCOMPARE(dialog->listView()->currentIndex().row(), 0);
    QTest::keyClick(dialog->searchField(), Qt::Key_Return);
    QTRY_COMPARE(m_window->currentRequestTab()->itemRef(), create);

    // Ctrl+K does the same; arrow keys choose without leaving the search field.
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY((dialog = m_window->findChild<QuickOpenDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->searchField(), QStringLiteral("user"));
    QTest::keyClick(dialog->searchField(), Qt::Key_Down);
    QCOMPARE(dialog->listView()->currentIndex().row(), 1);
    const ItemRef second = dialog->model()->entry(1).ref;
    QTest::keyClick(dialog->searchField(), Qt::Key_Enter);
    QTRY_COMPARE(m_window->currentRequestTab()->itemRef(), second);
}

void TestWorkspaceWindow::keyboardNavigation()
{
    RequestTab *first = m_window->newRequestTab();
    RequestTab *second = m_window->newRequestTab();
    RequestTab *third = m_window->newRequestTab();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTabWidget *tabs = m_window->tabWidget();
    const int count = tabs->count();
    QCOMPARE(tabs->currentWidget(), third);
    // Ctrl+Tab from inside an editor that takes Tab itself.
    third->editor()->urlEdit()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), (tabs->indexOf(third) + 1) % count);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Backtab,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tabs->currentWidget(), third);
    QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), second);

    // Ctrl+L puts the caret in the URL field with its text selectable.
    second->editor()->tabs()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), second->editor()->urlEdit());
    Q_UNUSED(first);

    // Every action with a key shows it in a menu.
    QStringList missing;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty() && action->associatedObjects().isEmpty())
            missing.append(action->text());
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
}

void TestWorkspaceWindow::f2RenamesTheCurrentRequest()
{
    const ItemRef ref = addRequest(QStringLiteral("Old name"), QStringLiteral("http://127.0.0.1:1/x"));
    RequestTab *tab = m_window->openSavedRequest(ref);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    tab->editor()->urlEdit()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    // The request is selected in the sidebar and its name is being edited there.
    auto *tree = m_window->sidebar()->findChild<QTreeView *>();
    QVERIFY(tree);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) && tree->isAncestorOf(editor));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("New name"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(tab->editor()->request().name, QStringLiteral("New name"));
    QVERIFY(QFile::exists(m_workspace->root() + u"/collections/API/New name.yaml"));

    // A scratch request has no name yet: F2 asks where to save it.
    RequestTab *scratch = m_window->newRequestTab();
    scratch->editor()->urlEdit()->setFocus();
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            asked = true;
            dialog->close();
        }
    });
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QTRY_VERIFY(asked);
}

void TestWorkspaceWindow::importCurlAndHarFiles()
{
    const QString curl = m_dir->filePath(QStringLiteral("create-user.sh"));
    QVERIFY(writeFile(curl, "curl -X POST 'https://api.test/users?x=1' \\\n  -H 'Content-Type: application/json' \\\n"
                            "  --data-raw '{\"name\":\"Ada\"}'\n"));
    QCOMPARE(m_window->importFile(curl), QStringLiteral("create-user"));
    const Folder *imported = m_workspace->folder({QStringLiteral("create-user")});
    QVERIFY(imported);
    QCOMPARE(imported->requests.size(), 1);
    QCOMPARE(imported->requests.first().method, QStringLiteral("POST"));
    QCOMPARE(imported->requests.first().body.data, QByteArray("{\"name\":\"Ada\"}"));

    const QString har = m_dir->filePath(QStringLiteral("capture.har"));
    const QByteArray harText = "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"test\",\"version\":\"1\"},\"entries\":[{\"startedDateTime\":\"2026-11-24T10:00:00.000Z\",\"time\":5,\"request\":{\"method\":\"GET\",\"url\":\"https://api.test/a?q=1\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[],\"queryString\":[{\"name\":\"q\",\"value\":\"1\"}],\"cookies\":[],\"headersSize\":-1,\"bodySize\":0},\"response\":{\"status\":200,\"statusText\":\"OK\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[],\"cookies\":[],\"content\":{\"size\":2,\"mimeType\":\"text/plain\",\"text\":\"ok\"},\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":2},\"cache\":{},\"timings\":{\"send\":1,\"wait\":3,\"receive\":1}}]}}";
    QVERIFY(writeFile(har, harText));
    QCOMPARE(m_window->importFile(har), QStringLiteral("capture"));
    QVERIFY(m_workspace->folder({QStringLiteral("capture")}));
    QCOMPARE(m_workspace->folder({QStringLiteral("capture")})->requests.size(), 1);

    // Not an importable file: said in words, nothing written.
    const QString other = m_dir->filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(other, "just some notes\n"));
    m_asked.clear();
    m_answer = QMessageBox::Ok;
    QCOMPARE(m_window->importFile(other), QString());
    QCOMPARE(m_asked, QStringList {QStringLiteral("Import")});
    QVERIFY(!m_workspace->folder({QStringLiteral("notes")}));
}

void TestWorkspaceWindow::importOpenApiAndInsomniaFiles()
{
    // An OpenAPI document in YAML with a $ref into a file beside it.
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("pet.yaml")),
        "type: object\nproperties: {name: {type: string, example: Rex}}\n"));
    const QString spec = m_dir->filePath(QStringLiteral("petstore.yml"));
    QVERIFY(writeFile(spec,
        "openapi: 3.0.0\ninfo: {title: Pet Store, version: '1'}\nservers: [{url: 'https://pets.test'}]\n"
        "paths:\n  /pets:\n    post:\n      tags: [pets]\n      summary: Add a pet\n"
        "      requestBody: {content: {application/json: {schema: {$ref: 'pet.yaml'}}}}\n"));
    QCOMPARE(m_window->importFile(spec), QStringLiteral("Pet Store"));
    const Folder *pets = m_workspace->folder({QStringLiteral("Pet Store"), QStringLiteral("pets")});
    QVERIFY(pets);
    QCOMPARE(pets->requests.size(), 1);
    QCOMPARE(pets->requests.first().url, QStringLiteral("{{baseUrl}}/pets"));
    QCOMPARE(pets->requests.first().body.data, QByteArray("{\n    \"name\": \"Rex\"\n}"));

    // An Insomnia export with a sub environment: the environment is added to the workspace.
    const QString insomnia = m_dir->filePath(QStringLiteral("team.json"));
    const QByteArray export4
        = "{\"_type\": \"export\", \"__export_format\": 4, \"resources\": ["
          "{\"_id\": \"wrk_1\", \"_type\": \"workspace\", \"name\": \"Team\"},"
          "{\"_id\": \"env_1\", \"_type\": \"environment\", \"parentId\": \"wrk_1\", \"name\": \"Base\", "
          "\"data\": {}},"
          "{\"_id\": \"env_2\", \"_type\": \"environment\", \"parentId\": \"env_1\", \"name\": \"Staging\","
          " \"data\": {\"host\": \"s.test\"}},"
          "{\"_id\": \"req_1\", \"_type\": \"request\", \"parentId\": \"wrk_1\", \"name\": \"Ping\","
          " \"method\": \"GET\", \"url\": \"https://{{ _.host }}/ping\"}]}";
    QVERIFY(writeFile(insomnia, export4));
    QCOMPARE(m_window->importFile(insomnia), QStringLiteral("Team"));
    QCOMPARE(m_workspace->folder({QStringLiteral("Team")})->requests.first().url,
        QStringLiteral("https://{{host}}/ping"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Environments added: Staging.")));

    // A document that breaks its format: the message names the place, nothing is written.
    const QString broken = m_dir->filePath(QStringLiteral("broken.yaml"));
    QVERIFY(writeFile(broken, "openapi: 3.0.0\ninfo: {title: B}\npaths: {}\n"));
    m_asked.clear();
    m_answer = QMessageBox::Ok;
    QCOMPARE(m_window->importFile(broken), QString());
    QCOMPARE(m_asked, QStringList {QStringLiteral("Import")});
    QVERIFY(m_askedTexts.constLast().contains(QStringLiteral("info.version: missing")));
    QVERIFY(!m_workspace->folder({QStringLiteral("B")}));
}

namespace {

/// A HAR of three entries whose second has no URL: two requests can be read.
const QByteArray HarWithABadEntry
    = R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://api.test/a"}}, {"request": {"method": "GET"}}, {"request": {"method": "POST", "url": "https://api.test/c"}}]}})";

} // namespace

void TestWorkspaceWindow::partialImportOnlyWhenAccepted_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("written");
    QTest::newRow("accepted") << int(QMessageBox::Yes) << true;
    QTest::newRow("cancelled") << int(QMessageBox::Cancel) << false;
}

void TestWorkspaceWindow::partialImportOnlyWhenAccepted()
{
    QFETCH(int, answer);
    QFETCH(bool, written);
    const QString har = m_dir->filePath(QStringLiteral("capture.har"));
    QVERIFY(writeFile(har, HarWithABadEntry));
    const QStringList before
        = QDir(m_workspace->root() + u"/collections"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries);
    m_asked.clear();
    m_askedTexts.clear();
    m_answer = QMessageBox::StandardButton(answer);
    QCOMPARE(m_window->importFile(har), written ? QStringLiteral("capture") : QString());
    // Asked once, naming the place of the problem and how many requests were read.
    QCOMPARE(m_asked, QStringList {QStringLiteral("Import")});
    QVERIFY2(m_askedTexts.constFirst().contains(u"log.entries[1].request.url: missing"_s),
        qPrintable(m_askedTexts.constFirst()));
    QVERIFY2(m_askedTexts.constFirst().contains(u"2 requests around the problem were read"_s),
        qPrintable(m_askedTexts.constFirst()));
    if (written) {
        const Folder *imported = m_workspace->folder({QStringLiteral("capture")});
        QVERIFY(imported);
        QCOMPARE(imported->requests.size(), 2);
        QCOMPARE(imported->requests.at(1).url, QStringLiteral("https://api.test/c"));
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"log.entries[1].request.url: missing"_s));
    } else {
        QVERIFY(!m_workspace->folder({QStringLiteral("capture")}));
        QCOMPARE(
            QDir(m_workspace->root() + u"/collections"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
            before);
    }
}

void TestWorkspaceWindow::partialImportDialogOffersTheRequests()
{
    // The real question, not the test's: its Yes button says what it imports.
    m_window->setAsk({});
    const QString har = m_dir->filePath(QStringLiteral("dialog.har"));
    QVERIFY(writeFile(har, HarWithABadEntry));
    QString buttonText;
    bool cancelIsDefault = false;
    const auto answer = [&](QMessageBox::StandardButton which) {
        QTimer::singleShot(0, this, [&, which] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            buttonText = box->button(QMessageBox::Yes)->text();
            cancelIsDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
            box->button(which)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QCOMPARE(m_window->importFile(har), QString());
    QCOMPARE(buttonText, QStringLiteral("Import the 2 requests that were read"));
    QVERIFY(cancelIsDefault);
    QVERIFY(!m_workspace->folder({QStringLiteral("dialog")}));

    buttonText.clear();
    answer(QMessageBox::Yes);
    QCOMPARE(m_window->importFile(har), QStringLiteral("dialog"));
    QCOMPARE(buttonText, QStringLiteral("Import the 2 requests that were read"));
    QCOMPARE(m_workspace->folder({QStringLiteral("dialog")})->requests.size(), 2);
}

void TestWorkspaceWindow::dropFileOnWindowImportsIt()
{
    const QString spec = m_dir->filePath(QStringLiteral("dropped.json"));
    const QByteArray swagger
        = R"({"swagger": "2.0", "info": {"title": "Dropped", "version": "1"}, "host": "d.test",)"
          R"( "paths": {"/a": {"get": {}}, "/b": {"delete": {}}}})";
    QVERIFY(writeFile(spec, swagger));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(spec)});
    const QPoint centre = m_window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(m_workspace->folder({QStringLiteral("Dropped")}));
    QCOMPARE(m_workspace->folder({QStringLiteral("Dropped")})->requests.size(), 2);

    // Text is not a file: the window does not take it.
    QMimeData text;
    text.setText(QStringLiteral("curl https://x.test/"));
    QDragEnterEvent refused(centre, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestWorkspaceWindow::pasteCurlAndCopyAsCurl()
{
    RequestTab *tab = m_window->newRequestTab();
    RequestEditor *editor = tab->editor();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    editor->urlEdit()->setFocus();
    // A paste is one edit of many characters.
    editor->urlEdit()->insert(QStringLiteral("curl -X PUT https://api.test/items/7 -H 'X-Trace: on' -d 'a=1&b=2' -k"));
    const Request pasted = editor->request();
    QCOMPARE(pasted.method, QStringLiteral("PUT"));
    QCOMPARE(editor->urlEdit()->text(), QStringLiteral("https://api.test/items/7"));
    QVERIFY(pasted.headers.contains(KeyValue {QStringLiteral("X-Trace"), QStringLiteral("on")}));
    QVERIFY(pasted.settings.ignoreTlsErrors);
    QVERIFY(editor->urlNotice()->isVisible());

    // Typing "curl …" by hand is a URL being typed, not an import.
    editor->urlEdit()->clear();
    QTest::keyClicks(editor->urlEdit(), QStringLiteral("curl h"));
    QCOMPARE(editor->urlEdit()->text(), QStringLiteral("curl h"));

    // Copy as cURL gives a command that reads back as the same request.
    Request request;
    request.method = QStringLiteral("PATCH");
    request.url = QStringLiteral("https://api.test/users/{{id}}?v=2");
    request.params = {{QStringLiteral("v"), QStringLiteral("2")}};
    request.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json")}};
    request.body = {Body::Kind::Raw, QStringLiteral("application/json"), "{\"a\": 1}"};
    editor->setRequest(request);
    m_window->copyAsCurl();
    const QString command = QApplication::clipboard()->text();
    QVERIFY2(command.startsWith(u"curl "), qPrintable(command));
    const ImportResult back = CurlImport::parse(command);
    QVERIFY2(back.ok(), qPrintable(back.error.toString()));
    QCOMPARE(back.collection.requests.first().method, request.method);
    QCOMPARE(back.collection.requests.first().url, request.url);
    QCOMPARE(back.collection.requests.first().body.data, request.body.data);
}

void TestWorkspaceWindow::fileMenuExportsTheSelectedItem()
{
    const ItemRef ref = addRequest(QStringLiteral("List"), QStringLiteral("http://127.0.0.1:1/list"));
    WorkspaceSidebar *sidebar = m_window->sidebar();
    QMenu *file = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text().remove(u'&') == QStringLiteral("File"))
            file = menu->menu();
    }
    QVERIFY(file);
    // File ▸ Export is the tree's Export menu, right after Import….
    const QList<QAction *> actions = file->actions();
    const qsizetype exportAt = actions.indexOf(sidebar->exportMenu()->menuAction());
    QVERIFY(exportAt > 0);
    QCOMPARE(actions.at(exportAt - 1)->text().remove(u'&'), QStringLiteral("Import…"));

    // Opening a saved request selects it in the tree, which is what Export writes.
    Q_EMIT sidebar->requestActivated(ref);
    QTRY_COMPARE(sidebar->currentItem(), ref);
    QVERIFY(sidebar->exportMenu()->isEnabled());
    const QString path = m_dir->filePath(QStringLiteral("list.sh"));
    QCOMPARE(sidebar->exportCurrent(ExportFormat::Curl, path), QString());
    const QByteArray script = readFile(path);
    QVERIFY2(script.startsWith("# API/List\ncurl "), script.constData());
    QVERIFY2(script.contains("http://127.0.0.1:1/list"), script.constData());
}

QTEST_MAIN(TestWorkspaceWindow)
#include "tst_workspacewindow.moc"
