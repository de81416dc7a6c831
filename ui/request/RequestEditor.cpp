#include "request/RequestEditor.h"

#include "formats/CurlImport.h"
#include "model/PathParams.h"
#include "model/QueryParams.h"
#include "request/AuthEditor.h"
#include "request/BodyEditor.h"
#include "request/KeyValueTableModel.h"
#include "request/KeyValueTableView.h"
#include "request/MethodBox.h"
#include "request/RequestSettingsEditor.h"
#include "request/RequestVarsEditor.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Sonde {

namespace {

enum Tab { ParamsTab, HeadersTab, AuthTab, BodyTab, SettingsTab, VarsTab };

QString titleWithCount(const QString &title, int count)
{
    return count > 0 ? title + QStringLiteral(" (%1)").arg(count) : title;
}

} // namespace

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
    , m_method(new MethodBox(this))
    , m_url(new QLineEdit(this))
    , m_send(new QPushButton(this))
    , m_urlNotice(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_params(new KeyValueTableModel(this))
    , m_headers(new KeyValueTableModel(this))
    , m_pathParams(new KeyValueTableModel(this))
    , m_paramsView(new KeyValueTableView(m_params, m_tabs))
    , m_headersView(new KeyValueTableView(m_headers, m_tabs))
    , m_auth(new AuthEditor(m_tabs))
    , m_body(new BodyEditor(m_tabs))
    , m_settings(new RequestSettingsEditor(m_tabs))
    , m_vars(new RequestVarsEditor(m_tabs))
    , m_sendAction(new QAction(tr("Send"), this))
    , m_cancelAction(new QAction(tr("Cancel"), this))
{
    m_tabs->setDocumentMode(true);
    m_pathParams->setKeysFixed(true);
    m_tabs->addTab(createParamsPage(), QString());
    m_tabs->addTab(m_headersView, QString());
    m_tabs->addTab(m_auth, QString());
    m_tabs->addTab(m_body, QString());
    m_tabs->addTab(m_settings, QString());
    m_tabs->addTab(m_vars, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addWidget(createUrlBar());
    m_urlNotice->setWordWrap(true);
    m_urlNotice->setTextFormat(Qt::PlainText);
    m_urlNotice->hide();
    layout->addWidget(m_urlNotice);
    layout->addWidget(m_tabs, 1);

    // Window-wide: a shortcut only fires for a visible widget, so of several editors in a tab widget
    // only the one on the current tab answers.
    setSendShortcutEnabled(true);
    m_sendAction->setShortcutContext(Qt::WindowShortcut);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_sendAction);
    addAction(m_cancelAction);
    connect(m_sendAction, &QAction::triggered, this, &RequestEditor::sendRequested);
    connect(m_cancelAction, &QAction::triggered, this, &RequestEditor::cancelRequested);

    connect(m_method, &MethodBox::methodEdited, this, &RequestEditor::requestEdited);
    connect(m_url, &QLineEdit::textEdited, this, &RequestEditor::onUrlEdited);
    connect(m_url, &QLineEdit::returnPressed, this, [this] {
        if (!m_inFlight)
            Q_EMIT sendRequested();
    });
    connect(m_send, &QPushButton::clicked, this, &RequestEditor::onSendClicked);
    connect(m_params, &KeyValueTableModel::rowsEdited, this, &RequestEditor::onParamsEdited);
    connect(m_pathParams, &KeyValueTableModel::rowsEdited, this, [this] {
        updateTabTitles();
        Q_EMIT requestEdited();
    });
    connect(m_headers, &KeyValueTableModel::rowsEdited, this, [this] {
        updateExplicitContentType();
        updateTabTitles();
        Q_EMIT requestEdited();
    });
    connect(m_auth, &AuthEditor::authEdited, this, [this] {
        updateTabTitles();
        Q_EMIT requestEdited();
    });
    connect(m_body, &BodyEditor::bodyEdited, this, [this] {
        updateTabTitles();
        Q_EMIT requestEdited();
    });
    connect(m_settings, &RequestSettingsEditor::settingsEdited, this, [this] {
        updateTabTitles();
        Q_EMIT requestEdited();
    });
    connect(m_vars, &RequestVarsEditor::varsEdited, this, [this] {
        updateTabTitles();
        Q_EMIT requestEdited();
    });

    updateSendButton();
    updateTabTitles();
}

QWidget *RequestEditor::createUrlBar()
{
    auto *bar = new QWidget(this);
    m_url->setPlaceholderText(tr("Enter a URL, e.g. http://127.0.0.1:PORT/get"));
    m_url->setClearButtonEnabled(true);
    m_url->setAccessibleName(tr("URL"));
    m_send->setAutoDefault(false);
    m_send->setMinimumWidth(m_send->fontMetrics().horizontalAdvance(tr("Cancel")) + 40);

    // The URL bar is the main control of the window: a little taller than a plain line edit.
    const int height = m_url->sizeHint().height() + 8;
    m_method->setFixedHeight(height);
    m_url->setFixedHeight(height);
    m_send->setFixedHeight(height);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_method);
    layout->addWidget(m_url, 1);
    layout->addWidget(m_send);
    return bar;
}

