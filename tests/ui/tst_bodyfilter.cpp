// The Body tab's filter: JSONPath over JSON, XPath over XML, errors under the field, clearing.

#include "editor/CodeEditor.h"
#include "response/BodyFilterBar.h"
#include "response/BodyView.h"

#include <QLabel>
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

void filter(BodyView &view, const QString &expression)
{
    QSignalSpy finished(&view, &BodyView::filterFinished);
    view.filterBar()->setExpression(expression);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
}

const QByteArray JsonBody = R"({"data":[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3}],"total":3})";
const QByteArray XmlBody = "<list><item><name>a</name></item><item><name>b &amp; c</name></item></list>";

} // namespace

class TestBodyFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonPath()
    {
        BodyView view;
        showBody(view, JsonBody, QStringLiteral("application/json"));
        QCOMPARE(view.filterBar()->syntax(), BodyFilterBar::Syntax::JsonPath);
        QVERIFY(view.filterBar()->lineEdit()->placeholderText().contains(QLatin1String("JSONPath")));
        const QByteArray pretty = view.editor()->utf8Text();

        filter(view, QStringLiteral("$.data[*].id"));
        QVERIFY(view.isFiltered());
        QCOMPARE(view.editor()->utf8Text(), QByteArray("[\n  1,\n  2,\n  3\n]"));
        QCOMPARE(view.filterBar()->status(), QStringLiteral("3 matches"));
        QVERIFY(view.filterBar()->error().isEmpty());

        filter(view, QStringLiteral("$.data[?@.name]"));
        QCOMPARE(view.editor()->utf8Text(),
                 QByteArray("[\n  {\n    \"id\": 1,\n    \"name\": \"a\"\n  },\n  {\n    \"id\": 2,\n    \"name\": \"b\"\n  }\n]"));

        filter(view, QStringLiteral("$.nothing"));
        QCOMPARE(view.editor()->utf8Text(), QByteArray("[]"));
        QCOMPARE(view.filterBar()->status(), QStringLiteral("0 matches"));

        // Clearing restores the body.
        view.filterBar()->setExpression(QString());
        QVERIFY(!view.isFiltered());
        QCOMPARE(view.editor()->utf8Text(), pretty);
    }

    void invalidExpressionShowsItsError()
    {
        BodyView view;
        view.show();
        showBody(view, JsonBody, QStringLiteral("application/json"));
        filter(view, QStringLiteral("$.total"));
        QCOMPARE(view.editor()->utf8Text(), QByteArray("[\n  3\n]"));

        filter(view, QStringLiteral("$.data[?@.id >]"));
        QVERIFY2(view.filterBar()->error().startsWith(QLatin1String("Invalid JSONPath: ")),
                 qPrintable(view.filterBar()->error()));
        auto *errorLabel = view.filterBar()->findChildren<QLabel *>().last();
        QVERIFY(errorLabel->isVisible());
        // The previous matches stay on screen while the expression is being fixed.
        QCOMPARE(view.editor()->utf8Text(), QByteArray("[\n  3\n]"));

        filter(view, QStringLiteral("$.total"));
        QVERIFY(view.filterBar()->error().isEmpty());
        QVERIFY(!errorLabel->isVisible());
    }

    void xpath()
    {
        BodyView view;
        showBody(view, XmlBody, QStringLiteral("application/xml"));
        QCOMPARE(view.filterBar()->syntax(), BodyFilterBar::Syntax::XPath);
        QVERIFY(view.filterBar()->lineEdit()->placeholderText().contains(QLatin1String("//item/name")));
        filter(view, QStringLiteral("//item/name"));
        QCOMPARE(view.editor()->utf8Text(), QByteArray("<name>a</name>\n<name>b &amp; c</name>"));
        QCOMPARE(view.filterBar()->status(), QStringLiteral("2 matches"));

        filter(view, QStringLiteral("count(//item)"));
        QCOMPARE(view.editor()->utf8Text(), QByteArray("2"));

        filter(view, QStringLiteral("//item["));
        QVERIFY2(view.filterBar()->error().startsWith(QLatin1String("Invalid XPath")), qPrintable(view.filterBar()->error()));
    }

    void filterStaysForTheNextBody()
    {
        BodyView view;
        showBody(view, JsonBody, QStringLiteral("application/json"));
        filter(view, QStringLiteral("$.total"));
        QSignalSpy finished(&view, &BodyView::filterFinished);
        showBody(view, R"({"total":99})", QStringLiteral("application/json"));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(view.editor()->utf8Text(), QByteArray("[\n  99\n]"));
    }

    void plainTextHasNoFilter()
    {
        BodyView view;
        showBody(view, "hello", QStringLiteral("text/plain"));
        QCOMPARE(view.filterBar()->syntax(), BodyFilterBar::Syntax::None);
        QVERIFY(!view.filterBar()->lineEdit()->isEnabled());
    }

    void typingSettlesBeforeFiltering()
    {
        BodyView view;
        view.show();
        showBody(view, JsonBody, QStringLiteral("application/json"));
        QSignalSpy requested(view.filterBar(), &BodyFilterBar::filterRequested);
        QTest::keyClicks(view.filterBar()->lineEdit(), QStringLiteral("$.total"));
        QCOMPARE(requested.count(), 0);
        QTRY_COMPARE(requested.count(), 1);
        QTRY_COMPARE(view.editor()->utf8Text(), QByteArray("[\n  3\n]"));
    }

    void screenshot()
    {
        const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
        if (directory.isEmpty())
            QSKIP("set SONDE_SCREENSHOT_DIR to save screenshots");
        BodyView view;
        view.resize(700, 360);
        view.show();
        showBody(view, JsonBody, QStringLiteral("application/json"));
        filter(view, QStringLiteral("$.data[*].id"));
        QTest::qWait(50);
        QVERIFY(view.grab().save(directory + QStringLiteral("/filter.png")));

        filter(view, QStringLiteral("$.data[?@.id >]"));
        QTest::qWait(50);
        QVERIFY(view.grab().save(directory + QStringLiteral("/filter-error.png")));
    }
};

QTEST_MAIN(TestBodyFilter)

#include "tst_bodyfilter.moc"
