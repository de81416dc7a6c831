#pragma once

#include "auth/BrowserLauncher.h"
#include "auth/OAuthServices.h"
#include "model/Request.h"
#include "workspace/WorkspaceController.h"

#include <QMainWindow>
#include <QMessageBox>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QSettings;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QToolBar;

namespace Sonde {

class AppSettingsController;
class TokenCache;
class TokenSource;
class EchoServer;
class EnvironmentSelector;
class HistoryPanel;
class HistoryRecorder;
class HistoryStore;
struct HistoryRecord;
struct ImportResult;
class HttpEngine;
class RequestTab;
class SnippetDialog;
class WorkspaceSidebar;

/// Sonde's main window: the workspace sidebar, a tab per request (each a RequestTab), the
/// environment selector, the menus, and the status of the built-in echo server.
///
/// It composes feature widgets and implements none: editing, sending and showing live in RequestTab,
/// the tree in WorkspaceSidebar, the files in WorkspaceController. The engine, the echo server, the
/// workspace and history are the application's; the window only uses them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// Asks the user a question (a QMessageBox unless replaced, e.g. by a test).
    using Ask = std::function<QMessageBox::StandardButton(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons)>;

    /// `echo` may be null (the Tools menu entry is then disabled).
    MainWindow(HttpEngine *engine, EchoServer *echo, QWidget *parent = nullptr);

    /// Shows `workspace` in the sidebar and binds tabs to its requests. Call once, before tabs are opened.
    void setWorkspace(WorkspaceController *workspace);
    /// Closes the open workspace's tabs (asking about edits) and opens the one in `root`, offering to
    /// make one there when it holds none. Returns false when it did not (cancelled, or an error shown).
    bool openWorkspace(const QString &root);
    /// Records every exchange sent from the window into `history`. Call before tabs are opened.
    void setHistoryRecorder(HistoryRecorder *history);
    /// Shows history in the side panel, read through `store` (null when it could not be opened:
    /// `unavailableReason` says why). Call after setHistoryRecorder().
    void setHistoryStore(HistoryStore *store, const QString &unavailableReason = {});
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    /// What OAuth 2.0 flows in the window use: the engine's network manager, the token cache (in the
    /// workspace's secret store) and the system browser.
    OAuthServices oauthServices() const;
    /// Opens authorization URLs with `launcher` instead of the system browser (tests); not owned.
    void setBrowserLauncher(BrowserLauncher *launcher);
    /// Tools ▸ JWT Inspector: `token` decoded, when given.
    void showJwtInspector(const QString &token = {});
    /// Opens a tab with the request of `record` and, in its viewer, the response history kept.
    RequestTab *openHistoryRecord(const HistoryRecord &record);
    /// Saves `request` into a collection the user chooses, then opens it. False when cancelled or failed.
    bool saveRequestToCollection(const Request &request);
    void setAsk(Ask ask) { m_ask = std::move(ask); }
    /// The application's settings: File ▸ Settings… edits them; new tabs follow them. Until set, the
    /// window keeps its own few settings (autosave, the workspace) in a QSettings of its own.
    void setAppSettings(AppSettingsController *settings);
    AppSettingsController *appSettings() const { return m_appSettings; }
    /// The Settings dialog; changes are applied at once.
    void showSettings();
    /// Ctrl+K / Ctrl+P: find a saved request by name and open it.
    void showQuickOpen();
    /// F2: renames the item selected in the sidebar when it has the focus, else the current tab's saved
    /// request (in the sidebar), or asks where to save a scratch request.
    void renameCurrent();
    /// Imports a file (OpenAPI/Swagger, Postman, Insomnia, HAR, curl commands: told from its content)
    /// as a new collection of the workspace, with its environments; returns the collection's name, or
    /// an empty string when nothing was imported (the reason shown in words).
    QString importFile(const QString &path);
    /// The current request as a curl command on the clipboard (variables as written, so no secret
    /// value is copied), with its folders' default headers and inherited auth.
    void copyAsCurl();
    /// Request ▸ Generate Code…: opens (without blocking) the current request's code snippets, with its
    /// folders' default headers and inherited auth; null when no request tab is current.
    SnippetDialog *showSnippets();
    /// Ctrl+Tab / Ctrl+Shift+Tab, wrapping around.
    void switchTab(int step);

    /// Opens a scratch tab for `request` and makes it current.
    RequestTab *newRequestTab(const Request &request = Request());
    /// Opens the saved request `ref` (or shows its tab when it is open already). Null when there is none.
    RequestTab *openSavedRequest(const ItemRef &ref);
    /// The tab editing the saved request `ref`, if any.
    RequestTab *tabFor(const ItemRef &ref) const;
    /// Opens the ready-made requests against the echo server, one tab each, the first current: the
    /// workspace's Welcome collection when there is one, else built-in scratch requests.
    /// Returns false, and opens nothing, when the echo server is not running.
    bool openWelcomeRequests();

