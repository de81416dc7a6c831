#include "UiTestPrinters.h"
#include "editor/CodeEditor.h"
#include "request/BodyEditor.h"
#include "request/KeyValueTableModel.h"
#include "request/KeyValueTableView.h"
#include "request/MethodBox.h"
#include "request/RequestEditor.h"
#include "request/RequestSettingsEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::Request)
Q_DECLARE_METATYPE(Sonde::RequestSettings)

namespace {

KeyValue kv(const QString &key, const QString &value, bool enabled = true)
{
    return {key, value, enabled};
}

/// Types `text` into the URL field as a user would (so textEdited fires for every character).
void typeUrl(RequestEditor &editor, const QString &text)
{
    QLineEdit *url = editor.urlEdit();
    url->clear();
    QTest::keyClicks(url, text);
}

} // namespace

class TestRequestEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingUrlFillsParams_data();
    void typingUrlFillsParams();
    void editingParamUpdatesUrl_data();
    void editingParamUpdatesUrl();
    void disabledRowLeavesUrlButStays();
    void removingRowUpdatesUrl();
    void typingIntoTableAddsParam();
    void noFeedbackAndCursorStays();
    void methodValidation_data();
    void methodValidation();
    void roundTrip_data();
    void roundTrip();
    void tabTitlesShowCounts();
    void settingsTab_data();
    void settingsTab();
    void customProxy();
    void pathParamsTable();
    void pastedUserInfoBecomesBasicAuth();
    void tlsOffWarns();
    void bodyLanguageFollowsContentType();
    void sendAndCancelKeys();
};

void TestRequestEditor::typingUrlFillsParams_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<KeyValueList>("params");

    QTest::newRow("no query") << QStringLiteral("http://h/get") << KeyValueList {};
    QTest::newRow("two") << QStringLiteral("http://h/get?city=Lisbon&units=metric")
                         << KeyValueList {kv(QStringLiteral("city"), QStringLiteral("Lisbon")),
                                kv(QStringLiteral("units"), QStringLiteral("metric"))};
    QTest::newRow("repeated keys") << QStringLiteral("http://h/get?tag=a&tag=b&tag=c")
                                   << KeyValueList {kv(QStringLiteral("tag"), QStringLiteral("a")),
                                          kv(QStringLiteral("tag"), QStringLiteral("b")),
                                          kv(QStringLiteral("tag"), QStringLiteral("c"))};
    QTest::newRow("empty values") << QStringLiteral("http://h/get?a=&b")
                                  << KeyValueList {kv(QStringLiteral("a"), QString()),
                                         kv(QStringLiteral("b"), QString())};
    QTest::newRow("fragment") << QStringLiteral("http://h/get?q=1#section")
                              << KeyValueList {kv(QStringLiteral("q"), QStringLiteral("1"))};
    QTest::newRow("as typed") << QStringLiteral("http://h/get?name=J%C3%B8rn&x=a+b")
                              << KeyValueList {kv(QStringLiteral("name"), QStringLiteral("J%C3%B8rn")),
                                     kv(QStringLiteral("x"), QStringLiteral("a+b"))};
}

void TestRequestEditor::typingUrlFillsParams()
{
    QFETCH(QString, url);
    QFETCH(KeyValueList, params);

    RequestEditor editor;
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    typeUrl(editor, url);

    QCOMPARE(editor.paramsModel()->rows(), params);
    QCOMPARE(editor.request().params, params);
    // Typing never rewrites what is typed.
    QCOMPARE(editor.urlEdit()->text(), url);
    QCOMPARE(edited.count(), url.size());
}

