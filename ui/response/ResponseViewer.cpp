#include "response/ResponseViewer.h"

#include "response/BodyView.h"
#include "response/CookiesTableModel.h"
#include "response/CookiesView.h"
#include "response/ErrorPanel.h"
#include "response/HarSaver.h"
#include "response/HeadersTableModel.h"
#include "response/HeadersView.h"
#include "response/InFlightView.h"
#include "response/ResponseSummary.h"
#include "response/SentRequestView.h"
#include "response/TimelineView.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Sonde {

ResponseViewer::ResponseViewer(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_hint(new QLabel(this))
    , m_inFlight(new InFlightView(this))
    , m_exchangePage(new QWidget(this))
    , m_summary(new ResponseSummary(m_exchangePage))
    , m_error(new ErrorPanel(m_exchangePage))
    , m_tabs(new QTabWidget(m_exchangePage))
    , m_body(new BodyView(m_tabs))
    , m_headersModel(new HeadersTableModel(this))
    , m_headers(new HeadersView(m_headersModel, m_tabs))
    , m_cookiesModel(new CookiesTableModel(this))
    , m_cookies(new CookiesView(m_cookiesModel, m_tabs))
    , m_timeline(new TimelineView(m_tabs))
    , m_sent(new SentRequestView(m_tabs))
    , m_saveHarAction(new QAction(tr("Save Exchange as &HAR…"), this))
    , m_saveHarButton(new QToolButton(m_exchangePage))
    , m_harMessage(new QLabel(m_exchangePage))
{
    m_hint->setText(tr("Press Ctrl+Enter to send the request"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_cookies, tr("Cookies"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_sent, tr("Request"));

    auto *exchangeLayout = new QVBoxLayout(m_exchangePage);
    exchangeLayout->setContentsMargins(0, 0, 0, 0);
    exchangeLayout->setSpacing(0);
    m_saveHarAction->setToolTip(
        tr("Save this exchange (the request as sent, the response and its timings) as a HAR file"));
    m_saveHarAction->setEnabled(false);
    connect(m_saveHarAction, &QAction::triggered, this, &ResponseViewer::chooseFileAndSaveHar);
    m_saveHarButton->setObjectName(QStringLiteral("saveHarButton"));
    m_saveHarButton->setDefaultAction(m_saveHarAction);
    m_saveHarButton->setAutoRaise(true);
    m_harMessage->setObjectName(QStringLiteral("harMessage"));
    m_harMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_harMessage->setForegroundRole(QPalette::PlaceholderText);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->setContentsMargins(0, 0, 4, 0);
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_harMessage);
    summaryRow->addWidget(m_saveHarButton);
    exchangeLayout->addLayout(summaryRow);
    exchangeLayout->addWidget(m_error);
    exchangeLayout->addWidget(m_tabs, 1);

    m_pages->addWidget(m_hint);
    m_pages->addWidget(m_inFlight);
    m_pages->addWidget(m_exchangePage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_body, &BodyView::rendered, this, &ResponseViewer::bodyRendered);
    showEmpty();
}

ResponseViewer::~ResponseViewer() = default;

void ResponseViewer::showEmpty()
{
    m_saveHarAction->setEnabled(false);
    m_inFlight->stop();
    m_pages->setCurrentWidget(m_hint);
}

void ResponseViewer::showInFlight(const QString &method, const QUrl &url)
{
    m_saveHarAction->setEnabled(false);
    m_inFlight->start(method, url);
    m_pages->setCurrentWidget(m_inFlight);
}

void ResponseViewer::showProgress(qint64 received, qint64 total)
{
    m_inFlight->setProgress(received, total);
}

void ResponseViewer::showUploadProgress(qint64 sent, qint64 total)
{
    m_inFlight->setUploadProgress(sent, total);
}

void ResponseViewer::showExchange(const Exchange &exchange)
{
    m_exchange = exchange;
    m_inFlight->stop();
    m_summary->setExchange(exchange);

    const bool failed = exchange.error.isError();
    m_error->setVisible(failed);
    m_tabs->setVisible(!failed || exchange.hasResponse());
    if (failed)
        m_error->setError(exchange.error, exchange.hasResponse());
    auto *exchangeLayout = static_cast<QVBoxLayout *>(m_exchangePage->layout());
    exchangeLayout->setStretchFactor(m_error, exchange.hasResponse() ? 0 : 1);

    const QString contentType = exchange.hasResponse()
                                    ? QString::fromLatin1(headerValue(exchange.response->headers, "Content-Type"))
                                    : QString();
    m_body->setBody(exchange.hasResponse() ? exchange.body : BodyData(), contentType);
    m_headersModel->setHeaders(exchange.hasResponse() ? exchange.response->headers : HeaderList());
    m_cookiesModel->setResponse(exchange.hasResponse() ? exchange.response->headers : HeaderList(), exchange.sent.url);
    const int cookieCount = m_cookiesModel->rowCount();
    m_tabs->setTabText(m_tabs->indexOf(m_cookies), cookieCount > 0 ? tr("Cookies (%1)").arg(cookieCount) : tr("Cookies"));
    m_timeline->setExchange(exchange);
    m_sent->setExchange(exchange);
    m_harMessage->clear();
    m_saveHarAction->setEnabled(true);
    m_pages->setCurrentWidget(m_exchangePage);
}

const Exchange &ResponseViewer::exchange() const
{
    return m_exchange;
}

void ResponseViewer::chooseFileAndSaveHar()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Exchange as HAR"),
        QStringLiteral("exchange.har"), tr("HAR files (*.har);;All files (*)"));
    if (!path.isEmpty())
        saveExchangeAsHar(path);
}

void ResponseViewer::saveExchangeAsHar(const QString &path)
{
    m_saveHarAction->setEnabled(false);
    m_harMessage->setText(tr("Saving…"));
    saveHar(this, path, {m_exchange}, [this, path](const QString &error) {
        m_saveHarAction->setEnabled(m_pages->currentWidget() == m_exchangePage);
        m_harMessage->setText(error.isEmpty() ? tr("Saved as %1").arg(QFileInfo(path).fileName())
                                              : tr("Not saved: %1").arg(error));
        m_harMessage->setToolTip(error.isEmpty() ? QDir::toNativeSeparators(path) : error);
        Q_EMIT harSaved(path, error);
    });
}

QString ResponseViewer::harMessage() const
{
    return m_harMessage->text();
}

} // namespace Sonde
