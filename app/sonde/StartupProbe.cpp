#include "StartupProbe.h"

#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace Sonde {

StartupProbe::StartupProbe(QWidget *window, QElapsedTimer sinceMain, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sinceMain(sinceMain)
{
    m_window->installEventFilter(this);
}

double StartupProbe::msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: fields count from its ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // Field 22, starttime, is the 20th after the command name: clock ticks since boot.
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qulonglong startTicks = fields.at(19).toULongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return -1;
    // starttime counts from boot including suspend: compare with the same clock.
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - double(startTicks) * 1000.0 / double(ticksPerSecond);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted && m_window->windowHandle()
        && m_window->windowHandle()->isExposed()) {
        m_painted = true;
        // The paint is flushed to the screen after this event: report on the next turn of the loop.
        QTimer::singleShot(0, this, &StartupProbe::report);
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::report()
{
    m_window->removeEventFilter(this);
    // The monotonic clock lets a parent process time the whole launch at full resolution.
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::printf("SONDE_STARTUP_MS %.1f %.1f %.3f\n", msSinceProcessStart(),
        double(m_sinceMain.nsecsElapsed()) / 1e6, double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6);
    std::fflush(stdout);
}

} // namespace Sonde
