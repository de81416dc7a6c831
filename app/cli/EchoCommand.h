#pragma once

#include <QStringList>

/// `sonde-cli echo [--port N]`: runs Sonde's built-in echo server on 127.0.0.1 and prints its URL, until
/// SIGINT or SIGTERM. Needs a QCoreApplication. Returns the process exit code: 0 after a signal, 2 on a
/// usage error or when the port cannot be listened on (typically because it is taken).
int runEchoCommand(const QStringList &arguments);
