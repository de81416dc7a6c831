#pragma once

#include "auth/OAuthServices.h"
#include "history/ExchangeRecord.h"
#include "model/Exchange.h"
#include "template/RequestLocator.h"
#include "workspace/WorkspaceController.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QSplitter;

namespace Sonde {

class HistoryRecorder;
class HttpEngine;
class OAuth2Send;
class RequestEditor;
class ResponseViewer;
class Transfer;
class VariableHighlighter;

/// One request tab: a RequestEditor above a ResponseViewer, and the Transfer in flight, if any.
///
/// A tab is either a scratch request or bound to a request saved in the workspace (its ItemRef); it
/// knows whether it has edits that are not saved. Sending resolves {{variables}} (through the
/// workspace's scopes when there is one), adds the default headers of the request's folders, asks
/// before sending names that could not be resolved, then hands the request to the engine; the
/// response (or the error) is shown by the viewer, captures are stored and the exchange is recorded
/// into history. At most one transfer runs per tab; closing the tab aborts it.
class RequestTab final : public QWidget
{
    Q_OBJECT
public:
    /// Asked before sending a request with unresolved {{names}}; true sends it anyway.
    using UnresolvedPrompt = std::function<bool(const QStringList &names)>;

    /// `workspace` and `history` may be null.
    RequestTab(HttpEngine *engine, WorkspaceController *workspace, HistoryRecorder *history,
        QWidget *parent = nullptr);
    explicit RequestTab(HttpEngine *engine, QWidget *parent = nullptr);
    ~RequestTab() override;

    RequestEditor *editor() const { return m_editor; }
    ResponseViewer *viewer() const { return m_viewer; }
    QSplitter *splitter() const { return m_splitter; }

    /// The tab's caption: the request's name, else its method and URL, else "New Request"; with "•"
    /// after it while there are unsaved edits.
    QString title() const;
    bool isInFlight() const { return !m_transfer.isNull() || !m_oauthSend.isNull(); }

    /// Lets the Auth tab run OAuth 2.0 flows, and sending use (and refresh) the cached token of an
    /// OAuth 2.0 auth whose token field is empty.
    void setOAuthServices(const OAuthServices &services);

    /// The variable scopes the tab's request is resolved with when sent: its own, its folders', the
    /// collection's, the active environment's and the globals.
    TemplateResolver resolver() const;

    /// The saved request this tab edits; invalid for a scratch request.
    ItemRef itemRef() const { return m_ref; }
    /// Binds the tab to the saved request `ref` and shows `request` (its saved state): not modified.
    void setSavedRequest(const ItemRef &ref, const Request &request);
    /// Follows the saved request to where it moved, without touching the edits.
    void setItemRef(const ItemRef &ref);
    /// The saved request is gone: the tab keeps the edits as a scratch request.
    void detach();
    /// The user changed something since the request was opened or last saved.
    bool isModified() const { return m_modified; }
    /// Marks the current state as saved (after the window wrote it).
    void markSaved();

    void setUnresolvedPrompt(UnresolvedPrompt prompt) { m_unresolvedPrompt = std::move(prompt); }
    /// Re-reads variables for highlighting (the environment or a variable changed).
    void refreshVariables();
    /// Highlights {{names}} in the URL (resolved, unresolved, value on hover).
    VariableHighlighter *urlHighlighter() const { return m_urlHighlighter; }
    /// The same for the raw body.
    VariableHighlighter *bodyHighlighter() const { return m_bodyHighlighter; }

    /// Sends the edited request; does nothing while one is in flight.
    void send();
    /// Cancels the request in flight; the viewer then shows the cancellation.
    void cancel();

Q_SIGNALS:
    void titleChanged(const QString &title);
    void modifiedChanged(bool modified);
    void inFlightChanged(bool inFlight);
    /// A sent request completed, failed or was cancelled; the viewer shows it already.
    void exchangeFinished(const Sonde::Exchange &exchange);
    /// The request's captures were evaluated against its response (values or why not).
    void valuesCaptured(const QList<Sonde::CapturedValue> &values);
    /// Sending did not start: the user declined to send unresolved names.
    void sendDeclined(const QStringList &unresolved);

private:
    void onFinished(Transfer *transfer, const Exchange &exchange);
    void watchTransfer(Transfer *transfer);
    void finishExchange(const Exchange &exchange);
    void setModified(bool modified);

    HttpEngine *m_engine;
    QPointer<WorkspaceController> m_workspace;
    HistoryRecorder *m_history;
    QSplitter *m_splitter;
    RequestEditor *m_editor;
    ResponseViewer *m_viewer;
    VariableHighlighter *m_urlHighlighter;
    VariableHighlighter *m_bodyHighlighter;
    QPointer<Transfer> m_transfer;
    QPointer<OAuth2Send> m_oauthSend;
    OAuthServices m_oauth;
    ItemRef m_ref;
    bool m_modified = false;
    UnresolvedPrompt m_unresolvedPrompt;
    // What the running transfer needs once it finishes.
    Request m_sentRequest;
    RecordContext m_recordContext;
};

} // namespace Sonde
