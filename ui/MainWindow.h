#pragma once

#include "model/Request.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QTabWidget;

namespace Sonde {

class EchoServer;
class HttpEngine;
class RequestTab;

/// Sonde's main window: a tab per request (each a RequestTab), the menus, and the status of the
/// built-in echo server.
///
/// It composes feature widgets and implements none: editing, sending and showing live in RequestTab.
/// The engine and the echo server are the application's; the window only uses them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// `echo` may be null (the Tools menu entry is then disabled).
    MainWindow(HttpEngine *engine, EchoServer *echo, QWidget *parent = nullptr);

    /// Opens a tab for `request` and makes it current.
    RequestTab *newRequestTab(const Request &request = Request());
    /// Opens the ready-made requests against the echo server, one tab each, the first current.
    /// Returns false, and opens nothing, when the echo server is not running.
    bool openWelcomeRequests();

    RequestTab *currentRequestTab() const;
    QTabWidget *tabWidget() const { return m_tabs; }

    void sendCurrentRequest();
    void cancelCurrentRequest();
    /// Closes the tab at `index` (aborting its transfer); the last tab closed is replaced by a new one.
    void closeTab(int index);

private:
    void createMenus();
    void onCurrentTabChanged();
    void updateRequestActions();
    void setEchoServerRunning(bool running);
    void updateEchoStatus();
    void showAbout();

    HttpEngine *m_engine;
    EchoServer *m_echo;
    QTabWidget *m_tabs;
    QLabel *m_echoStatus;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_echoAction = nullptr;
};

} // namespace Sonde