QWidget *RequestEditor::createParamsPage()
{
    auto *page = new QWidget(m_tabs);
    auto *queryLabel = new QLabel(tr("Query parameters"), page);
    m_pathParamsSection = new QWidget(page);
    auto *pathLabel = new QLabel(tr("Path parameters"), m_pathParamsSection);
    pathLabel->setToolTip(tr("Values for the :name segments of the URL's path, percent-encoded when sent"));
    m_pathParamsView = new KeyValueTableView(m_pathParams, m_pathParamsSection);
    m_pathParamsView->setAccessibleName(tr("Path parameters"));
    m_paramsView->setAccessibleName(tr("Query parameters"));
    for (QLabel *label : {queryLabel, pathLabel}) {
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
    }
    auto *pathLayout = new QVBoxLayout(m_pathParamsSection);
    pathLayout->setContentsMargins(0, 6, 0, 0);
    pathLayout->setSpacing(4);
    pathLayout->addWidget(pathLabel);
    pathLayout->addWidget(m_pathParamsView);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(queryLabel);
    layout->addWidget(m_paramsView, 3);
    layout->addWidget(m_pathParamsSection, 2);
    m_pathParamsSection->hide();
    return page;
}

void RequestEditor::updatePathParams(const QString &url)
{
    // Values of names that leave the URL are remembered, so typing over a name ("/:i", "/:id") or
    // undoing an edit brings its value back.
    for (const KeyValue &row : m_pathParams->rows())
        m_pathParamMemory.insert(row.key, row);
    m_pathParams->setRows(PathParams::mergeFromUrl(m_pathParamMemory.values(), url));
    m_pathParamsSection->setVisible(!m_pathParams->rows().isEmpty());
}

Request RequestEditor::request() const
{
    Request request = m_request;
    request.method = m_method->method();
    request.url = m_url->text();
    request.params = m_params->rows();
    request.pathParams = m_pathParams->rows();
    request.headers = m_headers->rows();
    request.auth = m_auth->auth();
    request.body = m_body->body();
    request.settings = m_settings->settings();
    request.variables = m_vars->variables();
    request.captures = m_vars->captures();
    return request;
}

void RequestEditor::setRequest(const Request &request)
{
    m_request = request;
    m_method->setMethod(request.method);
    m_url->setText(request.url);
    m_url->setCursorPosition(0);
    m_params->setRows(QueryParams::mergeFromUrl(request.params, request.url));
    m_pathParamMemory.clear();
    m_urlNotice->hide();
    m_lastUrlText = request.url;
    m_pathParams->setRows(request.pathParams);
    updatePathParams(request.url);
    m_headers->setRows(request.headers);
    m_auth->setAuth(request.auth);
    m_body->setBody(request.body);
    m_settings->setSettings(request.settings);
    m_vars->setVars(request.variables, request.captures);
    updateExplicitContentType();
    updateTabTitles();
}

void RequestEditor::setInFlight(bool inFlight)
{
    m_inFlight = inFlight;
    updateSendButton();
}

