// The body editor: every body kind round-trips, kinds keep their text while another is chosen, raw
// bodies can be beautified and warn about bad JSON, the Content-Type line tells what is sent, and what
// the editor produces arrives at a real loopback server as the kind says.
#include "UiTestPrinters.h"
#include "echo/EchoServer.h"
#include "editor/CodeEditor.h"
#include "http/HttpEngine.h"
#include "http/Transfer.h"
#include "request/BinaryBodyEditor.h"
#include "request/BodyEditor.h"
#include "request/FilePathEdit.h"
#include "request/GraphQLBodyEditor.h"
#include "request/KeyValueTableModel.h"
#include "request/MethodBox.h"
#include "request/MultipartTableModel.h"
#include "request/MultipartTableView.h"
#include "request/RawBodyEditor.h"
#include "request/RequestEditor.h"
#include "request/RequestSettingsEditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Sonde::Body)
Q_DECLARE_METATYPE(Sonde::Body::Kind)
Q_DECLARE_METATYPE(Sonde::Exchange)

namespace Sonde {

// Failed comparisons of bodies print what differs in words.
char *toString(const Body &body)
{
    QStringList parts {u"kind=%1"_s.arg(int(body.kind))};
    if (!body.contentType.isEmpty())
        parts.append(u"type=" + body.contentType);
    if (!body.data.isEmpty())
        parts.append(u"data=" + QString::fromUtf8(body.data));
    for (const KeyValue &field : body.fields)
        parts.append(u"field " + describe(field));
    for (const MultipartPart &part : body.parts)
        parts.append(u"part %1%2=%3|%4 (%5, %6)"_s.arg(part.enabled ? QString() : u"(off) "_s, part.name,
            part.value, part.filePath, part.contentType, part.fileName));
    if (!body.filePath.isEmpty())
        parts.append(u"file=" + body.filePath);
    if (body.kind == Body::Kind::GraphQL)
        parts.append(u"graphql=%1|%2|%3|%4"_s.arg(body.graphqlQuery, body.graphqlVariables,
            body.graphqlOperationName, body.graphqlUseGet ? u"GET"_s : u"POST"_s));
    return QTest::toString(parts.join(u"; "_s));
}

} // namespace Sonde

namespace {

Body rawBody(const QString &type, const QByteArray &data)
{
    return {Body::Kind::Raw, type, data};
}

Body formBody(const KeyValueList &fields)
{
    Body body;
    body.kind = Body::Kind::FormUrlEncoded;
    body.fields = fields;
    return body;
}

Body multipartBody(const QList<MultipartPart> &parts)
{
    Body body;
    body.kind = Body::Kind::Multipart;
    body.parts = parts;
    return body;
}

Body binaryBody(const QString &path, const QString &type = QString())
{
    Body body;
    body.kind = Body::Kind::Binary;
    body.filePath = path;
    body.contentType = type;
    return body;
}

Body graphqlBody(const QString &query, const QString &variables, const QString &operation, bool useGet)
{
    Body body;
    body.kind = Body::Kind::GraphQL;
    body.graphqlQuery = query;
    body.graphqlVariables = variables;
    body.graphqlOperationName = operation;
    body.graphqlUseGet = useGet;
    return body;
}

MultipartPart textPart(
    const QString &name, const QString &value, const QString &type = QString(), bool enabled = true)
{
    MultipartPart part;
    part.name = name;
    part.value = value;
    part.contentType = type;
    part.enabled = enabled;
    return part;
}

MultipartPart filePart(const QString &name, const QString &path, const QString &type = QString(),
    const QString &fileName = QString())
{
    MultipartPart part;
    part.name = name;
    part.filePath = path;
    part.contentType = type;
    part.fileName = fileName;
    return part;
}

/// The header `name` of the echo (case-insensitive), as the server received it.
QString echoedHeader(const QJsonObject &echo, const QString &name)
{
    const QJsonObject headers = echo.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().toString();
    }
    return {};
}

} // namespace

class TestBodyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void roundTripThroughRequestEditor_data();
    void roundTripThroughRequestEditor();
    void setBodyEmitsNothing();
    void switchingKindsKeepsText();
    void summary_data();
    void summary();
    void beautify_data();
    void beautify();
    void invalidJsonWarning_data();
    void invalidJsonWarning();
    void typingInvalidJsonWarnsButSends();
    void contentTypeNote_data();
    void contentTypeNote();
    void contentTypeNoteFollowsHeaders();
    void multipartTypeSwitchKeepsValueAndPath();
    void multipartByKeyboard();
    void multipartModelTester();
    void binaryShowsSizeAndGuess();
    void sentToEchoServer_data();
    void sentToEchoServer();
    void screenshots();

