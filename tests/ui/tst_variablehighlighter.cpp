#include "editor/CodeEditor.h"
#include "editor/VariableHighlighter.h"

#include <QLineEdit>
#include <QTest>

using namespace Sonde;

namespace {

TemplateResolver devResolver()
{
    return TemplateResolver({{QStringLiteral("environment “dev”"), {{QStringLiteral("base"), QStringLiteral("http://127.0.0.1:8080")}}}});
}

} // namespace

class TestVariableHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lineEditMarks();
    void codeEditorIndicators();
};

void TestVariableHighlighter::lineEditMarks()
{
    QLineEdit edit;
    edit.setText(QStringLiteral("{{base}}/users/{{userId}}"));
    auto *highlighter = new VariableHighlighter(&edit, devResolver);
    QCOMPARE(highlighter->marks().size(), 2);
    QVERIFY(highlighter->marks().at(0).resolved);
    QVERIFY(!highlighter->marks().at(1).resolved);
    QCOMPARE(highlighter->toolTipAt(2), QStringLiteral("base = http://127.0.0.1:8080 (from environment “dev”)"));
    QVERIFY(highlighter->toolTipAt(17).contains(QStringLiteral("userId is not defined")));
    QVERIFY(highlighter->toolTipAt(9).isEmpty());
    edit.setText(QStringLiteral("plain"));
    QTRY_VERIFY(highlighter->marks().isEmpty());
    QCOMPARE(edit.text(), QStringLiteral("plain")); // formatting never changes the text
}

void TestVariableHighlighter::codeEditorIndicators()
{
    CodeEditor editor;
    editor.setUtf8Text("{\n  \"é\": \"{{base}}\",\n  \"id\": \"{{missing}}\"\n}\n");
    VariableHighlighter highlighter(&editor, devResolver);
    QCOMPARE(highlighter.marks().size(), 2);
    // {{base}} starts after a two-byte character: indicators are placed in bytes.
    const int base = int(editor.utf8Text().indexOf("{{base}}"));
    QCOMPARE(int(editor.SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, 20, base + 1)), 1);
    QCOMPARE(int(editor.SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, 21, base + 1)), 0);
    const int missing = int(editor.utf8Text().indexOf("{{missing}}"));
    QCOMPARE(int(editor.SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, 21, missing + 3)), 1);
    editor.setUtf8Text("no names");
    QTRY_VERIFY(highlighter.marks().isEmpty());
}

QTEST_MAIN(TestVariableHighlighter)
#include "tst_variablehighlighter.moc"
