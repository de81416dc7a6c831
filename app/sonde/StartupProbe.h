#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace Sonde {

/// Measures how long a program took to show its window: from the start of the process (as the kernel
/// recorded it, so loading the libraries counts) and from the start of main(), to the moment the
/// window was exposed and painted for the first time.
///
/// Prints one line on stdout, read by the startup benchmark:
/// `SONDE_STARTUP_MS <since process start> <since main> <CLOCK_MONOTONIC now>`, all in milliseconds.
class StartupProbe final : public QObject
{
    Q_OBJECT
public:
    /// Watches `window` (to be shown after this); `sinceMain` was started first thing in main().
    StartupProbe(QWidget *window, QElapsedTimer sinceMain, QObject *parent = nullptr);

    /// Milliseconds since this process started, from /proc/self/stat (10 ms resolution), or -1.
    static double msSinceProcessStart();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QWidget *m_window;
    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace Sonde
