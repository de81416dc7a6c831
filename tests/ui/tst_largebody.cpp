// Large bodies in the Body tab: a preview of the start at once, formatted like the whole; the whole
// replacing it where the user is; malformed documents falling back to raw with where they broke;
// switching between Pretty and Raw holding one document.

#include "editor/CodeEditor.h"
#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"
#include "response/BodyFilterBar.h"
#include "response/BodyView.h"

#include <QSignalSpy>
#include <QTest>

using namespace Sonde;

namespace {

/// A JSON list of records just over `bytes`, on one line as APIs send it.
QByteArray largeJson(qsizetype bytes)
{
    QByteArray json = "[";
    for (int i = 0; json.size() < bytes; ++i) {
        if (i > 0)
            json += ',';
        json += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"User " + QByteArray::number(i)
            + "\",\"city\":\"Z\xc3\xbcrich\",\"tags\":[\"a\",\"b\"],\"geo\":{\"lat\":1.5,\"lng\":-2.25}}";
    }
    return json + ']';
}

QByteArray largeXml(qsizetype bytes)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users>";
    for (int i = 0; xml.size() < bytes; ++i) {
        xml += "<user id=\"" + QByteArray::number(i) + "\"><name>User " + QByteArray::number(i)
            + "</name><city>Z\xc3\xbcrich</city><!-- c --><tags><tag>a</tag></tags></user>";
    }
    return xml + "</users>\n";
}

/// The text without line breaks: raw text has its long lines broken for the screen.
QByteArray unbroken(QByteArray text)
{
    return text.replace('\n', QByteArray());
}

constexpr qsizetype Size = LargeBodyBytes + 1024 * 1024;

} // namespace

class TestLargeBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewThenWhole_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<bool>("pretty");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray json = largeJson(Size);
        const QByteArray xml = largeXml(Size);
        QTest::newRow("json pretty") << json << QStringLiteral("application/json") << true
                                     << formatJson(json).output;
        QTest::newRow("json raw") << json << QStringLiteral("application/json") << false << QByteArray();
        QTest::newRow("xml pretty") << xml << QStringLiteral("application/xml") << true
                                    << formatXml(xml).output;
        QTest::newRow("text") << QByteArray(Size, 'x').replace(0, 1, "y") << QStringLiteral("text/plain")
                              << true << QByteArray();
    }
    void previewThenWhole()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, contentType);
        QFETCH(bool, pretty);
        QFETCH(QByteArray, expected);
        BodyView view;
        view.resize(900, 600);
        view.show();
        view.setPrettyPreferred(pretty);
        QSignalSpy previewShown(&view, &BodyView::previewShown);
        QSignalSpy rendered(&view, &BodyView::rendered);
        view.setBody(BodyData::fromBytes(body), contentType);

        QTRY_VERIFY_WITH_TIMEOUT(!previewShown.isEmpty() || !rendered.isEmpty(), 20000);
        // On a fast machine the whole may be rendered before the preview is looked at.
        const bool scrolled = !previewShown.isEmpty() && rendered.isEmpty();
        if (scrolled) {
            // The preview is the start of what the whole shows, and not more than a screenful's worth.
            QVERIFY(view.showsPreview());
            QCOMPARE(view.shown(), BodyRendering::Shown::Nothing);
            const QByteArray preview = view.editor()->utf8Text();
            QVERIFY(!preview.isEmpty());
            QVERIFY(preview.size() < body.size() / 4);
            if (!expected.isEmpty())
                QVERIFY(expected.startsWith(preview));
            view.editor()->setFirstVisibleLine(10);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && !view.isBusy(), 60000);
        QVERIFY(!view.showsPreview());
        if (!expected.isEmpty())
            QCOMPARE(view.editor()->utf8Text(), expected);
        if (scrolled)
            QCOMPARE(view.editor()->firstVisibleLine(), 10); // where the user was in the preview
    }

    void malformedFallsBackToRaw_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("notice");
        QByteArray json = largeJson(Size);
        json.insert(json.size() - 100, "}}}");
        QByteArray xml = largeXml(Size);
        xml.insert(xml.size() - 40, "</wrong>");
        QTest::newRow("json") << json << QStringLiteral("application/json")
                              << QStringLiteral("Not valid JSON: ");
        QTest::newRow("xml") << xml << QStringLiteral("application/xml") << QStringLiteral("Not valid XML: ");
    }
    void malformedFallsBackToRaw()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, contentType);
        QFETCH(QString, notice);
        BodyView view;
        view.setPrettyPreferred(true);
        QSignalSpy rendered(&view, &BodyView::rendered);
        view.setBody(BodyData::fromBytes(body), contentType);
        QTRY_VERIFY_WITH_TIMEOUT(view.shown() == BodyRendering::Shown::Raw && !view.isBusy(), 60000);
        QCOMPARE(unbroken(view.editor()->utf8Text()), unbroken(body));
        QVERIFY2(view.notice().startsWith(notice), qPrintable(view.notice()));
        QVERIFY2(view.notice().contains(QStringLiteral(" at line ")), qPrintable(view.notice()));
    }

    void switchingModesKeepsOneDocument()
    {
        const QByteArray json = largeJson(Size);
        BodyView view;
        view.setPrettyPreferred(true);
        view.setBody(BodyData::fromBytes(json), QStringLiteral("application/json"));
        QTRY_VERIFY_WITH_TIMEOUT(view.shown() == BodyRendering::Shown::Pretty && !view.isBusy(), 60000);
        view.setPrettyPreferred(false);
        // The pretty document is let go at once; the raw preview stands in until the raw text is read.
        QCOMPARE(view.shown(), BodyRendering::Shown::Nothing);
        QTRY_VERIFY_WITH_TIMEOUT(view.shown() == BodyRendering::Shown::Raw && !view.isBusy(), 60000);
        QCOMPARE(unbroken(view.editor()->utf8Text()), json);
        view.setPrettyPreferred(true);
        QTRY_VERIFY_WITH_TIMEOUT(view.shown() == BodyRendering::Shown::Pretty && !view.isBusy(), 60000);
        QCOMPARE(view.editor()->utf8Text(), formatJson(json).output);
    }

    void hugeBodyIsShownWithoutColours()
    {
        // Above MaxHighlightedBytes the document keeps no styles (half the memory) and gets no lexer;
        // the filter still knows the body is JSON.
        const QByteArray json = largeJson(MaxHighlightedBytes + 1024 * 1024);
        BodyView view;
        view.setPrettyPreferred(false);
        view.setBody(BodyData::fromBytes(json), QStringLiteral("application/json"));
        QTRY_VERIFY_WITH_TIMEOUT(view.shown() == BodyRendering::Shown::Raw && !view.isBusy(), 60000);
        QCOMPARE(view.editor()->language(), CodeEditor::Language::PlainText);
        QCOMPARE(view.editor()->SendScintilla(QsciScintillaBase::SCI_GETDOCUMENTOPTIONS),
            long(QsciScintillaBase::SC_DOCUMENTOPTION_STYLES_NONE));
        QVERIFY2(view.notice().contains(QStringLiteral("Not highlighted")), qPrintable(view.notice()));
        QCOMPARE(unbroken(view.editor()->utf8Text()), json);

        // The matches of a filter are small: coloured; cleared, the body is plain again.
        QSignalSpy filtered(&view, &BodyView::filterFinished);
        view.filterBar()->setExpression(QStringLiteral("$[2].name"));
        QTRY_COMPARE_WITH_TIMEOUT(filtered.count(), 1, 60000);
        QCOMPARE(view.editor()->utf8Text(), QByteArray("[\n  \"User 2\"\n]"));
        QCOMPARE(view.editor()->language(), CodeEditor::Language::Json);
        view.filterBar()->setExpression(QString());
        QTRY_VERIFY(!view.isFiltered());
        QCOMPARE(view.editor()->language(), CodeEditor::Language::PlainText);
        QVERIFY(view.editor()->length() >= json.size()); // the whole body, its long lines broken

        // A body under the limit is coloured again.
        view.setBody(BodyData::fromBytes(largeJson(Size)), QStringLiteral("application/json"));
        QTRY_VERIFY_WITH_TIMEOUT(view.shown() == BodyRendering::Shown::Raw && !view.isBusy(), 60000);
        QCOMPARE(view.editor()->language(), CodeEditor::Language::Json);
        QVERIFY(!view.notice().contains(QStringLiteral("Not highlighted")));
    }

    void cancelStopsTheWork()
    {
        BodyView view;
        view.setPrettyPreferred(true);
        view.setBody(BodyData::fromBytes(largeJson(4 * Size)), QStringLiteral("application/json"));
        QVERIFY(view.isBusy());
        view.cancelWork();
        QVERIFY(!view.isBusy());
        QCOMPARE(view.shown(), BodyRendering::Shown::Nothing);
        // A new body afterwards is shown as usual.
        QSignalSpy rendered(&view, &BodyView::rendered);
        view.setBody(BodyData::fromBytes("{\"a\":1}"), QStringLiteral("application/json"));
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && !view.isBusy(), 20000);
        QCOMPARE(view.editor()->utf8Text(), QByteArray("{\n  \"a\": 1\n}"));
    }
};

QTEST_MAIN(TestLargeBody)
#include "tst_largebody.moc"
