#include "RequestTab.h"

#include "http/HttpEngine.h"
#include "http/Transfer.h"
#include "request/RequestEditor.h"
#include "response/ResponseViewer.h"

#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

namespace Sonde {

namespace {

constexpr int MaxTitleLength = 40;

} // namespace

RequestTab::RequestTab(HttpEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_editor(new RequestEditor(m_splitter))
    , m_viewer(new ResponseViewer(m_splitter))
{
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_viewer);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 45);
    m_splitter->setStretchFactor(1, 55);
    // Proportions: QSplitter scales these to the space it gets.
    m_splitter->setSizes({450, 550});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_editor, &RequestEditor::sendRequested, this, &RequestTab::send);
    connect(m_editor, &RequestEditor::cancelRequested, this, &RequestTab::cancel);
    connect(m_editor, &RequestEditor::requestEdited, this, [this] { Q_EMIT titleChanged(title()); });
    m_viewer->showEmpty();
}

RequestTab::~RequestTab()
{
    // The transfer is our child and would be deleted after our members: stop it hearing back first.
    if (m_transfer) {
        m_transfer->disconnect(this);
        delete m_transfer.data();
    }
}

QString RequestTab::title() const
{
    const Request request = m_editor->request();
    if (!request.name.isEmpty())
        return request.name;
    QString url = request.url.trimmed();
    if (url.isEmpty())
        return tr("New Request");
    for (const QString &scheme : {QStringLiteral("http://"), QStringLiteral("https://")}) {
        if (url.startsWith(scheme, Qt::CaseInsensitive))
            url.remove(0, scheme.size());
    }
    QString title = request.method + u' ' + url;
    if (title.size() > MaxTitleLength)
        title = title.left(MaxTitleLength - 1) + u'…';
    return title;
}

void RequestTab::send()
{
    if (m_transfer)
        return;
    const Request request = m_editor->request();
    Transfer *transfer = m_engine->send(request, this);
    m_transfer = transfer;
    connect(transfer, &Transfer::downloadProgress, this,
        [this](qint64 received, qint64 total) { m_viewer->showProgress(received, total); });
    connect(transfer, &Transfer::finished, this,
        [this, transfer](const Exchange &exchange) { onFinished(transfer, exchange); });
    m_editor->setInFlight(true);
    m_viewer->showInFlight(request.method, QUrl::fromUserInput(request.url.trimmed()));
    Q_EMIT inFlightChanged(true);
}

void RequestTab::cancel()
{
    if (m_transfer)
        m_transfer->cancel();
}

void RequestTab::onFinished(Transfer *transfer, const Exchange &exchange)
{
    transfer->disconnect(this);
    transfer->deleteLater();
    if (m_transfer == transfer)
        m_transfer = nullptr;
    m_editor->setInFlight(false);
    m_viewer->showExchange(exchange);
    Q_EMIT inFlightChanged(false);
    Q_EMIT exchangeFinished(exchange);
}

} // namespace Sonde