private:
    QString writeFile(const QString &name, const QByteArray &contents);
    QJsonObject sendToEcho(Request request, QString *error);

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    HttpEngine m_engine {&m_network};
    EchoServer m_echo;
};

void TestBodyEditor::initTestCase()
{
    qRegisterMetaType<Sonde::Exchange>();
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_echo.listen(), qPrintable(m_echo.errorString()));
}

QString TestBodyEditor::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

QJsonObject TestBodyEditor::sendToEcho(Request request, QString *error)
{
    request.url = m_echo.baseUrl().toString() + u"anything?from=ui"_s;
    Transfer *transfer = m_engine.send(request, this);
    QSignalSpy finished(transfer, &Transfer::finished);
    if (!finished.wait(60000)) {
        *error = u"no answer from the echo server"_s;
        return {};
    }
    transfer->deleteLater();
    const Exchange exchange = finished.takeFirst().at(0).value<Exchange>();
    if (exchange.error.isError()) {
        *error = exchange.error.message;
        return {};
    }
    return QJsonDocument::fromJson(exchange.body.bytes()).object();
}

void TestBodyEditor::roundTrip_data()
{
    QTest::addColumn<Body>("body");

    QTest::newRow("none") << Body {};
    QTest::newRow("raw json") << rawBody(u"application/json"_s, "{\"name\": \"Zoë\"}");
    QTest::newRow("raw xml") << rawBody(u"application/xml"_s, "<a>1</a>");
    QTest::newRow("raw yaml") << rawBody(u"application/yaml"_s, "a: 1\nb: [x, y]\n");
    QTest::newRow("raw html") << rawBody(u"text/html"_s, "<p>hi</p>");
    QTest::newRow("raw text") << rawBody(u"text/plain"_s, "plain words");
    QTest::newRow("raw javascript") << rawBody(u"application/javascript"_s, "let a = 1;");
    QTest::newRow("raw custom") << rawBody(u"text/csv"_s, "a,b\n1,2\n");
    QTest::newRow("raw json with charset") << rawBody(u"application/json; charset=utf-8"_s, "{}");
    QTest::newRow("raw no content type") << rawBody(QString(), "bytes");
    QTest::newRow("raw empty") << rawBody(u"application/json"_s, QByteArray());
    QTest::newRow("form") << formBody({{u"name"_s, u"Ada Lovelace"_s}, {u"off"_s, u"x"_s, false},
        {u"q"_s, u"a+b&c=d%"_s}, {u"empty"_s, QString()}});
    QTest::newRow("form empty") << formBody({});
    QTest::newRow("multipart") << multipartBody(
        {textPart(u"title"_s, u"Holiday"_s), textPart(u"meta"_s, u"{\"a\":1}"_s, u"application/json"_s),
            textPart(u"draft"_s, u"yes"_s, QString(), false), filePart(u"photo"_s, u"/tmp/photo.jpg"_s),
            filePart(u"doc"_s, u"/tmp/a b.pdf"_s, u"application/pdf"_s, u"report.pdf"_s)});
    QTest::newRow("binary") << binaryBody(u"/tmp/data.bin"_s);
    QTest::newRow("binary with type") << binaryBody(u"/tmp/data.bin"_s, u"image/png"_s);
    QTest::newRow("binary no file") << binaryBody(QString());
    QTest::newRow("graphql post") << graphqlBody(
        u"query Q($id: ID!) { user(id: $id) { name } }"_s, u"{\"id\": \"7\"}"_s, u"Q"_s, false);
    QTest::newRow("graphql get") << graphqlBody(u"{ me { id } }"_s, QString(), QString(), true);
}

void TestBodyEditor::roundTrip()
{
    QFETCH(Body, body);
    BodyEditor editor;
    editor.setBody(body);
    QCOMPARE(editor.kind(), body.kind);
    QCOMPARE(editor.body(), body);
    // And again over what is shown: nothing of the previous body leaks into the next.
    editor.setBody(rawBody(u"text/plain"_s, "other"));
    editor.setBody(body);
    QCOMPARE(editor.body(), body);
}

void TestBodyEditor::roundTripThroughRequestEditor_data()
{
    roundTrip_data();
}

void TestBodyEditor::roundTripThroughRequestEditor()
{
    QFETCH(Body, body);
    Request request;
    request.method = u"POST"_s;
    request.url = u"http://h/p"_s;
    request.body = body;
    request.settings.timeoutMs = 0;
    request.settings.ignoreTlsErrors = true;

    RequestEditor editor;
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    editor.setRequest(request);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(editor.request().body, body);
    QVERIFY(editor.request() == request);
}

