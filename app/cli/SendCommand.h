#pragma once

#include <QStringList>

/// `sonde-cli send URL [-X METHOD] [-H 'Name: value']... [-d BODY | --data-file FILE] [--timeout MS]
/// [--insecure] [--json]`. Returns the process exit code: 0 on any HTTP response, 2 on a usage error,
/// 3 on a transport error.
int runSendCommand(const QStringList &arguments);
