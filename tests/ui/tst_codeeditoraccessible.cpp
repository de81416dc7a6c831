#include "editor/CodeEditor.h"
#include "editor/CodeEditorAccessible.h"

#include <QAccessible>
#include <QAccessibleTextInterface>
#include <QTest>

using namespace Sonde;

/// What assistive technologies read of a CodeEditor, in UTF-16 offsets over UTF-8 text.
class TestCodeEditorAccessible : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isOurs();
    void offsetsAreUtf16_data();
    void offsetsAreUtf16();
    void selectionAndCursor();
    void state();
};

namespace {

QAccessibleTextInterface *textInterface(CodeEditor &editor)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&editor);
    return accessible ? accessible->textInterface() : nullptr;
}

} // namespace

void TestCodeEditorAccessible::isOurs()
{
    CodeEditor editor;
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&editor);
    QVERIFY(accessible);
    // Not QScintilla's, which counts characters from the start of the text on every screen update.
    QVERIFY(dynamic_cast<CodeEditorAccessible *>(accessible));
    QCOMPARE(accessible->role(), QAccessible::EditableText);
}

void TestCodeEditorAccessible::offsetsAreUtf16_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("expected");

    const QString mixed = QStringLiteral("h\u00e9llo \U0001F600 w\u00f6rld\n\u65e5\u672c");
    QTest::newRow("ascii") << QStringLiteral("hello world") << 6 << 11 << QStringLiteral("world");
    QTest::newRow("two-byte before") << mixed << 0 << 5 << QStringLiteral("h\u00e9llo");
    QTest::newRow("surrogate pair") << mixed << 6 << 8 << QStringLiteral("\U0001F600");
    QTest::newRow("after the pair") << mixed << 9 << 14 << QStringLiteral("w\u00f6rld");
    QTest::newRow("next line") << mixed << 15 << 17 << QStringLiteral("\u65e5\u672c");
    QTest::newRow("to the end") << mixed << 15 << -1 << QStringLiteral("\u65e5\u672c");
    QTest::newRow("past the end") << mixed << 15 << 99 << QStringLiteral("\u65e5\u672c");
    QTest::newRow("empty range") << mixed << 4 << 4 << QString();
}

void TestCodeEditorAccessible::offsetsAreUtf16()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, expected);

    CodeEditor editor;
    editor.setText(text);
    QAccessibleTextInterface *accessible = textInterface(editor);
    QVERIFY(accessible);
    QCOMPARE(accessible->characterCount(), int(text.size()));
    QCOMPARE(accessible->text(start, end), expected);
    QCOMPARE(accessible->text(0, accessible->characterCount()), text);
}

void TestCodeEditorAccessible::selectionAndCursor()
{
    CodeEditor editor;
    const QString text = QStringLiteral("\U0001F600 caf\u00e9 au lait");
    editor.setText(text);
    QAccessibleTextInterface *accessible = textInterface(editor);
    QVERIFY(accessible);
    QCOMPARE(accessible->selectionCount(), 0);

    accessible->setSelection(0, 3, 7);
    QCOMPARE(editor.selectedText(), QStringLiteral("caf\u00e9"));
    QCOMPARE(accessible->selectionCount(), 1);
    int start = -1;
    int end = -1;
    accessible->selection(0, &start, &end);
    QCOMPARE(start, 3);
    QCOMPARE(end, 7);
    accessible->removeSelection(0);
    QCOMPARE(accessible->selectionCount(), 0);

    accessible->setCursorPosition(8);
    QCOMPARE(accessible->cursorPosition(), 8);
    QCOMPARE(editor.SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS),
        long(QStringLiteral("\U0001F600 caf\u00e9 ").toUtf8().size())); // Scintilla counts bytes
}

void TestCodeEditorAccessible::state()
{
    CodeEditor editor;
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&editor);
    QVERIFY(accessible->state().editable);
    QVERIFY(accessible->state().multiLine);
    editor.setReadOnly(true);
    QVERIFY(accessible->state().readOnly);
    QVERIFY(!accessible->state().editable);
    editor.setText(QStringLiteral("{\"a\": 1}"));
    QCOMPARE(accessible->text(QAccessible::Value), QStringLiteral("{\"a\": 1}"));
}

QTEST_MAIN(TestCodeEditorAccessible)
#include "tst_codeeditoraccessible.moc"
