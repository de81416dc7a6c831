#include "MainWindow.h"
#include "RequestTab.h"
#include "echo/EchoServer.h"
#include "editor/CodeEditor.h"
#include "http/HttpEngine.h"
#include "request/KeyValueTableModel.h"
#include "request/MethodBox.h"
#include "request/RequestEditor.h"
#include "response/BodyView.h"
#include "response/ErrorPanel.h"
#include "response/ResponseSummary.h"
#include "response/ResponseViewer.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <memory>

using namespace Sonde;

namespace {

/// The status line and the error panel of the viewer, as text.
QString viewerText(const ResponseViewer *viewer)
{
    return viewer->summary()->statusText() + u'\n' + viewer->errorPanel()->title() + u'\n'
        + viewer->errorPanel()->message();
}

/// True when the body view shows `needle` highlighted as `language`.
bool bodyShows(const ResponseViewer *viewer, CodeEditor::Language language, const QByteArray &needle)
{
    const CodeEditor *editor = viewer->bodyView()->editor();
    return editor->isVisible() && editor->language() == language && editor->utf8Text().contains(needle);
}

QAction *menuAction(QMainWindow *window, const QString &menuTitle, const QString &actionText)
{
    const QList<QAction *> menus = window->menuBar()->actions();
    for (QAction *menu : menus) {
        if (menu->text().remove(u'&') != menuTitle || !menu->menu())
            continue;
        const QList<QAction *> actions = menu->menu()->actions();
        for (QAction *action : actions) {
            if (action->text().remove(u'&').section(u'\t', 0, 0) == actionText)
                return action;
        }
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void windowDefaults();
    void typeUrlAndSendWithKeyboard();
    void cancelInFlight();
    void invalidMethodIsReported();
    void welcomeRequests();
    void newAndCloseTabs();
    void echoServerToggle();

private:
    void showWindow();
    /// The echo server's base URL without its trailing '/'.
    QString echoBase() const { return m_echo.baseUrl().toString().chopped(1); }

    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    EchoServer m_echo;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_echo.listen(), qPrintable(m_echo.errorString()));
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>(&m_engine, &m_echo);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    if (!m_echo.isListening())
        QVERIFY(m_echo.listen());
}

void TestMainWindow::showWindow()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::windowDefaults()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Sonde"));
    QCOMPARE(m_window->size(), QSize(1200, 800));
    QCOMPARE(m_window->tabWidget()->count(), 0);
    RequestTab *tab = m_window->newRequestTab();
    QCOMPARE(m_window->currentRequestTab(), tab);
    QCOMPARE(m_window->tabWidget()->tabText(0), QStringLiteral("New Request"));
    QVERIFY(m_window->tabWidget()->tabsClosable());
    QVERIFY(menuAction(m_window.get(), QStringLiteral("File"), QStringLiteral("New Request")));
    QVERIFY(menuAction(m_window.get(), QStringLiteral("Request"), QStringLiteral("Send")));
    QVERIFY(menuAction(m_window.get(), QStringLiteral("Tools"), QStringLiteral("Built-in Echo Server")));
    QVERIFY(menuAction(m_window.get(), QStringLiteral("Help"), QStringLiteral("About Sonde")));
}

void TestMainWindow::typeUrlAndSendWithKeyboard()
{
    RequestTab *tab = m_window->newRequestTab();
    showWindow();
    QLineEdit *url = tab->editor()->urlEdit();
    QTRY_VERIFY(url->hasFocus());

    const QString path = QStringLiteral("/anything/sonde-ui-test");
    QTest::keyClicks(url, echoBase() + path + QStringLiteral("?lang=pt"));
    QCOMPARE(tab->editor()->paramsModel()->rows().size(), 1);
    QSignalSpy finished(tab, &RequestTab::exchangeFinished);
    QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(tab->isInFlight());
    QCOMPARE(tab->editor()->sendButton()->text(), QStringLiteral("Cancel"));

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const auto exchange = finished.at(0).at(0).value<Exchange>();
    QVERIFY2(!exchange.error.isError(), qPrintable(exchange.error.message));
    QCOMPARE(exchange.response->statusCode, 200);
    QTRY_VERIFY(tab->viewer()->summary()->statusText().startsWith(QStringLiteral("200")));
    QTRY_VERIFY(bodyShows(tab->viewer(), CodeEditor::Language::Json, path.toUtf8()));
    QCOMPARE(tab->editor()->sendButton()->text(), QStringLiteral("Send"));
    QVERIFY(!tab->isInFlight());
}

