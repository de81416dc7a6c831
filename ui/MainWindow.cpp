#include "MainWindow.h"

#include "RequestTab.h"
#include "WelcomeRequests.h"
#include "auth/DesktopBrowserLauncher.h"
#include "auth/JwtInspectorDialog.h"
#include "auth/TokenCache.h"
#include "auth/TokenSource.h"
#include "cookies/CookieManagerDialog.h"
#include "echo/EchoServer.h"
#include "history/HistoryPanel.h"
#include "history/HistoryRecord.h"
#include "history/HistoryRecorder.h"
#include "history/HistorySettings.h"
#include "http/CookieJar.h"
#include "http/HttpEngine.h"
#include "request/AuthEditor.h"
#include "request/RequestEditor.h"
#include "response/ResponseViewer.h"
#include "settings/AppSettingsController.h"
#include "settings/AppSettingsDialog.h"
#include "storage/SecretStore.h"
#include "storage/WorkspaceStore.h"
#include "storage/WorkspaceWatcher.h"
#include "workspace/EnvironmentEditor.h"
#include "workspace/EnvironmentSelector.h"
#include "workspace/FolderSettingsDialog.h"
#include "workspace/SaveRequestDialog.h"
#include "workspace/WorkspaceSidebar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace Sonde {

namespace {

const QString AutosaveKey = QStringLiteral("editor/autosave");
const QString WorkspaceKey = QStringLiteral("workspace/path");
const QString FileSecretsKey = QStringLiteral("secrets/useFile");
constexpr int AutosaveDelayMs = 1000;
constexpr int MessageMs = 8000;
constexpr int SidePanelWidth = 300;
const QString WelcomeCollection = QStringLiteral("Welcome");

} // namespace

