// Golden tests of the highlighting backends: each sample document under tests/data/highlight/input is
// highlighted by every backend this build has, and its styled runs, written as text, must equal
// tests/data/highlight/reference/<backend>/<sample>.txt. tests/data/highlight/regenerate.sh writes
// the references anew (for KSyntaxHighlighting, run it where KF6 SyntaxHighlighting is installed).
#include "editor/CodeEditor.h"
#include "editor/LexerFactory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::LexerFactory::Backend)

namespace {

CodeEditor::Language languageOf(const QString &suffix)
{
    static const QHash<QString, CodeEditor::Language> languages {
        {QStringLiteral("json"), CodeEditor::Language::Json}, {QStringLiteral("xml"), CodeEditor::Language::Xml},
        {QStringLiteral("html"), CodeEditor::Language::Html}, {QStringLiteral("yaml"), CodeEditor::Language::Yaml},
        {QStringLiteral("js"), CodeEditor::Language::JavaScript}, {QStringLiteral("css"), CodeEditor::Language::Css},
    };
    return languages.value(suffix, CodeEditor::Language::PlainText);
}

/// Every line of the document with its styled runs as [style name:text]; unstyled text as it is.
QByteArray styledRuns(CodeEditor &editor)
{
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0UL, -1L);
    const QByteArray text = editor.utf8Text();
    QByteArray out;
    int run = -1;
    QByteArray runText;
    const auto flush = [&] {
        if (runText.isEmpty())
            return;
        const QString name = run > 0 ? editor.lexer()->description(run) : QString();
        out += name.isEmpty() ? runText : '[' + name.toUtf8() + ':' + runText + ']';
        runText.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\n') {
            flush();
            out += '\n';
            run = -1;
            continue;
        }
        const int style = int(editor.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, (unsigned long)i));
        if (style != run) {
            flush();
            run = style;
        }
        runText += c;
    }
    flush();
    return out;
}

QString dataDirectory()
{
    return qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/highlight");
}

} // namespace

class TestHighlighting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenRuns_data();
    void goldenRuns();
    void lazyStylingResumesFromState();
    void largeDocumentsGetCompiledLexers();
};

void TestHighlighting::goldenRuns_data()
{
    QTest::addColumn<LexerFactory::Backend>("backend");
    QTest::addColumn<QString>("input");
    const QFileInfoList inputs = QDir(dataDirectory() + QStringLiteral("/input")).entryInfoList(QDir::Files, QDir::Name);
    QVERIFY(!inputs.isEmpty());
    for (const LexerFactory::Backend backend : LexerFactory::availableBackends()) {
        for (const QFileInfo &input : inputs)
            QTest::addRow("%s/%s", qPrintable(LexerFactory::backendName(backend)), qPrintable(input.fileName()))
                << backend << input.filePath();
    }
}

void TestHighlighting::goldenRuns()
{
    QFETCH(LexerFactory::Backend, backend);
    QFETCH(QString, input);
    LexerFactory::setBackend(backend);
    QFile file(input);
    QVERIFY(file.open(QIODevice::ReadOnly));
    CodeEditor editor;
    editor.setLanguage(languageOf(QFileInfo(input).suffix()));
    QVERIFY(editor.lexer());
    editor.setUtf8Text(file.readAll());
    const QByteArray runs = styledRuns(editor);
    const QString name = LexerFactory::backendName(backend) + u'/' + QFileInfo(input).completeBaseName() + u'.'
        + QFileInfo(input).suffix() + QStringLiteral(".txt");

    if (const QString out = qEnvironmentVariable("SONDE_GOLDEN_OUT"); !out.isEmpty()) {
        QDir().mkpath(QFileInfo(out + u'/' + name).absolutePath());
        QFile reference(out + u'/' + name);
        QVERIFY(reference.open(QIODevice::WriteOnly));
        reference.write(runs);
        return;
    }
    QFile reference(dataDirectory() + QStringLiteral("/reference/") + name);
    QVERIFY2(reference.open(QIODevice::ReadOnly), qPrintable(reference.fileName() + QStringLiteral(" is missing: run regenerate.sh")));
    const QByteArray expected = reference.readAll();
    QVERIFY2(runs == expected, runs.constData());
    // Something is highlighted: not everything came out as plain text.
    QVERIFY(runs.contains('['));
}

void TestHighlighting::lazyStylingResumesFromState()
{
    // Only the text asked for is styled; styling further on continues where it stopped and gives the
    // same result as styling everything at once, for each backend.
    QByteArray json = "[\n";
    for (int i = 0; i < 20000; ++i)
        json += "  {\"id\": " + QByteArray::number(i) + ", \"name\": \"item " + QByteArray::number(i) + "\"},\n";
    json += "  {\"last\": true}\n]\n";
    for (const LexerFactory::Backend backend : LexerFactory::availableBackends()) {
        LexerFactory::setBackend(backend);
        CodeEditor piecewise;
        piecewise.setLanguage(CodeEditor::Language::Json);
        piecewise.setUtf8Text(json);
        const long length = piecewise.SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
        for (long end = length / 7; end < length; end += length / 7)
            piecewise.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0UL, end);
        piecewise.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0UL, -1L);
        CodeEditor whole;
        whole.setLanguage(CodeEditor::Language::Json);
        whole.setUtf8Text(json);
        QCOMPARE(styledRuns(piecewise), styledRuns(whole));
    }
    LexerFactory::setBackend(LexerFactory::availableBackends().constFirst());
}

void TestHighlighting::largeDocumentsGetCompiledLexers()
{
    for (const LexerFactory::Backend backend : LexerFactory::availableBackends()) {
        LexerFactory::setBackend(backend);
        CodeEditor editor;
        editor.setLanguage(CodeEditor::Language::Json, 1024);
        QVERIFY(editor.lexer());
        // QScintilla's compiled lexers have a Scintilla lexer name; KSyntaxHighlighting's has none.
        QCOMPARE(editor.lexer()->lexer() != nullptr, backend == LexerFactory::Backend::QScintilla);
        QVERIFY(editor.needsNewLexer(CodeEditor::Language::Json, LexerFactory::LargeDocumentBytes + 1));
        editor.setLanguage(CodeEditor::Language::Json, LexerFactory::LargeDocumentBytes + 1);
        QVERIFY(editor.lexer()->lexer() != nullptr);
        QVERIFY(!editor.needsNewLexer(CodeEditor::Language::Json, 2 * LexerFactory::LargeDocumentBytes));
    }
    LexerFactory::setBackend(LexerFactory::availableBackends().constFirst());
}

QTEST_MAIN(TestHighlighting)
#include "tst_highlighting.moc"
