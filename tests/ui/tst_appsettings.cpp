// Application settings: kept in the one QSettings object, edited in the dialog, applied to the whole
// application (theme, editor font) and to the engine (memory threshold, default proxy, certificate
// authorities), with the proxy password in the secret store.
#include "MainWindow.h"
#include "RequestTab.h"
#include "editor/CodeEditor.h"
#include "http/HttpEngine.h"
#include "request/RequestEditor.h"
#include "settings/AppSettings.h"
#include "settings/AppSettingsController.h"
#include "settings/AppSettingsDialog.h"
#include "storage/SecretStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Sonde;

Q_DECLARE_METATYPE(Sonde::AppSettings)

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsRoundTrip_data();
    void settingsRoundTrip();
    void dialogShowsAndReturnsSettings_data();
    void dialogShowsAndReturnsSettings();
    void controllerAppliesToEngine();
    void proxyPasswordGoesToSecretStore();
    void unreadableCertificateIsReported();
    void themeSwitchRecoloursEditors();
    void editorFontFollows();
    void windowFollowsSettings();
    void bothThemesRender();

private:
    QTemporaryDir m_directory;
    int m_files = 0;
    QString newFile(const QString &suffix) { return m_directory.filePath(QString::number(++m_files) + suffix); }
};

namespace {

AppSettings everything()
{
    AppSettings s;
    s.theme = AppSettings::Theme::Dark;
    s.editorFontFamily = QStringLiteral("DejaVu Sans Mono");
    s.editorFontSize = 13;
    s.defaultTimeoutMs = 5000;
    s.defaultProxy = {ProxySettings::Mode::Custom, QStringLiteral("http://127.0.0.1:3128"), QStringLiteral("ada"), {}};
    s.caCertificateFiles = {QStringLiteral("/etc/company/ca.pem"), QStringLiteral("/tmp/local ca.crt")};
    s.memoryThresholdMb = 64;
    s.sendOnCtrlEnter = false;
    return s;
}

} // namespace

void TestAppSettings::settingsRoundTrip_data()
{
    QTest::addColumn<AppSettings>("settings");
    QTest::newRow("defaults") << AppSettings();
    QTest::newRow("everything") << everything();
    AppSettings light;
    light.theme = AppSettings::Theme::Light;
    light.defaultProxy.mode = ProxySettings::Mode::System;
    QTest::newRow("light, system proxy") << light;
}

void TestAppSettings::settingsRoundTrip()
{
    QFETCH(AppSettings, settings);
    const QString path = newFile(QStringLiteral(".ini"));
    {
        QSettings store(path, QSettings::IniFormat);
        settings.save(store);
    }
    QSettings store(path, QSettings::IniFormat);
    QVERIFY(AppSettings::load(store) == settings);
    // Nothing of the proxy's password reaches the file.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("password"));
}

void TestAppSettings::dialogShowsAndReturnsSettings_data()
{
    settingsRoundTrip_data();
}

void TestAppSettings::dialogShowsAndReturnsSettings()
{
    QFETCH(AppSettings, settings);
    AppSettingsDialog dialog(settings, QStringLiteral("s3cret"));
    AppSettings shown = dialog.settings();
    // The font box offers installed fonts only: compare what it can show.
    if (!settings.editorFontFamily.isEmpty())
        shown.editorFontFamily = settings.editorFontFamily;
    QVERIFY(shown == settings);
    QCOMPARE(dialog.proxyPassword(), QStringLiteral("s3cret"));
    QCOMPARE(dialog.proxyUrlEdit()->isEnabled(), settings.defaultProxy.mode == ProxySettings::Mode::Custom);

    // Edit every control as a user would.
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(AppSettings::Theme::Light)));
    dialog.systemFontBox()->setChecked(true);
    dialog.fontSizeBox()->setValue(0);
    dialog.timeoutBox()->setValue(0);
    dialog.ctrlEnterBox()->setChecked(true);
    dialog.proxyModeBox()->setCurrentIndex(dialog.proxyModeBox()->findData(int(ProxySettings::Mode::Custom)));
    QVERIFY(dialog.proxyUrlEdit()->isEnabled());
    dialog.proxyUrlEdit()->setText(QStringLiteral(" socks5://127.0.0.1:1080 "));
    dialog.proxyUserEdit()->setText(QStringLiteral("bob"));
    dialog.proxyPasswordEdit()->setText(QStringLiteral("other"));
    QCOMPARE(dialog.proxyPasswordEdit()->echoMode(), QLineEdit::Password);
    dialog.caCertificateList()->clear();
    dialog.addCaCertificateFile(QStringLiteral("/ca/one.pem"));
    dialog.addCaCertificateFile(QStringLiteral("/ca/one.pem")); // once only
    dialog.memoryThresholdBox()->setValue(16);

    AppSettings expected;
    expected.theme = AppSettings::Theme::Light;
    expected.defaultTimeoutMs = 0;
    expected.defaultProxy = {ProxySettings::Mode::Custom, QStringLiteral("socks5://127.0.0.1:1080"), QStringLiteral("bob"), {}};
    expected.caCertificateFiles = {QStringLiteral("/ca/one.pem")};
    expected.memoryThresholdMb = 16;
    QVERIFY(dialog.settings() == expected);
    QCOMPARE(dialog.proxyPassword(), QStringLiteral("other"));
}