void TestMainWindow::cancelInFlight()
{
    RequestTab *tab = m_window->newRequestTab();
    showWindow();
    QLineEdit *url = tab->editor()->urlEdit();
    QTest::keyClicks(url, m_echo.baseUrl().toString() + QStringLiteral("delay/5000"));
    QSignalSpy finished(tab, &RequestTab::exchangeFinished);
    QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(tab->isInFlight());
    QTest::qWait(100);
    QTest::keyClick(url, Qt::Key_Escape);

    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<Exchange>().error.kind, TransportError::Kind::Cancelled);
    QTRY_VERIFY(viewerText(tab->viewer()).contains(QStringLiteral("Cancelled")));
    QVERIFY(!tab->isInFlight());
    QCOMPARE(tab->editor()->sendButton()->text(), QStringLiteral("Send"));
}

void TestMainWindow::invalidMethodIsReported()
{
    Request request;
    request.method = QStringLiteral("BAD METHOD");
    request.url = m_echo.baseUrl().toString() + QStringLiteral("get");
    RequestTab *tab = m_window->newRequestTab(request);
    QVERIFY(!tab->editor()->methodBox()->isMethodValid());
    QSignalSpy finished(tab, &RequestTab::exchangeFinished);
    m_window->sendCurrentRequest();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(0).value<Exchange>().error.isError());
    QTRY_VERIFY(viewerText(tab->viewer()).contains(QStringLiteral("not a valid HTTP method")));
}

void TestMainWindow::welcomeRequests()
{
    QVERIFY(m_window->openWelcomeRequests());
    QTabWidget *tabs = m_window->tabWidget();
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(0), QStringLiteral("GET with query"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("POST JSON"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("404"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("XML"));
    QCOMPARE(tabs->currentIndex(), 0);

    const QString base = echoBase();
    const Request get = m_window->currentRequestTab()->editor()->request();
    QCOMPARE(get.url, base + QStringLiteral("/get?city=Lisbon&units=metric"));
    QCOMPARE(get.params.size(), 2);
    QCOMPARE(get.headers.value(0).key, QStringLiteral("Accept"));
    QCOMPARE(get.headers.value(0).value, QStringLiteral("application/json"));

    const Request post = qobject_cast<RequestTab *>(tabs->widget(1))->editor()->request();
    QCOMPARE(post.method, QStringLiteral("POST"));
    QCOMPARE(post.url, base + QStringLiteral("/post"));
    QCOMPARE(post.body.contentType, QStringLiteral("application/json"));
    QVERIFY(post.body.data.contains("\"tags\": [\"fast\", \"native\"]"));

    // Without the echo server there is nothing to point them at.
    m_echo.close();
    MainWindow other(&m_engine, &m_echo);
    QVERIFY(!other.openWelcomeRequests());
    QCOMPARE(other.tabWidget()->count(), 0);
}

void TestMainWindow::newAndCloseTabs()
{
    m_window->newRequestTab();
    showWindow();
    QTabWidget *tabs = m_window->tabWidget();
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 1);

    // Closing a tab while its request is in flight aborts it.
    RequestTab *tab = m_window->currentRequestTab();
    Request slow;
    slow.url = m_echo.baseUrl().toString() + QStringLiteral("delay/5000");
    tab->editor()->setRequest(slow);
    tab->send();
    QVERIFY(tab->isInFlight());
    const QPointer<RequestTab> watched(tab);
    m_window->closeTab(0);
    QTRY_VERIFY(watched.isNull());
    // The last tab closed is replaced by a fresh one.
    QCOMPARE(tabs->count(), 1);
    QVERIFY(m_window->currentRequestTab());
}

void TestMainWindow::echoServerToggle()
{
    QAction *toggle
        = menuAction(m_window.get(), QStringLiteral("Tools"), QStringLiteral("Built-in Echo Server"));
    QVERIFY(toggle);
    QVERIFY(toggle->isCheckable());
    QVERIFY(toggle->isChecked());
    const auto statusText = [this] {
        QStringList texts;
        const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
        for (const QLabel *label : labels)
            texts.append(label->text());
        return texts.join(u'\n');
    };
    QVERIFY(statusText().contains(m_echo.baseUrl().toString()));

    toggle->trigger();
    QVERIFY(!m_echo.isListening());
    QVERIFY(statusText().contains(QStringLiteral("off")));
    toggle->trigger();
    QVERIFY(m_echo.isListening());
    QVERIFY(statusText().contains(m_echo.baseUrl().toString()));

    MainWindow withoutEcho(&m_engine, nullptr);
    QVERIFY(!menuAction(&withoutEcho, QStringLiteral("Tools"), QStringLiteral("Built-in Echo Server"))
                 ->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
