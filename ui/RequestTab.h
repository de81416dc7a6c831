#pragma once

#include "model/Exchange.h"

#include <QPointer>
#include <QWidget>

class QSplitter;

namespace Sonde {

class HttpEngine;
class RequestEditor;
class ResponseViewer;
class Transfer;

/// One request tab: a RequestEditor above a ResponseViewer, and the Transfer in flight, if any.
///
/// Sending hands the editor's request to the engine; the response (or the error: invalid method or
/// URL, refused connection, cancel, …) is shown by the viewer. At most one transfer runs per tab;
/// closing the tab aborts it.
class RequestTab final : public QWidget
{
    Q_OBJECT
public:
    explicit RequestTab(HttpEngine *engine, QWidget *parent = nullptr);
    ~RequestTab() override;

    RequestEditor *editor() const { return m_editor; }
    ResponseViewer *viewer() const { return m_viewer; }
    QSplitter *splitter() const { return m_splitter; }

    /// The tab's caption: the request's name, else its method and URL, else "New Request".
    QString title() const;
    bool isInFlight() const { return !m_transfer.isNull(); }

    /// Sends the edited request; does nothing while one is in flight.
    void send();
    /// Cancels the request in flight; the viewer then shows the cancellation.
    void cancel();

Q_SIGNALS:
    void titleChanged(const QString &title);
    void inFlightChanged(bool inFlight);
    /// A sent request completed, failed or was cancelled; the viewer shows it already.
    void exchangeFinished(const Sonde::Exchange &exchange);

private:
    void onFinished(Transfer *transfer, const Exchange &exchange);

    HttpEngine *m_engine;
    QSplitter *m_splitter;
    RequestEditor *m_editor;
    ResponseViewer *m_viewer;
    QPointer<Transfer> m_transfer;
};

} // namespace Sonde