void TestBodyEditor::setBodyEmitsNothing()
{
    BodyEditor editor;
    QSignalSpy edited(&editor, &BodyEditor::bodyEdited);
    editor.setBody(rawBody(u"text/csv"_s, "a"));
    editor.setBody(formBody({{u"a"_s, u"1"_s}}));
    editor.setBody(multipartBody({textPart(u"a"_s, u"1"_s)}));
    editor.setBody(binaryBody(u"/tmp/x"_s));
    editor.setBody(graphqlBody(u"{a}"_s, u"{}"_s, u"A"_s, true));
    editor.setBody({});
    QCOMPARE(edited.count(), 0);
}

void TestBodyEditor::switchingKindsKeepsText()
{
    BodyEditor editor;
    QSignalSpy edited(&editor, &BodyEditor::bodyEdited);

    editor.setKind(Body::Kind::Raw);
    editor.editor()->setText(u"{\"typed\": true}"_s);
    QCOMPARE(editor.body(), rawBody(u"application/json"_s, "{\"typed\": true}"));

    editor.setKind(Body::Kind::FormUrlEncoded);
    KeyValueTableModel *form = editor.formModel();
    QVERIFY(form->setData(form->index(0, KeyValueTableModel::KeyColumn), u"city"_s));
    QVERIFY(form->setData(form->index(0, KeyValueTableModel::ValueColumn), u"Lisbon"_s));
    QCOMPARE(editor.body(), formBody({{u"city"_s, u"Lisbon"_s}}));

    editor.setKind(Body::Kind::Multipart);
    MultipartTableModel *parts = editor.multipartModel();
    QVERIFY(parts->setData(parts->index(0, MultipartTableModel::NameColumn), u"note"_s));
    QVERIFY(parts->setData(parts->index(0, MultipartTableModel::ValueColumn), u"hello"_s));
    QCOMPARE(editor.body(), multipartBody({textPart(u"note"_s, u"hello"_s)}));

    editor.setKind(Body::Kind::Binary);
    editor.binaryEditor()->pathEdit()->lineEdit()->setText(u"/tmp/upload.bin"_s);
    QTest::keyClick(editor.binaryEditor()->pathEdit()->lineEdit(), Qt::Key_End);
    QTest::keyClicks(editor.binaryEditor()->pathEdit()->lineEdit(), u"2"_s);
    QCOMPARE(editor.body(), binaryBody(u"/tmp/upload.bin2"_s));

    editor.setKind(Body::Kind::GraphQL);
    editor.graphqlEditor()->queryEditor()->setText(u"{ me { id } }"_s);
    QCOMPARE(editor.body(), graphqlBody(u"{ me { id } }"_s, QString(), QString(), false));

    editor.setKind(Body::Kind::None);
    QCOMPARE(editor.body(), Body {});

    // Each kind comes back as it was left, and body() holds that kind only.
    editor.setKind(Body::Kind::Raw);
    QCOMPARE(editor.body(), rawBody(u"application/json"_s, "{\"typed\": true}"));
    editor.setKind(Body::Kind::FormUrlEncoded);
    QCOMPARE(editor.body(), formBody({{u"city"_s, u"Lisbon"_s}}));
    editor.setKind(Body::Kind::Multipart);
    QCOMPARE(editor.body(), multipartBody({textPart(u"note"_s, u"hello"_s)}));
    editor.setKind(Body::Kind::Binary);
    QCOMPARE(editor.body(), binaryBody(u"/tmp/upload.bin2"_s));
    editor.setKind(Body::Kind::GraphQL);
    QCOMPARE(editor.body(), graphqlBody(u"{ me { id } }"_s, QString(), QString(), false));
    QVERIFY(edited.count() > 0);

    // A new body from outside starts the other kinds afresh.
    editor.setBody(rawBody(u"text/plain"_s, "x"));
    editor.setKind(Body::Kind::FormUrlEncoded);
    QCOMPARE(editor.body(), formBody({}));
}

void TestBodyEditor::summary_data()
{
    QTest::addColumn<Body>("body");
    QTest::addColumn<QString>("summary");
    QTest::newRow("none") << Body {} << QString();
    QTest::newRow("json") << rawBody(u"application/json"_s, "{}") << u"JSON"_s;
    QTest::newRow("yaml") << rawBody(u"application/yaml"_s, "a: 1") << u"YAML"_s;
    QTest::newRow("custom") << rawBody(u"text/csv"_s, "a") << u"text/csv"_s;
    QTest::newRow("custom blank") << rawBody(QString(), "a") << u"Custom"_s;
    QTest::newRow("form") << formBody({}) << u"urlencoded"_s;
    QTest::newRow("multipart") << multipartBody({}) << u"form-data"_s;
    QTest::newRow("binary") << binaryBody(u"/x"_s) << u"binary"_s;
    QTest::newRow("graphql") << graphqlBody(u"{a}"_s, {}, {}, false) << u"GraphQL"_s;
}

