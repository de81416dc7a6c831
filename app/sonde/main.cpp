// sonde: the desktop application. Only wiring: the objects are made here and handed to each other.

#include "MainWindow.h"
#include "SelfTest.h"
#include "StartupProbe.h"
#include "echo/EchoServer.h"
#include "editor/LexerFactory.h"
#include "history/HistoryRecorder.h"
#include "history/HistorySettings.h"
#include "history/HistoryStore.h"
#include "http/CookieJar.h"
#include "http/HttpEngine.h"
#include "settings/AppSettingsController.h"
#include "storage/SecretStore.h"
#include "storage/WorkspaceStore.h"
#include "workspace/WorkspaceController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <cstdio>

#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Repository>
#endif
#include <memory>

namespace {

const QString WelcomeShownKey = QStringLiteral("welcomeShown");
const QString WorkspaceKey = QStringLiteral("workspace/path");
const QString FileSecretsKey = QStringLiteral("secrets/useFile");
const QString WelcomeSource = QStringLiteral(":/welcome");
const QString WelcomeDirectory = QStringLiteral("Welcome");

/// A workspace in `root`, made (with the Welcome collection) when there is none yet. Returns an error
/// in words, empty on success; `created` tells whether it was made now.
QString prepareWorkspace(const QString &root, bool *created)
{
    *created = false;
    if (Sonde::WorkspaceStore::isWorkspace(root))
        return {};
    if (QString error = Sonde::WorkspaceController::create(root, QStringLiteral("My Workspace")); !error.isEmpty())
        return error;
    *created = true;
    return Sonde::WorkspaceController::addCollection(root, WelcomeSource, WelcomeDirectory);
}

bool hasWelcomeCollection(const Sonde::Workspace &workspace)
{
    for (const Sonde::Folder &collection : workspace.collections) {
        if (collection.directoryName == WelcomeDirectory)
            return true;
    }
    return false;
}

QCommandLineOption hidden(QCommandLineOption option)
{
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sonde"));
    QApplication::setOrganizationName(QStringLiteral("Sonde"));
    QApplication::setApplicationVersion(QStringLiteral(SONDE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.sonde.Sonde"));
    const QString iconPath = QStringLiteral(":/icons/io.sonde.Sonde.svg");
    if (QFile::exists(iconPath))
        QApplication::setWindowIcon(QIcon(iconPath));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sonde, a native API explorer."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption welcomeOption(QStringLiteral("welcome"),
        QStringLiteral("Open the welcome requests, even if they were shown before."));
    const QCommandLineOption noEchoOption(
        QStringLiteral("no-echo"), QStringLiteral("Do not start the built-in echo server."));
    const QCommandLineOption selfTestOption(QStringLiteral("self-test"),
        QStringLiteral("Send the first welcome request (or GET /json of the echo server) through the window; "
                       "exit 0 once a 2xx response is rendered, 1 otherwise."));
    const QCommandLineOption screenshotOption = hidden(QCommandLineOption(QStringLiteral("screenshot"),
        QStringLiteral("Like --self-test, and save a PNG of the window to <path>."), QStringLiteral("path")));
    const QCommandLineOption startupOption = hidden(QCommandLineOption(QStringLiteral("print-startup-ms"),
        QStringLiteral("Print the time taken to show the window (benchmark).")));
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
        QStringLiteral("Open the workspace in <folder> (made, with the Welcome collection, when it holds none)."),
        QStringLiteral("folder"));
    const QCommandLineOption themeOption = hidden(QCommandLineOption(QStringLiteral("theme"),
        QStringLiteral("With --screenshot: system, light or dark."), QStringLiteral("theme")));
    const QCommandLineOption snippetOption = hidden(QCommandLineOption(QStringLiteral("screenshot-snippet"),
        QStringLiteral("With --screenshot: picture Generate Code… with the snippet for <target> instead."),
        QStringLiteral("target")));
    const QCommandLineOption settingsPageOption = hidden(QCommandLineOption(
        QStringLiteral("screenshot-settings"),
        QStringLiteral("With --screenshot: picture File ▸ Settings… on <page> (e.g. Certificates) instead."),
        QStringLiteral("page")));
    parser.addOptions({welcomeOption, noEchoOption, workspaceOption, selfTestOption, screenshotOption,
        startupOption, themeOption, snippetOption, settingsPageOption});
    parser.process(app);

#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    // Loaded once: it reads the header of every syntax definition.
    KSyntaxHighlighting::Repository syntaxRepository;
    Sonde::LexerFactory::setRepository(&syntaxRepository);
#endif
    QNetworkAccessManager network;
    Sonde::HttpEngine engine(&network);
    Sonde::CookieJar cookieJar;
    engine.setCookieJar(&cookieJar);
    Sonde::EchoServer echo;
    if (!parser.isSet(noEchoOption) && !echo.listen())
        std::fprintf(
            stderr, "sonde: the built-in echo server could not start: %s\n", qPrintable(echo.errorString()));

    // Automated runs leave the user's settings, workspace, keychain and history alone.
    const bool automated = parser.isSet(selfTestOption) || parser.isSet(screenshotOption);
    QSettings settings;
    QTemporaryDir scratch;

    QString root = parser.value(workspaceOption);
    if (root.isEmpty())
        root = automated ? QDir(scratch.path()).filePath(QStringLiteral("workspace"))
                         : settings.value(WorkspaceKey, QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                                            .filePath(QStringLiteral("Sonde")))
                               .toString();
    bool created = false;
    QString workspaceError = prepareWorkspace(root, &created);

    Sonde::SecretStore *secrets = nullptr;
    if (automated)
        secrets = new Sonde::FileSecretStore(QDir(scratch.path()).filePath(QStringLiteral("secrets.json")), &app);
    else if (settings.value(FileSecretsKey).toBool())
        secrets = new Sonde::FileSecretStore(
            QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("secrets.json")),
            &app);
    else
        secrets = new Sonde::KeychainSecretStore(QStringLiteral("Sonde"), &app);
    Sonde::WorkspaceController workspace(secrets);
    if (workspaceError.isEmpty())
        workspaceError = workspace.open(root);
    if (workspaceError.isEmpty() && !automated && !parser.isSet(workspaceOption))
        settings.setValue(WorkspaceKey, root);
    if (!workspaceError.isEmpty())
        std::fprintf(stderr, "sonde: the workspace could not be opened: %s\n", qPrintable(workspaceError));