void TestAppSettings::controllerAppliesToEngine()
{
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    QSettings store(newFile(QStringLiteral(".ini")), QSettings::IniFormat);
    AppSettingsController controller(&store, &engine);
    QSignalSpy applied(&controller, &AppSettingsController::applied);
    controller.apply();
    QCOMPARE(applied.count(), 1);
    QCOMPARE(engine.memoryThreshold(), qint64(8) * 1024 * 1024);
    QCOMPARE(engine.defaultProxy().mode, ProxySettings::Mode::None);

    AppSettings changed = controller.settings();
    changed.memoryThresholdMb = 32;
    changed.defaultProxy = {ProxySettings::Mode::System, {}, {}, {}};
    controller.change(changed, QString());
    QCOMPARE(engine.memoryThreshold(), qint64(32) * 1024 * 1024);
    QCOMPARE(engine.defaultProxy().mode, ProxySettings::Mode::System);
    // Saved through the one settings object.
    QVERIFY(AppSettings::load(store) == changed);
}

void TestAppSettings::proxyPasswordGoesToSecretStore()
{
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    const QString ini = newFile(QStringLiteral(".ini"));
    const QString secretsFile = newFile(QStringLiteral(".json"));
    AppSettings chosen;
    chosen.defaultProxy = {ProxySettings::Mode::Custom, QStringLiteral("http://127.0.0.1:3128"), QStringLiteral("ada"), {}};
    {
        QSettings store(ini, QSettings::IniFormat);
        FileSecretStore secrets(secretsFile);
        AppSettingsController controller(&store, &engine);
        controller.setSecretStore(&secrets);
        controller.change(chosen, QStringLiteral("pr0xy-pw"));
        QCOMPARE(engine.defaultProxy().password, QStringLiteral("pr0xy-pw"));
        QTRY_VERIFY(QFile::exists(secretsFile));
    }
    QFile settingsFile(ini);
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains("pr0xy-pw"));

    // The next start reads it back from the secret store.
    HttpEngine next(&network);
    QSettings store(ini, QSettings::IniFormat);
    FileSecretStore secrets(secretsFile);
    AppSettingsController controller(&store, &next);
    controller.apply();
    controller.setSecretStore(&secrets);
    QTRY_COMPARE(next.defaultProxy().password, QStringLiteral("pr0xy-pw"));
    QCOMPARE(next.defaultProxy().user, QStringLiteral("ada"));
    QCOMPARE(controller.proxyPassword(), QStringLiteral("pr0xy-pw"));
}

void TestAppSettings::unreadableCertificateIsReported()
{
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    QSettings store(newFile(QStringLiteral(".ini")), QSettings::IniFormat);
    AppSettingsController controller(&store, &engine);
    QSignalSpy problems(&controller, &AppSettingsController::problem);
    AppSettings changed;
    changed.caCertificateFiles = {m_directory.filePath(QStringLiteral("missing.pem"))};
    controller.change(changed, QString());
    QCOMPARE(problems.count(), 1);
    QVERIFY2(problems.first().first().toString().contains(u"missing.pem"), qPrintable(problems.first().first().toString()));
    QVERIFY(engine.extraCaCertificates().isEmpty());
}

void TestAppSettings::themeSwitchRecoloursEditors()
{
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Json);
    editor.setUtf8Text("{\"a\": 1}");
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const auto paper = [&editor] {
        return QColor::fromRgb(QRgb(editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 0UL)) & 0xffffff);
    };

    applyTheme(AppSettings::Theme::Dark);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QTRY_VERIFY(paper().lightness() < 80);

    applyTheme(AppSettings::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QTRY_VERIFY(paper().lightness() > 200);

    applyTheme(AppSettings::Theme::System);
}

