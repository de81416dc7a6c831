// Application settings: kept in the one QSettings object, edited in the dialog, applied to the whole
// application (theme, editor font) and to the engine (memory threshold, default proxy, certificate
// authorities), with the proxy password in the secret store.
#include "MainWindow.h"
#include "RequestTab.h"
#include "editor/CodeEditor.h"
#include "editor/LexerFactory.h"
#include "http/HttpEngine.h"
#include "request/FilePathEdit.h"
#include "request/RequestEditor.h"
#include "settings/AppSettings.h"
#include "settings/AppSettingsController.h"
#include "settings/AppSettingsDialog.h"
#include "settings/ClientCertificateDialog.h"
#include "settings/ClientCertificateModel.h"
#include "storage/SecretStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
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
    void clientCertificatePassphrasesGoToSecretStore();
    void clientCertificateDialogValidates_data();
    void clientCertificateDialogValidates();
    void certificatesPage();
    void themeSwitchRecoloursEditors();
    void editorFontFollows();
    void highlightingThemeFollows();
    void windowFollowsSettings();
    void bothThemesRender();

private:
    QTemporaryDir m_directory;
    int m_files = 0;
    QString newFile(const QString &suffix)
    {
        return m_directory.filePath(QString::number(++m_files) + suffix);
    }
};

namespace {

AppSettings everything()
{
    AppSettings s;
    s.theme = AppSettings::Theme::Dark;
    s.editorFontFamily = QStringLiteral("DejaVu Sans Mono");
    s.editorFontSize = 13;
    s.defaultTimeoutMs = 5000;
    s.defaultProxy
        = {ProxySettings::Mode::Custom, QStringLiteral("http://127.0.0.1:3128"), QStringLiteral("ada"), {}};
    s.caCertificateFiles = {QStringLiteral("/etc/company/ca.pem"), QStringLiteral("/tmp/local ca.crt")};
    s.memoryThresholdMb = 64;
    s.sendOnCtrlEnter = false;
    s.clientCertificates = {
        {QStringLiteral("api.example.com:8443"), ClientCertificate::Format::Pem,
            QStringLiteral("/certs/client.pem"), QStringLiteral("/certs/client.key"), {}},
        {QStringLiteral("*.corp.example"), ClientCertificate::Format::Pkcs12, QStringLiteral("/certs/me.p12"),
            {}, {}},
    };
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
    expected.defaultProxy
        = {ProxySettings::Mode::Custom, QStringLiteral("socks5://127.0.0.1:1080"), QStringLiteral("bob"), {}};
    expected.caCertificateFiles = {QStringLiteral("/ca/one.pem")};
    expected.memoryThresholdMb = 16;
    expected.clientCertificates = settings.clientCertificates; // untouched: kept as they were
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
    chosen.defaultProxy
        = {ProxySettings::Mode::Custom, QStringLiteral("http://127.0.0.1:3128"), QStringLiteral("ada"), {}};
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
    QVERIFY2(problems.first().first().toString().contains(u"missing.pem"),
        qPrintable(problems.first().first().toString()));
    QVERIFY(engine.extraCaCertificates().isEmpty());
}

namespace {

QString tlsFile(const QString &name)
{
    return qEnvironmentVariable("SONDE_TEST_DATA") + QStringLiteral("/tls/") + name;
}

} // namespace

void TestAppSettings::clientCertificatePassphrasesGoToSecretStore()
{
    QNetworkAccessManager network;
    HttpEngine engine(&network);
    const QString ini = newFile(QStringLiteral(".ini"));
    const QString secretsFile = newFile(QStringLiteral(".json"));
    const ClientCertificate encrypted {QStringLiteral("127.0.0.1"), ClientCertificate::Format::Pem,
        tlsFile(QStringLiteral("client.pem")), tlsFile(QStringLiteral("client-encrypted.key")),
        QStringLiteral("client-pass")};
    const ClientCertificate pkcs12 {QStringLiteral("*.example.com"), ClientCertificate::Format::Pkcs12,
        tlsFile(QStringLiteral("client.p12")), {}, QStringLiteral("p12-pass")};
    AppSettings chosen;
    chosen.clientCertificates = {encrypted, pkcs12};
    const auto fileText = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    {
        QSettings store(ini, QSettings::IniFormat);
        FileSecretStore secrets(secretsFile);
        AppSettingsController controller(&store, &engine);
        controller.setSecretStore(&secrets);
        controller.change(chosen, QString());
        QCOMPARE(engine.clientCertificates(), chosen.clientCertificates);
        QVERIFY(engine.clientCertificateProblems().isEmpty());
        QTRY_VERIFY(
            fileText(secretsFile).contains("p12-pass") && fileText(secretsFile).contains("client-pass"));
    }
    // The paths are settings, the passphrases are not.
    const QByteArray settingsText = fileText(ini);
    QVERIFY(settingsText.contains("client-encrypted.key"));
    QVERIFY(!settingsText.contains("client-pass") && !settingsText.contains("p12-pass"));

    // The next start reads them back from the secret store and gives them to the engine.
    HttpEngine next(&network);
    QSettings store(ini, QSettings::IniFormat);
    FileSecretStore secrets(secretsFile);
    AppSettingsController controller(&store, &next);
    controller.apply();
    QCOMPARE(next.clientCertificates().size(), 2);
    QCOMPARE(next.clientCertificates().constFirst().passphrase, QString());
    controller.setSecretStore(&secrets);
    QTRY_COMPARE(next.clientCertificates(), chosen.clientCertificates);
    QVERIFY(next.clientCertificateProblems().isEmpty());
    QCOMPARE(controller.settings().clientCertificates, chosen.clientCertificates);

    // A removed entry takes its passphrase along.
    AppSettings fewer = controller.settings();
    fewer.clientCertificates.removeLast();
    controller.change(fewer, QString());
    QTRY_VERIFY(!fileText(secretsFile).contains("p12-pass"));
    QVERIFY(fileText(secretsFile).contains("client-pass"));
}

void TestAppSettings::clientCertificateDialogValidates_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("problem"); // a part of it; empty: accepted
    const int pem = int(ClientCertificate::Format::Pem);
    const int p12 = int(ClientCertificate::Format::Pkcs12);
    QTest::newRow("PEM") << "api.example.com" << pem << "client.pem"
                         << "client.key"
                         << ""
                         << "";
    QTest::newRow("encrypted PEM") << "api.example.com" << pem << "client.pem"
                                   << "client-encrypted.key"
                                   << "client-pass"
                                   << "";
    QTest::newRow("wrong passphrase") << "api.example.com" << pem << "client.pem"
                                      << "client-encrypted.key"
                                      << "x"
                                      << "passphrase of the private key";
    QTest::newRow("key of another certificate") << "api.example.com" << pem << "client.pem"
                                                << "other.key"
                                                << ""
                                                << "does not belong";
    QTest::newRow("PKCS#12") << "*.example.com" << p12 << "client.p12"
                             << ""
                             << "p12-pass"
                             << "";
    QTest::newRow("PKCS#12, wrong password") << "*.example.com" << p12 << "client.p12"
                                             << ""
                                             << "x"
                                             << "password of the PKCS#12 file";
    QTest::newRow("no host") << "" << pem << "client.pem"
                             << "client.key"
                             << ""
                             << "Give the host";
    QTest::newRow("missing file") << "api.example.com" << pem << "missing.pem"
                                  << "client.key"
                                  << ""
                                  << "does not exist";
}

