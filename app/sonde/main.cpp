// sonde: the desktop application. Only wiring: the objects are made here and handed to each other.

#include "MainWindow.h"
#include "SelfTest.h"
#include "StartupProbe.h"
#include "echo/EchoServer.h"
#include "http/HttpEngine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTimer>
#include <QUrl>
#include <cstdio>
#include <memory>

namespace {

const QString WelcomeShownKey = QStringLiteral("welcomeShown");

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
    parser.addOptions({welcomeOption, noEchoOption, selfTestOption, screenshotOption, startupOption});
    parser.process(app);

    QNetworkAccessManager network;
    Sonde::HttpEngine engine(&network);
    Sonde::EchoServer echo;
    if (!parser.isSet(noEchoOption) && !echo.listen())
        std::fprintf(
            stderr, "sonde: the built-in echo server could not start: %s\n", qPrintable(echo.errorString()));

    Sonde::MainWindow window(&engine, &echo);

    // Automated runs leave the user's settings alone.
    const bool automated = parser.isSet(selfTestOption) || parser.isSet(screenshotOption);
    QSettings settings;
    const bool welcome
        = parser.isSet(welcomeOption) || (!automated && !settings.value(WelcomeShownKey).toBool());
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
        QObject::connect(
            selfTest.get(), &Sonde::SelfTest::done, &app, [](int exitCode) { QApplication::exit(exitCode); });
        QTimer::singleShot(0, selfTest.get(), [test = selfTest.get()] { test->start(); });
    }

    return QApplication::exec();
}
