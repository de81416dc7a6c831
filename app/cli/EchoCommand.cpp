#include "EchoCommand.h"

#include "echo/EchoServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

constexpr int ExitUsage = 2;
constexpr int ExitListen = 2;

int usageError(const QString &message)
{
    std::fprintf(stderr, "sonde-cli echo: %s\n", qPrintable(message));
    return ExitUsage;
}

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

// A signal handler may do next to nothing: it writes one byte, and a QSocketNotifier on the other end of
// the pair turns that into an ordinary event in the loop (the "self-pipe" trick).
void writeSignalByte(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

// Quits the event loop on SIGINT and SIGTERM while alive; restores the previous handlers afterwards.
class TerminationSignals
{
public:
    TerminationSignals()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
            return;
        m_notifier.emplace(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(&*m_notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
            char byte = 0;
            [[maybe_unused]] const ssize_t read = ::read(g_signalPipe[0], &byte, 1);
            QCoreApplication::quit();
        });
        struct sigaction action = {};
        action.sa_handler = writeSignalByte;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_installed = true;
    }

    ~TerminationSignals()
    {
        if (m_installed) {
            ::sigaction(SIGINT, &m_previousInt, nullptr);
            ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        }
        m_notifier.reset();
        for (int &fd : g_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }

    TerminationSignals(const TerminationSignals &) = delete;
    TerminationSignals &operator=(const TerminationSignals &) = delete;

    bool isInstalled() const { return m_installed; }

private:
    std::optional<QSocketNotifier> m_notifier;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    bool m_installed = false;
};
#endif

} // namespace

int runEchoCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run Sonde's built-in echo server on 127.0.0.1 until interrupted (Ctrl+C)."));
    parser.addHelpOption();
    const QCommandLineOption portOption({QStringLiteral("p"), QStringLiteral("port")},
        QStringLiteral("Port to listen on (default 0: any free port)."), QStringLiteral("port"),
        QStringLiteral("0"));
    parser.addOption(portOption);
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli echo")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // The parser names the executable only; the subcommand belongs in the usage line too.
        QString help = parser.helpText();
        const qsizetype firstLineEnd = help.indexOf(u'\n');
        if (firstLineEnd > 0)
            help.replace(0, firstLineEnd, QStringLiteral("Usage: sonde-cli echo [options]"));
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument “%1” (see --help)")
                              .arg(parser.positionalArguments().constFirst()));
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(QStringLiteral("--port takes a number from 0 to 65535"));

    Sonde::EchoServer server;
    if (!server.listen(static_cast<quint16>(port))) {
        std::fprintf(stderr, "sonde-cli echo: cannot listen on 127.0.0.1:%u: %s\n", port,
            qPrintable(server.errorString()));
        return ExitListen;
    }
#ifdef Q_OS_UNIX
    const TerminationSignals termination;
    if (!termination.isInstalled())
        std::fputs(
            "sonde-cli echo: cannot watch for SIGINT/SIGTERM; stop it by killing the process\n", stderr);
#endif
    std::printf("Sonde echo server listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    QCoreApplication::exec();
    server.close();
    return 0;
}
