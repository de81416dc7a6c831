// The window's keyboard navigation: focus the URL, switch tabs, open a request by name, rename.
#include "MainWindow.h"

#include "RequestTab.h"
#include "request/RequestEditor.h"
#include "workspace/QuickOpen.h"
#include "workspace/WorkspaceSidebar.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

namespace Sonde {

void MainWindow::createNavigationActions(QMenu *file, QMenu *request)
{
    QAction *quickOpen = new QAction(tr("&Open Request…"), this);
    quickOpen->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::CTRL | Qt::Key_K)});
    quickOpen->setToolTip(tr("Find a saved request by name and open it (Ctrl+P or Ctrl+K)"));
    connect(quickOpen, &QAction::triggered, this, &MainWindow::showQuickOpen);
    file->insertAction(file->actions().value(1), quickOpen);

    request->addSeparator();
    QAction *focusUrl = request->addAction(tr("Focus &URL"), this, [this] {
        if (RequestTab *tab = currentRequestTab())
            tab->editor()->focusUrl();
    });
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *rename = request->addAction(tr("&Rename…"), this, &MainWindow::renameCurrent);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    request->addSeparator();
    QAction *next = request->addAction(tr("&Next Tab"), this, [this] { switchTab(1); });
    next->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    QAction *previous = request->addAction(tr("&Previous Tab"), this, [this] { switchTab(-1); });
    previous->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
         QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    // Ctrl+Tab must reach the window even from widgets that take Tab (editors, tables).
    for (QAction *action : {next, previous, quickOpen, focusUrl, rename})
        action->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::switchTab(int step)
{
    const int count = m_tabs->count();
    if (count < 2)
        return;
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + count) % count);
}

void MainWindow::showQuickOpen()
{
    if (!m_workspace || !m_workspace->isOpen()) {
        statusBar()->showMessage(tr("No workspace is open: there are no saved requests to open."), 8000);
        return;
    }
    auto *dialog = new QuickOpenDialog(m_workspace->workspace(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QuickOpenDialog::requestChosen, this, [this](const ItemRef &ref) {
        if (RequestTab *tab = openSavedRequest(ref))
            tab->editor()->focusUrl();
    });
    dialog->open();
}

void MainWindow::renameCurrent()
{
    if (m_sidebar && m_sidebar->isAncestorOf(QApplication::focusWidget())) {
        m_sidebar->renameCurrent();
        return;
    }
    RequestTab *tab = currentRequestTab();
    if (!tab)
        return;
    if (m_sidebar && tab->itemRef().isValid()) {
        m_side->setCurrentWidget(m_sidebar);
        m_sidebar->setCurrentItem(tab->itemRef());
        m_sidebar->renameCurrent();
        return;
    }
    // A scratch request has no name to change yet: saving gives it one.
    saveTab(tab, true);
}

} // namespace Sonde
