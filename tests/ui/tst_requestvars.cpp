// The Vars tab: a request's own variables and its captures, edited and round-tripped.

#include "request/CapturesTableModel.h"
#include "request/RequestEditor.h"
#include "request/RequestVarsEditor.h"
#include "workspace/VariableTableModel.h"
#include "workspace/VariablesPane.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Sonde;

class TestRequestVars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripThroughTheEditor();
    void editingMarksTheRequest_data();
    void editingMarksTheRequest();
    void statusCaptureHasNoExpression();
    void modelPassesTester();
};

namespace {

Request sample()
{
    Request request;
    request.url = QStringLiteral("http://127.0.0.1:1/login");
    request.variables = {{QStringLiteral("user"), QStringLiteral("ada"), true, false},
        {QStringLiteral("password"), QStringLiteral("pw"), true, true}};
    request.captures = {{QStringLiteral("token"), ResponseCapture::Source::JsonPath, QStringLiteral("$.access_token"), true},
        {QStringLiteral("next"), ResponseCapture::Source::Header, QStringLiteral("Location"), false}};
    return request;
}

int varsTab(const RequestEditor &editor)
{
    return editor.tabs()->indexOf(editor.varsEditor());
}

} // namespace

void TestRequestVars::roundTripThroughTheEditor()
{
    RequestEditor editor;
    const Request request = sample();
    editor.setRequest(request);
    QCOMPARE(editor.request().variables, request.variables);
    QCOMPARE(editor.request().captures, request.captures);
    // Two variables and one enabled capture.
    QCOMPARE(editor.tabs()->tabText(varsTab(editor)), QStringLiteral("Vars (3)"));
    // Secret values are masked in the table.
    const VariableTableModel *model = editor.varsEditor()->variablesPane()->model();
    QCOMPARE(model->index(1, VariableTableModel::ValueColumn).data().toString(), QStringView(VariableTableModel::Mask).toString());

    editor.setRequest(Request());
    QVERIFY(editor.request().variables.isEmpty());
    QVERIFY(editor.request().captures.isEmpty());
    QCOMPARE(editor.tabs()->tabText(varsTab(editor)), QStringLiteral("Vars"));
}

void TestRequestVars::editingMarksTheRequest_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("role");
    QTest::newRow("variable name") << int(CapturesTableModel::VariableColumn) << QVariant(QStringLiteral("jwt")) << int(Qt::EditRole);
    QTest::newRow("source") << int(CapturesTableModel::SourceColumn) << QVariant(QStringLiteral("Header")) << int(Qt::EditRole);
    QTest::newRow("expression") << int(CapturesTableModel::ExpressionColumn) << QVariant(QStringLiteral("$.jwt")) << int(Qt::EditRole);
    QTest::newRow("enabled") << int(CapturesTableModel::EnabledColumn) << QVariant(int(Qt::Unchecked)) << int(Qt::CheckStateRole);
}

void TestRequestVars::editingMarksTheRequest()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(int, role);

    RequestEditor editor;
    editor.setRequest(sample());
    QSignalSpy edited(&editor, &RequestEditor::requestEdited);
    CapturesTableModel *captures = editor.varsEditor()->capturesModel();
    QVERIFY(captures->setData(captures->index(0, column), value, role));
    QCOMPARE(edited.count(), 1);
    const ResponseCapture changed = editor.request().captures.value(0);
    switch (column) {
    case CapturesTableModel::VariableColumn:
        QCOMPARE(changed.variable, QStringLiteral("jwt"));
        break;
    case CapturesTableModel::SourceColumn:
        QCOMPARE(changed.source, ResponseCapture::Source::Header);
        break;
    case CapturesTableModel::ExpressionColumn:
        QCOMPARE(changed.expression, QStringLiteral("$.jwt"));
        break;
    default:
        QVERIFY(!changed.enabled);
    }

    // Adding and removing rows counts as edits too; a variable added in the pane as well.
    captures->addCapture();
    QCOMPARE(editor.request().captures.size(), 3);
    captures->removeCapture(2);
    editor.varsEditor()->variablesPane()->model()->addVariable();
    QCOMPARE(editor.request().variables.size(), 3);
    QCOMPARE(edited.count(), 4);
}

void TestRequestVars::statusCaptureHasNoExpression()
{
    CapturesTableModel model;
    model.setCaptures({{QStringLiteral("code"), ResponseCapture::Source::Status, QString(), true}});
    QVERIFY(!(model.flags(model.index(0, CapturesTableModel::ExpressionColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, CapturesTableModel::SourceColumn)) & Qt::ItemIsEditable);
    QVERIFY(!model.setData(model.index(0, CapturesTableModel::SourceColumn), QStringLiteral("Cookie")));
    QCOMPARE(CapturesTableModel::sourceNames(), (QStringList {QStringLiteral("JSONPath"), QStringLiteral("Header"), QStringLiteral("Status")}));
}

void TestRequestVars::modelPassesTester()
{
    CapturesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCaptures(sample().captures);
    model.addCapture();
    model.setData(model.index(2, CapturesTableModel::VariableColumn), QStringLiteral("x"));
    model.removeCapture(0);
    QCOMPARE(model.rowCount(), 2);
}

QTEST_MAIN(TestRequestVars)
#include "tst_requestvars.moc"
