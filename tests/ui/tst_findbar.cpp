// The find bar over a response body: Ctrl+F, next/previous with wrapping, "i of N", toggles, Esc.

#include "editor/CodeEditor.h"
#include "editor/FindBar.h"
#include "editor/MatchCounter.h"
#include "response/BodyView.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Sonde;

namespace {

void showBody(BodyView &view, const QByteArray &body, const QString &contentType)
{
    QSignalSpy rendered(&view, &BodyView::rendered);
    view.setBody(BodyData::fromBytes(body), contentType);
    QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 1, 20000);
}

int selectionLine(const CodeEditor *editor)
{
    int lineFrom = -1, indexFrom = -1, lineTo = -1, indexTo = -1;
    editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    return lineFrom;
}

const QByteArray Body = "alpha one\nbeta Alpha\ngamma\nalpha two\ncafé alpha\n";

} // namespace

class TestFindBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchPositions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("regularExpression");
        QTest::addColumn<QList<qint64>>("starts");
        QTest::newRow("plain, any case") << QStringLiteral("alpha") << false << false << QList<qint64>{0, 15, 27, 43};
        QTest::newRow("plain, match case") << QStringLiteral("Alpha") << true << false << QList<qint64>{15};
        QTest::newRow("regex") << QStringLiteral("^alpha \\w+") << true << true << QList<qint64>{0, 27};
        QTest::newRow("regex after non-ASCII") << QStringLiteral("alpha$") << true << true << QList<qint64>{43};
        QTest::newRow("none") << QStringLiteral("delta") << false << false << QList<qint64>{};
    }

    void matchPositions()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, regularExpression);
        QFETCH(QList<qint64>, starts);
        const MatchPositions positions = findMatchPositions(Body, pattern, caseSensitive, regularExpression, 100);
        QCOMPARE(positions.starts, starts);
        QVERIFY(!positions.capped);
    }

    void capAndInvalid()
    {
        const QByteArray text(30000, 'x');
        const MatchPositions capped = findMatchPositions(text, QStringLiteral("x"), true, false, FindBar::CountCap);
        QCOMPARE(capped.starts.size(), FindBar::CountCap);
        QVERIFY(capped.capped);
        QVERIFY(findMatchPositions(text, QStringLiteral("("), true, true, 10).invalid);
    }

    void findInBody()
    {
        BodyView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        showBody(view, Body, QStringLiteral("text/plain"));
        FindBar *bar = view.findBar();
        QVERIFY(!bar->isVisible());

        view.editor()->setFocus();
        QTest::keyClick(view.editor(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->lineEdit()->hasFocus());

        QSignalSpy counted(bar, &FindBar::countChanged);
        QTest::keyClicks(bar->lineEdit(), QStringLiteral("alpha"));
        QTRY_COMPARE(bar->countText(), QStringLiteral("1 of 4"));
        QCOMPARE(view.editor()->selectedText(), QStringLiteral("alpha"));
        QCOMPARE(selectionLine(view.editor()), 0);

        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        QCOMPARE(bar->countText(), QStringLiteral("2 of 4"));
        QCOMPARE(selectionLine(view.editor()), 1);
        QTest::keyClick(bar->lineEdit(), Qt::Key_F3);
        QCOMPARE(bar->countText(), QStringLiteral("3 of 4"));
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(bar->countText(), QStringLiteral("2 of 4"));
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier); // wraps to the last
        QCOMPARE(bar->countText(), QStringLiteral("4 of 4"));
        QCOMPARE(selectionLine(view.editor()), 4);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return); // wraps to the first
        QCOMPARE(bar->countText(), QStringLiteral("1 of 4"));

        // F3 from the editor too.
        view.editor()->setFocus();
        QTest::keyClick(view.editor(), Qt::Key_F3);
        QCOMPARE(bar->countText(), QStringLiteral("2 of 4"));
        QTest::keyClick(view.editor(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(bar->countText(), QStringLiteral("1 of 4"));

        bar->setCaseSensitive(true);
        QTRY_COMPARE(bar->countText(), QStringLiteral("1 of 3"));
        bar->lineEdit()->setText(QStringLiteral("Alpha"));
        QTRY_COMPARE(bar->countText(), QStringLiteral("1 of 1"));
        QCOMPARE(selectionLine(view.editor()), 1);

        bar->setCaseSensitive(false);
        bar->setRegularExpression(true);
        bar->lineEdit()->setText(QStringLiteral("^alpha \\w+"));
        // From the current match (line 1) forward: the second of the two.
        QTRY_COMPARE(bar->countText(), QStringLiteral("2 of 2"));
        QCOMPARE(view.editor()->selectedText(), QStringLiteral("alpha two"));
        bar->lineEdit()->setText(QStringLiteral("delta"));
        QTRY_COMPARE(bar->countText(), QStringLiteral("No matches"));

        bar->lineEdit()->setFocus();
        QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QVERIFY(view.editor()->hasFocus());
    }

    void cappedCount()
    {
        BodyView view;
        view.show();
        QByteArray body;
        for (int i = 0; i < 12000; ++i)
            body += "item " + QByteArray::number(i) + '\n';
        showBody(view, body, QStringLiteral("text/plain"));
        view.findBar()->open();
        view.findBar()->lineEdit()->setText(QStringLiteral("item"));
        QTRY_COMPARE(view.findBar()->countText(), QStringLiteral("1 of 10,000+"));
    }

    void screenshot()
    {
        const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
        if (directory.isEmpty())
            QSKIP("set SONDE_SCREENSHOT_DIR to save screenshots");
        BodyView view;
        view.resize(700, 300);
        view.show();
        showBody(view, R"({"items":[{"name":"alpha"},{"name":"beta"},{"name":"alphabet"}]})", QStringLiteral("application/json"));
        view.findBar()->open();
        view.findBar()->lineEdit()->setText(QStringLiteral("alpha"));
        QTRY_COMPARE(view.findBar()->countText(), QStringLiteral("1 of 2"));
        QTest::qWait(50);
        QVERIFY(view.grab().save(directory + QStringLiteral("/find.png")));
    }
};

QTEST_MAIN(TestFindBar)

#include "tst_findbar.moc"
