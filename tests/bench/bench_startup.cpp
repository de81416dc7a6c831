// bench_startup: how long `sonde` takes to show its window, and how much memory it holds when idle,
// next to a bare Qt window shown the same way. Run it on a real X server: `xvfb-run -a bench_startup`.
//
// Each program is launched RUNS times (after one unmeasured warm-up run that also fills the disk
// cache and lets sonde record that the welcome tabs were shown) with --print-startup-ms; it prints
// the CLOCK_MONOTONIC time of its first painted frame, which is compared with the time just before
// the launch. Two seconds later the resident set size is read from /proc/<pid>/status.

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>

namespace {

constexpr int Runs = 5;
constexpr int IdleSeconds = 2;

double monotonicMs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return -1;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

/// VmRSS of `pid` in MiB, or -1.
double residentMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

struct Run
{
    double launchMs = -1; ///< from just before the launch to the first painted frame
    double sinceProcessMs = -1; ///< the same, as the child measured it from /proc (10 ms resolution)
    double sinceMainMs = -1; ///< from main() to the first painted frame
    double idleRssMb = -1;
};

std::optional<Run> launch(
    const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const double started = monotonicMs();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        std::fprintf(stderr, "bench_startup: cannot start %s: %s\n", qPrintable(program),
            qPrintable(process.errorString()));
        return std::nullopt;
    }

    Run run;
    QByteArray output;
    while (run.launchMs < 0) {
        if (!process.waitForReadyRead(30000)) {
            std::fprintf(stderr, "bench_startup: %s printed no startup time\n", qPrintable(program));
            process.kill();
            process.waitForFinished();
            return std::nullopt;
        }
        output += process.readAllStandardOutput();
        const qsizetype at = output.indexOf("SONDE_STARTUP_MS ");
        const qsizetype end = at < 0 ? -1 : output.indexOf('\n', at);
        if (end < 0)
            continue;
        const QList<QByteArray> fields = output.mid(at, end - at).split(' ');
        if (fields.size() < 4)
            continue;
        run.sinceProcessMs = fields.at(1).toDouble();
        run.sinceMainMs = fields.at(2).toDouble();
        run.launchMs = fields.at(3).toDouble() - started;
    }

    QThread::sleep(IdleSeconds);
    run.idleRssMb = residentMb(process.processId());
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
    return run;
}

struct Summary
{
    double launchMs = -1;
    double sinceProcessMs = -1;
    double sinceMainMs = -1;
    double idleRssMb = -1;
};

std::optional<Summary> measure(
    const char *label, const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    if (!launch(program, arguments, env)) // warm-up
        return std::nullopt;
    QList<double> launchMs, sinceProcessMs, sinceMainMs, rssMb;
    for (int i = 0; i < Runs; ++i) {
        const std::optional<Run> run = launch(program, arguments, env);
        if (!run)
            return std::nullopt;
        std::printf(
            "%s run %d: %.1f ms to the first frame (/proc: %.0f ms, from main: %.1f ms), idle RSS %.1f MB\n",
            label, i + 1, run->launchMs, run->sinceProcessMs, run->sinceMainMs, run->idleRssMb);
        launchMs.append(run->launchMs);
        sinceProcessMs.append(run->sinceProcessMs);
        sinceMainMs.append(run->sinceMainMs);
        rssMb.append(run->idleRssMb);
    }
    return Summary {median(launchMs), median(sinceProcessMs), median(sinceMainMs), median(rssMb)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        std::fprintf(stderr, "bench_startup: no display; run it under xvfb-run -a for real figures\n");

    // The programs get a settings folder of their own: the user's settings are not read or changed.
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());

    const std::optional<Summary> sonde
        = measure("sonde", QStringLiteral(SONDE_BINARY), {QStringLiteral("--print-startup-ms")}, env);
    const std::optional<Summary> bare
        = measure("bare QMainWindow", QStringLiteral(BARE_WINDOW_BINARY), {}, env);
    if (!sonde || !bare)
        return 1;

    std::printf("BENCH startup_to_window_ms %.1f ms\n", sonde->launchMs);
    std::printf("BENCH idle_rss_mb %.1f MB\n", sonde->idleRssMb);
    std::printf("BENCH bare_qt_window_ms %.1f ms\n", bare->launchMs);
    std::printf("BENCH bare_qt_idle_rss_mb %.1f MB\n", bare->idleRssMb);
    std::printf(
        "(medians of %d runs; as /proc sees it: sonde %.0f ms, bare %.0f ms; from main() to the first "
        "frame: sonde %.1f ms, bare %.1f ms)\n",
        Runs, sonde->sinceProcessMs, bare->sinceProcessMs, sonde->sinceMainMs, bare->sinceMainMs);
    return 0;
}
