#pragma once

#include "model/Request.h"

#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace Sonde {

class AuthEditor;
class BodyEditor;
class KeyValueTableModel;
class KeyValueTableView;
class MethodBox;
class RequestVarsEditor;
class RequestSettingsEditor;

/// The top half of a request tab: method, URL and Send button, and the Params, Headers, Body and
/// Settings tabs.
///
/// The Params table and the URL's query are two views of one thing: typing in the URL refills the
/// table (disabled rows are kept), editing the table rewrites the query (QueryParams does both). The
/// `:name` segments of the path get a second table on the Params tab, shown when there are any. A URL
/// with user info (`https://user:password@host/`) is taken as a browser takes it: the credentials move
/// into an `Authorization: Basic` header and a notice says so. A curl command pasted into the URL field
/// becomes the request (method, URL, headers, body, auth, settings), with a notice.
/// Send is Ctrl+Enter (or Ctrl+Return) anywhere in the window; while a request is in flight the
/// button is Cancel and Esc cancels. An enabled Content-Type header is shown on the Body tab as the
/// one that will be sent; with TLS verification off the Settings tab carries a warning.
class RequestEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit RequestEditor(QWidget *parent = nullptr);

    /// The request as edited; the fields the editor does not show (name, variables, captures, …) are
    /// those of the last setRequest().
    Request request() const;
    /// Shows `request`; emits nothing. The URL is the truth for the enabled query parameters.
    void setRequest(const Request &request);

    /// Turns the Send button into Cancel (and back).
    void setInFlight(bool inFlight);
    bool isInFlight() const { return m_inFlight; }

    /// Puts the keyboard focus in the URL field, the cursor at the end.
    void focusUrl();

    /// Ctrl+Enter / Ctrl+Return, anywhere in the window while the editor is visible.
    QAction *sendAction() const { return m_sendAction; }
    /// Whether Ctrl+Enter sends (a setting; Enter in the URL field always does).
    void setSendShortcutEnabled(bool enabled);

    /// Esc while in flight, anywhere in the window while the editor is visible.
    QAction *cancelAction() const { return m_cancelAction; }

    MethodBox *methodBox() const { return m_method; }
    QLineEdit *urlEdit() const { return m_url; }
    QPushButton *sendButton() const { return m_send; }
    /// A line under the URL bar telling what the editor did with a pasted URL (credentials moved).
    QLabel *urlNotice() const { return m_urlNotice; }
    QTabWidget *tabs() const { return m_tabs; }
    KeyValueTableModel *paramsModel() const { return m_params; }
    /// The values of the URL's `:name` path segments, one row per name (keys follow the URL).
    KeyValueTableModel *pathParamsModel() const { return m_pathParams; }
    KeyValueTableView *pathParamsView() const { return m_pathParamsView; }
    KeyValueTableModel *headersModel() const { return m_headers; }
    KeyValueTableView *paramsView() const { return m_paramsView; }
    BodyEditor *bodyEditor() const { return m_body; }
    AuthEditor *authEditor() const { return m_auth; }
    RequestSettingsEditor *settingsEditor() const { return m_settings; }
    RequestVarsEditor *varsEditor() const { return m_vars; }

Q_SIGNALS:
    void sendRequested();
    void cancelRequested();
    /// The user changed anything of the request.
    void requestEdited();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createUrlBar();
    QWidget *createParamsPage();
    void updatePathParams(const QString &url);
    bool moveUserInfoToHeader(const QString &text);
    bool importPastedCurl(const QString &text);
    void onUrlEdited(const QString &text);
    void onParamsEdited();
    void onSendClicked();
    void updateTabTitles();
    void updateExplicitContentType();
    void updateSendButton();

    Request m_request;
    MethodBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QLabel *m_urlNotice;
    QTabWidget *m_tabs;
    KeyValueTableModel *m_params;
    KeyValueTableModel *m_headers;
    KeyValueTableModel *m_pathParams;
    KeyValueTableView *m_paramsView;
    KeyValueTableView *m_pathParamsView = nullptr;
    QWidget *m_pathParamsSection = nullptr;
    QHash<QString, KeyValue> m_pathParamMemory;
    QString m_lastUrlText;
    KeyValueTableView *m_headersView;
    AuthEditor *m_auth;
    BodyEditor *m_body;
    RequestSettingsEditor *m_settings;
    RequestVarsEditor *m_vars;
    QAction *m_sendAction;
    QAction *m_cancelAction;
    bool m_inFlight = false;
};

} // namespace Sonde