void TestAppSettings::clientCertificateDialogValidates()
{
    QFETCH(QString, host);
    QFETCH(int, format);
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, passphrase);
    QFETCH(QString, problem);
    ClientCertificateDialog dialog {ClientCertificate()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.hostEdit(), host);
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(format));
    QCOMPARE(dialog.keyEdit()->isVisible(), format == int(ClientCertificate::Format::Pem));
    dialog.certificateEdit()->setPath(tlsFile(certificate));
    dialog.keyEdit()->setPath(key.isEmpty() ? QString() : tlsFile(key));
    QCOMPARE(dialog.passphraseEdit()->echoMode(), QLineEdit::Password);
    QTest::keyClicks(dialog.passphraseEdit(), passphrase);
    dialog.accept();
    if (problem.isEmpty()) {
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const ClientCertificate chosen = dialog.certificate();
        QCOMPARE(chosen.host, host);
        QCOMPARE(int(chosen.format), format);
        QCOMPARE(chosen.passphrase, passphrase);
    } else {
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.problemLabel()->isVisible());
        QVERIFY2(dialog.problemLabel()->text().contains(problem), qPrintable(dialog.problemLabel()->text()));
        const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR");
        if (!directory.isEmpty() && QByteArray(QTest::currentDataTag()) == "wrong passphrase")
            dialog.grab().save(directory + QStringLiteral("/client-certificate-dialog.png"));
    }
}

