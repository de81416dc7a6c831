#pragma once

#include "model/Exchange.h"

#include <QUrl>
#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace Sonde {

class BodyView;
class CookiesTableModel;
class CookiesView;
class ErrorPanel;
class HeadersTableModel;
class HeadersView;
class InFlightView;
class ResponseSummary;
class SentRequestView;
class TimelineView;

/// The response half of the main window: a hint before anything is sent, progress while a request
/// is in flight, then the exchange — a summary line (status, time, size) over the Body, Headers,
/// Cookies, Timeline and Request tabs, or an error panel when no response came back. Beside the
/// summary, Save Exchange as HAR… writes the exchange shown (request as sent, response, timings) as
/// a HAR 1.2 file.
class ResponseViewer : public QWidget
{
    Q_OBJECT

public:
    explicit ResponseViewer(QWidget *parent = nullptr);
    ~ResponseViewer() override;

    /// Nothing sent yet: a short hint.
    void showEmpty();
    /// A request is on its way: what is sent and the time elapsed.
    void showInFlight(const QString &method, const QUrl &url);
    /// Bytes of the response received so far; `total` is -1 when unknown.
    void showProgress(qint64 received, qint64 total);
    void showUploadProgress(qint64 sent, qint64 total);
    /// Shows a finished (or failed) exchange. The body is prepared off the UI thread; bodyRendered()
    /// follows once it is on screen.
    void showExchange(const Sonde::Exchange &exchange);
    const Sonde::Exchange &exchange() const;

    /// Asks for a file and saves the exchange shown there as HAR (see saveExchangeAsHar()).
    void chooseFileAndSaveHar();
    /// Writes the exchange shown as a HAR file at `path`, off the UI thread; harSaved() follows, and
    /// the line beside the summary says how it went.
    void saveExchangeAsHar(const QString &path);
    /// Save Exchange as HAR…: enabled while an exchange is shown.
    QAction *saveHarAction() const { return m_saveHarAction; }
    /// What the line beside the summary says (saved, or why not).
    QString harMessage() const;

    // The parts, for tests and the self-test.
    ResponseSummary *summary() const { return m_summary; }
    BodyView *bodyView() const { return m_body; }
    HeadersTableModel *headersModel() const { return m_headersModel; }
    CookiesTableModel *cookiesModel() const { return m_cookiesModel; }
    TimelineView *timelineView() const { return m_timeline; }
    SentRequestView *sentRequestView() const { return m_sent; }
    ErrorPanel *errorPanel() const { return m_error; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    /// Emitted once the body view shows the (pretty or raw) body of the exchange last shown.
    void bodyRendered();
    /// A HAR file was written at `path` (`error` is empty), or could not be (`error` says why).
    void harSaved(const QString &path, const QString &error);

private:
    Exchange m_exchange;
    QStackedWidget *m_pages;
    QLabel *m_hint;
    InFlightView *m_inFlight;
    QWidget *m_exchangePage;
    ResponseSummary *m_summary;
    ErrorPanel *m_error;
    QTabWidget *m_tabs;
    BodyView *m_body;
    HeadersTableModel *m_headersModel;
    HeadersView *m_headers;
    CookiesTableModel *m_cookiesModel;
    CookiesView *m_cookies;
    TimelineView *m_timeline;
    SentRequestView *m_sent;
    QAction *m_saveHarAction;
    QToolButton *m_saveHarButton;
    QLabel *m_harMessage;
};

} // namespace Sonde
