// bench_bare_window: the baseline for bench_startup: an empty QMainWindow of Sonde's size, shown and
// measured exactly as `sonde --print-startup-ms` is.

#include "StartupProbe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("bare"));
    window.resize(1200, 800);
    Sonde::StartupProbe probe(&window, sinceMain);
    window.show();
    return QApplication::exec();
}