void TestBodyEditor::summary()
{
    QFETCH(Body, body);
    QFETCH(QString, summary);
    RequestEditor editor;
    Request request;
    request.body = body;
    editor.setRequest(request);
    QCOMPARE(editor.bodyEditor()->summary(), summary);
    QCOMPARE(editor.tabs()->tabText(3), summary.isEmpty() ? u"Body"_s : u"Body (%1)"_s.arg(summary));
}

void TestBodyEditor::beautify_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("formatted");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("json") << u"application/json"_s << QByteArray("{\"a\":[1,2],\"b\":{}}") << true
                          << QByteArray("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
    QTest::newRow("problem+json") << u"application/problem+json"_s << QByteArray("{\"title\":\"x\"}") << true
                                  << QByteArray("{\n  \"title\": \"x\"\n}");
    QTest::newRow("xml") << u"application/xml"_s << QByteArray("<a><b>1</b></a>") << true
                         << QByteArray("<a>\n  <b>1</b>\n</a>");
    QTest::newRow("invalid json left alone")
        << u"application/json"_s << QByteArray("{\"a\":}") << false << QByteArray("{\"a\":}");
    QTest::newRow("text not formatted")
        << u"text/plain"_s << QByteArray("{\"a\":1}") << false << QByteArray("{\"a\":1}");
}

void TestBodyEditor::beautify()
{
    QFETCH(QString, contentType);
    QFETCH(QByteArray, text);
    QFETCH(bool, formatted);
    QFETCH(QByteArray, expected);

    BodyEditor editor;
    editor.setBody(rawBody(contentType, text));
    RawBodyEditor *raw = editor.rawEditor();
    QCOMPARE(raw->beautifyButton()->isEnabled(), contentType != u"text/plain");
    QSignalSpy edited(&editor, &BodyEditor::bodyEdited);
    raw->beautifyButton()->click();
    QCOMPARE(editor.body().data, expected);
    QCOMPARE(edited.count() > 0, formatted);
    if (formatted) {
        QVERIFY(raw->warning().isEmpty());
        // Beautify is one step of the editor's undo history.
        editor.editor()->undo();
        QCOMPARE(editor.body().data, text);
    } else if (raw->beautifyButton()->isEnabled()) {
        QVERIFY2(raw->warning().contains(u"Cannot beautify"_s), qPrintable(raw->warning()));
    }
}

void TestBodyEditor::invalidJsonWarning_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("warning");

    QTest::newRow("valid") << u"application/json"_s << QByteArray("{\"a\": 1}") << QString();
    QTest::newRow("empty") << u"application/json"_s << QByteArray("  \n") << QString();
    QTest::newRow("missing value") << u"application/json"_s << QByteArray("{\n  \"a\": \n}")
                                   << u"line 3, column 1"_s;
    QTest::newRow("trailing comma") << u"application/json"_s << QByteArray("[1, 2,]")
                                    << u"line 1, column 7"_s;
    QTest::newRow("unterminated") << u"application/json"_s << QByteArray("{\"a\": \"x") << u"Invalid JSON"_s;
    QTest::newRow("variables are values")
        << u"application/json"_s << QByteArray("{\"id\": {{id}}, \"name\": \"{{name}}\"}") << QString();
    QTest::newRow("variables keep columns")
        << u"application/json"_s << QByteArray("[{{a}}, }") << u"column 9"_s;
    QTest::newRow("not json") << u"text/plain"_s << QByteArray("{oops") << QString();
    QTest::newRow("vendor json") << u"application/vnd.api+json"_s << QByteArray("{oops") << u"Invalid JSON"_s;
}

void TestBodyEditor::invalidJsonWarning()
{
    QFETCH(QString, contentType);
    QFETCH(QByteArray, text);
    QFETCH(QString, warning);

    BodyEditor editor;
    const Body body = rawBody(contentType, text);
    editor.setBody(body);
    RawBodyEditor *raw = editor.rawEditor();
    if (warning.isEmpty()) {
        QCOMPARE(raw->warning(), QString());
        QVERIFY(raw->warningLabel()->isHidden());
    } else {
        QVERIFY2(raw->warning().contains(warning), qPrintable(raw->warning()));
        QVERIFY(!raw->warningLabel()->isHidden());
    }
    // A warning never keeps the body from being sent as typed.
    QCOMPARE(editor.body(), body);
}

