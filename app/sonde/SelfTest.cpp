#include "SelfTest.h"

#include "MainWindow.h"
#include "RequestTab.h"
#include "model/Exchange.h"
#include "response/ResponseViewer.h"
#include "settings/AppSettingsController.h"
#include "settings/AppSettingsDialog.h"
#include "snippets/SnippetDialog.h"

#include <QPixmap>
#include <cstdio>

namespace Sonde {

namespace {

// Time for idle-time styling and the last layout passes before the picture is taken.
constexpr int ScreenshotSettleMs = 600;

} // namespace

SelfTest::SelfTest(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { fail(tr("no rendered response within %1 s").arg(m_timeout.interval() / 1000)); });
}

void SelfTest::start(int timeoutMs)
{
    RequestTab *tab = m_window->currentRequestTab();
    if (!tab) {
        fail(tr("no request tab"));
        return;
    }
    connect(tab, &RequestTab::exchangeFinished, this, &SelfTest::onExchange);
    // The viewer may render the body before or after the tab reports the exchange: wait for both.
    connect(tab->viewer(), &ResponseViewer::bodyRendered, this, [this] {
        m_rendered = true;
        check();
    });
    m_timeout.start(timeoutMs);
    m_window->sendCurrentRequest();
}

void SelfTest::onExchange(const Exchange &exchange)
{
    if (exchange.error.isError()) {
        fail(exchange.error.message);
        return;
    }
    if (!exchange.hasResponse()) {
        fail(tr("no response"));
        return;
    }
    m_status = exchange.response->statusCode;
    std::fprintf(stderr, "sonde self-test: %s %s → %d, %lld bytes in %.0f ms\n",
        qPrintable(exchange.request.method), qPrintable(exchange.request.url), *m_status,
        static_cast<long long>(exchange.body.size()), exchange.timings.total);
    if (*m_status < 200 || *m_status > 299) {
        fail(tr("status %1").arg(*m_status));
        return;
    }
    check();
}

void SelfTest::check()
{
    if (m_finished || !m_status || !m_rendered)
        return;
    m_timeout.stop();
    if (m_screenshotPath.isEmpty()) {
        succeed();
        return;
    }
    if (m_capturing)
        return;
    m_capturing = true;
    QWidget *pictured = m_window;
    if (!m_snippetTarget.isEmpty()) {
        SnippetDialog *dialog = m_window->showSnippets();
        if (!dialog || !dialog->setTargetId(m_snippetTarget)) {
            fail(tr("no code snippet for the target “%1”").arg(m_snippetTarget));
            return;
        }
        pictured = dialog;
    } else if (!m_settingsPage.isEmpty() && m_settings) {
        auto *dialog = new AppSettingsDialog(m_settings->settings(), m_settings->proxyPassword(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (!dialog->showPage(m_settingsPage)) {
            fail(tr("no settings page “%1”").arg(m_settingsPage));
            return;
        }
        dialog->resize(760, 460);
        dialog->show();
        pictured = dialog;
    }
    QTimer::singleShot(ScreenshotSettleMs, this, [this, pictured] {
        if (!pictured->grab().save(m_screenshotPath)) {
            fail(tr("could not save the screenshot to %1").arg(m_screenshotPath));
            return;
        }
        std::fprintf(stderr, "sonde self-test: screenshot saved to %s\n", qPrintable(m_screenshotPath));
        succeed();
    });
}

void SelfTest::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    std::fprintf(stderr, "sonde self-test: passed\n");
    Q_EMIT done(0);
}

void SelfTest::fail(const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    std::fprintf(stderr, "sonde self-test: FAILED: %s\n", qPrintable(why));
    Q_EMIT done(1);
}

} // namespace Sonde
