#include "RequestTab.h"

#include "auth/OAuth2Send.h"
#include "editor/VariableHighlighter.h"
#include "history/HistoryRecorder.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"
#include "request/AuthEditor.h"
#include "request/BodyEditor.h"
#include "request/RequestEditor.h"
#include "response/ResponseViewer.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

namespace Sonde {

namespace {

constexpr int MaxTitleLength = 40;
constexpr int MaxNamesShown = 8;

bool askToSendUnresolved(QWidget *parent, const QStringList &names)
{
    QStringList shown = names.mid(0, MaxNamesShown);
    for (QString &name : shown)
        name = QStringLiteral("{{") + name + QStringLiteral("}}");
    if (names.size() > MaxNamesShown)
        shown.append(RequestTab::tr("and %n more", nullptr, int(names.size() - MaxNamesShown)));
    QMessageBox box(QMessageBox::Warning, RequestTab::tr("Unresolved Variables"),
        RequestTab::tr("No value is set for %1 in the request, its folders, the environment or the globals.")
            .arg(shown.join(QStringLiteral(", "))),
        QMessageBox::Cancel, parent);
    box.setInformativeText(RequestTab::tr("Sent anyway, the braces go out as written."));
    QPushButton *send = box.addButton(RequestTab::tr("Send Anyway"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == send;
}

} // namespace

RequestTab::RequestTab(
    HttpEngine *engine, WorkspaceController *workspace, HistoryRecorder *history, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_workspace(workspace)
    , m_history(history)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_editor(new RequestEditor(m_splitter))
    , m_viewer(new ResponseViewer(m_splitter))
    , m_urlHighlighter(new VariableHighlighter(m_editor->urlEdit(), [this] { return resolver(); }))
    , m_bodyHighlighter(
          new VariableHighlighter(m_editor->bodyEditor()->editor(), [this] { return resolver(); }))
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
    connect(m_editor, &RequestEditor::requestEdited, this, [this] {
        setModified(true);
        Q_EMIT titleChanged(title());
    });
    m_viewer->showEmpty();
}

RequestTab::RequestTab(HttpEngine *engine, QWidget *parent)
    : RequestTab(engine, nullptr, nullptr, parent)
{ }

RequestTab::~RequestTab()
{
    // The transfer is our child and would be deleted after our members: stop it hearing back first.
    if (m_transfer) {
        m_transfer->disconnect(this);
        delete m_transfer.data();
    }
    if (m_oauthSend) {
        m_oauthSend->disconnect(this);
        delete m_oauthSend.data();
    }
}

QString RequestTab::title() const
{
    const Request request = m_editor->request();
    QString title;
    if (!request.name.isEmpty()) {
        title = request.name;
    } else if (QString url = request.url.trimmed(); url.isEmpty()) {
        title = tr("New Request");
    } else {
        for (const QString &scheme : {QStringLiteral("http://"), QStringLiteral("https://")}) {
            if (url.startsWith(scheme, Qt::CaseInsensitive))
                url.remove(0, scheme.size());
        }
        title = request.method + u' ' + url;
    }
    if (title.size() > MaxTitleLength)
        title = title.left(MaxTitleLength - 1) + u'…';
    return m_modified ? title + QStringLiteral(" •") : title;
}

void RequestTab::setSavedRequest(const ItemRef &ref, const Request &request)
{
    m_ref = ref;
    m_editor->setRequest(request);
    refreshVariables();
    setModified(false);
    Q_EMIT titleChanged(title());
}

void RequestTab::setItemRef(const ItemRef &ref)
{
    m_ref = ref;
}

void RequestTab::detach()
{
    m_ref = {};
    setModified(true);
    Q_EMIT titleChanged(title());
}

void RequestTab::markSaved()
{
    setModified(false);
    Q_EMIT titleChanged(title());
}

void RequestTab::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

TemplateResolver RequestTab::resolver() const
{
    if (m_workspace && m_workspace->isOpen())
        return m_workspace->resolverFor(m_ref, m_editor->request());
    return TemplateResolver({{QStringLiteral("request"), m_editor->request().variables}});
}

void RequestTab::refreshVariables()
{
    m_urlHighlighter->refresh();
    m_bodyHighlighter->refresh();
    // What "Inherit" gives: the nearest folder above that sets an auth.
    QString inherited = tr("no auth (nothing above sets one)");
    if (m_workspace && m_workspace->isOpen() && m_ref.isValid()) {
        const QList<const Folder *> folders = m_workspace->folderChain(m_ref.directories);
        for (auto folder = folders.crbegin(); folder != folders.crend(); ++folder) {
            if ((*folder)->auth.type != AuthConfig::Type::Inherit) {
                inherited = (*folder)->auth.type == AuthConfig::Type::None
                    ? tr("no auth, set by “%1”").arg((*folder)->name)
                    : tr("%1, from “%2”").arg(AuthConfig::typeName((*folder)->auth.type), (*folder)->name);
                break;
            }
        }
    }
    m_editor->authEditor()->setInheritedDescription(inherited);
}

void RequestTab::send()
{
    if (m_transfer)
        return;
    const Request edited = m_editor->request();
    Request request = edited;
    m_recordContext = {};
    if (m_workspace && m_workspace->isOpen()) {
        if (m_ref.isValid()) {
            const QList<const Folder *> folders = m_workspace->folderChain(m_ref.directories);
            request = withInheritedAuth(withFolderHeaders(request, folders), folders);
            LocatedRequest located;
            located.folders = folders;
            located.request = &edited;
            m_recordContext.workspaceRequest = located.path();
        }
        m_recordContext.environment = m_workspace->activeEnvironment();
        m_recordContext.secretValues = m_workspace->secretValuesFor(m_ref, edited);
    }
    ResolvedRequest resolved = resolveRequest(request, resolver());
    if (!resolved.unresolved.isEmpty()) {
        const bool sendAnyway = m_unresolvedPrompt ? m_unresolvedPrompt(resolved.unresolved)
                                                   : askToSendUnresolved(this, resolved.unresolved);
        if (!sendAnyway) {
            Q_EMIT sendDeclined(resolved.unresolved);
            return;
        }
    }
    m_sentRequest = edited;
    if (m_oauth.tokens && OAuth2Send::applies(resolved.request)) {
        // The token comes from the cache, refreshed before it expires and once more after a 401.
        auto *send = new OAuth2Send(m_engine, m_oauth.tokens, this);
        m_oauthSend = send;
        connect(send, &OAuth2Send::transferStarted, this, &RequestTab::watchTransfer);
        connect(send, &OAuth2Send::finished, this, [this, send](const Exchange &exchange) {
            send->deleteLater();
            m_oauthSend = nullptr;
            finishExchange(exchange);
        });
        send->start(resolved.request);
    } else {
        Transfer *transfer = m_engine->send(resolved.request, this);
        m_transfer = transfer;
        watchTransfer(transfer);
        connect(transfer, &Transfer::finished, this,
            [this, transfer](const Exchange &exchange) { onFinished(transfer, exchange); });
    }
    m_editor->setInFlight(true);
    m_viewer->showInFlight(resolved.request.method, QUrl::fromUserInput(resolved.request.url.trimmed()));
    Q_EMIT inFlightChanged(true);
}

void RequestTab::cancel()
{
    if (m_oauthSend)
        m_oauthSend->cancel();
    else if (m_transfer)
        m_transfer->cancel();
}

void RequestTab::setOAuthServices(const OAuthServices &services)
{
    m_oauth = services;
    m_editor->authEditor()->setOAuthServices(
        services, [this](const QString &text) { return resolver().resolve(text); });
}

void RequestTab::watchTransfer(Transfer *transfer)
{
    connect(transfer, &Transfer::downloadProgress, this,
        [this](qint64 received, qint64 total) { m_viewer->showProgress(received, total); });
    connect(transfer, &Transfer::uploadProgress, this,
        [this](qint64 sent, qint64 total) { m_viewer->showUploadProgress(sent, total); });
}

void RequestTab::onFinished(Transfer *transfer, const Exchange &exchange)
{
    transfer->disconnect(this);
    transfer->deleteLater();
    if (m_transfer == transfer)
        m_transfer = nullptr;
    finishExchange(exchange);
}

void RequestTab::finishExchange(const Exchange &exchange)
{
    m_editor->setInFlight(false);
    m_viewer->showExchange(exchange);
    if (m_history)
        m_history->record(exchange, m_recordContext);
    if (m_workspace && m_workspace->isOpen() && exchange.hasResponse() && !m_sentRequest.captures.isEmpty()) {
        const QList<CapturedValue> values = m_workspace->applyCaptures(m_sentRequest, exchange);
        if (!values.isEmpty()) {
            refreshVariables();
            Q_EMIT valuesCaptured(values);
        }
    }
    Q_EMIT inFlightChanged(false);
    Q_EMIT exchangeFinished(exchange);
}

} // namespace Sonde