void TestBodyEditor::typingInvalidJsonWarnsButSends()
{
    BodyEditor editor;
    editor.setKind(Body::Kind::Raw);
    RawBodyEditor *raw = editor.rawEditor();
    editor.editor()->setText(u"{\"a\": 1,}"_s);
    // Checked once typing pauses.
    QTRY_VERIFY(!raw->warning().isEmpty());
    QVERIFY(raw->warning().contains(u"line 1"_s));
    QCOMPARE(editor.body().data, QByteArray("{\"a\": 1,}"));
    editor.editor()->setText(u"{\"a\": 1}"_s);
    QTRY_VERIFY(raw->warning().isEmpty());

    // Another content type: nothing to check.
    editor.editor()->setText(u"{"_s);
    QTRY_VERIFY(!raw->warning().isEmpty());
    raw->contentTypeBox()->setCurrentIndex(raw->contentTypeBox()->findText(u"Text"_s));
    QVERIFY(raw->warning().isEmpty());
}

void TestBodyEditor::contentTypeNote_data()
{
    QTest::addColumn<Body>("body");
    QTest::addColumn<QString>("note");

    const QString png = writeFile(u"pixel.png"_s,
        QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OU"
                               "AAAAABJRU5ErkJggg=="));
    QTest::newRow("none") << Body {} << u"No body is sent."_s;
    QTest::newRow("json") << rawBody(u"application/json"_s, "{}") << u"Content-Type: application/json"_s;
    QTest::newRow("custom") << rawBody(u"text/csv"_s, "a") << u"Content-Type: text/csv"_s;
    QTest::newRow("custom blank") << rawBody(QString(), "a") << u"No Content-Type is sent."_s;
    QTest::newRow("form") << formBody({}) << u"Content-Type: application/x-www-form-urlencoded"_s;
    QTest::newRow("multipart") << multipartBody({})
                               << u"Content-Type: multipart/form-data; boundary=… (generated when sent)"_s;
    QTest::newRow("binary guessed") << binaryBody(png) << u"Content-Type: image/png"_s;
    QTest::newRow("binary typed") << binaryBody(png, u"application/x-thing"_s)
                                  << u"Content-Type: application/x-thing"_s;
    QTest::newRow("graphql post") << graphqlBody(u"{a}"_s, {}, {}, false)
                                  << u"Content-Type: application/json"_s;
    QTest::newRow("graphql get")
        << graphqlBody(u"{a}"_s, {}, {}, true)
        << u"No body is sent: the query, variables and operation name go in the URL of a GET request."_s;
}

void TestBodyEditor::contentTypeNote()
{
    QFETCH(Body, body);
    QFETCH(QString, note);
    BodyEditor editor;
    editor.setBody(body);
    QCOMPARE(editor.contentTypeNote(), note);
    QCOMPARE(editor.contentTypeLabel()->text(), note);
    if (body.kind != Body::Kind::None && !(body.kind == Body::Kind::GraphQL && body.graphqlUseGet)) {
        editor.setExplicitContentType(u"text/x-mine"_s);
        QCOMPARE(editor.contentTypeNote(), u"Content-Type set in Headers: text/x-mine"_s);
        editor.setExplicitContentType(QString());
        QCOMPARE(editor.contentTypeNote(), note);
    }
}

