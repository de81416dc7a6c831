// Request ▸ Generate Code…: the target list, the highlighted snippet, resolving variables, copying,
// the target remembered in the application's settings, and the window's menu entry.
#include "MainWindow.h"
#include "RequestTab.h"
#include "editor/LexerFactory.h"
#include "formats/Snippets.h"
#include "http/HttpEngine.h"
#include "request/RequestEditor.h"
#include "snippets/SnippetDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;
using namespace Qt::StringLiterals;

namespace {

Request sample()
{
    Request request;
    request.name = u"Create user"_s;
    request.method = u"POST"_s;
    request.url = u"{{base}}/users?tag={{tag}}"_s;
    request.headers = {{u"X-Token"_s, u"{{token}}"_s, true}};
    request.body = Body {Body::Kind::Raw, u"application/json"_s, R"({"name": "Ada"})"};
    return request;
}

ResolvedRequest resolveBaseAndToken(const Request &request)
{
    const TemplateResolver resolver(
        {{u"environment"_s, {{u"base"_s, u"https://api.example.com"_s}, {u"token"_s, u"t0k"_s}}}});
    return resolveRequest(request, resolver);
}

} // namespace

class TestSnippetDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyTargetIsListedAndHighlighted();
    void showsTheChosenTargetsCode();
    void resolvesVariablesWhenAsked();
    void remembersTargetAndResolve();
    void copiesTheCode();
    void windowMenuOpensIt();

private:
    QTemporaryDir m_directory;
};

void TestSnippetDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_directory.isValid());
}

void TestSnippetDialog::everyTargetIsListedAndHighlighted()
{
    QSettings settings(m_directory.filePath(u"list.ini"_s), QSettings::IniFormat);
    SnippetDialog dialog(sample(), resolveBaseAndToken, &settings);
    const QList<SnippetTarget> targets = Snippets::targets();
    QCOMPARE(dialog.targetList()->count(), targets.size());
    for (int row = 0; row < targets.size(); ++row) {
        QCOMPARE(dialog.targetList()->item(row)->text(), targets.at(row).label);
        const CodeEditor::Language language = SnippetDialog::languageFor(targets.at(row).language);
        QVERIFY2(language != CodeEditor::Language::PlainText, qPrintable(targets.at(row).id));
        QObject owner;
        for (const LexerFactory::Backend backend : LexerFactory::availableBackends()) {
            LexerFactory::setBackend(backend);
            QVERIFY2(LexerFactory::create(language, &owner), qPrintable(targets.at(row).language));
        }
    }
    LexerFactory::setBackend(LexerFactory::availableBackends().constFirst());
    // Nothing remembered yet: the first target.
    QCOMPARE(dialog.targetId(), targets.constFirst().id);
}

void TestSnippetDialog::showsTheChosenTargetsCode()
{
    QSettings settings(m_directory.filePath(u"show.ini"_s), QSettings::IniFormat);
    SnippetDialog dialog(sample(), resolveBaseAndToken, &settings);
    QVERIFY(dialog.setTargetId(u"python-requests"_s));
    QCOMPARE(
        QString::fromUtf8(dialog.viewer()->utf8Text()), Snippets::generate(u"python-requests"_s, sample()));
    QCOMPARE(dialog.viewer()->language(), CodeEditor::Language::Python);
    QVERIFY(dialog.viewer()->lexer());
    QVERIFY(dialog.viewer()->isReadOnly());
    QVERIFY(!dialog.setTargetId(u"cobol"_s));
    QCOMPARE(dialog.targetId(), u"python-requests"_s);

    // A scheme the target cannot answer is said below the code.
    Request digest = sample();
    digest.auth.type = AuthConfig::Type::Digest;
    digest.auth.digest = {u"ada"_s, u"pw"_s};
    SnippetDialog withDigest(digest, {}, &settings);
    QVERIFY(withDigest.setTargetId(u"go"_s));
    QVERIFY(!withDigest.statusLabel()->isHidden());
    QVERIFY(withDigest.statusLabel()->text().contains(u"Digest"_s));
    QVERIFY(!withDigest.resolveBox()->isEnabled()); // nothing to resolve with
}

void TestSnippetDialog::resolvesVariablesWhenAsked()
{
    QSettings settings(m_directory.filePath(u"resolve.ini"_s), QSettings::IniFormat);
    SnippetDialog dialog(sample(), resolveBaseAndToken, &settings);
    QVERIFY(dialog.setTargetId(u"javascript-fetch"_s));
    QVERIFY(!dialog.resolveBox()->isChecked());
    QString code = QString::fromUtf8(dialog.viewer()->utf8Text());
    QVERIFY2(code.contains(u"\"{{base}}/users?tag={{tag}}\""_s), qPrintable(code));
    QVERIFY(code.contains(u"\"X-Token\": \"{{token}}\""_s));

    dialog.resolveBox()->setChecked(true);
    code = QString::fromUtf8(dialog.viewer()->utf8Text());
    QVERIFY2(code.contains(u"\"https://api.example.com/users?tag={{tag}}\""_s), qPrintable(code));
    QVERIFY(code.contains(u"\"X-Token\": \"t0k\""_s));
    QVERIFY(!dialog.statusLabel()->isHidden());
    QVERIFY(dialog.statusLabel()->text().contains(u"{{tag}}"_s));
}

void TestSnippetDialog::remembersTargetAndResolve()
{
    QSettings settings(m_directory.filePath(u"remember.ini"_s), QSettings::IniFormat);
    {
        SnippetDialog dialog(sample(), resolveBaseAndToken, &settings);
        dialog.targetList()->setCurrentRow(6); // as a click does
        dialog.resolveBox()->setChecked(true);
    }
    SnippetDialog again(sample(), resolveBaseAndToken, &settings);
    QCOMPARE(again.targetId(), Snippets::targets().at(6).id);
    QVERIFY(again.resolveBox()->isChecked());
    QVERIFY(QString::fromUtf8(again.viewer()->utf8Text()).contains(u"https://api.example.com"_s));
    QCOMPARE(settings.value(u"snippets/target"_s).toString(), Snippets::targets().at(6).id);
}

void TestSnippetDialog::copiesTheCode()
{
    QSettings settings(m_directory.filePath(u"copy.ini"_s), QSettings::IniFormat);
    SnippetDialog dialog(sample(), resolveBaseAndToken, &settings);
    QVERIFY(dialog.setTargetId(u"powershell"_s));
    QApplication::clipboard()->clear();
    QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), Snippets::generate(u"powershell"_s, sample()));
}

void TestSnippetDialog::windowMenuOpensIt()
{
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    MainWindow window(&engine, nullptr);
    QAction *generate = nullptr;
    QList<QKeySequence> others;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == u"&Generate Code…"_s)
            generate = action;
        else
            others += action->shortcuts();
    }
    QVERIFY(generate);
    QCOMPARE(generate->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    QVERIFY(!others.contains(generate->shortcut()));

    RequestTab *tab = window.newRequestTab(sample());
    QVERIFY(tab);
    generate->trigger();
    auto *dialog = window.findChild<SnippetDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->windowTitle().contains(u"Create user"_s));
    dialog->setTargetId(u"curl"_s);
    QVERIFY(QString::fromUtf8(dialog->viewer()->utf8Text()).startsWith(u"curl "_s));
    dialog->close();
}

QTEST_MAIN(TestSnippetDialog)
#include "tst_snippetdialog.moc"