MainWindow::MainWindow(HttpEngine *engine, EchoServer *echo, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_tokenCache(new TokenCache(nullptr, this))
    , m_tokenSource(new TokenSource(engine ? engine->network() : nullptr, m_tokenCache, this))
    , m_systemBrowser(std::make_unique<DesktopBrowserLauncher>())
    , m_browser(m_systemBrowser.get())
    , m_echo(echo)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_side(new QTabWidget(m_splitter))
    , m_tabs(new QTabWidget(m_splitter))
    , m_echoStatus(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Sonde"));
    resize(1200, 800);
    setAcceptDrops(true); // files dropped on the window are imported

    m_side->setDocumentMode(true);
    m_side->hide(); // until there is something to show in it
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->tabBar()->setExpanding(false);
    m_tabs->tabBar()->setElideMode(Qt::ElideRight);
    auto *newTabButton = new QToolButton(m_tabs);
    newTabButton->setText(QStringLiteral("+"));
    newTabButton->setToolTip(tr("New Request (Ctrl+T)"));
    newTabButton->setAutoRaise(true);
    m_tabs->setCornerWidget(newTabButton, Qt::TopRightCorner);
    m_splitter->addWidget(m_side);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_echoStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_echoStatus);

    createMenus();

    connect(newTabButton, &QToolButton::clicked, this, [this] { newRequestTab(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);

    updateEchoStatus();
    updateRequestActions();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    QAction *newTab = file->addAction(tr("&New Request"), this, [this] { newRequestTab(); });
    newTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_saveAction = file->addAction(tr("&Save"), this, [this] { saveTab(currentRequestTab()); });
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAsAction = file->addAction(tr("Save &As…"), this, [this] { saveTab(currentRequestTab(), true); });
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_openWorkspaceAction = file->addAction(tr("&Open Workspace…"), this, [this] {
        const QString root = QFileDialog::getExistingDirectory(this, tr("Open Workspace"),
            m_workspace && m_workspace->isOpen() ? QFileInfo(m_workspace->root()).absolutePath()
                                                 : QDir::homePath());
        if (!root.isEmpty())
            openWorkspace(root);
    });
    m_openWorkspaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openWorkspaceAction->setEnabled(false); // until there is a workspace controller
    file->addSeparator();
    m_autosaveAction = file->addAction(tr("Save A&utomatically"));
    m_autosaveAction->setCheckable(true);
    m_autosaveAction->setToolTip(tr("Save edits to saved requests a second after typing stops"));
    m_autosaveAction->setChecked(settings().value(AutosaveKey, false).toBool());
    connect(
        m_autosaveAction, &QAction::toggled, this, [this](bool on) { settings().setValue(AutosaveKey, on); });
    QAction *closeTabAction
        = file->addAction(tr("&Close Tab"), this, [this] { closeTab(m_tabs->currentIndex()); });
    closeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    file->addSeparator();
    m_settingsAction = file->addAction(tr("Se&ttings…"), this, &MainWindow::showSettings);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setEnabled(false); // until the application hands its settings over
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    // The keys belong to each tab's RequestEditor; the menu only shows them (text after a tab), so
    // that one key press never matches two actions.
    QMenu *request = menuBar()->addMenu(tr("&Request"));
    m_sendAction = request->addAction(
        tr("&Send") + u'\t' + QKeySequence(Qt::CTRL | Qt::Key_Enter).toString(QKeySequence::NativeText), this,
        &MainWindow::sendCurrentRequest);
    m_cancelAction = request->addAction(
        tr("&Cancel") + u'\t' + QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText), this,
        &MainWindow::cancelCurrentRequest);
    createNavigationActions(file, request);
    createImportActions(file, request);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu = tools;
    QAction *cookies = tools->addAction(tr("&Cookies…"), this, [this] {
        auto *dialog = new CookieManagerDialog(m_engine->cookieJar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    cookies->setEnabled(m_engine && m_engine->cookieJar());
    tools->addAction(tr("&JWT Inspector…"), this, [this] { showJwtInspector(); });
    tools->addSeparator();
    m_echoAction = tools->addAction(tr("Built-in &Echo Server"));
    m_echoAction->setCheckable(true);
    m_echoAction->setToolTip(tr("An HTTP server on 127.0.0.1 that answers with what it received"));
    m_echoAction->setEnabled(m_echo != nullptr);
    m_echoAction->setChecked(m_echo && m_echo->isListening());
    connect(m_echoAction, &QAction::toggled, this, &MainWindow::setEchoServerRunning);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Sonde"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::setWorkspace(WorkspaceController *workspace)
{
    Q_ASSERT(!m_workspace);
    m_workspace = workspace;
    updateTokenStore();

    m_sidebar = new WorkspaceSidebar(workspace, m_side);
    m_side->insertTab(0, m_sidebar, tr("Collections"));
    m_side->setCurrentIndex(0);
    m_side->show();

    m_toolBar = addToolBar(tr("Environment"));
    m_toolBar->setObjectName(QStringLiteral("environmentToolBar"));
    m_toolBar->setMovable(false);
    auto *label = new QLabel(tr("Environment:"), m_toolBar);
    label->setContentsMargins(6, 0, 6, 0);
    m_toolBar->addWidget(label);
    m_environments = new EnvironmentSelector(workspace, m_toolBar);
    m_environments->setMinimumContentsLength(16);
    m_toolBar->addWidget(m_environments);
    connect(m_environments, &EnvironmentSelector::manageRequested, this, &MainWindow::showEnvironmentEditor);

    auto *environmentMenu = new QMenu(tr("&Environment"), this);
    menuBar()->insertMenu(menuBar()->actions().value(2), environmentMenu); // after File and Request
    QAction *manage
        = environmentMenu->addAction(tr("&Manage Environments…"), this, &MainWindow::showEnvironmentEditor);
    manage->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    environmentMenu->addAction(tr("&Global Variables…"), this, [this] { showFolderSettings({}); });

    // File ▸ Export, after Import…: it acts on what is selected in the tree.
    QMenu *exportMenu = m_sidebar->exportMenu();
    exportMenu->menuAction()->setToolTip(tr("The collection, folder or request selected in the Collections tree"));
    m_fileMenu->insertMenu(m_fileMenu->actions().value(m_fileMenu->actions().indexOf(m_importAction) + 1), exportMenu);
    connect(exportMenu, &QMenu::aboutToShow, this, [this] { m_side->setCurrentWidget(m_sidebar); });

    connect(m_sidebar, &WorkspaceSidebar::requestActivated, this, &MainWindow::openSavedRequest);
    connect(m_sidebar, &WorkspaceSidebar::folderSettingsRequested, this, &MainWindow::showFolderSettings);
    connect(workspace, &WorkspaceController::itemMoved, this, &MainWindow::onItemMoved);
    connect(workspace, &WorkspaceController::itemRemoved, this, &MainWindow::onItemRemoved);
    connect(workspace, &WorkspaceController::requestChangedOnDisk, this, &MainWindow::onRequestChangedOnDisk);
    connect(workspace, &WorkspaceController::secretStoreFailed, this, &MainWindow::onSecretStoreFailed);
    connect(workspace, &WorkspaceController::writeFailed, this,
        [this](const QString &error) { statusBar()->showMessage(error, MessageMs); });
    const auto refreshVariables = [this] {
        for (RequestTab *tab : requestTabs())
            tab->refreshVariables();
    };
    connect(workspace, &WorkspaceController::activeEnvironmentChanged, this, refreshVariables);
    connect(workspace, &WorkspaceController::environmentsChanged, this, refreshVariables);
    connect(workspace, &WorkspaceController::variablesChanged, this, refreshVariables);
    connect(workspace, &WorkspaceController::treeChanged, this, refreshVariables);

    updateEchoStatus(); // {{echo}}
    m_openWorkspaceAction->setEnabled(true);
    if (workspace->isOpen()) {
        setWindowTitle(tr("%1 — Sonde").arg(workspace->workspace().name));
        showWorkspaceProblems();
    }
}

bool MainWindow::openWorkspace(const QString &root)
{
    if (!m_workspace)
        return false;
    if (!WorkspaceStore::isWorkspace(root)) {
        const QMessageBox::StandardButton answer = ask(tr("Open Workspace"),
            tr("%1 holds no Sonde workspace. Make one there?").arg(QDir::toNativeSeparators(root)),
            QMessageBox::Yes | QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
        if (const QString error = WorkspaceController::create(root, QFileInfo(root).fileName());
            !error.isEmpty()) {
            statusBar()->showMessage(tr("No workspace was made: %1").arg(error), MessageMs);
            return false;
        }
    }
    // The tabs belong to the workspace being closed.
    while (!requestTabs().isEmpty()) {
        RequestTab *tab = requestTabs().constLast();
        if (tab->isModified() && !closeTab(m_tabs->indexOf(tab)))
            return false;
        if (m_tabs->indexOf(tab) >= 0) {
            m_tabs->removeTab(m_tabs->indexOf(tab));
            tab->deleteLater();
        }
    }
    updateWatchedFiles();
    if (CookieJar *jar = m_engine->cookieJar()) {
        QString error;
        if (!jar->save(&error))
            statusBar()->showMessage(tr("The cookies could not be saved: %1").arg(error), MessageMs);
        jar->setFilePath(CookieJar::pathForWorkspace(root));
        if (!jar->load(&error))
            statusBar()->showMessage(tr("The cookies could not be read: %1").arg(error), MessageMs);
    }
    const QString error = m_workspace->open(root);
    updateTokenStore();
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("The workspace could not be opened: %1").arg(error), MessageMs);
        newRequestTab();
        return false;
    }
    settings().setValue(WorkspaceKey, m_workspace->root());
    setWindowTitle(tr("%1 — Sonde").arg(m_workspace->workspace().name));
    showWorkspaceProblems();
    newRequestTab();
    return true;
}

void MainWindow::setHistoryRecorder(HistoryRecorder *history)
{
    m_history = history;
}

void MainWindow::setHistoryStore(HistoryStore *store, const QString &unavailableReason)
{
    Q_ASSERT(!m_historyPanel);
    m_historyPanel = new HistoryPanel(store, m_history, unavailableReason, m_side);
    m_side->addTab(m_historyPanel, tr("History"));
    m_side->show();
    connect(m_historyPanel, &HistoryPanel::openRequested, this, &MainWindow::openHistoryRecord);
    connect(m_historyPanel, &HistoryPanel::saveToCollectionRequested, this,
        [this](const HistoryRecord &record) { saveRequestToCollection(record.toRequest()); });
    auto *showHistory = new QAction(tr("Search &History"), this);
    showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(showHistory, &QAction::triggered, this, [this] {
        m_side->setCurrentWidget(m_historyPanel);
        m_historyPanel->focusSearch();
    });
    addAction(showHistory);
    if (m_history && m_toolsMenu) {
        m_toolsMenu->addSeparator();
        m_toolsMenu->addAction(tr("&History Settings…"), this, &MainWindow::showHistorySettings);
    }
    if (QMenu *file = menuBar()->actions().value(0) ? menuBar()->actions().value(0)->menu() : nullptr)
        file->insertAction(file->actions().value(file->actions().size() - 2), showHistory);
}

void MainWindow::showHistorySettings()
{
    QSettings &settings = this->settings();
    HistorySettingsDialog dialog(HistorySettings::load(settings), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HistorySettings chosen = dialog.settings();
    chosen.save(settings);
    m_history->setOptions(chosen.record);
    m_history->applyRetention(chosen.keepDays, chosen.maxBytes());
}

RequestTab *MainWindow::openHistoryRecord(const HistoryRecord &record)
{
    RequestTab *tab = newRequestTab(record.toRequest());
    tab->viewer()->showExchange(record.toExchange());
    if (record.responseBody.truncated)
        statusBar()->showMessage(tr("History kept the first %1 of this %2 response body.")
                                     .arg(QLocale().formattedDataSize(record.responseBody.data.size()),
                                         QLocale().formattedDataSize(record.responseBody.size)),
            MessageMs);
    return tab;
}

bool MainWindow::saveRequestToCollection(const Request &request)
{
    if (!m_workspace || !m_workspace->isOpen()) {
        statusBar()->showMessage(
            tr("No workspace is open: there is nowhere to save the request."), MessageMs);
        return false;
    }
    QString suggested = request.name;
    if (suggested.isEmpty()) {
        const QUrl url(request.url);
        suggested = request.method + u' ' + (url.path().isEmpty() ? url.host() : url.path());
    }
    const std::optional<ItemRef> saved = askAndSaveNew(request, suggested, {});
    if (!saved)
        return false;
    openSavedRequest(*saved);
    return true;
}

void MainWindow::showWorkspaceProblems()
{
    const FormatProblems problems = m_workspace->problems();
    if (problems.isEmpty())
        return;
    QStringList lines;
    for (const FormatProblem &problem : problems)
        lines.append(problem.toString());
    statusBar()->showMessage(
        tr("%n file(s) could not be read and were skipped: %1", nullptr, int(problems.size()))
            .arg(lines.constFirst()));
    statusBar()->setToolTip(lines.join(u'\n'));
}

OAuthServices MainWindow::oauthServices() const
{
    return {m_engine ? m_engine->network() : nullptr, m_tokenSource, m_browser};
}

void MainWindow::setBrowserLauncher(BrowserLauncher *launcher)
{
    m_browser = launcher;
    for (RequestTab *tab : requestTabs())
        tab->setOAuthServices(oauthServices());
}

void MainWindow::updateTokenStore()
{
    if (m_workspace && m_workspace->isOpen())
        m_tokenCache->setSecretStore(m_workspace->secretStore(), m_workspace->root());
    else
        m_tokenCache->setSecretStore(nullptr, QString());
}

void MainWindow::showJwtInspector(const QString &token)
{
    auto *dialog = new JwtInspectorDialog(m_engine ? m_engine->network() : nullptr, this);
    dialog->setObjectName(QStringLiteral("jwtInspector"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setToken(token);
    dialog->show();
}

RequestTab *MainWindow::addTab(RequestTab *tab)
{
    applyTabSettings(tab);
    tab->setOAuthServices(oauthServices());
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setTabToolTip(index, tab->editor()->request().url);
    connect(tab, &RequestTab::titleChanged, this, [this, tab] {
        updateTabTitle(tab);
        scheduleAutosave(tab);
    });
    connect(tab, &RequestTab::inFlightChanged, this, [this](bool inFlight) {
        if (inFlight) // the welcome hint has done its job
            statusBar()->clearMessage();
        updateRequestActions();
    });
    connect(tab, &RequestTab::modifiedChanged, this, &MainWindow::updateRequestActions);
    connect(tab, &RequestTab::valuesCaptured, this, &MainWindow::onValuesCaptured);
    connect(tab, &RequestTab::sendDeclined, this, [this](const QStringList &names) {
        statusBar()->showMessage(
            tr("Not sent: no value for %1").arg(names.join(QStringLiteral(", "))), MessageMs);
    });
    m_tabs->setCurrentIndex(index);
    tab->editor()->focusUrl();
    updateWatchedFiles();
    return tab;
}

RequestTab *MainWindow::newRequestTab(const Request &request)
{
    auto *tab = new RequestTab(m_engine, m_workspace, m_history, m_tabs);
    Request shown = request;
    // A blank request starts with the time limit chosen in the settings.
    if (m_appSettings && request == Request())
        shown.settings.timeoutMs = m_appSettings->settings().defaultTimeoutMs;
    tab->editor()->setRequest(shown);
    return addTab(tab);
}

QSettings &MainWindow::settings()
{
    if (m_appSettings)
        return *m_appSettings->store();
    if (!m_ownSettings)
        m_ownSettings = new QSettings(this);
    return *m_ownSettings;
}

void MainWindow::setAppSettings(AppSettingsController *settings)
{
    m_appSettings = settings;
    m_settingsAction->setEnabled(true);
    {
        const QSignalBlocker blocker(m_autosaveAction);
        m_autosaveAction->setChecked(this->settings().value(AutosaveKey, false).toBool());
    }
    connect(settings, &AppSettingsController::applied, this, [this] {
        for (RequestTab *tab : requestTabs())
            applyTabSettings(tab);
    });
    connect(settings, &AppSettingsController::problem, this,
        [this](const QString &message) { statusBar()->showMessage(message, MessageMs); });
    for (RequestTab *tab : requestTabs())
        applyTabSettings(tab);
}

void MainWindow::applyTabSettings(RequestTab *tab)
{
    if (m_appSettings)
        tab->editor()->setSendShortcutEnabled(m_appSettings->settings().sendOnCtrlEnter);
}

void MainWindow::showSettings()
{
    if (!m_appSettings)
        return;
    AppSettingsDialog dialog(m_appSettings->settings(), m_appSettings->proxyPassword(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_appSettings->change(dialog.settings(), dialog.proxyPassword());
}

RequestTab *MainWindow::openSavedRequest(const ItemRef &ref)
{
    if (!m_workspace)
        return nullptr;
    if (RequestTab *open = tabFor(ref)) {
        m_tabs->setCurrentWidget(open);
        return open;
    }
    const Request *request = m_workspace->request(ref);
    if (!request)
        return nullptr;
    auto *tab = new RequestTab(m_engine, m_workspace, m_history, m_tabs);
    tab->setSavedRequest(ref, *request);
    return addTab(tab);
}

RequestTab *MainWindow::tabFor(const ItemRef &ref) const
{
    for (RequestTab *tab : requestTabs()) {
        if (tab->itemRef().isValid() && tab->itemRef() == ref)
            return tab;
    }
    return nullptr;
}

QList<RequestTab *> MainWindow::requestTabs() const
{
    QList<RequestTab *> tabs;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *tab = qobject_cast<RequestTab *>(m_tabs->widget(i)))
            tabs.append(tab);
    }
    return tabs;
}

bool MainWindow::openWelcomeRequests()
{
    if (!m_echo || !m_echo->isListening())
        return false;
    QList<RequestTab *> opened;
    if (m_workspace && m_workspace->isOpen()) {
        for (const Folder &collection : m_workspace->workspace().collections) {
            if (collection.name != WelcomeCollection)
                continue;
            for (const Request &request : collection.requests) {
                if (RequestTab *tab = openSavedRequest({{collection.directoryName}, request.fileName}))
                    opened.append(tab);
            }
            if (m_sidebar && !opened.isEmpty())
                m_sidebar->setCurrentItem(opened.constFirst()->itemRef());
            break;
        }
    }
    if (opened.isEmpty()) {
        for (const Request &request : welcomeRequests(m_echo->baseUrl()))
            opened.append(newRequestTab(request));
    }
    m_tabs->setCurrentWidget(opened.constFirst());
    opened.constFirst()->editor()->focusUrl();
    statusBar()->showMessage(
        tr("Welcome! These requests go to the built-in echo server: press Ctrl+Enter to send one."), 15000);
    return true;
}

RequestTab *MainWindow::currentRequestTab() const
{
    return qobject_cast<RequestTab *>(m_tabs->currentWidget());
}

void MainWindow::sendCurrentRequest()
{
    if (RequestTab *tab = currentRequestTab())
        tab->send();
}

void MainWindow::cancelCurrentRequest()
{
    if (RequestTab *tab = currentRequestTab())
        tab->cancel();
}

bool MainWindow::saveTab(RequestTab *tab, bool saveAs)
{
    if (!tab)
        return false;
    if (!m_workspace || !m_workspace->isOpen()) {
        statusBar()->showMessage(
            tr("No workspace is open: there is nowhere to save the request."), MessageMs);
        return false;
    }
    if (tab->itemRef().isRequest() && !saveAs) {
        Request request = tab->editor()->request();
        if (const QString error = m_workspace->saveRequest(tab->itemRef(), request); !error.isEmpty()) {
            statusBar()->showMessage(tr("Not saved: %1").arg(error), MessageMs);
            return false;
        }
        tab->markSaved();
        statusBar()->showMessage(tr("Saved “%1”").arg(request.name), 3000);
        return true;
    }
    const Request request = tab->editor()->request();
    const QString suggested
        = request.name.isEmpty() ? tab->title().remove(QStringLiteral(" •")) : request.name;
    const std::optional<ItemRef> saved = askAndSaveNew(request, suggested, tab->itemRef().directories);
    if (!saved)
        return false;
    tab->setSavedRequest(*saved, *m_workspace->request(*saved));
    updateWatchedFiles();
    return true;
}

bool MainWindow::saveTabAs(RequestTab *tab, const QStringList &directories, const QString &name)
{
    const std::optional<ItemRef> saved = saveNew(tab->editor()->request(), directories, name);
    if (!saved)
        return false;
    tab->setSavedRequest(*saved, *m_workspace->request(*saved));
    updateWatchedFiles();
    return true;
}

std::optional<ItemRef> MainWindow::askAndSaveNew(
    const Request &request, const QString &suggestedName, const QStringList &folder)
{
    SaveRequestDialog dialog(m_workspace, suggestedName, this);
    if (!folder.isEmpty())
        dialog.setFolder(folder);
    else if (m_sidebar && m_sidebar->currentItem().isValid())
        dialog.setFolder(m_sidebar->currentItem().directories);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    QStringList target = dialog.folder();
    if (target.isEmpty()) {
        const ItemResult collection = m_workspace->newCollection(dialog.newCollectionName());
        if (!collection.ok()) {
            statusBar()->showMessage(tr("Not saved: %1").arg(collection.error), MessageMs);
            return std::nullopt;
        }
        target = collection.item.directories;
    }
    return saveNew(request, target, dialog.name());
}

std::optional<ItemRef> MainWindow::saveNew(
    const Request &request, const QStringList &folder, const QString &name)
{
    Request saved = request;
    saved.name = name;
    saved.fileName.clear();
    const ItemResult result = m_workspace->newRequest(folder, saved);
    if (!result.ok()) {
        statusBar()->showMessage(tr("Not saved: %1").arg(result.error), MessageMs);
        return std::nullopt;
    }
    if (m_sidebar)
        m_sidebar->setCurrentItem(result.item);
    statusBar()->showMessage(tr("Saved “%1”").arg(name), 3000);
    return result.item;
}

bool MainWindow::closeTab(int index)
{
    auto *tab = qobject_cast<RequestTab *>(m_tabs->widget(index));
    if (!tab)
        return false;
    if (tab->isModified()) {
        m_tabs->setCurrentIndex(index);
        const QMessageBox::StandardButton answer = ask(tr("Unsaved Changes"),
            tr("“%1” has changes that are not saved. Save them before closing?")
                .arg(tab->title().remove(QStringLiteral(" •"))),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveTab(tab)))
            return false;
    }
    m_tabs->removeTab(m_tabs->indexOf(tab));
    tab->deleteLater();
    updateWatchedFiles();
    if (m_tabs->count() == 0)
        newRequestTab();
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Sizes given before the splitter is laid out are not kept: the side panel gets its width here.
    if (!m_sidePanelSized && m_side->isVisible()) {
        m_sidePanelSized = true;
        m_splitter->setSizes({SidePanelWidth, std::max(0, m_splitter->width() - SidePanelWidth)});
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QList<RequestTab *> modified;
    for (RequestTab *tab : requestTabs()) {
        if (tab->isModified())
            modified.append(tab);
    }
    if (!modified.isEmpty()) {
        QStringList names;
        for (RequestTab *tab : modified)
            names.append(QStringLiteral("• ") + tab->title().remove(QStringLiteral(" •")));
        const QMessageBox::StandardButton answer = ask(tr("Unsaved Changes"),
            tr("%n request(s) have changes that are not saved:", nullptr, int(modified.size())) + u'\n'
                + names.join(u'\n') + u'\n' + tr("Save them before quitting?"),
            QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::SaveAll) {
            for (RequestTab *tab : modified) {
                m_tabs->setCurrentWidget(tab);
                if (!saveTab(tab)) {
                    event->ignore();
                    return;
                }
            }
        }
    }
    event->accept();
}

QMessageBox::StandardButton MainWindow::ask(
    const QString &title, const QString &text, QMessageBox::StandardButtons buttons)
{
    if (m_ask)
        return m_ask(title, text, buttons);
    return QMessageBox::question(this, title, text, buttons);
}

void MainWindow::onItemMoved(const ItemRef &from, const ItemRef &to)
{
    for (RequestTab *tab : requestTabs()) {
        if (!tab->itemRef().isValid())
            continue;
        const ItemRef moved = tab->itemRef().rebased(from, to);
        if (moved == tab->itemRef())
            continue;
        tab->setItemRef(moved);
        // A rename changes the saved name: show it, keeping the edits.
        if (const Request *saved = m_workspace->request(moved)) {
            Request edited = tab->editor()->request();
            if (edited.name != saved->name) {
                const bool modified = tab->isModified();
                edited.name = saved->name;
                if (modified) {
                    tab->editor()->setRequest(edited);
                    updateTabTitle(tab);
                } else {
                    tab->setSavedRequest(moved, *saved);
                }
            }
        }
    }
    updateWatchedFiles();
}

void MainWindow::updateWatchedFiles()
{
    if (!m_workspace || !m_workspace->isOpen())
        return;
    QStringList open;
    for (RequestTab *tab : requestTabs()) {
        if (tab->itemRef().isRequest())
            open.append(m_workspace->pathOf(tab->itemRef()));
    }
    for (const QString &path : std::as_const(m_watchedFiles)) {
        if (!open.contains(path))
            m_workspace->watcher()->unwatchFile(path);
    }
    for (const QString &path : std::as_const(open)) {
        if (!m_watchedFiles.contains(path))
            m_workspace->watcher()->watchFile(path);
    }
    m_watchedFiles = open;
}

void MainWindow::onItemRemoved(const ItemRef &ref)
{
    for (RequestTab *tab : requestTabs()) {
        const ItemRef own = tab->itemRef();
        if (!own.isValid())
            continue;
        const bool inside = own == ref
            || (!ref.isRequest() && own.directories.mid(0, ref.directories.size()) == ref.directories);
        if (inside)
            tab->detach();
    }
    updateWatchedFiles();
}

void MainWindow::onRequestChangedOnDisk(const ItemRef &ref, bool removed)
{
    RequestTab *tab = tabFor(ref);
    m_workspace->reload();
    if (!tab)
        return;
    const QString name = tab->title().remove(QStringLiteral(" •"));
    const Request *saved = m_workspace->request(ref);
    if (removed || !saved) {
        tab->detach();
        updateWatchedFiles();
        statusBar()->showMessage(
            tr("“%1” was deleted outside Sonde; its tab keeps it as an unsaved request.").arg(name),
            MessageMs);
        return;
    }
    if (!tab->isModified()) {
        if (tab->editor()->request() != *saved) {
            tab->setSavedRequest(ref, *saved);
            statusBar()->showMessage(tr("“%1” changed on disk and was reloaded.").arg(name), MessageMs);
        }
        return;
    }
    const QMessageBox::StandardButton answer = ask(tr("Request Changed on Disk"),
        tr("“%1” was changed outside Sonde, and you have edits that are not saved.\n"
           "Reload it from disk (your edits are lost), or keep your edits (saving them replaces the file)?")
            .arg(name),
        QMessageBox::Reset | QMessageBox::Ignore);
    if (answer == QMessageBox::Reset)
        tab->setSavedRequest(ref, *saved);
}

void MainWindow::onValuesCaptured(const QList<CapturedValue> &values)
{
    QStringList stored;
    QStringList failed;
    for (const CapturedValue &value : values) {
        if (value.error.isEmpty())
            stored.append(value.variable);
        else
            failed.append(value.variable + QStringLiteral(": ") + value.error);
    }
    QString message;
    if (!stored.isEmpty())
        message = tr("Captured %1").arg(stored.join(QStringLiteral(", ")));
    if (!failed.isEmpty())
        message += (message.isEmpty() ? QString() : QStringLiteral(" — "))
            + tr("not captured: %1").arg(failed.join(QStringLiteral("; ")));
    statusBar()->showMessage(message, MessageMs);
}

void MainWindow::onSecretStoreFailed(const QString &error)
{
    m_secretStoreError = error;
    statusBar()->showMessage(
        tr("Secret values are unavailable: %1 (Environment ▸ Manage Environments… offers a file instead)")
            .arg(error),
        MessageMs);
}

void MainWindow::useFileSecretStore()
{
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                             .filePath(QStringLiteral("secrets.json"));
    m_workspace->setSecretStore(new FileSecretStore(path, m_workspace));
    updateTokenStore();
    m_secretStoreError.clear();
    settings().setValue(FileSecretsKey, true);
}

void MainWindow::showEnvironmentEditor()
{
    if (!m_workspace)
        return;
    EnvironmentEditor editor(m_workspace, this);
    if (!m_secretStoreError.isEmpty())
        editor.setSecretStoreError(m_secretStoreError);
    connect(&editor, &EnvironmentEditor::fileFallbackRequested, this, [this, &editor] {
        useFileSecretStore();
        editor.updateSecretStoreDescription();
    });
    editor.exec();
}

void MainWindow::showFolderSettings(const QStringList &directories)
{
    if (!m_workspace)
        return;
    FolderSettingsDialog dialog(m_workspace, directories, this);
    if (AuthEditor *auth = dialog.authEditor()) {
        const ItemRef folder {directories, QString()};
        auth->setOAuthServices(oauthServices(), [this, folder](const QString &text) {
            return m_workspace->resolverFor(folder, Request()).resolve(text);
        });
    }
    dialog.exec();
}

void MainWindow::scheduleAutosave(RequestTab *tab)
{
    if (!m_autosaveAction->isChecked() || !tab->isModified() || !tab->itemRef().isRequest())
        return;
    auto *timer = tab->findChild<QTimer *>(QStringLiteral("autosave"), Qt::FindDirectChildrenOnly);
    if (!timer) {
        timer = new QTimer(tab);
        timer->setObjectName(QStringLiteral("autosave"));
        timer->setSingleShot(true);
        timer->setInterval(AutosaveDelayMs);
        connect(timer, &QTimer::timeout, this, [this, tab] {
            if (tab->isModified() && tab->itemRef().isRequest() && m_autosaveAction->isChecked())
                saveTab(tab);
        });
    }
    timer->start();
}

void MainWindow::updateTabTitle(RequestTab *tab)
{
    const int at = m_tabs->indexOf(tab);
    if (at < 0)
        return;
    m_tabs->setTabText(at, tab->title());
    m_tabs->setTabToolTip(at, tab->editor()->request().url);
}

void MainWindow::onCurrentTabChanged()
{
    updateRequestActions();
    if (RequestTab *tab = currentRequestTab()) {
        tab->editor()->focusUrl();
        if (m_sidebar && tab->itemRef().isValid())
            m_sidebar->setCurrentItem(tab->itemRef());
    }
}

void MainWindow::updateRequestActions()
{
    const RequestTab *tab = currentRequestTab();
    m_sendAction->setEnabled(tab && !tab->isInFlight());
    m_cancelAction->setEnabled(tab && tab->isInFlight());
}

void MainWindow::setEchoServerRunning(bool running)
{
    if (!m_echo)
        return;
    if (running && !m_echo->isListening() && !m_echo->listen()) {
        statusBar()->showMessage(tr("Could not start the echo server: %1").arg(m_echo->errorString()));
        const QSignalBlocker blocker(m_echoAction);
        m_echoAction->setChecked(false);
    } else if (!running && m_echo->isListening()) {
        m_echo->close();
    }
    updateEchoStatus();
}

void MainWindow::updateEchoStatus()
{
    if (m_echo && m_echo->isListening())
        m_echoStatus->setText(tr("Echo server: %1").arg(m_echo->baseUrl().toString()));
    else
        m_echoStatus->setText(tr("Echo server: off"));
    if (m_workspace && m_echo && m_echo->isListening()) {
        QString base = m_echo->baseUrl().toString();
        while (base.endsWith(u'/'))
            base.chop(1);
        m_workspace->setRuntimeValue(QStringLiteral("echo"), base);
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Sonde"),
        tr("<h3>Sonde %1</h3>"
           "<p>A native, fast, offline API explorer.</p>"
           "<p>Built with Qt %2 and QScintilla.</p>")
            .arg(QStringLiteral(SONDE_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace Sonde