void TestBodyEditor::contentTypeNoteFollowsHeaders()
{
    RequestEditor editor;
    Request request;
    request.body = rawBody(u"application/json"_s, "{}");
    request.headers = {{u"content-type"_s, u"application/vnd.api+json"_s}};
    editor.setRequest(request);
    BodyEditor *body = editor.bodyEditor();
    QCOMPARE(body->contentTypeNote(), u"Content-Type set in Headers: application/vnd.api+json"_s);

    // Unticking the header gives the body's own type back, as the user edits the table.
    KeyValueTableModel *headers = editor.headersModel();
    QVERIFY(headers->setData(
        headers->index(0, KeyValueTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(body->contentTypeNote(), u"Content-Type: application/json"_s);
    QVERIFY(headers->setData(headers->index(1, KeyValueTableModel::KeyColumn), u"Content-Type"_s));
    QVERIFY(headers->setData(headers->index(1, KeyValueTableModel::ValueColumn), u"text/plain"_s));
    QCOMPARE(body->contentTypeNote(), u"Content-Type set in Headers: text/plain"_s);
    // The header does not change what the body itself is.
    QCOMPARE(editor.request().body, rawBody(u"application/json"_s, "{}"));
}

void TestBodyEditor::multipartTypeSwitchKeepsValueAndPath()
{
    MultipartTableModel model;
    QSignalSpy edited(&model, &MultipartTableModel::rowsEdited);
    model.setParts({textPart(u"a"_s, u"text"_s)});
    QCOMPARE(edited.count(), 0);
    const QModelIndex type = model.index(0, MultipartTableModel::TypeColumn);
    const QModelIndex value = model.index(0, MultipartTableModel::ValueColumn);

    QVERIFY(model.setData(type, MultipartTableModel::typeLabel(true)));
    QCOMPARE(value.data().toString(), QString());
    QCOMPARE(value.data(MultipartTableModel::PlaceholderTextRole).toString(), u"Choose a file…"_s);
    QVERIFY(model.setData(value, u"/tmp/f.txt"_s));
    QCOMPARE(model.parts(), (QList<MultipartPart> {filePart(u"a"_s, u"/tmp/f.txt"_s)}));

    QVERIFY(model.setData(type, MultipartTableModel::typeLabel(false)));
    QCOMPARE(value.data().toString(), u"text"_s);
    QCOMPARE(model.parts(), (QList<MultipartPart> {textPart(u"a"_s, u"text"_s)}));
    QVERIFY(model.setData(type, MultipartTableModel::typeLabel(true)));
    QCOMPARE(model.parts(), (QList<MultipartPart> {filePart(u"a"_s, u"/tmp/f.txt"_s)}));
    QCOMPARE(edited.count(), 4);

    // Making the empty row a file row creates a part.
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(
        model.setData(model.index(1, MultipartTableModel::TypeColumn), MultipartTableModel::typeLabel(true)));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.parts().size(), 2);
    QVERIFY(model.parts().at(1).enabled);
    QVERIFY(model.removeRows(1, 5));
    QCOMPARE(model.rowCount(), 2);
}

void TestBodyEditor::multipartByKeyboard()
{
    const QString path = writeFile(u"notes.txt"_s, "some notes\n");
    BodyEditor editor;
    editor.resize(900, 400);
    editor.setKind(Body::Kind::Multipart);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));

    QTableView *table = editor.multipartView()->tableView();
    MultipartTableModel *model = editor.multipartModel();
    table->setFocus();
    table->setCurrentIndex(model->index(0, MultipartTableModel::NameColumn));
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"attachment"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(table->currentIndex(), model->index(0, MultipartTableModel::TypeColumn));
    QTRY_VERIFY(qobject_cast<QComboBox *>(QApplication::focusWidget()));
    // Typing the first letter picks the type, as in any combo box.
    QTest::keyClicks(QApplication::focusWidget(), u"F"_s);
    QTRY_VERIFY(
        model->index(0, MultipartTableModel::TypeColumn).data(MultipartTableModel::IsFileRole).toBool());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(table->currentIndex(), model->index(0, MultipartTableModel::ValueColumn));
    // A file row's value is edited with a path field and a "…" button.
    QTRY_VERIFY(QApplication::focusWidget()
        && qobject_cast<FilePathEdit *>(QApplication::focusWidget()->parentWidget()));
    QTest::keyClicks(QApplication::focusWidget(), path);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(table->currentIndex(), model->index(0, MultipartTableModel::ContentTypeColumn));
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"text/plain"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    QTRY_COMPARE(editor.body(), multipartBody({filePart(u"attachment"_s, path, u"text/plain"_s)}));
}

void TestBodyEditor::multipartModelTester()
{
    MultipartTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setParts({textPart(u"a"_s, u"1"_s), filePart(u"b"_s, u"/x"_s)});
    QVERIFY(model.setData(model.index(2, MultipartTableModel::NameColumn), u"c"_s));
    QVERIFY(model.setData(model.index(0, MultipartTableModel::TypeColumn), u"File"_s));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 3);
}

void TestBodyEditor::binaryShowsSizeAndGuess()
{
    const QString json = writeFile(u"payload.json"_s, QByteArray(2048, ' ') + "{}");
    BodyEditor editor;
    editor.setKind(Body::Kind::Binary);
    BinaryBodyEditor *binary = editor.binaryEditor();
    QCOMPARE(binary->sizeLabel()->text(), u"No file chosen"_s);

    QSignalSpy edited(&editor, &BodyEditor::bodyEdited);
    QTest::keyClicks(binary->pathEdit()->lineEdit(), json);
    QVERIFY(edited.count() > 0);
    const QString bytes = u"(%1 bytes)"_s.arg(QLocale().toString(2050));
    QVERIFY2(binary->sizeLabel()->text().contains(bytes), qPrintable(binary->sizeLabel()->text()));
    QCOMPARE(binary->contentTypeEdit()->placeholderText(), u"application/json (guessed)"_s);
    QCOMPARE(binary->contentType(), u"application/json"_s);
    QCOMPARE(editor.body(), binaryBody(json));

    QTest::keyClicks(binary->contentTypeEdit(), u"text/plain"_s);
    QCOMPARE(editor.body(), binaryBody(json, u"text/plain"_s));
    QCOMPARE(editor.contentTypeNote(), u"Content-Type: text/plain"_s);

    QTest::keyClicks(binary->pathEdit()->lineEdit(), u".missing"_s);
    QCOMPARE(binary->sizeLabel()->text(), u"The file does not exist"_s);
}