void TestRequestEditor::editingParamUpdatesUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const int key = KeyValueTableModel::KeyColumn;
    const int value = KeyValueTableModel::ValueColumn;
    QTest::newRow("value") << QStringLiteral("http://h/get?a=1&b=2") << 1 << value << QStringLiteral("3")
                           << QStringLiteral("http://h/get?a=1&b=3");
    QTest::newRow("key") << QStringLiteral("http://h/get?a=1&b=2") << 0 << key << QStringLiteral("x")
                         << QStringLiteral("http://h/get?x=1&b=2");
    QTest::newRow("fragment kept") << QStringLiteral("http://h/p?a=1#top") << 0 << value
                                   << QStringLiteral("2") << QStringLiteral("http://h/p?a=2#top");
    QTest::newRow("repeated key, second") << QStringLiteral("http://h/p?a=1&a=2") << 1 << value
                                          << QStringLiteral("9") << QStringLiteral("http://h/p?a=1&a=9");
    QTest::newRow("emptied value") << QStringLiteral("http://h/p?a=1&b=2") << 0 << value << QString()
                                   << QStringLiteral("http://h/p?a&b=2");
    QTest::newRow("new row, no query yet")
        << QStringLiteral("http://h/p") << 0 << key << QStringLiteral("q") << QStringLiteral("http://h/p?q");
    QTest::newRow("new row, fragment kept") << QStringLiteral("http://h/p?a=1#f") << 1 << key
                                            << QStringLiteral("b") << QStringLiteral("http://h/p?a=1&b#f");
}

void TestRequestEditor::editingParamUpdatesUrl()
{
    QFETCH(QString, url);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, expected);

    RequestEditor editor;
    typeUrl(editor, url);
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    KeyValueTableModel *params = editor.paramsModel();
    QVERIFY(params->setData(params->index(row, column), text));

    QCOMPARE(editor.urlEdit()->text(), expected);
    QCOMPARE(editor.request().url, expected);
    QCOMPARE(edited.count(), 1);
}

