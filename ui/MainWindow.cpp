#include "MainWindow.h"

#include "RequestTab.h"
#include "WelcomeRequests.h"
#include "echo/EchoServer.h"
#include "request/RequestEditor.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

namespace Sonde {

MainWindow::MainWindow(HttpEngine *engine, EchoServer *echo, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_echo(echo)
    , m_tabs(new QTabWidget(this))
    , m_echoStatus(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Sonde"));
    resize(1200, 800);

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
    setCentralWidget(m_tabs);

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
    QAction *newTab = file->addAction(tr("&New Request"), this, [this] { newRequestTab(); });
    newTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *closeTabAction
        = file->addAction(tr("&Close Tab"), this, [this] { closeTab(m_tabs->currentIndex()); });
    closeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    file->addSeparator();
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

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
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

RequestTab *MainWindow::newRequestTab(const Request &request)
{
    auto *tab = new RequestTab(m_engine, m_tabs);
    tab->editor()->setRequest(request);
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setTabToolTip(index, request.url);
    connect(tab, &RequestTab::titleChanged, this, [this, tab](const QString &title) {
        const int at = m_tabs->indexOf(tab);
        m_tabs->setTabText(at, title);
        m_tabs->setTabToolTip(at, tab->editor()->request().url);
    });
    connect(tab, &RequestTab::inFlightChanged, this, [this](bool inFlight) {
        if (inFlight) // the welcome hint has done its job
            statusBar()->clearMessage();
        updateRequestActions();
    });
    m_tabs->setCurrentIndex(index);
    tab->editor()->focusUrl();
    return tab;
}

bool MainWindow::openWelcomeRequests()
{
    if (!m_echo || !m_echo->isListening())
        return false;
    const QList<Request> requests = welcomeRequests(m_echo->baseUrl());
    RequestTab *first = nullptr;
    for (const Request &request : requests) {
        RequestTab *tab = newRequestTab(request);
        if (!first)
            first = tab;
    }
    m_tabs->setCurrentWidget(first);
    first->editor()->focusUrl();
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

void MainWindow::closeTab(int index)
{
    QWidget *page = m_tabs->widget(index);
    if (!page)
        return;
    m_tabs->removeTab(index);
    page->deleteLater();
    if (m_tabs->count() == 0)
        newRequestTab();
}

void MainWindow::onCurrentTabChanged()
{
    updateRequestActions();
    if (RequestTab *tab = currentRequestTab())
        tab->editor()->focusUrl();
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