void TestBodyEditor::sentToEchoServer_data()
{
    QTest::addColumn<Body::Kind>("kind");
    QTest::newRow("raw") << Body::Kind::Raw;
    QTest::newRow("form-urlencoded") << Body::Kind::FormUrlEncoded;
    QTest::newRow("multipart") << Body::Kind::Multipart;
    QTest::newRow("binary") << Body::Kind::Binary;
    QTest::newRow("graphql") << Body::Kind::GraphQL;
}

void TestBodyEditor::sentToEchoServer()
{
    QFETCH(Body::Kind, kind);

    // The body is made through the editor's widgets and models, as a user would.
    RequestEditor requestEditor;
    BodyEditor *editor = requestEditor.bodyEditor();
    requestEditor.methodBox()->setMethod(u"POST"_s);
    editor->setKind(kind);
    QString error;
    switch (kind) {
    case Body::Kind::Raw: {
        RawBodyEditor *raw = editor->rawEditor();
        raw->contentTypeBox()->setCurrentIndex(raw->contentTypeBox()->findText(u"XML"_s));
        editor->editor()->setText(u"<city name=\"Zürich\"/>"_s);
        const QJsonObject echo = sendToEcho(requestEditor.request(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(echo.value(u"body"_s).toString(), u"<city name=\"Zürich\"/>"_s);
        QCOMPARE(echoedHeader(echo, u"Content-Type"_s), u"application/xml"_s);
        break;
    }
    case Body::Kind::FormUrlEncoded: {
        KeyValueTableModel *form = editor->formModel();
        QVERIFY(form->setData(form->index(0, KeyValueTableModel::KeyColumn), u"name"_s));
        QVERIFY(form->setData(form->index(0, KeyValueTableModel::ValueColumn), u"Ada Lovelace"_s));
        QVERIFY(form->setData(form->index(1, KeyValueTableModel::KeyColumn), u"off"_s));
        QVERIFY(form->setData(
            form->index(1, KeyValueTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(form->setData(form->index(2, KeyValueTableModel::KeyColumn), u"q"_s));
        QVERIFY(form->setData(form->index(2, KeyValueTableModel::ValueColumn), u"a&b=c 🚀"_s));
        const QJsonObject echo = sendToEcho(requestEditor.request(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(echo.value(u"body"_s).toString(), u"name=Ada+Lovelace&q=a%26b%3Dc+%F0%9F%9A%80"_s);
        QCOMPARE(echoedHeader(echo, u"Content-Type"_s), u"application/x-www-form-urlencoded"_s);
        break;
    }
    case Body::Kind::Multipart: {
        const QString path = writeFile(u"hello.txt"_s, "hello from a file\n");
        MultipartTableModel *parts = editor->multipartModel();
        QVERIFY(parts->setData(parts->index(0, MultipartTableModel::NameColumn), u"title"_s));
        QVERIFY(parts->setData(parts->index(0, MultipartTableModel::ValueColumn), u"Holiday"_s));
        QVERIFY(parts->setData(parts->index(1, MultipartTableModel::NameColumn), u"upload"_s));
        QVERIFY(parts->setData(parts->index(1, MultipartTableModel::TypeColumn), u"File"_s));
        QVERIFY(parts->setData(parts->index(1, MultipartTableModel::ValueColumn), path));
        QVERIFY(parts->setData(parts->index(2, MultipartTableModel::NameColumn), u"meta"_s));
        QVERIFY(parts->setData(parts->index(2, MultipartTableModel::ValueColumn), u"{\"a\":1}"_s));
        QVERIFY(
            parts->setData(parts->index(2, MultipartTableModel::ContentTypeColumn), u"application/json"_s));
        const QJsonObject echo = sendToEcho(requestEditor.request(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString contentType = echoedHeader(echo, u"Content-Type"_s);
        QVERIFY2(contentType.startsWith(u"multipart/form-data; boundary="_s), qPrintable(contentType));
        const QString boundary = contentType.mid(contentType.indexOf(u"boundary="_s) + 9);
        const QString expected
            = u"--%1\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHoliday\r\n"
              "--%1\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"hello.txt\"\r\n"
              "Content-Type: text/plain\r\n\r\nhello from a file\n\r\n"
              "--%1\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json"
              "\r\n\r\n{\"a\":1}\r\n--%1--\r\n"_s.arg(boundary);
        QCOMPARE(echo.value(u"body"_s).toString(), expected);
        break;
    }
    case Body::Kind::Binary: {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        const QString path = writeFile(u"all-bytes.bin"_s, bytes);
        QTest::keyClicks(editor->binaryEditor()->pathEdit()->lineEdit(), path);
        QTest::keyClicks(editor->binaryEditor()->contentTypeEdit(), u"application/x-sonde-test"_s);
        const QJsonObject echo = sendToEcho(requestEditor.request(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(QByteArray::fromBase64(echo.value(u"bodyBase64"_s).toString().toLatin1()), bytes);
        QCOMPARE(echoedHeader(echo, u"Content-Type"_s), u"application/x-sonde-test"_s);
        break;
    }
    case Body::Kind::GraphQL: {
        GraphQLBodyEditor *graphql = editor->graphqlEditor();
        graphql->queryEditor()->setText(u"query User($id: ID!) { user(id: $id) { name } }"_s);
        graphql->variablesEditor()->setText(u"{\"id\": \"7\"}"_s);
        QTest::keyClicks(graphql->operationEdit(), u"User"_s);
        QJsonObject echo = sendToEcho(requestEditor.request(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(echo.value(u"method"_s).toString(), u"POST"_s);
        const QJsonObject sent = echo.value(u"json"_s).toObject();
        QCOMPARE(sent.value(u"query"_s).toString(), u"query User($id: ID!) { user(id: $id) { name } }"_s);
        QCOMPARE(sent.value(u"variables"_s).toObject(), (QJsonObject {{u"id"_s, u"7"_s}}));
        QCOMPARE(sent.value(u"operationName"_s).toString(), u"User"_s);

        // And as a GET: the same members as query parameters, no body.
        graphql->useGetBox()->click();
        echo = sendToEcho(requestEditor.request(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(echo.value(u"method"_s).toString(), u"GET"_s);
        QVERIFY(!echo.contains(u"body"_s));
        const QJsonObject args = echo.value(u"args"_s).toObject();
        QCOMPARE(args.value(u"query"_s).toString(), u"query User($id: ID!) { user(id: $id) { name } }"_s);
        QCOMPARE(args.value(u"variables"_s).toString(), u"{\"id\":\"7\"}"_s);
        QCOMPARE(args.value(u"operationName"_s).toString(), u"User"_s);
        QCOMPARE(args.value(u"from"_s).toString(), u"ui"_s);
        break;
    }
    case Body::Kind::None:
        QFAIL("no body to send");
    }
}

void TestBodyEditor::screenshots()
{
    // Pictures of every page to look at, when asked for: SONDE_SCREENSHOT_DIR=/some/dir.
    const QString dir = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SONDE_SCREENSHOT_DIR is not set");
    QVERIFY(QDir().mkpath(dir));
    const QString file = writeFile(u"report.pdf"_s, QByteArray(123456, 'x'));

    RequestEditor editor;
    editor.resize(960, 460);
    Request request;
    request.method = u"POST"_s;
    request.url = u"http://127.0.0.1:8080/upload"_s;
    editor.setRequest(request);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.tabs()->setCurrentIndex(3);

    const QList<QPair<QString, Body>> pages {
        {u"none"_s, Body {}},
        {u"form-data"_s,
            multipartBody({textPart(u"title"_s, u"Holiday"_s), filePart(u"photo"_s, file),
                textPart(u"meta"_s, u"{\"a\":1}"_s, u"application/json"_s, false)})},
        {u"urlencoded"_s, formBody({{u"name"_s, u"Ada Lovelace"_s}, {u"city"_s, u"Zürich"_s, false}})},
        {u"raw-json-invalid"_s,
            rawBody(u"application/json"_s, "{\n  \"name\": \"Zoë\",\n  \"tags\": [1, 2,]\n}")},
        {u"raw-custom"_s, rawBody(u"text/csv"_s, "a,b\n1,2\n")},
        {u"binary"_s, binaryBody(file)},
        {u"graphql"_s,
            graphqlBody(u"query User($id: ID!) {\n  user(id: $id) {\n    name\n  }\n}"_s,
                u"{\"id\": \"7\"}"_s, u"User"_s, false)},
    };
    for (const auto &[name, body] : pages) {
        editor.bodyEditor()->setBody(body);
        QCoreApplication::processEvents();
        QVERIFY(editor.grab().save(dir + u"/body-%1.png"_s.arg(name)));
    }
    Request headers = request;
    headers.headers = {{u"Content-Type"_s, u"application/vnd.api+json"_s}};
    headers.body = rawBody(u"application/json"_s, "{}");
    editor.setRequest(headers);
    QCoreApplication::processEvents();
    QVERIFY(editor.grab().save(dir + u"/body-explicit-header.png"_s));

    editor.tabs()->setCurrentIndex(4);
    request.settings.ignoreTlsErrors = true;
    editor.setRequest(request);
    QCoreApplication::processEvents();
    QVERIFY(editor.grab().save(dir + u"/settings-tls-off.png"_s));
    request.settings = {};
    editor.setRequest(request);
    QCoreApplication::processEvents();
    QVERIFY(editor.grab().save(dir + u"/settings.png"_s));
}

QTEST_MAIN(TestBodyEditor)
#include "tst_bodyeditor.moc"