    // Cookies are kept per workspace, outside it (they are not for git).
    cookieJar.setFilePath(automated ? QDir(scratch.path()).filePath(QStringLiteral("cookies.json"))
                                    : Sonde::CookieJar::pathForWorkspace(root));
    QString cookieError;
    if (!cookieJar.load(&cookieError))
        std::fprintf(stderr, "sonde: the cookie jar could not be read: %s\n", qPrintable(cookieError));

    QString historyPath = qEnvironmentVariable("SONDE_HISTORY_DB");
    if (historyPath.isEmpty())
        historyPath = automated ? QDir(scratch.path()).filePath(QStringLiteral("history.sqlite"))
                                : Sonde::HistoryStore::defaultPath();
    const Sonde::HistorySettings historySettings
        = automated ? Sonde::HistorySettings() : Sonde::HistorySettings::load(settings);
    Sonde::HistoryRecorder history(historyPath, historySettings.record);
    history.applyRetention(historySettings.keepDays, historySettings.maxBytes());
    QObject::connect(&history, &Sonde::HistoryRecorder::failed, &app,
        [](const QString &message) { std::fprintf(stderr, "sonde: history: %s\n", qPrintable(message)); });

    QString historyError;
    const std::unique_ptr<Sonde::HistoryStore> historyStore = Sonde::HistoryStore::open(historyPath, &historyError);

    // Every setting goes through one QSettings object; automated runs get a throwaway one.
    std::unique_ptr<QSettings> scratchSettings;
    if (automated)
        scratchSettings = std::make_unique<QSettings>(QDir(scratch.path()).filePath(QStringLiteral("settings.ini")),
                                                      QSettings::IniFormat);
    Sonde::AppSettingsController appSettings(automated ? scratchSettings.get() : &settings, &engine);
    if (automated && parser.isSet(themeOption)) {
        Sonde::AppSettings chosen = appSettings.settings();
        const QString theme = parser.value(themeOption);
        chosen.theme = theme == u"dark" ? Sonde::AppSettings::Theme::Dark
                       : theme == u"light" ? Sonde::AppSettings::Theme::Light
                                           : Sonde::AppSettings::Theme::System;
        chosen.save(*scratchSettings);
        appSettings.change(chosen, QString());
    }
    appSettings.setSecretStore(secrets);
    appSettings.apply();

    Sonde::MainWindow window(&engine, &echo);
    window.setAppSettings(&appSettings);
    window.setHistoryRecorder(&history);
    QObject::connect(&cookieJar, &Sonde::CookieJar::saveFailed, &window, [&window](const QString &message) {
        window.statusBar()->showMessage(QObject::tr("The cookies could not be saved: %1").arg(message), 8000);
    });
    if (workspace.isOpen())
        window.setWorkspace(&workspace);
    window.setHistoryStore(historyStore.get(), historyError);

    bool welcome = parser.isSet(welcomeOption) || (!automated && (created || !settings.value(WelcomeShownKey).toBool()));
    if (welcome && workspace.isOpen() && !hasWelcomeCollection(workspace.workspace())) {
        // Asked for explicitly (or first start with an existing workspace): bring the collection in.
        if (Sonde::WorkspaceController::addCollection(root, WelcomeSource, WelcomeDirectory).isEmpty())
            workspace.reload();
    }
    if (welcome && window.openWelcomeRequests()) {
        if (!automated)
            settings.setValue(WelcomeShownKey, true);
    } else if (automated && echo.isListening()) {
        Sonde::Request request;
        request.url = echo.baseUrl().resolved(QUrl(QStringLiteral("json"))).toString();
        window.newRequestTab(request);
    } else {
        window.newRequestTab();
    }

    std::unique_ptr<Sonde::StartupProbe> probe;
    if (parser.isSet(startupOption))
        probe = std::make_unique<Sonde::StartupProbe>(&window, sinceMain);

    window.show();

    std::unique_ptr<Sonde::SelfTest> selfTest;
    if (automated) {
        selfTest = std::make_unique<Sonde::SelfTest>(&window);
        selfTest->setScreenshotPath(parser.value(screenshotOption));
        selfTest->setSnippetTarget(parser.value(snippetOption));
        selfTest->setSettingsPage(parser.value(settingsPageOption), &appSettings);
        QObject::connect(
            selfTest.get(), &Sonde::SelfTest::done, &app, [](int exitCode) { QApplication::exit(exitCode); });
        QTimer::singleShot(0, selfTest.get(), [test = selfTest.get()] { test->start(); });
    }

    return QApplication::exec();
}