void RequestEditor::setSendShortcutEnabled(bool enabled)
{
    m_sendAction->setShortcuts(enabled ? QList<QKeySequence> {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                                              QKeySequence(Qt::CTRL | Qt::Key_Enter)}
                                       : QList<QKeySequence> {});
}

void RequestEditor::focusUrl()
{
    m_url->setFocus(Qt::OtherFocusReason);
    m_url->deselect();
    m_url->end(false);
}

void RequestEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateSendButton();
}

bool RequestEditor::moveUserInfoToHeader(const QString &text)
{
    // scheme://userinfo@host…, the host begun: typing "user:pw@" is not acted on before the host comes.
    static const QRegularExpression userInfo(
        QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@\\s]*)@(?=[^/?#@\\s])"));
    const QRegularExpressionMatch match = userInfo.match(text);
    if (!match.hasMatch() || match.capturedView(2).contains(u"{{"))
        return false;
    const QString info = match.captured(2);
    const qsizetype colon = info.indexOf(u':');
    const QString user = QUrl::fromPercentEncoding(info.left(colon).toUtf8());
    const QString password = colon < 0 ? QString() : QUrl::fromPercentEncoding(info.mid(colon + 1).toUtf8());
    const QString value = QStringLiteral("Basic ") + QString::fromLatin1((user + u':' + password).toUtf8().toBase64());

    KeyValueList headers = m_headers->rows();
    const auto existing = std::find_if(headers.begin(), headers.end(), [](const KeyValue &row) {
        return row.key.trimmed().compare(QLatin1StringView("Authorization"), Qt::CaseInsensitive) == 0;
    });
    if (existing != headers.end()) {
        existing->value = value;
        existing->enabled = true;
    } else {
        headers.append({QStringLiteral("Authorization"), value});
    }
    m_headers->setRows(headers);

    const QString stripped = match.captured(1) + text.mid(match.capturedEnd(0));
    const int cursor = qMax(0, m_url->cursorPosition() - int(match.capturedLength(0) - match.capturedLength(1)));
    m_url->setText(stripped);
    m_url->setCursorPosition(qMin(cursor, int(stripped.size())));
    m_urlNotice->setText(tr("The user name “%1” and its password moved from the URL into an Authorization "
                            "header (Basic), as a browser sends them.").arg(user));
    m_urlNotice->show();
    return true;
}

bool RequestEditor::importPastedCurl(const QString &text)
{
    // Only a paste (many characters at once): typing "curl h" must not turn into a request for "h".
    const bool pasted = text.size() > m_lastUrlText.size() + 5;
    if (!pasted || !CurlImport::looksLikeCurl(text))
        return false;
    const ImportResult result = CurlImport::parse(text);
    if (!result.ok() || result.collection.requests.isEmpty()) {
        m_urlNotice->setText(tr("This looks like a curl command, but it cannot be read: %1")
                                 .arg(result.ok() ? tr("it has no URL") : result.error.toString()));
        m_urlNotice->show();
        return false;
    }
    // The request takes the command's contents; its name and place stay.
    Request imported = result.collection.requests.constFirst();
    imported.name = m_request.name;
    imported.fileName = m_request.fileName;
    imported.sortKey = m_request.sortKey;
    imported.description = m_request.description;
    imported.variables = m_request.variables;
    imported.captures = m_request.captures;
    setRequest(imported);
    QStringList notes;
    for (const ImportMessage &warning : result.warnings)
        notes.append(warning.toString());
    if (result.collection.requests.size() > 1)
        notes.append(tr("only the first of its %1 requests was taken").arg(result.collection.requests.size()));
    m_urlNotice->setText(notes.isEmpty() ? tr("Imported from the pasted curl command.")
                                         : tr("Imported from the pasted curl command; %1").arg(notes.join(QStringLiteral("; "))));
    m_urlNotice->show();
    Q_EMIT requestEdited();
    return true;
}

void RequestEditor::onUrlEdited(const QString &editedText)
{
    if (importPastedCurl(editedText)) {
        m_lastUrlText = m_url->text();
        return;
    }
    m_lastUrlText = editedText;
    // The notice stays until another request is shown.
    const bool moved = moveUserInfoToHeader(editedText);
    const QString text = m_url->text();
    if (moved)
        updateExplicitContentType();
    // setRows() does not emit rowsEdited, so this does not come back to the URL.
    m_params->setRows(QueryParams::mergeFromUrl(m_params->rows(), text));
    updatePathParams(text);
    updateTabTitles();
    Q_EMIT requestEdited();
}

void RequestEditor::onParamsEdited()
{
    const QString current = m_url->text();
    const QString updated = QueryParams::applyToUrl(current, m_params->rows());
    if (updated != current) {
        // setText() emits no textEdited, so this does not come back to the table; the cursor stays put.
        const int cursor = m_url->cursorPosition();
        m_url->setText(updated);
        m_url->setCursorPosition(qMin(cursor, int(updated.size())));
    }
    updateTabTitles();
    Q_EMIT requestEdited();
}

void RequestEditor::onSendClicked()
{
    if (m_inFlight)
        Q_EMIT cancelRequested();
    else
        Q_EMIT sendRequested();
}

void RequestEditor::updateTabTitles()
{
    // Path parameters count once they have a value: an empty one is sent as written.
    const KeyValueList pathRows = m_pathParams->rows();
    const auto pathCount = std::count_if(pathRows.cbegin(), pathRows.cend(),
                                         [](const KeyValue &row) { return row.enabled && !row.value.isEmpty(); });
    m_tabs->setTabText(ParamsTab, titleWithCount(tr("Params"), m_params->activeCount() + int(pathCount)));
    m_tabs->setTabText(HeadersTab, titleWithCount(tr("Headers"), m_headers->activeCount()));
    m_tabs->setTabText(VarsTab, titleWithCount(tr("Vars"), m_vars->activeCount()));
    const QString auth = m_auth->summary();
    m_tabs->setTabText(AuthTab, auth.isEmpty() ? tr("Auth") : tr("Auth (%1)").arg(auth));
    const QString body = m_body->summary();
    m_tabs->setTabText(BodyTab, body.isEmpty() ? tr("Body") : tr("Body (%1)").arg(body));

    const bool tlsOff = m_settings->settings().ignoreTlsErrors;
    m_tabs->setTabText(SettingsTab, tlsOff ? tr("Settings (TLS not verified)") : tr("Settings"));
    m_tabs->setTabIcon(SettingsTab, tlsOff ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    m_tabs->setTabToolTip(SettingsTab,
        tlsOff ? tr("TLS certificates are not verified for this request")
               : tr("Timeout, redirects, TLS, HTTP version"));
}

void RequestEditor::updateExplicitContentType()
{
    // What RequestBuilder sends: the enabled Content-Type rows, joined as one header.
    QStringList values;
    for (const KeyValue &row : m_headers->rows()) {
        if (row.enabled
            && row.key.trimmed().compare(QLatin1StringView("Content-Type"), Qt::CaseInsensitive) == 0)
            values.append(row.value);
    }
    m_body->setExplicitContentType(values.join(QStringLiteral(", ")));
}

void RequestEditor::updateSendButton()
{
    m_send->setText(m_inFlight ? tr("Cancel") : tr("Send"));
    m_send->setToolTip(m_inFlight ? tr("Cancel the request (Esc)") : tr("Send the request (Ctrl+Enter)"));
    m_sendAction->setEnabled(!m_inFlight);
    m_cancelAction->setEnabled(m_inFlight);

    // Send is the primary action: drawn in the accent colour; Cancel is a plain button.
    QPalette palette = this->palette();
    if (!m_inFlight) {
        palette.setColor(QPalette::Button, palette.color(QPalette::Highlight));
        palette.setColor(QPalette::ButtonText, palette.color(QPalette::HighlightedText));
    }
    m_send->setPalette(palette);
    QFont font = m_send->font();
    font.setBold(!m_inFlight);
    m_send->setFont(font);
}

} // namespace Sonde