    RequestTab *currentRequestTab() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    WorkspaceSidebar *sidebar() const { return m_sidebar; }
    EnvironmentSelector *environmentSelector() const { return m_environments; }
    QAction *autosaveAction() const { return m_autosaveAction; }

    void sendCurrentRequest();
    void cancelCurrentRequest();
    /// Saves the tab's request: over its saved file, or (a scratch request, or `saveAs`) where the user
    /// chooses. Returns false when it was not saved (cancelled, or an error, shown in words).
    bool saveTab(RequestTab *tab, bool saveAs = false);
    /// Saves the tab's request as a new request `name` in the folder `directories` (collection first).
    bool saveTabAs(RequestTab *tab, const QStringList &directories, const QString &name);
    /// Closes the tab at `index`, asking first when it has unsaved edits, aborting its transfer. The
    /// last tab closed is replaced by a new one. Returns false when the user kept the tab open.
    bool closeTab(int index);
    void showEnvironmentEditor();
    /// Retention, body cap and secrets of history; applied at once.
    void showHistorySettings();
    /// The settings of the collection or folder `directories`; no directories: the global variables.
    void showFolderSettings(const QStringList &directories);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    /// Files dropped on the window are imported (MainWindowImport.cpp).
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    /// Focus URL, next/previous tab, quick open and rename (MainWindowActions.cpp).
    void createNavigationActions(QMenu *file, QMenu *request);
    /// File ▸ Import…, Request ▸ Copy as cURL and Generate Code… (MainWindowImport.cpp).
    void createImportActions(QMenu *file, QMenu *request);
    /// Every setting the window reads or writes goes through this one object.
    QSettings &settings();
    void applyTabSettings(RequestTab *tab);
    void createToolBar();
    RequestTab *addTab(RequestTab *tab);
    void onCurrentTabChanged();
    void updateRequestActions();
    void updateTabTitle(RequestTab *tab);
    void setEchoServerRunning(bool running);
    void updateEchoStatus();
    void showAbout();
    void showWorkspaceProblems();
    QMessageBox::StandardButton ask(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons);
    /// Shows why `result` failed and offers to import the requests read around the problem (Yes:
    /// import them, Cancel); true when the user accepts.
    bool acceptPartialImport(const QString &fileName, const ImportResult &result);
    QList<RequestTab *> requestTabs() const;
    // Following the workspace.
    void onItemMoved(const ItemRef &from, const ItemRef &to);
    void onItemRemoved(const ItemRef &ref);
    void onRequestChangedOnDisk(const ItemRef &ref, bool removed);
    void onValuesCaptured(const QList<CapturedValue> &values);
    void onSecretStoreFailed(const QString &error);
    void useFileSecretStore();
    /// Points the token cache at the open workspace's secret store.
    void updateTokenStore();
    void scheduleAutosave(RequestTab *tab);
    /// "Save Request" dialog, then saveNew(); nullopt when cancelled or failed (said in the status bar).
    std::optional<ItemRef> askAndSaveNew(
        const Request &request, const QString &suggestedName, const QStringList &folder);
    std::optional<ItemRef> saveNew(const Request &request, const QStringList &folder, const QString &name);
    /// Watches the files of the saved requests open in tabs for changes made outside Sonde.
    void updateWatchedFiles();

    HttpEngine *m_engine;
    TokenCache *m_tokenCache;
    TokenSource *m_tokenSource;
    std::unique_ptr<BrowserLauncher> m_systemBrowser;
    BrowserLauncher *m_browser;
    EchoServer *m_echo;
    WorkspaceController *m_workspace = nullptr;
    HistoryRecorder *m_history = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    QSplitter *m_splitter;
    QTabWidget *m_side;
    QTabWidget *m_tabs;
    WorkspaceSidebar *m_sidebar = nullptr;
    EnvironmentSelector *m_environments = nullptr;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_importAction = nullptr;
    QLabel *m_echoStatus;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_autosaveAction = nullptr;
    QAction *m_openWorkspaceAction = nullptr;
    QAction *m_echoAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QString m_secretStoreError;
    QStringList m_watchedFiles;
    bool m_sidePanelSized = false;
    Ask m_ask;
    AppSettingsController *m_appSettings = nullptr;
    QSettings *m_ownSettings = nullptr; // a child, made when first needed
};

} // namespace Sonde