void TestAppSettings::certificatesPage()
{
    AppSettings settings;
    settings.clientCertificates = {{QStringLiteral("api.example.com"), ClientCertificate::Format::Pem,
        tlsFile(QStringLiteral("client.pem")), tlsFile(QStringLiteral("client.key")), {}}};
    AppSettingsDialog dialog(settings, QString());
    QVERIFY(dialog.showPage(QStringLiteral("Certificates")));
    dialog.resize(760, 420);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    ClientCertificateModel *model = dialog.clientCertificateModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ClientCertificateModel::HostColumn).data().toString(),
        QStringLiteral("api.example.com"));
    QCOMPARE(
        model->index(0, ClientCertificateModel::KeyColumn).data().toString(), QStringLiteral("client.key"));

    const ClientCertificate pkcs12 {QStringLiteral("*.example.com:8443"), ClientCertificate::Format::Pkcs12,
        tlsFile(QStringLiteral("client.p12")), {}, QStringLiteral("p12-pass")};
    dialog.addClientCertificate(pkcs12);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(
        model->index(1, ClientCertificateModel::FormatColumn).data().toString(), QStringLiteral("PKCS#12"));
    QCOMPARE(dialog.settings().clientCertificates,
        settings.clientCertificates + QList<ClientCertificate> {pkcs12});
    if (const QString directory = qEnvironmentVariable("SONDE_SCREENSHOT_DIR"); !directory.isEmpty())
        dialog.grab().save(directory + QStringLiteral("/settings-certificates.png"));

    // OK reads every entry again: one that cannot be used keeps the dialog open, saying why.
    ClientCertificate broken = pkcs12;
    broken.host = QStringLiteral("broken.example.com");
    broken.passphrase = QStringLiteral("wrong");
    dialog.addClientCertificate(broken);
    dialog.tabs()->setCurrentIndex(0);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.tabs()->tabText(dialog.tabs()->currentIndex()), QStringLiteral("Certificates"));
    QVERIFY(dialog.clientCertificateProblemLabel()->isVisible());
    QVERIFY2(dialog.clientCertificateProblemLabel()->text().contains(u"broken.example.com"),
        qPrintable(dialog.clientCertificateProblemLabel()->text()));
    QCOMPARE(dialog.clientCertificateView()->currentIndex().row(), 2);

    // Removed, the rest is kept.
    model->remove(2);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestAppSettings::themeSwitchRecoloursEditors()
{
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Json);
    editor.setUtf8Text("{\"a\": 1}");
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const auto paper = [&editor] {
        return QColor::fromRgb(
            QRgb(editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 0UL)) & 0xffffff);
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

void TestAppSettings::highlightingThemeFollows()
{
    // Stored whatever the build.
    QSettings store(newFile(QStringLiteral(".ini")), QSettings::IniFormat);
    AppSettings chosen;
    chosen.highlightingTheme = QStringLiteral("Solarized Dark");
    chosen.save(store);
    QCOMPARE(AppSettings::load(store).highlightingTheme, QStringLiteral("Solarized Dark"));

    const QStringList themes = LexerFactory::themeNames();
    AppSettingsDialog dialog(chosen, QString());
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Json);
    editor.setText(QStringLiteral("{\"a\": [1, \"two\"]}"));
    const auto background = [](const CodeEditor &of) {
        // Scintilla colours are 0xBBGGRR.
        const long bgr = of.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 32UL); // STYLE_DEFAULT
        return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
    };
    const QColor paletteBase = editor.palette().color(QPalette::Base);
    if (themes.isEmpty()) {
        // Without KSyntaxHighlighting there is nothing to choose, and a stored name changes nothing.
        QVERIFY(!dialog.highlightingBox());
        CodeEditor::setHighlightingTheme(chosen.highlightingTheme);
        QCOMPARE(background(editor), paletteBase);
        CodeEditor::setHighlightingTheme({});
        QSKIP("built without KSyntaxHighlighting: no highlighting themes to choose from");
    }

    QVERIFY(dialog.highlightingBox());
    QCOMPARE(dialog.highlightingBox()->count(), themes.size() + 1); // and "as the theme"
    QCOMPARE(dialog.settings().highlightingTheme, QStringLiteral("Solarized Dark"));
    dialog.highlightingBox()->setCurrentIndex(0);
    QCOMPARE(dialog.settings().highlightingTheme, QString());

    // Every open editor takes the chosen theme's background; back to the palette's with none.
    QVERIFY2(themes.contains(QStringLiteral("Solarized Dark")), qPrintable(themes.join(u", ")));
    CodeEditor::setHighlightingTheme(QStringLiteral("Solarized Dark"));
    const QColor solarized = LexerFactory::editorTheme(editor.palette()).paper;
    QVERIFY(solarized != paletteBase);
    QCOMPARE(background(editor), solarized);
    CodeEditor later;
    later.setLanguage(CodeEditor::Language::Json);
    QCOMPARE(background(later), solarized);
    CodeEditor::setHighlightingTheme({});
    QVERIFY(background(editor) != solarized);
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
        const QString name
            = theme == AppSettings::Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        RequestEditor editor;
        Request request;
        request.method = QStringLiteral("PATCH");
        request.url = QStringLiteral("{{base}}/users/:userId/posts/:postId?draft=true");
        request.pathParams = {{QStringLiteral("userId"), QStringLiteral("42")},
            {QStringLiteral("postId"), QStringLiteral("{{post}}")}};
        request.settings.proxy = {ProxySettings::Mode::Custom, QStringLiteral("socks5://127.0.0.1:1080"),
            QStringLiteral("ada"), QStringLiteral("{{proxyPassword}}")};
        editor.setRequest(request);
        editor.resize(900, 480);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QImage params = editor.grab().toImage();
        editor.tabs()->setCurrentIndex(4);
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
        qPrintable(
            QStringLiteral("light %1, dark %2").arg(editorLightness.at(0)).arg(editorLightness.at(1))));
}

QTEST_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