void TestAppSettings::editorFontFollows()
{
    CodeEditor editor;
    AppSettings settings;
    settings.editorFontSize = 17;
    CodeEditor::setEditorFont(settings.editorFont());
    QCOMPARE(CodeEditor::editorFont().pointSize(), 17);
    QCOMPARE(int(editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETSIZE, 0UL)), 17); // open editors follow
    CodeEditor later;
    QCOMPARE(int(later.SendScintilla(QsciScintillaBase::SCI_STYLEGETSIZE, 0UL)), 17);
    CodeEditor::setEditorFont(std::nullopt);
    QCOMPARE(CodeEditor::editorFont(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void TestAppSettings::windowFollowsSettings()
{
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    QSettings store(newFile(QStringLiteral(".ini")), QSettings::IniFormat);
    AppSettingsController controller(&store, &engine);
    MainWindow window(&engine, nullptr);
    window.setAppSettings(&controller);
    RequestTab *first = window.newRequestTab();
    QCOMPARE(first->editor()->request().settings.timeoutMs, 30000);
    QVERIFY(!first->editor()->sendAction()->shortcuts().isEmpty());

    AppSettings changed = controller.settings();
    changed.defaultTimeoutMs = 1500;
    changed.sendOnCtrlEnter = false;
    controller.change(changed, QString());
    QVERIFY(first->editor()->sendAction()->shortcuts().isEmpty()); // open tabs follow
    RequestTab *second = window.newRequestTab();
    QCOMPARE(second->editor()->request().settings.timeoutMs, 1500);
    QVERIFY(second->editor()->sendAction()->shortcuts().isEmpty());
    // A request opened with its own settings keeps them.
    Request own;
    own.url = QStringLiteral("http://127.0.0.1/x");
    own.settings.timeoutMs = 42;
    QCOMPARE(window.newRequestTab(own)->editor()->request().settings.timeoutMs, 42);
    // The window's own settings go through the same object.
    window.autosaveAction()->setChecked(true);
    QVERIFY(store.value(QStringLiteral("editor/autosave")).toBool());
}

void TestAppSettings::bothThemesRender()
{
    // The request editor with path parameters and its Settings tab, and the Settings dialog, in both
    // themes. With SONDE_SCREENSHOT_DIR set the pictures are kept there to be looked at.
    const auto lightness = [](const QImage &image) {
        qint64 sum = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                sum += QColor(image.pixel(x, y)).lightness();
        }
        return sum / ((image.width() / 4 + 1) * (image.height() / 4 + 1));
    };
    const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
    QList<qint64> editorLightness;
    for (const AppSettings::Theme theme : {AppSettings::Theme::Light, AppSettings::Theme::Dark}) {
        applyTheme(theme);
        const QString name = theme == AppSettings::Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        RequestEditor editor;
        Request request;
        request.method = QStringLiteral("PATCH");
        request.url = QStringLiteral("{{base}}/users/:userId/posts/:postId?draft=true");
        request.pathParams = {{QStringLiteral("userId"), QStringLiteral("42")}, {QStringLiteral("postId"), QStringLiteral("{{post}}")}};
        request.settings.proxy = {ProxySettings::Mode::Custom, QStringLiteral("socks5://127.0.0.1:1080"),
                                  QStringLiteral("ada"), QStringLiteral("{{proxyPassword}}")};
        editor.setRequest(request);
        editor.resize(900, 480);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QImage params = editor.grab().toImage();
        editor.tabs()->setCurrentIndex(3);
        const QImage settingsTab = editor.grab().toImage();
        AppSettings settings = everything();
        settings.theme = theme;
        AppSettingsDialog dialog(settings, QStringLiteral("secret"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QImage dialogImage = dialog.grab().toImage();
        QVERIFY(!params.isNull() && !settingsTab.isNull() && !dialogImage.isNull());
        editorLightness.append(lightness(params));
        if (!directory.isEmpty()) {
            params.save(directory + u"/params-" + name + u".png");
            settingsTab.save(directory + u"/request-settings-" + name + u".png");
            dialogImage.save(directory + u"/settings-dialog-" + name + u".png");
        }
    }
    applyTheme(AppSettings::Theme::System);
    QVERIFY2(editorLightness.at(1) + 60 < editorLightness.at(0),
             qPrintable(QStringLiteral("light %1, dark %2").arg(editorLightness.at(0)).arg(editorLightness.at(1))));
}

QTEST_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