void TestRequestEditor::disabledRowLeavesUrlButStays()
{
    RequestEditor editor;
    typeUrl(editor, QStringLiteral("http://h/get?a=1&b=2"));
    KeyValueTableModel *params = editor.paramsModel();

    QVERIFY(params->setData(
        params->index(0, KeyValueTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/get?b=2"));
    QCOMPARE(params->rows(),
        (KeyValueList {kv(QStringLiteral("a"), QStringLiteral("1"), false),
            kv(QStringLiteral("b"), QStringLiteral("2"))}));

    // Editing the URL keeps the disabled row where it was.
    typeUrl(editor, QStringLiteral("http://h/get?b=3&c=4"));
    QCOMPARE(params->rows(),
        (KeyValueList {kv(QStringLiteral("a"), QStringLiteral("1"), false),
            kv(QStringLiteral("b"), QStringLiteral("3")), kv(QStringLiteral("c"), QStringLiteral("4"))}));

    QVERIFY(params->setData(
        params->index(0, KeyValueTableModel::EnabledColumn), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/get?a=1&b=3&c=4"));
}

void TestRequestEditor::removingRowUpdatesUrl()
{
    RequestEditor editor;
    typeUrl(editor, QStringLiteral("http://h/get?a=1&b=2#frag"));
    QVERIFY(editor.paramsModel()->removeRows(0, 1));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/get?b=2#frag"));
    QVERIFY(editor.paramsModel()->removeRows(0, 1));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/get#frag"));
}

void TestRequestEditor::typingIntoTableAddsParam()
{
    RequestEditor editor;
    editor.resize(800, 400);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    typeUrl(editor, QStringLiteral("http://h/get?a=1"));

    QTableView *table = editor.paramsView()->tableView();
    KeyValueTableModel *params = editor.paramsModel();
    // Moving to a cell opens its editor (like Postman): type the key, Tab to the value, type it.
    table->setFocus();
    table->setCurrentIndex(params->index(1, KeyValueTableModel::KeyColumn));
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("page"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(table->currentIndex(), params->index(1, KeyValueTableModel::ValueColumn));
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    // The delegate commits Return on the next turn of the event loop.
    QTRY_COMPARE(params->rows(),
        (KeyValueList {
            kv(QStringLiteral("a"), QStringLiteral("1")), kv(QStringLiteral("page"), QStringLiteral("2"))}));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/get?a=1&page=2"));
    QCOMPARE(params->rowCount(), 3);
}

void TestRequestEditor::noFeedbackAndCursorStays()
{
    RequestEditor editor;
    typeUrl(editor, QStringLiteral("http://h/get?a=1&b=2"));
    QLineEdit *url = editor.urlEdit();
    url->setCursorPosition(5);
    QSignalSpy urlEdits(url, &QLineEdit::textEdited);
    QSignalSpy tableEdits(editor.paramsModel(), &KeyValueTableModel::rowsEdited);
    QSignalSpy resets(editor.paramsModel(), &QAbstractItemModel::modelReset);

    KeyValueTableModel *params = editor.paramsModel();
    QVERIFY(params->setData(params->index(1, KeyValueTableModel::ValueColumn), QStringLiteral("22")));
    QCOMPARE(url->text(), QStringLiteral("http://h/get?a=1&b=22"));
    QCOMPARE(url->cursorPosition(), 5);
    QCOMPARE(urlEdits.count(), 0); // the URL was not "typed"
    QCOMPARE(resets.count(), 0); // the table was not refilled from its own change
    QCOMPARE(tableEdits.count(), 1);

    // And the other way: typing in the URL refills the table without writing back to the URL.
    url->setCursorPosition(url->text().size());
    QTest::keyClicks(url, QStringLiteral("&c"));
    QCOMPARE(url->text(), QStringLiteral("http://h/get?a=1&b=22&c"));
    QCOMPARE(url->cursorPosition(), url->text().size());
    QCOMPARE(tableEdits.count(), 1);
    QCOMPARE(params->rows().size(), 3);
}

void TestRequestEditor::methodValidation_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("valid");

    QTest::newRow("GET") << QStringLiteral("GET") << true;
    QTest::newRow("custom PURGE") << QStringLiteral("PURGE") << true;
    QTest::newRow("custom M-SEARCH") << QStringLiteral("M-SEARCH") << true;
    QTest::newRow("lower case") << QStringLiteral("get") << true;
    QTest::newRow("space") << QStringLiteral("BAD METHOD") << false;
    QTest::newRow("slash") << QStringLiteral("GET/1") << false;
    QTest::newRow("non-ASCII") << QStringLiteral("GÉT") << false;
}

void TestRequestEditor::methodValidation()
{
    QFETCH(QString, method);
    QFETCH(bool, valid);

    RequestEditor editor;
    MethodBox *box = editor.methodBox();
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    box->lineEdit()->clear();
    QTest::keyClicks(box->lineEdit(), method);

    QCOMPARE(box->method(), method);
    QCOMPARE(editor.request().method, method);
    QCOMPARE(box->isMethodValid(), valid);
    QCOMPARE(box->toolTip().isEmpty(), valid);
    if (!valid)
        QVERIFY(box->toolTip().contains(method));
    QVERIFY(edited.count() > 0);

    // An invalid method can still be sent: the engine reports why it cannot go out.
    QSignalSpy send(&editor, &RequestEditor::sendRequested);
    editor.sendButton()->click();
    QCOMPARE(send.count(), 1);

    // Back to a standard one from the list.
    box->setMethod(QStringLiteral("DELETE"));
    QVERIFY(box->isMethodValid());
    QCOMPARE(box->currentIndex(), box->findText(QStringLiteral("DELETE")));
}

void TestRequestEditor::roundTrip_data()
{
    QTest::addColumn<Request>("request");

    Request plain;
    QTest::newRow("default") << plain;

    Request full;
    full.name = QStringLiteral("Create user");
    full.method = QStringLiteral("PATCH");
    full.url = QStringLiteral("https://api.example.com/users/7?verbose=1&tag=a&tag=b#details");
    full.params = {kv(QStringLiteral("verbose"), QStringLiteral("1")),
        kv(QStringLiteral("debug"), QStringLiteral("yes"), false),
        kv(QStringLiteral("tag"), QStringLiteral("a")), kv(QStringLiteral("tag"), QStringLiteral("b"))};
    full.headers = {kv(QStringLiteral("Accept"), QStringLiteral("application/json")),
        kv(QStringLiteral("X-Trace"), QStringLiteral("1"), false)};
    full.body.kind = Body::Kind::Raw;
    full.body.contentType = QStringLiteral("application/json");
    full.body.data = QByteArrayLiteral("{\"name\": \"Zoë\"}");
    full.settings.timeoutMs = 5000;
    full.settings.followRedirects = false;
    QTest::newRow("full") << full;

    Request custom;
    custom.method = QStringLiteral("PURGE");
    custom.url = QStringLiteral("http://127.0.0.1:8080/cache");
    custom.body.kind = Body::Kind::Raw;
    custom.body.contentType = QStringLiteral("text/csv");
    custom.body.data = QByteArrayLiteral("a,b\n1,2\n");
    QTest::newRow("custom method and content type") << custom;

    Request xml;
    xml.method = QStringLiteral("POST");
    xml.url = QStringLiteral("http://h/x");
    xml.body.kind = Body::Kind::Raw;
    xml.body.contentType = QStringLiteral("application/xml");
    xml.body.data = QByteArrayLiteral("<a/>");
    QTest::newRow("xml body") << xml;

    Request form = xml;
    form.body = {};
    form.body.kind = Body::Kind::FormUrlEncoded;
    form.body.fields = {kv(QStringLiteral("a"), QStringLiteral("1")), kv(QStringLiteral("b"), QStringLiteral("2"), false)};
    QTest::newRow("form body") << form;

    Request multipart = xml;
    multipart.body = {};
    multipart.body.kind = Body::Kind::Multipart;
    MultipartPart file;
    file.name = QStringLiteral("photo");
    file.filePath = QStringLiteral("/tmp/p.jpg");
    file.contentType = QStringLiteral("image/jpeg");
    file.fileName = QStringLiteral("me.jpg");
    MultipartPart text;
    text.name = QStringLiteral("title");
    text.value = QStringLiteral("Hi");
    text.enabled = false;
    multipart.body.parts = {file, text};
    QTest::newRow("multipart body") << multipart;

    Request binary = xml;
    binary.body = {};
    binary.body.kind = Body::Kind::Binary;
    binary.body.filePath = QStringLiteral("/tmp/blob.bin");
    binary.body.contentType = QStringLiteral("application/octet-stream");
    QTest::newRow("binary body") << binary;

    Request graphql = xml;
    graphql.body = {};
    graphql.body.kind = Body::Kind::GraphQL;
    graphql.body.graphqlQuery = QStringLiteral("query Q { a }");
    graphql.body.graphqlVariables = QStringLiteral("{\"x\": 1}");
    graphql.body.graphqlOperationName = QStringLiteral("Q");
    graphql.body.graphqlUseGet = true;
    QTest::newRow("graphql body") << graphql;

    Request settings = plain;
    settings.settings.timeoutMs = 0;
    settings.settings.followRedirects = false;
    settings.settings.maxRedirects = 3;
    settings.settings.ignoreTlsErrors = true;
    settings.settings.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
    QTest::newRow("settings") << settings;

    Request http1 = plain;
    http1.settings.timeoutMs = 120000;
    http1.settings.maxRedirects = 50;
    http1.settings.httpVersion = HttpVersionPolicy::Http1Only;
    QTest::newRow("http/1.1 only") << http1;

    Request noCookies = plain;
    noCookies.settings.sendCookies = false;
    QTest::newRow("cookie jar off") << noCookies;
}

void TestRequestEditor::roundTrip()
{
    QFETCH(Request, request);

    RequestEditor editor;
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    editor.setRequest(request);
    QCOMPARE(edited.count(), 0);

    const Request back = editor.request();
    QCOMPARE(back.name, request.name);
    QCOMPARE(back.method, request.method);
    QCOMPARE(back.url, request.url);
    QCOMPARE(back.params, request.params);
    QCOMPARE(back.headers, request.headers);
    QCOMPARE(int(back.body.kind), int(request.body.kind));
    QCOMPARE(back.body.contentType, request.body.contentType);
    QCOMPARE(back.body.data, request.body.data);
    QVERIFY(back.settings == request.settings);
    QVERIFY(back == request);
}

void TestRequestEditor::tabTitlesShowCounts()
{
    RequestEditor editor;
    QTabWidget *tabs = editor.tabs();
    QCOMPARE(tabs->tabText(0), QStringLiteral("Params"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Headers"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Body"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Settings"));

    typeUrl(editor, QStringLiteral("http://h/get?a=1&b=2"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Params (2)"));
    KeyValueTableModel *params = editor.paramsModel();
    QVERIFY(params->setData(
        params->index(0, KeyValueTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Params (1)"));

    KeyValueTableModel *headers = editor.headersModel();
    QVERIFY(headers->setData(headers->index(0, KeyValueTableModel::KeyColumn), QStringLiteral("Accept")));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Headers (1)"));

    Request request;
    request.body = {Body::Kind::Raw, QStringLiteral("application/xml"), QByteArrayLiteral("<a/>")};
    editor.setRequest(request);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Params"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Headers"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Body (XML)"));
}

void TestRequestEditor::settingsTab_data()
{
    QTest::addColumn<QString>("control");
    QTest::addColumn<RequestSettings>("expected");

    RequestSettings timeout;
    timeout.timeoutMs = 0;
    QTest::newRow("no timeout") << QStringLiteral("timeout") << timeout;
    RequestSettings noRedirects;
    noRedirects.followRedirects = false;
    QTest::newRow("no redirects") << QStringLiteral("follow") << noRedirects;
    RequestSettings fewRedirects;
    fewRedirects.maxRedirects = 2;
    QTest::newRow("two redirects") << QStringLiteral("max") << fewRedirects;
    RequestSettings noTls;
    noTls.ignoreTlsErrors = true;
    QTest::newRow("tls off") << QStringLiteral("tls") << noTls;
    RequestSettings http2;
    http2.httpVersion = HttpVersionPolicy::Http2PriorKnowledge;
    QTest::newRow("http/2") << QStringLiteral("version") << http2;
    RequestSettings noCookies;
    noCookies.sendCookies = false;
    QTest::newRow("cookie jar off") << QStringLiteral("cookies") << noCookies;
    RequestSettings systemProxy;
    systemProxy.proxy.mode = ProxySettings::Mode::System;
    QTest::newRow("system proxy") << QStringLiteral("proxy") << systemProxy;
}

void TestRequestEditor::settingsTab()
{
    QFETCH(QString, control);
    QFETCH(RequestSettings, expected);

    RequestEditor editor;
    editor.setRequest(Request {});
    RequestSettingsEditor *settings = editor.settingsEditor();
    QCOMPARE(editor.tabs()->widget(3), settings);
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    if (control == u"timeout")
        settings->timeoutBox()->setValue(0);
    else if (control == u"follow")
        settings->followRedirectsBox()->click();
    else if (control == u"max")
        settings->maxRedirectsBox()->setValue(2);
    else if (control == u"tls")
        settings->verifyTlsBox()->click();
    else if (control == u"version")
        settings->httpVersionBox()->setCurrentIndex(2);
    else if (control == u"cookies")
        settings->sendCookiesBox()->click();
    else if (control == u"proxy")
        settings->proxyModeBox()->setCurrentIndex(2);
    QCOMPARE(edited.count(), 1);
    QVERIFY(editor.request().settings == expected);
    // Redirects off: the maximum has no meaning, but keeps its value.
    QCOMPARE(settings->maxRedirectsBox()->isEnabled(), expected.followRedirects);
}

void TestRequestEditor::customProxy()
{
    RequestEditor editor;
    editor.setRequest(Request {});
    RequestSettingsEditor *settings = editor.settingsEditor();
    editor.tabs()->setCurrentWidget(settings);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(settings->proxyModeBox()->currentText(), QStringLiteral("Application default"));
    QVERIFY(!settings->proxyUrlEdit()->isVisible());

    settings->proxyModeBox()->setCurrentIndex(settings->proxyModeBox()->findData(int(ProxySettings::Mode::Custom)));
    QVERIFY(settings->proxyUrlEdit()->isVisible());
    QTest::keyClicks(settings->proxyUrlEdit(), QStringLiteral("socks5://127.0.0.1:1080"));
    QTest::keyClicks(settings->proxyUserEdit(), QStringLiteral("ada"));
    QTest::keyClicks(settings->proxyPasswordEdit(), QStringLiteral("hunter2"));
    // A literal password would be written into the request file: said next to the field.
    QVERIFY(settings->proxyPasswordWarning()->isVisible());
    settings->proxyPasswordEdit()->clear();
    QTest::keyClicks(settings->proxyPasswordEdit(), QStringLiteral("{{proxyPassword}}"));
    QVERIFY(!settings->proxyPasswordWarning()->isVisible());

    const ProxySettings expected {ProxySettings::Mode::Custom, QStringLiteral("socks5://127.0.0.1:1080"),
                                  QStringLiteral("ada"), QStringLiteral("{{proxyPassword}}")};
    QVERIFY(editor.request().settings.proxy == expected);
    // Other settings survive a round trip through the editor, and so does the proxy.
    Request request = editor.request();
    request.settings.timeoutMs = 1234;
    editor.setRequest(request);
    QVERIFY(editor.request().settings == request.settings);
}

void TestRequestEditor::pathParamsTable()
{
    RequestEditor editor;
    editor.setRequest(Request {});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    KeyValueTableModel *path = editor.pathParamsModel();
    QVERIFY(!editor.pathParamsView()->isVisible());

    typeUrl(editor, QStringLiteral("http://h/users/:id/posts/:post?x=1"));
    QVERIFY(editor.pathParamsView()->isVisible());
    QCOMPARE(path->rowCount(), 2); // no empty row to type into: names come from the URL
    QCOMPARE(path->rows(), (KeyValueList {kv("id", ""), kv("post", "")}));
    QVERIFY(!(path->flags(path->index(0, KeyValueTableModel::KeyColumn)) & Qt::ItemIsEditable));
    QVERIFY(path->setData(path->index(0, KeyValueTableModel::ValueColumn), QStringLiteral("42")));
    QCOMPARE(editor.tabs()->tabText(0), QStringLiteral("Params (2)")); // x and id
    QCOMPARE(editor.request().pathParams, (KeyValueList {kv("id", "42"), kv("post", "")}));

    // Renaming a segment drops its row, keeps the others' values.
    typeUrl(editor, QStringLiteral("http://h/users/:id/comments/:comment"));
    QCOMPARE(editor.request().pathParams, (KeyValueList {kv("id", "42"), kv("comment", "")}));
    typeUrl(editor, QStringLiteral("http://h/users"));
    QVERIFY(!editor.pathParamsView()->isVisible());
    QVERIFY(editor.request().pathParams.isEmpty());

    Request saved;
    saved.url = QStringLiteral("{{base}}/orders/:orderId");
    saved.pathParams = {kv("orderId", "{{order}}")};
    editor.setRequest(saved);
    QVERIFY(editor.pathParamsView()->isVisible());
    QCOMPARE(editor.request().pathParams, saved.pathParams);
}

void TestRequestEditor::pastedUserInfoBecomesBasicAuth()
{
    RequestEditor editor;
    editor.setRequest(Request {});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(!editor.urlNotice()->isVisible());
    // A paste is one edit.
    editor.urlEdit()->setFocus();
    editor.urlEdit()->insert(QStringLiteral("https://ada:p%40ss@api.test/v1/me?x=1#top"));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("https://api.test/v1/me?x=1#top"));
    QCOMPARE(editor.request().headers,
             (KeyValueList {kv("Authorization", "Basic " + QString::fromLatin1(QByteArray("ada:p@ss").toBase64()))}));
    QVERIFY(editor.urlNotice()->isVisible());
    QVERIFY(editor.urlNotice()->text().contains(u"“ada”"));
    QCOMPARE(editor.request().params, (KeyValueList {kv("x", "1")}));

    // Typed character by character: acted on once the host begins, not before.
    typeUrl(editor, QStringLiteral("http://bob:pw@h/x"));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/x"));
    QCOMPARE(editor.request().headers.size(), 1); // the Authorization row is replaced, not doubled
    QCOMPARE(editor.request().headers.first().value, "Basic " + QString::fromLatin1(QByteArray("bob:pw").toBase64()));

    // An @ in the path is no user info; variables are left alone.
    typeUrl(editor, QStringLiteral("http://h/users/@me"));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://h/users/@me"));
    typeUrl(editor, QStringLiteral("http://{{user}}@h/"));
    QCOMPARE(editor.urlEdit()->text(), QStringLiteral("http://{{user}}@h/"));

    editor.setRequest(Request {});
    QVERIFY(!editor.urlNotice()->isVisible());
}

void TestRequestEditor::tlsOffWarns()
{
    RequestEditor editor;
    Request request;
    request.settings.ignoreTlsErrors = true;
    editor.setRequest(request);
    RequestSettingsEditor *settings = editor.settingsEditor();
    QTabWidget *tabs = editor.tabs();
    QVERIFY(!settings->verifyTlsBox()->isChecked());
    QVERIFY(settings->tlsWarningLabel()->isVisibleTo(settings));
    QVERIFY(tabs->tabText(3).contains(QStringLiteral("TLS not verified")));
    QVERIFY(!tabs->tabIcon(3).isNull());

    settings->verifyTlsBox()->click();
    QVERIFY(!settings->tlsWarningLabel()->isVisibleTo(settings));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Settings"));
    QVERIFY(tabs->tabIcon(3).isNull());
    QVERIFY(!editor.request().settings.ignoreTlsErrors);

    // Verification is on for a new request.
    editor.setRequest(Request {});
    QVERIFY(settings->verifyTlsBox()->isChecked());
    QVERIFY(!settings->tlsWarningLabel()->isVisibleTo(settings));
}

void TestRequestEditor::bodyLanguageFollowsContentType()
{
    RequestEditor editor;
    Request request;
    request.body = {Body::Kind::Raw, QStringLiteral("application/json"), QByteArrayLiteral("{}")};
    editor.setRequest(request);
    CodeEditor *code = editor.bodyEditor()->editor();
    QCOMPARE(code->language(), CodeEditor::Language::Json);
    request.body.contentType = QStringLiteral("application/xml");
    editor.setRequest(request);
    QCOMPARE(code->language(), CodeEditor::Language::Xml);
    request.body.contentType = QStringLiteral("text/plain");
    editor.setRequest(request);
    QCOMPARE(code->language(), CodeEditor::Language::PlainText);
}

void TestRequestEditor::sendAndCancelKeys()
{
    RequestEditor editor;
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.focusUrl();
    QSignalSpy send(&editor, &RequestEditor::sendRequested);
    QSignalSpy cancel(&editor, &RequestEditor::cancelRequested);

    QTest::keyClick(editor.urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(send.count(), 1);
    QTest::keyClick(editor.urlEdit(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(send.count(), 2);

    editor.setInFlight(true);
    QCOMPARE(editor.sendButton()->text(), QStringLiteral("Cancel"));
    QTest::keyClick(editor.urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(send.count(), 2);
    QTest::keyClick(editor.urlEdit(), Qt::Key_Escape);
    QCOMPARE(cancel.count(), 1);
    editor.sendButton()->click();
    QCOMPARE(cancel.count(), 2);

    editor.setInFlight(false);
    QCOMPARE(editor.sendButton()->text(), QStringLiteral("Send"));
    QTest::keyClick(editor.urlEdit(), Qt::Key_Escape);
    QCOMPARE(cancel.count(), 2);
}

QTEST_MAIN(TestRequestEditor)
#include "tst_requesteditor.moc"
