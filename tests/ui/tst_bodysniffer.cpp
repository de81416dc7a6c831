// What a body is: language and image sniffing, the image preview, View as, Save and Copy.

#include "editor/CodeEditor.h"
#include "response/BodySniffer.h"
#include "response/BodyView.h"
#include "response/ImagePreview.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using Language = CodeEditor::Language;

Q_DECLARE_METATYPE(CodeEditor::Language)

namespace {

void showBody(BodyView &view, const QByteArray &body, const QString &contentType)
{
    QSignalSpy rendered(&view, &BodyView::rendered);
    view.setBody(BodyData::fromBytes(body), contentType);
    // A large body is shown raw first, then pretty (or raw again, noting why not): wait for the end.
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1 && !view.isBusy(), 20000);
}

QByteArray generatedPng(QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(QColor(0x30, 0x80, 0xd0));
    QPainter painter(&image);
    painter.setBrush(QColor(0xf0, 0xb0, 0x20));
    painter.drawEllipse(QRect(QPoint(0, 0), size).adjusted(10, 10, -10, -10));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace

class TestBodySniffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void language_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<Language>("language");
        QTest::newRow("json declared") << "application/json" << QByteArray("{}") << Language::Json;
        QTest::newRow("problem+json") << "application/problem+json; charset=utf-8" << QByteArray("{") << Language::Json;
        QTest::newRow("no type, object") << "" << QByteArray("\n  {\"a\":1}") << Language::Json;
        QTest::newRow("no type, array") << "" << QByteArray("[1]") << Language::Json;
        QTest::newRow("text/plain, json") << "text/plain" << QByteArray(" [") << Language::Json;
        QTest::newRow("octet-stream, xml decl") << "application/octet-stream" << QByteArray("<?xml version=\"1.0\"?><a/>") << Language::Xml;
        QTest::newRow("no type, element") << "" << QByteArray("<feed/>") << Language::Xml;
        QTest::newRow("no type, doctype html") << "" << QByteArray("<!DOCTYPE html><html>") << Language::Html;
        QTest::newRow("no type, html") << "" << QByteArray("<HTML><body>") << Language::Html;
        QTest::newRow("bom then json") << "" << QByteArray("\xEF\xBB\xBF{}") << Language::Json;
        QTest::newRow("json declared, html sent") << "application/json" << QByteArray("<!doctype html>") << Language::Html;
        QTest::newRow("xml declared, json sent") << "text/xml" << QByteArray("{\"a\":1}") << Language::Json;
        QTest::newRow("html declared, json sent") << "text/html" << QByteArray("[1]") << Language::Json;
        QTest::newRow("plain text stays") << "text/plain" << QByteArray("hello") << Language::PlainText;
        QTest::newRow("css declared") << "text/css" << QByteArray("{") << Language::Css;
        QTest::newRow("yaml declared") << "application/yaml" << QByteArray("a: 1") << Language::Yaml;
    }

    void language()
    {
        QFETCH(QString, contentType);
        QFETCH(QByteArray, head);
        QFETCH(Language, language);
        QCOMPARE(BodySniffer::language(contentType, head), language);
    }

    void imageFormat_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << "image/png" << QByteArray("\x89PNG\r\n\x1a\n....") << QByteArray("png");
        QTest::newRow("png, no type") << "" << QByteArray("\x89PNG\r\n\x1a\n....") << QByteArray("png");
        QTest::newRow("jpeg as octet-stream") << "application/octet-stream" << QByteArray("\xFF\xD8\xFF\xE0") << QByteArray("jpeg");
        QTest::newRow("gif labelled png") << "image/png" << QByteArray("GIF89a....") << QByteArray("gif");
        QTest::newRow("webp") << "" << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << QByteArray("webp");
        QTest::newRow("svg by type") << "image/svg+xml" << QByteArray("<?xml version=\"1.0\"?><svg/>") << QByteArray("svg");
        QTest::newRow("svg sniffed") << "" << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") << QByteArray("svg");
        QTest::newRow("svg in xml response") << "application/xml" << QByteArray("<svg/>") << QByteArray();
        QTest::newRow("json") << "application/json" << QByteArray("{}") << QByteArray();
        QTest::newRow("riff, not webp") << "" << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16) << QByteArray();
    }

    void imageFormat()
    {
        QFETCH(QString, contentType);
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, format);
        QCOMPARE(BodySniffer::imageFormat(contentType, head), format);
    }

    void imagePreview()
    {
        BodyView view;
        view.resize(500, 300);
        view.show();
        showBody(view, generatedPng(QSize(800, 400)), QStringLiteral("application/octet-stream"));
        QCOMPARE(view.shown(), BodyRendering::Shown::Image);
        QVERIFY(view.imagePreview()->isVisible());
        QCOMPARE(view.imagePreview()->image().size(), QSize(800, 400));
        QVERIFY2(view.imagePreview()->info().startsWith(QStringLiteral("PNG  ·  800 × 400  ·  ")),
                 qPrintable(view.imagePreview()->info()));
        // Fitted: never larger than the view, aspect kept.
        const QSize fitted = view.imagePreview()->shownSize();
        QVERIFY(fitted.width() <= 500 && fitted.width() > 0);
        QCOMPARE(fitted.width() / 2, fitted.height());
        view.imagePreview()->setFitToView(false);
        QCOMPARE(view.imagePreview()->shownSize(), QSize(800, 400));

        const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            view.imagePreview()->setFitToView(true);
            QTest::qWait(50);
            QVERIFY(view.grab().save(directory + QStringLiteral("/image.png")));
        }

        view.copyShown();
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(800, 400));

        // A small image is not enlarged; SVG renders through the Qt plugin.
        showBody(view, generatedPng(QSize(40, 20)), QStringLiteral("image/png"));
        QCOMPARE(view.imagePreview()->shownSize(), QSize(40, 20));
        showBody(view, R"(<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"><rect width="64" height="32" fill="red"/></svg>)",
                 QStringLiteral("image/svg+xml"));
        QCOMPARE(view.shown(), BodyRendering::Shown::Image);
        QCOMPARE(view.imagePreview()->image().size(), QSize(64, 32));
    }

    void viewAsOverrides()
    {
        BodyView view;
        showBody(view, "{\"a\":1}", QStringLiteral("text/plain"));
        QCOMPARE(view.editor()->language(), Language::Json);
        QSignalSpy rendered(&view, &BodyView::rendered);
        view.setViewAs(BodyViewAs::Text);
        QTRY_COMPARE(rendered.count(), 1);
        QCOMPARE(view.editor()->language(), Language::PlainText);
        QCOMPARE(view.editor()->utf8Text(), QByteArray("{\"a\":1}"));
        view.setViewAs(BodyViewAs::Hex);
        QTRY_COMPARE(rendered.count(), 2);
        QCOMPARE(view.shown(), BodyRendering::Shown::Hex);
        QVERIFY(view.editor()->utf8Text().startsWith("00000000  7b 22 61 22 3a 31 7d"));
        view.setViewAs(BodyViewAs::Auto);
        QTRY_COMPARE(rendered.count(), 3);
        QCOMPARE(view.editor()->utf8Text(), QByteArray("{\n  \"a\": 1\n}"));

        // A PNG viewed as hex.
        view.setViewAs(BodyViewAs::Hex);
        showBody(view, generatedPng(QSize(4, 4)), QStringLiteral("image/png"));
        QCOMPARE(view.shown(), BodyRendering::Shown::Hex);
        QVERIFY(view.editor()->utf8Text().startsWith("00000000  89 50 4e 47"));
    }

    void hexCoversTheFirstMegabytes()
    {
        BodyView view;
        QByteArray binary(3 * 1024 * 1024, '\0');
        for (qsizetype i = 0; i < binary.size(); ++i)
            binary[i] = char(i * 7);
        showBody(view, binary, QStringLiteral("application/octet-stream"));
        QCOMPARE(view.shown(), BodyRendering::Shown::Hex);
        QCOMPARE(view.editor()->lines(), 3 * 1024 * 1024 / 16);
        QCOMPARE(view.notice(), QStringLiteral("Binary body (3.0 MB) shown as hex"));
    }

    void saveAndCopy()
    {
        QTemporaryDir dir;
        QByteArray big(5 * 1024 * 1024 + 3, 'x');
        big[0] = '{';
        BodyView view;
        showBody(view, big, QStringLiteral("text/plain"));
        QSignalSpy saved(&view, &BodyView::saveFinished);
        const QString path = dir.filePath(QStringLiteral("body.bin"));
        view.saveBodyTo(path);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
        QCOMPARE(saved.at(0).at(0).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), big);

        view.saveBodyTo(dir.filePath(QStringLiteral("missing/dir/body.bin")));
        QTRY_COMPARE(saved.count(), 2);
        QVERIFY(saved.at(1).at(0).toString().startsWith(QStringLiteral("Could not save to ")));

        showBody(view, "plain words", QStringLiteral("text/plain"));
        view.copyShown();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("plain words"));
    }
};

QTEST_MAIN(TestBodySniffer)

#include "tst_bodysniffer.moc"
